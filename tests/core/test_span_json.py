"""doccano and spaCy-style JSON Lines and Label Studio JSON: refused as articles, read as spans."""

import json
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core.errors import InputError
from annotator.core.formats import import_annotations
from annotator.core.formats.articles import read_articles
from annotator.core.store.project import Project, TextSource

from .random_projects import annotated_texts, build

TEXT = 'قال 😀 الوزير سمير: "سنبني المدرسة".\r\nوأضاف أن "العمل يبدأ غداً".'
SAMIR = (6, 17)  # الوزير سمير, after an emoji: code points, not UTF-16 units
FIRST = (TEXT.index('"سنبني'), TEXT.index('".') + 1)  # "سنبني المدرسة" with its marks
SECOND = (TEXT.index('"العمل'), len(TEXT) - 1)


def write_lines(path, records):
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )
    return path


def spans(project, document_id):
    return sorted(
        (a.layer, a.start, a.end, a.text, a.annotator) for a in project.annotations(document_id)
    )


def test_the_offsets_here_are_the_texts_code_points():
    assert TEXT[slice(*SAMIR)] == "الوزير سمير"
    assert TEXT[slice(*FIRST)] == '"سنبني المدرسة"'
    assert TEXT[slice(*SECOND)] == '"العمل يبدأ غداً"'


@pytest.fixture
def doccano(tmp_path):
    return write_lines(
        tmp_path / "doccano.jsonl",
        [
            {
                "id": 7,
                "text": TEXT,
                "label": [[*SAMIR, "PER"], [*FIRST, "QUOTE"], [*SECOND, "QUOTE"], [0, 3, "CUE"]],
            }
        ],
    )


def test_doccano_labels_are_stored_in_the_layers_mapped(project, doccano):
    result = import_annotations(
        project, doccano, "amina", labels={"PER": "speaker", "QUOTE": "claim", "CUE": "-"}
    )
    assert (result.added, result.documents_added) == (3, ("7",))
    assert project.text("7") == TEXT
    assert spans(project, "7") == [
        ("claim", *FIRST, '"سنبني المدرسة"', "amina"),
        ("claim", *SECOND, '"العمل يبدأ غداً"', "amina"),
        ("speaker", *SAMIR, "الوزير سمير", "amina"),
    ]
    again = import_annotations(
        project, doccano, "amina", labels={"PER": "speaker", "QUOTE": "claim", "CUE": "-"}
    )
    assert (again.added, again.skipped) == (0, 3)


def test_a_label_without_a_layer_is_named_with_the_line_and_nothing_is_stored(project, doccano):
    with pytest.raises(InputError) as caught:
        import_annotations(project, doccano, "amina", labels={"PER": "speaker"})
    assert str(caught.value).startswith(f"{doccano}:1: doccano JSONL: label 'QUOTE' is no layer")
    assert "--map QUOTE=LAYER" in str(caught.value)
    assert project.documents() == []


def test_doccano_needs_an_annotator(project, doccano):
    with pytest.raises(InputError, match="record no annotator; give one with --annotator"):
        import_annotations(project, doccano)


def test_the_document_is_found_by_its_text_as_the_readers_store_it(project, doccano):
    """`annotator import` of the .txt turned CR LF into LF: the spans after it move back."""
    project.import_texts([TextSource(text=TEXT.replace("\r\n", "\n"), id="mine")])
    result = import_annotations(
        project, doccano, "amina", labels={"PER": "speaker", "QUOTE": "claim", "CUE": "-"}
    )
    assert result.documents_added == () and result.document_ids == ("mine",)
    second = [a for a in project.annotations("mine") if a.start > 40]
    assert [(a.start, a.end, a.text) for a in second] == [
        (SECOND[0] - 1, SECOND[1] - 1, '"العمل يبدأ غداً"')
    ]


def test_utf16_offsets_are_refused_where_the_file_gives_the_span_text(project, tmp_path):
    """spaCy-style spans carry their text: offsets counted in UTF-16 units miss it."""
    path = write_lines(
        tmp_path / "spans.jsonl",
        [
            {"text": "نص أول", "spans": [{"start": 0, "end": 2, "label": "speaker"}]},
            {
                "text": TEXT,
                "spans": [{"start": 7, "end": 18, "label": "speaker", "text": "الوزير سمير"}],
            },
        ],
    )
    with pytest.raises(InputError) as caught:
        import_annotations(project, path, "amina")
    message = str(caught.value)
    assert message.startswith(f"{path}:2: spaCy-style JSONL: span 7-18 is 'لوزير سمير:'")
    assert "(offsets must be code points)" in message
    assert project.documents() == []


