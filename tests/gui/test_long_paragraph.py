"""An article that is one long paragraph (scraped text often has no line breaks), with Latin
words, digits and emoji among the Arabic: what is tagged deep inside it is painted where the
researcher sees it and gone once deleted, offsets stay exact, and a paint looks only at the
lines on screen."""

import os
import subprocess
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QVBoxLayout, QWidget

from annotator.core.store.project import Project, TextSource
from annotator.gui.app import load_fonts
from annotator.gui.article_text import LONGEST_BLOCK, display_text
from annotator.gui.article_view import ArticleView
from annotator.gui.find_bar import FindBar
from annotator.gui.workbench import Workbench


def sentence(n: int) -> str:
    return (
        f"وقال المتحدث سامر الحلبي في الجلسة {n} 😀 إن «الاتفاق سيوقع غداً» في Paris "
        f"عام 2024 و٢٠٢٤ 🇵🇸 مضيفاً أن الوفد وصل إلى المدينة كـــتب رقم {n}."
    )


# About 40,000 characters without a line break: one block of hundreds of lines.
PARAGRAPH = " ".join(sentence(n) for n in range(400))
DEEP = int(len(PARAGRAPH) * 0.8)  # well below the first screen


@pytest.fixture
def view(qtbot, tmp_path):
    load_fonts()
    project = Project.create(tmp_path / "paragraph.annotator")
    project.import_texts([TextSource(PARAGRAPH, id="scraped", title="scraped")])
    workbench = Workbench(project, "amal")
    window = QWidget()
    view = ArticleView(workbench)
    window.bar = FindBar(workbench, view, window)
    column = QVBoxLayout(window)
    column.addWidget(window.bar)
    column.addWidget(view)
    qtbot.addWidget(window)
    window.resize(800, 500)
    window.show()
    qtbot.waitExposed(window)
    workbench.open_document("scraped")
    yield view
    project.close()


def deep(word: str) -> tuple[int, int]:
    """The code-point span of the first `word` after DEEP."""
    start = PARAGRAPH.index(word, DEEP)
    return start, start + len(word)


def on_screen_box(view: ArticleView, start: int, end: int) -> QRect:
    """The viewport rectangle of a span that sits on one line, after scrolling to it."""
    view.show_span(start, end)
    first, last = view.anchor(start), view.anchor(end)
    assert first.top() == last.top(), "the span wraps; choose another"
    left, right = sorted((first.center().x(), last.center().x()))
    return QRect(left + 2, first.top() + 2, right - left - 4, first.height() - 4)


def tinted(view: ArticleView, box: QRect) -> int:
    """How many pixels of `box` show a highlight's colour (the text is black on white)."""
    image = view.viewport().grab().toImage()
    count = 0
    for x in range(box.left(), box.right()):
        for y in range(box.top(), box.bottom()):
            count += tint(image.pixelColor(x, y)) > 25
    return count


@pytest.mark.parametrize("word", ["Paris", "٢٠٢٤", "الوفد"])
def test_a_tag_deep_in_the_paragraph_is_painted_and_gone_after_delete(view, word):
    """Latin, Arabic-Indic digits (left-to-right runs inside right-to-left lines) and an
    Arabic word, far below the first screen: tagged, the words are painted; deleted, they
    are white again."""
    start, end = deep(word)
    box = on_screen_box(view, start, end)
    assert tinted(view, box) == 0
    annotation_id = view.workbench.tag("speaker", start, end)
    assert annotation_id is not None
    box = on_screen_box(view, start, end)
    assert tinted(view, box) > box.width() * box.height() // 3
    view.workbench.delete(annotation_id)
    assert tinted(view, on_screen_box(view, start, end)) == 0


