"""Application set-up: the bundled Arabic font, settings, the annotator's name, crash reports."""

from __future__ import annotations

import getpass
import logging
import sqlite3
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSettings
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QInputDialog, QMessageBox, QWidget

from annotator.core.bidi import compose, ltr
from annotator.core.errors import (
    AnnotatorError,
    DamagedProjectError,
    ForeignObjectsError,
    NotAProjectError,
)
from annotator.core.paths import APP_NAME, default_project_path, log_dir
from annotator.core.store import backup
from annotator.core.store.default_project import open_project
from annotator.core.store.opening import CHECK_AT_OPEN_BYTES, remove_foreign_objects
from annotator.core.store.project import Project
from annotator.gui import display, language
from annotator.gui.core_text import core_part, core_text
from annotator.gui.question import ask

ORGANISATION = "arabic-news-annotator"
log = logging.getLogger("annotator")


def load_fonts() -> str:
    """Register the bundled Amiri font (SIL OFL) so Arabic looks the same on every machine."""
    import fontpkg_amiri

    family = "Amiri"
    for path in sorted((Path(fontpkg_amiri.ROOT) / "files").glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        family = families[0] if families else family
    return family


def application() -> QApplication:
    app = QApplication.instance()
    if app is None:
        QGuiApplication.setOrganizationName(ORGANISATION)
        QGuiApplication.setApplicationName(APP_NAME)
        app = QApplication(sys.argv[:1])
    load_fonts()  # Amiri, for the article; the interface font follows the language (language.py)
    return app


NAME_PROMPT = QT_TRANSLATE_NOOP(
    "App",
    "Your name or initials, recorded with every annotation you make.\n"
    "Cancel quits without opening the workbench.",
)
NAME_NEEDED = QT_TRANSLATE_NOOP(
    "App", "A name is needed: every annotation is recorded under the name of whoever made it.\n"
)
NO_NAME = (
    "annotator: no name given, so the workbench was not opened "
    "(every annotation is recorded under its annotator's name)"
)


def _translated(text: str) -> str:
    """`text`, marked for translation elsewhere (QT_TRANSLATE_NOOP), in the interface language."""
    return QCoreApplication.translate("App", text)


def ask_language(settings: QSettings, parent: QWidget | None = None) -> str:
    """The first start's question: Arabic or English interface, in both languages, the system
    locale's language first and default. Closing the question takes the default."""
    default = language.system_language()
    box = QMessageBox(parent)
    box.setWindowTitle("اللغة · Language")
    box.setText(
        "اختر لغة الواجهة. يمكنك تغييرها لاحقاً من عرض ◂ اللغة.\n"
        "Choose the interface language. You can change it later in View ▸ Language."
    )
    arabic = box.addButton("العربية", QMessageBox.ButtonRole.AcceptRole)
    english = box.addButton("English", QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(arabic if default == "ar" else english)
    box.exec()
    clicked = box.clickedButton()
    return "ar" if clicked is arabic else "en" if clicked is english else default


def start_language(settings: QSettings, asked: str | None = None) -> str:
    """Choose and apply the interface language before any window is built: `asked` (--lang),
    else the stored choice, else the first start's question; the choice is stored."""
    chosen = language.chosen_language(settings, asked) or ask_language(settings)
    settings.setValue(language.LANGUAGE_KEY, chosen)
    digits = str(settings.value(language.DIGITS_KEY, "western") or "western")
    language.apply(chosen, digits)
    return chosen


def ask_annotator(settings: QSettings, parent: QWidget | None = None) -> str | None:
    """The name every annotation is recorded under; asked once and kept in the settings. OK
    with an empty name asks again saying why; Cancel prints NO_NAME and returns None (the
    prompt says beforehand that Cancel quits)."""
    name = str(settings.value("annotator", "") or "").strip()
    if not name:
        dialog = QInputDialog(parent)
        dialog.setWindowTitle(QCoreApplication.translate("App", "Who is annotating?"))
        dialog.setLabelText(_translated(NAME_PROMPT))
        dialog.setTextValue(getpass.getuser())
        while not name:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                print(NO_NAME, file=sys.stderr)
                return None
            name = dialog.textValue().strip()
            dialog.setLabelText(_translated(NAME_NEEDED) + _translated(NAME_PROMPT))
    settings.setValue("annotator", name)
    return name


def window_annotator(
    project: Project, settings: QSettings, parent: QWidget | None = None
) -> str | None:
    """The name the window records changes under: a project joined to a team uses its
    member's name (nothing asked; the settings' name is left as it is), any other asks once
    (`ask_annotator`)."""
    from annotator.gui.team_sync import team_annotator

    return team_annotator(project) or ask_annotator(settings, parent)


def install_crash_handler() -> None:
    """Unexpected errors are logged and shown in a dialog; the window keeps running."""
    folder = log_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        logging.basicConfig(
            filename=folder / "annotator.log",
            level=logging.INFO,
            format="%(asctime)s %(levelname)s %(message)s",
        )
    except OSError:
        logging.basicConfig(level=logging.INFO)

    def report(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        details = "".join(traceback.format_exception(kind, error, tb))
        log.error("unexpected error\n%s", details)
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            QCoreApplication.translate("App", "Unexpected error"),
            compose(
                QCoreApplication.translate(
                    "App",
                    "Something went wrong: %1\n\nYour annotations are stored; the details are in "
                    "%2.",
                ),
                core_part(error),
                ltr(folder / "annotator.log"),
            ),
        )
        box.setDetailedText(details)  # selectable, so it can be copied into a report
        box.exec()

    sys.excepthook = report


def open_or_offer_restore(project_path: str | None, parent: QWidget | None = None):
    """Open the project; when it cannot be opened and it has backups, offer the newest one
    (the unreadable file is kept beside the backups). None: nothing could be opened."""
    try:
        return open_project(project_path, CHECK_AT_OPEN_BYTES)
    except ForeignObjectsError as exc:
        return _offer_removal(project_path, exc, parent)
    except (DamagedProjectError, NotAProjectError) as exc:
        # Only a file that can no longer be read is worth replacing; a busy, read-only or newer
        # project is fine as it is.
        path = Path(project_path) if project_path else default_project_path()
        good = backup.newest_good(path) if path.exists() else None
        newest = [good] if good else []
        if not newest:
            QMessageBox.critical(
                parent, QCoreApplication.translate("App", "Cannot open the project"), core_text(exc)
            )
            return None
        made = ltr(f"{newest[0].created:%Y-%m-%d %H:%M}")
        if not ask(
            parent,
            QCoreApplication.translate("App", "Cannot open the project"),
            compose(
                QCoreApplication.translate(
                    "App",
                    "%1\n\nRestore the newest backup, made %2? The file that cannot be opened is "
                    "kept in the backups folder.",
                ),
                core_part(exc),
                made,
            ),
            QCoreApplication.translate("App", "Restore the backup"),
            QCoreApplication.translate("App", "Do not restore"),
        ):
            return None
    except AnnotatorError as exc:
        QMessageBox.critical(
            parent, QCoreApplication.translate("App", "Cannot open the project"), core_text(exc)
        )
        return None
    try:
        backup.restore(path, newest[0].path)
        opened = open_project(project_path, CHECK_AT_OPEN_BYTES)
    except AnnotatorError as exc:
        QMessageBox.critical(
            parent, QCoreApplication.translate("App", "Cannot restore the backup"), core_text(exc)
        )
        return None
    # Said once the restored project opened, so the reader knows which copy is shown.
    QMessageBox.information(
        parent,
        QCoreApplication.translate("App", "Backup restored"),
        compose(
            QCoreApplication.translate(
                "App",
                "The backup made %1 was restored into %2; the file that could not be opened is "
                "kept in the backups folder.",
            ),
            made,
            ltr(path),
        ),
    )
    return opened


def _offer_removal(project_path: str | None, exc: ForeignObjectsError, parent: QWidget | None):
    """A project carrying SQL objects we did not make: offer to remove them (after a backup
    copy) and open it; None when the user declines or the removal fails."""
    if not ask(
        parent,
        QCoreApplication.translate("App", "Cannot open the project"),
        compose(
            QCoreApplication.translate(
                "App",
                "%1\n\nRemove them now and open the project? A backup copy of the file as it is "
                "is made first.",
            ),
            core_part(exc),
        ),
        QCoreApplication.translate("App", "Remove them and open"),
        QCoreApplication.translate("App", "Do not open"),
    ):
        return None
    try:
        path = Path(project_path) if project_path else default_project_path()
        kept, found, lost = remove_foreign_objects(path)
        opened = open_project(project_path, CHECK_AT_OPEN_BYTES)
    except AnnotatorError as error:
        QMessageBox.critical(
            parent, QCoreApplication.translate("App", "Cannot open the project"), core_text(error)
        )
        return None
    if kept is not None:
        # Counts as "label: number", which reads right for any number in both languages:
        # lupdate cannot mark a plural of QCoreApplication.translate outside a QObject.
        message = compose(
            QCoreApplication.translate(
                "App",
                "SQL objects this tool did not make, removed: %1. The file as it was, with them, "
                "is kept in %2.",
            ),
            len(found),
            ltr(kept),
        )
        if lost:
            message += " " + compose(
                QCoreApplication.translate(
                    "App", "Rows that did not fit the rebuilt tables and are only in that copy: %1."
                ),
                lost,
            )
        QMessageBox.information(
            parent, QCoreApplication.translate("App", "SQL objects removed"), message
        )
    return opened


def run(project_path: str | None = None, lang: str | None = None) -> int:
    """Open the window on the project (None: the default project) in the interface language
    `lang` ("ar" or "en"; None: the one chosen before, asked at the first start); the exit
    code. Without a display, or without Qt's X11 libraries, says what is missing in one line
    and returns 1."""
    missing = display.problem()
    if missing:
        print(missing, file=sys.stderr)
        return 1
    app = application()
    install_crash_handler()
    settings = QSettings()
    start_language(settings, lang)
    project = open_or_offer_restore(project_path)
    if project is None:
        return 1
    annotator = window_annotator(project, settings)
    if annotator is None:
        project.close()
        return 0
    from annotator.gui.main_window import MainWindow

    try:
        window = MainWindow(project, annotator, settings)
    except sqlite3.DatabaseError as exc:
        # A large project opened before its check, with a damaged page among those shown.
        message = project.unreadable(exc)
        project.close()
        QMessageBox.critical(
            None, QCoreApplication.translate("App", "Cannot open the project"), message
        )
        return 1
    window.show()
    code = app.exec()
    project.close()
    return code
