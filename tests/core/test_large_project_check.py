"""A large project opens without reading every page first, and is still never written once
its pages are found damaged: the check runs before the first write (or on another thread while
a window is up) and refuses every write after a damaged result, naming the backup to restore.
"Large" is set low here through `Project.open`'s parameter, so small real files stand in."""

import hashlib
import sqlite3
import threading

import pytest

from annotator.core.errors import CheckPendingError, DamagedProjectError
from annotator.core.store import backup
from annotator.core.store.project import Project

from . import hostile_files as hostile


@pytest.fixture(scope="module")
def valid(tmp_path_factory):
    return hostile.build_valid(tmp_path_factory.mktemp("valid") / "valid.annotator")


def first_document(path):
    with Project.open(path.parent / "valid-copy.annotator") as project:
        return project.documents(lengths=False)[0].id


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(params=[0.5, 0.75])
def damaged(request, tmp_path, valid):
    """A copy of the project with a backup made, then one page overwritten on disk."""
    path = hostile.copy_of(valid, tmp_path / "study.annotator")
    hostile.copy_of(valid, tmp_path / "valid-copy.annotator")
    with Project.open(path) as project:
        backup.make(project.conn, path, "manual")
    return hostile.damaged_page(valid, path, request.param)


def test_a_damaged_file_under_the_threshold_is_refused_at_opening(damaged):
    before = digest(damaged)
    with pytest.raises(DamagedProjectError, match="is damaged"):
        Project.open(damaged)
    assert digest(damaged) == before


def test_a_damaged_large_file_is_refused_before_its_first_write(damaged):
    before = digest(damaged)
    project = Project.open(damaged, check_at_open_bytes=0)
    try:
        assert project.structure == "pending"
        # Pages read before the check may be damaged ones (`check_structure` then says what
        # to restore): the document's id is taken from the sound copy.
        document = first_document(damaged)
        with pytest.raises(DamagedProjectError) as refused:
            project.set_status(document, "amina", "done")
        message = str(refused.value)
        assert f"{damaged} is damaged" in message
        assert f"annotator restore --latest --project {damaged}" in message
        assert "nothing more is written to it" in message
        # And every later write, without checking again.
        with pytest.raises(DamagedProjectError):
            project.add_annotation(document, "amina", "speaker", 0, 3)
    finally:
        project.close()
    assert digest(damaged) == before


def test_a_check_on_another_thread_refuses_the_writes_after_it(damaged):
    before = digest(damaged)
    project = Project.open(damaged, check_at_open_bytes=0)
    try:
        project.defer_structure_check()
        found = []
        worker = threading.Thread(target=lambda: found.append(project.check_structure()))
        worker.start()
        worker.join()
        assert found[0] is not None and "annotator restore --latest" in found[0]
        assert project.structure == "damaged"
        document = first_document(damaged)
        with pytest.raises(DamagedProjectError, match="nothing more is written"):
            project.set_status(document, "amina", "done")
    finally:
        project.close()
    assert digest(damaged) == before


def test_a_sound_large_file_is_checked_once_and_written(tmp_path, valid):
    path = hostile.copy_of(valid, tmp_path / "study.annotator")
    with Project.open(path, check_at_open_bytes=0) as project:
        assert project.structure == "pending"
        document = project.documents(lengths=False)[0].id
        project.set_status(document, "amina", "done")
        assert project.structure == "ok" and project.damage is None
        assert project.status(document, "amina") == "done"
    with Project.open(path) as project:
        assert project.status(document, "amina") == "done"


def test_while_the_check_runs_elsewhere_nothing_is_written(damaged):
    before = digest(damaged)
    document = first_document(damaged)
    project = Project.open(damaged, check_at_open_bytes=0)
    try:
        project.defer_structure_check()  # a window's thread will check it
        with pytest.raises(CheckPendingError, match="still being checked .*; nothing was changed"):
            project.add_annotation(document, "amina", "speaker", 0, 3)
        with pytest.raises(CheckPendingError):
            project.checkpoint("TRUNCATE")
        assert project.check_structure() is not None
        with pytest.raises(DamagedProjectError):
            project.add_annotation(document, "amina", "speaker", 0, 3)
    finally:
        project.close()
    assert digest(damaged) == before


def test_once_the_check_run_elsewhere_passes_writes_go_through(tmp_path, valid):
    path = hostile.copy_of(valid, tmp_path / "study.annotator")
    with Project.open(path, check_at_open_bytes=0) as project:
        project.defer_structure_check()
        document = project.documents(lengths=False)[0].id
        with pytest.raises(CheckPendingError):
            project.set_status(document, "bilal", "done")
        assert project.status(document, "bilal") == "todo"
        worker = threading.Thread(target=project.check_structure)
        worker.start()
        worker.join()
        project.set_status(document, "bilal", "done")
    with Project.open(path) as project:
        assert project.status(document, "bilal") == "done"


def test_a_large_file_not_in_wal_mode_is_checked_before_opening_writes_to_it(tmp_path, valid):
    path = hostile.copy_of(valid, tmp_path / "study.annotator")
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA journal_mode = DELETE")  # as a copy made by another tool may be
    conn.close()
    hostile.damaged_index(path)
    before = digest(path)
    with pytest.raises(DamagedProjectError, match="is damaged"):
        Project.open(path, check_at_open_bytes=0)
    assert digest(path) == before


def test_the_document_list_of_a_large_project_reads_none_of_its_texts(tmp_path, valid):
    """Listing the documents without their lengths reads no page of any text: with a page in
    the middle of a long text damaged, the list is whole, and the damage is the check's."""
    path = hostile.copy_of(valid, tmp_path / "study.annotator")
    long_id = hostile.with_long_text(path)
    hostile.damaged_text_page(path)
    before = digest(path)
    project = Project.open(path, check_at_open_bytes=0)
    try:
        listed = project.documents(lengths=False)
        assert len(listed) == 122 and listed[-1].id == long_id
        assert listed[0].annotation_count == 2 and listed[0].status == "in_progress"
        assert project.check_structure() is not None
    finally:
        project.close()
    assert digest(path) == before
