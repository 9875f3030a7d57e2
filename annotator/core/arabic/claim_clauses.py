"""Where a claim begins and ends after (or before) its cue: a quotation, the clause after
أن/إن, the object of the verb of saying, up to the clause's end (a contrast, a new cue, the
sentence end), each coordinated «، وأن …» apart."""

from __future__ import annotations

from annotator.core.arabic.speaker_phrases import (
    _content_ahead,
    _describing_clause,
    _is_addressee,
    _outlet_told,
)
from annotator.core.arabic.speech_article import (
    _Article,
    _count_words,
    _Cue,
    _next_mark,
    _Quote,
    _quote_in,
    _time_at,
    _trim,
    text_is_quoted,
)
from annotator.core.arabic.speech_lexicon import (
    _ANONYMITY,
    _BUT_FORMS,
    _CIRCUMSTANCES,
    _CLAUSE_ENDS,
    _CLAUSE_MARKS,
    _COMPLEMENTISERS,
    _CONTRASTS,
    _DESCRIPTIVE,
    _GOVERNED,
    _MIN_LONG_QUOTE,
    _PARTICLES,
    _PHRASE_PREPOSITIONS,
    _PREPOSITIONS,
    _RELATIVES,
    _bare,
    _f,
    _is_preposition,
)
from annotator.core.arabic.text import QUOTE_PAIRS, is_word_char


def _opens_clause(article: _Article, previous: _Cue, cue: _Cue) -> bool:
    """Whether a cue starts a clause of its own rather than sitting inside the previous cue's
    claim: a participle or a source phrase, a verb with و/ف, or a verb after a comma."""
    word = article.words[cue.index]
    if cue.kind != "verb" or article.text[word.start : word.end] != cue.text:
        return True
    between = article.words[previous.last + 1 : cue.index]
    stretch_start = article.words[previous.last].end
    for mark_at in range(article.words[cue.index].start - 1, stretch_start - 1, -1):
        ch = article.text[mark_at]
        if ch in _CLAUSE_MARKS and article.quote_around(mark_at) is None:
            # «، غير أنه اعتبر …»: أن after a contrast opens the narrator's clause.
            return not any(
                w.start > mark_at
                and w.form in _COMPLEMENTISERS
                and not (n > 0 and _bare(between[n - 1].form) in _CONTRASTS)
                for n, w in enumerate(between)
            )
    return False


def _said_before(
    article: _Article,
    cue: _Cue,
    subject: tuple[int, int] | None,
    sentence_start: int,
    sentence_end: int,
) -> list[tuple[int, int, str]]:
    """What a cue after a comma reports when it comes before it: a quotation («"…"، قال
    الوزير») or, when the cue's subject ends the sentence, the clause before the comma
    («الحكومة ستطلب تمويلاً إضافياً، قال مسؤول في الوزارة.»)."""
    quote = _quote_before(article, article.words[cue.index].start, sentence_start)
    if quote is not None:
        return [(quote.start, quote.end, "direct")]
    text, words = article.text, article.words
    cue_start = words[cue.index].start
    if cue.kind != "verb" or subject is None or subject[0] < cue_start:
        return []
    comma = cue_start
    while comma > sentence_start and text[comma - 1].isspace():
        comma -= 1
    if comma <= sentence_start or text[comma - 1] not in _CLAUSE_MARKS:
        return []
    rest = words[article.word_index(subject[1]) : article.word_index(sentence_end)]
    # «…، قال العلوي مبتسماً وهو يغادر المنطقة.»: a state of his (an accusative, «وهو …»)
    # may follow at any length; anything else only briefly.
    state = bool(rest) and (
        text[rest[0].start : rest[0].end].endswith(("اً", "ًا")) or rest[0].form in _DESCRIPTIVE
    )
    if (len(rest) > 4 and not state) or any(w.form in _COMPLEMENTISERS for w in rest):
        return []  # the sentence goes on: what he said comes after him
    if _quote_in(article, subject[1], sentence_end) is not None:
        return []
    first = article.word_index(sentence_start)
    while first < cue.index and words[first].form in _PARTICLES:
        first += 1
    clause = _trim(text, words[first].start, comma - 1) if first < cue.index else None
    if clause is None or _count_words(article, *clause) < 3:
        return []
    if article.cue_between(article.word_index(clause[0]), cue.index):
        return []  # a cue of its own comes before: the clause is its claim
    return [(*clause, "indirect")]


def _quote_after_colon(article: _Article, sentence_end: int) -> list[tuple[int, int, str]]:
    """«وقال X في كلمته:» at the end of a paragraph, the quotation opening the next one."""
    text = article.text
    if not text[:sentence_end].rstrip().endswith(":"):
        return []
    position = sentence_end
    while position < len(text) and text[position].isspace():
        position += 1
    quote = article.quote_at(position) if position < len(text) else None
    return [(quote.start, quote.end, "direct")] if quote is not None else []


