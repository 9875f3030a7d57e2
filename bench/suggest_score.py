"""Score the suggestion rules on the development corpus (bench/data/suggest_corpus/).

    python bench/suggest_score.py [--split dev|heldout] [--json] [--articles] [--diff NAME ...]
    python bench/suggest_score.py --errors [--layer speaker|claim]

`--diff NAME` lists one article's reference and suggested spans: `=` found exactly, `~` found
with other boundaries, `-` missed, `+` suggested but not in the reference (claims with their
speaker after `<-`). `--errors` lists, in that form, only the spans that are not found exactly
in every article of the DEVELOPMENT part (the held-out part is scored, never listed, so that
its figures stay an estimate of unseen text); `--layer` keeps one layer.

Every article is imported into one new project and `annotator.core.arabic.suggest.suggest`
(what `annotator suggest` runs) stores its suggestions; they are compared with the reference
annotation of the corpus (format and convention: bench/suggest_corpus.py), per genre and over
all articles of a part (micro-averaged: counts are summed before dividing), the development
part and the held-out part apart.

Measures, for speaker mentions and for claims separately:
- exact: a suggestion is right when a reference span has the same start and end.
  P = right / suggested, R = right / reference, F1 = 2PR / (P + R).
- overlap: suggestions and reference spans are paired one to one, overlapping pairs only,
  the largest overlap (in code points) first; P, R, F1 as above with the pairs as right.
- link accuracy: of the reference claims paired by overlap with a suggested claim, the share
  whose suggested speaker mention overlaps the reference claim's speaker mention (a suggested
  claim without a speaker counts as wrong). `links exact` asks for the same span instead.
- cue accuracy: of the same pairs, the share whose suggested cue has the reference cue's
  first word (compared folded: no tashkeel, hamza forms of alef as ا, ة/ى as ه/ي).

The baseline, measured in the same run, proposes every top-level quotation as a claim with no
speaker (what quotation marks alone give). The goal is issue 16's, for unseen real news.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from annotator.core.arabic.reported_speech import quotations  # noqa: E402
from annotator.core.arabic.search import SearchOptions, fold  # noqa: E402
from annotator.core.arabic.suggest import SUGGESTIONS, suggest  # noqa: E402
from annotator.core.store.project import Project, TextSource  # noqa: E402
from bench.suggest_corpus import CORPUS, Article, load_corpus  # noqa: E402

GOAL = {
    "speaker exact F1": 0.75,
    "claim exact F1": 0.75,
    "speaker overlap F1": 0.90,
    "claim overlap F1": 0.90,
    "links": 0.90,
}


@dataclass(frozen=True)
class Found:
    """One span, reference or suggested: layer 'speaker' or 'claim', [start, end) in code
    points; a claim has its speaker's span (or None) and its cue."""

    layer: str
    start: int
    end: int
    speaker: tuple[int, int] | None = None
    cue: str | None = None


@dataclass
class Counts:
    """Summed counts; `figures()` turns them into P/R/F1 and accuracies."""

    gold: dict[str, int]
    found: dict[str, int]
    exact: dict[str, int]
    overlap: dict[str, int]
    paired_claims: int = 0
    links: int = 0
    links_exact: int = 0
    cues: int = 0

    @classmethod
    def zero(cls) -> Counts:
        layers = ("speaker", "claim")
        return cls(*({layer: 0 for layer in layers} for _ in range(4)))

    def add(self, other: Counts) -> None:
        for name in ("gold", "found", "exact", "overlap"):
            mine, theirs = getattr(self, name), getattr(other, name)
            for layer in mine:
                mine[layer] += theirs[layer]
        self.paired_claims += other.paired_claims
        self.links += other.links
        self.links_exact += other.links_exact
        self.cues += other.cues

    def figures(self) -> dict[str, float]:
        """measure -> value: 'speaker exact P' ... 'claim overlap F1', 'links', 'links exact',
        'cues', and the counts 'speaker gold', 'claim gold'."""
        out: dict[str, float] = {}
        for layer in ("speaker", "claim"):
            for how in ("exact", "overlap"):
                right = getattr(self, how)[layer]
                p = right / self.found[layer] if self.found[layer] else 0.0
                r = right / self.gold[layer] if self.gold[layer] else 0.0
                out[f"{layer} {how} P"] = p
                out[f"{layer} {how} R"] = r
                out[f"{layer} {how} F1"] = 2 * p * r / (p + r) if p + r else 0.0
            out[f"{layer} gold"] = self.gold[layer]
        paired = self.paired_claims
        out["links"] = self.links / paired if paired else 0.0
        out["links exact"] = self.links_exact / paired if paired else 0.0
        out["cues"] = self.cues / paired if paired else 0.0
        return out


def reference(article: Article) -> list[Found]:
    spans = {s.id: (s.start, s.end) for s in article.speakers}
    out = [Found("speaker", s.start, s.end) for s in article.speakers]
    out += [Found("claim", c.start, c.end, spans[c.speaker], c.cue) for c in article.claims]
    return out


