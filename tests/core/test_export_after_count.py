"""Once the project's damaged rows have been counted (none), an export streams without
checking them again; a row damaged after the count, by another program or through the
project itself, is still left out."""

import csv
import sqlite3
from contextlib import closing

from annotator.core.formats import csv_export


def exported_ids(project, path):
    csv_export.export(project, path, overwrite=True)
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return [row["annotation_id"] for row in csv.DictReader(handle)]


def unlinked_id(project, path):
    csv_export.export(project, path, overwrite=True)
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    linked = {row["speaker_id"] for row in rows}
    return next(row["annotation_id"] for row in rows if row["annotation_id"] not in linked)


BREAK = "UPDATE annotations SET attributes = '{not json' WHERE id = ?"


def test_a_row_another_program_damages_after_the_count_is_left_out(gold_project, tmp_path):
    out = tmp_path / "out.csv"
    target = unlinked_id(gold_project, out)
    assert gold_project.left_out() == 0
    with closing(sqlite3.connect(gold_project.path, isolation_level=None)) as conn:
        conn.execute(BREAK, (target,))
    assert target not in exported_ids(gold_project, out)


def test_a_row_damaged_through_the_project_after_the_count_is_left_out(gold_project, tmp_path):
    out = tmp_path / "out.csv"
    target = unlinked_id(gold_project, out)
    assert gold_project.left_out() == 0
    with gold_project.atomic():
        gold_project.conn.execute(BREAK, (target,))
    assert target not in exported_ids(gold_project, out)


def test_a_sound_project_exports_the_same_rows_with_or_without_the_count(gold_project, tmp_path):
    unchecked = exported_ids(gold_project, tmp_path / "a.csv")
    assert gold_project.left_out() == 0
    assert exported_ids(gold_project, tmp_path / "b.csv") == unchecked
    assert (tmp_path / "a.csv").read_bytes() == (tmp_path / "b.csv").read_bytes()
