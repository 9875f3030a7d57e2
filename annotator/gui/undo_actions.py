"""Undo and redo actions whose texts the program writes itself.

Qt's QUndoStack.createUndoAction/createRedoAction take their "Undo %1" / "Redo %1" from
qtbase's catalogue (Arabic «أعد %1» for redo, where our glossary says «إعادة»), and a toolbar
button shows the action's icon text, which Qt derives from the text by dropping every "..." and
"…": a cut-off span «…إيران» then loses its ellipsis and leaves a stray space. These actions
say "Undo %1" / "Redo %1" through our own translation and set the icon text themselves, so the
button shows exactly the menu's words.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence, QUndoStack

from annotator.core.bidi import compose


def _shown(action: QAction, text: str) -> None:
    action.setText(text)
    # Set explicitly, so Qt does not strip the ellipsis of a cut-off span.
    action.setIconText(text)


def undo_redo_actions(stack: QUndoStack, parent: QObject) -> tuple[QAction, QAction]:
    """(undo, redo) actions for `stack`, enabled and worded as its current step is: "Undo %1"
    with the step's text isolated (bidi.compose), plain "Undo" when there is none. Shortcuts:
    the platform's Undo keys; Ctrl+Shift+Z and Ctrl+Y for redo."""
    undo, redo = QAction(parent), QAction(parent)
    undo.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Undo))
    redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    undo.triggered.connect(stack.undo)
    redo.triggered.connect(stack.redo)

    def refresh(*_: object) -> None:
        try:
            show(stack.undoText(), stack.redoText())
        except RuntimeError:  # the stack or the window is being destroyed (clear() signals)
            return

    def show(before: str, after: str) -> None:
        _shown(
            undo,
            compose(QCoreApplication.translate("UndoActions", "Undo %1"), before)
            if before
            else QCoreApplication.translate("UndoActions", "Undo"),
        )
        _shown(
            redo,
            compose(QCoreApplication.translate("UndoActions", "Redo %1"), after)
            if after
            else QCoreApplication.translate("UndoActions", "Redo"),
        )
        undo.setEnabled(stack.canUndo())
        redo.setEnabled(stack.canRedo())

    for signal in (
        stack.indexChanged,
        stack.canUndoChanged,
        stack.canRedoChanged,
        stack.undoTextChanged,
        stack.redoTextChanged,
    ):
        signal.connect(refresh)
    refresh()
    return undo, redo
