"""What other connections changed in a project since a remembered point, read at the cost of
what changed: a window refreshes the rows of its document list those changes touch and reads
its open document again only when that document changed.

A `Mark` remembers, without reading the whole project:
- the newest rows of `annotations` and `deletions` (rowid, id and revision): an annotation
  added since is a row past the oldest of them that is not one of them, a deletion leaves such
  a row in `deletions`. SQLite gives a new row the largest rowid plus one, so a rowid is reused
  only after the newest rows were deleted: the oldest remembered row gone or changed makes the
  answer "unsure" (the whole list is read);
- the current annotator's statuses (`document_status` is updated in place, and a pull stores
  the server's times, so neither rowids nor times tell an update: the rows are compared);
- the documents and assignments (count and newest rows): a change there re-reads the list;
- a summary of the open document's annotations that every write of one changes
  (`_open_document`), the entities (names shown beside a claim) and `meta` (the label schema).

`changes_since` answers with the documents whose list row may differ (None: re-read all) and
whether the open document must be read again. It errs on the side of more: a change this
window made itself since the mark is reported too (harmless: its row is read again).
"""

from __future__ import annotations

import hashlib
import sqlite3
from dataclasses import dataclass, field, replace

from annotator.core.store.project import Project

# The newest rows remembered of a table: a deletion of more of the newest rows at once (or a
# reuse of their rowids) is answered "unsure", and the whole list is read again.
NEWEST = 64
# A row's key with its revision: a deletion undone and made again (or an annotation deleted and
# restored) may come back at the same rowid under the same id, never with the same revision.
_ANNOTATION = "id || char(31) || revision"
_DELETION = "annotation_id || char(31) || revision"


@dataclass(frozen=True)
class Mark:
    """What a window had seen of the project; taken by `take_mark`, compared by
    `changes_since`. Opaque to callers."""

    annotator: str
    document_id: str | None
    documents: tuple
    assignments: tuple
    annotations: tuple[tuple[int, str], ...]
    deletions: tuple[tuple[int, str], ...]
    annotator_id: int | None
    statuses: dict[str, str] = field(compare=False)
    open_document: tuple
    entities: bytes
    meta: bytes


@dataclass(frozen=True)
class Changes:
    """`documents`: ids of the documents whose list row (status, annotation count) may have
    changed, or None when the set of documents or their order may have changed (or the answer
    is unsure): read the whole list. `open_document`: read the open document again."""

    documents: frozenset[str] | None
    open_document: bool


def _newest(conn: sqlite3.Connection, table: str, key: str) -> tuple[tuple[int, str], ...]:
    # rowid order from the table's b-tree: the newest rows without a scan.
    return tuple(
        conn.execute(f"SELECT rowid, {key} FROM {table} ORDER BY rowid DESC LIMIT {NEWEST}")
    )


def _membership(conn: sqlite3.Connection, table: str, key: str) -> tuple:
    # count(*) reads the table's smallest index (never a document's text).
    return (conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0], _newest(conn, table, key))


def _digest(rows: object) -> bytes:
    return hashlib.blake2b(repr(list(rows)).encode("utf-8", "surrogatepass")).digest()


def _open_document(conn: sqlite3.Connection, document_id: str | None) -> tuple:
    """A summary of a document's annotations that any write of one of them changes: a tag
    or deletion changes the count or the rowids (and is found by `_touched` as well), an edit
    in place the revisions (every write stores the next one: `_write`) and the times. Summed
    in SQLite over this document's rows only (annotations_by_document), never one Python
    object per annotation: a document of 400,000 annotations costs a fraction of its read."""
    if document_id is None:
        return ()
    return conn.execute(
        "SELECT count(*), total(rowid), total(revision), max(modified_at), "
        "total(length(rev)), total(annotator_id) FROM annotations WHERE document_id = ?",
        (document_id,),
    ).fetchone()


