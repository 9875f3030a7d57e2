"""Importing a file of annotations checks each one as storing it alone would, and stores them
together: the same refusals (file, line, reason) and the same rows, revisions and deletion
records as restoring the annotations one at a time."""

import json
import sqlite3
import uuid

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core.errors import AnnotatorError, InputError
from annotator.core.formats import import_annotations, jsonl
from annotator.core.store import annotation_store, batch
from annotator.core.store import project as project_module
from annotator.core.store.annotation_store import AnnotationState
from annotator.core.store.foreign_objects import foreign_objects
from annotator.core.store.project import Project, TextSource
from annotator.core.sync import link

TEXTS = {
    "cairo-note": "قال الوزير سامر نادر إن الاتفاق قريب، وأكدت ليلى حداد أن المفاوضات مستمرة.",
    "gaza-note": "أعلن المتحدث باسم البلدية أن المياه عادت، ونفى رئيس اللجنة وجود أزمة.",
}
STAMP = "2024-05-01T12:00:00+00:00"


def word_spans(text):
    spans, start = [], 0
    for word in text.split(" "):
        spans.append((start, start + len(word)))
        start += len(word) + 1
    return spans


def annotation_id(n):
    return str(uuid.UUID(int=n + 1, version=4))


FAULTS = {
    "text": ("text", "نص آخر"),
    "layer": ("layer", "quote"),
    "role": ("attributes", {"role": "x"}),
    "stance": ("stances", [["الاتفاق", "maybe"]]),
    "link": ("link_id", annotation_id(1000)),  # in neither file nor project
    "offsets": ("end", 1000),
    # Kinds the bulk path's usual way refuses to take, leaving them to the one above it.
    "origin": ("origin", "pasted"),
    "no text": ("text", None),
    "blank target": ("stances", [[" ", "favor"]]),
    "target twice": ("stances", [["الاتفاق", "favor"], ["الاتفاق", "against"]]),
    "half a stance": ("stances", [["الاتفاق"]]),
    "number as target": ("stances", [[7, "favor"]]),  # stored as the text "7"
    "attribute as a list": ("attributes", {"role": ["person"]}),
    "attributes left out": ("attributes", {}),  # the schema's defaults are stored
    "unknown attribute": ("attributes", {"tone": "calm"}),
}


@st.composite
def files(draw):
    """Annotation records of an export (at most one line faulty, besides the spans tagged
    twice and links across documents or annotators that occur by chance) and what the project
    holds of them before the import: 'absent', 'present' or 'deleted'."""
    count = draw(st.integers(1, 10))
    records, states, speakers = [], [], []
    for n in range(count):
        doc = draw(st.sampled_from(sorted(TEXTS)))
        spans = word_spans(TEXTS[doc])
        first = draw(st.integers(0, len(spans) - 2))
        last = draw(st.integers(first, min(first + 2, len(spans) - 1)))
        start, end = spans[first][0], spans[last][1]
        layer = draw(st.sampled_from(["speaker", "claim"]))
        record = {
            "type": "annotation",
            "id": annotation_id(n),
            "document_id": doc,
            "annotator": draw(st.sampled_from(["ali", "ali", "ali", "badr"])),
            "layer": layer,
            "start": start,
            "end": end,
            "text": TEXTS[doc][start:end],
            "origin": "manual",
            "created_at": STAMP,
            "modified_at": STAMP,
        }
        if layer == "speaker":
            record["attributes"] = {"role": draw(st.sampled_from(["person", "government"]))}
            speakers.append(n)
        else:
            record["attributes"] = {"kind": draw(st.sampled_from(["direct", "indirect"]))}
            record["stances"] = [
                [target, draw(st.sampled_from(["favor", "against"]))]
                for target in draw(st.lists(st.sampled_from(["الاتفاق", "اللجنة"]), unique=True))
            ]
            records.append(record)  # placed now: a link may point to a later speaker
        if layer == "speaker":
            records.append(record)
        states.append(draw(st.sampled_from(["absent", "absent", "absent", "present", "deleted"])))
    for record in records:
        if record["layer"] == "claim" and speakers and draw(st.booleans()):
            record["link_id"] = annotation_id(draw(st.sampled_from(speakers)))
    fault = draw(st.none() | st.none() | st.sampled_from(sorted(FAULTS)))
    if fault is not None:
        key, value = FAULTS[fault]
        draw(st.sampled_from(records))[key] = value
    return records, states


