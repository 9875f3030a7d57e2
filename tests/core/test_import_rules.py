"""Importing annotations follows the store's rules: one annotation per span and layer for an
annotator (a joint statement excepted), ids that are UUIDs and times in ISO 8601 UTC. A file
that breaks one is refused whole, naming the file and the line."""

import json

import pytest

from annotator.core.errors import InputError
from annotator.core.formats import brat, jsonl, txt
from annotator.core.store.project import Project

from .joint_statement import QUOTATION, tag_joint_statement


def gold_lines(gold_file):
    return [json.loads(line) for line in gold_file.read_text(encoding="utf-8").splitlines()]


def write_lines(path, records):
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def target(tmp_path, seed_article):
    """Another project with the sample article, to import into."""
    with Project.create(tmp_path / "target.annotator") as project:
        project.import_texts(txt.read_articles([seed_article]))
        yield project


@pytest.fixture
def export_lines(gold_project, tmp_path):
    """The gold annotation in this tool's own export, as a list of records."""
    jsonl.export(gold_project, tmp_path / "gold-export.jsonl")
    return gold_lines(tmp_path / "gold-export.jsonl")


def first_annotation(records, layer="speaker"):
    return next(
        n for n, r in enumerate(records) if r.get("type") == "annotation" and r["layer"] == layer
    )


def test_a_gold_file_tagging_a_span_twice_is_refused_naming_both_lines(
    seeded_project, gold_file, tmp_path, seed_id
):
    records = gold_lines(gold_file)
    records.append(dict(records[0], id="s1-again"))
    twice = write_lines(tmp_path / gold_file.name, records)
    with pytest.raises(InputError) as refused:
        jsonl.import_annotations(seeded_project, twice, "amal")
    assert str(refused.value) == (
        f"{twice}:31: amal has already tagged this span as speaker (on line 1 of this file)"
    )
    assert seeded_project.annotation_count() == 0


def test_a_span_already_tagged_in_the_project_is_named_as_such(seeded_project, gold_file, seed_id):
    mine = seeded_project.add_annotation(seed_id, "amal", "speaker", 0, 5)
    with pytest.raises(InputError) as refused:
        jsonl.import_annotations(seeded_project, gold_file, "amal")
    assert str(refused.value).startswith(f"{gold_file}:1: amal has already tagged this span")
    assert f"annotation {mine.id}, already in the project" in str(refused.value)
    assert seeded_project.annotation_count() == 1


def test_a_joint_statement_in_a_gold_file_is_two_claims(seeded_project, tmp_path, seed_id):
    claim = {"layer": "claim", "start": QUOTATION[0], "end": QUOTATION[1], "kind": "direct"}
    path = write_lines(
        tmp_path / f"{seed_id}.gold.jsonl",
        [
            {"id": "s1", "layer": "speaker", "start": 0, "end": 5},
            {"id": "s3", "layer": "speaker", "start": 184, "end": 229},
            dict(claim, id="c1", speaker="s1"),
            dict(claim, id="c2", speaker="s3"),
        ],
    )
    assert jsonl.import_annotations(seeded_project, path, "amal").added == 4


def test_an_export_tagging_a_span_twice_is_refused_naming_both_lines(
    target, export_lines, tmp_path
):
    n = first_annotation(export_lines)
    export_lines.append(dict(export_lines[n], id="0a0a0a0a-0000-4000-8000-000000000001"))
    path = write_lines(tmp_path / "twice.jsonl", export_lines)
    with pytest.raises(InputError) as refused:
        jsonl.import_annotations(target, path)
    assert str(refused.value) == (
        f"{path}:{len(export_lines)}: gold has already tagged this span as speaker "
        f"(on line {n + 1} of this file)"
    )
    assert target.annotation_count() == 0


def test_an_export_of_a_joint_statement_imports_whole(seeded_project, seed_id, tmp_path):
    tag_joint_statement(seeded_project, seed_id, "amal", reverse=False)
    jsonl.export(seeded_project, tmp_path / "joint.jsonl", annotators=["amal"])
    result = jsonl.import_annotations(seeded_project, tmp_path / "joint.jsonl", "omar")
    assert result.added == 4


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("created_at", '=HYPERLINK("http://x")'),
        ("created_at", "2024-05-01T12:00:00"),  # no zone: not known to be UTC
        ("modified_at", "2024-05-01T14:00:00+02:00"),
        ("modified_at", "yesterday"),
    ],
)
def test_an_export_with_a_time_that_is_not_iso_utc_is_refused_naming_the_line(
    target, export_lines, tmp_path, key, value
):
    n = first_annotation(export_lines)
    export_lines[n][key] = value
    path = write_lines(tmp_path / "times.jsonl", export_lines)
    with pytest.raises(InputError) as refused:
        jsonl.import_annotations(target, path)
    assert str(refused.value).startswith(f"{path}:{n + 1}: {key} ")
    assert "is not an ISO 8601 time in UTC" in str(refused.value)
    assert target.annotation_count() == 0


