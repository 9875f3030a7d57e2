"""Where a speaker's mention begins and ends: the naming noun phrase (titles, names, phrases
inside a title, appositions) and what stops it (time words, addressees and outlets told, verbs
and objects after it, clauses that describe the speaker)."""

from __future__ import annotations

from annotator.core.arabic.clitics import (
    is_given_name,
    looks_like_verb,
    pronoun_suffixed,
    segment,
)
from annotator.core.arabic.speech_article import (
    _Article,
    _next_mark,
    _Quote,
    _quote_in,
    _time_at,
)
from annotator.core.arabic.speech_lexicon import (
    _ADDRESSEE_HEADS,
    _ANONYMITY,
    _AUDIENCES,
    _BODIES,
    _CIRCUMSTANCES,
    _CLAUSE_MARKS,
    _COMPLEMENTISERS,
    _COMPOUND_ENDS,
    _DEMONSTRATIVES,
    _DESCRIPTIVE,
    _ELATIVE,
    _GOVERNED,
    _ISSUED,
    _LATTER,
    _MASDAR,
    _MAX_SUBJECT_WORDS,
    _MONTH_FORMS,
    _NAME_PARTS,
    _NAMED_PREPOSITIONS,
    _NISBA_ENDINGS,
    _OBJECT_HEADS,
    _OBJECT_OPENERS,
    _OUTLETS,
    _PARTICLES,
    _PERSON_TITLES,
    _PHRASE_PREPOSITIONS,
    _PREPOSITIONS,
    _PRONOUNS,
    _QUESTIONS,
    _RELATIVES,
    _SAYING,
    _SENTENCE_ENDS,
    _TASHKEEL,
    _TIME_WORDS,
    _TITLE_ADJECTIVES,
    _TITLE_ADVERBS,
    _TITLES,
    _addressee_after_form,
    _bare,
    _definite,
    _f,
    _is_number,
    _is_preposition,
)
from annotator.core.arabic.text import QUOTE_PAIRS


def _content_ahead(
    article: _Article, index: int, limit: int, heads: bool = True, commas: bool = False
) -> int | None:
    """Where what was said starts after an addressee or a circumstance: the index of أن/إن,
    of an object head («ضرورة», when `heads`) or of the first word of a quotation, within
    eight words and before any punctuation (commas allowed when `commas`: «وكالة الأنباء،
    الخميس، أن …»); None when there is none. A short quotation right after a word is part of
    a name («لصحيفة «المساء»») and is read through."""
    words, text = article.words, article.text
    ahead = index + 1
    resume = None  # where the text goes on after a name in quotation marks
    while ahead < min(index + 11, limit):
        gap_start = words[ahead - 1].end if resume is None else resume
        resume = None
        gap = text[gap_start : words[ahead].start]
        quote = _quote_in(article, gap_start, words[ahead].start)
        if quote is not None:
            after = article.word_index(quote.end)
            # «لصحيفة «المساء» إن …», «لـ«الساحل الجديد» عقب اللقاء إن …»: a short quotation
            # after an outlet or «لـ» is a name; one followed by إن is a name too.
            if quote.words <= 3 and gap.strip()[:1] == text[quote.start] and after < limit:
                if _names_outlet(article, ahead - 1):
                    ahead, resume = after, quote.end
                    continue
                if words[after].form in _COMPLEMENTISERS:
                    if not text[quote.end : words[after].start].strip(" ،,"):
                        return after
            return ahead
        marks = gap.strip()
        if marks and not (commas and all(ch in _CLAUSE_MARKS for ch in marks)):
            return None
        if article.cue_at(ahead) is not None:
            return None
        form = words[ahead].form
        if form in _COMPLEMENTISERS or (heads and form in _OBJECT_HEADS):
            return ahead
        ahead += 1
    return None


def _names_outlet(article: _Article, index: int) -> bool:
    """Whether word `index` is «لـ», «مع» or an outlet noun («لصحيفة», «قناة»): a quotation
    after it is the outlet's name."""
    form = article.words[index].form
    if form in {"ل", _f("لـ"), _f("مع")}:
        return True
    rest = _f(segment(article.text[article.words[index].start : article.words[index].end]).rest)
    return form in _OUTLETS or rest in _OUTLETS


