"""A researcher types in the claim's form while another process writes to the same project
file: the window's refresh (every two seconds) never throws away what is being typed, the other
fields show what is stored, and the commit is refused when the claim itself changed meanwhile.
A second `Project` on the file stands for the other process (an `annotator import`, a colleague's
window)."""

import pytest
from PySide6.QtCore import Qt

from annotator.core.errors import NotFoundError
from annotator.core.formats.txt import read_articles
from annotator.core.store.project import Project
from annotator.gui import main_window

HANIYEH = "إسماعيل هنية"
QAANI = "العميد قاآني"
CLAIM = "إيران تقف إلى جانب الحق الفلسطيني"
TYPED = "my half-typed cue"


@pytest.fixture
def window(qtbot, open_window, monkeypatch):
    # The timed refresh is left to the test: it says when the window has looked.
    monkeypatch.setattr(main_window, "WATCH_INTERVAL_MS", 3_600_000)
    return open_window()


@pytest.fixture
def other(project):
    """The other process's connection to the same file."""
    other = Project.open(project.path)
    yield other
    other.close()


def tag(window, layer: str, words: str) -> str:
    start = window.workbench.text.index(words)
    annotation_id = window.workbench.tag(layer, start, start + len(words))
    assert annotation_id is not None
    return annotation_id


@pytest.fixture
def speaker(window):
    tag(window, "speaker", HANIYEH)
    return tag(window, "speaker", QAANI)


@pytest.fixture
def claim(window, speaker):
    claim = tag(window, "claim", CLAIM)
    window.workbench.select(claim)
    return claim


def start_typing(qtbot, field, text: str = TYPED) -> None:
    """Click in the field, go to its end and type, without Enter."""
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
    qtbot.keyClick(field, Qt.Key.Key_End)
    qtbot.keyClicks(field, text)


def import_an_article(other, tmp_path) -> None:
    article = tmp_path / "new" / "tehran.txt"
    article.parent.mkdir()
    article.write_text("طهران\n\nقال المتحدث إن المفاوضات مستمرة.\n", encoding="utf-8")
    assert other.import_texts(read_articles([article])).added


def cue(window):
    return window.side_panel.editor.field("cue")


@pytest.mark.parametrize("elsewhere", ["import", "other annotation"])
def test_a_refresh_keeps_the_cue_being_typed_and_enter_stores_it(
    qtbot, window, other, claim, speaker, tmp_path, elsewhere
):
    field = cue(window)
    field.clear()  # an empty cue, so the typed text is all of it
    start_typing(qtbot, field)
    if elsewhere == "import":
        import_an_article(other, tmp_path)
    else:
        other.update_annotation(speaker, entity="Esmail Qaani")
    assert window.refresh_if_changed_elsewhere()
    assert field.text() == TYPED
    assert field.hasFocus()
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert other.annotation(claim).attributes["cue"] == TYPED
    assert field.text() == TYPED


def test_a_claim_changed_elsewhere_keeps_the_typing_then_refuses_it_and_shows_the_store(
    qtbot, window, other, claim
):
    field = cue(window)
    start_typing(qtbot, field)
    typed = field.text()
    other.update_annotation(claim, attributes={"cue": "قال", "kind": "indirect"})
    assert window.refresh_if_changed_elsewhere()
    editor = window.side_panel.editor
    assert field.text() == typed  # what the researcher types is theirs until they commit
    assert editor.field("kind").currentText() == "indirect"  # the rest shows the store
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert other.annotation(claim).attributes == {"cue": "قال", "kind": "indirect"}
    assert "changed" in window.statusBar().currentMessage()
    assert field.text() == "قال"
    assert window.workbench.undo_stack.count() == 3  # the three tags; the refusal is no step


def test_after_a_refused_cue_the_next_edit_is_stored(qtbot, window, other, claim, type_text):
    field = cue(window)
    start_typing(qtbot, field)
    other.update_annotation(claim, attributes={"cue": "قال", "kind": "direct"})
    assert window.refresh_if_changed_elsewhere()
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.keyClick(field, Qt.Key.Key_End)
    type_text(field, " إن")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert other.annotation(claim).attributes["cue"] == "قال إن"


def test_a_refresh_keeps_the_entity_being_typed(qtbot, window, other, speaker, tmp_path):
    window.workbench.select(speaker)
    combo = window.side_panel.editor.field("entity")
    # A new entity elsewhere: the list of names in the field is rebuilt by the refresh.
    other.ensure_entity("Hassan Nasrallah")
    start_typing(qtbot, combo.lineEdit(), "Esmail Qa")
    import_an_article(other, tmp_path)
    assert window.refresh_if_changed_elsewhere()
    assert combo.currentText() == "Esmail Qa"
    assert combo.lineEdit().hasFocus()
    qtbot.keyClicks(combo.lineEdit(), "ani")
    assert combo.currentText() == "Esmail Qaani"


