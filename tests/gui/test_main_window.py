"""The main window driven from the keyboard, and what it keeps between sessions."""

import json

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QToolButton

from annotator.core.arabic.text import is_word_char
from annotator.core.bidi import plain
from annotator.core.formats.txt import read_articles
from annotator.core.paths import seeds_dir
from annotator.gui.article_view import describe

NO = Qt.KeyboardModifier.NoModifier
CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def key(widget, k, modifiers=NO):
    QTest.keyClick(widget, k, modifiers)


def mine(window):
    return window.workbench.project.annotations(window.workbench.document_id, annotator="amal")


def test_the_window_opens_on_the_first_article(window):
    assert window.workbench.document_id == "000_41ac67127a0642cf"
    assert window.article.toPlainText() == window.workbench.text


def test_the_legend_shows_each_layer_with_its_shortcut(window):
    labels = [action.toolTip() for action in window.actions.show_layer.values()]
    assert [plain(x) for x in labels] == [
        "Show Speaker (Ctrl+Shift+S)",
        "Show Claim (Ctrl+Shift+C)",
    ]
    texts = [plain(button.text()) for button in window.legend.findChildren(QToolButton)]
    assert texts == ["Speaker  (S)", "Claim  (C)"]


def test_keyboard_only_tagging_editing_and_status(window, type_text):
    article = window.article
    text = window.workbench.text
    title_end = text.index("\n")
    # Select the first line (as far as it is shown on one line) and tag it as a claim.
    key(article, Qt.Key.Key_Home, CTRL)
    key(article, Qt.Key.Key_End, SHIFT)
    key(article, Qt.Key.Key_C)
    (claim,) = mine(window)
    assert claim.start == 0 and 20 < claim.end <= title_end and text[claim.end] in " \n"
    assert plain(window.legend.status.text()) == "Status: in progress"
    # Shrink its end by a word, then extend it back.
    key(article, Qt.Key.Key_Right, ALT)
    shrunk = mine(window)[0]
    assert shrunk.end < claim.end and is_word_char(text[shrunk.end - 1])
    assert not is_word_char(text[shrunk.end])
    key(article, Qt.Key.Key_Left, ALT)
    assert mine(window)[0].end == claim.end
    # Shrink its start by a word (Alt+Shift+Left in right-to-left text).
    key(article, Qt.Key.Key_Left, ALT | SHIFT)
    assert mine(window)[0].start == text.index(" ") + 1
    # Delete it, undo the deletion.
    key(article, Qt.Key.Key_Delete)
    assert mine(window) == []
    key(article, Qt.Key.Key_Z, CTRL)
    assert len(mine(window)) == 1
    # Mark the document done, then undo that too.
    key(article, Qt.Key.Key_D, CTRL)
    assert window.workbench.status() == "done"
    assert window.actions["done"].isChecked()
    key(article, Qt.Key.Key_Z, CTRL)
    assert window.workbench.status() == "in_progress"


def test_f2_goes_to_the_editor_where_the_speaker_entity_is_typed(window, type_text):
    text = window.workbench.text
    start = text.index("العميد قاآني")
    window.article.select_span(start, start + len("العميد قاآني"))
    key(window.article, Qt.Key.Key_S)
    key(window.article, Qt.Key.Key_F2)
    field = window.focusWidget()
    assert field is window.side_panel.editor.field("entity") or field.parent() is (
        window.side_panel.editor.field("entity")
    )
    type_text(field, "Esmail Qaani")
    key(field, Qt.Key.Key_Return)
    (speaker,) = mine(window)
    assert speaker.entity is not None and speaker.entity.name == "Esmail Qaani"


def test_alt_and_the_layer_key_keep_the_exact_selection(window):
    text = window.workbench.text
    start = text.index("العميد قاآني")
    window.article.select_span(start + 2, start + 6)  # inside «العميد»
    key(window.article, Qt.Key.Key_S, ALT)
    (speaker,) = mine(window)
    assert (speaker.start, speaker.end) == (start + 2, start + 6)


def test_next_and_previous_annotation_keys_walk_in_reading_order(window):
    text = window.workbench.text
    first = window.workbench.tag("speaker", 0, 5)
    second_start = text.index("العميد قاآني")
    second = window.workbench.tag("speaker", second_start, second_start + 12)
    window.workbench.select(None)
    key(window.article, Qt.Key.Key_Down, ALT)
    assert window.workbench.selected_id == first
    key(window.article, Qt.Key.Key_Down, ALT)
    assert window.workbench.selected_id == second
    key(window.article, Qt.Key.Key_Up, ALT)
    assert window.workbench.selected_id == first
    key(window.article, Qt.Key.Key_Escape)
    assert window.workbench.selected_id is None


