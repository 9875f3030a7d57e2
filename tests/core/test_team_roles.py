"""Roles enforced by PostgreSQL itself: each member logs in as their own database role, and
row-level security refuses a change to a row that is not theirs, whatever client sends it."""

from __future__ import annotations

import psycopg
import pytest

from annotator.core.sync import server


def _as(pg_cluster, owner_url: str, member: str) -> str:
    dbname = psycopg.conninfo.conninfo_to_dict(owner_url)["dbname"]
    return pg_cluster.url(dbname, member)


def _annotation(id_: str, annotator: str) -> tuple:
    return (
        id_,
        "d1",
        annotator,
        "speaker",
        0,
        4,
        "أحمد",
        "{}",
        None,
        None,
        "manual",
        "2026-01-01T00:00:00Z",
        "2026-01-01T00:00:00Z",
        "[]",
        "[]",
        1,
        "1-abc",
        "[]",
        False,
    )


_INSERT = (
    'INSERT INTO annotations (id, document_id, annotator, layer, start, "end", text, attributes,'
    " entity_id, link_id, origin, created_at, modified_at, sources, stances, revision, rev,"
    " history, deleted) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s,"
    " %s, %s, %s, %s)"
)


@pytest.fixture
def team(pg_cluster, team_db):
    """A team project with one document, members amal and bilal (annotators), huda (curator)
    and sami (coordinator); returns a function giving each member's URL."""
    for name, role in [
        ("amal", "annotator"),
        ("bilal", "annotator"),
        ("huda", "curator"),
        ("sami", "coordinator"),
    ]:
        server.add_member(team_db, name, role)
    with psycopg.connect(team_db) as conn:
        conn.execute(
            "INSERT INTO documents (id, title, text, sha256, imported_at) VALUES "
            "('d1', 'خبر', 'أحمد قال', encode(sha256(convert_to('أحمد قال', 'UTF8')), 'hex'), "
            "'now')"
        )
    return lambda member: _as(pg_cluster, team_db, member)


def test_an_annotator_cannot_insert_an_annotation_in_another_name(team):
    with psycopg.connect(team("amal")) as conn:
        conn.execute(_INSERT, _annotation("a1", "amal"))
        conn.commit()
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            conn.execute(_INSERT, _annotation("b1", "bilal"))


def test_an_annotator_cannot_change_or_delete_anothers_annotation(team):
    with psycopg.connect(team("bilal")) as conn:
        conn.execute(_INSERT, _annotation("b1", "bilal"))
    with psycopg.connect(team("amal"), autocommit=True) as conn:
        # Their row is visible, yet untouchable: the update matches no row it may change...
        assert conn.execute("SELECT annotator FROM annotations WHERE id = 'b1'").fetchone()
        changed = conn.execute("UPDATE annotations SET layer = 'claim' WHERE id = 'b1'")
        assert changed.rowcount == 0
        # ... writing one's own row in another's name is refused, and no one deletes rows.
        conn.execute(_INSERT, _annotation("a1", "amal"))
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            conn.execute("UPDATE annotations SET annotator = 'bilal' WHERE id = 'a1'")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("DELETE FROM annotations WHERE id = 'b1'")
    with psycopg.connect(team("bilal")) as conn:
        assert conn.execute("SELECT layer FROM annotations WHERE id = 'b1'").fetchone() == (
            "speaker",
        )


def test_only_curators_write_gold(team):
    with psycopg.connect(team("amal")) as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(_INSERT, _annotation("g1", "gold"))
    with psycopg.connect(team("huda")) as conn:
        conn.execute(_INSERT, _annotation("g1", "gold"))
    with psycopg.connect(team("sami")) as conn:
        assert conn.execute("UPDATE annotations SET layer = 'claim'").rowcount == 0


def test_only_coordinators_add_documents_and_assignments(team):
    document = (
        "INSERT INTO documents (id, title, text, sha256, imported_at) "
        "VALUES ('d2', 't', 'نص', encode(sha256(convert_to('نص', 'UTF8')), 'hex'), 'now')"
    )
    assignment = (
        "INSERT INTO assignments (document_id, annotator, assigned_at) VALUES ('d1', 'amal', 'now')"
    )
    for member in ("amal", "huda"):
        with psycopg.connect(team(member)) as conn:
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(document)
        with psycopg.connect(team(member)) as conn:
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(assignment)
    with psycopg.connect(team("sami")) as conn:
        conn.execute(document)
        conn.execute(assignment)


def test_statuses_are_their_annotators(team):
    status = (
        "INSERT INTO document_status (document_id, annotator, status, modified_at) "
        "VALUES ('d1', %s, 'done', 'now')"
    )
    with psycopg.connect(team("amal")) as conn:
        conn.execute(status, ("amal",))
        conn.commit()
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(status, ("bilal",))


def test_members_cannot_change_who_is_a_member(team):
    with psycopg.connect(team("sami")) as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE members SET role = 'curator' WHERE db_role = 'sami'")


def test_every_change_gets_a_higher_server_number(team):
    with psycopg.connect(team("amal")) as conn:
        conn.execute(_INSERT, _annotation("a1", "amal"))
        conn.commit()
        first = conn.execute("SELECT seq FROM annotations WHERE id = 'a1'").fetchone()[0]
        conn.execute("UPDATE annotations SET layer = 'claim' WHERE id = 'a1'")
        conn.commit()
        assert conn.execute("SELECT seq FROM annotations WHERE id = 'a1'").fetchone()[0] > first


def test_init_twice_changes_nothing_and_refuses_a_newer_project(team_db):
    assert server.init(team_db) == (server.SERVER_VERSION, server.SERVER_VERSION)
    with psycopg.connect(team_db) as conn:
        conn.execute("UPDATE team_meta SET value = '99' WHERE key = 'version'")
    with pytest.raises(server.ServerError, match="newer"):
        server.init(team_db)
