"""Whatever bytes a file holds, reading it gives its articles or its problems: never an exception,
never part of a file, never a text the project could not store."""

import csv
import io
import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core.formats.articles import import_batch, read_articles, read_file
from annotator.core.store.project import Project

SUFFIXES = [".txt", ".csv", ".tsv", ".jsonl", ".dat"]
# Arabic letters and marks, Latin, digits, the CSV and JSON syntax characters, line breaks,
# bidi controls, NUL and other controls, and lone surrogates.
PIECES = st.sampled_from(
    list("قالوزيرفيغزةًٌٍَُِّْـ«»،؛؟")
    + list("abc019 ,;\t\"'{}[]:\\\n\r")
    + ["\u200f", "\u200e", "\u202b", "\u202e", "\u2067", "\u2069", "\ufeff", "😀"]
    + ["\x00", "\x07", "\x1b", "\x85", "\ud800", "\udfff"]
)
TEXT = st.lists(PIECES, max_size=200).map("".join)
ENCODINGS = st.sampled_from(["utf-8", "utf-16", "utf-16-le", "cp1256", "iso8859-6"])

FUZZ = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def encoded(text: str, encoding: str) -> bytes:
    return text.encode(
        encoding, errors="surrogatepass" if encoding.startswith("utf") else "replace"
    )


def check_whole_or_nothing(path: Path) -> None:
    sources, problems = read_file(path)
    assert not (sources and problems), "a file gave articles and problems"
    for problem in problems:
        assert problem.reason and problem.path == str(path)
    for source in sources:
        assert source.text.strip()
        # The project stores UTF-8: a text that cannot be encoded must have been refused.
        source.text.encode("utf-8")
        json.dumps(dict(source.metadata), ensure_ascii=False).encode("utf-8")


def in_file(data: bytes, suffix: str):
    folder = tempfile.TemporaryDirectory()
    path = Path(folder.name) / f"article{suffix}"
    path.write_bytes(data)
    return folder, path


@FUZZ
@given(data=st.binary(max_size=400), suffix=st.sampled_from(SUFFIXES))
def test_random_bytes_give_articles_or_problems(data, suffix):
    folder, path = in_file(data, suffix)
    with folder:
        check_whole_or_nothing(path)


@FUZZ
@given(text=TEXT, encoding=ENCODINGS, suffix=st.sampled_from(SUFFIXES))
def test_text_with_controls_surrogates_and_bidi_marks_gives_articles_or_problems(
    text, encoding, suffix
):
    header = {".csv": "id,title,text\n", ".tsv": "id\ttitle\ttext\n"}.get(suffix, "")
    folder, path = in_file(encoded(header + text, encoding), suffix)
    with folder:
        check_whole_or_nothing(path)


CELL = st.lists(PIECES.filter(lambda c: c not in "\x00\r"), max_size=40).map("".join)


@FUZZ
@given(rows=st.lists(st.tuples(CELL, CELL), min_size=1, max_size=8), bad=st.booleans())
def test_a_table_with_one_broken_row_gives_nothing_of_the_file(rows, bad):
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["title", "text"])
    writer.writerows(rows)
    content = out.getvalue() + ('x,"unbalanced\n' if bad else "")
    folder, path = in_file(encoded(content, "utf-8"), ".csv")
    with folder:
        sources, problems = read_file(path)
        if bad:
            assert sources == [] and problems
        else:
            assert not (sources and problems)


ARTICLE = st.lists(
    st.sampled_from(list("قالوزيرفيغزةً«»،؛؟ ,;\"'\n") + ["\u200f", "\u202b", "😀", "a", "1"]),
    min_size=1,
    max_size=80,
).map("".join)


@FUZZ
@given(texts=st.lists(ARTICLE.filter(str.strip), min_size=1, max_size=6))
def test_texts_written_by_the_csv_module_are_read_back_exactly(texts):
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["id", "text"])
    writer.writerows([str(n), text] for n, text in enumerate(texts))
    folder, path = in_file(out.getvalue().encode("utf-8-sig"), ".csv")
    with folder:
        sources, problems = read_file(path)
    assert problems == []
    assert [s.text for s in sources] == texts


@FUZZ
@given(texts=st.lists(ARTICLE.filter(str.strip), min_size=1, max_size=6))
def test_texts_written_as_json_lines_are_read_back_exactly(texts):
    content = "".join(json.dumps({"text": t}, ensure_ascii=False) + "\n" for t in texts)
    folder, path = in_file(content.encode("utf-8"), ".jsonl")
    with folder:
        sources, problems = read_file(path)
    assert problems == []
    assert [s.text for s in sources] == texts


@FUZZ
@given(depth=st.integers(1, 200_000), key=st.sampled_from(["text", "meta"]))
def test_deeply_nested_json_is_a_problem_or_metadata_never_an_exception(depth, key):
    line = f'{{"text": "خبر", "{key}": ' + "[" * depth + "]" * depth + "}\n"
    folder, path = in_file(line.encode("utf-8"), ".jsonl")
    with folder:
        check_whole_or_nothing(path)


@FUZZ
@given(length=st.integers(1, 300_000), suffix=st.sampled_from(SUFFIXES))
def test_very_long_lines_are_read(length, suffix):
    header = {".csv": "text\n", ".tsv": "text\n"}.get(suffix, "")
    body = ("قال" * length)[:length]
    content = json.dumps({"text": body}, ensure_ascii=False) if suffix == ".jsonl" else body
    folder, path = in_file((header + content).encode("utf-8"), suffix)
    with folder:
        sources, problems = read_file(path)
    assert problems == [] and [s.text for s in sources] == [body]


@settings(max_examples=40, deadline=None)
@given(files=st.lists(st.tuples(TEXT, ENCODINGS, st.sampled_from(SUFFIXES)), max_size=4))
def test_whatever_is_read_can_be_stored_and_a_refused_batch_stores_nothing(files):
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        for n, (text, encoding, suffix) in enumerate(files):
            (root / "in").mkdir(exist_ok=True)
            (root / "in" / f"{n}{suffix}").write_bytes(encoded(text, encoding))
        batch = read_articles([root / "in"])
        with Project.create(root / "study.annotator") as project:
            outcome = import_batch(project, batch)
            stored = project.documents()
            if batch.problems:
                assert not outcome.stored and stored == []
            else:
                assert len(stored) == len(outcome.report.added)
