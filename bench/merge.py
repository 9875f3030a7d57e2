"""Merge a colleague's project of 100,000 annotations (2,000 articles, 50 annotations each)
into mine (the same articles, 10 annotations each): copying their file, the backup of mine,
and storing their annotations, entities, stances and statuses. Target: under 5 s.

Baseline, in the same run: raw sqlite3 `executemany` of exactly the rows the merge added
(annotations with their revisions, stances, entities), already in memory, into a copy of my
project in one transaction: what the writes alone cost, with nothing read or checked.
"""

from __future__ import annotations

import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from annotator.core.review.merge import merge  # noqa: E402
from annotator.core.store.project import Project  # noqa: E402
from bench import corpus  # noqa: E402
from bench.timing import Result, arguments, clock, interleaved, median, raw_inserts, seconds, spread  # noqa: E402

# The tables a merge adds rows to, with the column that tells the new rows from mine.
TABLES = {"entities": "id", "annotations": "id", "stances": "annotation_id"}


def added_rows(mine: Path, merged: Path) -> dict[str, tuple[str, list[tuple]]]:
    """The rows `merged` holds and `mine` does not: {table: (INSERT statement, rows)}."""
    conn = sqlite3.connect(merged)
    try:
        conn.execute("ATTACH DATABASE ? AS mine", (str(mine),))
        found = {}
        for table, key in TABLES.items():
            cursor = conn.execute(
                f"SELECT * FROM main.{table} WHERE {key} NOT IN (SELECT {key} FROM mine.{table})"
            )
            names = ", ".join(f'"{d[0]}"' for d in cursor.description)
            marks = ", ".join("?" * len(cursor.description))
            found[table] = (f"INSERT INTO {table} ({names}) VALUES ({marks})", cursor.fetchall())
        return found
    finally:
        conn.close()


def main() -> None:
    args = arguments(__doc__.split("\n\n")[0], runs=3)
    cache = corpus.cache_folder(args.cache)
    mine, theirs = corpus.colleague_projects(cache)
    added: list[int] = []
    cpu: dict[str, list[float]] = {"merge": [], "raw": []}
    with tempfile.TemporaryDirectory() as folder:
        first = Path(folder) / "first"
        first.mkdir()
        with Project.open(corpus.copy_project(mine, first)) as project:
            merge(project, theirs)
        rows = added_rows(mine, first / mine.name)

        def ours() -> float:
            with tempfile.TemporaryDirectory(dir=folder) as here:
                with Project.open(corpus.copy_project(mine, Path(here))) as project:
                    before = time.process_time()
                    took = clock(lambda: added.append(merge(project, theirs).annotations_added))
                    cpu["merge"].append(time.process_time() - before)
                    return took

        def raw() -> float:
            with tempfile.TemporaryDirectory(dir=folder) as here:
                conn = sqlite3.connect(corpus.copy_project(mine, Path(here)), isolation_level=None)
                conn.execute("PRAGMA synchronous = FULL")
                try:
                    return raw_inserts(conn, rows, cpu["raw"])
                finally:
                    conn.close()

        found = interleaved(args.runs, merge=ours, raw=raw)
    figure, baseline = median(found["merge"]), median(found["raw"])
    Result(
        measure=f"merge a colleague's project of {added[-1]:,} annotations",
        target="< 5 s",
        figure=seconds(figure),
        baseline=f"{seconds(baseline)} raw executemany of the rows it added "
        f"(×{figure / baseline:.2f})",
        met=figure < 5,
        notes=[
            f"runs: {spread(found['merge'])}; baseline runs: {spread(found['raw'])}",
            f"processor: {seconds(median(cpu['merge']))}, baseline "
            f"{seconds(median(cpu['raw']))} (×{median(cpu['merge']) / median(cpu['raw']):.2f})",
        ],
    ).show(args.json)


if __name__ == "__main__":
    main()
