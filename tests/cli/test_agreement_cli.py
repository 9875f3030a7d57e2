"""`annotator agreement` as a researcher runs it, each call in its own process."""

import json
from pathlib import Path

import pytest

from annotator.core.formats import jsonl, txt
from annotator.core.paths import seeds_dir
from annotator.core.store.project import Project

from .composed_agreement import composed_project


@pytest.fixture
def colleagues(tmp_path, gold_file, seed_id):
    """A project file with the sample article annotated by ali and badr; badr calls one
    direct claim indirect."""
    path = tmp_path / "study.annotator"
    with Project.create(path) as project:
        project.import_texts(txt.read_articles([seeds_dir()]))
        for who in ("ali", "badr"):
            jsonl.import_annotations(project, gold_file, who)
        claim = next(
            a for a in project.annotations(seed_id, "badr") if (a.layer, a.start) == ("claim", 339)
        )
        project.update_annotation(claim.id, attributes={"kind": "indirect"})
    return path


def test_the_table_shows_each_figure_with_its_unit_count(run, colleagues):
    result = run("agreement", "--project", colleagues)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "annotators: ali, badr; documents compared: 1"
    assert lines[1].split() == ["layer", "measure", "annotators", "value", "n", "note"]
    kind = next(line for line in lines if "kind kappa" in line)
    # 18 paired claims, 17 of the same kind: kappa = (17/18 - 0.75) / 0.25.
    assert kind.split()[:8] == ["claim", "kind", "kappa", "ali", "vs", "badr", "0.778", "18"]
    role = next(line for line in lines if "role kappa" in line)
    assert "n/a" in role and "one category only" in role
    assert "hardest documents" in result.stdout


def test_json_output_has_the_documented_keys(run, colleagues):
    result = run("agreement", "--json", "--project", colleagues)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["annotators"] == ["ali", "badr"]
    claim = data["layers"]["claim"]["pairs"][0]
    assert claim["span"]["exact"]["f1"] == 1.0
    assert claim["attributes"]["kind"]["kappa"]["n_units"] == 18
    assert data["layers"]["speaker"]["token_alpha"]["value"] == 1.0
    assert data["documents"][0]["id"] == "000_41ac67127a0642cf"


def test_annotators_and_layers_can_be_chosen(run, colleagues):
    result = run(
        "agreement", "--project", colleagues, "--annotators", "badr", "ali", "--layer", "claim"
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert any(line.startswith("claim") for line in lines)
    assert not any(line.startswith("speaker") for line in lines)
    assert "badr vs ali" in result.stdout


def test_one_annotator_is_not_defined_rather_than_a_number(run, colleagues):
    result = run("agreement", "--project", colleagues, "--annotators", "ali")
    assert result.returncode == 0, result.stderr
    assert "not defined: fewer than two annotators to compare (only ali)" in result.stdout


def test_an_unknown_annotator_fails_in_one_line(run, colleagues):
    result = run("agreement", "--project", colleagues, "--annotators", "ali", "zed")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [
        "annotator: error: no annotator 'zed' in this project (annotators: ali, badr)"
    ]


def test_an_unknown_layer_fails_in_one_line(run, colleagues):
    result = run("agreement", "--project", colleagues, "--layer", "quote")
    assert result.returncode == 1
    (line,) = result.stderr.splitlines()
    assert line.startswith("annotator: error: unknown layer 'quote'")


# The outputs of `annotator agreement` on the composed project, as written by the version
# before the per-document rows were held as columns: the figures and the order must not move.
EXPECTED = Path(__file__).parent / "data"


def test_json_output_is_the_same_byte_for_byte_on_a_composed_project(run, tmp_path):
    project = composed_project(tmp_path / "composed.annotator")
    result = run("agreement", "--json", "--project", project)
    assert result.returncode == 0, result.stderr
    expected = (EXPECTED / "agreement_composed.json").read_text(encoding="utf-8")
    assert result.stdout == expected


def test_the_table_and_hardest_documents_are_the_same_on_a_composed_project(run, tmp_path):
    project = composed_project(tmp_path / "composed.annotator")
    result = run("agreement", "--project", project)
    assert result.returncode == 0, result.stderr
    assert result.stdout == (EXPECTED / "agreement_composed.txt").read_text(encoding="utf-8")
