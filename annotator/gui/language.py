"""The interface language: Qt translators (ours and Qt's own), layout direction, the interface
font, the digits numbers are shown in, and the words for the few values shown as text.

English is the source language: its texts are in the code. Arabic comes from
resources/translations/annotator_ar.qm (compiled from annotator_ar.ts by pyside6-lrelease and
shipped in the wheel; tests/gui/test_translations.py fails when it is older than the .ts) and
Qt's own qtbase_ar.qm, which PySide6 ships, for standard buttons, file dialogs and the
"Undo %1" prefixes. Arabic also mirrors the whole layout (Qt.RightToLeft).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, Qt, QTranslator
from PySide6.QtGui import QFontDatabase, QFontInfo, QGuiApplication
from PySide6.QtWidgets import QApplication

from annotator.core import bidi
from annotator.core.schema import LabelSchema, default_schema_text, parse_schema
from annotator.core.store.project import Project
from annotator.gui.keys import install_menu_keys_style

LANGUAGES = ("ar", "en")
# Which settings key keeps the choice, and the digits shown in the interface.
LANGUAGE_KEY = "language"
DIGITS_KEY = "digits"


def translations_dir() -> Path:
    """Where annotator_ar.qm is: beside the package in a wheel (annotator/resources), or the
    checkout's resources/ when run from source."""
    here = Path(__file__).resolve().parent.parent
    for root in (here / "resources", here.parent / "resources"):
        if (root / "translations").is_dir():
            return root / "translations"
    return here.parent / "resources" / "translations"


def system_language() -> str:
    """ "ar" when the system locale is Arabic, else "en"."""
    return "ar" if QLocale.system().language() == QLocale.Language.Arabic else "en"


def chosen_language(settings: QSettings, asked: str | None = None) -> str | None:
    """The language to start in: `asked` (from --lang) when given, else the stored choice;
    None when neither exists (first start: ask)."""
    if asked in LANGUAGES:
        return asked
    stored = str(settings.value(LANGUAGE_KEY, "") or "")
    return stored if stored in LANGUAGES else None


