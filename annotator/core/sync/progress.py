"""Assignments and progress of a team project: the coordinator gives documents to annotators;
everyone sees, per annotator and document, todo / in progress / done, annotation counts and
when each member last synced."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from annotator.core.errors import Message
from annotator.core.store.project import Project
from annotator.core.sync import exchange, link
from annotator.core.sync.server import (
    ServerError,
    check_version,
    connect,
    limit_waits,
    refused,
    whoami,
)


def assign(
    project: Project, annotator: str, document_ids: Iterable[str], *, remove: bool = False
) -> int:
    """Assign documents to an annotator (or take them back, `remove`) on the project's team
    server, then sync. Returns how many assignments changed; see `assign_at`."""
    changed = assign_at(link.require(project).url, annotator, document_ids, remove=remove)
    exchange.sync(project)
    return changed


def assign_at(
    url: str, annotator: str, document_ids: Iterable[str], *, remove: bool = False
) -> int:
    """Assign documents to an annotator (or take them back) on the team server at `url`, in
    one transaction. Only a coordinator may (ServerError; the server refuses others too).
    Returns how many assignments changed."""
    ids = list(dict.fromkeys(document_ids))
    with connect(url) as conn, refused():
        check_version(conn)
        _name, role = whoami(conn)
        if role != "coordinator":
            raise ServerError("only a coordinator assigns documents")
        if annotator not in {r[0] for r in conn.execute("SELECT annotator FROM members")}:
            raise ServerError(Message("%1 is not a member of the team project", repr(annotator)))
        found = {r[0] for r in conn.execute("SELECT id FROM documents WHERE id = ANY(%s)", (ids,))}
        missing = [d for d in ids if d not in found]
        if missing:
            raise ServerError(Message("no document %1 in the team project", repr(missing[0])))
        with conn.transaction():
            limit_waits(conn)
            cursor = conn.cursor()
            cursor.executemany(
                "INSERT INTO assignments (document_id, annotator, assigned_at, active) "
                "VALUES (%s, %s, now()::text, %s) ON CONFLICT (document_id, annotator) "
                "DO UPDATE SET active = excluded.active, assigned_at = excluded.assigned_at "
                "WHERE assignments.active IS DISTINCT FROM excluded.active",
                [(d, annotator, not remove) for d in ids],
            )
            return max(cursor.rowcount, 0)


def members_at(url: str) -> list[tuple[str, str]]:
    """(annotator name, role) of the team project's members, by name."""
    with connect(url) as conn, refused():
        check_version(conn)
        rows = conn.execute("SELECT annotator, role FROM members ORDER BY annotator")
        return [(r[0], r[1]) for r in rows]


def assignments_at(url: str) -> dict[str, set[str]]:
    """The documents currently assigned to each member on the team server: name -> ids."""
    with connect(url) as conn, refused():
        check_version(conn)
        found: dict[str, set[str]] = {}
        for annotator, document_id in conn.execute(
            "SELECT annotator, document_id FROM assignments WHERE active"
        ):
            found.setdefault(annotator, set()).add(document_id)
        return found


def assigned(project: Project, annotator: str) -> list[str]:
    """The documents assigned to an annotator, as last pulled, by id."""
    rows = project.conn.execute(
        "SELECT document_id FROM assignments WHERE annotator = ? ORDER BY document_id",
        (annotator,),
    )
    return [r[0] for r in rows]


@dataclass(frozen=True)
class DocumentProgress:
    """One annotator's work on one document: `status` todo / in_progress / done,
    `annotations` how many they hold (not deleted), `assigned` whether it was given them."""

    annotator: str
    document_id: str
    status: str
    annotations: int
    assigned: bool


@dataclass(frozen=True)
class AnnotatorProgress:
    """One member's totals over their assigned documents and any others they worked on;
    `last_sync` the server time of their last sync (None: never)."""

    annotator: str
    role: str
    assigned: int
    todo: int
    in_progress: int
    done: int
    annotations: int
    last_sync: str | None


_DOCUMENTS = """
    WITH work AS (
        SELECT document_id, annotator FROM assignments WHERE active
        UNION SELECT document_id, annotator FROM document_status
        UNION SELECT document_id, annotator FROM annotations WHERE NOT deleted
    )
    SELECT w.annotator, w.document_id, coalesce(s.status, 'todo'),
           (SELECT count(*) FROM annotations a WHERE a.document_id = w.document_id
              AND a.annotator = w.annotator AND NOT a.deleted),
           EXISTS (SELECT 1 FROM assignments g WHERE g.document_id = w.document_id
              AND g.annotator = w.annotator AND g.active)
    FROM work w
    LEFT JOIN document_status s ON s.document_id = w.document_id
        AND s.annotator = w.annotator
    ORDER BY w.annotator, w.document_id
"""


def progress(project: Project) -> tuple[list[AnnotatorProgress], list[DocumentProgress]]:
    """Per member and per (annotator, document), read from the project's team server."""
    return progress_at(link.require(project).url)


def progress_at(url: str) -> tuple[list[AnnotatorProgress], list[DocumentProgress]]:
    """Per member and per (annotator, document), read from the team server at `url`."""
    with connect(url) as conn, refused():
        check_version(conn)
        documents = [DocumentProgress(*r) for r in conn.execute(_DOCUMENTS)]
        members = conn.execute(
            "SELECT m.annotator, m.role, "
            "to_char(y.synced_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') "
            "FROM members m LEFT JOIN member_syncs y ON y.db_role = m.db_role "
            "ORDER BY m.annotator"
        ).fetchall()
    totals = []
    for name, role, last_sync in members:
        mine = [d for d in documents if d.annotator == name]
        totals.append(
            AnnotatorProgress(
                annotator=name,
                role=role,
                assigned=sum(d.assigned for d in mine),
                todo=sum(d.status == "todo" for d in mine),
                in_progress=sum(d.status == "in_progress" for d in mine),
                done=sum(d.status == "done" for d in mine),
                annotations=sum(d.annotations for d in mine),
                last_sync=last_sync,
            )
        )
    return totals, documents
