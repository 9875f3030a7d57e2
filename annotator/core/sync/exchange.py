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
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from annotator.core.clock import now
from annotator.core.errors import NotFoundError, ValidationError
from annotator.core.model import Annotation, Entity, Stance
from annotator.core.review import conflicts
from annotator.core.store.annotation_store import _history
from annotator.core.store.project import Project
from annotator.core.sync import link
from annotator.core.sync.server import (
    GOLD,
    ServerError,
    check_version,
    connect,
    refused,
    whoami,
)

SOURCE = "the team server"
log = logging.getLogger("annotator")

# Annotation columns as the server holds them, in this order everywhere below.
_COLUMNS = (
    "id",
    "document_id",
    "annotator",
    "layer",
    "start",
    "end",
    "text",
    "attributes",
    "entity_id",
    "link_id",
    "origin",
    "created_at",
    "modified_at",
    "sources",
    "stances",
    "revision",
    "rev",
    "history",
    "deleted",
)
_SERVER_COLUMNS = ", ".join(f'"{c}"' for c in _COLUMNS)
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
    (kept locally, not sent), and the changes still waiting."""

    pushed: int = 0
    pulled: int = 0
    conflicts: int = 0
    not_owned: int = 0
    pending: int = 0

    def __str__(self) -> str:
        text = f"pushed {self.pushed}, pulled {self.pulled}"
        if self.conflicts:
            text += f", {self.conflicts} new conflicts (resolve them in review)"
        if self.not_owned:
            text += f", {self.not_owned} changes to others' rows kept locally only"
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
                _COLUMNS,
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
    connecting database role is the member `annotator`, and pull everything into it."""
    path = Path(path)
    with connect(url) as conn, refused():
        check_version(conn)
        name, role = whoami(conn)
        if name is None:
            raise ServerError(
                f"database role {conn.info.user!r} is not a member of the team project "
                "(the owner adds it with: annotator server add-member URL NAME --role ROLE)"
            )
        if name != annotator:
            raise ServerError(
                f"database role {conn.info.user!r} is the member {name!r}, not {annotator!r}"
            )
        row = conn.execute("SELECT text FROM label_schema WHERE id = 1").fetchone()
        if row is None:
            raise ServerError("the team project holds no project yet (its owner shares one)")
    project = Project.create(path, row[0])
    try:
        with project.atomic():
            link.write(project, url, annotator, role)
        report = sync(project)
    except BaseException:
        project.close()
        raise
    return project, report


# ----------------------------------------------------------------------------- sync


def sync(project: Project) -> SyncReport:
    """Push the project's changes (one server transaction), then pull the others' (one
    snapshot), and note both locally in one transaction. ServerError when the server cannot
    be reached or refuses (nothing is lost: the changes stay pending)."""
    current = link.require(project)
    with connect(current.url) as conn, refused():
        check_version(conn)
        name, role = whoami(conn)
        if name != current.annotator:
            raise ServerError(
                f"the project is linked as {current.annotator!r} but database role "
                f"{conn.info.user!r} is {name!r}: connect as your own role"
            )
        pushed = _push(project, conn, current.annotator, role)
        pulled = _fetch(conn, current.last_seq)
    new_conflicts = 0
    if pushed.anything or pulled.rows:
        with project.atomic():
            new_conflicts += _note_pushed(project, pushed)
            new_conflicts += _apply(project, pulled)
            link.set_state(project, last_sync=now(), role=role)
        project._texts.clear()
    return SyncReport(
        pushed=len(pushed.sent),
        pulled=pulled.rows,
        conflicts=new_conflicts,
        not_owned=len(pushed.not_owned),
        pending=link.pending_count(project),
    )


@dataclass
class _Pushed:
    """What a push sent (kind, id, token of the version sent), the server's rival annotation
    versions it found, the changes not this member's, and what it learnt of entities."""

    sent: list[tuple[str, str, str]]
    rivals: list[tuple]
    not_owned: list[tuple[str, str]]
    entities: _EntityOutcome

    @property
    def anything(self) -> bool:
        e = self.entities
        return bool(self.sent or self.rivals or self.not_owned or e.conflicts or e.adopted)


