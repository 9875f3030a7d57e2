"""The exceptions the core raises and the messages they carry: each is a sentence template with
its parts, English when printed (the command line, logs), translated by the interface.

A `Message` is the English sentence as a `str` (so the CLI, logs and comparisons use it as
they always did) that also keeps its `template` (Qt's %1…%9 placeholders, %n for a count) and
its `params`. The GUI translates the template in the "core" context and inserts the parts as
bidi isolates (annotator/gui/core_text.py); every template the core writes is listed for the
translators in annotator/gui/core_messages.py (tools/core_messages.py writes it from the
source, and a test fails when a template is missing there).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

_PLACEHOLDER = re.compile(r"%(\d|n)")
_PLURAL_S = re.compile(r"\(s\)")


class Message(str):
    """`template` with its %1…%9 replaced by `params` (in order) and %n by `count`, in English.

    Params are shown with str(); a param that is itself a `Message` or an `AnnotatorError` is
    translated in its turn by the interface. With `count`, a "(s)" in the template is "s"
    unless count is 1 ("%n row(s)": "1 row", "3 rows"), as Qt's English plural forms give it.
    Raises nothing; a placeholder with no param is left as written."""

    template: str
    params: tuple[object, ...]
    count: int | None

    def __new__(cls, template: str, *params: object, count: int | None = None) -> Message:
        def part(match: re.Match[str]) -> str:
            if match.group(1) == "n":
                return match.group(0) if count is None else str(count)
            n = int(match.group(1))
            return str(params[n - 1]) if 1 <= n <= len(params) else match.group(0)

        text = _PLACEHOLDER.sub(part, template) if params or count is not None else template
        if count is not None:
            text = _PLURAL_S.sub("" if count == 1 else "s", text)
        self = super().__new__(cls, text)
        self.template, self.params, self.count = template, params, count
        return self

    def __reduce__(self) -> tuple:
        return (_rebuild, (self.template, self.params, self.count))


class LayerName(str):
    """A layer's name as a part of a `Message`: str() is the name itself (the command line and
    logs say "speaker"), and the interface shows the layer's label in its language instead
    (the Arabic interface: «متحدث»)."""


class LayerNames(str):
    """Several layers' names joined with ", " as one part of a `Message` ("speaker, claim"):
    str() is that list; the interface shows each layer's label, joined as its language joins
    a list (the Arabic interface: «متحدث، تصريح»)."""

    @classmethod
    def of(cls, names: Iterable[str]) -> LayerNames:
        """`names` joined with ", "."""
        return cls(", ".join(names))


def _rebuild(template: str, params: tuple[object, ...], count: int | None) -> Message:
    return Message(template, *params, count=count)


def message(value: object) -> Message:
    """`value` as a Message: itself, an error's message, or any other text as a template with
    no parts (shown as it is where no translation has it)."""
    if isinstance(value, Message):
        return value
    if isinstance(value, AnnotatorError):
        return value.message
    return Message(str(value))


class AnnotatorError(Exception):
    """Base class: anything the user can be told about in one line.

    `AnnotatorError("template %1", part)`, or `AnnotatorError(Message(...))`; `.message` is
    the Message and str() its English text."""

    def __init__(self, template: str, *params: object, count: int | None = None):
        if params or count is not None or not isinstance(template, Message):
            template = Message(template, *params, count=count)
        super().__init__(template)
        self.message: Message = template


class ProjectError(AnnotatorError):
    """The project file cannot be created, opened or migrated."""


class NotAProjectError(ProjectError):
    """The file exists but is not an annotator project (or not SQLite at all)."""


class ProjectBusyError(ProjectError):
    """Another connection held the project's write lock for longer than the busy timeout."""


class NewerProjectError(ProjectError):
    """The project was written by a newer version of the tool."""


class DamagedProjectError(ProjectError):
    """The project file is cut off or its pages are damaged; a backup should be restored."""


class CheckPendingError(ProjectError):
    """A large project's pages are still being checked (on another thread, `Project.open`):
    nothing is written to it until the check has passed; nothing was changed."""


class ReadOnlyProjectError(ProjectError):
    """The project file, or the folder it is in, cannot be written."""


class DiskFullError(ProjectError):
    """The disk holding the project (or an export) has no room left; nothing was changed."""


class ForeignObjectsError(ProjectError):
    """The project file holds SQL objects (triggers, views, tables, indexes) this tool does not
    make, or ours changed: they could run inside its changes, so it is not opened."""

    def __init__(self, message: str, found: list | None = None):
        super().__init__(message)
        self.found = list(found or [])


class SchemaError(AnnotatorError):
    """The label schema file is invalid."""


class ValidationError(AnnotatorError):
    """An annotation, attribute or value does not fit the schema or the document."""


class DuplicateError(ValidationError):
    """An annotator tagged a span in a layer a second time; `existing` is the id of the
    annotation stored first. `linked`: the layer has links, so a joint statement (one claim
    per speaker) is the way to tag the span again."""

    def __init__(self, annotator: str, layer: str, existing: str, linked: bool):
        self.annotator, self.existing, self.linked = annotator, existing, linked
        self.layer = LayerName(layer)
        super().__init__(self.naming(Message("annotation %1", existing)))

    def naming(self, first: str) -> Message:
        """The message, with the first annotation named as `first` ("line 3 of this file")."""
        if self.linked:
            return Message(
                "%1 has already tagged this span as %2 (%3); a joint statement is one claim per "
                "speaker, each linked to its speaker",
                self.annotator,
                self.layer,
                first,
            )
        return Message(
            "%1 has already tagged this span as %2 (%3)", self.annotator, self.layer, first
        )


class ConflictError(AnnotatorError):
    """A change was built from a revision that is no longer the stored one (another window or
    command changed or deleted the annotation meanwhile); nothing was changed."""


class NotFoundError(AnnotatorError):
    """A document, annotation, annotator or entity does not exist."""


class InputError(AnnotatorError):
    """An input file is unusable; the message names the file and, where known, the line."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None):
        reason = globals()["message"](message)
        if path and line is not None:
            whole = Message("%1:%2: %3", path, line, reason)
        elif path:
            whole = Message("%1: %2", path, reason)
        elif line is not None:
            whole = Message("line %1: %2", line, reason)
        else:
            whole = reason
        super().__init__(whole)
        self.reason: Message = reason
        self.path = path
        self.line = line


class Cancelled(AnnotatorError):
    """The user cancelled a long operation; nothing of it was stored."""


class ExportError(AnnotatorError):
    """An export cannot be written (it would overwrite a file, or leave the chosen folder)."""


class ExportExistsError(ExportError):
    """The export would replace `path`, which exists, and replacing was not asked for: the one
    refusal that a question (replace it?) can lift. Every other ExportError is a failure.
    `existing` lists every path the export would replace (default: `path` alone), so that a
    window can say in its own words what a yes replaces."""

    def __init__(self, message: object, path: Path, existing: list[Path] | None = None) -> None:
        super().__init__(message)
        self.path = path
        self.existing = list(existing) if existing else [path]


class ProjectReplacedError(ProjectError):
    """The project file was replaced or removed since it was opened (a restore, another
    program): a write would land in a file nobody will see, so nothing was written."""
