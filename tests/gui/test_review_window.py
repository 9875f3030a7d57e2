"""Review mode on the sample: two annotators, every disagreement walked with the keyboard and
decided into gold, each decision undoable."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from annotator.core.bidi import plain
from annotator.core.formats import jsonl
from annotator.core.paths import seeds_dir
from annotator.core.review.adjudication import GOLD, compare
from annotator.gui.app import load_fonts
from annotator.gui.review_window import ReviewWindow
from tests.core.joint_statement import tag_joint_statement

SEED = "000_41ac67127a0642cf"
NO = Qt.KeyboardModifier.NoModifier
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def window(qtbot, project):
    load_fonts()
    jsonl.import_annotations(project, seeds_dir() / f"{SEED}.gold.jsonl", "amal")
    jsonl.import_annotations(project, seeds_dir() / f"{SEED}.colleague.jsonl", "omar")
    window = ReviewWindow(project, "amal", SEED)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    window.items.setFocus()
    return window


def key(window, k, modifiers=NO):
    QTest.keyClick(window.items, k, modifiers)


def gold(window):
    return window.project.annotations(SEED, annotator=GOLD)


def test_every_disagreement_is_listed_with_its_kind(window):
    kinds = [
        window.items_model.data(window.items_model.index(r, 0))
        for r in range(window.items_model.rowCount())
    ]
    assert sorted(kinds) == sorted(["attributes"] * 5 + ["boundary"] * 2 + ["only A", "only B"])
    assert plain(window.summary.text()) == "9 disagreements, 9 open"


def test_both_annotators_are_painted_in_their_own_band(window):
    block = window.article.document().findBlock(window.article.offsets.to_utf16(80))
    a_spans = [(r.start, r.length) for r in window.article.side_a.ranges(block)]
    b_spans = [(r.start, r.length) for r in window.article.side_b.ranges(block)]
    assert a_spans != b_spans  # the speaker of line 2 differs in its boundary
    assert [band for _, band in window.article.highlight_layers()] == ["top", "bottom"]


def test_the_aligned_fields_mark_what_differs(window):
    window.select_row(
        window.items_model.row_of(
            next(
                i.sources
                for i in window.comparison.disagreements
                if i.kind == "boundary" and i.layer == "speaker"
            )
        )
    )
    assert window.details_model.differing_fields() == ["Span", "Text"]


def test_keys_walk_the_disagreements_and_decide_them_into_gold(window):
    window.select_row(0)
    first = window.current_item()
    key(window, Qt.Key.Key_N)
    assert window.current_item().sources != first.sources
    key(window, Qt.Key.Key_P)
    assert window.current_item().sources == first.sources
    key(window, Qt.Key.Key_1)  # accept A
    (made,) = gold(window)
    assert made.sources == first.sources and made.origin == "adjudicated"
    key(window, Qt.Key.Key_Z, CTRL)
    assert gold(window) == []
    key(window, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert [g.id for g in gold(window)] == [made.id]


def test_a_whole_document_is_adjudicated_from_the_keyboard(window):
    window.accept_agreements()
    assert len(gold(window)) == 22
    while window.comparison.open:
        item = next(i for i in window.comparison.open)
        window.select_row(window.items_model.row_of(item.sources))
        key(window, Qt.Key.Key_1 if item.a else Qt.Key.Key_0)
    assert plain(window.summary.text()) == "9 disagreements, adjudicated"
    assert window.project.status(SEED, GOLD) == "done"
    assert len(gold(window)) == 30
    assert window.project.verify() == []


def test_the_gold_version_can_be_edited_after_a_decision(window):
    item = next(
        i
        for i in window.comparison.disagreements
        if i.layer == "claim" and i.a and i.b and "kind" in i.differences
    )
    window.select_row(window.items_model.row_of(item.sources))
    key(window, Qt.Key.Key_2)  # accept B's kind
    decided = next(i for i in window.comparison.items if i.sources == item.sources)
    window.select_row(window.items_model.row_of(decided.sources))
    assert window.editor.annotation.id == decided.gold_id
    kind = window.editor.field("kind")
    kind.setCurrentIndex(kind.findText("paraphrase"))
    kind.activated.emit(kind.currentIndex())
    assert window.project.annotation(decided.gold_id).attributes["kind"] == "paraphrase"


def test_a_comment_on_a_disagreement_is_stored_with_its_annotation(window, qtbot, type_text):
    window.select_row(0)
    item = window.current_item()
    window.comment_edit.setFocus()
    type_text(window.comment_edit, "الحدود غير واضحة")
    QTest.keyClick(window.comment_edit, Qt.Key.Key_Return)
    (comment,) = window.project.comments(SEED)
    assert comment["annotation_id"] in item.sources and comment["annotator"] == "amal"
    assert plain(window.comments.item(0).text()) == "amal: الحدود غير واضحة"


def decide_kind(window) -> str:
    """Accept B's kind of a claim, then set the gold claim's kind by hand; the gold id."""
    item = next(
        i
        for i in window.comparison.disagreements
        if i.layer == "claim" and i.a and i.b and "kind" in i.differences
    )
    window.select_row(window.items_model.row_of(item.sources))
    key(window, Qt.Key.Key_2)
    decided = next(i for i in window.comparison.items if i.sources == item.sources)
    window.select_row(window.items_model.row_of(decided.sources))
    kind = window.editor.field("kind")
    kind.setCurrentIndex(kind.findText("paraphrase"))
    kind.activated.emit(kind.currentIndex())
    return decided.gold_id


def test_undoing_and_redoing_a_decision_and_the_edit_after_it_brings_both_back(window):
    gold_id = decide_kind(window)
    stack = window.gold.undo_stack
    stack.undo()  # the edit
    stack.undo()  # the decision: the gold claim is gone
    assert window.project.state(gold_id) is None
    stack.redo()
    stack.redo()
    assert window.project.annotation(gold_id).attributes["kind"] == "paraphrase"
    assert (stack.count(), stack.index()) == (2, 2)


def test_undoing_a_decision_whose_gold_was_changed_elsewhere_is_refused(window, qtbot):
    from annotator.core.store.project import Project

    gold_id = decide_kind(window)
    stack = window.gold.undo_stack
    stack.undo()  # the edit
    with Project.open(window.project.path) as other:
        other.update_annotation(gold_id, attributes={"kind": "indirect"})
    with qtbot.capture_exceptions() as exceptions:
        stack.undo()  # the decision would delete the other window's gold claim
    assert exceptions == []
    assert window.project.annotation(gold_id).attributes["kind"] == "indirect"
    assert "changed in another window" in window.statusBar().currentMessage()
    assert (stack.count(), stack.index()) == (1, 0)


def test_a_joint_statement_tagged_alike_is_accepted_whole_into_gold(qtbot, project):
    # One quotation, two claims (one per speaker), tagged alike by both in opposite orders.
    amal = tag_joint_statement(project, SEED, "amal", reverse=False)
    tag_joint_statement(project, SEED, "omar", reverse=True)
    window = ReviewWindow(project, "amal", SEED)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert plain(window.summary.text()) == "0 disagreements, adjudicated"
    assert window.items_model.rowCount() == 0  # disagreements only: none to show
    qtbot.mouseClick(window.buttons["agreements"], Qt.MouseButton.LeftButton)
    made = gold(window)
    by_id = {g.id: g for g in made}
    claims = [g for g in made if g.layer == "claim"]
    assert len(made) == 4 and len(claims) == 2
    for claim in claims:
        speaker = by_id[claim.link_id]
        assert claim.stances == amal[(speaker.start, speaker.end)].stances
    assert window.project.verify() == []
    key(window, Qt.Key.Key_Z, CTRL)  # one step undoes the whole acceptance
    assert gold(window) == []


def test_accept_all_blocked_by_a_gold_tag_says_nothing_was_accepted_and_which_span(qtbot, project):
    """Gold already tags a span both annotators agree on: pressing Accept all agreements
    accepts none, and the status bar says so and names that span (not only "gold has already
    tagged this span")."""
    load_fonts()
    jsonl.import_annotations(project, seeds_dir() / f"{SEED}.gold.jsonl", "amal")
    jsonl.import_annotations(project, seeds_dir() / f"{SEED}.colleague.jsonl", "omar")
    agreed = next(
        i
        for i in compare(project, SEED, "amal", "omar").items
        if not i.is_disagreement and i.a.layer == "speaker"
    )
    project.add_annotation(
        SEED, GOLD, "speaker", agreed.a.start, agreed.a.end, attributes={"role": "other"}
    )
    window = ReviewWindow(project, "amal", SEED)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.mouseClick(window.buttons["agreements"], Qt.MouseButton.LeftButton)
    message = plain(window.statusBar().currentMessage())
    assert message.startswith("nothing was accepted: gold already tags speaker"), message
    assert f"{agreed.a.start}-{agreed.a.end}" in message and agreed.a.text in message
    assert len(gold(window)) == 1
