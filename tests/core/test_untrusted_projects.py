"""A project file someone else made or edited by hand: SQL objects it carries never run, and a
row of the wrong type or shape is reported by the check and left out of every read."""

import hashlib
import re
import sqlite3

import pytest

from annotator.core.errors import ForeignObjectsError, ProjectError
from annotator.core.review.merge import merge
from annotator.core.store import backup, foreign_objects
from annotator.core.store.opening import remove_foreign_objects
from annotator.core.store.project import Project

from . import hostile_files as hostile

# A trigger that empties the annotations at the first tag: what the issue met.
EMPTYING_TRIGGER = (
    "CREATE TRIGGER tidy AFTER INSERT ON annotations BEGIN DELETE FROM annotations; END"
)


@pytest.fixture(scope="module")
def valid(tmp_path_factory):
    return hostile.build_valid(tmp_path_factory.mktemp("valid") / "study.annotator")


carrying = hostile.edited_copy


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_project_carrying_a_trigger_is_refused_untouched_with_the_trigger_named(tmp_path, valid):
    path = carrying(valid, tmp_path / "study.annotator", EMPTYING_TRIGGER)
    before = digest(path)
    with pytest.raises(ForeignObjectsError) as refused:
        Project.open(path)
    message = str(refused.value)
    assert "trigger tidy on annotations" in message
    assert f"annotator check --remove-foreign --project {path}" in message
    assert isinstance(refused.value, ProjectError)
    assert digest(path) == before
    assert not path.with_name(path.name + "-wal").exists()


@pytest.mark.parametrize(
    "statement, named",
    [
        ("CREATE VIEW everything AS SELECT * FROM annotations", "view everything"),
        ("CREATE TABLE notes (x)", "table notes"),
        ("CREATE INDEX by_text ON annotations(text)", "index by_text on annotations"),
        ("DROP INDEX annotations_by_link", "index annotations_by_link on annotations (missing)"),
        (
            "CREATE TRIGGER stamp AFTER UPDATE ON documents BEGIN SELECT 1; END",
            "trigger stamp on documents",
        ),
    ],
)
def test_each_foreign_object_is_named(tmp_path, valid, statement, named):
    path = carrying(valid, tmp_path / "study.annotator", statement)
    with pytest.raises(ForeignObjectsError, match=re.escape(named)):
        Project.open(path)


def test_one_of_our_tables_with_another_definition_is_refused(tmp_path, valid):
    path = hostile.copy_of(valid, tmp_path / "study.annotator")
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA writable_schema = ON")
    # The same table with its CHECK constraints taken out: rows it lets in we would refuse.
    conn.execute(
        "UPDATE sqlite_master SET sql = replace(sql, 'CHECK (start >= 0 AND \"end\" > start),', '')"
        " WHERE name = 'annotations'"
    )
    conn.commit()
    conn.close()
    with pytest.raises(ForeignObjectsError, match=r"table annotations \(changed from ours\)"):
        Project.open(path)


def test_our_own_projects_of_every_format_open_as_ours(tmp_path):
    from .test_project_file import build_version_1_project

    old = tmp_path / "old.annotator"
    build_version_1_project(old)
    Project.open(old).close()  # migrated to the current format: still only our objects
    with Project.open(old) as project:
        assert foreign_objects.foreign_objects(project.conn) == []


def test_removing_foreign_objects_keeps_a_backup_with_them_and_every_annotation(tmp_path, valid):
    path = carrying(
        valid,
        tmp_path / "study.annotator",
        EMPTYING_TRIGGER,
        "CREATE VIEW everything AS SELECT * FROM annotations",
    )
    kept, found, lost = remove_foreign_objects(path)
    assert {str(f) for f in found} == {"trigger tidy on annotations", "view everything"}
    assert lost == 0
    assert kept == backup.listing(path)[0].path
    with sqlite3.connect(kept) as copy:
        names = {r[0] for r in copy.execute("SELECT name FROM sqlite_master")}
    assert {"tidy", "everything"} <= names
    with Project.open(path) as project:
        document = project.documents()[0].id
        count = project.annotation_count()
        project.add_annotation(document, "amina", "speaker", 30, 36)
        assert project.annotation_count() == count + 1
        assert project.verify() == []


