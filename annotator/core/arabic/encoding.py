"""From the bytes of an imported file to the stored text: encoding detection, line ends, refusals.

Without an explicit encoding the candidates are, in this order:

1. a byte order mark: UTF-8, UTF-16 (LE/BE) or UTF-32 (LE/BE);
2. UTF-8;
3. UTF-16 without a byte order mark, when the bytes have the UTF-16 pattern (NUL bytes, if any, only
   at the even or only at the odd positions) and the decoded text is plausible (letters of the
   Arabic and Latin scripts, punctuation, white space; no control characters);
4. the Arabic single-byte code pages Windows-1256 and ISO-8859-6: both are decoded and the one
   whose letters are likelier in Arabic text wins (a unigram score). ISO-8859-6 text read as
   Windows-1256 gives Latin letters (و → è, ي → ê) and Windows-1256 text read as ISO-8859-6 gives
   rare letters and tanween (ي → ٍ), so from about five words on the choice is reliable; a
   text of one or two words can be genuinely ambiguous («هو» in Windows-1256 is «من» in
   ISO-8859-6) and needs its encoding named.

Other legacy encodings (DOS cp720/cp864, Mac Arabic, Latin ones) are never guessed: a file that
is not UTF-8 and has no Arabic letter in either code page is refused, with charset-normalizer's
guess as a hint. charset-normalizer is not used to choose between the two Arabic code pages: on
short texts it took ISO-8859-6 for Windows-1256 («هو» → «çè»), and unrestricted it guessed Big5 or
cp932 for short Arabic.
"""

from __future__ import annotations

import codecs
import math
import re
from collections import Counter
from dataclasses import dataclass

from annotator.core.errors import InputError, Message

ARABIC_CODE_PAGES = ("cp1256", "iso8859-6")

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_NAMES = {"utf-8-sig": "UTF-8", "utf-8": "UTF-8", "utf-16": "UTF-16", "utf-32": "UTF-32"}

# C0/C1 controls other than tab, LF, VT and FF, and lone surrogates, never occur in an article.
_UNWANTED = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
# Searched in the decoded text: the same characters as bytes in UTF-8, found in half the time.
_C0 = re.compile("[\x00-\x08\x0e-\x1f\x7f]")

_ASCII = bytes(range(0x80))
_SPREAD = 64  # pieces of a large file whose bytes are counted to score the code pages
_PIECE = 16 * 1024
# Characters looked at to judge whether UTF-16 without a byte order mark is text.
_SAMPLE = 100_000

# Letters per hundred in Arabic news text (rounded); the unigram score of a decoding.
_LETTER_FREQUENCY = {
    "ا": 12.5, "ل": 11.5, "ي": 6.5, "م": 6.2, "و": 5.6, "ن": 5.5, "ر": 4.6, "ت": 4.0, "ب": 3.7,
    "ع": 3.3, "د": 2.8, "ف": 2.8, "ة": 2.7, "ه": 2.6, "أ": 2.5, "س": 2.4, "ق": 2.2, "ك": 2.0,
    "ح": 1.9, "ج": 1.3, "ى": 1.3, "ط": 1.0, "ش": 1.0, "إ": 0.8, "ص": 0.8, "خ": 0.8, "ذ": 0.8,
    "ث": 0.6, "ض": 0.5, "ز": 0.5, "غ": 0.4, "ئ": 0.3, "ء": 0.3, "ظ": 0.2, "آ": 0.2, "ؤ": 0.1,
}  # fmt: skip
_ARABIC_MARKS = "ـ،؛؟«»\u00a0" + "".join(chr(c) for c in range(0x064B, 0x0653))


@dataclass(frozen=True)
class Decoded:
    """The cleaned text of a file and the codec it was read with (a Python codec name)."""

    text: str
    encoding: str


def clean_text(text: str) -> str:
    """Strip a leading BOM and turn CR LF and lone CR into LF; nothing else is changed.

    Diacritics, tatweel and Unicode normalisation forms are kept exactly as imported, so offsets
    agree with what the reader sees and the text hash identifies the same article elsewhere.
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def check_characters(text: str, path: str | None = None, line: int = 1) -> None:
    """Refuse NUL and other control characters and lone surrogates, naming the line.

    `line` is the line of the file where `text` starts (for a cell or a JSON value).
    """
    bad = _UNWANTED.search(text)
    if not bad:
        return
    ch, where = bad.group(), line + text.count("\n", 0, bad.start())
    if ch == "\x00":
        raise InputError("binary file (contains NUL characters), not a text article", path, where)
    if "\ud800" <= ch <= "\udfff":
        raise InputError("lone surrogate character: the file is damaged", path, where)
    raise InputError(
        Message(
            "control character U+%1: a binary file, not a text article", format(ord(ch), "04X")
        ),
        path,
        where,
    )


def decode(data: bytes, path: str | None = None, encoding: str | None = None) -> Decoded:
    """Decode, clean and check the bytes of a text file; refuse what is not an article's text."""
    if encoding:
        try:
            codec = codecs.lookup(encoding).name
        except LookupError:
            raise InputError(Message("unknown encoding %1", repr(encoding)), path) from None
        text = _strict(data, codec, path, shown=encoding)
    else:
        text, codec = _detect(data, path)
    text = clean_text(text)
    check_characters(text, path)
    if not text.strip():
        raise InputError("empty file: no text to annotate", path)
    return Decoded(text, codec)


