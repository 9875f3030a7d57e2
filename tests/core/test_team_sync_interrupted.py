"""A sync cut short (the client killed with SIGKILL, the server stopped) and run again
converges: every annotation stored before is on the server and on the colleague's copy."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg
import pytest

from annotator.core.store.project import Project
from annotator.core.sync import exchange, link
from annotator.core.sync.server import ServerError
from tests.core.team import SEED, make_team, state

ROOT = Path(__file__).resolve().parents[2]


def _tag_many(project: Project, annotator: str, count: int) -> set[str]:
    """`count` one-letter speaker spans (one transaction): a push that takes a while."""
    text = project.text(SEED)
    spots = [i for i, c in enumerate(text) if not c.isspace()][:count]
    with project.atomic():
        return {project.add_annotation(SEED, annotator, "speaker", i, i + 1).id for i in spots}


def _sync_process(path: Path) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.Popen(
        [sys.executable, "-m", "annotator", "sync", "--project", str(path)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


@pytest.fixture
def team(pg_cluster, team_db, tmp_path):
    projects = make_team(pg_cluster, team_db, tmp_path, {"amal": "annotator", "bilal": "annotator"})
    yield projects
    for project in projects.values():
        project.close()


@contextmanager
def push_held(owner_url: str, member: str) -> Iterator[Callable[[], bool]]:
    """Hold the lock every server write takes for its change number, so a member's push
    stops inside its server transaction; yields a test of whether it is waiting there."""
    with psycopg.connect(owner_url) as holder, psycopg.connect(owner_url) as watcher:
        holder.execute("SELECT 1 FROM seq_lock FOR UPDATE")

        def waiting() -> bool:
            row = watcher.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE usename = %s "
                "AND wait_event_type = 'Lock'",
                (member,),
            ).fetchone()
            watcher.commit()
            return row[0] > 0

        yield waiting
        holder.rollback()


def _wait_for(condition: Callable[[], bool], process=None) -> None:
    deadline = time.monotonic() + 60
    while not condition():
        assert process is None or process.poll() is None, "the sync ended before its push"
        assert time.monotonic() < deadline, "the push never reached the server"
        time.sleep(0.05)


def test_sync_killed_at_any_moment_then_run_again_converges(team, team_db):
    amal, bilal = team["amal"], team["bilal"]
    made = _tag_many(amal, "amal", 1500)
    _tag_many(bilal, "bilal", 1500)
    exchange.sync(bilal)
    path = amal.path
    amal.close()
    rng = random.Random(18)
    for attempt in range(6):
        process = _sync_process(path)
        if attempt < 3:
            # Killed for certain inside the push's server transaction...
            with push_held(team_db, "amal") as waiting:
                _wait_for(waiting, process)
                process.send_signal(signal.SIGKILL)
                process.wait()
        else:
            # ... then at a random moment: starting, pushing, pulling, noting it locally (or
            # after it finished).
            time.sleep(rng.uniform(0.2, 1.5))
            process.send_signal(signal.SIGKILL)
        process.wait()
    finished = _sync_process(path)
    out, err = finished.communicate(timeout=120)
    assert finished.returncode == 0, err.decode()
    with Project.open(path) as again:
        exchange.sync(bilal)
        assert link.pending_count(again) == 0
        assert state(again) == state(bilal)
        assert made <= {a.id for a in bilal.annotations(SEED, "amal")}


def test_server_stopped_mid_sync_then_back_converges(pg_cluster, team, team_db):
    if pg_cluster.folder is None:
        pytest.skip("the server named by ANNOTATOR_TEST_PG cannot be stopped by the tests")
    amal, bilal = team["amal"], team["bilal"]
    made = _tag_many(amal, "amal", 200)
    process = _sync_process(amal.path)  # the command line, to see what it says as well
    try:
        with push_held(team_db, "amal") as waiting:
            _wait_for(waiting, process)
            pg_cluster.stop()  # inside the push's server transaction
    except psycopg.OperationalError:
        pass  # the lock's holder lost its server too
    finally:
        _out, err = process.communicate(timeout=60)
        pg_cluster.start()
    assert process.returncode == 1
    # One line, naming the team server (no second line from the driver's pipeline).
    lines = err.decode().strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("annotator: error: "), lines
    assert "team server" in lines[0]
    assert link.pending_count(amal) > 0  # still waiting to go: nothing was taken as sent
    for _ in range(20):
        try:
            exchange.sync(amal)
            break
        except ServerError:
            time.sleep(0.5)  # the server is recovering
    exchange.sync(bilal)
    assert link.pending_count(amal) == 0
    assert state(amal) == state(bilal)
    assert made <= {a.id for a in bilal.annotations(SEED, "amal")}