def test_a_refresh_keeps_a_stance_target_being_typed(qtbot, window, other, claim, speaker):
    stances = window.side_panel.editor.stances
    qtbot.mouseClick(stances.add_button, Qt.MouseButton.LeftButton)
    target = stances.rows[0].target
    qtbot.keyClicks(target, "Hamas")
    other.update_annotation(speaker, entity="Esmail Qaani")
    assert window.refresh_if_changed_elsewhere()
    assert len(stances.rows) == 1
    assert stances.rows[0].target.text() == "Hamas"
    qtbot.keyClick(stances.rows[0].target, Qt.Key.Key_Return)
    assert [(s.target, s.value) for s in other.annotation(claim).stances] == [
        ("Hamas", stances.rows[0].value.currentText())
    ]


def test_a_stance_target_typed_on_a_claim_changed_elsewhere_is_refused(qtbot, window, other, claim):
    stances = window.side_panel.editor.stances
    qtbot.mouseClick(stances.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(stances.rows[0].target, "Hamas")
    other.update_annotation(claim, stances=[("Israel", "against")])
    assert window.refresh_if_changed_elsewhere()
    assert stances.rows[0].target.text() == "Hamas"
    qtbot.keyClick(stances.rows[0].target, Qt.Key.Key_Return)
    assert [(s.target, s.value) for s in other.annotation(claim).stances] == [("Israel", "against")]
    assert [row.stance() for row in stances.rows] == [("Israel", "against")]
    assert "changed" in window.statusBar().currentMessage()


def test_text_left_uncommitted_is_not_offered_again_when_the_claim_is_selected_again(
    qtbot, window, claim
):
    field = cue(window)
    start_typing(qtbot, field)
    qtbot.keyClick(field, Qt.Key.Key_Escape)  # deselects the claim
    assert window.workbench.selected_id is None
    window.workbench.select(claim)
    stored = window.workbench.project.annotation(claim).attributes["cue"]
    assert field.text() == stored


def test_a_claim_made_a_speaker_elsewhere_drops_the_cue_being_typed(qtbot, window, other, claim):
    field = cue(window)
    start_typing(qtbot, field)
    other.update_annotation(claim, layer="speaker", link_id=None)
    assert window.refresh_if_changed_elsewhere()
    assert window.side_panel.editor.field("cue") is None
    message = window.statusBar().currentMessage()
    assert "changed in another window" in message and TYPED in message
    other.update_annotation(claim, layer="claim", attributes={"cue": "قال", "kind": "direct"})
    assert window.refresh_if_changed_elsewhere()
    assert cue(window) is field
    assert field.text() == "قال"


def test_typing_on_a_claim_deleted_elsewhere_is_said_not_dropped_silently(
    qtbot, window, other, claim
):
    field = cue(window)
    field.clear()
    start_typing(qtbot, field)
    other.delete_annotation(claim)
    assert window.refresh_if_changed_elsewhere()
    assert window.workbench.selected() is None
    message = window.statusBar().currentMessage()
    assert "was deleted in another window" in message and TYPED in message


def test_typing_a_speakers_name_on_a_speaker_deleted_elsewhere_is_said(
    qtbot, window, other, speaker
):
    window.workbench.select(speaker)
    combo = window.side_panel.editor.field("entity")
    combo.lineEdit().clear()
    start_typing(qtbot, combo.lineEdit(), "Esmail Qa")
    other.delete_annotation(speaker)
    assert window.refresh_if_changed_elsewhere()
    assert window.workbench.selected() is None
    message = window.statusBar().currentMessage()
    assert "was deleted in another window" in message and "Esmail Qa" in message
    with pytest.raises(NotFoundError):
        other.annotation(speaker)
    assert "Esmail Qa" not in [e.name for e in other.entities()]


def test_typing_a_stance_target_on_a_claim_deleted_elsewhere_is_said(qtbot, window, other, claim):
    stances = window.side_panel.editor.stances
    qtbot.mouseClick(stances.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(stances.rows[0].target, "Hamas")
    other.delete_annotation(claim)
    assert window.refresh_if_changed_elsewhere()
    assert window.workbench.selected() is None
    message = window.statusBar().currentMessage()
    assert "was deleted in another window" in message and "Hamas" in message
    with pytest.raises(NotFoundError):
        other.annotation(claim)