def test_doccano_entities_and_relations_link_a_claim_to_its_speaker(project, tmp_path):
    path = write_lines(
        tmp_path / "rel.jsonl",
        [
            {
                "id": 3,
                "text": TEXT,
                "entities": [
                    {
                        "id": 11,
                        "label": "speaker",
                        "start_offset": SAMIR[0],
                        "end_offset": SAMIR[1],
                    },
                    {"id": 12, "label": "claim", "start_offset": FIRST[0], "end_offset": FIRST[1]},
                ],
                # Drawn from speaker to claim: the link is the claim's either way.
                "relations": [{"id": 1, "from_id": 11, "to_id": 12, "type": "says"}],
            }
        ],
    )
    import_annotations(project, path, "omar")
    by_layer = {a.layer: a for a in project.annotations("3")}
    assert by_layer["claim"].link_id == by_layer["speaker"].id


def test_a_relation_the_schema_has_no_link_for_is_skipped_and_reported(project, tmp_path):
    path = write_lines(
        tmp_path / "rel.jsonl",
        [
            {
                "text": TEXT,
                "entities": [
                    {"id": 1, "label": "claim", "start_offset": FIRST[0], "end_offset": FIRST[1]},
                    {"id": 2, "label": "claim", "start_offset": SECOND[0], "end_offset": SECOND[1]},
                ],
                "relations": [{"from_id": 1, "to_id": 2, "type": "x"}],
            }
        ],
    )
    result = import_annotations(project, path, "omar")
    assert result.added == 2
    assert result.notes == (
        "rel.jsonl:1: 1 relation(s) that are no link of the schema (a claim to its speaker) "
        "skipped",
    )
    (doc,) = result.document_ids
    assert [a.link_id for a in project.annotations(doc)] == [None, None]


def label_studio_task(task_id, annotations):
    return {"id": task_id, "data": {"text": TEXT}, "annotations": annotations, "predictions": []}


def region(rid, start, end, label):
    return {
        "id": rid,
        "from_name": "label",
        "to_name": "text",
        "type": "labels",
        "value": {"start": start, "end": end, "text": TEXT[start:end], "labels": [label]},
    }


