"""Two windows on one project file, same annotator, as the README allows: window B acts on what
it shows before its refresh, window A undoes after B changed things. Nothing either stored is
lost, every refusal is one line in the status bar, and no exception leaves an undo command."""

import pytest

from annotator.core.bidi import plain
from annotator.core.store.project import Project
from annotator.gui import main_window
from annotator.gui.main_window import MainWindow

HANIYEH = "إسماعيل هنية"
QAANI = "العميد قاآني"
CLAIM = "إيران تقف إلى جانب الحق الفلسطيني"


@pytest.fixture
def windows(qtbot, open_window, project, settings, monkeypatch):
    """Window A (the `project` connection) and window B (a connection of its own), both open on
    the sample article. Their timed refresh is left to the test: it says when B has refreshed."""
    monkeypatch.setattr(main_window, "WATCH_INTERVAL_MS", 3_600_000)
    a = open_window()
    other = Project.open(project.path)
    b = MainWindow(other, "amal", settings)
    qtbot.addWidget(b)
    b.show()
    qtbot.waitExposed(b)
    yield a, b
    b.close()
    other.close()


def tag(window, layer: str, words: str) -> str:
    start = window.workbench.text.index(words)
    annotation_id = window.workbench.tag(layer, start, start + len(words))
    assert annotation_id is not None
    return annotation_id


def undo(window) -> None:
    """Edit ▸ Undo (Ctrl+Z) of the window."""
    window.actions["undo"].trigger()


def redo(window) -> None:
    window.actions["redo"].trigger()


def delete(window, annotation_id: str) -> None:
    """Select the annotation and press Delete, in that window."""
    window.workbench.select(annotation_id)
    window.actions["delete"].trigger()


def message(window) -> str:
    return window.statusBar().currentMessage()


def stored(window, annotation_id):
    """What the file holds now (read through window A's or B's connection alike)."""
    return window.workbench.project.state(annotation_id)


def choose(combo, text: str) -> None:
    """Pick an entry of a combo box as the popup does: set it, then report it activated."""
    index = combo.findText(text)
    assert index >= 0, f"{text!r} not offered"
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


@pytest.fixture
def claim(windows):
    """Two speakers and a claim linked to the nearer one, tagged in A; B has seen them."""
    a, b = windows
    tag(a, "speaker", HANIYEH)
    tag(a, "speaker", QAANI)
    claim = tag(a, "claim", CLAIM)
    assert b.refresh_if_changed_elsewhere()
    return claim


def test_an_edit_from_a_stale_window_is_refused_and_the_other_edit_kept(windows, claim, qtbot):
    a, b = windows
    b.workbench.select(claim)
    a.workbench.select(claim)
    choose(a.side_panel.editor.field("kind"), "indirect")
    # B has not refreshed yet: its form still shows "direct" and it picks a value from there.
    with qtbot.capture_exceptions() as exceptions:
        choose(b.side_panel.editor.field("kind"), "paraphrase")
    assert exceptions == []
    assert stored(a, claim).annotation.attributes["kind"] == "indirect"
    assert "changed in another window" in message(b)
    # B shows what is stored now, and its undo stack has no step for the refused edit.
    assert b.side_panel.editor.field("kind").currentText() == "indirect"
    assert b.workbench.undo_stack.count() == 0


def test_a_stance_removed_in_a_stale_window_is_refused(windows, claim, qtbot):
    a, b = windows
    a.workbench.edit(claim, "Add stance", stances=[("Israel", "against")])
    assert b.refresh_if_changed_elsewhere()
    b.workbench.select(claim)
    a.workbench.edit(claim, "Set stance", stances=[("Israel", "favor")])
    (row,) = b.side_panel.editor.stances.rows
    with qtbot.capture_exceptions() as exceptions:
        row.remove.click()
    assert exceptions == []
    assert [(s.target, s.value) for s in stored(a, claim).annotation.stances] == [
        ("Israel", "favor")
    ]
    assert "changed in another window" in message(b)


def test_a_delete_from_a_stale_window_is_refused(windows, claim):
    a, b = windows
    a.workbench.edit(claim, "Set kind", attributes={"kind": "indirect", "cue": "أكد"})
    delete(b, claim)
    assert stored(a, claim).annotation.attributes["kind"] == "indirect"
    assert "changed in another window" in message(b)
    assert b.workbench.annotation(claim).attributes["kind"] == "indirect"


