"""On the command line a broken project file is one line on stderr and exit code 1, never a
traceback; `annotator check` lists what it finds."""

import subprocess
import sys

import pytest

from annotator.cli import main
from tests.core import hostile_files as hostile


@pytest.fixture(scope="module")
def valid(tmp_path_factory):
    return hostile.build_valid(tmp_path_factory.mktemp("valid") / "study.annotator")


BROKEN = {
    "not-sqlite": lambda valid, path: path.write_bytes(b"id,title,text\n1,x,y\n") and path,
    "foreign": lambda valid, path: hostile.foreign_sqlite(path),
    "cut-in-header": lambda valid, path: hostile.cut_off(valid, path, 60),
    "cut-in-half": lambda valid, path: hostile.cut_off(valid, path, valid.stat().st_size // 2),
    "damaged-page": lambda valid, path: hostile.damaged_page(valid, path, 0.5),
    "damaged-schema-page": lambda valid, path: hostile.damaged_page(valid, path, 0.0),
    "newer-in-log": lambda valid, path: hostile.newer_in_log(valid, path),
}
EXPECTED = {
    "not-sqlite": "not an SQLite file",
    "foreign": "another application",
    "cut-in-header": "cut off",
    "cut-in-half": "cut off",
    "damaged-page": "is damaged",
    "damaged-schema-page": "is damaged",
    "newer-in-log": "newer version",
}


@pytest.mark.parametrize("kind", BROKEN)
@pytest.mark.parametrize("command", [["check"], ["list"], ["export", "-o", "out.csv"]])
def test_a_broken_project_is_one_line_of_error(tmp_path, valid, capsys, kind, command):
    path = BROKEN[kind](valid, tmp_path / "study.annotator")
    code = main([command[0], "--project", str(path), *command[1:]])
    err = capsys.readouterr().err
    assert code == 1
    assert err.startswith("annotator: error: ") and err.count("\n") == 1
    assert EXPECTED[kind] in err


def test_check_lists_a_changed_letter_in_an_article(tmp_path, valid, capsys):
    path = hostile.damaged_text(valid, tmp_path / "study.annotator", "ز".encode())
    assert main(["check", "--project", str(path)]) == 1
    captured = capsys.readouterr()
    assert captured.out == "document 7: its text does not match its SHA-256\n"
    assert captured.err == "annotator: 1 problem(s) found\n"


def test_reading_an_undecodable_article_is_one_line_pointing_to_check(tmp_path, valid, capsys):
    path = hostile.damaged_text(valid, tmp_path / "study.annotator", b"\xff\xfe")
    out = tmp_path / "all.jsonl"
    assert main(["export", "--project", str(path), "--format", "jsonl", "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "annotator check" in err
    assert not out.exists()


def test_the_installed_command_shows_no_traceback_for_a_damaged_file(tmp_path, valid):
    path = hostile.damaged_page(valid, tmp_path / "study.annotator", 0.5)
    run = subprocess.run(
        [sys.executable, "-m", "annotator", "check", "--project", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 1
    assert "Traceback" not in run.stderr and "is damaged" in run.stderr
