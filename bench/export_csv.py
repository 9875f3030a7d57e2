"""Export 1,000,000 annotations to CSV (10,000 articles × 2 annotators × 50 spans).

Target: under 10 s, and within ×1.2 of the baseline: the same rows (one per
annotation and stance, with document title, annotator and entity) read with a plain query on
a raw sqlite3 connection and written by csv.writer, without the export's columns per attribute,
link texts and formula guard.
"""

from __future__ import annotations

import csv
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from annotator.core.formats import csv_export  # noqa: E402
from annotator.core.store.project import Project  # noqa: E402
from bench import corpus  # noqa: E402
from bench.timing import Result, arguments, clock, interleaved, median, seconds, spread  # noqa: E402

BASELINE_SQL = """
    SELECT a.document_id, d.title, p.name, a.layer, a.start, a."end", a.text, a.attributes,
           e.name, a.link_id, s.target, s.value, a.id, a.origin, a.created_at, a.modified_at
    FROM annotations a
    JOIN documents d ON d.id = a.document_id
    JOIN annotators p ON p.id = a.annotator_id
    LEFT JOIN entities e ON e.id = a.entity_id
    LEFT JOIN stances s ON s.annotation_id = a.id
"""


def raw_export(path: Path, out: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        with open(out, "w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            cursor = conn.execute(BASELINE_SQL)
            writer.writerow([d[0] for d in cursor.description])
            writer.writerows(cursor)
    finally:
        conn.close()
    return 0


def main() -> None:
    args = arguments(__doc__.split("\n\n")[0], runs=3)
    cache = corpus.cache_folder(args.cache)
    path = corpus.two_annotators(cache)
    rows: list[int] = []
    cpu: dict[str, list[float]] = {"export": [], "baseline": []}

    def timed(name: str, action) -> float:
        # Wall time for the figure; CPU time beside it, as other programs' load varies.
        start = time.process_time()
        wall = clock(action)
        cpu[name].append(time.process_time() - start)
        return wall

    with tempfile.TemporaryDirectory() as folder, Project.open(path) as project:
        count = project.annotation_count()
        ours, theirs = Path(folder) / "ours.csv", Path(folder) / "raw.csv"

        def export() -> float:
            # As `annotator export` and the export dialog run it: text read exactly as stored.
            with project.strict_text():
                return timed(
                    "export",
                    lambda: rows.append(csv_export.export(project, ours, overwrite=True).rows),
                )

        found = interleaved(
            args.runs,
            baseline=lambda: timed("baseline", lambda: raw_export(path, theirs)),
            export=export,
        )
        size = ours.stat().st_size
    figure, baseline = median(found["export"]), median(found["baseline"])
    ours_cpu, raw_cpu = median(cpu["export"]), median(cpu["baseline"])
    Result(
        measure=f"export {count:,} annotations to CSV",
        target="< 10 s and ≤ ×1.2 raw",
        figure=seconds(figure),
        baseline=f"{seconds(baseline)} raw sqlite3 + csv.writer (×{figure / baseline:.2f})",
        met=figure < 10 and figure <= 1.2 * baseline,
        notes=[
            f"{rows[-1]:,} rows, {size / 1e6:.0f} MB; runs: {spread(found['export'])}; "
            f"baseline runs: {spread(found['baseline'])}",
            f"CPU time: {seconds(ours_cpu)} against {seconds(raw_cpu)} (×{ours_cpu / raw_cpu:.2f})",
        ],
    ).show(args.json)


if __name__ == "__main__":
    main()