def test_an_edit_after_the_refresh_applies(windows, claim):
    a, b = windows
    a.workbench.edit(claim, "Set kind", attributes={"kind": "indirect"})
    assert b.refresh_if_changed_elsewhere()
    assert b.workbench.edit(claim, "Set kind", attributes={"kind": "paraphrase"})
    assert stored(a, claim).annotation.attributes["kind"] == "paraphrase"


def test_undo_in_a_after_b_deleted_is_refused_and_the_next_undo_takes_the_step_before(
    windows, claim, qtbot
):
    a, b = windows
    a.workbench.edit(claim, "Set kind to «indirect»", attributes={"kind": "indirect"})
    assert a.workbench.undo_stack.count() == 4
    assert b.refresh_if_changed_elsewhere()
    assert b.workbench.delete(claim)
    with qtbot.capture_exceptions() as exceptions:
        undo(a)
        assert stored(a, claim) is None  # B's deletion stands
        assert "was deleted" in message(a)
        stack = a.workbench.undo_stack
        # The refused step is dropped; the index is where the store is.
        assert (stack.count(), stack.index()) == (3, 3)
        assert plain(stack.undoText()).startswith("Tag claim")
        undo(a)  # undoing the claim's tag is refused too: B deleted it
        assert (stack.count(), stack.index()) == (2, 2)
        undo(a)  # the step before: tagging Qaani, which nobody touched since
        assert (stack.count(), stack.index()) == (2, 1)
    assert exceptions == []
    assert [x.text for x in a.workbench.project.annotations(a.workbench.document_id)] == [HANIYEH]


def test_undo_in_a_does_not_wipe_a_later_edit_from_b(windows, claim, qtbot):
    a, b = windows
    a.workbench.edit(claim, "Set kind to «indirect»", attributes={"kind": "indirect"})
    assert b.refresh_if_changed_elsewhere()
    b.workbench.edit(claim, "Set kind to «paraphrase»", attributes={"kind": "paraphrase"})
    with qtbot.capture_exceptions() as exceptions:
        undo(a)
    assert exceptions == []
    assert stored(a, claim).annotation.attributes["kind"] == "paraphrase"
    assert "changed in another window" in message(a)
    assert a.workbench.annotation(claim).attributes["kind"] == "paraphrase"  # read again


def test_redo_in_a_after_b_changed_it_is_refused_and_dropped(windows, claim, qtbot):
    a, b = windows
    a.workbench.edit(claim, "Set kind to «indirect»", attributes={"kind": "indirect"})
    undo(a)
    assert b.refresh_if_changed_elsewhere()
    b.workbench.edit(claim, "Set kind to «paraphrase»", attributes={"kind": "paraphrase"})
    stack = a.workbench.undo_stack
    with qtbot.capture_exceptions() as exceptions:
        redo(a)
    assert exceptions == []
    assert stored(a, claim).annotation.attributes["kind"] == "paraphrase"
    assert (stack.count(), stack.index(), stack.canRedo()) == (3, 3, False)
    assert "Cannot redo" in message(a)


def test_undo_whose_linked_speaker_was_deleted_elsewhere_restores_it_unlinked(windows, qtbot):
    a, b = windows
    tag(a, "speaker", QAANI)
    claim = tag(a, "claim", CLAIM)
    delete(a, claim)
    assert b.refresh_if_changed_elsewhere()
    (speaker,) = b.workbench.annotations()
    assert b.workbench.delete(speaker.id)  # B deletes the speaker it was linked to
    with qtbot.capture_exceptions() as exceptions:
        undo(a)
    assert exceptions == []
    assert stored(a, claim).annotation.link_id is None
    assert "is back without its link" in message(a)
    assert a.workbench.undo_stack.count() == 3


def test_undo_of_a_status_changed_elsewhere_is_refused(windows, claim, qtbot):
    a, b = windows
    a.workbench.set_status("done")
    b.workbench.set_status("todo")
    with qtbot.capture_exceptions() as exceptions:
        undo(a)
    assert exceptions == []
    assert a.workbench.status() == "todo"
    assert "marked todo in another window" in plain(message(a))


