"""The first start as a new researcher meets it: the name prompt, the empty workbench, and the
sample's speakers found by their Arabic names."""

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QLabel

from annotator.core.bidi import plain
from annotator.core.store.default_project import open_project, sample_entities
from annotator.gui.app import NAME_NEEDED, NAME_PROMPT, NO_NAME, ask_annotator


def answer_prompts(steps):
    """Answer the name prompt as a person would, once per showing: each step is a name to type
    and OK, or None for Cancel. Returns the label text of each showing."""
    seen = []

    def act():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QInputDialog):
            QTimer.singleShot(10, act)
            return
        seen.append(dialog.labelText())
        name = steps.pop(0)
        if name is None:
            dialog.reject()
        else:
            dialog.setTextValue(name)
            dialog.accept()
        if steps:
            QTimer.singleShot(10, act)

    QTimer.singleShot(0, act)
    return seen


def test_cancel_says_that_it_quits_before_and_after(qapp, settings, capsys):
    seen = answer_prompts([None])
    assert ask_annotator(settings) is None
    assert seen == [NAME_PROMPT] and "Cancel quits" in NAME_PROMPT
    assert capsys.readouterr().err.splitlines() == [NO_NAME]
    assert settings.value("annotator") is None


def test_an_empty_name_is_asked_again_saying_why(qapp, settings):
    seen = answer_prompts(["   ", "Amal"])
    assert ask_annotator(settings) == "Amal"
    assert seen == [NAME_PROMPT, NAME_NEEDED + NAME_PROMPT]
    assert settings.value("annotator") == "Amal"
    assert ask_annotator(settings) == "Amal"  # kept: not asked again


def test_the_empty_workbench_says_how_to_start(window):
    window.workbench.select(None)
    texts = [
        plain(label.text())
        for label in window.side_panel.editor.findChildren(QLabel)
        if label.isVisible()
    ]
    guide = next(text for text in texts if text.startswith("Nothing selected"))
    assert "select words in the article and press S (speaker) or C (claim)" in guide
    assert "F7" in guide


def test_the_sample_project_knows_its_speakers_by_their_arabic_names(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    with open_project() as project:
        entities = {e.name: e for e in project.entities()}
        assert set(entities) == {e.name for e in sample_entities()}
        assert "إسماعيل قاآني" in entities["Esmail Qaani"].aliases
        # The reference annotations use the same entities.
        document = project.documents()[0].id
        reference = project.annotations(document, annotator="reference")
        assert {a.entity.name for a in reference if a.entity} == set(entities)


def test_typing_an_arabic_name_offers_the_known_entity(window, project, qtbot, type_text):
    for entity in sample_entities():
        project.add_entity(entity)
    window.refresh()
    text = window.workbench.text
    start = text.index("العميد قاآني")
    window.article.select_span(start, start + len("العميد قاآني"))
    qtbot.keyClick(window.article, Qt.Key.Key_S)
    qtbot.keyClick(window.article, Qt.Key.Key_F2)
    field = window.side_panel.editor.field("entity").lineEdit()
    assert field.hasFocus()
    type_text(field, "قاآ")
    popup = field.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    offers = [popup.model().index(r, 0).data() for r in range(popup.model().rowCount())]
    assert "إسماعيل قاآني" in offers
    row = offers.index("إسماعيل قاآني")
    for _ in range(row + 1):
        qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    QApplication.processEvents()  # the commit waits until the key is handled (fields.py)
    assert field.text() == "Esmail Qaani"
    (speaker,) = project.annotations(window.workbench.document_id, annotator="amal")
    assert speaker.entity is not None and speaker.entity.name == "Esmail Qaani"
    assert len(project.entities()) == len(sample_entities())  # no second Qaani
