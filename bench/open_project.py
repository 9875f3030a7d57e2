"""Opening a large project as the window does: `Project.open` with the window's threshold for
the check of every page (`CHECK_AT_OPEN_BYTES`), then the document list. Each run is a process
of its own (the file stays in the disk cache, as at a second start). With `--baseline DIR` (a
checkout of an earlier version, e.g. made with `git archive`) that version runs beside, in turn:

    git archive 369b6cc | tar -x -C /tmp/before
    python bench/open_project.py --documents 50000 --spans 10 --baseline /tmp/before

The project is the agreement bench's (`corpus.two_annotators`); with `--long-texts N`, one
whose size is in its texts instead (`corpus.long_texts`: N articles of `--characters` each;
150 of a million make the tester's 273 MB shape):

    python bench/open_project.py --long-texts 150 --baseline /tmp/before
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import corpus  # noqa: E402
from bench.timing import median, seconds  # noqa: E402

# Run in the version's own tree: what that version offers is used (an older one checks every
# page at opening and reads every text's length for the list).
_RUN = """
import inspect, json, resource, sys, time
sys.path.insert(0, sys.argv[1])
from annotator.core.store.project import Project
path = sys.argv[2]
wall, cpu = time.perf_counter(), time.process_time()
if "check_at_open_bytes" in inspect.signature(Project.open).parameters:
    from annotator.core.store.opening import CHECK_AT_OPEN_BYTES
    project = Project.open(path, CHECK_AT_OPEN_BYTES)
else:
    project = Project.open(path)
opened = time.perf_counter() - wall
if "lengths" in inspect.signature(Project.documents).parameters:
    documents = project.documents("ali", lengths=False)
else:
    documents = project.documents("ali")
print(json.dumps({
    "open": opened,
    "listed": time.perf_counter() - wall,
    "cpu": time.process_time() - cpu,
    "documents": len(documents),
    "peak": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
}))
project.close()
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cache", help="folder for generated data (default $BENCH_CACHE)")
    parser.add_argument("--runs", type=int, default=3, help="runs of each version (default 3)")
    parser.add_argument("--documents", type=int, default=50_000)
    parser.add_argument("--spans", type=int, default=10, help="annotations per document")
    parser.add_argument("--baseline", help="a checkout of another version, run in turn")
    parser.add_argument("--long-texts", type=int, default=0, help="articles of --characters")
    parser.add_argument("--characters", type=int, default=1_000_000)
    args = parser.parse_args()
    cache = corpus.cache_folder(args.cache)
    if args.long_texts:
        path = corpus.long_texts(cache, args.long_texts, args.characters)
    else:
        path = corpus.two_annotators(cache, args.documents, args.spans)
    versions = {"this": Path(__file__).resolve().parents[1]}
    if args.baseline:
        versions["baseline"] = Path(args.baseline).resolve()
    found: dict[str, list[dict]] = {name: [] for name in versions}
    for _ in range(args.runs):
        for name, root in versions.items():
            run = subprocess.run(
                [sys.executable, "-c", _RUN, str(root), str(path)],
                capture_output=True,
                check=True,
                text=True,
            )
            found[name].append(json.loads(run.stdout))
    size = path.stat().st_size / 2**20
    print(f"open {path.name}: {size:,.0f} MiB, {found['this'][0]['documents']:,} documents")
    print(f"{'version':>8} {'open':>10} {'+ list':>10} {'CPU':>10} {'peak memory':>12}")
    for name, runs in found.items():
        print(
            f"{name:>8} {seconds(median([r['open'] for r in runs])):>10} "
            f"{seconds(median([r['listed'] for r in runs])):>10} "
            f"{seconds(median([r['cpu'] for r in runs])):>10} "
            f"{median([r['peak'] for r in runs]):>9.0f} MB"
        )


if __name__ == "__main__":
    main()