def test_older_steps_are_refused_once_a_builds_on_bs_edit(windows, claim):
    """A saw B's edit (after the refresh) and changed the claim again: undoing that change
    brings B's version back, and undoing A's tag would delete B's work with it: refused."""
    a, b = windows
    b.workbench.edit(claim, "Set kind to «paraphrase»", attributes={"kind": "paraphrase"})
    assert a.refresh_if_changed_elsewhere()
    a.workbench.edit(claim, "Set kind to «indirect»", attributes={"kind": "indirect"})
    undo(a)
    assert stored(a, claim).annotation.attributes["kind"] == "paraphrase"
    undo(a)
    assert stored(a, claim).annotation.attributes["kind"] == "paraphrase"
    assert "since this step" in message(a)


def test_one_window_undoes_and_redoes_its_own_chain_of_linked_changes(windows):
    a, _ = windows
    document_id = a.workbench.document_id
    speaker = tag(a, "speaker", QAANI)
    claim = tag(a, "claim", CLAIM)
    a.workbench.edit(claim, "Set kind", attributes={"kind": "indirect"})
    a.workbench.edit(speaker, "Change layer to Claim", layer="claim")  # unlinks the claim
    a.workbench.edit(speaker, "Change layer to Speaker", layer="speaker")
    a.workbench.delete(speaker)  # unlinks the claim
    stack = a.workbench.undo_stack
    for _ in range(stack.count()):
        undo(a)
    assert (stack.count(), a.workbench.project.annotations(document_id)) == (6, [])
    for _ in range(stack.count()):
        redo(a)
    assert stack.index() == 6
    (left,) = a.workbench.project.annotations(document_id)
    assert (left.id, left.link_id, left.attributes["kind"]) == (claim, None, "indirect")
    assert a.workbench.project.verify() == []


def test_a_claim_tagged_in_a_stale_window_is_not_linked_to_a_speaker_deleted_elsewhere(windows):
    a, b = windows
    speaker = tag(a, "speaker", QAANI)
    assert b.refresh_if_changed_elsewhere()
    assert a.workbench.delete(speaker)
    start = b.workbench.text.index(CLAIM)
    assert b.workbench.tag("claim", start, start + len(CLAIM)) is None
    assert "to link to was deleted in another window" in message(b)
    # Read again, B no longer offers the speaker: the next C tags the claim without a link.
    claim = b.workbench.tag("claim", start, start + len(CLAIM))
    assert b.workbench.project.annotation(claim).link_id is None


def test_a_suggestion_rejected_in_one_window_is_not_accepted_from_the_other(windows, qtbot):
    a, b = windows
    a.suggestions.run()  # F7 in A
    assert b.refresh_if_changed_elsewhere()
    b.suggestions.refresh()
    suggestion = a.suggestions.model.suggestions[0]
    a.suggestions.select(suggestion.id)
    assert a.suggestions.reject_current()
    b.suggestions.select(suggestion.id)
    with qtbot.capture_exceptions() as exceptions:
        assert b.suggestions.accept_current() == []
    assert exceptions == []
    assert "was rejected in another window" in message(b)
    assert b.workbench.project.annotations(b.workbench.document_id, annotator="amal") == []


def test_a_suggestion_accepted_in_one_window_is_said_when_the_other_accepts_it(windows, qtbot):
    a, b = windows
    a.suggestions.run()  # F7 in A
    assert b.refresh_if_changed_elsewhere()
    b.suggestions.refresh()
    suggestion = a.suggestions.model.suggestions[-1]
    a.suggestions.select(suggestion.id)
    assert a.suggestions.accept_current()
    stored = len(a.workbench.project.annotations(a.workbench.document_id, annotator="amal"))
    b.suggestions.select(suggestion.id)
    with qtbot.capture_exceptions() as exceptions:
        assert b.suggestions.accept_current() == []
    assert exceptions == []
    assert "was accepted already" in message(b)
    assert len(b.workbench.project.annotations(b.workbench.document_id, annotator="amal")) == stored


def test_a_claim_is_linked_to_a_speaker_whose_role_another_window_changed(windows):
    a, b = windows
    speaker = tag(a, "speaker", QAANI)
    assert b.refresh_if_changed_elsewhere()
    a.workbench.edit(speaker, "Set role", attributes={"role": "government"})
    start = b.workbench.text.index(CLAIM)
    claim = b.workbench.tag("claim", start, start + len(CLAIM))
    assert b.workbench.project.annotation(claim).link_id == speaker