def export_file(path, records):
    header = {"type": "header", "format": jsonl.FORMAT, "version": jsonl.VERSION}
    documents = [{"type": "document", "id": d, "text": t} for d, t in TEXTS.items()]
    with open(path, "w", encoding="utf-8") as out:
        for record in [header, *documents, *records]:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def before_import(path, records, states, linked=False):
    """A project holding the texts, with the 'present' records stored (when they fit) and the
    'deleted' ones stored and then deleted, one at a time; `linked` to a team project (every
    change from then on noted for sync)."""
    with Project.create(path) as project:
        project.import_texts([TextSource(text=t, id=d) for d, t in TEXTS.items()])
        if linked:
            with project.atomic():
                link.write(project, "postgresql://team.example/news", "ali", "annotator")
        for record, state in zip(records, states, strict=True):
            if state == "absent":
                continue
            single = path.with_name("single.jsonl")
            export_file(single, [{k: v for k, v in record.items() if k != "link_id"}])
            try:
                import_annotations(project, single)
            except InputError:
                continue
            if state == "deleted":
                project.delete_annotation(record["id"])


def copy(source, target):
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    src.close()
    dst.close()


def contents(path):
    """Every row the import may touch, without rowids and times of the machine's clock."""
    conn = sqlite3.connect(path)
    try:
        return {
            "annotations": conn.execute(
                'SELECT a.id, a.document_id, p.name, a.layer, a.start, a."end", a.text, '
                "a.attributes, a.entity_id, a.link_id, a.origin, a.created_at, a.modified_at, "
                "a.sources, a.revision, a.rev, a.history FROM annotations a "
                "JOIN annotators p ON p.id = a.annotator_id ORDER BY a.id"
            ).fetchall(),
            "stances": conn.execute("SELECT * FROM stances ORDER BY 1, 2").fetchall(),
            "deletions": conn.execute(
                "SELECT annotation_id, document_id, annotator, layer, revision, rev, history "
                "FROM deletions ORDER BY 1"
            ).fetchall(),
            "entities": conn.execute("SELECT id, name FROM entities ORDER BY 1").fetchall(),
            "noted for sync": conn.execute("SELECT * FROM sync_pending ORDER BY 1, 2").fetchall(),
        }
    finally:
        conn.close()


class OneAtATime:
    """The import's batch replaced by the store's own one-annotation path (`Project.known`,
    `live_link` and `restore`, each in its own savepoint): what the import did before."""

    def __init__(self, project, candidate_ids=()):
        self.project, self.count = project, 0

    def known(self, annotation_id):
        return self.project.known(annotation_id)

    def live_link(self, link_id):
        return self.project.live_link(link_id)

    def read_documents(self, document_ids):
        pass  # each document is read as an annotation first comes to it

    def add_usual(self, *fields):
        return False  # every annotation is made an `Annotation` and restored

    def add(self, annotation):
        self.project.restore(annotation.id, AnnotationState(annotation))
        self.count += 1
        return annotation

    def write(self):
        return self.count


FROZEN_NOW = "2026-01-01T00:00:00+00:00"


def imported(path, file, monkeypatch, one_at_a_time):
    """The import's result or its refusal, and the project's contents after it."""
    with monkeypatch.context() as patch:
        if one_at_a_time:
            patch.setattr(jsonl, "AnnotationBatch", OneAtATime)
        # Both imports stamp "now" on records without times: one clock for both, or a second
        # ticking between them differs (it did, once in CI).
        for module in (annotation_store, batch, project_module, jsonl):
            patch.setattr(module, "now", lambda: FROZEN_NOW)
        with Project.open(path) as project:
            try:
                outcome = import_annotations(project, file)
            except InputError as exc:
                outcome = str(exc)
    return outcome, contents(path)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(case=files(), linked=st.booleans())
def test_the_bulk_import_refuses_and_stores_exactly_as_one_annotation_at_a_time(
    case, linked, tmp_path_factory, monkeypatch
):
    records, states = case
    folder = tmp_path_factory.mktemp("bulk")
    file = folder / "theirs.jsonl"
    export_file(file, records)
    before_import(folder / "start.annotator", records, states, linked)
    before = contents(folder / "start.annotator")
    copy(folder / "start.annotator", folder / "bulk.annotator")
    copy(folder / "start.annotator", folder / "single.annotator")
    bulk = imported(folder / "bulk.annotator", file, monkeypatch, one_at_a_time=False)
    single = imported(folder / "single.annotator", file, monkeypatch, one_at_a_time=True)
    assert bulk == single
    if isinstance(bulk[0], str):  # refused: nothing of the file was stored
        assert bulk[1] == before


