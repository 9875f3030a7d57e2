"""The window on a file made read-only mid-session and on a full disk: one clear message in
the window for each action, no error dialog, nothing stored."""

import shutil

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from annotator.core.formats.txt import read_articles
from annotator.core.paths import seeds_dir
from annotator.core.store import backup
from annotator.core.store.project import Project
from annotator.gui.main_window import MainWindow
from tests.core.test_disk_errors import fill, small_disk
from tests.core.test_hostile_projects import immutable


def dialogs():
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]


def mine(window):
    return window.workbench.project.annotations(window.workbench.document_id, annotator="amal")


def press(window, key):
    QTest.keyClick(window.article, key)


@pytest.fixture
def read_only_mid_session(window, project):
    """Make the open project's file and its log unwritable, as a disk turning read-only does."""
    if shutil.which("chattr") is None:
        pytest.skip("chattr is not installed")
    path = project.path
    with immutable(path), immutable(path.with_name(path.name + "-wal")):
        yield window


def test_tagging_a_file_made_read_only_shows_one_message_and_no_dialog(
    window, read_only_mid_session
):
    text = window.workbench.text
    start = text.index("العميد قاآني")
    for _ in range(2):  # a second try gives the same message, not a dialog loop
        window.article.select_span(start, start + len("العميد قاآني"))
        press(window, Qt.Key.Key_S)
        assert "is read-only" in window.statusBar().currentMessage()
        assert "disk I/O error" not in window.statusBar().currentMessage()
        assert dialogs() == []
        assert mine(window) == []
    assert window.workbench.undo_stack.count() == 0  # nothing to undo: nothing was stored


def test_status_and_delete_on_a_file_made_read_only_show_the_message(window, project):
    if shutil.which("chattr") is None:
        pytest.skip("chattr is not installed")
    speaker = window.workbench.tag("speaker", 0, 5)
    path = project.path
    with immutable(path), immutable(path.with_name(path.name + "-wal")):
        window.statusBar().clearMessage()
        window.toggle_done()
        assert "is read-only" in window.statusBar().currentMessage()
        assert window.workbench.status() == "in_progress"
        window.statusBar().clearMessage()
        window.workbench.select(speaker)
        window.delete_selected()
        assert "is read-only" in window.statusBar().currentMessage()
        assert [a.id for a in mine(window)] == [speaker]
        assert dialogs() == []


def test_a_timed_backup_on_a_full_disk_tells_the_window(qtbot, tmp_path, settings):
    with small_disk(tmp_path / "disk") as disk:
        project = Project.create(disk / "news.annotator")
        try:
            project.import_texts(read_articles([seeds_dir()]))
            window = MainWindow(project, "amal", settings)
            qtbot.addWidget(window)
            fill(disk)
            window._backup_when_due()
            window.backup_thread.join(10)
            qtbot.waitUntil(lambda: "backup" in window.statusBar().currentMessage())
            message = window.statusBar().currentMessage()
            assert "the disk is full" in message
            assert "your work is stored in the project" in message
            assert backup.listing(project.path) == []
            assert [p.name for p in backup.folder_of(project.path).iterdir()] == []
            window.close()
        finally:
            project.close()


def test_a_project_that_cannot_be_read_is_said_once_by_the_two_second_poll(window, qtbot):
    # The poll's connection fails as on a disk that no longer answers reads.
    window.workbench.project.conn.close()
    with qtbot.capture_exceptions() as raised:
        assert window.refresh_if_changed_elsewhere() is False
        first = window.statusBar().currentMessage()
        window.statusBar().clearMessage()
        assert window.refresh_if_changed_elsewhere() is False
    assert raised == []
    assert first.startswith("The project cannot be read at the moment")
    assert window.statusBar().currentMessage() == ""  # not repeated at every poll
    assert dialogs() == []
