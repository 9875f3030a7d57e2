"""The `annotator` command as a researcher runs it, each call in its own process."""

import csv
import json

import pytest

from annotator.core.formats import jsonl, txt
from annotator.core.paths import seeds_dir
from annotator.core.store.project import Project


@pytest.fixture
def study(tmp_path):
    """The path of a new, empty project file (closed, as if made by `annotator init`)."""
    path = tmp_path / "study.annotator"
    Project.create(path).close()
    return path


@pytest.fixture
def seeded_study(study):
    """The project file with the sample article imported."""
    with Project.open(study) as project:
        project.import_texts(txt.read_articles([seeds_dir()]))
    return study


@pytest.fixture
def gold_study(seeded_study, gold_file):
    """The project file with the sample article and its gold annotation."""
    with Project.open(seeded_study) as project:
        jsonl.import_annotations(project, gold_file, "gold")
    return seeded_study


def document_ids(path):
    with Project.open(path) as project:
        return [d.id for d in project.documents()]


def assert_one_error_line(result):
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("annotator: error: "), result.stderr


def test_init_creates_an_empty_project(run, tmp_path):
    result = run("init", "new.annotator")
    assert result.returncode == 0, result.stderr
    assert "created project new.annotator" in result.stdout
    assert document_ids(tmp_path / "new.annotator") == []


def test_import_of_the_seed_folder_adds_the_sample_article(run, study, seed_id):
    result = run("import", seeds_dir(), "--project", study)
    assert result.returncode == 0, result.stderr
    assert "imported 1 article(s), skipped 0" in result.stdout
    assert document_ids(study) == [seed_id]


def test_a_second_import_is_skipped_and_says_so(run, seeded_study, seed_id):
    result = run("import", seeds_dir(), "--project", seeded_study)
    assert result.returncode == 0, result.stderr
    assert f"skipped {seed_id}.txt: its text is already in the project as {seed_id}" in (
        result.stdout
    )
    assert "imported 0 article(s), skipped 1" in result.stdout
    assert document_ids(seeded_study) == [seed_id]


def test_importing_a_binary_file_is_refused_by_name_and_changes_nothing(
    run, seeded_study, tmp_path
):
    before = document_ids(seeded_study)
    photo = tmp_path / "photo.txt"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    result = run("import", photo, "--project", seeded_study)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    refused, error = result.stderr.splitlines()
    assert refused.startswith(f"annotator: refused {photo}: binary file")
    assert error.startswith("annotator: error: nothing was imported")
    assert document_ids(seeded_study) == before


def test_import_annotations_of_the_gold_file(run, seeded_study, gold_file, seed_id):
    result = run("import-annotations", gold_file, "--annotator", "gold", "--project", seeded_study)
    assert result.returncode == 0, result.stderr
    assert f"imported 30 annotation(s) into {seed_id}; 0 already present" in result.stdout
    with Project.open(seeded_study) as project:
        assert project.stats()["by_annotator"] == {"gold": 30}


def test_a_gold_line_that_does_not_fit_fails_naming_the_line(
    run, seeded_study, gold_file, tmp_path
):
    lines = gold_file.read_text(encoding="utf-8").splitlines()
    lines[2] = lines[2].replace('"end": 229', '"end": 230')
    broken = tmp_path / gold_file.name
    broken.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run("import-annotations", broken, "--annotator", "gold", "--project", seeded_study)
    assert_one_error_line(result)
    assert f"{gold_file.name}:3:" in result.stderr
    with Project.open(seeded_study) as project:
        assert project.annotation_count() == 0


def test_export_as_csv_writes_one_row_per_speaker_and_claim_stance(run, gold_study, tmp_path):
    result = run("export", "--format", "csv", "--out", "gold.csv", "--project", gold_study)
    assert result.returncode == 0, result.stderr
    assert "wrote 33 row(s) to gold.csv" in result.stdout
    with open(tmp_path / "gold.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 33
    assert rows[0]["text"] == "قاآني"


def test_list_shows_each_article_with_its_status_and_count(run, gold_study, seed_id):
    result = run("list", "--project", gold_study)
    assert result.returncode == 0, result.stderr
    header, line = result.stdout.splitlines()
    assert header.split() == ["id", "status", "annotations", "title"]
    assert line.split()[:3] == [seed_id, "todo", "30"]
    assert "قاآني في اتصال مع هنية والنخالة" in line


def test_stats_as_json(run, gold_study):
    result = run("stats", "--json", "--project", gold_study)
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    assert (figures["documents"], figures["annotations"], figures["links"]) == (1, 30, 18)
    assert figures["by_layer"] == {"claim": 18, "speaker": 12}


def test_without_a_project_the_default_one_is_made_with_the_sample_article(run, tmp_path, seed_id):
    result = run("list", "--json")
    assert result.returncode == 0, result.stderr
    assert [d["id"] for d in json.loads(result.stdout)] == [seed_id]
    default = tmp_path / "data" / "arabic-news-annotator" / "default.annotator"
    assert document_ids(default) == [seed_id]


def test_opening_a_file_that_is_not_a_project_fails_in_one_clear_line(run, tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("ملاحظات عن المقالات\n", encoding="utf-8")
    result = run("stats", "--project", notes)
    assert_one_error_line(result)
    assert "is not an annotator project" in result.stderr
    assert notes.read_text(encoding="utf-8") == "ملاحظات عن المقالات\n"


def test_a_missing_project_fails_saying_how_to_create_it(run):
    result = run("list", "--project", "missing.annotator")
    assert_one_error_line(result)
    assert "annotator init missing.annotator" in result.stderr
