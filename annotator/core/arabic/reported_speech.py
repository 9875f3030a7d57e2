"""Reported speech in Arabic news, found by rules: quotations, reporting cues (verbs,
participles and phrases such as بحسب), the claim after each cue (a quotation, a clause after
أن/إن, or the object of a verb such as أكد) and its speaker (an explicit subject, else the subject
of an earlier cue of the sentence, of the sentence itself, the last speaker, a known entity);
every mention of a known entity is a speaker mention too. Pure functions over a text:
`detect(text, entities)`; `suggest.py` stores the result.

The rules are split by responsibility: `speech_lexicon` (the cue lexicon and the word classes
read), `speech_article` (words, quotations, sentences, cues of a text), `speaker_phrases`
(where a speaker's mention begins and ends), `claim_clauses` (where a claim begins and ends);
this module reads each cue and decides its speaker (the written subject, a relay's source,
the subject of the sentence, the last speaker).
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from annotator.core.arabic.claim_clauses import (
    _claims_after,
    _opens_clause,
    _quote_after_colon,
    _quote_before,
    _said_before,
)
from annotator.core.arabic.clitics import (
    is_given_name,
    looks_like_verb,
    segment,
)
from annotator.core.arabic.search import FoldedText, SearchOptions, compile_query, find_all
from annotator.core.arabic.speaker_phrases import (
    _has_written_preposition,
    _noun_phrase,
)
from annotator.core.arabic.speech_article import (
    _Article,
    _count_words,
    _Cue,
    _next_mark,
    _Spans,
    _trim,
    quotations,
    sentence_spans,
)
from annotator.core.arabic.speech_lexicon import (
    _AUTHORING,
    _BODIES,
    _BODY_TITLES,
    _BUT_FORMS,
    _BUTS,
    _CLAUSE_MARKS,
    _COMPLEMENTISERS,
    _CONTRASTS,
    _DESCRIBING,
    _GOVERNED,
    _LEAD_INS,
    _MAX_SUBJECT_WORDS,
    _MIN_LONE_QUOTE,
    _OBJECT_OPENERS,
    _PARTICLES,
    _QUESTIONS,
    _RELATIVES,
    _SAYING,
    _TASHKEEL,
    _TIME_WORDS,
    _TITLES,
    _VERB_FORMS,
    _addressee_after_form,
    _bare,
    _f,
    _is_preposition,
    learned_forms,
)
from annotator.core.arabic.text import QUOTE_PAIRS, is_word_char
from annotator.core.model import Entity

__all__ = [
    "ClaimSuggestion",
    "Detection",
    "SpeakerSuggestion",
    "detect",
    "learned_forms",
    "quotations",
    "sentence_spans",
]


@dataclass(frozen=True)
class SpeakerSuggestion:
    start: int
    end: int
    entity: str | None = None  # name of a known entity of the project


@dataclass(frozen=True)
class ClaimSuggestion:
    start: int
    end: int
    kind: str  # direct / indirect / paraphrase
    cue: str | None
    speaker: tuple[int, int] | None  # the span of its speaker suggestion
    cue_span: tuple[int, int] | None = None  # where the cue is written (without و/ف)


@dataclass(frozen=True)
class Detection:
    speakers: tuple[SpeakerSuggestion, ...]
    claims: tuple[ClaimSuggestion, ...]


@dataclass
class _Mention:
    start: int
    end: int
    entity: str | None = None


class _Mentions:
    """The mentions of known entities, in reading order and never overlapping (so their
    ends are in order too), looked up by position."""

    def __init__(self, mentions: Sequence[_Mention]):
        self.mentions = list(mentions)
        self._starts = [m.start for m in self.mentions]
        self._ends = [m.end for m in self.mentions]

    def __iter__(self) -> Iterator[_Mention]:
        return iter(self.mentions)

    def at(self, position: int) -> _Mention | None:
        """The mention holding `position`."""
        n = bisect.bisect_right(self._starts, position) - 1
        return self.mentions[n] if n >= 0 and position < self._ends[n] else None

    def inside(self, start: int, end: int) -> _Mention | None:
        """The first mention within [start, end)."""
        n = bisect.bisect_left(self._starts, start)
        return self.mentions[n] if n < len(self.mentions) and self._ends[n] <= end else None

    def starting(self, start: int, stop: int) -> list[_Mention]:
        """The mentions starting in [start, stop)."""
        low, high = bisect.bisect_left(self._starts, start), bisect.bisect_left(self._starts, stop)
        return self.mentions[low:high]

    def last_before(self, position: int) -> _Mention | None:
        """The last mention ending at or before `position`."""
        n = bisect.bisect_right(self._ends, position) - 1
        return self.mentions[n] if n >= 0 else None


@dataclass
class _State:
    speakers: dict[tuple[int, int], str | None] = field(default_factory=dict)
    claims: list[ClaimSuggestion] = field(default_factory=list)
    last_speaker: tuple[int, int] | None = None
    last_speaker_sentence: int = -1
    # The explicit subject of a cue, by sentence, even when the cue made no claim.
    cue_subjects: dict[int, tuple[int, int]] = field(default_factory=dict)
    # Indexes of the above, so that a rule's look-up does not read every claim or speaker.
    claim_spans: _Spans = field(default_factory=_Spans)
    speaker_spans: _Spans = field(default_factory=_Spans)
    # The speakers by the folded form of their last word, in the order they were found.
    by_last_word: dict[str, list[tuple[int, int]]] = field(default_factory=dict)

    def add_claim(self, claim: ClaimSuggestion) -> None:
        self.claims.append(claim)
        self.claim_spans.add(claim.start, claim.end)

    def add_speaker(
        self, article: _Article, span: tuple[int, int], entity: str | None = None
    ) -> None:
        """A speaker mention, unless it was found before (its entity then stays)."""
        if span in self.speakers:
            return
        self.speakers[span] = entity
        self.speaker_spans.add(*span)
        last = article.words[article.word_index(span[1]) - 1].form
        self.by_last_word.setdefault(last, []).append(span)


def detect(text: str, entities: Sequence[Entity] = (), cues: Iterable[str] = ()) -> Detection:
    """Suggested speaker mentions and claims of one text (pure: nothing is stored). `cues`:
    cue words learned from a project (see `learned_forms`), read besides the lexicon's."""
    names = frozenset(
        word
        for entity in entities
        for name in (entity.name, *entity.aliases)
        for word in _f(name).split()
        if len(word) > 2
    )
    article = _Article(text, learned_forms(cues), names)
    mentions = _Mentions(_entity_mentions(text, entities))
    state = _State()
    # The first line is the headline; «بعد الخسارة.. مدرب الفريق: …» has two sentences in it.
    headline_end = text.find("\n") if "\n" in text else len(text)
    cues_by_sentence: dict[int, list[_Cue]] = {}
    for cue in article.cues:
        number = article.sentence_of(article.words[cue.index].start)
        cues_by_sentence.setdefault(number, []).append(cue)
    for number, (start, end) in enumerate(article.sentences):
        cues = cues_by_sentence.get(number, [])
        if start < headline_end and _headline(article, start, end, cues, state):
            # «عون: التحقيق … سيكشف …»: a verb after the colon is part of what was said.
            cues = []
        # A cue inside what an earlier cue reports («أكد أن الرئيس قال …») is part of it.
        cues = [c for n, c in enumerate(cues) if n == 0 or _opens_clause(article, cues[n - 1], c)]
        for n, cue in enumerate(cues):
            if state.claim_spans.holds(article.words[cue.index].start):
                continue
            scope_end = article.words[cues[n + 1].index].start if n + 1 < len(cues) else end
            _read_cue(article, cue, start, end, scope_end, number, mentions, state)
    _lone_quotes(article, state)
    for mention in mentions:
        if not state.speaker_spans.overlaps(mention.start, mention.end):
            state.add_speaker(article, (mention.start, mention.end), mention.entity)
    for (s, e), entity in list(state.speakers.items()):
        if entity is None:
            state.speakers[(s, e)] = _entity_inside(mentions, s, e)
    speakers = tuple(SpeakerSuggestion(s, e, entity) for (s, e), entity in state.speakers.items())
    claims = sorted(state.claims, key=lambda c: c.start)
    return Detection(
        speakers=tuple(sorted(speakers, key=lambda s: (s.start, s.end))), claims=tuple(claims)
    )


