"""Copies, backups and restores on the command line, each command in its own process."""

import shutil
import subprocess
import sys

from annotator.core.paths import seeds_dir
from annotator.core.store import backup
from annotator.core.store.project import Project
from tests.core.test_backup import HOLD
from tests.core.test_copies import crash_after_tagging


def new_project(run, tmp_path, name="study.annotator"):
    path = tmp_path / name
    assert run("init", path).returncode == 0
    article = seeds_dir() / "000_41ac67127a0642cf.txt"
    assert run("import", "--project", path, article).returncode == 0
    return path


def test_a_command_that_writes_leaves_the_file_complete(run, tmp_path):
    path = new_project(run, tmp_path)
    assert not path.with_name(path.name + "-wal").exists()


def test_copy_writes_a_project_that_opens_and_never_overwrites_unasked(run, tmp_path):
    path = new_project(run, tmp_path)
    dest = tmp_path / "usb" / "study.annotator"
    dest.parent.mkdir()
    done = run("copy", path, dest)
    assert done.returncode == 0, done.stderr
    with Project.open(dest) as copied:
        assert len(copied.documents()) == 1
    again = run("copy", path, dest)
    assert again.returncode == 1
    assert "exists" in again.stderr
    assert run("copy", path, dest, "--force").returncode == 0


def test_restore_is_refused_while_a_window_has_the_project_open(run, tmp_path):
    path = new_project(run, tmp_path)
    assert run("backup", "--project", path).returncode == 0
    window = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert window.stdout.readline() == "open\n"
        refused = run("restore", "--latest", "--project", path)
    finally:
        window.communicate("\n")
    assert refused.returncode == 1
    assert "is open in another window or command" in refused.stderr
    assert "nothing was changed" in refused.stderr
    assert [b.label for b in backup.listing(path)] == ["manual"]
    assert run("restore", "--latest", "--project", path).returncode == 0


def test_backup_skips_an_unchanged_project_and_notes_what_is_not_a_backup(run, tmp_path):
    path = new_project(run, tmp_path)
    folder = backup.folder_of(path)
    folder.mkdir()
    (folder / "20240101-120000-000000-timed.annotator").mkdir()
    first = run("backup", "--project", path)
    assert first.returncode == 0, first.stderr
    assert "a folder, not a backup" in first.stdout
    assert "backup written to" in first.stdout
    second = run("backup", "--project", path)
    assert "no backup written: the project is as its newest backup" in second.stdout
    assert len(backup.listing(path)) == 1


def test_check_names_a_log_lost_after_an_unclean_shutdown(run, tmp_path):
    path = new_project(run, tmp_path)
    crash_after_tagging(path)
    path.with_name(path.name + "-wal").unlink()
    checked = run("check", "--project", path)
    assert checked.returncode == 1
    assert f"{path.name}-wal is missing" in checked.stdout


def test_a_command_that_writes_while_a_window_is_open_leaves_its_work_in_the_file(run, tmp_path):
    path = tmp_path / "study.annotator"
    assert run("init", path).returncode == 0
    window = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert window.stdout.readline() == "open\n"
        article = seeds_dir() / "000_41ac67127a0642cf.txt"
        assert run("import", "--project", path, article).returncode == 0
        alone = tmp_path / "main-file-only.annotator"
        shutil.copyfile(path, alone)  # while the window still has the project open
    finally:
        window.communicate("\n")
    with Project.open(alone) as copied:
        assert len(copied.documents()) == 1
