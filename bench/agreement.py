"""Agreement on 10,000 documents × 2 annotators × 50 spans (1,000,000 annotations): span F1,
token kappa and alpha, attribute agreement and the per-document scores, as `annotator
agreement` computes them. Target: under 5 s. No baseline (no other tool computes the same).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from annotator.core.review import agreement  # noqa: E402
from annotator.core.store.project import Project  # noqa: E402
from bench import corpus  # noqa: E402
from bench.timing import Result, arguments, clock, interleaved, median, seconds, spread  # noqa: E402


def main() -> None:
    args = arguments(__doc__.split("\n\n")[0], runs=3)
    cache = corpus.cache_folder(args.cache)
    path = corpus.two_annotators(cache)
    cpu: list[float] = []
    with Project.open(path) as project:
        count = project.annotation_count()
        documents = len(project.documents())

        def compare() -> float:
            # A new project each run: nothing read by an earlier run is reused.
            with Project.open(path) as fresh:
                before = time.process_time()
                took = clock(lambda: agreement.compare(fresh))
                cpu.append(time.process_time() - before)
            return took

        found = interleaved(args.runs, agreement=compare)
    figure = median(found["agreement"])
    Result(
        measure=f"agreement on {documents:,} documents × 2 annotators ({count:,} annotations)",
        target="< 5 s",
        figure=seconds(figure),
        baseline="—",
        met=figure < 5,
        notes=[f"runs: {spread(found['agreement'])}; CPU {seconds(median(cpu))}"],
    ).show(args.json)


if __name__ == "__main__":
    main()
