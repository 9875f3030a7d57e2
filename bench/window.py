"""The window as the GUI benches use it: offscreen, with settings in a temporary file, and a
way to wait until widgets have really painted (not just been told to)."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import (  # noqa: E402
    QEvent,
    QEventLoop,
    QObject,
    QSettings,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from annotator.core.store.project import Project  # noqa: E402
from annotator.gui.app import application  # noqa: E402


def _quiet(kind: QtMsgType, context, message: str) -> None:
    # The offscreen platform says this about every window; anything else is shown.
    if "propagateSizeHints" not in message:
        print(message, file=sys.stderr)


qInstallMessageHandler(_quiet)


class PaintWatch(QObject):
    """Counts the paint events of some widgets."""

    def __init__(self, widgets: list[QWidget]):
        super().__init__()
        self.painted: set[int] = set()
        self._widgets = widgets
        for widget in widgets:
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            self.painted.add(id(watched))
        return False

    def reset(self) -> None:
        self.painted.clear()

    def wait(self, timeout: float = 10.0) -> None:
        """Process events until every watched widget has painted since the last reset."""
        app = QApplication.instance()
        deadline = time.perf_counter() + timeout
        while len(self.painted) < len(self._widgets):
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
            if time.perf_counter() > deadline:
                raise TimeoutError("the widgets did not paint")


def settings(folder: Path) -> QSettings:
    return QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)


def main_window(project_path: Path, annotator: str, folder: Path):
    """The annotation window on a project, shown and painted."""
    application()
    from annotator.gui.main_window import MainWindow

    window = MainWindow(Project.open(project_path), annotator, settings(folder))
    watch = PaintWatch([window.article.viewport()])
    window.show()
    watch.wait()
    return window
