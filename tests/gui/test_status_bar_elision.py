"""A long message in the status bar of a 1366x768 laptop window, English and Arabic interface:
undoing a speaker deletion after another window deleted its claims says what it could not put
back, a sentence longer than the bar. It is cut with "…" before the permanent "Annotator:"
label, never drawn over it, and the whole of it is the status bar's tooltip."""

import pytest
from PySide6.QtGui import QImage

from annotator.core.store.project import Project
from annotator.gui import language, main_window
from annotator.gui.app import load_fonts
from annotator.gui.main_window import MainWindow
from tests.gui.test_stale_annotations import discard

QAANI = "العميد قاآني"
CLAIMS = (
    "إيران تقف إلى جانب الحق الفلسطيني",
    "ستقدم كل ما تستطيع حتى تحقيق هدف تحرير كامل التراب الفلسطيني",
    "معركة القدس هي معركة الأمة كلها",
)


@pytest.fixture(params=["en", "ar"])
def windows(request, qapp, qtbot, project, settings, monkeypatch):
    """Window A at 1366x768 and window B, a connection of its own, on the same file."""
    monkeypatch.setattr(main_window, "WATCH_INTERVAL_MS", 3_600_000)
    load_fonts()
    language.apply(request.param)
    a = MainWindow(project, "amal", settings)
    qtbot.addWidget(a)
    a.resize(1366, 768)
    a.show()
    qtbot.waitExposed(a)
    other = Project.open(project.path)
    b = MainWindow(other, "amal", settings)
    qtbot.addWidget(b)
    yield a, b
    discard(a, b)
    other.close()
    language.apply("en")


def label_pixels(window) -> QImage:
    """The status bar as drawn over the permanent label's place (and its frame)."""
    bar = window.statusBar()
    bar.repaint()
    return bar.grab(window.annotator_label.geometry().adjusted(-2, 0, 2, 0)).toImage()


def tag(window, layer: str, words: str) -> str:
    """Select the words in the article and press the layer's key."""
    start = window.workbench.text.index(words)
    window.article.select_span(start, start + len(words))
    window.actions.tag[layer].trigger()
    assert window.workbench.selected_id is not None
    return window.workbench.selected_id


def test_a_long_message_is_cut_before_the_annotator_label(windows):
    a, b = windows
    speaker = tag(a, "speaker", QAANI)
    claims = [tag(a, "claim", words) for words in CLAIMS]
    a.workbench.select(speaker)
    a.actions["delete"].trigger()
    assert b.refresh_if_changed_elsewhere()
    for claim in claims:
        assert b.workbench.delete(claim)
    bar = a.statusBar()
    bar.clearMessage()
    before = label_pixels(a)
    a.actions["undo"].trigger()  # the speaker comes back; none of its claims can
    said = bar.currentMessage()
    assert bar.toolTip() == said  # the whole of it, where the bar shows only its start
    assert said.count(claims[0][:8]) == 1 and all(c[:8] in said for c in claims)
    assert bar.fontMetrics().horizontalAdvance(said) > bar.message_rect().width()
    # The label's place looks as it did without a message: nothing was drawn over the name.
    assert label_pixels(a) == before
    shown = bar.shown_message()
    assert shown != said and "…" in shown
    assert bar.fontMetrics().horizontalAdvance(shown) <= bar.message_rect().width()
    label, room = a.annotator_label.geometry(), bar.message_rect()
    assert room.right() < label.left() or room.left() > label.right()


def test_a_short_message_is_whole_and_has_no_tooltip(windows):
    a, _ = windows
    bar = a.statusBar()
    bar.showMessage("amal")
    assert bar.shown_message() == "amal"
    assert bar.toolTip() == ""
