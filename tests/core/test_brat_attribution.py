"""brat attribution events: a project of the attribution schema (speaker, claim and cue spans)
written as `E  Attribution:T_cue Source:T_speaker Content:T_claim` and read back. The cue's span
has the event's type, `T_cue  Attribution 0 3  قال`, as brat wants of a trigger."""

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core.errors import InputError
from annotator.core.formats import brat, import_annotations
from annotator.core.schema import load_schema
from annotator.core.store.project import Project, TextSource

from .random_projects import annotated_texts, build, described
from .standoff import StandoffError, parse, parse_folder, read_config

ATTRIBUTION = load_schema("attribution").source
TEXT = "قال الوزير سامر الحداد إن الحكومة ستفتح المعبر غدًا، مؤكدًا أنها لن تتراجع."
MINISTER = (4, 22)  # الوزير سامر الحداد
OPENING = (26, 51)  # الحكومة ستفتح المعبر غدًا
SAID = (0, 3)  # قال
STRESSING = (53, 59)  # مؤكدًا


@pytest.fixture
def attributed(tmp_path):
    """The minister's claim with its two cues, in a project of the attribution schema."""
    with Project.create(tmp_path / "a.annotator", ATTRIBUTION) as project:
        project.import_texts([TextSource(text=TEXT, id="doc", title="statement")])
        speaker = project.add_annotation("doc", "amina", "speaker", *MINISTER)
        claim = project.add_annotation("doc", "amina", "claim", *OPENING, link_id=speaker.id)
        project.add_annotation("doc", "amina", "cue", *SAID, link_id=claim.id)
        project.add_annotation("doc", "amina", "cue", *STRESSING, link_id=claim.id)
        yield project


@pytest.fixture
def fresh(tmp_path):
    with Project.create(tmp_path / "fresh.annotator", ATTRIBUTION) as project:
        yield project


def lines_of(folder):
    return (folder / "statement.ann").read_text(encoding="utf-8").splitlines()


def test_each_cue_is_an_attribution_event_with_the_claim_and_its_speaker(attributed, tmp_path):
    brat.export(attributed, tmp_path / "b")
    lines = lines_of(tmp_path / "b")
    tid = {line.split("\t")[2]: line.split("\t")[0] for line in lines if line.startswith("T")}
    speaker, claim = tid[TEXT[slice(*MINISTER)]], tid[TEXT[slice(*OPENING)]]
    assert [line for line in lines if line.startswith("E")] == [
        f"E1\tAttribution:{tid['قال']} Source:{speaker} Content:{claim}",
        f"E2\tAttribution:{tid['مؤكدًا']} Source:{speaker} Content:{claim}",
    ]
    assert f"{tid['قال']}\tAttribution 0 3\tقال" in lines
    # The events carry both links: no relation line repeats them.
    assert not [line for line in lines if line.startswith("R")]


def test_what_is_said_about_a_cue_names_its_event_not_its_span(attributed, tmp_path):
    """brat refuses a file where a note or attribute names an event's trigger."""
    brat.export(attributed, tmp_path / "b")
    lines = lines_of(tmp_path / "b")
    provenance = [line.split("\t")[1] for line in lines if "\tProvenance " in line]
    assert sorted(p for p in provenance if p.endswith(("E1", "E2"))) == [
        "Provenance E1",
        "Provenance E2",
    ]
    assert not [p for p in provenance if p in ("Provenance T1", "Provenance T4")]


def test_annotation_conf_declares_the_event_and_its_roles(attributed, tmp_path):
    brat.export(attributed, tmp_path / "b")
    conf = (tmp_path / "b" / "annotation.conf").read_text(encoding="utf-8")
    events = conf.split("[events]\n")[1].split("\n\n")[0]
    assert events == "Attribution\tSource?:speaker, Content:claim"
    assert "cue_claim" not in conf
    # The cue spans are the event's triggers: an event type, not an entity type.
    assert conf.split("[entities]\n")[1].split("\n\n")[0].split("\n") == ["speaker", "claim"]


def test_the_strict_reader_accepts_the_events_against_the_configuration(attributed, tmp_path):
    brat.export(attributed, tmp_path / "b")
    (parsed,) = parse_folder(tmp_path / "b").values()
    assert sorted(a[1] for a in parsed.values() if a[0] == "E") == ["Attribution"] * 2