def _detect(data: bytes, path: str | None) -> tuple[str, str]:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _strict(data, codec, path), codec
    if b"\x00" in data:
        found = _utf16_without_bom(data)
        if found is None:
            raise InputError("binary file (contains NUL bytes), not a text article", path)
        return found
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if _mostly_utf8(data):
            raise _undecodable(data, exc, "utf-8", path) from None
        return _arabic_code_page(data, path)
    if _C0.search(text):
        # Arabic UTF-16 without a BOM and without spaces has no NUL byte but looks like controls.
        found = _utf16_without_bom(data)
        if found:
            return found
    return text, "utf-8"


def _strict(data: bytes, codec: str, path: str | None, shown: str | None = None) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise _undecodable(data, exc, codec, path, shown) from None
    except LookupError:  # rot13, base64 and the like transform bytes, they do not decode text
        raise InputError(Message("%1 is not a text encoding", repr(shown or codec)), path) from None


def _undecodable(
    data: bytes, exc: UnicodeDecodeError, codec: str, path: str | None, shown: str | None = None
) -> InputError:
    name = shown or _NAMES.get(codec, codec)
    line = data[: exc.start].decode(codec, errors="replace").count("\n") + 1
    piece = data[exc.start : exc.start + 3]
    if (codec.startswith("utf-8") and piece[:1] == b"\xed" and piece[1:2] >= b"\xa0") or (
        "surrogate" in exc.reason or exc.reason == "illegal encoding"
    ):
        return InputError(
            Message("lone surrogate in %1 text: the file is damaged", name), path, line
        )
    if exc.reason in ("truncated data", "unexpected end of data"):
        return InputError(
            Message("not valid %1: the file ends inside a character", name), path, line
        )
    hint = ""
    if not shown and codec.startswith("utf-8"):
        hint = "; the rest is UTF-8, so the file looks damaged (or give its encoding: --encoding)"
    return InputError(
        Message("not valid %1 text (byte %2)%3", name, repr(data[exc.start : exc.start + 1]), hint),
        path,
        line,
    )


def _mostly_utf8(data: bytes) -> bool:
    """Most non-ASCII characters are valid UTF-8: damaged UTF-8, not a legacy code page."""
    text = data.decode("utf-8", errors="replace")
    invalid = text.count("\ufffd")
    valid = len(text) - (len(data) - len(data.translate(None, _ASCII))) - invalid
    return valid > invalid


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    if len(data) % 2:
        return None
    nul_even, nul_odd = data[0::2].count(0), data[1::2].count(0)
    if nul_even and nul_odd:
        return None
    # Text in the Basic Multilingual Plane has its NUL bytes on the high-byte side only.
    orders = ["utf-16-be"] if nul_even else ["utf-16-le"] if nul_odd else ["utf-16-le", "utf-16-be"]
    for codec in orders:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if _plausible(text):
            return text, codec
    return None


def _plausible(text: str) -> bool:
    """Text a news archive would hold: no controls, and nearly all Arabic or Latin letters."""
    if not text or _UNWANTED.search(text):
        return False
    sample = text[:_SAMPLE]
    expected = sum(n for ch, n in Counter(sample).items() if _expected(ord(ch)))
    return expected >= 0.95 * len(sample)


def _expected(code: int) -> bool:
    return (
        code < 0x250
        or 0x0600 <= code <= 0x06FF
        or 0x0750 <= code <= 0x077F
        or 0x08A0 <= code <= 0x08FF
        or 0x2000 <= code <= 0x206F
        or 0xFB50 <= code <= 0xFDFF
        or 0xFE70 <= code <= 0xFEFF
    )


def _arabic_code_page(data: bytes, path: str | None) -> tuple[str, str]:
    # In a single-byte code page characters are bytes: score both pages from one byte count.
    counts = Counter(_spread_sample(data))
    counts = {byte: n for byte, n in counts.items() if byte >= 0x80}
    best: tuple[float, str, str] | None = None
    for codec in ARABIC_CODE_PAGES:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        chars = {byte.to_bytes().decode(codec): n for byte, n in counts.items()}
        if not any(ch in _LETTER_FREQUENCY for ch in chars):
            continue
        score = _arabic_score(chars)
        if best is None or score > best[0]:
            best = (score, text, codec)
    if best is None:
        raise InputError(
            Message(
                "not UTF-8, and not Arabic text in Windows-1256 or ISO-8859-6%1; give "
                "its encoding with --encoding",
                _guess(data),
            ),
            path,
        )
    return best[1], best[2]


def _spread_sample(data: bytes) -> bytes:
    """Pieces from all over a large file: enough to score it, fast on tens of megabytes."""
    if len(data) <= _SPREAD * _PIECE:
        return data
    step = len(data) // _SPREAD
    return b"".join(data[start : start + _PIECE] for start in range(0, len(data), step))


def _arabic_score(counts: dict[str, int]) -> float:
    """Log-likelihood of the non-ASCII characters under Arabic letter frequencies."""
    score = 0.0
    for ch, count in counts.items():
        frequency = _LETTER_FREQUENCY.get(ch)
        if frequency is None:
            if ch in _ARABIC_MARKS:
                frequency = 0.3
            elif "\u0600" <= ch <= "\u06ff":
                frequency = 0.05
            else:
                frequency = 0.001
        score += count * math.log(frequency)
    return score


def _guess(data: bytes) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    return f" (charset-normalizer guesses {best.encoding})" if best else ""


_SURROGATE = re.compile("[\ud800-\udfff]")


def has_lone_surrogate(value: object) -> bool:
    """Whether a decoded JSON value holds a lone surrogate in any string or key (JSON allows
    writing one as an escape; it is not text and could not be stored)."""
    # Iterative: the value may be nested almost as deep as the recursion limit.
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, str) and _SURROGATE.search(item):
            return True
    return False