@pytest.fixture
def label_studio(tmp_path):
    tasks = [
        label_studio_task(
            41,
            [
                {
                    "id": 1,
                    "completed_by": 2,
                    "result": [
                        region("s1", *SAMIR, "Speaker"),
                        region("c1", *FIRST, "Claim"),
                        {
                            "id": "c1",
                            "from_name": "kind",
                            "to_name": "text",
                            "type": "choices",
                            "value": {"start": FIRST[0], "end": FIRST[1], "choices": ["direct"]},
                        },
                        {
                            "id": "c1",
                            "from_name": "cue",
                            "to_name": "text",
                            "type": "textarea",
                            "value": {"start": FIRST[0], "end": FIRST[1], "text": ["قال"]},
                        },
                        {"from_id": "c1", "to_id": "s1", "type": "relation", "direction": "right"},
                    ],
                },
                {"id": 2, "completed_by": 5, "result": [region("x", *SECOND, "Claim")]},
            ],
        )
    ]
    path = tmp_path / "project-1-at-2024.json"
    path.write_text(json.dumps(tasks, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def test_label_studio_regions_relations_and_region_choices(project, label_studio):
    result = import_annotations(project, label_studio)
    assert result.added == 3
    (doc,) = result.document_ids
    assert project.annotators() == ["labelstudio-2", "labelstudio-5"]
    mine = {a.layer: a for a in project.annotations(doc, "labelstudio-2")}
    assert mine["claim"].link_id == mine["speaker"].id
    assert mine["claim"].attributes["kind"] == "direct"
    assert mine["claim"].attributes["cue"] == "قال"
    assert (mine["speaker"].start, mine["speaker"].end) == SAMIR
    (other,) = project.annotations(doc, "labelstudio-5")
    assert other.text == TEXT[slice(*SECOND)]


def test_label_studio_errors_name_the_line_of_the_task(project, label_studio):
    tasks = json.loads(label_studio.read_text())
    tasks.append(label_studio_task(42, [{"id": 3, "result": [region("y", 60, 90, "Claim")]}]))
    tasks[1]["annotations"][0]["result"][0]["value"]["end"] = 500
    label_studio.write_text(json.dumps(tasks, ensure_ascii=False, indent=2), encoding="utf-8")
    lines = label_studio.read_text().splitlines()
    line = lines.index('    "id": 42,')  # 1-based: the line of the task's opening brace
    with pytest.raises(InputError) as caught:
        import_annotations(project, label_studio)
    assert str(caught.value).startswith(
        f"{label_studio}:{line}: Label Studio JSON: region y: span 60-500 is not inside the text"
    )
    assert project.documents() == []


def test_a_json_file_that_is_not_label_studio_is_named(project, tmp_path):
    path = tmp_path / "other.json"
    path.write_text('[{"text": "نص"}]', encoding="utf-8")
    with pytest.raises(InputError, match="not a Label Studio JSON export"):
        import_annotations(project, path)


def test_a_deleted_annotation_stays_deleted_when_the_file_comes_again(project, doccano):
    labels = {"PER": "speaker", "QUOTE": "claim", "CUE": "-"}
    import_annotations(project, doccano, "amina", labels=labels)
    speaker = next(a for a in project.annotations("7") if a.layer == "speaker")
    project.delete_annotation(speaker.id)
    again = import_annotations(project, doccano, "amina", labels=labels)
    assert (again.added, again.skipped) == (0, 3)
    assert project.deletion(speaker.id) is not None
    assert [a.layer for a in project.annotations("7")] == ["claim", "claim"]


@pytest.mark.parametrize(
    ("name", "content", "what"),
    [
        ("d.jsonl", {"text": TEXT, "label": [[0, 3, "CUE"]]}, "doccano JSONL"),
        (
            "e.jsonl",
            {"text": TEXT, "entities": [{"label": "X", "start_offset": 0, "end_offset": 3}]},
            "doccano JSONL",
        ),
        ("s.jsonl", {"text": TEXT, "spans": [{"start": 0, "end": 3, "label": "X"}]}, "spaCy"),
    ],
)
def test_import_refuses_span_files_as_articles_naming_format_and_command(
    tmp_path, name, content, what
):
    path = write_lines(tmp_path / name, [content])
    batch = read_articles([path])
    assert batch.files == []
    (problem,) = batch.problems
    assert problem.reason.startswith(what)
    assert f"annotator import-annotations {name} --annotator NAME" in problem.reason


def test_import_refuses_a_label_studio_export_as_an_article(label_studio):
    batch = read_articles([label_studio])
    assert batch.files == []
    (problem,) = batch.problems
    assert re.match(
        "Label Studio JSON: span annotations, not articles; import them with "
        f"`annotator import-annotations {label_studio.name}`",
        problem.reason,
    )


def test_a_doccano_classification_export_is_still_articles(tmp_path):
    path = write_lines(tmp_path / "cls.jsonl", [{"text": TEXT, "label": ["POSITIVE"]}])
    batch = read_articles([path])
    assert batch.problems == [] and len(batch.files) == 1


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(annotated_texts(), st.booleans())
def test_any_spans_and_links_written_as_doccano_or_label_studio_come_back(case, studio):
    """The project's annotations written in the other tool's form (entities and relations,
    or regions and relations) are read back at the same code points, with the same links."""
    text, plans = case
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        with build(folder / "a.annotator", text, plans) as source:
            annotations = [a for a in source.annotations("doc") if a.annotator == "amina"]
            relations = [(a.id, a.link_id) for a in annotations if a.link_id]
            if studio:
                result = [
                    {
                        "id": a.id,
                        "type": "labels",
                        "value": {
                            "start": a.start,
                            "end": a.end,
                            "text": a.text,
                            "labels": [a.layer],
                        },
                    }
                    for a in annotations
                ] + [{"type": "relation", "from_id": c, "to_id": s} for c, s in relations]
                path = folder / "tasks.json"
                task = {"id": 1, "data": {"text": text}, "annotations": [{"result": result}]}
                path.write_text(json.dumps([task]), encoding="utf-8")
            else:
                entities = [
                    {"id": a.id, "label": a.layer, "start_offset": a.start, "end_offset": a.end}
                    for a in annotations
                ]
                record = {
                    "text": text,
                    "entities": entities or [{"label": "-", "start_offset": 0, "end_offset": 1}],
                    "relations": [{"from_id": c, "to_id": s, "type": "by"} for c, s in relations],
                }
                path = write_lines(folder / "doccano.jsonl", [record])
            with Project.create(folder / "b.annotator") as target:
                import_annotations(target, path, "amina", labels={"-": "-"})
                (doc,) = [d.id for d in target.documents()]
                assert target.text(doc) == text
                back = target.annotations(doc)

                def shape(items):
                    by_id = {a.id: a for a in items}
                    return sorted(
                        (
                            a.layer,
                            a.start,
                            a.end,
                            a.text,
                            None
                            if not a.link_id
                            else (by_id[a.link_id].start, by_id[a.link_id].end),
                        )
                        for a in items
                    )

                assert shape(back) == shape(annotations)
