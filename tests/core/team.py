"""A team for the sync tests: a shared sample project on a real PostgreSQL server and local
projects of its members, each joined under its own database role."""

from __future__ import annotations

import uuid
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


PASSWORD = "kalima sirr/1"


def require_passwords(cluster):
    """Make members of the database group `pwlogin` give their password (scram) on the test
    cluster, as on a lab's server; everyone else logs in as before. Skips the test on a
    server the tests did not start (its pg_hba.conf is not theirs to change)."""
    import pytest

    if cluster.folder is None:
        pytest.skip("needs the tests' own cluster (its pg_hba.conf is changed)")
    with psycopg.connect(cluster.url(), autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_roles WHERE rolname = 'pwlogin'").fetchone():
            conn.execute("CREATE ROLE pwlogin NOLOGIN")
    hba = cluster.folder / "data" / "pg_hba.conf"
    before = hba.read_text()
    if "+pwlogin" not in before:
        hba.write_text("local all +pwlogin scram-sha-256\n" + before)
        cluster._ctl("reload")
    return cluster


def member_with_password(cluster, owner: str, role: str = "annotator") -> tuple[str, str, str]:
    """A new member of the (shared) team project at `owner` who must log in with PASSWORD:
    (name, URL without the password, URL with it)."""
    from urllib.parse import quote

    name = "pw_" + uuid.uuid4().hex[:8]
    server.add_member(owner, name, role, PASSWORD)
    with psycopg.connect(owner, autocommit=True) as conn:
        conn.execute(f'GRANT pwlogin TO "{name}"')
    plain = member_url(cluster, owner, name)
    params = psycopg.conninfo.conninfo_to_dict(plain)
    with_password = (
        f"postgresql://{name}:{quote(PASSWORD, safe='')}@/{params['dbname']}"
        f"?host={quote(params['host'], safe='')}&port={params['port']}"
    )
    return name, plain, with_password
