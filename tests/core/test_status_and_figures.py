"""Document status per annotator, the document list, project figures and the integrity check."""

import sqlite3

import pytest

from annotator.core.errors import NotFoundError, ValidationError


def test_an_article_nobody_touched_is_to_do(seeded_project, seed_id):
    assert seeded_project.status(seed_id, "amina") == "todo"


def test_marking_an_article_done_is_kept_per_annotator(seeded_project, seed_id):
    seeded_project.set_status(seed_id, "amina", "done")
    assert seeded_project.status(seed_id, "amina") == "done"
    assert seeded_project.status(seed_id, "omar") == "todo"


def test_an_unknown_status_is_refused(seeded_project, seed_id):
    with pytest.raises(ValidationError, match="unknown status 'finished'"):
        seeded_project.set_status(seed_id, "amina", "finished")


def test_the_status_of_a_missing_document_cannot_be_set(project):
    with pytest.raises(NotFoundError):
        project.set_status("ghost", "amina", "done")


def test_the_document_list_shows_one_annotators_status_and_count(gold_project, seed_id):
    gold_project.add_annotation(seed_id, "amina", "speaker", 0, 5, entity="Esmail Qaani")
    gold_project.set_status(seed_id, "amina", "done")
    (mine,) = gold_project.documents("amina")
    assert (mine.status, mine.annotation_count) == ("done", 1)
    (everyone,) = gold_project.documents()
    assert everyone.annotation_count == 31


def test_an_annotator_who_has_not_started_sees_no_annotations(gold_project):
    (summary,) = gold_project.documents("newcomer")
    assert (summary.status, summary.annotation_count) == ("todo", 0)


def test_figures_of_the_gold_annotation(gold_project):
    figures = gold_project.stats()
    assert figures == {
        "documents": 1,
        "characters": 2003,
        "annotations": 30,
        "by_layer": {"claim": 18, "speaker": 12},
        "by_annotator": {"gold": 30},
        "by_status": {},
        "entities": 3,
        "stances": 21,
        "links": 18,
    }


def test_figures_of_an_empty_project_are_zero(project):
    figures = project.stats()
    assert (figures["documents"], figures["characters"], figures["annotations"]) == (0, 0, 0)


def test_a_sound_project_verifies_without_problems(gold_project):
    assert gold_project.verify() == []


def test_a_span_whose_text_was_altered_behind_the_projects_back_is_reported(gold_project, seed_id):
    (speaker_id,) = gold_project.conn.execute(
        "SELECT id FROM annotations WHERE start = 0 AND layer = 'speaker'"
    ).fetchone()
    # Same length, one letter changed: the CHECK on length() lets it through, verify() must not.
    conn = sqlite3.connect(gold_project.path)
    conn.execute("UPDATE annotations SET text = 'ف' || substr(text, 2) WHERE id = ?", (speaker_id,))
    conn.commit()
    conn.close()
    assert gold_project.verify() == [
        f"annotation {speaker_id} (speaker in {seed_id}): text differs from document {seed_id}"
    ]


def test_a_link_to_a_mention_of_another_annotator_is_reported(gold_project, seed_id):
    other = gold_project.add_annotation(seed_id, "omar", "speaker", 0, 5)
    (claim_id,) = gold_project.conn.execute(
        "SELECT id FROM annotations WHERE layer = 'claim' LIMIT 1"
    ).fetchone()
    gold_project.conn.execute(
        "UPDATE annotations SET link_id = ? WHERE id = ?", (other.id, claim_id)
    )
    (problem,) = gold_project.verify()
    assert claim_id in problem and "same document and annotator" in problem


def test_a_value_outside_the_schema_is_reported(gold_project):
    gold_project.conn.execute(
        "UPDATE annotations SET attributes = '{\"role\": \"alien\"}' WHERE layer = 'speaker' "
        "AND start = 0"
    )
    gold_project.conn.execute(
        "UPDATE stances SET value = 'maybe' WHERE position = 0 AND "
        "annotation_id = (SELECT min(annotation_id) FROM stances)"
    )
    problems = gold_project.verify()
    assert len(problems) == 2
    assert "'alien'" in problems[0] and "'maybe'" in problems[1]


def test_for_everyone_an_article_is_done_only_when_all_who_worked_on_it_are_done(
    seeded_project, seed_id
):
    assert seeded_project.documents()[0].status == "todo"
    seeded_project.add_annotation(seed_id, "amina", "speaker", 0, 5)
    assert seeded_project.documents()[0].status == "in_progress"
    seeded_project.set_status(seed_id, "omar", "done")
    assert seeded_project.documents()[0].status == "in_progress"
    seeded_project.set_status(seed_id, "amina", "done")
    assert seeded_project.documents()[0].status == "done"
