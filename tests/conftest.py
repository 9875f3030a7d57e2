"""Fixtures shared by the core, CLI and GUI tests: the sample article and fresh project files.

Qt-free on purpose: the GUI tests add their own Qt fixtures in tests/gui/conftest.py.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# The GUI tests need no screen; another platform can still be chosen by setting the variable.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Every `python -m annotator` a test starts runs the checkout under test, not whichever one is
# installed in the environment (its own folder may be elsewhere on sys.path).
os.environ["PYTHONPATH"] = os.pathsep.join(
    filter(None, [str(Path(__file__).resolve().parents[1]), os.environ.get("PYTHONPATH")])
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
