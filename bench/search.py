"""Search 10,000 articles for a word in any spelling (ignoring tashkeel, tatweel, hamza forms…),
as the find bar's "All documents" and `annotator search` do, once the folded texts are kept
(the first search of a session folds them: shown in the notes). Target: under 0.5 s per query.
Baseline: `re.finditer` of the query as typed over the raw texts (no spelling variants).
"""

from __future__ import annotations

import re
import sys
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from annotator.core.arabic.search import SearchIndex, SearchOptions  # noqa: E402
from annotator.core.store.project import Project  # noqa: E402
from bench import corpus  # noqa: E402
from bench.timing import Result, arguments, clock, interleaved, median, seconds, spread  # noqa: E402

QUERIES = [
    ("اكد", SearchOptions()),
    ("الحكومة", SearchOptions()),
    ("مفاوضات", SearchOptions(article=True, proclitics=True)),
]


def main() -> None:
    args = arguments(__doc__.split("\n\n")[0], runs=5)
    cache = corpus.cache_folder(args.cache)
    path = corpus.archive_project(cache)
    hits: dict[str, int] = {}
    with Project.open(path) as project:
        documents = project.documents()
        texts = "\n".join(project.text(d.id) for d in documents)
        index = SearchIndex(project)
        first = clock(lambda: index.search(QUERIES[0][0], QUERIES[0][1]))

        def one(query: str, options: SearchOptions) -> None:
            hits[query] = len(index.search(query, options))

        def search() -> float:
            return median([clock(partial(one, query, options)) for query, options in QUERIES])

        def plain(query: str) -> None:
            sum(1 for _ in re.finditer(query, texts))

        def raw() -> float:
            return median([clock(partial(plain, query)) for query, _ in QUERIES])

        found = interleaved(args.runs, baseline=raw, search=search)
    figure, baseline = median(found["search"]), median(found["baseline"])
    Result(
        measure=f"search {len(documents):,} articles",
        target="< 0.5 s",
        figure=seconds(figure),
        baseline=f"{seconds(baseline)} re.finditer over the raw texts",
        met=figure < 0.5,
        notes=[
            "hits: " + ", ".join(f"«{q}» {n:,}" for q, n in hits.items()),
            f"first search of a session (folds every text): {seconds(first)}; "
            f"runs: {spread(found['search'])}",
        ],
    ).show(args.json)


if __name__ == "__main__":
    main()
