"""The four broken orders of issue 15, laid out by Qt as the window lays them out: each check
reads where QTextLayout puts characters, in an English (left-to-right) and an Arabic
(right-to-left) line."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextLayout, QTextOption

from annotator.core.bidi import compose, ltr, quote
from annotator.gui.app import load_fonts
from annotator.gui.article_view import ArticleView
from annotator.gui.suggestions import Suggestions


def boxes(text: str, direction: Qt.LayoutDirection) -> list[tuple[float, float]]:
    """The horizontal extent of each character of `text` (UTF-16 units: all BMP here) on one
    laid-out line whose paragraph direction is `direction`."""
    layout = QTextLayout(text, QFont(load_fonts(), 14))
    option = QTextOption()
    option.setTextDirection(direction)
    layout.setTextOption(option)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(10_000)
    layout.endLayout()
    out = []
    for i in range(len(text)):
        # The glyphs drawn for character i alone (controls draw none: (nan, nan)).
        rects = [run.boundingRect() for run in layout.glyphRuns(i, 1)]
        rects = [r for r in rects if r.width() > 0]
        left = min((r.left() for r in rects), default=float("nan"))
        right = max((r.right() for r in rects), default=float("nan"))
        out.append((left, right))
    return out


def centre(box: tuple[float, float]) -> float:
    return (box[0] + box[1]) / 2


def arabic_positions(text: str) -> list[int]:
    return [i for i, ch in enumerate(text) if "\u0600" <= ch <= "\u06ff"]


LTR, RTL = Qt.LayoutDirection.LeftToRight, Qt.LayoutDirection.RightToLeft


@pytest.mark.parametrize(
    ("template", "direction", "opening_side"),
    [("Undo Tag %1 %2", LTR, "left"), ("تراجع عن وسم %1 %2", RTL, "right")],
)
def test_undo_label_keeps_the_guillemets_around_the_arabic(qapp, template, direction, opening_side):
    text = compose(template, "speaker" if direction == LTR else "المتحدث", quote("الفلسطيني"))
    at = boxes(text, direction)
    opening, closing = text.index("«"), text.index("»")
    quoted = [centre(at[i]) for i in arabic_positions(text) if opening < i < closing]
    if opening_side == "left":
        assert centre(at[opening]) < min(quoted) and centre(at[closing]) > max(quoted)
    else:
        assert centre(at[opening]) > max(quoted) and centre(at[closing]) < min(quoted)


@pytest.mark.parametrize("direction", [LTR, RTL])
def test_a_document_id_in_the_all_documents_list_reads_as_written(qapp, direction):
    document_id = "000_41ac67127a0642cf"
    text = compose("%1: %2", ltr(document_id), "…قبل «الوزير» بعد…")
    at = boxes(text, direction)
    start = text.index(document_id)
    xs = [centre(at[start + k]) for k in range(len(document_id))]
    assert xs == sorted(xs), "the id's characters must go left to right"


def test_a_suggestion_row_puts_the_colon_after_the_layer_in_either_interface(qapp):
    english = compose("%1: %2", "Speaker", "الوزير")
    at = boxes(english, LTR)
    label_end = english.index("Speaker") + 6
    assert centre(at[english.index(":")]) > centre(at[label_end])
    arabic = compose("%1: %2", "المتحدث", "الوزير")
    at = boxes(arabic, RTL)
    label = [centre(at[i]) for i in arabic_positions(arabic)[:7]]
    assert centre(at[arabic.index(":")]) < min(label)


@pytest.mark.parametrize(("template", "direction"), [("Tag %1 %2", LTR), ("وسم %1 %2", RTL)])
def test_a_span_starting_with_a_quotation_mark_keeps_mark_and_ellipsis_with_the_arabic(
    qapp, template, direction
):
    span = '"إن الحكومة ستعلن القرار غدا في مؤتمر صحفي طويل"'
    text = compose(template, "claim" if direction == LTR else "التصريح", quote(span))
    at = boxes(text, direction)
    opening, closing = text.index("«"), text.index("»")
    inner = [centre(at[i]) for i in arabic_positions(text) if opening < i < closing]
    mark, ellipsis = text.index('"'), text.index("…")
    # Right to left inside: the mark opens the Arabic on its right, the ellipsis ends it on
    # its left, both between the guillemets.
    assert centre(at[mark]) > max(inner) and centre(at[ellipsis]) < min(inner)
    span_edges = sorted([centre(at[opening]), centre(at[closing])])
    assert span_edges[0] < centre(at[ellipsis]) < centre(at[mark]) < span_edges[1]


def test_the_workbench_undo_text_and_suggestion_rows_are_built_isolated(qtbot, workbench, tag):
    tag("speaker", workbench.text.split()[0])
    assert "\u2068" in workbench.undo_stack.undoText()
    view = ArticleView(workbench)
    qtbot.addWidget(view)
    suggestions = Suggestions(workbench, view)
    suggestions.run()
    rows = [
        suggestions.model.data(suggestions.model.index(r, 0))
        for r in range(suggestions.model.rowCount())
    ]
    assert rows and all(row.startswith("\u2068") for row in rows)
