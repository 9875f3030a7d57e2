"""Zooming (View ▸ Zoom in / out, Ctrl++ / Ctrl+-) keeps the researcher's reading place: the
first word on screen before the zoom is still on the first line after it, in an article that is
one long paragraph (broken into blocks for display) and in one of short paragraphs, with the
interface in English and in Arabic."""

import pytest

from annotator.core.store.project import Project, TextSource
from annotator.gui import language
from annotator.gui.app import load_fonts
from annotator.gui.article_text import LONGEST_BLOCK, display_text
from annotator.gui.main_window import MainWindow
from tests.gui.test_stale_annotations import discard


def sentence(n: int) -> str:
    return f"وقال المتحدث سامر الحلبي في الجلسة رقم {n} إن الوفد وصل إلى المدينة صباحاً."


ONE_PARAGRAPH = " ".join(sentence(n) for n in range(600))  # about 45,000 characters
PARAGRAPHS = "\n".join(sentence(n) for n in range(600))


@pytest.fixture(params=["en", "ar"])
def interface(request, qapp):
    language.apply(request.param)
    yield request.param
    language.apply("en")


@pytest.fixture(params=["one paragraph", "paragraphs"])
def window(request, interface, qtbot, tmp_path, settings):
    text = ONE_PARAGRAPH if request.param == "one paragraph" else PARAGRAPHS
    if request.param == "one paragraph":
        assert len(text) > 4 * LONGEST_BLOCK and "\n" in display_text(text)
    load_fonts()
    project = Project.create(tmp_path / "zoom.annotator")
    project.import_texts([TextSource(text, id="long", title="long")])
    window = MainWindow(project, "amal", settings)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    window.workbench.open_document("long")
    yield window
    discard(window)
    project.close()


def first_word(window) -> int:
    """Where the first word on screen starts (code points)."""
    article = window.article
    shown = article.first_shown()
    text = window.workbench.text
    while shown < len(text) and text[shown].isspace():
        shown += 1
    return shown


def on_first_line(window, position: int) -> bool:
    """Whether a code-point offset is on the first line on screen."""
    article = window.article
    first = article.first_shown()
    rect = article.anchor(position)
    top = article.anchor(first)
    return first <= position and rect.top() == top.top()


@pytest.mark.parametrize("zoom", ["zoom_in", "zoom_out"])
def test_zooming_keeps_the_first_word_on_screen_at_the_top(window, zoom, qtbot):
    article = window.article
    article.show_from(int(len(window.workbench.text) * 0.6))
    qtbot.wait(50)
    article._let_go()  # the researcher has read on from there
    article.verticalScrollBar().setValue(article.verticalScrollBar().value() + 3)
    word = first_word(window)
    for _ in range(3):
        window.actions[zoom].trigger()
        qtbot.wait(20)
        assert on_first_line(window, word), (word, article.first_shown())


def test_zooming_leaves_the_selection_as_it_was(window, qtbot):
    article = window.article
    text = window.workbench.text
    start = text.index("الجلسة رقم 400")
    article.show_from(start)
    article.select_span(start, start + len("الجلسة رقم 400"))
    article._let_go()
    window.actions["zoom_in"].trigger()
    assert article.selection_span() == (start, start + len("الجلسة رقم 400"))
    assert on_first_line(window, start)
