"""`annotator import` as a researcher runs it on a folder of articles from several archives."""

import codecs
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.core.paths import seeds_dir
from annotator.core.store.project import Project

ROOT = Path(__file__).resolve().parents[2]
ENCODINGS = {
    "utf8.txt": lambda t: t.encode("utf-8"),
    "utf8-bom.txt": lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
    "utf16.txt": lambda t: t.encode("utf-16"),
    "windows-1256.txt": lambda t: t.encode("cp1256"),
    "iso-8859-6.txt": lambda t: t.encode("iso8859-6"),
}


def command(*args):
    return [sys.executable, "-m", "annotator", *map(str, args)]


@pytest.fixture
def env(tmp_path):
    env = dict(
        os.environ, XDG_DATA_HOME=str(tmp_path / "data"), XDG_STATE_HOME=str(tmp_path / "state")
    )
    # The checkout under test, not whichever one is installed: the process starts in tmp_path.
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


@pytest.fixture
def run(tmp_path, env):
    """Run `python -m annotator ARGS` in tmp_path, its output not a terminal."""

    def run(*args):
        return subprocess.run(
            command(*args),
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            encoding="utf-8",
        )

    return run


@pytest.fixture
def study(tmp_path):
    path = tmp_path / "study.annotator"
    Project.create(path).close()
    return path


def documents(path):
    with Project.open(path) as project:
        return {d.id: project.document(d.id) for d in project.documents()}


