"""The project's count of damaged rows (the note of `annotator export` and `list`) agrees row for
row with the check that reads a document's annotations, whatever a hand edit put in a JSON
column: the columns' defaults `[]` and `{}`, the same bytes as blobs, texts that are almost
JSON."""

import sqlite3
from contextlib import closing

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from annotator.core.store.integrity import ROWS, RowCheck, damaged_count, read_text

from . import hostile_files as hostile

# (table, column): the JSON columns of the rows a project holds most of.
COLUMNS = [
    ("annotations", "attributes"),
    ("annotations", "sources"),
    ("annotations", "history"),
    ("documents", "metadata"),
]
ALMOST_JSON = st.text(alphabet='[]{}",: a1nul', max_size=12)
VALUES = st.one_of(
    st.sampled_from(["[]", "{}", " []", "[ ]", "{ }", '["a"]', '{"a": "b"}', '{"a": null}']),
    st.sampled_from(["[null]", '{"a": 1}', "[]]", "{}}", "[", "", "null", '{"a": ["b"]}']),
    ALMOST_JSON,
    st.builds(str.encode, ALMOST_JSON),  # stored as a blob
    st.sampled_from([b"[]", b"{}"]),
    st.integers(-(2**63), 2**63 - 1),
)


@pytest.fixture(scope="module")
def connection(tmp_path_factory):
    valid = hostile.build_valid(tmp_path_factory.mktemp("valid") / "study.annotator")
    with closing(sqlite3.connect(valid, isolation_level=None)) as conn:
        conn.text_factory = read_text  # as the project reads
        conn.execute("PRAGMA ignore_check_constraints = 1")  # as a hand edit may
        yield conn


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(where=st.sampled_from(COLUMNS), value=VALUES)
@example(where=("annotations", "sources"), value=b"[]")
@example(where=("annotations", "attributes"), value=b"{}")
def test_a_row_is_counted_damaged_exactly_when_the_reading_check_refuses_it(
    connection, where, value
):
    table, column = where
    assert damaged_count(connection) == 0
    (before,) = connection.execute(f"SELECT {column} FROM {table} WHERE rowid = 2").fetchone()
    connection.execute(f"UPDATE {table} SET {column} = ? WHERE rowid = 2", (value,))
    try:
        names = tuple(ROWS[table])
        row = connection.execute(
            f"SELECT {', '.join(f'{chr(34)}{c}{chr(34)}' for c in names)} FROM {table} "
            "WHERE rowid = 2"
        ).fetchone()
        refused = not RowCheck().fits(table, names, row)
        assert damaged_count(connection) == int(refused)
    finally:
        connection.execute(f"UPDATE {table} SET {column} = ? WHERE rowid = 2", (before,))
