"""Suggestions in the window on one long article: F7, Enter on one suggestion, Ctrl+Shift+Enter
(accept all), and Ctrl+Z of that accept-all, timed (processor and wall) beside tagging one
speaker by hand and undoing it in the same window (the baseline: an edit of one annotation).

    python bench/suggestions_accept.py [--sizes 25000 100000 500000] [--skip-all-above N]

Each size: an article of that many characters (bench/corpus.py's generator, seed 7) in a new
project, the main window offscreen as `carol`. The shape of the accept-all curve is printed
as the slope of log seconds against log suggestions (1.0 linear, 2.0 quadratic).
`--skip-all-above`: sizes above it skip accept-all (for measuring a slow version).
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(os.environ.get("ANNOTATOR_ROOT", Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(ROOT))
sys.path.insert(1, str(Path(__file__).resolve().parents[1]))

from PySide6.QtWidgets import QApplication  # noqa: E402

from annotator.core.store.project import Project, TextSource  # noqa: E402
from bench import corpus  # noqa: E402
from bench.scale import slope  # noqa: E402
from bench.window import main_window  # noqa: E402


def timed(action) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    action()
    QApplication.processEvents()
    return time.process_time() - cpu, time.perf_counter() - wall


def run_f7(suggestions) -> None:
    done: list[int] = []
    suggestions.ran.connect(done.append)
    suggestions.actions["suggest"].trigger()
    while not done:
        QApplication.processEvents()
        time.sleep(0.001)


def measure(chars: int, folder: Path, accept_all: bool) -> dict:
    text = corpus.article(random.Random(7), chars)
    path = folder / f"a{chars}.annotator"
    with Project.create(path) as project:
        project.import_texts([TextSource(text=text, id="d", title="article")])
    window = main_window(path, "carol", folder)
    wb, sg = window.workbench, window.suggestions
    wb.open_document("d")
    QApplication.processEvents()
    row: dict = {"chars": len(text)}
    row["f7"] = timed(lambda: run_f7(sg))
    row["suggestions"] = len(sg.model.suggestions)
    first = text.index(" ", 200) + 1
    word_end = text.index(" ", first)
    speaker = wb.schema.layers[0].name
    row["tag"] = timed(lambda: wb.tag(speaker, first, word_end))
    row["tag_undo"] = timed(wb.undo_stack.undo)
    enters = [timed(sg.actions["accept"].trigger) for _ in range(3)]
    row["enter"] = sorted(enters)[1]
    if accept_all:
        row["all_n"] = len(sg.model.suggestions)
        row["all"] = timed(sg.actions["accept_all"].trigger)
        row["all_undo"] = timed(wb.undo_stack.undo)
        row["all_redo"] = timed(wb.undo_stack.redo)
        row["stored"] = len(wb.project.annotations("d", annotator="carol"))
    window.close()
    window.deleteLater()
    QApplication.processEvents()
    return row


def cell(pair: tuple[float, float] | None) -> str:
    return "-" if pair is None else f"{pair[0]:.3f} / {pair[1]:.3f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[25_000, 100_000, 500_000])
    parser.add_argument("--skip-all-above", type=int, default=10**12)
    args = parser.parse_args()
    print(f"code: {ROOT}   load: {os.getloadavg()[0]:.1f}")
    print("seconds, processor / wall")
    columns = ("f7", "tag", "tag_undo", "enter", "all", "all_undo", "all_redo")
    print("| chars | suggestions | " + " | ".join(columns) + " | accepted all / stored |")
    points = []
    with tempfile.TemporaryDirectory() as tmp:
        for chars in args.sizes:
            row = measure(chars, Path(tmp), chars <= args.skip_all_above)
            cells = " | ".join(cell(row.get(c)) for c in columns)
            extra = f"{row.get('all_n', '-')} / {row.get('stored', '-')}"
            print(f"| {row['chars']} | {row['suggestions']} | {cells} | {extra} |", flush=True)
            if "all" in row and row["all_n"]:
                points.append((row["all_n"], row["all"][0]))
    if len(points) > 1:
        print(f"accept-all slope (processor, log-log): {slope(points):.2f}")


if __name__ == "__main__":
    main()
