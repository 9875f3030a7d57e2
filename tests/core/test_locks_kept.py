"""A window never drops its own SQLite locks on its project: POSIX locks belong to the process,
and closing any descriptor of the file (a second opening on a worker thread, a header read)
would drop them all, letting another process restore over the file or delete its log."""

import subprocess
import sys

import pytest

from annotator.core.store import backup, pinned
from annotator.core.store.project import Project
from tests.core.test_backup import empty_project_bytes

ROOT = __import__("pathlib").Path(__file__).resolve().parents[2]


def restore_from_another_process(path):
    """`annotator restore --latest` run by another process: refused while this one holds the
    project's locks."""
    return subprocess.run(
        [sys.executable, "-m", "annotator", "restore", "--latest", "--project", str(path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )


@pytest.fixture
def opened(tmp_path):
    path = tmp_path / "study.annotator"
    path.write_bytes(empty_project_bytes())
    with Project.open(path) as project:
        backup.make(project.conn, path, "manual")
        with project.atomic():  # a write: the log and its index exist
            project.conn.execute("INSERT INTO meta (key, value) VALUES ('x', 'y')")
        yield project


def test_a_second_opening_in_the_same_process_keeps_the_first_ones_locks(opened):
    Project.open(opened.path).close()  # as the agreement and import workers do
    refused = restore_from_another_process(opened.path)
    assert refused.returncode == 1
    assert "is open in another window or command" in refused.stderr


def test_reading_the_files_of_an_open_project_keeps_its_locks(opened):
    for name in ("", "-wal", "-shm"):
        pinned.read(opened.path.with_name(opened.path.name + name), 100)
    pinned.copy(opened.path, opened.path.with_name("copy.bin"))
    refused = restore_from_another_process(opened.path)
    assert refused.returncode == 1


def test_descriptors_are_let_go_when_the_last_project_on_the_file_closes(tmp_path):
    path = tmp_path / "study.annotator"
    path.write_bytes(empty_project_bytes())
    project = Project.open(path)
    pinned.read(path, 100)
    assert pinned._fds
    project.close()
    assert str(path) not in pinned._held and not any(k.startswith(str(path)) for k in pinned._fds)