def _is_addressee(article: _Article, index: int) -> bool:
    """«لهنية», «له», «للصحفيين»: who was spoken to, written with ل."""
    word = article.words[index]
    if word.form in _COMPLEMENTISERS:
        return False
    if word.form[:1] == "ل" and word.form[1:] in article.names:
        return True
    return segment(article.text[word.start : word.end]).preposition == "ل"


def _noun_phrase(
    article: _Article, index: int, limit: int, appositions: bool = True, said: bool = True
) -> tuple[int, int] | None:
    """The mention starting at word `index`: words up to a preposition, أن, a relative, a time
    word, punctuation, a cue or an accusative (‑اً); a short quotation («قوة القدس») inside it
    is part of the name, and so is a description between commas after it (`_apposition`).
    A prepositional phrase inside the mention («مسؤول في وزارة العدل», «رئيس نقابة الأطباء في
    الريان الدكتور سمير عبود», «الرئيس التنفيذي للمجموعة») is kept when what was said starts
    right after the mention (أن/إن, a colon, a quotation, a comma; not when `said` is False, for
    a subject of a verb that is no cue) or a name follows it; otherwise the mention ends
    before it."""
    text, words = article.text, article.words
    first = index
    last = None
    before_phrase = None  # where the mention ends without its prepositional phrases
    named_before = None  # the end before a phrase kept only when a name follows it
    position = words[index - 1].end if index > 0 else 0
    while index < limit and index - first < _MAX_SUBJECT_WORDS:
        word = words[index]
        gap = text[position : word.start]
        if last is not None and any(ch in gap for ch in _CLAUSE_MARKS + ":" + _SENTENCE_ENDS):
            if appositions and any(ch in gap for ch in _CLAUSE_MARKS):
                last = _apposition(article, index, limit) or last
            break
        if last is not None and _opens_phrase(article, index, limit):
            before_phrase = before_phrase or last
            last = word.end
            position = word.end
            index += 1
            continue
        if last is not None and _opens_named_phrase(article, index, limit):
            # «الرئيسة التنفيذية لـ«نسيم» ريم الأيوبي», «النائب عن كتلة الوفاق سليمان الحداد»
            before_phrase = before_phrase or last
            named_before = last
            quote = _quote_in(article, word.end, word.end + 2)
            last = quote.end if quote is not None else word.end
            position = last
            index = article.word_index(last)
            continue
        quote = _quote_in(article, position, word.start)
        if quote is not None:
            if last is None or quote.words >= 3 or _outlet_told(article, index, quote):
                break
            index = article.word_index(quote.end)
            last = quote.end
            position = quote.end
            continue
        if _stops_phrase(article, index, first):
            break
        last = word.end
        position = word.end
        index += 1
    if last is None:
        return None
    last = _without_addressee(article, first, last)
    opened = text.count("(", words[first].start, last) - text.count(")", words[first].start, last)
    if opened > 0 and text[last : last + 1] == ")":
        last += 1  # «صندوق النقد الإقليمي (RMF)»
    if named_before is not None:
        if not _name_after_phrase(article, article.word_index(named_before), last):
            last = named_before  # «… الدكتور فؤاد الزين لـ«النهار الوطني» إن …»: told
    if before_phrase is not None and before_phrase < last:
        named = _name_after_phrase(article, article.word_index(before_phrase), last)
        if not named and not (said and _said_after(article, last)):
            last = before_phrase
    return words[first].start, last


def _name_after_phrase(article: _Article, phrase: int, end: int) -> bool:
    """Whether a person's name ends the mention after the prepositional phrase opening at word
    `phrase` («المدير الفني لفريق النجوم البرتغالي رودريغو مارتينز», «الأمين العام للجامعة
    فيصل المهيري»): a title of a person, or a word without the article after a definite word
    or a quotation (a definite noun takes no indefinite word after it but a name), neither
    an accusative nor written with a preposition, with at most three words after it."""
    words, text = article.words, article.text
    stop = article.word_index(end)
    for index in range(phrase + 1, stop):
        word = words[index]
        if stop - index > 4:
            continue
        if word.form in _PERSON_TITLES and index + 1 < stop:
            return True
        previous = words[index - 1]
        after_quote = text[previous.end : word.start].strip() in QUOTE_PAIRS.values()
        if not (_definite(previous.form) or after_quote) or _definite(word.form):
            continue
        written = text[word.start : word.end]
        if written.endswith(("اً", "ًا")) or _is_preposition(word.form) or word.form in _BODIES:
            continue
        if segment(written).preposition or word.form in _COMPLEMENTISERS | _PARTICLES:
            continue
        following = words[index + 1].form if index + 1 < len(words) else ""
        if looks_like_verb(written) and not is_given_name(written) and not _definite(following):
            continue  # «… لإعادة الهيكلة تشمل بيع …»: a verb; but «ريم الأيوبي» is a name
        return True
    return False


