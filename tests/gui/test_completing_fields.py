"""Every field with offers commits exactly what the researcher sees, once, whichever way the
value was chosen: an offer by keyboard or mouse, Enter, Tab or leaving the field."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from annotator.gui.side_panel import SidePanel

SPEAKER = "إسماعيل هنية"
CLAIM = "إيران تقف إلى جانب الحق الفلسطيني"
OTHER_CLAIM = "تدعم الصمود والبسالة الفلسطينية"
# Offered for the prefix «Pal» (any part of the name matches); the most used first.
NAMES = ["Nepal", "Palestine", "Palestinians"]
PATHS = ["down-enter", "down-down-enter", "down-down-tab", "click", "enter", "tab", "focus-loss"]


@pytest.fixture
def panel(qtbot, workbench):
    panel = SidePanel(workbench)
    qtbot.addWidget(panel)
    panel.resize(520, 720)
    panel.show()
    panel.activateWindow()
    qtbot.waitActive(panel)
    return panel


def _stance_target(panel, workbench, tag):
    other = tag("claim", OTHER_CLAIM)
    workbench.edit(other, "Stances", stances=[(name, "favor") for name in NAMES])
    claim = tag("claim", CLAIM)
    workbench.select(claim)
    panel.editor.stances.add_button.click()
    field = panel.editor.stances.rows[0].target

    def stored() -> str | None:
        stances = workbench.project.annotation(claim).stances
        return stances[0].target if stances else None

    return field, stored


def _entity(panel, workbench, tag):
    # Entities come from speakers that name them: one speaker mention per name.
    words = workbench.text.split()
    for name, word in zip(NAMES, (w for w in words if len(w) > 3 and w != "هنية"), strict=False):
        speaker = tag("speaker", word)
        workbench.edit(speaker, "Entity", entity=name)
    speaker = tag("speaker", SPEAKER)
    workbench.select(speaker)
    field = panel.editor.field("entity").lineEdit()

    def stored() -> str | None:
        entity = workbench.project.annotation(speaker).entity
        return entity.name if entity else None

    return field, stored


FIELDS = {"stance target": _stance_target, "entity": _entity}


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("field_name", FIELDS)
def test_the_value_seen_is_stored_once(qtbot, panel, workbench, tag, type_text, field_name, path):
    field, stored = FIELDS[field_name](panel, workbench, tag)
    assert isinstance(field, QLineEdit)
    field.setFocus()
    steps = workbench.undo_stack.count()
    typed = "Palestinian Authority" if path in ("enter", "tab", "focus-loss") else "Pal"
    type_text(field, typed)
    popup = field.completer().popup()
    expected = typed
    if path.startswith("down") or path == "click":
        qtbot.waitUntil(popup.isVisible)
        offers = [popup.model().index(r, 0).data() for r in range(popup.model().rowCount())]
        assert offers == NAMES
        downs = path.count("down")
        expected = offers[max(downs, 1) - 1] if path != "click" else offers[1]
        if path == "click":
            rect = popup.visualRect(popup.model().index(1, 0))
            qtbot.mouseClick(popup.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        else:
            for _ in range(downs):
                qtbot.keyClick(popup, Qt.Key.Key_Down)
            key = Qt.Key.Key_Tab if path.endswith("tab") else Qt.Key.Key_Return
            qtbot.keyClick(popup, key)
    elif path == "enter":
        qtbot.keyClick(field, Qt.Key.Key_Return)
    elif path == "tab":
        qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert not popup.isVisible()
    # Whatever happened, the researcher then leaves the field.
    panel.editor.layer_combo.setFocus()
    QApplication.processEvents()

    assert field.text() == expected
    assert stored() == expected
    assert workbench.undo_stack.count() == steps + 1
    if field_name == "stance target":
        assert "Pal" not in workbench.stance_targets()


@pytest.mark.parametrize("field_name", FIELDS)
def test_escape_closes_only_the_offers(qtbot, window, type_text, field_name):
    """Escape in the popup of offers closes the popup; the form, the selection and the keyboard
    focus stay, so the next letters go on into the field (not to the article as layer keys)."""
    workbench = window.workbench

    def tag(layer, words):
        start = workbench.text.index(words)
        return workbench.tag(layer, start, start + len(words))

    field, _stored = FIELDS[field_name](window.side_panel, workbench, tag)
    selected = workbench.selected_id
    field.setFocus()
    type_text(field, "Pal")
    popup = field.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Escape)
    assert not popup.isVisible()
    assert workbench.selected_id == selected
    assert field.hasFocus()
    type_text(field, "es")
    assert field.text() == "Pales"
    # «Pales» has offers too: Escape closes them; the next Escape is the window's: deselect.
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Escape)
    assert workbench.selected_id == selected
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert workbench.selected_id is None
