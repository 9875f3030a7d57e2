"""Picking in the text names what is picked: a claim's speaker in the default schema, a cue's
claim in the attribution schema, in both interface languages; a wrong click says what to click."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from annotator.core.bidi import plain
from annotator.core.formats.txt import read_articles
from annotator.core.paths import seeds_dir
from annotator.core.schema import load_schema
from annotator.core.store.project import Project
from annotator.gui import language
from annotator.gui.app import load_fonts

CLAIM = "إيران تقف إلى جانب الحق الفلسطيني"
CUE = "وأكد"
QAANI = "العميد قاآني"
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture(params=["en", "ar"])
def interface(request, qapp):
    language.apply(request.param)
    yield request.param
    language.apply("en")


@pytest.fixture
def attribution(tmp_path):
    """The sample article in a project of the attribution schema (a cue links to its claim)."""
    project = Project.create(tmp_path / "study.annotator", load_schema("attribution").source)
    project.import_texts(read_articles([seeds_dir()]))
    yield project
    project.close()


@pytest.fixture
def open_on(qtbot, settings):
    from annotator.gui.main_window import MainWindow

    def open_on(project):
        load_fonts()
        window = MainWindow(project, "amal", settings)
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        window.article.setFocus()
        return window

    return open_on


def tag(window, layer: str, words: str) -> str:
    start = window.workbench.text.index(words)
    return window.workbench.tag(layer, start, start + len(words))


def status(window) -> str:
    return plain(window.statusBar().currentMessage())


def click_on(window, words: str) -> None:
    article = window.article
    cursor = article.textCursor()
    cursor.setPosition(article.offsets.to_utf16(window.workbench.text.index(words) + 2))
    article.setTextCursor(cursor)
    article.ensureCursorVisible()
    spot = article.cursorRect(cursor).center()
    QTest.mouseClick(
        article.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, spot
    )


EXPECTED = {
    # (interface, what is picked): the message while picking
    ("en", "claim"): "Click the claim of this cue in the article (Esc cancels).",
    ("ar", "claim"): "انقر في المقال على تعليق من نوع تصريح ليُربط به هذا التعليق من نوع "
    "لفظ الإسناد (Esc للإلغاء).",
    ("en", "speaker"): "Click the speaker of this claim in the article (Esc cancels).",
    ("ar", "speaker"): "انقر في المقال على تعليق من نوع متحدث ليُربط به هذا التعليق من نوع "
    "تصريح (Esc للإلغاء).",
}


def test_picking_a_cues_claim_names_the_claim(interface, attribution, open_on):
    window = open_on(attribution)
    claim = tag(window, "claim", CLAIM)
    speaker = tag(window, "speaker", QAANI)
    cue = tag(window, "cue", CUE)
    window.workbench.select(cue)
    QTest.keyClick(window.article, Qt.Key.Key_L, CTRL)
    assert window.article.picking_speaker
    assert status(window) == EXPECTED[interface, "claim"]
    pick = window.side_panel.editor.pick_button
    assert "speaker" not in pick.toolTip() and "متحدث" not in pick.toolTip()
    # A speaker is not what a cue links to: the refusal names both.
    window.workbench.select(cue)
    click_on(window, QAANI)
    assert window.workbench.project.annotation(cue).link_id != speaker
    wrong = {
        "en": "That is a speaker; click a claim.",
        "ar": "هذا تعليق من نوع متحدث؛ انقر تعليقًا من نوع تصريح.",
    }
    assert status(window) == wrong[interface]
    click_on(window, CLAIM)
    assert window.workbench.project.annotation(cue).link_id == claim
    undo = plain(window.workbench.undo_stack.undoText())
    assert ("cue" in undo and "claim" in undo) if interface == "en" else "لفظ الإسناد" in undo


def test_picking_a_claims_speaker_still_names_the_speaker(interface, project, open_on):
    window = open_on(project)
    tag(window, "speaker", QAANI)
    window.workbench.select(tag(window, "claim", CLAIM))
    QTest.keyClick(window.article, Qt.Key.Key_L, CTRL)
    assert status(window) == EXPECTED[interface, "speaker"]


@pytest.fixture(params=["default", "attribution"])
def any_schema(request, tmp_path):
    project = Project.create(tmp_path / "p.annotator", load_schema(request.param).source)
    project.import_texts(read_articles([seeds_dir()]))
    yield request.param, project
    project.close()


WHAT_TO_SELECT = {
    ("en", "default"): "Select a claim first, then pick its speaker in the text.",
    ("ar", "default"): "حدِّد تعليقًا من نوع تصريح أولًا، ثم اختر من النص ما يرتبط به من نوع متحدث.",
    ("en", "attribution"): "Select an annotation that links to another first (claim or cue), "
    "then pick in the text.",
    ("ar", "attribution"): "حدِّد أولًا تعليقًا يرتبط بغيره (تصريح أو لفظ الإسناد)، ثم اختر من "
    "النص ما يرتبط به.",
}


def test_picking_from_a_speaker_says_what_to_select(interface, open_on, any_schema):
    schema, project = any_schema
    window = open_on(project)
    window.workbench.select(tag(window, "speaker", QAANI))  # a speaker links to nothing
    QTest.keyClick(window.article, Qt.Key.Key_L, CTRL)
    assert not window.article.picking_speaker
    assert status(window) == WHAT_TO_SELECT[interface, schema]
