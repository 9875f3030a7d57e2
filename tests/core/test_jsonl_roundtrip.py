"""Exporting a project to JSON Lines and importing it elsewhere gives the same annotations."""

import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from annotator.core.errors import ExportError, InputError
from annotator.core.formats import import_annotations, jsonl
from annotator.core.model import Entity
from annotator.core.store.project import Project, TextSource

from .random_projects import annotated_texts, build, described


def lines(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture
def exported(gold_project, tmp_path):
    path = tmp_path / "study.jsonl"
    jsonl.export(gold_project, path)
    return path


@pytest.fixture
def fresh(tmp_path):
    with Project.create(tmp_path / "fresh.annotator") as project:
        yield project


def test_the_export_starts_with_a_header_naming_format_version_and_schema(exported, gold_project):
    header = lines(exported)[0]
    assert (header["type"], header["format"], header["version"]) == (
        "header",
        "arabic-news-annotator",
        1,
    )
    assert header["schema"] == gold_project.schema.source


def test_the_export_holds_annotators_entities_documents_and_annotations(exported, seed_text):
    types = [r["type"] for r in lines(exported)]
    assert types == ["header", "annotator"] + ["entity"] * 3 + ["document"] + ["annotation"] * 30
    (document,) = [r for r in lines(exported) if r["type"] == "document"]
    assert document["text"] == seed_text


def test_an_annotation_record_names_its_entity_link_and_stances(exported, gold_project, seed_id):
    records = {r["id"]: r for r in lines(exported) if r["type"] == "annotation"}
    claim = next(a for a in gold_project.annotations(seed_id) if a.start == 339)
    record = records[claim.id]
    assert record["link_id"] == claim.link_id
    assert record["stances"] == [["Palestinian cause", "favor"], ["Israel", "against"]]
    assert record["attributes"] == {"cue": "أكد", "kind": "direct"}
    speaker = records[claim.link_id]
    entities = {r["id"]: r["name"] for r in lines(exported) if r["type"] == "entity"}
    assert entities[speaker["entity_id"]] == "Esmail Qaani"
    assert speaker["document_sha256"] == gold_project.document(seed_id).sha256


def test_importing_the_export_into_a_new_project_gives_the_same_annotations(
    exported, gold_project, fresh, seed_id
):
    result = import_annotations(fresh, exported)
    assert (result.added, result.skipped, result.documents_added) == (30, 0, (seed_id,))
    assert described(fresh, seed_id) == described(gold_project, seed_id)
    assert fresh.entities() == gold_project.entities()
    assert fresh.document(seed_id).title == gold_project.document(seed_id).title


def test_importing_the_export_twice_adds_nothing(exported, fresh):
    import_annotations(fresh, exported)
    result = import_annotations(fresh, exported)
    assert (result.added, result.skipped, result.documents_added) == (0, 30, ())
    assert fresh.annotation_count() == 30


def test_a_document_already_in_the_project_is_found_by_its_text(exported, seeded_project, seed_id):
    result = import_annotations(seeded_project, exported)
    assert result.documents_added == ()
    assert result.document_ids == (seed_id,)


def test_a_document_with_the_same_text_under_another_id_is_found(exported, fresh, seed_text):
    (other,) = fresh.import_texts([TextSource(seed_text, id="renamed")]).added
    result = import_annotations(fresh, exported)
    assert result.document_ids == (other,) and result.documents_added == ()
    assert {a.document_id for a in fresh.annotations(other)} == {"renamed"}


def test_an_id_taken_by_another_text_gives_the_new_document_another_id(exported, fresh, seed_id):
    fresh.import_texts([TextSource("نص آخر", id=seed_id)])
    result = import_annotations(fresh, exported)
    assert result.documents_added == (f"{seed_id}-2",)


def test_entities_are_matched_by_name_when_their_id_differs(exported, fresh):
    fresh.add_entity(Entity("11111111-1111-4111-8111-111111111111", "Esmail Qaani"))
    import_annotations(fresh, exported)
    qaani = [e for e in fresh.entities() if e.name == "Esmail Qaani"]
    assert [e.id for e in qaani] == ["11111111-1111-4111-8111-111111111111"]


def test_the_annotators_of_the_file_are_kept(gold_project, fresh, tmp_path, seed_id):
    gold_project.add_annotation(seed_id, "amina", "speaker", 0, 5)
    jsonl.export(gold_project, tmp_path / "two.jsonl")
    import_annotations(fresh, tmp_path / "two.jsonl")
    assert fresh.stats()["by_annotator"] == {"amina": 1, "gold": 30}


def test_an_annotator_given_takes_every_annotation_under_new_ids(exported, gold_project, seed_id):
    result = import_annotations(gold_project, exported, annotator="review")
    assert result.added == 30
    review = gold_project.annotations(seed_id, annotator="review")
    gold = {a.id for a in gold_project.annotations(seed_id, annotator="gold")}
    assert len(review) == 30 and not gold & {a.id for a in review}
    claims = [a for a in review if a.layer == "claim"]
    assert all(gold_project.annotation(c.link_id).annotator == "review" for c in claims)
    again = import_annotations(gold_project, exported, annotator="review")
    assert (again.added, again.skipped) == (0, 30)


def test_a_selection_exports_its_documents_and_annotators_only(gold_project, tmp_path, seed_id):
    (other,) = gold_project.import_texts([TextSource("قال الوزير", id="other")]).added
    gold_project.add_annotation(other, "amina", "speaker", 4, 10, entity="الوزير")
    jsonl.export(gold_project, tmp_path / "one.jsonl", document_ids=[other])
    records = lines(tmp_path / "one.jsonl")
    assert [r["id"] for r in records if r["type"] == "document"] == [other]
    assert [r["name"] for r in records if r["type"] == "entity"] == ["الوزير"]
    jsonl.export(gold_project, tmp_path / "amina.jsonl", annotators=["amina"])
    records = lines(tmp_path / "amina.jsonl")
    assert [r["name"] for r in records if r["type"] == "annotator"] == ["amina"]
    assert {r["annotator"] for r in records if r["type"] == "annotation"} == {"amina"}


def test_a_span_whose_text_differs_is_refused_naming_the_line(exported, fresh):
    records = lines(exported)
    records[10]["text"] = records[10]["text"] + "x"
    exported.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )
    with pytest.raises(InputError, match=r"study\.jsonl:11: span text"):
        import_annotations(fresh, exported)
    assert (fresh.annotation_count(), fresh.documents(), fresh.entities()) == (0, [], [])


