"""Two windows on one project of several documents: a change made in one costs the other what
it touched (the list rows of the documents changed, the open document only when it changed),
and after any mix of edits in both each shows what a fresh window shows."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, rule, run_state_machine_as_test
from PySide6.QtCore import QSettings, Qt

from annotator.core.store.project import Project, TextSource
from annotator.gui import main_window
from annotator.gui.main_window import MainWindow
from annotator.gui.models import DocumentListModel
from annotator.gui.workbench import Workbench

WORDS = ["سليم", "نادر", "الوزارة", "قال", "أعلن", "المتحدث", "اليوم", "البلدية"]
DOCUMENTS = 6


def article(n: int) -> str:
    """An invented article: the words in an order of its own."""
    return " ".join(WORDS[(i * (n + 3)) % len(WORDS)] for i in range(len(WORDS)))


def word_span(text: str, pick: int) -> tuple[int, int]:
    words = text.split(" ")
    i = pick % len(words)
    start = sum(len(w) + 1 for w in words[:i])
    return start, start + len(words[i])


def make_project(path: Path) -> None:
    project = Project.create(path)
    project.import_texts(
        TextSource(article(n), title=f"خبر {n}", id=f"d{n}") for n in range(DOCUMENTS)
    )
    project.annotator_id("amal")
    project.close()


def open_window(qtbot, path: Path, settings_file: Path) -> MainWindow:
    window = MainWindow(
        Project.open(path),
        "amal",
        QSettings(str(settings_file), QSettings.Format.IniFormat),
    )
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def close(window: MainWindow) -> None:
    project = window.workbench.project
    window.close()
    project.close()


def list_shown(model: DocumentListModel) -> list[tuple]:
    """Every cell of the document list as shown."""
    return [
        tuple(
            model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole)
            for column in range(model.columnCount())
        )
        for row in range(model.rowCount())
    ]


def document_shown(workbench: Workbench) -> list[tuple]:
    return [
        (a.id, a.revision, a.layer, a.start, a.end, tuple(sorted(a.attributes.items())))
        for a in workbench.annotations()
    ]


def assert_as_fresh(window: MainWindow) -> None:
    """The window's list and open document equal those of a window opened now."""
    project = window.workbench.project
    assert list_shown(window.documents.model) == list_shown(DocumentListModel(project, "amal"))
    fresh = Workbench(project, "amal")
    fresh.open_document(window.workbench.document_id)
    assert document_shown(window.workbench) == document_shown(fresh)
    assert window.workbench.status() == fresh.status()


