"""Pairing the spans of two annotators one to one, as agreement and review both count them."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence


def pair_by_overlap(
    a: Sequence[tuple[int, int]], b: Sequence[tuple[int, int]]
) -> list[tuple[int, int]]:
    """One-to-one pairs (index in a, index in b) of spans that share at least one character.

    Greedy: candidate pairs are taken by overlap (characters in common) descending, then by
    union ascending (so equal spans go first), then by A's start, B's start, A's end, B's end;
    a pair is kept when neither span is paired yet. The result is sorted by index in a.

    Equal spans share more characters with each other than either shares with any other span,
    and their union is the smallest, so they are paired first without looking further; only
    the rest is swept for overlaps.
    """
    free_b: dict[tuple[int, int], list[int]] = defaultdict(list)
    for j, span in enumerate(b):
        free_b[span].append(j)
    pairs: list[tuple[int, int]] = []
    rest_a: list[int] = []
    for i, span in enumerate(a):
        same = free_b.get(span)
        if same:
            pairs.append((i, same.pop(0)))
        else:
            rest_a.append(i)
    rest_b = sorted(j for same in free_b.values() for j in same)
    found = greedy_overlap([a[i] for i in rest_a], [b[j] for j in rest_b])
    return sorted(pairs + [(rest_a[i], rest_b[j]) for i, j in found])


def greedy_overlap(
    a: Sequence[tuple[int, int]], b: Sequence[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The greedy pairing of `pair_by_overlap`; overlapping candidates are found by one sweep
    in order of start, so spans far apart are never compared."""
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
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs = []
    for *_, i, j in candidates:
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            pairs.append((i, j))
    return pairs
