"""Merge conflicts in the review window: Omar's laptop copy and the office copy changed the same
claim; the researcher sees both versions side by side and chooses one from the keyboard, and
can take the choice back."""

import shutil

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from annotator.core.bidi import plain
from annotator.core.review import conflicts
from annotator.core.review.merge import merge
from annotator.core.store.project import Project
from annotator.gui.review_window import ReviewWindow

SEED = "000_41ac67127a0642cf"
NO = Qt.KeyboardModifier.NoModifier
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def claim(project, tmp_path):
    """A claim edited in the office (kind direct) and on the laptop (kind paraphrase), merged."""
    speaker = project.add_annotation(SEED, "omar", "speaker", 0, 5)
    claim = project.add_annotation(SEED, "omar", "claim", 10, 40, link_id=speaker.id)
    project.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    laptop = tmp_path / "laptop.annotator"
    shutil.copyfile(project.path, laptop)
    with Project.open(laptop) as theirs:
        theirs.update_annotation(claim.id, attributes={"kind": "paraphrase"})
    project.update_annotation(claim.id, attributes={"kind": "direct"})
    assert merge(project, laptop).annotations_conflicting == 1
    return claim.id


@pytest.fixture
def window(qtbot, project, claim):
    window = ReviewWindow(project, "amal", SEED)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    window.conflicts.table.setFocus()
    return window


def kind(project, annotation_id):
    return project.annotation(annotation_id).attributes.get("kind")


def test_the_documents_open_conflicts_are_listed_with_what_differs(window, claim):
    pane = window.conflicts
    assert pane.isVisible()
    assert pane.model.rowCount() == 1
    assert pane.model.data(pane.model.index(0, 3)) == "kind"  # the attribute that differs
    assert plain(pane.model.data(pane.model.index(0, 4))) == "laptop.annotator"
    assert pane.fields_model.differing_fields() == ["Kind"]
    row = next(
        r
        for r in range(pane.fields_model.rowCount())
        if pane.fields_model.data(pane.fields_model.index(r, 0)) == "Kind"
    )
    ours, theirs = (pane.fields_model.data(pane.fields_model.index(row, c)) for c in (1, 2))
    assert (ours, theirs) == ("direct", "paraphrase")


def test_t_takes_their_version_and_undo_brings_ours_and_the_conflict_back(window, claim):
    project = window.project
    QTest.keyClick(window.conflicts.table, Qt.Key.Key_T, NO)
    assert kind(project, claim) == "paraphrase"
    assert conflicts.open_conflicts(project) == []
    assert not window.conflicts.isVisible()
    QTest.keyClick(window.conflicts.table, Qt.Key.Key_Z, CTRL)
    assert kind(project, claim) == "direct"
    assert len(conflicts.open_conflicts(project)) == 1
    assert window.conflicts.model.rowCount() == 1
    QTest.keyClick(window.conflicts.table, Qt.Key.Key_Z, CTRL | SHIFT)
    assert kind(project, claim) == "paraphrase"
    assert project.verify() == []


def test_o_keeps_our_version_and_the_next_merge_does_not_ask_again(window, claim, tmp_path):
    project = window.project
    QTest.keyClick(window.conflicts.table, Qt.Key.Key_O, NO)
    assert kind(project, claim) == "direct"
    assert conflicts.open_conflicts(project) == []
    report = merge(project, tmp_path / "laptop.annotator")
    assert report.annotations_conflicting == 0
    assert not window.conflicts.isVisible()


def test_a_version_that_no_longer_fits_is_refused_with_a_message(window, claim):
    project = window.project
    speaker = project.annotation(claim).link_id
    (item,) = conflicts.open_conflicts(project)
    project.delete_annotation(speaker)  # their claim links to it
    window.refresh()
    QTest.keyClick(window.conflicts.table, Qt.Key.Key_T, NO)
    assert "cannot take theirs" in plain(window.statusBar().currentMessage())
    assert [c.id for c in conflicts.open_conflicts(project)] == [item.id]
    assert window.gold.undo_stack.count() == 0


def test_a_span_tagged_on_both_copies_with_another_role_is_shown_ours_against_theirs(
    qtbot, project, tmp_path
):
    """Omar tagged the speaker at 324-329 on each copy (two ids): person here, government on
    the laptop, where a claim links to it. The pane shows our speaker against theirs, taking
    theirs gives ours their role, and the claim stays linked to ours."""
    project.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    laptop = tmp_path / "laptop.annotator"
    shutil.copyfile(project.path, laptop)
    ours = project.add_annotation(SEED, "omar", "speaker", 324, 329, attributes={"role": "person"})
    with Project.open(laptop) as theirs:
        speaker = theirs.add_annotation(
            SEED, "omar", "speaker", 324, 329, attributes={"role": "government"}
        )
        claim = theirs.add_annotation(SEED, "omar", "claim", 330, 360, link_id=speaker.id)
    assert merge(project, laptop).annotations_conflicting == 1
    window = ReviewWindow(project, "amal", SEED)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    pane = window.conflicts
    assert pane.model.rowCount() == 1 and pane.model.ours(0).id == ours.id
    assert pane.fields_model.differing_fields() == ["Role"]
    qtbot.mouseClick(pane.take, Qt.MouseButton.LeftButton)
    assert project.annotation(ours.id).attributes == {"role": "government"}
    assert project.annotation(claim.id).link_id == ours.id
    assert conflicts.open_conflicts(project) == []
    assert merge(project, laptop).annotations_conflicting == 0
    assert project.verify() == []
