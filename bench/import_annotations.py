"""Import 100,000 annotations (this tool's JSON Lines export of 2,000 articles × 50
annotations, the articles' texts included) into a new project, as `annotator
import-annotations` does: every span's text, link, value and the one-tag-per-span rule checked,
revision names made, all in one transaction.

Target: under 7 s (Label Studio imported about as many in 7.4 s on this machine, issue 14).
Baseline, in the same run: raw sqlite3 `executemany` of exactly the rows the import stored
(documents, annotators, entities, annotations with their revisions, stances), already in
memory, into a file with the project's tables and journal settings, in one transaction: what
the writes alone cost, with no file read and nothing checked. A note gives the same writes
with the 64 MB page cache the import gives its own insert (SQLite's default is 2 MB).

    python bench/import_annotations.py                 # the 100,000 row
    python bench/import_annotations.py --scale 1000 10000 100000 --per-document 10

`--scale` measures the import at each number of documents instead and fits a line (seconds
against annotations) and a power law (its exponent: 1.0 is linear).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from annotator.core.formats import jsonl  # noqa: E402
from annotator.core.schema import default_schema_text  # noqa: E402
from annotator.core.store.project import Project  # noqa: E402
from bench import corpus  # noqa: E402
from bench.timing import Result, clock, interleaved, median, raw_inserts, seconds, spread  # noqa: E402

STAMP = "2024-06-01T12:00:00+00:00"
TABLES = ("documents", "annotators", "entities", "annotations", "stances")
# CPU seconds of each run, beside the wall-clock ones: on a shared machine they vary less.
cpu: dict[str, list[float]] = {}


def export_file(cache: Path, documents: int, per_document: int, chars: int = 1_400) -> Path:
    """An export of `documents` articles, each with about `per_document` annotations by `ali`
    (speakers with entities, claims linked to them with stances), written as `annotator export
    --format jsonl` writes it."""

    def build(folder: Path) -> None:
        rng = random.Random(14)
        entity_ids: dict[str, str] = {}
        # One article at a time: its document line goes to the export, its annotation lines to
        # a side file appended after the last document (the export's order), so the data made
        # is not held in memory (100,000 articles: several hundred MB).
        with (
            open(folder / "export.jsonl", "w", encoding="utf-8") as out,
            open(folder / "annotations.part", "w+", encoding="utf-8") as later,
        ):

            def write(record: dict, to=out) -> None:
                to.write(json.dumps(record, ensure_ascii=False) + "\n")

            header = {"type": "header", "format": jsonl.FORMAT, "version": jsonl.VERSION}
            write({**header, "exported_at": STAMP, "schema": default_schema_text()})
            write({"type": "annotator", "name": "ali"})
            for name in corpus.entity_names():
                entity_ids[name] = str(uuid.UUID(bytes=hashlib.md5(name.encode()).digest()))
                write({"type": "entity", "id": entity_ids[name], "name": name, "aliases": []})
            for item in corpus.articles(14, documents, chars):
                write({"type": "document", "id": item.id, "title": item.title, "text": item.text})
                sha = hashlib.sha256(item.text.encode()).hexdigest()
                for span in corpus.annotate(rng, item.text, per_document):
                    write(
                        {
                            "type": "annotation",
                            "id": span.id,
                            "document_id": item.id,
                            "document_sha256": sha,
                            "annotator": "ali",
                            "layer": span.layer,
                            "start": span.start,
                            "end": span.end,
                            "text": item.text[span.start : span.end],
                            "attributes": span.attributes,
                            "entity_id": entity_ids[span.entity] if span.entity else None,
                            "link_id": span.link_id,
                            "stances": [list(s) for s in span.stances],
                            "origin": "manual",
                            "created_at": STAMP,
                            "modified_at": STAMP,
                        },
                        later,
                    )
            later.seek(0)
            shutil.copyfileobj(later, out)
        (folder / "annotations.part").unlink()

    name = f"annotations-export-{documents}-{per_document}"
    return corpus._built(cache, name, build) / "export.jsonl"


def stored_rows(path: Path) -> dict[str, tuple[str, list[tuple]]]:
    """Every row of the tables an import writes: {table: (INSERT statement, rows)}."""
    conn = sqlite3.connect(path)
    try:
        found = {}
        for table in TABLES:
            cursor = conn.execute(f"SELECT * FROM {table}")
            columns = [d[0] for d in cursor.description]
            names = ", ".join(f'"{c}"' for c in columns)
            marks = ", ".join("?" * len(columns))
            found[table] = (f"INSERT INTO {table} ({names}) VALUES ({marks})", cursor.fetchall())
        return found
    finally:
        conn.close()


def measure(file: Path, runs: int) -> tuple[list[float], list[float], list[float], int, float]:
    """Runs of our import, of the raw executemany baseline and of that baseline with a larger
    page cache, taken in turn; the number of annotations stored; the peak memory (resident
    set, MB) of the process after the first import, before the baseline's rows are read into
    memory (at 100,000 documents they take more than the import)."""
    counts: list[int] = []
    cpu.update(ours=[], raw=[], raw_cached=[])
    with tempfile.TemporaryDirectory() as folder:
        numbers = iter(range(10**6))

        def fresh(name: str) -> Path:
            return Path(folder) / f"{name}-{next(numbers)}.annotator"

        first = fresh("ours")

        def ours(path: Path | None = None) -> float:
            with Project.create(path or fresh("ours")) as project:
                before = time.process_time()
                took = clock(lambda: counts.append(jsonl.import_annotations(project, file).added))
                cpu["ours"].append(time.process_time() - before)
                return took

        ours(first)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        rows = stored_rows(first)

        def raw(cache_kib: int | None = None) -> float:
            conn = corpus.raw_database(fresh("raw"))
            conn.execute("DELETE FROM annotators")  # the migration's own rows, if any
            if cache_kib:
                conn.execute(f"PRAGMA cache_size = {-cache_kib}")
            try:
                return raw_inserts(conn, rows, cpu["raw_cached" if cache_kib else "raw"])
            finally:
                conn.close()

        # The same writes with the page cache the import gives its insert (64 MB): what the
        # writes alone cost at best.
        found = interleaved(runs, ours=ours, raw=raw, raw_cached=lambda: raw(64 * 1024))
    return found["ours"], found["raw"], found["raw_cached"], counts[-1], peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cache", help="folder for generated data (default $BENCH_CACHE)")
    parser.add_argument("--runs", type=int, default=3, help="runs (default 3)")
    parser.add_argument("--json", action="store_true", help="print the result as one JSON line")
    parser.add_argument("--documents", type=int, default=2_000)
    parser.add_argument("--per-document", type=int, default=50)
    parser.add_argument("--scale", type=int, nargs="+", help="numbers of documents: a curve")
    args = parser.parse_args()
    cache = corpus.cache_folder(args.cache)
    if args.scale:
        curve(cache, args.scale, args.per_document, args.runs)
        return
    file = export_file(cache, args.documents, args.per_document)
    ours, raw, raw_cached, count, peak = measure(file, args.runs)
    figure, baseline = median(ours), median(raw)
    cached = median(raw_cached)
    # For `--scale`: this size's figures as numbers, and the peak memory of the import.
    point = {
        "annotations": count,
        "import": figure,
        "raw": baseline,
        "cpu": median(cpu["ours"]),
        "raw_cpu": median(cpu["raw"]),
        "raw_cached": cached,
        "raw_cached_cpu": median(cpu["raw_cached"]),
        "peak_mb": peak,
    }
    Result(
        measure=f"import {count:,} annotations (JSON Lines export, {args.documents:,} articles)",
        target="< 7 s",
        figure=seconds(figure),
        baseline=f"{seconds(baseline)} raw executemany of the same rows (×{figure / baseline:.2f})",
        met=figure < 7,
        notes=[
            f"{file.stat().st_size / 1e6:.0f} MB; runs: {spread(ours)}; "
            f"baseline runs: {spread(raw)}",
            f"CPU: {seconds(median(cpu['ours']))}, baseline {seconds(median(cpu['raw']))} "
            f"(×{median(cpu['ours']) / median(cpu['raw']):.2f})",
            f"raw executemany with a 64 MB page cache: {seconds(cached)} "
            f"(×{figure / cached:.2f}), CPU {seconds(median(cpu['raw_cached']))}",
        ],
    ).show(args.json, point)


def curve(cache: Path, sizes: list[int], per_document: int, runs: int) -> None:
    """The import at each size, each in a process of its own so that its peak memory
    (resident set) is its own, with a line and a power law fitted to the medians."""
    counts, figures, processor = [], [], []
    print(
        f"{'documents':>10} {'annotations':>12} {'import':>10} {'raw':>10} {'ratio':>6} "
        f"{'CPU':>10} {'raw CPU':>10} {'peak memory':>12}"
    )
    for documents in sizes:
        command = [sys.executable, __file__, "--json", "--runs", str(runs), "--cache", str(cache)]
        command += ["--documents", str(documents), "--per-document", str(per_document)]
        found = json.loads(subprocess.run(command, capture_output=True, check=True).stdout)
        point = found["point"]
        counts.append(point["annotations"])
        figures.append(point["import"])
        processor.append(point["cpu"])
        print(
            f"{documents:>10,} {point['annotations']:>12,} {seconds(point['import']):>10} "
            f"{seconds(point['raw']):>10} {point['import'] / point['raw']:>6.2f} "
            f"{seconds(point['cpu']):>10} {seconds(point['raw_cpu']):>10} "
            f"{point['peak_mb']:>9,.0f} MB"
        )
    print(fitted(counts, figures, "annotation"))
    # Processor time varies less than wall time on a shared machine.
    print("processor time, " + fitted(counts, processor, "annotation"))


def fitted(sizes: list[int], figures: list[float], unit: str) -> str:
    """A line fitted to (size, seconds), and the exponent of a power law through them."""
    slope, intercept = np.polyfit(sizes, figures, 1)
    exponent = np.polyfit(np.log(sizes), np.log(figures), 1)[0] if len(sizes) > 1 else 1.0
    return (
        f"linear fit: {slope * 1e6:.1f} µs per {unit} + {intercept:.2f} s; "
        f"power law exponent {exponent:.2f} (1.00 is linear)"
    )


if __name__ == "__main__":
    main()
