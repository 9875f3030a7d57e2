"""The main window fits the screen it opens on, keeps its size and panes between sessions, and
always names the annotator in the status bar."""

import json
import subprocess
import sys
import textwrap
from pathlib import Path

from PySide6.QtCore import QRect, QSize

from annotator.core.bidi import plain
from annotator.gui.window_state import DECORATION, PREFERRED, fitted_geometry

ROOT = Path(__file__).resolve().parents[2]


def test_the_preferred_size_on_a_large_screen_centred():
    available = QRect(0, 0, 1920, 1080)
    rect = fitted_geometry(available)
    assert rect.size() == PREFERRED
    assert abs(rect.center().x() - available.center().x()) <= 1


def test_a_laptop_screen_holds_the_whole_frame():
    available = QRect(0, 27, 1366, 741)  # 1366x768 less a top panel
    rect = fitted_geometry(available)
    border = DECORATION.width() // 2
    framed = rect.adjusted(-border, border - DECORATION.height(), border, border)
    assert available.contains(framed)
    assert rect.width() == PREFERRED.width() and rect.height() < PREFERRED.height()


def test_a_tiny_screen_is_not_overrun():
    available = QRect(0, 0, 800, 600)
    assert fitted_geometry(available, QSize(1280, 800)).height() <= 600 - DECORATION.height()


OPEN_WINDOW = textwrap.dedent(
    """
    import json, sys
    from PySide6.QtCore import QSettings
    from annotator.core.formats.txt import read_articles
    from annotator.core.store.project import Project
    from annotator.gui.app import application
    from annotator.gui.main_window import MainWindow

    folder, seeds = sys.argv[1], sys.argv[2]
    app = application()
    path = folder + "/news.annotator"
    try:
        project = Project.open(path)
    except Exception:
        project = Project.create(path)
        project.import_texts(read_articles([seeds]))
    settings = QSettings(folder + "/settings.ini", QSettings.Format.IniFormat)
    window = MainWindow(project, "amal", settings)
    window.show()
    app.processEvents()
    if len(sys.argv) > 3:
        window.splitter.setSizes([int(n) for n in sys.argv[3].split(",")])
    bar = window.statusBar()
    corner = bar.mapTo(window, bar.rect().bottomRight())
    print(json.dumps({
        "screen": window.screen().availableGeometry().getRect(),
        "window": window.geometry().getRect(),
        "status_bottom": window.mapToGlobal(corner).y(),
        "panes": window.splitter.sizes(),
    }))
    window.close()
    project.close()
    """
)


def open_on_screen(tmp_path, width, height, *extra):
    config = tmp_path / f"screen-{width}x{height}.json"
    screen = {"name": "s", "x": 0, "y": 0, "width": width, "height": height}
    config.write_text(json.dumps({"screens": [screen]}))
    env = {
        "PATH": "/usr/bin:/bin",
        "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
        "HOME": str(tmp_path),
    }
    result = subprocess.run(
        [sys.executable, "-c", OPEN_WINDOW, str(tmp_path), str(ROOT / "seeds"), *extra],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_on_a_1366x768_screen_the_status_bar_is_on_screen_and_the_panes_come_back(tmp_path):
    first = open_on_screen(tmp_path, 1366, 768, "300,600,380")
    x, y, width, height = first["window"]
    assert 0 <= x and x + width <= 1366 and 0 <= y and y + height <= 768
    assert first["status_bottom"] < 768
    again = open_on_screen(tmp_path, 1366, 768)
    assert again["window"] == first["window"]
    assert again["panes"] == first["panes"]
    # Kept on a large screen, then opened on a small one: moved and shrunk onto it.
    large = tmp_path / "large"
    large.mkdir()
    open_on_screen(large, 2560, 1440)
    small = open_on_screen(large, 1024, 600)
    x, y, width, height = small["window"]
    assert x + width <= 1024 and y + height <= 600


def test_the_annotator_outlives_transient_messages(window):
    label = window.annotator_label
    assert plain(label.text()) == "Annotator: amal"
    window.show_error("Select some text in the article first, then press the layer key.")
    assert window.statusBar().currentMessage().startswith("Select some text")
    assert label.isVisible()
    window.statusBar().clearMessage()
    assert label.isVisible() and plain(label.text()) == "Annotator: amal"
