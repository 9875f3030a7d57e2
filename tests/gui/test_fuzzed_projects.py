"""A project file with random values in random cells of every table (as a hand edit, another
program or a damaged copy leaves it): `annotator check` names each damaged row, and check, list,
every export, stats, agreement and the window on every document (each annotation selected)
neither crash nor hang. ANNOTATOR_FUZZ_EXAMPLES sets
how many files are tried (a release run: 300)."""

import json
import os
import shutil
import sqlite3
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QEvent, QSettings
from PySide6.QtWidgets import QApplication

from annotator.cli import main
from annotator.core.errors import AnnotatorError
from annotator.core.store import integrity
from annotator.core.store.project import Project, TextSource
from annotator.gui.main_window import MainWindow

EXAMPLES = int(os.environ.get("ANNOTATOR_FUZZ_EXAMPLES", "50"))
TEXT = "قال وزير الخارجية إن المفاوضات ستستمر، وأكد المتحدث أن الحكومة ترفض الاتهامات."


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    """A closed project with a row in every table: two annotators' speakers, claims with
    stances, an entity with aliases, a comment, statuses, a decision, a deletion and a
    conflict."""
    path = tmp_path_factory.mktemp("base") / "news.annotator"
    with Project.create(path) as project:
        (doc,) = project.import_texts([TextSource(TEXT, source="news.txt")]).added
        project.import_texts([TextSource("نص ثان قصير للتجربة", source="second.txt")])
        for who in ("amina", "omar"):
            speaker = project.add_annotation(
                doc,
                who,
                "speaker",
                4,
                18,
                entity="وزير الخارجية",
                attributes={"role": "government"},
            )
            project.add_annotation(
                doc, who, "claim", 22, 38, link_id=speaker.id, stances=[("المفاوضات", "favor")]
            )
            project.set_status(doc, who, "done")
        gone = project.add_annotation(doc, "amina", "speaker", 43, 50)
        project.delete_annotation(gone.id)
        project.add_comment(doc, "amina", "هل هذا صحيح؟", speaker.id)
        entity = project.entities()[0]
        project.conn.execute(
            "UPDATE entities SET aliases = ? WHERE id = ?", (json.dumps(["الوزير"]), entity.id)
        )
        project.conn.execute(
            "INSERT INTO adjudications (id, document_id, sources, decision, gold_id, annotator_id,"
            " created_at) VALUES ('d1', ?, ?, 'accepted', NULL, 1, '2026-01-01T00:00:00Z')",
            (doc, json.dumps([speaker.id])),
        )
        project.conn.execute(
            "INSERT INTO conflicts (id, annotation_id, document_id, annotator, ours_rev, "
            "theirs_rev, theirs, source, created_at) VALUES ('c1', ?, ?, 'omar', '1-a', '2-b', "
            "'{}', 'theirs.annotator', '2026-01-01T00:00:00Z')",
            (speaker.id, doc),
        )
        project.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


def invalid_utf8(draw_bytes: bytes) -> bytes:
    return b"\xed\xa0\x80" + draw_bytes  # a lone surrogate, as UTF-8 bytes


JSON_OF_THE_WRONG_SHAPE = [
    "[1, 2]",
    '{"role": ["government"]}',
    '{"role": 5}',
    '{"cue": {"x": 1}}',
    '"text"',
    "null",
    "[]",
    "{}",
    '["a", 1]',
    "{",
    '{"cue": "\\ud800"}',  # a lone surrogate, escaped
    '["\\udc00"]',
    '{"role": "government", "role": 1}',
    '{"a": ' * 3000 + "1" + "}" * 3000,
]
values = st.one_of(
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.sampled_from([0, -1, 1, 2**53, 2**63 - 1, -(2**63), 10**6]),
    st.floats(allow_nan=False),
    st.sampled_from([0.5, 1.5, 3.0, float("inf")]),
    st.text(max_size=20),
    st.sampled_from(JSON_OF_THE_WRONG_SHAPE),
    st.binary(max_size=12),
    st.binary(max_size=6).map(lambda b: ("utf8", invalid_utf8(b))),
    st.none(),
)
cells = st.tuples(
    st.sampled_from(sorted(integrity.ROWS)),
    st.integers(min_value=1, max_value=8),  # a rowid: tables hold 1 to 8 rows
    st.data(),
    values,
)