def test_pick_speaker_mode_links_the_claim_to_the_clicked_mention(window, qtbot):
    text = window.workbench.text
    haniyeh_start = text.index("إسماعيل هنية")
    haniyeh = window.workbench.tag("speaker", haniyeh_start, haniyeh_start + 12)
    qaani_start = text.index("العميد قاآني")
    qaani = window.workbench.tag("speaker", qaani_start, qaani_start + 12)
    claim = window.workbench.tag("claim", 339, 474)
    assert window.workbench.project.annotation(claim).link_id == qaani
    key(window.article, Qt.Key.Key_L, CTRL)
    assert window.article.picking_speaker
    assert window.side_panel.editor.pick_button.isChecked()
    cursor = window.article.textCursor()
    cursor.setPosition(window.article.offsets.to_utf16(haniyeh_start + 9))
    window.article.setTextCursor(cursor)
    window.article.ensureCursorVisible()
    spot = window.article.cursorRect(cursor).center()
    QTest.mouseClick(window.article.viewport(), Qt.MouseButton.LeftButton, NO, spot)
    assert window.workbench.project.annotation(claim).link_id == haniyeh
    assert not window.article.picking_speaker
    assert not window.side_panel.editor.pick_button.isChecked()


def test_zoom_keys_change_the_article_size_and_it_is_remembered(window, open_window):
    size = window.article.point_size()
    key(window.article, Qt.Key.Key_Equal, CTRL)
    key(window.article, Qt.Key.Key_Equal, CTRL)
    assert window.article.point_size() == size + 2
    key(window.article, Qt.Key.Key_Minus, CTRL)
    assert window.article.point_size() == size + 1
    window.close()
    assert open_window().article.point_size() == size + 1


