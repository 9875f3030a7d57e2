"""What a member can do with plain SQL on the team server (psycopg as their own database role)
neither stops the others' syncs nor changes rows in a way sync would not carry."""

from __future__ import annotations

import psycopg
import pytest

from annotator.core.sync import exchange, link, server
from annotator.core.sync.server import ServerBusyError
from tests.core.team import SEED, make_team, member_url


@pytest.fixture
def team(pg_cluster, team_db, tmp_path):
    projects = make_team(
        pg_cluster,
        team_db,
        tmp_path,
        {"amal": "annotator", "bilal": "annotator", "huda": "curator", "sami": "coordinator"},
    )
    yield projects
    for project in projects.values():
        project.close()


@pytest.fixture
def sql_as(pg_cluster, team_db):
    """A psycopg connection (autocommit) as the member's own database role."""
    opened = []

    def connect(member: str) -> psycopg.Connection:
        conn = psycopg.connect(member_url(pg_cluster, team_db, member), autocommit=True)
        opened.append(conn)
        return conn

    yield connect
    for conn in opened:
        conn.close()


def test_the_lock_sync_writes_under_cannot_be_taken_by_a_member(team, sql_as):
    amal = sql_as("amal")
    # The tester's case: the lock number of version 1, held by a member, stops no one now.
    amal.execute("SELECT pg_advisory_lock(4242424242)")
    bilal = team["bilal"]
    made = bilal.add_annotation(SEED, "bilal", "speaker", 0, 4)
    assert exchange.sync(bilal).pending == 0
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        amal.execute("SELECT 1 FROM seq_lock FOR UPDATE")
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        amal.execute("BEGIN; LOCK TABLE seq_lock")
    amal.execute("ROLLBACK")
    assert amal.execute("SELECT 1 FROM annotations WHERE id = %s", (made.id,)).fetchone()


def test_a_stalled_writer_makes_sync_say_busy_and_lose_nothing(team, sql_as, monkeypatch):
    monkeypatch.setattr(server, "LOCK_TIMEOUT", "300ms")
    amal = sql_as("amal")
    amal.execute("BEGIN")
    # A member's write left uncommitted (a client stalled mid-sync) holds the lock every
    # writer takes for its change numbers: here a number taken as any write of hers would.
    amal.execute("SELECT take_seq()")
    bilal = team["bilal"]
    bilal.add_annotation(SEED, "bilal", "speaker", 0, 4)
    waiting = link.pending_count(bilal)
    with pytest.raises(ServerBusyError, match="busy.*try again"):
        exchange.sync(bilal)
    assert link.pending_count(bilal) == waiting
    amal.execute("ROLLBACK")
    assert exchange.sync(bilal).pending == 0


def test_a_shared_documents_text_cannot_change(team, sql_as):
    sami = sql_as("sami")
    with pytest.raises(psycopg.errors.CheckViolation, match="cannot change"):
        sami.execute("UPDATE documents SET text = 'نص آخر' WHERE id = %s", (SEED,))
    with pytest.raises(psycopg.errors.CheckViolation, match="SHA-256"):
        sami.execute(
            "INSERT INTO documents (id, title, text, sha256, imported_at) "
            "VALUES ('d9', 't', 'نص', 'not-its-hash', 'now')"
        )
    assert sami.execute("SELECT text FROM documents WHERE id = %s", (SEED,)).fetchone()[0] == (
        team["amal"].text(SEED)
    )


def test_a_curators_direct_update_of_gold_reaches_members_who_have_the_row(team, sql_as):
    amal = team["amal"]
    gold_id, rev = amal.conn.execute(
        "SELECT a.id, a.rev FROM annotations a JOIN annotators p ON p.id = a.annotator_id "
        "WHERE p.name = 'gold' LIMIT 1"
    ).fetchone()
    huda = sql_as("huda")
    # The tester's case: a tombstone made by hand, the revision left as it was.
    huda.execute("UPDATE annotations SET deleted = true WHERE id = %s", (gold_id,))
    new_rev, history = huda.execute(
        "SELECT rev, history FROM annotations WHERE id = %s", (gold_id,)
    ).fetchone()
    assert new_rev != rev and rev in history
    exchange.sync(amal)
    assert amal.revision(gold_id) is None
    assert amal.deletion(gold_id)["rev"] == new_rev


def test_a_members_direct_edit_of_their_own_annotation_travels(team, sql_as):
    bilal, amal = team["bilal"], team["amal"]
    made = amal.add_annotation(SEED, "amal", "speaker", 0, 4)
    exchange.sync(amal)
    exchange.sync(bilal)
    conn = sql_as("amal")
    with pytest.raises(psycopg.errors.CheckViolation, match="not the document's text"):
        conn.execute('UPDATE annotations SET "end" = 6 WHERE id = %s', (made.id,))
    conn.execute(
        'UPDATE annotations SET "end" = 6, text = %s WHERE id = %s', (amal.text(SEED)[:6], made.id)
    )
    exchange.sync(bilal)
    exchange.sync(amal)
    assert bilal.annotation(made.id).end == 6 == amal.annotation(made.id).end
    assert bilal.verify() == [] and amal.verify() == []


def test_the_last_sync_time_is_the_servers_not_the_members(team, sql_as):
    amal = sql_as("amal")
    amal.execute("UPDATE member_syncs SET synced_at = '2001-01-01' WHERE db_role = 'amal'")
    amal.execute(
        "INSERT INTO member_syncs (db_role, synced_at) VALUES ('amal', '2001-01-01') "
        "ON CONFLICT (db_role) DO UPDATE SET synced_at = '2001-01-01'"
    )
    year = amal.execute(
        "SELECT extract(year FROM synced_at) FROM member_syncs WHERE db_role = 'amal'"
    ).fetchone()[0]
    assert year > 2001


def test_a_format_1_team_project_is_brought_up_to_date_by_server_init(pg_cluster):
    url = pg_cluster.new_database()
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(server.SERVER_MIGRATIONS[0])
        conn.execute("INSERT INTO team_meta (key, value) VALUES ('version', '1')")
    assert server.init(url) == (1, server.SERVER_VERSION)
    with psycopg.connect(url, autocommit=True) as conn:
        body = conn.execute("SELECT prosrc FROM pg_proc WHERE proname = 'next_seq'").fetchone()[0]
        assert "advisory" not in body and "take_seq" in body