def test_a_changed_table_is_rebuilt_as_ours_with_its_rows(tmp_path, valid):
    path = hostile.copy_of(valid, tmp_path / "study.annotator")
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute(
        "UPDATE sqlite_master SET sql = replace(sql, 'CHECK (start >= 0 AND \"end\" > start),', '')"
        " WHERE name = 'annotations'"
    )
    conn.commit()
    conn.close()
    with sqlite3.connect(path) as conn:
        count = conn.execute("SELECT count(*) FROM annotations").fetchone()[0]
    kept, found, lost = remove_foreign_objects(path)
    assert [str(f) for f in found] == ["table annotations (changed from ours)"]
    assert kept is not None and lost == 0
    with Project.open(path) as project:
        assert project.annotation_count() == count
        assert project.verify() == []


def test_removing_from_a_project_without_foreign_objects_changes_nothing(tmp_path, valid):
    path = hostile.copy_of(valid, tmp_path / "study.annotator")
    before = digest(path)
    assert remove_foreign_objects(path) == (None, [], 0)
    assert digest(path) == before
    assert backup.listing(path) == []


def test_merging_a_colleague_file_with_a_trigger_runs_none_of_it(tmp_path, valid):
    theirs = carrying(valid, tmp_path / "theirs.annotator", EMPTYING_TRIGGER)
    before = digest(theirs)
    with Project.create(tmp_path / "mine.annotator") as mine:
        report = merge(mine, theirs)
        assert report.annotations_added == 60
        assert mine.annotation_count() == 60
        assert foreign_objects.foreign_objects(mine.conn) == []
    assert digest(theirs) == before


def test_a_colleague_file_of_an_older_format_with_a_trigger_is_read_without_it(tmp_path):
    from .test_project_file import build_version_1_project

    theirs = tmp_path / "theirs.annotator"
    build_version_1_project(theirs)
    with sqlite3.connect(theirs) as conn:
        # Fires on the rows a migration of their copy would touch, if one ever did.
        conn.execute(
            "CREATE TRIGGER wipe AFTER UPDATE ON annotations BEGIN DELETE FROM annotations; END"
        )
    with Project.create(tmp_path / "mine.annotator") as mine:
        report = merge(mine, theirs)
        assert report.annotations_added == mine.annotation_count() > 0


def test_a_view_standing_in_for_a_table_of_a_colleague_file_is_not_read(tmp_path, valid):
    # Their comments table replaced by a view that makes up a comment: what merge reads of
    # their copy must come from our tables only.
    theirs = carrying(
        valid,
        tmp_path / "theirs.annotator",
        "DROP TABLE comments",
        "CREATE VIEW comments AS SELECT 'planted' AS id, (SELECT id FROM documents LIMIT 1) "
        "AS document_id, NULL AS annotation_id, 1 AS annotator_id, 'planted' AS text, "
        "'2026-01-01' AS created_at",
    )
    with Project.create(tmp_path / "mine.annotator") as mine:
        report = merge(mine, theirs)
        assert report.annotations_added == 60
        assert report.comments_added == 0
        assert mine.conn.execute("SELECT count(*) FROM comments").fetchone()[0] == 0


def test_check_names_ids_that_are_not_uuids_and_times_that_are_not_utc(tmp_path, valid):
    path = carrying(
        valid,
        tmp_path / "edited.annotator",
        "UPDATE annotations SET id = 'hello' WHERE rowid = 1",
        "UPDATE annotations SET modified_at = 'yesterday' WHERE rowid = 2",
        "UPDATE annotations SET created_at = '2025-05-20T12:11:02+03:00' WHERE rowid = 3",
    )
    with Project.open(path) as project:
        problems = "\n".join(project.verify())
    assert "annotations row 1 (id 'hello'): id is not a UUID" in problems
    assert "modified_at 'yesterday' is not an ISO 8601 time in UTC" in problems
    assert "created_at '2025-05-20T12:11:02+03:00' is not an ISO 8601 time in UTC" in problems
