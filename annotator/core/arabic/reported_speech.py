"""Reported speech in Arabic news, found by rules: quotations, reporting cues (verbs,
participles and phrases such as بحسب), the claim after each cue (a quotation, a clause after
أن/إن, or the object of a verb such as أكد) and its speaker (an explicit subject, else the subject
of an earlier cue of the sentence, of the sentence itself, the last speaker, a known entity);
every mention of a known entity is a speaker mention too. Pure functions over a text:
`detect(text, entities)`; `suggest.py` stores the result.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from annotator.core.arabic.clitics import (
    is_given_name,
    looks_like_verb,
    pronoun_suffixed,
    segment,
)
from annotator.core.arabic.search import SearchOptions, fold, search_text
from annotator.core.arabic.text import QUOTE_PAIRS, is_word_char
from annotator.core.model import Entity

# ---------------------------------------------------------------------------------- lexicon
#
# Written as in a dictionary and folded on load (no tashkeel, hamza forms of alef as ا, final
# ة/ى as ه/ي), so «أكّدت» and «اكدت» are the same cue.

_FORMS = SearchOptions(case=True)


def _f(word: str) -> str:
    return fold(word, _FORMS)


# Verbs of saying: (past, present stem without its prefix letter, takes an object as claim).
# Verbs that take an object («أكد ضرورة …») make a claim of it; the others need أن/إن, a
# colon or a quotation.
_VERBS = (
    ("قال", "قول", False),
    ("أضاف", "ضيف", False),
    ("تابع", "تابع", False),
    ("أردف", "ردف", False),
    ("استدرك", "ستدرك", False),
    ("ذكر", "", False),  # the present يذكر is mostly the passive «it is worth noting»
    ("أفاد", "فيد", False),
    ("صرح", "صرح", False),
    ("أوضح", "وضح", False),
    ("لفت", "لفت", True),  # «لفت إلى تحسن ملحوظ …»
    ("نوه", "نوه", False),
    ("استعرض", "ستعرض", False),
    ("أكد", "ؤكد", True),
    ("شدد", "شدد", True),
    ("أشار", "شير", True),
    ("أشاد", "شيد", True),
    ("أعلن", "علن", True),
    ("اعتبر", "عتبر", True),
    ("رأى", "رى", True),
    ("نفى", "نفي", True),
    ("حذر", "حذر", True),
    ("دعا", "دعو", True),
    ("طالب", "طالب", True),
    ("كشف", "كشف", True),
    ("أعرب", "عرب", False),  # «أعرب عن أسفه كون …»: only the كون/أن clause is a claim
    ("اتهم", "تهم", True),
    ("أبلغ", "بلغ", False),
    ("أخبر", "خبر", False),
    ("زعم", "زعم", False),
    ("اعترف", "عترف", True),
    ("توقع", "توقع", True),
    ("رجح", "رجح", True),
    ("تساءل", "تساءل", False),
    ("أجاب", "جيب", False),
    ("رد", "رد", False),
    ("وصف", "صف", True),
    ("عزا", "عزو", True),  # «عزا التأخير إلى …»
    ("طمأن", "طمئن", False),  # «طمأنت المزارعين بأن …»
    ("أقر", "قر", False),  # «أقر بأن …» admits; «أقرت الحكومة مرسوماً» approves
    ("ألمح", "لمح", False),
    ("نبه", "نبه", False),
    ("نقل", "نقل", False),  # a relay: «نقلت الإذاعة عن X أن …», «ونُقل عن X قوله …»
    ("ندد", "ندد", False),
    ("أدان", "دين", False),
    ("رحب", "رحب", False),
    ("ناشد", "ناشد", False),
    ("حث", "حث", False),
    ("استنكر", "ستنكر", False),  # a condemnation: «استنكرت المنظمة الهجوم، وقالت …»
    ("قدر", "قدر", False),  # «يقدّر الأطباء أن …»
    ("ختم", "ختم", False),  # «ويختم حديثه بالدعوة …، مؤكداً …»
    ("اختتم", "ختتم", False),
    ("كتب", "كتب", False),  # «فكتب على حسابه: «…»»
    ("غرد", "غرد", False),
)
# Irregular forms of weak verbs (past: she, they).
_EXTRA_VERB_FORMS = {
    "دعا": ("دعت", "دعوا", "دعيا"),
    "نفى": ("نفت", "نفوا", "ينفون", "تنفي"),
    "رأى": ("رأت", "رأوا", "يرون"),
    "قال": ("قالت", "قالوا", "قلت", "قلنا"),
    "رد": ("ردت", "ردوا"),
    "عزا": ("عزت", "عزوا", "يعزو", "تعزو"),
    "أقر": ("أقرت", "أقروا"),
    "حث": ("حثت", "حثوا"),
}
# Calls, demands, praise and condemnation: cues (they end the claim before them and name a
# speaker for the cues after them) whose object is not a claim; only a quotation is.
_CALLS = {
    _f(w) for w in ("دعا", "طالب", "أشاد", "ندد", "أدان", "رحب", "ناشد", "حث", "داعي",
                    "مطالب", "مشيد", "مندد", "مدين", "مرحب", "مناشد", "رافض", "استنكر",
                    "مستنكر")
}  # fmt: skip
# Relays: the speaker is the source after «عن», not the subject (the outlet).
_RELAYS = {_f(w) for w in ("نقل", "ناقل")}
# Participles used as circumstantial accusatives: «…، مشيراً إلى أن …». Takes-object as above.
_PARTICIPLES = (
    ("مشير", True),
    ("مؤكد", True),
    ("مضيف", False),
    ("معرب", False),
    ("منوه", False),
    ("مبين", True),
    ("مشدد", True),
    ("موضح", False),
    ("لافت", True),
    ("معتبر", True),
    ("محذر", True),
    ("داعي", True),
    ("مطالب", True),
    ("قائل", False),
    ("مستدرك", False),
    ("مردف", False),
    ("كاشف", True),
    ("معلن", True),
    ("متسائل", False),
    ("مختتم", False),
    ("متهم", True),
    ("واصف", True),
    ("عازي", True),
    ("مطمئن", False),
    ("ملمح", False),
    ("منبه", False),
    ("مندد", False),
    ("مرحب", False),
    ("مشيد", False),
    ("مناشد", False),
    ("رافض", False),  # «رافضاً الحكم على …»: a refusal, not a claim, but it ends the one before
    ("متوقع", True),  # «متوقعة عودة الضخ …»
    ("مرجح", True),
    ("مستبعد", True),
)
# Cues that take «عن» as part of the cue.
_WITH_AN = {_f(w) for w in ("أعرب", "معرب", "نقلا", "كشف", "كاشف")}
# Phrases naming the source after the claim or before it: «…، بحسب المصدر».
_SOURCE_PHRASES = ("بحسب", "حسب", "حسبما", "وفق", "وفقا", "نقلا عن", "على لسان")
# «وجاء في البيان أن …», «وجاء في الخطاب: …»: the document after «في» speaks.
_IN_DOCUMENT = (_f("جاء"), _f("في"))

_PAST_SUFFIXES = ("", "ت", "وا", "ا", "تا", "ن", "نا", "تم")
_PRESENT_PREFIXES = ("ي", "ت", "ن", "أ")
_PRESENT_SUFFIXES = ("", "ون", "ان", "ين", "ن")
_OBJECT_SUFFIXES = ("", "ه", "ها", "هم", "هما", "كم", "ني", "نا")
_CLITICS = ("", "و", "ف")  # conjunctions written on the cue
_TENSE_CLITICS = ("", "س", "ل")  # future سـ, purpose لـ on a present verb


def _verb_forms() -> dict[str, tuple[bool, str]]:
    """Every written form of the lexicon's verbs (folded) -> (takes an object, lemma)."""
    forms: dict[str, tuple[bool, str]] = {}
    for past, present, takes_object in _VERBS:
        written = [past + s + o for s in _PAST_SUFFIXES for o in _OBJECT_SUFFIXES]
        if present:
            written += [
                t + p + present + s
                for t in _TENSE_CLITICS
                for p in _PRESENT_PREFIXES
                for s in _PRESENT_SUFFIXES
            ]
        written += [
            extra + o for extra in _EXTRA_VERB_FORMS.get(past, ()) for o in _OBJECT_SUFFIXES
        ]  # «ودعتهم»
        for word in written:
            forms.setdefault(_f(word), (takes_object, _f(past)))
    return forms


