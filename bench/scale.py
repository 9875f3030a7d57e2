"""How the window's cost grows with the article: open time, edit time (add or delete one
annotation) and peak memory at 50k, 500k, 2M and 10M characters, for an article in paragraphs
and for the same text as one paragraph (scraped text often has no line breaks), with one
annotation per 25 characters (the usual density: 2,000 on 50,000 characters).

    python bench/scale.py [--sizes 50000 500000] [--shapes paragraphs paragraph]
                          [--runs 3] [--out scale.json] [--plot docs/speed-curve.png]

Each point runs in a new process (its peak memory is its own). Baseline, in the same run: a
bare QPlainTextEdit of the same size given the same text with `setPlainText` (until painted),
also in a new process, its time and peak memory. The shape of each curve is printed as the
slope of a least-squares line through log(size), log(figure): 1.0 is linear, 2.0 quadratic.
`--plot` draws the curves from the JSON the run wrote (or from `--from FILE` without running).
"""

from __future__ import annotations

import argparse
import json
import math
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import corpus  # noqa: E402
from bench.timing import median, seconds  # noqa: E402

SIZES = [50_000, 500_000, 2_000_000, 10_000_000]
SHAPES = ["paragraphs", "paragraph"]
DENSITY = 25  # characters per annotation
MEASURES = ["open", "add", "delete", "peak"]
MB = 1024 * 1024