def _without_addressee(article: _Article, first: int, last: int) -> int:
    """«العميد قاآني لهنية أن …»: a last word beginning with ل after a name, right before
    أن/إن, is whom he told, whatever the morphology says of an unknown name."""
    words = article.words
    end_index = article.word_index(last) - 1
    if end_index - first < 1 or end_index + 1 >= len(words):
        return last
    word, previous = words[end_index], words[end_index - 1]
    if word.form[:1] != "ل" or len(word.form) < 4 or word.form.startswith("لل"):
        return last
    if words[end_index + 1].form not in _COMPLEMENTISERS or previous.form in _TITLES | _BODIES:
        return last
    if article.text[previous.end : word.start].strip() or previous.form in _COMPOUND_ENDS:
        return last  # «بهاء الدين لطيف»
    if is_given_name(article.text[word.start : word.end]):
        return last  # «المديرة ليلى»
    if is_given_name(article.text[previous.start : previous.end]):
        return last  # «المهندس غسان لطفي»: a family name after a given name
    return previous.end


def _opens_named_phrase(article: _Article, index: int, limit: int) -> bool:
    """Whether word `index` is «عن» after a title («النائب عن …») or «لـ» before a short
    quotation («لـ«نسيم»»): a phrase that belongs to the mention only when a name follows."""
    words = article.words
    form = words[index].form
    if form in _NAMED_PREPOSITIONS:
        return index > 0 and words[index - 1].form in _TITLES and index + 1 < limit
    if form in {"ل", _f("لـ")}:
        quote = _quote_in(article, words[index].end, words[index].end + 2)
        return quote is not None and quote.words <= 3
    return False


def _opens_phrase(article: _Article, index: int, limit: int) -> bool:
    """Whether word `index` opens a prepositional phrase that may belong to the mention: «في»,
    «لدى», «على», «من» before a noun that is not a circumstance, or a word with ل/ب written
    on it («للمجموعة») that is not an outlet spoken to («لصحيفة») nor a known name."""
    words = article.words
    form = words[index].form
    if form == _f("عن") and index > 0 and words[index - 1].form in _ISSUED:
        return True  # «بيان صادر عن الوزارة»
    if form in _PHRASE_PREPOSITIONS:
        if index + 1 >= limit or article.text[words[index].end : words[index + 1].start].strip():
            return False
        following = words[index + 1].form
        circumstance = following.removeprefix("ال") in _CIRCUMSTANCES
        if circumstance or _bare(following) in _TIME_WORDS:
            return False
        ahead = [w.form for w in words[index + 1 : min(index + 4, limit)]]
        if any(_is_number(form) or form in _MONTH_FORMS for form in ahead):
            return False  # «في 12 مارس», «في الثالث من نيسان»: a date
        return not _is_preposition(following) and following not in _COMPLEMENTISERS
    segments = segment(article.text[words[index].start : words[index].end])
    if segments.conjunction or segments.preposition != "ل" or len(form) < 4:
        return False
    rest = _f(segments.rest)
    if rest in _OUTLETS or rest.removeprefix("ال") in _OUTLETS or rest in article.names:
        return False
    # «لنظيرها», «له»: a pronoun written on the word names whom he spoke to.
    if rest in _CIRCUMSTANCES or segments.rest.endswith(("ه", "ها", "هم", "هما")):
        return False
    # «للصحفيين», «للمواطنين», «للنواب»: people spoken to.
    if rest.removeprefix("ال").removeprefix("ل") in _AUDIENCES:
        return False
    return not _sound_plural(segments.rest)


