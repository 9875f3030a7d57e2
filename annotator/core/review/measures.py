"""Agreement measures over plain data: Cohen's kappa and Krippendorff's alpha with the number of
units behind each value, and "not defined" with a reason where a number would mislead."""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import krippendorff
import numpy as np

LEVELS = ("nominal", "ordinal", "interval", "ratio")


@dataclass(frozen=True, slots=True)
class Figure:
    """One agreement value and the number of units behind it.

    `value` is None when the measure is not defined for these data; `reason` then says why.
    """

    value: float | None
    n_units: int
    reason: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"value": self.value, "n_units": self.n_units, "reason": self.reason}


def undefined(reason: str, n_units: int = 0) -> Figure:
    return Figure(None, n_units, reason)


def cohen_kappa(table: Sequence[Sequence[int]]) -> Figure:
    """Cohen's kappa of a square table of counts: rows annotator A's category, columns B's."""
    counts = np.asarray(table, dtype=float)
    if counts.ndim != 2 or counts.shape[0] != counts.shape[1]:
        raise ValueError("Cohen's kappa needs a square table of counts")
    return _kappa(*_margins({(r, c): float(n) for (r, c), n in np.ndenumerate(counts) if n}))


def _margins(counts: Mapping[tuple[Hashable, Hashable], float]) -> tuple[float, float, dict, dict]:
    """From the nonzero cells {(A's value, B's value): count}: the number of units, how many
    have the same value, and the counts of each value for A and for B. A link attribute has
    as many values as mentions, so no square table is built."""
    row: dict[Hashable, float] = {}
    column: dict[Hashable, float] = {}
    same = 0.0
    for (va, vb), count in counts.items():
        row[va] = row.get(va, 0) + count
        column[vb] = column.get(vb, 0) + count
        if va == vb:
            same += count
    return sum(row.values()), same, row, column


def _kappa(n: float, same: float, row: dict, column: dict) -> Figure:
    return _kappa_of(n, same, sum(count * column.get(v, 0) for v, count in row.items()))


def _kappa_of(n: float, same: float, products: float) -> Figure:
    """Kappa from the units, those with the same value, and Σ_v A's count of v × B's."""
    if n == 0:
        return undefined("no units")
    expected = products / (n * n)
    if expected >= 1 - 1e-12:
        return undefined(
            "one category only: both annotators gave every unit the same value, "
            "so chance agreement is 1 and kappa is not defined",
            round(n),
        )
    return Figure((same / n - expected) / (1 - expected), round(n))


def krippendorff_alpha(
    reliability_data: Sequence[Sequence[Hashable | None]], level: str = "nominal"
) -> Figure:
    """Krippendorff's alpha: one row per annotator, one column per unit, None where missing.

    Nominal values may be any hashable labels; the other levels need numbers. Nominal alpha is
    computed here from the coincidence matrix (memory grows with the categories, not with
    units × categories²); ordinal, interval and ratio use the `krippendorff` package.
    `n_units` counts the units with values from at least two annotators (the pairable ones).
    """
    if level not in LEVELS:
        raise ValueError(f"level must be one of {', '.join(LEVELS)}")
    rows = [list(row) for row in reliability_data]
    if len(rows) < 2:
        return undefined("fewer than two annotators")
    if len({len(row) for row in rows}) > 1:
        raise ValueError("every annotator needs a value (or None) for every unit")
    units = [[v for v in unit if v is not None] for unit in zip(*rows, strict=True)]
    pairable = [unit for unit in units if len(unit) >= 2]
    if not pairable:
        return undefined("no unit has values from two annotators")
    if len({v for unit in pairable for v in unit}) < 2:
        return undefined(_ONE_CATEGORY, len(pairable))
    if level == "nominal":
        return _nominal_alpha(_coincidences(pairable), len(pairable))
    if not all(isinstance(v, int | float) for unit in units for v in unit):
        raise ValueError(f"{level} alpha needs numbers")
    data = np.array([[np.nan if v is None else v for v in row] for row in rows], dtype=float)
    value = krippendorff.alpha(reliability_data=data, level_of_measurement=level)
    return Figure(float(value), len(pairable))


_ONE_CATEGORY = (
    "one category only: every pairable value is the same, so expected disagreement is 0 "
    "and alpha is not defined"
)


