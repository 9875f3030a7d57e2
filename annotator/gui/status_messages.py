"""The status bar's messages: refusals that stay until the researcher acts again (a message
that disappears after a few seconds is easily missed while the eyes are on the article), and
long ones cut to fit beside the permanent widgets, whole in the tooltip."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, Qt, QTimer
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QStatusBar,
    QStyle,
    QStyleOption,
    QWidget,
)

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


class StatusBar(QStatusBar):
    """A status bar whose message never runs into its permanent widgets (the annotator's
    name): a message longer than the room left is cut at its end with "…" (in either reading
    direction) and the whole of it is the bar's tooltip. Qt draws the message unclipped across
    them; everything else (showMessage, currentMessage, timeouts) is Qt's own."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._permanent: list[QWidget] = []
        self.messageChanged.connect(self._follow)

    def addPermanentWidget(self, widget: QWidget, stretch: int = 0) -> None:  # noqa: N802
        super().addPermanentWidget(widget, stretch)
        self._permanent.append(widget)

    def message_rect(self) -> QRect:
        """Where the message is drawn: Qt's margins, up to the first permanent widget."""
        left, right = 6, self.width() - 12
        for widget in self._permanent:
            if widget.isVisible():
                if self.layoutDirection() == Qt.LayoutDirection.RightToLeft:
                    left = max(left, widget.x() + widget.width() + 2)
                else:
                    right = min(right, widget.x() - 2)
                break
        return QRect(left, 0, max(right - left, 0), self.height())

    def shown_message(self) -> str:
        """The message as drawn: whole, or cut to fit with "…"."""
        return self.fontMetrics().elidedText(
            self.currentMessage(), Qt.TextElideMode.ElideRight, self.message_rect().width()
        )

    def _follow(self, message: str) -> None:
        self.setToolTip(message if message and self.shown_message() != message else "")

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._follow(self.currentMessage())

    def paintEvent(self, event) -> None:  # noqa: N802
        message = self.currentMessage()
        if not message:
            super().paintEvent(event)
            return
        painter = QPainter(self)
        option = QStyleOption()
        option.initFrom(self)
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_PanelStatusBar, option, painter, self)
        for widget in self._permanent:
            if widget.isVisible():
                frame = QStyleOption()
                frame.rect = widget.geometry().adjusted(-2, -1, 2, 1)
                frame.palette = self.palette()
                self.style().drawPrimitive(
                    QStyle.PrimitiveElement.PE_FrameStatusBarItem, frame, painter, widget
                )
        painter.setPen(self.palette().windowText().color())
        painter.setClipRect(self.message_rect())
        painter.drawText(
            self.message_rect(),
            Qt.AlignmentFlag.AlignLeading
            | Qt.AlignmentFlag.AlignVCenter
            | Qt.TextFlag.TextSingleLine,
            self.shown_message(),
        )
        painter.end()
