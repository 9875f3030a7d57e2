"""A researcher's session in the main window on the sample article: drag, tag, link, stance,
undo, redo, and the same annotations after reopening the project from disk."""

from dataclasses import replace

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from annotator.core.bidi import plain
from annotator.core.store.project import Project
from annotator.gui.main_window import MainWindow

CUE_AND_SPEAKER = "وأكد العميد قاآني لهنية أن "
SPEAKER = "العميد قاآني"


def point_of(window: MainWindow, position: int) -> QPoint:
    view = window.article
    cursor = view.textCursor()
    cursor.setPosition(view.offsets.to_utf16(position))
    view.setTextCursor(cursor)
    view.ensureCursorVisible()
    return view.cursorRect(cursor).center()


def drag(window: MainWindow, start: int, end: int) -> None:
    """Press the mouse at code point `start` and release it at `end`, as a researcher drags."""
    viewport = window.article.viewport()
    press = point_of(window, start)
    release = point_of(window, end)
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, press)
    QTest.mouseMove(viewport, release)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, release)


def press(window: MainWindow, key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(window.article, key, modifiers)


def mine(project: Project, document_id: str):
    """amal's annotations by id, without revisions (undo and redo store new ones)."""
    return {
        a.id: replace(a, revision=0) for a in project.annotations(document_id, annotator="amal")
    }


def test_tag_link_stance_undo_redo_and_reopen(window, project, qtbot, type_text, tmp_path):
    text = window.workbench.text
    document_id = window.workbench.document_id
    speaker_start = text.index(CUE_AND_SPEAKER) + len("وأكد ")
    quote_start = text.index(CUE_AND_SPEAKER) + len(CUE_AND_SPEAKER)
    quote_end = text.index('"', quote_start + 1) + 1

    # 1. The speaker: drag from inside «العميد» to inside «قاآني», press S.
    drag(window, speaker_start + 3, speaker_start + len(SPEAKER) - 2)
    press(window, Qt.Key.Key_S)
    speakers = [a for a in mine(project, document_id).values() if a.layer == "speaker"]
    assert [(a.start, a.end, a.text) for a in speakers] == [
        (speaker_start, speaker_start + len(SPEAKER), SPEAKER)
    ]
    speaker = speakers[0]

    # 2. The quotation: drag from inside its last word back past its opening mark (into the
    # space before it), press C: the space is dropped and the closing mark is taken too.
    drag(window, quote_end - 4, quote_start - 1)
    press(window, Qt.Key.Key_C)
    claims = [a for a in mine(project, document_id).values() if a.layer == "claim"]
    assert len(claims) == 1
    claim = claims[0]
    assert (claim.start, claim.end) == (quote_start, quote_end) == (339, 474)  # the gold span
    assert claim.text.startswith('"إيران') and claim.text.endswith('الفلسطينية"')
    assert claim.link_id == speaker.id  # the nearest preceding speaker mention
    assert claim.attributes["cue"] == "أكد"
    assert window.workbench.selected_id == claim.id
    assert window.side_panel.editor.annotation.id == claim.id

    # 3. A stance, in the attribute editor.
    stances = window.side_panel.editor.stances
    qtbot.mouseClick(stances.add_button, Qt.MouseButton.LeftButton)
    row = stances.rows[-1]
    type_text(row.target, "Israel")
    row.value.setCurrentIndex(row.value.findText("against"))
    row.value.activated.emit(row.value.currentIndex())
    assert [(s.target, s.value) for s in project.annotation(claim.id).stances] == [
        ("Israel", "against")
    ]
    final = mine(project, document_id)

    # 4. Undo three times: the stance, the claim, the speaker are gone, step by step.
    undo_texts = []
    for _ in range(3):
        undo_texts.append(window.workbench.undo_stack.undoText())
        press(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert mine(project, document_id) == {}
    undo_texts = [plain(t) for t in undo_texts]
    assert undo_texts[1].startswith("Tag claim") and undo_texts[2].startswith("Tag speaker")
    assert not window.side_panel.model.rowCount()

    # 5. Redo everything: the same annotations, ids, links and stances as before.
    for _ in range(3):
        press(
            window,
            Qt.Key.Key_Z,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
    assert mine(project, document_id) == final

    # 6. Close the window and open the file again: nothing was left unsaved.
    window.close()
    path = project.path
    with Project.open(path) as reopened:
        assert mine(reopened, document_id) == final
        assert reopened.verify() == []
