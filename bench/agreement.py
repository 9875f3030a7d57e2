"""Agreement on 10,000 documents × 2 annotators × 50 spans (1,000,000 annotations): span F1,
token kappa and alpha, attribute agreement and the per-document scores, as `annotator
agreement` computes them. Target: under 5 s. No baseline (no other tool computes the same).

    python bench/agreement.py --scale 1000 10000 100000 --spans 10

`--scale` runs the agreement at each number of documents, each in a process of its own so its
peak memory (resident set) is its own, and fits a line and a power law to the times. With
`--baseline DIR` (a checkout of an earlier version, e.g. made with `git archive`) the same
sizes run with that version's bench too, interleaved, each in its own process:

    git archive 369b6cc | tar -x -C /tmp/before
    python bench/agreement.py --scale 1000 10000 50000 --spans 10 --baseline /tmp/before
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from annotator.core.review import agreement  # noqa: E402
from annotator.core.store.project import Project  # noqa: E402
from bench import corpus  # noqa: E402
from bench.timing import Result, clock, interleaved, median, seconds, spread  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cache", help="folder for generated data (default $BENCH_CACHE)")
    parser.add_argument("--runs", type=int, default=3, help="runs (default 3)")
    parser.add_argument("--json", action="store_true", help="print the result as one JSON line")
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--spans", type=int, default=50, help="annotations per document")
    parser.add_argument("--scale", type=int, nargs="+", help="numbers of documents: a curve")
    parser.add_argument("--baseline", help="a checkout of another version, run beside (--scale)")
    args = parser.parse_args()
    if args.scale:
        curve(args)
        return
    cache = corpus.cache_folder(args.cache)
    path = corpus.two_annotators(cache, args.documents, args.spans)
    cpu: list[float] = []
    with Project.open(path) as project:
        count = project.annotation_count()
        # Counted in SQL: the peak memory below is the agreement's, not a list of documents.
        documents = project.conn.execute("SELECT count(*) FROM documents").fetchone()[0]

        def compare() -> float:
            # A new project each run: nothing read by an earlier run is reused.
            with Project.open(path) as fresh:
                before = time.process_time()
                took = clock(lambda: agreement.compare(fresh))
                cpu.append(time.process_time() - before)
            return took

        found = interleaved(args.runs, agreement=compare)
    figure = median(found["agreement"])
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    Result(
        measure=f"agreement on {documents:,} documents × 2 annotators ({count:,} annotations)",
        target="< 5 s",
        figure=seconds(figure),
        baseline="—",
        met=figure < 5,
        notes=[
            f"runs: {spread(found['agreement'])}; CPU {seconds(median(cpu))}; "
            f"peak memory {peak:.0f} MB"
        ],
    ).show(args.json)


def curve(args: argparse.Namespace) -> None:
    """The agreement at each size, each in its own process; a line fitted to the times."""
    from bench.import_annotations import fitted

    sizes, figures, before = [], [], []
    versions = {"this": Path(__file__)}
    if args.baseline:
        versions["baseline"] = Path(args.baseline) / "bench" / "agreement.py"
    print(
        f"{'version':>8} {'documents':>10} {'annotations':>12} {'agreement':>10} {'CPU':>10} "
        f"{'peak memory':>12}"
    )
    for documents in args.scale:
        for version, script in versions.items():
            command = [sys.executable, str(script), "--json", "--runs", str(args.runs)]
            command += ["--documents", str(documents), "--spans", str(args.spans)]
            if args.cache:
                command += ["--cache", args.cache]
            found = json.loads(subprocess.run(command, capture_output=True, check=True).stdout)
            count = int(found["measure"].split("(")[1].split()[0].replace(",", ""))
            took = _seconds(found["figure"])
            if version == "this":
                sizes.append(count)
                figures.append(took)
            else:
                before.append(took)
            note = found["notes"][0]
            cpu = note.split("CPU ", 1)[1].split(";")[0]
            peak = note.rsplit("peak memory ", 1)[1]
            print(
                f"{version:>8} {documents:>10,} {count:>12,} {found['figure']:>10} {cpu:>10} "
                f"{peak:>12}"
            )
    print(fitted(sizes, figures, "annotation"))
    if before:
        print("baseline: " + fitted(sizes, before, "annotation"))


def _seconds(text: str) -> float:
    value, unit = text.split()
    return float(value) / 1000 if unit == "ms" else float(value)


if __name__ == "__main__":
    main()
