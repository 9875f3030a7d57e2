"""Agreement between annotators: span precision/recall/F1, token kappa and alpha, attributes.

The measures are pure functions over plain data in `measures.py` (kappa, alpha) and `spans.py`
(pairing); `compare` reads a project a thousand documents at a time (`agreement_parts.py`, a
few queries each), adds up each part's counts and returns an `AgreementReport`
(`agreement_report.py`), whose per-document scores are columns of numbers. Every definition is
written down in README.md, section "Agreement".
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from itertools import combinations
from typing import Any

import numpy as np

from annotator.core.errors import Message, NotFoundError, ValidationError
from annotator.core.memory import map_large_blocks
from annotator.core.review.agreement_parts import NONE, Comparison, PartDocument
from annotator.core.review.agreement_report import (
    AgreementReport,
    AttributeAgreement,
    Confusion,
    DocumentLayerScores,
    DocumentScores,
    DocumentTable,
    LayerAgreement,
    PairAgreement,
    ReportRow,
    SpanScores,
    span_scores,
)
from annotator.core.review.measures import (
    Figure,
    alpha_from_counts,
    array_count_figures,
    cohen_kappa,
    pair_figures,
    undefined,
)
from annotator.core.schema import LabelSchema
from annotator.core.store.project import Project

__all__ = [
    "AgreementReport",
    "AttributeAgreement",
    "Confusion",
    "DocumentLayerScores",
    "DocumentScores",
    "DocumentTable",
    "Figure",
    "LayerAgreement",
    "PairAgreement",
    "ReportRow",
    "SpanScores",
    "compare",
    "span_scores",
]

SUGGESTIONS = "suggestions"  # machine suggestions are not an annotator to agree with
# Documents compared at a time: every figure is a sum over documents (span counts, token
# tables, coincidences), so the annotations of one part at a time are held, not all of them.
CHUNK_DOCUMENTS = 1000


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
    of the project, plus a few numbers per compared document (its scores as columns, about 75
    bytes: `DocumentTable`; ids and titles are read back when shown). The figures are the same
    for any `chunk_documents`: each is a function of sums over documents.

    Raises NotFoundError for an unknown annotator or document, ValidationError for an
    annotator given twice."""
    # The parts allocate arrays of a few megabytes each: mapped on their own, each part's go
    # back to the system when it is done, and the peak stays that of one part.
    map_large_blocks()
    names = _annotators(project, annotators)
    layer_names = _layers(project.schema, layers)
    chosen = _documents(project, document_ids)
    if len(names) < 2:
        found = f" (only {names[0]})" if names else ""
        reason = f"fewer than two annotators to compare{found}"
        empty = tuple(LayerAgreement(x, undefined(reason), ()) for x in layer_names)
        return AgreementReport(tuple(names), empty, DocumentTable(tuple(names), ()), reason)
    # marked[w, d]: annotator w has annotated document d (an annotation or a status not todo).
    # Numbers, not ids: a byte a document and annotator, the rowids eight bytes a document.
    marked = np.array(
        [np.isin(chosen, project.annotated_document_rowids(name)) for name in names], dtype=bool
    ).reshape(len(names), len(chosen))
    idle = [name for w, name in enumerate(names) if not marked[w].any()]
    both = marked.sum(axis=0) >= 2
    compared, marked = chosen[both], marked[:, both]
    del chosen, both
    chosen_only = document_ids is not None
    documents = DocumentTable(tuple(names), tuple(layer_names), len(compared))
    totals = Totals(project.schema, names, layer_names, len(compared), idle, chosen_only, documents)
    if len(compared):
        entities = project.entity_names()
        ids = project.annotator_ids()
        step = max(1, chunk_documents)
        for first in range(0, len(compared), step):
            rowids = compared[first : first + step]
            done = {name: rowids[marked[w, first : first + step]] for w, name in enumerate(names)}
            part = [PartDocument(*row) for row in project.document_rows(rowids=rowids.tolist())]
            totals.add(Comparison(project, names, layer_names, part, done, entities, ids).partial())
    del compared, marked  # the report keeps its own columns
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


def _documents(project: Project, chosen: Sequence[str] | None) -> np.ndarray:
    """The rowids of the chosen documents (default: all), in import order."""
    if chosen is None:
        return project.document_rowids()
    found = {doc_id: rowid for rowid, doc_id, _ in project.document_rows(ids=chosen)}
    for doc_id in chosen:
        if doc_id not in found:
            raise NotFoundError(Message("no document with id %1", repr(doc_id)))
    return np.array(sorted(set(found.values())), dtype=np.int64)


class Totals:
    """The counts of the parts of a `compare` call, added up, and the report made of them.
    Each count is a sum over documents, so the sum over parts is the count over all."""

    def __init__(self, schema, names, layer_names, n_documents, idle, chosen, documents):
        self.schema: LabelSchema = schema
        self.names: list[str] = names
        self.layer_names: list[str] = layer_names
        self.n_documents = n_documents
        self.documents: DocumentTable = documents  # each part's per-document scores
        self.pairs = list(combinations(range(len(names)), 2))
        self.idle: list[str] = idle  # annotators who annotated none of the chosen documents
        self._nothing = "annotated none of the chosen documents" if chosen else "annotated nothing"
        self.alpha = {layer: np.zeros(4) for layer in layer_names}
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
        """Add the counts of a part (`Comparison.partial`)."""
        for layer, sums in part["alpha"].items():
            self.alpha[layer] += sums
        for rowid, scores in part["documents"]:
            self.documents.append(rowid, scores)
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
        self.documents.sort()  # the hardest documents first; those without a defined figure last
        return AgreementReport(tuple(self.names), tuple(layers), self.documents)

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


def _confusion(values: Sequence[str], counts: Mapping[tuple[str, str], int]) -> Confusion:
    """The confusion matrix over the values seen: the schema's order, others sorted, (none) last."""
    seen = {v for key in counts for v in key}
    labels = [v for v in values if v in seen] + sorted(seen - set(values) - {NONE})
    labels += [NONE] if NONE in seen else []
    table = tuple(tuple(counts.get((va, vb), 0) for vb in labels) for va in labels)
    return Confusion(tuple(labels), table)
