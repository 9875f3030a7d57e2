"""Interface text composed from parts keeps its order in both reading directions.

Arabic inside an English sentence, or a Latin id inside an Arabic one, is laid out by the
Unicode Bidirectional Algorithm (UAX #9, https://www.unicode.org/reports/tr9/). Without help its
neutral characters (guillemets, colons, underscores, the ellipsis) take the direction of
whichever strong letter is next to them, so «Undo Tag speaker «الفلسطيني»» shows its marks on
the wrong side and a document id such as 000_41ac67127a0642cf reads 41ac67127a0642cf_000 in a
right-to-left row. UAX #9 §2.7 gives the cure used here: each inserted part is an isolate, laid
out on its own and seen by its surroundings as one neutral character. User text gets FIRST STRONG
ISOLATE (U+2068, its direction from its own first letter), Latin ids, numbers and paths get
LEFT-TO-RIGHT ISOLATE (U+2066); each is closed by POP DIRECTIONAL ISOLATE (U+2069).

Every interface string built from a translated template and inserted values goes through
`compose` (templates use Qt's %1…%9 placeholders, so translators move them freely); `quote`
is the one way a span of the article is quoted. Numbers are written with `number`, which follows
the interface's digit setting (`set_digits`); exports never call it and always write Western
digits. No Qt here: the command line quotes spans with the same helpers.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from typing import Literal

from annotator.core.arabic.text import one_line

LRI = "\u2066"  # left-to-right isolate
RLI = "\u2067"  # right-to-left isolate
FSI = "\u2068"  # first strong isolate
PDI = "\u2069"  # pop directional isolate

# Explicit embeddings, overrides and isolates inside user text would unbalance ours.
_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
_MARKS = re.compile("[\u200e\u200f]")  # left-to-right and right-to-left marks
_PLACEHOLDER = re.compile(r"%(\d)")
_ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")

Digits = Literal["western", "arabic"]
_digits: Digits = "western"


class Isolated(str):
    """A string already isolated: `compose` inserts it as it is."""


def set_digits(digits: Digits) -> None:
    """Choose the digits `number` writes in the interface: "western" (0-9, the default) or
    "arabic" (Arabic-Indic ٠-٩). Raises ValueError for anything else."""
    global _digits
    if digits not in ("western", "arabic"):
        raise ValueError(f"digits must be 'western' or 'arabic', not {digits!r}")
    _digits = digits


def digits() -> Digits:
    """The digits the interface writes now."""
    return _digits


def number(value: int | float, decimals: int | None = None) -> Isolated:
    """`value` for the interface in the chosen digits, as a left-to-right isolate (so a minus
    sign or decimal point stays beside its digits). `decimals`: fixed places for a float."""
    text = f"{value:.{decimals}f}" if decimals is not None else f"{value}"
    if _digits == "arabic":
        text = text.translate(_ARABIC_INDIC).replace(".", "٫").replace("-", "\u2212")
    return Isolated(LRI + text + PDI)


def isolate(text: object) -> Isolated:
    """User text (a span, a name, a title) as a first-strong isolate: it keeps its own order and
    leaves the sentence around it alone. Directional controls inside it are dropped."""
    if isinstance(text, Isolated):
        return text
    return Isolated(FSI + _CONTROLS.sub("", str(text)) + PDI)


def ltr(text: object) -> Isolated:
    """A Latin id, path, key name or code as a left-to-right isolate: 000_41ac67127a0642cf stays
    in that order inside an Arabic sentence or a right-to-left list row."""
    if isinstance(text, Isolated):
        return text
    return Isolated(LRI + _CONTROLS.sub("", str(text)) + PDI)


def rtl(text: object) -> Isolated:
    """Article text (a hit's context) as a right-to-left isolate: laid out right to left like
    the article even when it starts with a Latin word."""
    if isinstance(text, Isolated):
        return text
    return Isolated(RLI + _CONTROLS.sub("", str(text)) + PDI)


def quote(text: str, limit: int | None = 30) -> Isolated:
    """A span of the article quoted in guillemets: «…» outside the isolate, so the marks follow
    the sentence's direction, and the span (cut to `limit` code points with "…" at its end,
    on one line) inside it, so a leading quotation mark and the ellipsis stay with the Arabic.
    `limit` None: the whole text on one line."""
    inner = one_line(text, limit) if limit is not None else one_line(text, len(text) + 1)
    return Isolated("«" + isolate(inner) + "»")


def compose(template: str, *parts: object) -> str:
    """`template` (a translated sentence with %1…%9 placeholders) with each placeholder replaced
    by its part: strings become first-strong isolates, ints and floats `number`s, and parts
    already `Isolated` (from `ltr`, `quote`, `number`) go in as they are. A placeholder with no
    part is left as written. Raises nothing."""

    def part(match: re.Match[str]) -> str:
        n = int(match.group(1))
        if not 1 <= n <= len(parts):
            return match.group(0)
        value = parts[n - 1]
        if isinstance(value, Isolated):
            return value
        if isinstance(value, bool):
            return isolate(str(value))
        if isinstance(value, int | float):
            return number(value)
        return isolate(value)

    return _PLACEHOLDER.sub(part, template)


def plain(text: str) -> str:
    """`text` without directional controls (isolates, embeddings, and the LRM/RLM marks that
    start an interface sentence) and with the no-break hyphens (U+2011) that keep an id on one
    line turned back into hyphens: for comparisons in tests and for logs."""
    return _MARKS.sub("", _CONTROLS.sub("", text)).replace("\u2011", "-")


def elide_end(text: str, fits: Callable[[str], bool]) -> str:
    """`text` cut at its logical end so that `fits` accepts it, with "…" (U+2026) put where
    the cut is, inside the isolates open there (then closed), so a Latin name cut in an Arabic
    line reads "Esmail Ha…" and not "…Esmail Ha". The mark is followed by a left-to-right or
    right-to-left mark (U+200E/U+200F) of the direction of the last letter before it: "…" is
    neutral, and between a Latin letter and the end of a right-to-left line or isolate the
    Unicode bidi algorithm (UAX #9, rule N1/N2) would otherwise put it on the Latin run's left.
    `text` itself when it fits; "…" alone when nothing does. `fits` gets the candidate string
    (e.g. a font's width check)."""
    if fits(text):
        return text

    def cut(length: int) -> str:
        head = text[:length]
        open_isolates = 0
        for ch in head:
            if ch in (LRI, RLI, FSI):
                open_isolates += 1
            elif ch == PDI and open_isolates:
                open_isolates -= 1
        head = head.rstrip()
        return head + "…" + _mark_after(head) + PDI * open_isolates

    low, high = 0, len(text)
    while low < high:  # the longest prefix that fits
        middle = (low + high + 1) // 2
        if fits(cut(middle)):
            low = middle
        else:
            high = middle - 1
    return cut(low)


def _mark_after(head: str) -> str:
    """LRM after a Latin (left-to-right) last letter of `head`, RLM after an Arabic one, ""
    when `head` has no strong letter."""
    for ch in reversed(head):
        kind = unicodedata.bidirectional(ch)
        if kind == "L":
            return "\u200e"
        if kind in ("R", "AL"):
            return "\u200f"
    return ""
