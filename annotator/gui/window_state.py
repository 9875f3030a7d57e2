"""Where the main window opens and what of its layout is kept between sessions: it fits the
screen it opens on (a 1366x768 laptop shows the status bar), and the researcher's own size,
position and pane widths come back at the next start."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QPoint, QRect, QSettings, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QSplitter, QWidget

PREFERRED = QSize(1280, 800)
# Room for what the window manager adds outside the client area (title bar and borders), so
# the whole frame fits the available screen and not just the inside of the window.
DECORATION = QSize(16, 40)
GEOMETRY_KEY = "window/geometry"


def fitted_geometry(available: QRect, preferred: QSize = PREFERRED) -> QRect:
    """The client rectangle (px) for a window on a screen whose free area is `available` (the
    screen less task bars, QScreen.availableGeometry): `preferred` shrunk to leave room for the
    frame, with the frame (title bar on top) centred in `available`."""
    size = preferred.boundedTo(available.size() - DECORATION)
    frame = QRect(QPoint(0, 0), size + DECORATION)
    frame.moveCenter(available.center())
    border = DECORATION.width() // 2
    return frame.adjusted(border, DECORATION.height() - border, -border, -border)


def restore(window: QWidget, settings: QSettings, splitters: dict[str, QSplitter]) -> None:
    """Give `window` its kept geometry (Qt moves and shrinks it onto the current screen), or the
    fitted one on a first start; give each splitter its kept sizes, keyed by name."""
    kept = settings.value(GEOMETRY_KEY)
    if not (isinstance(kept, QByteArray) and window.restoreGeometry(kept)):
        screen = window.screen() or QGuiApplication.primaryScreen()
        window.setGeometry(fitted_geometry(screen.availableGeometry()))
    for name, splitter in splitters.items():
        state = settings.value(f"window/{name}")
        if isinstance(state, QByteArray):
            splitter.restoreState(state)


def keep(window: QWidget, settings: QSettings, splitters: dict[str, QSplitter]) -> None:
    """Store `window`'s geometry and each splitter's sizes for `restore` at the next start."""
    settings.setValue(GEOMETRY_KEY, window.saveGeometry())
    for name, splitter in splitters.items():
        settings.setValue(f"window/{name}", splitter.saveState())
