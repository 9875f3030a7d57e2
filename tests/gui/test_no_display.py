"""`python main.py` on a Linux machine without a display or without Qt's X11 libraries says in
one line what is missing instead of Qt's generic plugin abort."""

import ctypes.util
import subprocess
import sys
from pathlib import Path

from annotator.gui.display import XCB_LIBRARIES, missing_packages, problem

ROOT = Path(__file__).resolve().parents[2]


def start(tmp_path, **environ):
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), **environ}
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), str(tmp_path / "news.annotator")],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_without_a_display_one_line_names_it(tmp_path):
    result = start(tmp_path)
    assert result.returncode == 1
    (line,) = result.stderr.splitlines()
    assert "no display" in line and "DISPLAY" in line and "WAYLAND_DISPLAY" in line
    assert "qt.qpa" not in result.stderr
    assert not (tmp_path / "news.annotator").exists()


def test_a_display_nobody_serves_is_named(tmp_path):
    free = next(n for n in range(900, 1000) if not Path(f"/tmp/.X11-unix/X{n}").exists())
    result = start(tmp_path, DISPLAY=f":{free}")
    assert result.returncode == 1
    (line,) = result.stderr.splitlines()
    if missing_packages():  # a machine without Qt's X11 libraries hears about those first
        assert line.startswith("Cannot open the window: Qt's X11 support needs ")
    else:
        assert line == f"Cannot open the window: no X server answers on DISPLAY=:{free}."


def test_missing_x11_libraries_are_named_with_their_packages():
    def without_cursor(name):
        return None if name == "xcb-cursor" else ctypes.util.find_library(name)

    message = problem({"DISPLAY": ":0"}, "linux", without_cursor)
    assert message is not None and "libxcb-cursor0" in message
    assert "sudo apt install libxcb-cursor0" in message
    assert missing_packages(lambda name: None) == list(XCB_LIBRARIES.values())


def test_a_chosen_platform_or_wayland_needs_no_x11():
    assert problem({"QT_QPA_PLATFORM": "offscreen"}, "linux") is None
    assert problem({"WAYLAND_DISPLAY": "wayland-0"}, "linux") is None
    assert problem({}, "darwin") is None
    assert "WAYLAND_DISPLAY" in problem({"QT_QPA_PLATFORM": "wayland"}, "linux")