def test_a_claim_across_lines_is_painted_on_each_line_it_covers(view):
    start = PARAGRAPH.index("وقال", DEEP)
    end = PARAGRAPH.index("كـــتب", start) + len("كـــتب")
    view.workbench.tag("claim", start, end)
    view.show_span(start, end)
    top, bottom = view.anchor(start), view.anchor(end)
    assert bottom.top() > top.top(), "the claim should wrap"
    image = view.viewport().grab().toImage()
    lines = range(top.center().y(), bottom.center().y() + 1, top.height())
    for y in lines:
        row = [image.pixelColor(x, y) for x in range(0, view.viewport().width(), 3)]
        assert any(tint(c) > 25 for c in row), f"no highlight on the line at y={y}"


def test_selection_snap_and_tag_keep_code_point_offsets_after_hundreds_of_emoji(view):
    start, end = deep("كـــتب")
    assert PARAGRAPH[:start].count("😀") > 300  # each takes two UTF-16 units in Qt
    view.select_span(start + 2, start + 4)  # inside the word
    assert view.textCursor().selectedText() == PARAGRAPH[start + 2 : start + 4]
    assert view.selection_span() == (start + 2, start + 4)
    assert view.span_to_tag() == (start, end)
    annotation_id = view.workbench.tag("speaker", *view.span_to_tag())
    stored = view.workbench.project.annotation(annotation_id)
    assert (stored.start, stored.end, stored.text) == (start, end, "كـــتب")


def test_clicking_a_deep_highlight_selects_its_annotation(view):
    start, end = deep("Paris")
    annotation_id = view.workbench.tag("speaker", start, end)
    view.workbench.select(None)
    box = on_screen_box(view, start, end)
    assert view.annotation_at(box.center()).id == annotation_id


def test_search_hits_deep_in_the_paragraph_are_exact(view, qtbot):
    bar = view.parent().bar
    bar.query.setText("Paris")
    qtbot.waitUntil(lambda: not bar._timer.isActive())
    assert len(bar.hits) == 400
    assert all(PARAGRAPH[h.start : h.end] == "Paris" for h in bar.hits)
    painted = []
    block = view.document().firstBlock()
    while block.isValid():
        painted += [(block.position() + r.start, r.length) for r in bar.marks.ranges(block)]
        block = block.next()
    units = view.offsets.to_utf16
    assert painted == [(units(h.start), units(h.end) - units(h.start)) for h in bar.hits]


def test_a_paint_asks_only_for_the_lines_on_screen(view):
    """The work a paint does follows the screen, not the paragraph: each layer is asked for
    the ranges of the lines shown, a small part of the text, before and after a tag."""
    asked = []
    ranges = view.highlights.ranges

    def record(block, first=0, last=None):
        asked.append(len(block.text()) if last is None else last - first)
        return ranges(block, first, last)

    view.highlights.ranges = record
    start, end = deep("Paris")
    view.show_span(start, end)
    layout = view.document().findBlock(view.offsets.to_utf16(start)).layout()
    widest = max(layout.lineAt(n).textLength() for n in range(layout.lineCount()))
    shown = view.viewport().height() // layout.lineAt(0).height() + 2
    for action in (lambda: None, lambda: view.workbench.tag("speaker", start, end)):
        asked.clear()
        action()
        view.viewport().grab()
        assert 0 < sum(asked) <= shown * widest < len(PARAGRAPH) / 4


def test_the_paragraph_is_shown_in_blocks_that_keep_every_position(view):
    """Qt is shown the paragraph in blocks of bounded length (drawing a line costs in
    proportion to its block): each break is a space of the text shown as a line break, so
    every position is the same and the stored text has no line break."""
    shown = view.toPlainText()
    assert "\n" not in PARAGRAPH and len(shown) == len(PARAGRAPH)
    assert view.document().blockCount() > 1
    assert all(len(block) <= LONGEST_BLOCK for block in shown.split("\n"))
    assert all(a == b or (a, b) == (" ", "\n") for a, b in zip(PARAGRAPH, shown, strict=True))


