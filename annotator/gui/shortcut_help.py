"""Help ▸ Keyboard shortcuts (F1): the window's actions grouped by task, each listed once with
the keys a researcher can press, in a dialog that scrolls and fits a small laptop screen."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QRect, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core.bidi import ltr, plain
from annotator.gui.keys import key_text

if TYPE_CHECKING:
    from annotator.gui.actions import Actions

# Task -> names in `Actions.named` (the layer actions are placed by `groups`).
TASKS: list[tuple[str, list[str]]] = [
    (QT_TRANSLATE_NOOP("ShortcutHelp", "Select and tag"), ["pick_speaker", "respan", "deselect"]),
    (
        QT_TRANSLATE_NOOP("ShortcutHelp", "Edit"),
        [
            "edit_attributes",
            "delete",
            "extend_end",
            "shrink_end",
            "extend_start",
            "shrink_start",
            "undo",
            "redo",
            "done",
        ],
    ),
    (
        QT_TRANSLATE_NOOP("ShortcutHelp", "Navigate"),
        [
            "next",
            "previous",
            "next_document",
            "previous_document",
            "focus_documents",
            "focus_article",
            "focus_annotations",
            "find",
            "find_next",
            "find_previous",
            "zoom_in",
            "zoom_out",
            "zoom_reset",
            "show_others",
        ],
    ),
    (
        QT_TRANSLATE_NOOP("ShortcutHelp", "Suggestions"),
        [
            "suggestion_suggest",
            "suggestion_accept",
            "suggestion_reject",
            "suggestion_accept_all",
            "suggestion_next",
            "suggestion_previous",
        ],
    ),
    (QT_TRANSLATE_NOOP("ShortcutHelp", "Review"), ["review", "agreement"]),
    (
        QT_TRANSLATE_NOOP("ShortcutHelp", "Files"),
        [
            "new_project",
            "open_project",
            "import",
            "import_folder",
            "merge",
            "export",
            "save_copy",
            "refresh",
            "shortcuts",
            "quit",
        ],
    ),
]

# Keys found on a researcher's keyboard. Qt's platform bindings also hold keys of old Sun and
# media keyboards (F14 for Undo, "Find", "Exit"), which would only puzzle.
_PLAIN_KEYS = {
    Qt.Key.Key_Escape,
    Qt.Key.Key_Tab,
    Qt.Key.Key_Backspace,
    Qt.Key.Key_Return,
    Qt.Key.Key_Enter,
    Qt.Key.Key_Delete,
    Qt.Key.Key_Insert,
    Qt.Key.Key_Home,
    Qt.Key.Key_End,
    Qt.Key.Key_Left,
    Qt.Key.Key_Right,
    Qt.Key.Key_Up,
    Qt.Key.Key_Down,
    Qt.Key.Key_PageUp,
    Qt.Key.Key_PageDown,
}


def _plain(sequence: QKeySequence) -> bool:
    for n in range(sequence.count()):
        key = sequence[n].key()
        if not (
            Qt.Key.Key_Space.value <= key.value <= Qt.Key.Key_AsciiTilde.value
            or Qt.Key.Key_F1.value <= key.value <= Qt.Key.Key_F12.value
            or key in _PLAIN_KEYS
        ):
            return False
    return not sequence.isEmpty()


def keys_of(action: QAction) -> list[str]:
    """The action's keys as shown to people ("Ctrl+Z"), each once, keyboard keys only, in
    Latin key names whatever the interface language (Qt's native text would say «اليسار» for
    Left); Return is called Enter, and the keypad's Enter is left out where Return is there."""
    shown: list[str] = []
    for sequence in action.shortcuts():
        if not _plain(sequence):
            continue
        text = plain(key_text(sequence))
        if text not in shown:
            shown.append(text)
    return shown


def name_of(action: QAction) -> str:
    return action.text().replace("&", "").replace("…", "")


def groups(actions: Actions) -> list[tuple[str, list[QAction]]]:
    """(task, its actions) in the order shown; every action with a key appears once, those no
    task names under "Other"."""
    named = actions.named
    result = [
        (
            TASKS[0][0],
            [*actions.tag.values(), *actions.tag_exact.values()]
            + [named[n] for n in TASKS[0][1] if n in named],
        )
    ]
    for task, names in TASKS[1:]:
        chosen = [named[n] for n in names if n in named]
        if task == TASKS[2][0]:  # Navigate
            chosen += actions.show_layer.values()
        result.append((task, chosen))
    placed = {id(a) for _, listed in result for a in listed}
    others = [a for a in named.values() if id(a) not in placed and keys_of(a)]
    if others:
        result.append((QT_TRANSLATE_NOOP("ShortcutHelp", "Other"), others))
    return [(task, [a for a in listed if keys_of(a)]) for task, listed in result]


class ShortcutHelp(QDialog):
    """The shortcuts in a two-column table (what it does, its keys) with a heading row per
    task, as wide as its content, no taller than the screen (it scrolls then). Keys are
    left-to-right isolates of Latin key names, in either interface language."""

    def __init__(
        self, actions: Actions, parent: QWidget | None = None, available: QRect | None = None
    ):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.table = QTableWidget(0, 2, self)
        self.table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Keys")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        bold = self.table.font()
        bold.setBold(True)
        leading = Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter
        for task, listed in groups(actions):
            row = self.table.rowCount()
            self.table.insertRow(row)
            heading = QTableWidgetItem(QCoreApplication.translate("ShortcutHelp", task))
            heading.setFont(bold)
            self.table.setItem(row, 0, heading)
            self.table.setSpan(row, 0, 1, 2)
            for action in listed:
                row = self.table.rowCount()
                self.table.insertRow(row)
                what = QTableWidgetItem(name_of(action))
                keys = QTableWidgetItem(" / ".join(ltr(k) for k in keys_of(action)))
                for item in (what, keys):
                    item.setTextAlignment(leading)
                self.table.setItem(row, 0, what)
                self.table.setItem(row, 1, keys)
        self.table.resizeColumnsToContents()
        for column in (0, 1):  # room between the columns and at the edge
            self.table.setColumnWidth(column, self.table.columnWidth(column) + 24)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.scroll = self.table
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self._fit(available)

    def text(self) -> str:
        """Every cell's text, row by row, columns separated by a tab (for tests and copying)."""
        rows = []
        for row in range(self.table.rowCount()):
            cells = [self.table.item(row, c) for c in (0, 1)]
            rows.append("\t".join(c.text() for c in cells if c is not None))
        return "\n".join(rows)

    def _fit(self, available: QRect | None) -> None:
        """As wide as both columns, as tall as the list, at most 90% of the screen's free width
        and 85% of its height (it scrolls then)."""
        if available is None:
            screen = self.parentWidget().screen() if self.parentWidget() else self.screen()
            available = screen.availableGeometry()
        table = self.table
        width = (
            table.columnWidth(0)
            + table.columnWidth(1)
            + table.verticalScrollBar().sizeHint().width()
            + 2 * table.frameWidth()
        )
        width = min(width + 40, int(available.width() * 0.9))
        rows = sum(table.rowHeight(r) for r in range(table.rowCount()))
        height = min(
            rows + table.horizontalHeader().sizeHint().height() + 90, int(available.height() * 0.85)
        )
        self.setMaximumHeight(available.height())
        self.resize(width, height)
        self.move(available.center() - self.rect().center())


def show_shortcut_help(window: QWidget, actions: Actions) -> ShortcutHelp:
    """Open the help beside the window (not modal: one can try a key while reading)."""
    dialog = ShortcutHelp(actions, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
