"""Files of other tools imported again after they changed: ids come from what a span is, equal
content is "already present", changed content is reported and not stored, and a document whose
id holds another text is reported."""

import json
import re

import pytest

from annotator.core.errors import InputError
from annotator.core.formats import import_annotations, jsonl, xmi
from annotator.core.formats.articles import read_articles
from annotator.core.store.project import Project, TextSource

TEXT = "قال الوزير سمير إن المدرسة ستفتح غداً. وأضاف مدير المدرسة أن العمل بدأ."
MINISTER = (TEXT.index("الوزير"), TEXT.index(" إن"))
OPENS = (TEXT.index("المدرسة ستفتح"), TEXT.index("."))
HEAD = (TEXT.index("مدير"), TEXT.index(" أن"))


def write_lines(path, records):
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )
    return path


def spans(project, document_id):
    return sorted((a.layer, a.start, a.end, a.annotator) for a in project.annotations(document_id))


# ----------------------------------------------------------------------------- doccano


def test_two_doccano_files_of_one_annotator_both_store_their_spans(project, tmp_path):
    a = write_lines(
        tmp_path / "a.jsonl", [{"id": 1, "text": TEXT, "label": [[*MINISTER, "SPEAKER"]]}]
    )
    b = write_lines(tmp_path / "b.jsonl", [{"id": 1, "text": TEXT, "label": [[*OPENS, "CLAIM"]]}])
    assert import_annotations(project, a, "amina").added == 1
    second = import_annotations(project, b, "amina")
    assert (second.added, second.skipped, second.changed) == (1, 0, ())
    assert spans(project, "1") == [
        ("claim", *OPENS, "amina"),
        ("speaker", *MINISTER, "amina"),
    ]


def test_a_label_added_at_the_front_of_an_updated_export_adds_only_it(project, tmp_path):
    first = [{"id": 1, "text": TEXT, "label": [[*MINISTER, "SPEAKER"], [*OPENS, "CLAIM"]]}]
    updated = [{"id": 1, "text": TEXT, "label": [[*HEAD, "SPEAKER"], *first[0]["label"]]}]
    import_annotations(project, write_lines(tmp_path / "v1.jsonl", first), "amina")
    again = import_annotations(project, write_lines(tmp_path / "v2.jsonl", updated), "amina")
    assert (again.added, again.skipped, again.changed) == (1, 2, ())
    assert len(project.annotations("1")) == 3


def test_an_unlabelled_first_line_does_not_hide_a_doccano_export(project, tmp_path):
    path = write_lines(
        tmp_path / "export.jsonl",
        [
            {"id": 2, "text": "نص بلا وسوم", "label": []},
            {"id": 1, "text": TEXT, "label": [[*MINISTER, "SPEAKER"]]},
        ],
    )
    result = import_annotations(project, path, "amina")
    assert result.added == 1
    assert spans(project, "1") == [("speaker", *MINISTER, "amina")]
    batch = read_articles([path])
    assert batch.files == []
    (problem,) = batch.problems
    assert problem.reason.startswith("doccano JSONL: span annotations, not articles")


def test_offsets_written_as_strings_are_named(project, tmp_path):
    path = write_lines(
        tmp_path / "s.jsonl", [{"id": 1, "text": TEXT, "label": [["4", "9", "SPEAKER"]]}]
    )
    with pytest.raises(
        InputError, match=r"s.jsonl:1: doccano JSONL: start '4' is a string; offsets must be JSON"
    ):
        import_annotations(project, path, "amina")
    assert project.documents() == []


def test_doccano_lines_saved_as_json_are_read_as_doccano(project, tmp_path):
    path = write_lines(
        tmp_path / "d.json", [{"id": 1, "text": TEXT, "label": [[*MINISTER, "SPEAKER"]]}]
    )
    assert import_annotations(project, path, "amina").added == 1


