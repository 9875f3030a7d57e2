"""Revisions and deletion records: a change built from an old revision is refused, undo and
redo write new revisions, and a deletion is remembered until the annotation comes back."""

from dataclasses import replace

import pytest

from annotator.core.errors import ConflictError
from annotator.core.store.project import Project


@pytest.fixture
def speaker(seeded_project, seed_id):
    """Esmail Qaani's mention «العميد قاآني», tagged by amal."""
    return seeded_project.add_annotation(seed_id, "amal", "speaker", 317, 329)


@pytest.fixture
def claim(seeded_project, seed_id, speaker):
    """The quotation attributed to that mention."""
    return seeded_project.add_annotation(
        seed_id, "amal", "claim", 339, 474, link_id=speaker.id, stances=[("Israel", "against")]
    )


@pytest.fixture
def other_window(seeded_project):
    """A second connection to the same file, as a second window or the command line has."""
    with Project.open(seeded_project.path) as other:
        yield other


def test_each_stored_change_raises_the_revision_by_one(seeded_project, claim):
    assert claim.revision == 1
    changed = seeded_project.update_annotation(claim.id, attributes={"kind": "indirect"})
    assert changed.revision == seeded_project.revision(claim.id) == 2


def test_an_edit_built_from_an_old_revision_is_refused_and_changes_nothing(seeded_project, claim):
    seeded_project.update_annotation(claim.id, attributes={"kind": "indirect"}, base_revision=1)
    with pytest.raises(ConflictError, match="changed in another window.*revision 2.*revision 1"):
        seeded_project.update_annotation(claim.id, stances=[], base_revision=1)
    stored = seeded_project.annotation(claim.id)
    assert (stored.revision, stored.attributes["kind"]) == (2, "indirect")
    assert stored.stances == claim.stances


def test_a_delete_built_from_an_old_revision_is_refused(seeded_project, claim):
    seeded_project.update_annotation(claim.id, stances=[])
    with pytest.raises(ConflictError, match="not applied"):
        seeded_project.delete_annotation(claim.id, base_revision=claim.revision)
    assert seeded_project.revision(claim.id) == 2
    assert seeded_project.deletion(claim.id) is None


def test_undo_writes_the_old_content_as_a_new_revision(seeded_project, claim):
    before = seeded_project.state(claim.id)
    seeded_project.update_annotation(claim.id, stances=[])
    assert seeded_project.restore(claim.id, before, expected=2) == 3
    stored = seeded_project.annotation(claim.id)
    assert replace(stored, revision=1, modified_at=claim.modified_at) == claim


def test_undo_refuses_to_write_over_a_later_change(seeded_project, claim):
    before = seeded_project.state(claim.id)
    seeded_project.update_annotation(claim.id, stances=[])  # the change undo would take back
    seeded_project.update_annotation(claim.id, attributes={"kind": "indirect"})  # elsewhere
    with pytest.raises(ConflictError, match="revision 3, your change was made on revision 2"):
        seeded_project.restore(claim.id, before, expected=2)
    assert seeded_project.annotation(claim.id).attributes["kind"] == "indirect"


def test_undo_refuses_to_bring_back_what_was_deleted_since(seeded_project, claim):
    before = seeded_project.state(claim.id)
    seeded_project.update_annotation(claim.id, stances=[])
    seeded_project.delete_annotation(claim.id)
    with pytest.raises(ConflictError, match="was deleted"):
        seeded_project.restore(claim.id, before, expected=2)
    assert seeded_project.state(claim.id) is None


def test_redo_of_an_add_refuses_when_it_exists_again(seeded_project, claim):
    state = seeded_project.state(claim.id)
    seeded_project.restore(claim.id, None, expected=1)  # undo the tag
    seeded_project.restore(claim.id, state, expected=None)  # another window puts it back
    with pytest.raises(ConflictError, match="exists again"):
        seeded_project.restore(claim.id, state, expected=None)


def test_a_deletion_leaves_a_record_with_the_next_revision(seeded_project, seed_id, claim):
    seeded_project.update_annotation(claim.id, stances=[])
    seeded_project.delete_annotation(claim.id, base_revision=2)
    record = seeded_project.deletion(claim.id)
    assert (record["document_id"], record["annotator"], record["layer"]) == (
        seed_id,
        "amal",
        "claim",
    )
    assert (record["revision"], record["rev"]) == (3, "3-deleted")
    assert [rev.split("-")[0] for rev in record["history"]] == ["1", "2"]
    assert record["deleted_at"]


