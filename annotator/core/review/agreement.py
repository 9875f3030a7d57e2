"""Agreement between annotators: span precision/recall/F1, token kappa and alpha, attributes.

The measures are pure functions over plain data in `measures.py` (kappa, alpha) and `spans.py`
(pairing); `compare` reads a project a thousand documents at a time, a few queries each, adds
up each part's counts and returns an `AgreementReport`. Every definition is written down in
README.md, section "Agreement".
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, replace
from functools import lru_cache
from itertools import combinations
from typing import Any, NamedTuple

import numpy as np

from annotator.core.arabic.text import is_word_char
from annotator.core.errors import Message, NotFoundError, ValidationError
from annotator.core.review.measures import (
    Figure,
    alpha_from_counts,
    array_count_figures,
    array_counts,
    cohen_kappa,
    pair_figures,
    undefined,
)
from annotator.core.review.spans import EqualPairing, best_assignment, greedy_overlap, pairing_order
from annotator.core.schema import LabelSchema
from annotator.core.store.project import Project

SUGGESTIONS = "suggestions"  # machine suggestions are not an annotator to agree with
NONE = "(none)"  # the category of an attribute one annotator left empty
# Documents compared at a time: every figure is a sum over documents (span counts, token
# tables, coincidences), so the annotations of one part at a time are held, not all of them.
CHUNK_DOCUMENTS = 1000


# ----------------------------------------------------------------- values of the report


@dataclass(frozen=True, slots=True)
class SpanScores:
    """Spans of annotator A against those of B, B taken as the reference."""

    matched: int
    only_a: int
    only_b: int
    precision: float | None  # matched / spans of A
    recall: float | None  # matched / spans of B
    f1: float | None  # 2 matched / (spans of A + spans of B)
    reason: str | None = None  # why a figure is None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def span_scores(matched: int, n_a: int, n_b: int, reason: str | None = None) -> SpanScores:
    """Precision, recall and F1 from the number of matched spans and the spans of each side."""
    if reason is None and n_a + n_b == 0:
        reason = "neither annotator tagged a span of this layer"
    elif reason is None and n_a == 0:
        reason = "A tagged no span of this layer: precision is not defined"
    elif reason is None and n_b == 0:
        reason = "B tagged no span of this layer: recall is not defined"
    return SpanScores(
        matched=matched,
        only_a=n_a - matched,
        only_b=n_b - matched,
        precision=matched / n_a if n_a else None,
        recall=matched / n_b if n_b else None,
        f1=2 * matched / (n_a + n_b) if n_a + n_b else None,
        reason=reason,
    )


@dataclass(frozen=True)
class Confusion:
    """Counts of matched pairs: rows are A's value, columns B's value, in the order of `labels`."""

    labels: tuple[str, ...]
    counts: tuple[tuple[int, ...], ...]

    def to_json(self) -> dict[str, Any]:
        return {"labels": list(self.labels), "counts": [list(row) for row in self.counts]}


@dataclass(frozen=True)
class AttributeAgreement:
    name: str  # an attribute of the layer, or "stance"
    kappa: Figure
    alpha: Figure  # nominal
    agreement: Figure  # the share of units with the same value
    confusion: Confusion | None  # None for links: their values are mentions, not categories

    def to_json(self) -> dict[str, Any]:
        return {
            "kappa": self.kappa.to_json(),
            "alpha": self.alpha.to_json(),
            "agreement": self.agreement.to_json(),
            "n_units": self.agreement.n_units,
            "confusion": self.confusion.to_json() if self.confusion else None,
        }


@dataclass(frozen=True)
class PairAgreement:
    """The pairwise figures of one layer for annotator `a` against the reference `b`."""

    a: str
    b: str
    documents: int  # documents both have annotated: the only ones compared
    exact: SpanScores
    overlap: SpanScores
    token_kappa: Figure
    attributes: tuple[AttributeAgreement, ...]

    def attribute(self, name: str) -> AttributeAgreement:
        return next(x for x in self.attributes if x.name == name)

    def to_json(self) -> dict[str, Any]:
        return {
            "a": self.a,
            "b": self.b,
            "documents": self.documents,
            "span": {"exact": self.exact.to_json(), "overlap": self.overlap.to_json()},
            "token_kappa": self.token_kappa.to_json(),
            "attributes": {x.name: x.to_json() for x in self.attributes},
        }


@dataclass(frozen=True)
class LayerAgreement:
    layer: str
    token_alpha: Figure  # over all compared annotators
    pairs: tuple[PairAgreement, ...]

    def pair(self, a: str, b: str) -> PairAgreement:
        return next(p for p in self.pairs if (p.a, p.b) == (a, b))

    def to_json(self) -> dict[str, Any]:
        return {
            "token_alpha": self.token_alpha.to_json(),
            "pairs": [p.to_json() for p in self.pairs],
        }


@dataclass(frozen=True, slots=True)
class DocumentLayerScores:
    layer: str
    token_alpha: Figure
    overlap: tuple[tuple[str, str, SpanScores], ...]  # (a, b, scores) for each compared pair

    def to_json(self) -> dict[str, Any]:
        return {
            "token_alpha": self.token_alpha.to_json(),
            "pairs": [{"a": a, "b": b, "overlap": s.to_json()} for a, b, s in self.overlap],
        }


@dataclass(frozen=True, slots=True)
class DocumentScores:
    id: str
    title: str
    lowest: float | None  # the lowest defined figure of the document: the sort key
    layers: tuple[DocumentLayerScores, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "lowest": self.lowest,
            "layers": {x.layer: x.to_json() for x in self.layers},
        }


@dataclass(frozen=True)
class ReportRow:
    """One line of the readable table: a figure with its unit count and a note."""

    layer: str
    measure: str
    annotators: str
    value: float | None
    n_units: int
    note: str


@dataclass(frozen=True)
class AgreementReport:
    annotators: tuple[str, ...]
    layers: tuple[LayerAgreement, ...]
    documents: tuple[DocumentScores, ...]  # compared documents, hardest first
    reason: str | None = None  # why nothing could be compared

    def layer(self, name: str) -> LayerAgreement:
        return next(x for x in self.layers if x.layer == name)

    def to_json(self) -> dict[str, Any]:
        """A plain dict for `json.dumps`; the structure is documented in README.md."""
        return {
            "annotators": list(self.annotators),
            "pairs": [list(p) for p in combinations(self.annotators, 2)],
            "documents_compared": len(self.documents),
            "reason": self.reason,
            "layers": {x.layer: x.to_json() for x in self.layers},
            "documents": [d.to_json() for d in self.documents],
        }

    def rows(self) -> list[ReportRow]:
        """The figures as table rows, in the order of the JSON structure."""
        rows = []
        for layer in self.layers:
            every = ", ".join(self.annotators)
            rows.append(_figure_row(layer.layer, "token alpha", every, layer.token_alpha))
            for p in layer.pairs:
                who = f"{p.a} vs {p.b}"
                for name, s in (("span exact F1", p.exact), ("span overlap F1", p.overlap)):
                    note = f"matched {s.matched}, only A {s.only_a}, only B {s.only_b}; " + (
                        f"P {_fmt(s.precision)} R {_fmt(s.recall)}"
                    )
                    if s.reason:
                        note += f"; {s.reason}"
                    rows.append(
                        ReportRow(
                            layer.layer, name, who, s.f1, s.matched + s.only_a + s.only_b, note
                        )
                    )
                rows.append(_figure_row(layer.layer, "token kappa", who, p.token_kappa))
                for x in p.attributes:
                    kappa = _figure_row(layer.layer, f"{x.name} kappa", who, x.kappa)
                    same = f"same value {_fmt(x.agreement.value)}"
                    rows.append(
                        replace(kappa, note=f"{same}; {kappa.note}" if kappa.note else same)
                    )
                    rows.append(_figure_row(layer.layer, f"{x.name} alpha", who, x.alpha))
        return rows


def _figure_row(layer: str, measure: str, who: str, figure: Figure) -> ReportRow:
    return ReportRow(layer, measure, who, figure.value, figure.n_units, figure.reason or "")


def _fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


# ----------------------------------------------------------------- reading a project


def compare(
    project: Project,
    annotators: Sequence[str] | None = None,
    layers: Sequence[str] | None = None,
    document_ids: Sequence[str] | None = None,
    chunk_documents: int = CHUNK_DOCUMENTS,
) -> AgreementReport:
    """Agreement of the annotators (default: all but "suggestions") on the documents (default:
    all) for the layers (default: all of the schema).

    The documents are read and compared `chunk_documents` at a time (at least 1), and each
    part's counts added up: memory holds one part's annotations and tokens, whatever the size
    of the project (plus one small score record per compared document, which the report
    lists). The figures are the same for any `chunk_documents`: each is a function of sums
    over documents."""
    names = _annotators(project, annotators)
    layer_names = _layers(project.schema, layers)
    summaries = _documents(project, document_ids)
    if len(names) < 2:
        found = f" (only {names[0]})" if names else ""
        reason = f"fewer than two annotators to compare{found}"
        empty = tuple(LayerAgreement(x, undefined(reason), ()) for x in layer_names)
        return AgreementReport(tuple(names), empty, (), reason)
    done = {name: project.annotated_documents(name) for name in names}
    compared = [d for d in summaries if sum(d.id in done[n] for n in names) >= 2]
    idle = [n for n in names if not any(d.id in done[n] for d in summaries)]
    totals = _Totals(project.schema, names, layer_names, compared, idle, document_ids is not None)
    if compared:
        entities = project.entity_names()
        ids = project.annotator_ids()
        step = max(1, chunk_documents)
        for first in range(0, len(compared), step):
            part = compared[first : first + step]
            totals.add(
                _Comparison(project, names, layer_names, part, done, entities, ids).partial()
            )
    return totals.report()


def _annotators(project: Project, chosen: Sequence[str] | None) -> list[str]:
    known = project.annotators()
    if chosen is None:
        return [name for name in known if name != SUGGESTIONS]
    for name in chosen:
        if name not in known:
            raise NotFoundError(
                Message(
                    "no annotator %1 in this project (annotators: %2)",
                    repr(name),
                    ", ".join(known) or "none",
                )
            )
        if list(chosen).count(name) > 1:
            raise ValidationError(Message("annotator %1 is given twice", repr(name)))
    return list(chosen)


def _layers(schema: LabelSchema, chosen: Sequence[str] | None) -> list[str]:
    if chosen is None:
        return list(schema.layer_names)
    for name in chosen:
        schema.layer(name)  # refuses an unknown layer, naming the known ones
    return list(dict.fromkeys(chosen))


class _Document(NamedTuple):
    rowid: int
    id: str
    title: str


def _documents(project: Project, chosen: Sequence[str] | None) -> list[_Document]:
    summaries = [_Document(*row) for row in project.document_rows()]
    if chosen is None:
        return summaries
    known = {d.id for d in summaries}
    for doc_id in chosen:
        if doc_id not in known:
            raise NotFoundError(Message("no document with id %1", repr(doc_id)))
    wanted = set(chosen)
    return [d for d in summaries if d.id in wanted]


class _Comparison:
    """One part of a `compare` call: its documents, their tokens, and their annotations as
    columns; `partial` gives its counts, which `_Totals` adds up.

    Row i of the annotations has `doc[i]`, `who[i]` (annotator), `layer[i]`, `start[i]`,
    `end[i]`, `entity[i]`, `link[i]` (the row it links to) as numpy arrays, read from the
    project as columns of numbers, so tokens, exact matches and attribute values are found for
    all documents at once; only spans left without an exact partner are paired in Python.
    """

    def __init__(self, project, names, layer_names, documents, done, entities, ids):
        self.schema: LabelSchema = project.schema
        self.names: list[str] = names
        self.layer_names: list[str] = layer_names
        self.documents: list[_Document] = documents
        self.pairs = list(combinations(range(len(names)), 2))
        document_ids = [d.id for d in documents]
        # annotated[w, d]: annotator w has annotated document d (an annotation or a status).
        self.annotated = np.array(
            [[d.id in done[name] for d in documents] for name in names], dtype=bool
        ).reshape(len(names), len(documents))
        texts = project.texts(document_ids)
        self.offsets = np.cumsum([0] + [len(t) + 1 for t in texts], dtype=np.int64)[:-1]
        # The layers a link points to are paired too, though they may not be reported.
        links = [self.schema.layer(x).attribute_of_type("link") for x in layer_names]
        needed = [*layer_names, *(link.layer for link in links if link is not None)]
        self.layer_code = {name: n for n, name in enumerate(dict.fromkeys(needed))}
        self.layer_names_by_code = list(self.layer_code)
        linked = {}
        for name in self.layer_code:
            link = self.schema.layer(name).attribute_of_type("link")
            linked[name] = link.layer if link else None
        # Layers linked to are paired before the layers linking to them.
        self.stages = [
            np.array([self.layer_code[x] for x in stage]) for stage in pairing_order(linked)
        ]
        choices = {
            (layer, a.name): a.values
            for layer in layer_names
            for a in self.schema.layer(layer).attributes
            if a.type == "choice"
        }
        stance_values = next(
            (
                self.schema.layer(x).stance_values
                for x in layer_names
                if self.schema.layer(x).has_stance
            ),
            None,
        )
        # Three things at once on two cores: SQLite lets go of Python's lock while it runs a
        # query, so the words are found and the stances read (on a second connection) while
        # the annotations are read.
        with ThreadPoolExecutor(max_workers=2) as pool, project.side_reader() as side:
            tokens = pool.submit(_tokens, "\n".join(texts))
            stances = (
                pool.submit(side.stance_columns, stance_values, document_ids)
                if side is not None and stance_values is not None
                else None
            )
            columns = project.annotation_columns(
                list(self.layer_code),
                choices,
                annotators=names,
                document_ids=document_ids,
            )
            self.token_start, self.token_end = tokens.result()
            self._stances_read = stances.result() if stances is not None else None
        self.token_doc = np.searchsorted(self.offsets, self.token_start, side="right") - 1
        doc = _positions(columns.document, np.array([d.rowid for d in documents], np.int64))
        who = _positions(columns.annotator, np.array([ids[n] for n in names], np.int64))
        kept = np.flatnonzero((doc >= 0) & (who >= 0) & (columns.layer >= 0))
        self.n_rows = len(kept)
        self.doc, self.who = doc[kept], who[kept]
        self.layer, self.start, self.end = (
            columns.layer[kept],
            columns.start[kept],
            columns.end[kept],
        )
        self.rowid = columns.rowid[kept]
        self.link = self._rows_of(columns.link[kept])
        # Entities by rowid + 1, so that 0 is "no entity".
        self.entity = columns.entity[kept] + 1
        self.entity_labels = [NONE] + [
            entities.get(r, NONE) for r in range(max(entities, default=0) + 1)
        ]
        # (layer, choice attribute) -> the value number of each row, and the values by number
        self.choices = {
            key: _with_none(values.codes[kept], values.labels)
            for key, values in columns.attributes.items()
        }
        self._project = project
        self._document_ids = document_ids
        self._stance_columns: tuple | None = None
        self._inside_cache: dict[tuple[int, str], np.ndarray] = {}
        self._present_cache: dict[int, np.ndarray] = {}

    def _rows_of(self, rowids: np.ndarray) -> np.ndarray:
        """The row of each annotation rowid (-1 for none, or one outside the comparison)."""
        order = np.argsort(self.rowid, kind="stable")
        return _positions(rowids, self.rowid, order)

    def partial(self) -> dict[str, Any]:
        """This part's counts: under "alpha" the token coincidences [o00, o01, o11, units] of
        each layer; under each pair of annotators, "both" (documents both annotated) and for
        each layer its span counts, token table and attribute counts (`_Totals.add`); under
        "documents" the scores of each document, in the order of `documents`."""
        token_alpha = {layer: self._token_alpha(layer) for layer in self.layer_names}
        pairwise = {pair: self._compare_pair(pair) for pair in self.pairs}
        counts = {pair: pairwise[pair].pop("per_document") for pair in self.pairs}
        return {
            "alpha": {layer: sums for layer, (sums, _) in token_alpha.items()},
            "pairs": pairwise,
            "documents": self._document_scores(token_alpha, counts),
        }

    # ------------------------------------------------------------- tokens

    def _token_alpha(self, layer: str) -> tuple[np.ndarray, list[Figure]]:
        """The coincidences [o00, o01, o11, units] of the layer's tokens over all annotators
        (`token_alpha` makes alpha of them), and the alpha of each document."""
        n_docs = len(self.documents)
        ones = np.zeros(len(self.token_start), dtype=np.int64)
        values = np.zeros(len(self.token_start), dtype=np.int64)
        for w in range(len(self.names)):
            present = self._present(w)
            ones += self._inside(w, layer) & present
            values += present
        # Coincidences of 0/1 values: a token with m values, n1 of them 1, adds
        # n0(n0-1)/(m-1) to o00, n0 n1/(m-1) to o01 and o10, n1(n1-1)/(m-1) to o11.
        pairable = values >= 2
        m = values[pairable].astype(float)
        n1 = ones[pairable].astype(float)
        n0 = m - n1
        doc = self.token_doc[pairable]
        sums = [
            np.bincount(doc, weights=w / (m - 1), minlength=n_docs)
            for w in (n0 * (n0 - 1), n0 * n1, n1 * (n1 - 1))
        ]
        units = np.bincount(doc, minlength=n_docs).tolist()
        o00, o01, o11 = (x.tolist() for x in sums)

        def alpha(o00: float, o01: float, o11: float, n_units: int, reason: str) -> Figure:
            if n_units == 0:
                return undefined(reason)
            n0, n1 = o00 + o01, o11 + o01
            return alpha_from_counts(n0 + n1, n0 * n0 + n1 * n1, 2 * o01, n_units)

        total = np.array([sum(o00), sum(o01), sum(o11), sum(units)], dtype=float)
        by_doc = [
            alpha(*cell, "the document has no word tokens")
            for cell in zip(o00, o01, o11, units, strict=True)
        ]
        return total, by_doc

    def _inside(self, w: int, layer: str) -> np.ndarray:
        """Whether each token shares at least one character with a span of annotator w."""
        key = (w, layer)
        if key not in self._inside_cache:
            rows = np.flatnonzero((self.who == w) & (self.layer == self.layer_code[layer]))
            base = self.offsets[self.doc[rows]]
            first = np.searchsorted(self.token_end, base + self.start[rows], side="right")
            stop = np.searchsorted(self.token_start, base + self.end[rows], side="left")
            n = len(self.token_start) + 1
            edges = np.bincount(first, minlength=n) - np.bincount(stop, minlength=n)
            self._inside_cache[key] = np.cumsum(edges[:-1]) > 0
        return self._inside_cache[key]

    def _present(self, w: int) -> np.ndarray:
        """Whether annotator w has a value for each token: has annotated its document."""
        if w not in self._present_cache:
            self._present_cache[w] = self.annotated[w][self.token_doc]
        return self._present_cache[w]

    def _token_table(self, layer: str, pair: tuple[int, int], both: np.ndarray) -> np.ndarray:
        """The tokens of the documents both annotated, counted by (inside A's span, inside
        B's): [neither, B only, A only, both]."""
        a, b = pair
        on_both = both[self.token_doc]
        inside_a = self._inside(a, layer)[on_both].astype(np.int64)
        inside_b = self._inside(b, layer)[on_both].astype(np.int64)
        return np.bincount(inside_a * 2 + inside_b, minlength=4)

    # ------------------------------------------------------------- spans

    def _compare_pair(self, pair: tuple[int, int]) -> dict[Any, Any]:
        """The counts of each layer (`_Totals.add`), and under "per_document" the span counts
        [exact, paired, spans of A, spans of B] of each (document, layer) of this pair."""
        a, b = pair
        both = self.annotated[a] & self.annotated[b]
        on_both = both[self.doc]
        side_a = np.flatnonzero(on_both & (self.who == a))
        side_b = np.flatnonzero(on_both & (self.who == b))
        ia, ib, partner, n_exact = self._span_pairs(side_a, side_b)
        n_layers = len(self.layer_code)

        def per_document(rows: np.ndarray) -> np.ndarray:
            cell = self.doc[rows] * n_layers + self.layer[rows]
            return np.bincount(cell, minlength=len(self.documents) * n_layers)

        counts = np.stack(
            [
                per_document(ia[:n_exact]),
                per_document(ia),
                per_document(side_a),
                per_document(side_b),
            ]
        ).reshape(4, len(self.documents), n_layers)
        counts[:, ~both, :] = -1  # not compared
        result: dict[Any, Any] = {"per_document": counts, "both": int(both.sum())}
        for layer in self.layer_names:
            code = self.layer_code[layer]
            mine = self.layer[ia] == code
            result[layer] = {
                "spans": counts[:, both, code].sum(axis=1),
                "tokens": self._token_table(layer, pair, both),
                "attributes": self._attributes(layer, ia[mine], ib[mine], partner),
            }
        return result

    def _span_pairs(
        self, side_a: np.ndarray, side_b: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray, int]:
        """Rows of A and of B paired one to one: (ia, ib, partner, n_exact), where ia[k] is
        paired with ib[k], the first n_exact pairs have equal spans, and partner[row of A] is
        the row of B paired with it (-1: none).

        Equal spans first, then the rest by overlap, a stage of layers at a time so the links
        of claims are compared through the pairs of the speakers already made."""
        ia, ib, groups, twin = self._exact_pairs(side_a, side_b)
        partner = np.full(self.n_rows, -1, dtype=np.int64)
        partner[ia] = ib
        paired = np.zeros(self.n_rows, dtype=bool)
        paired[ia] = paired[ib] = True
        exact, overlap = [(ia, ib)], []
        # Without groups of equal spans every layer's pairs are known at once.
        stages = self.stages if groups else [None]
        for stage in stages:
            for rows_a, rows_b in groups:
                if stage is None or self.layer[rows_a[0]] in stage:
                    found = self._pair_equal(rows_a, rows_b, partner)
                    partner[found[0]] = found[1]
                    paired[found[0]] = paired[found[1]] = True
                    exact.append(found)
            rest_a, rest_b = side_a[~paired[side_a]], side_b[~paired[side_b]]
            if stage is not None:
                rest_a = rest_a[np.isin(self.layer[rest_a], stage)]
                rest_b = rest_b[np.isin(self.layer[rest_b], stage)]
            ja, jb = (
                np.array(x, dtype=np.int64)
                for x in self._overlap_pairs(rest_a, rest_b, partner, twin)
            )
            partner[ja] = jb
            paired[ja] = paired[jb] = True
            overlap.append((ja, jb))
        n_exact = sum(len(x) for x, _ in exact)
        ia = np.concatenate([x for x, _ in exact + overlap]).astype(np.int64)
        ib = np.concatenate([y for _, y in exact + overlap]).astype(np.int64)
        return ia, ib, partner, n_exact

    def _exact_pairs(
        self, side_a: np.ndarray, side_b: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray, list[tuple[np.ndarray, np.ndarray]], np.ndarray]:
        """Rows of A and of B with the same document, layer, start and end: the pairs of the
        spans equal to exactly one of the other side, the groups (rows of A, rows of B) of
        those equal to several, left to `_pair_equal`, and `twin`: whether each row's span is
        also another row's of the same side."""
        rows = np.concatenate([side_a, side_b])
        side = np.concatenate([np.zeros(len(side_a), np.int64), np.ones(len(side_b), np.int64)])
        keys = (self.doc[rows], self.layer[rows], self.start[rows], self.end[rows])
        order = np.lexsort((side, *reversed(keys)))
        rows, side = rows[order], side[order]
        sorted_keys = np.stack([k[order] for k in keys])
        new_span = np.ones(len(rows), dtype=bool)
        new_span[1:] = (sorted_keys[:, 1:] != sorted_keys[:, :-1]).any(axis=0)
        group = np.cumsum(new_span) - 1
        n_a = np.bincount(group[side == 0], minlength=group.max(initial=-1) + 1)
        n_b = np.bincount(group[side == 1], minlength=group.max(initial=-1) + 1)
        single = (n_a == 1) & (n_b == 1)
        several = (n_a >= 1) & (n_b >= 1) & ~single
        take = single[group]
        twin = np.zeros(self.n_rows, dtype=bool)
        if (n_a > 1).any() or (n_b > 1).any():
            twin[rows] = np.where(side == 0, n_a[group], n_b[group]) > 1
        groups = []
        if several.any():  # rare: a joint statement, or a file from before one span per layer
            mine = several[group]
            found, found_side, found_group = rows[mine], side[mine], group[mine]
            for cut in np.split(np.arange(len(found)), np.flatnonzero(np.diff(found_group)) + 1):
                groups.append((found[cut][found_side[cut] == 0], found[cut][found_side[cut] == 1]))
        return rows[take & (side == 0)], rows[take & (side == 1)], groups, twin

    def _overlap_pairs(
        self, rest_a: np.ndarray, rest_b: np.ndarray, partner: np.ndarray, twin: np.ndarray
    ) -> tuple[list, list]:
        """Pair the spans without an exact partner by overlap, document and layer at a time.
        Where a side has the same span twice (`twin`), which of them pairs is chosen by
        `_pair_equal`."""
        n_layers = len(self.layer_code)
        sides = []
        repeated: set[int] = set()  # the cells where a side has the same span twice
        for rest in (rest_a, rest_b):
            cell = self.doc[rest] * n_layers + self.layer[rest]
            order = np.argsort(cell, kind="stable")
            sides.append((rest[order], cell[order]))
            repeated.update(cell[twin[rest]].tolist())
        common = np.intersect1d(sides[0][1], sides[1][1])
        cut = []
        for rest, cell in sides:
            first = np.searchsorted(cell, common, side="left").tolist()
            stop = np.searchsorted(cell, common, side="right").tolist()
            spans = list(zip(self.start[rest].tolist(), self.end[rest].tolist(), strict=True))
            cut.append((rest.tolist(), spans, first, stop))
        (rows_a, spans_a, first_a, stop_a), (rows_b, spans_b, first_b, stop_b) = cut
        ja: list[int] = []
        jb: list[int] = []
        cells = common.tolist()
        for c, fa, sa, fb, sb in zip(cells, first_a, stop_a, first_b, stop_b, strict=True):
            equal = None
            if c in repeated:
                equal = self._equal_pairing(rows_a[fa:sa], rows_b[fb:sb], partner)
            for i, j in greedy_overlap(spans_a[fa:sa], spans_b[fb:sb], equal):
                ja.append(rows_a[fa + i])
                jb.append(rows_b[fb + j])
        return ja, jb

    def _equal_pairing(
        self, rows_a: list[int], rows_b: list[int], partner: np.ndarray
    ) -> EqualPairing:
        """`_pair_equal` over positions in `rows_a` and `rows_b`, for `greedy_overlap`."""

        def pair(xs: list[int], ys: list[int]) -> list[tuple[int, int]]:
            found_a, found_b = self._pair_equal(
                np.array([rows_a[x] for x in xs]), np.array([rows_b[y] for y in ys]), partner
            )
            back_a = {rows_a[x]: x for x in xs}
            back_b = {rows_b[y]: y for y in ys}
            return [
                (back_a[i], back_b[j])
                for i, j in zip(found_a.tolist(), found_b.tolist(), strict=True)
            ]

        return pair

    def _pair_equal(
        self,
        rows_a: np.ndarray,
        rows_b: np.ndarray,
        partner: np.ndarray,
    ) -> tuple[np.ndarray, np.ndarray]:
        """Pairs of a group of equal spans by what they carry, as review pairs them
        (`review.pair_equal_spans`): the assignment in which the most of the measured fields
        agree (entity, choice attributes, stance targets), the link outweighing the rest.
        Both sides go in order of content, so neither rowids nor storage order matter."""
        layer = self.layer_names_by_code[int(self.layer[rows_a[0]])]
        spec = self.schema.layer(layer)
        stances = {}
        if spec.has_stance:
            stances = self._stances_of([*rows_a.tolist(), *rows_b.tolist()])
        has_link = spec.attribute_of_type("link") is not None
        columns = [
            self.choices[layer, x.name]
            for x in spec.attributes
            if x.type == "choice" and (layer, x.name) in self.choices
        ]

        def content(row: int) -> tuple[Any, ...]:
            linked = int(self.link[row])
            return (
                (int(self.start[linked]), int(self.end[linked])) if linked >= 0 else (),
                self.entity_labels[self.entity[row]],
                tuple(labels[codes[row]] for codes, labels in columns),
                sorted(stances.get(int(row), {}).items()),
            )

        order_a = sorted(rows_a.tolist(), key=content)
        order_b = sorted(rows_b.tolist(), key=content)
        fields = []
        for i in order_a:
            row = []
            for j in order_b:
                la, lb = int(self.link[i]), int(self.link[j])
                link = (la < 0 and lb < 0) or (lb >= 0 and la >= 0 and partner[la] == lb)
                others = int(
                    self.entity_labels[self.entity[i]] == self.entity_labels[self.entity[j]]
                )
                others += sum(int(codes[i] == codes[j]) for codes, _ in columns)
                mine, theirs = stances.get(i, {}), stances.get(j, {})
                others += sum(mine.get(t) == theirs.get(t) for t in set(mine) | set(theirs))
                row.append((int(link and has_link), others))
            fields.append(row)
        heaviest = 1 + max(others for row in fields for _, others in row)
        scores = [[link * heaviest + others for link, others in row] for row in fields]
        found = best_assignment(scores)
        return (
            np.array([order_a[i] for i, _ in found], dtype=np.int64),
            np.array([order_b[j] for _, j in found], dtype=np.int64),
        )

    def _stances_of(self, rows: list[int]) -> dict[int, dict[str, str]]:
        """{row: {target: value}} of a few rows, read by rowid."""
        row_of = {int(self.rowid[r]): r for r in rows}
        found: dict[int, dict[str, str]] = {}
        rowids = list(row_of)
        for first in range(0, len(rowids), 500):
            chunk = rowids[first : first + 500]
            for rowid, target, value in self._project.conn.execute(
                "SELECT a.rowid, s.target, s.value FROM annotations a "
                "JOIN stances s ON s.annotation_id = a.id "
                f"WHERE a.rowid IN ({', '.join('?' * len(chunk))})",
                chunk,
            ):
                found.setdefault(row_of[rowid], {})[target] = value
        return found

    # ------------------------------------------------------------- attributes

    def _attributes(self, layer, ia, ib, partner) -> dict[str, Any]:
        """The counts of each attribute over the paired rows ia[k], ib[k] of one layer: a
        Counter {(A's value, B's value): count}, or for a link `array_counts`."""
        spec = self.schema.layer(layer)
        found: dict[str, Any] = {}
        for attribute in spec.attributes:
            if attribute.type == "link":
                found[attribute.name] = np.array(self._links(ia, ib, partner), dtype=np.int64)
                continue
            if attribute.type == "choice":
                codes, labels = self.choices[layer, attribute.name]
            elif attribute.type == "entity":
                codes, labels = self.entity, self.entity_labels
            else:
                continue
            counts = _pair_counts(codes[ia], labels, codes[ib], labels)
            counts.pop((NONE, NONE), None)
            found[attribute.name] = counts
        if spec.has_stance:
            found["stance"] = self._stance_counts(layer, ia, ib)
        return found

    def _links(self, ia, ib, partner) -> tuple[int, ...]:
        """Agreement of the speaker links of the paired claims ia[k], ib[k]: A's linked mention
        counts as B's when the two mentions are paired; one of A paired with nothing gets a
        label (-1 - row) that no mention of B has."""
        none = -1 - self.n_rows  # no row has this label
        linked_a, linked_b = self.link[ia], self.link[ib]
        mapped = np.where(partner[linked_a] >= 0, partner[linked_a], -1 - linked_a)
        value_a = np.where(linked_a >= 0, mapped, none)
        value_b = np.where(linked_b >= 0, linked_b, none)
        return array_counts(value_a, value_b, none)

    def _stance_counts(self, layer: str, ia: np.ndarray, ib: np.ndarray) -> Counter:
        """{(A's value, B's value): count} over the units (pair k, target) of the pairs of rows
        ia[k], ib[k] and the targets either gave; computed on arrays, not pair by pair."""
        if self._stance_columns is None:
            found = self._stances_read or self._project.stance_columns(
                self.schema.layer(layer).stance_values, self._document_ids
            )
            # Value 0 is "(none)": the value of a target only the other annotator gave.
            value, labels = found.value.codes + 1, [NONE, *found.value.labels]
            self._stance_columns = (self._rows_of(found.annotation), found.target, value, labels)
        row, target, value, labels = self._stance_columns
        known = row >= 0  # stances of annotations outside the comparison are left out
        row, target, value = row[known], target[known], value[known]
        n_targets = int(target.max(initial=0)) + 1
        sides = []
        for side in (ia, ib):
            pair_of_row = np.full(self.n_rows, -1, dtype=np.int64)
            pair_of_row[side] = np.arange(len(side))
            k = pair_of_row[row]
            mine = k >= 0
            sides.append((k[mine] * n_targets + target[mine], value[mine]))
        units = np.union1d(sides[0][0], sides[1][0])
        both = np.zeros((2, len(units)), dtype=np.int64)  # label 0: (none)
        for n, (unit, label) in enumerate(sides):
            both[n, np.searchsorted(units, unit)] = label
        return _pair_counts(both[0], labels, both[1], labels)

    # ------------------------------------------------------------- documents

    def _document_scores(self, token_alpha, counts) -> list[DocumentScores]:
        """Per document and layer: token alpha, and overlap span scores of each pair, in the
        order of `documents`."""
        scores = []
        # [exact, paired, spans of A, spans of B] by pair, document and layer, as lists
        table = {pair: counts[pair].transpose(1, 2, 0).tolist() for pair in self.pairs}
        for d, summary in enumerate(self.documents):
            layers = []
            for layer in self.layer_names:
                code = self.layer_code[layer]
                overlap = []
                for pair in self.pairs:
                    _, paired, n_a, n_b = table[pair][d][code]
                    if n_a >= 0:
                        a, b = (self.names[w] for w in pair)
                        overlap.append(_document_overlap(a, b, paired, n_a, n_b))
                layers.append(DocumentLayerScores(layer, token_alpha[layer][1][d], tuple(overlap)))
            figures = [x.token_alpha.value for x in layers]
            figures += [s.f1 for x in layers for _, _, s in x.overlap]
            defined = [v for v in figures if v is not None]
            scores.append(
                DocumentScores(
                    summary.id, summary.title, min(defined) if defined else None, tuple(layers)
                )
            )
        return scores


@lru_cache(maxsize=4096)
def _document_overlap(a: str, b: str, paired: int, n_a: int, n_b: int) -> tuple:
    """(a, b, overlap span scores) of one document: the same few counts recur over thousands
    of documents, so each is one shared (frozen) value, not a copy held per document."""
    return (a, b, span_scores(paired, n_a, n_b))


class _Totals:
    """The counts of the parts of a `compare` call, added up, and the report made of them.
    Each count is a sum over documents, so the sum over parts is the count over all."""

    def __init__(self, schema, names, layer_names, documents, idle, chosen):
        self.schema: LabelSchema = schema
        self.names: list[str] = names
        self.layer_names: list[str] = layer_names
        self.n_documents = len(documents)
        self.pairs = list(combinations(range(len(names)), 2))
        self.idle: list[str] = idle  # annotators who annotated none of the chosen documents
        self._nothing = "annotated none of the chosen documents" if chosen else "annotated nothing"
        self.alpha = {layer: np.zeros(4) for layer in layer_names}
        self.documents: list[DocumentScores] = []
        self.both = dict.fromkeys(self.pairs, 0)
        self.spans = {(p, x): np.zeros(4, np.int64) for p in self.pairs for x in layer_names}
        self.tokens = {(p, x): np.zeros(4, np.int64) for p in self.pairs for x in layer_names}
        self.attributes: dict[tuple, Any] = {}
        for p in self.pairs:
            for layer in layer_names:
                spec = schema.layer(layer)
                for attribute in spec.attributes:
                    if attribute.type == "link":
                        self.attributes[p, layer, attribute.name] = np.zeros(6, np.int64)
                    elif attribute.type in ("choice", "entity"):
                        self.attributes[p, layer, attribute.name] = Counter()
                if spec.has_stance:
                    self.attributes[p, layer, "stance"] = Counter()

    def add(self, part: dict[str, Any]) -> None:
        """Add the counts of a part (`_Comparison.partial`)."""
        for layer, sums in part["alpha"].items():
            self.alpha[layer] += sums
        self.documents += part["documents"]
        for p in self.pairs:
            found = part["pairs"][p]
            self.both[p] += found["both"]
            for layer in self.layer_names:
                self.spans[p, layer] += found[layer]["spans"]
                self.tokens[p, layer] += found[layer]["tokens"]
                for name, counts in found[layer]["attributes"].items():
                    self.attributes[p, layer, name] += counts

    def report(self) -> AgreementReport:
        layers = []
        for layer in self.layer_names:
            o00, o01, o11, units = self.alpha[layer].tolist()
            if units == 0:
                alpha = undefined(self._no_pairable_reason())
            else:
                n0, n1 = o00 + o01, o11 + o01
                alpha = alpha_from_counts(n0 + n1, n0 * n0 + n1 * n1, 2 * o01, round(units))
            layers.append(
                LayerAgreement(layer, alpha, tuple(self._pair(p, layer) for p in self.pairs))
            )
        # The hardest documents first; documents without a defined figure last.
        order = sorted(
            range(len(self.documents)),
            key=lambda n: (self.documents[n].lowest is None, self.documents[n].lowest or 0.0, n),
        )
        return AgreementReport(
            tuple(self.names), tuple(layers), tuple(self.documents[n] for n in order)
        )

    def _pair(self, pair: tuple[int, int], layer: str) -> PairAgreement:
        a, b = pair
        both = self.both[pair]
        if both:
            exact, paired, n_a, n_b = (int(x) for x in self.spans[pair, layer])
            exact_scores = span_scores(exact, n_a, n_b)
            overlap_scores = span_scores(paired, n_a, n_b)
        else:
            exact_scores = overlap_scores = span_scores(0, 0, 0, self._pair_reason(pair))
        tokens = self.tokens[pair, layer]
        kappa = (
            cohen_kappa(tokens.reshape(2, 2))
            if tokens.sum()
            else undefined(self._pair_reason(pair))
        )
        empty = "no matched pairs with a value" if both else self._pair_reason(pair)
        spec = self.schema.layer(layer)
        attributes = []
        for attribute in spec.attributes:
            counts = self.attributes.get((pair, layer, attribute.name))
            if counts is None:
                continue
            if attribute.type == "link":
                figures = array_count_figures(counts.tolist(), empty)
                attributes.append(AttributeAgreement(attribute.name, *figures, None))
            else:
                confusion = _confusion(attribute.values, counts)
                figures = pair_figures(counts, empty)
                attributes.append(AttributeAgreement(attribute.name, *figures, confusion))
        if spec.has_stance:
            counts = self.attributes[pair, layer, "stance"]
            confusion = _confusion(spec.stance_values, counts)
            attributes.append(AttributeAgreement("stance", *pair_figures(counts, empty), confusion))
        return PairAgreement(
            self.names[a],
            self.names[b],
            both,
            exact_scores,
            overlap_scores,
            kappa,
            tuple(attributes),
        )

    def _no_pairable_reason(self) -> str:
        if self.idle:
            return f"{', '.join(self.idle)} {self._nothing}"
        if not self.n_documents:
            return "no document has been annotated by two of the annotators"
        return "the compared documents have no word tokens"

    def _pair_reason(self, pair: tuple[int, int]) -> str:
        for w in pair:
            if self.names[w] in self.idle:
                return f"{self.names[w]} {self._nothing}"
        a, b = (self.names[w] for w in pair)
        return f"no document annotated by both {a} and {b}"


def _positions(values: np.ndarray, keys: np.ndarray, order: np.ndarray | None = None) -> np.ndarray:
    """The position in `keys` (distinct numbers) of each value, -1 where it is not one of them.
    `order` sorts `keys` (computed when not given)."""
    if order is None:
        order = np.argsort(keys, kind="stable")
    if len(keys) == 0:
        return np.full(len(values), -1, dtype=np.int64)
    ordered = keys[order]
    at = np.minimum(np.searchsorted(ordered, values), len(keys) - 1)
    return np.where(ordered[at] == values, order[at], -1).astype(np.int64)


def _with_none(codes: np.ndarray, labels: list[str]) -> tuple[np.ndarray, list[str]]:
    """Value numbers where "no value" (-1) is the last label, NONE."""
    return np.where(codes < 0, len(labels), codes), [*labels, NONE]


def _pair_counts(
    codes_a: np.ndarray, labels_a: list, codes_b: np.ndarray, labels_b: list
) -> Counter:
    """{(A's value, B's value): count} of paired codes."""
    cells, count = np.unique(codes_a * len(labels_b) + codes_b, return_counts=True)
    return Counter(
        {
            (labels_a[c // len(labels_b)], labels_b[c % len(labels_b)]): n
            for c, n in zip(cells.tolist(), count.tolist(), strict=True)
        }
    )


def _confusion(values: Sequence[str], counts: Mapping[tuple[str, str], int]) -> Confusion:
    """The confusion matrix over the values seen: the schema's order, others sorted, (none) last."""
    seen = {v for key in counts for v in key}
    labels = [v for v in values if v in seen] + sorted(seen - set(values) - {NONE})
    labels += [NONE] if NONE in seen else []
    table = tuple(tuple(counts.get((va, vb), 0) for vb in labels) for va in labels)
    return Confusion(tuple(labels), table)


def _tokens(text: str) -> tuple[np.ndarray, np.ndarray]:
    """Starts and ends of the word tokens: maximal runs of characters for which
    `is_word_char` holds (each distinct character is classified once)."""
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    if len(codes) == 0:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    present = np.flatnonzero(np.bincount(codes))
    word = np.zeros(int(present[-1]) + 1, dtype=bool)
    word[present] = [is_word_char(chr(c)) for c in present]
    mask = np.concatenate(([False], word[codes], [False]))
    change = np.flatnonzero(mask[1:] != mask[:-1])
    return change[0::2], change[1::2]