def _entity_mentions(text: str, entities: Sequence[Entity]) -> list[_Mention]:
    """Every occurrence of a known entity's name or alias, spelled any way, as a whole word
    (with its article or a conjunction, but not after a preposition: «لهنية» is spoken to)."""
    options = SearchOptions(article=True, proclitics=True, whole_words=True)
    found: dict[tuple[int, int], str] = {}
    folded = FoldedText(text, options) if entities else None  # folded once for every name
    for entity in entities:
        for name in {entity.name, *entity.aliases}:
            query = compile_query(name, options)
            for start, end in find_all(folded, query) if query is not None else ():
                word_start = start
                while word_start > 0 and is_word_char(text[word_start - 1]):
                    word_start -= 1
                if any(ch in "بلك" for ch in _f(text[word_start:start])):
                    continue
                previous = _f(text[max(0, word_start - 5) : word_start]).split()[-1:]
                if previous and previous[0].lstrip("وف") in ("ل", "ب"):
                    continue  # «لـ النخالة»
                found.setdefault((start, end), entity.name)
    # Longer names win over the shorter ones they contain («إسماعيل قاآني» over «قاآني»).
    spans = sorted(found, key=lambda s: (s[0] - s[1], s[0]))
    kept: list[_Mention] = []
    taken = _Spans()
    for start, end in spans:
        if not taken.overlaps(start, end):
            kept.append(_Mention(start, end, found[(start, end)]))
            taken.add(start, end)
    return sorted(kept, key=lambda m: m.start)