def test_the_events_come_back_as_the_cue_and_speaker_links(attributed, fresh, tmp_path):
    brat.export(attributed, tmp_path / "b")
    (doc_id,) = import_annotations(fresh, tmp_path / "b").documents_added
    assert described(fresh, doc_id) == described(attributed, "doc")
    by_layer = {}
    for a in fresh.annotations(doc_id):
        by_layer.setdefault(a.layer, []).append(a)
    (claim,) = by_layer["claim"]
    assert claim.link_id == by_layer["speaker"][0].id
    assert {cue.link_id for cue in by_layer["cue"]} == {claim.id}


def test_a_claim_without_speaker_gives_an_event_without_source(fresh, tmp_path):
    fresh.import_texts([TextSource(text=TEXT, id="doc", title="statement")])
    claim = fresh.add_annotation("doc", "amina", "claim", *OPENING)
    fresh.add_annotation("doc", "amina", "cue", *SAID, link_id=claim.id)
    fresh.add_annotation("doc", "amina", "cue", *STRESSING)  # a cue not yet linked
    brat.export(fresh, tmp_path / "b")
    events = [line for line in lines_of(tmp_path / "b") if line.startswith("E")]
    # An event without Content, as brat writes for a cue just marked.
    assert events == ["E1\tAttribution:T1 Content:T2", "E2\tAttribution:T3"]
    parse_folder(tmp_path / "b")


def test_a_brat_file_made_elsewhere_with_events_imports(fresh, tmp_path):
    """Lines as a brat annotator writes them: no provenance, the relation and event lines
    agreeing on the claim's speaker."""
    ann = write_brat(
        tmp_path / "b",
        [
            "T1\tspeaker 4 22\tالوزير سامر الحداد",
            "T2\tclaim 26 51\tالحكومة ستفتح المعبر غدًا",
            "T3\tAttribution 0 3\tقال",
            "R1\tclaim_speaker Arg1:T2 Arg2:T1",
            "E1\tAttribution:T3 Source:T1 Content:T2",
            "#1\tProvenance E1\torigin: suggested",
        ],
    )
    import_annotations(fresh, ann, annotator="amina")
    annotations = {a.layer: a for a in fresh.annotations(fresh.documents()[0].id)}
    assert annotations["cue"].link_id == annotations["claim"].id
    assert annotations["claim"].link_id == annotations["speaker"].id
    assert annotations["cue"].origin == "suggested"  # the note on the event is the cue's


def write_brat(folder, ann_lines):
    folder.mkdir(exist_ok=True)
    (folder / "statement.txt").write_bytes(TEXT.encode("utf-8"))
    (folder / "statement.ann").write_text("".join(x + "\n" for x in ann_lines), "utf-8")
    return folder / "statement.ann"


SPANS = [
    "T1\tspeaker 4 22\tالوزير سامر الحداد",
    "T2\tclaim 26 51\tالحكومة ستفتح المعبر غدًا",
    "T3\tAttribution 0 3\tقال",
    "T4\tspeaker 4 10\tالوزير",
]
BAD_EVENTS = {
    "E1\tSay:T3 Content:T2": "event type 'Say' is not 'Attribution'",
    "E1\tAttribution:T3 Source:T1": "has a Source but no Content",
    "E1\tAttribution:T3 Content:T2 Content:T2": "is not 'Attribution:T.. ",
    "E1\tAttribution:T3 Theme:T2": "is not 'Attribution:T.. ",
    "E1\tAttribution:T3 Content:T2\tقال": "is not 'Attribution:T.. ",
    "E1\tAttribution:T3 Content": "is not 'Attribution:T.. ",
    "E1\tAttribution T3 Content:T2": "is not 'Attribution:T.. ",
    "E1\tAttribution:T1 Content:T2": "the trigger T1 is a speaker, not a cue",
    "E1\tAttribution:T3 Content:T1": "the Content T1 is a speaker, not a claim",
    "E1\tAttribution:T3 Source:T2 Content:T2": "the Source T2 is a claim, not a speaker",
    "E1\tAttribution:T3 Content:T9": "E1 refers to 'T9', which is not a text annotation",
    "E1\tAttribution:T3 Content:E2": "E1 refers to 'E2', which is not a text annotation",
    "E1\tAttribution:T3 Content:T2\nE1\tAttribution:T3 Content:T2": "event id 'E1' is not E",
    "Ex\tAttribution:T3 Content:T2": "event id 'Ex' is not E",
    "E1\tAttribution:T3 Content:T2\nE2\tAttribution:T3": "T3 is the trigger of a second event",
    "E1\tAttribution:T3 Source:T1 Content:T2\nR1\tclaim_speaker Arg1:T2 Arg2:T4": (
        "T2 has a second link (line 5 links it to T1)"
    ),
    "E1\tAttribution:T3 Source:T1 Content:T2\n#1\tProvenance E2\torigin: brat": (
        "refers to 'E2', which is not a text annotation"
    ),
}