def _addressee_after(article: _Article, index: int) -> bool:
    """Whether word `index` begins whom the speaker told after his mention: a head of such a
    phrase («وسائل الإعلام», «جهود العناصر»), or a group of people with the article after a
    definite singular («الزين الأهالي», «الوزير المواطنين»)."""
    words = article.words
    form, previous = words[index].form, words[index - 1].form
    if article.text[words[index - 1].end : words[index].start].strip():
        return False
    if form in _ADDRESSEE_HEADS:
        return True
    # After a word without the article the definite word is its complement («رئيس اتحاد
    # المزارعين»), so only after a definite singular.
    if not form.startswith("ال") or not _definite(previous) or _sound_plural(previous):
        return False
    return _addressee_after_form(form)


def _describing_clause(article: _Article, index: int, limit: int) -> int | None:
    """A clause without a relative pronoun that describes an indefinite speaker and opens
    with a verb outside the lexicon: «طلب عدم الكشف عن اسمه» (then the index after it), or
    «تحدثوا لـ«الأسواق»» before أن/إن (then the index of أن); None otherwise."""
    words = article.words
    written = article.text[words[index].start : words[index].end]
    if not looks_like_verb(written) or article.cue_at(index) is not None:
        return None
    form = words[index].form
    if _is_preposition(form) or form in _PARTICLES | _COMPLEMENTISERS | _QUESTIONS:
        return None  # «حول», «عند»: prepositions of a triliteral root
    for at in range(index + 1, min(index + 8, limit)):
        if any(ch in article.text[words[at - 1].end : words[at].start] for ch in ".:"):
            return None
        if words[at].form in _ANONYMITY:
            return at + 1
    ahead = _content_ahead(article, index, limit, heads=False)
    if ahead is not None and words[ahead].form in _COMPLEMENTISERS:
        return ahead
    return None


def _said_after(article: _Article, end: int) -> bool:
    """Whether what was said, or a pause before it, starts right after position `end`: a
    comma, a colon, a quotation, أن/إن, «قوله» or a cue."""
    text = article.text
    position = end
    while position < len(text) and text[position] == " ":
        position += 1
    if position >= len(text) or text[position] in _CLAUSE_MARKS + ":" + _SENTENCE_ENDS:
        return True
    if article.quote_at(position) is not None:
        return True
    index = article.word_index(position)
    if index >= len(article.words):
        return True
    if _describing_clause(article, index, len(article.words)) is not None:
        return True  # «مصدر مطلع على المفاوضات طلب عدم الكشف عن اسمه إن …»
    form = article.words[index].form
    following = article.words[index + 1].form if index + 1 < len(article.words) else ""
    return (
        form in _COMPLEMENTISERS
        or form in _SAYING
        or form in _GOVERNED  # «لفت إلى …», «حذر من …»
        or _is_addressee(article, index)  # «… للصحفيين بأن …»
        or form in _OBJECT_OPENERS  # «عزا … هذا النمو إلى …»
        or _bare(form) in _TIME_WORDS
        or form in {"ل", _f("لـ")}
        or (_is_preposition(form) and following in _CIRCUMSTANCES | _COMPLEMENTISERS)
        or article.cue_at(index) is not None
    )


def _outlet_told(article: _Article, index: int, quote: _Quote) -> bool:
    """«أبلغ مسؤول في الهيئة «الاقتصادي اليوم» أن …»: a short quotation right before أن,
    not after a body or a title that it names, is the outlet he told."""
    words = article.words
    after = article.word_index(quote.end)
    if after >= len(words) or words[after].form not in _COMPLEMENTISERS:
        return False
    previous = words[index - 1].form if index > 0 else ""
    if previous in _TITLES | _BODIES | _OUTLETS or _bare(previous) in _OUTLETS:
        return False
    # «مصادر دبلوماسية «الصباح»», «مسؤول حكومي رفيع «الصباح»»: after the adjectives of a
    # source it is the outlet told.
    heads = [w.form for w in words[max(0, index - 3) : index - 1]]
    if previous.endswith(_NISBA_ENDINGS + ("يه",)) or any(h in _TITLES for h in heads):
        return True
    # «صاحب كتاب «اقتصاد الظل»», «حركة «حماس»»: after an indefinite noun it is a name.
    return previous.startswith("ال")