def learned_forms(cues: Iterable[str]) -> dict[str, tuple[bool, str]]:
    """Cue words a project's researchers used («طمأنت», «معرباً عن») -> the written forms read
    as cues: the word itself (folded, without a conjunction) and, for a word that reads as a
    perfect verb of three to six letters with a person ending, the other perfect endings
    («طمأنت» -> «طمأن», «طمأنوا», …). Cues of several words count by their first word;
    prepositions, particles and words shorter than three letters are never cues."""
    forms: dict[str, tuple[bool, str]] = {}
    for cue in cues:
        words = _f(cue).split()
        if not words:
            continue
        word = words[0]
        if word[:1] in "وف" and len(word) > 3 and word[1:] not in forms:
            word = word[1:]
        if len(word) < 3 or word in _PREPOSITIONS | _PARTICLES | _COMPLEMENTISERS:
            continue  # «في بيان»: a preposition or particle read as a cue would be everywhere
        stem = word
        for ending in ("وا", "ت", "تا"):
            if word.endswith(ending) and 3 <= len(word) - len(ending) <= 6:
                stem = word[: -len(ending)]
                break
        forms.setdefault(word, (False, stem))
        if 3 <= len(stem) <= 6 and not stem.startswith("م"):
            for ending in _PAST_SUFFIXES:
                forms.setdefault(stem + ending, (False, stem))
    return forms


_VERB_FORMS = _verb_forms()
_PARTICIPLE_FORMS = {
    _f(base + ending): (takes_object, _f(base))
    for base, takes_object in _PARTICIPLES
    for ending in ("ا", "اً", "ة", "ين", "ون", "تين")
}
_SOURCE_FORMS = {tuple(_f(w) for w in phrase.split()) for phrase in _SOURCE_PHRASES}

