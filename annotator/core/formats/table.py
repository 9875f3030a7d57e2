"""Articles in a table: `.csv` and `.tsv` files, one article per row under a header row.

Cells may be quoted as spreadsheets write them (a quoted cell can hold the delimiter, line
breaks and doubled quotes `""`). Rows are named as a spreadsheet numbers them, the header being
row 1; problems also give the line of the file where the row starts.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from pathlib import Path

from annotator.core.arabic.encoding import decode
from annotator.core.errors import Cancelled, InputError, Message
from annotator.core.formats.reading import (
    USUAL_NAMES,
    ColumnMapping,
    Columns,
    FileProblems,
    Problem,
    TablePreview,
    guess_columns,
    id_conflicts,
    read_bytes,
)
from annotator.core.store.project import TextSource

# Tried in this order on the header line of a .csv file; the most frequent one is the delimiter.
DELIMITERS = (",", ";", "\t", "|")
MAX_CELL = 64 * 1024 * 1024
_CANCEL_EVERY = 500


def read(
    path: Path,
    *,
    encoding: str | None = None,
    columns: ColumnMapping = USUAL_NAMES,
    cancel: Callable[[], bool] | None = None,
) -> tuple[list[TextSource], list[Problem]]:
    """The articles of the table and the problems of its rows; raises InputError for the file."""
    text = decode(read_bytes(path), str(path), encoding).text
    rows = _rows(text, delimiter_for(path, text))
    header_line, names = _header(rows, path)
    try:
        chosen = Columns.choose(columns, names)
    except InputError as exc:
        raise InputError(exc.reason, str(path), header_line) from None
    sources: list[TextSource] = []
    problems = FileProblems(path)
    try:
        for row, line, cells in rows:
            if cancel is not None and row % _CANCEL_EVERY == 0 and cancel():
                raise Cancelled("import cancelled; nothing of the batch was stored")
            if not any(cell.strip() for cell in cells):
                continue  # blank lines and rows of empty cells, as spreadsheets leave them
            if len(cells) != len(names):
                problems.add(
                    InputError(
                        Message(
                            "row %1 has %2 cells, the header has %3", row, len(cells), len(names)
                        )
                    ),
                    line,
                )
                continue
            try:
                sources.append(
                    # The cells are pieces of the text `decode` checked.
                    chosen.article(
                        dict(zip(names, cells, strict=True)),
                        path.name,
                        line,
                        f"row {row}",
                        checked=True,
                    )
                )
            except InputError as exc:
                problems.add(exc, line)
    except InputError as exc:  # the csv reader cannot go on after a syntax error
        problems.add(exc, exc.line)
    listed = problems.listed() + id_conflicts(sources, {}, str(path))
    if not sources and not listed:
        raise InputError("no articles: the table has a header row only", str(path), header_line)
    return sources, listed


def preview(path: Path, encoding: str | None = None, limit: int = 20) -> TablePreview:
    """The header and the first `limit` rows as they are, for the column-mapping dialog."""
    decoded = decode(read_bytes(path), str(path), encoding)
    delimiter = delimiter_for(path, decoded.text)
    rows = _rows(decoded.text, delimiter)
    _, names = _header(rows, path)
    shown: list[list[str]] = []
    try:
        for _, _, cells in rows:
            if len(shown) >= limit:
                break
            if any(cell.strip() for cell in cells):
                shown.append(cells)
    except InputError as exc:
        if not shown:
            raise InputError(exc.reason, str(path), exc.line) from None
    return TablePreview(names, shown, decoded.encoding, delimiter, guess_columns(names))


def delimiter_for(path: Path, text: str) -> str:
    """Tab for `.tsv`; for others the most frequent of `DELIMITERS` in the header line."""
    if path.suffix.lower() == ".tsv":
        return "\t"
    header = text.split("\n", 1)[0]
    best = max(DELIMITERS, key=header.count)
    return best if header.count(best) else ","


def _header(rows: Iterator[tuple[int, int, list[str]]], path: Path) -> tuple[int, list[str]]:
    """The first row that is not blank."""
    try:
        line, cells = next(
            (line, cells) for _, line, cells in rows if any(c.strip() for c in cells)
        )
    except StopIteration:
        raise InputError("empty table: no header row", str(path)) from None
    except InputError as exc:
        raise InputError(exc.reason, str(path), exc.line) from None
    names = [cell.strip() or f"column {n}" for n, cell in enumerate(cells, 1)]
    seen: set[str] = set()
    for name in names:
        if name in seen:
            raise InputError(
                Message("the header names column %1 twice", repr(name)), str(path), line
            )
        seen.add(name)
    return line, names


def _rows(text: str, delimiter: str) -> Iterator[tuple[int, int, list[str]]]:
    """(row number, line where the row starts, cells) for every row, the header being row 1."""
    # Articles are long: raise the csv module's cell limit (process-wide, only ever upwards).
    csv.field_size_limit(max(csv.field_size_limit(), MAX_CELL))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    row, line = 1, 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise InputError(
                Message("row %1: %2", row, _csv_reason(str(exc), delimiter)), None, line
            ) from None
        yield row, line, cells
        row, line = row + 1, reader.line_num + 1


def _csv_reason(message: str, delimiter: str) -> str:
    if message == "unexpected end of data":
        return "unbalanced quote: a quoted cell that starts in this row is never closed"
    if "expected after" in message:
        shown = "tab" if delimiter == "\t" else repr(delimiter)
        return (
            f"text after the closing quote of a quoted cell (expected {shown}); "
            'a quote inside a quoted cell is written twice: ""'
        )
    if "field larger than field limit" in message:
        return f"a cell is larger than {MAX_CELL // (1024 * 1024)} MB"
    return f"not a valid row ({message})"
