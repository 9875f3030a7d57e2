"""The agreement report: its figures as values, its readable rows, and the per-document scores
held as columns of numbers (whatever the number of documents), written as JSON a document at a
time. `agreement.compare` makes it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import asdict, dataclass, replace
from itertools import combinations
from typing import Any, TextIO

import numpy as np

from annotator.core.review.measures import Figure
from annotator.core.store.project import Project

# Documents whose ids and titles are read from the project in one query.
READ_DOCUMENTS = 1000


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
    documents: DocumentTable  # compared documents, hardest first
    reason: str | None = None  # why nothing could be compared

    def layer(self, name: str) -> LayerAgreement:
        return next(x for x in self.layers if x.layer == name)

    def document_scores(self, project: Project) -> Iterator[DocumentScores]:
        """The compared documents' scores, hardest first; ids and titles are read from
        `project` (the one compared) a thousand at a time."""
        return self.documents.scores(project)

    def to_json(self, project: Project) -> dict[str, Any]:
        """A plain dict for `json.dumps`; the structure is documented in README.md. Every
        document's scores are in it: `write_json` writes the same a document at a time."""
        found = self._head()
        found["documents"] = [d.to_json() for d in self.document_scores(project)]
        return found

    def write_json(self, project: Project, out: TextIO) -> None:
        """Write `json.dumps(self.to_json(project), ensure_ascii=False, indent=2)` to `out`,
        the same text, holding one document's scores at a time."""
        text = json.dumps(self._head(), ensure_ascii=False, indent=2)
        # The documents are the last key: the head is written up to its closing brace.
        out.write(text[: -len("\n}")] + ',\n  "documents": [')
        written = False
        for document in self.document_scores(project):
            part = json.dumps(document.to_json(), ensure_ascii=False, indent=2)
            # Nested two levels down; a newline inside a JSON string is always escaped.
            out.write(("," if written else "") + "\n    " + part.replace("\n", "\n    "))
            written = True
        out.write("\n  ]\n}" if written else "]\n}")

    def _head(self) -> dict[str, Any]:
        return {
            "annotators": list(self.annotators),
            "pairs": [list(p) for p in combinations(self.annotators, 2)],
            "documents_compared": len(self.documents),
            "reason": self.reason,
            "layers": {x.layer: x.to_json() for x in self.layers},
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


class DocumentTable:
    """The scores of the compared documents as columns: per document its rowid, its lowest
    figure and, for each layer, the token alpha (value, units, reason) and each pair's overlap
    span counts (paired, spans of A, spans of B; -1 where the pair did not compare it). About
    70 bytes a document for two layers and one pair, in columns sized once for `size`
    documents; ids and titles stay in the project and are read back when a row is shown or
    written.

    `append` adds documents in the order compared; `sort` puts them hardest first (lowest
    figure first, documents without a defined figure last, ties in the order compared). Row n
    is then the n-th hardest: `lowest(n)`, `rowid(n)`, `rows(project, first, stop)`."""

    def __init__(self, names: tuple[str, ...], layers: tuple[str, ...], size: int = 0):
        self.names, self.layers = names, layers
        self.pairs = list(combinations(range(len(names)), 2))
        self._n = 0
        self._rowid = np.zeros(size, np.int64)
        self._lowest = np.zeros(size, np.float64)
        self._defined = np.zeros(size, bool)  # whether the lowest figure is defined
        self._alpha = {
            x: (
                np.zeros(size, np.float64),
                np.zeros(size, bool),
                np.zeros(size, np.int32),
                np.zeros(size, np.uint16),
            )
            for x in layers
        }
        self._overlap = {
            (x, p): tuple(np.zeros(size, np.int32) for _ in range(3))
            for x in layers
            for p in self.pairs
        }
        self._reasons: list[str | None] = [None]  # few distinct: each document holds a number
        self._reason_code: dict[str | None, int] = {None: 0}
        self._order: np.ndarray = np.zeros(0, dtype=np.int64)

    def __len__(self) -> int:
        return self._n

    def append(self, rowid: int, scores: DocumentScores) -> None:
        """Add a document's scores (ids and titles are left out: they are read back). Raises
        IndexError beyond the `size` the table was made for."""
        k = self._n
        self._rowid[k] = rowid
        self._defined[k] = scores.lowest is not None
        self._lowest[k] = 0.0 if scores.lowest is None else scores.lowest
        for layer in scores.layers:
            value, defined, units, reason = self._alpha[layer.layer]
            figure = layer.token_alpha
            value[k] = 0.0 if figure.value is None else figure.value
            defined[k] = figure.value is not None
            units[k] = figure.n_units
            reason[k] = self._code(figure.reason)
            given = {(a, b): s for a, b, s in layer.overlap}
            for p in self.pairs:
                paired, n_a, n_b = self._overlap[layer.layer, p]
                s = given.get((self.names[p[0]], self.names[p[1]]))
                paired[k] = s.matched if s else 0
                n_a[k] = s.matched + s.only_a if s else -1
                n_b[k] = s.matched + s.only_b if s else -1
        self._n = k + 1

    def _code(self, reason: str | None) -> int:
        if reason not in self._reason_code:
            self._reason_code[reason] = len(self._reasons)
            self._reasons.append(reason)
        return self._reason_code[reason]

    def sort(self) -> None:
        """Hardest first: (no defined figure, lowest figure, order compared)."""
        n = self._n
        keys = (np.arange(n), self._lowest[:n], ~self._defined[:n])
        self._order = np.lexsort(keys) if n else np.zeros(0, dtype=np.int64)

    def lowest(self, n: int) -> float | None:
        """The lowest defined figure of the n-th hardest document (None: none defined)."""
        k = int(self._order[n])
        return float(self._lowest[k]) if self._defined[k] else None

    def rowid(self, n: int) -> int:
        """The project's rowid of the n-th hardest document."""
        return int(self._rowid[int(self._order[n])])

    def rows(
        self, project: Project, first: int = 0, stop: int | None = None
    ) -> list[DocumentScores]:
        """The scores of the documents first..stop-1 (hardest first), with their ids and titles
        read from `project` in one query. A document removed since is left out."""
        stop = len(self) if stop is None else min(stop, len(self))
        wanted = [self.rowid(n) for n in range(first, stop)]
        found = {rowid: (doc_id, title) for rowid, doc_id, title in project.document_rows(wanted)}
        return [
            self._scores(n, *found[rowid])
            for n, rowid in zip(range(first, stop), wanted, strict=True)
            if rowid in found
        ]

    def scores(self, project: Project) -> Iterator[DocumentScores]:
        """Every document's scores, hardest first, read `READ_DOCUMENTS` at a time."""
        for first in range(0, len(self), READ_DOCUMENTS):
            yield from self.rows(project, first, first + READ_DOCUMENTS)

    def _scores(self, n: int, doc_id: str, title: str) -> DocumentScores:
        k = int(self._order[n])
        layers = []
        for layer in self.layers:
            value, defined, units, reason = self._alpha[layer]
            alpha = Figure(
                float(value[k]) if defined[k] else None, int(units[k]), self._reasons[reason[k]]
            )
            overlap = []
            for p in self.pairs:
                paired, n_a, n_b = (int(x[k]) for x in self._overlap[layer, p])
                if n_a >= 0:
                    a, b = (self.names[w] for w in p)
                    overlap.append((a, b, span_scores(paired, n_a, n_b)))
            layers.append(DocumentLayerScores(layer, alpha, tuple(overlap)))
        return DocumentScores(doc_id, title, self.lowest(n), tuple(layers))
