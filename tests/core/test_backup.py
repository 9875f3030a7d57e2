"""Backups of a project: written when something changed, kept by the retention rule, restored."""

import functools
import os
import sqlite3
import subprocess
import sys
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from annotator.core.errors import NotAProjectError, ProjectBusyError, ProjectError
from annotator.core.formats import txt
from annotator.core.schema import default_schema_text
from annotator.core.store import backup, migrations
from annotator.core.store.project import Project
from tests.core.test_copies import crash_after_tagging

NOW = datetime(2026, 3, 15, 12, 0, 0)


def test_a_backup_is_a_complete_project_that_opens_on_its_own(seeded_project, seed_id):
    seeded_project.add_annotation(seed_id, "amina", "speaker", 0, 5)
    path = backup.make(seeded_project.conn, seeded_project.path, "manual")
    assert path.parent == backup.folder_of(seeded_project.path)
    with Project.open(path) as copy:
        assert [a.text for a in copy.annotations(seed_id)] == [seeded_project.text(seed_id)[:5]]


def test_no_backup_is_written_when_the_project_is_as_the_newest_backup(seeded_project, seed_id):
    first = backup.make(seeded_project.conn, seeded_project.path, "timed")
    assert backup.make(seeded_project.conn, seeded_project.path, "timed") == first
    assert backup.make(seeded_project.conn, seeded_project.path, "manual") == first
    seeded_project.add_annotation(seed_id, "amina", "speaker", 0, 5)
    second = backup.make(seeded_project.conn, seeded_project.path, "timed")
    assert second != first
    assert [b.path for b in backup.listing(seeded_project.path)] == [second, first]


def test_a_backup_is_due_when_none_is_recent(seeded_project):
    assert backup.due(seeded_project.path)
    backup.make(seeded_project.conn, seeded_project.path, "timed")
    assert not backup.due(seeded_project.path, minutes=10)
    assert backup.due(seeded_project.path, minutes=0)


def test_a_backup_dated_later_today_does_not_put_off_timed_backups(seeded_project):
    place(seeded_project.path, datetime.now() + timedelta(hours=5))
    assert backup.due(seeded_project.path)


@functools.cache
def empty_project_bytes() -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "empty.annotator"
        Project.create(path).close()
        return path.read_bytes()


def place(project_path, when, label="timed", content=None):
    """A backup file named for `when`, as `make` would have named it then (an empty project,
    or `content`)."""
    folder = backup.folder_of(project_path)
    folder.mkdir(exist_ok=True)
    path = folder / f"{when:%Y%m%d-%H%M%S-%f}-{label}.annotator"
    path.write_bytes(empty_project_bytes() if content is None else content)
    return path


def test_retention_keeps_the_last_hour_and_one_a_day_for_thirty_days(tmp_path):
    project = tmp_path / "study.annotator"
    recent = [place(project, NOW - timedelta(minutes=m)) for m in (1, 20, 59)]
    today_older = place(project, NOW - timedelta(hours=3))
    yesterday = [place(project, NOW - timedelta(days=1, hours=h)) for h in (1, 2)]
    month_ago = place(project, NOW - timedelta(days=29, hours=1))
    too_old = [place(project, NOW - timedelta(days=d)) for d in (31, 60)]
    removed = backup.prune(project, NOW)
    kept = {b.path for b in backup.listing(project)}
    assert kept == {*recent, yesterday[0], month_ago}
    assert set(removed) == {today_older, yesterday[1], *too_old}


def test_the_copies_kept_before_restores_and_the_newest_good_backup_are_never_removed(tmp_path):
    project = tmp_path / "study.annotator"
    before_restore = place(project, NOW - timedelta(days=90), backup.BEFORE_RESTORE)
    good = place(project, NOW - timedelta(days=80), "timed")
    older = place(project, NOW - timedelta(days=85), "timed")
    failed = place(project, NOW - timedelta(days=40), backup.FAILED_OPEN)
    backup.prune(project, NOW)
    assert {b.path for b in backup.listing(project)} == {before_restore, good}
    assert not older.exists() and not failed.exists()


def test_entries_that_are_not_backups_are_ignored_with_a_note(seeded_project, seed_id):
    folder = backup.folder_of(seeded_project.path)
    folder.mkdir()
    (folder / "20240101-120000-000000-timed.annotator").mkdir()
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    future = folder / "20991231-235959-000000-timed.annotator"
    future.write_bytes(b"SQLite format 3\x00")
    made = backup.make(seeded_project.conn, seeded_project.path, "manual")
    found = backup.scan(seeded_project.path)
    assert [b.path for b in found.backups] == [made]
    assert len(found.ignored) == 3
    assert any("a folder" in note for note in found.ignored)
    assert any("notes.txt" in note and "not named like a backup" in note for note in found.ignored)
    assert any("in the future" in note for note in found.ignored)
    # The future one does not count as the newest: timed backups go on.
    assert backup.due(seeded_project.path, minutes=0)
    assert future.exists() and (folder / "notes.txt").exists()


def build_project_whose_migration_fails(path, monkeypatch):
    """A version 3 project, and a version 4 step that fails on it (as a step meeting a full
    disk or data it did not foresee would): opening backs it up, then the step fails."""
    conn = sqlite3.connect(path, isolation_level=None)
    migrations.migrate(conn, to_version=3)
    conn.execute(
        "INSERT INTO meta (key, value) VALUES ('label_schema', ?), ('created_at', '2024-05-01')",
        (default_schema_text(),),
    )
    conn.close()
    failing = migrations.MIGRATIONS[3] + "\nINSERT INTO no_such_table VALUES (1);\n"
    monkeypatch.setattr(migrations, "MIGRATIONS", (*migrations.MIGRATIONS[:3], failing))


