"""A large project whose pages are checked in the background, as the tester drove it: a good
backup from earlier, one page of the file damaged on disk since (real random bytes over a real
SQLite page), the window opened on it, a speaker tagged. Nothing may be written to the file or
to its backups until the check has passed, and a damaged copy never replaces a good backup.
"Large" is set low through `Project.open`'s parameter, so a small real file stands in."""

import hashlib
import os
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtTest import QTest

from annotator.core.bidi import plain
from annotator.core.store import backup
from annotator.core.store.project import Project
from annotator.gui import language
from annotator.gui.main_window import MainWindow
from tests.core import hostile_files as hostile
from tests.core.test_backup import place

ROOT = Path(__file__).resolve().parents[2]
WORDS = "العميد قاآني"


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def valid(tmp_path_factory):
    return hostile.build_valid(tmp_path_factory.mktemp("valid") / "valid.annotator")


@pytest.fixture
def with_good_backup(tmp_path, valid):
    """The project and a good backup of it made 40 days ago (older than any day the retention
    rule keeps by date: only "the newest good backup" keeps it)."""
    path = hostile.copy_of(valid, tmp_path / "study.annotator")
    good = place(path, datetime.now() - timedelta(days=40), "timed", valid.read_bytes())
    return path, good


def open_large(qtbot, path, settings, show=True):
    project = Project.open(path, check_at_open_bytes=0)
    assert project.structure == "pending"
    window = MainWindow(project, "amal", settings)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.workbench.open_document("000_41ac67127a0642cf")
    if show:
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        window.article.setFocus()
    return project, window


def wait_for_the_check(qtbot, window, project):
    qtbot.waitUntil(lambda: window.structure_thread is not None, timeout=10000)
    window.structure_thread.join()
    qtbot.waitUntil(lambda: project.structure != "pending", timeout=10000)
    QCoreApplication.processEvents()


def press_s_on(window, words=WORDS):
    start = window.workbench.text.index(words)
    window.article.select_span(start, start + len(words))
    QTest.keyClick(window.article, Qt.Key.Key_S)
    QCoreApplication.processEvents()


def mine(project):
    return project.annotations("000_41ac67127a0642cf", annotator="amal")


def check_command(path, tmp_path):
    env = dict(os.environ, XDG_STATE_HOME=str(tmp_path / "state"))
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return subprocess.run(
        [sys.executable, "-m", "annotator", "check", "--project", str(path)],
        capture_output=True,
        text=True,
        env=env,
    )


def test_an_edit_refused_for_damage_takes_no_backup_and_keeps_the_good_one(
    qtbot, with_good_backup, settings, tmp_path
):
    path, good = with_good_backup
    hostile.damaged_index(path)
    before = digest(path)
    project, window = open_large(qtbot, path, settings)
    try:
        wait_for_the_check(qtbot, window, project)
        assert project.structure == "damaged"
        told = window.statusBar().currentMessage()
        assert f"({good.name[:4]}-{good.name[4:6]}-{good.name[6:8]} " in told
        press_s_on(window)  # refused; the refusal reloads the view
        assert "nothing more is written" in window.statusBar().currentMessage()
        assert window.backup_thread is None
        assert mine(project) == []
        window.close()
    finally:
        project.close()
    assert [b.path for b in backup.listing(path)] == [good]
    assert digest(path) == before
    # The command line names the same backup, which exists.
    checked = check_command(path, tmp_path)
    assert checked.returncode == 1
    assert f"({good.name[:4]}-{good.name[4:6]}-{good.name[6:8]} " in checked.stderr
    assert "restore its newest backup" in checked.stderr


