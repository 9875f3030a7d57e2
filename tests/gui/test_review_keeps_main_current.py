"""The review window writes through the main window's own connection, which the main window's
poll of the file never reports: whatever the review stores (a conflict resolved, a decision, and
their undo) is shown by the main window at once, and its next edit of those annotations is
stored, not refused as "changed in another window"."""

import shutil

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from annotator.core.review import conflicts
from annotator.core.review.adjudication import GOLD
from annotator.core.review.merge import merge
from annotator.core.store.project import Project
from annotator.gui import main_window

NO = Qt.KeyboardModifier.NoModifier
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def laptop_copy(project, tmp_path):
    project.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    laptop = tmp_path / "laptop.annotator"
    shutil.copyfile(project.path, laptop)
    return laptop


@pytest.fixture
def claim(project):
    """Amal's claim (kind direct) on the sample article, linked to her speaker."""
    document = project.documents()[0].id
    speaker = project.add_annotation(document, "amal", "speaker", 0, 5)
    return project.add_annotation(
        document, "amal", "claim", 10, 40, link_id=speaker.id, attributes={"kind": "direct"}
    ).id


@pytest.fixture
def edited_on_both(project, claim, tmp_path):
    """The claim made indirect in the office and paraphrase on the laptop, merged: a conflict."""
    laptop = laptop_copy(project, tmp_path)
    with Project.open(laptop) as theirs:
        theirs.update_annotation(claim, attributes={"kind": "paraphrase"})
    project.update_annotation(claim, attributes={"kind": "indirect"})
    assert merge(project, laptop).annotations_conflicting == 1
    return claim


@pytest.fixture
def window(open_window, monkeypatch):
    # The timed poll is left out: what is shown must not depend on it.
    monkeypatch.setattr(main_window, "WATCH_INTERVAL_MS", 3_600_000)
    return open_window()


@pytest.fixture
def open_review(qtbot):
    """Ctrl+Shift+R in the main window; the review window opened comes to the front."""

    def open_review(window):
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        QTest.keyClick(window.article, Qt.Key.Key_R, CTRL | SHIFT)
        review = window._review
        qtbot.waitExposed(review)
        review.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is review)
        review.conflicts.table.setFocus()
        return review

    return open_review


def kind_shown(window) -> str:
    return window.side_panel.editor.field("kind").currentText()


def choose_kind(window, value: str) -> None:
    """Pick a kind in the main window's form, as its popup does."""
    combo = window.side_panel.editor.field("kind")
    index = combo.findText(value)
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def test_taking_theirs_shows_in_the_main_window_and_its_next_edit_is_stored(
    project, edited_on_both, window, open_review
):
    claim = edited_on_both
    window.workbench.select(claim)
    choose_kind(window, "direct")  # an edit of the main window's own before the review
    review = open_review(window)
    QTest.keyClick(review.conflicts.table, Qt.Key.Key_T, NO)
    assert conflicts.open_conflicts(project) == [], review.statusBar().currentMessage()
    assert window.workbench.annotation(claim).attributes["kind"] == "paraphrase"
    assert kind_shown(window) == "paraphrase"
    choose_kind(window, "indirect")
    assert project.annotation(claim).attributes["kind"] == "indirect"
    assert "changed" not in window.statusBar().currentMessage()


def test_undoing_the_resolution_shows_ours_again_and_the_next_edit_is_stored(
    project, edited_on_both, window, open_review
):
    claim = edited_on_both
    window.workbench.select(claim)
    review = open_review(window)
    QTest.keyClick(review.conflicts.table, Qt.Key.Key_T, NO)
    assert kind_shown(window) == "paraphrase"
    QTest.keyClick(review.conflicts.table, Qt.Key.Key_Z, CTRL)
    assert len(conflicts.open_conflicts(project)) == 1
    assert kind_shown(window) == "indirect"
    choose_kind(window, "direct")
    assert project.annotation(claim).attributes["kind"] == "direct"
    QTest.keyClick(review.conflicts.table, Qt.Key.Key_Z, CTRL | SHIFT)  # redo: theirs again
    assert kind_shown(window) == project.annotation(claim).attributes["kind"]
    choose_kind(window, "indirect")
    assert project.annotation(claim).attributes["kind"] == "indirect"


def test_theirs_restoring_a_claim_we_deleted_is_listed_by_the_main_window(
    project, claim, tmp_path, window, open_review
):
    laptop = laptop_copy(project, tmp_path)
    with Project.open(laptop) as theirs:
        theirs.update_annotation(claim, attributes={"kind": "paraphrase"})
    window.workbench.select(claim)
    choose_kind(window, "indirect")  # changed, then deleted, on our side
    window.actions["delete"].trigger()
    assert merge(project, laptop).annotations_conflicting == 1
    window.refresh()  # the File menu's merge refreshes likewise
    assert claim not in [a.id for a in window.workbench.annotations()]
    review = open_review(window)
    QTest.keyClick(review.conflicts.table, Qt.Key.Key_T, NO)
    assert claim in [a.id for a in window.workbench.annotations()]
    assert window.side_panel.model.row_of(claim) >= 0
    window.workbench.select(claim)
    assert kind_shown(window) == "paraphrase"
    choose_kind(window, "direct")
    assert project.annotation(claim).attributes["kind"] == "direct"


def test_a_decision_and_its_undo_show_at_once_in_the_main_window(
    project, open_window, open_review, monkeypatch
):
    monkeypatch.setattr(main_window, "WATCH_INTERVAL_MS", 3_600_000)
    document = project.documents()[0].id
    for annotator, (start, end) in (("amal", (0, 5)), ("omar", (0, 9))):
        project.add_annotation(document, annotator, "speaker", start, end)
    window = open_window()
    window.actions["show_others"].trigger()  # gold is shown beside amal's own work
    review = open_review(window)
    assert review.comparison is not None and review.comparison.open
    QTest.keyClick(review.items, Qt.Key.Key_1, NO)  # accept A
    assert [a.annotator for a in window.workbench.annotations()].count(GOLD) == 1
    QTest.keyClick(review.items, Qt.Key.Key_Z, CTRL)
    assert [a.annotator for a in window.workbench.annotations()].count(GOLD) == 0
