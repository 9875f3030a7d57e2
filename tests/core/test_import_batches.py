"""An import of this tool's export reads, checks and stores its records a batch at a time in
one transaction: the rows stored (or the refusal, storing nothing) are those of a single batch
whatever the batch sizes and the order of the file's lines, and the memory it holds does not
grow with the number of documents (counted by tracemalloc, not timed)."""

import gc
import json
import random
import tracemalloc
import uuid

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core.errors import InputError
from annotator.core.formats import import_annotations, jsonl
from annotator.core.store.project import Project
from tests.core.test_bulk_import import (
    STAMP,
    TEXTS,
    before_import,
    contents,
    copy,
    files,
    speaker,
)

ENTITY = str(uuid.UUID(int=77, version=4))


def write_lines(path, lines):
    header = {"type": "header", "format": jsonl.FORMAT, "version": jsonl.VERSION}
    with open(path, "w", encoding="utf-8") as out:
        for record in [header, *lines]:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def imported(path, file, monkeypatch, documents, annotations):
    """The import's result or its refusal with batches of the sizes given, and the project's
    contents after it."""
    with monkeypatch.context() as patch:
        patch.setattr(jsonl, "DOCUMENT_BATCH", documents)
        patch.setattr(jsonl, "ANNOTATION_BATCH", annotations)
        with Project.open(path) as project:
            try:
                outcome = import_annotations(project, file)
            except InputError as exc:
                outcome = str(exc)
    return outcome, contents(path)


@st.composite
def shuffled_files(draw):
    """A file of `files()` whose document and entity lines may come anywhere, even after the
    annotations that need them, with an entity on some speakers and a line given twice."""
    records, states = draw(files())
    for record in records:
        if record["layer"] == "speaker" and draw(st.booleans()):
            record["entity_id"] = ENTITY
    if draw(st.booleans()):
        records.insert(draw(st.integers(0, len(records))), dict(draw(st.sampled_from(records))))
        states = None  # ids given twice: the file is refused, the project starts empty
    others = [{"type": "document", "id": d, "text": t} for d, t in TEXTS.items()]
    others.append({"type": "entity", "id": ENTITY, "name": "سامر نادر", "aliases": []})
    lines = list(records)
    for record in others:
        lines.insert(draw(st.integers(0, len(lines))), record)
    return lines, records, states


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(case=shuffled_files(), sizes=st.tuples(st.integers(1, 2), st.integers(1, 3)))
def test_batches_of_any_size_store_or_refuse_as_one_batch(
    case, sizes, tmp_path_factory, monkeypatch
):
    lines, records, states = case
    folder = tmp_path_factory.mktemp("batches")
    file = folder / "theirs.jsonl"
    write_lines(file, lines)
    if states is None:
        before_import(folder / "start.annotator", [], [])
    else:
        before_import(folder / "start.annotator", records, states)
    copy(folder / "start.annotator", folder / "small.annotator")
    copy(folder / "start.annotator", folder / "one.annotator")
    small = imported(folder / "small.annotator", file, monkeypatch, *sizes)
    one = imported(folder / "one.annotator", file, monkeypatch, 10**6, 10**6)
    if isinstance(one[0], str):
        # Refused: nothing stored either way. A file with two faults (an id given twice, a
        # span tagged twice, a bad line) may have the other named first when its lines are
        # met in another batch; the lines of one fault are named in the tests below.
        assert isinstance(small[0], str) and small[0].startswith(f"{file}:")
        assert small[1] == one[1]
    else:
        assert small == one


def test_a_line_given_twice_in_two_batches_is_named_by_the_later_line(tmp_path, monkeypatch):
    records = [speaker(n, "gaza-note", n) for n in range(6)]
    records.append(dict(records[1]))
    documents = [{"type": "document", "id": d, "text": t} for d, t in TEXTS.items()]
    file = tmp_path / "theirs.jsonl"
    write_lines(file, [*documents, *records])
    before_import(tmp_path / "study.annotator", [], [])
    outcome, stored = imported(tmp_path / "study.annotator", file, monkeypatch, 1, 2)
    # Header, two documents, then the annotations: the copy of the second is line 10.
    assert outcome == f"{file}:10: annotation {records[1]['id']} is given twice"
    assert stored["annotations"] == []


