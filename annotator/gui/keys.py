"""Key sequences as the interface shows them: Latin key names ("Alt+Left", not «Alt+اليسار»;
the glossary keeps key names Latin), Return called Enter, and each sequence a left-to-right
isolate, so "Ctrl++" does not read "++Ctrl" in a right-to-left menu, tooltip or help table.

Menus draw an action's shortcut themselves (QKeySequence's native text, after a tab); the
`MenuKeysStyle` installed on the application isolates that part when it is drawn, and our own
translations of Qt's "QShortcut" key names (below) keep them Latin in the Arabic interface,
where Qt's catalogue would give «اليسار».
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleOptionMenuItem

from annotator.core.bidi import Isolated, ltr, plain

# The key names qtbase_ar.qm translates into Arabic words; annotator_ar.ts gives them back
# in Latin letters. (Return stays Return there: QKeySequence("Enter") would otherwise parse
# as Return and lose the keypad's Enter; `shown_keys` calls it Enter when drawn.)
KEY_NAMES = (
    QT_TRANSLATE_NOOP("QShortcut", "Left"),
    QT_TRANSLATE_NOOP("QShortcut", "Right"),
    QT_TRANSLATE_NOOP("QShortcut", "Up"),
    QT_TRANSLATE_NOOP("QShortcut", "Down"),
    QT_TRANSLATE_NOOP("QShortcut", "Delete"),
    QT_TRANSLATE_NOOP("QShortcut", "Escape"),
    QT_TRANSLATE_NOOP("QShortcut", "Page Up"),
    QT_TRANSLATE_NOOP("QShortcut", "Page Down"),
    QT_TRANSLATE_NOOP("QShortcut", "Return"),
)


def shown_keys(text: str) -> Isolated:
    """A key sequence's text ("Ctrl+Shift+Return") as shown: Return called Enter, as one
    left-to-right isolate."""
    return ltr(plain(text).replace("Return", "Enter"))


def key_text(sequence: QKeySequence | str) -> Isolated:
    """`sequence` in Latin key names (Qt's portable text), Return called Enter, isolated."""
    sequence = QKeySequence(sequence)
    return shown_keys(sequence.toString(QKeySequence.SequenceFormat.PortableText))


class MenuKeysStyle(QProxyStyle):
    """The application's style, drawing the shortcut column of menu items as a left-to-right
    isolate with Return called Enter. Everything else is the base style's."""

    def drawControl(self, element, option, painter, widget=None) -> None:  # noqa: N802
        if (
            element == QStyle.ControlElement.CE_MenuItem
            and isinstance(option, QStyleOptionMenuItem)
            and "\t" in option.text
        ):
            option = QStyleOptionMenuItem(option)
            name, _, keys = option.text.partition("\t")
            option.text = name + "\t" + shown_keys(keys)
        super().drawControl(element, option, painter, widget)


def install_menu_keys_style(app: QApplication) -> None:
    """Wrap the application's style in `MenuKeysStyle` (once)."""
    if not isinstance(app.style(), MenuKeysStyle):
        app.setStyle(MenuKeysStyle(app.style().name()))
