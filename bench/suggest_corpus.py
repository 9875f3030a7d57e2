"""The development corpus for suggestions: composed Arabic news articles annotated with
speakers and claims in a markup that is read by code, so no offset is ever written by hand.

One article per file, `bench/data/suggest_corpus/NAME.txt`, UTF-8:

    # genre: politics
    # outlet: صحيفة الساحل
    # split: dev
    <blank line>
    the article, its first line the headline, with inline marks:

    [[s1 وزير الزراعة نبيل سعادة]]                      a speaker mention with id s1
    {{s1 indirect أكد|المحصول سيكون وفيراً}}              a claim of speaker s1, kind, cue
    {{s1 paraphrase|الحكومة لن ترفع الأسعار}}            a claim without a cue (a headline)

Header lines are `# key: value`; `genre`, `outlet` and `split` (`dev` or `heldout`) are
required, other keys are kept in `Article.header`. A speaker id is `s` and digits, unique in
its article; a claim's speaker id may be written before or after the mention it names. The kind
is `direct`, `indirect` or `paraphrase`; the cue is the cue as written in the article (the
verb, participle or phrase without the conjunction و/ف), required except for a paraphrase.
Marks may nest (a mention inside a claim). The strings `[[`, `]]`, `{{`, `}}` are therefore
markup only and cannot occur in an article.

Offsets are in code points of the article text (the text with the marks removed), `start`
inclusive and `end` exclusive, as the project's store counts them.

Validation (each failure is a `CorpusError` naming the file, the line and the reason): required
header keys and known values, balanced marks, every span non-empty and without white space at
its ends, unique speaker ids, every claim's speaker id resolves, every speaker mention is the
speaker of at least one claim (mentions are annotated where a claim names them), the cue occurs
in the article, the article is 600-2,500 characters long.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

CORPUS = Path(__file__).resolve().parent / "data" / "suggest_corpus"
KINDS = ("direct", "indirect", "paraphrase")
SPLITS = ("dev", "heldout")
REQUIRED = ("genre", "outlet", "split")
LENGTH = (600, 2500)  # characters of article text, inclusive

_SPEAKER_ID = re.compile(r"s\d+")
_TOKEN = re.compile(r"\[\[|\]\]|\{\{|\}\}")


class CorpusError(ValueError):
    """A corpus file is malformed: the message is `path:line: reason`."""

    def __init__(self, reason: str, path: str, line: int | None = None):
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {reason}")
        self.reason = reason
        self.path = path
        self.line = line


@dataclass(frozen=True)
class Speaker:
    """A speaker mention: the whole naming noun phrase, [start, end) in code points."""

    id: str
    start: int
    end: int


@dataclass(frozen=True)
class Claim:
    """A claim, [start, end) in code points, linked to the speaker mention `speaker` (an id)."""

    start: int
    end: int
    speaker: str
    kind: str
    cue: str | None


@dataclass(frozen=True)
class Article:
    name: str  # the file name without .txt
    text: str
    speakers: tuple[Speaker, ...]
    claims: tuple[Claim, ...]
    header: dict[str, str] = field(default_factory=dict)

    @property
    def genre(self) -> str:
        return self.header["genre"]

    @property
    def outlet(self) -> str:
        return self.header["outlet"]

    @property
    def split(self) -> str:
        return self.header["split"]

    def speaker(self, speaker_id: str) -> Speaker:
        return next(s for s in self.speakers if s.id == speaker_id)

    def span_text(self, span: Speaker | Claim) -> str:
        return self.text[span.start : span.end]


def parse(source: str, path: str = "<text>", length: tuple[int, int] | None = LENGTH) -> Article:
    """An article from its marked-up source. Raises `CorpusError` (file:line: reason).
    `length`: the accepted range of characters of the article text (None: any)."""
    lines = source.split("\n")
    header: dict[str, str] = {}
    number = 0
    while number < len(lines) and lines[number].startswith("#"):
        key, colon, value = lines[number][1:].partition(":")
        if not colon or not key.strip():
            raise CorpusError("a header line is `# key: value`", path, number + 1)
        header[key.strip()] = value.strip()
        number += 1
    for key in REQUIRED:
        if not header.get(key):
            raise CorpusError(f"the header has no {key!r}", path, 1)
    if header["split"] not in SPLITS:
        raise CorpusError(f"split must be one of {', '.join(SPLITS)}", path, 1)
    if number >= len(lines) or lines[number].strip():
        raise CorpusError("a blank line must follow the header", path, number + 1)
    body_line = number + 2  # the line number of the body's first line
    body = "\n".join(lines[number + 1 :]).rstrip("\n")
    name = Path(path).stem
    return _parse_body(body, path, body_line, name, header, bounds=length)


def _parse_body(
    body: str, path: str, first_line: int, name: str, header: dict, bounds: tuple[int, int] | None
) -> Article:
    def line_of(position: int) -> int:
        return first_line + body.count("\n", 0, position)

    text: list[str] = []
    length = 0  # characters of text so far
    stack: list[tuple[str, str, int, int]] = []  # (kind of mark, its header, text start, where)
    raw_speakers: list[tuple[str, int, int, int]] = []
    raw_claims: list[tuple[str, int, int, int]] = []
    position = 0
    while True:
        match = _TOKEN.search(body, position)
        chunk = body[position : match.start() if match else len(body)]
        text.append(chunk)
        length += len(chunk)
        if match is None:
            break
        token = match.group()
        where = match.start()
        if token in ("[[", "{{"):
            opener = "speaker" if token == "[[" else "claim"
            # The mark's header runs to the first space ([[) or bar ({{).
            stop = body.find(" " if opener == "speaker" else "|", match.end())
            if stop < 0 or "\n" in body[match.end() : stop]:
                raise CorpusError(f"the {opener} mark has no header", path, line_of(where))
            stack.append((opener, body[match.end() : stop], length, where))
            position = stop + 1
            continue
        closer = "speaker" if token == "]]" else "claim"
        if not stack or stack[-1][0] != closer:
            raise CorpusError(f"{token} closes no open {closer} mark", path, line_of(where))
        _, mark, start, opened = stack.pop()
        (raw_speakers if closer == "speaker" else raw_claims).append((mark, start, length, opened))
        position = match.end()
    if stack:
        opener, _, _, opened = stack[-1]
        raise CorpusError(f"the {opener} mark is never closed", path, line_of(opened))
    article_text = "".join(text)

    speakers: list[Speaker] = []
    speaker_lines: dict[str, int] = {}
    for mark, start, end, opened in sorted(raw_speakers, key=lambda r: r[1]):
        if not _SPEAKER_ID.fullmatch(mark):
            raise CorpusError(f"speaker id {mark!r} is not s and digits", path, line_of(opened))
        if any(s.id == mark for s in speakers):
            raise CorpusError(f"speaker id {mark} is used twice", path, line_of(opened))
        _check_span(article_text, start, end, f"speaker {mark}", path, line_of(opened))
        speakers.append(Speaker(mark, start, end))
        speaker_lines[mark] = line_of(opened)
    ids = {s.id for s in speakers}

    claims: list[Claim] = []
    for mark, start, end, opened in sorted(raw_claims, key=lambda r: r[1]):
        line = line_of(opened)
        speaker_id, _, rest = mark.partition(" ")
        kind, _, cue = rest.strip().partition(" ")
        cue = cue.strip() or None
        if speaker_id not in ids:
            raise CorpusError(f"the claim's speaker {speaker_id!r} is not marked", path, line)
        if kind not in KINDS:
            raise CorpusError(f"claim kind {kind!r} is not one of {', '.join(KINDS)}", path, line)
        if cue is None and kind != "paraphrase":
            raise CorpusError(f"a {kind} claim needs its cue", path, line)
        if cue is not None and cue not in article_text:
            raise CorpusError(f"the cue {cue!r} does not occur in the article", path, line)
        _check_span(article_text, start, end, "claim", path, line)
        claims.append(Claim(start, end, speaker_id, kind, cue))

    linked = {c.speaker for c in claims}
    for speaker in speakers:
        if speaker.id not in linked:
            raise CorpusError(
                f"speaker {speaker.id} is the speaker of no claim", path, speaker_lines[speaker.id]
            )
    low, high = bounds or (0, len(article_text))
    if not low <= len(article_text) <= high:
        raise CorpusError(
            f"the article has {len(article_text)} characters, not {low}-{high}", path, first_line
        )
    return Article(name, article_text, tuple(speakers), tuple(claims), header)


def _check_span(text: str, start: int, end: int, what: str, path: str, line: int) -> None:
    if end <= start:
        raise CorpusError(f"the {what} span is empty", path, line)
    if text[start].isspace() or text[end - 1].isspace():
        raise CorpusError(f"the {what} span begins or ends with white space", path, line)


def render(article: Article) -> str:
    """The marked-up source of an article: `parse(render(a))` gives `a` back."""
    opens: dict[int, list[tuple[int, str]]] = {}
    closes: dict[int, list[tuple[int, str]]] = {}
    marks = [(s.start, s.end, f"[[{s.id} ", "]]") for s in article.speakers]
    marks += [
        (c.start, c.end, "{{" + " ".join(filter(None, (c.speaker, c.kind, c.cue))) + "|", "}}")
        for c in article.claims
    ]
    for start, end, opener, closer in marks:
        # Outer marks open first and close last: order by length at the same position.
        opens.setdefault(start, []).append((-(end - start), opener))
        closes.setdefault(end, []).append((end - start, closer))
    out: list[str] = [f"# {key}: {value}" for key, value in article.header.items()]
    out.append("")
    body: list[str] = []
    for position in range(len(article.text) + 1):
        body += [closer for _, closer in sorted(closes.get(position, []))]
        body += [opener for _, opener in sorted(opens.get(position, []))]
        if position < len(article.text):
            body.append(article.text[position])
    return "\n".join(out) + "\n" + "".join(body) + "\n"


def load(path: Path) -> Article:
    """One article file. Raises `CorpusError` for a malformed file or one that is not UTF-8."""
    try:
        source = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise CorpusError(f"not UTF-8 (byte {exc.start})", str(path)) from None
    return parse(source, str(path))


def load_corpus(folder: Path = CORPUS, split: str | None = None) -> list[Article]:
    """Every article of the folder in name order, or only those of one split."""
    articles = [load(path) for path in sorted(folder.glob("*.txt"))]
    return [a for a in articles if split is None or a.split == split]


def genres(articles: Iterable[Article]) -> list[str]:
    return sorted({a.genre for a in articles})