def test_a_document_missing_from_both_file_and_project_is_refused(exported, fresh):
    records = [r for r in lines(exported) if r["type"] != "document"]
    exported.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    with pytest.raises(InputError, match="no document in the project or the file"):
        import_annotations(fresh, exported)


def test_a_newer_export_version_is_refused(exported, fresh):
    records = lines(exported)
    records[0]["version"] = 99
    exported.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    with pytest.raises(InputError, match="version 99"):
        import_annotations(fresh, exported)


def test_the_gold_format_still_needs_an_annotator(fresh, gold_file):
    with pytest.raises(InputError, match="gold format, which records no annotator"):
        import_annotations(fresh, gold_file)


def test_an_existing_file_is_not_overwritten_without_asking(exported, gold_project):
    before = exported.read_bytes()
    with pytest.raises(ExportError, match="exists; use --force to overwrite"):
        jsonl.export(gold_project, exported)
    assert exported.read_bytes() == before
    jsonl.export(gold_project, exported, overwrite=True)


def test_line_separators_inside_text_are_escaped_so_each_record_is_one_line(fresh, tmp_path):
    fresh.import_texts([TextSource("أ\u2028ب\x85ج\u2029د", id="d")])
    fresh.add_annotation("d", "amina", "speaker", 0, 7)
    jsonl.export(fresh, tmp_path / "seps.jsonl")
    raw = (tmp_path / "seps.jsonl").read_text(encoding="utf-8")
    assert "\u2028" not in raw and "\x85" not in raw and len(raw.splitlines()) == 4


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(annotated_texts())
def test_any_text_and_annotations_survive_the_round_trip_exactly(case):
    text, plans = case
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        with build(folder / "a.annotator", text, plans) as source:
            jsonl.export(source, folder / "out.jsonl")
            with Project.create(folder / "b.annotator") as target:
                import_annotations(target, folder / "out.jsonl")
                assert described(target, "doc") == described(source, "doc")
                assert target.text("doc") == text