def _entity_inside(mentions: _Mentions, start: int, end: int) -> str | None:
    mention = mentions.inside(start, end)
    return mention.entity if mention is not None else None


def _headline(article: _Article, start: int, end: int, cues: Sequence[_Cue], state: _State) -> bool:
    """A title «Speaker …: statement» suggests the statement as a paraphrase of the speaker,
    whatever verbs the statement holds; a cue before the colon («قال الوزير: …») is left to
    the cue rules. Whether the title was read so."""
    text = article.text
    colon = text.find(":", start, end)
    if colon < 0 or article.quote_around(colon) is not None:
        return False
    if any(article.words[cue.index].start < colon for cue in cues):
        return False
    first = article.word_index(start)
    speaker = _noun_phrase(article, first, article.word_index(colon))
    claim = _trim(text, colon + 1, end)
    if speaker is None or claim is None or _count_words(article, *claim) < 3:
        return False
    state.add_speaker(article, speaker)
    state.add_claim(ClaimSuggestion(*claim, "paraphrase", None, speaker))
    return True


def _read_cue(
    article: _Article,
    cue: _Cue,
    sentence_start: int,
    sentence_end: int,
    scope_end: int,
    number: int,
    mentions: _Mentions,
    state: _State,
) -> None:
    words = article.words
    after = cue.last + 1
    limit = article.word_index(scope_end)
    if cue.kind == "source":
        _read_source(article, cue, sentence_start, sentence_end, number, state)
        return
    subject = None
    # «وعما إذا كانت الحكومة …، قال:»: the question names no speaker and its verbs are no cues.
    question_end = _question_end(article, sentence_start, sentence_end)
    if question_end is not None:
        if words[cue.index].start < question_end:
            return
        sentence_start = question_end
    if cue.kind == "verb":
        subject = _subject_before(article, cue, sentence_start)
        if cue.index > 0 and _bare(words[cue.index - 1].form) in _RELATIVES:
            subject = _antecedent(article, cue.index - 1, sentence_start)
            if subject is None:
                return  # «…قانون المياه، الذي قال إن الحكومة ستحيله …»: not a person's
        if subject is None and words[cue.last].form != _f("عن"):
            # «وكشف عن حوافز …»: after «عن» comes what was said, never the subject.
            found = _noun_phrase(article, after, limit)
            if found is not None:
                found = _author(article, found, limit)
            if (
                found is not None
                and not _spoken_to(article, found, number, state)
                and not _described(article, cue, found)
                and _agrees(article, cue, found)
            ):
                subject = found
                after = article.word_index(found[1])
        if cue.relay:
            # «نقلت الإذاعة عن دبلوماسيين أن …»: the outlet relays, the source speaks.
            source = _relayed_source(article, after, limit)
            if source is None:
                return
            subject, after = source
        if subject is not None:
            state.cue_subjects.setdefault(number, subject)
    claims = _claims_after(article, cue, after, limit, scope_end, sentence_end)
    if not claims:
        claims = _said_before(article, cue, subject, sentence_start, sentence_end)
        claims = claims or _quote_after_colon(article, sentence_end)
        if not claims:
            return
    if subject is None:
        subject = _implicit_subject(article, cue, sentence_start, number, mentions, state)
    cue_end = words[cue.last].end
    cue_span = (cue_end - len(cue.text), cue_end)
    for start, end, kind in claims:
        if state.claim_spans.overlaps(start, end):
            continue
        state.add_claim(ClaimSuggestion(start, end, kind, cue.text, subject, cue_span))
    if subject is not None:
        state.add_speaker(article, subject)
        state.last_speaker, state.last_speaker_sentence = subject, number
        article.known_names.add(words[article.word_index(subject[1]) - 1].form)


