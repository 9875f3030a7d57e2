"""Two thousand annotations on the same two words (several annotators' work shown together,
automatic suggestions): painting, stepping with Alt+Down, tagging and undoing cost what is on
screen, not the number of annotations stacked there, and the words look as they did when
every annotation was painted in turn. (No timings: the work is counted; `bench/stacked.py`
measures the time.)"""

import random

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtTest import QTest

from annotator.core.columns import SpanColumns
from annotator.core.store.project import TextSource
from annotator.gui import article_text
from bench import corpus

SIDE = 32  # 32 x 32 nested spans, each a speaker and a claim: 2,048 annotations
# Fills a paint of the screen may make: the stack has 2 * SIDE places where a span starts or
# ends, so at most that many pieces of one colour, each filled once on each line it meets.
FILLS_AT_MOST = 6 * SIDE


@pytest.fixture
def stacked(project, open_window):
    """The window on an article whose two middle words carry 2,048 nested annotations of
    "amal"; yields the window and the two words' span."""
    rng = random.Random(20)
    text = corpus.article(rng, 5000)
    project.import_texts([TextSource(text=text, id="stacked", title="stacked")])
    words = [m.span() for m in corpus.WORD.finditer(text)]
    middle = len(words) // 2
    spans = []
    for before in range(SIDE):
        for after in range(SIDE):
            start, end = words[middle - before][0], words[middle + 1 + after][1]
            for layer, attributes in (("speaker", {"role": "person"}), ("claim", {})):
                spans.append(corpus.Span(corpus._uuid(rng), layer, start, end, attributes))
    corpus.store(project, "stacked", "amal", spans)
    window = open_window()
    window.workbench.open_document("stacked")
    shared = (words[middle][0], words[middle + 1][1])
    window.article.show_span(*shared)
    window.article.viewport().grab()
    yield window, shared
    # The editor of a selected claim lists speakers from the project: gone with the window,
    # before the project is closed.
    window.workbench.select(None)
    window.close()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def fills(monkeypatch):
    """Counts the rectangles the article fills with highlight colours (each range's part of a
    line, or each piece of a line's coverage runs)."""
    count = [0]
    for name in ("_fill_between", "_fill_columns"):
        fill = getattr(article_text, name, None)
        if fill is not None:

            def counted(*args, fill=fill):
                count[0] += 1
                return fill(*args)

            monkeypatch.setattr(article_text, name, counted)
    return count


@pytest.fixture
def spans_made(monkeypatch):
    """Counts the spans built from the columns (one per annotation a walk passes over)."""
    count = [0]
    span = SpanColumns.span

    def counted(columns, row):
        count[0] += 1
        return span(columns, row)

    monkeypatch.setattr(SpanColumns, "span", counted)
    return count


def on_screen(window) -> int:
    """How many annotations lie on the lines on screen."""
    article = window.article
    first = article.first_shown()
    last = article.letter_at(article.viewport().rect().bottomLeft())
    return len(window.workbench.columns().overlapping(first, max(last, first + 1)))


def test_a_screen_under_two_thousand_stacked_annotations_is_painted_in_few_fills(stacked, fills):
    window, shared = stacked
    assert on_screen(window) == 2 * SIDE * SIDE
    fills[0] = 0
    window.article.viewport().grab()
    assert 0 < fills[0] <= FILLS_AT_MOST


