"""SQL objects a project file carries that our migrations do not make: found, named, removed.

A trigger or view in a file someone else made would run inside our transactions (a trigger that
empties the annotations at the next tag), so `Project.open` refuses such a file and
`annotator check --remove-foreign` takes them out after a backup copy. What is ours is what
`migrations` makes on an empty database: compared by type, name and SQL text.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from functools import cache

from annotator.core.store import migrations


@dataclass(frozen=True)
class SchemaObject:
    type: str  # table, index, trigger, view
    name: str
    table: str  # the table it belongs to (its own name for a table)
    sql: str  # normalised: whitespace collapsed


@dataclass(frozen=True)
class ForeignObject:
    """A difference between the file's SQL objects and ours: `kind` is "foreign" (we make no
    object of that name), "changed" (ours, with another definition) or "missing"."""

    kind: str
    object: SchemaObject

    def __str__(self) -> str:
        o = self.object
        on = f" on {o.table}" if o.type in ("trigger", "index") and o.table != o.name else ""
        what = {"foreign": "", "changed": " (changed from ours)", "missing": " (missing)"}
        return f"{o.type} {o.name}{on}{what[self.kind]}"


def _normalised(sql: str | None) -> str:
    return " ".join((sql or "").split())


def _objects(conn: sqlite3.Connection) -> dict[tuple[str, str], SchemaObject]:
    found = {}
    for type_, name, table, sql in conn.execute(
        "SELECT type, name, tbl_name, sql FROM sqlite_master"
    ):
        if _internal(type_, name, sql):
            continue
        found[type_, name.lower()] = SchemaObject(type_, name, table, _normalised(sql))
    return found


def _internal(type_: str, name: str, sql: str | None) -> bool:
    """SQLite's own objects: the indexes of UNIQUE and PRIMARY KEY constraints (no SQL) and
    the tables ANALYZE and AUTOINCREMENT make. A trigger or view can never be SQLite's."""
    if not name.lower().startswith("sqlite_"):
        return False
    if type_ == "index":
        return sql is None
    return type_ == "table" and name.lower() in (
        "sqlite_sequence",
        "sqlite_stat1",
        "sqlite_stat2",
        "sqlite_stat3",
        "sqlite_stat4",
    )


@cache
def expected_objects(version: int) -> dict[tuple[str, str], SchemaObject]:
    """The SQL objects a project file of format `version` holds: made by running our own
    migrations on an empty database in memory."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        migrations.migrate(conn, version)
        return _objects(conn)
    finally:
        conn.close()


def foreign_objects(conn: sqlite3.Connection) -> list[ForeignObject]:
    """How the file's SQL objects differ from those of its format version (empty: not at
    all), by type, name and SQL text. Reads `sqlite_master` only: nothing in it runs."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if not 0 <= version <= migrations.CURRENT_VERSION:
        return []  # a newer file is refused for that before it is read
    ours = expected_objects(version)
    theirs = _objects(conn)
    found = []
    for key, obj in theirs.items():
        if key not in ours:
            found.append(ForeignObject("foreign", obj))
        elif ours[key].sql != obj.sql:
            found.append(ForeignObject("changed", obj))
    found += [ForeignObject("missing", obj) for key, obj in ours.items() if key not in theirs]
    order = {"trigger": 0, "view": 1, "table": 2, "index": 3}
    return sorted(found, key=lambda f: (order.get(f.object.type, 4), f.object.name))


def describe(found: list[ForeignObject]) -> str:
    """The differences as one phrase for a message: "trigger t on annotations, view v"."""
    shown = ", ".join(str(f) for f in found[:6])
    return shown + (f" and {len(found) - 6} more" if len(found) > 6 else "")


def remove_foreign(conn: sqlite3.Connection) -> tuple[list[ForeignObject], int]:
    """Make the file's SQL objects ours again in one transaction: drop triggers, views, tables
    and indexes we do not make; rebuild our tables whose definition was changed (their rows
    copied column by column; rows our definition refuses are left out) and make the missing
    ones. Returns what was changed and how many rows were left out. The connection must be in
    autocommit mode; take a backup first, as this drops what it does not know."""
    found = foreign_objects(conn)
    if not found:
        return [], 0
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    ours = expected_objects(version)
    dropped_rows = 0
    conn.execute("PRAGMA foreign_keys = OFF")  # rebuilding a table must not cascade
    conn.execute("BEGIN IMMEDIATE")
    try:
        # Triggers first, so nothing fires while the rest is changed.
        for f in found:
            o = f.object
            if f.kind != "missing" and o.type in ("trigger", "view"):
                conn.execute(f'DROP {o.type.upper()} IF EXISTS "{_quoted(o.name)}"')
        for f in found:
            o = f.object
            if f.kind == "missing" or o.type in ("trigger", "view"):
                continue
            if o.type == "index":
                conn.execute(f'DROP INDEX IF EXISTS "{_quoted(o.name)}"')
            elif f.kind == "foreign":
                conn.execute(f'DROP TABLE IF EXISTS "{_quoted(o.name)}"')
            else:
                dropped_rows += _rebuild(conn, o.name, ours[o.type, o.name.lower()].sql)
        # What is ours and not there now: missing, changed indexes, indexes of rebuilt tables.
        present = _objects(conn)
        for key, obj in ours.items():
            if key not in present:
                conn.execute(obj.sql)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    finally:
        conn.execute("PRAGMA foreign_keys = ON")
    return found, dropped_rows


def _rebuild(conn: sqlite3.Connection, table: str, sql: str) -> int:
    """Replace `table` by one made with our `sql`, keeping the rows it accepts (SQLite's way
    to change a table: move the old one aside, make the new one, copy, drop the old)."""
    aside = f"{table}__theirs"
    theirs = {r[1] for r in conn.execute(f'PRAGMA table_info("{_quoted(table)}")')}
    # Legacy renaming leaves the other tables' references to `table` as they are.
    conn.execute("PRAGMA legacy_alter_table = ON")
    try:
        conn.execute(f'ALTER TABLE "{_quoted(table)}" RENAME TO "{_quoted(aside)}"')
    finally:
        conn.execute("PRAGMA legacy_alter_table = OFF")
    conn.execute(sql)
    kept = [r[1] for r in conn.execute(f'PRAGMA table_info("{_quoted(table)}")') if r[1] in theirs]
    names = ", ".join(f'"{_quoted(c)}"' for c in kept)
    before = conn.execute(f'SELECT count(*) FROM "{_quoted(aside)}"').fetchone()[0]
    if kept:
        conn.execute(
            f'INSERT OR IGNORE INTO "{_quoted(table)}" ({names}) '
            f'SELECT {names} FROM "{_quoted(aside)}"'
        )
    after = conn.execute(f'SELECT count(*) FROM "{_quoted(table)}"').fetchone()[0]
    conn.execute(f'DROP TABLE "{_quoted(aside)}"')
    return before - after


def _quoted(name: str) -> str:
    return name.replace('"', '""')
