"""The shape every row of a project file must have, and the checks that keep other rows out.

A project file can come from anyone (a colleague, a shared drive, a hand edit), so no row of it
is trusted (its SQL objects are `foreign_objects`' part). `ROWS` says what each column holds;
from it come `row_ok` (one SQL condition per table), `bulk_row_ok` (the cheaper one for bulk
reads, over what they read) and `RowCheck` (the same in Python, for rows already read), so a row
of the wrong type or shape is left out where it is read and named by `row_problems` (what
`annotator check` lists) instead of crashing the reader.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from functools import cache, partial
from typing import Any

# How a project's connections turn text into str: bytes that are not UTF-8 (which SQLite stores
# as they come) become U+FFFD instead of stopping the read; `row_problems` names each such cell.
# A C-level callable: it costs about 0.3 s per million text cells read.
read_text = partial(str, encoding="utf-8", errors="replace")

# Each column read from the file and what it must hold:
#   text / int: that SQLite type (text? int?: or NULL); object / object?: a JSON object (or
#   NULL); values: a JSON object of texts (or nulls); strings: a JSON list of texts; a tuple:
#   one of these texts.
_ORIGINS = ("manual", "imported", "suggested", "adjudicated")
ROWS: dict[str, dict[str, str | tuple[str, ...]]] = {
    "meta": {"key": "text", "value": "text"},
    "documents": {
        "id": "text",
        "title": "text",
        "text": "text",
        "sha256": "text",
        "source": "text?",
        "imported_at": "text",
        "metadata": "object",
    },
    "annotators": {"id": "int", "name": "text", "created_at": "text"},
    "entities": {
        "id": "text",
        "name": "text",
        "kind": "text?",
        "aliases": "strings",
        "created_at": "text",
    },
    "annotations": {
        "id": "text",
        "document_id": "text",
        "annotator_id": "int",
        "layer": "text",
        "start": "int",
        "end": "int",
        "text": "text",
        "attributes": "values",
        "entity_id": "text?",
        "link_id": "text?",
        "origin": _ORIGINS,
        "created_at": "text",
        "modified_at": "text",
        "sources": "strings",
        "revision": "int",
        "rev": "text",
        "history": "strings",
    },
    "stances": {"annotation_id": "text", "position": "int", "target": "text", "value": "text"},
    "document_status": {
        "document_id": "text",
        "annotator_id": "int",
        "status": ("todo", "in_progress", "done"),
        "modified_at": "text",
    },
    "comments": {
        "id": "text",
        "document_id": "text",
        "annotation_id": "text?",
        "annotator_id": "int",
        "text": "text",
        "created_at": "text",
    },
    "adjudications": {
        "id": "text",
        "document_id": "text",
        "sources": "strings",
        "decision": ("accepted", "edited", "rejected"),
        "gold_id": "text?",
        "annotator_id": "int",
        "created_at": "text",
    },
    "deletions": {
        "annotation_id": "text",
        "document_id": "text",
        "annotator": "text",
        "layer": "text",
        "revision": "int",
        "rev": "text",
        "history": "strings",
        "deleted_at": "text",
    },
    "rejected_suggestions": {
        "id": "text",
        "document_id": "text",
        "layer": "text",
        "start": "int",
        "end": "int",
        "text": "text",
        "annotator": "text",
        "rejected_at": "text",
    },
    "project_cues": {
        "cue": "text",
        "state": ("added", "removed"),
        "annotator": "text",
        "modified_at": "text",
    },
    "conflicts": {
        "id": "text",
        "annotation_id": "text",
        "document_id": "text",
        "annotator": "text",
        "ours_rev": "text",
        "theirs_rev": "text",
        "theirs": "object?",
        "source": "text",
        "created_at": "text",
        "resolved": ("ours", "theirs", None),
        "resolved_at": "text?",
    },
}

# Conditions between columns, and ranges: (SQL over alias X, reason).
# Counts stay far below 2**53 so that adding one to them never leaves SQLite's integers.
_LIMIT = 1 << 53
_RANGES: dict[str, tuple[tuple[str, str], ...]] = {
    "annotations": (
        ("X.start >= 0", "start is negative"),
        ('X."end" > X.start', "end is not after start"),
        (f'X."end" < {_LIMIT}', "end is out of range"),
        (f"X.revision BETWEEN 1 AND {_LIMIT}", "revision is out of range"),
    ),
    "deletions": ((f"X.revision BETWEEN 1 AND {_LIMIT}", "revision is out of range"),),
    "stances": ((f"X.position BETWEEN -{_LIMIT} AND {_LIMIT}", "position is out of range"),),
}

# A table's key to name a row in reports (the rowid names rows whose key itself is bad).
_KEYS = {"annotators": "id", "stances": "annotation_id", "document_status": "document_id"}


# The empty value of each JSON kind, as the tables' defaults write it.
_EMPTY = {"object": "{}", "values": "{}", "strings": "[]"}


def _column_check(column: str, kind: str | tuple[str | None, ...], alias: str) -> tuple[str, str]:
    """The SQL condition for one column (lazy CASE: json_type raises on text that is not JSON)
    and the reason given when it fails."""
    x = f'{alias}."{column}"'
    if isinstance(kind, tuple):
        allowed = ", ".join(f"'{v}'" for v in kind if v is not None)
        null = f"{x} IS NULL OR " if None in kind else ""
        return (
            f"({null}(typeof({x}) = 'text' AND {x} IN ({allowed})))",
            f"{column} is not one of {', '.join(v for v in kind if v)}",
        )
    nullable = kind.endswith("?")
    base = kind.rstrip("?")
    if base in ("text", "int"):
        sql_type = "integer" if base == "int" else "text"
        sql = f"typeof({x}) = '{sql_type}'"
        reason = f"{column} is not {'a whole number' if base == 'int' else 'text'}"
    elif base == "object":
        sql = (
            f"CASE WHEN typeof({x}) != 'text' THEN 0 WHEN NOT json_valid({x}) THEN 0 "
            f"ELSE json_type({x}) = 'object' END"
        )
        reason = f"{column} is not a JSON object"
    elif base == "values":
        sql = (
            f"CASE WHEN typeof({x}) != 'text' THEN 0 WHEN NOT json_valid({x}) THEN 0 "
            f"WHEN json_type({x}) != 'object' THEN 0 "
            f"ELSE NOT EXISTS (SELECT 1 FROM json_each({x}) WHERE type NOT IN ('text', 'null')) END"
        )
        reason = f"{column} is not a JSON object of texts"
    else:  # strings
        sql = (
            f"CASE WHEN typeof({x}) != 'text' THEN 0 WHEN NOT json_valid({x}) THEN 0 "
            f"WHEN json_type({x}) != 'array' THEN 0 "
            f"ELSE NOT EXISTS (SELECT 1 FROM json_each({x}) WHERE type != 'text') END"
        )
        reason = f"{column} is not a JSON list of texts"
    if base in _EMPTY:
        # Most rows hold the column's default: a comparison of bytes passes it without parsing
        # (a million rows parsed cost most of a second). A blob never equals a text.
        sql = f"({x} = '{_EMPTY[base]}' OR {sql})"
    if nullable:
        sql = f"({x} IS NULL OR {sql})"
    return f"({sql})", reason


@cache
def _checks(table: str, alias: str) -> tuple[tuple[str, str], ...]:
    found = [_column_check(c, kind, alias) for c, kind in ROWS[table].items()]
    found += [(sql.replace("X.", f"{alias}."), why) for sql, why in _RANGES.get(table, ())]
    return tuple(found)


@cache
def row_ok(table: str, alias: str | None = None) -> str:
    """An SQL condition true for the rows of `table` (named `alias` in the query, default the
    table's own name) that readers may use: every column of its type and shape, in range."""
    checks = _checks(table, alias or table)
    return "(CASE WHEN " + " AND ".join(sql for sql, _ in checks) + " THEN 1 ELSE 0 END)"


# What the bulk reads (exports, agreement) take of each row: the lists of earlier revisions and
# sources are not among it, and a JSON object's values are read one by one (a value that is not
# a text is written as its JSON). Checking each element would cost several times the read.
_BULK_SKIPS = {"sources", "history", "rev", "revision", "metadata", "aliases"}


@cache
def bulk_row_ok(table: str, alias: str, columns: tuple[str, ...] | None = None) -> str:
    """`row_ok` for the columns the bulk reads take (`columns`, default all but those above):
    a row they may stream. Cheaper than `row_ok`, as a million rows pass through it."""
    checks = []
    for column, kind in ROWS[table].items():
        if column in _BULK_SKIPS if columns is None else column not in columns:
            continue
        checks.append(_column_check(column, "object" if kind == "values" else kind, alias)[0])
    taken = set(ROWS[table]) - _BULK_SKIPS if columns is None else set(columns)
    checks += [
        sql.replace("X.", f"{alias}.")
        for sql, _ in _RANGES.get(table, ())
        if "revision" not in sql and ("start" not in sql or "start" in taken)
    ]
    return "(CASE WHEN " + " AND ".join(checks) + " THEN 1 ELSE 0 END)"


class RowCheck:
    """`row_ok` in Python, for rows already read: cheaper than the SQL where rows are turned
    into objects anyway (a document's annotations), as each JSON text that recurs is parsed
    and judged once. `fits(table, columns, row)`: whether `row`, holding `columns` of `table`
    in that order, is usable; columns not of the table are not looked at."""

    def __init__(self) -> None:
        self._judged: dict[tuple[str, str], bool] = {}
        self._parsed: dict[str, Any] = {}
        # The texts judged good, by kind: the test of a row looks here first.
        self._good: dict[str, set[str]] = {"object": set(), "values": set(), "strings": set()}

    def parsed(self, text: str) -> Any:
        """The JSON value of a text that `fits` accepted (parsed once per reader)."""
        return self._parsed[text]

    def fits(self, table: str, columns: tuple[str, ...], row: Sequence[Any]) -> bool:
        return _compiled(table, columns)(row, self._fits, self._good)

    def _fits(self, kind: str | tuple[str | None, ...], value: Any) -> bool:
        if isinstance(kind, tuple):
            return value is None and None in kind or isinstance(value, str) and value in kind
        if value is None:
            return kind.endswith("?")
        base = kind.rstrip("?")
        if base == "text":
            return isinstance(value, str)
        if base == "int":
            return type(value) is int
        if not isinstance(value, str):
            return False
        verdict = self._judged.get((base, value))
        if verdict is None:
            verdict = self._judged[base, value] = self._judge(base, value)
            if verdict:
                self._good[base].add(value)
        return verdict

    def _judge(self, base: str, text: str) -> bool:
        parsed = self._parsed.get(text, _UNPARSED)
        if parsed is _UNPARSED:
            try:
                parsed = json.loads(text, parse_constant=_refuse_constant)
            except (ValueError, RecursionError):
                parsed = _UNPARSABLE
            self._parsed[text] = parsed
        if base == "object":
            return isinstance(parsed, dict)
        if base == "values":
            return isinstance(parsed, dict) and all(
                v is None or isinstance(v, str) for v in parsed.values()
            )
        return isinstance(parsed, list) and all(isinstance(v, str) for v in parsed)


@cache
def _compiled(table: str, columns: tuple[str, ...]) -> Any:
    """A function `(row, fits) -> bool` testing rows holding `columns` of `table`: one Python
    expression made from `ROWS` and `_RANGES`, as a document's 20,000 annotations pass through
    it each time the document is read (a loop over the columns took a third of the read)."""
    kinds = ROWS[table]
    at = {c: i for i, c in enumerate(columns) if c in kinds}
    tests = []
    for column, i in at.items():
        kind = kinds[column]
        if kind == "text":
            tests.append(f"type(row[{i}]) is str")
        elif kind == "text?":
            tests.append(f"(row[{i}] is None or type(row[{i}]) is str)")
        elif kind == "int":
            tests.append(f"type(row[{i}]) is int")
        elif isinstance(kind, tuple):
            tests.append(f"row[{i}] in {kind!r}")
        elif not kind.endswith("?"):
            tests.append(f"(row[{i}] in good[{kind!r}] or fits({kind!r}, row[{i}]))")
        else:
            tests.append(f"fits({kind!r}, row[{i}])")
    # The ranges, after the types: `and` stops at the first false test.
    if table == "annotations" and {"start", "end"} <= at.keys():
        tests.append(f"0 <= row[{at['start']}] < row[{at['end']}] < {_LIMIT}")
    if table in ("annotations", "deletions") and "revision" in at:
        tests.append(f"1 <= row[{at['revision']}] <= {_LIMIT}")
    if table == "stances" and "position" in at:
        tests.append(f"{-_LIMIT} <= row[{at['position']}] <= {_LIMIT}")
    return eval(f"lambda row, fits, good: {' and '.join(tests) or 'True'}")  # noqa: S307


_UNPARSED = object()
_UNPARSABLE = object()


def _refuse_constant(name: str) -> Any:
    # NaN and Infinity are not JSON, and SQLite's json_valid refuses them: so does this.
    raise ValueError(f"{name} is not JSON")


def row_problems(conn: sqlite3.Connection, tables: list[str] | None = None) -> list[str]:
    """One line per row that `row_ok` leaves out, naming its table, key and what is wrong; and
    one per text cell that is not valid UTF-8 (Python cannot read it)."""
    problems: list[str] = []
    present = _tables(conn)
    for table in tables or list(ROWS):
        if table not in present:
            continue
        problems += _bad_rows(conn, table)
        problems += _undecodable(conn, table)
    return problems


def out_of_range(conn: sqlite3.Connection, table: str, key: str) -> list[tuple[object, str]]:
    """(key, reason) of each row of `table` whose whole numbers are of the right type but out
    of the range `row_ok` accepts (a revision below 1, a stance position past 2**53): the rows a
    reader would leave out although each value on its own looks fine. Empty for a table
    without ranges."""
    ranges = _RANGES.get(table, ())
    if not ranges:
        return []
    # Only whole numbers: a value of another type is the type check's to name.
    types = " AND ".join(
        f"typeof(X.\"{c}\") = 'integer'" for c, kind in ROWS[table].items() if kind == "int"
    )
    tests = ", ".join(sql for sql, _ in ranges)
    found = []
    for row_key, *passed in conn.execute(
        f'SELECT X."{key}", {tests} FROM "{table}" X WHERE {types} '
        f"AND NOT ({' AND '.join(sql for sql, _ in ranges)})"
    ):
        reasons = [why for (_, why), ok in zip(ranges, passed, strict=True) if not ok]
        found.append((row_key, "; ".join(reasons)))
    return found


def damaged_count(conn: sqlite3.Connection) -> int:
    """How many rows of all tables `row_ok` leaves out."""
    present = _tables(conn)
    return sum(
        conn.execute(f'SELECT count(*) FROM "{t}" WHERE NOT {row_ok(t)}').fetchone()[0]
        for t in ROWS
        if t in present
    )


def _bad_rows(conn: sqlite3.Connection, table: str) -> list[str]:
    checks = _checks(table, "X")
    key = _key(table)
    # Each range is tested only where the types hold, as in `row_ok`.
    types = " AND ".join(sql for sql, _ in checks[: len(ROWS[table])])
    tests = [
        sql if n < len(ROWS[table]) else f"CASE WHEN {types} THEN {sql} ELSE 1 END"
        for n, (sql, _) in enumerate(checks)
    ]
    rows = conn.execute(
        f'SELECT X.rowid, quote(X."{key}"), {", ".join(tests)} FROM "{table}" X '
        f"WHERE NOT {row_ok(table, 'X')}"
    ).fetchall()
    problems = []
    for rowid, quoted, *passed in rows:
        reasons = [why for (_, why), ok in zip(checks, passed, strict=True) if not ok]
        problems.append(
            f"{table} row {rowid} ({key} {_shown(quoted)}): {'; '.join(reasons)}; "
            "left out of what reads it"
        )
    return problems


def _undecodable(conn: sqlite3.Connection, table: str) -> list[str]:
    columns = [c for c, kind in ROWS[table].items() if kind != "int"]
    key = _key(table)
    factory = conn.text_factory
    conn.text_factory = bytes
    problems = []
    try:
        for rowid, quoted, *cells in conn.execute(
            f'SELECT rowid, quote("{key}"), {", ".join(f"{chr(34)}{c}{chr(34)}" for c in columns)} '
            f'FROM "{table}"'
        ):
            for column, cell in zip(columns, cells, strict=True):
                if isinstance(cell, bytes) and not _decodes(cell):
                    problems.append(
                        f"{table} row {rowid} ({key} {_shown(quoted)}): {column} holds bytes "
                        "that are not UTF-8"
                    )
    finally:
        conn.text_factory = factory
    return problems


def _key(table: str) -> str:
    return _KEYS.get(table, "id" if "id" in ROWS[table] else next(iter(ROWS[table])))


def _shown(quoted: object) -> str:
    """A key as SQL quoted it, shortened for a one-line report."""
    if isinstance(quoted, bytes):
        quoted = quoted.decode("utf-8", errors="replace")
    text = str(quoted)
    return text if len(text) <= 60 else text[:57] + "..."


def _decodes(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _tables(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