def test_a_doccano_file_whose_id_holds_another_text_is_added_with_a_note(project, tmp_path):
    project.import_texts([TextSource(text=TEXT, id="1")])
    changed = TEXT + " "
    path = write_lines(
        tmp_path / "d.jsonl", [{"id": 1, "text": changed, "label": [[*MINISTER, "SPEAKER"]]}]
    )
    result = import_annotations(project, path, "amina")
    (added,) = result.documents_added
    assert added != "1"
    (note,) = result.notes
    assert note.startswith(
        f"d.jsonl:1: document '1' of the project has another text (they differ from code point "
        f"{len(TEXT)}: '' here, ' ' in the file;"
    )
    assert note.endswith(f"the file's text was added as {added!r}")


# ----------------------------------------------------------------------------- Label Studio


def labels_region(rid, span, label):
    start, end = span
    return {
        "id": rid,
        "from_name": "label",
        "to_name": "text",
        "type": "labels",
        "value": {"start": start, "end": end, "text": TEXT[start:end], "labels": [label]},
    }


def choice(rid, name, value, span=(0, 0)):
    return {
        "id": rid,
        "from_name": name,
        "to_name": "text",
        "type": "choices",
        "value": {"start": span[0], "end": span[1], "choices": [value]},
    }


def studio_file(tmp_path, results):
    task = {
        "id": 5,
        "data": {"text": TEXT},
        "annotations": [{"completed_by": 1, "result": results}],
    }
    path = tmp_path / "studio.json"
    path.write_text(json.dumps([task], ensure_ascii=False), encoding="utf-8")
    return path


def test_label_studio_choices_of_the_whole_text_are_noted_not_refused(project, tmp_path):
    path = studio_file(
        tmp_path, [labels_region("s1", MINISTER, "Speaker"), choice("doc", "topic", "education")]
    )
    result = import_annotations(project, path)
    assert result.added == 1
    assert result.notes == ("studio.json:1: choices 'topic' of the whole text ignored",)


def test_choices_of_a_region_left_out_go_with_it(project, tmp_path):
    path = studio_file(
        tmp_path,
        [
            labels_region("s1", MINISTER, "Speaker"),
            labels_region("c1", OPENS, "Claim"),
            choice("c1", "kind", "indirect", OPENS),
            {"from_id": "c1", "to_id": "s1", "type": "relation"},
        ],
    )
    result = import_annotations(project, path, labels={"Claim": "-"})
    assert (result.added, result.notes) == (1, ())
    assert [a.layer for a in project.annotations(result.document_ids[0])] == ["speaker"]


def test_a_label_studio_json_min_export_is_named_in_both_commands(project, tmp_path):
    path = tmp_path / "min.json"
    start, end = MINISTER
    regions = [{"start": start, "end": end, "text": TEXT[start:end], "labels": ["Speaker"]}]
    path.write_text(json.dumps([{"id": 1, "text": TEXT, "label": regions}]), encoding="utf-8")
    with pytest.raises(InputError, match="Label Studio JSON-MIN: .* not JSON-MIN: export again"):
        import_annotations(project, path)
    (problem,) = read_articles([path]).problems
    assert problem.reason.startswith("Label Studio JSON-MIN: span annotations, not articles")
    assert project.documents() == []


# ----------------------------------------------------------------------------- changed content


def test_an_edited_jsonl_export_reports_the_changed_annotation_and_keeps_the_project(
    project, tmp_path
):
    project.import_texts([TextSource(text=TEXT, id="1")])
    speaker = project.add_annotation("1", "amina", "speaker", *MINISTER)
    jsonl.export(project, tmp_path / "all.jsonl")
    lines = (tmp_path / "all.jsonl").read_text(encoding="utf-8").splitlines()
    edited = [
        line.replace('"role": "person"', '"role": "government"') if speaker.id in line else line
        for line in lines
    ]
    (tmp_path / "edited.jsonl").write_text("\n".join(edited) + "\n", encoding="utf-8")
    result = import_annotations(project, tmp_path / "edited.jsonl")
    assert (result.added, result.skipped, result.changed) == (0, 0, (speaker.id,))
    assert project.annotation(speaker.id).attributes["role"] == "person"
    assert project.annotation(speaker.id).revision == 1


# ----------------------------------------------------------------------------- XMI

