"""Accepting all agreements at scale: one read of the document's decisions, the gold
annotations stored in bulk, and the same rows as deciding the items one at a time."""

import shutil

import pytest

from annotator.core.errors import ValidationError
from annotator.core.formats import jsonl
from annotator.core.review.adjudication import (
    GOLD,
    accept_agreements,
    adjudicate,
    compare,
    withdraw,
    withdraw_many,
)
from annotator.core.store.project import Project


def two_annotators(project, seed_article, seed_id):
    jsonl.import_annotations(project, seed_article.with_name(f"{seed_id}.gold.jsonl"), "amal")
    jsonl.import_annotations(project, seed_article.with_name(f"{seed_id}.colleague.jsonl"), "omar")
    return project


def stored(project):
    """What the store holds of gold and the decisions, free of clock times."""
    conn = project.conn
    annotations = conn.execute(
        'SELECT id, document_id, annotator_id, layer, start, "end", text, attributes, '
        "entity_id, link_id, origin, sources, revision, rev, history FROM annotations "
        "ORDER BY id"
    ).fetchall()
    stances = conn.execute("SELECT * FROM stances ORDER BY annotation_id, position").fetchall()
    decisions = conn.execute(
        "SELECT id, document_id, sources, decision, gold_id, annotator_id FROM adjudications "
        "ORDER BY id"
    ).fetchall()
    deletions = conn.execute(
        "SELECT annotation_id, document_id, annotator, layer, revision, rev, history "
        "FROM deletions ORDER BY annotation_id"
    ).fetchall()
    statuses = conn.execute(
        "SELECT document_id, annotator_id, status FROM document_status ORDER BY 1, 2"
    ).fetchall()
    return annotations, stances, decisions, deletions, statuses


def test_accepting_all_agreements_stores_what_deciding_them_one_by_one_stores(
    seeded_project, seed_article, seed_id, tmp_path
):
    bulk = two_annotators(seeded_project, seed_article, seed_id)
    bulk.close()
    shutil.copy(bulk.path, tmp_path / "single.annotator")
    with Project.open(bulk.path) as bulk, Project.open(tmp_path / "single.annotator") as single:
        ids = accept_agreements(bulk, compare(bulk, seed_id, "amal", "omar"))
        assert len(ids) == 22
        # The same decisions, one transaction each, in the order accept_agreements makes them.
        comparison = compare(single, seed_id, "amal", "omar")
        by_sources = {i.sources: i for i in comparison.items}
        for sources, (decision_id, gold_id) in reversed(ids.items()):
            adjudicate(
                single,
                comparison,
                by_sources[sources],
                "a",
                decision_id=decision_id,
                gold_id=gold_id,
            )
        assert stored(bulk) == stored(single)
        claims = [g for g in bulk.annotations(seed_id, annotator=GOLD) if g.link_id]
        assert claims and all(bulk.annotation(c.link_id).annotator == GOLD for c in claims)
        # Undone (claims first) and redone with the same ids: the gold annotations come back
        # as their next revisions, after their deletion records.
        withdraw_many(bulk, [d for d, _ in ids.values()])
        for decision_id, _ in ids.values():
            withdraw(single, decision_id)
        assert stored(bulk) == stored(single)
        accept_agreements(bulk, compare(bulk, seed_id, "amal", "omar"), ids=ids)
        comparison = compare(single, seed_id, "amal", "omar")
        by_sources = {i.sources: i for i in comparison.items}
        for sources, (decision_id, gold_id) in reversed(ids.items()):
            adjudicate(
                single,
                comparison,
                by_sources[sources],
                "a",
                decision_id=decision_id,
                gold_id=gold_id,
            )
        assert stored(bulk) == stored(single)
        assert {g.revision for g in bulk.annotations(seed_id, annotator=GOLD)} == {3}
        assert bulk.verify() == []
        # Withdrawn but for one gold claim, relinked to a mention that goes: it loses its link.
        claim = next(g for g in bulk.annotations(seed_id, annotator=GOLD) if g.link_id)
        mention = next(
            g
            for g in bulk.annotations(seed_id, annotator=GOLD)
            if g.layer == bulk.annotation(claim.link_id).layer and g.id != claim.link_id
        )
        for project in (bulk, single):
            project.update_annotation(claim.id, link_id=mention.id)
        others = [d for d, g in ids.values() if g != claim.id]
        withdraw_many(bulk, others)
        for decision_id in others:
            withdraw(single, decision_id)
        assert bulk.annotation(claim.id).link_id is None
        assert stored(bulk) == stored(single)