def _author(article: _Article, phrase: tuple[int, int], limit: int) -> tuple[int, int] | None:
    """«كشفت دراسة أجراها فريق من كلية الطب أن …»: a study, and who made it after a verb
    of making with its pronoun; the maker speaks. The phrase itself otherwise."""
    words = article.words
    first, stop = article.word_index(phrase[0]), article.word_index(phrase[1])
    for index in range(first + 1, min(stop, first + 3)):
        if words[index].form in _AUTHORING and index + 1 < limit:
            return _noun_phrase(article, index + 1, limit) or phrase
    return phrase


def _agrees(article: _Article, cue: _Cue, phrase: tuple[int, int]) -> bool:
    """Whether the noun phrase after a verb can be its subject: a verb of the masculine
    singular («طالب», «يطالب») does not go before a feminine body («الحكومة», «الوزارة»),
    which is then its object («وطالب الحكومة بخفض الرسوم»)."""
    verb = article.words[cue.index]
    written = _f(article.text[verb.start : verb.end])
    written = written[1:] if written[:1] in "وف" and len(written) > 3 else written
    feminine_verb = written.endswith("ت") or written[:1] == "ت"
    if cue.kind != "verb" or feminine_verb or written.endswith(("وا", "ون")):
        return True
    head = article.words[article.word_index(phrase[0])]
    feminine = article.text[head.start : head.end].rstrip(_TASHKEEL).endswith("ة")
    return not (feminine and head.form in _BODIES | _BODY_TITLES)


def _described(article: _Article, cue: _Cue, phrase: tuple[int, int]) -> bool:
    """«ووصف الوضع بـ«المرهق»»: after وصف/اتهم the object comes before its «بـ…»; one noun
    phrase running up to «بـ» is that object, and the subject is not written."""
    if cue.lemma not in _DESCRIBING:
        return False
    first = article.words[article.word_index(phrase[0])].form
    if first in _TITLES or first in article.known_names or _bare(first) in _TITLES:
        return False  # «ووصف الوزير …»: a person describes
    words, text = article.words, article.text
    after = article.word_index(phrase[1])
    # «ووصف الوضع في الأرياف بـ«…»»: a phrase of place or time may come before «بـ».
    for index in range(after, min(after + 6, len(words))):
        word = words[index]
        if any(ch in text[words[index - 1].end : word.start] for ch in _CLAUSE_MARKS + ".:"):
            return False
        written = text[word.start : word.end]
        if word.form in {"ب", _f("بـ")} or segment(written).preposition == "ب":
            return True
        if index == after and not _is_preposition(word.form):
            return False
    return False


