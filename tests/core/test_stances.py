"""Stances of a claim: (target, value) pairs, several per claim, in the order given."""

import pytest

from annotator.core.errors import ValidationError
from annotator.core.model import Stance


def tag_claim(project, document_id, stances):
    return project.add_annotation(document_id, "amina", "claim", 339, 474, stances=stances)


def test_a_claim_keeps_several_stances_in_the_order_given(seeded_project, seed_id):
    claim = tag_claim(
        seeded_project,
        seed_id,
        [("Palestinian cause", "favor"), ("Israel", "against"), ("Iran", "neutral")],
    )
    assert seeded_project.annotation(claim.id).stances == (
        Stance("Palestinian cause", "favor"),
        Stance("Israel", "against"),
        Stance("Iran", "neutral"),
    )


def test_reordering_stances_is_stored(seeded_project, seed_id):
    claim = tag_claim(seeded_project, seed_id, [("Israel", "against"), ("Iran", "favor")])
    seeded_project.update_annotation(claim.id, stances=[("Iran", "favor"), ("Israel", "against")])
    assert [s.target for s in seeded_project.annotation(claim.id).stances] == ["Iran", "Israel"]


def test_one_target_twice_on_a_claim_is_refused(seeded_project, seed_id):
    with pytest.raises(ValidationError, match="stance target 'Israel' is given twice"):
        tag_claim(seeded_project, seed_id, [("Israel", "against"), ("Israel", "favor")])


def test_an_unknown_stance_value_is_refused_by_name(seeded_project, seed_id):
    with pytest.raises(ValidationError, match="unknown stance value 'hostile'"):
        tag_claim(seeded_project, seed_id, [("Israel", "hostile")])


def test_a_stance_needs_a_target(seeded_project, seed_id):
    with pytest.raises(ValidationError, match="a stance needs a target"):
        tag_claim(seeded_project, seed_id, [("  ", "favor")])


def test_a_speaker_cannot_take_a_stance(seeded_project, seed_id):
    with pytest.raises(ValidationError, match="layer 'speaker' has no stance"):
        seeded_project.add_annotation(
            seed_id, "amina", "speaker", 0, 5, stances=[("Israel", "against")]
        )


def test_targets_used_most_come_first_for_autocomplete(seeded_project, seed_id):
    tag_claim(seeded_project, seed_id, [("Israel", "against"), ("Iran", "favor")])
    seeded_project.add_annotation(
        seed_id, "amina", "claim", 33, 74, stances=[("Israel", "against")]
    )
    assert seeded_project.stance_targets() == ["Israel", "Iran"]
