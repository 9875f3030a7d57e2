"""A large file of annotations is read line by line the quick way, and every line that is not
one plain JSON object is still refused as `json.loads` refuses it, naming file, line and
reason; the import leaves Python's cycle collector as it found it."""

import gc
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.errors import InputError
from annotator.core.formats import jsonl
from annotator.core.formats.jsonl import _object

TEXT = "قال الوزير سامر نادر إن الاتفاق قريب."
STAMP = "2024-05-01T12:00:00+00:00"


def export_lines(project_id="5c1e8a1e-4a4f-4d53-9a57-1b0c2a4c7e01"):
    """An export of one document with one speaker: header, annotator, document, annotation."""
    records = [
        {"type": "header", "format": jsonl.FORMAT, "version": jsonl.VERSION},
        {"type": "annotator", "name": "ali"},
        {"type": "document", "id": "note", "text": TEXT},
        {
            "type": "annotation",
            "id": project_id,
            "document_id": "note",
            "annotator": "ali",
            "layer": "speaker",
            "start": 11,
            "end": 20,
            "text": TEXT[11:20],
            "attributes": {"role": "person"},
            "created_at": STAMP,
            "modified_at": STAMP,
        },
    ]
    return [json.dumps(r, ensure_ascii=False) for r in records]


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ('{"type": "annotator", "name": "badr"} {"x": 1}', "not valid JSON (Extra data"),
        ('{"type": "annotator", "name": "badr"}{}', "not valid JSON (Extra data"),
        ('{"type": "annotator", "name": "badr"', "not valid JSON (Expecting ',' delimiter"),
        (
            '{"type": "annotator", "n": 1' + "0" * 5000 + "}",
            "not valid JSON (a number with too many digits)",
        ),
        ('{"type": "annotator", "name": "\\ud800"}', "a lone surrogate"),
        ('\ufeff{"type": "annotator", "name": "badr"}', "not valid JSON (Unexpected UTF-8 BOM"),
        ('["annotator", "badr"]', "each line must be a JSON object"),
        ('{"n": ' + "[" * 100_000 + "]" * 100_000 + "}", "JSON nested too deeply"),
    ],
)
def test_a_line_that_is_not_one_json_object_is_refused_naming_file_line_and_reason(
    project, tmp_path, line, reason
):
    lines = export_lines()
    lines.insert(2, line)
    path = tmp_path / "export.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(InputError) as refused:
        jsonl.import_annotations(project, path)
    assert str(refused.value).startswith(f"{path}:3: {reason}")
    assert project.annotation_count() == 0


def test_a_line_with_spaces_or_a_carriage_return_around_its_object_is_read(project, tmp_path):
    lines = export_lines()
    lines[3] = "  " + lines[3] + " \r"
    path = tmp_path / "export.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert jsonl.import_annotations(project, path).added == 1


values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner),
    max_leaves=8,
)


@settings(max_examples=300, deadline=None)
@given(
    value=values,
    before=st.sampled_from(["", " ", "\ufeff", "{", "]"]),
    after=st.sampled_from(["", " ", "\r", "}", "{}", ",1", " x"]),
)
def test_a_line_is_read_as_json_loads_reads_it(value, before, after):
    line = before + json.dumps(value, ensure_ascii=False) + after

    def outcome(read):
        try:
            return "value", json.dumps(read(line), sort_keys=True)
        except ValueError as exc:
            return type(exc).__name__, str(exc)

    assert outcome(_object) == outcome(json.loads)


@pytest.mark.parametrize("enabled", [True, False])
def test_an_import_leaves_the_cycle_collector_as_it_found_it(project, tmp_path, enabled):
    good, bad = tmp_path / "good.jsonl", tmp_path / "bad.jsonl"
    good.write_text("\n".join(export_lines()) + "\n", encoding="utf-8")
    bad.write_text("\n".join(export_lines()) + "\n{\n", encoding="utf-8")
    was = gc.isenabled()
    try:
        (gc.enable if enabled else gc.disable)()
        assert jsonl.import_annotations(project, good).added == 1
        assert gc.isenabled() is enabled
        with pytest.raises(InputError):
            jsonl.import_annotations(project, bad)
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()