def _claims_after(
    article: _Article, cue: _Cue, index: int, limit: int, scope_end: int, sentence_end: int
) -> list[tuple[int, int, str]]:
    """The claims of a cue: what follows its subject up to the next cue of the sentence."""
    found = _what_was_said(article, cue, index, limit, scope_end, sentence_end)
    if cue.call:
        return [claim for claim in found if text_is_quoted(article.text, *claim[:2])]
    if cue.lemma in {_f("وصف"), _f("اتهم"), _f("واصف")}:
        # «وصف X Y بـ«…»»: the quoted description is the claim.
        # Only quotations from the word after the subject on to the end of the scope.
        first = article.words[index].start if index < len(article.words) else len(article.text)
        for quote in article.quotes_from(first):
            if quote.start >= scope_end:
                break
            if words_before := article.text[max(0, quote.start - 3) : quote.start]:
                if _f(words_before).rstrip(" ـ").endswith("ب"):
                    return [(quote.start, quote.end, "direct")]
    return found


def _what_was_said(
    article: _Article, cue: _Cue, index: int, limit: int, scope_end: int, sentence_end: int
) -> list[tuple[int, int, str]]:
    text, words = article.text, article.words
    complement = colon = addressed = False
    position = words[index - 1].end if index > 0 else 0
    # Addressees, prepositions, أن/إن and punctuation between the cue and what was said.
    while index < limit:
        word = words[index]
        gap = text[position : word.start]
        colon = colon or ":" in gap
        quote = _quote_in(article, position, word.start)
        if quote is not None and quote.words <= 3 and _outlet_told(article, index, quote):
            # «أبلغ مسؤول «الاقتصادي اليوم» أن …»: the outlet he told, then what he said.
            index, position, addressed = article.word_index(quote.end), quote.end, True
            continue
        if quote is not None:
            break
        if word.form in _COMPLEMENTISERS:
            complement = True
        elif word.form in _GOVERNED:
            pass
        elif _is_addressee(article, index):
            addressed = True
        elif word.form in {_f("لـ"), "ل"}:
            # «لـ النخالة», «لـ«الساحل الجديد»»: the addressee is the next word or quotation.
            named = _quote_in(article, word.end, word.end + 2)
            if named is not None:
                index, position = article.word_index(named.end), named.end
            elif index + 1 < limit:
                index, position = index + 2, words[index + 1].end
            else:
                break
            addressed = True
            continue
        elif _time_at(article, index):
            pass  # «حذرت الأمم المتحدة، الثلاثاء، من أن …»
        elif not complement and (skip := _describing_clause(article, index, limit)) is not None:
            # «مصدر مطلع طلب عدم الكشف عن اسمه إن …», «محللون تحدثوا لـ«الأسواق» أن …»
            index = skip
            position = max(position, words[index - 1].end)
            continue
        elif (
            not complement
            and (addressed or _is_preposition(word.form))
            and (ahead := _content_ahead(article, index, limit, commas=True)) is not None
        ):
            # «لنظيرها الفرنسي أن …», «في بيان إنها …», «خلال اتصال هاتفي ضرورة …»
            index = ahead
            position = max(position, words[index - 1].end)
            continue
        elif any(ch in gap for ch in _CLAUSE_MARKS) and (
            _bare(word.form) in _RELATIVES
            or word.form in _DESCRIPTIVE
            or _named_clause(article, index, sentence_end)
            or _anonymity(article, index, sentence_end)
            or _circumstance(article, index, sentence_end)
        ):
            # «وتابع المسؤول، الذي فضل عدم ذكر اسمه، أن …»: the relative clause describes him;
            # «، وهي طالبة في …،» too; «، في بيان صدر مساء الخميس،» says when and where.
            close = _next_mark(text, word.end, sentence_end)
            if close is None:
                break
            index = article.word_index(close + 1)
            position = close + 1
            continue
        elif (
            not cue.takes_object
            and not complement
            and (ahead := _content_ahead(article, index, limit, heads=False, commas=True))
            is not None
        ):
            # «أفاد مسؤول وكالة الأنباء، الخميس، أن …», «طمأنت المزارعين بأن …»,
            # «معرباً عن أسفه كون …»: whom he told, or what he felt, before what he said.
            index = ahead
            position = max(position, words[index - 1].end)
            continue
        else:
            break
        index += 1
        position = words[index - 1].end if index - 1 < len(words) else position
    start = words[index].start if index < len(words) else scope_end
    gap = text[position:start]
    colon = colon or ":" in gap
    quote = _quote_in(article, position, min(start, scope_end))
    found: list[tuple[int, int, str]] = []
    if quote is not None and (quote.words >= 2 or complement or colon):
        found.append((quote.start, quote.end, "direct"))
        position = quote.end
    for other in article.quotes_from(position):
        if other.start >= scope_end:
            break  # in reading order: the rest start later still
        if other.end <= max(scope_end, position) + 1 and other.words >= _MIN_LONG_QUOTE:
            found.append((other.start, other.end, "direct"))
    if found:
        return found
    if start >= scope_end:
        return []
    # An indirect claim runs to the next cue of the sentence (scope_end), else to its end,
    # and stops before a contrast the narrator adds («، إلا أنه امتنع …»).
    clause = _trim(text, start, _contrast(article, start, min(scope_end, sentence_end)))
    if clause is None or _count_words(article, *clause) < 2:
        return []
    if complement:
        return [(*part, "indirect") for part in _coordinated(article, *clause)]
    if colon:
        return [(*clause, "direct")]
    if cue.takes_object and words[index].form not in _PREPOSITIONS:
        return [(*clause, "indirect")]
    return []


