"""Broken, foreign and unwritable project files: each is refused with its own message, and a
refused file is left byte for byte as it was, with no log files made beside it."""

import hashlib
import os
import shutil
import sqlite3
import subprocess
import tempfile
from contextlib import contextmanager
from pathlib import Path

import pytest

from annotator.core.errors import (
    DamagedProjectError,
    NewerProjectError,
    NotAProjectError,
    ProjectError,
    ReadOnlyProjectError,
)
from annotator.core.store import backup
from annotator.core.store import project as project_module
from annotator.core.store.project import Project

from . import hostile_files as hostile
from .test_project_file import build_version_1_project


def permissions_bind() -> bool:
    """Whether a file's permissions stop this process from writing it (they do not stop root)."""
    probe = Path(tempfile.mkdtemp()) / "probe"
    probe.write_bytes(b"")
    probe.chmod(0o444)
    try:
        os.close(os.open(probe, os.O_WRONLY))
    except PermissionError:
        return True
    finally:
        shutil.rmtree(probe.parent)
    return False


UNBOUND = (
    "this process writes through file permissions (root); the immutable and simulated tests "
    "cover the same refusals"
)


@pytest.fixture(scope="module")
def valid(tmp_path_factory):
    return hostile.build_valid(tmp_path_factory.mktemp("valid") / "study.annotator")


def fingerprint(path):
    """The bytes of the file and of every file beside it that shares its name. Of a -shm file
    only its presence: it is SQLite's index of the log, rebuilt by any reader, never data."""
    return {
        p.name: "" if p.name.endswith("-shm") else hashlib.sha256(p.read_bytes()).hexdigest()
        for p in path.parent.glob(path.name + "*")
        if p.is_file()
    }


def refusal(path, error):
    """Open `path`, expecting `error`; the file and its neighbours must not change."""
    before = fingerprint(path)
    with pytest.raises(error) as raised:
        Project.open(path)
    assert fingerprint(path) == before
    message = str(raised.value)
    assert "\n" not in message and str(path) in message
    return message


# ----------------------------------------------------------------------------- not a project


@pytest.mark.parametrize(
    "content",
    [
        "قال الوزير إن الحكومة ستعمل\n".encode() * 40,
        bytes(range(256)) * 16,
        b"\x89PNG\r\n\x1a\n" + b"\x00" * 500,
        b"SQLite format",  # the start of the magic only
    ],
    ids=["arabic-text", "binary", "png", "magic-prefix"],
)
def test_a_file_that_is_not_sqlite_is_refused_untouched(tmp_path, content):
    path = tmp_path / "study.annotator"
    path.write_bytes(content)
    assert "not an SQLite file" in refusal(path, NotAProjectError)


def test_a_running_applications_database_and_its_log_are_left_untouched(tmp_path):
    path = hostile.foreign_sqlite(tmp_path / "places.sqlite")
    assert path.with_name("places.sqlite-wal").exists()
    assert "another application" in refusal(path, NotAProjectError)


# ----------------------------------------------------------------------------- cut off


@pytest.mark.parametrize("length", [20, 99, 100, 4096, 3 * 4096 + 17, 0.5, -4096, -1])
def test_a_project_cut_off_anywhere_is_refused_untouched(tmp_path, valid, length):
    if isinstance(length, float):
        length = int(valid.stat().st_size * length)
    path = hostile.cut_off(valid, tmp_path / "study.annotator", length)
    message = refusal(path, DamagedProjectError)
    assert "is damaged" in message and "cut off" in message


def test_a_damaged_project_names_its_newest_backup_and_how_to_restore_it(tmp_path, valid):
    path = hostile.copy_of(valid, tmp_path / "study.annotator")
    with Project.open(path) as project:
        newest = backup.make(project.conn, path, "manual")
    hostile.cut_off(valid, path, -4096)
    message = refusal(path, DamagedProjectError)
    assert f"annotator restore --latest --project {path}" in message
    backup.restore(path, newest)
    with Project.open(path) as project:
        assert project.verify() == []


# ----------------------------------------------------------------------------- damaged pages


@pytest.mark.parametrize("where", [0.0, 0.25, 0.5, 0.75, 1.0])
def test_a_project_with_a_damaged_page_is_refused_untouched(tmp_path, valid, where):
    path = hostile.damaged_page(valid, tmp_path / "study.annotator", where)
    message = refusal(path, DamagedProjectError)
    assert "is damaged" in message and "annotator restore" not in message
    assert "no backup of it was found" in message


def test_a_changed_letter_inside_an_article_is_found_by_the_check(tmp_path, valid):
    path = hostile.damaged_text(valid, tmp_path / "study.annotator", "ز".encode())
    with Project.open(path) as project:
        problems = project.verify()
    assert problems == ["document 7: its text does not match its SHA-256"]