def test_bringing_an_annotation_back_removes_its_deletion_record(seeded_project, claim):
    state = seeded_project.delete_annotation(claim.id)
    assert seeded_project.restore(claim.id, state, expected=None) == 3
    assert seeded_project.deletion(claim.id) is None
    assert seeded_project.revision(claim.id) == 3


def test_undoing_a_tag_records_the_deletion(seeded_project, claim):
    seeded_project.restore(claim.id, None, expected=1)
    assert seeded_project.deletion(claim.id)["revision"] == 2


def test_a_stale_edit_from_another_connection_is_refused(seeded_project, other_window, claim):
    seen = other_window.annotation(claim.id)  # the other window's cached copy
    seeded_project.update_annotation(claim.id, attributes={"kind": "indirect"}, base_revision=1)
    with pytest.raises(ConflictError):
        other_window.update_annotation(claim.id, stances=[], base_revision=seen.revision)
    for reader in (seeded_project, other_window):
        assert reader.annotation(claim.id).attributes["kind"] == "indirect"
        assert reader.annotation(claim.id).stances == claim.stances


def test_a_delete_from_another_connection_makes_every_later_base_stale(
    seeded_project, other_window, claim
):
    other_window.delete_annotation(claim.id, base_revision=1)
    with pytest.raises(ConflictError, match="was deleted"):
        seeded_project.update_annotation(claim.id, stances=[], base_revision=1)
    with pytest.raises(ConflictError, match="was deleted"):
        seeded_project.restore(claim.id, seeded_project.state(claim.id), expected=1)
    assert seeded_project.deletion(claim.id)["revision"] == 2


def test_one_connection_of_two_wins_a_race_from_the_same_revision(
    seeded_project, other_window, claim
):
    other_window.update_annotation(claim.id, stances=[], base_revision=1)
    with pytest.raises(ConflictError):
        seeded_project.update_annotation(claim.id, stances=[("Iran", "favor")], base_revision=1)
    assert seeded_project.annotation(claim.id).stances == ()


def test_deleting_a_speaker_gives_its_claims_a_new_revision(seeded_project, speaker, claim):
    seeded_project.delete_annotation(speaker.id, base_revision=1)
    unlinked = seeded_project.annotation(claim.id)
    assert (unlinked.link_id, unlinked.revision) == (None, 2)


def test_redoing_a_change_of_layer_unlinks_the_claims_again(seeded_project, speaker, claim):
    before = seeded_project.state(speaker.id)
    seeded_project.update_annotation(speaker.id, layer="claim")
    after = seeded_project.state(speaker.id)
    revision = seeded_project.restore(speaker.id, before, expected=2)  # undo: linked again
    assert seeded_project.annotation(claim.id).link_id == speaker.id
    seeded_project.restore(speaker.id, after, expected=revision)  # redo
    assert seeded_project.annotation(claim.id).link_id is None
    assert seeded_project.verify() == []


def test_undoing_a_speakers_deletion_leaves_a_claim_made_a_speaker_since(
    seeded_project, other_window, speaker, claim
):
    state = seeded_project.delete_annotation(speaker.id)
    other_window.update_annotation(claim.id, layer="speaker")  # the claim is a speaker now
    seeded_project.restore(speaker.id, state, expected=None)
    assert seeded_project.annotation(claim.id).link_id is None
    assert seeded_project.verify() == []


def test_both_speakers_of_a_joint_statement_can_be_deleted_and_put_back(seeded_project, seed_id):
    from tests.core.joint_statement import tag_joint_statement

    claims = tag_joint_statement(seeded_project, seed_id, "amina", reverse=False)
    states = []
    for claim in claims.values():
        # The second deletion leaves two unlinked claims on one span: the deletion's doing.
        states.append(seeded_project.delete_annotation(claim.link_id))
    assert [seeded_project.annotation(c.id).link_id for c in claims.values()] == [None, None]
    for state in reversed(states):
        seeded_project.restore(state.annotation.id, state, expected=None)
    assert {seeded_project.annotation(c.id).link_id for c in claims.values()} == {
        c.link_id for c in claims.values()
    }
    assert seeded_project.verify() == []
