"""What every bench script shares: runs interleaved with their baseline, medians, and one
result (measure, target, figure, baseline, met) printed for a reader or as JSON for bench/run."""

from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field


@dataclass
class Result:
    measure: str
    target: str
    figure: str
    baseline: str
    met: bool | None  # None: no target
    notes: list[str] = field(default_factory=list)

    def show(self, as_json: bool, point: dict | None = None) -> None:
        """Print the result; as JSON with `point` (the figures as numbers, for a curve)."""
        if as_json:
            print(json.dumps({**asdict(self), "point": point or {}}, ensure_ascii=False))
            return
        print(f"{self.measure}")
        print(f"  figure:   {self.figure}   (target {self.target})")
        print(f"  baseline: {self.baseline}")
        print(f"  met:      {'yes' if self.met else 'no' if self.met is not None else '—'}")
        for note in self.notes:
            print(f"  {note}")


def arguments(description: str, runs: int) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--cache", help="folder for generated data (default $BENCH_CACHE)")
    parser.add_argument("--runs", type=int, default=runs, help=f"runs (default {runs})")
    parser.add_argument("--json", action="store_true", help="print the result as one JSON line")
    return parser.parse_args()


def clock(action: Callable[[], object]) -> float:
    """Seconds `action` takes."""
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def raw_inserts(
    conn: sqlite3.Connection, rows: dict[str, tuple[str, list[tuple]]], processor: list[float]
) -> float:
    """The raw baseline of the import and merge benches: every table's rows `{table: (INSERT
    statement, rows)}` written by `executemany` in one transaction on `conn` (autocommit mode).
    Returns the wall time in seconds and appends the processor time to `processor`."""

    def run() -> None:
        conn.execute("BEGIN")
        for sql, table in rows.values():
            conn.executemany(sql, table)
        conn.execute("COMMIT")

    before = time.process_time()
    took = clock(run)
    processor.append(time.process_time() - before)
    return took


def interleaved(runs: int, **measures: Callable[[], float]) -> dict[str, list[float]]:
    """Each measure once per round, in turn, for `runs` rounds: a baseline and its measure see
    the same machine load. Each callable returns the seconds it measured (so setup such as
    copying a file can stay outside)."""
    found: dict[str, list[float]] = {name: [] for name in measures}
    for _ in range(runs):
        for name, measure in measures.items():
            found[name].append(measure())
    return found


def median(values: list[float]) -> float:
    return statistics.median(values)


def seconds(value: float) -> str:
    return f"{value * 1000:.1f} ms" if value < 1 else f"{value:.2f} s"


def spread(values: list[float]) -> str:
    """All runs, for the notes: a reader sees how much they vary."""
    return ", ".join(seconds(v) for v in values)
