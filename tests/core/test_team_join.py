"""Joining a team project with the password in the connection string, on a server that asks
for one: the whole join uses it, never stores it, and a join that fails leaves no file."""

from __future__ import annotations

import uuid
from urllib.parse import quote

import psycopg
import pytest

from annotator.core.sync import exchange, link, server
from annotator.core.sync.server import ServerError
from tests.core.team import SEED, member_url, share_sample

PASSWORD = "kalima sirr/1"


@pytest.fixture(scope="module")
def password_logins(pg_cluster):
    """Members of the database group `pwlogin` must give their password (scram) on the test
    cluster, as on a lab's server; everyone else keeps logging in as before."""
    if pg_cluster.folder is None:
        pytest.skip("needs the tests' own cluster (its pg_hba.conf is changed)")
    with psycopg.connect(pg_cluster.url(), autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_roles WHERE rolname = 'pwlogin'").fetchone():
            conn.execute("CREATE ROLE pwlogin NOLOGIN")
    hba = pg_cluster.folder / "data" / "pg_hba.conf"
    before = hba.read_text()
    if "+pwlogin" not in before:
        hba.write_text("local all +pwlogin scram-sha-256\n" + before)
        pg_cluster._ctl("reload")
    return pg_cluster


@pytest.fixture
def no_saved_password(monkeypatch, tmp_path):
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no.pgpass"))


def _member_with_password(cluster, owner: str, folder) -> tuple[str, str, str]:
    """A new annotator who must log in with PASSWORD: (name, URL without, URL with it)."""
    share_sample(owner, folder)
    name = "pw_" + uuid.uuid4().hex[:8]
    server.add_member(owner, name, "annotator", PASSWORD)
    with psycopg.connect(owner, autocommit=True) as conn:
        conn.execute(f'GRANT pwlogin TO "{name}"')
    plain = member_url(cluster, owner, name)
    params = psycopg.conninfo.conninfo_to_dict(plain)
    with_password = (
        f"postgresql://{name}:{quote(PASSWORD, safe='')}@/{params['dbname']}"
        f"?host={quote(params['host'], safe='')}&port={params['port']}"
    )
    return name, plain, with_password


def test_a_join_with_the_password_in_the_url_uses_it_throughout_and_stores_none(
    password_logins, team_db, tmp_path, no_saved_password
):
    name, plain, url = _member_with_password(password_logins, team_db, tmp_path)
    with pytest.raises(ServerError, match="password"):
        server.connect(plain).close()  # the server does ask for it
    path = tmp_path / "mine.annotator"
    project, report = exchange.join(url, name, path)
    with project:
        assert report.pulled > 0 and project.annotation_count(SEED, "gold") > 0
        stored = link.read(project).url
        assert PASSWORD not in stored and quote(PASSWORD, safe="") not in stored
        assert "password" not in psycopg.conninfo.conninfo_to_dict(stored)
    assert sorted(p.name for p in tmp_path.iterdir() if "mine" in p.name) == ["mine.annotator"]


def test_a_join_that_fails_leaves_nothing_and_can_be_run_again(
    password_logins, team_db, tmp_path, no_saved_password
):
    name, _plain, url = _member_with_password(password_logins, team_db, tmp_path)
    wrong = url.replace(quote(PASSWORD, safe=""), "wrong")
    path = tmp_path / "mine.annotator"
    with pytest.raises(ServerError, match="password authentication failed"):
        exchange.join(wrong, name, path)
    assert not [p for p in tmp_path.iterdir() if "mine" in p.name]
    project, _report = exchange.join(url, name, path)
    project.close()
    assert path.exists()


def test_joining_onto_an_existing_file_is_refused_and_leaves_it(team_db, tmp_path):
    (tmp_path / "mine.annotator").write_bytes(b"mine")
    with pytest.raises(Exception, match="already exists"):
        exchange.join(team_db, "x", tmp_path / "mine.annotator")
    assert (tmp_path / "mine.annotator").read_bytes() == b"mine"
