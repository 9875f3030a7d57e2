"""`annotator check` on a project someone else made or edited: foreign SQL objects and damaged
rows are listed as problems, never a traceback; `--remove-foreign` takes the objects out after a
backup copy; list and export leave damaged rows out with a note."""

import pytest

from annotator.cli import main
from annotator.core.store import backup
from annotator.core.store.project import Project
from tests.core import hostile_files as hostile


@pytest.fixture(scope="module")
def valid(tmp_path_factory):
    return hostile.build_valid(tmp_path_factory.mktemp("valid") / "study.annotator")


def edited(valid, path, *statements):
    return str(hostile.edited_copy(valid, path, *statements))


TRIGGER = "CREATE TRIGGER tidy AFTER INSERT ON annotations BEGIN DELETE FROM annotations; END"


def test_check_lists_a_foreign_trigger_and_names_the_way_out(tmp_path, valid, capsys):
    path = edited(valid, tmp_path / "study.annotator", TRIGGER)
    assert main(["check", "--project", path]) == 1
    out, err = capsys.readouterr()
    assert out == "SQL object this tool did not make: trigger tidy on annotations\n"
    assert f"annotator check --remove-foreign --project {path}" in err
    assert err.count("\n") == 1


@pytest.mark.parametrize("command", [["list"], ["export", "-o", "out.csv"], ["stats"]])
def test_other_commands_refuse_a_project_with_a_foreign_trigger_in_one_line(
    tmp_path, valid, capsys, command, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    path = edited(valid, tmp_path / "study.annotator", TRIGGER)
    assert main([*command, "--project", path]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "trigger tidy on annotations" in err
    assert "--remove-foreign" in err


def test_check_remove_foreign_keeps_a_backup_then_finds_nothing(tmp_path, valid, capsys):
    path = edited(
        valid,
        tmp_path / "study.annotator",
        TRIGGER,
        "CREATE VIEW everything AS SELECT * FROM annotations",
    )
    assert main(["check", "--remove-foreign", "--project", path]) == 0
    out = capsys.readouterr().out
    (kept,) = backup.listing(tmp_path / "study.annotator")
    assert f"the project as it was is kept as {kept.path}" in out
    assert "removed trigger tidy on annotations" in out
    assert "removed view everything" in out
    assert out.splitlines()[-1].startswith("ok: 121 document(s), 60 annotation(s)")
    assert main(["check", "--project", path]) == 0


@pytest.mark.parametrize("start", ["1.5", "'abc'", "x'00ff'", "'٣'", "9.3e18"])
def test_check_names_an_annotation_whose_offset_is_not_a_whole_number(
    tmp_path, valid, capsys, start
):
    path = edited(
        valid,
        tmp_path / "study.annotator",
        f"UPDATE annotations SET start = {start} WHERE rowid = 3",
    )
    capsys.readouterr()
    assert main(["check", "--project", path]) == 1
    out = capsys.readouterr().out
    (line,) = [x for x in out.splitlines() if x.startswith("annotations row 3 ")]
    assert "start is not a whole number" in line


# Exports leave out a row they cannot read (59 of 60 annotations written) and write one whose
# damage is in a value they read as none or do not write (60).
@pytest.mark.parametrize(
    "column, value, reason, exported",
    [
        ("attributes", "'[\"government\"]'", "attributes is not a JSON object of texts", 59),
        ("attributes", "'{\"role\": '", "attributes is not a JSON object of texts", 59),
        ("attributes", "'{\"role\": [1]}'", "attributes is not a JSON object of texts", 60),
        ("sources", "'{}'", "sources is not a JSON list of texts", 60),
        ("history", "'[1]'", "history is not a JSON list of texts", 60),
        ("origin", "'hand'", "origin is not one of manual, imported, suggested, adjudicated", 59),
        ("revision", "0", "revision is out of range", 60),
    ],
)
def test_check_names_a_row_of_the_wrong_shape_and_the_window_and_exports_leave_it_out(
    tmp_path, valid, capsys, column, value, reason, exported
):
    path = edited(
        valid,
        tmp_path / "study.annotator",
        f"UPDATE annotations SET {column} = {value} WHERE rowid = 3",
    )
    capsys.readouterr()
    assert main(["check", "--project", path]) == 1
    out = capsys.readouterr().out
    (line,) = [x for x in out.splitlines() if x.startswith("annotations row 3 ")]
    assert reason in line and "left out of what reads it" in line
    with Project.open(path) as project:
        (document,) = project.conn.execute(
            "SELECT document_id FROM annotations WHERE rowid = 3"
        ).fetchone()
        # The earlier revisions are not part of what the window shows: it shows that one.
        shown = 2 if column == "history" else 1
        assert len(project.annotations(document)) == shown
        assert project.left_out(document) == 2 - shown
    assert main(["export", "--project", path, "-o", str(tmp_path / "out.csv")]) == 0
    out, err = capsys.readouterr()
    assert f"wrote {exported} row(s)" in out
    assert "the project has 1 damaged row(s)" in err
    assert main(["list", "--project", path]) == 0
    assert "1 damaged row(s)" in capsys.readouterr().err


def test_a_bad_metadata_document_is_named_and_left_out_of_the_list(tmp_path, valid, capsys):
    path = edited(
        valid, tmp_path / "study.annotator", "UPDATE documents SET metadata = '[' WHERE rowid = 5"
    )
    assert main(["check", "--project", path]) == 1
    out = capsys.readouterr().out
    assert "documents row 5 (id " in out and "metadata is not a JSON object" in out
    assert main(["list", "--json", "--project", path]) == 0
    assert '"id": "' in capsys.readouterr().out
