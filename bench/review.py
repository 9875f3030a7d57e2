"""The review window at growing sizes: one article of N characters with N/25 annotations per
annotator (a colleague's version beside the reviewer's), opened in the review window, one
decision and its undo, "Accept all agreements", its undo and redo. Baseline, in the same run and
process: core `compare()` alone and reading both annotators' annotations. Prints processor and
wall time of each, and the log-log slope of each from the smallest size to the largest (1:
linear). Target: a decision within a 60 Hz frame (16.7 ms) of processor time, opening within
twice the baseline, accept-all linear.
"""

from __future__ import annotations

import argparse
import math
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from annotator.core.review.adjudication import compare  # noqa: E402
from annotator.core.store.project import Project, TextSource  # noqa: E402
from annotator.gui.review_window import ReviewWindow  # noqa: E402
from bench import corpus  # noqa: E402
from bench.corpus import annotate, colleague, store_many  # noqa: E402

A, B, DOCUMENT = "ali", "badr", "d"


def make(folder: Path, size: int) -> Path:
    rng = random.Random(size)
    path = folder / f"review{size}.annotator"
    with Project.create(path) as project:
        text = corpus.article(rng, size)[:size]
        project.import_texts([TextSource(text=text, id=DOCUMENT, title=DOCUMENT)])
        mine = annotate(rng, text, size // 25)
        store_many(project, [(DOCUMENT, A, mine), (DOCUMENT, B, colleague(rng, text, mine))])
    return path


def timed(action) -> tuple[float, float, object]:
    """(processor s, wall s, result) of `action`, events processed after it."""
    app = QApplication.instance()
    c0, w0 = time.process_time(), time.perf_counter()
    result = action()
    app.processEvents()
    return time.process_time() - c0, time.perf_counter() - w0, result


def measure(path: Path, decisions: int) -> dict[str, tuple[float, float]]:
    found: dict[str, tuple[float, float]] = {}
    with Project.open(path) as project:

        def both_sides() -> None:
            project.annotations(DOCUMENT, annotator=A)
            project.annotations(DOCUMENT, annotator=B)

        found["baseline: read both sides"] = timed(both_sides)[:2]
        found["baseline: compare()"] = timed(lambda: compare(project, DOCUMENT, A, B))[:2]
        c, w, window = timed(lambda: _open(project))
        found["open the review window"] = (c, w)
        stack = window.gold.undo_stack
        runs = {"one decision": [], "undo one decision": []}
        for _ in range(decisions):
            window.step(+1)
            item = window.current_item()
            choice = "a" if item.a else "b"
            runs["one decision"].append(timed(lambda choice=choice: window.decide(choice))[:2])
            runs["undo one decision"].append(timed(stack.undo)[:2])
        for name, values in runs.items():
            found[name] = tuple(statistics.median(v[i] for v in values) for i in (0, 1))
        agreed = sum(1 for i in window.comparison.items if not i.is_disagreement)
        found[f"accept all agreements ({agreed:,})"] = timed(window.accept_agreements)[:2]
        found["undo accept all"] = timed(stack.undo)[:2]
        found["redo accept all"] = timed(stack.redo)[:2]
        window.close()
        window.deleteLater()
    return found


def _open(project: Project) -> ReviewWindow:
    window = ReviewWindow(project, A, DOCUMENT, annotators=(A, B))
    window.show()
    return window


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes", type=int, nargs="+", default=[25_000, 100_000, 200_000], help="characters"
    )
    parser.add_argument("--decisions", type=int, default=3, help="decisions per size (median)")
    args = parser.parse_args()
    QApplication.instance() or QApplication([])
    rows: dict[int, dict[str, tuple[float, float]]] = {}
    with tempfile.TemporaryDirectory() as folder:
        for size in args.sizes:
            path = make(Path(folder), size)
            rows[size] = measure(path, args.decisions)
            load = os.getloadavg()[0]
            print(f"{size:,} characters, {size // 25:,} annotations a side (load {load:.1f}):")
            for name, (c, w) in rows[size].items():
                print(f"  {name:<38} processor {c * 1000:9.1f} ms   wall {w * 1000:9.1f} ms")
    if len(rows) > 1:
        small, large = min(rows), max(rows)
        print(f"log-log slope of processor time, {small:,} -> {large:,} characters:")
        for (name, (c0, _)), (c1, _) in zip(rows[small].items(), rows[large].values(), strict=True):
            slope = math.log(max(c1, 1e-6) / max(c0, 1e-6)) / math.log(large / small)
            print(f"  {name.split(' (')[0]:<38} {slope:5.2f}")


if __name__ == "__main__":
    main()
