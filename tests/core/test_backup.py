"""Rolling backups of a project and restoring one."""

import pytest

from annotator.core import backup
from annotator.core.errors import NotAProjectError
from annotator.core.formats import txt
from annotator.core.project import Project


def test_a_backup_is_a_complete_project_that_opens_on_its_own(seeded_project, seed_id):
    seeded_project.add_annotation(seed_id, "amina", "speaker", 0, 5)
    path = backup.make(seeded_project.conn, seeded_project.path, "manual")
    assert path.parent == backup.folder_of(seeded_project.path)
    with Project.open(path) as copy:
        assert [a.text for a in copy.annotations(seed_id)] == [seeded_project.text(seed_id)[:5]]


def test_backups_are_listed_newest_first_and_the_oldest_dropped(seeded_project):
    made = [
        backup.make(seeded_project.conn, seeded_project.path, f"b{n}", keep=3) for n in range(5)
    ]
    listed = backup.listing(seeded_project.path)
    assert [b.path for b in listed] == made[:1:-1]
    assert [b.label for b in listed] == ["b4", "b3", "b2"]


def test_a_backup_is_due_when_none_is_recent(seeded_project):
    assert backup.due(seeded_project.path)
    backup.make(seeded_project.conn, seeded_project.path, "timed")
    assert not backup.due(seeded_project.path, minutes=10)
    assert backup.due(seeded_project.path, minutes=0)


def test_restoring_puts_the_backup_back_and_keeps_the_replaced_file(tmp_path, seed_article):
    path = tmp_path / "study.annotator"
    with Project.create(path) as project:
        project.import_texts(txt.read_articles([seed_article]))
        saved = backup.make(project.conn, path, "manual")
        doc = project.documents()[0].id
        project.add_annotation(doc, "amina", "speaker", 0, 5)
    kept = backup.restore(path, saved)
    with Project.open(path) as project:
        assert project.annotation_count() == 0
    with Project.open(kept) as replaced:
        assert replaced.annotation_count() == 1


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
