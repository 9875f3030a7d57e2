"""The spreadsheet export, read back with openpyxl and converted by LibreOffice when it is here."""

import csv
import re
import shutil
import subprocess
import tempfile
from contextlib import contextmanager
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings

from annotator.core.errors import ExportError
from annotator.core.formats import claims, csv_export, xlsx

from .random_projects import annotated_texts, build


@pytest.fixture
def workbook_path(gold_project, tmp_path):
    path = tmp_path / "gold.xlsx"
    xlsx.export(gold_project, path)
    return path


@pytest.fixture
def workbook(workbook_path):
    return openpyxl.load_workbook(workbook_path)


def csv_rows(export, project, path):
    """The rows of a CSV export without the formula guard, cells as the csv module reads them."""
    export(project, path, formula_guard=False)
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def ooxml_unescape(value):
    """A cell's text as Excel and LibreOffice read it: `_xHHHH_` is the character HHHH
    (ECMA-376 Part 1, 22.4.2.4 ST_Xstring). openpyxl leaves these escapes in inline strings,
    which the export writes (XlsxWriter's constant-memory mode)."""
    if not isinstance(value, str):
        return value
    return re.sub(r"_x([0-9A-Fa-f]{4})_", lambda m: chr(int(m.group(1), 16)), value)


