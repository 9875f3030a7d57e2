"""Comparing two annotators and adjudicating a gold version of the sample article."""

import pytest

from annotator.core.errors import ValidationError
from annotator.core.formats import jsonl
from annotator.core.review.adjudication import (
    GOLD,
    accept_agreements,
    adjudicate,
    compare,
    withdraw,
)
from tests.core.joint_statement import tag_joint_statement


@pytest.fixture
def two_annotators(gold_project, seed_article, seed_id):
    """The reference annotation as "gold" and as "amal", the colleague's version as "omar"."""
    jsonl.import_annotations(gold_project, seed_article.with_name(f"{seed_id}.gold.jsonl"), "amal")
    jsonl.import_annotations(
        gold_project, seed_article.with_name(f"{seed_id}.colleague.jsonl"), "omar"
    )
    return gold_project


def kinds(comparison):
    return sorted(item.kind for item in comparison.disagreements)


def test_every_disagreement_is_found_and_classified(two_annotators, seed_id):
    comparison = compare(two_annotators, seed_id, "amal", "omar")
    assert kinds(comparison) == sorted(
        ["boundary", "boundary", "only_a", "only_b"] + ["attributes"] * 5
    )
    by_kind = {}
    for item in comparison.disagreements:
        by_kind.setdefault(item.kind, []).append(item)
    (missed,) = by_kind["only_a"]
    assert missed.a.text.startswith('"مطمئنون')
    (extra,) = by_kind["only_b"]
    assert extra.b.text == "زياد النخالة"
    differences = sorted(d for item in by_kind["attributes"] for d in item.differences)
    assert differences == ["kind", "link", "stances", "stances", "stances"]


def test_identical_annotators_agree_everywhere(two_annotators, seed_id):
    comparison = compare(two_annotators, seed_id, "amal", "gold")
    assert comparison.disagreements == []
    assert len(comparison.items) == 30


def test_a_link_to_mentions_with_different_boundaries_still_agrees(two_annotators, seed_id):
    comparison = compare(two_annotators, seed_id, "amal", "omar")
    claim = next(i for i in comparison.items if i.a and i.a.text.startswith("وقوف إيران"))
    assert "link" not in claim.differences  # its speakers differ only in boundary


def test_adjudicating_every_disagreement_makes_a_complete_gold_version(two_annotators, seed_id):
    comparison = compare(two_annotators, seed_id, "amal", "omar")
    accept_agreements(two_annotators, comparison, gold="adjudicated")
    comparison = compare(two_annotators, seed_id, "amal", "omar")
    assert len(comparison.open) == 9
    while comparison.open:
        item = comparison.open[0]
        adjudicate(
            two_annotators, comparison, item, "a" if item.a else "reject", gold="adjudicated"
        )
        comparison = compare(two_annotators, seed_id, "amal", "omar")
    assert two_annotators.status(seed_id, "adjudicated") == "done"
    gold = two_annotators.annotations(seed_id, annotator="adjudicated")
    reference = two_annotators.annotations(seed_id, annotator="amal")
    assert [(g.layer, g.start, g.end) for g in gold] == [
        (r.layer, r.start, r.end) for r in reference
    ]
    assert all(g.origin == "adjudicated" and g.sources for g in gold)
    by_id = {g.id: g for g in gold}
    for g, r in zip(gold, reference, strict=True):
        if r.link_id:
            linked = by_id[g.link_id]
            assert (linked.start, linked.end) == next(
                (x.start, x.end) for x in reference if x.id == r.link_id
            )
    assert two_annotators.verify() == []


def test_choosing_b_takes_the_colleagues_version(two_annotators, seed_id):
    comparison = compare(two_annotators, seed_id, "amal", "omar")
    boundary = next(
        i for i in comparison.disagreements if i.layer == "speaker" and i.kind == "boundary"
    )
    _, gold_id = adjudicate(two_annotators, comparison, boundary, "b")
    stored = two_annotators.annotation(gold_id)
    assert stored.text == "العميد إسماعيل قاآني"
    assert set(stored.sources) == {boundary.a.id, boundary.b.id}
    again = compare(two_annotators, seed_id, "amal", "omar")
    decided = next(i for i in again.items if i.sources == boundary.sources)
    assert (decided.decision, decided.gold_id, decided.is_open) == ("accepted", gold_id, False)


