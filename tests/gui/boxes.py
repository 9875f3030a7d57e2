"""Reading and answering the real message boxes a GUI path opens, as a researcher would."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox


class Boxes:
    """Reads each message box opened while it is active (title, text, button labels) and clicks
    the button labelled `choice`, or closes a box without one (Escape's answer). Polls every
    20 ms from creation until `count` boxes were read or `stop()` (or the end of a `with`)."""

    def __init__(self, choice: str, count: int = 2):
        self.choice = choice
        self.count = count
        self.seen: list[tuple[str, str, list[str]]] = []
        self._stopped = False
        QTimer.singleShot(0, self._answer)

    def __enter__(self) -> Boxes:
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def stop(self) -> None:
        self._stopped = True

    @property
    def texts(self) -> list[str]:
        return [text for _, text, _ in self.seen]

    def _answer(self) -> None:
        if self._stopped:
            return
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and (not self.seen or self.seen[-1][1] != box.text()):
            labels = [b.text() for b in box.buttons()]
            self.seen.append((box.windowTitle(), box.text(), labels))
            chosen = [b for b in box.buttons() if b.text() == self.choice]
            (chosen[0].click() if chosen else box.close())
        if len(self.seen) < self.count:
            QTimer.singleShot(20, self._answer)
