"""Pairing the spans of two annotators one to one, as agreement and review both count them."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence

# Pairs (index in a, index in b) among spans of A and of B that are equal.
EqualPairing = Callable[[list[int], list[int]], list[tuple[int, int]]]


def pair_by_overlap(
    a: Sequence[tuple[int, int]],
    b: Sequence[tuple[int, int]],
    pair_equal: EqualPairing | None = None,
) -> list[tuple[int, int]]:
    """One-to-one pairs (index in a, index in b) of spans that share at least one character.

    Greedy: candidate pairs are taken by overlap (characters in common) descending, then by
    union ascending (so equal spans go first), then by A's start, B's start, A's end, B's end;
    a pair is kept when neither span is paired yet. The result is sorted by index in a.

    Equal spans share more characters with each other than either shares with any other span,
    and their union is the smallest, so they are paired first without looking further; only
    the rest is swept for overlaps. When several spans of A and of B are equal, `pair_equal`
    (given the indices of each side) chooses the pairs; by default the k-th with the k-th.
    """
    same_a, same_b = _by_span(a), _by_span(b)
    equal = pair_equal or _in_order
    pairs: list[tuple[int, int]] = []
    for span, members_a in same_a.items():
        members_b = same_b.get(span)
        if not members_b:
            continue
        if len(members_a) == len(members_b) == 1:
            pairs.append((members_a[0], members_b[0]))
        else:
            pairs += equal(members_a, members_b)
    paired_a, paired_b = {i for i, _ in pairs}, {j for _, j in pairs}
    rest_a = [i for i in range(len(a)) if i not in paired_a]
    rest_b = [j for j in range(len(b)) if j not in paired_b]

    def pair_rest(members_a: list[int], members_b: list[int]) -> list[tuple[int, int]]:
        chosen = equal([rest_a[i] for i in members_a], [rest_b[j] for j in members_b])
        back_a = {rest_a[i]: i for i in members_a}
        back_b = {rest_b[j]: j for j in members_b}
        return [(back_a[i], back_b[j]) for i, j in chosen]

    found = greedy_overlap(
        [a[i] for i in rest_a], [b[j] for j in rest_b], pair_rest if pair_equal else None
    )
    return sorted(pairs + [(rest_a[i], rest_b[j]) for i, j in found])


def _by_span(spans: Sequence[tuple[int, int]]) -> dict[tuple[int, int], list[int]]:
    """The indices of the spans, by span, in order of first appearance."""
    found: dict[tuple[int, int], list[int]] = defaultdict(list)
    for i, span in enumerate(spans):
        found[span].append(i)
    return found


def _in_order(members_a: list[int], members_b: list[int]) -> list[tuple[int, int]]:
    return list(zip(members_a, members_b, strict=False))


def best_assignment(scores: Sequence[Sequence[int]]) -> list[tuple[int, int]]:
    """Pairs (row, column), one to one, min(rows, columns) of them, whose scores add up to the
    largest total: the Hungarian method, exact, O(rows² × columns).

    Among assignments of equal total the one found depends only on the matrix, so callers
    that order rows and columns by content get a pairing that does not depend on storage
    order or ids.
    """
    n_rows = len(scores)
    n_cols = len(scores[0]) if n_rows else 0
    if n_rows == 0 or n_cols == 0:
        return []
    if n_rows > n_cols:
        return sorted((i, j) for j, i in best_assignment(list(zip(*scores, strict=True))))
    # Minimise cost = -score; 1-based, as in the textbook version (row 0 / column 0 unused).
    top = max(max(row) for row in scores)
    cost = [[0] * (n_cols + 1)] + [[0] + [top - x for x in row] for row in scores]
    u, v = [0] * (n_rows + 1), [0] * (n_cols + 1)
    row_of = [0] * (n_cols + 1)  # row_of[j]: the row given column j (0: none)
    way = [0] * (n_cols + 1)
    for i in range(1, n_rows + 1):
        row_of[0], j0 = i, 0
        least = [float("inf")] * (n_cols + 1)
        used = [False] * (n_cols + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = row_of[j0], float("inf"), 0
            for j in range(1, n_cols + 1):
                if not used[j]:
                    reduced = cost[i0][j] - u[i0] - v[j]
                    if reduced < least[j]:
                        least[j], way[j] = reduced, j0
                    if least[j] < delta:
                        delta, j1 = least[j], j
            for j in range(n_cols + 1):
                if used[j]:
                    u[row_of[j]] += delta
                    v[j] -= delta
                else:
                    least[j] -= delta
            j0 = j1
            if row_of[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            row_of[j0] = row_of[j1]
            j0 = j1
    return sorted((row_of[j] - 1, j - 1) for j in range(1, n_cols + 1) if row_of[j])


def pairing_order(links: Mapping[str, str | None]) -> list[list[str]]:
    """The layers in stages to pair them in: {layer: the layer its link points to, or None}.

    A layer comes in a stage after the layer it links to, so its links can be compared
    through the pairs of that layer (a claim pairs with the colleague's claim linked to the
    paired speaker); layers in a circle of links come last, together.
    """
    stages: list[list[str]] = []
    placed: set[str] = set()
    waiting = list(links)
    while waiting:
        ready = [x for x in waiting if links[x] in placed or links[x] not in links]
        if not ready:
            stages.append(waiting)
            break
        stages.append(ready)
        placed.update(ready)
        waiting = [x for x in waiting if x not in placed]
    return stages


def greedy_overlap(
    a: Sequence[tuple[int, int]],
    b: Sequence[tuple[int, int]],
    pair_equal: EqualPairing | None = None,
) -> list[tuple[int, int]]:
    """The greedy pairing of `pair_by_overlap`; overlapping candidates are found by one sweep
    in order of start, so spans far apart are never compared.

    Spans equal to each other on one side tie for the same partners; `pair_equal` (given the
    free indices of each side) chooses among them, by default the lowest indices first."""
    if pair_equal is None or (len(set(a)) == len(a) and len(set(b)) == len(b)):
        used_a: set[int] = set()
        used_b: set[int] = set()
        pairs = []
        for *_, i, j in _candidates(a, b):
            if i not in used_a and j not in used_b:
                used_a.add(i)
                used_b.add(j)
                pairs.append((i, j))
        return pairs
    # The same greedy over distinct spans: a candidate pair of spans pairs as many of the
    # spans equal to each as are free, chosen by `pair_equal`.
    members_a, members_b = _by_span(a), _by_span(b)
    spans_a, spans_b = list(members_a), list(members_b)
    pairs = []
    for *_, x, y in _candidates(spans_a, spans_b):
        free_a, free_b = members_a[spans_a[x]], members_b[spans_b[y]]
        if not free_a or not free_b:
            continue
        if len(free_a) == len(free_b) == 1:
            found = [(free_a[0], free_b[0])]
        else:
            found = (pair_equal or _in_order)(list(free_a), list(free_b))
        pairs += found
        taken_a, taken_b = {i for i, _ in found}, {j for _, j in found}
        free_a[:] = [i for i in free_a if i not in taken_a]
        free_b[:] = [j for j in free_b if j not in taken_b]
    return pairs


def _candidates(a: Sequence[tuple[int, int]], b: Sequence[tuple[int, int]]) -> list[tuple]:
    """The overlapping pairs in the greedy's order: overlap descending, then union ascending,
    then A's start, B's start, A's end, B's end, then i and j; each a tuple ending in i, j."""
    sides = (a, b)
    events = sorted(
        [(s, 0, i) for i, (s, _) in enumerate(a)] + [(s, 1, j) for j, (s, _) in enumerate(b)]
    )
    active: tuple[list[int], list[int]] = ([], [])
    candidates = []
    for start, side, k in events:
        other = 1 - side
        # Spans of the other side that started no later and end after this start overlap it.
        live = [x for x in active[other] if sides[other][x][1] > start]
        active[other][:] = live
        for x in live:
            i, j = (k, x) if side == 0 else (x, k)
            (sa, ea), (sb, eb) = a[i], b[j]
            overlap = min(ea, eb) - start
            candidates.append((-overlap, max(ea, eb) - min(sa, sb), sa, sb, ea, eb, i, j))
        active[side].append(k)
    candidates.sort()
    return candidates