def test_an_edit_before_the_check_ends_is_held_and_nothing_reaches_the_file(
    qtbot, with_good_backup, settings
):
    path, good = with_good_backup
    hostile.damaged_index(path)
    before = digest(path)
    # The window is up, its check not yet started: the key's action, before any event runs.
    project, window = open_large(qtbot, path, settings, show=False)
    try:
        start = window.workbench.text.index(WORDS)
        window.article.select_span(start, start + len(WORDS))
        window.actions.tag["speaker"].trigger()
        assert window.statusBar().currentMessage() == (
            "Checking the project… edits are held until it finishes; nothing was changed, "
            "try again in a moment"
        )
        assert mine(project) == []
        window.show()
        wait_for_the_check(qtbot, window, project)
        assert project.structure == "damaged"
        assert window.backup_thread is None
        window.close()
    finally:
        project.close()
    assert digest(path) == before  # closing folded nothing into the damaged file
    assert [b.path for b in backup.listing(path)] == [good]


def test_a_sound_large_project_takes_edits_once_its_check_passes(qtbot, with_good_backup, settings):
    path, _ = with_good_backup
    project, window = open_large(qtbot, path, settings, show=False)
    try:
        assert window.statusBar().currentMessage() == (
            "Checking the project… edits are held until it finishes"
        )
        start = window.workbench.text.index(WORDS)
        window.article.select_span(start, start + len(WORDS))
        window.actions.tag["speaker"].trigger()
        assert mine(project) == []
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        window.article.setFocus()
        wait_for_the_check(qtbot, window, project)
        assert project.structure == "ok"
        assert window.statusBar().currentMessage() == (
            "The project was checked: edits are stored again"
        )
        press_s_on(window)
        assert [a.text for a in mine(project)] == [WORDS]
        window.close()
    finally:
        project.close()
    with Project.open(path) as reopened:
        assert [a.text for a in mine(reopened)] == [WORDS]


def test_the_held_edit_message_is_in_arabic_in_the_arabic_interface(
    qtbot, with_good_backup, settings
):
    path, _ = with_good_backup
    language.apply("ar")
    try:
        project, window = open_large(qtbot, path, settings, show=False)
        try:
            start = window.workbench.text.index(WORDS)
            window.article.select_span(start, start + len(WORDS))
            window.actions.tag["speaker"].trigger()
            shown = window.statusBar().currentMessage()
            assert shown and "Checking" not in shown
            assert any("\u0600" <= c <= "\u06ff" for c in shown)
            window.close()
        finally:
            project.close()
    finally:
        language.apply("en")


def test_a_large_project_opens_to_its_whole_list_without_reading_its_texts(
    qtbot, valid, tmp_path, settings
):
    path = hostile.copy_of(valid, tmp_path / "study.annotator")
    long_id = hostile.with_long_text(path)
    hostile.damaged_text_page(path)  # a page no one reads until that article is opened
    before = digest(path)
    project, window = open_large(qtbot, path, settings)
    try:
        model = window.documents.view.model()
        assert model.rowCount() == 122
        assert window.documents.model.document_id(121) == long_id
        wait_for_the_check(qtbot, window, project)
        assert project.structure == "damaged"
        assert "is damaged" in window.statusBar().currentMessage()
        window.close()
    finally:
        project.close()
    assert digest(path) == before


def test_a_listed_document_whose_row_is_damaged_is_refused_when_opened(
    qtbot, valid, tmp_path, settings
):
    path = hostile.edited_copy(
        valid,
        tmp_path / "study.annotator",
        "UPDATE documents SET metadata = '[not json' WHERE rowid = 2",
    )
    with Project.open(path) as project:
        (spoiled,) = [d.id for d in project.documents(lengths=False)][1:2]
        assert spoiled not in [d.id for d in project.documents()]  # the full check leaves it out
    project, window = open_large(qtbot, path, settings)
    try:
        shown = window.workbench.document_id
        window.workbench.open_document(spoiled)
        assert window.workbench.document_id == shown
        assert f"document {spoiled!r} is damaged" in plain(window.statusBar().currentMessage())
        window.close()
    finally:
        project.close()
