"""Score the suggested speakers and claims against the reference annotation in seeds/.

    python bench/suggestions.py [--json]

For every seeds/NAME.gold.jsonl beside its NAME.txt, the article is imported into a new
project, `suggest` is run and its speakers and claims are compared with the reference: span
precision, recall and F1, exact (same start and end) and by overlap (one-to-one pairs of
overlapping spans, largest overlap first), and the accuracy of the claim -> speaker links
(of the reference claims that a suggested claim overlaps, the share whose suggested speaker
overlaps the reference speaker). Two settings: a new project that knows no one, and one whose
entities already have the short names the reference uses (as after tagging other articles).
A colleague's annotation of the same article (NAME.colleague.jsonl), scored the same way,
shows what a person achieves.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from annotator.core.arabic.suggest import SUGGESTIONS, suggest  # noqa: E402
from annotator.core.formats import txt  # noqa: E402
from annotator.core.model import Entity  # noqa: E402
from annotator.core.store.project import Project  # noqa: E402

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


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print JSON")
    args = parser.parse_args(argv)
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
