"""Export one long article (one document, two annotators) to UIMA CAS XMI and to xlsx as users
run it, `annotator export` in its own process, at growing sizes, beside a raw baseline.

For each size (characters; the annotations are one per 25 characters and annotator, as in a
densely tagged report): processor time (user + system of the child) and its peak resident
memory (the child's own maxrss, from wait4), the XMI written and the peak per annotation. The
baseline, in its own process at each size: the same annotations read with a plain query on a
raw sqlite3 connection and written by csv.writer. The shape of the curve is printed as the
slope of log(processor) over log(annotations) between the smallest and the largest size (1.0:
linear), and the peak memory as a multiple of the XMI written, which the export bounds by one
document's CAS (one CAS at a time).

    python bench/export_long_document.py [--sizes 100000 250000 500000] [--runs 3]
"""

from __future__ import annotations

import argparse
import math
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from annotator.core.store.project import Project, TextSource  # noqa: E402
from bench import corpus  # noqa: E402
from bench.timing import median, spread  # noqa: E402

RAW_EXPORT = """
import csv, sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
with open(sys.argv[2], "w", encoding="utf-8", newline="") as handle:
    csv.writer(handle).writerows(conn.execute(
        'SELECT a.*, s.target, s.value FROM annotations a '
        'LEFT JOIN stances s ON s.annotation_id = a.id'))
"""

ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
ENV["PYTHONPATH"] = str(ROOT)


def long_document(folder: Path, chars: int) -> Path:
    """A project of one `chars`-character article, tagged by two annotators."""
    path = folder / f"long-{chars}.annotator"
    rng = random.Random(chars)
    with Project.create(path) as project:
        text = corpus.article(rng, chars)[:chars]
        project.import_texts([TextSource(text=text, id="long-report", title="a long report")])
        mine = corpus.annotate(rng, text, chars // 25)
        theirs = corpus.colleague(rng, text, mine)
        corpus.store_many(project, [("long-report", "ali", mine), ("long-report", "badr", theirs)])
        project.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


def child(command: list[str]) -> tuple[float, float, float]:
    """Run `command` to its end: (processor seconds, wall seconds, peak resident MB)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, env=ENV)
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise SystemExit(f"{command[:5]} failed with {process.returncode}")
    return usage.ru_utime + usage.ru_stime, time.perf_counter() - start, usage.ru_maxrss / 1024


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 250_000, 500_000])
    parser.add_argument("--runs", type=int, default=3, help="runs of each (default 3)")
    args = parser.parse_args()
    print(f"load average at start: {os.getloadavg()[0]:.2f}")
    curve = []
    with tempfile.TemporaryDirectory() as work:
        work_path = Path(work)
        for chars in args.sizes:
            project = long_document(work_path, chars)
            with Project.open(project) as opened:
                annotations = opened.annotation_count()
            out = work_path / f"out-{chars}"
            xmi = [sys.executable, "-m", "annotator", "export", "-p", str(project)]
            xmi += ["--format", "xmi", "--out", str(out / "xmi"), "--force"]
            xlsx = [sys.executable, "-m", "annotator", "export", "-p", str(project)]
            xlsx += ["--format", "xlsx", "--out", str(out / "a.xlsx"), "--force"]
            raw = [sys.executable, "-c", RAW_EXPORT, str(project), str(out / "raw.csv")]
            out.mkdir()
            found: dict[str, list[tuple[float, float, float]]] = {"raw": [], "xmi": [], "xlsx": []}
            for _ in range(args.runs):  # interleaved: the machine's load falls on all alike
                found["raw"].append(child(raw))
                found["xmi"].append(child(xmi))
                found["xlsx"].append(child(xlsx))
            written = folder_bytes(out / "xmi") / 1e6
            row = {
                name: (
                    median([r[0] for r in runs]),
                    median([r[1] for r in runs]),
                    median([r[2] for r in runs]),
                )
                for name, runs in found.items()
            }
            curve.append((annotations, row["xmi"][0]))
            print(
                f"{chars:>9,} chars {annotations:>7,} annotations | "
                f"raw csv: processor {row['raw'][0]:.2f} s, peak {row['raw'][2]:.0f} MB | "
                f"xmi: processor {row['xmi'][0]:.2f} s (×{row['xmi'][0] / row['raw'][0]:.0f} raw), "
                f"wall {row['xmi'][1]:.1f} s, peak {row['xmi'][2]:.0f} MB "
                f"({row['xmi'][2] * 1e3 / annotations:.1f} KB an annotation, "
                f"×{row['xmi'][2] / written:.1f} the {written:.1f} MB written) | "
                f"xlsx: processor {row['xlsx'][0]:.2f} s, peak {row['xlsx'][2]:.0f} MB"
            )
            print(f"    xmi processor runs: {spread([r[0] for r in found['xmi']])}")
    if len(curve) > 1:
        (n0, t0), (n1, t1) = curve[0], curve[-1]
        slope = math.log(t1 / t0) / math.log(n1 / n0)
        print(f"xmi processor time against annotations: slope {slope:.2f} (1.00 is linear)")
    print(f"load average at end: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
