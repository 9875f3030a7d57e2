"""Text helpers: decoding imported text, offsets, word snapping and reporting cues.

Offsets everywhere in the project are Unicode code points into the stored text, end exclusive.
Qt counts UTF-16 code units instead; `Utf16Map` converts between the two and is used only at the
GUI boundary.
"""

from __future__ import annotations

import bisect
import hashlib
import re
import unicodedata
from functools import cache

from annotator.core.arabic.encoding import clean_text as clean_text
from annotator.core.arabic.encoding import decode

TATWEEL = "\u0640"
# Joiners belong to the word they join; without them a snapped span could split a word in two.
_JOINERS = {"\u200c", "\u200d"}

# Opening quotation mark -> closing one. A straight quote closes itself.
QUOTE_PAIRS = {"«": "»", "“": "”", "„": "”", "‘": "’", '"': '"', "'": "'", "‹": "›"}
_CLOSING_QUOTES = {close: open_ for open_, close in QUOTE_PAIRS.items()}
# Any quotation mark: found with C-speed scanning, so a paragraph of millions of characters
# is not walked letter by letter.
_QUOTE_MARK = re.compile("[" + re.escape("".join({*QUOTE_PAIRS, *_CLOSING_QUOTES})) + "]")


def decode_text(data: bytes, path: str | None = None, encoding: str | None = None) -> str:
    """Decode the bytes of a text file, refusing binary and undecodable input with a clear message.

    Without an explicit encoding it is detected (BOM, UTF-8, UTF-16, Windows-1256, ISO-8859-6):
    see `annotator.core.arabic.encoding`.
    """
    return decode(data, path, encoding).text


def text_sha256(text: str) -> str:
    """The hash that identifies an article across projects: SHA-256 of its UTF-8 bytes."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def title_of(text: str, limit: int = 200) -> str:
    """The first non-empty line, stripped and cut to `limit` characters."""
    for line in text.split("\n"):
        if line.strip():
            return line.strip()[:limit]
    return ""


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class Utf16Map:
    """Converts between code-point offsets (the store) and UTF-16 offsets (Qt) for one text."""

    def __init__(self, text: str):
        # Code-point positions of characters outside the BMP: each takes two UTF-16 units.
        self._astral = [m.start() for m in _ASTRAL.finditer(text)]
        # Their UTF-16 positions, for the inverse direction.
        self._astral16 = [cp + n for n, cp in enumerate(self._astral)]
        self.length = len(text)

    def to_utf16(self, cp: int) -> int:
        if not self._astral:
            return cp
        return cp + bisect.bisect_left(self._astral, cp)

    def to_codepoint(self, u16: int) -> int:
        """A UTF-16 position inside a surrogate pair maps to the start of that character."""
        if not self._astral:
            return u16
        whole = bisect.bisect_right(self._astral16, u16 - 2)  # pairs that end at or before u16
        if whole < len(self._astral16) and self._astral16[whole] == u16 - 1:
            return self._astral[whole]
        return u16 - whole


def is_word_char(ch: str) -> bool:
    """Letters, combining marks (tashkeel), digits, tatweel and joiners belong to a word."""
    if ch in _JOINERS or ch == TATWEEL:
        return True
    cat = unicodedata.category(ch)
    return cat[0] in "LMN"


def _word_start(text: str, pos: int) -> int:
    while pos > 0 and is_word_char(text[pos - 1]):
        pos -= 1
    return pos


def _word_end(text: str, pos: int) -> int:
    while pos < len(text) and is_word_char(text[pos]):
        pos += 1
    return pos


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Widen a selection that starts or ends inside a word to whole words.

    Surrounding whitespace and punctuation (`is_loose`: , . : ; ، ؛ ؟ … and dashes) are
    dropped. Quotation marks stay outside unless the selection includes them, and stay
    balanced: a selected opening mark brings its closing partner (and a selected closing mark
    its opening one), with the words between, so a quotation is tagged whole and never half.
    Returns None when nothing but whitespace and punctuation was selected.
    """
    start, end = max(0, min(start, end)), min(len(text), max(start, end))
    while start < end and is_loose(text, start):
        start += 1
    while end > start and is_loose(text, end - 1):
        end -= 1
    if start >= end:
        return None
    if is_word_char(text[start]):
        start = _word_start(text, start)
    if is_word_char(text[end - 1]):
        end = _word_end(text, end)
    return _balance_quotes(text, start, end)


