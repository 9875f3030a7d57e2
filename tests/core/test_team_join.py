"""Joining a team project with the password in the connection string, on a server that asks
for one: the whole join uses it, never stores it, and a join that fails leaves no file."""

from __future__ import annotations

from urllib.parse import quote

import psycopg
import pytest

from annotator.core.sync import exchange, link, server
from annotator.core.sync.server import ServerError, ServerRefusedLoginError
from tests.core.team import (
    PASSWORD,
    SEED,
    member_with_password,
    require_passwords,
    share_sample,
)


@pytest.fixture
def password_logins(pg_cluster):
    return require_passwords(pg_cluster)


@pytest.fixture
def no_saved_password(monkeypatch, tmp_path):
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no.pgpass"))


def _member_with_password(cluster, owner: str, folder) -> tuple[str, str, str]:
    share_sample(owner, folder)
    return member_with_password(cluster, owner)


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
    # Told apart from an unreachable server: the server answered and said no.
    with pytest.raises(ServerRefusedLoginError, match="refused the login.*password auth"):
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
