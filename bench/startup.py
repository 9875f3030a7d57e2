"""Cold start of `python main.py` until the window has painted the sample article: a new
Python process each run, offscreen, with the annotator's name already in the settings (a
temporary XDG_CONFIG_HOME) and the default project in a temporary XDG_DATA_HOME (made by a
first, unmeasured start). Target: under 1 s. Baseline: `python -c "import PySide6.QtWidgets"`.

The window is watched from outside the application: this script runs main.py itself (in the
`--child` mode) after wrapping QMainWindow.show so that the first paint of the window prints
the time and quits. Nothing in the application is changed for it.
"""

from __future__ import annotations

import os
import runpy
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.timing import Result, arguments, interleaved, median, seconds, spread  # noqa: E402


def child() -> None:
    """Run main.py as `python main.py` would, and quit after the window's first paint."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                watched.removeEventFilter(self)
                # After this paint has finished: the window is on screen.
                QTimer.singleShot(0, self.done)
            return False

        def done(self) -> None:
            print(f"shown {time.time()!r}", flush=True)
            QApplication.instance().quit()

    watcher = FirstPaint()
    show = QMainWindow.show

    def show_and_watch(window: QMainWindow) -> None:
        window.installEventFilter(watcher)
        show(window)

    QMainWindow.show = show_and_watch
    sys.argv = [str(ROOT / "main.py")]
    try:
        runpy.run_path(str(ROOT / "main.py"), run_name="__main__")
    except SystemExit:
        pass


def environment(folder: Path) -> dict[str, str]:
    env = dict(os.environ)
    config = folder / "config" / "arabic-news-annotator"
    config.mkdir(parents=True, exist_ok=True)
    (config / "arabic-news-annotator.conf").write_text("[General]\nannotator=bench\n")
    env.update(
        XDG_CONFIG_HOME=str(folder / "config"),
        XDG_DATA_HOME=str(folder / "data"),
        XDG_STATE_HOME=str(folder / "state"),
        XDG_CACHE_HOME=str(folder / "cache"),
        QT_QPA_PLATFORM="offscreen",
    )
    return env


def start_window(env: dict[str, str]) -> float:
    began = time.time()
    done = subprocess.run(
        [sys.executable, __file__, "--child"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    shown = [line for line in done.stdout.splitlines() if line.startswith("shown ")]
    if not shown:
        raise RuntimeError(f"the window was not shown:\n{done.stdout}\n{done.stderr}")
    return float(shown[-1].split()[1]) - began


def import_qt(env: dict[str, str]) -> float:
    began = time.time()
    subprocess.run([sys.executable, "-c", "import PySide6.QtWidgets"], env=env, check=True)
    return time.time() - began


def main() -> None:
    if "--child" in sys.argv:
        child()
        return
    args = arguments(__doc__.split("\n\n")[0], runs=7)
    with tempfile.TemporaryDirectory() as folder:
        env = environment(Path(folder))
        first = start_window(env)  # makes the default project with the sample
        found = interleaved(
            args.runs, baseline=lambda: import_qt(env), start=lambda: start_window(env)
        )
    figure, baseline = median(found["start"]), median(found["baseline"])
    Result(
        measure="cold start of `python main.py` to the window shown on the sample",
        target="< 1.0 s",
        figure=seconds(figure),
        baseline=f"{seconds(baseline)} python -c 'import PySide6.QtWidgets'",
        met=figure < 1.0,
        notes=[
            f"first start (makes the default project): {seconds(first)}; "
            f"runs: {spread(found['start'])}"
        ],
    ).show(args.json)


if __name__ == "__main__":
    main()
