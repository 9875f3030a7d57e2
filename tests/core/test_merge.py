"""Bringing a colleague's project in: documents by text hash, annotations by UUID, their file
never touched, a name two people used merged under another name."""

import hashlib
import shutil
import sqlite3

import pytest

from annotator.core.errors import NotAProjectError, ValidationError
from annotator.core.formats import jsonl, txt
from annotator.core.review.merge import merge, parse_renames
from annotator.core.store.project import Project, TextSource


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def colleague_file(tmp_path, seed_article, seed_id):
    """Omar's own project: the sample article annotated his way, and an article of his own."""
    path = tmp_path / "omar.annotator"
    with Project.create(path) as theirs:
        theirs.import_texts(txt.read_articles([seed_article]))
        theirs.import_texts([TextSource("مقال آخر قال فيه الوزير إن الوضع مستقر", source="x.txt")])
        jsonl.import_annotations(
            theirs, seed_article.with_name(f"{seed_id}.colleague.jsonl"), "omar"
        )
        speaker = theirs.add_annotation("x", "omar", "speaker", 14, 20, entity="الوزير")
        claim = theirs.add_annotation(
            "x", "omar", "claim", 24, 38, link_id=speaker.id, stances=[("الوضع", "neutral")]
        )
        theirs.add_comment("x", "omar", "هل هذا ادعاء؟", annotation_id=claim.id)
        theirs.set_status(seed_id, "omar", "done")
    return path


@pytest.fixture
def mine(gold_project):
    return gold_project


def test_merging_copies_the_colleagues_annotations_and_leaves_their_file_untouched(
    mine, colleague_file, seed_id
):
    before = digest(colleague_file)
    report = merge(mine, colleague_file)
    assert digest(colleague_file) == before
    assert not colleague_file.with_name(colleague_file.name + "-wal").exists()
    assert report.annotators == ("omar",)
    assert report.annotations_added == 32 and report.documents_added == 1
    assert len(mine.annotations(seed_id, annotator="omar")) == 30
    assert mine.status(seed_id, "omar") == "done"
    assert mine.verify() == []


def test_merging_the_same_file_twice_changes_nothing(mine, colleague_file):
    merge(mine, colleague_file)
    count = mine.annotation_count()
    again = merge(mine, colleague_file)
    assert (again.annotations_added, again.annotations_unchanged) == (0, 32)
    assert mine.annotation_count() == count
    assert len(mine.comments("x")) == 1


def test_links_stances_entities_and_comments_come_along(mine, colleague_file):
    merge(mine, colleague_file)
    speaker, claim = mine.annotations("x", annotator="omar")
    assert claim.link_id == speaker.id
    assert [(s.target, s.value) for s in claim.stances] == [("الوضع", "neutral")]
    assert speaker.entity.name == "الوزير"
    (comment,) = mine.comments("x")
    assert (comment["annotation_id"], comment["annotator"]) == (claim.id, "omar")


def test_shared_entity_names_become_one_entity(mine, colleague_file):
    merge(mine, colleague_file)
    names = [e.name for e in mine.entities()]
    assert names.count("Esmail Qaani") == 1


def test_a_conflicting_name_can_be_merged_under_another_name(tmp_path, mine, seed_article, seed_id):
    path = tmp_path / "other.annotator"
    with Project.create(path) as theirs:
        theirs.import_texts(txt.read_articles([seed_article]))
        theirs.add_annotation(seed_id, "gold", "speaker", 0, 5)
    report = merge(mine, path, rename=parse_renames(["gold=gold (Omar)"]))
    assert report.annotators == ("gold (Omar)",)
    assert len(mine.annotations(seed_id, annotator="gold (Omar)")) == 1


def test_a_file_that_is_not_a_project_is_refused(tmp_path, mine):
    path = tmp_path / "notes.txt"
    path.write_text("not a project", encoding="utf-8")
    with pytest.raises(NotAProjectError):
        merge(mine, path)


def test_a_project_cannot_be_merged_into_itself(mine):
    with pytest.raises(ValidationError):
        merge(mine, mine.path)


def test_a_backup_is_made_before_merging(mine, colleague_file):
    report = merge(mine, colleague_file)
    with Project.open(report.backup) as saved:
        assert saved.annotators() == ["gold"]


def test_bad_rename_pairs_are_refused():
    with pytest.raises(ValidationError, match="OLD=NEW"):
        parse_renames(["omar"])


@pytest.mark.parametrize(
    "change",
    [
        "UPDATE annotations SET layer = 'bogus' WHERE layer = 'speaker'",
        "UPDATE annotations SET attributes = '{\"kind\": \"rumour\"}' WHERE layer = 'claim'",
    ],
)
def test_a_row_our_schema_cannot_hold_is_refused_even_when_we_hold_it_already(
    tmp_path, colleague_file, change
):
    """A copy of our own project (every revision known here) with only a layer or a value our
    schema does not know: refused whole, as the same row would be if it were new."""
    ours = tmp_path / "mine.annotator"
    shutil.copyfile(colleague_file, ours)
    conn = sqlite3.connect(colleague_file)
    conn.execute(change)
    conn.commit()
    conn.close()
    query = "SELECT * FROM annotations ORDER BY id"
    with Project.open(ours) as project:
        stored = project.conn.execute(query).fetchall()
        with pytest.raises(ValidationError, match="nothing was merged"):
            merge(project, colleague_file)
        assert project.conn.execute(query).fetchall() == stored