def _note_pushed(project: Project, pushed: _Pushed) -> int:
    """Once the server committed: what was sent is no longer pending (unless changed again
    meanwhile: another token), rivals become conflicts. Returns the new conflicts."""
    for kind, key, token in pushed.sent:
        if _token(project, kind, key) == token:
            project.conn.execute("DELETE FROM sync_pending WHERE kind = ? AND id = ?", (kind, key))
    project.conn.executemany("DELETE FROM sync_pending WHERE kind = ? AND id = ?", pushed.not_owned)
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
    found = sum(_entity_conflict(project, *rival) for rival in entities.conflicts)
    return found + sum(_conflict(project, row) for row in pushed.rivals)


def _push(project: Project, conn, annotator: str, role: str) -> _Pushed:
    """Send the pending changes in one server transaction (noted locally by `_note_pushed`
    once it committed)."""
    pending = project.conn.execute("SELECT kind, id FROM sync_pending").fetchall()
    by_kind: dict[str, list[str]] = {}
    for kind, key in pending:
        by_kind.setdefault(kind, []).append(key)
    sent: list[tuple[str, str, str]] = []  # (kind, id, token) to clear once committed
    rivals: list[tuple] = []
    entities = _EntityOutcome([], [], [])
    not_owned: list[tuple[str, str]] = []
    with conn.transaction():
        if role == "coordinator":
            sent += _push_documents(project, conn, by_kind.get("document", []))
        else:
            not_owned += [("document", d) for d in by_kind.get("document", [])]
        sent += _push_entities(project, conn, by_kind.get("entity", []), entities)
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
    return _Pushed(sent, rivals, not_owned, entities)


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


def _push_documents(project: Project, conn, ids: list[str]) -> list[tuple[str, str, str]]:
    sent = []
    for document_id in ids:
        row = project.conn.execute(
            "SELECT id, title, text, sha256, source, imported_at, metadata FROM documents "
            "WHERE id = ?",
            (document_id,),
        ).fetchone()
        if row is None:
            continue
        conn.execute(
            "INSERT INTO documents (id, title, text, sha256, source, imported_at, metadata) "
            "VALUES (%s, %s, %s, %s, %s, %s, %s) ON CONFLICT DO NOTHING",
            row,
        )
        sent.append(("document", document_id, row[3]))
    return sent


def _entity_token(name: str, kind: str | None, aliases: str) -> str:
    return json.dumps([name, kind, aliases], ensure_ascii=False, separators=(",", ":"))


@dataclass
class _EntityOutcome:
    """What a push learnt about entities, applied locally once the server committed: the
    versions both sides now hold (`known`), the server's versions taken here (`adopted`: the
    same speaker met on two copies, named alike), and conflicts (id, ours, theirs)."""

    known: list[tuple[str, str]]
    adopted: list[tuple[str, str, str | None, str]]
    conflicts: list[tuple[str, str, str]]


def _push_entities(
    project: Project, conn, ids: list[str], outcome: _EntityOutcome
) -> list[tuple[str, str, str]]:
    """Send entities: a new one, or one changed here only since the last exchange. One
    changed there too is a conflict, unless only its kind or aliases differ from a
    same-named one never exchanged before (the server's, the first sent, is taken)."""
    sent = []
    for entity_id in ids:
        row = project.conn.execute(
            "SELECT id, name, kind, aliases, created_at, json_array(name, kind, aliases) "
            "FROM entities WHERE id = ?",
            (entity_id,),
        ).fetchone()
        if row is None:
            continue
        ours = _entity_token(*row[1:4])
        known = _known(project, "entity", entity_id)
        theirs = conn.execute(
            "SELECT name, kind, aliases FROM entities WHERE id = %s FOR UPDATE", (entity_id,)
        ).fetchone()
        sent.append(("entity", entity_id, row[5]))
        if theirs is None:
            conn.execute(
                "INSERT INTO entities (id, name, kind, aliases, created_at) "
                "VALUES (%s, %s, %s, %s, %s)",
                row[:5],
            )
        elif _entity_token(*theirs) == ours:
            pass
        elif known is not None and _entity_token(*theirs) == known:
            conn.execute(
                "UPDATE entities SET name = %s, kind = %s, aliases = %s WHERE id = %s",
                (*row[1:4], entity_id),
            )
        elif known is None and theirs[0] == row[1]:
            outcome.adopted.append((entity_id, *theirs))
            outcome.known.append((entity_id, _entity_token(*theirs)))
            continue
        else:
            # Changed on both sides since they last agreed: keep ours here, theirs there.
            outcome.conflicts.append((entity_id, ours, _entity_token(*theirs)))
            continue
        outcome.known.append((entity_id, ours))
    return sent