def _sound_plural(form: str) -> bool:
    """Whether a folded word (with or without the article) is a sound masculine plural of five
    letters or more («المواطنين», «محللون»); «الشؤون», «الزين» end so by their root."""
    rest = form.removeprefix("ال")
    return rest.endswith(("ين", "ون")) and len(rest) >= 5


def _stops_phrase(article: _Article, index: int, first: int) -> bool:
    word = article.words[index]
    form = word.form
    if index > first and form in _DESCRIPTIVE:
        return True  # «… القاضي عبد الحكيم المصري وهو يتلو منطوق الحكم:»
    if index > first and _adverb_in_title(article, index):
        return False
    if index > first and form[:1] == "ل" and form[1:].removeprefix("ال") in _OUTLETS:
        return True  # «لقناة الشروق», «للتلفزيون»: the outlet he spoke to
    if form in _COMPLEMENTISERS or form in _RELATIVES or _time_at(article, index):
        return True
    # «منى» (a name) folds like «مني» (from me): a preposition with a pronoun ends in ي.
    maqsura = article.text[word.start : word.end].rstrip(_TASHKEEL).endswith("ى")
    if form in _PREPOSITIONS or (_is_preposition(form) and not maqsura) or form in _PARTICLES:
        return True
    if form in {"ل", "ب"}:  # «لـ«الوادي»»: whom he told, never the speaker
        return True
    if index > first and (form in _OBJECT_HEADS or form in _SAYING):
        return True
    if index == first and form in _PRONOUNS:
        return True  # «وقال هو إن …»: a pronoun names no one; the cue links to the mention
    if form in _OBJECT_OPENERS:  # «وعزت ذلك إلى …»: «ذلك» is the object, not a subject
        # «وأضاف هذا المسؤول أن …»: a demonstrative before a title is the subject.
        following = article.words[index + 1].form if index + 1 < len(article.words) else ""
        demonstrative = form in _DEMONSTRATIVES and following in _TITLES | _BODIES | _LATTER
        return not (index == first and demonstrative)
    # «لهنية», «بالمقاومة»: spoken to, or an object; but «للأمم المتحدة», «باسم» name a body.
    # Whether ب/ل is a preposition is the morphology's call: «سفير بريطانيا», «رئيس بلدية».
    segments = segment(article.text[word.start : word.end])
    if index > first + 1 and form.startswith("بو") and len(form) > 3:
        # «للاتحاد خليل بوعزة»: after a given name that follows a definite word, «بو…» is a
        # family name (the Maghrebi «بو» of «أبو»), not ب + a noun.
        given, before = article.words[index - 1], article.words[index - 2]
        if not _definite(given.form) and _definite(before.form):
            gaps = article.text[before.end : given.start] + article.text[given.end : word.start]
            if not gaps.strip():
                return False
    if index > first and form[:1] in "لب" and _bare(form)[1:] in article.names:
        return True
    if index > first and segments.preposition and len(form) > 2:
        # «للأمم المتحدة» names a body; «للصحفيين» names whom he told.
        plural = form.startswith("لل") and (_sound_plural(form[1:]) or form[2:] in _AUDIENCES)
        if plural or not (form.startswith("لل") or form == _f("باسم")):
            return True
    if (
        index == first
        and segments.preposition
        and (segments.rest.startswith("ال") or form.startswith("لل"))
    ):
        return True
    if article.cue_at(index) is not None:
        return True
    if index > first and _ends_name(article, index, first):
        return True
    if index > first and _after_definite(article, index):
        return True
    if index > first and _addressee_after(article, index):
        return True
    if index > first and form in _CIRCUMSTANCES and _definite(article.words[index - 1].form):
        return True  # «ألقى رئيس الوزراء عماد الصالحي كلمة أمام …»: what he gave
    written = article.text[word.start : word.end]
    # An indefinite accusative («اتصالاً», «مجدداً») is an object or an adverb, not a name.
    return written.endswith("اً") or written.endswith("ًا")