def test_a_span_tagged_again_in_a_later_batch_names_the_line_of_the_first(tmp_path, monkeypatch):
    first = speaker(1, "gaza-note", 2)
    again = {**speaker(2, "gaza-note", 2)}
    others = [speaker(n, "gaza-note", n + 3) for n in range(3, 6)]
    documents = [{"type": "document", "id": d, "text": t} for d, t in TEXTS.items()]
    file = tmp_path / "theirs.jsonl"
    write_lines(file, [*documents, first, *others, again])
    before_import(tmp_path / "study.annotator", [], [])
    outcome, stored = imported(tmp_path / "study.annotator", file, monkeypatch, 1, 1)
    assert outcome.startswith(f"{file}:8: ")
    assert "on line 4 of this file" in outcome
    assert stored["annotations"] == []


# ------------------------------------------------------------------------ memory

WORDS = "قال أكد الوزير المتحدث الاتفاق المفاوضات البلدية المياه اللجنة الحكومة".split()


def export_of(path, documents, per_document=10):
    """An export of `documents` invented articles of about 600 characters, each with
    `per_document` speaker and claim annotations, claims linked to the speaker before them."""
    rng = random.Random(documents)
    texts = {f"note-{n:05d}": " ".join(rng.choices(WORDS, k=90)) for n in range(documents)}
    lines = [{"type": "annotator", "name": "ali"}]
    lines += [{"type": "document", "id": d, "text": t} for d, t in texts.items()]
    n = 0
    for doc, text in texts.items():
        spans, start = [], 0
        for word in text.split(" "):
            spans.append((start, start + len(word)))
            start += len(word) + 1
        speaker_id = None
        for k in range(per_document):
            start, end = spans[k * 8]
            n += 1
            record = {
                "type": "annotation",
                "id": str(uuid.UUID(int=n, version=4)),
                "document_id": doc,
                "annotator": "ali",
                "start": start,
                "end": end,
                "text": text[start:end],
                "origin": "manual",
                "created_at": STAMP,
                "modified_at": STAMP,
            }
            if k % 2 == 0:
                record.update(layer="speaker", attributes={"role": "person"})
                speaker_id = record["id"]
            else:
                record.update(layer="claim", attributes={"kind": "direct"}, link_id=speaker_id)
                record["stances"] = [["الاتفاق", "favor"]]
            lines.append(record)
    write_lines(path, lines)


def peak_bytes(folder, documents, monkeypatch, traced=True):
    """The most memory Python held (tracemalloc) while importing an export of `documents`
    articles in batches of 50 documents and 200 annotations."""
    export_of(folder / f"export-{documents}.jsonl", documents)
    with Project.create(folder / f"study-{documents}.annotator") as project:
        monkeypatch.setattr(jsonl, "DOCUMENT_BATCH", 50)
        monkeypatch.setattr(jsonl, "ANNOTATION_BATCH", 200)
        if traced:
            gc.collect()  # what earlier tests left is not freed during the count
            tracemalloc.start()
        try:
            done = import_annotations(project, folder / f"export-{documents}.jsonl")
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        assert done.added == documents * 10
        assert project.annotation_count() == documents * 10
    return peak


def test_the_memory_an_import_holds_does_not_grow_with_the_number_of_documents(
    tmp_path, monkeypatch
):
    # Untraced: what the first import loads once (modules, the schema) is not counted.
    peak_bytes(tmp_path, 10, monkeypatch, traced=False)
    small = peak_bytes(tmp_path, 100, monkeypatch)
    large = peak_bytes(tmp_path, 800, monkeypatch)
    # Eight times the documents; a whole-file import held about eight times the memory (2.7
    # and 22 MB). Bounded caches (free lists, statement caches) make up the rest.
    assert large < 2 * small, (small, large)