def reads_of_decisions(project, action) -> tuple[int, int]:
    """How many times `action` reads the decisions of the whole document from the store, and
    how many times those of one item."""
    seen = []
    project.conn.set_trace_callback(seen.append)
    try:
        action()
    finally:
        project.conn.set_trace_callback(None)
    reads = [sql for sql in seen if sql.lstrip().startswith("SELECT sources, decision")]
    one = sum(1 for sql in reads if "AND sources =" in sql)
    return len(reads) - one, one


def test_accepting_all_agreements_reads_the_decisions_once(seeded_project, seed_article, seed_id):
    project = two_annotators(seeded_project, seed_article, seed_id)
    comparison = compare(project, seed_id, "amal", "omar")
    agreed = [i for i in comparison.items if not i.is_disagreement]
    assert len(agreed) == 22
    whole, one = reads_of_decisions(project, lambda: accept_agreements(project, comparison))
    assert whole == 1
    assert one <= 1  # whether a disagreement is left open: the first one is


def test_one_decision_does_not_compare_the_document_again(seeded_project, seed_article, seed_id):
    project = two_annotators(seeded_project, seed_article, seed_id)
    comparison = compare(project, seed_id, "amal", "omar")
    item = comparison.open[0]
    whole, one = reads_of_decisions(
        project, lambda: adjudicate(project, comparison, item, "a" if item.a else "reject")
    )
    # Whether this item is decided, and whether the next open one is: nothing of the rest.
    assert (whole, one) == (0, 2)
    left = [i for i in comparison.open if i is not item]
    for other in left:
        adjudicate(project, comparison, other, "a" if other.a else "reject")
        assert project.status(seed_id, GOLD) == ("done" if other is left[-1] else "in_progress")


def test_withdrawing_every_decision_puts_gold_status_back(seeded_project, seed_article, seed_id):
    """Accept all, decide every disagreement (gold done), then undo it all, one way or the
    other: gold's status of the document is no longer done but what it was (to do); with a
    decision still standing it stays as the decisions made it."""
    project = two_annotators(seeded_project, seed_article, seed_id)
    comparison = compare(project, seed_id, "amal", "omar")
    made = list(accept_agreements(project, comparison).values())
    comparison = compare(project, seed_id, "amal", "omar")
    for item in comparison.disagreements:
        made.append(adjudicate(project, comparison, item, "a" if item.a else "b"))
    assert project.status(seed_id, GOLD) == "done"
    first, *rest = [d for d, _ in made]
    withdraw_many(project, rest)
    assert project.status(seed_id, GOLD) == "done"  # one decision stands
    withdraw(project, first)
    assert project.status(seed_id, GOLD) == "todo"
    # A redo and the bulk undo alike.
    comparison = compare(project, seed_id, "amal", "omar")
    again = accept_agreements(project, comparison)
    assert project.status(seed_id, GOLD) == "in_progress"
    withdraw_many(project, [d for d, _ in again.values()])
    assert project.status(seed_id, GOLD) == "todo"


def test_withdrawing_every_decision_keeps_gold_in_progress_when_it_has_own_work(
    seeded_project, seed_article, seed_id
):
    project = two_annotators(seeded_project, seed_article, seed_id)
    project.add_annotation(seed_id, GOLD, "speaker", 1, 4, attributes={"role": "person"})
    comparison = compare(project, seed_id, "amal", "omar")
    made = list(accept_agreements(project, comparison).values())
    for item in compare(project, seed_id, "amal", "omar").disagreements:
        made.append(adjudicate(project, compare(project, seed_id, "amal", "omar"), item, "reject"))
    assert project.status(seed_id, GOLD) == "done"
    withdraw_many(project, [d for d, _ in reversed(made)])
    assert project.status(seed_id, GOLD) == "in_progress"


def test_accepting_all_when_gold_already_tags_an_agreed_span_says_nothing_was_accepted(
    seeded_project, seed_article, seed_id
):
    """Gold already tags one span both annotators agree on (a gold import, a hand tag): the one
    step accepts nothing and says so, naming that span and gold's annotation."""
    project = two_annotators(seeded_project, seed_article, seed_id)
    comparison = compare(project, seed_id, "amal", "omar")
    agreed = next(i for i in comparison.items if not i.is_disagreement and i.a.layer == "speaker")
    tag = project.add_annotation(
        seed_id, GOLD, "speaker", agreed.a.start, agreed.a.end, attributes={"role": "other"}
    )
    before = stored(project)
    with pytest.raises(ValidationError) as refused:
        accept_agreements(project, compare(project, seed_id, "amal", "omar"))
    message = str(refused.value)
    assert message.startswith("nothing was accepted: gold already tags speaker")
    assert f"«{agreed.a.text}» at {agreed.a.start}-{agreed.a.end}" in message
    assert tag.id in message
    assert stored(project) == before
