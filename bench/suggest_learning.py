"""What the suggestions gain from a project's own annotations: F1 on article B with the rules
alone, and after the researcher annotated article A of the same source.

    python bench/suggest_learning.py [--split dev|heldout] [--by outlet|genre]

Articles come from the composed corpus (bench/data/suggest_corpus/, format and convention in
bench/suggest_corpus.py) and are grouped by outlet (`# outlet:`); when no outlet has two
articles in the part, by genre instead, the closest stand-in for one newsroom's habits (which
grouping was used is printed). In each group the first article (name order) is A, every other
one is a B. For each B, in the same run:

- rules only: a new project holding A and B, `suggest` on B (the baseline);
- after A: the same, with A's reference annotation stored first as the researcher's own work
  (speakers, and claims with their `cue` attribute and speaker link), so the cue words A used
  are in the project's cue list (`annotator.core.arabic.suggest.project_cues`) when `suggest`
  runs on B.

A second section does the same on two articles of one invented outlet whose house style uses
reporting verbs outside the rules' lexicon (أفصح، زاد، استطرد، جزم، علّق), composed for this
bench (bench/data/suggest_learning/, same format; not part of the corpus or its floor): the
case the learning is for.

Measures are those of bench/suggest_score.py (exact and overlap P/R/F1 for speakers and
claims, link accuracy), micro-averaged over every B of the part. A rejected suggestion is
remembered per document, so rejections on A do not change B: only learned cues are measured.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from annotator.core.arabic.suggest import SUGGESTIONS, project_cues, suggest  # noqa: E402
from annotator.core.store.project import Project, TextSource  # noqa: E402
from bench.suggest_corpus import Article, load_corpus  # noqa: E402
from bench.suggest_score import Counts, Found, count, reference  # noqa: E402

RESEARCHER = "researcher"


def groups(articles: Sequence[Article], by: str) -> tuple[str, list[list[Article]]]:
    """Articles of one source together, in name order; `by` "outlet" falls back to genre
    when no outlet has two articles. Returns the grouping used and the groups of two or more."""
    for key in [by] if by == "genre" else ["outlet", "genre"]:
        grouped: dict[str, list[Article]] = defaultdict(list)
        for article in sorted(articles, key=lambda a: a.name):
            grouped[getattr(article, key)].append(article)
        found = [g for g in grouped.values() if len(g) >= 2]
        if found:
            return key, found
    return by, []


def suggestions_for(a: Article, b: Article, learn: bool) -> tuple[list[Found], list[str]]:
    """`suggest` on B in a new project holding A and B, after storing A's reference as the
    researcher's work when `learn`; the suggestions and the project's cue list."""
    with tempfile.TemporaryDirectory() as folder:
        project = Project.create(Path(folder) / "learning.annotator")
        try:
            project.import_texts(
                TextSource(text=x.text, source=f"{x.name}.txt", id=x.name) for x in (a, b)
            )
            if learn:
                _annotate(project, a)
            suggest(project, [b.name])
            cues = [entry.cue for entry in project_cues(project) if entry.used]
            return _read(project, b.name), cues
        finally:
            project.close()


def _annotate(project: Project, article: Article) -> None:
    """Store the article's reference as the researcher's own annotations, in one transaction."""
    with project.atomic():
        made = {}
        for speaker in article.speakers:
            made[speaker.id] = project.add_annotation(
                article.name, RESEARCHER, "speaker", speaker.start, speaker.end
            ).id
        for claim in article.claims:
            attributes = {"kind": claim.kind}
            if claim.cue:
                attributes["cue"] = claim.cue
            project.add_annotation(
                article.name,
                RESEARCHER,
                "claim",
                claim.start,
                claim.end,
                attributes=attributes,
                link_id=made[claim.speaker],
            )


def _read(project: Project, document_id: str) -> list[Found]:
    annotations = project.annotations(document_id, annotator=SUGGESTIONS)
    by_id = {a.id: a for a in annotations}
    found = []
    for a in annotations:
        if a.layer == "speaker":
            found.append(Found("speaker", a.start, a.end))
        elif a.layer == "claim":
            linked = by_id.get(a.link_id) if a.link_id else None
            speaker = (linked.start, linked.end) if linked else None
            found.append(Found("claim", a.start, a.end, speaker, a.attributes.get("cue")))
    return found


def _row(name: str, figures: dict[str, float]) -> str:
    return (
        f"| {name} | {figures['speaker exact F1']:.2f} | {figures['speaker overlap F1']:.2f} "
        f"| {figures['claim exact F1']:.2f} | {figures['claim overlap F1']:.2f} "
        f"| {figures['claim exact R']:.2f} | {figures['links']:.2f} |"
    )


OUTLET_PAIR = ROOT / "bench" / "data" / "suggest_learning"


def section(title: str, articles: Sequence[Article], by: str) -> None:
    """Print the figures of every A → B pair of `articles`, rules only beside learned."""
    grouping, found_groups = groups(articles, by)
    before, after = Counts.zero(), Counts.zero()
    lines = []
    for group in found_groups:
        a, *others = group
        for b in others:
            gold = reference(b)
            rules, _ = suggestions_for(a, b, learn=False)
            learned, cues = suggestions_for(a, b, learn=True)
            one_before, one_after = count(gold, rules), count(gold, learned)
            before.add(one_before)
            after.add(one_after)
            lines.append(
                f"| {a.name} → {b.name} | {one_before.figures()['claim exact F1']:.2f} "
                f"| {one_after.figures()['claim exact F1']:.2f} "
                f"| {one_before.figures()['speaker exact F1']:.2f} "
                f"| {one_after.figures()['speaker exact F1']:.2f} | {len(cues)} |"
            )
    print(f"## {title}: article B before and after annotating article A")
    print(f"(grouped by {grouping}; {len(lines)} pairs)\n")
    print("| suggestions on B | speakers exact F1 | speakers overlap F1 | claims exact F1 "
          "| claims overlap F1 | claims exact R | links |")  # fmt: skip
    print("|---|---|---|---|---|---|---|")
    print(_row("rules only (baseline)", before.figures()))
    print(_row("after annotating A (learned cues)", after.figures()))
    print("\n| A → B | claims exact F1 before | after | speakers exact F1 before | after "
          "| cues in the list |")  # fmt: skip
    print("|---|---|---|---|---|---|")
    print("\n".join(lines) + "\n")


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "heldout"), default="dev")
    parser.add_argument("--by", choices=("outlet", "genre"), default="outlet")
    args = parser.parse_args(list(argv) if argv is not None else None)
    section(f"corpus, {args.split} part", load_corpus(split=args.split), args.by)
    section("one outlet's house style (bench/data/suggest_learning)", load_corpus(OUTLET_PAIR),
            "outlet")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
