"""The window and its project file: copies taken while it is open hold every stored tag, a file
replaced under it is reopened before any further write, closing leaves the file complete."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QKeySequence

from annotator.core.bidi import plain
from annotator.core.errors import ProjectBusyError
from annotator.core.store import backup
from annotator.core.store.project import Project

ROOT = Path(__file__).resolve().parents[2]


def tag_words(window, n, skip=0):
    """Tag n Arabic words of the open article as speakers, after the first `skip` words;
    returns their ids."""
    words = re.finditer(r"[\u0621-\u064A]{3,}", window.workbench.text)
    for _ in range(skip):
        next(words)
    ids = [window.workbench.tag("speaker", *next(words).span()) for _ in range(n)]
    assert all(ids)
    return ids


def test_a_copy_made_by_the_command_line_while_the_window_is_open_holds_every_tag(
    window, project, tmp_path
):
    tagged = tag_words(window, 40)
    window.workbench.set_status("done")
    dest = tmp_path / "usb-stick.annotator"
    copied = subprocess.run(
        [sys.executable, "-m", "annotator", "copy", str(project.path), str(dest)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert copied.returncode == 0, copied.stderr
    with Project.open(dest) as copy:
        assert {a.id for a in copy.annotations(window.workbench.document_id)} == set(tagged)
        assert copy.status(window.workbench.document_id, "amal") == "done"


def test_after_a_few_idle_seconds_the_project_file_alone_holds_every_tag(
    qtbot, window, project, tmp_path
):
    other = Project.open(project.path)  # a second window: the log is not folded at closing
    try:
        tagged = tag_words(window, 40)
        qtbot.waitUntil(lambda: window.project_file.pending, timeout=5000)
        qtbot.waitUntil(lambda: not window.project_file.pending, timeout=15000)
        dest = tmp_path / "copied-by-a-file-manager.annotator"
        shutil.copyfile(project.path, dest)  # the main file only
        with Project.open(dest) as copy:
            assert {a.id for a in copy.annotations(window.workbench.document_id)} == set(tagged)
    finally:
        other.close()


def test_save_a_copy_has_a_shortcut_of_its_own_and_writes_every_tag(qtbot, window, tmp_path):
    action = window.actions["save_copy"]
    assert action.shortcut() == QKeySequence("Ctrl+Alt+S")
    same = [a for a in window.findChildren(type(action)) if a.shortcut() == action.shortcut()]
    assert same == [action]
    tagged = tag_words(window, 3)
    dest = tmp_path / "copy.annotator"
    with qtbot.waitSignal(window.project_file.copy_finished, timeout=10000) as done:
        window.project_file.save_copy_to(dest)
    assert str(dest) in done.args[0]
    with Project.open(dest) as copy:
        assert {a.id for a in copy.annotations(window.workbench.document_id)} == set(tagged)


def test_a_file_replaced_under_the_window_is_reopened_and_the_next_tag_lands_in_it(
    window, project, tmp_path
):
    first = tag_words(window, 1)
    restored = tmp_path / "restored.annotator"
    backup.copy(project.conn, restored)  # holds the first tag only
    later = tag_words(window, 2, skip=1)
    # Another program puts the copy in place of the open file (not `annotator restore`, which
    # refuses while the window is open).
    os.replace(restored, project.path)
    # The tag is refused: it would have gone into the file no longer there.
    text = window.workbench.text
    start = text.index(" ", 200) + 1
    assert window.workbench.tag("speaker", start, start + 3) is None
    assert window.project_file.notice is not None
    assert "was replaced by another program" in window.project_file.notice.text()
    assert window.workbench.project is not project
    assert window.workbench.undo_stack.count() == 0
    # The new file shows its own content: the old file's log was not applied to it.
    assert [a.id for a in window.workbench.annotations()] == first
    # What the window had stored in the old file is kept, as before a restore.
    (kept,) = [b for b in backup.listing(project.path) if b.label == backup.BEFORE_RESTORE]
    with Project.open(kept.path) as before:
        assert before.annotation_count() == 3 and {*first, *later} == {
            a.id for a in before.annotations(window.workbench.document_id)
        }
    errors = []
    window.workbench.error.connect(errors.append)
    again = window.workbench.tag("speaker", start, start + 3)
    assert again is not None, errors
    window.close()
    with Project.open(project.path) as reopened:
        assert {a.id for a in reopened.annotations(window.workbench.document_id)} == {
            *first,
            again,
        }


def test_the_window_notices_a_replaced_file_without_any_write(window, project, tmp_path):
    restored = tmp_path / "restored.annotator"
    backup.copy(project.conn, restored)
    os.replace(restored, project.path)
    window.project_file.tick()
    assert window.workbench.project is not project
    assert "was replaced" in window.statusBar().currentMessage()


def test_restore_is_refused_while_the_window_is_open(window, project):
    saved = backup.make(project.conn, project.path, "manual")
    tag_words(window, 1)
    try:
        backup.restore(project.path, saved)
    except ProjectBusyError:
        pass
    else:
        raise AssertionError("restore went ahead while the window had the project open")
    assert len(window.workbench.project.annotations(window.workbench.document_id)) == 1


def test_closing_the_window_empties_the_log_into_the_file(window, project):
    other = Project.open(project.path)
    try:
        tag_words(window, 5)
        window.close()
        wal = project.path.with_name(project.path.name + "-wal")
        assert wal.stat().st_size == 0
    finally:
        other.close()


def test_opening_the_window_names_a_log_lost_after_an_unclean_shutdown(qtbot, project, settings):
    from annotator.gui.main_window import MainWindow
    from tests.core.test_copies import crash_after_tagging

    path = project.path
    project.close()
    crash_after_tagging(path)
    path.with_name(path.name + "-wal").unlink()
    with Project.open(path) as reopened:
        window = MainWindow(reopened, "amal", settings)
        qtbot.addWidget(window)
        assert "-wal is missing" in plain(window.project_file.notice.text())
        window.close()
