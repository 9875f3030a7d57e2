"""Proclitics of an Arabic word: whether a leading ب/ل/ك is a preposition written on the word
(«بالهجمات», «لصحيفة», «بدقة») or its first root letter («بلدية», «لجنة», «بريطانيا»).

The segmentation and the root come from Tashaphyne's light stemmer (Taha Zerrouki,
https://github.com/linuxscout/tashaphyne): its affix tables list the prefixes an Arabic word
can take and its dictionary of 7,504 triliteral and quadriliteral roots picks the root among
the possible segmentations. A letter is read as a preposition when the article follows it
(«بالـ», «للـ») or a pronoun suffix ends a short stem («لنظيرها», «له»); otherwise only when
every segmentation whose root is in the dictionary takes the letter as a prefix («بدقة» ->
ب + دقق; but «بلدية» also reads as the root بلد, so its ب stays). Words with no root in
the dictionary are foreign names or loanwords («برلمان», «بلجيكا»), whose first letter is
their own. Foreign place names whose letters happen to make an Arabic root («بريطانيا» ->
رطن) are listed in `_NAMES`. The decision reads all of Tashaphyne's segmentations (see
`_readings`), never its single chosen root, whose ties are broken differently in each
process.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import lru_cache

from pyarabic import araby, propernouns
from tashaphyne import roots_const
from tashaphyne.stemming import ArabicLightStemmer

_PREPOSITION_LETTERS = "بلك"
_CONJUNCTIONS = "وف"
# Place names starting with ب or ل that Tashaphyne reads as ب/ل + a root; written unvocalised.
_NAMES = frozenset(
    (
        "بريطانيا", "بغداد", "باريس", "بيروت", "لندن", "بكين", "بوتين", "برلين", "بنغازي",
        "بغداد", "باكستان", "بولندا", "بلغاريا", "بورما", "بنما", "بيرو", "لاتفيا", "ليتوانيا",
        "لشبونة", "لاهاي", "باماكو", "بانكوك", "بوخارست", "بودابست", "بلغراد", "باكو",
        "البحرين", "لوكسمبورغ", "ليون", "بوروندي", "بنين", "بوتسوانا", "بيلاروسيا",
    )
)  # fmt: skip
_PRONOUNS = ("ه", "ها", "هم", "هما", "هن", "كم", "كما", "نا", "ي")


@dataclass(frozen=True)
class Segments:
    """A word cut into its proclitics and the rest, all as written (tashkeel removed)."""

    conjunction: str  # و or ف, or ""
    preposition: str  # ب, ل or ك, or ""
    rest: str  # the word after them (with its article, if any)


_LOCAL = threading.local()


def _stemmer() -> ArabicLightStemmer:
    """One stemmer per thread: it keeps the word it analyses in itself, and the window runs
    the rules of a long article on a worker thread."""
    stemmer = getattr(_LOCAL, "stemmer", None)
    if stemmer is None:
        stemmer = _LOCAL.stemmer = ArabicLightStemmer()
    return stemmer


@lru_cache(maxsize=65536)
def segment(word: str) -> Segments:
    """The proclitics of `word` (one written word, vocalised or not). Never raises."""
    bare = araby.strip_tashkeel(araby.strip_tatweel(word))
    # و/ف is read as a conjunction only when what follows it is an article or a preposition
    # («والتي», «ولصحيفة»): «وزير», «وكالة», «فريق» begin with a root letter.
    if bare[:1] in _CONJUNCTIONS and len(bare) > 3:
        rest = bare[1:]
        if rest.startswith("ال"):
            return Segments(bare[0], "", rest)
        if rest[:1] in "بل" and _is_preposition(rest):
            return Segments(bare[0], rest[0], rest[1:])
    if bare[:1] in _PREPOSITION_LETTERS and len(bare) >= 2 and _is_preposition(bare):
        return Segments("", bare[0], bare[1:])
    return Segments("", "", bare)


def has_preposition(word: str) -> bool:
    """Whether `word` carries a prefixed preposition ب/ل/ك («لصحيفة», «بالهجمات»)."""
    return bool(segment(word).preposition)


def _is_preposition(bare: str) -> bool:
    letter, rest = bare[0], bare[1:]
    if bare in _NAMES:
        return False
    if (rest.startswith("ال") and len(rest) > 3) or (letter == "ل" and rest.startswith("ل")):
        return True  # «بالـ», «للـ»
    if letter == "ك":
        return False  # «كتاب», «كبير»: ك is a preposition only before the article
    if rest in _PRONOUNS:
        return True  # «له», «بها»
    if rest.startswith("ا") and len(rest) < 4:
        return False  # «لاعب»: a short stem does not start with a bare alef
    readings = _readings(bare)
    if not readings:
        return False  # a loanword or foreign name: «برلمان», «بلجيكا»
    # Only when every dictionary reading takes the letter as a prefix: «بلدية» (بلد) and
    # «لجنة» (لجن) also read as ب/ل + a root, and then the word keeps its letter.
    return all(prefix.startswith(letter) for prefix, _ in readings)


@lru_cache(maxsize=65536)
def _readings(bare: str) -> frozenset[tuple[str, str]]:
    """(prefix, root) of each segmentation Tashaphyne finds whose root is in its dictionary.
    A set, so the answer does not depend on the order Tashaphyne lists them in (its own
    `get_root` breaks ties by set order, which changes from one process to the next).
    Kept per word: an article repeats its words, and each analysis costs about 0.1 ms."""
    stemmer = _stemmer()
    stemmer.light_stem(bare)
    return frozenset(
        (reading["prefix"], reading["root"])
        for reading in stemmer.get_affix_list()
        if reading["root"] in roots_const.ROOTS
    )


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    """PyArabic's list of Arabic given names (its entries labelled `nom`), unvocalised. Read
    from the list's text: PyArabic's own table of it comes out empty (it splits on tabs, the
    list has spaces)."""
    names = set()
    for line in propernouns.TEXT.splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[1].lower() == "nom":
            names.add(araby.strip_tashkeel(parts[0]))
    return frozenset(names)


def is_given_name(word: str) -> bool:
    """Whether `word` (one written word) is an Arabic given name in PyArabic's list
    («ليلى», «سليم»): a word with ل or ب at its start that is a name is spoken of, not to."""
    return araby.strip_tashkeel(araby.strip_tatweel(word)) in _given_names()


def looks_like_verb(word: str) -> bool:
    """Whether `word` (one written word without the article) reads as a finite verb of a
    triliteral root in Tashaphyne's dictionary: the perfect «فعل» («شكك»), «فعلت», «فعلوا»,
    «تفعّلوا» («تحدثوا»), or the imperfect «يفعل»/«تفعل» («تملك»), «يفعلون». Only the shapes
    where the root's letters are the word's own, so nouns of other patterns («فيصل», «جهود»)
    are not taken; a bare three-letter word is also a noun, a name («سعد») or a preposition
    («حول»), which the caller must rule out from its context."""
    bare = araby.strip_tashkeel(araby.strip_tatweel(word))
    if bare.startswith("ال") or len(bare) < 3:
        return False
    for _, root in _readings(bare):
        if len(root) != 3:
            continue
        shapes = (root, root + "ت", root + "وا", "ي" + root, "ت" + root, "ت" + root + "وا")
        if bare in shapes or bare in ("ي" + root + "ون", "ت" + root + "ون"):
            return True
    return False


def pronoun_suffixed(word: str) -> bool:
    """Whether `word` is a noun with a possessive pronoun written on it («حديثه», «جهودها»):
    it ends in ه, ها, هم or هما and what comes before has a root in the dictionary."""
    bare = araby.strip_tashkeel(araby.strip_tatweel(word))
    for suffix in ("هما", "هم", "ها", "ه"):
        stem = bare[: -len(suffix)]
        if bare.endswith(suffix) and len(stem) >= 3 and not stem.startswith("ال"):
            return bool(_readings(stem))
    return False