cassis = pytest.importorskip("cassis")


def inception_folder(project, folder, speakers):
    """An XMI folder as INCEpTION writes it: no provenance features, xmi:ids numbered in the
    order the speakers come, and one claim linked to the last speaker."""
    ts = xmi.type_system(project.schema)
    folder.mkdir()
    (folder / "TypeSystem.xml").write_text(ts.to_xml(), encoding="utf-8")
    cas = cassis.Cas(typesystem=ts)
    cas.sofa_string = TEXT
    cas.add(ts.get_type(xmi.METADATA)(begin=0, end=len(TEXT), documentId="school"))
    speaker_type = ts.get_type("webanno.custom.Speaker")
    made = [speaker_type(begin=s, end=e, role="person") for s, e in speakers]
    cas.add_all(made)
    cas.add(ts.get_type("webanno.custom.Claim")(begin=OPENS[0], end=OPENS[1], speaker=made[-1]))
    (folder / "layla.xmi").write_text(cas.to_xmi(), encoding="utf-8")
    return folder


def test_an_updated_inception_folder_with_a_speaker_added_first_adds_only_it(project, tmp_path):
    first = inception_folder(project, tmp_path / "v1", [MINISTER])
    assert import_annotations(project, first).added == 2
    updated = inception_folder(project, tmp_path / "v2", [HEAD, MINISTER])
    again = import_annotations(project, updated)
    assert (again.added, again.skipped, again.changed) == (1, 2, ())
    claim = next(a for a in project.annotations("school") if a.layer == "claim")
    assert project.annotation(claim.link_id).start == MINISTER[0]


def test_an_edited_xmi_export_reports_changes_and_stores_only_whats_new(project, tmp_path):
    project.import_texts([TextSource(text=TEXT, id="school")])
    speaker = project.add_annotation("school", "amina", "speaker", *MINISTER)
    claim = project.add_annotation("school", "amina", "claim", *OPENS, link_id=speaker.id)
    xmi.export(project, tmp_path / "out")
    (path,) = (tmp_path / "out").glob("*/amina.xmi")
    source = path.read_text(encoding="utf-8")
    source = source.replace('role="person"', 'role="government"')
    source = re.sub(f'(begin="{OPENS[0]}" end=")({OPENS[1]})"', rf'\g<1>{OPENS[1] - 1}"', source)
    path.write_text(source, encoding="utf-8")
    result = import_annotations(project, tmp_path / "out")
    assert (result.added, result.skipped) == (0, 0)
    assert sorted(result.changed) == sorted([speaker.id, claim.id])
    assert project.annotation(speaker.id).attributes["role"] == "person"
    assert project.annotation(claim.id).end == OPENS[1]


def test_a_changed_text_under_a_known_document_id_is_noted_and_never_named_initial_cas(
    project, tmp_path
):
    project.import_texts([TextSource(text=TEXT, id="school")])
    other = Project.create(tmp_path / "other.annotator")
    with other:
        other.import_texts([TextSource(text=TEXT + " ", id="school", title="school")])
        other.add_annotation("school", "amina", "speaker", *MINISTER)
        xmi.export(other, tmp_path / "out")
    result = import_annotations(project, tmp_path / "out")
    (added,) = result.documents_added
    assert added == "school-2"
    (note,) = result.notes
    assert "INITIAL_CAS" in note  # the file the note is about
    assert (
        "document 'school' of the project has another text "
        f"(they differ from code point {len(TEXT)}" in note
    )
    assert note.endswith("the file's text was added as 'school-2'")
    assert spans(project, "school-2") == [("speaker", *MINISTER, "amina")]


def test_an_edited_brat_export_reports_the_changed_annotation(project, tmp_path):
    from annotator.core.formats import brat

    project.import_texts([TextSource(text=TEXT, id="1")])
    speaker = project.add_annotation("1", "amina", "speaker", *MINISTER)
    brat.export(project, tmp_path / "brat")
    (ann,) = (tmp_path / "brat").rglob("*.ann")
    source = ann.read_text(encoding="utf-8")
    assert " person" in source
    ann.write_text(source.replace(" person", " government"), encoding="utf-8")
    result = import_annotations(project, tmp_path / "brat")
    assert (result.added, result.skipped, result.changed) == (0, 0, (speaker.id,))
    assert project.annotation(speaker.id).attributes["role"] == "person"