def test_a_selection_across_a_break_copies_the_stored_text(view, qtbot):
    cut = view.toPlainText().index("\n")
    start, end = PARAGRAPH.rindex(" ", 0, cut - 5), PARAGRAPH.index(" ", cut + 5)
    view.select_span(start, end)
    assert view.selection_span() == (start, end)
    view.copy()
    assert QGuiApplication.clipboard().text() == PARAGRAPH[start:end]
    assert "\n" not in QGuiApplication.clipboard().text()


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet="اب ت. \n😀a؟\u00a0\t\u2009\r", max_size=300),
    st.integers(min_value=4, max_value=40),
)
def test_display_breaks_only_white_space_and_only_in_long_paragraphs(text, longest):
    """Scraped text may separate its words by no-break or thin spaces only: those break too
    (one character for one), never a CR (it stays before its LF)."""
    shown = display_text(text, longest)
    assert len(shown) == len(text)
    assert all(
        a == b or (a.isspace() and a not in "\r\n" and b == "\n")
        for a, b in zip(text, shown, strict=True)
    )
    for paragraph, blocks in zip(text.split("\n"), _paragraphs(shown, text), strict=True):
        if len(paragraph) <= longest:
            assert blocks == [paragraph]
        elif any(c.isspace() and c != "\r" for c in paragraph[longest // 2 : longest]):
            assert len(blocks) > 1


def test_a_paragraph_of_no_break_spaces_is_shown_in_blocks_and_copied_as_stored(qtbot, tmp_path):
    """Scraped text whose words are separated by U+00A0 only is broken for display as a text
    of plain spaces is; the copy across a break and a tag there keep the stored text."""
    load_fonts()
    words = ["الوزير", "أكد", "أن", "الاتفاق", "قريب", "2024", "news"]
    text = "\u00a0".join(words[i % len(words)] for i in range(9000))  # ~50,000 characters
    project = Project.create(tmp_path / "nbsp.annotator")
    project.import_texts([TextSource(text, id="nbsp", title="nbsp")])
    workbench = Workbench(project, "amal")
    view = ArticleView(workbench)
    qtbot.addWidget(view)
    view.resize(800, 500)
    view.show()
    qtbot.waitExposed(view)
    workbench.open_document("nbsp")
    shown = view.toPlainText()
    assert len(shown) == len(text) and "\n" not in text
    assert view.document().blockCount() > 1
    assert all(len(block) <= LONGEST_BLOCK for block in shown.split("\n"))
    cut = shown.index("\n")
    start, end = text.rindex("\u00a0", 0, cut - 3) + 1, text.index("\u00a0", cut + 3)
    view.select_span(start, end)
    assert view.selection_span() == (start, end)
    view.copy()
    assert QGuiApplication.clipboard().text() == text[start:end]
    annotation_id = workbench.tag("speaker", start, end)
    stored = project.annotation(annotation_id)
    assert (stored.start, stored.end, stored.text) == (start, end, text[start:end])
    project.close()


def _paragraphs(shown: str, text: str) -> list[list[str]]:
    """The blocks shown for each paragraph of the text."""
    found, position = [], 0
    for paragraph in text.split("\n"):
        found.append(shown[position : position + len(paragraph)].split("\n"))
        position += len(paragraph) + 1
    return found


def tint(colour) -> int:
    rgb = (colour.red(), colour.green(), colour.blue())
    return max(rgb) - min(rgb)


def test_a_process_that_copied_from_the_article_exits_cleanly(tmp_path):
    # The copy's QMimeData is made in Python and kept by the clipboard: both deleting it at exit
    # crashed the process (exit code -11) after everything had passed.
    script = tmp_path / "copy_then_exit.py"
    script.write_text(
        "from PySide6.QtWidgets import QApplication\n"
        "from annotator.gui.article_text import ArticleText\n"
        "app = QApplication([])\n"
        "view = ArticleText()\n"
        "view.show_text('وقال الوزير إن الخطة جاهزة')\n"
        "view.select_span(5, 11)\n"
        "view.copy()\n"
        "assert app.clipboard().text() == 'الوزير', app.clipboard().text()\n",
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, str(script)],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