def _question_end(article: _Article, sentence_start: int, sentence_end: int) -> int | None:
    """After a question put to the speaker before the first comma of the sentence («وعما إذا
    كانت …،», «وردا على سؤال …،», «وسألناه إن كان …،»): where the sentence's own words
    start; None when the sentence opens with no question."""
    first = article.word_index(sentence_start)
    if first >= len(article.words):
        return None
    form = _bare(article.words[first].form)
    if not (form in _QUESTIONS or form.startswith(("سال", "سيل"))):
        return None
    comma = _next_mark(article.text, article.words[first].end, sentence_end)
    if comma is None or article.quote_around(comma) is not None:
        return None
    return comma + 1


def _antecedent(article: _Article, relative: int, sentence_start: int) -> tuple[int, int] | None:
    """The mention a relative pronoun after a comma refers to («والتقى السفير رئيس البرلمان
    سعد الله الريس، الذي قال …»): the longest noun phrase ending at the comma that begins
    with a title or a body; None when there is none (the cue then links as one without a
    written subject)."""
    words = article.words
    comma = words[relative - 1].end
    first = max(article.word_index(sentence_start), relative - _MAX_SUBJECT_WORDS)
    for index in range(first, relative):
        if words[index].form not in _TITLES | _BODIES:
            continue
        if index > 0 and _is_preposition(words[index - 1].form):
            continue
        phrase = _noun_phrase(article, index, relative, appositions=False)
        if phrase is not None and phrase[1] == comma:
            return phrase
    return None


def _relayed_source(
    article: _Article, index: int, limit: int
) -> tuple[tuple[int, int], int] | None:
    """After a relay verb and its outlet: the source named after «عن» and the index of the
    word after it (past «قوله»), or None when no «عن» follows within the clause."""
    words, text = article.words, article.text
    for at in range(index, min(limit, index + 8)):
        if at > index and any(ch in text[words[at - 1].end : words[at].start] for ch in ".:"):
            return None
        if words[at].form != _f("عن"):
            continue
        source = _noun_phrase(article, at + 1, limit)
        if source is None:
            return None
        after = article.word_index(source[1])
        if after < limit and words[after].form in _SAYING:
            after += 1
        return source, after
    return None


def _subject_before(article: _Article, cue: _Cue, sentence_start: int) -> tuple[int, int] | None:
    """The subject of «هنية أكد …» / «قائد … يؤكد …»: the words from the clause start to the
    cue, unless they are particles or a circumstantial phrase («وفي كلمة له …»)."""
    text, words = article.text, article.words
    cue_start = words[cue.index].start
    clause_start = sentence_start
    for mark in (*_CLAUSE_MARKS, ":", " - ", " – ", " — "):
        # «زيفار (وكالات) - أفادت …»: a dateline ends at its dash.
        at = text.rfind(mark, sentence_start, cue_start)
        if at >= 0 and article.quote_around(at) is None:
            clause_start = max(clause_start, at + len(mark))
    first, last = article.word_index(clause_start), cue.index
    while first < last and (words[first].form in _PARTICLES | _BUT_FORMS):
        first += 1  # «، لكنه تساءل: …»: the pronoun is the earlier speaker
    # «، إلا أن دائرة الأرصاد تتوقع …»: the contrast opens the clause, its subject follows.
    if first + 1 < last and _bare(words[first].form) in _CONTRASTS | _BUTS:
        first += 1 + (words[first + 1].form in _COMPLEMENTISERS)
    while last > first and words[last - 1].form in _PARTICLES:
        last -= 1  # «وكان الوزير قد أكد»
    if last - first == 1:
        written = text[words[first].start : words[first].end]
        if written[:1] in "وف" and looks_like_verb(written[1:]):
            return None  # «فضحك وقال …»: a verb before the cue, no subject
    if first >= last or last - first > _MAX_SUBJECT_WORDS:
        return None
    opening = words[first].form
    if _is_preposition(opening) or _is_preposition(_bare(opening)):
        return None
    if opening in _COMPLEMENTISERS or _bare(opening) in _TIME_WORDS:
        return None
    if article.cue_between(first, last):
        return None
    # An accusative is an object or an adverb, unless إن/أن governs it («أن عدداً من …»).
    governed = first > 0 and words[first - 1].form in _COMPLEMENTISERS
    for n, w in enumerate(words[first:last]):
        if article.text[w.start : w.end].endswith("اً") and not (governed and n == 0):
            return None
    return words[first].start, words[last - 1].end