@pytest.fixture
def two(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(main_window, "WATCH_INTERVAL_MS", 3_600_000)
    path = tmp_path / "news.annotator"
    make_project(path)
    a = open_window(qtbot, path, tmp_path / "a.ini")
    b = open_window(qtbot, path, tmp_path / "b.ini")
    a.workbench.open_document("d0")
    b.workbench.open_document("d1")
    yield a, b
    close(a)
    close(b)


def test_a_tag_elsewhere_reads_the_list_row_of_its_document_only(two):
    a, b = two
    statements: list[str] = []
    rows_changed: list[int] = []
    reread: list[bool] = []
    b.documents.model.dataChanged.connect(lambda top, bottom: rows_changed.append(top.row()))
    b.workbench.annotations_changed.connect(lambda changes: reread.append(changes.everything))
    b.workbench.project.conn.set_trace_callback(statements.append)
    start, end = word_span(a.workbench.text, 2)
    assert a.workbench.tag("speaker", start, end)
    assert b.refresh_if_changed_elsewhere()
    b.workbench.project.conn.set_trace_callback(None)
    # The whole list (every document with its count and status) was not read again, nor B's
    # open document, which did not change; d0's row changed and no other.
    assert not [s for s in statements if "FROM documents d WHERE" in s]
    assert reread == []
    assert rows_changed == [b.documents.model.row_of("d0")]
    assert_as_fresh(b)


def test_an_edit_of_the_open_document_elsewhere_reads_it_again(two):
    a, b = two
    a.workbench.open_document("d1")
    start, end = word_span(a.workbench.text, 1)
    annotation_id = a.workbench.tag("speaker", start, end)
    assert b.refresh_if_changed_elsewhere()
    reread: list[bool] = []
    b.workbench.annotations_changed.connect(lambda changes: reread.append(changes.everything))
    a.workbench.edit(annotation_id, "Set role", attributes={"role": "person"})
    assert b.refresh_if_changed_elsewhere()
    assert reread == [True]
    assert_as_fresh(b)


def test_a_windows_own_edits_do_not_make_it_read_its_document_at_the_next_change_elsewhere(two):
    a, b = two
    start, end = word_span(b.workbench.text, 3)
    assert b.workbench.tag("speaker", start, end)
    # B's timed poll: nothing from elsewhere; the mark moves past B's own tag.
    assert not b.refresh_if_changed_elsewhere()
    reread: list[bool] = []
    b.workbench.annotations_changed.connect(lambda changes: reread.append(changes.everything))
    start, end = word_span(a.workbench.text, 4)
    assert a.workbench.tag("speaker", start, end)
    assert b.refresh_if_changed_elsewhere()
    assert reread == []
    assert_as_fresh(b)


def test_an_import_elsewhere_brings_the_new_rows(two):
    a, b = two
    a.workbench.project.import_texts([TextSource("نص جديد تماما", title="جديد", id="new")])
    assert b.refresh_if_changed_elsewhere()
    assert b.documents.model.row_of("new") >= 0
    assert_as_fresh(b)


class TwoMainWindows(RuleBasedStateMachine):
    """Tags, deletions, undos, redos, statuses and documents opened in either window, and
    timed refreshes, in any order: after a window's refresh it shows what a fresh one shows."""

    template: Path
    qtbot: object

    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp())
        path = self.folder / "news.annotator"
        shutil.copy(self.template, path)
        self.windows = [open_window(self.qtbot, path, self.folder / f"{n}.ini") for n in range(2)]
        for n, window in enumerate(self.windows):
            window.workbench.open_document(f"d{n}")

    def teardown(self) -> None:
        for window in self.windows:
            close(window)
        shutil.rmtree(self.folder, ignore_errors=True)

    @rule(w=st.integers(0, 1), pick=st.integers(0, 7))
    def tag(self, w: int, pick: int) -> None:
        workbench = self.windows[w].workbench
        start, end = word_span(workbench.text, pick)
        workbench.tag("speaker", start, end)

    @rule(w=st.integers(0, 1), pick=st.integers(0, 30))
    def delete(self, w: int, pick: int) -> None:
        window = self.windows[w]
        shown = [a.id for a in window.workbench.annotations()]
        if shown:
            window.workbench.select(shown[pick % len(shown)])
            window.actions["delete"].trigger()

    @rule(w=st.integers(0, 1), backwards=st.booleans())
    def undo_or_redo(self, w: int, backwards: bool) -> None:
        self.windows[w].actions["undo" if backwards else "redo"].trigger()

    @rule(w=st.integers(0, 1), status=st.sampled_from(["todo", "in_progress", "done"]))
    def set_status(self, w: int, status: str) -> None:
        self.windows[w].workbench.set_status(status)

    @rule(w=st.integers(0, 1), doc=st.integers(0, DOCUMENTS - 1))
    def open_document(self, w: int, doc: int) -> None:
        self.windows[w].workbench.open_document(f"d{doc}")

    @rule(w=st.integers(0, 1))
    def refresh(self, w: int) -> None:
        window = self.windows[w]
        window.refresh_if_changed_elsewhere()
        assert_as_fresh(window)


def test_two_windows_show_what_a_fresh_window_shows_after_any_mix_of_edits(
    qtbot, tmp_path, monkeypatch
):
    monkeypatch.setattr(main_window, "WATCH_INTERVAL_MS", 3_600_000)
    make_project(tmp_path / "template.annotator")
    TwoMainWindows.template = tmp_path / "template.annotator"
    TwoMainWindows.qtbot = qtbot
    run_state_machine_as_test(
        TwoMainWindows,
        settings=settings(
            max_examples=25,
            stateful_step_count=25,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
        ),
    )
