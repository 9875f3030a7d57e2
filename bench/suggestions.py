r"""Score the suggested speakers and claims against the reference annotation in seeds/; with
`--sizes`, time them on long articles instead.

    python bench/suggestions.py [--json]
    python bench/suggestions.py --sizes 50000 500000 2000000 [--runs 3] [--json]

For every seeds/NAME.gold.jsonl beside its NAME.txt, the article is imported into a new
project, `suggest` is run and its speakers and claims are compared with the reference: span
precision, recall and F1, exact (same start and end) and by overlap (one-to-one pairs of
overlapping spans, largest overlap first), and the accuracy of the claim -> speaker links
(of the reference claims that a suggested claim overlaps, the share whose suggested speaker
overlaps the reference speaker). Two settings: a new project that knows no one, and one whose
entities already have the short names the reference uses (as after tagging other articles).
A colleague's annotation of the same article (NAME.colleague.jsonl), scored the same way,
shows what a person achieves.

`--sizes`: for each size, an article of that many characters made of the composed corpus's
articles (bench/data/suggest_corpus/, one after another) is imported into a new project, once
per run, and three things are timed, processor and wall, median of `--runs`: the rules alone
(`Rules.detect`), `suggest` on the document (the rules and storing what they found, as F7 and
`annotator suggest` do) and `suggest` again (replacing the earlier suggestions). Every run
starts with the rules' per-word caches empty (Tashaphyne's analyses, folding), as in a new
process. Baseline in the same run, taken in turn with the measures: a plain regular-expression
pass over the same text (every word, `\w+`). The shape of each curve is printed as the slope
of the least-squares line through (log characters, log seconds): 1.0 linear, 2.0 quadratic.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from annotator.core.arabic import clitics, speech_lexicon  # noqa: E402
from annotator.core.arabic.suggest import SUGGESTIONS, rules, suggest  # noqa: E402
from annotator.core.formats import txt  # noqa: E402
from annotator.core.model import Entity  # noqa: E402
from annotator.core.store.project import Project, TextSource  # noqa: E402
from bench.scale import slope  # noqa: E402
from bench.suggest_corpus import load_corpus  # noqa: E402
from bench.timing import median, seconds  # noqa: E402

SEEDS = ROOT / "seeds"


@dataclass(frozen=True)
class Span:
    id: str
    layer: str
    start: int
    end: int
    speaker: tuple[int, int] | None = None  # a claim's speaker span


def read_jsonl(path: Path) -> list[Span]:
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    by_id = {line["id"]: line for line in lines}
    spans = []
    for line in lines:
        linked = by_id.get(line.get("speaker") or "")
        speaker = (linked["start"], linked["end"]) if linked else None
        spans.append(Span(line["id"], line["layer"], line["start"], line["end"], speaker))
    return spans


def known_entities(reference: Sequence[dict]) -> list[Entity]:
    """The reference's entities, with the short mentions (one or two words) as aliases."""
    aliases: dict[str, set[str]] = defaultdict(set)
    for line in reference:
        if line["layer"] == "speaker" and line.get("entity") and len(line["text"].split()) <= 2:
            aliases[line["entity"]].add(line["text"])
    return [
        Entity(f"bench-{n}", name, aliases=tuple(sorted(names)))
        for n, (name, names) in enumerate(sorted(aliases.items()))
    ]


def suggested(article: Path, entities: Sequence[Entity]) -> list[Span]:
    with tempfile.TemporaryDirectory() as folder:
        project = Project.create(Path(folder) / "bench.annotator")
        try:
            project.import_texts(txt.read_articles([article]))
            for entity in entities:
                project.add_entity(entity)
            document_id = project.documents()[0].id
            suggest(project, [document_id])
            annotations = project.annotations(document_id, annotator=SUGGESTIONS)
        finally:
            project.close()
    by_id = {a.id: a for a in annotations}
    return [
        Span(
            a.id,
            a.layer,
            a.start,
            a.end,
            (by_id[a.link_id].start, by_id[a.link_id].end) if a.link_id in by_id else None,
        )
        for a in annotations
    ]


def pairs(gold: Sequence[Span], found: Sequence[Span]) -> list[tuple[Span, Span]]:
    """One-to-one pairs of overlapping spans, largest overlap first."""
    candidates = sorted(
        (
            (-(min(g.end, f.end) - max(g.start, f.start)), g.start, f.start, g, f)
            for g in gold
            for f in found
            if min(g.end, f.end) > max(g.start, f.start)
        ),
        key=lambda c: c[:3],
    )
    used_g, used_f, paired = set(), set(), []
    for *_, g, f in candidates:
        if g.id not in used_g and f.id not in used_f:
            used_g.add(g.id)
            used_f.add(f.id)
            paired.append((g, f))
    return paired


def prf(true_positives: int, found: int, gold: int) -> dict[str, float]:
    p = true_positives / found if found else 0.0
    r = true_positives / gold if gold else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def score(gold: Sequence[Span], found: Sequence[Span]) -> dict[str, dict[str, float]]:
    figures: dict[str, dict[str, float]] = {}
    for layer in ("speaker", "claim"):
        g = [s for s in gold if s.layer == layer]
        f = [s for s in found if s.layer == layer]
        exact = len({(s.start, s.end) for s in g} & {(s.start, s.end) for s in f})
        figures[f"{layer} exact"] = prf(exact, len(f), len(g))
        figures[f"{layer} overlap"] = prf(len(pairs(g, f)), len(f), len(g))
    claim_pairs = pairs(
        [s for s in gold if s.layer == "claim"], [s for s in found if s.layer == "claim"]
    )

    def linked(g: Span, f: Span, exact: bool) -> bool:
        if g.speaker is None or f.speaker is None:
            return False
        if exact:
            return g.speaker == f.speaker
        return min(g.speaker[1], f.speaker[1]) > max(g.speaker[0], f.speaker[0])

    for exact, name in ((False, "links overlap"), (True, "links exact")):
        right = sum(linked(g, f, exact) for g, f in claim_pairs)
        figures[name] = {"accuracy": right / len(claim_pairs) if claim_pairs else 0.0}
    return figures