@pytest.mark.parametrize("fault", sorted(FAULTS))
@pytest.mark.parametrize("layer", ["speaker", "claim"])
def test_each_kind_of_fault_is_refused_or_stored_as_one_at_a_time(
    fault, layer, tmp_path, monkeypatch
):
    claim_start, claim_end = word_spans(TEXTS["cairo-note"])[4]
    claim = {
        **speaker(2),
        "layer": "claim",
        "start": claim_start,
        "end": claim_end,
        "text": TEXTS["cairo-note"][claim_start:claim_end],
        "attributes": {"kind": "direct"},
        "stances": [["الاتفاق", "favor"]],
        "link_id": annotation_id(1),
    }
    records = [speaker(1), claim, {**speaker(3, word=6), "origin": "imported"}]
    key, value = FAULTS[fault]
    records[0 if layer == "speaker" else 1][key] = value
    file = tmp_path / "theirs.jsonl"
    export_file(file, records)
    before_import(tmp_path / "start.annotator", [], [])
    copy(tmp_path / "start.annotator", tmp_path / "bulk.annotator")
    copy(tmp_path / "start.annotator", tmp_path / "single.annotator")
    bulk = imported(tmp_path / "bulk.annotator", file, monkeypatch, one_at_a_time=False)
    single = imported(tmp_path / "single.annotator", file, monkeypatch, one_at_a_time=True)
    assert bulk == single


@pytest.fixture
def project(tmp_path):
    with Project.create(tmp_path / "study.annotator") as project:
        project.import_texts([TextSource(text=t, id=d) for d, t in TEXTS.items()])
        yield project


def speaker(n, doc="cairo-note", word=1, annotator="ali"):
    start, end = word_spans(TEXTS[doc])[word]
    return {
        "type": "annotation",
        "id": annotation_id(n),
        "document_id": doc,
        "annotator": annotator,
        "layer": "speaker",
        "start": start,
        "end": end,
        "text": TEXTS[doc][start:end],
        "attributes": {"role": "person"},
    }


def test_a_bad_line_at_the_end_of_a_large_file_refuses_the_whole_file(project, tmp_path):
    doc = "gaza-note"
    words = len(word_spans(TEXTS[doc]))
    records = [speaker(n, doc, n % words, f"annotator-{n // words}") for n in range(2000)]
    records[-1]["text"] = "نص آخر"
    file = tmp_path / "theirs.jsonl"
    export_file(file, records)
    with pytest.raises(InputError) as refused:
        import_annotations(project, file)
    # The header and two document lines come first.
    assert str(refused.value).startswith(f"{file}:2003: span text 'نص آخر' does not match")
    assert project.annotation_count() == 0


def test_a_span_tagged_twice_in_a_file_names_both_lines(project, tmp_path):
    file = tmp_path / "theirs.jsonl"
    export_file(file, [speaker(0), speaker(1, word=2), speaker(2)])
    with pytest.raises(InputError) as refused:
        import_annotations(project, file)
    assert str(refused.value) == (
        f"{file}:6: ali has already tagged this span as speaker (on line 4 of this file)"
    )
    assert project.annotation_count() == 0


def test_a_span_already_in_the_project_names_its_annotation(project, tmp_path):
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    export_file(first, [speaker(0)])
    export_file(second, [speaker(1, word=2), speaker(5)])
    import_annotations(project, first)
    with pytest.raises(InputError) as refused:
        import_annotations(project, second)
    assert str(refused.value) == (
        f"{second}:5: ali has already tagged this span as speaker "
        f"(annotation {annotation_id(0)}, already in the project)"
    )
    assert project.annotation_count() == 1


def test_imported_annotations_get_a_first_revision_named_by_their_content(project, tmp_path):
    file = tmp_path / "theirs.jsonl"
    export_file(file, [speaker(0)])
    import_annotations(project, file)
    (row,) = project.conn.execute("SELECT revision, rev, history FROM annotations").fetchall()
    assert row[0] == 1 and row[1].startswith("1-") and len(row[1]) == 14 and row[2] == "[]"