def test_utf16_offsets_in_doccano_triples_are_named_in_a_note(project, tmp_path):
    text = "قال 😀 الوزير سمير إن المدرسة ستفتح."
    minister = (text.index("الوزير"), text.index(" إن"))
    as_utf16 = [len(text[:p].encode("utf-16-le")) // 2 for p in minister]
    path = write_lines(tmp_path / "js.jsonl", [{"text": text, "label": [[*as_utf16, "SPEAKER"]]}])
    result = import_annotations(project, path, "amina")
    (note,) = result.notes
    assert note.startswith(
        "js.jsonl:1: 1 span(s) cut words, as span 7-18 ('لوزير سمير '), and all would fit word "
        "edges read as UTF-16 units ('الوزير سمير')"
    )


def test_utf16_offsets_past_the_end_are_refused_naming_the_units(project, tmp_path):
    text = "قال 😀😀 سمير"
    end16 = len(text.encode("utf-16-le")) // 2
    path = write_lines(
        tmp_path / "js.jsonl", [{"text": text, "label": [[end16 - 4, end16, "SPEAKER"]]}]
    )
    with pytest.raises(
        InputError,
        match=rf"span {end16 - 4}-{end16} is not inside the text \({len(text)} code points\); "
        rf"it is inside as UTF-16 units \({end16}\): offsets must be code points",
    ):
        import_annotations(project, path, "amina")
    assert project.documents() == []


def test_a_span_inside_a_word_is_kept_when_utf16_does_not_explain_it(project, tmp_path):
    text = "قال 😀 الوزير سمير"
    inside = (text.index("وزير"), len(text))  # the annotator's own choice, not a unit mix-up
    path = write_lines(tmp_path / "w.jsonl", [{"text": text, "label": [[*inside, "SPEAKER"]]}])
    result = import_annotations(project, path, "amina")
    assert (result.added, result.notes) == (1, ())


def test_a_jsonl_export_whose_document_id_holds_another_text_here_is_noted(project, tmp_path):
    project.import_texts([TextSource(text=TEXT, id="school")])
    with Project.create(tmp_path / "other.annotator") as other:
        other.import_texts([TextSource(text=TEXT.replace("غداً", "اليوم"), id="school")])
        jsonl.export(other, tmp_path / "other.jsonl")
    result = import_annotations(project, tmp_path / "other.jsonl")
    assert result.documents_added == ("school-2",)
    (note,) = result.notes
    at = TEXT.index("غداً")
    assert note.startswith(
        f"other.jsonl:2: document 'school' of the project has another text (they differ from "
        f"code point {at}: 'غداً"
    )


def test_a_span_already_tagged_under_another_id_is_that_annotation(project, tmp_path):
    """A span tagged by hand, or imported before ids came from content, is what the file's
    same span is: present when equal, reported when different, and claims link to it."""
    project.import_texts([TextSource(text=TEXT, id="1")])
    speaker = project.add_annotation("1", "labelstudio-1", "speaker", *MINISTER)
    path = studio_file(
        tmp_path,
        [
            labels_region("s1", MINISTER, "Speaker"),
            labels_region("c1", OPENS, "Claim"),
            {"from_id": "c1", "to_id": "s1", "type": "relation"},
        ],
    )
    result = import_annotations(project, path)
    assert (result.added, result.skipped, result.changed) == (1, 1, ())
    claim = next(a for a in project.annotations("1") if a.layer == "claim")
    assert claim.link_id == speaker.id
    edited = studio_file(
        tmp_path,
        [labels_region("s1", MINISTER, "Speaker"), choice("s1", "role", "government", MINISTER)],
    )
    again = import_annotations(project, edited)
    assert (again.added, again.changed) == (0, (speaker.id,))
    assert project.annotation(speaker.id).attributes["role"] == "person"