def _after_definite(article: _Article, index: int) -> bool:
    """Whether word `index`, without the article after a definite word, begins what follows a
    mention rather than a name in it (a definite noun takes no indefinite noun after it but
    a name): a noun with a pronoun on it («أستاذ الاقتصاد حديثه») or a word that reads as a
    verb («… بلال المصري شكك في …», «الحكومة تملك حلولاً») not followed by a definite word
    (a family name: «ريم الحاج») and not a given name."""
    words, text = article.words, article.text
    word, previous = words[index], words[index - 1]
    # «محللون اقتصاديون تحدثوا …»: a plural takes no name after it either.
    plural = _sound_plural(previous.form)
    if not (_definite(previous.form) or plural) or _definite(word.form):
        return False
    if word.form in _NAME_PARTS:
        return False
    if text[previous.end : word.start].strip():
        return False
    written = text[word.start : word.end]
    if word.form in _COMPOUND_ENDS or is_given_name(written):
        return False
    if pronoun_suffixed(written):
        return True
    if not looks_like_verb(written):
        return False
    # A verb is followed by its complement (a preposition, an accusative, أن) or ends the
    # clause; a name is followed by the rest of the name («ريم حداد», «ريم الحاج»).
    if index + 1 >= len(words) or text[word.end : words[index + 1].start].strip():
        return True
    following = words[index + 1]
    accusative = text[following.start : following.end].endswith(("اً", "ًا"))
    return (
        accusative
        or _is_preposition(following.form)
        or bool(segment(text[following.start : following.end]).preposition)
        or following.form in _COMPLEMENTISERS | _PARTICLES | _OBJECT_HEADS | {"ل", "ب"}
    )


def _adverb_in_title(article: _Article, index: int) -> bool:
    """«رئيس البلدية المنتخب حديثاً بلال …»: an adverb of time after a definite participle,
    followed by a name (a word without the article that is neither a preposition, أن, a time
    word nor an accusative), is part of the title."""
    words, text = article.words, article.text
    word = words[index]
    written = text[word.start : word.end]
    if word.form not in _TITLE_ADVERBS and _f(written.rstrip("ًا")) + "ا" not in _TITLE_ADVERBS:
        return False
    if not words[index - 1].form.startswith("ال") or index + 1 >= len(words):
        return False
    following = words[index + 1]
    if text[words[index - 1].end : word.start].strip():
        return False
    if text[word.end : following.start].strip():
        return False
    after = text[following.start : following.end]
    return not (
        _definite(following.form)
        or after.endswith(("اً", "ًا"))
        or _is_preposition(following.form)
        or bool(segment(after).preposition)
        or following.form in _COMPLEMENTISERS | _PARTICLES
        or _bare(following.form) in _TIME_WORDS
        or article.cue_at(index + 1) is not None
    )


def _ends_name(article: _Article, index: int, first: int) -> bool:
    """Whether word `index` starts what follows a speaker's name rather than continuing it:
    an outlet spoken to after a description («مسؤول أوروبي وكالة …»), a definite noun after
    a definite noun that is neither an adjective nor a title («الأمين العام التطورات»,
    «الوزير المواطنين»), or a verbal noun «التفعيل» after a name («كمال ناصر التأخير»)."""
    words = article.words
    form, previous = words[index].form, words[index - 1].form
    if form in _OUTLETS or _bare(form) in _OUTLETS:
        return previous not in _TITLES and previous != _f("باسم")
    if form in _BODIES and not form.startswith("ال") and previous.startswith("ال"):
        # «اتهم رئيس الاتحاد وزارة الزراعة …»: a new construct after a whole mention.
        return previous not in _TITLES and not _is_preposition(previous)
    if index - 1 == first and previous in article.known_names and form.startswith("ال"):
        # «الفرحات المنظمات …», «صبري الحكومة»: a name said before, then the object.
        return not form.endswith(_NISBA_ENDINGS) and form not in _TITLE_ADJECTIVES
    if not form.startswith("ال") or form in _TITLES or form in _TITLE_ADJECTIVES:
        return False
    heads = _TITLES | _BODIES
    if _MASDAR.match(form) and index - 2 >= first and not previous.startswith("ال"):
        # «كمال ناصر التأخير», «بهاء الدين لطيف التراجع»: a verbal noun after a name.
        earlier = words[index - 2].form
        named = not earlier.startswith("ال") or earlier in _COMPOUND_ENDS
        if previous not in heads and earlier not in heads and named:
            return True
    if not previous.startswith("ال"):
        return False
    # «فؤاد الزين الأهالي»: after a family name only an adjective of a title goes on
    # («عبد الرحمن الفلاحي» is one name).
    # «سعد الله الريس», «بهاء الدين …»: a compound given name, then the family name.
    if previous in _COMPOUND_ENDS and index - 2 >= first:
        return False
    if index - 2 >= first and words[index - 2].form not in heads | _NAME_PARTS:
        earlier = words[index - 2]
        written = article.text[earlier.start : earlier.end]
        if not earlier.form.startswith("ال") and not _is_preposition(earlier.form):
            # «فؤاد الزين الأهالي»; not «أسواق السلع الأولية», «باسم المعارضة المسلحة».
            if is_given_name(written):
                if article.text[earlier.end : words[index - 1].start].strip() == "":
                    return True
    if form.endswith(_NISBA_ENDINGS) or _ELATIVE.match(form):
        return False  # «الوطني», «الأخضر», «الأعلى»: adjectives
    # Participles agreeing with the noun: «القوات المسلحة», «الجهات المعنية».
    return not (form.startswith("الم") and not form.endswith(("ين", "ون")))