def spoil(path: Path, table: str, rowid: int, column: str, value) -> bool:
    """Write `value` into one cell with a raw connection, past CHECK constraints; False when
    SQLite refuses it (NOT NULL, UNIQUE) or the row does not exist."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA ignore_check_constraints = 1")
    try:
        if isinstance(value, tuple):  # bytes stored as TEXT: invalid UTF-8 inside a text
            sql = f'UPDATE "{table}" SET "{column}" = CAST(? AS TEXT) WHERE rowid = ?'
            value = value[1]
        else:
            sql = f'UPDATE "{table}" SET "{column}" = ? WHERE rowid = ?'
        changed = conn.execute(sql, (value, rowid)).rowcount
        conn.commit()
        return changed == 1
    except sqlite3.Error:
        return False
    finally:
        conn.close()


def visibly_bad(path: Path, table: str, rowid: int, column: str) -> bool:
    """Whether a cell, as stored, is of a type or JSON shape the row can never have: found
    with Python, apart from the check's SQL."""
    conn = sqlite3.connect(path)
    conn.text_factory = bytes
    try:
        row = conn.execute(
            f'SELECT typeof("{column}"), "{column}" FROM "{table}" WHERE rowid = ?', (rowid,)
        ).fetchone()
    finally:
        conn.close()
    if row is None:
        return False
    kind, value = row
    expected = integrity.ROWS[table][column]
    if expected in ("int", "int?") or column in ("start", "end", "revision", "position"):
        return kind.decode() not in ("integer", "null")
    if kind.decode() in ("integer", "real", "blob"):
        return True
    if kind.decode() == "null":
        return False
    try:
        text = value.decode("utf-8")
    except UnicodeDecodeError:
        return True
    shapes = {"attributes": dict, "metadata": dict, "aliases": list, "sources": list}
    shape = shapes.get(column, list if column == "history" else None)
    if shape is None:
        return False
    try:
        parsed = json.loads(text)
    except (ValueError, RecursionError):
        return True
    return not isinstance(parsed, shape)


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.lists(cells, min_size=1, max_size=6))
def test_random_cells_are_named_by_check_and_crash_nothing(qtbot, base, capsys, changes):
    folder = Path(tempfile.mkdtemp(prefix="fuzzed-"))
    try:
        path = folder / "news.annotator"
        shutil.copyfile(base, path)
        spoiled = set()
        for table, rowid, data, value in changes:
            column = data.draw(st.sampled_from(sorted(integrity.ROWS[table])))
            if spoil(path, table, rowid, column, value):
                spoiled.add((table, rowid, column))
        capsys.readouterr()

        code = main(["check", "--project", str(path)])
        report, errors = capsys.readouterr()
        assert code in (0, 1)
        # A file that cannot be opened at all (its label schema spoiled) is refused in one line.
        opened = "annotator: error:" not in errors
        assert opened or len(errors.splitlines()) == 1
        for table, rowid, column in spoiled if opened else ():
            if visibly_bad(path, table, rowid, column):
                assert f"{table} row {rowid} (" in report, (table, rowid, column, report)
                assert code == 1
        for command in (
            ["list"],
            ["export", "--force", "--format", "csv", "-o", str(folder / "out.csv")],
            ["export", "--force", "--format", "jsonl", "-o", str(folder / "out.jsonl")],
            ["export", "--force", "--format", "brat", "-o", str(folder / "brat")],
            ["export", "--force", "--format", "claims", "-o", str(folder / "claims.csv")],
            ["list", "--json"],
            ["stats", "--json"],
            ["agreement"],
            ["agreement", "--json"],
        ):
            assert main([*command, "--project", str(path)]) in (0, 1)

        try:
            project = Project.open(path)
        except AnnotatorError:
            return  # refused with its one-line reason, as the window shows it
        try:
            settings_file = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
            window = MainWindow(project, "amina", settings_file)
            try:
                window.show()
                qtbot.waitExposed(window)
                for summary in project.documents():
                    window.workbench.open_document(summary.id)
                    for annotation in window.workbench.annotations():
                        window.workbench.select(annotation.id)
                    QApplication.processEvents()
            finally:
                # Gone before the next example's project is opened: one window at a time.
                window.close()
                window.deleteLater()
                QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
        finally:
            project.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