def _implicit_subject(
    article: _Article,
    cue: _Cue,
    sentence_start: int,
    number: int,
    mentions: _Mentions,
    state: _State,
) -> tuple[int, int] | None:
    """Who speaks when the cue has no subject of its own («وأضاف أن …», «مشيراً إلى …»)."""
    cue_start = article.words[cue.index].start
    # The subject of an earlier cue of the same sentence: «أكد X …، مشيراً إلى …».
    if number in state.cue_subjects:
        return state.cue_subjects[number]
    # The subject of the sentence: «كما أجرى العميد قاآني اتصالاً …، أشاد خلاله …».
    found = _sentence_subject(article, sentence_start, cue_start, mentions, state)
    if found is not None:
        return found
    # The last speaker, if he spoke in the last few sentences, at his latest mention.
    if state.last_speaker is not None and number - state.last_speaker_sentence <= 3:
        return _latest_mention(article, state.last_speaker, cue_start, mentions, state.claim_spans)
    # A known entity mentioned before, else the subject of the previous sentence.
    before = mentions.last_before(cue_start)
    if before is not None:
        return before.start, before.end
    if number > 0:
        start, end = article.sentences[number - 1]
        return _sentence_subject(article, start, end, mentions, state)
    return None


def _spoken_to(article: _Article, phrase: tuple[int, int], number: int, state: _State) -> bool:
    """«أكد الوزير أن …، وطمأن المواطنين بأن …»: after an earlier cue of the sentence named
    its speaker, one definite word that is not a title, followed by أن, is whom he told. So is
    a group of people («الأهالي», «المواطنين») after a cue that goes on from the previous
    sentence's speaker («وطمأنت الأهالي بأن …», «وطالب المستثمرين بـ…»)."""
    first, last = article.word_index(phrase[0]), article.word_index(phrase[1])
    if last - first != 1 or last >= len(article.words):
        return False
    form = article.words[first].form
    if not form.startswith("ال") or form in _TITLES or form in _BODIES:
        return False
    following = article.words[last]
    written = article.text[following.start : following.end]
    complement = following.form in _COMPLEMENTISERS
    if number in state.cue_subjects:
        return complement
    recent = state.last_speaker is not None and number - state.last_speaker_sentence <= 2
    cue = article.words[first - 1]
    conjoined = article.text[cue.start : cue.start + 1] in "وف"
    told = complement or following.form in _GOVERNED or segment(written).preposition == "ب"
    return recent and conjoined and told and _addressee_after_form(form)


def _latest_mention(
    article: _Article,
    speaker: tuple[int, int],
    before: int,
    mentions: _Mentions,
    claims: _Spans,
) -> tuple[int, int]:
    """The latest mention of a speaker before position `before`: a later mention of the same
    known entity, or of his name's last word («قال الوزير أنس جابر … واستقبل جابر …»); the
    span itself when there is none. A word inside a claim is what was said, not a mention
    («وتابع أن الاتحاد قدم …»)."""
    entity = _entity_inside(mentions, *speaker)
    if entity is not None:
        later = [m for m in mentions.starting(speaker[1], before) if m.entity == entity]
        if later:
            return later[-1].start, later[-1].end
    words = article.words
    last_word = words[article.word_index(speaker[1]) - 1]
    if article.word_index(speaker[1]) - article.word_index(speaker[0]) < 2:
        return speaker  # a one-word mention: its repetitions are not told apart from others
    for index in range(article.word_index(before) - 1, article.word_index(speaker[1]) - 1, -1):
        word = words[index]
        if claims.holds(word.start):
            continue
        if word.form == last_word.form and article.quote_around(word.start) is None:
            previous = words[index - 1].form if index > 0 else ""
            if _is_preposition(previous) or _has_written_preposition(article, index):
                continue
            return _repeated_mention(article, speaker, index) or (word.start, word.end)
    return speaker