def test_alt_down_through_stacked_annotations_paints_and_builds_little(
    stacked, fills, spans_made, monkeypatch
):
    window, shared = stacked
    workbench = window.workbench
    built: list[str] = []
    by_id = workbench.project.annotations_by_id
    monkeypatch.setattr(
        workbench.project, "annotations_by_id", lambda ids: built.extend(ids) or by_id(ids)
    )
    for step in range(3):
        fills[0] = 0
        QTest.keyClick(window.article, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
        window.article.viewport().grab()
        assert workbench.selected_id is not None
        assert 0 < fills[0] <= FILLS_AT_MOST, step
    assert len(built) <= 6 and spans_made[0] <= 12


def test_tagging_a_claim_on_stacked_words_reads_only_the_spans_within_reach(
    stacked, fills, spans_made
):
    """The claim is linked to the nearest speaker before it and its cue looked up, as on any
    words, reading a few spans rather than every annotation stacked there."""
    window, (start, end) = stacked
    workbench = window.workbench
    window.article.select_span(start, end)
    fills[0] = 0
    QTest.keyClick(window.article, Qt.Key.Key_C)
    window.article.viewport().grab()
    claim = workbench.selected()
    assert claim is not None and (claim.layer, claim.start, claim.end) == ("claim", start, end)
    assert claim.link_id is not None
    assert spans_made[0] <= 12
    assert 0 < fills[0] <= FILLS_AT_MOST


def test_stacked_words_look_as_when_every_annotation_was_painted_in_turn(stacked):
    """The colour on the shared words is the one the 2,048 translucent fills compose, outer
    spans first (within two levels of 255 per channel); selecting the innermost speaker
    paints it stronger, and deselecting it, or a tag and its undo, bring back the same
    pixels."""
    window, (start, end) = stacked
    article = window.article
    workbench = window.workbench
    workbench.select(None)
    before = article.viewport().grab().toImage()
    plain = shown_colour(article, before, start, end)
    assert within(plain, composed(window), 2)
    shown = workbench.columns()
    innermost = max(
        (shown.span(row) for row in shown.rows_meeting(start, end)),
        key=lambda s: (s.start, -s.end, s.layer),
    )
    assert innermost.layer == "speaker" and (innermost.start, innermost.end) == (start, end)
    workbench.select(innermost.id)
    selected = article.viewport().grab().toImage()
    stronger = shown_colour(article, selected, start, end)
    assert within(stronger, composed(window), 2) and not within(stronger, plain, 2)
    workbench.select(None)
    assert article.viewport().grab().toImage() == before
    workbench.tag("speaker", start, end)
    workbench.select(None)
    workbench.undo_stack.undo()
    assert article.viewport().grab().toImage() == before


def test_a_speaker_inside_a_claim_looks_as_when_each_was_painted_in_turn(open_window):
    """An ordinary article: a claim and a speaker inside it; the speaker's words show the
    claim's fill under the speaker's (within a level), the rest of the claim its own."""
    window = open_window()
    workbench, article = window.workbench, window.article
    text = workbench.text
    start = text.index(" ", 200) + 1
    end = text.index(" ", text.index(" ", start) + 1)
    claim_end = text.index(" ", end + 30)
    workbench.tag("claim", start, claim_end)
    workbench.tag("speaker", start, end)
    workbench.select(None)
    article.show_span(start, claim_end)
    image = article.viewport().grab().toImage()
    assert within(shown_colour(article, image, start, end), composed(window, start), 1)
    rest = text.index(" ", end + 1) + 1
    rest_end = text.index(" ", rest + 1)
    if article.anchor(rest).top() == article.anchor(rest_end).top():
        assert within(shown_colour(article, image, rest, rest_end), composed(window, rest), 1)


def composed(window, position: int | None = None) -> QColor:
    """The colour of every annotation covering a position (by default: all shown) painted
    in turn, outer ones first, on a pixel of the article's background."""
    article = window.article
    image = QImage(1, 1, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(article.viewport().palette().base().color())
    painter = QPainter(image)
    shown = window.workbench.columns()
    spans = [shown.span(row) for row in range(len(shown))]
    if position is not None:
        spans = [s for s in spans if s.start <= position < s.end]
    for span in sorted(spans, key=lambda s: (s.start - s.end, s.start)):  # outer first
        color = article.highlights.color(span.layer)
        color.setAlphaF(article._strength(span))
        painter.fillRect(QRect(0, 0, 1, 1), color)
    painter.end()
    return image.pixelColor(0, 0)


def shown_colour(article, image: QImage, start: int, end: int) -> QColor:
    """The colour most pixels show along the top row of the shared words' line (above the
    letters)."""
    first, last = article.anchor(start), article.anchor(end)
    left, right = sorted((first.center().x(), last.center().x()))
    y = first.top() + 1
    colours = [image.pixelColor(x, y).rgb() for x in range(left + 2, right - 2)]
    return QColor.fromRgb(max(set(colours), key=colours.count))


def within(a: QColor, b: QColor, levels: int) -> bool:
    return all(abs(x - y) <= levels for x, y in zip(a.getRgb()[:3], b.getRgb()[:3], strict=True))