_PARTICLES = {
    _f(w)
    for w in (
        "و", "ف", "ثم", "كما", "كذلك", "وكذلك", "وكما", "أيضا", "قد", "وقد", "لقد", "فقد",
        "بدوره", "بدورها", "بدورهم", "فيما", "بينما", "حيث", "إذ", "إذا", "وإذ", "أما", "وأما",
        "كان", "وكان", "كانت", "وكانت",
    )
}  # fmt: skip
_COMPLEMENTISERS = {
    _f(w)
    for w in (
        "أن", "إن", "أنه", "إنه", "أنها", "إنها", "أنهم", "إنهم", "أنهما", "أننا", "إننا",
        "بأن", "بأنه", "بأنها", "بأنهم", "فإن", "وأن", "وإن", "كون", "بكون",
    )
}  # fmt: skip
_PREPOSITIONS = {
    _f(w)
    for w in (
        "في", "على", "إلى", "عن", "من", "مع", "خلال", "أمام", "عبر", "لدى", "حول", "بعد", "قبل",
        "عقب", "أثناء", "منذ", "ضمن", "بين", "تجاه", "إزاء", "ضد", "نحو", "عند", "لدي", "وفي",
        "وخلال", "وعلى", "وبعد", "وقبل", "وعقب", "ومن", "وأمام", "وعن", "وفي",
    )
}  # fmt: skip
_NEGATIONS = {_f(w) for w in ("لم", "لن")}
# «ونُقل عن مصدر قوله إن …»: the verbal noun of saying after a relayed source.
_SAYING = {_f(w) for w in ("قوله", "قولها", "قولهم", "قولهما", "قولهن")}
# A contrast after a comma ends a claim: what follows is the narrator's («، إلا أنه امتنع …»).
_CONTRASTS = {_f(w) for w in ("إلا", "غير")}
# «، قبل أن تتدخل وساطة …»: the narrator's time clause after a comma ends a claim too.
_CLAUSE_ENDS = _CONTRASTS | {_f(w) for w in ("قبل", "بعد", "حتى")}
_BUTS = {_f(w) for w in ("لكن", "بينما", "فيما")}
# Nouns of outlets: after a speaker's words they name whom he spoke to («أفاد مسؤول وكالة …»).
_OUTLETS = {
    _f(w) for w in ("وكالة", "صحيفة", "قناة", "إذاعة", "موقع", "مجلة", "شبكة", "تلفزيون")
}  # fmt: skip
# Nouns of bodies that head a construct («كتلة التجديد», «مديرية الصحة»).
_BODIES = {
    _f(w)
    for w in (
        "كتلة", "هيئة", "لجنة", "مجلس", "مديرية", "نقابة", "اتحاد", "جمعية", "شركة", "بنك",
        "مؤسسة", "مركز", "جامعة", "حزب", "منظمة", "دائرة", "وزارة", "سلطة", "محكمة", "مصلحة",
        "صندوق", "مكتب", "إدارة", "قسم", "فريق", "نادي", "مجموعة", "بلدية", "غرفة", "جبهة",
        "حركة", "تحالف", "رابطة", "لجان", "قيادة", "أركان", "الوزارة", "الهيئة", "اللجنة",
        "المجلس", "الشركة", "المنظمة", "الحكومة", "النقابة", "الجمعية", "مستشفى", "برنامج",
        "مصنع", "معهد", "مطار", "ميناء", "كلية", "محطة", "مرصد", "مصرف", "منتخب", "المنتخب",
    )
}  # fmt: skip
# Words that end a mention: a demonstrative or «ما» begins an object («هذا النمو», «ما حدث»).
_PRONOUNS = {_f(w) for w in ("هو", "هي", "هم", "هما", "هن", "نحن", "أنا")}
_DEMONSTRATIVES = {_f(w) for w in ("هذا", "هذه", "ذلك", "تلك", "هؤلاء", "أولئك")}
_OBJECT_OPENERS = {_f(w) for w in ("هذا", "هذه", "ذلك", "تلك", "هؤلاء", "ما", "كل", "جميع")}
# Adjectives that follow a definite title («الأمين العام», «المدير التنفيذي» ends in ي).
_TITLE_ADJECTIVES = {
    _f(w)
    for w in (
        "العام", "العامة", "الأعلى", "الأول", "الأولى", "الثاني", "الثانية", "المساعد",
        "المساعدة", "المكلف", "الدائم", "الدائمة", "الخاص", "الخاصة", "السابق", "السابقة",
        "المقبل", "المنتخب", "المستقيل", "المتحدة", "الجديد", "الجديدة", "الأسبق", "المنتهية",
        "المؤقت", "المفوض", "الأعظم", "العليا", "المركزي", "المتحدث",
    )
}  # fmt: skip
_PRONOUN_SUFFIXES = ("ه", "ها", "هم", "هما", "هن", "كم", "نا", "ي")
_GOVERNED = {_f(w) for w in ("على", "إلى", "عن", "من")}  # «شدد على …», «أشار إلى …»
_RELATIVES = {_f(w) for w in ("الذي", "التي", "الذين", "اللذان", "اللتان", "اللواتي", "اللاتي")}
# Time words: they end a speaker's mention and are skipped before what was said («قال الوزير،
# مساء الاثنين، إن …», «أفاد مسؤول وكالة الأنباء، الخميس، أن …»). Days, months in the
# Egyptian/Gulf, Levantine and Maghrebi names, parts of the day, and adverbs of time; the
# adjectives «العام», «الحالي», «القادم» are left out, as they also follow titles.
_DAYS = ("الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت")
_MONTHS = (
    "يناير", "فبراير", "مارس", "أبريل", "إبريل", "مايو", "يونيو", "يونيه", "يوليو", "يوليه",
    "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر", "كانون", "شباط", "آذار", "نيسان", "أيار",
    "حزيران", "تموز", "آب", "أيلول", "تشرين", "جانفي", "فيفري", "أفريل", "ماي", "جوان",
    "جويلية", "أوت",
)  # fmt: skip
_TIME_WORDS = {
    _f(w)
    for w in (
        *_DAYS,
        *_MONTHS,
        "اليوم", "يوم", "أمس", "البارحة", "غدا", "الغد", "الليلة", "ليلة", "ليل", "صباح",
        "مساء", "ظهر", "ظهيرة", "عصر", "فجر", "ضحى", "منتصف", "الأسبوع", "الشهر",
        "مجددا", "أيضا", "كذلك", "حينها", "حينذاك", "آنذاك", "سابقا", "لاحقا", "مؤخرا",
        "حديثا", "أخيرا", "آنفا", "الماضي", "الماضية", "المقبل", "المقبلة", "الجاري",
        "الجارية", "الفائت", "المنصرم",
    )
}  # fmt: skip
# Adverbs of time that may stand inside a title before the name («المنتخب حديثاً بلال …»).
_TITLE_ADVERBS = {_f(w) for w in ("حديثا", "مؤخرا", "سابقا", "أخيرا")}
_MONTH_FORMS = {_f(w) for w in _MONTHS}


