"""`annotator search` and `annotator suggest` as a researcher runs them."""

import json

import pytest

from annotator.core.arabic.suggest import SUGGESTIONS
from annotator.core.formats import txt
from annotator.core.paths import seeds_dir
from annotator.core.store.project import Project, TextSource


@pytest.fixture
def study(tmp_path):
    """A project with the sample article and a short second one."""
    path = tmp_path / "study.annotator"
    with Project.create(path) as project:
        project.import_texts(txt.read_articles([seeds_dir()]))
        project.import_texts([TextSource(text="وأكّدت الوزارة أن الوضع مستقر.", source="b.txt")])
    return path


def test_search_finds_every_spelling_in_every_document(run, study, seed_id):
    result = run("search", "--project", study, "اكد")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 6
    assert lines[0].startswith(f"{seed_id}:313-316\t")
    assert "[أكد]" in lines[0]
    assert lines[-1].startswith("b:1-5\t") and "[أكّد]" in lines[-1]
    assert "6 hit(s) in 2 document(s)" in result.stderr


def test_search_options_are_flags(run, study):
    strict = run("search", "--project", study, "--match-hamza", "--json", "اكد")
    assert json.loads(strict.stdout) == []
    whole = run("search", "--project", study, "--whole-words", "--json", "اكد")
    assert len(json.loads(whole.stdout)) == 4
    loose = run(
        "search", "--project", study, "--whole-words", "--ignore-proclitics", "--json", "اكد"
    )
    assert len(json.loads(loose.stdout)) == 5


def test_search_json_gives_exact_code_point_ranges(run, study):
    result = run("search", "--project", study, "--document", "b", "--json", "اكدت")
    (hit,) = json.loads(result.stdout)
    assert hit == {"document_id": "b", "start": 1, "end": 6, "text": "أكّدت"}


def test_search_of_an_unknown_document_is_one_error_line(run, study):
    result = run("search", "--project", study, "--document", "nope", "اكد")
    assert result.returncode == 1
    assert result.stderr.strip() == "annotator: error: no document with id 'nope'"


def test_suggest_stores_suggestions_and_running_it_again_adds_nothing(run, study, seed_id):
    first = run("suggest", "--project", study)
    assert first.returncode == 0, first.stderr
    assert f"{seed_id}: " in first.stdout and "stored as annotator 'suggestions'" in first.stdout
    with Project.open(study) as project:
        count = len(project.annotations(seed_id, annotator=SUGGESTIONS))
    again = run("suggest", "--project", study, "--document", seed_id, "--json")
    figures = json.loads(again.stdout)
    assert list(figures) == [seed_id]
    assert figures[seed_id]["claims"] >= 15
    with Project.open(study) as project:
        assert len(project.annotations(seed_id, annotator=SUGGESTIONS)) == count
        assert project.annotations(seed_id, annotator="amal") == []


def test_suggest_on_the_default_project_proposes_the_sample_quotations(run):
    result = run("suggest", "--json")
    assert result.returncode == 0, result.stderr
    (figures,) = json.loads(result.stdout).values()
    assert figures["claims"] >= 15 and figures["speakers"] >= 8