@pytest.fixture
def archive(tmp_path, seed_text):
    """The sample article in five encodings, a table and JSON Lines of articles, broken files."""
    folder = tmp_path / "archive"
    (folder / "broken").mkdir(parents=True)
    for name, encode in ENCODINGS.items():
        (folder / name).write_bytes(encode(seed_text))
    (folder / "table.csv").write_text(
        "id,title,text,outlet\n"
        'csv-1,هدنة في غزة,"قال الوزير، في بيان:\n""الهدنة صامدة""",الجزيرة\n'
        "csv-2,,خبر ثان من الجدول,الأيام\n",
        encoding="utf-8",
    )
    (folder / "lines.jsonl").write_text(
        json.dumps({"id": "jl-1", "text": "خبر من سطر", "tags": ["غزة"]}, ensure_ascii=False)
        + "\n",
        encoding="utf-8",
    )
    (folder / "broken" / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (folder / "broken" / "empty.txt").write_bytes(b"")
    (folder / "broken" / "quote.csv").write_text('id,text\n1,"لا ينتهي\n', encoding="utf-8")
    (folder / "broken" / "lines.jsonl").write_text('{"text": "خبر"}\n{"text": \n', encoding="utf-8")
    return folder


BROKEN = [
    "broken/empty.txt: empty file: no text to annotate",
    "broken/lines.jsonl:2: not valid JSON",
    "broken/photo.txt: binary file (contains NUL bytes), not a text article",
    "broken/quote.csv:2: row 2: unbalanced quote",
]


def refused_lines(result):
    return [line for line in result.stderr.splitlines() if line.startswith("annotator: refused ")]


def test_a_batch_with_broken_files_lists_every_reason_and_stores_nothing(run, study, archive):
    result = run("import", "archive", "--project", study)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    refused = refused_lines(result)
    assert len(refused) == len(BROKEN)
    for line, expected in zip(refused, BROKEN, strict=True):
        assert line.startswith(f"annotator: refused archive/{expected}"), line
    assert result.stderr.splitlines()[-1] == (
        "annotator: error: nothing was imported: 4 file(s) refused; "
        "fix them, or import the other 7 file(s) with --skip-bad"
    )
    assert documents(study) == {}


def test_skipping_bad_files_imports_each_good_article_once(run, study, archive, seed_text):
    result = run("import", "archive", "--project", study, "--skip-bad")
    assert result.returncode == 2, result.stderr
    assert len(refused_lines(result)) == len(BROKEN)
    stored = documents(study)
    assert sorted(stored) == ["csv-1", "csv-2", "iso-8859-6", "jl-1"]
    assert stored["iso-8859-6"].text == seed_text  # the first of the five in file-name order
    assert stored["csv-1"].title == "هدنة في غزة"
    assert stored["csv-1"].text == 'قال الوزير، في بيان:\n"الهدنة صامدة"'
    assert stored["csv-1"].metadata == {"outlet": "الجزيرة"}
    assert stored["jl-1"].metadata == {"tags": ["غزة"]}
    for name in ["utf16.txt", "utf8-bom.txt", "utf8.txt", "windows-1256.txt"]:
        assert f"skipped {name}: its text is already in the project as iso-8859-6" in result.stdout
    assert result.stdout.splitlines()[-1] == "imported 4 article(s), skipped 4, refused 4 file(s)"


def test_a_clean_batch_exits_zero(run, study, archive):
    result = run("import", archive / "table.csv", archive / "lines.jsonl", "--project", study)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.splitlines() == ["imported 3 article(s), skipped 0"]


def test_columns_are_chosen_with_options(run, study, tmp_path):
    (tmp_path / "export.tsv").write_text(
        "ref\theadline_ar\tstory\nA7\tعنوان الخبر\tنص الخبر\n", encoding="utf-8"
    )
    result = run(
        "import", "export.tsv", "--text-col", "story", "--title-col", "headline_ar",
        "--id-col", "ref", "--project", study,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    (document,) = documents(study).values()
    assert (document.id, document.title, document.text) == ("A7", "عنوان الخبر", "نص الخبر")


def test_a_table_without_a_text_column_is_refused_listing_the_columns(run, study, tmp_path):
    (tmp_path / "export.csv").write_text("ref,story\nA7,نص الخبر\n", encoding="utf-8")
    result = run("import", "export.csv", "--project", study)
    assert result.returncode == 1
    (line,) = refused_lines(result)
    assert line.startswith("annotator: refused export.csv:1: no column holds the article text")
    assert "'ref', 'story'" in line


def test_the_encoding_option_overrides_detection(run, study, tmp_path):
    (tmp_path / "short.txt").write_bytes("هو".encode("iso8859-6"))
    result = run("import", "short.txt", "--encoding", "iso8859-6", "--project", study)
    assert result.returncode == 0, result.stderr
    assert [d.text for d in documents(study).values()] == ["هو"]


def test_annotation_files_in_a_folder_are_left_out_with_a_note(run, study, seed_id):
    result = run("import", seeds_dir(), "--project", study)
    assert result.returncode == 0, result.stderr
    assert f"{seed_id}.gold.jsonl: annotations (layer, start, end), not articles" in result.stdout
    assert list(documents(study)) == [seed_id]


def test_no_progress_bar_when_the_output_is_not_a_terminal(run, study, archive):
    result = run("import", archive / "table.csv", "--project", study)
    assert "\r" not in result.stderr and result.stderr == ""


def test_a_progress_bar_is_drawn_on_a_terminal(tmp_path, env, study, archive):
    pty = pytest.importorskip("pty")  # POSIX terminals only
    leader, follower = pty.openpty()
    try:
        result = subprocess.run(
            command("import", archive / "table.csv", "--project", study),
            cwd=tmp_path,
            env=env,
            stdout=subprocess.PIPE,
            stderr=follower,
            timeout=60,
        )
        os.close(follower)
        drawn = b""
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:  # the terminal is closed once everything was read
                break
            if not chunk:
                break
            drawn += chunk
    finally:
        os.close(leader)
    assert result.returncode == 0
    assert b"\rreading [" in drawn and b"\rstoring [" in drawn and b"] 2/2" in drawn
    assert b"imported 2 article(s)" in result.stdout


def test_a_folder_that_is_not_there_offers_nothing_that_is_not_there(run, study, tmp_path):
    result = run("import", "nowhere", "--project", study)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "annotator: refused nowhere: no such file or folder",
        "annotator: error: nothing was imported: no importable article in nowhere",
    ]
    assert "--skip-bad" not in result.stderr + result.stdout


def test_an_empty_folder_is_named_and_skip_bad_not_offered(run, study, tmp_path):
    (tmp_path / "empty").mkdir()
    result = run("import", "empty", "--project", study)
    assert result.returncode == 1
    assert "--skip-bad" not in result.stderr
    assert result.stderr.splitlines()[-1].endswith("no importable article in empty")
