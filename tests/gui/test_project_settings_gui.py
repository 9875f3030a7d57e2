"""Suggestions that learn in the window: a suggestion rejected with Backspace is not proposed
again by F7 (unless the rejection is undone), and File ▸ Project settings shows the project's
cue list, where a cue is added or switched off."""

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from annotator.core.arabic.suggest import SUGGESTIONS, project_cues
from annotator.core.store.learning import ProjectCue
from annotator.gui.project_settings import ProjectSettingsDialog


@pytest.fixture
def window(open_window):
    return open_window()


def press(window, key, modifier=Qt.KeyboardModifier.NoModifier):
    QTest.keyClick(window.article, key, modifier)


def stored_ids(workbench):
    return {
        a.id for a in workbench.project.annotations(workbench.document_id, annotator=SUGGESTIONS)
    }


def test_a_suggestion_rejected_with_backspace_is_not_suggested_again(window):
    press(window, Qt.Key.Key_F7)
    window.article.setFocus()
    press(window, Qt.Key.Key_F8)  # the next suggestion becomes the current one
    rejected = window.suggestions.current()
    press(window, Qt.Key.Key_Backspace)
    assert rejected.id not in stored_ids(window.workbench)
    press(window, Qt.Key.Key_F7)
    assert rejected.id not in stored_ids(window.workbench)
    assert window.suggestions.model.row_of(rejected.id) < 0


def test_undoing_the_rejection_lets_f7_suggest_it_again(window):
    press(window, Qt.Key.Key_F7)
    window.article.setFocus()
    press(window, Qt.Key.Key_F8)  # the next suggestion becomes the current one
    rejected = window.suggestions.current()
    press(window, Qt.Key.Key_Backspace)
    press(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    press(window, Qt.Key.Key_F7)
    assert rejected.id in stored_ids(window.workbench)


def test_the_settings_list_the_learned_cues_and_store_a_cue_added_by_hand(window, type_text, qtbot):
    wb = window.workbench
    start = wb.text.index("قاآني")
    wb.project.add_annotation(
        wb.document_id, "amal", "claim", start, start + 5, attributes={"cue": "ألمحت"}
    )
    dialog = ProjectSettingsDialog(wb, window)
    qtbot.addWidget(dialog)
    assert dialog.cues() == {"ألمحت": True}
    type_text(dialog.entry, "أفصح")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    dialog.model.item(0, 0).setCheckState(Qt.CheckState.Unchecked)  # the learned one: off
    assert dialog.cues() == {"ألمحت": False, "أفصح": True}
    dialog.accept()
    assert project_cues(wb.project) == [
        ProjectCue("أفصح", learned=False, added=True, used=True),
        ProjectCue("ألمحت", learned=True, added=False, used=False),
    ]


def test_removing_a_cue_added_by_hand_drops_it(window, qtbot):
    wb = window.workbench
    wb.project.edit_cue("أفصح", "added", "amal")
    dialog = ProjectSettingsDialog(wb, window)
    qtbot.addWidget(dialog)
    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert dialog.cues() == {}
    dialog.accept()
    assert project_cues(wb.project) == []


def test_an_empty_cue_is_not_added(window, qtbot):
    dialog = ProjectSettingsDialog(window.workbench, window)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert dialog.cues() == {}
    assert dialog.message.text() == "Write a cue word first."


def test_file_menu_opens_the_project_settings_and_ok_saves_them(window, type_text):
    file_menu = window.menuBar().actions()[0].menu()
    action = next(a for a in file_menu.actions() if a.text() == "Project settings…")
    seen = []

    def fill_and_accept():
        dialog = QApplication.activeModalWidget()
        seen.append(type(dialog).__name__)
        type_text(dialog.entry, "طمأن")
        QTest.keyClick(dialog.entry, Qt.Key.Key_Return)
        dialog.accept()

    QTimer.singleShot(0, fill_and_accept)
    action.trigger()
    assert seen == ["ProjectSettingsDialog"]
    assert [c.cue for c in project_cues(window.workbench.project)] == ["طمأن"]
    assert window.statusBar().currentMessage().startswith("Cue list saved")
