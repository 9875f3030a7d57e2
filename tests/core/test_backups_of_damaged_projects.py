"""No backup is ever taken of a damaged project, and a damaged copy never counts as a good backup
nor makes a good one go: the tester's session (a good backup from earlier, a page of the project
damaged on disk since) replayed on real files, each page overwritten with real random bytes."""

import hashlib
from datetime import datetime, timedelta

import pytest

from annotator.core.errors import DamagedProjectError
from annotator.core.store import backup
from annotator.core.store.opening import restore_hint
from annotator.core.store.project import Project

from . import hostile_files as hostile
from .test_backup import place

NOW = datetime(2026, 3, 15, 12, 0, 0)


@pytest.fixture(scope="module")
def valid(tmp_path_factory):
    return hostile.build_valid(tmp_path_factory.mktemp("valid") / "valid.annotator")


@pytest.fixture
def study(tmp_path, valid):
    """The project, with a good backup made 40 days ago (older than any day the retention rule
    keeps by date), then one of its index pages damaged on disk."""
    path = hostile.copy_of(valid, tmp_path / "study.annotator")
    good = place(path, datetime.now() - timedelta(days=40), "timed", valid.read_bytes())
    hostile.damaged_index(path)
    return path, good


def created(backup_path):
    return datetime.strptime(backup_path.name[:22], "%Y%m%d-%H%M%S-%f")


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_no_backup_is_written_of_a_damaged_project_and_the_good_one_stays(study):
    path, good = study
    project = Project.open(path, check_at_open_bytes=0)  # a window's way: pages not yet read
    try:
        with pytest.raises(DamagedProjectError, match="no backup was written") as refused:
            backup.make(project.conn, path, "timed")
        # It names the backup to restore: the good one, which is still there.
        assert f"restore its newest backup ({created(good):%Y-%m-%d %H:%M})" in str(refused.value)
    finally:
        project.close()
    assert [b.path for b in backup.listing(path)] == [good]
    assert backup.newest_good(path).path == good


def test_a_damaged_backup_is_never_the_newest_good_one_and_is_relabelled(study):
    path, good = study
    # A damaged copy an older version wrote as a timed backup five minutes ago.
    damaged = place(path, datetime.now() - timedelta(minutes=5), "timed", path.read_bytes())
    assert backup.newest_good(path).path == good
    labels = {b.label for b in backup.listing(path)}
    assert labels == {"timed", backup.DAMAGED}
    assert not damaged.exists()
    # The message for the damaged project names the good backup, which exists.
    assert f"restore its newest backup ({created(good):%Y-%m-%d %H:%M})" in restore_hint(path)
    assert good.exists()


def test_a_damaged_newest_backup_does_not_make_the_good_one_go(study):
    path, good = study
    place(path, datetime.now() - timedelta(minutes=5), "timed", path.read_bytes())
    backup.prune(path)
    assert good.exists()
    assert backup.newest_good(path).path == good


def test_a_days_good_backup_is_not_displaced_by_a_failed_or_damaged_copy(tmp_path):
    project = tmp_path / "study.annotator"
    recent = place(project, NOW - timedelta(minutes=5), "timed")
    yesterday_good = place(project, NOW - timedelta(days=1, hours=3), "timed")
    yesterday_failed = place(project, NOW - timedelta(days=1, hours=1), backup.FAILED_OPEN)
    yesterday_damaged = place(project, NOW - timedelta(days=1, hours=2), backup.DAMAGED)
    yesterday_older_good = place(project, NOW - timedelta(days=1, hours=4), "timed")
    backup.prune(project, NOW)
    assert recent.exists() and yesterday_good.exists() and yesterday_failed.exists()
    assert not yesterday_damaged.exists() and not yesterday_older_good.exists()


def test_a_copy_kept_before_a_restore_is_kept_damaged_but_prunes_nothing(study):
    path, good = study
    project = Project.open(path, check_at_open_bytes=0)
    try:
        kept = backup.make(project.conn, path, backup.BEFORE_RESTORE)
    finally:
        project.close()
    assert kept.exists() and good.exists()
    assert backup.newest_good(path).path == good


def test_closing_a_damaged_project_folds_no_log_into_it(tmp_path, valid):
    from .test_copies import crash_after_tagging

    path = hostile.copy_of(valid, tmp_path / "study.annotator")
    crash_after_tagging(path)  # committed tags left in the log, as after a power cut
    hostile.damaged_index(path)
    before = digest(path)
    project = Project.open(path, check_at_open_bytes=0)
    assert project.check_structure() is not None
    project.close()
    assert digest(path) == before
    assert path.with_name(path.name + "-wal").stat().st_size > 0


def test_closing_a_project_not_yet_checked_folds_no_log_into_it(tmp_path, valid):
    from .test_copies import crash_after_tagging

    path = hostile.copy_of(valid, tmp_path / "study.annotator")
    crash_after_tagging(path)
    hostile.damaged_index(path)
    before = digest(path)
    project = Project.open(path, check_at_open_bytes=0)
    project.defer_structure_check()  # the window's thread never got to it
    project.close()
    assert digest(path) == before


def test_a_sound_project_is_backed_up_and_checked_once(tmp_path, valid):
    path = hostile.copy_of(valid, tmp_path / "study.annotator")
    with Project.open(path) as project:
        made = backup.make(project.conn, path, "manual")
    assert backup.damage_in(made) is None
    assert backup.newest_good(path).path == made