# Punctuation that never ends a speaker's name or a claim's words: a drag that took the colon
# after «سالم الدوسري» or the comma before a name leaves it out. Quotation marks are not among
# them (they are balanced instead), nor signs that belong to a number (%, ٪, ‰).
_LOOSE_PUNCTUATION = frozenset(("Po", "Pd"))
_KEPT_SIGNS = frozenset("%٪‰؉#&@*/\\")


def is_loose(text: str, position: int) -> bool:
    """Whether the character at `position` is dropped from either end of a snapped span:
    whitespace, or punctuation such as , . : ; ، ؛ ؟ … – that is no quotation mark."""
    ch = text[position]
    if ch.isspace():
        return True
    if ch in _KEPT_SIGNS or _QUOTE_MARK.match(ch) or _is_apostrophe(text, position):
        return False
    return unicodedata.category(ch) in _LOOSE_PUNCTUATION


def _balance_quotes(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen the span until every quotation mark in it has its partner in it too (a partner
    is looked for in the same paragraph; a mark without one is left as it is)."""
    if not _QUOTE_MARK.search(text, start, end):
        return start, end  # nothing to balance: the paragraph need not be read
    paragraph_start = text.rfind("\n", 0, start) + 1
    paragraph_end = text.find("\n", end)
    paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
    partners = quote_partners(text, paragraph_start, paragraph_end)
    changed = True
    while changed:  # a partner taken in may bring marks of its own (nested quotations)
        changed = False
        for position in range(start, end):
            partner = partners.get(position)
            if partner is not None and not start <= partner < end:
                start, end = min(start, partner), max(end, partner + 1)
                changed = True
                break
    return start, end


def _is_apostrophe(text: str, position: int) -> bool:
    """A straight or curly apostrophe inside a word (Qa'ani, don't) is no quotation mark."""
    return (
        text[position] in "'’"
        and 0 < position < len(text) - 1
        and is_word_char(text[position - 1])
        and is_word_char(text[position + 1])
    )


def quote_partners(text: str, start: int = 0, end: int | None = None) -> dict[int, int]:
    """Pair the quotation marks of `text[start:end]`: position of a mark -> position of its
    partner, both ways. Opening marks pair with their closing mark, nested quotations inside
    out; a straight quote (", ') opens when none of its kind is open and closes otherwise.
    Marks without a partner are left out."""
    end = len(text) if end is None else end
    partners: dict[int, int] = {}
    open_marks: list[tuple[str, int]] = []  # (mark, position), innermost last
    for found in _QUOTE_MARK.finditer(text, start, end):
        position, mark = found.start(), found.group()
        if _is_apostrophe(text, position):
            continue
        closes = [n for n, (o, _) in enumerate(open_marks) if QUOTE_PAIRS[o] == mark]
        if closes:
            opening = open_marks[closes[-1]][1]
            partners[opening], partners[position] = position, opening
            del open_marks[closes[-1] :]  # marks opened inside and never closed stay unpaired
        elif mark in QUOTE_PAIRS:
            open_marks.append((mark, position))
    return partners


def next_word_end(text: str, pos: int) -> int:
    """The end of the word after `pos` (skipping spaces and punctuation)."""
    while pos < len(text) and not is_word_char(text[pos]):
        pos += 1
    return _word_end(text, pos)


def previous_word_start(text: str, pos: int) -> int:
    """The start of the word before `pos` (skipping spaces and punctuation)."""
    while pos > 0 and not is_word_char(text[pos - 1]):
        pos -= 1
    return _word_start(text, pos)


def move_edge(text: str, start: int, end: int, edge: str, direction: int) -> tuple[int, int]:
    """Move one edge of a span by a word: `direction` +1 moves it later in the text, -1 earlier.

    Shrinking first drops punctuation at that edge, then a whole word; a span never becomes
    empty (the span is returned unchanged instead).
    """
    if edge == "end":
        if direction > 0:
            new_end = next_word_end(text, end)
        elif not is_word_char(text[end - 1]):
            new_end = _trim_end(text, start, end)
        else:
            new_end = _trim_end(text, start, _word_start(text, end - 1))
        return (start, new_end) if new_end > start else (start, end)
    if direction < 0:
        new_start = previous_word_start(text, start)
    elif not is_word_char(text[start]):
        new_start = _trim_start(text, start, end)
    else:
        new_start = _trim_start(text, _word_end(text, start), end)
    return (new_start, end) if new_start < end else (start, end)


def _trim_start(text: str, start: int, end: int) -> int:
    while start < end and not is_word_char(text[start]):
        start += 1
    return start


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and not is_word_char(text[end - 1]):
        end -= 1
    return end


def matching_form(word: str) -> str:
    """A spelling-insensitive form for comparing words: no tashkeel, tatweel or hamza variants."""
    # Imported here: most commands (an export, a listing) compare no words.
    from pyarabic import araby

    word = araby.strip_tashkeel(araby.strip_tatweel(word))
    return araby.normalize_hamza(word, method="tasheel").replace("آ", "ا")


# Reporting words that introduce quoted or reported speech in Arabic news, in their written form.
REPORTING_CUES = (
    "قال", "يقول", "أكد", "يؤكد", "أضاف", "يضيف", "أوضح", "يوضح", "شدد", "يشدد", "أشار", "يشير",
    "أشاد", "يشيد", "أعلن", "يعلن", "اعتبر", "يعتبر", "رأى", "يرى", "لفت", "يلفت", "صرح", "نفى",
    "ينفي", "حذر", "يحذر", "دعا", "يدعو", "طالب", "يطالب", "كشف", "يكشف", "تابع", "استعرض",
    "مشيراً", "مؤكداً", "مضيفاً", "معرباً عن", "منوهاً", "مبيناً", "مشدداً", "موضحاً", "لافتاً",
    "معتبراً", "محذراً", "داعياً", "مطالباً",
    "وفق", "وفقاً", "بحسب", "حسب", "نقلاً عن",
)  # fmt: skip


@cache
def _cue_forms() -> dict[str, str]:
    # Made at the first search for a cue, not at import: pyarabic is then imported only by the
    # commands that compare words.
    return {matching_form(cue): cue for cue in REPORTING_CUES}


_CONJUNCTIONS = ("و", "ف")


def _words(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans, pos = [], start
    while pos < end:
        if is_word_char(text[pos]):
            stop = min(_word_end(text, pos), end)
            spans.append((pos, stop))
            pos = stop
        else:
            pos += 1
    return spans


def find_cue(text: str, claim_start: int, window_start: int = 0) -> str | None:
    """The reporting word nearest before a claim, written as in the text without a leading و/ف.

    Only the stretch from `window_start` (e.g. the end of the previous claim) to the claim, cut at
    the previous sentence end, is searched, so a cue of an earlier sentence is never taken.
    """
    lo = max(window_start, 0)
    for mark in (".", "!", "?", "؟", "\n"):
        cut = text.rfind(mark, lo, claim_start)
        if cut >= 0:
            lo = max(lo, cut + 1)
    words = _words(text, lo, claim_start)
    for index in range(len(words) - 1, -1, -1):
        ws, we = words[index]
        if index + 1 < len(words):
            # Two-word cues such as «معرباً عن» and «نقلاً عن».
            ns, ne = words[index + 1]
            cue = _as_cue(text[ws:we] + " " + text[ns:ne])
            if cue:
                return cue
        cue = _as_cue(text[ws:we])
        if cue:
            return cue
    return None


def _as_cue(written: str) -> str | None:
    forms = _cue_forms()
    if matching_form(written) in forms:
        return written
    if written[:1] in _CONJUNCTIONS and matching_form(written[1:]) in forms:
        return written[1:]
    return None


def one_line(text: str, limit: int = 120) -> str:
    """The text on one line (runs of white space made one space), cut with "…" past `limit`
    code points: after the last whole word that fits (a word cut in two, «ولا ي…», reads as
    another word), or inside a word only when the first word alone is longer than half of
    `limit`."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    kept = text[: limit - 1]
    if text[limit - 1] != " ":
        space = kept.rfind(" ")
        if space >= limit // 2:
            kept = kept[:space]
    return kept.rstrip() + "…"
