"""A large project's window appears before its pages are checked; the check runs on a thread of
its own, and a damaged result is shown and refuses every edit after it, naming the backup to
restore. "Large" is set low through `Project.open`'s parameter, so a small real file stands in.
"""

import hashlib
import random
import sqlite3
from contextlib import closing

import pytest

from annotator.core.store import backup
from annotator.core.store.project import Project
from annotator.gui.main_window import MainWindow
from tests.core import hostile_files as hostile


@pytest.fixture
def damaged(tmp_path):
    """A project with a backup, then the page of an index the window does not read (stances
    by target: agreement's) overwritten on disk, so the window opens and the check finds it."""
    path = hostile.build_valid(tmp_path / "study.annotator")
    with Project.open(path) as project:
        backup.make(project.conn, path, "manual")
    with closing(sqlite3.connect(path)) as conn:
        (page,) = conn.execute(
            "SELECT pageno FROM dbstat WHERE name = 'stances_by_target'"
        ).fetchone()
    data = bytearray(path.read_bytes())
    at = (page - 1) * hostile.PAGE
    data[at : at + hostile.PAGE] = random.Random(3).randbytes(hostile.PAGE)
    path.write_bytes(bytes(data))
    return path


def test_the_window_checks_a_large_project_in_the_background_and_stops_saving(
    qtbot, damaged, settings
):
    before = hashlib.sha256(damaged.read_bytes()).digest()
    project = Project.open(damaged, check_at_open_bytes=0)
    try:
        assert project.structure == "pending"
        window = MainWindow(project, "amal", settings)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: project.structure != "pending", timeout=10000)
        window.structure_thread.join()
        assert project.structure == "damaged"
        qtbot.waitUntil(lambda: "Nothing more is saved" in window.statusBar().currentMessage())
        shown = window.statusBar().currentMessage()
        assert f"annotator restore --latest --project {damaged}" in shown
        # An edit is refused with the same reason, and nothing reaches the file.
        assert window.workbench.tag("speaker", 0, 3) is None
        qtbot.waitUntil(lambda: "nothing more is written" in window.statusBar().currentMessage())
        window.close()
    finally:
        project.close()
    assert hashlib.sha256(damaged.read_bytes()).digest() == before
