"""Refusals that stay in the status bar until the researcher acts again: a message that
disappears after a few seconds is easily missed while the eyes are on the article."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

# The input that counts as the researcher's next action in the window.
_ACTIONS = (QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel)


class StickyMessages(QObject):
    """Shows messages in `window`'s status bar with no timeout and clears one at the next key
    press, click or wheel turn in the window. Only the message shown here is cleared: one
    that the action itself shows (undo's, an import's) stays."""

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self._window = window
        self._shown: str | None = None
        self._armed = False

    def show(self, message: str) -> None:
        """Show `message` (one line) until the next action."""
        self._window.statusBar().showMessage(message)  # no timeout: it stays
        self._shown, self._armed = message, False
        # Armed once the event that led to the refusal (a key press, a click that moved the
        # focus) has been handled: its own delivery to parent widgets must not clear it.
        QTimer.singleShot(0, self._arm)

    def _arm(self) -> None:
        # The filter sees every event of the application: installed only while a message waits.
        if self._shown is not None and not self._armed:
            self._armed = True
            QApplication.instance().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if self._armed and event.type() in _ACTIONS and self._in_window(watched):
            if self._window.statusBar().currentMessage() == self._shown:
                self._window.statusBar().clearMessage()
            self._shown, self._armed = None, False
            QApplication.instance().removeEventFilter(self)
        return False

    def _in_window(self, watched: QObject) -> bool:
        window = watched.window() if hasattr(watched, "window") else None
        # A popup (completer, combo list) belongs to the window through its parent.
        while window is not None and window is not self._window:
            parent = window.parentWidget()
            window = parent.window() if parent is not None else None
        return window is self._window
