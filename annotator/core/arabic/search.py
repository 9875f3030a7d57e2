"""Arabic-aware search: spelling-insensitive matching with hits as exact code-point ranges.

A text is folded once (tashkeel and tatweel dropped, hamza forms of alef, final ى/ة and digits
unified, each a toggle) and an offset map leads from the folded text back to the original, so a
hit covers exactly the original letters with their diacritics. The definite article and the
proclitics و ف ب ل ك are handled by the query pattern rather than the folding, so turning them on
only ever adds hits. `SearchIndex` keeps the folded texts of a project, so typing a query into a
search over thousands of articles runs one regular expression over one cached string.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, fields
from functools import lru_cache
from itertools import chain
from operator import sub
from typing import TYPE_CHECKING, overload

if TYPE_CHECKING:
    from annotator.core.store.project import Project

ALEF = "\u0627"
# Arabic combining marks: harakat, tanwin, shadda, sukun, superscript alef, Quranic marks.
_ARABIC_MARKS = [
    (0x0610, 0x061A),
    (0x064B, 0x065F),
    (0x0670, 0x0670),
    (0x06D6, 0x06DC),
    (0x06DF, 0x06E4),
    (0x06E7, 0x06E8),
    (0x06EA, 0x06ED),
    (0x08D3, 0x08E1),
    (0x08E3, 0x08FF),
    (0x0300, 0x036F),  # Latin combining accents: "diacritics" to a reader of both scripts
]
_HAMZA_ALEFS = "\u0623\u0625\u0622\u0671\u0672\u0673"  # أ إ آ ٱ ٲ ٳ
_FINAL_LETTERS = {"\u0649": "\u064a", "\u0629": "\u0647"}  # ى -> ي, ة -> ه
# Invisible format characters (joiners, direction marks, BOM, soft hyphen) never matter.
_INVISIBLE = "\u00ad\u061c\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
_INVISIBLE += "\u2066\u2067\u2068\u2069\ufeff"
# Letters of Persian and Urdu keyboards often typed for Arabic ones.
_VARIANTS = {"\u06a9": "\u0643", "\u06cc": "\u064a"}  # ک -> ك, ی -> ي
_PRESENTATION_FORMS = [(0xFB50, 0xFDFF), (0xFE70, 0xFEFF)]

# Article and proclitics at a word start: و/ف, then ب/ك/ل, then ال (ل + ال is written لل).
_CONJUNCTIONS, _PREPOSITIONS = ("", "و", "ف"), ("", "ب", "ك", "ل")


def _prefix_forms(article: bool, proclitics: bool) -> tuple[str, ...]:
    """The word beginnings the options ignore, shortest first (so the text's prefix is taken
    as short as it can be, and a prefix the query spells itself stays in the hit)."""
    forms: set[str] = set()
    if article:
        forms.add("ال")
    if proclitics:
        forms |= {c + p for c in _CONJUNCTIONS for p in _PREPOSITIONS}
        if article:
            forms |= {c + p + "ال" for c in _CONJUNCTIONS for p in ("", "ب", "ك")}
            forms |= {c + "لل" for c in _CONJUNCTIONS}
    forms.discard("")
    return tuple(sorted(forms, key=lambda form: (len(form), form)))


@dataclass(frozen=True)
class SearchOptions:
    """What a search ignores; every option is a toggle (the defaults suit Arabic news)."""

    tashkeel: bool = True  # harakat, shadda, sukun, tanwin (and Latin accents)
    tatweel: bool = True
    hamza: bool = True  # أ إ آ ٱ match ا
    final_letters: bool = True  # ى matches ي and ة matches ه (both only occur at word end)
    digits: bool = True  # ٠١٢ and ۰۱۲ match 012
    case: bool = True  # Latin upper and lower case
    article: bool = False  # الكتاب matches كتاب
    proclitics: bool = False  # وكتاب، بكتاب، فكتاب، لكتاب، ككتاب match كتاب
    whole_words: bool = False

    @property
    def folding(self) -> tuple[bool, ...]:
        """The options that change the folded text (the others change only the pattern)."""
        return (
            self.tashkeel,
            self.tatweel,
            self.hamza,
            self.final_letters,
            self.digits,
            self.case,
        )

    @classmethod
    def names(cls) -> tuple[str, ...]:
        return tuple(f.name for f in fields(cls))


@dataclass(frozen=True)
class Hit:
    """One match: code points of the original text, end exclusive."""

    document_id: str
    start: int
    end: int
    text: str


# ---------------------------------------------------------------------------------- folding


@dataclass(frozen=True)
class _Folding:
    table: dict[int, str | None]  # for str.translate
    irregular: re.Pattern[str]  # characters not turned into exactly one: the map follows them
    pairs: tuple[tuple[str, str], ...]  # the one-to-one replacements, for str.replace


@lru_cache(maxsize=16)
def _folding(folding: tuple[bool, ...]) -> _Folding:
    """The folding of one set of options (str.replace is much faster than str.translate with
    a dict on long Arabic texts, so the one-to-one part is also kept as pairs)."""
    tashkeel, tatweel, hamza, final_letters, digits, case = folding
    table: dict[int, str | None] = {ord(ch): None for ch in _INVISIBLE}
    table.update({ord(k): v for k, v in _VARIANTS.items()})
    if tashkeel:
        for first, last in _ARABIC_MARKS:
            table.update(dict.fromkeys(range(first, last + 1)))
    if tatweel:
        table[0x0640] = None
    if hamza:
        table.update({ord(ch): ALEF for ch in _HAMZA_ALEFS})
    if final_letters:
        table.update({ord(k): v for k, v in _FINAL_LETTERS.items()})
    if digits:
        table.update({0x0660 + d: str(d) for d in range(10)})
        table.update({0x06F0 + d: str(d) for d in range(10)})
    if case:
        table[0x0130] = "i"  # the one letter whose lower case is two characters
    simple = dict(table)
    for first, last in _PRESENTATION_FORMS:
        for code in range(first, last + 1):
            compatible = unicodedata.normalize("NFKC", chr(code))
            if compatible == chr(code):
                continue
            # Isolated harakat forms decompose to a space and the mark: keep only the mark.
            folded = compatible.strip().translate(simple)
            table[code] = folded or None
    irregular = sorted(code for code, value in table.items() if value is None or len(value) != 1)
    pairs = tuple(
        (chr(code), value)
        for code, value in sorted(table.items())
        if value is not None and len(value) == 1
    )
    return _Folding(table, re.compile(_char_class(irregular)), pairs)


def _char_class(codes: Sequence[int]) -> str:
    parts, i = [], 0
    while i < len(codes):
        j = i
        while j + 1 < len(codes) and codes[j + 1] == codes[j] + 1:
            j += 1
        first, last = re.escape(chr(codes[i])), re.escape(chr(codes[j]))
        parts.append(first if i == j else f"{first}-{last}")
        i = j + 1
    return f"[{''.join(parts)}]"


def fold(text: str, options: SearchOptions = SearchOptions()) -> str:
    """The folded form of a text (no offset map): what queries and texts are compared in."""
    folded = text.translate(_folding(options.folding).table)
    return folded.lower() if options.case else folded


class FoldedText:
    """A text folded for searching, with the map from folded positions back to the original.

    The map is kept as breakpoints: from folded position `_folded[k]` on, folded position `n`
    is original position `_original[k] + n - _folded[k]`. Only characters that are dropped or
    expanded start a new breakpoint, so ordinary news text needs few of them.
    """

    def __init__(self, text: str, options: SearchOptions = SearchOptions()):
        self.original = text
        self.options = options
        folding = _folding(options.folding)
        folded_parts: list[str] = []
        self._folded = [0]
        self._original = [0]
        # Original positions of dropped characters that trail a letter (marks, tatweel):
        # a hit ending at that letter takes them too.
        self._dropped: set[int] = set()
        # Folded positions inside an expansion (its second piece on): no span starts or
        # ends there.
        self.splits: list[int] = []
        done = length = 0
        for match in folding.irregular.finditer(text):
            position = match.start()
            folded_parts.append(text[done:position])
            length += position - done
            value = folding.table[ord(text[position])]
            if value is None:
                self._dropped.add(position)
            else:
                for piece, _ in enumerate(value):  # every piece maps to the one character
                    if piece:
                        self.splits.append(length)
                    self._mark(length, position)
                    length += 1
                folded_parts.append(value)
            done = position + 1
            self._mark(length, done)
        folded_parts.append(text[done:])
        folded = "".join(folded_parts)
        for old, new in folding.pairs:
            if old in folded:
                folded = folded.replace(old, new)
        self.text = folded.lower() if options.case else folded

    def _mark(self, folded: int, original: int) -> None:
        if self._folded[-1] == folded:
            self._original[-1] = original
        else:
            self._folded.append(folded)
            self._original.append(original)

    def to_original(self, position: int) -> int:
        """The original position of the character at a folded position."""
        k = bisect.bisect_right(self._folded, position) - 1
        return self._original[k] + position - self._folded[k]

    def to_folded(self, position: int) -> int:
        """A folded position at or after an original position (0..len(original)): the one of
        its character, or of the next character kept when it was dropped. Non-decreasing."""
        k = bisect.bisect_right(self._original, position) - 1
        folded = self._folded[k] + position - self._original[k]
        if k + 1 < len(self._folded):
            folded = min(folded, self._folded[k + 1])
        return min(folded, len(self.text))

    def span(self, start: int, end: int) -> tuple[int, int] | None:
        """The original span of a folded span, with the marks trailing its last letter; None
        when the span cuts a character that was expanded (a ligature) in two."""
        first, last = self.to_original(start), self.to_original(end - 1)
        if start > 0 and self.to_original(start - 1) == first:
            return None
        if end < len(self.text) and self.to_original(end) == last:
            return None
        stop = last + 1
        while stop < len(self.original) and stop in self._dropped:
            if self.original[stop].isspace() or unicodedata.category(self.original[stop]) == "Cf":
                break
            stop += 1
        return first, stop


# ---------------------------------------------------------------------------------- queries


@dataclass(frozen=True)
class Query:
    """A query compiled for folded text.

    The pattern starts with a literal, the first word without any prefix the options ignore,
    so the regex engine scans a long text at memchr speed; what may stand before it in the
    word is checked by lookbehinds. A hit includes the letters the query spells before that
    literal when the text has them, and leaves out a prefix only the text has.
    """

    pattern: re.Pattern[str]
    leads: tuple[str, ...] = ()  # what the query spells before the literal, longest first
    prefixes: frozenset[str] = frozenset()  # what the text may have before that
    width: int | None = None  # the length of every match, for a one-word query

    def hit_start(self, text: str, match: re.Match[str]) -> int:
        return self.hit_start_at(text, match.start())

    def hit_start_at(self, text: str, start: int) -> int:
        """Where the hit of a match starting at folded position `start` starts (folded)."""
        if not self.leads:
            return start
        word_start = start
        while word_start > 0 and start - word_start < 8 and _is_word(text[word_start - 1]):
            word_start -= 1
        before = text[word_start:start]
        for lead in self.leads:
            if before.endswith(lead) and before[: len(before) - len(lead)] in self.prefixes:
                return start - len(lead)
        longest = self.leads[0]
        return start - len(longest) if before.endswith(longest) else start


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def compile_query(query: str, options: SearchOptions = SearchOptions()) -> Query | None:
    """The query as a pattern over folded text; None for a query with nothing to find."""
    words = fold(query, options).split()
    if not words:
        return None
    prefixes = _prefix_forms(options.article, options.proclitics)
    first = words[0]
    forms = _alternatives(first, prefixes)
    core = forms[-1]  # the shortest: every form ends with it
    leads = tuple(form[: len(form) - len(core)] for form in forms)  # longest first, then ""
    literal = re.escape(core)
    if not options.whole_words and leads == ("",):
        parts = [literal]  # a plain substring: anything may stand before it
    else:
        # At a word start: a lead the query spells, after a prefix the text may add.
        before = sorted({p + lead for p in ("", *prefixes) for lead in leads}, key=len)
        allowed = [rf"(?<=(?<!\w){re.escape(b)}{literal})" for b in before if b]
        allowed.insert(0, rf"(?<!\w{literal})")
        if not options.whole_words:
            allowed.append(rf"(?<={re.escape(leads[0])}{literal})")  # the query, as a substring
        parts = [literal, f"(?:{'|'.join(allowed)})"]
    prefix = "|".join(re.escape(p) for p in prefixes)
    for word in words[1:]:
        alternatives = "|".join(re.escape(form) for form in _alternatives(word, prefixes))
        parts.append(
            rf"\s+(?:{prefix})??(?:{alternatives})" if prefix else rf"\s+(?:{alternatives})"
        )
    if options.whole_words:
        parts.append(r"(?!\w)")
    if leads == ("",):
        leads = ()
    # One word: the pattern is the literal and lookarounds, which take no room.
    width = len(core) if len(words) == 1 else None
    return Query(re.compile("".join(parts)), leads, frozenset(("", *prefixes)), width)


def _alternatives(word: str, prefixes: Sequence[str]) -> list[str]:
    """The word and the word without each prefix it may start with (longest first, so a prefix
    the query spells is matched in the text when it is there)."""
    forms = {word} | {
        word[len(p) :] for p in prefixes if word.startswith(p) and len(word) - len(p) >= 2
    }
    return sorted(forms, key=lambda form: (-len(form), form))


def find_all(folded: FoldedText, query: Query, limit: int | None = None) -> list[tuple[int, int]]:
    """The original spans of every match of a compiled query in one folded text."""
    spans = []
    for match in query.pattern.finditer(folded.text):
        span = folded.span(query.hit_start(folded.text, match), match.end())
        if span is not None:
            spans.append(span)
            if limit is not None and len(spans) >= limit:
                break
    return spans


class _Shifted(Sequence[int]):
    """The ends of fixed-width matches: their starts plus the width, without a copy."""

    def __init__(self, starts: Sequence[int], width: int):
        self._starts, self._width = starts, width

    def __len__(self) -> int:
        return len(self._starts)

    def __getitem__(self, index):  # type: ignore[no-untyped-def]
        return self._starts[index] + self._width

    def __iter__(self) -> Iterator[int]:
        return (start + self._width for start in self._starts)


class DocumentHits(Sequence[Hit]):
    """Every hit of one query in one document, in text order, found at the regex engine's
    speed and made into `Hit`s only when asked for.

    A search keeps the folded spans of its matches in two `array('l')` columns (16 bytes a
    match, no object each), so a one-letter query over a 10-million-character article costs
    about what `re.finditer` costs and a few tens of megabytes; a hit's original code-point
    span is worked out when it is read (`[n]`, `between`), by bisection. Matches that would cut
    an expanded character (a ligature) in two are not hits, as in `find_all`; they are found
    once, at the few places folding expanded a character. `made` counts the hits read so far,
    a measure of work that stays bounded by what is shown.
    """

    def __init__(self, document_id: str, folded: FoldedText, query: Query | None):
        self.document_id = document_id
        self.folded = folded
        self.query = query
        self.made = 0
        self._starts = array("l")
        self._ends: Sequence[int] = self._starts
        if query is not None and query.width is not None:
            # One word: every match is as long as the query's literal, only starts are kept.
            self._starts.extend(map(re.Match.start, query.pattern.finditer(folded.text)))
            self._ends = _Shifted(self._starts, query.width)
        elif query is not None:
            spans = array("l")
            spans.extend(
                chain.from_iterable(map(re.Match.span, query.pattern.finditer(folded.text)))
            )
            self._starts, self._ends = spans[0::2], spans[1::2]
        self._lead = len(query.leads[0]) if query is not None and query.leads else 0
        if isinstance(self._ends, _Shifted):
            longest = query.width if query is not None and query.width is not None else 0
        else:
            longest = max(map(sub, self._ends, self._starts), default=0)
        self._reach = longest + self._lead
        self._skipped = self._find_skipped()  # match numbers that are not hits, in order

    def _find_skipped(self) -> list[int]:
        skipped: set[int] = set()
        for split in self.folded.splits:
            low = bisect.bisect_left(self._ends, split)
            high = bisect.bisect_right(self._starts, split + self._lead)
            for number in range(low, high):
                if self._span(number) is None:
                    skipped.add(number)
        return sorted(skipped)

    def _span(self, number: int) -> tuple[int, int] | None:
        """The original span of match `number`, or None when it is not a hit."""
        assert self.query is not None
        start = self.query.hit_start_at(self.folded.text, self._starts[number])
        return self.folded.span(start, self._ends[number])

    def _hit(self, number: int) -> Hit:
        span = self._span(number)
        assert span is not None
        self.made += 1
        return Hit(self.document_id, *span, self.folded.original[span[0] : span[1]])

    def _match(self, index: int) -> int:
        """The match number of hit number `index` (0 <= index < len(self))."""
        number = index
        for skipped in self._skipped:
            if skipped > number:
                break
            number += 1
        return number

    def __len__(self) -> int:
        return len(self._starts) - len(self._skipped)

    @overload
    def __getitem__(self, index: int) -> Hit: ...

    @overload
    def __getitem__(self, index: slice) -> list[Hit]: ...

    def __getitem__(self, index: int | slice) -> Hit | list[Hit]:
        if isinstance(index, slice):
            return [self[n] for n in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        return self._hit(self._match(index))

    def __iter__(self) -> Iterator[Hit]:
        skipped = set(self._skipped)
        for number in range(len(self._starts)):
            if number not in skipped:
                yield self._hit(number)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    __hash__ = None  # type: ignore[assignment]

    def between(self, start: int, end: int) -> list[tuple[int, Hit]]:
        """The hits meeting original code points start..end (end excluded), with their
        numbers, found by bisection: the cost is that of the hits returned."""
        if not self._starts:
            return []
        low_folded = self.folded.to_folded(start) - self._reach - 1
        high_folded = self.folded.to_folded(end) + self._lead + 1
        low = bisect.bisect_left(self._starts, low_folded)
        high = bisect.bisect_left(self._starts, high_folded)
        found = []
        skipped = set(self._skipped[bisect.bisect_left(self._skipped, low) :])
        for number in range(low, high):
            if number in skipped:
                continue
            hit = self._hit(number)
            if hit.end > start and hit.start < end:
                found.append((number - bisect.bisect_left(self._skipped, number), hit))
        return found

    def index_of(self, start: int, end: int) -> int | None:
        """The number of the hit with exactly this span, if there is one."""
        for index, hit in self.between(start, max(end, start + 1)):
            if (hit.start, hit.end) == (start, end):
                return index
        return None


def search_text(
    text: str, query: str, options: SearchOptions = SearchOptions()
) -> list[tuple[int, int]]:
    """Every hit of `query` in `text` as (start, end) code points of `text`."""
    compiled = compile_query(query, options)
    if compiled is None:
        return []
    return find_all(FoldedText(text, options), compiled)


def snippet(text: str, start: int, end: int, width: int = 40) -> tuple[str, str, str]:
    """The hit with up to `width` characters of context either side, on one line."""
    before = " ".join(text[max(0, start - width) : start].split())
    after = " ".join(text[end : end + width].split())
    return before, " ".join(text[start:end].split()), after


# ---------------------------------------------------------------------------------- projects

_SEPARATOR = "\n\x00\n"  # no query can match across it: queries have no control characters


class _Corpus:
    """The folded texts of many documents joined into one string, for one regex pass."""

    def __init__(self, ids: list[str], folded: list[FoldedText]):
        self.ids = ids
        self.folded = folded
        self.starts: list[int] = []
        position = 0
        for item in folded:
            self.starts.append(position)
            position += len(item.text) + len(_SEPARATOR)
        self.text = _SEPARATOR.join(item.text for item in folded)


class SearchIndex:
    """The folded texts of a project's documents, made on first use and kept.

    Document texts never change once imported; documents imported later are folded at the
    next search. One index serves any options: texts are folded once per set of folding options.
    """

    def __init__(self, project: Project):
        self.project = project
        self._folded: dict[tuple[bool, ...], dict[str, FoldedText]] = {}
        self._corpora: dict[tuple[bool, ...], _Corpus] = {}

    def unfolded(self, options: SearchOptions = SearchOptions()) -> list[str]:
        """The ids of the documents not folded yet for these options (fold them one by one
        with `folded`, a few at a time, to keep a window responsive before a project search)."""
        cache = self._folded.get(options.folding, {})
        return [i for i in self.project.document_hashes() if i not in cache]

    def document_hits(self, query: str, options: SearchOptions, document_id: str) -> DocumentHits:
        """Every hit of `query` in one document, read lazily (see `DocumentHits`)."""
        return DocumentHits(
            document_id, self.folded(document_id, options), compile_query(query, options)
        )

    def folded(self, document_id: str, options: SearchOptions = SearchOptions()) -> FoldedText:
        cache = self._folded.setdefault(options.folding, {})
        if document_id not in cache:
            cache[document_id] = FoldedText(self.project.text(document_id), options)
        return cache[document_id]

    def search(
        self,
        query: str,
        options: SearchOptions = SearchOptions(),
        document_ids: Iterable[str] | None = None,
        limit: int | None = None,
    ) -> list[Hit]:
        """Hits in document order (import order across the project), at most `limit`."""
        compiled = compile_query(query, options)
        if compiled is None:
            return []
        if document_ids is not None:
            hits: list[Hit] = []
            for document_id in document_ids:
                left = None if limit is None else limit - len(hits)
                if left is not None and left <= 0:
                    break
                folded = self.folded(document_id, options)
                hits += [
                    Hit(document_id, s, e, folded.original[s:e])
                    for s, e in find_all(folded, compiled, left)
                ]
            return hits
        return self._search_project(compiled, options, limit)

    def _search_project(self, query: Query, options: SearchOptions, limit: int | None) -> list[Hit]:
        corpus = self._corpus(options)
        hits: list[Hit] = []
        for match in query.pattern.finditer(corpus.text):
            start = query.hit_start(corpus.text, match)
            number = bisect.bisect_right(corpus.starts, start) - 1
            offset = corpus.starts[number]
            folded = corpus.folded[number]
            span = folded.span(start - offset, match.end() - offset)
            if span is None:
                continue
            hits.append(Hit(corpus.ids[number], *span, folded.original[span[0] : span[1]]))
            if limit is not None and len(hits) >= limit:
                break
        return hits

    def _corpus(self, options: SearchOptions) -> _Corpus:
        # A cheap look at the ids each time: documents imported since are folded now.
        ids = set(self.project.document_hashes())
        corpus = self._corpora.get(options.folding)
        if corpus is None or set(corpus.ids) != ids:
            ordered = [d.id for d in self.project.documents()]  # import order
            corpus = _Corpus(ordered, [self.folded(i, options) for i in ordered])
            self._corpora[options.folding] = corpus
        return corpus
