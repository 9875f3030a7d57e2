"""View ▸ Language: switch the interface between Arabic and English, and the digits numbers are
shown in, at once. The window is built again in the new language on the same open project,
with the same document, selection and layout; the undo history starts afresh (every change is
already stored), and the window says so."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QApplication, QMenu

from annotator.gui import language

if TYPE_CHECKING:
    from annotator.gui.main_window import MainWindow

# Each language is offered under its own name, so someone who reads only one finds it.
NAMES = {"ar": "العربية", "en": "English"}


def build_language_menu(menu: QMenu, window: MainWindow) -> QMenu:
    """Add the Language submenu to `menu` (View); its actions switch `window` at once."""
    submenu = menu.addMenu(QCoreApplication.translate("LanguageMenu", "&Language"))
    group = QActionGroup(submenu)
    for code, name in NAMES.items():
        action = QAction(name, submenu)
        action.setCheckable(True)
        action.setChecked(language.current() == code)
        action.setData(code)
        action.triggered.connect(lambda _=False, c=code: switch(window, c, None))
        group.addAction(action)
        submenu.addAction(action)
    submenu.addSeparator()
    digits = QAction(
        QCoreApplication.translate("LanguageMenu", "Arabic-Indic digits (Arabic interface)"),
        submenu,
    )
    digits.setCheckable(True)
    digits.setChecked(window.settings.value(language.DIGITS_KEY, "western") == "arabic")
    digits.triggered.connect(
        lambda checked: switch(window, language.current(), "arabic" if checked else "western")
    )
    submenu.addAction(digits)
    window.language_actions = [*group.actions(), digits]
    return submenu


def switch(window: MainWindow, code: str, digits: str | None) -> MainWindow:
    """Show `window`'s project in the language `code` ("ar"/"en") with `digits` ("western",
    "arabic"; None: as set), both kept in the settings: a new main window replaces `window`,
    on the same document with the same annotation selected. Returns the window now shown."""
    from annotator.gui.main_window import MainWindow

    settings = window.settings
    digits = digits or str(settings.value(language.DIGITS_KEY, "western") or "western")
    settings.setValue(language.LANGUAGE_KEY, code)
    settings.setValue(language.DIGITS_KEY, digits)
    workbench = window.workbench
    document_id, selected_id = workbench.document_id, workbench.selected_id
    window.save_state()
    window.retire()
    language.apply(code, digits)
    replacement = MainWindow(workbench.project, workbench.annotator, settings)
    if document_id and replacement.workbench.document_id != document_id:
        replacement.workbench.open_document(document_id)
    replacement.workbench.select(selected_id)
    replacement.setGeometry(window.geometry())
    if window.isMaximized():
        replacement.showMaximized()
    else:
        replacement.show()
    window.hide()
    window.deleteLater()
    # The application keeps the window alive (nothing else holds a reference to it).
    QApplication.instance().main_window = replacement
    replacement.statusBar().showMessage(
        (
            QCoreApplication.translate("LanguageMenu", "The interface is now in Arabic.")
            if code == "ar"
            else QCoreApplication.translate("LanguageMenu", "The interface is now in English.")
        )
        + " "
        + QCoreApplication.translate(
            "LanguageMenu",
            "Every change is stored; the undo history starts afresh. Exports always write "
            "Western digits.",
        ),
        15000,
    )
    return replacement