def suggested(articles: Sequence[Article]) -> dict[str, list[Found]]:
    """Article name -> the suggestions `suggest` stores for it, in a new temporary project."""
    with tempfile.TemporaryDirectory() as folder:
        project = Project.create(Path(folder) / "suggest-score.annotator")
        try:
            project.import_texts(
                TextSource(text=a.text, source=f"{a.name}.txt", id=a.name) for a in articles
            )
            for article in articles:
                if project.text(article.name) != article.text:
                    raise RuntimeError(f"{article.name}: the project changed the article's text")
            suggest(project, [a.name for a in articles])
            speaker_layer, claim_layer = _layers(project)
            out = {}
            for article in articles:
                annotations = project.annotations(article.name, annotator=SUGGESTIONS)
                by_id = {a.id: a for a in annotations}
                found = []
                for a in annotations:
                    if a.layer == speaker_layer:
                        found.append(Found("speaker", a.start, a.end))
                    elif a.layer == claim_layer:
                        linked = by_id.get(a.link_id) if a.link_id else None
                        speaker = (linked.start, linked.end) if linked else None
                        found.append(
                            Found("claim", a.start, a.end, speaker, a.attributes.get("cue"))
                        )
                out[article.name] = found
        finally:
            project.close()
    return out


def quotation_baseline(articles: Sequence[Article]) -> dict[str, list[Found]]:
    """Every top-level quotation as a claim without a speaker."""
    return {
        a.name: [Found("claim", s, e) for s, e, level in quotations(a.text) if level == 0]
        for a in articles
    }


def _layers(project: Project) -> tuple[str, str]:
    for layer in project.schema.layers:
        link = layer.attribute_of_type("link")
        if link is not None:
            return link.layer, layer.name
    raise RuntimeError("the default schema has no claim layer linking to speakers")


def pairs(gold: Sequence[Found], found: Sequence[Found]) -> list[tuple[Found, Found]]:
    """One-to-one pairs of overlapping spans, the largest overlap first (ties: reading order)."""
    candidates = sorted(
        (
            (-(min(g.end, f.end) - max(g.start, f.start)), g.start, f.start, i, j)
            for i, g in enumerate(gold)
            for j, f in enumerate(found)
            if min(g.end, f.end) > max(g.start, f.start)
        ),
    )
    used_g: set[int] = set()
    used_f: set[int] = set()
    paired = []
    for *_, i, j in candidates:
        if i not in used_g and j not in used_f:
            used_g.add(i)
            used_f.add(j)
            paired.append((gold[i], found[j]))
    return paired


_FOLD = SearchOptions(case=True)


def _first_word(cue: str | None) -> str:
    words = fold(cue or "", _FOLD).split()
    return words[0].strip("ًٌٍ") if words else ""


def count(gold: Sequence[Found], found: Sequence[Found]) -> Counts:
    counts = Counts.zero()
    for layer in ("speaker", "claim"):
        g = [s for s in gold if s.layer == layer]
        f = [s for s in found if s.layer == layer]
        counts.gold[layer] = len(g)
        counts.found[layer] = len(f)
        counts.exact[layer] = len({(s.start, s.end) for s in g} & {(s.start, s.end) for s in f})
        counts.overlap[layer] = len(pairs(g, f))
    claim_pairs = pairs(
        [s for s in gold if s.layer == "claim"], [s for s in found if s.layer == "claim"]
    )
    counts.paired_claims = len(claim_pairs)
    for g, f in claim_pairs:
        if g.speaker and f.speaker:
            counts.links += min(g.speaker[1], f.speaker[1]) > max(g.speaker[0], f.speaker[0])
            counts.links_exact += g.speaker == f.speaker
        counts.cues += bool(g.cue) and _first_word(g.cue) == _first_word(f.cue)
    return counts


@dataclass(frozen=True)
class Report:
    """Figures of one part: by genre, overall, and by article."""

    by_genre: dict[str, dict[str, float]]
    overall: dict[str, float]
    by_article: dict[str, dict[str, float]]


def score(
    articles: Sequence[Article],
    run: Callable[[Sequence[Article]], dict[str, list[Found]]] = suggested,
) -> Report:
    """Score `run` (default: the project's suggestion rules) on the articles."""
    found = run(articles)
    by_genre: dict[str, Counts] = defaultdict(Counts.zero)
    overall = Counts.zero()
    by_article = {}
    for article in articles:
        counts = count(reference(article), found[article.name])
        by_genre[article.genre].add(counts)
        overall.add(counts)
        by_article[article.name] = counts.figures()
    return Report(
        {genre: c.figures() for genre, c in sorted(by_genre.items())},
        overall.figures(),
        by_article,
    )


def quality(split: str = "dev") -> dict[str, float]:
    """The overall figures of the rules on one part of the corpus (for the CI floor)."""
    return score(load_corpus(split=split)).overall


# ---------------------------------------------------------------------------------- printing

