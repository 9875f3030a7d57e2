"""Tagging speakers and claims, and what the project refuses to store."""

import pytest

from annotator.core.errors import DuplicateError, NotFoundError, ValidationError
from annotator.core.store.project import TextSource

TABLES = ("annotations", "annotators", "entities", "stances", "document_status", "comments")


def row_counts(project):
    return {t: project.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


def tag_speaker(project, document_id, start=0, end=5, entity="Esmail Qaani", annotator="amina"):
    return project.add_annotation(document_id, annotator, "speaker", start, end, entity=entity)


def test_a_tagged_speaker_holds_the_text_of_its_span(seeded_project, seed_id, seed_text):
    speaker = seeded_project.add_annotation(
        seed_id, "amina", "speaker", 75, 135, entity="Esmail Qaani", attributes={"role": "person"}
    )
    assert speaker.text == seed_text[75:135]
    assert seeded_project.annotations(seed_id) == [speaker]


def test_a_claim_is_linked_to_its_speaker(seeded_project, seed_id):
    speaker = tag_speaker(seeded_project, seed_id)
    claim = seeded_project.add_annotation(seed_id, "amina", "claim", 33, 74, link_id=speaker.id)
    assert seeded_project.annotation(claim.id).link_id == speaker.id


def test_a_claim_gets_the_default_kind(seeded_project, seed_id):
    claim = seeded_project.add_annotation(seed_id, "amina", "claim", 33, 74)
    assert claim.attributes == {"kind": "direct"}


def test_two_mentions_of_one_person_share_one_entity(seeded_project, seed_id):
    first = tag_speaker(seeded_project, seed_id, 0, 5, entity="Esmail Qaani")
    second = tag_speaker(seeded_project, seed_id, 317, 329, entity="Esmail  Qaani ")
    assert first.entity == second.entity
    assert [e.name for e in seeded_project.entities()] == ["Esmail Qaani"]


def test_tagging_marks_the_article_in_progress_for_that_annotator(seeded_project, seed_id):
    tag_speaker(seeded_project, seed_id)
    assert seeded_project.status(seed_id, "amina") == "in_progress"
    assert seeded_project.status(seed_id, "omar") == "todo"


def test_an_unknown_layer_is_refused_by_name(seeded_project, seed_id):
    with pytest.raises(ValidationError, match="unknown layer 'quote'"):
        seeded_project.add_annotation(seed_id, "amina", "quote", 0, 5)


def test_an_unknown_attribute_value_is_refused_by_name(seeded_project, seed_id):
    with pytest.raises(ValidationError, match="unknown value 'rumour'"):
        seeded_project.add_annotation(
            seed_id, "amina", "claim", 33, 74, attributes={"kind": "rumour"}
        )


@pytest.mark.parametrize(("start", "end"), [(-1, 5), (2000, 2004), (10, 10), (12, 8)])
def test_a_span_outside_the_text_is_refused(seeded_project, seed_id, start, end):
    with pytest.raises(ValidationError, match="is not inside the document"):
        seeded_project.add_annotation(seed_id, "amina", "speaker", start, end, text="x" * 4)


def test_offsets_that_are_not_whole_numbers_are_refused(seeded_project, seed_id):
    with pytest.raises(ValidationError, match="offsets must be whole numbers"):
        seeded_project.add_annotation(seed_id, "amina", "speaker", 0, 5.0)


def test_text_that_does_not_match_the_document_is_refused(seeded_project, seed_id):
    with pytest.raises(ValidationError, match="does not match the document at 0-5"):
        seeded_project.add_annotation(seed_id, "amina", "speaker", 0, 5, text="هنية!")


def test_a_span_in_a_missing_document_is_refused(project):
    with pytest.raises(NotFoundError, match="no document with id 'ghost'"):
        project.add_annotation("ghost", "amina", "speaker", 0, 5)


def test_an_annotation_needs_an_annotator(seeded_project, seed_id):
    with pytest.raises(ValidationError, match="annotator name is required"):
        seeded_project.add_annotation(seed_id, "  ", "speaker", 0, 5)


def test_a_link_to_a_missing_annotation_is_refused(seeded_project, seed_id):
    with pytest.raises(ValidationError, match="linked annotation 'gone' does not exist"):
        seeded_project.add_annotation(seed_id, "amina", "claim", 33, 74, link_id="gone")


def test_a_link_to_a_speaker_of_another_document_is_refused(seeded_project, seed_id):
    (other,) = seeded_project.import_texts([TextSource("قال الوزير", source="other.txt")]).added
    speaker = tag_speaker(seeded_project, other, 4, 10, entity="الوزير")
    with pytest.raises(ValidationError, match="same document"):
        seeded_project.add_annotation(seed_id, "amina", "claim", 33, 74, link_id=speaker.id)


def test_a_claim_linked_to_a_claim_is_refused(seeded_project, seed_id):
    claim = seeded_project.add_annotation(seed_id, "amina", "claim", 33, 74)
    with pytest.raises(ValidationError, match="must link to a speaker annotation"):
        seeded_project.add_annotation(seed_id, "amina", "claim", 141, 177, link_id=claim.id)


def test_a_link_to_another_annotators_speaker_is_refused(seeded_project, seed_id):
    speaker = tag_speaker(seeded_project, seed_id, annotator="omar")
    with pytest.raises(ValidationError, match="same annotator"):
        seeded_project.add_annotation(seed_id, "amina", "claim", 33, 74, link_id=speaker.id)


def test_a_speaker_cannot_carry_a_link(seeded_project, seed_id):
    speaker = tag_speaker(seeded_project, seed_id)
    with pytest.raises(ValidationError, match="layer 'speaker' has no link"):
        seeded_project.add_annotation(seed_id, "amina", "speaker", 75, 135, link_id=speaker.id)


def test_an_annotation_id_cannot_be_used_twice(seeded_project, seed_id):
    speaker = tag_speaker(seeded_project, seed_id)
    with pytest.raises(ValidationError, match="exists"):
        seeded_project.add_annotation(seed_id, "amina", "speaker", 75, 135, id=speaker.id)


def test_a_refused_speaker_leaves_no_new_entity_or_annotator_behind(seeded_project, seed_id):
    before = row_counts(seeded_project)
    with pytest.raises(ValidationError, match="'celebrity'"):
        seeded_project.add_annotation(
            seed_id,
            "layla",
            "speaker",
            0,
            5,
            entity="Yahya Sinwar",
            attributes={"role": "celebrity"},
        )
    assert row_counts(seeded_project) == before
    assert seeded_project.entity_by_name("Yahya Sinwar") is None


def test_a_refused_claim_with_a_bad_stance_leaves_nothing_behind(seeded_project, seed_id):
    speaker = tag_speaker(seeded_project, seed_id)
    before = row_counts(seeded_project)
    with pytest.raises(ValidationError, match="unknown stance value 'love'"):
        seeded_project.add_annotation(
            seed_id,
            "amina",
            "claim",
            33,
            74,
            link_id=speaker.id,
            stances=[("Israel", "against"), ("Iran", "love")],
        )
    assert row_counts(seeded_project) == before


def test_a_claim_given_an_entity_is_refused_and_the_entity_not_kept(seeded_project, seed_id):
    before = row_counts(seeded_project)
    with pytest.raises(ValidationError, match="layer 'claim' has no speaker entity"):
        seeded_project.add_annotation(seed_id, "amina", "claim", 33, 74, entity="Ismail Haniyeh")
    assert row_counts(seeded_project) == before


def test_annotations_are_listed_in_reading_order_per_annotator(seeded_project, seed_id):
    late = tag_speaker(seeded_project, seed_id, 317, 329)
    early = tag_speaker(seeded_project, seed_id, 0, 5)
    other = tag_speaker(
        seeded_project, seed_id, 184, 229, entity="Ismail Haniyeh", annotator="omar"
    )
    assert seeded_project.annotations(seed_id) == [early, other, late]
    assert seeded_project.annotations(seed_id, annotator="amina") == [early, late]


def test_a_span_tagged_twice_in_a_layer_is_refused_naming_the_first(seeded_project, seed_id):
    first = seeded_project.add_annotation(seed_id, "amal", "speaker", 0, 5)
    with pytest.raises(DuplicateError) as refused:
        seeded_project.add_annotation(seed_id, "amal", "speaker", 0, 5)
    assert refused.value.existing == first.id
    assert str(refused.value) == (
        f"amal has already tagged this span as speaker (annotation {first.id})"
    )
    assert seeded_project.annotation_count() == 1


def test_a_joint_statement_is_one_claim_per_speaker(seeded_project, seed_id):
    one = seeded_project.add_annotation(seed_id, "amal", "speaker", 0, 5)
    two = seeded_project.add_annotation(seed_id, "amal", "speaker", 184, 229)
    seeded_project.add_annotation(seed_id, "amal", "claim", 339, 474, link_id=one.id)
    seeded_project.add_annotation(seed_id, "amal", "claim", 339, 474, link_id=two.id)
    with pytest.raises(DuplicateError, match="a joint statement is one claim per speaker"):
        seeded_project.add_annotation(seed_id, "amal", "claim", 339, 474, link_id=two.id)
