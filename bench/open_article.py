"""Open a 500,000-character article with 20,000 annotations in the window: the text shown, the
highlights applied and the side panel's table filled, until the article and the table have
painted (offscreen). Target: under 0.5 s. Baseline: `setPlainText` of the same text into a
plain QPlainTextEdit of the same size, until it has painted.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtWidgets import QPlainTextEdit  # noqa: E402

from bench import corpus, window  # noqa: E402
from bench.timing import Result, arguments, clock, interleaved, median, seconds, spread  # noqa: E402


def main() -> None:
    args = arguments(__doc__.split("\n\n")[0], runs=5)
    cache = corpus.cache_folder(args.cache)
    path = corpus.long_article(cache)
    with tempfile.TemporaryDirectory() as folder:
        copy = corpus.copy_project(path, Path(folder))
        main_window = window.main_window(copy, corpus.ANNOTATOR, Path(folder))
        workbench = main_window.workbench
        text = workbench.project.text(corpus.LONG_ID)
        count = len(workbench.project.annotations(corpus.LONG_ID))
        watch = window.PaintWatch(
            [main_window.article.viewport(), main_window.side_panel.table.viewport()]
        )
        plain = QPlainTextEdit()
        plain.resize(main_window.article.size())
        plain.show()
        plain_watch = window.PaintWatch([plain.viewport()])

        def open_long() -> float:
            workbench.open_document("short-note")
            watch.wait()
            watch.reset()

            def run() -> None:
                workbench.open_document(corpus.LONG_ID)
                watch.wait()

            return clock(run)

        def baseline() -> float:
            plain.setPlainText("")
            plain_watch.wait()
            plain_watch.reset()

            def run() -> None:
                plain.setPlainText(text)
                plain_watch.wait()

            return clock(run)

        found = interleaved(args.runs, baseline=baseline, open=open_long)
        shown = main_window.side_panel.model.rowCount()
    figure, base = median(found["open"]), median(found["baseline"])
    Result(
        measure=f"open a {len(text):,}-character article with {count:,} annotations",
        target="< 0.5 s",
        figure=seconds(figure),
        baseline=f"{seconds(base)} plain setPlainText",
        met=figure < 0.5,
        notes=[f"{shown:,} rows in the side panel; runs: {spread(found['open'])}"],
    ).show(args.json)


if __name__ == "__main__":
    main()