# ------------------------------------------------------------------------------ speed


def long_article(chars: int) -> str:
    """About `chars` characters of the composed corpus's articles, one after another."""
    articles = [a.text for a in load_corpus()]
    parts: list[str] = []
    size = 0
    while size < chars:
        parts.append(articles[len(parts) % len(articles)])
        size += len(parts[-1]) + 1
    return "\n".join(parts)[:chars]


def _timed(action) -> tuple[float, float]:
    """(processor, wall) seconds of `action`, the rules' per-word caches emptied first."""
    for cached in (clitics._readings, clitics.segment, speech_lexicon._is_preposition):
        cached.cache_clear()
    cpu, wall = time.process_time(), time.perf_counter()
    action()
    return time.process_time() - cpu, time.perf_counter() - wall


MEASURES = ("rules", "suggest", "suggest again", "regex pass")


def _run(text: str, found: dict[str, list[tuple[float, float]]]) -> tuple[int, int]:
    """One run of every measure, in turn (so all see the same load), on a new project holding
    the article; (speakers, claims) stored."""
    words = re.compile(r"\w+")
    with tempfile.TemporaryDirectory() as folder:
        project = Project.create(Path(folder) / "bench.annotator")
        try:
            project.import_texts([TextSource(text=text, id="long")])
            read = rules(project)
            found["regex pass"].append(_timed(lambda: list(words.finditer(text))))
            found["rules"].append(_timed(lambda: read.detect(text)))
            found["suggest"].append(_timed(lambda: suggest(project, ["long"])))
            found["suggest again"].append(_timed(lambda: suggest(project, ["long"])))
            report = suggest(project, ["long"])
        finally:
            project.close()
    return report.speakers, report.claims


def speed(sizes: Sequence[int], runs: int) -> list[dict]:
    """One row per size: each measure's runs and medians, (processor, wall) seconds."""
    rows = []
    for chars in sizes:
        text = long_article(chars)
        found: dict[str, list[tuple[float, float]]] = {m: [] for m in MEASURES}
        for _ in range(runs):
            speakers, claims = _run(text, found)
        row: dict = {"characters": len(text), "speakers": speakers, "claims": claims}
        for measure, values in found.items():
            row[measure] = {
                "processor": median([cpu for cpu, _ in values]),
                "wall": median([wall for _, wall in values]),
                "runs": values,
            }
        rows.append(row)
    return rows


def show_speed(rows: list[dict]) -> None:
    print("| characters | speakers / claims | " + " | ".join(MEASURES) + " |")
    print("|---|---|" + "---|" * len(MEASURES))
    for row in rows:
        cells = [
            f"{seconds(row[m]['processor'])} ({seconds(row[m]['wall'])} wall)" for m in MEASURES
        ]
        print(
            f"| {row['characters']:,} | {row['speakers']:,} / {row['claims']:,} | "
            + " | ".join(cells)
            + " |"
        )
    print("\nProcessor time, median of the runs (wall time in brackets); regex pass: baseline.")
    print("Shape (slope of log processor seconds against log characters; 1 = linear):")
    for measure in MEASURES:
        fitted = slope([(row["characters"], row[measure]["processor"]) for row in rows])
        print(f"  {measure}: {'—' if fitted is None else f'{fitted:.2f}'}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument(
        "--sizes", type=int, nargs="+", metavar="CHARS", help="time long articles of these sizes"
    )
    parser.add_argument("--runs", type=int, default=3, help="runs per size (default 3)")
    args = parser.parse_args(argv)
    if args.sizes:
        rows = speed(args.sizes, args.runs)
        if args.json:
            print(json.dumps(rows, indent=2))
        else:
            show_speed(rows)
        return 0
    results: dict[str, dict] = {}
    for gold_path in sorted(SEEDS.glob("*.gold.jsonl")):
        name = gold_path.name.split(".")[0]
        article = SEEDS / f"{name}.txt"
        reference = [json.loads(line) for line in gold_path.read_text("utf-8").splitlines()]
        gold = read_jsonl(gold_path)
        runs = {
            "suggestions, new project": suggested(article, []),
            "suggestions, entities known": suggested(article, known_entities(reference)),
        }
        colleague = SEEDS / f"{name}.colleague.jsonl"
        if colleague.exists():
            runs["a colleague (person)"] = read_jsonl(colleague)
        results[name] = {label: score(gold, found) for label, found in runs.items()}
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    for name, runs in results.items():
        print(f"## {name}\n")
        print("| | " + " | ".join(runs) + " |")
        print("|---|" + "---|" * len(runs))
        rows = next(iter(runs.values()))
        for row in rows:
            cells = []
            for figures in runs.values():
                values = figures[row]
                if "accuracy" in values:
                    cells.append(f"{values['accuracy']:.2f}")
                else:
                    p, r, f1 = values["precision"], values["recall"], values["f1"]
                    cells.append(f"P {p:.2f} R {r:.2f} F1 {f1:.2f}")
            print(f"| {row} | " + " | ".join(cells) + " |")
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
