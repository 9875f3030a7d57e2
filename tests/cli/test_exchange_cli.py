"""Exchange with other annotation tools from the command line: INCEpTION (UIMA CAS XMI),
doccano, Label Studio and spaCy."""

import json
import re

import pytest

from annotator.core.formats import jsonl, txt
from annotator.core.paths import seeds_dir
from annotator.core.store.project import Project

pytest.importorskip("cassis")


@pytest.fixture
def study(tmp_path, gold_file):
    """A project file with the sample article and its gold annotation."""
    path = tmp_path / "study.annotator"
    with Project.create(path) as project:
        project.import_texts(txt.read_articles([seeds_dir()]))
        jsonl.import_annotations(project, gold_file, "gold")
    return path


def test_xmi_export_then_import_into_another_project(run, study, tmp_path, seed_id):
    result = run("export", "-p", study, "--format", "xmi", "--out", "inception")
    assert result.returncode == 0, result.stderr
    assert "wrote 30 annotation(s) to inception" in result.stdout
    assert (tmp_path / "inception" / "TypeSystem.xml").is_file()
    assert len(list((tmp_path / "inception").glob("*/gold.xmi"))) == 1
    assert run("init", "other.annotator").returncode == 0
    result = run("import-annotations", "-p", "other.annotator", "inception")
    assert result.returncode == 0, result.stderr
    assert f"added document {seed_id}" in result.stdout
    assert f"imported 30 annotation(s) into {seed_id}; 0 already present" in result.stdout
    with Project.open(tmp_path / "other.annotator") as other, Project.open(study) as source:
        assert [a.id for a in other.annotations(seed_id)] == [
            a.id for a in source.annotations(seed_id)
        ]


def test_a_broken_xmi_file_is_named_in_one_line_and_nothing_is_stored(run, study, tmp_path):
    run("export", "-p", study, "--format", "xmi", "--out", "inception")
    bad = next((tmp_path / "inception").glob("*/gold.xmi"))
    bad.write_text(bad.read_text()[:300], encoding="utf-8")
    run("init", "other.annotator")
    result = run("import-annotations", "-p", "other.annotator", "inception")
    assert result.returncode == 1
    (line,) = result.stderr.splitlines()
    # Line 2: the XML declaration is line 1, the whole CAS line 2.
    where = bad.relative_to(tmp_path)
    assert line.startswith(f"annotator: error: {where}:2: not UIMA CAS XMI (AttValue")
    with Project.open(tmp_path / "other.annotator") as other:
        assert other.documents() == []


def test_import_refuses_a_doccano_file_and_names_the_command_that_reads_it(run, tmp_path):
    (tmp_path / "doccano.jsonl").write_text(
        json.dumps({"id": 1, "text": "قال سمير: نعم", "label": [[4, 8, "PER"]]}) + "\n",
        encoding="utf-8",
    )
    run("init", "study.annotator")
    result = run("import", "-p", "study.annotator", "doccano.jsonl")
    assert result.returncode == 1
    assert (
        "annotator: refused doccano.jsonl: doccano JSONL: span annotations, not articles; import "
        "them with `annotator import-annotations doccano.jsonl --annotator NAME`"
    ) in result.stderr
    result = run(
        "import-annotations", "-p", "study.annotator", "doccano.jsonl",
        "--annotator", "amina", "--map", "PER=speaker",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "imported 1 annotation(s) into 1;" in result.stdout


def test_import_refuses_a_label_studio_export(run, tmp_path):
    task = {
        "id": 9,
        "data": {"text": "قال سمير: نعم"},
        "annotations": [
            {
                "completed_by": 1,
                "result": [
                    {
                        "id": "a",
                        "type": "labels",
                        "from_name": "label",
                        "to_name": "text",
                        "value": {"start": 4, "end": 8, "text": "سمير", "labels": ["Speaker"]},
                    }
                ],
            }
        ],
    }
    (tmp_path / "export.json").write_text(json.dumps([task]), encoding="utf-8")
    run("init", "study.annotator")
    result = run("import", "-p", "study.annotator", "export.json")
    assert result.returncode == 1
    assert "Label Studio JSON: span annotations, not articles" in result.stderr
    result = run("import-annotations", "-p", "study.annotator", "export.json")
    assert result.returncode == 0, result.stderr
    with Project.open(tmp_path / "study.annotator") as project:
        (speaker,) = project.annotations("9")
        assert (speaker.annotator, speaker.text) == ("labelstudio-1", "سمير")


def test_a_bad_map_is_one_line(run, tmp_path):
    (tmp_path / "d.jsonl").write_text(
        json.dumps({"text": "قال سمير", "label": [[4, 8, "PER"]]}) + "\n", encoding="utf-8"
    )
    run("init", "study.annotator")
    result = run(
        "import-annotations", "-p", "study.annotator", "d.jsonl", "--annotator", "a",
        "--map", "PER=person",
    )  # fmt: skip
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "annotator: error: --map names layer 'person', not in the schema (speaker, claim)"
    ]


def test_spacy_export(run, study, tmp_path):
    pytest.importorskip("spacy")
    result = run("export", "-p", study, "--format", "spacy", "--out", "sample.spacy")
    assert result.returncode == 0, result.stderr
    assert "wrote 30 span(s) to sample.spacy" in result.stdout
    assert (tmp_path / "sample.spacy").stat().st_size > 0