# Nouns that make a time expression only before a time word («مطلع أيلول», «أواخر الشهر»);
# elsewhere they are nouns like any other («في مستهل كلمته»).
_TIME_HEADS = {_f(w) for w in ("مطلع", "مستهل", "أواخر", "أوائل", "نهاية", "بداية")}


def _is_number(form: str) -> bool:
    return form.isdigit()


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


# Heads of objects that follow a verb of saying without a preposition: «أكد ضرورة …».
_OBJECT_HEADS = {
    _f(w)
    for w in (
        "ضرورة", "أهمية", "رفض", "دعم", "استعداد", "التزام", "حرص", "تمسك", "وقوف", "إدانة",
        "استنكار", "ترحيب", "أن", "عدم", "استمرار", "حق", "موقف", "مقتل", "إصابة", "اعتقال",
        "استشهاد", "بدء", "إطلاق", "تعليق", "وقف", "فتح", "إغلاق", "تأجيل", "إلغاء", "تشكيل",
        "انسحاب", "وصول", "عقد", "توقيع", "نجاح", "فشل", "تراجع", "ارتفاع", "انخفاض", "وجود",
    )
}  # fmt: skip
# Words that begin a person's or a body's mention: «العميد إسماعيل قاآني».
_TITLES = {
    _f(w)
    for w in (
        "رئيس", "الرئيس", "رئيسة", "وزير", "الوزير", "وزيرة", "قائد", "القائد", "العميد",
        "اللواء", "العقيد", "الفريق", "الجنرال", "الأمين", "أمين", "المتحدث", "الناطق",
        "المتحدثة", "الناطقة", "السفير", "النائب", "الشيخ", "السيد", "السيدة", "الدكتور",
        "المستشار", "الملك", "الأمير", "المدير", "مدير", "زعيم", "الزعيم", "عضو", "المبعوث",
        "المندوب", "المفوض", "القيادي", "المسؤول", "مسؤول", "مصدر", "مصادر", "المصدر",
        "الخبير", "المحلل", "المرشد", "الإمام", "البابا", "الأستاذ", "نائب",
        "المحامي", "الناشط", "الكاتب", "المهندس", "الدكتورة", "المدرب", "اللاعب", "القاضي",
        "المحافظ", "الأستاذة", "الخبيرة", "الباحث", "الباحثة", "مديرة", "المديرة", "وكالة",
        "صحيفة", "الحكومة", "الوزارة", "وزارة",
        "الجيش", "الخارجية", "حركة", "الرئاسة", "البيت",
    )
}  # fmt: skip
_SENTENCE_ENDS = ".!?؟…"
_CLAUSE_MARKS = "،,؛;"
_MAX_SUBJECT_WORDS = 12
_MIN_LONG_QUOTE = 4  # words: shorter quotations inside a clause are names or short phrases
_MIN_LONE_QUOTE = 5  # words: a quotation without a cue is a claim from this length


# ---------------------------------------------------------------------------------- results


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


# ---------------------------------------------------------------------------------- reading


@dataclass(frozen=True)
class _Word:
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


@dataclass
class _Mention:
    start: int
    end: int
    entity: str | None = None


@dataclass
class _State:
    speakers: dict[tuple[int, int], str | None] = field(default_factory=dict)
    claims: list[ClaimSuggestion] = field(default_factory=list)
    last_speaker: tuple[int, int] | None = None
    last_speaker_sentence: int = -1
    # The explicit subject of a cue, by sentence, even when the cue made no claim.
    cue_subjects: dict[int, tuple[int, int]] = field(default_factory=dict)


def quotations(text: str) -> list[tuple[int, int, int]]:
    """Quotations as (start, end, nesting level): «…», “…”, straight "…" and ‘…’ nested in any
    order. Straight quotes pair within a paragraph; typographic ones may run across sentences
    and paragraphs (a paragraph reopening the same mark continues the quotation)."""
    found: list[tuple[int, int, int]] = []
    stack: list[tuple[str, int]] = []
    paragraph_start = True
    for i, ch in enumerate(text):
        if ch == "\n":
            stack = [(mark, at) for mark, at in stack if mark != '"']
            paragraph_start = True
            continue
        if paragraph_start and not ch.isspace():
            paragraph_start = False
            if stack and stack[-1][0] == ch and ch in "«“„":
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
        self.words: list[_Word] = []
        position = 0
        while position < len(text):
            if is_word_char(text[position]):
                stop = position
                while stop < len(text) and is_word_char(text[stop]):
                    stop += 1
                self.words.append(_Word(position, stop, _f(text[position:stop])))
                position = stop
            else:
                position += 1
        self.starts = [w.start for w in self.words]
        self.quotes = []
        for start, end, level in quotations(text):
            count = self.word_index(end) - self.word_index(start)
            self.quotes.append(_Quote(start, end, count, level))
        self.top_quotes = [q for q in self.quotes if q.level == 0]
        self._quote_starts = [q.start for q in self.top_quotes]
        self.sentences = self._sentences()
        self.cues = self._cues()

    def word_index(self, position: int) -> int:
        """The number of words starting before `position`."""
        return bisect.bisect_left(self.starts, position)

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
        spans, start, i = [], 0, 0
        text = self.text
        while i < len(text):
            ch = text[i]
            quote = self.quote_around(i)
            if quote is not None and ch != "\n":
                i = quote.end
                continue
            decimal = ch == "." and 0 < i < len(text) - 1 and text[i + 1].isdigit()
            if (ch in _SENTENCE_ENDS and not decimal) or ch == "\n":
                spans.append((start, i))
                start = i + 1
            i += 1
        spans.append((start, len(text)))
        return [(s, e) for s, e in spans if text[s:e].strip()]

    def _cues(self) -> list[_Cue]:
        cues = []
        for index, word in enumerate(self.words):
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
            # A verb never ends in ة: «طالبة» (a student) folds like «طالبه» (he asked him).
            taa = self.text[word.start : word.end].rstrip(_TASHKEEL).endswith("ة")
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
        starts = [s for s, _ in self.sentences]
        return max(0, bisect.bisect_right(starts, position) - 1)


