"""The file a researcher copies is complete; a replaced file takes no more writes; a log beside
the project that lost or misplaces work is named when it is opened."""

import os
import shutil
import signal
import subprocess
import sys

import pytest

from annotator.core.errors import ProjectError, ProjectReplacedError
from annotator.core.store import backup
from annotator.core.store.project import Project

# Tags N speakers in the project's first document, then dies without closing anything, as a
# machine that loses power: the work is committed, in the log, not yet in the file.
CRASH = """
import os, signal, sys
from annotator.core.store.project import Project
project = Project.open(sys.argv[1])
doc = project.documents()[0].id
for n in range(int(sys.argv[2])):
    project.add_annotation(doc, "amina", "speaker", n * 3, n * 3 + 2)
os.kill(os.getpid(), signal.SIGKILL)
"""


def crash_after_tagging(path, tags=5):
    run = subprocess.run([sys.executable, "-c", CRASH, str(path), str(tags)])
    assert run.returncode == -signal.SIGKILL
    assert os.path.getsize(path.with_name(path.name + "-wal")) > 0


def log_of(path, suffix="-wal"):
    return path.with_name(path.name + suffix)


def tag_some(project, seed_id, n):
    for i in range(n):
        project.add_annotation(seed_id, "amina", "speaker", i * 3, i * 3 + 2)


def test_after_a_checkpoint_the_file_alone_holds_every_committed_tag(
    seeded_project, seed_id, tmp_path
):
    other = Project.open(seeded_project.path)  # another window: closing alone folds nothing
    try:
        tag_some(seeded_project, seed_id, 40)
        seeded_project.set_status(seed_id, "amina", "done")
        busy, frames, copied = seeded_project.checkpoint()
        assert busy == 0 and frames == copied > 0
        copy = tmp_path / "usb-stick.annotator"
        shutil.copyfile(seeded_project.path, copy)  # the main file only, as a file manager does
        with Project.open(copy) as copied_project:
            assert copied_project.annotation_count() == 40
            assert copied_project.status(seed_id, "amina") == "done"
    finally:
        other.close()


def test_a_copy_holds_every_committed_tag_while_the_project_is_open(
    seeded_project, seed_id, tmp_path
):
    tag_some(seeded_project, seed_id, 40)
    dest = backup.copy(seeded_project.conn, tmp_path / "copy.annotator")
    assert not log_of(dest).exists()
    with Project.open(dest) as copied:
        assert copied.annotation_count() == 40
        assert copied.verify() == []


def test_a_copy_never_replaces_a_file_unless_asked(seeded_project, tmp_path):
    dest = tmp_path / "copy.annotator"
    dest.write_text("my thesis", encoding="utf-8")
    with pytest.raises(ProjectError, match="exists"):
        backup.copy(seeded_project.conn, dest)
    assert dest.read_text(encoding="utf-8") == "my thesis"
    with pytest.raises(ProjectError, match="the project itself"):
        backup.copy(seeded_project.conn, seeded_project.path, overwrite=True)
    backup.copy(seeded_project.conn, dest, overwrite=True)
    with Project.open(dest) as copied:
        assert len(copied.documents()) == 1


def test_closing_the_last_connection_leaves_the_file_complete(seeded_project, seed_id):
    tag_some(seeded_project, seed_id, 3)
    seeded_project.close()
    assert not log_of(seeded_project.path).exists()


def test_no_write_lands_in_a_file_that_was_replaced(seeded_project, seed_id, tmp_path):
    tag_some(seeded_project, seed_id, 1)
    replacement = tmp_path / "restored.annotator"
    backup.copy(seeded_project.conn, replacement)
    old_inode = os.stat(seeded_project.path).st_ino
    os.replace(replacement, seeded_project.path)  # another program's restore
    assert seeded_project.replaced()
    with pytest.raises(ProjectReplacedError, match="replaced or removed"):
        seeded_project.add_annotation(seed_id, "amina", "speaker", 20, 25)
    with Project.open(seeded_project.path) as fresh:
        assert fresh.annotation_count() == 1
        assert os.stat(seeded_project.path).st_ino != old_inode


def test_a_log_lost_after_an_unclean_shutdown_is_named(seeded_project, seed_id):
    path = seeded_project.path
    seeded_project.close()
    crash_after_tagging(path)
    log_of(path).unlink()  # deleted as clutter, or left behind by a copy
    with Project.open(path) as reopened:
        (warning,) = reopened.warnings
    assert f"{path.name}-wal is missing" in warning
    assert "not yet in the project" in warning


def test_a_log_of_another_project_is_named(tmp_path, seeded_project, seed_id):
    path = seeded_project.path
    other = tmp_path / "other.annotator"
    backup.copy(seeded_project.conn, other)
    seeded_project.close()
    crash_after_tagging(path, 2)
    crash_after_tagging(other, 7)
    shutil.copyfile(log_of(other), log_of(path))
    with Project.open(path) as reopened:
        assert any("belongs to another file" in w for w in reopened.warnings)


def test_a_log_that_is_not_a_log_is_named(seeded_project):
    path = seeded_project.path
    seeded_project.close()
    log_of(path).write_bytes(b"\x00" * 4000)
    with Project.open(path) as reopened:
        assert any("not a write-ahead log" in w for w in reopened.warnings)


def test_a_log_that_fits_says_nothing(seeded_project, seed_id):
    path = seeded_project.path
    seeded_project.close()
    crash_after_tagging(path)
    with Project.open(path) as reopened:
        assert reopened.warnings == ()
        assert reopened.annotation_count() == 5