def _named_clause(article: _Article, index: int, sentence_end: int) -> bool:
    """«، ويدعى سالم بو عيسى، أن …»: a clause with و between commas, of at most six words,
    right before أن/إن, that says who the speaker is."""
    words, text = article.words, article.text
    written = text[words[index].start : words[index].end]
    if written[:1] != "و" or len(written) < 4 or words[index].form in _COMPLEMENTISERS:
        return False
    close = _next_mark(text, words[index].start, sentence_end)
    if close is None or article.word_index(close) - index > 6:
        return False
    after = article.word_index(close + 1)
    return after < len(words) and words[after].form in _COMPLEMENTISERS


def _circumstance(article: _Article, index: int, sentence_end: int) -> bool:
    """«، في بيان صدر مساء الخميس،»: a clause between commas, of at most eight words, that
    opens with a preposition before a noun of the occasion («بيان», «مؤتمر») or a time word."""
    words = article.words
    close = _next_mark(article.text, words[index].start, sentence_end)
    if close is None or article.word_index(close) - index > 8:
        return False
    form = words[index].form
    if _time_at(article, index):
        return True
    if not (form in _PHRASE_PREPOSITIONS or form in {_f("خلال"), _f("عبر")}):
        return False
    return index + 1 < len(words) and words[index + 1].form in _CIRCUMSTANCES


def _anonymity(article: _Article, index: int, sentence_end: int) -> bool:
    """«، طلب عدم ذكر اسمه، …»: a clause between commas asking not to be named."""
    close = _next_mark(article.text, article.words[index].start, sentence_end)
    if close is None:
        return False
    words = article.words[index : article.word_index(close)]
    return len(words) <= 7 and any(w.form in _ANONYMITY for w in words)


def _coordinated(article: _Article, start: int, end: int) -> list[tuple[int, int]]:
    """An أن/إن clause cut at each «، وأن …» / «، وإن …» that coordinates another one: each
    is a claim of its own (the clauses after the first start after their و+أن)."""
    text, words = article.text, article.words
    parts, part_start = [], start
    for index in range(article.word_index(start) + 1, article.word_index(end)):
        word = words[index]
        if word.form[:1] != "و" or word.form[1:] not in _COMPLEMENTISERS:
            continue
        gap = text[words[index - 1].end : word.start]
        if not any(ch in gap for ch in _CLAUSE_MARKS) or article.quote_around(word.start):
            continue
        clause = _trim(text, part_start, words[index - 1].end)
        following = _trim(text, word.end, end)
        if clause is None or following is None:
            continue
        parts.append(clause)
        part_start = following[0]
    last = _trim(text, part_start, end)
    return parts + ([last] if last is not None else [])


def _contrast(article: _Article, start: int, end: int) -> int:
    """`end`, or the clause mark before «إلا أن» / «غير أن» / «لكنه» between `start` and
    `end`."""
    text, words = article.text, article.words
    for index in range(article.word_index(start) + 1, article.word_index(end)):
        word = words[index]
        gap = text[words[index - 1].end : word.start]
        if word.form in _BUT_FORMS and any(ch in gap for ch in _CLAUSE_MARKS):
            if article.quote_around(word.start) is None:
                return words[index - 1].end
        if _bare(word.form) not in _CLAUSE_ENDS or index + 1 >= len(words):
            continue
        if words[index + 1].form not in _COMPLEMENTISERS:
            continue
        gap = text[words[index - 1].end : word.start]
        if any(ch in gap for ch in _CLAUSE_MARKS) and article.quote_around(word.start) is None:
            return words[index - 1].end
    return end


def _quote_before(article: _Article, cue_start: int, sentence_start: int) -> _Quote | None:
    """A quotation the cue follows: «"…"، قال الوزير»."""
    text = article.text
    position = cue_start
    while position > sentence_start and not (
        is_word_char(text[position - 1]) or text[position - 1] in QUOTE_PAIRS.values()
    ):
        position -= 1
    quote = article.quote_around(position - 1) if position > 0 else None
    if quote is not None and quote.end == position and quote.words >= 2:
        return quote
    return None
