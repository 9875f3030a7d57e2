"""Importing the reference annotation of the sample article from JSON Lines."""

import json

import pytest

from annotator.core.errors import InputError
from annotator.core.formats import jsonl
from annotator.core.model import Stance


def gold_records(gold_file):
    return [json.loads(line) for line in gold_file.read_text(encoding="utf-8").splitlines()]


def by_span(annotations):
    return {(a.layer, a.start, a.end): a for a in annotations}


def write_lines(path, records):
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )
    return path


def test_the_gold_file_gives_twelve_speakers_and_eighteen_claims(
    seeded_project, gold_file, seed_id
):
    result = jsonl.import_annotations(seeded_project, gold_file, "gold")
    assert (result.added, result.skipped, result.document_ids) == (30, 0, (seed_id,))
    layers = [a.layer for a in seeded_project.annotations(seed_id)]
    assert (layers.count("speaker"), layers.count("claim")) == (12, 18)


def test_every_imported_span_holds_its_document_text(gold_project, seed_id, seed_text):
    annotations = gold_project.annotations(seed_id)
    assert [a.text for a in annotations] == [seed_text[a.start : a.end] for a in annotations]
    assert gold_project.verify() == []


def test_imported_annotations_are_marked_as_imported(gold_project, seed_id):
    assert {a.origin for a in gold_project.annotations(seed_id)} == {"imported"}


def test_each_gold_claim_links_to_its_gold_speaker(gold_project, gold_file, seed_id):
    stored = by_span(gold_project.annotations(seed_id))
    by_id = {r["id"]: r for r in gold_records(gold_file)}
    claims = [r for r in by_id.values() if r["layer"] == "claim"]
    assert len(claims) == 18
    for record in claims:
        claim = stored[("claim", record["start"], record["end"])]
        speaker = by_id[record["speaker"]]
        linked = gold_project.annotation(claim.link_id)
        assert (linked.start, linked.end) == (speaker["start"], speaker["end"])


def test_stances_are_stored_as_in_the_gold_file(gold_project, gold_file, seed_id):
    stored = by_span(gold_project.annotations(seed_id))
    for record in gold_records(gold_file):
        annotation = stored[(record["layer"], record["start"], record["end"])]
        assert annotation.stances == tuple(Stance(t, v) for t, v in record.get("stances", []))


def test_attributes_are_stored_as_in_the_gold_file(gold_project, gold_file, seed_id):
    stored = by_span(gold_project.annotations(seed_id))
    c5 = next(r for r in gold_records(gold_file) if r["id"] == "c5")
    claim = stored[("claim", c5["start"], c5["end"])]
    assert claim.attributes == {"cue": "معرباً عن", "kind": "direct"}


def test_mentions_of_one_person_share_one_of_three_entities(gold_project):
    names = [e.name for e in gold_project.entities()]
    assert names == ["Esmail Qaani", "Ismail Haniyeh", "Ziyad al-Nakhalah"]


def test_importing_the_gold_file_twice_adds_nothing(gold_project, gold_file):
    result = jsonl.import_annotations(gold_project, gold_file, "gold")
    assert (result.added, result.skipped) == (0, 30)
    assert gold_project.annotation_count() == 30
    assert len(gold_project.entities()) == 3


def test_another_annotator_can_import_the_same_file(gold_project, gold_file):
    result = jsonl.import_annotations(gold_project, gold_file, "second-opinion")
    assert result.added == 30
    assert gold_project.annotation_count() == 60


def test_a_line_whose_text_does_not_match_is_refused_and_nothing_is_stored(
    seeded_project, gold_file, tmp_path
):
    records = gold_records(gold_file)
    records[4]["text"] = records[4]["text"].replace("قائد", "قادة")
    altered = write_lines(tmp_path / gold_file.name, records)
    with pytest.raises(InputError) as refused:
        jsonl.import_annotations(seeded_project, altered, "gold")
    assert f"{altered}:5: span text" in str(refused.value)
    assert seeded_project.annotation_count() == 0
    assert seeded_project.entities() == []
    assert seeded_project.annotators() == []


def test_a_link_to_a_line_not_in_the_file_is_refused(seeded_project, gold_file, tmp_path):
    records = [r for r in gold_records(gold_file) if r["id"] != "s4"]
    incomplete = write_lines(tmp_path / gold_file.name, records)
    with pytest.raises(InputError, match="links to 's4', which is not in this file"):
        jsonl.import_annotations(seeded_project, incomplete, "gold")
    assert seeded_project.annotation_count() == 0


def test_a_line_that_is_not_json_is_refused_naming_the_line(seeded_project, tmp_path, seed_id):
    path = tmp_path / f"{seed_id}.gold.jsonl"
    path.write_text('{"layer": "speaker", "start": 0, "end": 5}\n{"layer": \n', encoding="utf-8")
    with pytest.raises(InputError, match=r"\.jsonl:2: not valid JSON"):
        jsonl.import_annotations(seeded_project, path, "gold")


def test_offsets_given_as_text_are_refused_naming_the_line(seeded_project, tmp_path, seed_id):
    path = write_lines(
        tmp_path / f"{seed_id}.gold.jsonl", [{"layer": "speaker", "start": "0", "end": "5"}]
    )
    with pytest.raises(InputError, match=r"\.jsonl:1: span '0'-'5'"):
        jsonl.import_annotations(seeded_project, path, "gold")


def test_lines_for_a_missing_document_are_refused(project, gold_file):
    with pytest.raises(InputError, match="no document with id '000_41ac67127a0642cf'"):
        jsonl.import_annotations(project, gold_file, "gold")
