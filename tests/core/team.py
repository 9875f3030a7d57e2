"""A team for the sync tests: a shared sample project on a real PostgreSQL server and local
projects of its members, each joined under its own database role."""

from __future__ import annotations

from pathlib import Path

import psycopg

from annotator.core.formats import jsonl, txt
from annotator.core.paths import seeds_dir
from annotator.core.store.project import Project
from annotator.core.sync import exchange, server

SEED = "000_41ac67127a0642cf"


def member_url(pg_cluster, owner_url: str, member: str) -> str:
    dbname = psycopg.conninfo.conninfo_to_dict(owner_url)["dbname"]
    return pg_cluster.url(dbname, member)


def share_sample(owner_url: str, folder: Path) -> None:
    """The coordinator's starting project (the sample article, its reference annotation as
    gold), uploaded to the team database."""
    with Project.create(folder / "start.annotator") as start:
        start.import_texts(txt.read_articles([seeds_dir() / f"{SEED}.txt"]))
        jsonl.import_annotations(start, seeds_dir() / f"{SEED}.gold.jsonl", "gold")
        exchange.share(start, owner_url)


def make_team(pg_cluster, owner_url: str, folder: Path, members: dict[str, str]) -> dict:
    """Share the sample, add `members` (name -> role) and join each: name -> Project."""
    share_sample(owner_url, folder)
    joined = {}
    for name, role in members.items():
        server.add_member(owner_url, name, role)
        project, _ = exchange.join(
            member_url(pg_cluster, owner_url, name), name, folder / f"{name}.annotator"
        )
        joined[name] = project
    return joined


def state(project: Project) -> dict:
    """What must be equal on every synced copy: annotations with their revisions, deletions,
    statuses and entities."""
    conn = project.conn
    return {
        "annotations": set(
            conn.execute(
                'SELECT a.id, a.rev, p.name, a.layer, a.start, a."end", a.attributes, '
                "a.entity_id, a.link_id, (SELECT group_concat(target || '=' || value) "
                "FROM stances s WHERE s.annotation_id = a.id) "
                "FROM annotations a JOIN annotators p ON p.id = a.annotator_id"
            ).fetchall()
        ),
        "deletions": set(conn.execute("SELECT annotation_id, rev FROM deletions").fetchall()),
        "statuses": set(
            conn.execute(
                "SELECT s.document_id, p.name, s.status FROM document_status s "
                "JOIN annotators p ON p.id = s.annotator_id"
            ).fetchall()
        ),
        "entities": set(conn.execute("SELECT id, name FROM entities").fetchall()),
        "documents": {r[0] for r in conn.execute("SELECT id FROM documents")},
    }