# ---------------------------------------------------------------------------------- detection


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
    mentions = _entity_mentions(text, entities)
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
            if any(c.start <= article.words[cue.index].start < c.end for c in state.claims):
                continue
            scope_end = article.words[cues[n + 1].index].start if n + 1 < len(cues) else end
            _read_cue(article, cue, start, end, scope_end, number, mentions, state)
    _lone_quotes(article, state)
    for mention in mentions:
        if not any(s < mention.end and mention.start < e for s, e in state.speakers):
            state.speakers[(mention.start, mention.end)] = mention.entity
    for (s, e), entity in list(state.speakers.items()):
        if entity is None:
            state.speakers[(s, e)] = _entity_inside(mentions, s, e)
    speakers = tuple(SpeakerSuggestion(s, e, entity) for (s, e), entity in state.speakers.items())
    claims = sorted(state.claims, key=lambda c: c.start)
    return Detection(
        speakers=tuple(sorted(speakers, key=lambda s: (s.start, s.end))), claims=tuple(claims)
    )


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


def _entity_mentions(text: str, entities: Sequence[Entity]) -> list[_Mention]:
    """Every occurrence of a known entity's name or alias, spelled any way, as a whole word
    (with its article or a conjunction, but not after a preposition: «لهنية» is spoken to)."""
    options = SearchOptions(article=True, proclitics=True, whole_words=True)
    found: dict[tuple[int, int], str] = {}
    for entity in entities:
        for name in {entity.name, *entity.aliases}:
            for start, end in search_text(text, name, options):
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
    for start, end in spans:
        if not any(m.start < end and start < m.end for m in kept):
            kept.append(_Mention(start, end, found[(start, end)]))
    return sorted(kept, key=lambda m: m.start)


def _entity_inside(mentions: Sequence[_Mention], start: int, end: int) -> str | None:
    for mention in mentions:
        if start <= mention.start and mention.end <= end:
            return mention.entity
    return None


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
    state.speakers.setdefault(speaker, None)
    state.claims.append(ClaimSuggestion(*claim, "paraphrase", None, speaker))
    return True