def test_undecodable_bytes_inside_an_article_are_reported_not_raised(tmp_path, valid):
    path = hostile.damaged_text(valid, tmp_path / "study.annotator", b"\xff\xfe")
    with Project.open(path) as project:
        assert project.verify() == [
            "documents row 9 (id '7'): text holds bytes that are not UTF-8",
            "document 7: its text does not match its SHA-256",
        ]


# ----------------------------------------------------------------------------- newer


def test_a_newer_version_recorded_only_in_the_log_is_refused_untouched(tmp_path, valid):
    path = hostile.newer_in_log(valid, tmp_path / "study.annotator")
    # The file's own header still shows this version: only the log holds the newer one.
    assert project_module.check_project_file(path) is None
    assert "newer version" in refusal(path, NewerProjectError)


# ----------------------------------------------------------------------------- read-only


@contextmanager
def immutable(path: Path):
    """`chattr +i`: not even root can write the file or add files to the folder."""
    made = subprocess.run(["chattr", "+i", str(path)], capture_output=True, text=True)
    if made.returncode != 0:
        pytest.skip(f"chattr +i is not available here: {made.stderr.strip()}")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=True)


@pytest.fixture
def chattr():
    if shutil.which("chattr") is None:
        pytest.skip("chattr is not installed")
    return immutable


@pytest.mark.skipif(not permissions_bind(), reason=UNBOUND)
def test_a_read_only_file_is_refused_untouched(tmp_path, valid):
    path = hostile.copy_of(valid, tmp_path / "study.annotator")
    path.chmod(0o444)
    assert "is read-only" in refusal(path, ReadOnlyProjectError)


def test_an_immutable_file_is_refused_untouched(tmp_path, valid, chattr):
    path = hostile.copy_of(valid, tmp_path / "study.annotator")
    with chattr(path):
        assert "is read-only" in refusal(path, ReadOnlyProjectError)


def test_a_file_the_user_may_not_write_is_refused_untouched(tmp_path, valid, monkeypatch):
    path = hostile.copy_of(valid, tmp_path / "study.annotator")
    real_access = os.access
    monkeypatch.setattr(
        os,
        "access",
        lambda p, mode: not (mode & os.W_OK and Path(p) == path) and real_access(p, mode),
    )
    assert "is read-only" in refusal(path, ReadOnlyProjectError)


@pytest.mark.skipif(not permissions_bind(), reason=UNBOUND)
def test_a_project_in_a_read_only_folder_is_refused_untouched(tmp_path, valid):
    path = hostile.copy_of(valid, tmp_path / "study.annotator")
    tmp_path.chmod(0o555)
    try:
        assert "folder" in refusal(path, ReadOnlyProjectError)
    finally:
        tmp_path.chmod(0o755)


def test_a_project_in_an_immutable_folder_is_refused_untouched(tmp_path, valid, chattr):
    (tmp_path / "shared").mkdir()
    path = hostile.copy_of(valid, tmp_path / "shared" / "study.annotator")
    with chattr(path.parent):
        message = refusal(path, ReadOnlyProjectError)
    assert f"its folder {path.parent} is read-only" in message


@pytest.fixture
def file_write_protected(monkeypatch):
    """Project connections opened as SQLite opens a write-protected file the permission check
    did not catch (a network share, say): read-only (the documented URI parameter mode=ro)."""

    def read_only(path):
        uri = f"{Path(path).absolute().as_uri()}?mode=ro"
        return sqlite3.connect(uri, uri=True, isolation_level=None)

    monkeypatch.setattr(project_module, "_connect", read_only)


def test_a_write_to_a_file_sqlite_opened_read_only_is_refused_and_changes_nothing(
    tmp_path, valid, file_write_protected, seed_id
):
    path = hostile.copy_of(valid, tmp_path / "study.annotator")
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    with Project.open(path) as project, pytest.raises(ReadOnlyProjectError) as raised:
        project.add_annotation(seed_id, "amina", "speaker", 0, 5)
    assert "is read-only" in str(raised.value) and "nothing was changed" in str(raised.value)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_an_old_project_in_a_file_sqlite_opened_read_only_is_refused_unmigrated(
    tmp_path, file_write_protected
):
    path = tmp_path / "old.annotator"
    build_version_1_project(path)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    with pytest.raises(ReadOnlyProjectError, match="is read-only"):
        Project.open(path)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


# ----------------------------------------------------------------------------- still opens


def test_a_project_another_window_has_open_is_read_through_its_log(tmp_path, valid, seed_id):
    path = hostile.copy_of(valid, tmp_path / "study.annotator")
    with Project.open(path) as first:
        made = first.add_annotation(seed_id, "omar", "speaker", 0, 5)
        assert path.with_name(path.name + "-wal").stat().st_size > 0
        with Project.open(path) as second:
            assert second.annotation(made.id) == made


def test_each_refusal_is_a_project_error():
    """The window and the command line catch ProjectError; every refusal above is one."""
    for error in (DamagedProjectError, NewerProjectError, NotAProjectError, ReadOnlyProjectError):
        assert issubclass(error, ProjectError)