def _coincidences(units: Iterable[Sequence[Hashable]]) -> np.ndarray:
    """Krippendorff's coincidence matrix of units that each hold two or more values."""
    codes: dict[Hashable, int] = {}
    found: list[tuple[Counter, int]] = []
    for unit in units:
        for v in unit:
            codes.setdefault(v, len(codes))
        found.append((Counter(unit), len(unit)))
    o = np.zeros((len(codes), len(codes)))
    for counts, m in found:
        for c, n_c in counts.items():
            for k, n_k in counts.items():
                o[codes[c], codes[k]] += (n_c * n_k - (n_c if c == k else 0)) / (m - 1)
    return o


def _nominal_alpha(o: np.ndarray, n_units: int) -> Figure:
    """Nominal alpha from a coincidence matrix o (row sums n_c, total n)."""
    n_c = o.sum(axis=1)
    n = float(n_c.sum())
    return alpha_from_counts(n, float((n_c * n_c).sum()), n - float(np.trace(o)), n_units)


def alpha_from_counts(n: float, sum_n_c2: float, disagreeing: float, n_units: int) -> Figure:
    """1 - (n-1) Σ_{c≠k} o_ck / Σ_{c≠k} n_c n_k, where Σ_{c≠k} o_ck = `disagreeing` and
    Σ_{c≠k} n_c n_k = n² - Σ n_c²."""
    if n_units == 0:
        return undefined("no unit has values from two annotators")
    expected = n * n - sum_n_c2
    if expected <= 1e-9 * n * n:
        return undefined(_ONE_CATEGORY, n_units)
    return Figure(1 - (n - 1) * disagreeing / expected, n_units)


def pair_figures(
    counts: Mapping[tuple[Hashable, Hashable], int], empty: str = "no matched pairs with a value"
) -> tuple[Figure, ...]:
    """Kappa, nominal alpha and the share of agreement of two annotators' values of the same
    units, from {(A's value, B's value): count}. Two annotators without missing values have
    the coincidences C + Cᵀ of the confusion matrix C: n = 2N and n_c = A's c + B's c."""
    n, same, row, column = _margins(counts)
    products = sum(count * column.get(v, 0) for v, count in row.items())
    sum_n_c2 = sum((row.get(v, 0) + column.get(v, 0)) ** 2 for v in row.keys() | column.keys())
    return _figures(n, same, products, sum_n_c2, empty)


def array_figures(
    value_a: np.ndarray, value_b: np.ndarray, none: int, empty: str
) -> tuple[Figure, ...]:
    """The figures of `pair_figures` from the values of the paired units as two arrays
    (`none`: no value; a unit where neither has one is left out). For attributes with as
    many values as units (links), where a table of counts would be as long as the units."""
    return array_count_figures(array_counts(value_a, value_b, none), empty)


def array_counts(value_a: np.ndarray, value_b: np.ndarray, none: int) -> tuple[int, ...]:
    """What `array_figures` needs of two arrays of values, as six whole numbers that add up
    over sets of units whose values other than `none` are their own (links of different
    documents point to different mentions): (units, units with the same value, Σ_v A's count
    of v × B's, Σ_v (A's count of v + B's)², both over the values other than `none`, then A's
    and B's counts of `none`)."""
    kept = (value_a != none) | (value_b != none)
    a, b = value_a[kept], value_b[kept]
    n = len(a)
    values, codes = np.unique(np.concatenate([a, b]), return_inverse=True)
    codes = codes.reshape(-1)
    row = np.bincount(codes[:n], minlength=len(values))
    column = np.bincount(codes[n:], minlength=len(values))
    is_none = values == none
    other = ~is_none
    return (
        n,
        int((a == b).sum()),
        int((row * column)[other].sum()),
        int(((row + column) ** 2)[other].sum()),
        int(row[is_none].sum()),
        int(column[is_none].sum()),
    )


def array_count_figures(counts: Sequence[int], empty: str) -> tuple[Figure, ...]:
    """The figures of `array_figures` from `array_counts` (or their sum over parts)."""
    n, same, products, squares, none_a, none_b = counts
    return _figures(n, same, products + none_a * none_b, squares + (none_a + none_b) ** 2, empty)


def _figures(n: float, same: float, products: float, sum_n_c2: float, empty: str):
    """Kappa, alpha and agreement from the units, those with the same value, Σ_v A's count of
    v × B's count of v, and Σ_v (A's count of v + B's count of v)²."""
    if n == 0:
        none = undefined(empty)
        return none, none, none
    n_units = round(n)
    alpha = alpha_from_counts(2 * n, sum_n_c2, 2 * (n - same), n_units)
    return _kappa_of(n, same, products), alpha, Figure(same / n, n_units)