def test_a_project_that_fails_to_open_is_backed_up_once_and_not_restored_by_latest(
    tmp_path, monkeypatch
):
    path = tmp_path / "study.annotator"
    build_project_whose_migration_fails(path, monkeypatch)
    good = place(path, datetime.now() - timedelta(days=2), "timed")
    for _ in range(25):
        with pytest.raises(ProjectError):
            Project.open(path)
    labels = [b.label for b in backup.listing(path)]
    assert labels == [backup.FAILED_OPEN, "timed"]
    assert backup.newest_good(path).path == good


def test_restoring_puts_the_backup_back_and_keeps_the_replaced_file(tmp_path, seed_article):
    path = tmp_path / "study.annotator"
    with Project.create(path) as project:
        project.import_texts(txt.read_articles([seed_article]))
        saved = backup.make(project.conn, path, "manual")
        doc = project.documents()[0].id
        project.add_annotation(doc, "amina", "speaker", 0, 5)
    identity = os.stat(path).st_ino
    kept = backup.restore(path, saved)
    # Written into the file itself: anything opening it afterwards finds the restored content.
    assert os.stat(path).st_ino == identity
    assert not path.with_name(path.name + "-wal").exists()
    with Project.open(path) as project:
        assert project.annotation_count() == 0
    with Project.open(kept) as replaced:
        assert replaced.annotation_count() == 1


def test_a_copy_kept_before_a_restore_brings_back_its_log_too(tmp_path, seed_article):
    path = tmp_path / "study.annotator"
    with Project.create(path) as project:
        project.import_texts(txt.read_articles([seed_article]))
        saved = backup.make(project.conn, path, "manual")
    crash_after_tagging(path, 1)  # the tag is in the log only
    kept = backup.restore(path, saved)
    assert kept.with_name(kept.name + "-wal").exists()
    backup.restore(path, kept)
    with Project.open(path) as project:
        assert project.annotation_count() == 1
        assert project.warnings == ()  # nothing of the crash's log is left to mislead


HOLD = """
import sys
from annotator.core.store.project import Project
from tests.core.test_copies import crash_after_tagging
project = Project.open(sys.argv[1])
print("open", flush=True)
sys.stdin.readline()
"""


def test_restore_is_refused_while_another_process_has_the_project_open(seeded_project, seed_id):
    saved = backup.make(seeded_project.conn, seeded_project.path, "manual")
    seeded_project.add_annotation(seed_id, "amina", "speaker", 0, 5)
    seeded_project.close()
    other = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(seeded_project.path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert other.stdout.readline() == "open\n"
        with pytest.raises(ProjectBusyError, match="open in another window or command"):
            backup.restore(seeded_project.path, saved)
        assert [b.label for b in backup.listing(seeded_project.path)] == ["manual"]
    finally:
        other.communicate("\n")
    backup.restore(seeded_project.path, saved)
    with Project.open(seeded_project.path) as project:
        assert project.annotation_count() == 0


def test_restoring_a_damaged_file_is_refused_while_another_process_has_it_open(
    seeded_project,
):
    saved = backup.make(seeded_project.conn, seeded_project.path, "manual")
    seeded_project.close()
    other = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(seeded_project.path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert other.stdout.readline() == "open\n"
        with open(seeded_project.path, "r+b") as handle:
            handle.write(b"damaged" * 10)  # SQLite can no longer lock it: fcntl tells
        with pytest.raises(ProjectBusyError, match="open in another window or command"):
            backup.restore(seeded_project.path, saved)
    finally:
        other.communicate("\n")
    backup.restore(seeded_project.path, saved)
    with Project.open(seeded_project.path) as project:
        assert len(project.documents()) == 1


def test_restore_is_refused_while_this_process_has_the_project_open(seeded_project):
    saved = backup.make(seeded_project.conn, seeded_project.path, "manual")
    with pytest.raises(ProjectBusyError):
        backup.restore(seeded_project.path, saved)


def test_a_damaged_project_can_be_replaced_by_its_backup(tmp_path, seed_article):
    path = tmp_path / "study.annotator"
    with Project.create(path) as project:
        project.import_texts(txt.read_articles([seed_article]))
        saved = backup.make(project.conn, path, "manual")
    path.write_bytes(b"garbage" * 100)
    with pytest.raises(NotAProjectError):
        Project.open(path)
    backup.restore(path, saved)
    with Project.open(path) as project:
        assert len(project.documents()) == 1


def test_only_a_project_file_can_be_restored(tmp_path, seeded_project):
    bogus = tmp_path / "bogus.annotator"
    bogus.write_text("not a project", encoding="utf-8")
    with pytest.raises(NotAProjectError):
        backup.restore(seeded_project.path, bogus)


def test_a_file_only_named_like_a_backup_is_not_restored_by_latest(tmp_path):
    path = tmp_path / "study.annotator"
    good = place(path, datetime.now() - timedelta(hours=2), "timed")
    place(path, datetime.now() + timedelta(hours=1), "manual", content=b"garbage\n")
    assert backup.newest_good(path).path == good
