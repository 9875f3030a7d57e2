"""What the Qt-free core says (refusals, bad input, conflicts), in the interface's language.

The core's errors and messages carry an English template and its parts
(annotator/core/errors.py `Message`); here the template is translated in the "core" context
(listed for lupdate in core_messages.py) and each part goes in as a bidi isolate through
`compose`, so a file name, id or span keeps its order inside an Arabic sentence. A part that is
itself a message of the core is translated in its turn. The command line prints the English.
"""

import re
import unicodedata

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication

from annotator.core.bidi import FSI, LRI, PDI, RLI, Isolated, compose, isolate, ltr, quote
from annotator.core.errors import AnnotatorError, LayerName, LayerNames, Message, message
from annotator.gui import language

RLM, LRM = "\u200f", "\u200e"  # right-to-left and left-to-right marks


def core_text(value: object) -> str:
    """`value` (an AnnotatorError or a core Message) as the interface shows it: translated,
    with its parts isolated and numbers in the interface's digits. Any other value (an
    OSError's text, a plain string) is str(value). Raises nothing."""
    if not isinstance(value, Message | AnnotatorError):
        return str(value)
    said = message(value)
    count = -1 if said.count is None else said.count
    template = QCoreApplication.translate("core", said.template, None, count)
    text = compose(_commands_isolated(template), *(_part(p) for p in said.params))
    # A sentence that starts with an inserted part ("%1 is not a project"): Qt takes the
    # paragraph's direction from the first letter it meets, inside the isolate or not, so a
    # Latin path would lay an Arabic sentence out left to right. A mark of the sentence's own
    # direction (right to left when it has an Arabic letter outside the parts, even one that
    # starts with a Latin name: «JSON غير صالح») settles it.
    return (RLM if _right_to_left(text) else LRM) + text


# A command the reader is told to type, written in backticks in the template (the catalogue puts
# every command it names in them): its words, options and filled-in parts are one line of the
# command line, so they keep their left-to-right order inside an Arabic sentence.
_COMMAND = re.compile(r"`[^`]*`")


def _commands_isolated(template: str) -> str:
    """`template` with each backtick-quoted command made a left-to-right isolate (UAX #9 X5a),
    the parts compose fills in staying isolates inside it."""
    return _COMMAND.sub(lambda found: LRI + found.group(0) + PDI, template)


def _right_to_left(text: str) -> bool:
    """Whether `text` is a right-to-left sentence: any right-to-left letter outside its
    isolates (an Arabic sentence may start with a Latin name, «JSON غير صالح: …», and is still
    Arabic); with no strong letter outside them (only inserted parts), whether the interface
    reads right to left."""
    depth, latin = 0, False
    for ch in text:
        if ch in (LRI, RLI, FSI):
            depth += 1
        elif ch == PDI:
            depth = max(depth - 1, 0)
        elif depth == 0:
            kind = unicodedata.bidirectional(ch)
            if kind in ("R", "AL"):
                return True
            latin = latin or kind == "L"
    if latin:
        return False
    return QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft


# Parts the core fills in as English punctuation: a value it quotes with repr() ('bogus'), a list
# of names joined with ", " (layers, annotators) and an id with hyphens (a UUID, 000_41ac-…).
_REPR = re.compile(r"'[^'\n]*'|\"[^\"\n]*\"")
_NAMES = re.compile(r"[\w.-]+(?:, [\w.-]+)+")
_HYPHENED = re.compile(r"\w+(?:-\w+)+")
NO_BREAK_HYPHEN = "\u2011"
ARABIC_COMMA = "\u060c "


def _part(value: object) -> object:
    """One part of a core message as the interface shows it: a clause of the core translated,
    and in a right-to-left interface a quoted value in «…», a list of names joined with the
    Arabic comma, each name an isolate; an id with hyphens gets no-break hyphens (U+2011)
    wherever it is shown, so a message box never wraps it mid-id."""
    if isinstance(value, Message | AnnotatorError):
        # A translated clause: isolated whole, its own isolates kept (isolate() would drop them).
        return core_part(value)
    if not isinstance(value, str) or isinstance(value, Isolated):
        return value
    if isinstance(value, LayerName):
        return isolate(language.layer_label(value))
    if isinstance(value, LayerNames):
        if QGuiApplication.layoutDirection() != Qt.LayoutDirection.RightToLeft:
            return isolate(", ".join(language.layer_label(n) for n in value.split(", ")))
        labels = (isolate(language.layer_label(n)) for n in value.split(", "))
        return Isolated(RLI + ARABIC_COMMA.join(labels) + PDI)
    if _HYPHENED.fullmatch(value):
        return ltr(value.replace("-", NO_BREAK_HYPHEN))
    if QGuiApplication.layoutDirection() != Qt.LayoutDirection.RightToLeft:
        return value
    if _REPR.fullmatch(value):
        return quote(value[1:-1], None)
    if _NAMES.fullmatch(value):
        names = (isolate(_part(name)) for name in value.split(", "))
        return Isolated(RLI + ARABIC_COMMA.join(names) + PDI)
    return value


def core_part(value: object) -> Isolated:
    """`core_text(value)` as one part of a sentence `compose` builds (a first-strong isolate
    that keeps the isolates inside it, which compose's own isolate() would drop)."""
    return Isolated(FSI + core_text(value) + PDI)
