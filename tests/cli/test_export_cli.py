"""`annotator export` and `annotator import-annotations` as a researcher runs them."""

import csv
import json

import pytest

from annotator.core.formats import jsonl, txt
from annotator.core.paths import seeds_dir
from annotator.core.store.project import Project


@pytest.fixture
def study(tmp_path, gold_file):
    """A project file with the sample article, its gold annotation and one of amina's."""
    path = tmp_path / "study.annotator"
    with Project.create(path) as project:
        project.import_texts(txt.read_articles([seeds_dir()]))
        jsonl.import_annotations(project, gold_file, "gold")
        (doc,) = [d.id for d in project.documents()]
        project.add_annotation(doc, "amina", "speaker", 0, 5, entity="Esmail Qaani")
    return path


@pytest.fixture
def empty(tmp_path):
    path = tmp_path / "empty.annotator"
    Project.create(path).close()
    return path


def rows(path):
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def assert_one_error_line(result):
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("annotator: error: "), result.stderr


@pytest.mark.parametrize(
    ("fmt", "out", "said"),
    [
        ("csv", "a.csv", "wrote 34 row(s) to a.csv"),
        ("claims", "c.csv", "wrote 21 row(s) to c.csv"),
        ("jsonl", "s.jsonl", "wrote 38 line(s) to s.jsonl"),
        ("brat", "brat", "wrote 31 annotation(s) to brat"),
        ("xlsx", "t.xlsx", "wrote 55 row(s) to t.xlsx"),
    ],
)
def test_the_seed_annotation_is_exported_in_every_format(run, study, tmp_path, fmt, out, said):
    result = run("export", "--project", study, "--format", fmt, "--out", out)
    assert result.returncode == 0, result.stderr
    assert said in result.stdout
    assert (tmp_path / out).exists()


def test_several_annotators_and_documents_can_be_chosen(run, study, tmp_path, seed_id):
    result = run(
        "export", "-p", study, "--out", "a.csv", "--annotator", "amina", "--document", seed_id
    )
    assert result.returncode == 0, result.stderr
    assert [r["annotator"] for r in rows(tmp_path / "a.csv")] == ["amina"]
    result = run("export", "-p", study, "--out", "b.csv", "--annotator", "amina", "gold")
    assert "wrote 34 row(s)" in result.stdout


def test_an_unknown_annotator_fails_in_one_line(run, study):
    result = run("export", "-p", study, "--out", "a.csv", "--annotator", "nobody")
    assert_one_error_line(result)
    assert "no annotator named 'nobody' (annotators: amina, gold)" in result.stderr


def test_an_existing_file_is_kept_without_force(run, study, tmp_path):
    (tmp_path / "a.csv").write_text("mine", encoding="utf-8")
    result = run("export", "-p", study, "--out", "a.csv")
    assert_one_error_line(result)
    assert "a.csv exists; use --force to overwrite" in result.stderr
    assert (tmp_path / "a.csv").read_text(encoding="utf-8") == "mine"
    assert run("export", "-p", study, "--out", "a.csv", "--force").returncode == 0
    assert len(rows(tmp_path / "a.csv")) == 34


def test_an_existing_brat_folder_file_is_kept_without_force(run, study, tmp_path):
    assert run("export", "-p", study, "--format", "brat", "--out", "brat").returncode == 0
    result = run("export", "-p", study, "--format", "brat", "--out", "brat")
    assert_one_error_line(result)
    assert "exists; use --force to overwrite" in result.stderr
    assert (
        run("export", "-p", study, "--format", "brat", "--out", "brat", "--force").returncode == 0
    )


def test_the_formula_guard_can_be_turned_off(run, study, tmp_path, seed_id):
    with Project.open(study) as project:
        project.add_annotation(seed_id, "amina", "claim", 339, 474, stances=[("-Iran", "favor")])
    run("export", "-p", study, "--format", "claims", "--out", "on.csv")
    run("export", "-p", study, "--format", "claims", "--out", "off.csv", "--no-formula-guard")
    assert "'-Iran" in [r["stance_target"] for r in rows(tmp_path / "on.csv")]
    assert "-Iran" in [r["stance_target"] for r in rows(tmp_path / "off.csv")]