def article_project(cache: Path, chars: int, shape: str) -> Path:
    """A project with a short note (opened first) and an article of `chars` characters in
    paragraphs or as one paragraph, with one annotation of `bench` per 25 characters."""

    def build(folder: Path) -> None:
        rng = random.Random(chars)
        with corpus.Project.create(folder / "scale.annotator") as project:
            text = corpus.article(rng, chars)[:chars]
            if shape == "paragraph":
                text = text.replace("\n", " ")
            project.import_texts(
                [
                    corpus.TextSource(text=corpus.article(rng, 1500), id="short-note"),
                    corpus.TextSource(text=text, id=corpus.LONG_ID, title="scale"),
                ]
            )
            spans = corpus.annotate(rng, text, chars // DENSITY)
            corpus.store(project, corpus.LONG_ID, corpus.ANNOTATOR, spans)
            project.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    folder = corpus._built(cache, f"scale-{shape}-{chars}", build)
    return folder / "scale.annotator"


def clock(action) -> float:
    """Seconds `action` takes; the processor time it took is added to CPU_TIMES (what the
    process itself did, less sensitive than wall time to other work on a shared machine)."""
    wall, cpu = time.perf_counter(), time.process_time()
    action()
    CPU_TIMES.append(time.process_time() - cpu)
    return time.perf_counter() - wall


CPU_TIMES: list[float] = []


def peak_bytes() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def child_window(path: Path, runs: int) -> dict:
    """Open the article in the main window, then tag and delete words on its first screen."""
    from bench import window

    with tempfile.TemporaryDirectory() as folder:
        copy = corpus.copy_project(path, Path(folder))
        main_window = window.main_window(copy, corpus.ANNOTATOR, Path(folder))
        workbench = main_window.workbench
        article = main_window.article
        watch = window.PaintWatch([article.viewport(), main_window.side_panel.table.viewport()])
        watch.reset()

        def open_article() -> None:
            workbench.open_document(corpus.LONG_ID)
            watch.wait(600)

        opened = clock(open_article)
        opened_cpu = CPU_TIMES.pop()
        text = workbench.text
        # Words on the first screen not tagged exactly already (a duplicate is refused); read
        # from the spans the window holds, so that no annotation is built for it.
        taken = {(s.start, s.end) for s in workbench.columns().overlapping(0, 1500)}
        words = [m.span() for m in corpus.WORD.finditer(text[:1500]) if m.span() not in taken]
        rng = random.Random(1)
        paint = window.PaintWatch([article.viewport()])
        adds, deletes, add_cpu, delete_cpu = [], [], [], []
        for n in range(runs):
            start, end = rng.choice(words)
            article.select_span(start, end)
            paint.reset()
            article.viewport().update()
            paint.wait(600)
            paint.reset()

            def add(layer: str = ("speaker", "claim")[n % 2]) -> None:
                main_window.tag(layer)
                paint.wait(600)

            adds.append(clock(add))
            add_cpu.append(CPU_TIMES.pop())
            assert workbench.selected() is not None
            paint.reset()

            def delete() -> None:
                main_window.delete_selected()
                paint.wait(600)

            deletes.append(clock(delete))
            delete_cpu.append(CPU_TIMES.pop())
        return {
            "open": opened,
            "add": median(adds),
            "delete": median(deletes),
            "cpu": {"open": opened_cpu, "add": median(add_cpu), "delete": median(delete_cpu)},
            "peak": peak_bytes(),
            "annotations": len(workbench.columns()),
            "chars": len(text),
        }


def child_bare(path: Path) -> dict:
    """The baseline: a bare QPlainTextEdit of the window's article size given the text."""
    from PySide6.QtWidgets import QPlainTextEdit

    from annotator.core.store.project import Project
    from bench import window

    window.application()
    with Project.open(path) as project:
        text = project.text(corpus.LONG_ID)
    plain = QPlainTextEdit()
    plain.resize(900, 700)
    plain.show()
    watch = window.PaintWatch([plain.viewport()])
    watch.wait()
    watch.reset()

    def run() -> None:
        plain.setPlainText(text)
        watch.wait(600)

    opened = clock(run)
    return {"open": opened, "cpu": {"open": CPU_TIMES.pop()}, "peak": peak_bytes()}


def measure(kind: str, chars: int, shape: str, runs: int, cache: Path) -> dict:
    command = [sys.executable, __file__, "--child", kind, str(chars), shape]
    command += ["--cache", str(cache), "--runs", str(runs)]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"bench/scale.py: {kind} {shape} {chars}: {done.stderr.strip()[-800:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def slope(points: list[tuple[float, float]]) -> float | None:
    """The slope of the least-squares line through (log x, log y): 1 linear, 2 quadratic."""
    points = [(math.log(x), math.log(y)) for x, y in points if x > 0 and y > 0]
    if len(points) < 2:
        return None
    mean_x = sum(x for x, _ in points) / len(points)
    mean_y = sum(y for _, y in points) / len(points)
    spread_x = sum((x - mean_x) ** 2 for x, _ in points)
    return sum((x - mean_x) * (y - mean_y) for x, y in points) / spread_x


def report(rows: list[dict]) -> str:
    mb = 1024 * 1024
    lines = [
        "| shape | characters | annotations | open | add | delete | peak memory | "
        "bare setPlainText | bare peak |",
        "|---|---|---|---|---|---|---|---|---|",
    ]

    def both(found: dict, name: str) -> str:  # wall time (processor time)
        return f"{seconds(found[name])} ({seconds(found['cpu'][name])})"

    for r in rows:
        w, b = r["window"], r["bare"]
        lines.append(
            f"| {r['shape']} | {r['chars']:,} | {w['annotations']:,} | {both(w, 'open')} | "
            f"{both(w, 'add')} | {both(w, 'delete')} | {w['peak'] / mb:.0f} MB | "
            f"{both(b, 'open')} | {b['peak'] / mb:.0f} MB |"
        )
    lines.append("")
    lines.append(
        "Times are wall clock (this process's processor time in brackets: less swayed by "
        "other work on the machine); add and delete are medians."
    )
    lines.append("")
    lines.append("Shape of each curve (slope of log figure against log characters; 1 = linear):")
    for shape in sorted({r["shape"] for r in rows}):
        mine = [r for r in rows if r["shape"] == shape]
        fits = []
        for name in MEASURES:
            found = slope([(r["chars"], r["window"][name]) for r in mine])
            if found is not None:
                fits.append(f"{name} {found:.2f}")
        for name in ("open", "add", "delete"):
            found = slope([(r["chars"], r["window"]["cpu"][name]) for r in mine])
            if found is not None:
                fits.append(f"{name} (processor) {found:.2f}")
        found = slope([(r["chars"], r["bare"]["open"]) for r in mine])
        if found is not None:
            fits.append(f"bare open {found:.2f}")
        lines.append(f"- {shape}: " + (", ".join(fits) if fits else "one size only"))
    return "\n".join(lines)


def plot(rows: list[dict], path: Path, processor: bool = False) -> None:
    """Open time, edit time and peak memory against characters, log-log, one colour per
    shape; the bare QPlainTextEdit dotted. `processor`: plot processor time, not wall time."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    def time_of(found: dict, name: str) -> float:
        return found["cpu"][name] if processor else found[name]

    clock_name = "processor time" if processor else "wall clock"
    figure, axes = plt.subplots(1, 3, figsize=(13, 4.4))
    shapes = (("paragraphs", "o", "tab:blue"), ("paragraph", "s", "tab:green"))
    for shape, marker, colour in shapes:
        points = sorted((r for r in rows if r["shape"] == shape), key=lambda r: r["chars"])
        if not points:
            continue
        x = [r["chars"] for r in points]
        label = "in paragraphs" if shape == "paragraphs" else "one paragraph"
        style = {"marker": marker, "color": colour}
        axes[0].plot(x, [time_of(r["window"], "open") for r in points], label=label, **style)
        axes[0].plot(
            x,
            [time_of(r["bare"], "open") for r in points],
            linestyle=":",
            label=f"bare QPlainTextEdit, {label}",
            **style,
        )
        for name, line in (("add", "-"), ("delete", "--")):
            axes[1].plot(
                x,
                [time_of(r["window"], name) * 1000 for r in points],
                linestyle=line,
                label=f"{name}, {label}",
                **style,
            )
        axes[2].plot(x, [r["window"]["peak"] / MB for r in points], label=label, **style)
        axes[2].plot(
            x,
            [r["bare"]["peak"] / MB for r in points],
            linestyle=":",
            label=f"bare QPlainTextEdit, {label}",
            **style,
        )
    axes[1].axhline(1000 / 60, color="grey", linewidth=0.8)
    axes[1].annotate(
        "one 60 Hz frame", (0.02, 1000 / 60), xycoords=("axes fraction", "data"), fontsize=8
    )
    titles = (
        f"open the article (s, {clock_name})",
        f"add / delete one annotation (ms, {clock_name})",
        "peak memory (MB)",
    )
    for axis, title in zip(axes, titles, strict=True):
        axis.set_xscale("log")
        axis.set_yscale("log")
        axis.set_xlabel("characters in the article (one annotation per 25)")
        axis.set_title(title, fontsize=10)
        axis.legend(fontsize=7)
        axis.grid(True, which="both", linewidth=0.3)
    figure.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path, dpi=110)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=SIZES)
    parser.add_argument("--shapes", nargs="+", choices=SHAPES, default=SHAPES)
    parser.add_argument("--runs", type=int, default=3, help="edits per point (median)")
    parser.add_argument("--cache", help="folder for generated data (default $BENCH_CACHE)")
    parser.add_argument("--out", help="write the measured points to this JSON file")
    parser.add_argument("--from", dest="source", help="plot points a run wrote, not measure")
    parser.add_argument("--plot", help="draw the curves into this image (PNG)")
    parser.add_argument(
        "--processor", action="store_true", help="plot processor time instead of wall time"
    )
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    cache = corpus.cache_folder(args.cache)
    if args.child:
        kind, chars, shape = args.child[0], int(args.child[1]), args.child[2]
        path = article_project(cache, chars, shape)
        found = child_window(path, args.runs) if kind == "window" else child_bare(path)
        print(json.dumps(found))
        return
    if args.source:
        rows = json.loads(Path(args.source).read_text())
    else:
        rows = []
        for shape in args.shapes:
            for chars in sorted(args.sizes):
                article_project(cache, chars, shape)  # made before the clock
                print(f"bench/scale.py: {shape} {chars:,} …", file=sys.stderr, flush=True)
                bare = measure("bare", chars, shape, args.runs, cache)
                mine = measure("window", chars, shape, args.runs, cache)
                rows.append({"shape": shape, "chars": chars, "window": mine, "bare": bare})
        if args.out:
            Path(args.out).write_text(json.dumps(rows, indent=1))
    print(report(rows))
    if args.plot:
        plot(rows, Path(args.plot), args.processor)


if __name__ == "__main__":
    main()