_COLUMNS = (
    ("speakers exact", "speaker exact"),
    ("speakers overlap", "speaker overlap"),
    ("claims exact", "claim exact"),
    ("claims overlap", "claim overlap"),
)


def _row(name: str, figures: dict[str, float]) -> str:
    cells = [name, f"{figures['speaker gold']:.0f}/{figures['claim gold']:.0f}"]
    for _, key in _COLUMNS:
        p, r, f1 = (figures[f"{key} {m}"] for m in ("P", "R", "F1"))
        cells.append(f"{p:.2f} {r:.2f} **{f1:.2f}**")
    cells += [f"{figures['links']:.2f}", f"{figures['links exact']:.2f}", f"{figures['cues']:.2f}"]
    return "| " + " | ".join(cells) + " |"


def table(title: str, report: Report, baseline: Report | None, articles: bool) -> str:
    head = ["genre", "speakers/claims"] + [f"{c} P R F1" for c, _ in _COLUMNS]
    head += ["links", "links exact", "cues"]
    lines = [f"## {title}", "", "| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += [_row(genre, figures) for genre, figures in report.by_genre.items()]
    lines.append(_row("**all**", report.overall))
    if baseline is not None:
        lines.append(_row("baseline: quotations only", baseline.overall))
    goal = ["goal (issue 16, unseen news)", ""]
    goal += [f"F1 ≥ {GOAL[key + ' F1']:.2f}" for _, key in _COLUMNS]
    goal += [f"≥ {GOAL['links']:.2f}", "", ""]
    lines.append("| " + " | ".join(goal) + " |")
    if articles:
        lines += ["", "| article | speakers/claims | " + " | ".join(head[2:]) + " |"]
        lines.append("|" + "---|" * len(head))
        lines += [_row(name, figures) for name, figures in report.by_article.items()]
    return "\n".join(lines)


def diff(
    article: Article,
    found: Sequence[Found] | None = None,
    errors_only: bool = False,
    layers: Sequence[str] = ("speaker", "claim"),
) -> str:
    """The reference and suggested spans of one article, matched as the scores match them
    (`found`: the suggestions, made here when None); `errors_only` leaves out the `=` lines."""
    if found is None:
        found = suggested([article])[article.name]
    gold = reference(article)
    text = article.text

    def show(span: Found) -> str:
        out = text[span.start : span.end].replace("\n", " / ")
        if span.layer == "claim":
            who = text[span.speaker[0] : span.speaker[1]] if span.speaker else "?"
            out += f"  <- {who} [{span.cue or ''}]"
        return out

    lines = [f"## {article.name} ({article.genre}, {article.split})"]
    for layer in layers:
        g = [s for s in gold if s.layer == layer]
        f = [s for s in found if s.layer == layer]
        paired = dict((id(a), b) for a, b in pairs(g, f))
        taken = {id(b) for b in paired.values()}
        lines.append(f"{layer}s:")
        for span in g:
            other = paired.get(id(span))
            if other is None:
                lines.append(f"  - {show(span)}")
            elif (other.start, other.end) == (span.start, span.end):
                if not errors_only:
                    lines.append(f"  = {show(span)}")
            else:
                lines.append(f"  ~ {show(span)}\n      got {show(other)}")
        lines += [f"  + {show(span)}" for span in f if id(span) not in taken]
    return "\n".join(lines)


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "heldout"), help="one part only")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--articles", action="store_true", help="also a row per article")
    parser.add_argument("--diff", nargs="+", metavar="NAME", help="one article's spans")
    parser.add_argument(
        "--errors", action="store_true", help="the development part's inexact spans"
    )
    parser.add_argument("--layer", choices=("speaker", "claim"), help="with --errors: one layer")
    args = parser.parse_args(list(argv) if argv is not None else None)
    if args.errors:
        if args.split == "heldout":
            parser.error("--errors lists the development part only")
        articles = load_corpus(split="dev")
        found = suggested(articles)
        layers = (args.layer,) if args.layer else ("speaker", "claim")
        for article in articles:
            print(diff(article, found[article.name], errors_only=True, layers=layers) + "\n")
        return 0
    if args.diff:
        by_name = {a.name: a for a in load_corpus()}
        for name in args.diff:
            if name not in by_name:
                parser.error(f"no article {name!r} in {CORPUS}")
            print(diff(by_name[name]) + "\n")
        return 0
    results = {}
    for split in (args.split,) if args.split else ("dev", "heldout"):
        articles = load_corpus(split=split)
        results[split] = (score(articles), score(articles, quotation_baseline), len(articles))
    if args.json:
        out = {
            split: {
                "articles": n,
                "by_genre": r.by_genre,
                "overall": r.overall,
                "baseline": b.overall,
                "goal": GOAL,
                "by_article": r.by_article,
            }
            for split, (r, b, n) in results.items()
        }
        print(json.dumps(out, indent=2, ensure_ascii=False))
        return 0
    names = {"dev": "development part", "heldout": "held-out part"}
    for split, (report, baseline, n) in results.items():
        print(table(f"{names[split]} ({n} articles)", report, baseline, args.articles))
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
