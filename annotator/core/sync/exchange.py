"""Share, join and sync: a local project pushes its changes since the last sync to the team
server in one server transaction and pulls everyone else's since the last server number it
saw, applied in one local transaction.

Each annotation travels with its revision, revision name and history (project format 4), so
either side can tell which of two versions descends from the other; a deletion travels as a
tombstone carrying the deletion's revision. Two versions neither of which descends from the
other (the same annotator on two machines, gold edited by two curators) are a conflict: kept in
the local `conflicts` table for review, never resolved silently. An entity changed on both
sides since their last exchange goes to `entity_conflicts`.

Killing a sync at any point leaves each side as it was before its own transaction or after it:
a push that committed on the server but was not noted locally is sent again and changes
nothing (the server holds that revision already); an interrupted pull is pulled again.
The pull's side is in `pull`, speaker entities' in `entities`.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from annotator.core.clock import now
from annotator.core.errors import Message, ProjectError
from annotator.core.store.annotation_store import _history
from annotator.core.store.project import Project
from annotator.core.sync import link
from annotator.core.sync.entities import EntityOutcome, push_entities, record_entity_conflict
from annotator.core.sync.pull import COLUMNS, SERVER_COLUMNS, apply, fetch, record_conflict
from annotator.core.sync.server import (
    GOLD,
    ServerError,
    check_version,
    connect,
    limit_waits,
    refused,
    whoami,
)

_LOCAL_LIVE = """
    SELECT a.id, a.document_id, p.name, a.layer, a.start, a."end", a.text, a.attributes,
           a.entity_id, a.link_id, a.origin, a.created_at, a.modified_at, a.sources,
           (SELECT json_group_array(json_array(target, value))
              FROM (SELECT target, value FROM stances s WHERE s.annotation_id = a.id
                    ORDER BY position)),
           a.revision, a.rev, a.history, 0
    FROM annotations a JOIN annotators p ON p.id = a.annotator_id
"""
# A tombstone keeps who, where and which revision; its span is empty.
_LOCAL_DELETED = """
    SELECT annotation_id, document_id, annotator, layer, 0, 0, '', '{}', NULL, NULL, 'manual',
           deleted_at, deleted_at, '[]', '[]', revision, rev, history, 1
    FROM deletions
"""


@dataclass(frozen=True)
class SyncReport:
    """What one sync did: rows pushed and pulled (annotations, tombstones, entities,
    statuses, documents), new conflicts, local changes of rows this member does not own
    (kept locally, not sent), the changes still waiting, how many of those are documents only
    a coordinator can share (`unshared`), and why each document that differs
    from the team server's is not exchanged (`link.differing_documents`)."""

    pushed: int = 0
    pulled: int = 0
    conflicts: int = 0
    not_owned: int = 0
    pending: int = 0
    differing: tuple[str, ...] = ()
    unshared: int = 0

    def __str__(self) -> str:
        text = f"pushed {self.pushed}, pulled {self.pulled}"
        if self.conflicts:
            text += f", {self.conflicts} new conflicts (resolve them in review)"
        if self.not_owned:
            text += f", {self.not_owned} changes to others' rows kept locally only"
        if self.unshared:
            text += (
                f", {self.unshared} document(s) of yours wait for a coordinator to share them "
                "(your work on them is pending)"
            )
        for reason in self.differing:
            text += f"; {reason}"
        return text


# ----------------------------------------------------------------------------- share and join


