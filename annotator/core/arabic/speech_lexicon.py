"""The lexicon of reported speech in Arabic news: the verbs of saying in their written forms
(perfect and imperfect, persons, clitics), participles, source phrases, and the closed word
classes the rules read (particles, complementisers, prepositions, titles, bodies, outlets, time
words). Words are written as in a dictionary and folded on load (no tashkeel, hamza forms of
alef as ا, final ة/ى as ه/ي), so «أكّدت» and «اكدت» are the same cue; the predicates here
read one folded word."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from annotator.core.arabic.search import SearchOptions, fold
from annotator.core.arabic.text import QUOTE_PAIRS

_FORMS = SearchOptions(case=True)


@lru_cache(maxsize=65536)
def _f(word: str) -> str:
    """A word folded as the lexicon and the rules compare words (kept per word)."""
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
    ("روى", "روي", False),  # «وروى أحد الناجين أن …», «وتروي أم محمد أنها …»
)
# Irregular forms of weak verbs (past: she, they).
_EXTRA_VERB_FORMS = {
    "دعا": ("دعت", "دعوا", "دعيا"),
    "نفى": ("نفت", "نفوا", "ينفون", "تنفي"),
    "رأى": ("رأت", "رأوا", "يرون"),
    "قال": ("قالت", "قالوا", "قلت", "قلنا"),
    "رد": ("ردت", "ردوا"),
    "روى": ("روت", "رووا"),
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
_SOURCE_PHRASES = ("بحسب", "حسب", "حسبما", "وفق", "وفقا", "طبقا", "نقلا عن", "على لسان")
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
            # «يصفه خصومه بـ«…»»: a pronoun object on the singular present.
            written += [p + present + o for p in _PRESENT_PREFIXES for o in _OBJECT_SUFFIXES]
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
# «وقال هذا الأخير …»: the latter, after a demonstrative.
_LATTER = {_f(w) for w in ("الأخير", "الأخيرة", "الأخيرين", "الأخيرون")}
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
        "الخبير", "المحلل", "المرشد", "الإمام", "البابا", "الأستاذ", "نائب", "مدرب",
        "الوزيرة", "النائبة", "المستشارة", "السفيرة", "القاضية", "المحامية", "الرئيسة",
        "المدربة", "الناشطة", "الكاتبة",
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


# Verbs of making a study or a report, with its pronoun: «دراسة أجراها فريق من …».
_AUTHORING = {
    _f(v + o)
    for v in ("أجرى", "أجرت", "أعد", "أعدت", "نشر", "نشرت", "أصدر", "أصدرت", "نفذ", "نفذت")
    for o in ("ه", "ها", "هم")
} | {_f(w) for w in ("أجراه", "أجراها", "أجراهم")}


_DESCRIBING = {_f(w) for w in ("وصف", "اتهم")}


_TASHKEEL = "".join(chr(c) for c in range(0x064B, 0x0653))
_QUESTIONS = {_f(w) for w in ("عما", "حول", "ردا", "سؤال", "سؤالا", "هل", "إذا")}


_DESCRIPTIVE = {_f(w) for w in ("وهو", "وهي", "وهم", "وهما", "وهن")}


_ANONYMITY = {_f(w) for w in ("اسمه", "اسمها", "هويته", "هويتها", "أسمائهم", "هوياتهم")}


# Closing quotation marks and the percent signs of a figure («12%») end a claim with it.
_KEPT_AT_END = frozenset(QUOTE_PAIRS.values()) | {"%", "٪"}


_BUT_FORMS = {_f(w) for w in ("لكن", "لكنه", "لكنها", "لكنهم", "ولكن", "ولكنه", "ولكنها")}


@lru_cache(maxsize=65536)
def _is_preposition(form: str) -> bool:
    """Whether a folded word is a preposition, alone or with a pronoun («عليه», «منها»);
    kept per word, as the rules ask it of the same words again and again."""
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
        "إفصاح", "جهته", "جهتها", "جانبه", "جانبها",
    )
}  # fmt: skip


_ISSUED = {_f(w) for w in ("صادر", "صادرة", "الصادر", "الصادرة")}


# Heads of the phrases that name whom a speaker addresses or praises, not himself
# («ودعا الناطق وسائل الإعلام إلى …», «وثمّن الوزير جهود العناصر …»).
_ADDRESSEE_HEADS = {
    _f(w)
    for w in (
        "وسائل", "جهود", "أطراف", "أبناء", "ممثلي", "كافة", "عموم", "سكان", "أهالي", "مراسل",
        "مراسلة",
    )
}  # fmt: skip


# Broken plurals and collectives of people a speaker addresses («للنواب», «للحضور»).
_AUDIENCES = {
    _f(w)
    for w in (
        "نواب", "أعضاء", "سفراء", "وزراء", "طلاب", "أهالي", "حضور", "جمهور", "شباب", "صحافة",
        "إعلام", "زملاء", "أنصار", "مراسلين", "عمال", "رفاق",
    )
}  # fmt: skip


def _bare(form: str) -> str:
    """A word without a leading و/ف conjunction."""
    return form[1:] if form[:1] in "وف" and len(form) > 2 else form


# The adjective pattern أفعل, folded («الأخضر», «الأعلى», «الأكبر»).
_ELATIVE = re.compile("^الا...$")


_NAME_PARTS = {_f(w) for w in ("عبد", "أبو", "أبي", "أبا", "بن", "ابن", "بنت", "أم", "آل")}
_NISBA_ENDINGS = ("ي", "يه", "يون", "يين", "يان", "يتان", "يتين")
# Verbal nouns (folded) of the forms تفعيل، تفاعل، استفعال، انفعال: «التأخير», «التراجع»,
# «الاستقرار», «الانسحاب»; after a name they begin the object of the cue.
_MASDAR = re.compile("^ال(ت..ي.|ت.ا..|است..ا.|ان.ا.)$")


def _addressee_after_form(form: str) -> bool:
    """Whether a definite word names a group of people («الأهالي», «المواطنين»)."""
    rest = form[2:]
    people = rest.endswith(("ين", "ون")) and not rest.endswith(("يين", "يون")) and len(rest) > 4
    return rest in _AUDIENCES or people


# Words of _TITLES that name a body, not a person: after a verb that goes on from the last
# speaker («وحمّل الحكومة المسؤولية») they are its object.
_BODY_TITLES = {
    _f(w)
    for w in ("الحكومة", "الوزارة", "وزارة", "وكالة", "صحيفة", "حركة", "الرئاسة", "الجيش",
              "الخارجية", "البيت")
}  # fmt: skip


# Short phrases that open a sentence before a comma: «بدوره،», «من جهتها،».
_LEAD_INS = {_f(w) for w in ("بدوره", "بدورها", "بدورهم", "جهته", "جهتها", "جانبه", "جانبها")}