def _read_cue(
    article: _Article,
    cue: _Cue,
    sentence_start: int,
    sentence_end: int,
    scope_end: int,
    number: int,
    mentions: Sequence[_Mention],
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
        if any(c.start < end and start < c.end for c in state.claims):
            continue
        state.claims.append(ClaimSuggestion(start, end, kind, cue.text, subject, cue_span))
    if subject is not None:
        state.speakers.setdefault(subject, None)
        state.last_speaker, state.last_speaker_sentence = subject, number
        article.known_names.add(words[article.word_index(subject[1]) - 1].form)


# Verbs of making a study or a report, with its pronoun: «دراسة أجراها فريق من …».
_AUTHORING = {
    _f(v + o)
    for v in ("أجرى", "أجرت", "أعد", "أعدت", "نشر", "نشرت", "أصدر", "أصدرت", "نفذ", "نفذت")
    for o in ("ه", "ها", "هم")
} | {_f(w) for w in ("أجراه", "أجراها", "أجراهم")}


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


_DESCRIBING = {_f(w) for w in ("وصف", "اتهم")}


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


_TASHKEEL = "".join(chr(c) for c in range(0x064B, 0x0653))
_QUESTIONS = {_f(w) for w in ("عما", "حول", "ردا", "سؤال", "سؤالا", "هل", "إذا")}


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
    if len(rest) > 4 or any(w.form in _COMPLEMENTISERS for w in rest):
        return []  # the sentence goes on: what he said comes after him
    if _quote_in(article, subject[1], sentence_end) is not None:
        return []
    first = article.word_index(sentence_start)
    while first < cue.index and words[first].form in _PARTICLES:
        first += 1
    clause = _trim(text, words[first].start, comma - 1) if first < cue.index else None
    if clause is None or _count_words(article, *clause) < 3:
        return []
    if any(c.index < cue.index and words[c.index].start >= clause[0] for c in article.cues):
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


def _claims_after(
    article: _Article, cue: _Cue, index: int, limit: int, scope_end: int, sentence_end: int
) -> list[tuple[int, int, str]]:
    """The claims of a cue: what follows its subject up to the next cue of the sentence."""
    found = _what_was_said(article, cue, index, limit, scope_end, sentence_end)
    if cue.call:
        return [claim for claim in found if text_is_quoted(article.text, *claim[:2])]
    if cue.lemma in {_f("وصف"), _f("اتهم"), _f("واصف")}:
        # «وصف X Y بـ«…»»: the quoted description is the claim.
        for quote in article.top_quotes:
            if words_before := article.text[max(0, quote.start - 3) : quote.start]:
                if quote.start < scope_end and _f(words_before).rstrip(" ـ").endswith("ب"):
                    if article.words[index].start <= quote.start:
                        return [(quote.start, quote.end, "direct")]
    return found


def text_is_quoted(text: str, start: int, end: int) -> bool:
    """Whether the span opens and closes with quotation marks."""
    return text[start] in QUOTE_PAIRS and text[end - 1] in QUOTE_PAIRS.values()


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
    for other in article.top_quotes:
        if position <= other.start and other.end <= max(scope_end, position) + 1:
            if other.start < scope_end and other.words >= _MIN_LONG_QUOTE:
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
        if any(c.index == ahead for c in article.cues):
            return None
        form = words[ahead].form
        if form in _COMPLEMENTISERS or (heads and form in _OBJECT_HEADS):
            return ahead
        ahead += 1
    return None


_DESCRIPTIVE = {_f(w) for w in ("وهو", "وهي", "وهم", "وهما", "وهن")}


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


_ANONYMITY = {_f(w) for w in ("اسمه", "اسمها", "هويته", "هويتها", "أسمائهم", "هوياتهم")}


def _anonymity(article: _Article, index: int, sentence_end: int) -> bool:
    """«، طلب عدم ذكر اسمه، …»: a clause between commas asking not to be named."""
    close = _next_mark(article.text, article.words[index].start, sentence_end)
    if close is None:
        return False
    words = article.words[index : article.word_index(close)]
    return len(words) <= 7 and any(w.form in _ANONYMITY for w in words)


def _names_outlet(article: _Article, index: int) -> bool:
    """Whether word `index` is «لـ», «مع» or an outlet noun («لصحيفة», «قناة»): a quotation
    after it is the outlet's name."""
    form = article.words[index].form
    if form in {"ل", _f("لـ"), _f("مع")}:
        return True
    rest = _f(segment(article.text[article.words[index].start : article.words[index].end]).rest)
    return form in _OUTLETS or rest in _OUTLETS


def _next_mark(text: str, start: int, end: int) -> int | None:
    """The position of the first clause mark in [start, end), or None."""
    found = [at for at in (text.find(mark, start, end) for mark in _CLAUSE_MARKS) if at >= 0]
    return min(found) if found else None


def _quote_in(article: _Article, start: int, end: int) -> _Quote | None:
    for position in range(start, end):
        quote = article.quote_at(position)
        if quote is not None:
            return quote
    return None


# Closing quotation marks and the percent signs of a figure («12%») end a claim with it.
_KEPT_AT_END = frozenset(QUOTE_PAIRS.values()) | {"%", "٪"}


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


_BUT_FORMS = {_f(w) for w in ("لكن", "لكنه", "لكنها", "لكنهم", "ولكن", "ولكنه", "ولكنها")}


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


def _count_words(article: _Article, start: int, end: int) -> int:
    return article.word_index(end) - article.word_index(start)


def _is_addressee(article: _Article, index: int) -> bool:
    """«لهنية», «له», «للصحفيين»: who was spoken to, written with ل."""
    word = article.words[index]
    if word.form in _COMPLEMENTISERS:
        return False
    if word.form[:1] == "ل" and word.form[1:] in article.names:
        return True
    return segment(article.text[word.start : word.end]).preposition == "ل"


def _is_preposition(form: str) -> bool:
    if form in _PREPOSITIONS:
        return True
    for preposition in _PREPOSITIONS:
        rest = form[len(preposition) :]
        if form.startswith(preposition) and rest in _PRONOUN_SUFFIXES:
            return True
    # «عليه», «إليه», «لديه»: the alef maqsura of the preposition becomes ي before a pronoun.
    return any(
        form.startswith(p[:-1] + "ي") and form[len(p) :] in _PRONOUN_SUFFIXES
        for p in _PREPOSITIONS
        if p.endswith("ي")
    )


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


def _definite(form: str) -> bool:
    """Whether a (folded) word has the article, with a preposition or و/ف before it or not:
    «الجامعة», «للجامعة», «بالجامعة», «والجامعة»."""
    return _bare(form).startswith(("ال", "لل", "بال", "كال"))


# Titles of persons (not bodies) that begin a name after a body's phrase: «… لكرة القدم
# المهندس غسان لطفي».
_PERSON_TITLES = {
    _f(w)
    for w in (
        "المهندس", "المهندسة", "الدكتور", "الدكتورة", "الأستاذ", "الأستاذة", "السيد", "السيدة",
        "الشيخ", "العميد", "اللواء", "العقيد", "الفريق", "القاضي", "المحامي", "الحاج",
    )
}  # fmt: skip
_NAMED_PREPOSITIONS = {_f(w) for w in ("عن",)}


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


_COMPOUND_ENDS = {_f(w) for w in ("الدين", "الله", "الرحمن", "الرحيم", "الكريم", "الحق")}


# Prepositions that open a phrase inside a speaker's mention, and the nouns after them that
# make it a circumstance of the saying instead («في بيان», «في حديث», «خلال مؤتمر»).
_PHRASE_PREPOSITIONS = {_f(w) for w in ("في", "لدى", "على", "من")}
_CIRCUMSTANCES = {
    _f(w)
    for w in (
        "بيان", "تصريح", "تصريحات", "اتصال", "مؤتمر", "حديث", "مقابلة", "كلمة", "لقاء", "حوار",
        "رسالة", "تغريدة", "منشور", "خطاب", "ندوة", "جلسة", "اجتماع", "ختام", "افتتاح", "أثناء",
        "تقرير", "بيانها", "بيانه", "تصريحه", "تصريحها", "كلمته", "كلمتها", "حين", "وقت",
        "تدوينة", "حسابه", "حسابها", "صفحته", "صفحتها", "المؤتمر", "رده", "حفل", "عيد",
        "احتفال", "مناسبة", "زيارة", "جولة", "هامش", "معرض", "ورشة", "قمة", "سؤال", "أسئلة",
    )
}  # fmt: skip


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


_ISSUED = {_f(w) for w in ("صادر", "صادرة", "الصادر", "الصادرة")}


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
        if following in _CIRCUMSTANCES or _bare(following) in _TIME_WORDS:
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
    return not (segments.rest.startswith(("ال", "ل")) and segments.rest.endswith(("ين", "ون")))


# Heads of the phrases that name whom a speaker addresses or praises, not himself
# («ودعا الناطق وسائل الإعلام إلى …», «وثمّن الوزير جهود العناصر …»).
_ADDRESSEE_HEADS = {
    _f(w)
    for w in ("وسائل", "جهود", "أطراف", "أبناء", "ممثلي", "كافة", "عموم", "سكان", "أهالي")
}  # fmt: skip


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
    if not form.startswith("ال") or not _definite(previous) or previous.endswith(("ون", "ين")):
        return False
    return _addressee_after_form(form)


# Broken plurals and collectives of people a speaker addresses («للنواب», «للحضور»).
_AUDIENCES = {
    _f(w)
    for w in (
        "نواب", "أعضاء", "سفراء", "وزراء", "طلاب", "أهالي", "حضور", "جمهور", "شباب", "صحافة",
        "إعلام", "زملاء", "أنصار", "مراسلين", "عمال", "رفاق",
    )
}  # fmt: skip


def _describing_clause(article: _Article, index: int, limit: int) -> int | None:
    """A clause without a relative pronoun that describes an indefinite speaker and opens
    with a verb outside the lexicon: «طلب عدم الكشف عن اسمه» (then the index after it), or
    «تحدثوا لـ«الأسواق»» before أن/إن (then the index of أن); None otherwise."""
    words = article.words
    written = article.text[words[index].start : words[index].end]
    if not looks_like_verb(written) or any(c.index == index for c in article.cues):
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
        or any(c.index == index for c in article.cues)
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


def _bare(form: str) -> str:
    """A word without a leading و/ف conjunction."""
    return form[1:] if form[:1] in "وف" and len(form) > 2 else form


def _stops_phrase(article: _Article, index: int, first: int) -> bool:
    word = article.words[index]
    form = word.form
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
        demonstrative = form in _DEMONSTRATIVES and following in _TITLES | _BODIES
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
        plural = form.startswith("لل") and (form.endswith(("ين", "ون")) or form[2:] in _AUDIENCES)
        if plural or not (form.startswith("لل") or form == _f("باسم")):
            return True
    if (
        index == first
        and segments.preposition
        and (segments.rest.startswith("ال") or form.startswith("لل"))
    ):
        return True
    if any(c.index == index for c in article.cues):
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


# The adjective pattern أفعل, folded («الأخضر», «الأعلى», «الأكبر»).
_ELATIVE = re.compile("^الا...$")


def _after_definite(article: _Article, index: int) -> bool:
    """Whether word `index`, without the article after a definite word, begins what follows a
    mention rather than a name in it (a definite noun takes no indefinite noun after it but
    a name): a noun with a pronoun on it («أستاذ الاقتصاد حديثه») or a word that reads as a
    verb («… بلال المصري شكك في …», «الحكومة تملك حلولاً») not followed by a definite word
    (a family name: «ريم الحاج») and not a given name."""
    words, text = article.words, article.text
    word, previous = words[index], words[index - 1]
    # «محللون اقتصاديون تحدثوا …»: a plural takes no name after it either.
    plural = previous.form.endswith(("ون", "ين")) and len(previous.form) > 4
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
        or any(c.index == index + 1 for c in article.cues)
    )


