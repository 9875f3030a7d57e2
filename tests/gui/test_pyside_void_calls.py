"""Guard against the PySide6 6.12.0 / Python 3.11 bug: void Qt calls dropped references to None
until the interpreter aborted (none_dealloc). Runs in a child process so an abort fails this test
instead of killing the test session."""

import subprocess
import sys

LOOP = """
import os
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtGui import QGuiApplication, QTextCursor, QTextDocument
app = QGuiApplication([])
document = QTextDocument("نص عربي قصير للتجربة " * 20)
cursor = QTextCursor(document)
length = document.characterCount() - 1
for i in range(100_000):
    cursor.setPosition(i % length)  # returns void
print("ok")
"""


def test_a_hundred_thousand_void_qt_calls_do_not_crash_the_interpreter():
    result = subprocess.run(
        [sys.executable, "-c", LOOP], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "ok"


def test_installed_pyside6_is_not_the_broken_release_on_python_311():
    import PySide6

    if sys.version_info < (3, 12):
        assert PySide6.__version__ != "6.12.0"
