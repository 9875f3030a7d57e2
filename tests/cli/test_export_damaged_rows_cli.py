"""`annotator export` of a project several rows of which a hand edit damaged: the note counts
every row `annotator check` names, the table leaves out the annotations it cannot read and
writes those whose damage is in what it does not write; and the export starts without the
modules it does not use."""

import csv
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.conftest import ROOT
from tests.core import hostile_files as hostile

# Each statement damages one row (the valid project's annotations alternate speaker, claim
# linked to it with one stance, from rowid 1). Values that look like the columns' defaults but
# are blobs are damaged too: a check that compared bytes only would let them through.
DAMAGE = {
    # Read by the export: the speaker is left out.
    "speaker with attributes cut off": (
        "UPDATE annotations SET attributes = '{\"role\": ' WHERE rowid = 3"
    ),
    "speaker with attributes as a blob of {}": (
        "UPDATE annotations SET attributes = x'7b7d' WHERE rowid = 11"
    ),
    # Not read by the export: the claim is written.
    "claim with sources as a blob of []": (
        "UPDATE annotations SET sources = x'5b5d' WHERE rowid = 6"
    ),
    "claim with a number among its earlier revisions": (
        "UPDATE annotations SET history = '[1]' WHERE rowid = 8"
    ),
    # The claim is written without its stance.
    "stance value as a blob": (
        "UPDATE stances SET value = x'6661766f72' "
        "WHERE annotation_id = (SELECT id FROM annotations WHERE rowid = 10)"
    ),
    # The document's annotations are written.
    "document metadata cut off": "UPDATE documents SET metadata = '[' WHERE rowid = 5",
}
LEFT_OUT = (3, 11)  # rowids of the annotations the table cannot hold


@pytest.fixture(scope="module")
def valid(tmp_path_factory):
    return hostile.build_valid(tmp_path_factory.mktemp("valid") / "study.annotator")


@pytest.fixture
def damaged(valid, tmp_path):
    return hostile.edited_copy(valid, tmp_path / "study.annotator", *DAMAGE.values())


def ids_by_rowid(path: Path) -> dict[int, str]:
    with sqlite3.connect(path) as conn:
        return dict(conn.execute("SELECT rowid, id FROM annotations"))


def test_the_note_counts_every_row_the_check_names(run, damaged):
    checked = run("check", "--project", damaged)
    named = [line for line in checked.stdout.splitlines() if "left out of what reads it" in line]
    assert len(named) == len(DAMAGE), checked.stdout
    result = run("export", "--project", damaged, "--format", "csv", "--out", "table.csv")
    assert result.returncode == 0, result.stderr
    assert f"the project has {len(DAMAGE)} damaged row(s)" in result.stderr
    listed = run("list", "--project", damaged)
    assert f"the project has {len(DAMAGE)} damaged row(s)" in listed.stderr


def test_the_table_leaves_out_the_annotations_it_cannot_read_and_no_other(run, damaged, tmp_path):
    ids = ids_by_rowid(damaged)
    result = run("export", "--project", damaged, "--format", "csv", "--out", "table.csv")
    assert result.returncode == 0, result.stderr
    with open(tmp_path / "table.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    written = [row["annotation_id"] for row in rows]
    assert written == [ids[n] for n in sorted(ids) if n not in LEFT_OUT]
    assert f"wrote {len(written)} row(s)" in result.stdout
    (unstanced,) = [row for row in rows if row["annotation_id"] == ids[10]]
    assert unstanced["stance_target"] == unstanced["stance_value"] == ""
    (stanced,) = [row for row in rows if row["annotation_id"] == ids[12]]
    assert stanced["stance_value"] == "favor"


def test_the_lines_export_leaves_out_the_same_annotations(run, damaged, tmp_path):
    ids = ids_by_rowid(damaged)
    result = run("export", "--project", damaged, "--format", "jsonl", "--out", "all.jsonl")
    assert result.returncode == 0, result.stderr
    assert f"the project has {len(DAMAGE)} damaged row(s)" in result.stderr
    with open(tmp_path / "all.jsonl", encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle]
    written = [r["id"] for r in records if r["type"] == "annotation"]
    assert written == [ids[n] for n in sorted(ids) if n not in LEFT_OUT]


def test_the_export_command_starts_without_the_modules_it_does_not_use(valid, tmp_path):
    # numpy alone takes a fifth of a second of processor time to import; none of these three
    # is needed to write a table of a project named on the command line.
    env = dict(os.environ, XDG_DATA_HOME=str(tmp_path / "data"))
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "annotator", "export", "--project", valid]
        + ["--format", "csv", "--out", str(tmp_path / "table.csv")],
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    imported = [line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines()]
    assert "annotator.cli" in imported  # the listing was read
    unused = {"numpy", "pyarabic", "platformdirs"}
    assert not [name for name in imported if name.split(".")[0] in unused]