def _description(article: _Article, index: int, close: int) -> tuple[int, int] | None:
    """«الروائية ليلى عودة، الفائزة بجائزة النخيل للرواية هذا العام، …»: a description that
    is not one noun phrase (prepositional phrases, a time word) but opens with a title or a
    definite participle and holds no verb, cue, أن or relative, up to the comma; None when the
    words are not one."""
    words = article.words
    stop = article.word_index(close)
    opening = words[index].form
    if not (opening in _TITLES or opening.startswith("الم") or opening.startswith("ال")):
        return None
    if stop - index > 10:
        return None
    for at in range(index, stop):
        word = words[at]
        written = article.text[word.start : word.end]
        if article.cue_at(at) is not None or word.form in _COMPLEMENTISERS:
            return None
        if _bare(word.form) in _RELATIVES or (looks_like_verb(written) and at > index):
            if not is_given_name(written):
                return None
    return words[index].start, words[stop - 1].end


def _apposition(article: _Article, index: int, limit: int) -> int | None:
    """«سليم داود، مدير الميناء، إن …»: the end of a description between commas right after
    a name, when what was said follows it (أن/إن, a quotation, a colon, a circumstance);
    None when the words after the comma are not one."""
    text, words = article.text, article.words
    if index >= limit:
        return None
    form = words[index].form
    if _bare(form) in _RELATIVES or form in _COMPLEMENTISERS or _bare(form) in _TIME_WORDS:
        return None
    if segment(text[words[index].start : words[index].end]).conjunction or form[:1] == "و":
        return None  # «سعاد نجم، وهي أم لثلاثة أطفال»: a clause, not a description
    if _is_preposition(form) or article.cue_at(index) is not None:
        return None
    sentence_end = article.sentence_end_after(words[index].start)
    close = _next_mark(text, words[index].start, sentence_end)
    at_end = close is None  # «"…"، قال سليم داود، مدير الميناء.»: the sentence ends on it
    if at_end:
        close = sentence_end
        if close < len(text) and text[close] not in _SENTENCE_ENDS + "\n":
            return None
        # Only a description that names him: «، مدير الميناء.», not a clause («، غطت …»).
        if _description(article, index, close) is None:
            return None
    phrase = _noun_phrase(article, index, article.word_index(close), appositions=False)
    if phrase is not None and text[phrase[1] : close].strip():
        phrase = _description(article, index, close)
    if phrase is None:
        return None
    if at_end:
        return phrase[1] if not text[phrase[1] : close].strip() else None
    after = article.word_index(close + 1)
    while after < limit and _bare(words[after].form) in _TIME_WORDS:
        after += 1
    if after >= limit:
        return None
    gap = text[close : words[after].start]
    follows = words[after].form
    if ":" in gap or _quote_in(article, close, words[after].start) is not None:
        return phrase[1]
    outlet = follows[:1] == "ل" and follows[1:].removeprefix("ال") in _OUTLETS
    if follows in _COMPLEMENTISERS or _is_preposition(follows) or outlet:
        return phrase[1]
    return None


def _has_written_preposition(article: _Article, index: int) -> bool:
    word = article.words[index]
    return bool(segment(article.text[word.start : word.end]).preposition)
