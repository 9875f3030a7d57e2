"""An article as the reported-speech rules read it: its words (folded), quotations (nested,
over paragraphs), sentences, and the cues found among them; small helpers over spans of it."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import NamedTuple

from annotator.core.arabic.speech_lexicon import (
    _CALLS,
    _CLAUSE_MARKS,
    _CLITICS,
    _COMPLEMENTISERS,
    _IN_DOCUMENT,
    _KEPT_AT_END,
    _MONTH_FORMS,
    _NEGATIONS,
    _PARTICIPLE_FORMS,
    _PARTICLES,
    _PREPOSITIONS,
    _RELATIVES,
    _RELAYS,
    _SENTENCE_ENDS,
    _SOURCE_FORMS,
    _TASHKEEL,
    _TIME_HEADS,
    _TIME_WORDS,
    _VERB_FORMS,
    _WITH_AN,
    _bare,
    _f,
    _is_number,
)
from annotator.core.arabic.text import QUOTE_PAIRS, is_word_char

# What `quotations` reads: the quotation marks and line breaks, and where text begins.
_QUOTE_OR_BREAK = re.compile('[\n"«“„‘‹»”’›]')
_NOT_SPACE = re.compile(r"\S")
# Where a sentence may end: a sentence mark or a line break (outside quotations).
_SENTENCE_BREAK = re.compile("[" + re.escape(_SENTENCE_ENDS) + "\n]")
# The first words of cues (without و/ف): `_cue_at` finds no cue at any other word.
_CUE_HEADS = frozenset(
    {*_VERB_FORMS, *_PARTICIPLE_FORMS, _IN_DOCUMENT[0], *(p[0] for p in _SOURCE_FORMS)}
)
_BIL_QAWL = _f("بالقول")


def _time_at(article: _Article, index: int) -> bool:
    """Whether word `index` is a time word, or a time head before one («مطلع أيلول»)."""
    words = article.words
    form = _bare(words[index].form)
    if form in _TIME_WORDS:
        return True
    if form not in _TIME_HEADS or index + 1 >= len(words):
        return False
    following = words[index + 1].form
    return following in _TIME_WORDS or following in _MONTH_FORMS or _is_number(following)


class _Word(NamedTuple):  # a tuple: an article of 2,000,000 characters has 400,000 words
    start: int
    end: int
    form: str  # folded


@dataclass(frozen=True)
class _Quote:
    start: int  # the opening mark
    end: int  # after the closing mark
    words: int
    level: int


@dataclass(frozen=True)
class _Cue:
    index: int  # first word
    last: int  # last word of the cue (عن of «معرباً عن»)
    text: str  # as written, without a conjunction
    kind: str  # verb / participle / source
    takes_object: bool
    lemma: str = ""  # folded past (verbs) or stem (participles)

    @property
    def call(self) -> bool:
        """A call, demand, praise or condemnation: only a quotation after it is a claim."""
        return self.lemma in _CALLS

    @property
    def relay(self) -> bool:
        """«نقل … عن X»: X is the speaker."""
        return self.lemma in _RELAYS


def _words(text: str) -> list[_Word]:
    """The runs of word characters (`is_word_char`) of a text, each with its folded form.
    The runs are found by one regular expression made of the text's own word characters,
    and each distinct written word is folded once."""
    letters = sorted(ch for ch in set(text) if is_word_char(ch))
    if not letters:
        return []
    pattern = re.compile("[" + "".join(re.escape(ch) for ch in letters) + "]+")
    forms: dict[str, str] = {}
    words = []
    for match in pattern.finditer(text):
        written = match.group()
        form = forms.get(written)
        if form is None:
            form = forms[written] = _f(written)
        words.append(_Word(match.start(), match.end(), form))
    return words


def quotations(text: str) -> list[tuple[int, int, int]]:
    """Quotations as (start, end, nesting level): «…», “…”, straight "…" and ‘…’ nested in any
    order. Straight quotes pair within a paragraph; typographic ones may run across sentences
    and paragraphs (a paragraph reopening the same mark continues the quotation)."""
    found: list[tuple[int, int, int]] = []
    stack: list[tuple[str, int]] = []
    # Only the marks and line breaks matter, and where each paragraph's text begins.
    paragraph = _NOT_SPACE.search(text)
    opening = paragraph.start() if paragraph else -1  # of the paragraph's first character
    for match in _QUOTE_OR_BREAK.finditer(text):
        i, ch = match.start(), match.group()
        if ch == "\n":
            stack = [(mark, at) for mark, at in stack if mark != '"']
            paragraph = _NOT_SPACE.search(text, i + 1)
            opening = paragraph.start() if paragraph else -1
            continue
        if i == opening and stack and stack[-1][0] == ch and ch in "«“„":
            continue  # the quotation goes on in a new paragraph
        if ch == '"':
            straight = [n for n, (mark, _) in enumerate(stack) if mark == '"']
            if straight:
                n = straight[-1]
                found.append((stack[n][1], i + 1, n))
                del stack[n:]
            else:
                stack.append((ch, i))
        elif ch in ("«", "“", "„", "‘", "‹"):
            stack.append((ch, i))
        elif ch in ("»", "”", "’", "›"):
            for n in range(len(stack) - 1, -1, -1):
                if QUOTE_PAIRS[stack[n][0]] == ch:
                    found.append((stack[n][1], i + 1, n))
                    del stack[n:]
                    break
    return sorted(found)


class _Article:
    """The text cut into words, quotations and sentences, with the cues found in it."""

    def __init__(
        self,
        text: str,
        learned: dict[str, tuple[bool, str]] | None = None,
        names: frozenset[str] = frozenset(),
    ):
        self.text = text
        self.learned = learned or {}
        self.names = names  # folded words of known entities' names: «لقاآني» is spoken to
        self.known_names: set[str] = set()  # last words of the speakers found so far
        self.words = _words(text)
        self.starts = [w.start for w in self.words]
        self.quotes = []
        for start, end, level in quotations(text):
            count = self.word_index(end) - self.word_index(start)
            self.quotes.append(_Quote(start, end, count, level))
        self.top_quotes = [q for q in self.quotes if q.level == 0]
        self._quote_starts = [q.start for q in self.top_quotes]
        self.sentences = self._sentences()
        self._sentence_starts = [s for s, _ in self.sentences]
        self.cues = self._cues()
        # The cues by word, so that a rule asking «is word n a cue?» costs one look-up.
        self._cue_at_word = {cue.index: cue for cue in self.cues}
        self._cue_words = [cue.index for cue in self.cues]  # ascending, as the words
        self._verb_cue_ends = {cue.last for cue in self.cues if cue.kind == "verb"}

    def word_index(self, position: int) -> int:
        """The number of words starting before `position`."""
        return bisect.bisect_left(self.starts, position)

    def cue_at(self, index: int) -> _Cue | None:
        """The cue whose first word is word `index`, or None."""
        return self._cue_at_word.get(index)

    def cue_between(self, first: int, stop: int) -> bool:
        """Whether a cue's first word is among words `first` to `stop` (exclusive)."""
        n = bisect.bisect_left(self._cue_words, first)
        return n < len(self._cue_words) and self._cue_words[n] < stop

    def verb_cue_ends_at(self, index: int) -> bool:
        """Whether a verb cue's last word is word `index`."""
        return index in self._verb_cue_ends

    def quote_from(self, start: int, end: int) -> _Quote | None:
        """The first top-level quotation opening in [start, end), or None."""
        n = bisect.bisect_left(self._quote_starts, start)
        if n < len(self.top_quotes) and self._quote_starts[n] < end:
            return self.top_quotes[n]
        return None

    def quotes_from(self, start: int) -> Iterator[_Quote]:
        """The top-level quotations opening at `start` or after, in reading order (lazily:
        a caller stops where it wants)."""
        quotes = self.top_quotes
        for n in range(bisect.bisect_left(self._quote_starts, start), len(quotes)):
            yield quotes[n]

    def quote_around(self, position: int) -> _Quote | None:
        """The top-level quotation containing `position` (its marks included)."""
        n = bisect.bisect_right(self._quote_starts, position) - 1
        if n >= 0 and self.top_quotes[n].start <= position < self.top_quotes[n].end:
            return self.top_quotes[n]
        return None

    def quote_at(self, position: int) -> _Quote | None:
        """The top-level quotation opening at `position`."""
        quote = self.quote_around(position)
        return quote if quote is not None and quote.start == position else None

    def _sentences(self) -> list[tuple[int, int]]:
        """Cut at sentence ends and line breaks outside the top-level quotations (which never
        hold a line break the cut reads: a quotation is never cut)."""
        spans, start = [], 0
        text = self.text
        for match in _SENTENCE_BREAK.finditer(text):
            i = match.start()
            if self.quote_around(i) is not None:
                continue
            ch = text[i]
            decimal = ch == "." and 0 < i < len(text) - 1 and text[i + 1].isdigit()
            if not decimal:
                spans.append((start, i))
                start = i + 1
        spans.append((start, len(text)))
        return [(s, e) for s, e in spans if text[s:e].strip()]

    def _cues(self) -> list[_Cue]:
        cues = []
        heads = _CUE_HEADS.union(self.learned)
        words = self.words
        for index, word in enumerate(words):
            form = word.form
            # Only a word that is a cue's first word, with or without و/ف, or one before
            # «بالقول», can open a cue (`_cue_at`): the rest are passed over at once.
            if not (
                form in heads
                or (form[:1] in "وف" and form[1:] in heads)
                or (index + 1 < len(words) and words[index + 1].form == _BIL_QAWL)
            ):
                continue
            if self.quote_around(word.start) is not None:
                continue
            cue = self._cue_at(index)
            if cue is not None and not self._embedded(cue):
                cues.append(cue)
        return cues

    def _embedded(self, cue: _Cue) -> bool:
        """A verb inside a relative clause («والتي أعلنتها …») or describing the object of an
        earlier verb («نشر صوراً تفيد …») reports nothing of its own."""
        if cue.kind != "verb" or cue.index == 0:
            return False
        previous = self.words[cue.index - 1]
        between = self.text[previous.end : self.words[cue.index].start]
        if between.strip() or "\n" in between:
            return False
        if _bare(previous.form) in _NEGATIONS:
            return True  # «ولم تعلن أي جهة …»: nothing was said
        if _bare(previous.form) in _RELATIVES or previous.form in _RELATIVES:
            return not self._relative_saying(cue)
        if previous.form == _f("عدم"):
            return True  # «عدم ذكر اسمه»: a verbal noun
        # «الذي فضل عدم ذكر …», «والتي أعلنتها …»: inside a relative clause.
        for back in range(cue.index - 1, max(-1, cue.index - 5), -1):
            word = self.words[back]
            if any(ch in self.text[word.end : self.words[back + 1].start] for ch in "،,.:\n"):
                break
            if _bare(word.form) in _RELATIVES:
                return True
        written = self.text[previous.start : previous.end]
        word = self.text[self.words[cue.index].start : self.words[cue.index].end]
        conjoined = word[:1] in "وف" and word != cue.text
        return not conjoined and (written.endswith("اً") or written.endswith("ًا"))

    def _relative_saying(self, cue: _Cue) -> bool:
        """«…الريس، الذي قال إن …»: a relative after a comma whose verb has no object on it
        and is followed by أن/إن, a colon or a quotation says something of its own (its
        antecedent speaks); «والتي أعلنتها الوزارة» only refers back to what was said."""
        words, text = self.words, self.text
        relative = words[cue.index - 1]
        if cue.index < 2 or _bare(relative.form) != relative.form:
            return False
        if not any(ch in text[words[cue.index - 2].end : relative.start] for ch in "،,"):
            return False
        verb = words[cue.index]
        if _f(cue.text) != verb.form or verb.form.endswith(("ه", "ها", "هم")):
            return False
        if cue.index + 1 >= len(words):
            return False
        gap = text[verb.end : words[cue.index + 1].start]
        return (
            ":" in gap
            or words[cue.index + 1].form in _COMPLEMENTISERS
            or (self.quote_at(words[cue.index + 1].start - 1) is not None)
        )

    def _cue_at(self, index: int) -> _Cue | None:
        word = self.words[index]
        following = self.words[index + 1] if index + 1 < len(self.words) else None
        if following is not None and following.form == _f("بالقول"):
            if self._adjacent(word, following) and word.form not in _PREPOSITIONS:
                # «فاكتفى بالقول: …», «ردّ بالقول إن …»: a verb and the verbal noun of saying.
                clitic = word.form[:1] if word.form[:1] in "وف" and len(word.form) > 3 else ""
                return _Cue(index, index + 1, self._written(index, index + 1, clitic), "verb",
                            False, _f("قال"))  # fmt: skip
        for clitic in _CLITICS:
            if not word.form.startswith(clitic) or len(word.form) - len(clitic) < 2:
                continue
            bare = word.form[len(clitic) :]
            written = self.text[word.start + self._offset(word, clitic) : word.end]
            two = following is not None and self._adjacent(word, following)
            for phrase in _SOURCE_FORMS:
                if clitic == "ف" and phrase == (_f("حسب"),):
                    continue  # «فحسب»: «only»
                if phrase[0] == bare and (
                    len(phrase) == 1 or (two and following.form == phrase[1])
                ):
                    last = index + len(phrase) - 1
                    return _Cue(index, last, self._written(index, last, clitic), "source", False)
            kind, takes_object, lemma = None, False, ""
            if bare == _IN_DOCUMENT[0] and two and following.form == _IN_DOCUMENT[1]:
                return _Cue(index, index + 1, self._written(index, index + 1, clitic), "verb",
                            False, bare)  # fmt: skip
            # A verb never ends in ة nor takes tanween: «طالبة» (a student) folds like «طالبه»
            # (he asked him), «طالباً» (asking) like «طالبا» (they two asked).
            whole = self.text[word.start : word.end]
            taa = whole.rstrip(_TASHKEEL).endswith("ة") or whole.endswith(("اً", "ًا"))
            if bare in _VERB_FORMS and not taa:
                kind, (takes_object, lemma) = "verb", _VERB_FORMS[bare]
            elif bare in _PARTICIPLE_FORMS:
                kind, (takes_object, lemma) = "participle", _PARTICIPLE_FORMS[bare]
            elif bare in self.learned:
                kind, (takes_object, lemma) = "verb", self.learned[bare]
            if kind is None:
                continue
            last = index
            if two and following.form == _f("عن") and self._stem_takes_an(bare):
                last = index + 1
                written = self._written(index, last, clitic)
            return _Cue(index, last, written, kind, takes_object, lemma)
        return None

    def _written(self, first: int, last: int, clitic: str) -> str:
        start = self.words[first].start + self._offset(self.words[first], clitic)
        return self.text[start : self.words[last].end]

    def _offset(self, word: _Word, clitic: str) -> int:
        """Characters of the written word taken by a folded clitic (a mark may follow it)."""
        if not clitic:
            return 0
        offset = 1
        while offset < word.end - word.start and not _f(self.text[word.start + offset]):
            offset += 1
        return offset

    @staticmethod
    def _stem_takes_an(bare: str) -> bool:
        return any(bare.startswith(stem) for stem in _WITH_AN)

    def _adjacent(self, word: _Word, following: _Word) -> bool:
        return not self.text[word.end : following.start].strip()

    def sentence_end_after(self, position: int) -> int:
        """The end of the sentence holding `position`."""
        return self.sentences[self.sentence_of(position)][1] if self.sentences else len(self.text)

    def sentence_of(self, position: int) -> int:
        return max(0, bisect.bisect_right(self._sentence_starts, position) - 1)