def test_a_deleted_speaker_stays_deleted_and_its_claim_comes_in_unlinked(project, tmp_path):
    file = tmp_path / "theirs.jsonl"
    start, end = word_spans(TEXTS["cairo-note"])[4]
    claim = {
        **speaker(1),
        "layer": "claim",
        "start": start,
        "end": end,
        "text": TEXTS["cairo-note"][start:end],
        "attributes": {"kind": "direct"},
        "link_id": annotation_id(0),
    }
    export_file(file, [speaker(0)])
    import_annotations(project, file)
    project.delete_annotation(annotation_id(0))
    export_file(file, [speaker(0), claim])
    result = import_annotations(project, file)
    assert (result.added, result.skipped) == (1, 1)
    assert project.annotation(annotation_id(1)).link_id is None
    assert project.deletion(annotation_id(0)) is not None


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.integers(0, 30), st.none() | st.integers(0, 40), max_size=30))
def test_links_are_ordered_target_first_and_circles_refused(links):
    links = {str(k): None if v is None else str(v) for k, v in links.items()}
    circle = False
    for start in links:  # a walk along links that comes back to where it has been
        seen, current = set(), start
        while current in links and current not in seen:
            seen.add(current)
            current = links[current]
        circle = circle or current in seen
    if circle:
        with pytest.raises(AnnotatorError, match="circle of links"):
            jsonl.link_order(links)
        return
    order = jsonl.link_order(links)
    assert sorted(order) == sorted(links)
    place = {k: i for i, k in enumerate(order)}
    assert all(place[t] < place[k] for k, t in links.items() if t in links)


def test_an_import_leaves_the_connections_temporary_storage_as_it_was(project, tmp_path):
    # The import keeps SQLite's journals in memory for its own transaction only.
    project.conn.execute("PRAGMA temp_store = FILE")
    good, bad = tmp_path / "good.jsonl", tmp_path / "bad.jsonl"
    export_file(good, [speaker(0)])
    export_file(bad, [{**speaker(1, word=2), "text": "نص آخر"}])
    import_annotations(project, good)
    with pytest.raises(InputError):
        import_annotations(project, bad)
    assert project.conn.execute("PRAGMA temp_store").fetchone()[0] == 1
    assert project.annotation_count() == 1


def test_a_linked_project_notes_every_imported_annotation_for_sync_and_keeps_its_trigger(
    project, tmp_path
):
    with project.atomic():
        link.write(project, "postgresql://team.example/news", "ali", "annotator")
    good, bad = tmp_path / "good.jsonl", tmp_path / "bad.jsonl"
    export_file(good, [speaker(0), speaker(1, word=2)])
    export_file(bad, [speaker(2, word=3), {**speaker(3, word=4), "text": "نص آخر"}])
    import_annotations(project, good)
    with pytest.raises(InputError):
        import_annotations(project, bad)
    # The import does the trigger's work itself and leaves the trigger as it found it.
    assert foreign_objects(project.conn) == []
    project.add_annotation("gaza-note", "ali", "speaker", *word_spans(TEXTS["gaza-note"])[1])
    noted = project.conn.execute("SELECT id FROM sync_pending WHERE kind = 'annotation'")
    hand_tagged = project.conn.execute("SELECT id FROM annotations WHERE document_id = 'gaza-note'")
    assert {r[0] for r in noted} == {
        annotation_id(0),
        annotation_id(1),
        *(r[0] for r in hand_tagged),
    }


@pytest.mark.parametrize("others", [0, 3])
def test_stances_left_by_a_hand_edit_under_an_imported_id_give_way_to_the_files(
    project, tmp_path, others
):
    start, end = word_spans(TEXTS["cairo-note"])[4]
    claim = {
        **speaker(0),
        "layer": "claim",
        "start": start,
        "end": end,
        "text": TEXTS["cairo-note"][start:end],
        "attributes": {"kind": "direct"},
        "stances": [["الاتفاق", "favor"]],
    }
    # Someone's hand edit, foreign keys off: a stance row whose annotation is not there.
    project.close()
    hand = sqlite3.connect(tmp_path / "study.annotator")
    with hand:
        hand.execute("INSERT INTO stances VALUES (?, 0, 'اللجنة', 'against')", (annotation_id(0),))
    hand.close()
    file = tmp_path / "theirs.jsonl"
    export_file(file, [claim, *(speaker(n, word=n) for n in range(1, others + 1))])
    with Project.open(tmp_path / "study.annotator") as project:
        import_annotations(project, file)
        stances = project.conn.execute("SELECT annotation_id, target, value FROM stances")
        assert stances.fetchall() == [(annotation_id(0), "الاتفاق", "favor")]