def test_times_in_utc_are_stored_in_the_projects_form(target, export_lines, tmp_path):
    n = first_annotation(export_lines)
    export_lines[n]["created_at"] = "2024-05-01T12:00:00Z"
    jsonl.import_annotations(target, write_lines(tmp_path / "z.jsonl", export_lines))
    stored = target.annotation(export_lines[n]["id"])
    assert stored.created_at == "2024-05-01T12:00:00+00:00"


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("id", "=1+1", "annotation id '=1+1' is not a UUID"),
        ("id", 12, "annotation id 12 is not a UUID"),
        ("link_id", "=HYPERLINK(1)", "link_id '=HYPERLINK(1)' is not a UUID"),
    ],
)
def test_an_export_with_an_id_that_is_not_a_uuid_is_refused_naming_the_line(
    target, export_lines, tmp_path, key, value, message
):
    n = first_annotation(export_lines, "claim")
    export_lines[n][key] = value
    path = write_lines(tmp_path / "ids.jsonl", export_lines)
    with pytest.raises(InputError) as refused:
        jsonl.import_annotations(target, path)
    assert str(refused.value) == f"{path}:{n + 1}: {message}"
    assert target.annotation_count() == 0


@pytest.fixture
def brat_folder(gold_project, tmp_path):
    brat.export(gold_project, tmp_path / "brat")
    return tmp_path / "brat"


def ann_file(folder):
    (ann,) = folder.glob("*.ann")
    return ann


def test_a_brat_file_tagging_a_span_twice_is_refused_naming_both_lines(target, brat_folder):
    ann = ann_file(brat_folder)
    lines = ann.read_text(encoding="utf-8").splitlines()
    _, rest = lines[0].split("\t", 1)
    ann.write_text("\n".join([*lines, f"T999\t{rest}"]) + "\n", encoding="utf-8")
    with pytest.raises(InputError) as refused:
        brat.import_annotations(target, brat_folder, "amal")
    assert str(refused.value) == (
        f"{ann}:{len(lines) + 1}: amal has already tagged this span as speaker "
        "(on line 1 of this file)"
    )
    assert target.annotation_count() == 0


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("created", "=HYPERLINK(1)", "created '=HYPERLINK(1)' is not an ISO 8601 time in UTC"),
        ("modified", "2024-05-01 12:00", "modified '2024-05-01 12:00' is not an ISO 8601 time"),
        ("id", "=1+1", "id '=1+1' is not a UUID"),
    ],
)
def test_a_brat_provenance_that_is_not_an_id_or_a_utc_time_is_refused_naming_the_line(
    target, brat_folder, field, value, message
):
    ann = ann_file(brat_folder)
    lines = ann.read_text(encoding="utf-8").splitlines()
    n = next(k for k, line in enumerate(lines) if "\tProvenance " in line)
    note = lines[n].split("\t")[2]
    fields = dict(part.split(": ", 1) for part in note.split(" | "))
    fields[field] = value
    lines[n] = "\t".join(
        [*lines[n].split("\t")[:2], " | ".join(f"{k}: {v}" for k, v in fields.items())]
    )
    ann.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(InputError) as refused:
        brat.import_annotations(target, brat_folder)
    assert str(refused.value).startswith(f"{ann}:{n + 1}: {message}")
    assert target.annotation_count() == 0


def test_an_export_with_an_entity_id_that_is_not_a_uuid_is_refused_naming_the_line(
    target, export_lines, tmp_path
):
    n = next(k for k, r in enumerate(export_lines) if r.get("type") == "entity")
    export_lines[n]["id"] = "@SUM(1)"
    path = write_lines(tmp_path / "entity.jsonl", export_lines)
    with pytest.raises(InputError) as refused:
        jsonl.import_annotations(target, path)
    assert str(refused.value) == f"{path}:{n + 1}: entity: entity id '@SUM(1)' is not a UUID"
    assert target.entities() == []


def test_importing_a_file_again_does_not_bring_back_what_was_deleted(
    seeded_project, gold_file, seed_id
):
    jsonl.import_annotations(seeded_project, gold_file, "amal")
    claim = next(a for a in seeded_project.annotations(seed_id) if a.link_id)
    seeded_project.delete_annotation(claim.link_id)  # the speaker, its claims unlinked
    seeded_project.delete_annotation(claim.id)
    before = seeded_project.annotation_count()
    again = jsonl.import_annotations(seeded_project, gold_file, "amal")
    assert again.added == 0 and again.skipped == 30
    assert seeded_project.annotation_count() == before
    assert seeded_project.state(claim.id) is None and seeded_project.state(claim.link_id) is None


def test_a_new_claim_of_a_speaker_deleted_here_comes_in_unlinked(
    seeded_project, export_lines, tmp_path
):
    speaker = first_annotation(export_lines, "speaker")
    speaker_id = export_lines[speaker]["id"]
    claims = [
        n
        for n, r in enumerate(export_lines)
        if r.get("type") == "annotation" and r.get("link_id") == speaker_id
    ]
    only_speaker = [r for n, r in enumerate(export_lines) if n not in claims]
    jsonl.import_annotations(seeded_project, write_lines(tmp_path / "a.jsonl", only_speaker), None)
    seeded_project.delete_annotation(speaker_id)
    jsonl.import_annotations(seeded_project, write_lines(tmp_path / "b.jsonl", export_lines), None)
    assert seeded_project.state(speaker_id) is None
    for n in claims:
        assert seeded_project.annotation(export_lines[n]["id"]).link_id is None
    assert seeded_project.verify() == []