def _known(project: Project, kind: str, key: str) -> str | None:
    row = project.conn.execute(
        "SELECT token FROM sync_known WHERE kind = ? AND id = ?", (kind, key)
    ).fetchone()
    return row[0] if row else None


def _entity_conflict(project: Project, entity_id: str, ours: str, theirs: str) -> int:
    cursor = project.conn.execute(
        "INSERT OR IGNORE INTO entity_conflicts (entity_id, ours, theirs, created_at) "
        "VALUES (?, ?, ?, ?)",
        (entity_id, ours, theirs, now()),
    )
    return cursor.rowcount


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
    shared = _server_documents(conn, {r[1] for r in ours})
    ours = [r for r in ours if r[1] in shared]
    if not ours:
        return [], [], not_owned
    theirs = {
        r[0]: r
        for r in conn.execute(
            f"SELECT {_SERVER_COLUMNS} FROM annotations WHERE id = ANY(%s) FOR UPDATE",
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
                f"INSERT INTO annotations ({_SERVER_COLUMNS}) VALUES "
                f"({', '.join(['%s'] * len(_COLUMNS))})",
                inserts,
            )
    if updates:
        assignments = ", ".join(f'"{c}" = %s' for c in _COLUMNS[1:])
        with conn.cursor() as cur:
            cur.executemany(f"UPDATE annotations SET {assignments} WHERE id = %s", updates)
    return sent, rivals, not_owned


def _server_documents(conn, ids: set[str]) -> set[str]:
    """Those of the document ids the server holds."""
    if not ids:
        return set()
    rows = conn.execute("SELECT id FROM documents WHERE id = ANY(%s)", (list(ids),))
    return {r[0] for r in rows}


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
        if not _server_documents(conn, {document_id}):
            continue  # pending until the document is shared, as its annotations
        conn.execute(
            "INSERT INTO document_status (document_id, annotator, status, modified_at) "
            "VALUES (%s, %s, %s, %s) ON CONFLICT (document_id, annotator) DO UPDATE "
            "SET status = excluded.status, modified_at = excluded.modified_at",
            (document_id, *row),
        )
        sent.append(("status", key, row[1] + row[2]))
    return sent, not_owned


@dataclass
class _Pulled:
    """The server's rows numbered above the last seen, read in one snapshot; `top` the
    highest number among them."""

    documents: list[tuple]
    entities: list[tuple]
    annotations: list[tuple]
    statuses: list[tuple]
    assignments: list[tuple]
    top: int
    rows: int


def _fetch(conn, since: int) -> _Pulled:
    with conn.transaction():
        conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")

        def rows(sql: str) -> list[tuple]:
            return conn.execute(sql, (since,)).fetchall()

        found = [
            rows(
                "SELECT id, title, text, sha256, source, imported_at, metadata, seq "
                "FROM documents WHERE seq > %s ORDER BY seq"
            ),
            rows("SELECT id, name, kind, aliases, created_at, seq FROM entities WHERE seq > %s"),
            rows(
                f"SELECT {_SERVER_COLUMNS}, seq FROM annotations WHERE seq > %s "
                "ORDER BY link_id IS NOT NULL, seq"
            ),
            rows(
                "SELECT document_id, annotator, status, modified_at, seq FROM document_status "
                "WHERE seq > %s"
            ),
            rows(
                "SELECT document_id, annotator, assigned_at, active, seq FROM assignments "
                "WHERE seq > %s"
            ),
            rows("SELECT seq FROM label_schema WHERE seq > %s"),
        ]
    top = max((row[-1] for table in found for row in table), default=since)
    return _Pulled(*found[:5], top=top, rows=sum(map(len, found)))


def _apply(project: Project, pulled: _Pulled) -> int:
    """Store pulled rows (in the caller's transaction) with the new high-water mark, without
    noting them as local changes. Returns the new conflicts."""
    if not pulled.rows:
        return 0
    new_conflicts = 0
    link.set_state(project, recording="0")
    project.conn.executemany(
        "INSERT OR IGNORE INTO documents (id, title, text, sha256, source, imported_at, "
        "metadata) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [r[:7] for r in pulled.documents],
    )
    for row in pulled.entities:
        new_conflicts += _apply_entity(project, row)
    if _fresh(project):
        try:
            with project.atomic():  # a savepoint: a refused row sends all the slow way
                _insert_all(project, pulled.annotations)
            fresh = True
        except sqlite3.IntegrityError:
            fresh = False
    else:
        fresh = False
    for row in [] if fresh else pulled.annotations:
        try:
            new_conflicts += _apply_annotation(project, row[:-1])
        except sqlite3.IntegrityError:
            # A row this file's checks refuse (a span that does not fit its text, sent by a
            # client other than ours): left out, the rest of the pull goes on.
            log.warning("sync: annotation %s from the server left out", row[0])
    _apply_statuses(project, pulled.statuses)
    for document_id, annotator, assigned_at, active, _seq in pulled.assignments:
        if active:
            project.conn.execute(
                "INSERT OR REPLACE INTO assignments (document_id, annotator, assigned_at) "
                "VALUES (?, ?, ?)",
                (document_id, annotator, assigned_at),
            )
        else:
            project.conn.execute(
                "DELETE FROM assignments WHERE document_id = ? AND annotator = ?",
                (document_id, annotator),
            )
    conflicts.close_superseded(project)
    link.set_state(project, recording="1", last_seq=str(pulled.top))
    return new_conflicts


def _fresh(project: Project) -> bool:
    """Whether the project holds no annotations and no deletions (just joined)."""
    found = project.conn.execute(
        "SELECT 1 FROM annotations UNION ALL SELECT 1 FROM deletions LIMIT 1"
    ).fetchone()
    return found is None


def _insert_all(project: Project, rows: Sequence[Sequence]) -> None:
    """A first pull into a project with no annotations (a join): every row is new, so all
    are stored with one statement per table (100,000 annotations in seconds). Rows come
    unlinked ones first, so a claim's speaker is stored before it."""
    annotators: dict[str, int] = {}
    entities = {r[0] for r in project.conn.execute("SELECT id FROM entities")}
    live = {row[0] for row in rows if not row[18]}
    annotations, deletions, stances = [], [], []
    for row in rows:
        if row[18]:
            deletions.append((row[0], row[1], row[2], row[3], row[15], row[16], row[17], row[12]))
            continue
        if row[2] not in annotators:
            annotators[row[2]] = project._annotator_id(row[2], create=True)
        entity_id = row[8] if row[8] in entities else None
        link_id = row[9] if row[9] in live else None
        annotations.append(
            (row[0], row[1], annotators[row[2]], *row[3:8], entity_id, link_id, *row[10:14])
            + (row[15], row[16], row[17])
        )
        stances += [(row[0], i, t, v) for i, (t, v) in enumerate(json.loads(row[14]))]
    project.conn.executemany(
        'INSERT INTO annotations (id, document_id, annotator_id, layer, start, "end", text, '
        "attributes, entity_id, link_id, origin, created_at, modified_at, sources, revision, "
        "rev, history) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        annotations,
    )
    project.conn.executemany(
        "INSERT INTO deletions (annotation_id, document_id, annotator, layer, revision, rev, "
        "history, deleted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        deletions,
    )
    project.conn.executemany(
        "INSERT INTO stances (annotation_id, position, target, value) VALUES (?, ?, ?, ?)",
        stances,
    )


def _apply_entity(project: Project, row: Sequence) -> int:
    entity_id, name, kind, aliases, created_at, _seq = row
    theirs = _entity_token(name, kind, aliases)
    local = project.conn.execute(
        "SELECT name, kind, aliases FROM entities WHERE id = ?", (entity_id,)
    ).fetchone()
    known = _known(project, "entity", entity_id)
    pending = project.conn.execute(
        "SELECT 1 FROM sync_pending WHERE kind = 'entity' AND id = ?", (entity_id,)
    ).fetchone()
    open_conflict = project.conn.execute(
        "SELECT 1 FROM entity_conflicts WHERE entity_id = ? AND resolved IS NULL", (entity_id,)
    ).fetchone()
    if local is not None and _entity_token(*local) != theirs:
        # The same new speaker met on two copies (named alike, so of one id): the version
        # sent first is taken. Otherwise a change here since the last exchange (or a rival
        # never exchanged) and one there are both kept.
        met_twice = known is None and local[0] == name
        if open_conflict or ((pending or known is None) and not met_twice):
            return _entity_conflict(project, entity_id, _entity_token(*local), theirs)
    clash = project.conn.execute(
        "SELECT id FROM entities WHERE name = ? AND id != ?", (name, entity_id)
    ).fetchone()
    if clash is not None:
        return _entity_conflict(project, entity_id, _entity_token(*local) if local else "", theirs)
    project.conn.execute(
        "INSERT INTO entities (id, name, kind, aliases, created_at) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind, "
        "aliases = excluded.aliases",
        (entity_id, name, kind, aliases, created_at),
    )
    project.conn.execute(
        "INSERT OR REPLACE INTO sync_known (kind, id, token) VALUES ('entity', ?, ?)",
        (entity_id, theirs),
    )
    return 0


def _local_version(project: Project, annotation_id: str) -> tuple[str, list[str], bool] | None:
    row = project.conn.execute(
        "SELECT rev, history, 0 FROM annotations WHERE id = ? UNION ALL "
        "SELECT rev, history, 1 FROM deletions WHERE annotation_id = ?",
        (annotation_id, annotation_id),
    ).fetchone()
    return None if row is None else (row[0], _history(row[1]), bool(row[2]))


def _apply_annotation(project: Project, row: Sequence) -> int:
    """Bring one server row in: taken when it descends from ours (or we have none), skipped
    when ours descends from it, kept as a conflict otherwise."""
    annotation_id, rev, history = row[0], row[16], _history(row[17])
    local = _local_version(project, annotation_id)
    if local is not None:
        ours_rev, ours_history, _deleted = local
        if ours_rev == rev or rev in ours_history:
            return 0
        if ours_rev not in history:
            return _conflict(project, row)
    if row[18]:
        _take_deletion(project, row)
    else:
        _take_annotation(project, row)
    return 0


def _take_deletion(project: Project, row: Sequence) -> None:
    # Claims linking to it lose the link by the foreign key, without a revision of their own:
    # their owner's unlinking arrives as their next revision.
    project.conn.execute("DELETE FROM annotations WHERE id = ?", (row[0],))
    project.conn.execute(
        "INSERT OR REPLACE INTO deletions (annotation_id, document_id, annotator, layer, "
        "revision, rev, history, deleted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (row[0], row[1], row[2], row[3], row[15], row[16], row[17], row[12]),
    )


def _take_annotation(project: Project, row: Sequence) -> None:
    annotator_id = project._annotator_id(row[2], create=True)
    entity_id = row[8]
    if entity_id is not None and not _exists(project, "entities", entity_id):
        entity_id = None
    link_id = row[9]
    if link_id is not None and not _exists(project, "annotations", link_id):
        link_id = None
    values = (
        row[0],
        row[1],
        annotator_id,
        row[3],
        row[4],
        row[5],
        row[6],
        row[7],
        entity_id,
        link_id,
        row[10],
        row[11],
        row[12],
        row[13],
        row[15],
        row[16],
        row[17],
    )
    project.conn.execute(
        'INSERT INTO annotations (id, document_id, annotator_id, layer, start, "end", text, '
        "attributes, entity_id, link_id, origin, created_at, modified_at, sources, revision, "
        "rev, history) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (id) DO UPDATE SET document_id = excluded.document_id, "
        "annotator_id = excluded.annotator_id, layer = excluded.layer, start = excluded.start, "
        '"end" = excluded."end", text = excluded.text, attributes = excluded.attributes, '
        "entity_id = excluded.entity_id, link_id = excluded.link_id, origin = excluded.origin, "
        "created_at = excluded.created_at, modified_at = excluded.modified_at, "
        "sources = excluded.sources, revision = excluded.revision, rev = excluded.rev, "
        "history = excluded.history",
        values,
    )
    project.conn.execute("DELETE FROM deletions WHERE annotation_id = ?", (row[0],))
    project.conn.execute("DELETE FROM stances WHERE annotation_id = ?", (row[0],))
    project.conn.executemany(
        "INSERT INTO stances (annotation_id, position, target, value) VALUES (?, ?, ?, ?)",
        [(row[0], i, t, v) for i, (t, v) in enumerate(json.loads(row[14]))],
    )


def _exists(project: Project, table: str, key: str) -> bool:
    found = project.conn.execute(f"SELECT 1 FROM {table} WHERE id = ?", (key,)).fetchone()
    return found is not None


def _conflict(project: Project, row: Sequence) -> int:
    """Keep the server's version `row` as a conflict on ours."""
    local = _local_version(project, row[0])
    theirs = None if row[18] else _annotation(project, row)
    recorded = conflicts.record(
        project,
        annotation_id=row[0],
        document_id=row[1],
        annotator=row[2],
        ours_rev=local[0] if local else "0-none",
        theirs_rev=row[16],
        theirs=theirs,
        theirs_history=_history(row[17]),
        source=SOURCE,
    )
    return int(recorded)


def _annotation(project: Project, row: Sequence) -> Annotation:
    entity = None
    if row[8] is not None:
        found = project.conn.execute(
            "SELECT id, name, kind, aliases FROM entities WHERE id = ?", (row[8],)
        ).fetchone()
        entity = (
            Entity(found[0], found[1], found[2], tuple(json.loads(found[3])))
            if found
            else Entity(row[8], row[8])
        )
    return Annotation(
        id=row[0],
        document_id=row[1],
        annotator=row[2],
        layer=row[3],
        start=row[4],
        end=row[5],
        text=row[6],
        attributes=json.loads(row[7]),
        entity=entity,
        link_id=row[9],
        stances=tuple(Stance(t, v) for t, v in json.loads(row[14])),
        origin=row[10],
        created_at=row[11],
        modified_at=row[12],
        sources=tuple(json.loads(row[13])),
        revision=row[15],
    )


def _apply_statuses(project: Project, rows: Sequence[Sequence]) -> None:
    for document_id, annotator, status, modified_at, _seq in rows:
        if not _exists(project, "documents", document_id):
            continue
        annotator_id = project._annotator_id(annotator, create=True)
        key = f"{document_id}\x1f{annotator_id}"
        if project.conn.execute(
            "SELECT 1 FROM sync_pending WHERE kind = 'status' AND id = ?", (key,)
        ).fetchone():
            continue  # ours is newer and waits to be pushed
        project.conn.execute(
            "INSERT INTO document_status (document_id, annotator_id, status, modified_at) "
            "VALUES (?, ?, ?, ?) ON CONFLICT (document_id, annotator_id) DO UPDATE "
            "SET status = excluded.status, modified_at = excluded.modified_at",
            (document_id, annotator_id, status, modified_at),
        )


def open_entity_conflicts(project: Project) -> list[tuple[str, Entity, Entity]]:
    """The speaker entities changed here and on the server since they last agreed, unresolved:
    (entity id, ours, theirs), theirs being the newest seen."""
    found = []
    for entity_id, ours, theirs in project.conn.execute(
        "SELECT entity_id, ours, theirs FROM entity_conflicts WHERE resolved IS NULL "
        "ORDER BY created_at, rowid"
    ).fetchall():
        found.append((entity_id, _entity(entity_id, ours), _entity(entity_id, theirs)))
    latest = {entity_id: (entity_id, ours, theirs) for entity_id, ours, theirs in found}
    return list(latest.values())


def _entity(entity_id: str, token: str) -> Entity:
    if not token:
        return Entity(entity_id, "")
    name, kind, aliases = json.loads(token)
    return Entity(entity_id, name, kind, tuple(json.loads(aliases)))


def resolve_entity_conflict(project: Project, entity_id: str, choice: str) -> None:
    """Keep our version of a speaker entity ("ours", sent at the next sync) or take the
    server's ("theirs"), in one transaction; the conflict is then closed."""
    if choice not in conflicts.CHOICES:
        raise ValidationError(f"choose 'ours' or 'theirs', not {choice!r}")
    rows = [c for c in open_entity_conflicts(project) if c[0] == entity_id]
    if not rows:
        raise NotFoundError(f"no open conflict on speaker entity {entity_id!r}")
    _, _ours, theirs = rows[0]
    with project.atomic():
        token = _entity_token(theirs.name, theirs.kind, json.dumps(list(theirs.aliases)))
        if choice == "theirs":
            project.conn.execute(
                "UPDATE entities SET name = ?, kind = ?, aliases = ? WHERE id = ?",
                (theirs.name, theirs.kind, json.dumps(list(theirs.aliases)), entity_id),
            )
        else:
            project.conn.execute(
                "INSERT OR IGNORE INTO sync_pending (kind, id) VALUES ('entity', ?)",
                (entity_id,),
            )
        # Theirs is now the version both sides agreed on last: ours (if kept) follows it.
        project.conn.execute(
            "INSERT OR REPLACE INTO sync_known (kind, id, token) VALUES ('entity', ?, ?)",
            (entity_id, token),
        )
        project.conn.execute(
            "UPDATE entity_conflicts SET resolved = ? WHERE entity_id = ? AND resolved IS NULL",
            (choice, entity_id),
        )
