"""Import 10,000 articles (a 30 MB JSON Lines archive) into a new project, as `annotator
import` does: read, decode and check the file, then store every article in one transaction.

Target: under 10 s, and at least half the speed of raw sqlite3 `executemany` of the same rows
(id, title, text, SHA-256, source, time, metadata), into a file with the project's tables and
journal settings (WAL, synchronous FULL), in one transaction. The rows have to come from the
file, so the baseline reads it as plainly as Python can (json.loads per line, SHA-256 of each
text) and hands them to executemany; executemany alone, of rows already in memory, is shown
as well.
"""

from __future__ import annotations

import hashlib
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from annotator.core.formats.articles import import_batch, read_articles  # noqa: E402
from annotator.core.store.project import Project  # noqa: E402
from bench import corpus  # noqa: E402
from bench.timing import Result, arguments, clock, interleaved, median, seconds, spread  # noqa: E402

INSERT = (
    "INSERT INTO documents (id, title, text, sha256, source, imported_at, metadata) "
    "VALUES (?, ?, ?, ?, ?, ?, ?)"
)


def in_the_window(source: Path, project_path: Path) -> tuple[float, float, int]:
    """The same import as File ▸ Import runs it (a worker thread, a progress dialog): how long
    it takes, the longest pause of the window's event loop meanwhile (a frozen window would
    show as one long pause), and how many different values the progress bar showed."""
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QWidget

    from annotator.gui.import_dialog import ImportRun
    from bench import window

    window.application()
    parent = QWidget()
    parent.resize(900, 600)
    parent.show()
    ticks: list[float] = []
    shown: set[int] = set()
    loop = QEventLoop()
    began = time.perf_counter()
    run = ImportRun(parent, project_path, [str(source)])

    def tick() -> None:
        ticks.append(time.perf_counter())
        shown.add(run.dialog.value())

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(tick)
    timer.start()
    run.done.connect(lambda _outcome: loop.quit())
    loop.exec()
    took = time.perf_counter() - began
    timer.stop()
    pauses = [b - a for a, b in zip([began, *ticks], ticks, strict=False)]
    return took, max(pauses, default=took), len(shown)


def main() -> None:
    args = arguments(__doc__.split("\n\n")[0], runs=3)
    cache = corpus.cache_folder(args.cache)
    source = corpus.archive(cache)
    rows = corpus.raw_rows(cache)
    added: list[int] = []
    with tempfile.TemporaryDirectory() as folder:
        counter = iter(range(10**6))

        def fresh(name: str) -> Path:
            return Path(folder) / f"{name}-{next(counter)}.annotator"

        def ours() -> float:
            project = Project.create(fresh("ours"))
            try:

                def run() -> None:
                    batch = read_articles([source])
                    added.append(len(import_batch(project, batch).report.added))

                return clock(run)
            finally:
                project.close()

        def insert_only() -> float:
            conn = corpus.raw_database(fresh("raw"))
            try:

                def run() -> None:
                    conn.execute("BEGIN")
                    conn.executemany(INSERT, rows)
                    conn.execute("COMMIT")

                return clock(run)
            finally:
                conn.close()

        def raw() -> float:
            conn = corpus.raw_database(fresh("minimal"))
            try:

                def run() -> None:
                    with open(source, encoding="utf-8") as lines:
                        records = map(json.loads, lines)
                        conn.execute("BEGIN")
                        conn.executemany(
                            INSERT,
                            (
                                (
                                    r["id"],
                                    r["title"],
                                    r["text"],
                                    hashlib.sha256(r["text"].encode()).hexdigest(),
                                    source.name,
                                    "2024-06-01T12:00:00+00:00",
                                    "{}",
                                )
                                for r in records
                            ),
                        )
                        conn.execute("COMMIT")

                return clock(run)
            finally:
                conn.close()

        found = interleaved(args.runs, baseline=raw, import_=ours, insert=insert_only)
        target = fresh("window")
        Project.create(target).close()
        window_time, pause, bar = in_the_window(source, target)
    figure, baseline = median(found["import_"]), median(found["baseline"])
    size = source.stat().st_size
    Result(
        measure=f"import {added[-1]:,} articles ({size / 1e6:.0f} MB JSON Lines)",
        target="< 10 s and ≥ ½ raw speed",
        figure=seconds(figure),
        baseline=f"{seconds(baseline)} raw json.loads + sqlite3 executemany "
        f"(×{figure / baseline:.2f}); executemany alone {seconds(median(found['insert']))}",
        met=figure < 10 and figure <= 2 * baseline,
        notes=[
            f"runs: {spread(found['import_'])}; baseline runs: {spread(found['baseline'])}",
            f"in the window (File ▸ Import, worker thread): {seconds(window_time)}; the event "
            f"loop's longest pause {seconds(pause)}; the progress bar showed {bar} values",
        ],
    ).show(args.json)


if __name__ == "__main__":
    main()