def test_a_decision_can_be_withdrawn_and_made_again_with_the_same_ids(two_annotators, seed_id):
    comparison = compare(two_annotators, seed_id, "amal", "omar")
    item = comparison.open[0]
    decision_id, gold_id = adjudicate(two_annotators, comparison, item, "a")
    withdraw(two_annotators, decision_id)
    assert compare(two_annotators, seed_id, "amal", "omar").open[0].sources == item.sources
    assert adjudicate(
        two_annotators, comparison, item, "a", decision_id=decision_id, gold_id=gold_id
    ) == (decision_id, gold_id)


def test_a_rejected_span_leaves_nothing_in_gold_but_closes_the_disagreement(
    two_annotators, seed_id
):
    comparison = compare(two_annotators, seed_id, "amal", "omar")
    extra = next(i for i in comparison.disagreements if i.kind == "only_b")
    decision_id, gold_id = adjudicate(two_annotators, comparison, extra, "reject")
    assert gold_id is None
    again = compare(two_annotators, seed_id, "amal", "omar")
    assert extra.sources not in [i.sources for i in again.open]


def test_the_same_disagreement_cannot_be_decided_twice(two_annotators, seed_id):
    comparison = compare(two_annotators, seed_id, "amal", "omar")
    item = comparison.open[0]
    adjudicate(two_annotators, comparison, item, "a")
    with pytest.raises(ValidationError, match="already decided"):
        adjudicate(two_annotators, comparison, item, "b")


def test_accepting_a_missing_side_is_refused(two_annotators, seed_id):
    comparison = compare(two_annotators, seed_id, "amal", "omar")
    extra = next(i for i in comparison.disagreements if i.kind == "only_b")
    with pytest.raises(ValidationError, match="no annotation here"):
        adjudicate(two_annotators, comparison, extra, "a")


def test_an_annotator_is_not_compared_with_itself(two_annotators, seed_id):
    with pytest.raises(ValidationError):
        compare(two_annotators, seed_id, "amal", "amal")


def test_a_joint_statement_tagged_alike_shows_no_disagreement(seeded_project, seed_id):
    tag_joint_statement(seeded_project, seed_id, "amal", reverse=False)
    tag_joint_statement(seeded_project, seed_id, "omar", reverse=True)
    comparison = compare(seeded_project, seed_id, "amal", "omar")
    assert comparison.disagreements == []
    assert len(comparison.items) == 4


def test_accepting_the_agreements_of_a_joint_statement_puts_both_claims_in_gold(
    seeded_project, seed_id
):
    amal = tag_joint_statement(seeded_project, seed_id, "amal", reverse=False)
    tag_joint_statement(seeded_project, seed_id, "omar", reverse=True)
    accept_agreements(seeded_project, compare(seeded_project, seed_id, "amal", "omar"))
    gold = seeded_project.annotations(seed_id, annotator=GOLD)
    by_id = {g.id: g for g in gold}
    claims = [g for g in gold if g.layer == "claim"]
    assert len(claims) == 2 and len(gold) == 4
    for claim in claims:
        speaker = by_id[claim.link_id]
        assert speaker.layer == "speaker"
        # The gold claim linked to a speaker carries what amal's claim of that speaker carries.
        assert claim.stances == amal[(speaker.start, speaker.end)].stances
    assert seeded_project.status(seed_id, GOLD) == "done"
    assert seeded_project.verify() == []


def test_the_accepted_joint_statement_is_withdrawn_in_the_order_returned(seeded_project, seed_id):
    tag_joint_statement(seeded_project, seed_id, "amal", reverse=False)
    tag_joint_statement(seeded_project, seed_id, "omar", reverse=True)
    done = accept_agreements(seeded_project, compare(seeded_project, seed_id, "amal", "omar"))
    for decision_id, _ in done.values():
        withdraw(seeded_project, decision_id)
    assert seeded_project.annotations(seed_id, annotator=GOLD) == []
    assert seeded_project.verify() == []


def test_a_link_to_a_speaker_the_colleague_did_not_tag_differs_from_no_link(
    seeded_project, seed_id
):
    speaker = seeded_project.add_annotation(seed_id, "amal", "speaker", 0, 5)
    seeded_project.add_annotation(seed_id, "amal", "claim", 33, 74, link_id=speaker.id)
    seeded_project.add_annotation(seed_id, "omar", "claim", 33, 74)
    comparison = compare(seeded_project, seed_id, "amal", "omar")
    claim = next(i for i in comparison.items if i.layer == "claim")
    assert claim.differences == ("link",)
