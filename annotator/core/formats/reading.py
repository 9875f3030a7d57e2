"""What the article readers share: problems found in a file, and which column holds what.

A table row (`.csv`/`.tsv`) or a JSON object (`.jsonl`) becomes a `TextSource` through the same
`Columns` choice, so both formats take the same options and refuse the same things.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from annotator.core.arabic.encoding import check_characters
from annotator.core.errors import InputError, Message
from annotator.core.store.project import TextSource

# Header names recognised when no column is chosen, compared without regard to case.
TEXT_NAMES = ("text", "body", "content", "article", "نص", "النص", "المتن", "متن", "المحتوى")
TITLE_NAMES = ("title", "headline", "عنوان", "العنوان")
ID_NAMES = ("id", "doc_id", "document_id")
MAX_ID_LENGTH = 200
# Beyond this many problems in one file the rest are summed up in one line.
MAX_PROBLEMS_PER_FILE = 20


@dataclass(frozen=True)
class Problem:
    """Why a file (or a row of it) was refused."""

    path: str
    line: int | None
    reason: str

    def __str__(self) -> str:
        return self.message

    @property
    def message(self) -> Message:
        """ "path:line: reason" (or "path: reason") as a core message, for the interface."""
        if self.line is None:
            return Message("%1: %2", self.path, self.reason)
        return Message("%1:%2: %3", self.path, self.line, self.reason)

    @classmethod
    def from_error(cls, exc: InputError, path: str) -> Problem:
        return cls(exc.path or path, exc.line, exc.reason)


@dataclass(frozen=True)
class ColumnMapping:
    """The columns (or JSON keys) holding the text, title and id; None: found by name."""

    text: str | None = None
    title: str | None = None
    id: str | None = None


# The default: every column found by its usual name.
USUAL_NAMES = ColumnMapping()


@dataclass(frozen=True)
class TablePreview:
    """The first rows of a table or JSON Lines file, for choosing the columns."""

    columns: list[str]
    rows: list[list[str]]
    encoding: str
    delimiter: str | None  # None for JSON Lines
    suggested: ColumnMapping = USUAL_NAMES


def guess_columns(columns: Sequence[str]) -> ColumnMapping:
    """The text, title and id columns found by their usual names (None where there is none)."""
    return ColumnMapping(
        text=_find(columns, TEXT_NAMES),
        title=_find(columns, TITLE_NAMES),
        id=_find(columns, ID_NAMES),
    )


def _find(columns: Sequence[str], names: Sequence[str]) -> str | None:
    folded = {column.strip().casefold(): column for column in reversed(columns)}
    for name in names:
        if name.casefold() in folded:
            return folded[name.casefold()]
    return None


@dataclass(frozen=True)
class Columns:
    """The columns chosen for one file: `text` always, `title` and `id` when there are such."""

    text: str
    title: str | None
    id: str | None

    @classmethod
    def choose(
        cls, mapping: ColumnMapping, columns: Sequence[str], kind: str = "column"
    ) -> Columns:
        """Apply `mapping` to the columns of a file; refuse a named column it does not have."""
        guessed = guess_columns(columns)
        chosen = {}
        for role in ("text", "title", "id"):
            wanted = getattr(mapping, role)
            if wanted is None:
                chosen[role] = getattr(guessed, role)
                continue
            found = wanted if wanted in columns else _find(columns, [wanted])
            if found is None:
                raise InputError(
                    Message(
                        "no %1 %2 for the %3 (%4)",
                        kind,
                        repr(wanted),
                        role,
                        _listing(columns, kind),
                    )
                )
            chosen[role] = found
        if chosen["text"] is None:
            raise InputError(
                Message(
                    "no %1 holds the article text (none is called %2…); choose one of the %3",
                    kind,
                    ", ".join(TEXT_NAMES[:4]),
                    _listing(columns, kind),
                )
            )
        return cls(**chosen)

    def article(
        self,
        record: Mapping[str, Any],
        source: str,
        line: int,
        where: str,
        checked: bool = False,
    ) -> TextSource:
        """The article of one row or object; `where` ("row 3", "") prefixes the reasons.
        `checked`: its strings are pieces of a file's text that `decode` has checked already
        (a table's cells, a JSON line without escapes), so their characters are not checked
        again (for a 30 MB archive that is a good part of the reading)."""
        prefix = f"{where}: " if where else ""
        text = record.get(self.text)
        if text is None or (isinstance(text, str) and not text.strip()):
            raise InputError(
                Message("%1no text (the %2 value is empty or missing)", prefix, repr(self.text))
            )
        if not isinstance(text, str):
            raise InputError(Message("%1the %2 value is not a string", prefix, repr(self.text)))
        if not checked:
            check_characters(text, None, line)
        title = self._title(record, prefix, line, checked)
        doc_id = self._id(record, prefix, line, checked)
        metadata = {
            key: value
            for key, value in record.items()
            if key not in (self.text, self.title, self.id)
        }
        return TextSource(
            text=text, source=source, title=title, id=doc_id, metadata=metadata, line=line
        )

    def _title(
        self, record: Mapping[str, Any], prefix: str, line: int, checked: bool
    ) -> str | None:
        title = record.get(self.title) if self.title else None
        if title is None:
            return None
        if not isinstance(title, str):
            raise InputError(Message("%1the %2 value is not a string", prefix, repr(self.title)))
        if not checked:
            check_characters(title, None, line)
        # An empty title cell: the first line of the text is the title, as for .txt files.
        return " ".join(title.split()) or None

    def _id(self, record: Mapping[str, Any], prefix: str, line: int, checked: bool) -> str | None:
        if not self.id:
            return None
        value = record.get(self.id)
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            raise InputError(
                Message("%1the %2 value is missing or not a string", prefix, repr(self.id))
            )
        value = value.strip()
        if not value:
            raise InputError(Message("%1no id (the %2 value is empty)", prefix, repr(self.id)))
        if len(value) > MAX_ID_LENGTH:
            raise InputError(
                Message("%1the id is longer than %2 characters", prefix, MAX_ID_LENGTH)
            )
        if not checked:
            check_characters(value, None, line)
        return value


def _listing(columns: Sequence[str], kind: str) -> str:
    shown = ", ".join(repr(c) for c in columns) or "none"
    return f"{kind}s: {shown}"


class NotArticles(InputError):
    """The file holds annotations, not articles (a JSON Lines file of `import-annotations`)."""


def folder_files(folder: Path, suffixes: Sequence[str]) -> tuple[list[Path], list[Problem]]:
    """The regular files under `folder` (recursively) whose extension is one of `suffixes`, in
    a stable order, and what was left out with the reason: symbolic links (never followed, so
    an import stays inside the folder chosen), other special files and unreadable folders.
    Hidden files and folders are passed over in silence."""
    found: list[Path] = []
    skipped: list[Problem] = []

    def walk(here: Path) -> None:
        try:
            entries = sorted(os.scandir(here), key=lambda entry: entry.name)
        except OSError as exc:
            skipped.append(Problem(str(here), None, f"this folder cannot be read: {exc.strerror}"))
            return
        for entry in entries:
            path = Path(entry.path)
            if entry.name.startswith("."):
                continue
            if entry.is_symlink():
                skipped.append(Problem(str(path), None, _link_reason(path)))
            elif entry.is_dir(follow_symlinks=False):
                walk(path)
            elif path.suffix.lower() in suffixes:
                if entry.is_file(follow_symlinks=False):
                    found.append(path)
                else:
                    skipped.append(
                        Problem(
                            str(path), None, "not a regular file (a device, a pipe or a socket)"
                        )
                    )

    walk(folder)
    return sorted(found), skipped


def _link_reason(path: Path) -> str:
    try:
        target = os.readlink(path)
    except OSError:
        target = "?"
    return (
        f"a symbolic link (to {target}), not followed: an import reads only what is inside "
        "the folder chosen"
    )


def named_file_problem(path: Path) -> str | None:
    """Why a path named by the user cannot be read as one file, or None when it can: a regular
    file, or a symbolic link to one. A link to anything else is not followed."""
    if path.is_symlink():
        if path.is_file():
            return None
        try:
            target = os.readlink(path)
        except OSError:
            target = "?"
        kind = "a folder" if path.is_dir() else "no regular file"
        return (
            f"not read: a symbolic link to {kind} ({target}); only links to a regular file "
            "are followed"
        )
    if path.is_file():
        return None
    if path.exists():
        return "not read: not a regular file"
    return "no such file or folder"


def read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(Message("cannot read: %1", exc.strerror), str(path)) from None


class FileProblems:
    """Problems collected while reading one file, capped so a broken file is not a flood."""

    def __init__(self, path: Path):
        self.path = str(path)
        self.items: list[Problem] = []
        self.more = 0

    def add(self, exc: InputError, line: int | None) -> None:
        if len(self.items) < MAX_PROBLEMS_PER_FILE:
            self.items.append(Problem(self.path, exc.line or line, exc.reason))
        else:
            self.more += 1

    def listed(self) -> list[Problem]:
        if not self.more:
            return list(self.items)
        return [*self.items, Problem(self.path, None, f"and {self.more} more problem(s)")]


def id_conflicts(
    sources: Sequence[TextSource], known: dict[str, TextSource], path: str
) -> list[Problem]:
    """Articles whose id was given to a different text before; `known` holds the ids met so far."""
    problems = []
    for item in sources:
        if not item.id:
            continue
        first = known.setdefault(item.id, item)
        if first is not item and first.text != item.text:
            problems.append(
                Problem(
                    path, item.line, f"id {item.id!r} is also given to another text ({first.where})"
                )
            )
    return problems
