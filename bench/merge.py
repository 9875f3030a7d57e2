"""Merge a colleague's project of 100,000 annotations (2,000 articles, 50 annotations each)
into mine (the same articles, 10 annotations each): copying their file, the backup of mine,
and storing their annotations, entities, stances and statuses. Target: under 5 s.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from annotator.core.review.merge import merge  # noqa: E402
from annotator.core.store.project import Project  # noqa: E402
from bench import corpus  # noqa: E402
from bench.timing import Result, arguments, clock, interleaved, median, seconds, spread  # noqa: E402


def main() -> None:
    args = arguments(__doc__.split("\n\n")[0], runs=3)
    cache = corpus.cache_folder(args.cache)
    mine, theirs = corpus.colleague_projects(cache)
    added: list[int] = []
    with tempfile.TemporaryDirectory() as folder:

        def run() -> float:
            with tempfile.TemporaryDirectory(dir=folder) as here:
                with Project.open(corpus.copy_project(mine, Path(here))) as project:
                    return clock(lambda: added.append(merge(project, theirs).annotations_added))

        found = interleaved(args.runs, merge=run)
    figure = median(found["merge"])
    Result(
        measure=f"merge a colleague's project of {added[-1]:,} annotations",
        target="< 5 s",
        figure=seconds(figure),
        baseline="—",
        met=figure < 5,
        notes=[f"runs: {spread(found['merge'])}"],
    ).show(args.json)


if __name__ == "__main__":
    main()
