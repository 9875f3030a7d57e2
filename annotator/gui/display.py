"""Before Qt starts on Linux: is there a display, and are the libraries of Qt's X11 platform
installed? Qt's own answer is a generic plugin message and an abort; this names what is missing
in one line. No Qt import here: it runs before any Qt object exists."""

from __future__ import annotations

import ctypes.util
import os
import re
import socket
import sys
from collections.abc import Callable, Mapping

# The libraries Qt's xcb platform plugin loads beyond libxcb itself, with the Debian/Ubuntu
# package of each (the names `find_library` takes, without "lib" and ".so").
XCB_LIBRARIES = {
    "xcb-cursor": "libxcb-cursor0",
    "xcb-icccm": "libxcb-icccm4",
    "xcb-keysyms": "libxcb-keysyms1",
    "xcb-image": "libxcb-image0",
    "xcb-render-util": "libxcb-render-util0",
    "xcb-shape": "libxcb-shape0",
    "xcb-randr": "libxcb-randr0",
    "xcb-xinerama": "libxcb-xinerama0",
    "xkbcommon-x11": "libxkbcommon-x11-0",
    "X11-xcb": "libx11-xcb1",
}


def missing_packages(find: Callable[[str], str | None] = ctypes.util.find_library) -> list[str]:
    """The Debian/Ubuntu packages of the X11 libraries `find` (a library name to its file name,
    None when absent) does not find, in XCB_LIBRARIES order."""
    return [package for name, package in XCB_LIBRARIES.items() if find(name) is None]


def _x_server_answers(display: str) -> bool:
    """Whether a local X display such as ":0" or "unix:1.0" takes connections; remote displays
    (host:0, over ssh -X) are not tried and count as answering."""
    local = re.fullmatch(r"(?:unix)?:(\d+)(?:\.\d+)?", display)
    if not local:
        return True
    path = f"/tmp/.X11-unix/X{local.group(1)}"
    for address in ("\0" + path, path):  # Linux's abstract socket first, then the file
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
            try:
                probe.connect(address)
                return True
            except OSError:
                continue
    return False


def problem(
    environ: Mapping[str, str] = os.environ,
    platform: str = sys.platform,
    find: Callable[[str], str | None] = ctypes.util.find_library,
) -> str | None:
    """One line saying why the window cannot open on this machine, or None when it can (or
    when it is not Linux, or when QT_QPA_PLATFORM names a platform other than xcb/wayland)."""
    if not platform.startswith("linux"):
        return None
    chosen = environ.get("QT_QPA_PLATFORM", "").split(":")[0]
    wayland = environ.get("WAYLAND_DISPLAY", "")
    display = environ.get("DISPLAY", "")
    if chosen not in ("", "xcb", "wayland"):
        return None  # offscreen, vnc, eglfs...: the user chose a platform that needs no display
    if chosen == "wayland" or (not chosen and wayland and not display):
        if wayland:
            return None
        return "Cannot open the window: QT_QPA_PLATFORM is wayland but WAYLAND_DISPLAY is unset."
    if not chosen and wayland:
        return None  # Qt takes Wayland first; X11 is only its fallback
    if not display:
        return (
            "Cannot open the window: no display (DISPLAY and WAYLAND_DISPLAY are unset); run it "
            "in a desktop session, over `ssh -X`, or under `xvfb-run`."
        )
    missing = missing_packages(find)
    if missing:
        return (
            f"Cannot open the window: Qt's X11 support needs {', '.join(missing)} "
            f"(Debian/Ubuntu: sudo apt install {' '.join(missing)})."
        )
    if not _x_server_answers(display):
        return f"Cannot open the window: no X server answers on DISPLAY={display}."
    return None
