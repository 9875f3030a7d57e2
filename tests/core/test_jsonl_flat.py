"""The JSON Lines export for analysis: the README's recipe (filter by `type`, flatten), and the
flat file of annotations only (`only=["annotation"]`, `--only annotations`)."""

import json

import pytest

from annotator.core.errors import InputError, ValidationError
from annotator.core.formats import jsonl
from annotator.core.store.project import Project


def records(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture
def full(gold_project, tmp_path):
    gold_project.add_annotation(
        "000_41ac67127a0642cf", "amina", "claim", 339, 474, stances=[("=x", "favor")]
    )
    jsonl.export(gold_project, tmp_path / "study.jsonl")
    return tmp_path / "study.jsonl"


def test_only_annotations_gives_exactly_the_annotation_lines_of_the_full_export(
    gold_project, full, tmp_path
):
    result = jsonl.export(gold_project, tmp_path / "flat.jsonl", only=["annotation"])
    flat = (tmp_path / "flat.jsonl").read_text(encoding="utf-8").splitlines()
    whole = full.read_text(encoding="utf-8").splitlines()
    assert flat == [line for line in whole if json.loads(line)["type"] == "annotation"]
    assert result.rows == len(flat) == 31


def test_several_record_types_can_be_kept_and_the_header_never_is(gold_project, tmp_path):
    jsonl.export(gold_project, tmp_path / "d.jsonl", only=["document", "entity"])
    kinds = [r["type"] for r in records(tmp_path / "d.jsonl")]
    assert set(kinds) == {"document", "entity"} and kinds.count("document") == 1


def test_an_unknown_record_type_is_refused_before_writing(gold_project, tmp_path):
    with pytest.raises(ValidationError, match=r"unknown record type\(s\) annotations"):
        jsonl.export(gold_project, tmp_path / "x.jsonl", only=["annotations"])
    assert not (tmp_path / "x.jsonl").exists()


def test_a_flat_file_is_refused_by_import_naming_file_and_line(gold_project, tmp_path):
    jsonl.export(gold_project, tmp_path / "flat.jsonl", only=["annotation"])
    with Project.create(tmp_path / "fresh.annotator") as fresh:
        with pytest.raises(InputError, match=r"flat\.jsonl:1: a JSON Lines export written with"):
            jsonl.import_annotations(fresh, tmp_path / "flat.jsonl")
        assert (fresh.annotation_count(), fresh.documents()) == (0, [])


def test_the_recipe_with_the_json_module(full, gold_project, seed_id):
    """What the README's pandas recipe does, step by step with the json module."""
    annotations = [r for r in records(full) if r["type"] == "annotation"]
    stored = {a.id: a for a in gold_project.annotations(seed_id)}
    assert {r["id"] for r in annotations} == set(stored)
    for r in annotations:
        a = stored[r["id"]]
        flat = {**r, **{f"attributes.{k}": v for k, v in r["attributes"].items()}}
        assert (flat["text"], flat["start"], flat["end"]) == (a.text, a.start, a.end)
        assert all(flat[f"attributes.{k}"] == v for k, v in a.attributes.items())
        assert [tuple(s) for s in r["stances"]] == [(s.target, s.value) for s in a.stances]


def test_the_readme_recipe_with_pandas(full, gold_project, seed_id, tmp_path):
    pd = pytest.importorskip("pandas")
    # The README's recipe, as written there.
    with open(full, encoding="utf-8") as f:
        lines = [json.loads(line) for line in f]
    annotations = pd.json_normalize([r for r in lines if r["type"] == "annotation"])
    documents = pd.json_normalize([r for r in lines if r["type"] == "document"])
    stances = annotations.explode("stances").dropna(subset=["stances"])
    # The flat file reads straight into a table.
    jsonl.export(gold_project, tmp_path / "flat.jsonl", only=["annotation"])
    flat = pd.json_normalize(
        pd.read_json(tmp_path / "flat.jsonl", lines=True, dtype=False).to_dict("records")
    )

    stored = {a.id: a for a in gold_project.annotations(seed_id)}
    assert list(documents["id"]) == [seed_id]
    for table in (annotations, flat):
        assert len(table) == len(stored) == 31
        for row in table.itertuples():
            a = stored[row.id]
            assert (row.text, row.start, row.end, row.layer) == (a.text, a.start, a.end, a.layer)
        assert {"attributes.role", "attributes.kind", "attributes.cue"} <= set(table.columns)
    assert len(stances) == sum(len(a.stances) for a in stored.values())
    assert "=x" in {s[0] for s in stances["stances"]}
