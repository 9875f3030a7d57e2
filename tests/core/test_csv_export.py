"""Exporting the annotations table as CSV for Excel, R or pandas."""

import csv
import tempfile
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from annotator.core.errors import ExportError
from annotator.core.formats import csv_export
from annotator.core.store.project import TextSource

from .random_projects import annotated_texts, build


def read_rows(path):
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture
def exported(gold_project, tmp_path):
    path = tmp_path / "gold.csv"
    csv_export.export(gold_project, path)
    return path


@pytest.fixture
def formula_claim(seeded_project, seed_id):
    """A claim whose stance targets and cue would run as formulas in a spreadsheet."""
    return seeded_project.add_annotation(
        seed_id,
        "amina",
        "claim",
        339,
        474,
        attributes={"cue": "=1+1"},
        stances=[
            ('=HYPERLINK("http://x")', "favor"),
            ("+Israel", "against"),
            ("-Iran", "neutral"),
            ("@Hamas", "unclear"),
        ],
    )


def test_the_file_starts_with_a_utf8_byte_order_mark_for_excel(exported):
    assert exported.read_bytes().startswith(b"\xef\xbb\xbf")


def test_the_header_lists_the_columns_of_the_schema(exported, gold_project):
    with open(exported, encoding="utf-8-sig", newline="") as handle:
        assert next(csv.reader(handle)) == csv_export.columns(gold_project.schema)


def test_the_columns_of_the_default_schema(gold_project):
    assert csv_export.columns(gold_project.schema) == [
        "document_id", "document_title", "annotator", "layer", "start", "end", "text",
        "entity", "role", "speaker_id", "speaker_text", "speaker_entity", "kind", "cue",
        "stance_target", "stance_value", "annotation_id", "origin", "created_at", "modified_at",
    ]  # fmt: skip


def test_there_is_one_row_per_speaker_and_per_claim_stance(exported, gold_project, tmp_path):
    rows = read_rows(exported)
    assert len(rows) == 12 + 21
    assert len(rows) == csv_export.export(gold_project, tmp_path / "again.csv").rows


def test_a_claim_with_two_stances_gives_two_rows(exported):
    rows = [r for r in read_rows(exported) if r["layer"] == "claim" and r["start"] == "339"]
    assert [(r["stance_target"], r["stance_value"]) for r in rows] == [
        ("Palestinian cause", "favor"),
        ("Israel", "against"),
    ]
    assert rows[0]["annotation_id"] == rows[1]["annotation_id"]


def test_a_speaker_gives_one_row_without_stance(exported):
    rows = [r for r in read_rows(exported) if r["layer"] == "speaker" and r["start"] == "0"]
    assert [(r["entity"], r["stance_target"], r["stance_value"]) for r in rows] == [
        ("Esmail Qaani", "", "")
    ]


def test_a_claim_row_names_its_speaker(exported, seed_text):
    (row,) = [r for r in read_rows(exported) if r["layer"] == "claim" and r["start"] == "33"]
    assert (row["speaker_text"], row["speaker_entity"]) == (seed_text[0:5], "Esmail Qaani")


def test_arabic_text_comes_back_intact(exported, gold_project, seed_id):
    rows = read_rows(exported)
    by_id = {a.id: a for a in gold_project.annotations(seed_id)}
    assert {r["annotation_id"] for r in rows} == set(by_id)
    for row in rows:
        assert row["text"] == by_id[row["annotation_id"]].text
        assert (int(row["start"]), int(row["end"])) == (
            by_id[row["annotation_id"]].start,
            by_id[row["annotation_id"]].end,
        )


def test_cells_that_would_run_as_formulas_get_an_apostrophe(
    seeded_project, formula_claim, tmp_path
):
    csv_export.export(seeded_project, tmp_path / "out.csv")
    rows = read_rows(tmp_path / "out.csv")
    assert [r["stance_target"] for r in rows] == [
        '\'=HYPERLINK("http://x")',
        "'+Israel",
        "'-Iran",
        "'@Hamas",
    ]
    assert {r["cue"] for r in rows} == {"'=1+1"}


