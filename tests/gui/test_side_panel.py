"""The side panel as a researcher uses it: pick an annotation in the table, edit it in the form."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLabel

from annotator.core.bidi import plain
from annotator.core.model import Stance
from annotator.gui.models import AnnotationTableModel
from annotator.gui.side_panel import SidePanel

HANIYEH = "إسماعيل هنية"
QAANI = "العميد قاآني"
CLAIM = "إيران تقف إلى جانب الحق الفلسطيني"


@pytest.fixture
def panel(qtbot, workbench):
    panel = SidePanel(workbench)
    qtbot.addWidget(panel)
    panel.resize(520, 720)
    panel.show()
    panel.activateWindow()
    qtbot.waitActive(panel)
    return panel


@pytest.fixture
def claim(tag):
    """Two speakers and a claim after them (linked to the nearer one, cue preset)."""
    tag("speaker", HANIYEH)
    tag("speaker", QAANI)
    return tag("claim", CLAIM)


def stored(workbench, annotation_id):
    return workbench.project.annotation(annotation_id)


def click_row(qtbot, panel, annotation_id):
    index = panel.model.index(panel.model.row_of(annotation_id), AnnotationTableModel.TEXT)
    rect = panel.table.visualRect(index)
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def choose(combo: QComboBox, text: str) -> None:
    """Pick an entry of a combo box as the popup does: set it, then report it activated."""
    # As read: the mention rows are isolates (their "…" stays with the Arabic).
    index = next((i for i in range(combo.count()) if plain(combo.itemText(i)) == text), -1)
    assert index >= 0, f"{text!r} not offered"
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


@pytest.fixture
def commit_text(qtbot, type_text):
    """Type into a field and press Enter."""

    def commit_text(widget, text: str) -> None:
        widget.setFocus()
        type_text(widget, text)
        qtbot.keyClick(widget, Qt.Key.Key_Return)

    return commit_text


def test_selecting_the_claim_row_shows_the_claim_in_the_editor(qtbot, panel, workbench, claim):
    workbench.select(None)
    click_row(qtbot, panel, claim)
    assert workbench.selected_id == claim
    editor = panel.editor
    assert editor.annotation.id == claim
    assert editor.layer_combo.currentData() == "claim"
    assert editor.field("kind").currentText() == "direct"
    assert editor.field("cue").text() == "أكد"
    assert QAANI in editor.field("speaker").currentText()


def test_selecting_elsewhere_selects_and_shows_the_row(panel, workbench, claim, tag):
    speaker = workbench.speakers()[0].id
    workbench.select(speaker)
    rows = panel.table.selectionModel().selectedRows()
    assert [panel.model.annotation_id(index.row()) for index in rows] == [speaker]
    assert panel.editor.annotation.id == speaker


def test_typing_a_new_entity_name_stores_the_speaker_entity(
    qtbot, panel, workbench, tag, commit_text
):
    speaker = tag("speaker", HANIYEH)
    commit_text(panel.editor.field("entity").lineEdit(), "Ismail Haniyeh")
    assert stored(workbench, speaker).entity.name == "Ismail Haniyeh"
    assert [e.name for e in workbench.entities()] == ["Ismail Haniyeh"]


def test_a_second_mention_chosen_from_the_completion_shares_the_entity(
    qtbot, panel, workbench, tag, type_text
):
    first = tag("speaker", HANIYEH)
    workbench.edit(first, "Set speaker entity", entity="إسماعيل هنية")
    second = tag("speaker", "هنية", occurrence=2)
    field = panel.editor.field("entity").lineEdit()
    field.setFocus()
    type_text(field, "هني")
    popup = field.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert stored(workbench, second).entity == stored(workbench, first).entity
    assert len(workbench.entities()) == 1


def test_emptying_the_entity_field_removes_the_entity(qtbot, panel, workbench, tag):
    speaker = tag("speaker", HANIYEH)
    workbench.edit(speaker, "Set speaker entity", entity="Ismail Haniyeh")
    field = panel.editor.field("entity").lineEdit()
    field.setFocus()
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert stored(workbench, speaker).entity is None


def test_changing_the_claim_kind_keeps_its_cue(qtbot, panel, workbench, claim):
    choose(panel.editor.field("kind"), "indirect")
    assert stored(workbench, claim).attributes == {"kind": "indirect", "cue": "أكد"}


def test_a_changed_cue_is_stored_when_the_field_is_left(qtbot, panel, workbench, claim, type_text):
    cue = panel.editor.field("cue")
    cue.setFocus()
    cue.selectAll()
    type_text(cue, "قال")
    panel.editor.field("kind").setFocus()
    assert stored(workbench, claim).attributes["cue"] == "قال"
    assert plain(workbench.undo_stack.undoText()) == "Set cue to «قال»"


def test_linking_the_claim_to_another_speaker_with_the_combo(panel, workbench, claim):
    haniyeh = workbench.speakers()[0]
    combo = panel.editor.field("speaker")
    assert combo.itemText(0) == "(none)"
    choose(combo, HANIYEH)
    assert stored(workbench, claim).link_id == haniyeh.id
    choose(combo, "(none)")
    assert stored(workbench, claim).link_id is None


def test_pick_in_text_asks_the_article_view_and_can_be_released(qtbot, panel, claim):
    button = panel.editor.pick_button
    with qtbot.waitSignal(panel.pick_speaker_requested) as asked:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert asked.args == [True]
    with qtbot.assertNotEmitted(panel.pick_speaker_requested):
        panel.show_picking(False)
    assert not button.isChecked()


def test_adding_stances_with_target_completion(
    qtbot, panel, workbench, claim, tag, type_text, commit_text
):
    other = tag("claim", "تدعم الصمود والبسالة الفلسطينية")
    workbench.edit(other, "Add stance", stances=[("إسرائيل", "against")])
    workbench.select(claim)
    editor = panel.editor

    qtbot.mouseClick(editor.stances.add_button, Qt.MouseButton.LeftButton)
    target = editor.stances.rows[0].target
    assert target.hasFocus()
    type_text(target, "إسر")
    popup = target.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    choose(editor.stances.rows[0].value, "against")

    # On by keyboard: from the stance value past its Remove button to "Add stance".
    editor.stances.rows[0].value.setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is editor.stances.add_button
    qtbot.keyClick(editor.stances.add_button, Qt.Key.Key_Space)
    assert editor.stances.rows[1].target.hasFocus()
    commit_text(editor.stances.rows[1].target, "الشعب الفلسطيني")
    choose(editor.stances.rows[1].value, "favor")

    assert stored(workbench, claim).stances == (
        Stance("إسرائيل", "against"),
        Stance("الشعب الفلسطيني", "favor"),
    )


def test_a_new_stance_is_stored_only_once_its_target_is_given(
    qtbot, panel, workbench, claim, commit_text
):
    editor = panel.editor
    commands = workbench.undo_stack.count()
    editor.stances.add_button.click()
    choose(editor.stances.rows[0].value, "against")
    assert workbench.undo_stack.count() == commands
    assert len(editor.stances.rows) == 1
    commit_text(editor.stances.rows[0].target, "إسرائيل")
    assert stored(workbench, claim).stances == (Stance("إسرائيل", "against"),)


def test_removing_a_stance_keeps_the_others(qtbot, panel, workbench, claim):
    workbench.edit(claim, "Add stances", stances=[("إسرائيل", "against"), ("Iran", "favor")])
    editor = panel.editor
    assert [row.stance() for row in editor.stances.rows] == [
        ("إسرائيل", "against"),
        ("Iran", "favor"),
    ]
    qtbot.mouseClick(editor.stances.rows[0].remove, Qt.MouseButton.LeftButton)
    assert stored(workbench, claim).stances == (Stance("Iran", "favor"),)
    assert [row.stance() for row in editor.stances.rows] == [("Iran", "favor")]
    assert plain(workbench.undo_stack.undoText()) == "Remove stance on «إسرائيل»"


def test_undo_restores_the_stances_and_the_editor_shows_them(qtbot, panel, workbench, claim):
    workbench.edit(claim, "Add stances", stances=[("إسرائيل", "against"), ("Iran", "favor")])
    qtbot.mouseClick(panel.editor.stances.rows[1].remove, Qt.MouseButton.LeftButton)
    choose(panel.editor.field("kind"), "paraphrase")

    workbench.undo_stack.undo()
    workbench.undo_stack.undo()

    assert stored(workbench, claim).attributes["kind"] == "direct"
    assert len(stored(workbench, claim).stances) == 2
    assert panel.editor.field("kind").currentText() == "direct"
    assert [row.stance() for row in panel.editor.stances.rows] == [
        ("إسرائيل", "against"),
        ("Iran", "favor"),
    ]


def test_refreshing_the_editor_never_writes(panel, workbench, claim):
    commands = workbench.undo_stack.count()
    for annotation in workbench.annotations():
        workbench.select(annotation.id)
    workbench.undo_stack.undo()  # the claim is gone
    workbench.undo_stack.redo()
    workbench.select(claim)
    assert workbench.undo_stack.count() == commands


def test_changing_the_layer_turns_a_claim_into_a_speaker(panel, workbench, claim):
    choose(panel.editor.layer_combo, "Speaker")
    assert stored(workbench, claim).layer == "speaker"
    assert plain(workbench.undo_stack.undoText()) == "Change layer to Speaker"
    assert panel.editor.field("entity") is not None
    assert panel.editor.field("kind") is None


def test_the_layer_filter_hides_the_other_layers_rows(panel, workbench, claim):
    choose(panel.layer_filter, "Claim")
    shown = [panel.model.annotation(row).layer for row in range(panel.model.rowCount())]
    assert shown == ["claim"]
    choose(panel.layer_filter, "All layers")
    assert panel.model.rowCount() == 3


def test_the_claim_row_describes_its_speaker_kind_cue_and_stances(panel, workbench, claim):
    workbench.edit(workbench.speakers()[1].id, "Set speaker entity", entity="Esmail Qaani")
    workbench.edit(claim, "Add stance", stances=[("Israel", "against")])
    details = panel.model.index(panel.model.row_of(claim), AnnotationTableModel.DETAILS)
    assert plain(details.data()) == "speaker: Esmail Qaani · direct · cue: أكد · Israel (against)"


def test_another_annotators_annotation_is_read_only(qtbot, panel, workbench, project):
    start = workbench.text.index(HANIYEH)
    theirs = project.add_annotation(
        workbench.document_id, "badr", "speaker", start, start + len(HANIYEH)
    ).id
    assert panel.model.row_of(theirs) == -1
    workbench.set_show_others(True)
    assert not panel.table.isColumnHidden(AnnotationTableModel.ANNOTATOR)
    click_row(qtbot, panel, theirs)

    editor = panel.editor
    assert editor.annotation.id == theirs
    assert not editor.field("entity").isEnabled()
    assert not editor.layer_combo.isEnabled()
    assert "annotation by badr — read only" in [
        plain(label.text()) for label in editor.findChildren(QLabel) if label.isVisible()
    ]
    index = panel.model.index(panel.model.row_of(theirs), AnnotationTableModel.TEXT)
    disabled = QApplication.palette().color(
        QApplication.palette().ColorGroup.Disabled, QApplication.palette().ColorRole.Text
    )
    assert index.data(Qt.ItemDataRole.ForegroundRole) == disabled


def test_tab_goes_through_the_claim_form_in_reading_order(qtbot, panel, claim):
    editor = panel.editor
    editor.layer_combo.setFocus()
    expected = [
        editor.field("speaker"),
        editor.pick_button,
        editor.field("kind"),
        editor.field("cue"),
        editor.stances.add_button,
    ]
    visited = []
    for _ in expected:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget())
    assert visited == expected


def test_every_field_has_a_label_that_leads_to_it(panel, claim):
    editor = panel.editor
    buddies = {label.buddy() for label in editor.findChildren(QLabel) if label.isVisible()}
    fields = [editor.layer_combo, editor.stances.add_button]
    fields += [editor.field(name) for name in ("speaker", "kind", "cue")]
    assert all(field in buddies for field in fields)


def test_going_to_the_editor_focuses_the_first_attribute(panel, claim):
    panel.focus_editor()
    assert panel.editor.field("speaker").hasFocus()
    panel.focus_table()
    assert panel.table.hasFocus()


def test_a_long_stance_target_and_cue_show_from_their_start(qtbot, panel, workbench, claim):
    target = "Palestinian cause of national liberation and return"
    cue = "أكد في تصريح صحفي مطول نقلته وسائل الإعلام المحلية والدولية عن مكتبه الإعلامي"
    workbench.edit(claim, "Set", stances=[(target, "favor")], attributes={"cue": cue})
    workbench.select(None)
    workbench.select(claim)
    panel.resize(360, 720)
    qtbot.wait(1)
    for field, text in (
        (panel.editor.stances.rows[0].target, target),
        (panel.editor.field("cue"), cue),
    ):
        assert field.text() == text
        assert field.fontMetrics().horizontalAdvance(text) > field.width()  # it does not fit
        # Its first letter in view: the cursor Qt draws from is at the start, inside the field.
        assert field.cursorPosition() == 0
        assert field.rect().contains(field.cursorRect().center())