def _repeated_mention(
    article: _Article, speaker: tuple[int, int], index: int
) -> tuple[int, int] | None:
    """«الروائية ليلى عودة لـ«آفاق»: …» then «تحدثت الروائية ليلى عودة، الفائزة …، عن …»:
    when the speaker's last word at `index` ends a repetition of the whole mention (the same
    first words up to it), that later mention with its apposition."""
    words = article.words
    first = article.word_index(speaker[0])
    size = article.word_index(speaker[1]) - first
    start = index - size + 1
    if size < 2 or start <= first or start < 0:
        return None
    if any(words[start + k].form != words[first + k].form for k in range(size)):
        return None
    phrase = _noun_phrase(article, start, len(words))
    return phrase if phrase is not None and phrase[1] >= words[index].end else None


def _sentence_subject(
    article: _Article, start: int, end: int, mentions: _Mentions, state: _State
) -> tuple[int, int] | None:
    """The first mention of a person in a stretch that is not after a preposition: a known
    entity, a title with a name («العميد إسماعيل قاآني»), or a name that spoke before."""
    words = article.words
    known = state.by_last_word  # the last words of the speakers found so far
    opening = _opening_verb(article, start, end)
    if opening is not None:
        # «شكك أخصائي التغذية سامر قنديل في …، مشيراً …»: the verb's subject. After «و» the
        # verb goes on from the last speaker unless a person is named after it.
        verb, conjoined = opening
        subject = _noun_phrase(article, verb + 1, article.word_index(end), said=False)
        person = words[verb + 1].form in _TITLES - _BODY_TITLES
        if subject is not None and (not conjoined or person):
            return subject
        if conjoined:
            return None
    for index in range(article.word_index(start), article.word_index(end)):
        word = words[index]
        if article.quote_around(word.start) is not None:
            continue
        previous = words[index - 1].form if index > 0 else ""
        if _is_preposition(previous) or word.form[:1] in "لب" and word.form[1:3] == "ال":
            continue
        if article.verb_cue_ends_at(index - 1):
            continue  # right after a cue and not its subject: its object («وطالب الحكومة»)
        mention = mentions.at(word.start)
        if mention is not None:
            return mention.start, mention.end
        if word.form in known:
            # «تحدثت الروائية ليلى عودة، الفائزة …» after «الروائية ليلى عودة» spoke: the
            # whole repeated mention, not its last word (which only a speaker ending in
            # this word can repeat).
            for span in known[word.form]:
                repeated = _repeated_mention(article, span, index)
                if repeated is not None:
                    return repeated
        if word.form in _TITLES or word.form in known:
            phrase = _noun_phrase(article, index, article.word_index(end))
            if phrase is not None:
                return phrase
    return None


def _opening_verb(article: _Article, start: int, end: int) -> tuple[int, bool] | None:
    """«في المقابل، شكك أخصائي التغذية …»: the index of a word that reads as a verb opening
    the clause (after particles and a short lead-in phrase before a comma), and whether a
    conjunction is written on it; None when the clause opens otherwise."""
    words, text = article.words, article.text
    first, stop = article.word_index(start), article.word_index(end)
    if first >= stop:
        return None
    comma = _next_mark(text, start, end)
    if comma is not None and article.word_index(comma) - first <= 3:
        if _is_preposition(words[first].form) or _bare(words[first].form) in _LEAD_INS:
            first = article.word_index(comma + 1)  # «في المقابل،», «بدوره،»
    while first < stop and words[first].form in _PARTICLES:
        first += 1
    if first + 1 >= stop or article.cue_at(first) is not None:
        return None
    word = words[first]
    written = text[word.start : word.end]
    conjoined = written[:1] in "وف" and looks_like_verb(written[1:])
    if not conjoined and (not looks_like_verb(written) or is_given_name(written)):
        return None
    following = words[first + 1]
    if text[word.end : following.start].strip() or _is_preposition(following.form):
        return None
    if following.form in _COMPLEMENTISERS | _PARTICLES | _OBJECT_OPENERS:
        return None
    return first, conjoined


