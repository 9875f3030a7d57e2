"""The pull half of sync: every server row numbered above the last one seen, read in one
snapshot and stored in the caller's local transaction without being noted as a local change.
An annotation is taken when it descends from ours (or we have none), skipped when ours
descends from it, and kept as a conflict otherwise."""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

from annotator.core.model import Annotation, Entity, Stance
from annotator.core.review import conflicts
from annotator.core.store.annotation_store import _history
from annotator.core.store.project import Project
from annotator.core.sync import link
from annotator.core.sync.entities import apply_entity
from annotator.core.sync.server import limit_waits

log = logging.getLogger("annotator")

SOURCE = "the team server"

# Annotation columns as the server holds them, in this order everywhere below.
COLUMNS = (
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
SERVER_COLUMNS = ", ".join(f'"{c}"' for c in COLUMNS)


@dataclass
class Pulled:
    """The server's rows numbered above the last seen, read in one snapshot; `top` the
    highest number among them."""

    documents: list[tuple]
    entities: list[tuple]
    annotations: list[tuple]
    statuses: list[tuple]
    assignments: list[tuple]
    top: int
    rows: int


def fetch(conn, since: int) -> Pulled:
    with conn.transaction():
        conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        limit_waits(conn)

        def rows(sql: str) -> list[tuple]:
            return conn.execute(sql, (since,)).fetchall()

        found = [
            rows(
                "SELECT id, title, text, sha256, source, imported_at, metadata, seq "
                "FROM documents WHERE seq > %s ORDER BY seq"
            ),
            rows("SELECT id, name, kind, aliases, created_at, seq FROM entities WHERE seq > %s"),
            rows(
                f"SELECT {SERVER_COLUMNS}, seq FROM annotations WHERE seq > %s "
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
    return Pulled(*found[:5], top=top, rows=sum(map(len, found)))


def apply(project: Project, pulled: Pulled) -> int:
    """Store pulled rows (in the caller's transaction) with the new high-water mark, without
    noting them as local changes. Returns the new conflicts."""
    if not pulled.rows:
        return 0
    new_conflicts = 0
    link.set_state(project, recording="0")
    _apply_documents(project, pulled.documents)
    differ = link.differing_documents(project)
    annotations = [r for r in pulled.annotations if r[1] not in differ]
    for row in pulled.entities:
        new_conflicts += apply_entity(project, row)
    if _fresh(project):
        try:
            with project.atomic():  # a savepoint: a refused row sends all the slow way
                _insert_all(project, annotations)
            fresh = True
        except sqlite3.IntegrityError:
            fresh = False
    else:
        fresh = False
    for row in [] if fresh else annotations:
        try:
            new_conflicts += _apply_annotation(project, row[:-1])
        except sqlite3.IntegrityError:
            # A row this file's checks refuse (a span that does not fit its text, sent by a
            # client other than ours): left out, the rest of the pull goes on.
            log.warning("sync: annotation %s from the server left out", row[0])
    _apply_statuses(project, [r for r in pulled.statuses if r[0] not in differ])
    for document_id, annotator, assigned_at, active, _seq in pulled.assignments:
        if document_id in differ:
            continue
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


def _apply_documents(project: Project, rows: Sequence[Sequence]) -> None:
    """Store the server's new documents. One whose id names a different text here, or whose
    text is here under another id, is not stored but noted (`link.mark_differing`): none of
    its annotations are then pulled or pushed, so no span lands on a text it was not made on."""
    for row in rows:
        document_id, sha = row[0], row[3]
        here = project.conn.execute(
            "SELECT sha256 FROM documents WHERE id = ?", (document_id,)
        ).fetchone()
        if here is not None:
            if here[0] == sha:  # ours, now shared by a coordinator: no longer waiting
                project.conn.execute(
                    "DELETE FROM sync_pending WHERE kind = 'document' AND id = ?", (document_id,)
                )
            else:
                link.mark_differing(
                    project,
                    document_id,
                    f"document {document_id} here is not the team server's document "
                    f"{document_id} (the texts differ): its annotations are kept here and not "
                    "exchanged",
                )
            continue
        other = project.conn.execute("SELECT id FROM documents WHERE sha256 = ?", (sha,)).fetchone()
        if other is not None:
            link.mark_differing(
                project,
                document_id,
                f"the team server's document {document_id} is document {other[0]} here "
                "(the same text under another id): its annotations are not pulled",
            )
            continue
        project.conn.execute(
            "INSERT INTO documents (id, title, text, sha256, source, imported_at, metadata) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            row[:7],
        )


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
            return record_conflict(project, row)
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


def record_conflict(project: Project, row: Sequence) -> int:
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