def test_without_the_formula_guard_cells_are_written_as_they_are(
    seeded_project, formula_claim, tmp_path
):
    csv_export.export(seeded_project, tmp_path / "out.csv", formula_guard=False)
    rows = read_rows(tmp_path / "out.csv")
    assert [r["stance_target"] for r in rows] == [
        '=HYPERLINK("http://x")',
        "+Israel",
        "-Iran",
        "@Hamas",
    ]
    assert {r["cue"] for r in rows} == {"=1+1"}


def test_one_document_can_be_exported_alone(gold_project, tmp_path):
    (other,) = gold_project.import_texts([TextSource("قال الوزير", source="other.txt")]).added
    gold_project.add_annotation(other, "gold", "speaker", 4, 10, entity="الوزير")
    assert csv_export.export(gold_project, tmp_path / "other.csv", document_ids=[other]).rows == 1
    assert [r["document_id"] for r in read_rows(tmp_path / "other.csv")] == [other]


def test_an_export_leaves_no_temporary_file_behind(exported, tmp_path):
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".csv") == ["gold.csv"]


def test_an_annotator_can_be_exported_alone(gold_project, seed_id, tmp_path):
    gold_project.add_annotation(seed_id, "amina", "speaker", 0, 5)
    result = csv_export.export(gold_project, tmp_path / "amina.csv", annotators=["amina"])
    assert result.rows == 1
    assert [r["annotator"] for r in read_rows(tmp_path / "amina.csv")] == ["amina"]


def test_an_existing_file_is_kept_unless_overwrite(exported, gold_project):
    exported.write_text("mine", encoding="utf-8")
    with pytest.raises(ExportError, match="exists; use --force to overwrite"):
        csv_export.export(gold_project, exported)
    assert exported.read_text(encoding="utf-8") == "mine"
    assert csv_export.export(gold_project, exported, overwrite=True).rows == 33


@contextmanager
def exported_texts(text, plans, formula_guard):
    """Build a project, export its CSV: the stored texts by annotation id, and the CSV path."""
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        with build(folder / "p.annotator", text, plans) as project:
            csv_export.export(project, folder / "out.csv", formula_guard=formula_guard)
            yield {a.id: a.text for a in project.annotations("doc")}, folder / "out.csv"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(annotated_texts())
def test_the_csv_module_reads_back_the_exact_span_texts(case):
    with exported_texts(*case, formula_guard=False) as (stored, path):
        rows = read_rows(path)
    assert {r["annotation_id"] for r in rows} == set(stored)
    assert all(r["text"] == stored[r["annotation_id"]] for r in rows)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(annotated_texts())
def test_with_the_formula_guard_only_formula_starts_gain_an_apostrophe(case):
    with exported_texts(*case, formula_guard=True) as (stored, path):
        rows = read_rows(path)
    for row in rows:
        text = stored[row["annotation_id"]]
        assert row["text"] == ("'" + text if text.startswith(tuple("=+-@\t\r")) else text)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(annotated_texts())
def test_pandas_reads_back_the_exact_span_texts(case):
    pandas = pytest.importorskip("pandas")
    with exported_texts(*case, formula_guard=False) as (stored, path):
        table = pandas.read_csv(path, encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert {i: t for i, t in zip(table["annotation_id"], table["text"], strict=True)} == stored


def test_libreoffice_reads_the_csv_exactly_with_the_utf8_character_set(exported, tmp_path):
    """The README's advice: LibreOffice's default character set garbles the Arabic (it reads
    the file as a single-byte charset); with Unicode (UTF-8) chosen, every cell is exact.
    Filter options: comma, double quote, character set 76 = UTF-8, from line 1."""
    import shutil
    import subprocess

    openpyxl = pytest.importorskip("openpyxl")
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed: the import check did not run")

    def converted(name, *options):
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}",
                "--headless",
                *options,
                "--convert-to",
                "xlsx",
                "--outdir",
                str(tmp_path / name),
                str(exported),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
        sheet = openpyxl.load_workbook(tmp_path / name / "gold.xlsx").active
        return [
            ["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)
        ]

    with open(exported, encoding="utf-8-sig", newline="") as handle:
        expected = list(csv.reader(handle))
    assert converted("utf8", "--infilter=CSV:44,34,76,1") == expected
    garbled = converted("default")
    assert garbled != expected and "Ø" in garbled[1][6]  # "قاآني" read as single bytes
