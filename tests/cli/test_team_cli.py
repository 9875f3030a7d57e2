"""The team commands as a lab runs them: the owner makes the team project and its members,
shares the sample, the coordinator assigns it, annotators join, tag, sync and see progress."""

from __future__ import annotations

import shutil

import psycopg
import pytest

from annotator.core.paths import seeds_dir
from annotator.core.store.project import Project
from annotator.core.sync import link, server
from annotator.core.sync.progress import assigned as assigned_to
from tests.core.team import make_team, member_with_password, require_passwords, share_sample

SEED = "000_41ac67127a0642cf"


@pytest.fixture(scope="module")
def lab(pg_cluster, tmp_path_factory):
    """A database with the sample shared and members sami (coordinator) and amal, bilal
    (annotators) joined, made through the core (each command is tested on its own below):
    returns (owner URL, member URL maker, folder of the members' projects)."""
    folder = tmp_path_factory.mktemp("lab")
    owner = pg_cluster.new_database()
    server.init(owner)
    dbname = psycopg.conninfo.conninfo_to_dict(owner)["dbname"]
    as_member = lambda name: pg_cluster.url(dbname, name)
    members = {"sami": "coordinator", "amal": "annotator", "bilal": "annotator"}
    projects = make_team(pg_cluster, owner, folder, members)
    for project in projects.values():
        project.close()
    return owner, as_member, folder


def test_the_owner_shares_and_a_member_joins(pg_cluster, run, tmp_path):
    owner = pg_cluster.new_database()
    dbname = psycopg.conninfo.conninfo_to_dict(owner)["dbname"]
    assert run("server", "init", owner).returncode == 0
    added = run("server", "add-member", owner, "amal", "--role", "annotator")
    assert added.returncode == 0 and "as annotator" in added.stdout, added.stderr
    assert run("init", "start.annotator").returncode == 0
    assert run("import", "-p", "start.annotator", seeds_dir() / f"{SEED}.txt").returncode == 0
    shared = run("share", "-p", "start.annotator", owner)
    assert shared.returncode == 0 and "members join with" in shared.stdout, shared.stderr
    joined = run("join", pg_cluster.url(dbname, "amal"), "--as", "amal", "-p", "amal.annotator")
    assert joined.returncode == 0, joined.stderr
    assert "joined as amal" in joined.stdout and "rows pulled" in joined.stdout
    synced = run("sync", "-p", "amal.annotator")
    assert synced.returncode == 0 and synced.stdout.startswith("synced: pushed 0"), synced.stderr


def test_server_init_reports_the_format_and_is_safe_to_repeat(pg_cluster, run):
    url = pg_cluster.new_database()
    first = run("server", "init", url)
    assert first.returncode == 0 and f"format 0 -> {server.SERVER_VERSION}" in first.stdout
    again = run("server", "init", url)
    assert again.returncode == 0 and "up to date" in again.stdout


def test_a_new_member_gets_a_password_printed_once(pg_cluster, run):
    url = pg_cluster.new_database()
    run("server", "init", url)
    name = "m" + url.rsplit("_", 1)[-1][:8]  # roles are the server's: a name not used before
    added = run("server", "add-member", url, name, "--role", "annotator")
    assert added.returncode == 0, added.stderr
    assert f"password of database role {name}: " in added.stdout
    again = run("server", "add-member", url, name, "--role", "curator")
    assert "password" not in again.stdout and "as curator" in again.stdout


def test_coordinator_assigns_and_progress_shows_each_annotator(lab, run):
    folder = lab[2]
    assigned = run("assign", "-p", folder / "sami.annotator", "amal", SEED)
    assert assigned.returncode == 0, assigned.stderr
    assert "1 document(s) assigned to amal" in assigned.stdout
    tagged = run("sync", "-p", folder / "amal.annotator")
    assert tagged.returncode == 0, tagged.stderr
    with Project.open(folder / "amal.annotator") as amal:
        assert assigned_to(amal, "amal") == [SEED]
        amal.add_annotation(SEED, "amal", "speaker", 0, 5)
        amal.set_status(SEED, "amal", "done")
    assert run("sync", "-p", folder / "amal.annotator").returncode == 0
    shown = run("progress", "-p", folder / "bilal.annotator", "--documents")
    assert shown.returncode == 0, shown.stderr
    rows = {line.split()[0]: line.split() for line in shown.stdout.splitlines()[1:4]}
    assert rows["amal"][2:7] == ["1", "0", "0", "1", "1"]
    assert rows["bilal"][-1] == "never" or rows["bilal"][-1].endswith("Z")
    assert f"amal\t{SEED}\tdone\t1\tassigned" in shown.stdout


def test_an_annotator_cannot_assign(lab, run):
    refused = run("assign", "-p", lab[2] / "amal.annotator", "bilal", SEED)
    assert refused.returncode == 1
    assert "only a coordinator assigns documents" in refused.stderr


def test_sync_of_an_unlinked_project_names_the_way_to_link_it(run):
    assert run("init", "alone.annotator").returncode == 0
    result = run("sync", "-p", "alone.annotator")
    assert result.returncode == 1
    assert "not linked to a team project" in result.stderr and "annotator join" in result.stderr


def test_join_as_someone_else_is_refused(lab, run):
    as_member = lab[1]
    result = run("join", as_member("amal"), "--as", "bilal", "--project", "x.annotator")
    assert result.returncode == 1
    assert "is the member 'amal', not 'bilal'" in result.stderr


def test_an_unreachable_server_is_one_line_and_loses_nothing(lab, run, tmp_path):
    shutil.copy(lab[2] / "bilal.annotator", tmp_path / "bilal.annotator")
    with Project.open(tmp_path / "bilal.annotator") as bilal_copy:
        bilal_copy.add_annotation(SEED, "bilal", "speaker", 0, 5)
        with bilal_copy.atomic():
            link.set_state(bilal_copy, url=f"host={tmp_path}/gone dbname=x user=bilal")
    result = run("sync", "-p", "bilal.annotator")
    assert result.returncode == 1
    assert result.stderr.startswith("annotator: error: cannot reach the team server")
    assert len(result.stderr.strip().splitlines()) == 1
    with Project.open(tmp_path / "bilal.annotator") as bilal_copy:
        assert link.pending_count(bilal_copy) == 2


@pytest.fixture
def wrong_password(monkeypatch, tmp_path):
    """PGPASSWORD set to a wrong one and no ~/.pgpass (asked for before `run`, which copies
    the environment)."""
    monkeypatch.setenv("PGPASSWORD", "wrong")
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no.pgpass"))


def test_join_with_the_password_in_the_url_and_a_refused_login_named_as_such(
    pg_cluster, team_db, tmp_path, wrong_password, run
):
    # The tester's case: the password only in the URL (PGPASSWORD here is a wrong one).
    require_passwords(pg_cluster)
    share_sample(team_db, tmp_path)
    name, _plain, url = member_with_password(pg_cluster, team_db)
    joined = run("join", url, "--as", name, "--project", "m.annotator")
    assert joined.returncode == 0, joined.stderr
    assert "rows pulled" in joined.stdout
    synced = run("sync", "-p", "m.annotator")  # the stored link has no password: PGPASSWORD
    assert synced.returncode == 1
    assert synced.stderr.startswith("annotator: error: the team server refused the login: ")
    assert "password authentication failed" in synced.stderr
    assert len(synced.stderr.strip().splitlines()) == 1
    again = run("join", url, "--as", name, "--project", "m.annotator")
    assert again.returncode == 1 and "already exists" in again.stderr
