"""The spreadsheet formula guard covers every cell of every CSV export, whatever its column.

A merged or hand-edited project file can hold anything in any column, so the rows here are
written through a raw connection, as such a file would carry them: formula starts in ids,
times, choice values, names and titles alike.
"""

import csv
import json
import sqlite3
from contextlib import closing

import pytest

from annotator.core.formats import EXPORTS, claims, csv_export

FORMULA_STARTS = "=+-@\t\r"
CSV_EXPORTS = [name for name, chosen in EXPORTS.items() if chosen.formula_guard]
# Columns that only ever hold numbers: they stay numbers. `origin` holds one of its choices or
# the row is left out (see the last tests).
NUMBERS = {"start", "end"}
CHOICES = {"origin"}
# Every text column a CSV export reads, by table; ids are changed alike wherever they are
# stored, so the rows still join as a merged file's would.
TEXT_COLUMNS = {
    "documents": ["id", "title"],
    "annotators": ["name"],
    "entities": ["id", "name"],
    "annotations": [
        "id",
        "document_id",
        "text",
        "entity_id",
        "link_id",
        "created_at",
        "modified_at",
    ],
    "stances": ["annotation_id", "target", "value"],
    "document_status": ["document_id"],
}


def read_rows(path):
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def write_hostile_rows(path, start):
    """Put `start` before every text value of the project, attribute values included."""
    prefix = f'{start}HYPERLINK("http://example.invalid")&'
    with closing(sqlite3.connect(path, isolation_level=None)) as conn:
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute("PRAGMA ignore_check_constraints = ON")
        conn.execute("BEGIN")
        for table, columns in TEXT_COLUMNS.items():
            for column in columns:
                conn.execute(f"UPDATE {table} SET {column} = ? || {column}", (prefix,))
        # Layers with stances keep their names: the stances of others are not exported.
        conn.execute("UPDATE annotations SET layer = ? || layer WHERE layer != 'claim'", (prefix,))
        for rowid, attributes in conn.execute("SELECT rowid, attributes FROM annotations"):
            hostile = {key: prefix + str(value) for key, value in json.loads(attributes).items()}
            conn.execute(
                "UPDATE annotations SET attributes = ? WHERE rowid = ?",
                (json.dumps(hostile), rowid),
            )
        conn.execute("COMMIT")


@pytest.mark.parametrize("start", FORMULA_STARTS, ids=repr)
@pytest.mark.parametrize("export", CSV_EXPORTS)
def test_no_cell_of_a_csv_export_starts_like_a_formula(gold_project, tmp_path, export, start):
    write_hostile_rows(gold_project.path, start)
    path = tmp_path / "out.csv"
    EXPORTS[export].export(gold_project, path)
    rows = read_rows(path)
    assert rows
    assert not any(name.startswith(tuple(FORMULA_STARTS)) for name in rows[0])
    for row in rows:
        for column, cell in row.items():
            assert not cell.startswith(tuple(FORMULA_STARTS)), (column, cell)
    # Every column but the numbers carried the formula somewhere and came out guarded.
    for column in set(rows[0]) - NUMBERS - CHOICES:
        assert any(row[column].startswith("'" + start) for row in rows), column


@pytest.mark.parametrize("export", [csv_export.export, claims.export])
def test_offsets_stay_numbers_under_the_guard(gold_project, tmp_path, export):
    write_hostile_rows(gold_project.path, "-")
    path = tmp_path / "out.csv"
    export(gold_project, path)
    stored = dict(gold_project.conn.execute('SELECT start, "end" FROM annotations'))
    for row in read_rows(path):
        assert stored[int(row["start"])] == int(row["end"])


def test_rows_whose_choice_or_offset_cannot_be_stored_are_left_out_and_named(
    gold_project, tmp_path
):
    # An origin outside its choices or a negative offset is not a value an edit could store:
    # such a row is left out of the export (never written with a formula) and `check` names it.
    with closing(sqlite3.connect(gold_project.path, isolation_level=None)) as conn:
        conn.execute("PRAGMA ignore_check_constraints = ON")
        first, second = [r[0] for r in conn.execute("SELECT id FROM annotations LIMIT 2")]
        conn.execute("UPDATE annotations SET origin = '=HYPERLINK(1)' WHERE id = ?", (first,))
        conn.execute("UPDATE annotations SET start = -start - 1 WHERE id = ?", (second,))
    csv_export.export(gold_project, tmp_path / "out.csv")
    exported = {row["annotation_id"] for row in read_rows(tmp_path / "out.csv")}
    assert exported and first not in exported and second not in exported
    problems = "\n".join(gold_project.verify())
    assert first in problems and second in problems


def test_every_csv_export_offers_the_guard():
    assert set(CSV_EXPORTS) == {
        name for name, chosen in EXPORTS.items() if chosen.suffix in (".csv", ".tsv")
    }