def text_is_quoted(text: str, start: int, end: int) -> bool:
    """Whether the span opens and closes with quotation marks."""
    return text[start] in QUOTE_PAIRS and text[end - 1] in QUOTE_PAIRS.values()


def _next_mark(text: str, start: int, end: int) -> int | None:
    """The position of the first clause mark in [start, end), or None."""
    found = [at for at in (text.find(mark, start, end) for mark in _CLAUSE_MARKS) if at >= 0]
    return min(found) if found else None


def _quote_in(article: _Article, start: int, end: int) -> _Quote | None:
    """The first top-level quotation opening in [start, end)."""
    return article.quote_from(start, end)


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Drop spaces, punctuation (but not quotation marks) and linking particles at the edges."""
    while start < end and not (is_word_char(text[start]) or text[start] in QUOTE_PAIRS):
        start += 1
    while True:
        while end > start and not (is_word_char(text[end - 1]) or text[end - 1] in _KEPT_AT_END):
            end -= 1
        word_start = end
        while word_start > start and is_word_char(text[word_start - 1]):
            word_start -= 1
        if word_start < end and _f(text[word_start:end]) in _PARTICLES and word_start > start:
            end = word_start
            continue
        break
    return (start, end) if start < end else None


def _count_words(article: _Article, start: int, end: int) -> int:
    return article.word_index(end) - article.word_index(start)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """The sentences of a text as (start, end) code-point spans, as the suggestion rules cut
    them (a quotation is never cut; a line break always ends a sentence)."""
    return list(_Article(text).sentences)


class _Spans:
    """Spans (start, end), added in any order, and whether any of them overlaps a range: a
    look-up reads only the spans that start near the range (and the few long ones), so the
    rules that ask it once per cue or word stay linear in the article's length."""

    _LONG = 4096  # characters: longer spans (long quotations) are few and kept apart

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        self._long: list[tuple[int, int]] = []
        self._longest = 0  # of the spans kept in order

    def add(self, start: int, end: int) -> None:
        if end - start > self._LONG:
            self._long.append((start, end))
            return
        n = bisect.bisect_right(self._starts, start)
        self._starts.insert(n, start)
        self._ends.insert(n, end)
        self._longest = max(self._longest, end - start)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether a span (s, e) has s < end and start < e."""
        if any(s < end and start < e for s, e in self._long):
            return True
        # Such a span starts after start - longest (its end is at most its start + longest).
        low = bisect.bisect_right(self._starts, start - self._longest - 1)
        high = bisect.bisect_left(self._starts, end)
        return any(start < self._ends[n] for n in range(low, high))

    def holds(self, position: int) -> bool:
        """Whether a span (s, e) has s <= position < e."""
        return self.overlaps(position, position + 1)
