"""Comparing two annotators' work on a document and adjudicating a gold version.

Spans of the same layer are paired one to one by largest overlap; equal spans by what they
carry (`pair_equal_spans`), so identical work agrees whatever the ids or the storage order. A
pair with equal spans and equal attributes is an agreement, anything else a disagreement: only
A, only B, boundary (overlapping spans that differ) or attributes (same span, different
entity, attribute, link or stances). Decisions are stored as annotations of the gold annotator
(origin "adjudicated", with the ids they were decided from) and as adjudication records, so a
document knows which disagreements are still open.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from annotator.core.errors import (
    AnnotatorError,
    DuplicateError,
    Message,
    NotFoundError,
    ValidationError,
)
from annotator.core.model import Annotation
from annotator.core.review.spans import best_assignment, pair_by_overlap, pairing_order
from annotator.core.store.batch import AnnotationBatch
from annotator.core.store.integrity import row_ok
from annotator.core.store.project import Project, now

GOLD = "gold"
KINDS = ("only_a", "only_b", "boundary", "attributes")


@dataclass(frozen=True)
class ReviewItem:
    """One pair (or lone span) of the comparison, with what differs and what was decided."""

    layer: str
    a: Annotation | None
    b: Annotation | None
    differences: tuple[str, ...]  # "span", an attribute name, "entity", "speaker", "stances"
    decision: str | None = None  # accepted / edited / rejected, once adjudicated
    gold_id: str | None = None

    @property
    def kind(self) -> str:
        if self.a is None:
            return "only_b"
        if self.b is None:
            return "only_a"
        if "span" in self.differences:
            return "boundary"
        return "attributes" if self.differences else "agreement"

    @property
    def is_disagreement(self) -> bool:
        return self.kind != "agreement"

    @property
    def is_open(self) -> bool:
        return self.is_disagreement and self.decision is None

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(sorted(x.id for x in (self.a, self.b) if x is not None))

    @property
    def start(self) -> int:
        return min(x.start for x in (self.a, self.b) if x is not None)


@dataclass(frozen=True)
class Comparison:
    document_id: str
    annotator_a: str
    annotator_b: str
    items: tuple[ReviewItem, ...]

    @property
    def disagreements(self) -> list[ReviewItem]:
        return [item for item in self.items if item.is_disagreement]

    @property
    def open(self) -> list[ReviewItem]:
        return [item for item in self.items if item.is_open]


def pair_spans(
    a: Sequence[Annotation],
    b: Sequence[Annotation],
    partner: Mapping[str, str] | None = None,
    known: Mapping[str, Annotation] | None = None,
) -> list[tuple[Annotation | None, Annotation | None]]:
    """One-to-one pairs of overlapping spans of one layer, paired as the agreement figures pair
    them (`spans.pair_by_overlap`, equal spans by `pair_equal_spans`); spans left over are
    paired with None. `partner`: A's id -> B's id of the pairs of the layer the links point
    to; `known`: the annotations by id, for the linked mentions."""
    partner = partner or {}
    known = known or {}

    def pair_equal(members_a: list[int], members_b: list[int]) -> list[tuple[int, int]]:
        chosen = pair_equal_spans(
            [a[i] for i in members_a], [b[j] for j in members_b], partner, known
        )
        return [(members_a[i], members_b[j]) for i, j in chosen]

    found = pair_by_overlap(
        [(x.start, x.end) for x in a], [(y.start, y.end) for y in b], pair_equal
    )
    pairs: list[tuple[Annotation | None, Annotation | None]] = [(a[i], b[j]) for i, j in found]
    paired_a, paired_b = {i for i, _ in found}, {j for _, j in found}
    pairs += [(x, None) for i, x in enumerate(a) if i not in paired_a]
    pairs += [(None, y) for j, y in enumerate(b) if j not in paired_b]
    return pairs


def pair_equal_spans(
    a: Sequence[Annotation],
    b: Sequence[Annotation],
    partner: Mapping[str, str],
    known: Mapping[str, Annotation],
) -> list[tuple[int, int]]:
    """Pairs (index in a, index in b) of annotations of one layer and span, by what they carry:
    the assignment in which the most fields agree, a link to the paired mention outweighing
    all the rest (a joint statement's claims are told apart by their speakers). Both sides are
    taken in order of content, so the result does not depend on ids or storage order."""
    order_a = sorted(range(len(a)), key=lambda i: _content_key(a[i], known))
    order_b = sorted(range(len(b)), key=lambda j: _content_key(b[j], known))
    fields = [[_agreeing(a[i], b[j], partner) for j in order_b] for i in order_a]
    heaviest = 1 + max(others for row in fields for _, others in row)
    scores = [[link * heaviest + others for link, others in row] for row in fields]
    return [(order_a[i], order_b[j]) for i, j in best_assignment(scores)]


def _agreeing(x: Annotation, y: Annotation, partner: Mapping[str, str]) -> tuple[int, int]:
    """(1 if the links agree else 0, how many other fields agree: entity, each attribute and
    each stance target) of two annotations of the same span."""
    link = _links_agree(x, y, partner)
    others = (x.entity.name if x.entity else None) == (y.entity.name if y.entity else None)
    for name in set(x.attributes) | set(y.attributes):
        others += x.attributes.get(name) == y.attributes.get(name)
    stances_x = {s.target: s.value for s in x.stances}
    stances_y = {s.target: s.value for s in y.stances}
    for target in set(stances_x) | set(stances_y):
        others += stances_x.get(target) == stances_y.get(target)
    return int(link), int(others)


def _links_agree(x: Annotation, y: Annotation, partner: Mapping[str, str]) -> bool:
    """Neither links, or they link mentions paired with each other (as agreement counts it:
    a link to a mention the colleague did not tag agrees with nothing)."""
    if x.link_id is None or y.link_id is None:
        return x.link_id is None and y.link_id is None
    return partner.get(x.link_id) == y.link_id


def _content_key(x: Annotation, known: Mapping[str, Annotation]) -> tuple[Any, ...]:
    """What an annotation carries, comparable and free of ids (a link by its mention's span)."""
    linked = known.get(x.link_id) if x.link_id else None
    return (
        (linked.start, linked.end, _content_key(linked, {})) if linked else (),
        x.entity.name if x.entity else "",
        json.dumps(dict(x.attributes), sort_keys=True, ensure_ascii=False),
        sorted((s.target, s.value) for s in x.stances),
    )


def compare(project: Project, document_id: str, annotator_a: str, annotator_b: str) -> Comparison:
    """The items of two annotators' work on a document: each pair of spans (linked-to layers
    paired first, so links compare through those pairs) and each lone span, in reading order.
    Raises ValidationError when the annotators are the same, NotFoundError for no document."""
    if annotator_a == annotator_b:
        raise ValidationError("choose two different annotators to compare")
    project.text(document_id)
    side_a = project.annotations(document_id, annotator=annotator_a)
    side_b = project.annotations(document_id, annotator=annotator_b)
    known = {x.id: x for x in (*side_a, *side_b)}
    schema = project.schema
    links = {}
    for layer in schema.layer_names:
        link = schema.layer(layer).attribute_of_type("link")
        links[layer] = link.layer if link else None
    pairs: list[tuple[Annotation | None, Annotation | None]] = []
    partner: dict[str, str] = {}
    for stage in pairing_order(links):
        for layer in stage:
            found = pair_spans(
                [x for x in side_a if x.layer == layer],
                [y for y in side_b if y.layer == layer],
                partner,
                known,
            )
            pairs += found
            partner.update({x.id: y.id for x, y in found if x is not None and y is not None})
    decided = decisions(project, document_id)
    items = []
    for x, y in pairs:
        layer = (x or y).layer
        differences = _differences(x, y, partner) if x and y else ()
        sources = tuple(sorted(z.id for z in (x, y) if z is not None))
        decision, gold_id = decided.get(sources, (None, None))
        items.append(ReviewItem(layer, x, y, differences, decision, gold_id))
    items.sort(key=lambda item: (item.start, item.layer))
    return Comparison(document_id, annotator_a, annotator_b, tuple(items))


def _differences(x: Annotation, y: Annotation, partner: dict[str, str]) -> tuple[str, ...]:
    found = []
    if (x.start, x.end) != (y.start, y.end):
        found.append("span")
    if (x.entity.name if x.entity else None) != (y.entity.name if y.entity else None):
        found.append("entity")
    for name in sorted(set(x.attributes) | set(y.attributes)):
        if x.attributes.get(name) != y.attributes.get(name):
            found.append(name)
    if not _links_agree(x, y, partner):
        found.append("link")
    if {(s.target, s.value) for s in x.stances} != {(s.target, s.value) for s in y.stances}:
        found.append("stances")
    return tuple(found)


def decisions(
    project: Project,
    document_id: str,
    sources: Sequence[tuple[str, ...]] | None = None,
) -> dict[tuple[str, ...], tuple[str, str]]:
    """{sources: (decision, gold annotation id)} of the decisions stored for a document: all of
    them, or those of the items named by their `sources` (`ReviewItem.sources`); one query."""
    sql = (
        "SELECT sources, decision, gold_id FROM adjudications "
        f"WHERE document_id = ? AND {row_ok('adjudications')}"
    )
    params: list[Any] = [document_id]
    if sources is not None and len(sources) == 1:
        sql += " AND sources = ?"  # the index of (document_id, sources) finds it
        params.append(json.dumps(list(sources[0])))
    elif sources is not None:
        sql += " AND sources IN (SELECT value FROM json_each(?))"
        params.append(json.dumps([json.dumps(list(s)) for s in sources]))
    rows = project.conn.execute(sql, params)
    return {tuple(json.loads(s)): (d, g) for s, d, g in rows}


def adjudicate(
    project: Project,
    comparison: Comparison,
    item: ReviewItem,
    choice: str,
    *,
    gold: str = GOLD,
    decision_id: str | None = None,
    gold_id: str | None = None,
) -> tuple[str, str | None]:
    """Decide one item: `choice` is "a" or "b" (take that version into gold) or "reject".

    One transaction. The gold copy's claim→speaker link points to the gold mention decided from
    the linked mention (or its partner); a link whose mention has no gold copy yet is left
    empty. When no disagreement of `comparison` is left open the gold version of the document
    is marked done. Costs a few indexed queries, whatever the document's size: `comparison` is
    taken as current (it is not compared again). Returns (decision id, gold annotation id or
    None); pass them back to redo the same decision. Raises ValidationError for an unknown
    choice, a side with nothing to accept, or an item already decided.
    """
    with project.atomic():
        decider = _Decider(project, comparison.document_id, gold)
        decided = decider.decide(item, choice, decision_id, gold_id)
        decider.finish()
        _update_status(project, comparison, gold, [item.sources])
    return decided


def accept_agreements(
    project: Project,
    comparison: Comparison,
    gold: str = GOLD,
    ids: dict[tuple[str, ...], tuple[str, str | None]] | None = None,
) -> dict[tuple[str, ...], tuple[str, str | None]]:
    """Copy every agreed pair not yet decided into gold, mentions before claims; one
    transaction. Returns {sources: (decision id, gold id)} in the order to withdraw them
    (claims before their mentions: withdrawing a mention first would unlink its claims, and
    the claims of a joint statement, unlinked, would be the same claim twice); pass it back as
    `ids` to redo the same step with the same ids.

    Linear in the items: the document's decisions and gold copies are read once, the new gold
    annotations checked one by one as `Project.add_annotation` checks them and stored together
    (`AnnotationBatch`, the import's bulk path), the decisions by one `executemany`."""
    ids = ids or {}
    done = {}
    with project.atomic():
        agreed = [i for i in comparison.items if not i.is_disagreement and i.decision is None]
        # Mentions first, so the claims' links find their gold mentions.
        agreed.sort(key=lambda i: i.a.link_id is not None)
        # Redoing the step puts back gold annotations that have deletion records: those go
        # one by one (`add_annotation` continues their revisions), new ones in bulk.
        again = [g for _, g in ids.values() if g]
        decider = _Decider(
            project,
            comparison.document_id,
            gold,
            batch=not any(project.known(g) for g in again),
            read_all=True,
        )
        try:
            for item in agreed:
                decision_id, gold_id = ids.get(item.sources, (None, None))
                done[item.sources] = decider.decide(item, "a", decision_id, gold_id)
            decider.finish()
        except DuplicateError as exc:
            raise _blocked(project, exc) from None
        _update_status(project, comparison, gold)
    return dict(reversed(done.items()))


def _blocked(project: Project, exc: DuplicateError) -> ValidationError:
    """Accepting all agreements is one step: when gold already tags an agreed span (a gold
    import, a hand tag) none is accepted, and the refusal says so and names that span."""
    try:
        tagged = project.annotation(exc.existing)
    except AnnotatorError:
        return ValidationError(Message("nothing was accepted: %1", exc))
    return ValidationError(
        Message(
            "nothing was accepted: gold already tags %1 «%2» at %3-%4 (annotation %5), a span "
            "the annotators agree on; remove or move gold's tag there and accept all again, or "
            "accept the other agreements one by one",
            tagged.layer,
            tagged.text,
            tagged.start,
            tagged.end,
            tagged.id,
        )
    )


class _Decider:
    """Decisions on one document inside one transaction, with what they look up (the decided
    items, the gold copies of source annotations) read once and kept up to date here.

    `batch`: gold annotations are checked as they come and stored by `finish` (the import's
    bulk path); else each is stored at once. `read_all`: read every decision and gold copy of
    the document up front (many decisions); else ask the store about each (one decision)."""

    def __init__(
        self,
        project: Project,
        document_id: str,
        gold: str,
        batch: bool = False,
        read_all: bool = False,
    ):
        self.project = project
        self.document_id = document_id
        self.gold = gold
        self.gold_annotator = project.annotator_id(gold)
        self.batch = AnnotationBatch(project) if batch else None
        self.decided: set[tuple[str, ...]] | None = (
            set(decisions(project, document_id)) if read_all else None
        )
        self.copies: dict[str, str] | None = (
            _gold_copies(project, document_id, gold) if (read_all) else None
        )
        self.records: list[tuple] = []
        self.stamp = now()

    def decide(
        self, item: ReviewItem, choice: str, decision_id: str | None, gold_id: str | None
    ) -> tuple[str, str | None]:
        if choice not in ("a", "b", "reject"):
            raise ValidationError(Message("unknown choice %1 (a, b or reject)", repr(choice)))
        chosen = {"a": item.a, "b": item.b, "reject": None}[choice]
        if choice != "reject" and chosen is None:
            raise ValidationError(
                Message("annotator %1 has no annotation here to accept", choice.upper())
            )
        if self._is_decided(item.sources):
            raise ValidationError("this disagreement is already decided; undo that first")
        new_gold = None
        if chosen is not None:
            new_gold = self._copy(chosen, item.sources, gold_id)
        decision_id = decision_id or str(uuid.uuid4())
        self.records.append(
            (
                decision_id,
                self.document_id,
                json.dumps(list(item.sources)),
                "accepted" if chosen else "rejected",
                new_gold,
                self.gold_annotator,
                self.stamp,
            )
        )
        if self.decided is not None:
            self.decided.add(item.sources)
        if self.copies is not None and new_gold is not None:
            for source in item.sources:
                self.copies.setdefault(source, new_gold)
        return decision_id, new_gold

    def _is_decided(self, sources: tuple[str, ...]) -> bool:
        if self.decided is not None:
            return sources in self.decided
        if any(r[2] == json.dumps(list(sources)) for r in self.records):
            return True
        return sources in decisions(self.project, self.document_id, [sources])

    def _gold_link(self, link_id: str | None) -> str | None:
        if link_id is None:
            return None
        if self.copies is not None:
            return self.copies.get(link_id)
        return _gold_copies(self.project, self.document_id, self.gold, link_id).get(link_id)

    def _copy(self, chosen: Annotation, sources: tuple[str, ...], gold_id: str | None) -> str:
        link_id = self._gold_link(chosen.link_id)
        if self.batch is None:
            return self.project.add_annotation(
                self.document_id,
                self.gold,
                chosen.layer,
                chosen.start,
                chosen.end,
                attributes=chosen.attributes,
                entity=chosen.entity,
                link_id=link_id,
                stances=chosen.stances,
                origin="adjudicated",
                text=chosen.text,
                sources=sources,
                id=gold_id,
            ).id
        copy = chosen.copied(
            self.gold,
            origin="adjudicated",
            stamp=self.stamp,
            link_id=link_id,
            sources=sources,
            id=gold_id,
        )
        return self.batch.add(copy).id

    def finish(self) -> None:
        """Store what `decide` kept: the gold annotations (in bulk) and the decisions."""
        if self.batch is not None:
            self.batch.write()
        self.project.conn.executemany(
            "INSERT INTO adjudications (id, document_id, sources, decision, gold_id, "
            "annotator_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            self.records,
        )
        self.records = []


def withdraw(project: Project, decision_id: str) -> None:
    """Undo a decision: remove its record and the gold annotation it made."""
    with project.atomic():
        row = project.conn.execute(
            "SELECT gold_id, document_id, annotator_id FROM adjudications WHERE id = ?",
            (decision_id,),
        ).fetchone()
        if row is None:
            raise NotFoundError(Message("no decision %1", repr(decision_id)))
        project.conn.execute("DELETE FROM adjudications WHERE id = ?", (decision_id,))
        if row[0]:
            project.delete_annotation(row[0])
        _reopen(project, {(row[1], row[2])})


def withdraw_many(project: Project, decision_ids: Sequence[str]) -> None:
    """Undo many decisions in one transaction, as `withdraw` of each in turn would (the order
    `accept_agreements` returns, claims before their mentions); a few statements in all.
    Raises NotFoundError, and changes nothing, when one of them is not stored."""
    with project.atomic():
        wanted = json.dumps(list(decision_ids))
        found = project.conn.execute(
            "SELECT id, gold_id, document_id, annotator_id FROM adjudications "
            "WHERE id IN (SELECT value FROM json_each(?))",
            (wanted,),
        ).fetchall()
        rows = {r[0]: r[1] for r in found}
        missing = next((d for d in decision_ids if d not in rows), None)
        if missing is not None:
            raise NotFoundError(Message("no decision %1", repr(missing)))
        project.conn.execute(
            "DELETE FROM adjudications WHERE id IN (SELECT value FROM json_each(?))", (wanted,)
        )
        project.delete_annotations([rows[d] for d in decision_ids if rows[d]])
        _reopen(project, {(r[2], r[3]) for r in found})


def _reopen(project: Project, documents: set[tuple[str, int]]) -> None:
    """After decisions are withdrawn: a document where the adjudicator (annotator row id) has
    no decision left goes back to the status it had before the first one: in progress when
    their own annotations are still there (a gold import, a hand tag), else to do (an update,
    not a deletion, so a linked project sends it to the team). With decisions left, its
    status stays as the decisions made it."""
    for document_id, annotator_id in documents:
        if project.conn.execute(
            "SELECT 1 FROM adjudications WHERE document_id = ? AND annotator_id = ? LIMIT 1",
            (document_id, annotator_id),
        ).fetchone():
            continue
        worked = project.conn.execute(
            "SELECT 1 FROM annotations WHERE document_id = ? AND annotator_id = ? LIMIT 1",
            (document_id, annotator_id),
        ).fetchone()
        status = "in_progress" if worked else "todo"
        project.conn.execute(
            "UPDATE document_status SET status = ?, modified_at = ? "
            "WHERE document_id = ? AND annotator_id = ? AND status != ?",
            (status, now(), document_id, annotator_id, status),
        )


def _gold_copies(
    project: Project, document_id: str, gold: str, source_id: str | None = None
) -> dict[str, str]:
    """{source annotation id: the gold annotation decided from it} of a document (of one source
    when `source_id` is given), the first in reading order where several were; one query."""
    sql = (
        "SELECT j.value, a.id FROM annotations a JOIN annotators p ON p.id = a.annotator_id, "
        # json_each raises on text that is not a JSON list: such a row (a hand edit) adds none.
        "json_each(CASE WHEN typeof(a.sources) = 'text' AND json_valid(a.sources) "
        "AND json_type(a.sources) = 'array' THEN a.sources END) j "
        "WHERE a.document_id = ? AND p.name = ? AND a.sources != '[]'"
    )
    params: list[Any] = [document_id, gold]
    if source_id is not None:
        sql += " AND j.value = ?"
        params.append(source_id)
    sql += f' AND {row_ok("annotations", "a")} ORDER BY a.start, a."end" DESC, a.layer, a.id'
    found: dict[str, str] = {}
    for source, gold_id in project.conn.execute(sql, params):
        found.setdefault(source, gold_id)
    return found


def _update_status(
    project: Project, comparison: Comparison, gold: str, decided: Sequence[tuple[str, ...]] = ()
) -> None:
    """Gold is in progress from its first decision and done when no disagreement of
    `comparison` is left without a stored decision (`decided`: the sources just decided). The
    items the comparison holds as decided are not asked about, and the first open one found
    ends the search: one query, most often."""
    just = set(decided)
    status = "done"
    for item in comparison.items:
        if item.decision is None and item.sources not in just and item.is_disagreement:
            if not decisions(project, comparison.document_id, [item.sources]):
                status = "in_progress"
                break
    project.set_status(comparison.document_id, gold, status)
