"""Peak memory (resident set) of the window with the 500,000-character article and its 20,000
annotations open, painted offscreen. Target: under 400 MB. Baseline: an empty main window of
the same size in the same kind of process (Qt, the fonts and Python loaded). Each is measured
in a new process.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import corpus  # noqa: E402
from bench.timing import Result, arguments, interleaved, median  # noqa: E402


def child(kind: str, cache: Path) -> None:
    from bench import window

    with tempfile.TemporaryDirectory() as folder:
        if kind == "article":
            copy = corpus.copy_project(corpus.long_article(cache), Path(folder))
            main_window = window.main_window(copy, corpus.ANNOTATOR, Path(folder))
            main_window.workbench.open_document(corpus.LONG_ID)
            watch = window.PaintWatch(
                [main_window.article.viewport(), main_window.side_panel.table.viewport()]
            )
        else:
            from PySide6.QtWidgets import QMainWindow

            window.application()
            main_window = QMainWindow()
            main_window.resize(1280, 800)
            main_window.show()
            watch = window.PaintWatch([main_window])
        watch.wait()
        # Scrolling through the article lays out every block: the worst case.
        if kind == "article":
            bar = main_window.article.verticalScrollBar()
            watch = window.PaintWatch([main_window.article.viewport()])
            for value in range(0, bar.maximum() + 1, max(1, bar.maximum() // 20))[1:]:
                watch.reset()
                bar.setValue(value)
                watch.wait()
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
        print(json.dumps({"peak": peak}))


def measure(kind: str, cache: Path) -> float:
    done = subprocess.run(
        [sys.executable, __file__, "--child", kind, "--cache", str(cache)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])["peak"]


def main() -> None:
    if "--child" in sys.argv:
        kind = sys.argv[sys.argv.index("--child") + 1]
        child(kind, corpus.cache_folder(sys.argv[sys.argv.index("--cache") + 1]))
        return
    args = arguments(__doc__.split("\n\n")[0], runs=3)
    cache = corpus.cache_folder(args.cache)
    corpus.long_article(cache)  # made before the runs
    found = interleaved(
        args.runs,
        baseline=lambda: measure("empty", cache),
        article=lambda: measure("article", cache),
    )
    figure, baseline = median(found["article"]), median(found["baseline"])
    mb = 1024 * 1024
    Result(
        measure="peak memory with the 500,000-character article open",
        target="< 400 MB",
        figure=f"{figure / mb:.0f} MB",
        baseline=f"{baseline / mb:.0f} MB empty window",
        met=figure < 400 * mb,
        notes=[
            "the article scrolled from top to bottom (every block laid out); runs: "
            + ", ".join(f"{v / mb:.0f} MB" for v in found["article"])
        ],
    ).show(args.json)


if __name__ == "__main__":
    main()
