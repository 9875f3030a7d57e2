"""F1: the keyboard shortcuts grouped by task, each action once, readable on a small screen."""

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox

from annotator.core.bidi import plain
from annotator.gui.shortcut_help import ShortcutHelp, keys_of, name_of

LAPTOP = QRect(0, 0, 1366, 768 - 32)  # a 1366x768 screen less a panel
TASKS = ["Select and tag", "Edit", "Navigate", "Suggestions", "Review", "Files"]


def open_help(window) -> ShortcutHelp:
    QTest.keyClick(window.article, Qt.Key.Key_F1)
    (dialog,) = [d for d in window.findChildren(ShortcutHelp) if d.isVisible()]
    return dialog


def rows(dialog: ShortcutHelp) -> list[tuple[str, str | None]]:
    """(first cell, keys cell or None for a task heading) of each row, without isolates."""
    table = dialog.table
    shown = []
    for row in range(table.rowCount()):
        keys = table.item(row, 1)
        shown.append((plain(table.item(row, 0).text()), plain(keys.text()) if keys else None))
    return shown


def test_f1_lists_every_action_once_grouped_by_task(window):
    dialog = open_help(window)
    headings = [first for first, keys in rows(dialog) if keys is None]
    assert headings == TASKS
    names = [first for first, keys in rows(dialog) if keys is not None]
    assert len(names) == len(set(names)), "an action is listed twice"
    keyed = {plain(name_of(a)) for a in window.findChildren(QAction) if keys_of(a)}
    assert keyed <= set(names)
    for shown in ("Tag as Speaker", "Delete annotation", "Reject suggestion", "Undo", "Quit"):
        assert shown in names
    dialog.close()


def test_only_keys_of_a_real_keyboard_are_named(window):
    keys = [k for _, shown in rows(open_help(window)) if shown for k in shown.split(" / ")]
    assert keys
    for alias in ("F14", "Exit", "Find", "Undo", "Redo", "Copy"):
        assert alias not in keys
    assert "Ctrl+Z" in keys and "Backspace" in keys


def test_the_help_fits_a_1366_by_768_screen_and_scrolls(window):
    dialog = ShortcutHelp(window.actions, window, available=LAPTOP)
    dialog.show()
    assert dialog.frameGeometry().height() <= LAPTOP.height()
    assert dialog.width() <= LAPTOP.width()
    close = dialog.findChild(QDialogButtonBox)
    bottom = close.mapTo(dialog, close.rect().bottomLeft()).y()
    assert bottom <= dialog.height()
    # More rows than fit: the list scrolls, the Close button stays in view.
    assert dialog.scroll.verticalScrollBar().maximum() > 0
    dialog.close()
