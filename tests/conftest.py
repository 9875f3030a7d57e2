"""Fixtures shared by the core, CLI and GUI tests: the sample article and fresh project files.

Qt-free on purpose: the GUI tests add their own Qt fixtures in tests/gui/conftest.py.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# The GUI tests need no screen; another platform can still be chosen by setting the variable.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Every process a test starts imports the checkout under test, not whichever copy of the
# package is installed (a checkout whose project format is newer than the installed one's
# would otherwise be refused by its own subprocesses).
os.environ["PYTHONPATH"] = os.pathsep.join(
    [
        str(Path(__file__).resolve().parents[1]),
        *filter(None, os.environ.get("PYTHONPATH", "").split(os.pathsep)),
    ]
)

from annotator.core.formats import jsonl, txt
from annotator.core.paths import seeds_dir
from annotator.core.store.project import Project


@pytest.fixture
def seed_id():
    """The document id of the sample article: its file name without extension."""
    return "000_41ac67127a0642cf"


@pytest.fixture
def seed_article(seed_id):
    return seeds_dir() / f"{seed_id}.txt"


@pytest.fixture
def gold_file(seed_id):
    return seeds_dir() / f"{seed_id}.gold.jsonl"


@pytest.fixture
def seed_text(seed_article):
    return seed_article.read_text(encoding="utf-8")


@pytest.fixture
def project(tmp_path):
    """A new, empty project with the default schema."""
    with Project.create(tmp_path / "study.annotator") as project:
        yield project


@pytest.fixture
def seeded_project(project, seed_article):
    """The empty project with the sample article imported (document id `seed_id`)."""
    project.import_texts(txt.read_articles([seed_article]))
    return project


@pytest.fixture
def gold_project(seeded_project, gold_file):
    """The sample article with its reference annotation, stored as annotator "gold"."""
    jsonl.import_annotations(seeded_project, gold_file, "gold")
    return seeded_project


@pytest.fixture(scope="session")
def pg_cluster():
    """A running PostgreSQL server for the team tests (tests/pg_cluster.py). Without one the
    team tests are skipped with the reason, except under .ci/run (ANNOTATOR_REQUIRE_PG=1),
    which installs the server and where a missing one is a failure."""
    from pg_cluster import running_cluster

    try:
        with running_cluster() as cluster:
            yield cluster
    except RuntimeError as exc:
        if os.environ.get("ANNOTATOR_REQUIRE_PG") == "1":
            pytest.fail(f"no PostgreSQL server for the team tests: {exc}")
        pytest.skip(f"TEAM TESTS NOT RUN: {exc}")


@pytest.fixture
def team_db(pg_cluster):
    """A fresh database initialised as a team project: returns its owner's URL."""
    from annotator.core.sync import server

    url = pg_cluster.new_database()
    server.init(url)
    return url
