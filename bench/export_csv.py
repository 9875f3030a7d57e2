"""Export 1,000,000 annotations to CSV (10,000 articles × 2 annotators × 50 spans) as users
run it: `annotator export --format csv` in its own process, beside a raw baseline in its own.

Target: under 10 s, and within ×1.2 of the baseline's processor time: the same rows (one per
annotation and stance, with document title, annotator and entity) read with a plain query on
a raw sqlite3 connection and written by csv.writer, without the export's columns per attribute,
link texts, formula guard and row checks. Both are measured as child processes, start-up and
imports included; processor time (user + system, from getrusage of the children) is the figure,
as 8 jobs share this machine and its wall times vary with their load.
"""

from __future__ import annotations

import argparse
import os
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from contextlib import closing
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import corpus  # noqa: E402
from bench.timing import Result, interleaved, median, seconds, spread  # noqa: E402

# The baseline, run as `python -c`: all a hand-written export would do.
RAW_EXPORT = """
import csv, sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
with open(sys.argv[2], "w", encoding="utf-8-sig", newline="") as handle:
    writer = csv.writer(handle)
    cursor = conn.execute('''
        SELECT a.document_id, d.title, p.name, a.layer, a.start, a."end", a.text, a.attributes,
               e.name, a.link_id, s.target, s.value, a.id, a.origin, a.created_at, a.modified_at
        FROM annotations a
        JOIN documents d ON d.id = a.document_id
        JOIN annotators p ON p.id = a.annotator_id
        LEFT JOIN entities e ON e.id = a.entity_id
        LEFT JOIN stances s ON s.annotation_id = a.id
    ''')
    writer.writerow([d[0] for d in cursor.description])
    writer.writerows(cursor)
conn.close()
"""


# As an installed copy runs: compiled modules are kept (a setting that forbids writing them
# would make every run compile the program again).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
ENV["PYTHONPATH"] = str(ROOT)


def child(command: list[str], processor: list[float]) -> float:
    """Run `command` to its end; returns its wall seconds and appends its processor seconds."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=ENV)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    processor.append(
        after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime,
    )
    return wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cache", help="folder for generated data (default $BENCH_CACHE)")
    parser.add_argument("--runs", type=int, default=3, help="runs (default 3)")
    parser.add_argument("--json", action="store_true", help="print the result as one JSON line")
    parser.add_argument(
        "--documents",
        type=int,
        default=10_000,
        help="articles, each with 2 × 50 annotations (default 10,000: 1,000,000 annotations)",
    )
    args = parser.parse_args()
    path = corpus.two_annotators(corpus.cache_folder(args.cache), args.documents)
    with closing(sqlite3.connect(path)) as conn:
        count = conn.execute("SELECT count(*) FROM annotations").fetchone()[0]
    processor: dict[str, list[float]] = {"export": [], "baseline": []}
    load_before = os.getloadavg()[0]

    with tempfile.TemporaryDirectory() as folder:
        ours, theirs = Path(folder) / "ours.csv", Path(folder) / "raw.csv"
        cli = [sys.executable, "-m", "annotator", "export", "--format", "csv"]
        cli += ["--project", str(path), "--out", str(ours), "--force"]
        raw = [sys.executable, "-c", RAW_EXPORT, str(path), str(theirs)]
        # One run of each first, not measured: modules compiled, the file in the page cache.
        child(cli, [])
        child(raw, [])
        found = interleaved(
            args.runs,
            baseline=lambda: child(raw, processor["baseline"]),
            export=lambda: child(cli, processor["export"]),
        )
        size = ours.stat().st_size
        with open(ours, "rb") as handle:
            rows = sum(1 for _ in handle)  # a cell with a line break would count twice
    wall, raw_wall = median(found["export"]), median(found["baseline"])
    cpu, raw_cpu = median(processor["export"]), median(processor["baseline"])
    Result(
        measure=f"export {count:,} annotations to CSV (`annotator export`, its own process)",
        target="< 10 s and ≤ ×1.2 raw (processor)",
        figure=f"processor {seconds(cpu)}, wall {seconds(wall)}",
        baseline=(
            f"raw sqlite3 + csv.writer in its own process: processor {seconds(raw_cpu)} "
            f"(×{cpu / raw_cpu:.2f}), wall {seconds(raw_wall)} (×{wall / raw_wall:.2f})"
        ),
        met=wall < 10 and cpu <= 1.2 * raw_cpu,
        notes=[
            f"about {rows:,} lines, {size / 1e6:.0f} MB",
            f"processor runs: {spread(processor['export'])}; "
            f"baseline: {spread(processor['baseline'])}",
            f"wall runs: {spread(found['export'])}; baseline: {spread(found['baseline'])}",
            # Other jobs' load inflates both figures, processor time too (shared caches).
            f"load average (1 min) before and after: {load_before:.2f}, {os.getloadavg()[0]:.2f}",
        ],
    ).show(args.json)


if __name__ == "__main__":
    main()
