"""What an edit in one window costs another window open on the same project: two main windows
offscreen on a copy of a project, window A tags a span, window B's timed refresh shows it.

Printed beside the baseline measured in the same run (interleaved rounds): B's full refresh
(the whole document list with counts and statuses, and the open document read again), which
is what every change elsewhere cost before `elsewhere.changes_since`.

    python bench/refresh_elsewhere.py --project many.annotator --runs 5
    python bench/refresh_elsewhere.py --documents 10000     # a generated project (cached)
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402

from annotator.core.store import backup  # noqa: E402
from bench import corpus  # noqa: E402
from bench.timing import median, seconds  # noqa: E402
from bench.window import main_window  # noqa: E402

ANNOTATOR = "bench"


def first_word(text: str, skip: int) -> tuple[int, int]:
    """The span of the `skip`-th word of a text (words split at spaces)."""
    start = 0
    for _ in range(skip):
        start = text.index(" ", start) + 1
    end = text.find(" ", start)
    return start, end if end > start else len(text)


def measure(action) -> tuple[float, float]:
    """Processor and wall seconds of `action`."""
    processor, wall = time.process_time(), time.perf_counter()
    action()
    return time.process_time() - processor, time.perf_counter() - wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--project", help="a project file (copied; never written)")
    parser.add_argument("--documents", type=int, default=10_000, help="else generate this many")
    parser.add_argument("--cache", help="folder for generated data (default $BENCH_CACHE)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--annotator", default=ANNOTATOR, help="whose list the windows show")
    args = parser.parse_args()
    # No rolling backup copy on a thread of this process during the measures.
    backup.EVERY_MINUTES = 10**9
    folder = Path(tempfile.mkdtemp(prefix="refresh-bench-"))
    try:
        if args.project:
            source = Path(args.project)
        else:
            source = corpus.archive_project(corpus.cache_folder(args.cache), args.documents)
        path = folder / "project.annotator"
        shutil.copy(source, path)
        for name in ("a", "b"):
            (folder / name).mkdir()
        a = main_window(path, args.annotator, folder / "a")
        b = main_window(path, args.annotator, folder / "b")
        for window in (a, b):
            # A large project is checked in the background first; edits wait for it.
            deadline = time.monotonic() + 600
            while window.workbench.project.structure != "ok" and time.monotonic() < deadline:
                QApplication.processEvents()
                time.sleep(0.05)
        ids = [b.documents.model.document_id(row) for row in range(b.documents.model.rowCount())]
        b.workbench.open_document(ids[0])
        b.refresh()
        found: dict[str, list[tuple[float, float]]] = {
            "new: tag elsewhere, B shows it": [],
            "old: B's full refresh": [],
            "new: tag in B's open document": [],
        }
        nth = 1

        def tag_elsewhere(document_id: str) -> None:
            """A tags a word of the document that is not tagged yet."""
            nonlocal nth
            a.workbench.open_document(document_id)
            for _ in range(40):
                start, end = first_word(a.workbench.text, nth % 40)
                nth += 1
                if a.workbench.tag("speaker", start, end) is not None:
                    return
            message = a.statusBar().currentMessage()
            raise SystemExit(f"no tag could be made in {document_id}: {message}")

        for run in range(args.runs):
            tag_elsewhere(ids[1 + 2 * run])
            found["new: tag elsewhere, B shows it"].append(
                measure(lambda: b.refresh_if_changed_elsewhere())
            )
            tag_elsewhere(ids[2 + 2 * run])
            b._data_version = b._read_data_version()  # the old poll: its full refresh
            found["old: B's full refresh"].append(measure(b.refresh))
            tag_elsewhere(ids[0])
            found["new: tag in B's open document"].append(
                measure(lambda: b.refresh_if_changed_elsewhere())
            )
        print(f"{len(ids):,} documents; load average {os.getloadavg()[0]:.2f}")
        base = median([p for p, _ in found["old: B's full refresh"]])
        for name, values in found.items():
            processor = median([p for p, _ in values])
            wall = median([w for _, w in values])
            print(
                f"  {name:34} {seconds(processor):>9} processor  {seconds(wall):>9} wall"
                f"  (x{base / processor:.0f} less processor than the full refresh)"
                if not name.startswith("old")
                else f"  {name:34} {seconds(processor):>9} processor  {seconds(wall):>9} wall"
            )
        for window in (a, b):
            project = window.workbench.project
            window.close()
            project.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
