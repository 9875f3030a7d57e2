"""Changing and deleting annotations, and putting them back the way undo does."""

from dataclasses import replace

import pytest

from annotator.core.errors import NotFoundError, ValidationError


@pytest.fixture
def speaker(seeded_project, seed_id):
    """Esmail Qaani's mention «العميد قاآني» tagged by amina."""
    return seeded_project.add_annotation(
        seed_id, "amina", "speaker", 317, 329, entity="Esmail Qaani", attributes={"role": "person"}
    )


@pytest.fixture
def claim(seeded_project, seed_id, speaker):
    """The quotation attributed to that mention, with two stances."""
    return seeded_project.add_annotation(
        seed_id,
        "amina",
        "claim",
        339,
        474,
        link_id=speaker.id,
        attributes={"cue": "أكد"},
        stances=[("Palestinian cause", "favor"), ("Israel", "against")],
    )


def test_moving_a_span_takes_the_text_of_the_new_span(seeded_project, seed_text, speaker):
    moved = seeded_project.update_annotation(speaker.id, start=324)
    assert (moved.start, moved.end, moved.text) == (324, 329, seed_text[324:329])
    assert seeded_project.annotation(speaker.id) == moved


def test_an_update_keeps_the_fields_it_does_not_name(seeded_project, claim):
    updated = seeded_project.update_annotation(claim.id, attributes={"kind": "indirect"})
    assert updated.attributes == {"kind": "indirect"}
    assert (updated.link_id, updated.stances, updated.text) == (
        claim.link_id,
        claim.stances,
        claim.text,
    )


def test_an_update_outside_the_text_is_refused_and_nothing_changes(seeded_project, speaker):
    with pytest.raises(ValidationError, match="not inside the document"):
        seeded_project.update_annotation(speaker.id, end=5000)
    assert seeded_project.annotation(speaker.id) == speaker


def test_giving_a_mention_another_entity_names_a_new_one(seeded_project, speaker):
    updated = seeded_project.update_annotation(speaker.id, entity="Ismail Haniyeh")
    assert updated.entity.name == "Ismail Haniyeh"
    assert {e.name for e in seeded_project.entities()} == {"Esmail Qaani", "Ismail Haniyeh"}


def test_deleting_a_speaker_clears_the_link_of_its_claim(seeded_project, speaker, claim):
    seeded_project.delete_annotation(speaker.id)
    assert seeded_project.state(speaker.id) is None
    assert seeded_project.annotation(claim.id).link_id is None


def test_restoring_a_deleted_speaker_brings_back_the_claims_link(seeded_project, speaker, claim):
    state = seeded_project.delete_annotation(speaker.id)
    seeded_project.restore(speaker.id, state)
    assert content(seeded_project.annotation(speaker.id)) == content(speaker)
    assert seeded_project.annotation(claim.id).link_id == speaker.id


def test_restoring_a_deleted_claim_brings_back_its_stances(seeded_project, claim):
    state = seeded_project.delete_annotation(claim.id)
    assert seeded_project.stance_targets() == []
    seeded_project.restore(claim.id, state)
    assert content(seeded_project.annotation(claim.id)) == content(claim)


def test_restoring_the_state_before_an_update_undoes_it(seeded_project, claim):
    before = seeded_project.state(claim.id)
    seeded_project.update_annotation(claim.id, start=340, end=473, stances=[])
    seeded_project.restore(claim.id, before)
    assert content(seeded_project.annotation(claim.id)) == content(claim)
    # Undo writes a new revision, never an old one back.
    assert seeded_project.annotation(claim.id).revision > claim.revision


def test_restoring_no_state_undoes_an_add(seeded_project, speaker):
    seeded_project.restore(speaker.id, None)
    assert seeded_project.annotation_count() == 0


def test_deleting_a_missing_annotation_is_refused(seeded_project):
    with pytest.raises(NotFoundError, match="no annotation with id 'gone'"):
        seeded_project.delete_annotation("gone")


def test_the_state_of_a_speaker_lists_the_claims_pointing_to_it(seeded_project, speaker, claim):
    assert seeded_project.state(speaker.id).incoming == (claim.id,)


def test_turning_a_speaker_into_a_claim_clears_the_links_to_it(seeded_project, speaker, claim):
    turned = seeded_project.update_annotation(speaker.id, layer="claim")
    assert (turned.layer, turned.entity, turned.attributes) == ("claim", None, {"kind": "direct"})
    assert seeded_project.annotation(claim.id).link_id is None


def test_turning_a_claim_into_a_speaker_drops_its_link_and_stances(seeded_project, claim):
    turned = seeded_project.update_annotation(claim.id, layer="speaker")
    assert (turned.link_id, turned.stances) == (None, ())
    assert turned.attributes == {"role": "person"}
    assert seeded_project.stance_targets() == []


def test_undoing_a_layer_change_restores_the_incoming_link(seeded_project, speaker, claim):
    before = seeded_project.state(speaker.id)
    seeded_project.update_annotation(speaker.id, layer="claim")
    seeded_project.restore(speaker.id, before)
    assert content(seeded_project.annotation(speaker.id)) == content(speaker)
    assert seeded_project.annotation(claim.id).link_id == speaker.id


def content(annotation):
    """An annotation without its revision: what undo puts back."""
    return replace(annotation, revision=0)


def test_restoring_what_remains_leaves_out_a_link_to_a_deleted_speaker(seeded_project, claim):
    before = seeded_project.state(claim.id)
    seeded_project.delete_annotation(claim.id)
    seeded_project.delete_annotation(claim.link_id)  # another window deletes the speaker
    revision, left = seeded_project.restore_what_remains(claim.id, before, expected=None)
    back = seeded_project.annotation(claim.id)
    assert (back.revision, back.link_id, back.stances) == (revision, None, claim.stances)
    assert [m.template for m in left] == [
        "%1 %2 is back without its link: the %3 it linked to (%4) was deleted in another window"
    ]
    assert left[0].params[3] == claim.link_id


def test_restoring_what_remains_names_each_claim_it_cannot_link_back(
    seeded_project, seed_id, speaker, claim
):
    second = seeded_project.add_annotation(seed_id, "amina", "claim", 500, 520, link_id=speaker.id)
    before = seeded_project.state(speaker.id)
    assert set(before.incoming) == {claim.id, second.id}
    seeded_project.delete_annotation(speaker.id)
    seeded_project.delete_annotation(second.id)  # deleted elsewhere meanwhile
    _, left = seeded_project.restore_what_remains(speaker.id, before, expected=None)
    assert seeded_project.annotation(claim.id).link_id == speaker.id
    assert [m.params[0] for m in left] == [second.id]
    assert "was deleted in another window and cannot be linked back" in left[0]
