"""Team sync through PostgreSQL on loopback: the first `join` of a project of 10,000 articles
and 100,000 annotations (baseline: copying and opening the project file, as a team passing
files does); one incremental sync of a single edit, pushed and pulled (target < 100 ms;
baseline: a sync with nothing to send or take); and a simulated day of 20 annotators each
tagging and syncing every hour (baseline: the same day with no sync at all).

The server is $ANNOTATOR_TEST_PG (a superuser's libpq URL) or a throwaway cluster made with
the installed PostgreSQL binaries (tests/pg_cluster.py).
"""

from __future__ import annotations

import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from pg_cluster import running_cluster  # noqa: E402

from annotator.core.store.project import Project  # noqa: E402
from annotator.core.sync import exchange, server  # noqa: E402
from bench import corpus  # noqa: E402
from bench.timing import Result, arguments, clock, median, seconds, spread  # noqa: E402


def team_project(cache: Path, count: int, per_article: int) -> Path:
    """`count` archive articles with `per_article` annotations each by `coder`."""
    source = corpus.archive(cache, count)

    def build(folder: Path) -> None:
        rng = random.Random(18)
        with Project.create(folder / "team.annotator") as project:
            items = corpus._read_archive(source)
            project.import_texts(items)
            work = [(i.id, "coder", corpus.annotate(rng, i.text, per_article)) for i in items]
            for start in range(0, len(work), 2000):
                corpus.store_many(project, work[start : start + 2000])
            project.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    folder = corpus._built(cache, f"team-{count}-{per_article}", build)
    return folder / "team.annotator"


def member_url(cluster, owner: str, name: str) -> str:
    from psycopg.conninfo import conninfo_to_dict

    return cluster.url(conninfo_to_dict(owner)["dbname"], name)


def main() -> None:
    args = arguments(__doc__.split("\n\n")[0], runs=15)
    cache = corpus.cache_folder(args.cache)
    articles, per_article = 10_000, 10
    path = team_project(cache, articles, per_article)
    results = []
    with running_cluster() as cluster, tempfile.TemporaryDirectory() as folder:
        here = Path(folder)
        owner = cluster.new_database()
        server.init(owner)
        for name in ("amal", "bilal"):
            server.add_member(owner, name, "annotator")
        with Project.open(path) as start:
            shared = clock(lambda: exchange.share(start, owner))

        def join(name: str) -> Project:
            return exchange.join(member_url(cluster, owner, name), name, here / name)[0]

        began = time.perf_counter()
        amal = join("amal")
        first_join = time.perf_counter() - began
        bilal = join("bilal")

        def copy_open() -> float:
            target = here / "copy.annotator"
            began = time.perf_counter()
            shutil.copy(path, target)
            Project.open(target).close()
            took = time.perf_counter() - began
            target.unlink()
            return took

        copied = copy_open()
        results.append(
            Result(
                measure=f"first join of {articles:,} articles, "
                f"{amal.annotation_count():,} annotations",
                target="—",
                figure=seconds(first_join),
                baseline=f"{seconds(copied)} (copy and open the file)",
                met=None,
                notes=[f"share (owner's upload): {seconds(shared)}"],
            )
        )
        # One edit, pushed by its annotator and pulled by a colleague.
        document = amal.documents()[123].id
        spans = []
        for n in range(args.runs):
            spans.append(amal.add_annotation(document, "amal", "speaker", n, n + 1).id)
        exchange.sync(amal)
        exchange.sync(bilal)
        pushes, pulls, idle = [], [], []
        for n, annotation_id in enumerate(spans):
            role = "person" if n % 2 else "other"
            amal.update_annotation(annotation_id, attributes={"role": role})
            pushes.append(clock(lambda: exchange.sync(amal)))
            pulls.append(clock(lambda: exchange.sync(bilal)))
            idle.append(clock(lambda: exchange.sync(bilal)))
        figure = median(pushes) + median(pulls)
        results.append(
            Result(
                measure="incremental sync of one edit (push + colleague's pull)",
                target="< 100 ms",
                figure=seconds(figure),
                baseline=f"{seconds(median(idle))} (a sync with nothing to do)",
                met=figure < 0.1,
                notes=[f"push: {spread(pushes)}", f"pull: {spread(pulls)}"],
            )
        )
        amal.close()
        bilal.close()
        results.append(day_of_twenty(cluster, here))
    for result in results:
        result.show(args.json)


def day_of_twenty(cluster, here: Path) -> Result:
    """20 annotators on 400 articles (20 each, assigned), 8 hours: each hour every annotator
    tags 40 spans and marks a document done, then syncs. The day's work: 6,400 annotations."""
    cache = here / "day"
    cache.mkdir()
    owner = cluster.new_database()
    server.init(owner)
    source = corpus.archive(corpus.cache_folder(None), 10_000)
    items = corpus._read_archive(source)[:400]
    with Project.create(cache / "start.annotator") as start:
        start.import_texts(items)
        exchange.share(start, owner)
    names = [f"coder{n:02d}" for n in range(20)]
    projects = {}
    for name in names:
        server.add_member(owner, name, "annotator")
        projects[name] = exchange.join(member_url(cluster, owner, name), name, cache / name)[0]
    rng = random.Random(20)
    syncs: list[float] = []
    work_time = 0.0
    for hour in range(8):
        for index, name in enumerate(names):
            project = projects[name]
            began = time.perf_counter()
            document = items[index * 20 + hour].id
            text = project.text(document)
            for span in corpus.annotate(rng, text, 40)[:40]:
                try:
                    project.add_annotation(document, name, "speaker", span.start, span.end)
                except Exception:  # noqa: BLE001 - a span tagged twice: the day goes on
                    continue
            project.set_status(document, name, "done")
            work_time += time.perf_counter() - began
            syncs.append(clock(lambda p=project: exchange.sync(p)))
    for project in projects.values():
        exchange.sync(project)
    counts = {p.annotation_count() for p in projects.values()}
    total = sum(syncs)
    for project in projects.values():
        project.close()
    return Result(
        measure="a day of 20 annotators, 160 syncs (8 per annotator)",
        target="—",
        figure=f"{seconds(total)} of syncing in all",
        baseline=f"{seconds(work_time)} of tagging (no sync)",
        met=None,
        notes=[
            f"per sync: median {seconds(statistics.median(syncs))}, max {seconds(max(syncs))}",
            f"annotations on every copy at the end: {sorted(counts)}",
        ],
    )


if __name__ == "__main__":
    main()