def share(project: Project, url: str) -> int:
    """Upload a local project (label schema, documents, entities, annotations with their
    tombstones, statuses) into an initialised, empty team project, in one transaction. Run by
    the database's owner (who ran `server init`), as it writes everyone's annotations.
    Returns the number of rows uploaded."""
    with connect(url) as conn, refused():
        check_version(conn)
        owner = conn.execute(
            "SELECT pg_has_role(current_user, tableowner, 'USAGE') FROM pg_tables "
            "WHERE tablename = 'annotations' AND schemaname = current_schema()"
        ).fetchone()
        if not owner or not owner[0]:
            raise ServerError(
                "share a project as the team database's owner (who ran `annotator server init`)"
            )
        if conn.execute("SELECT 1 FROM documents LIMIT 1").fetchone():
            raise ServerError("the team project already holds documents: members join it")
        with conn.transaction():
            conn.execute(
                "INSERT INTO label_schema (id, text) VALUES (1, %s)",
                (project._meta("label_schema"),),
            )
            count = _copy(
                conn,
                "documents",
                ("id", "title", "text", "sha256", "source", "imported_at", "metadata"),
                project.conn.execute(
                    "SELECT id, title, text, sha256, source, imported_at, metadata FROM documents"
                ),
            )
            count += _copy(
                conn,
                "entities",
                ("id", "name", "kind", "aliases", "created_at"),
                project.conn.execute("SELECT id, name, kind, aliases, created_at FROM entities"),
            )
            count += _copy(
                conn,
                "annotations",
                COLUMNS,
                (
                    _server_row(r)
                    for r in project.conn.execute(f"{_LOCAL_LIVE} UNION ALL {_LOCAL_DELETED}")
                ),
            )
            count += _copy(
                conn,
                "document_status",
                ("document_id", "annotator", "status", "modified_at"),
                project.conn.execute(
                    "SELECT s.document_id, p.name, s.status, s.modified_at "
                    "FROM document_status s JOIN annotators p ON p.id = s.annotator_id"
                ),
            )
        # Statistics now, not at autovacuum's next visit: until then the planner takes the
        # tables for empty and reads all of them for every pull (60 ms instead of 1 ms).
        conn.execute("ANALYZE documents, entities, annotations, document_status")
        return count