def test_the_document_and_scroll_position_are_restored_at_the_next_start(
    project, open_window, qtbot, tmp_path
):
    long_article = tmp_path / "long.txt"
    long_article.write_text(
        "عنوان طويل\n" + "جملة عربية للتجربة في سطر طويل. " * 2000, encoding="utf-8"
    )
    project.import_texts(read_articles([long_article]))
    window = open_window()
    window.workbench.open_document("long")
    window.article.show_from(len(window.workbench.text) // 4)  # scrolled a quarter in
    window.close()
    shown = window.article.first_shown()  # where the first line on screen began
    assert len(window.workbench.text) // 5 < shown <= len(window.workbench.text) // 4
    again = open_window()
    qtbot.waitUntil(lambda: again.article.first_shown() == shown)
    assert again.workbench.document_id == "long"


def test_a_refused_action_is_explained_in_the_status_bar(window):
    window.article.setTextCursor(window.article.textCursor())  # no selection
    key(window.article, Qt.Key.Key_S)
    assert "Select some text" in window.statusBar().currentMessage()
    assert mine(window) == []


def test_the_reference_annotation_of_the_sample_can_be_made_by_hand(window, qtbot, type_text):
    """Every span, entity, role, link, kind, cue and stance of seeds/*.gold.jsonl, made with the
    layer keys and the attribute editor, as a researcher would."""
    gold = [
        json.loads(line)
        for line in (seeds_dir() / "000_41ac67127a0642cf.gold.jsonl")
        .read_text(encoding="utf-8")
        .splitlines()
    ]
    editor = window.side_panel.editor
    made: dict[str, str] = {}
    for record in sorted(gold, key=lambda r: (r["start"], r["layer"] != "speaker")):
        window.article.select_span(record["start"], record["end"])
        key(window.article, Qt.Key.Key_S if record["layer"] == "speaker" else Qt.Key.Key_C)
        annotation_id = window.workbench.selected_id
        made[record["id"]] = annotation_id
        stored = window.workbench.project.annotation(annotation_id)
        assert (stored.start, stored.end, stored.text) == (
            record["start"],
            record["end"],
            record["text"],
        )
        if record["layer"] == "speaker":
            entity = editor.field("entity")
            entity.setFocus()
            entity.lineEdit().selectAll()
            type_text(entity.lineEdit(), record["entity"])
            key(entity.lineEdit(), Qt.Key.Key_Return)
            continue
        assert stored.attributes.get("cue") == record["cue"], "cue preset from the text"
        link = editor.field("speaker")
        index = link.findData(made[record["speaker"]])
        if index != link.currentIndex():
            link.setCurrentIndex(index)
            link.activated.emit(index)
        kind = editor.field("kind")
        kind.setCurrentIndex(kind.findText(record["kind"]))
        kind.activated.emit(kind.currentIndex())
        for target, value in record["stances"]:
            qtbot.mouseClick(editor.stances.add_button, Qt.MouseButton.LeftButton)
            row = editor.stances.rows[-1]
            type_text(row.target, target)
            row.value.setCurrentIndex(row.value.findText(value))
            row.value.activated.emit(row.value.currentIndex())

    project = window.workbench.project
    for record in gold:
        stored = project.annotation(made[record["id"]])
        assert (stored.layer, stored.start, stored.end) == (
            record["layer"],
            record["start"],
            record["end"],
        )
        if record["layer"] == "speaker":
            assert stored.entity.name == record["entity"]
            assert stored.attributes["role"] == record["role"]
        else:
            assert stored.link_id == made[record["speaker"]]
            assert stored.attributes["kind"] == record["kind"]
            assert stored.attributes.get("cue") == record["cue"]
            assert [[s.target, s.value] for s in stored.stances] == record["stances"]
    assert len(project.entities()) == 3
    assert project.verify() == []


def test_the_toolbar_tags_the_selection(window):
    text = window.workbench.text
    start = text.index("العميد قاآني")
    window.article.select_span(start + 1, start + 9)
    button = next(
        b
        for b in window.toolbar.findChildren(QToolButton)
        if b.defaultAction() is window.actions.tag["speaker"]
    )
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    (speaker,) = mine(window)
    assert speaker.text == "العميد قاآني"


def test_the_context_menu_offers_the_layer_actions(window):
    texts = [a.text() for a in window.article.context_actions if a is not None]
    assert [plain(t) for t in texts[:2]] == ["Tag as Speaker", "Tag as Claim"]
    assert "Delete annotation" in texts


def test_ctrl_r_gives_the_selected_annotation_the_new_selection(window):
    text = window.workbench.text
    start = text.index("العميد قاآني")
    speaker = window.workbench.tag("speaker", start, start + len("العميد"))
    window.article.select_span(start + 2, start + 10)
    key(window.article, Qt.Key.Key_R, CTRL)
    assert window.workbench.project.annotation(speaker).text == "العميد قاآني"


def test_the_tooltip_describes_the_annotation_under_the_mouse(window):
    text = window.workbench.text
    start = text.index("العميد قاآني")
    speaker = window.workbench.tag("speaker", start, start + 12)
    window.workbench.edit(speaker, "Set speaker entity", entity="Esmail Qaani")
    annotation = window.workbench.annotation(speaker)
    assert plain(describe(window.workbench, annotation)).splitlines() == [
        "Speaker (amal)",
        "entity: Esmail Qaani",
        "role: person",
    ]
    cursor = window.article.textCursor()
    cursor.setPosition(start + 3)
    window.article.setTextCursor(cursor)
    spot = window.article.cursorRect(cursor).center()
    assert window.article.annotation_at(spot).id == speaker


def test_ctrl_shift_r_opens_review_on_the_current_document(window, project):
    from annotator.core.formats import jsonl

    jsonl.import_annotations(project, seeds_dir() / "000_41ac67127a0642cf.colleague.jsonl", "omar")
    window.workbench.tag("speaker", 0, 5)
    key(window.article, Qt.Key.Key_R, CTRL | SHIFT)
    review = window._review
    assert review.document_id == window.workbench.document_id
    assert {review.a_choice.currentText(), review.b_choice.currentText()} == {"amal", "omar"}
    assert review.comparison is not None and review.comparison.disagreements
    review.close()


def test_changes_from_another_connection_appear_on_the_next_check(window, project):
    from annotator.core.store.project import Project

    assert not window.refresh_if_changed_elsewhere()
    with Project.open(project.path) as other:
        other.add_annotation(window.workbench.document_id, "amal", "speaker", 0, 5)
    assert window.workbench.annotations() == []  # not read yet: the view shows the old state
    assert window.refresh_if_changed_elsewhere()
    assert [a.text for a in window.workbench.annotations()] == [window.workbench.text[:5]]


def test_editing_makes_a_timed_backup(window, project):
    from annotator.core.store import backup

    window.workbench.tag("speaker", 0, 5)
    window.backup_thread.join(10)  # made on a thread of its own
    (made,) = backup.listing(project.path)
    assert made.label == "timed"
    window.workbench.tag("speaker", 6, 8)
    assert len(backup.listing(project.path)) == 1  # at most one every few minutes
