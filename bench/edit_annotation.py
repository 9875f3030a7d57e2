"""Add or delete one annotation in the 500,000-character article with 20,000 annotations, as
the keys S, C and Delete do: stored in the project (one transaction), the article
re-highlighted, the side panel's table and form, the document list updated, until the article
has painted. Additions alternate speakers and claims (a claim is linked to the nearest speaker
and its cue found). Target: under 20 ms each. Baseline: one frame at 60 Hz (16.7 ms), and
what a bare repaint of the article costs in the same run.
"""

from __future__ import annotations

import itertools
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import corpus, window  # noqa: E402
from bench.timing import Result, arguments, clock, interleaved, median, seconds, spread  # noqa: E402

FRAME = 1 / 60


def main() -> None:
    args = arguments(__doc__.split("\n\n")[0], runs=15)
    cache = corpus.cache_folder(args.cache)
    path = corpus.long_article(cache)
    with tempfile.TemporaryDirectory() as folder:
        copy = corpus.copy_project(path, Path(folder))
        main_window = window.main_window(copy, corpus.ANNOTATOR, Path(folder))
        workbench = main_window.workbench
        workbench.open_document(corpus.LONG_ID)
        watch = window.PaintWatch([main_window.article.viewport()])
        watch.wait()
        text = workbench.text
        count = len(workbench.annotations())
        # Words on the first screen, so the change is painted where the researcher looks.
        words = [m.span() for m in corpus.WORD.finditer(text[:1500])]
        rng = random.Random(1)
        layers = itertools.cycle(["speaker", "claim"])
        # Processor time of each add and delete: on a shared machine wall time also counts
        # the other programs' turns.
        processor: dict[str, list[float]] = {"add": [], "delete": []}

        def timed(kind: str, run) -> float:
            before = time.process_time()
            took = clock(run)
            processor[kind].append(time.process_time() - before)
            return took

        def settle() -> None:
            watch.reset()
            main_window.article.viewport().update()
            watch.wait()
            watch.reset()

        def add() -> float:
            start, end = rng.choice(words)
            layer = next(layers)
            main_window.article.select_span(start, end)
            settle()

            def run() -> None:
                main_window.tag(layer)
                watch.wait()

            took = timed("add", run)
            assert workbench.selected() is not None
            return took

        def delete() -> float:
            settle()

            def run() -> None:
                main_window.delete_selected()
                watch.wait()

            return timed("delete", run)

        def repaint() -> float:
            settle()

            def run() -> None:
                main_window.article.viewport().update()
                watch.wait()

            return clock(run)

        found = interleaved(args.runs, repaint=repaint, add=add, delete=delete)
        assert len(workbench.annotations()) == count
    add_, delete_ = median(found["add"]), median(found["delete"])
    figure = max(add_, delete_)
    Result(
        measure=f"add or delete one annotation among {count:,}",
        target="< 20 ms",
        figure=f"add {seconds(add_)}, delete {seconds(delete_)}",
        baseline=f"{seconds(FRAME)} (60 Hz frame); "
        f"a bare repaint {seconds(median(found['repaint']))}",
        met=figure < 0.020,
        notes=[
            f"add runs: {spread(found['add'])}",
            f"delete runs: {spread(found['delete'])}",
            f"processor time: add {seconds(median(processor['add']))}, "
            f"delete {seconds(median(processor['delete']))}",
        ],
    ).show(args.json)


if __name__ == "__main__":
    main()
