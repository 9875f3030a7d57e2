"""The find bar in a long article: a one-letter query («ا», what the first key press of most
Arabic words gives), a word («الحكومة»), F3 steps and "All documents", in articles of 500,000
and 10,000,000 characters, in the real window (offscreen) until the article has painted.
Targets: a search within 3× `re.finditer` of the query over the raw text (the baseline,
measured in the same run, interleaved); an F3 step within one 60 Hz frame (16.7 ms) whatever
the number of hits. Each size runs in its own process, so its peak memory is its own.
"""

from __future__ import annotations

import json
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import corpus  # noqa: E402
from bench.timing import Result, median, seconds  # noqa: E402

SIZES = (500_000, 10_000_000)
QUERIES = ("الحكومة", "ا")  # the one letter last: "All documents" is ticked with its hits
FRAME = 1 / 60


def timed(action, watch=None) -> tuple[float, float]:
    """(processor, wall) seconds of `action`, until the watched widgets painted."""
    if watch is not None:
        watch.reset()
    wall, processor = time.perf_counter(), time.process_time()
    action()
    if watch is not None:
        watch.wait(600)
    return time.process_time() - processor, time.perf_counter() - wall


def one_size(size: int, runs: int) -> dict:
    """Every figure for one article size (run in a process of its own)."""
    with tempfile.TemporaryDirectory(prefix="bench-find-") as name:
        return measure(Path(name), size, runs)


def measure(folder: Path, size: int, runs: int) -> dict:
    """The figures for one article size, its project made in `folder`."""
    from annotator.core.store.project import Project, TextSource
    from bench import window

    text = corpus.article(random.Random(4), size)[:size]
    with Project.create(folder / "find.annotator") as project:
        project.import_texts(
            [
                TextSource(text="قال الوزير إن الحكومة وافقت", id="short", title="short"),
                TextSource(text=text, id="long", title="long"),
            ]
        )
    main = window.main_window(folder / "find.annotator", "ali", folder)
    watch = window.PaintWatch([main.article.viewport()])
    timed(lambda: main.workbench.open_document("long"), watch)
    bar = main.find_bar
    bar.open_bar()
    figures: dict = {"size": size, "queries": {}}
    for query in QUERIES:
        bar.query.setText(query)
        first = timed(bar.search, watch)  # the first search of a document folds its text
        search, baseline, steps = [], [], []
        for _ in range(runs):
            search.append(timed(bar.search, watch))
            baseline.append(timed(lambda q=query: sum(1 for _ in re.finditer(q, text))))
            steps.append(timed(lambda: bar.step(+1), watch))
        figures["queries"][query] = {
            "hits": len(bar.hits),
            "raw hits": sum(1 for _ in re.finditer(query, text)),
            "first": first,
            "search": [median([s[0] for s in search]), median([s[1] for s in search])],
            "baseline": [median([s[0] for s in baseline]), median([s[1] for s in baseline])],
            "step": [median([s[0] for s in steps]), median([s[1] for s in steps])],
        }
    figures["all documents"] = timed(lambda: bar.all_documents.setChecked(True), watch)
    figures["close"] = timed(bar.close_bar, watch)
    figures["peak MB"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    main.close()
    return figures


def pair(figure: list[float]) -> str:
    return f"{seconds(figure[0])} processor, {seconds(figure[1])} wall"


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="article sizes")
    parser.add_argument("--runs", type=int, default=3, help="runs per measure (default 3)")
    parser.add_argument("--json", action="store_true", help="print results as JSON lines")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one_size(args.one, args.runs), ensure_ascii=False))
        return
    load = Path("/proc/loadavg").read_text().split()[0] if Path("/proc/loadavg").exists() else "?"
    for size in (int(s) for s in args.sizes.split(",")):
        out = subprocess.run(
            [sys.executable, __file__, "--one", str(size), "--runs", str(args.runs)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        figures = json.loads(out.strip().splitlines()[-1])
        for query, found in figures["queries"].items():
            search, baseline, step = found["search"], found["baseline"], found["step"]
            Result(
                measure=f"find «{query}» in a {size:,}-character article ({found['hits']:,} hits)",
                target="search ≤ 3× re.finditer (processor); F3 step < 16.7 ms processor",
                figure=f"search {pair(search)}; F3 step {pair(step)}",
                baseline=f"re.finditer {pair(baseline)} ({found['raw hits']:,} raw hits)",
                met=search[0] <= 3 * baseline[0] + FRAME and step[0] < FRAME,
                notes=[
                    f"first search of the document (folds its text): {pair(found['first'])}",
                    f"all documents ticked: {pair(figures['all documents'])}; "
                    f"close: {pair(figures['close'])}",
                    f"peak memory of the process: {figures['peak MB']:.0f} MB; load {load}",
                ],
            ).show(args.json, {"size": size, "query": query, **found})


if __name__ == "__main__":
    main()
