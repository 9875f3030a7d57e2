"""A refused edit in the main window: the form shows what is stored, and the refusal stays in
the status bar (no timeout) until the researcher's next key press or click, without hiding
what that next action reports itself."""

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest

CLAIM = "إيران تقف إلى جانب الحق الفلسطيني"
NO = Qt.KeyboardModifier.NoModifier


def refuse_a_second_stance_on_the_same_target(window, type_text) -> str:
    """Two stances of a claim given the same target: the store refuses the second."""
    workbench = window.workbench
    start = workbench.text.index(CLAIM)
    claim = workbench.tag("claim", start, start + len(CLAIM))
    workbench.edit(claim, "Add stances", stances=[("إسرائيل", "against"), ("فلسطين", "favor")])
    workbench.select(claim)
    target = window.side_panel.editor.stances.rows[1].target
    assert target.text() == "فلسطين"
    target.setFocus()
    target.selectAll()
    type_text(target, "إسرائيل")
    QTest.keyClick(target, Qt.Key.Key_Return, NO)
    message = window.statusBar().currentMessage()
    assert message, "the refusal is announced"
    # The form shows what is stored, not the refused value.
    assert target.text() == "فلسطين"
    assert [s.target for s in workbench.project.annotation(claim).stances] == [
        "إسرائيل",
        "فلسطين",
    ]
    return message


def running_timers(window) -> list[QTimer]:
    return [t for t in window.statusBar().findChildren(QTimer) if t.isActive()]


def test_a_refusal_stays_until_the_next_key_press(window, qtbot, type_text):
    message = refuse_a_second_stance_on_the_same_target(window, type_text)
    qtbot.wait(20)  # the refusal's own key press is handled; nothing else happened
    assert window.statusBar().currentMessage() == message
    assert running_timers(window) == []  # no timeout would take it away
    QTest.keyClick(window.article, Qt.Key.Key_Left, NO)
    assert window.statusBar().currentMessage() == ""


def test_a_refusal_stays_until_the_next_click(window, qtbot, type_text):
    message = refuse_a_second_stance_on_the_same_target(window, type_text)
    qtbot.wait(20)
    assert window.statusBar().currentMessage() == message
    QTest.mouseClick(window.article.viewport(), Qt.MouseButton.LeftButton)
    assert window.statusBar().currentMessage() == ""


def test_the_next_actions_own_message_is_not_hidden(window, qtbot, type_text):
    refuse_a_second_stance_on_the_same_target(window, type_text)
    qtbot.wait(20)
    window.article.setFocus()
    window.article.setTextCursor(window.article.textCursor())  # no selection
    QTest.keyClick(window.article, Qt.Key.Key_S, NO)  # tag with nothing selected: refused
    assert "Select some text" in window.statusBar().currentMessage()
    qtbot.wait(20)
    assert "Select some text" in window.statusBar().currentMessage()
