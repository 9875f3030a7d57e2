"""Whatever a file of annotations holds (the gold JSON Lines, this tool's export, brat standoff),
importing it stores it whole or refuses it with a message: never another exception, and a
refused file leaves every table of the project as it was. Article tables and JSON Lines get the
same treatment for inputs tests/core/test_article_readers_fuzz.py does not make.

ANNOTATOR_FUZZ_EXAMPLES (default 150) sets the examples per test; with `-s` the number tried is
printed.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from annotator.core.arabic.text import text_sha256
from annotator.core.errors import AnnotatorError
from annotator.core.formats import brat, import_annotations, txt
from annotator.core.formats.articles import import_batch, read_articles
from annotator.core.paths import seeds_dir
from annotator.core.store.project import Project

from .test_article_readers_fuzz import check_whole_or_nothing

EXAMPLES = int(os.environ.get("ANNOTATOR_FUZZ_EXAMPLES", "150"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
TRIED: Counter = Counter()
OUTCOMES: Counter = Counter()
TABLES = ("documents", "annotators", "entities", "annotations", "stances", "comments")
UUIDS = [
    "6f1d8a52-3c1e-4d7b-9a3f-2b8e5c4d1a90",
    "0b6f3a1e-5c7d-4e2b-8f9a-6d1c2b3a4e5f",
    "2f0e7c4a-9b1d-4f36-8a5e-c3d2b1a09e87",
]

# Characters that break readers: line and field separators, quotes, escapes, controls, NUL,
# bidi controls, lone surrogates, and Arabic with its marks.
PIECES = st.sampled_from(
    list("قالوزيرفيغزةًٌَُِّـ«»،؛")
    + list("aT1#AR N:|=;\\\"'{}[],\t\n\r 0123456789-")
    + ["\u200f", "\u202e", "\u2067", "\ufeff", "\x00", "\x0b", "\x85", "\u2028", "\ud800", "😀"]
)
TEXT = st.lists(PIECES, max_size=60).map("".join)
NUMBER = st.one_of(
    st.integers(-5, 3000),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
)
SCALAR = st.one_of(st.none(), st.booleans(), NUMBER, TEXT, st.sampled_from(UUIDS))
VALUE = st.recursive(
    SCALAR,
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(TEXT, inner, max_size=3)),
    max_leaves=8,
)


@pytest.fixture(scope="module", autouse=True)
def report():
    yield
    tried = {k: v for k, v in TRIED.items() if k != "annotators"}
    print(f"\nreaders fuzz: {sum(tried.values())} examples ({tried}); outcomes {dict(OUTCOMES)}")


@pytest.fixture
def project(tmp_path):
    with Project.create(tmp_path / "study.annotator") as project:
        project.import_texts(txt.read_articles(sorted(seeds_dir().glob("*.txt"))))
        yield project


def counts(project: Project) -> dict[str, int]:
    return {t: project.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


def import_or_refuse(project: Project, path: Path, annotator: str | None, kind: str) -> None:
    """Import; a refusal must be an AnnotatorError and leave every table as it was."""
    TRIED[kind] += 1
    before = counts(project)
    try:
        result = import_annotations(project, path, annotator)
    except AnnotatorError as exc:
        assert str(exc)
        assert counts(project) == before, f"a refused file changed the project: {exc}"
        OUTCOMES[f"{kind}: refused"] += 1
    else:
        OUTCOMES[f"{kind}: stored" if result.added else f"{kind}: nothing new"] += 1
    assert not project.conn.in_transaction
    assert project.verify() == []


def json_line(value, ascii_only: bool) -> str:
    """JSON text that may hold NaN, Infinity and lone surrogates, as careless writers emit."""
    return json.dumps(value, ensure_ascii=ascii_only, allow_nan=True)


def written(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_bytes(text.encode("utf-8", errors="surrogatepass"))
    return path


# ----------------------------------------------------------------------------- JSON Lines


def plausible(*values):
    """One of `values` two times in three, else any JSON value."""
    return st.one_of(st.sampled_from(values), st.sampled_from(values), VALUE)


STANCES = st.one_of(
    st.lists(
        st.tuples(st.sampled_from(["Israel", "الحكومة", ""]), st.sampled_from(["favor", "x"])).map(
            list
        ),
        max_size=3,
    ),
    st.lists(st.lists(VALUE, max_size=3), max_size=3),
    VALUE,
)


def span_of(text: str):
    """A span of `text` with its exact slice (most of them get further than a wrong one), or
    hostile offsets and text."""
    exact = st.integers(0, len(text) - 1).flatmap(
        lambda start: st.integers(start + 1, min(len(text), start + 80)).map(
            lambda end: {"start": start, "end": end, "text": text[start:end]}
        )
    )
    hostile = st.fixed_dictionaries(
        {"start": st.one_of(NUMBER, VALUE), "end": st.one_of(NUMBER, VALUE)},
        optional={"text": VALUE},
    )
    return st.one_of(exact, exact, hostile)


def with_span(text: str, fields):
    return st.tuples(fields, span_of(text)).map(lambda pair: {**pair[0], **pair[1]})


def gold_line(document_id: str, text: str):
    """A gold line whose every field may be hostile."""
    fields = st.fixed_dictionaries(
        {"layer": plausible("speaker", "claim")},
        optional={
            "id": st.one_of(st.sampled_from(["s1", "s2", "c1"]), st.uuids().map(str), VALUE),
            "document_id": plausible(document_id),
            "document_sha256": plausible(text_sha256(text)),
            "entity": plausible("Esmail Qaani", "هنية"),
            "role": plausible("person", "government"),
            "speaker": plausible("s1", "s2"),
            "kind": plausible("direct", "indirect"),
            "cue": plausible("قال", "أكد"),
            "stances": STANCES,
            "origin": plausible("manual", "imported"),
        },
    )
    return with_span(text, fields)


def fresh_name() -> str:
    """An annotator new to the project: ids derive from it, so every example stores anew."""
    TRIED["annotators"] += 1
    return f"fuzz-{TRIED['annotators']}"


def test_gold_lines_with_any_values_are_stored_whole_or_refused(project, tmp_path):
    document = project.documents()[0].id
    text = project.text(document)

    @FUZZ
    @given(
        lines=st.lists(gold_line(document, text), min_size=1, max_size=4),
        ascii_only=st.booleans(),
    )
    # Found with 3,000 examples: a new entity took the unchecked role as its kind.
    @example(
        lines=[{"layer": "speaker", "start": 0, "end": 5, "entity": "هنية", "role": ["x"]}],
        ascii_only=True,
    )
    def check(lines, ascii_only):
        content = "\n".join(json_line(line, ascii_only) for line in lines)
        path = written(tmp_path, f"{document}.gold.jsonl", content)
        import_or_refuse(project, path, fresh_name(), "gold lines")

    check()


HEADER = {"type": "header", "format": "arabic-news-annotator", "version": 1}


def export_record(document_id: str, text: str):
    document = st.fixed_dictionaries(
        {"type": st.just("document")},
        optional={
            "id": plausible("new", document_id),
            "text": st.one_of(TEXT, VALUE),
            "sha256": VALUE,
            "title": plausible("خبر"),
            "source": plausible("new.txt"),
            "metadata": plausible({"outlet": "الجزيرة"}),
        },
    )
    entity = st.fixed_dictionaries(
        {"type": st.just("entity")},
        optional={
            "id": plausible(*UUIDS),
            "name": plausible("هنية", "Esmail Qaani"),
            "kind": plausible("person"),
            "aliases": plausible(["أبو العبد"]),
        },
    )
    fields = st.fixed_dictionaries(
        {
            "type": st.just("annotation"),
            "id": st.one_of(st.sampled_from(UUIDS), st.uuids().map(str), VALUE),
            "document_id": plausible(document_id, "new"),
            "annotator": plausible("omar"),
            "layer": plausible("speaker", "claim"),
        },
        optional={
            "document_sha256": plausible(text_sha256(text)),
            "attributes": st.one_of(
                st.dictionaries(
                    st.sampled_from(["role", "kind", "cue", "x"]),
                    plausible("person", "direct", "قال"),
                ),
                VALUE,
            ),
            "entity_id": plausible(*UUIDS),
            "link_id": plausible(*UUIDS),
            "stances": STANCES,
            "origin": plausible("manual", "imported"),
            "created_at": plausible("2024-05-01T10:00:00+00:00"),
            "modified_at": plausible("2024-05-01T10:00:00+00:00"),
        },
    )
    other = st.dictionaries(TEXT, VALUE, max_size=3)
    annotation = with_span(text, fields)
    return st.one_of(annotation, annotation, annotation, document, entity, other)


def test_exports_with_any_records_are_stored_whole_or_refused(project, tmp_path):
    document = project.documents()[0].id
    text = project.text(document)
    header = st.one_of(
        st.just(HEADER),
        st.fixed_dictionaries({**{k: st.just(v) for k, v in HEADER.items()}, "version": VALUE}),
    )

    @FUZZ
    @given(
        header=header,
        records=st.lists(export_record(document, text), min_size=1, max_size=5),
        ascii_only=st.booleans(),
        recorded=st.booleans(),  # keep the annotators the file records, or give one
    )
    def check(header, records, ascii_only, recorded):
        content = "\n".join(json_line(r, ascii_only) for r in [header, *records])
        path = written(tmp_path, "export.jsonl", content)
        import_or_refuse(project, path, None if recorded else fresh_name(), "exports")

    check()


def test_random_bytes_as_json_lines_are_refused(project, tmp_path):
    @FUZZ
    @given(data=st.binary(max_size=300))
    def check(data):
        path = tmp_path / "annotations.jsonl"
        path.write_bytes(data)
        import_or_refuse(project, path, "fuzz", "random bytes, jsonl")

    check()


@pytest.mark.parametrize("depth", [1_000, 100_000, 1_000_000])
@pytest.mark.parametrize("where", ["gold", "export"])
def test_json_nested_too_deeply_is_refused(project, tmp_path, depth, where):
    bomb = "[" * depth + "]" * depth
    if where == "gold":
        line = '{"layer": "speaker", "start": 0, "end": 5, "role": ' + bomb + "}"
    else:
        line = json.dumps(HEADER) + '\n{"type": "annotation", "attributes": ' + bomb + "}"
    import_or_refuse(project, written(tmp_path, "bomb.jsonl", line), "fuzz", "nesting bombs")


@pytest.mark.parametrize("where", ["gold", "export", "articles"])
def test_a_number_of_five_thousand_digits_is_refused(project, tmp_path, where):
    """More digits than Python turns into an int by default: json.loads raises ValueError."""
    big = "9" * 5000
    if where == "articles":
        TRIED["huge numbers"] += 1
        path = written(tmp_path, "news.jsonl", f'{{"text": "خبر", "n": {big}}}\n')
        check_whole_or_nothing(path)
        return
    line = f'{{"layer": "speaker", "start": {big}, "end": 5}}'
    if where == "export":
        line = json.dumps(HEADER) + f'\n{{"type": "annotation", "start": {big}}}'
    import_or_refuse(project, written(tmp_path, "big.jsonl", line), "fuzz", "huge numbers")


def test_an_enormous_line_is_refused_whole(project, tmp_path):
    document = project.documents()[0].id
    line = {"layer": "speaker", "start": 0, "end": 5, "document_id": document, "cue": "ق" * 2**22}
    path = written(tmp_path, "long.jsonl", json.dumps(line))
    import_or_refuse(project, path, "fuzz", "enormous lines")


# ----------------------------------------------------------------------------- brat


BRAT_TEXT = st.one_of(TEXT, st.just("\ufeffقال الوزير\r\nإن الحكومة «ستعمل»\n"))
BRAT_ID = st.one_of(
    st.sampled_from(["T1", "T2", "T3", "A1", "R1", "N1", "#1", "#2", "E1", "*", "M1", "X"]), TEXT
)
BRAT_TYPE = st.sampled_from(
    ["speaker", "claim", "role", "claim_speaker", "Reference", "AnnotatorNotes", "Provenance"]
)
OFFSET = st.one_of(st.integers(-2, 30).map(str), st.sampled_from(["", "٣", "1e3", "9" * 30]))
BRAT_DATA = st.one_of(
    st.tuples(BRAT_TYPE, OFFSET, OFFSET).map(" ".join),
    st.tuples(BRAT_TYPE, OFFSET, OFFSET, st.just(";"), OFFSET, OFFSET).map(" ".join),
    st.tuples(BRAT_TYPE, st.sampled_from(["T1", "T2", "Arg1:T1", "T9"]), TEXT).map(" ".join),
    st.tuples(BRAT_TYPE, st.just("Arg1:T1"), st.sampled_from(["Arg2:T2", "Arg2:T1"])).map(" ".join),
    st.tuples(
        BRAT_TYPE, st.just("T1"), st.sampled_from(["entity:", "entity:" + UUIDS[0], "x"])
    ).map(" ".join),
    TEXT,
)
NOTE = st.one_of(
    st.lists(
        st.tuples(
            st.sampled_from(["annotator", "id", "origin", "created", "cue", "stance", "kind", ""]),
            st.one_of(TEXT, st.sampled_from(UUIDS), st.just("a=b"), st.just("\\ud800")),
        ).map(": ".join),
        max_size=3,
    ).map(" | ".join),
    TEXT,
)
BRAT_LINE = st.tuples(BRAT_ID, BRAT_DATA, NOTE).map("\t".join)


def text_bound(raw: str, number: int):
    """A text-bound line of `raw` as brat writes it (cut into fragments at line breaks)."""
    if not raw:
        return st.just(f"T{number}\tspeaker 0 0\t")

    def line(layer, start, end):
        pieces = brat.fragments(raw, start, end)
        offsets = ";".join(f"{a} {b}" for a, b in pieces)
        shown = " ".join(raw[a:b] for a, b in pieces)
        return f"T{number}\t{layer} {offsets}\t{shown}"

    return st.integers(0, len(raw) - 1).flatmap(
        lambda start: st.builds(
            line,
            st.sampled_from(["speaker", "claim", "stance"]),
            st.just(start),
            st.integers(start + 1, len(raw)),
        )
    )


def test_brat_files_with_any_lines_are_stored_whole_or_refused(project, tmp_path):
    @FUZZ
    @given(data=st.data(), raw=BRAT_TEXT, recorded=st.booleans())
    def check(data, raw, recorded):
        spans = [data.draw(text_bound(raw, n)) for n in (1, 2, 3)]
        lines = data.draw(st.lists(st.one_of(BRAT_LINE, TEXT), max_size=5))
        folder = Path(tempfile.mkdtemp(dir=tmp_path))
        written(folder, "doc.txt", raw)
        ann = written(folder, "doc.ann", "\n".join(spans + lines))
        import_or_refuse(project, ann, None if recorded else fresh_name(), "brat files")

    check()


def test_a_refused_file_leaves_no_trace_of_the_document_it_brought(project, tmp_path):
    """Found by the fuzzing above: the refused file's document was gone, but its text stayed
    in memory under its id, and the next document given that id was annotated against it."""
    for name, text, ann in [
        (
            "first",
            "قال الوزير إن الحكومة ستعمل",
            "T1\tspeaker 0 3\tقال\n#1\tAnnotatorNotes T1\tx: y",
        ),
        ("second", "أكد المتحدث أن الهدنة صامدة", "T1\tspeaker 0 3\tأكد"),
    ]:
        (tmp_path / name).mkdir()
        written(tmp_path / name, "doc.txt", text)
        written(tmp_path / name, "doc.ann", ann)
    with pytest.raises(AnnotatorError, match="unknown note field"):
        import_annotations(project, tmp_path / "first" / "doc.ann", "amina")
    import_annotations(project, tmp_path / "second" / "doc.ann", "amina")
    (speaker,) = project.annotations("doc")
    assert speaker.text == "أكد"
    assert project.verify() == []


def test_random_bytes_as_brat_are_refused(project, tmp_path):
    @FUZZ
    @given(ann=st.binary(max_size=200), text=st.binary(max_size=200))
    def check(ann, text):
        folder = Path(tempfile.mkdtemp(dir=tmp_path))
        (folder / "doc.txt").write_bytes(text)
        (folder / "doc.ann").write_bytes(ann)
        import_or_refuse(project, folder / "doc.ann", "fuzz", "random bytes, brat")

    check()


# ----------------------------------------------------------------------------- articles


CELL = st.lists(PIECES, max_size=30).map("".join)


@FUZZ
@given(
    header=st.lists(
        st.sampled_from(["id", "title", "text", "نص", "", "text"]), min_size=1, max_size=4
    ),
    rows=st.lists(st.lists(CELL, max_size=5), max_size=5),
    delimiter=st.sampled_from([",", ";", "\t", "|"]),
    newline=st.sampled_from(["\n", "\r\n", "\r"]),
)
def test_tables_with_stray_quotes_and_ragged_rows_give_articles_or_problems(
    header, rows, delimiter, newline
):
    TRIED["tables"] += 1
    lines = [delimiter.join(header), *(delimiter.join(row) for row in rows)]
    folder = tempfile.TemporaryDirectory()
    with folder:
        path = written(Path(folder.name), "news.csv", newline.join(lines))
        check_whole_or_nothing(path)


@FUZZ
@given(
    values=st.lists(st.dictionaries(st.sampled_from(["id", "text", "title", "meta"]), VALUE)),
    cut=st.integers(0, 400),
    ascii_only=st.booleans(),
)
def test_json_lines_of_any_values_give_articles_or_problems(values, cut, ascii_only):
    TRIED["article json lines"] += 1
    content = "\n".join(json_line(v, ascii_only) for v in values)
    content = content[: len(content) - cut] if cut < len(content) else content
    folder = tempfile.TemporaryDirectory()
    with folder:
        check_whole_or_nothing(written(Path(folder.name), "news.jsonl", content))


@pytest.mark.parametrize("cell", [2**17 + 1, 2**21])
def test_a_cell_larger_than_the_csv_modules_limit_is_read(tmp_path, cell):
    TRIED["enormous cells"] += 1
    text = ("قال الوزير " * cell)[:cell]
    path = written(tmp_path, "news.csv", f'id,text\n1,"{text}"\n')
    (source,), problems = read_articles([path]).sources, read_articles([path]).problems
    assert problems == [] and source.text == text


def test_a_refused_batch_of_articles_leaves_the_project_as_it_was(project, tmp_path):
    @settings(max_examples=max(EXAMPLES // 3, 10), deadline=None)
    @given(
        files=st.lists(
            st.tuples(st.sampled_from([".csv", ".jsonl", ".tsv"]), TEXT), min_size=1, max_size=4
        )
    )
    def check(files):
        TRIED["article batches"] += 1
        folder = Path(tempfile.mkdtemp(dir=tmp_path))
        for n, (suffix, content) in enumerate(files):
            header = {".jsonl": ""}.get(suffix, "id,text\n" if suffix == ".csv" else "id\ttext\n")
            written(folder, f"{n}{suffix}", header + content)
        before = counts(project)
        batch = read_articles([folder])
        outcome = import_batch(project, batch)
        if not outcome.stored:
            assert counts(project) == before
        assert project.verify() == []

    check()