@pytest.mark.parametrize("bad", BAD_EVENTS)
def test_a_bad_event_is_refused_naming_file_line_and_reason_and_nothing_is_stored(
    fresh, tmp_path, bad
):
    ann = write_brat(tmp_path / "b", [*SPANS, *bad.split("\n")])
    line = len(SPANS) + len(bad.split("\n"))
    with pytest.raises(InputError) as refused:
        import_annotations(fresh, ann, annotator="amina")
    assert str(refused.value).startswith(f"{ann}:{line}: ")
    assert BAD_EVENTS[bad] in str(refused.value)
    assert (fresh.annotation_count(), fresh.documents()) == (0, [])


def test_events_are_refused_by_a_project_of_the_default_schema(tmp_path):
    ann = write_brat(tmp_path / "b", [*SPANS[:2], "E1\tAttribution:T2 Content:T2"])
    with Project.create(tmp_path / "default.annotator") as project:
        with pytest.raises(InputError, match=r"statement\.ann:3: events are read only into a "):
            import_annotations(project, ann, annotator="amina")
        assert project.annotation_count() == 0


STRICT_CONF = (
    "[entities]\nspeaker\nclaim\n[relations]\n[events]\n"
    "Attribution\tSource?:speaker, Content:claim\n[attributes]\n"
)


@pytest.mark.parametrize(
    "bad",
    [
        "E1\tAttribution:T3 Content:T2 Content:T2",  # a role given twice
        "E1\tAttribution:T3 Theme:T2",  # a role not declared
        "E1\tAttribution:T3 Content:T1",  # an argument of the wrong type
        "E1\tSay:T3 Content:T2",  # an event type not declared
        "E1\tAttribution:T3 Content:T9",  # an argument not defined
        "E1\tAttribution:E2 Content:T2",  # a trigger that is not text-bound
        "E1\tAttribution:T1 Content:T2",  # a trigger of another type than the event
        "E1\tAttribution T3 Content:T2",  # no trigger
        "E1\tAttribution:T3 Content:T2\tقال",  # a text field
        "E1\tAttribution:T3  Content:T2",  # two spaces
        "E1\tAttribution:T3 Content:T2\n#1\tProvenance T3\tx",  # a note on the trigger
    ],
)
def test_the_strict_reader_refuses_malformed_events(tmp_path, bad):
    (tmp_path / "annotation.conf").write_text(STRICT_CONF, encoding="utf-8")
    ann = write_brat(tmp_path, [*SPANS[:3], *bad.split("\n")])
    with pytest.raises(StandoffError):
        parse(ann, ann.with_suffix(".txt"), read_config(tmp_path / "annotation.conf"))


def test_the_strict_reader_accepts_an_event_as_brat_writes_it(tmp_path):
    (tmp_path / "annotation.conf").write_text(STRICT_CONF, encoding="utf-8")
    good = ["E1\tAttribution:T3", "#1\tAnnotatorNotes E1\tx", "E2\tAttribution:T3 Content:T2"]
    ann = write_brat(tmp_path, [*SPANS[:3], *good])
    parsed = parse(ann, ann.with_suffix(".txt"), read_config(tmp_path / "annotation.conf"))
    assert parsed["E2"] == ("E", "Attribution", "T3", (("Content", "T2"),))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(annotated_texts(cues=True), st.sampled_from(brat.ENTITIES_AS), st.booleans())
def test_any_attribution_project_survives_the_brat_round_trip(case, entities_as, per_annotator):
    """Any text, claims with several cues or none, cues linked or not, both layouts; the strict
    reader accepts every file against the annotation.conf written beside it."""
    text, plans = case
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        with build(folder / "a.annotator", text, plans, schema_text=ATTRIBUTION) as source:
            per_annotator = per_annotator and bool(source.annotations("doc"))
            brat.export(
                source, folder / "brat", entities_as=entities_as, per_annotator=per_annotator
            )
            parsed = parse_folder(folder / "brat")
            events = [a for x in parsed.values() for a in x.values() if a[0] == "E"]
            cues = [a for a in source.annotations("doc") if a.layer == "cue"]
            assert len(events) == len(cues)
            assert sum(bool(e[3]) for e in events) == sum(c.link_id is not None for c in cues)
            with Project.create(folder / "b.annotator", ATTRIBUTION) as target:
                result = import_annotations(target, folder / "brat")
                (doc_id,) = result.document_ids
                assert target.text(doc_id) == text
                assert described(target, doc_id, entity_details=False) == described(
                    source, "doc", entity_details=False
                )