# Undo and redo after B deleted or changed what A's step also touched: A puts back what it can
# in one transaction and says in the status bar what it could not and why.

SECOND_CLAIM = "ستقدم كل ما تستطيع حتى تحقيق هدف تحرير كامل التراب الفلسطيني"


def test_undoing_a_speaker_deletion_says_which_claim_could_not_be_linked_back(windows, qtbot):
    a, b = windows
    speaker = tag(a, "speaker", QAANI)
    kept, gone = tag(a, "claim", CLAIM), tag(a, "claim", SECOND_CLAIM)
    assert stored(a, gone).annotation.link_id == speaker
    delete(a, speaker)  # both claims lose their link
    assert b.refresh_if_changed_elsewhere()
    assert b.workbench.delete(gone)  # B deletes one of them meanwhile
    with qtbot.capture_exceptions() as exceptions:
        undo(a)
    assert exceptions == []
    assert stored(a, speaker) is not None
    assert stored(a, kept).annotation.link_id == speaker
    assert stored(a, gone) is None  # B's deletion stands
    said = plain(message(a))
    assert said.startswith("Undid “Delete speaker")
    assert gone.replace("-", "\u2011") in message(a) or gone in said
    assert "was deleted in another window and cannot be linked back" in said
    assert a.workbench.undo_stack.canRedo()  # the step was undone, not dropped


def test_undoing_a_claim_deletion_whose_speaker_went_elsewhere_brings_it_back_unlinked(
    windows, qtbot
):
    a, b = windows
    speaker = tag(a, "speaker", QAANI)
    claim = tag(a, "claim", CLAIM)
    delete(a, claim)
    assert b.refresh_if_changed_elsewhere()
    assert b.workbench.delete(speaker)
    with qtbot.capture_exceptions() as exceptions:
        undo(a)
    assert exceptions == []
    back = stored(a, claim).annotation
    assert (back.text, back.link_id) == (CLAIM, None)
    said = plain(message(a))
    assert "is back without its link" in said and "was deleted in another window" in said
    assert a.workbench.annotation(claim) is not None  # shown again in A


def test_redoing_a_claim_whose_speaker_went_elsewhere_brings_it_back_unlinked(windows, qtbot):
    a, b = windows
    speaker = tag(a, "speaker", QAANI)
    claim = tag(a, "claim", CLAIM)
    undo(a)  # the claim's tag
    assert b.refresh_if_changed_elsewhere()
    assert b.workbench.delete(speaker)
    with qtbot.capture_exceptions() as exceptions:
        redo(a)
    assert exceptions == []
    assert stored(a, claim).annotation.link_id is None
    said = plain(message(a))
    assert said.startswith("Redid “Tag claim") and "is back without its link" in said


def test_undoing_a_stance_edit_of_a_claim_deleted_elsewhere_is_refused_saying_so(windows, qtbot):
    a, b = windows
    tag(a, "speaker", QAANI)
    claim = tag(a, "claim", CLAIM)
    assert a.workbench.edit(claim, "Add stance", stances=[("Israel", "against")])
    assert b.refresh_if_changed_elsewhere()
    assert b.workbench.delete(claim)
    with qtbot.capture_exceptions() as exceptions:
        undo(a)
    assert exceptions == []
    assert stored(a, claim) is None  # nothing of it comes back
    said = plain(message(a))
    assert said.startswith("Cannot undo “Add stance”") and "was deleted in another window" in said


def test_undoing_a_speaker_deletion_leaves_a_claim_linked_elsewhere_and_says_so(windows, qtbot):
    a, b = windows
    speaker = tag(a, "speaker", QAANI)
    claim = tag(a, "claim", CLAIM)
    delete(a, speaker)
    assert b.refresh_if_changed_elsewhere()
    other = tag(b, "speaker", "إسماعيل هنية")
    assert b.workbench.edit(claim, "Link", link_id=other)
    with qtbot.capture_exceptions() as exceptions:
        undo(a)
    assert exceptions == []
    assert stored(a, claim).annotation.link_id == other
    assert "in another window and keeps that link" in plain(message(a))