_NAME_PARTS = {_f(w) for w in ("عبد", "أبو", "أبي", "أبا", "بن", "ابن", "بنت", "أم", "آل")}
_NISBA_ENDINGS = ("ي", "يه", "يون", "يين", "يان", "يتان", "يتين")
# Verbal nouns (folded) of the forms تفعيل، تفاعل، استفعال، انفعال: «التأخير», «التراجع»,
# «الاستقرار», «الانسحاب»; after a name they begin the object of the cue.
_MASDAR = re.compile("^ال(ت..ي.|ت.ا..|است..ا.|ان.ا.)$")


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
    if _is_preposition(form) or any(c.index == index for c in article.cues):
        return None
    close = _next_mark(text, words[index].start, article.sentence_end_after(words[index].start))
    if close is None:
        return None
    phrase = _noun_phrase(article, index, article.word_index(close), appositions=False)
    if phrase is None or text[phrase[1] : close].strip():
        return None
    after = article.word_index(close + 1)
    while after < limit and _bare(words[after].form) in _TIME_WORDS:
        after += 1
    if after >= limit:
        return None
    gap = text[close : words[after].start]
    follows = words[after].form
    if ":" in gap or _quote_in(article, close, words[after].start) is not None:
        return phrase[1]
    if follows in _COMPLEMENTISERS or _is_preposition(follows):
        return phrase[1]
    return None


