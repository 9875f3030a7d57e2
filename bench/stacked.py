"""What an action costs when thousands of annotations lie on the same words (several
annotators' work shown together, or automatic suggestions, nest and overlap there), beside the
same number spread over a long article.

    python bench/stacked.py [--shapes stacked-2k stacked-20k spread-20k] [--runs 3]

Shapes: `stacked-N`: N annotations (speaker and claim pairs) all covering the same two words
of a 5,000-character article, nested like the spans of a grid (each from one of sqrt(N/2)
words before the pair to one of as many after it); `spread-20k`: 20,000 annotations at the
usual density (one per 25 characters) over 500,000 characters. For each, in its own process:
open, tag a speaker on the shared words, select it, Alt+Down (next annotation), delete it,
undo, redo, scroll to the middle of the article, each until the article has painted; wall
and processor time, medians of `--runs` rounds. Baseline, in the same process and minute: a
bare QPlainTextEdit shown with the same text (`setPlainText`, until painted).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import corpus  # noqa: E402
from bench.timing import median, seconds  # noqa: E402

SHAPES = ["stacked-2k", "stacked-20k", "spread-20k"]
ACTIONS = ["open", "tag", "select", "alt+down", "delete", "undo", "redo", "scroll"]


def project(cache: Path, shape: str) -> Path:
    """The shape's project (made once into the cache): the article is `corpus.LONG_ID`."""
    kind, size = shape.split("-")
    count = int(size.rstrip("k")) * 1000

    def build(folder: Path) -> None:
        rng = random.Random(7)
        chars = 5000 if kind == "stacked" else 500_000
        text = corpus.article(rng, chars)[:chars]
        if kind == "stacked":
            words = [m.span() for m in corpus.WORD.finditer(text)]
            middle = len(words) // 2
            side = round(math.sqrt(count / 2))
            spans = []
            for before in range(side):
                for after in range(side):
                    start, end = words[middle - before][0], words[middle + 1 + after][1]
                    spans.append(
                        corpus.Span(corpus._uuid(rng), "speaker", start, end, {"role": "person"})
                    )
                    spans.append(
                        corpus.Span(corpus._uuid(rng), "claim", start, end, {"kind": "direct"})
                    )
        else:
            spans = corpus.annotate(rng, text, count)
        with corpus.Project.create(folder / "stacked.annotator") as made:
            made.import_texts(
                [
                    corpus.TextSource(text=corpus.article(rng, 1500), id="short-note"),
                    corpus.TextSource(text=text, id=corpus.LONG_ID, title=shape),
                ]
            )
            corpus.store(made, corpus.LONG_ID, corpus.ANNOTATOR, spans)
            made.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    return corpus._built(cache, f"stacked-{shape}", build) / "stacked.annotator"


def timed(action, watch) -> tuple[float, float]:
    """Wall and processor seconds of `action` and the paint it causes."""
    watch.reset()
    wall, cpu = time.perf_counter(), time.process_time()
    action()
    watch.wait(600)
    return time.perf_counter() - wall, time.process_time() - cpu


def child(path: Path, runs: int) -> dict:
    from PySide6.QtWidgets import QPlainTextEdit

    from bench import window

    found: dict[str, list[tuple[float, float]]] = {name: [] for name in [*ACTIONS, "bare"]}
    with tempfile.TemporaryDirectory() as folder:
        copy = corpus.copy_project(path, Path(folder))
        main_window = window.main_window(copy, corpus.ANNOTATOR, Path(folder))
        workbench, article = main_window.workbench, main_window.article
        watch = window.PaintWatch([article.viewport()])
        found["open"].append(timed(lambda: workbench.open_document(corpus.LONG_ID), watch))
        text = workbench.text
        middle = text.index(" ", len(text) // 2) + 1
        start, end = middle, text.index(" ", middle + 1)
        taken = {(s.start, s.end) for s in workbench.columns().overlapping(start, end)}
        if (start, end) in taken:  # the spread article may have tagged it already
            start, end = next(
                m.span() for m in corpus.WORD.finditer(text, end) if m.span() not in taken
            )
        plain = QPlainTextEdit()
        plain.resize(article.size())
        plain.show()
        bare = window.PaintWatch([plain.viewport()])
        bare.wait()
        scroll = article.verticalScrollBar()
        for _ in range(runs):
            found["bare"].append(timed(lambda: plain.setPlainText(text), bare))
            plain.clear()
            workbench.select(None)
            article.show_span(start, end)
            added: list[str | None] = []
            found["tag"].append(
                timed(lambda added=added: added.append(workbench.tag("speaker", start, end)), watch)
            )
            new = added[0]
            assert new is not None, "the tag was refused"
            workbench.select(None)
            watch.reset()
            watch.wait(600)
            found["select"].append(timed(lambda new=new: workbench.select(new), watch))
            found["alt+down"].append(timed(lambda: main_window.step_annotation(+1), watch))
            workbench.select(new)
            found["delete"].append(timed(lambda new=new: workbench.delete(new), watch))
            found["undo"].append(timed(workbench.undo_stack.undo, watch))
            found["redo"].append(timed(workbench.undo_stack.redo, watch))
            scroll.setValue(scroll.maximum())
            watch.reset()
            watch.wait(600)
            found["scroll"].append(timed(lambda: scroll.setValue(scroll.maximum() // 2), watch))
        plain.close()
        return {
            "annotations": len(workbench.columns()),
            "chars": len(text),
            "wall": {k: median([w for w, _ in v]) for k, v in found.items()},
            "cpu": {k: median([c for _, c in v]) for k, v in found.items()},
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shapes", nargs="+", choices=SHAPES, default=SHAPES)
    parser.add_argument("--runs", type=int, default=3, help="rounds per shape (medians)")
    parser.add_argument("--cache", help="folder for generated data (default $BENCH_CACHE)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    cache = corpus.cache_folder(args.cache)
    if args.child:
        print(json.dumps(child(project(cache, args.child), args.runs)))
        return
    rows = []
    for shape in args.shapes:
        project(cache, shape)  # made before the clock
        print(f"bench/stacked.py: {shape} …", file=sys.stderr, flush=True)
        command = [sys.executable, __file__, "--child", shape, "--cache", str(cache)]
        done = subprocess.run(
            [*command, "--runs", str(args.runs)], capture_output=True, text=True, env=os.environ
        )
        if done.returncode != 0:
            raise SystemExit(f"bench/stacked.py: {shape}: {done.stderr.strip()[-800:]}")
        rows.append((shape, json.loads(done.stdout.strip().splitlines()[-1])))
    print("| shape | annotations | " + " | ".join(ACTIONS) + " | bare setPlainText |")
    print("|---|---|" + "---|" * (len(ACTIONS) + 1))
    for shape, row in rows:
        cells = [
            f"{seconds(row['cpu'][name])} ({seconds(row['wall'][name])})"
            for name in [*ACTIONS, "bare"]
        ]
        print(f"| {shape} | {row['annotations']:,} | " + " | ".join(cells) + " |")
    print()
    print(
        "Processor time of the window's process (wall clock in brackets: on a shared machine it "
        "is swayed by other work); medians; each action timed until the article has painted."
    )
    print(f"load average: {' '.join(open('/proc/loadavg').read().split()[:3])}")


if __name__ == "__main__":
    main()
