"""The link from a local project file to its team project: where the server is (a libpq URL
kept without its password), who this project's researcher is there, and how far it has
synchronised. Kept in the project's `sync_state` table."""

from __future__ import annotations

from dataclasses import dataclass

from annotator.core.clock import now
from annotator.core.errors import AnnotatorError, Message
from annotator.core.store.project import Project

try:
    from psycopg.conninfo import conninfo_to_dict, make_conninfo
except ImportError:  # the `team` extra is not installed
    conninfo_to_dict = make_conninfo = None  # type: ignore[assignment]


class NotLinkedError(AnnotatorError):
    """The project is not linked to a team project."""


@dataclass(frozen=True)
class Link:
    """`url`: libpq URL without password; `annotator`: the name this project's researcher
    works under (their database role's member name); `role`: annotator, curator or
    coordinator; `last_seq`: the highest server number pulled; `last_sync`: when (UTC ISO
    time) the last sync finished, or None."""

    url: str
    annotator: str
    role: str
    last_seq: int
    last_sync: str | None


def without_password(url: str) -> str:
    """The connection string with any password taken out (libpq then finds it in
    PGPASSWORD or ~/.pgpass). Keeps the URL form when given one."""
    if conninfo_to_dict is None:
        return url
    params = conninfo_to_dict(url)
    if "password" not in params:
        return url
    params.pop("password")
    return make_conninfo(**params)


def read(project: Project) -> Link | None:
    """The project's link, or None when it is not linked."""
    state = dict(project.conn.execute("SELECT key, value FROM sync_state").fetchall())
    if "url" not in state:
        return None
    return Link(
        url=state["url"],
        annotator=state["annotator"],
        role=state["role"],
        last_seq=int(state.get("last_seq", "0")),
        last_sync=state.get("last_sync"),
    )


def require(project: Project) -> Link:
    found = read(project)
    if found is None:
        raise NotLinkedError(
            Message(
                "%1 is not linked to a team project (link one with: annotator join URL "
                "--as NAME --project FILE)",
                project.path,
            )
        )
    return found


def write(project: Project, url: str, annotator: str, role: str) -> None:
    """Link the project (in the caller's transaction): changes from now on are recorded."""
    rows = {
        "url": without_password(url),
        "annotator": annotator,
        "role": role,
        "last_seq": "0",
        "recording": "1",
        "linked_at": now(),
    }
    project.conn.executemany(
        "INSERT OR REPLACE INTO sync_state (key, value) VALUES (?, ?)", rows.items()
    )


def set_state(project: Project, **values: str) -> None:
    project.conn.executemany(
        "INSERT OR REPLACE INTO sync_state (key, value) VALUES (?, ?)", values.items()
    )


def pending_count(project: Project) -> int:
    """How many local changes (annotations, entities, statuses, documents) wait to be
    pushed."""
    return project.conn.execute("SELECT count(*) FROM sync_pending").fetchone()[0]


def open_conflict_count(project: Project) -> int:
    """Unresolved conflicts from sync: annotations, speaker entities and documents whose text
    differs from the team server's."""
    row = project.conn.execute(
        "SELECT (SELECT count(*) FROM conflicts WHERE resolved IS NULL) + "
        "(SELECT count(*) FROM entity_conflicts WHERE resolved IS NULL) + "
        "(SELECT count(*) FROM sync_state WHERE key LIKE ? || '%')",
        (DIFFERS,),
    ).fetchone()
    return row[0]


DIFFERS = "differs:"  # sync_state key prefix of a document that differs from the team's


def mark_differing(project: Project, document_id: str, reason: str) -> None:
    """Note (in the caller's transaction) that the local document `document_id` and the
    team server's are not the same text: its annotations are then neither pulled nor pushed."""
    set_state(project, **{DIFFERS + document_id: reason})


def differing_documents(project: Project) -> dict[str, str]:
    """Documents whose text here is not the team server's under the same id (or whose text the
    server holds under another id): document id -> the one-line reason."""
    rows = project.conn.execute(
        "SELECT key, value FROM sync_state WHERE key LIKE ? || '%'", (DIFFERS,)
    )
    return {key[len(DIFFERS) :]: value for key, value in rows}


def kept_locally(project: Project) -> int:
    """How many local changes to rows this member does not own (another annotator's name,
    gold for a non-curator, a document for a non-coordinator) sync has kept here unsent."""
    row = project.conn.execute("SELECT value FROM sync_state WHERE key = 'kept_locally'").fetchone()
    return int(row[0]) if row else 0