def _read_source(
    article: _Article,
    cue: _Cue,
    sentence_start: int,
    sentence_end: int,
    number: int,
    state: _State,
) -> None:
    """«…، بحسب المصدر» or «وبحسب المصدر، فإن …»: the source speaks the rest of the sentence."""
    text, words = article.text, article.words
    after = cue.last + 1
    if after < len(words) and words[after].form in {"ل", _f("لـ")}:
        after += 1
    # «وفق ما أفاد شهود عيان», «حسبما ذكرت الوكالة»: the source is the subject of the verb.
    if after < len(words) and (words[after].form == "ما" or words[cue.last].form == "حسبما"):
        after += words[after].form == "ما"
        if after < len(words) and _bare(words[after].form) in _VERB_FORMS:
            after += 1
    limit = article.word_index(sentence_end)
    speaker = _noun_phrase(article, after, limit) if after < limit else None
    if speaker is None:
        return
    takes_lam = _f(cue.text.split()[0]) in {_f("وفقا"), _f("طبقا")}
    if text[speaker[0]] == "ل" and (
        takes_lam or segment(text[speaker[0] : words[after].end]).preposition
    ):
        # «وفقاً لمصادر أمنية»: the source is after the preposition written on it.
        start = speaker[0] + 1
        while start < speaker[1] and not _f(text[start]):
            start += 1
        speaker = (start, speaker[1])
    cue_start = words[cue.index].start
    leading = all(
        w.form in _PARTICLES for w in words[article.word_index(sentence_start) : cue.index]
    )
    if leading:
        comma = -1
        for mark in _CLAUSE_MARKS:
            at = text.find(mark, speaker[1], sentence_end)
            if at >= 0 and (comma < 0 or at < comma):
                comma = at
        if comma < 0:
            return
        start = comma + 1
        index = article.word_index(start)
        while index < limit and words[index].form in _COMPLEMENTISERS | _PARTICLES:
            index += 1
        claim = _trim(text, words[index].start, sentence_end) if index < limit else None
    else:
        quote = _quote_before(article, cue_start, sentence_start)
        claim = (quote.start, quote.end) if quote else _trim(text, sentence_start, cue_start)
        if claim is not None and not quote:
            index = article.word_index(claim[0])
            while words[index].form in _PARTICLES and words[index].end < claim[1]:
                index += 1
            claim = _trim(text, words[index].start, claim[1])
    if claim is None or _count_words(article, *claim) < 2:
        return
    if state.claim_spans.overlaps(*claim):
        return
    quoted = text[claim[0]] in QUOTE_PAIRS and text[claim[1] - 1] in QUOTE_PAIRS.values()
    kind = "direct" if quoted else "indirect"
    state.add_claim(ClaimSuggestion(*claim, kind, cue.text, speaker))
    state.add_speaker(article, speaker)
    state.last_speaker, state.last_speaker_sentence = speaker, number


def _lone_quotes(article: _Article, state: _State) -> None:
    """A long quotation no cue introduced is a claim of the speaker of the claim found last
    (in the order the rules found them) of those ending before it."""
    # The claims found so far with a speaker, by end, with the latest place in the finding
    # order among those ending by each end.
    found = sorted((c.end, n) for n, c in enumerate(state.claims) if c.speaker is not None)
    ends = [end for end, _ in found]
    latest = list(itertools.accumulate((n for _, n in found), max))
    earlier = list(state.claims)
    lone: ClaimSuggestion | None = None  # the last claim made here with a speaker
    for quote in article.top_quotes:
        if quote.words < _MIN_LONE_QUOTE:
            continue
        if state.claim_spans.overlaps(quote.start, quote.end):
            continue
        if state.speaker_spans.overlaps(quote.start, quote.end):
            continue
        # The claims made here end before this quotation (top-level quotations do not
        # overlap) and were found after all the others.
        speaker = None
        if lone is not None:
            speaker = lone.speaker
        else:
            n = bisect.bisect_right(ends, quote.start) - 1
            speaker = earlier[latest[n]].speaker if n >= 0 else None
        claim = ClaimSuggestion(quote.start, quote.end, "direct", None, speaker)
        state.add_claim(claim)
        if speaker is not None:
            lone = claim