def _annotator_id(conn: sqlite3.Connection, annotator: str) -> int | None:
    row = conn.execute("SELECT id FROM annotators WHERE name = ?", (annotator,)).fetchone()
    return row[0] if row else None


def _statuses(conn: sqlite3.Connection, annotator_id: int | None) -> dict[str, str]:
    if annotator_id is None:
        return {}
    return dict(
        conn.execute(
            "SELECT document_id, status FROM document_status WHERE annotator_id = ?",
            (annotator_id,),
        )
    )


def take_mark(project: Project, annotator: str, document_id: str | None) -> Mark:
    """What `annotator`'s window showing `document_id` (None: no document) has seen now.
    Costs the current annotator's status rows, the open document's annotation rows, the
    entities and a count of the documents; nothing proportional to all annotations."""
    conn = project.conn
    annotator_id = _annotator_id(conn, annotator)
    return Mark(
        annotator=annotator,
        document_id=document_id,
        documents=_membership(conn, "documents", "id"),
        assignments=_membership(conn, "assignments", "document_id || char(31) || annotator"),
        annotations=_newest(conn, "annotations", _ANNOTATION),
        deletions=_newest(conn, "deletions", _DELETION),
        annotator_id=annotator_id,
        statuses=_statuses(conn, annotator_id),
        open_document=_open_document(conn, document_id),
        entities=_digest(conn.execute("SELECT id, name, kind, aliases FROM entities ORDER BY id")),
        meta=_digest(conn.execute("SELECT key, value FROM meta ORDER BY key")),
    )


def _touched(
    conn: sqlite3.Connection, table: str, key: str, seen: tuple[tuple[int, str], ...]
) -> set[str] | None:
    """The documents of the rows added to `table` since `seen` (its newest rows then), or
    None when a rowid may have been reused (the oldest remembered row is gone or changed)."""
    last = 0  # fewer rows than remembered: all of them were, and any other is new
    if len(seen) == NEWEST:
        last, oldest_key = seen[-1]
        row = conn.execute(f"SELECT {key} FROM {table} WHERE rowid = ?", (last,)).fetchone()
        if row is None or row[0] != oldest_key:
            return None
    # Past the oldest remembered row: what remains of the remembered ones and the new ones.
    remembered = set(seen)
    return {
        document_id
        for rowid, key_value, document_id in conn.execute(
            f"SELECT rowid, {key}, document_id FROM {table} WHERE rowid > ?", (last,)
        )
        if (rowid, key_value) not in remembered
    }


def with_open_document(project: Project, mark: Mark, document_id: str | None) -> Mark:
    """`mark` for a window that has just opened `document_id` and read it as stored now. Only
    valid when no other connection committed since `mark` was taken (PRAGMA data_version
    unchanged): their change would be taken as seen."""
    return replace(
        mark, document_id=document_id, open_document=_open_document(project.conn, document_id)
    )


def changes_since(project: Project, before: Mark, document_id: str | None) -> tuple[Mark, Changes]:
    """The mark now and what changed since `before`, for a window now showing `document_id`.
    Raises sqlite3.Error when the project cannot be read."""
    conn = project.conn
    now = take_mark(project, before.annotator, document_id)
    reopen = (
        document_id != before.document_id
        or now.open_document != before.open_document
        or now.entities != before.entities
    )
    if (
        now.documents != before.documents
        or now.assignments != before.assignments
        or now.meta != before.meta
        or now.annotator_id != before.annotator_id
    ):
        return now, Changes(None, True)
    added = _touched(conn, "annotations", _ANNOTATION, before.annotations)
    deleted = _touched(conn, "deletions", _DELETION, before.deletions)
    if added is None or deleted is None:
        return now, Changes(None, True)
    old, new = before.statuses, now.statuses
    statuses = (
        set() if old == new else {d for d in old.keys() | new.keys() if old.get(d) != new.get(d)}
    )
    touched = frozenset(added | deleted | statuses)
    return now, Changes(touched, reopen or (document_id in touched))