def test_an_xmi_export_edited_elsewhere_reports_what_differs_and_exits_2(run, study, tmp_path):
    run("export", "-p", study, "--format", "xmi", "--out", "inception")
    (gold,) = (tmp_path / "inception").glob("*/gold.xmi")
    source = gold.read_text(encoding="utf-8")
    edited = re.sub('role="[a-z]+"', 'role="anonymous"', source, count=1)
    assert edited != source
    gold.write_text(edited, encoding="utf-8")
    result = run("import-annotations", "-p", study, "inception")
    assert result.returncode == 2, result.stderr
    assert "imported 0 annotation(s)" in result.stdout
    assert "29 already present or deleted in this project" in result.stdout
    (line,) = result.stderr.splitlines()
    assert line.startswith(
        "annotator: 1 annotation(s) differ from the project's version and were not imported"
    )
    with Project.open(study) as project:
        roles = [a.attributes.get("role") for a in project.annotations(project.documents()[0].id)]
    assert "anonymous" not in roles


def test_two_doccano_files_of_one_annotator_are_both_imported(run, tmp_path):
    text = "قال الرئيس إن الوضع خطير."
    for name, label in (("a", [4, 10, "SPEAKER"]), ("b", [14, 24, "CLAIM"])):
        (tmp_path / f"{name}.jsonl").write_text(
            json.dumps({"id": 1, "text": text, "label": [label]}, ensure_ascii=False) + "\n",
            encoding="utf-8",
        )
    run("init", "p.annotator")
    first = run("import-annotations", "-p", "p.annotator", "--annotator", "amina", "a.jsonl")
    assert first.returncode == 0, first.stderr
    second = run("import-annotations", "-p", "p.annotator", "--annotator", "amina", "b.jsonl")
    assert second.returncode == 0, second.stderr
    assert "imported 1 annotation(s) into 1; 0 already present" in second.stdout


def test_a_forced_xmi_export_removes_what_an_earlier_export_left(run, study, tmp_path):
    run("export", "-p", study, "--format", "xmi", "--out", "inception")
    (gold,) = (tmp_path / "inception").glob("*/gold.xmi")
    earlier = tmp_path / "inception" / "an earlier document"
    earlier.mkdir()
    (earlier / "omar.xmi").write_bytes(gold.read_bytes())
    refused = run("export", "-p", study, "--format", "xmi", "--out", "inception")
    assert refused.returncode == 1
    assert "holds another XMI export" in refused.stderr
    forced = run("export", "-p", study, "--format", "xmi", "--out", "inception", "--force")
    assert forced.returncode == 0, forced.stderr
    assert not earlier.exists()
    run("init", "other.annotator")
    result = run("import-annotations", "-p", "other.annotator", "inception")
    assert result.returncode == 0, result.stderr
    with Project.open(tmp_path / "other.annotator") as other:
        assert other.annotators() == ["gold"]


def test_a_span_imported_with_a_leading_space_does_not_stop_the_spacy_export(run, tmp_path):
    pytest.importorskip("spacy")
    text = "قال الرئيس إن الوضع خطير."
    (tmp_path / "d.jsonl").write_text(
        json.dumps({"id": 1, "text": text, "label": [[3, 10, "SPEAKER"]]}, ensure_ascii=False)
        + "\n",
        encoding="utf-8",
    )
    run("init", "p.annotator")
    imported = run("import-annotations", "-p", "p.annotator", "--annotator", "amina", "d.jsonl")
    assert imported.returncode == 0, imported.stderr
    result = run("export", "-p", "p.annotator", "--format", "spacy", "--out", "p.spacy")
    assert result.returncode == 0, result.stderr
    assert "wrote 1 span(s) to p.spacy" in result.stdout
    assert (
        "note: trimmed to tokens: document '1', speaker 3-10 ' الرئيس': spans the tokens 4-10"
        in result.stdout
    )


def test_import_points_an_xmi_folder_or_zip_to_import_annotations(run, study, tmp_path):
    import shutil

    run("export", "-p", study, "--format", "xmi", "--out", "inception")
    shutil.make_archive(str(tmp_path / "inception"), "zip", tmp_path / "inception")
    run("init", "other.annotator")
    for name in ("inception", "inception.zip"):
        result = run("import", "-p", "other.annotator", name)
        assert result.returncode == 1
        assert "annotations, not articles; import them with " in result.stderr
        assert f"`annotator import-annotations {name}`" in result.stderr


def test_what_an_import_skips_is_printed_as_notes(run, tmp_path):
    text = "قال الرئيس إن الوضع خطير."
    record = {
        "id": 1,
        "text": text,
        "entities": [
            {"id": 1, "label": "SPEAKER", "start_offset": 4, "end_offset": 10},
            {"id": 2, "label": "CLAIM", "start_offset": 14, "end_offset": 24},
            {"id": 3, "label": "SPEAKER", "start_offset": 14, "end_offset": 19},
        ],
        "relations": [
            {"from_id": 2, "to_id": 1, "type": "said-by"},
            {"from_id": 3, "to_id": 1, "type": "same-as"},
        ],
    }
    (tmp_path / "rel.jsonl").write_text(
        json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    run("init", "p.annotator")
    result = run("import-annotations", "-p", "p.annotator", "--annotator", "amina", "rel.jsonl")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[1:] == [
        "note: rel.jsonl:1: 1 relation(s) that are no link of the schema (a claim to its "
        "speaker) skipped",
        "imported 3 annotation(s) into 1; 0 already present or deleted in this project",
    ]