class _DigitTranslator(QTranslator):
    """A translator that writes the count of a plural text ("%n") in the interface's digits:
    Qt itself always puts Western digits there, so "٣ وثائق" would stand beside "32 اقتراحًا"."""

    def translate(  # noqa: D102
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        text = super().translate(context, source, disambiguation, n)
        if not text:
            # A null string tells Qt to ask the next translator or keep the source text; an
            # empty one would be taken as the translation.
            return None
        if n >= 0 and "%n" in text and bidi.digits() == "arabic":
            text = text.replace("%n", bidi.number(n))
        return text


_installed: list[QTranslator] = []
_current = "en"


def current() -> str:
    """The interface language now: "ar" or "en"."""
    return _current


def apply(language: str, digits: str = "western") -> bool:
    """Install the translators of `language` ("ar" or "en") in the running application, set the
    layout direction (Arabic: right to left) and the interface font, and choose the digits the
    Arabic interface shows numbers in ("western" or "arabic"; the English interface always
    shows Western digits). Widgets built afterwards are in the new
    language; built ones follow on QEvent.LanguageChange. False when a .qm file is missing
    (then the interface stays English)."""
    global _current
    app = QCoreApplication.instance()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    loaded = True
    if language == "en":  # the source texts, with English plural forms ("1 document")
        plurals = _DigitTranslator(app)
        if plurals.load(str(translations_dir() / "annotator_en.qm")):
            app.installTranslator(plurals)
            _installed.append(plurals)
    if language == "ar":
        ours, qt = _DigitTranslator(app), QTranslator(app)
        loaded = ours.load(str(translations_dir() / "annotator_ar.qm"))
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt.load("qtbase_ar", qt_dir):
            app.installTranslator(qt)
            _installed.append(qt)
        if loaded:
            app.installTranslator(ours)
            _installed.append(ours)
    _current = language if loaded else "en"
    # Arabic-Indic digits belong to the Arabic interface; the English one always writes 0-9.
    bidi.set_digits("arabic" if digits == "arabic" and _current == "ar" else "western")
    if isinstance(app, QGuiApplication):
        QGuiApplication.setLayoutDirection(
            Qt.LayoutDirection.RightToLeft if _current == "ar" else Qt.LayoutDirection.LeftToRight
        )
        _set_font(app)
    if isinstance(app, QApplication):
        install_menu_keys_style(app)
    return loaded


_interface_family: str | None = None


def interface_family() -> str:
    """Register the bundled Noto Sans Arabic (SIL OFL, fontpkg-noto-sans-arabic) once; its
    family name. Latin letters fall back to the system's sans-serif font."""
    global _interface_family
    if _interface_family is None:
        import fontpkg_noto_sans_arabic

        _interface_family = "Noto Sans Arabic"
        for path in sorted((Path(fontpkg_noto_sans_arabic.ROOT) / "files").glob("*.ttf")):
            font_id = QFontDatabase.addApplicationFont(str(path))
            families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
            _interface_family = families[0] if families else _interface_family
    return _interface_family


_system_family: str | None = None


def _set_font(app: QGuiApplication) -> None:
    """Interface text: Noto Sans Arabic for Arabic letters, the system sans-serif for Latin,
    at the system's size."""
    global _system_family
    font = app.font()
    if _system_family is None:
        # The family the system's alias ("Sans Serif") stands for: in a list of families an
        # alias is not resolved, and the next family would give every line its height.
        _system_family = QFontInfo(font).family()
    arabic = interface_family()
    font.setFamilies([arabic, _system_family] if _current == "ar" else [_system_family, arabic])
    app.setFont(font)


def status_word(status: str) -> str:
    """A document status ("todo", "in_progress", "done") as the interface says it."""
    words = {
        "todo": QCoreApplication.translate("Status", "todo"),
        "in_progress": QCoreApplication.translate("Status", "in progress"),
        "done": QCoreApplication.translate("Status", "done"),
    }
    return words.get(status, status.replace("_", " "))


_localized: dict[tuple[int, str], tuple[LabelSchema, LabelSchema]] = {}


def localized_schema(project: Project) -> LabelSchema:
    """`project`'s label schema in the interface language (see `LabelSchema.localized`)."""
    schema = project.schema
    key = (id(schema), _current)
    cached = _localized.get(key)
    if cached is None or cached[0] is not schema:
        cached = (schema, _with_default_arabic(schema).localized(_current))
        _localized[key] = cached
    return cached[1]


def _with_default_arabic(schema: LabelSchema) -> LabelSchema:
    """`schema`, its layers and attributes without Arabic labels taking those of the default
    schema's layer or attribute of the same name (projects made before the schema had them)."""
    default = {layer.name: layer for layer in parse_schema(default_schema_text()).layers}
    layers = []
    for layer in schema.layers:
        known = default.get(layer.name)
        if known is None:
            layers.append(layer)
            continue
        attributes = []
        for a in layer.attributes:
            k = known.attribute(a.name)
            borrowed = {v: t for v, t in (k.values_ar if k else {}).items() if v in a.values}
            attributes.append(
                replace(
                    a,
                    label_ar=a.label_ar or (k.label_ar if k else ""),
                    description_ar=a.description_ar or (k.description_ar if k else ""),
                    values_ar=a.values_ar or borrowed,
                )
            )
        stances = {v: t for v, t in known.stance_values_ar.items() if v in layer.stance_values}
        layers.append(
            replace(
                layer,
                label_ar=layer.label_ar or known.label_ar,
                description_ar=layer.description_ar or known.description_ar,
                attributes=tuple(attributes),
                stance_values_ar=layer.stance_values_ar or stances,
            )
        )
    return LabelSchema(layers=tuple(layers), source=schema.source)


def layer_label(name: str) -> str:
    """The label the interface shows for the layer called `name`: that of the project schema
    shown most recently (`localized_schema`), else of the default schema, else `name` itself.
    In English, the name as the core wrote it (the command line's word)."""
    if _current == "en":
        return name
    shown = [pair[1] for key, pair in reversed(_localized.items()) if key[1] == _current]
    shown.append(_with_default_arabic(parse_schema(default_schema_text())).localized(_current))
    for schema in shown:
        for layer in schema.layers:
            if layer.name == name:
                return layer.label
    return name
