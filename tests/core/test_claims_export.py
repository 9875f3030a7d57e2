"""The claims table: one row per claim and stance, with its speaker, for Excel, R or pandas."""

import csv

import pytest

from annotator.core.errors import ExportError, NotFoundError
from annotator.core.formats import claims
from annotator.core.store.project import TextSource


def read_rows(path):
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture
def exported(gold_project, tmp_path):
    path = tmp_path / "claims.csv"
    claims.export(gold_project, path)
    return path


def test_the_columns_of_the_default_schema(gold_project):
    assert claims.columns(gold_project.schema) == [
        "document_id", "document_title", "claim_id", "claim_text", "start", "end",
        "speaker_text", "speaker_entity", "kind", "cue", "stance_target", "stance_value",
        "annotator",
    ]  # fmt: skip


def test_the_file_is_utf8_with_a_byte_order_mark(exported):
    assert exported.read_bytes().startswith(b"\xef\xbb\xbf")


def test_the_eighteen_gold_claims_give_one_row_per_stance(exported, gold_project, tmp_path):
    rows = read_rows(exported)
    assert len(rows) == 21
    assert len({r["claim_id"] for r in rows}) == 18
    assert claims.export(gold_project, tmp_path / "again.csv").rows == 21


def test_a_claim_row_names_its_speaker_cue_kind_and_stance(exported, seed_text):
    rows = [r for r in read_rows(exported) if r["start"] == "339"]
    assert [(r["stance_target"], r["stance_value"]) for r in rows] == [
        ("Palestinian cause", "favor"),
        ("Israel", "against"),
    ]
    row = rows[0]
    assert row["claim_text"] == seed_text[339:474]
    assert (row["speaker_text"], row["speaker_entity"]) == ("العميد قاآني", "Esmail Qaani")
    assert (row["cue"], row["kind"], row["annotator"]) == ("أكد", "direct", "gold")


def test_a_claim_without_stance_gives_one_row(seeded_project, seed_id, tmp_path):
    seeded_project.add_annotation(seed_id, "amina", "claim", 339, 474)
    (row,) = read_rows(claims.export(seeded_project, tmp_path / "c.csv").paths[0])
    assert (row["stance_target"], row["stance_value"], row["speaker_text"]) == ("", "", "")


def test_speakers_are_not_rows_of_the_claims_table(exported):
    assert all(r["claim_text"] for r in read_rows(exported))
    assert not any(r["start"] == "0" for r in read_rows(exported))


@pytest.fixture
def formula_claim(seeded_project, seed_id):
    return seeded_project.add_annotation(
        seed_id,
        "amina",
        "claim",
        339,
        474,
        attributes={"cue": "\tأكد"},
        stances=[("=HYPERLINK(1)", "favor"), ("-Iran", "against"), ("@Hamas", "neutral")],
    )


def test_cells_that_would_run_as_formulas_get_an_apostrophe(
    seeded_project, formula_claim, tmp_path
):
    rows = read_rows(claims.export(seeded_project, tmp_path / "c.csv").paths[0])
    assert [r["stance_target"] for r in rows] == ["'=HYPERLINK(1)", "'-Iran", "'@Hamas"]
    assert {r["cue"] for r in rows} == {"'\tأكد"}


def test_without_the_formula_guard_cells_are_written_as_they_are(
    seeded_project, formula_claim, tmp_path
):
    path = claims.export(seeded_project, tmp_path / "c.csv", formula_guard=False).paths[0]
    rows = read_rows(path)
    assert [r["stance_target"] for r in rows] == ["=HYPERLINK(1)", "-Iran", "@Hamas"]
    assert {r["cue"] for r in rows} == {"\tأكد"}


def test_a_selection_of_documents_and_annotators(gold_project, seed_id, tmp_path):
    (other,) = gold_project.import_texts([TextSource("قال الوزير إن الحرب", id="other")]).added
    gold_project.add_annotation(other, "amina", "claim", 11, 19)
    gold_project.add_annotation(seed_id, "amina", "claim", 339, 474)
    out = tmp_path / "c.csv"
    assert claims.export(gold_project, out, document_ids=[other]).rows == 1
    claims.export(gold_project, out, annotators=["amina"], overwrite=True)
    rows = read_rows(out)
    assert sorted(r["document_id"] for r in rows) == sorted([seed_id, other])
    both = claims.export(
        gold_project, out, document_ids=[seed_id], annotators=["amina", "gold"], overwrite=True
    )
    assert both.rows == 22


def test_an_unknown_document_or_annotator_is_refused_by_name(gold_project, tmp_path):
    with pytest.raises(NotFoundError, match="no document with id 'nope'"):
        claims.export(gold_project, tmp_path / "c.csv", document_ids=["nope"])
    with pytest.raises(NotFoundError, match=r"no annotator named 'nobody' \(annotators: gold\)"):
        claims.export(gold_project, tmp_path / "c.csv", annotators=["nobody"])
    assert list(tmp_path.glob("*.csv")) == []


def test_an_existing_file_is_kept_unless_overwrite(exported, gold_project):
    exported.write_text("mine", encoding="utf-8")
    with pytest.raises(ExportError, match="exists; use --force to overwrite"):
        claims.export(gold_project, exported)
    assert exported.read_text(encoding="utf-8") == "mine"
    assert claims.export(gold_project, exported, overwrite=True).rows == 21
