"""Two windows, or the window and the command line, on one project: no lost update, no crash."""

import threading

import pytest

from annotator.core.errors import ProjectBusyError
from annotator.core.store import project as project_module
from annotator.core.store.project import Project


def test_interleaved_writes_from_two_connections_all_survive(seeded_project, seed_id):
    other = Project.open(seeded_project.path)
    try:
        made = []
        for n in range(20):
            writer = seeded_project if n % 2 else other
            made.append(writer.add_annotation(seed_id, f"annotator{n % 2}", "speaker", n, n + 1).id)
        for reader in (seeded_project, other):
            assert sorted(a.id for a in reader.annotations(seed_id)) == sorted(made)
    finally:
        other.close()


def test_a_read_then_write_after_the_other_window_wrote_does_not_fail(seeded_project, seed_id):
    """A deferred transaction that read before another connection committed would fail at once
    with SQLITE_BUSY when it tries to write; transactions take the write lock first."""
    other = Project.open(seeded_project.path)
    try:
        speaker = seeded_project.add_annotation(seed_id, "amina", "speaker", 0, 5)
        other.add_annotation(seed_id, "omar", "speaker", 6, 8)
        seeded_project.update_annotation(speaker.id, end=4)
        assert other.annotation(speaker.id).end == 4
    finally:
        other.close()


def test_a_write_waits_for_the_other_writer_to_finish(seeded_project, seed_id):
    holding, release = threading.Event(), threading.Event()

    def other_window():
        # Its own connection in its own thread, as a second process would have.
        with Project.open(seeded_project.path) as other, other.atomic():
            other.add_annotation(seed_id, "omar", "speaker", 6, 8)
            holding.set()
            release.wait(5)

    thread = threading.Thread(target=other_window)
    thread.start()
    assert holding.wait(5)
    threading.Timer(0.3, release.set).start()
    mine = seeded_project.add_annotation(seed_id, "amina", "speaker", 0, 5)  # waits, then writes
    thread.join()
    assert {a.annotator for a in seeded_project.annotations(seed_id)} == {"amina", "omar"}
    assert seeded_project.annotation(mine.id).end == 5


def test_a_lock_held_too_long_gives_a_clear_message_and_changes_nothing(
    seeded_project, seed_id, monkeypatch
):
    monkeypatch.setattr(project_module, "BUSY_TIMEOUT_S", 0.2)
    blocked = Project.open(seeded_project.path)
    try:
        seeded_project.conn.execute("BEGIN IMMEDIATE")
        with pytest.raises(ProjectBusyError, match="busy"):
            blocked.add_annotation(seed_id, "omar", "speaker", 0, 5)
        seeded_project.conn.execute("ROLLBACK")
        assert blocked.annotations(seed_id) == []
    finally:
        blocked.close()