def sheet_rows(sheet):
    """The sheet's rows with empty cells as "" and numbers as text, the way a CSV holds them."""
    return [["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)]


def test_the_sheets_are_annotations_claims_and_columns(workbook):
    assert workbook.sheetnames == ["annotations", "claims", "columns"]


@pytest.mark.parametrize(("sheet", "export"), [("annotations", csv_export), ("claims", claims)])
def test_each_table_sheet_holds_exactly_what_its_csv_export_holds(
    workbook, gold_project, tmp_path, sheet, export
):
    expected = csv_rows(export.export, gold_project, tmp_path / f"{sheet}.csv")
    assert len(expected) > 10
    assert sheet_rows(workbook[sheet]) == expected


@pytest.mark.parametrize("sheet", ["annotations", "claims"])
def test_table_sheets_read_right_to_left_with_the_header_frozen_and_filtered(workbook, sheet):
    ws = workbook[sheet]
    assert ws.sheet_view.rightToLeft is True
    assert ws.freeze_panes == "A2"
    last = openpyxl.utils.get_column_letter(ws.max_column)
    assert ws.auto_filter.ref == f"A1:{last}{ws.max_row}"


@pytest.mark.parametrize("sheet", ["annotations", "claims"])
def test_offsets_are_numbers_and_everything_else_strings(workbook, sheet):
    ws = workbook[sheet]
    header = [c.value for c in ws[1]]
    for row in ws.iter_rows(min_row=2):
        for name, cell in zip(header, row, strict=True):
            if name in ("start", "end"):
                assert cell.data_type == "n" and isinstance(cell.value, int)
            elif cell.value is not None:
                assert cell.data_type == "s", (name, cell.value)


def test_arabic_columns_are_right_aligned_in_a_font_with_arabic(workbook):
    ws = workbook["annotations"]
    header = [c.value for c in ws[1]]
    row = next(ws.iter_rows(min_row=2))
    cells = dict(zip(header, row, strict=True))
    for name in ("text", "document_title", "entity"):
        assert cells[name].alignment.horizontal == "right", name
        assert cells[name].alignment.readingOrder == 2, name
        assert cells[name].font.name == xlsx.FONT
    assert cells["annotation_id"].alignment.horizontal != "right"


def test_the_columns_sheet_names_every_column_of_both_tables(workbook, gold_project):
    rows = list(workbook["columns"].iter_rows(min_row=2, values_only=True))
    schema = gold_project.schema
    assert [(s, c) for s, c, _ in rows] == [
        *(("annotations", c) for c in csv_export.columns(schema)),
        *(("claims", c) for c in claims.columns(schema)),
    ]
    assert all(meaning for _, _, meaning in rows)


def test_formula_like_cells_are_plain_strings_here_while_the_csv_keeps_its_guard(
    seeded_project, seed_id, tmp_path
):
    seeded_project.add_annotation(
        seed_id, "amina", "claim", 339, 474, attributes={"cue": "=1+1"}, stances=[("@x", "favor")]
    )
    xlsx.export(seeded_project, tmp_path / "f.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "f.xlsx")["claims"]
    cells = dict(zip([c.value for c in ws[1]], ws[2], strict=True))
    assert (cells["cue"].value, cells["cue"].data_type) == ("=1+1", "s")
    assert cells["stance_target"].value == "@x"
    csv_export.export(seeded_project, tmp_path / "f.csv")
    assert "'=1+1" in (tmp_path / "f.csv").read_text(encoding="utf-8-sig")


def test_a_cell_beyond_excels_limit_is_refused_and_nothing_written(
    seeded_project, seed_id, tmp_path
):
    seeded_project.add_annotation(
        seed_id, "amina", "claim", 339, 474, attributes={"cue": "ق" * (xlsx.MAX_CELL + 1)}
    )
    with pytest.raises(ExportError, match=r"sheet 'annotations' row 2 column 'cue'.*32,767"):
        xlsx.export(seeded_project, tmp_path / "long.xlsx")
    assert not [p for p in tmp_path.iterdir() if not p.name.startswith("study.annotator")]


def test_an_existing_file_is_kept_unless_overwrite(workbook_path, gold_project):
    before = workbook_path.read_bytes()
    with pytest.raises(ExportError, match="exists"):
        xlsx.export(gold_project, workbook_path)
    assert workbook_path.read_bytes() == before
    xlsx.export(gold_project, workbook_path, overwrite=True)


@contextmanager
def exported(text, plans):
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        with build(folder / "p.annotator", text, plans) as project:
            xlsx.export(project, folder / "out.xlsx")
            yield project, openpyxl.load_workbook(folder / "out.xlsx")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(annotated_texts())
def test_openpyxl_reads_back_the_exact_span_texts_and_offsets(case):
    """Texts with emoji, control characters, every line break and `_x0041_` (the file format's
    own escape) come back exactly once the format's escapes are read."""
    text, plans = case
    text = "_x0041_" + text
    with exported(text, plans) as (project, book):
        stored = {a.id: a for a in project.annotations("doc")}
        ws = book["annotations"]
        header = [c.value for c in ws[1]]
        rows = [
            dict(zip(header, map(ooxml_unescape, r), strict=True))
            for r in ws.iter_rows(min_row=2, values_only=True)
        ]
    assert {r["annotation_id"] for r in rows} == set(stored)
    for row in rows:
        annotation = stored[row["annotation_id"]]
        assert (row["text"], row["start"], row["end"]) == (
            annotation.text,
            annotation.start,
            annotation.end,
        )


def libreoffice_csv(soffice, path, folder):
    """Each sheet of `path` as LibreOffice headless writes it to CSV (filter options: comma,
    double quote, UTF-8 = 76, first line 1, all sheets = -1): {sheet: rows}."""
    out = folder / "lo"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{folder / 'lo-profile'}",
            "--headless",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
            "--outdir",
            str(out),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    sheets = {}
    for sheet in ("annotations", "claims", "columns"):
        with open(out / f"{path.stem}-{sheet}.csv", encoding="utf-8", newline="") as handle:
            sheets[sheet] = list(csv.reader(handle))
    return sheets


def test_libreoffice_converts_each_sheet_to_the_csv_export(gold_project, tmp_path):
    """LibreOffice headless opens the file; each table sheet equals our CSV export."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed: the conversion check did not run")
    xlsx.export(gold_project, tmp_path / "gold.xlsx")
    converted = libreoffice_csv(soffice, tmp_path / "gold.xlsx", tmp_path)
    for sheet, export in (("annotations", csv_export), ("claims", claims)):
        expected = csv_rows(export.export, gold_project, tmp_path / f"{sheet}.csv")
        assert converted[sheet] == expected


def test_libreoffice_reads_the_formats_escapes_back_as_the_text(seeded_project, tmp_path):
    """A span whose text holds the file format's escape `_x0041_` and a control character:
    LibreOffice shows both exactly as stored."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed: the conversion check did not run")
    from annotator.core.store.project import TextSource

    text = "قال _x0041_ نص\x0bآخر"
    (doc,) = seeded_project.import_texts([TextSource(text=text, id="esc")]).added
    seeded_project.add_annotation(doc, "amina", "claim", 4, len(text))
    xlsx.export(seeded_project, tmp_path / "esc.xlsx", document_ids=[doc])
    converted = libreoffice_csv(soffice, tmp_path / "esc.xlsx", tmp_path)
    rows = converted["annotations"]
    assert rows[1][rows[0].index("text")] == text[4:]


def test_a_selection_of_annotators_applies_to_both_sheets(gold_project, seed_id, tmp_path):
    gold_project.add_annotation(seed_id, "amina", "claim", 339, 474, stances=[("x", "favor")])
    xlsx.export(gold_project, tmp_path / "a.xlsx", annotators=["amina"])
    book = openpyxl.load_workbook(tmp_path / "a.xlsx")
    for sheet in ("annotations", "claims"):
        ws = book[sheet]
        header = [c.value for c in ws[1]]
        names = {
            row[header.index("annotator")] for row in ws.iter_rows(min_row=2, values_only=True)
        }
        assert names == {"amina"}, sheet