def test_the_jsonl_export_imports_into_a_new_project_with_its_annotators(run, study, empty):
    run("export", "-p", study, "--format", "jsonl", "--out", "s.jsonl")
    result = run("import-annotations", "-p", empty, "s.jsonl")
    assert result.returncode == 0, result.stderr
    assert "added document 000_41ac67127a0642cf" in result.stdout
    assert "imported 31 annotation(s) into 000_41ac67127a0642cf; 0 already present" in (
        result.stdout
    )
    with Project.open(empty) as project:
        assert project.stats()["by_annotator"] == {"amina": 1, "gold": 30}
    again = run("import-annotations", "-p", empty, "s.jsonl")
    assert "imported 0 annotation(s)" in again.stdout and "31 already present" in again.stdout


def test_the_brat_folder_imports_into_a_new_project(run, study, empty):
    run("export", "-p", study, "--format", "brat", "--out", "brat")
    result = run("import-annotations", "-p", empty, "brat")
    assert result.returncode == 0, result.stderr
    assert "imported 31 annotation(s)" in result.stdout


def test_a_brat_file_with_a_discontinuous_span_fails_naming_the_line(run, empty, tmp_path):
    (tmp_path / "a.txt").write_text("قال الوزير إن", encoding="utf-8")
    (tmp_path / "a.ann").write_text("T1\tspeaker 0 3;4 10\tقال الوزير\n", encoding="utf-8")
    result = run("import-annotations", "-p", empty, "--annotator", "amina", "a.ann")
    assert_one_error_line(result)
    assert "a.ann:1: discontinuous span" in result.stderr


def test_the_gold_format_asks_for_an_annotator(run, empty, gold_file):
    result = run("import-annotations", "-p", empty, gold_file)
    assert_one_error_line(result)
    assert "records no annotator; give one with --annotator NAME" in result.stderr


def test_the_exported_jsonl_is_one_object_per_line(run, study, tmp_path):
    run("export", "-p", study, "--format", "jsonl", "--out", "s.jsonl")
    records = [json.loads(line) for line in (tmp_path / "s.jsonl").read_text("utf-8").splitlines()]
    assert {r["type"] for r in records} == {
        "header",
        "annotator",
        "entity",
        "document",
        "annotation",
    }


def test_an_import_tagging_a_span_twice_fails_naming_both_lines(run, empty, tmp_path):
    (tmp_path / "a.txt").write_text("قال الوزير إن", encoding="utf-8")
    (tmp_path / "a.ann").write_text(
        "T1\tspeaker 4 10\tالوزير\nT2\tspeaker 4 10\tالوزير\n", encoding="utf-8"
    )
    result = run("import-annotations", "-p", empty, "--annotator", "amina", "a.ann")
    assert_one_error_line(result)
    assert result.stderr.strip().endswith(
        "a.ann:2: amina has already tagged this span as speaker (on line 1 of this file)"
    )
    with Project.open(empty) as project:
        assert project.annotation_count() == 0 and project.documents() == []


def test_a_flat_annotations_file_for_pandas(run, study, empty, tmp_path):
    result = run(
        "export", "-p", study, "--format", "jsonl", "--only", "annotations", "--out", "flat.jsonl"
    )
    assert result.returncode == 0, result.stderr
    assert "wrote 31 line(s) to flat.jsonl" in result.stdout
    records = [json.loads(x) for x in (tmp_path / "flat.jsonl").read_text("utf-8").splitlines()]
    assert {r["type"] for r in records} == {"annotation"} and len(records) == 31
    again = run("import-annotations", "-p", empty, "flat.jsonl")
    assert_one_error_line(again)
    assert "flat.jsonl:1: a JSON Lines export written with --only" in again.stderr
    with Project.open(empty) as project:
        assert (project.annotation_count(), project.documents()) == (0, [])


def test_brat_per_annotator_and_entities_as_normalization(run, study, tmp_path):
    result = run(
        "export", "-p", study, "--format", "brat", "--out", "per", "--per-annotator",
        "--entities-as", "normalization",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "wrote 31 annotation(s) to per" in result.stdout
    assert sorted(p.name for p in (tmp_path / "per").iterdir()) == [
        "amina", "annotation.conf", "gold", "visual.conf",
    ]  # fmt: skip
    (ann,) = (tmp_path / "per" / "amina").glob("*.ann")
    assert "\nN1\tReference T1 entity:" in ann.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--format", "csv", "--only", "annotations"], "--only applies to --format jsonl only"),
        (["--format", "jsonl", "--per-annotator"], "--per-annotator applies to --format brat"),
        (["--format", "xlsx", "--entities-as", "note"], "--entities-as applies to --format brat"),
    ],
)
def test_an_option_of_another_format_fails_in_one_line(run, study, tmp_path, args, said):
    result = run("export", "-p", study, "--out", "x", *args)
    assert_one_error_line(result)
    assert said in result.stderr
    assert not (tmp_path / "x").exists()
