"""One part of the documents of an agreement, read from the store as columns of numbers and
counted: tokens, span pairs, attribute values, per-document scores. `agreement.compare`
reads a project a part at a time and adds the parts' counts up."""

from __future__ import annotations

from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache
from itertools import combinations
from typing import Any, NamedTuple

import numpy as np

from annotator.core.arabic.text import is_word_char
from annotator.core.review.agreement_report import (
    DocumentLayerScores,
    DocumentScores,
    span_scores,
)
from annotator.core.review.measures import (
    Figure,
    alpha_from_counts,
    array_counts,
    undefined,
)
from annotator.core.review.spans import EqualPairing, best_assignment, greedy_overlap, pairing_order
from annotator.core.schema import LabelSchema

NONE = "(none)"  # the category of an attribute one annotator left empty


class PartDocument(NamedTuple):
    rowid: int
    id: str
    title: str


class Comparison:
    """One part of a `compare` call: its documents, their tokens, and their annotations as
    columns; `partial` gives its counts, which `Totals` adds up.

    Row i of the annotations has `doc[i]`, `who[i]` (annotator), `layer[i]`, `start[i]`,
    `end[i]`, `entity[i]`, `link[i]` (the row it links to) as numpy arrays, read from the
    project as columns of numbers, so tokens, exact matches and attribute values are found for
    all documents at once; only spans left without an exact partner are paired in Python.
    """

    def __init__(self, project, names, layer_names, documents, done, entities, ids):
        self.schema: LabelSchema = project.schema
        self.names: list[str] = names
        self.layer_names: list[str] = layer_names
        self.documents: list[PartDocument] = documents
        self.pairs = list(combinations(range(len(names)), 2))
        document_ids = [d.id for d in documents]
        # annotated[w, d]: annotator w has annotated document d (an annotation or a status);
        # done[name]: the rowids of this part's documents each has annotated (ascending).
        rowids = np.array([d.rowid for d in documents], dtype=np.int64)
        self.annotated = np.array(
            [np.isin(rowids, done[name]) for name in names], dtype=bool
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
            tokens = pool.submit(word_tokens, "\n".join(texts))
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
        each layer its span counts, token table and attribute counts (`Totals.add`); under
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
        n_docs, base = len(self.documents), len(self.names) + 1
        ones = np.zeros(len(self.token_start), dtype=np.int64)
        values = np.zeros(len(self.token_start), dtype=np.int64)
        for w in range(len(self.names)):
            present = self._present(w)
            ones += self._inside(w, layer) & present
            values += present
        # Each token counted in its cell (document, m values, n1 of them 1), in place: a few
        # arrays the length of the part's tokens, not one per step of the sums below. Each
        # (de)allocation of an array of a megabyte or more maps fresh pages (`map_large_blocks`).
        cell = self.token_doc * (base * base)
        values *= base
        cell += values
        cell += ones
        del ones, values
        table = np.bincount(cell, minlength=n_docs * base * base).reshape(n_docs, base, base)
        del cell
        # Coincidences of 0/1 values: a token with m values, n1 of them 1, adds
        # n0(n0-1)/(m-1) to o00, n0 n1/(m-1) to o01 and o10, n1(n1-1)/(m-1) to o11; tokens
        # with fewer than two values are not pairable.
        m = np.arange(base, dtype=float)[:, None]
        n1 = np.arange(base, dtype=float)[None, :]
        n0 = m - n1
        pairable = (m >= 2) & (n0 >= 0)
        spread = np.where(pairable, m - 1, 1.0)
        sums = [
            (table * np.where(pairable, w / spread, 0.0)).sum(axis=(1, 2))
            for w in (n0 * (n0 - 1), n0 * n1, n1 * (n1 - 1))
        ]
        units = (table * pairable).sum(axis=(1, 2)).astype(np.int64).tolist()
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
            edges = np.bincount(first, minlength=n)
            edges -= np.bincount(stop, minlength=n)
            np.cumsum(edges, out=edges)
            self._inside_cache[key] = edges[:-1] > 0
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
        inside_a = self._inside(a, layer)[on_both]
        inside_b = self._inside(b, layer)[on_both]
        # Counted on the flags (a byte a token), without a number array per token.
        n_both = np.count_nonzero(inside_a & inside_b)
        a_only = np.count_nonzero(inside_a) - n_both
        b_only = np.count_nonzero(inside_b) - n_both
        return np.array([len(inside_a) - a_only - b_only - n_both, b_only, a_only, n_both])

    # ------------------------------------------------------------- spans

    def _compare_pair(self, pair: tuple[int, int]) -> dict[Any, Any]:
        """The counts of each layer (`Totals.add`), and under "per_document" the span counts
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

    def _document_scores(self, token_alpha, counts) -> list[tuple[int, DocumentScores]]:
        """Per document and layer: token alpha, and overlap span scores of each pair, in the
        order of `documents`, each with the document's rowid."""
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
                (
                    summary.rowid,
                    DocumentScores(
                        summary.id, summary.title, min(defined) if defined else None, tuple(layers)
                    ),
                )
            )
        return scores


@lru_cache(maxsize=4096)
def _document_overlap(a: str, b: str, paired: int, n_a: int, n_b: int) -> tuple:
    """(a, b, overlap span scores) of one document: the same few counts recur over thousands
    of documents, so each is one shared (frozen) value, not a copy held per document."""
    return (a, b, span_scores(paired, n_a, n_b))


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


def word_tokens(text: str) -> tuple[np.ndarray, np.ndarray]:
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