def _copy(conn, table: str, columns: Sequence[str], rows: Iterable[Sequence]) -> int:
    # COPY: the owner's upload of 100,000 annotations in seconds (triggers still number rows).
    names = ", ".join(f'"{c}"' for c in columns)
    count = 0
    with conn.cursor().copy(f"COPY {table} ({names}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)
            count += 1
    return count


def _server_row(row: Sequence) -> tuple:
    """A local row of `_LOCAL_LIVE`/`_LOCAL_DELETED` as the server's columns."""
    return (*row[:18], bool(row[18]))


def join(url: str, annotator: str, path: str | Path) -> tuple[Project, SyncReport]:
    """Make a new local project at `path` linked to the team project at `url`, where the
    connecting database role is the member `annotator`, and pull everything into it.

    All or nothing: the whole join uses `url` as given (a password in it is used and never
    stored), and the file is built in a temporary folder beside `path` and moved into place
    only once the first pull is stored, so a join that fails leaves no file behind.
    ProjectError when `path` exists; ServerError when the server refuses or cannot be
    reached."""
    path = Path(path)
    if path.exists():
        raise ProjectError(Message("%1 already exists; choose another name or open it", path))
    if not path.parent.is_dir():
        raise ProjectError(Message("folder %1 does not exist", path.parent))
    with connect(url) as conn, refused():
        check_version(conn)
        name, role = whoami(conn)
        if name is None:
            raise ServerError(
                Message(
                    "database role %1 is not a member of the team project (the owner adds "
                    "it with: annotator server add-member URL NAME --role ROLE)",
                    repr(conn.info.user),
                )
            )
        if name != annotator:
            raise ServerError(
                Message(
                    "database role %1 is the member %2, not %3",
                    repr(conn.info.user),
                    repr(name),
                    repr(annotator),
                )
            )
        row = conn.execute("SELECT text FROM label_schema WHERE id = 1").fetchone()
        if row is None:
            raise ServerError("the team project holds no project yet (its owner shares one)")
    building = Path(tempfile.mkdtemp(prefix=f".{path.name}.joining-", dir=path.parent))
    try:
        with Project.create(building / path.name, row[0]) as project:
            with project.atomic():
                link.write(project, url, annotator, role)
            report = sync(project, url=url)
        try:
            os.link(building / path.name, path)  # never over a file made meanwhile
        except FileExistsError:
            raise ProjectError(
                Message("%1 already exists; choose another name or open it", path)
            ) from None
    finally:
        shutil.rmtree(building, ignore_errors=True)
    return Project.open(path), report


# ----------------------------------------------------------------------------- sync


def sync(project: Project, url: str | None = None) -> SyncReport:
    """Push the project's changes (one server transaction), then pull the others' (one
    snapshot), and note both locally in one transaction. `url`: the connection string to use
    instead of the linked one (join's, which may carry a password never stored). ServerError
    when the server cannot be reached or refuses (nothing is lost: the changes stay
    pending)."""
    current = link.require(project)
    with connect(url or current.url) as conn, refused():
        check_version(conn)
        name, role = whoami(conn)
        if name != current.annotator:
            raise ServerError(
                Message(
                    "the project is linked as %1 but database role %2 is %3: connect as "
                    "your own role",
                    repr(current.annotator),
                    repr(conn.info.user),
                    repr(name),
                )
            )
        pushed = _push(project, conn, current.annotator, role)
        pulled = fetch(conn, current.last_seq)
    new_conflicts = 0
    if pushed.anything or pulled.rows:
        with project.atomic():
            new_conflicts += _note_pushed(project, pushed)
            new_conflicts += apply(project, pulled)
            link.set_state(project, last_sync=now(), role=role)
        project._texts.clear()
    return SyncReport(
        pushed=len(pushed.sent),
        pulled=pulled.rows,
        conflicts=new_conflicts,
        not_owned=len(pushed.not_owned),
        pending=link.pending_count(project),
        differing=tuple(link.differing_documents(project).values()),
        unshared=0 if role == "coordinator" else _pending_documents(project),
    )


def _pending_documents(project: Project) -> int:
    row = project.conn.execute("SELECT count(*) FROM sync_pending WHERE kind = 'document'")
    return row.fetchone()[0]


@dataclass
class _Pushed:
    """What a push sent (kind, id, token of the version sent), the server's rival annotation
    versions it found, the changes not this member's, and what it learnt of entities."""

    sent: list[tuple[str, str, str]]
    rivals: list[tuple]
    not_owned: list[tuple[str, str]]
    entities: EntityOutcome
    differs: list[tuple[str, str]]

    @property
    def anything(self) -> bool:
        e = self.entities
        return bool(
            self.sent or self.rivals or self.not_owned or e.conflicts or e.adopted or self.differs
        )


def _note_pushed(project: Project, pushed: _Pushed) -> int:
    """Once the server committed: what was sent is no longer pending (unless changed again
    meanwhile: another token), rivals become conflicts. Returns the new conflicts."""
    for kind, key, token in pushed.sent:
        if _token(project, kind, key) == token:
            project.conn.execute("DELETE FROM sync_pending WHERE kind = ? AND id = ?", (kind, key))
    project.conn.executemany("DELETE FROM sync_pending WHERE kind = ? AND id = ?", pushed.not_owned)
    if pushed.not_owned:
        kept = link.kept_locally(project) + len(pushed.not_owned)
        link.set_state(project, kept_locally=str(kept))
    for document_id, reason in pushed.differs:
        link.mark_differing(project, document_id, reason)
    entities = pushed.entities
    project.conn.executemany(
        "INSERT OR REPLACE INTO sync_known (kind, id, token) VALUES ('entity', ?, ?)",
        entities.known,
    )
    if entities.adopted:
        link.set_state(project, recording="0")
        project.conn.executemany(
            "UPDATE entities SET name = ?, kind = ?, aliases = ? WHERE id = ?",
            [(name, kind, aliases, key) for key, name, kind, aliases in entities.adopted],
        )
        link.set_state(project, recording="1")
    found = sum(record_entity_conflict(project, *rival) for rival in entities.conflicts)
    return found + sum(record_conflict(project, row) for row in pushed.rivals)


def _push(project: Project, conn, annotator: str, role: str) -> _Pushed:
    """Send the pending changes in one server transaction (noted locally by `_note_pushed`
    once it committed)."""
    pending = project.conn.execute("SELECT kind, id FROM sync_pending").fetchall()
    by_kind: dict[str, list[str]] = {}
    for kind, key in pending:
        by_kind.setdefault(kind, []).append(key)
    sent: list[tuple[str, str, str]] = []  # (kind, id, token) to clear once committed
    rivals: list[tuple] = []
    entities = EntityOutcome([], [], [])
    not_owned: list[tuple[str, str]] = []
    differs: list[tuple[str, str]] = []
    with conn.transaction():
        limit_waits(conn)
        if role == "coordinator":
            sent += _push_documents(project, conn, by_kind.get("document", []), differs)
        # Anyone else's new document stays pending (with the work on it) until a coordinator
        # shares the same text under the same id: the pull then clears it.
        sent += push_entities(project, conn, by_kind.get("entity", []), entities)
        done, rivals, others = _push_annotations(
            project, conn, by_kind.get("annotation", []), annotator, role
        )
        sent += done
        not_owned += others
        done, others = _push_statuses(project, conn, by_kind.get("status", []), annotator, role)
        sent += done
        not_owned += others
        conn.execute(
            "INSERT INTO member_syncs (db_role, synced_at) VALUES (current_user, now()) "
            "ON CONFLICT (db_role) DO UPDATE SET synced_at = now()"
        )
    return _Pushed(sent, rivals, not_owned, entities, differs)


def _token(project: Project, kind: str, key: str) -> str | None:
    """What identifies the current local version of a pending row."""
    if kind == "annotation":
        row = project.conn.execute(
            "SELECT rev FROM annotations WHERE id = ? UNION ALL "
            "SELECT rev FROM deletions WHERE annotation_id = ?",
            (key, key),
        ).fetchone()
    elif kind == "entity":
        row = project.conn.execute(
            "SELECT json_array(name, kind, aliases) FROM entities WHERE id = ?", (key,)
        ).fetchone()
    elif kind == "status":
        document_id, annotator_id = key.split("\x1f")
        row = project.conn.execute(
            "SELECT status || modified_at FROM document_status "
            "WHERE document_id = ? AND annotator_id = ?",
            (document_id, annotator_id),
        ).fetchone()
    else:
        row = project.conn.execute("SELECT sha256 FROM documents WHERE id = ?", (key,)).fetchone()
    return row[0] if row else None


def _push_documents(
    project: Project, conn, ids: list[str], differs: list[tuple[str, str]]
) -> list[tuple[str, str, str]]:
    """Share the coordinator's new documents; one that clashes with the server's by id or
    text goes to `differs` (id, reason) and stays pending."""
    sent = []
    for document_id in ids:
        row = project.conn.execute(
            "SELECT id, title, text, sha256, source, imported_at, metadata FROM documents "
            "WHERE id = ?",
            (document_id,),
        ).fetchone()
        if row is None:
            continue
        there = conn.execute(
            "SELECT id, sha256 FROM documents WHERE id = %s OR sha256 = %s", (row[0], row[3])
        ).fetchall()
        if (row[0], row[3]) in [tuple(t) for t in there]:
            sent.append(("document", document_id, row[3]))  # shared already
            continue
        if there:
            # The id names another text there, or this text is there under another id: the
            # document stays pending and is noted, never dropped in silence.
            other_id, _ = there[0]
            differs.append(
                (
                    document_id,
                    f"document {document_id} here is not the team server's document "
                    f"{document_id} (the texts differ): it is not shared"
                    if other_id == document_id
                    else f"document {document_id} has the same text as the team server's "
                    f"document {other_id}: it is not shared under a second id",
                )
            )
            continue
        conn.execute(
            "INSERT INTO documents (id, title, text, sha256, source, imported_at, metadata) "
            "VALUES (%s, %s, %s, %s, %s, %s, %s)",
            row,
        )
        sent.append(("document", document_id, row[3]))
    return sent


def _owns(annotator: str, role: str, owner: str) -> bool:
    return owner == annotator or (owner == GOLD and role == "curator")


def _push_annotations(
    project: Project, conn, ids: list[str], annotator: str, role: str
) -> tuple[list[tuple[str, str, str]], list[tuple], list[tuple[str, str]]]:
    rows = []
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        rows += project.conn.execute(
            f"{_LOCAL_LIVE} WHERE a.id IN ({marks}) UNION ALL "
            f"{_LOCAL_DELETED} WHERE annotation_id IN ({marks}) "
            "AND annotation_id NOT IN (SELECT id FROM annotations)",
            [*chunk, *chunk],
        ).fetchall()
    ours = [_server_row(r) for r in rows if _owns(annotator, role, r[2])]
    not_owned = [("annotation", r[0]) for r in rows if not _owns(annotator, role, r[2])]
    found = {r[0] for r in rows}
    not_owned += [("annotation", i) for i in ids if i not in found]
    # Work on a document the server does not hold (imported here, not by a coordinator)
    # stays pending: it goes once the coordinator adds the document.
    shared = _server_documents(project, conn, {r[1] for r in ours})
    ours = [r for r in ours if r[1] in shared]
    if not ours:
        return [], [], not_owned
    theirs = {
        r[0]: r
        for r in conn.execute(
            f"SELECT {SERVER_COLUMNS} FROM annotations WHERE id = ANY(%s) FOR UPDATE",
            ([r[0] for r in ours],),
        )
    }
    inserts, updates, rivals, sent = [], [], [], []
    for row in ours:
        server = theirs.get(row[0])
        rev, history = row[16], _history(row[17])
        if server is None:
            inserts.append(row)
        elif server[16] == rev:
            pass
        elif server[16] in history:
            updates.append((*row[1:], row[0]))
        elif rev in _history(server[17]):
            pass  # the server holds a later version (this member's other machine): pulled
        else:
            rivals.append(server)
        sent.append(("annotation", row[0], rev))
    if inserts:
        with conn.cursor() as cur:
            cur.executemany(
                f"INSERT INTO annotations ({SERVER_COLUMNS}) VALUES "
                f"({', '.join(['%s'] * len(COLUMNS))})",
                inserts,
            )
    if updates:
        assignments = ", ".join(f'"{c}" = %s' for c in COLUMNS[1:])
        with conn.cursor() as cur:
            cur.executemany(f"UPDATE annotations SET {assignments} WHERE id = %s", updates)
    return sent, rivals, not_owned


def _server_documents(project: Project, conn, ids: set[str]) -> set[str]:
    """Those of the document ids the server holds with the same text (SHA-256) as here: work
    on any other stays pending, never sent onto another text."""
    if not ids:
        return set()
    rows = conn.execute("SELECT id, sha256 FROM documents WHERE id = ANY(%s)", (list(ids),))
    found = set()
    for document_id, sha in rows:
        here = project.conn.execute(
            "SELECT sha256 FROM documents WHERE id = ?", (document_id,)
        ).fetchone()
        if here is not None and here[0] == sha:
            found.add(document_id)
    return found


def _push_statuses(
    project: Project, conn, keys: list[str], annotator: str, role: str
) -> tuple[list[tuple[str, str, str]], list[tuple[str, str]]]:
    sent, not_owned = [], []
    for key in keys:
        document_id, annotator_id = key.split("\x1f")
        row = project.conn.execute(
            "SELECT p.name, s.status, s.modified_at FROM document_status s "
            "JOIN annotators p ON p.id = s.annotator_id "
            "WHERE s.document_id = ? AND s.annotator_id = ?",
            (document_id, annotator_id),
        ).fetchone()
        if row is None or not _owns(annotator, role, row[0]):
            not_owned.append(("status", key))
            continue
        if not _server_documents(project, conn, {document_id}):
            continue  # pending until the document is shared, as its annotations
        conn.execute(
            "INSERT INTO document_status (document_id, annotator, status, modified_at) "
            "VALUES (%s, %s, %s, %s) ON CONFLICT (document_id, annotator) DO UPDATE "
            "SET status = excluded.status, modified_at = excluded.modified_at",
            (document_id, *row),
        )
        sent.append(("status", key, row[1] + row[2]))
    return sent, not_owned
