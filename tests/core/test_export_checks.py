"""An export checks every row of the file once before streaming it (then streams without a test
per row), and falls back to testing each row when one is damaged: both ways give the same rows.

Damage is written through a raw connection, as a hand-edited file would carry it.
"""

import csv
import sqlite3
from contextlib import closing

from annotator.core.formats import csv_export


def exported(project, path):
    csv_export.export(project, path, overwrite=True)
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def damage(project, annotation_id):
    with closing(sqlite3.connect(project.path, isolation_level=None)) as conn:
        conn.execute(
            "UPDATE annotations SET attributes = '{not json' WHERE id = ?", (annotation_id,)
        )


def test_a_damaged_row_leaves_out_only_itself(gold_project, tmp_path):
    before = exported(gold_project, tmp_path / "out.csv")
    linked = {row["speaker_id"] for row in before}
    unlinked = next(row["annotation_id"] for row in before if row["annotation_id"] not in linked)
    damage(gold_project, unlinked)
    after = exported(gold_project, tmp_path / "out.csv")
    assert after == [row for row in before if row["annotation_id"] != unlinked]


def test_a_damaged_linked_row_empties_the_link_texts_that_name_it(gold_project, tmp_path):
    before = exported(gold_project, tmp_path / "out.csv")
    target = next(row["speaker_id"] for row in before if row["speaker_id"])
    damage(gold_project, target)
    expected = [
        row | {"speaker_text": "", "speaker_entity": ""} if row["speaker_id"] == target else row
        for row in before
        if row["annotation_id"] != target
    ]
    assert exported(gold_project, tmp_path / "out.csv") == expected