def _subject_before(article: _Article, cue: _Cue, sentence_start: int) -> tuple[int, int] | None:
    """The subject of «هنية أكد …» / «قائد … يؤكد …»: the words from the clause start to the
    cue, unless they are particles or a circumstantial phrase («وفي كلمة له …»)."""
    text, words = article.text, article.words
    cue_start = words[cue.index].start
    clause_start = sentence_start
    for mark in _CLAUSE_MARKS + ":":
        at = text.rfind(mark, sentence_start, cue_start)
        if at >= 0 and article.quote_around(at) is None:
            clause_start = max(clause_start, at + 1)
    first, last = article.word_index(clause_start), cue.index
    while first < last and (words[first].form in _PARTICLES | _BUT_FORMS):
        first += 1  # «، لكنه تساءل: …»: the pronoun is the earlier speaker
    # «، إلا أن دائرة الأرصاد تتوقع …»: the contrast opens the clause, its subject follows.
    if first + 1 < last and _bare(words[first].form) in _CONTRASTS | _BUTS:
        first += 1 + (words[first + 1].form in _COMPLEMENTISERS)
    while last > first and words[last - 1].form in _PARTICLES:
        last -= 1  # «وكان الوزير قد أكد»
    if first >= last or last - first > _MAX_SUBJECT_WORDS:
        return None
    opening = words[first].form
    if _is_preposition(opening) or _is_preposition(_bare(opening)):
        return None
    if opening in _COMPLEMENTISERS or _bare(opening) in _TIME_WORDS:
        return None
    if any(c.index in range(first, last) for c in article.cues):
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
    mentions: Sequence[_Mention],
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
        return _latest_mention(article, state.last_speaker, cue_start, mentions, state.claims)
    # A known entity mentioned before, else the subject of the previous sentence.
    before = [m for m in mentions if m.end <= cue_start]
    if before:
        return before[-1].start, before[-1].end
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


def _addressee_after_form(form: str) -> bool:
    """Whether a definite word names a group of people («الأهالي», «المواطنين»)."""
    rest = form[2:]
    people = rest.endswith(("ين", "ون")) and not rest.endswith(("يين", "يون")) and len(rest) > 4
    return rest in _AUDIENCES or people


def _latest_mention(
    article: _Article,
    speaker: tuple[int, int],
    before: int,
    mentions: Sequence[_Mention],
    claims: Sequence[ClaimSuggestion] = (),
) -> tuple[int, int]:
    """The latest mention of a speaker before position `before`: a later mention of the same
    known entity, or of his name's last word («قال الوزير أنس جابر … واستقبل جابر …»); the
    span itself when there is none. A word inside a claim is what was said, not a mention
    («وتابع أن الاتحاد قدم …»)."""
    entity = _entity_inside(mentions, *speaker)
    if entity is not None:
        later = [m for m in mentions if m.entity == entity and speaker[1] <= m.start < before]
        if later:
            return later[-1].start, later[-1].end
    words = article.words
    last_word = words[article.word_index(speaker[1]) - 1]
    if article.word_index(speaker[1]) - article.word_index(speaker[0]) < 2:
        return speaker  # a one-word mention: its repetitions are not told apart from others
    for index in range(article.word_index(before) - 1, article.word_index(speaker[1]) - 1, -1):
        word = words[index]
        if any(c.start <= word.start < c.end for c in claims):
            continue
        if word.form == last_word.form and article.quote_around(word.start) is None:
            previous = words[index - 1].form if index > 0 else ""
            if _is_preposition(previous) or _has_written_preposition(article, index):
                continue
            return word.start, word.end
    return speaker


def _has_written_preposition(article: _Article, index: int) -> bool:
    word = article.words[index]
    return bool(segment(article.text[word.start : word.end]).preposition)


def _sentence_subject(
    article: _Article, start: int, end: int, mentions: Sequence[_Mention], state: _State
) -> tuple[int, int] | None:
    """The first mention of a person in a stretch that is not after a preposition: a known
    entity, a title with a name («العميد إسماعيل قاآني»), or a name that spoke before."""
    words = article.words
    known = {article.words[article.word_index(e) - 1].form for _, e in state.speakers}
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
        if any(c.last == index - 1 and c.kind == "verb" for c in article.cues):
            continue  # right after a cue and not its subject: its object («وطالب الحكومة»)
        for mention in mentions:
            if mention.start <= word.start < mention.end:
                return mention.start, mention.end
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
    if first + 1 >= stop or any(c.index == first for c in article.cues):
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


# Words of _TITLES that name a body, not a person: after a verb that goes on from the last
# speaker («وحمّل الحكومة المسؤولية») they are its object.
_BODY_TITLES = {
    _f(w)
    for w in ("الحكومة", "الوزارة", "وزارة", "وكالة", "صحيفة", "حركة", "الرئاسة", "الجيش",
              "الخارجية", "البيت")
}  # fmt: skip


# Short phrases that open a sentence before a comma: «بدوره،», «من جهتها،».
_LEAD_INS = {_f(w) for w in ("بدوره", "بدورها", "بدورهم", "جهته", "جهتها", "جانبه", "جانبها")}


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
    if text[speaker[0]] == "ل" and segment(text[speaker[0] : words[after].end]).preposition:
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
    if any(c.start < claim[1] and claim[0] < c.end for c in state.claims):
        return
    quoted = text[claim[0]] in QUOTE_PAIRS and text[claim[1] - 1] in QUOTE_PAIRS.values()
    kind = "direct" if quoted else "indirect"
    state.claims.append(ClaimSuggestion(*claim, kind, cue.text, speaker))
    state.speakers.setdefault(speaker, None)
    state.last_speaker, state.last_speaker_sentence = speaker, number


def _lone_quotes(article: _Article, state: _State) -> None:
    """A long quotation no cue introduced is a claim of the last speaker before it."""
    for quote in article.top_quotes:
        if quote.words < _MIN_LONE_QUOTE:
            continue
        if any(c.start < quote.end and quote.start < c.end for c in state.claims):
            continue
        if any(s < quote.end and quote.start < e for s, e in state.speakers):
            continue
        before = [c for c in state.claims if c.end <= quote.start and c.speaker is not None]
        speaker = before[-1].speaker if before else None
        state.claims.append(ClaimSuggestion(quote.start, quote.end, "direct", None, speaker))


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """The sentences of a text as (start, end) code-point spans, as the suggestion rules cut
    them (a quotation is never cut; a line break always ends a sentence)."""
    return list(_Article(text).sentences)
