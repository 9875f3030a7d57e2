"""The article view: right-to-left display, the UTF-16 boundary, snapping and highlight shaping."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QPoint, QRectF, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest

from annotator.core.store.project import Project, TextSource
from annotator.gui.app import load_fonts
from annotator.gui.article_view import ArticleView
from annotator.gui.workbench import Workbench

MIXED = (
    "قال المتحدث 😀 إن «الاتفاقَ سيُوقَّع ﷺ غداً» في Paris عام 2024 و٢٠٢٤ 🇵🇸 كـــتب\n"
    "السطر الثاني 𝒳 نهاية"
)


@pytest.fixture
def view(qtbot, tmp_path):
    load_fonts()
    project = Project.create(tmp_path / "p.annotator")
    project.import_texts([TextSource(MIXED, source="mixed.txt")])
    workbench = Workbench(project, "amal")
    widget = ArticleView(workbench)
    qtbot.addWidget(widget)
    widget.resize(800, 400)
    widget.show()
    qtbot.waitExposed(widget)
    workbench.open_document("mixed")
    yield widget
    project.close()


def point_of(view: ArticleView, position: int) -> QPoint:
    cursor = view.textCursor()
    cursor.setPosition(view.offsets.to_utf16(position))
    return view.cursorRect(cursor).center()


def test_article_is_right_to_left_read_only_and_in_the_bundled_font(view):
    option = view.document().defaultTextOption()
    assert option.textDirection() == Qt.LayoutDirection.RightToLeft
    assert view.isReadOnly()
    assert view.font().family() == "Amiri"
    assert view.toPlainText() == MIXED


def test_qt_positions_are_utf16_and_the_view_converts_them_to_code_points(view):
    assert view.document().characterCount() - 1 == len(MIXED.encode("utf-16-le")) // 2
    for word in ("إن", "«الاتفاقَ", "Paris", "٢٠٢٤", "كـــتب", "نهاية"):
        start = MIXED.index(word)
        view.select_span(start, start + len(word))
        assert view.textCursor().selectedText() == word
        assert view.selection_span() == (start, start + len(word))


def test_a_tag_after_emoji_stores_exactly_the_selected_letters(view):
    word = "كـــتب"
    start = MIXED.index(word)
    view.select_span(start + 2, start + 4)  # inside the word, after an emoji and a flag
    span = view.span_to_tag()
    assert span == (start, start + len(word))
    annotation_id = view.workbench.tag("speaker", *span)
    stored = view.workbench.project.annotation(annotation_id)
    assert stored.text == word == MIXED[stored.start : stored.end]


def test_highlight_covers_the_annotation_letters_after_non_bmp_characters(view):
    word = "Paris"
    start = MIXED.index(word)
    view.workbench.tag("speaker", start, start + len(word))
    ranges = [(r.start, r.length) for r in view.highlights.ranges(view.document().firstBlock())]
    assert ranges == [(view.offsets.to_utf16(start), len(word))]


def test_a_drag_starting_inside_a_word_snaps_to_whole_words(view, qtbot):
    text = view.workbench.text
    first, last = text.index("الاتفاقَ"), text.index("غداً")
    press, release = point_of(view, first + 3), point_of(view, last + 2)
    QTest.mousePress(
        view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, press
    )
    QTest.mouseMove(view.viewport(), release)
    QTest.mouseRelease(
        view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, release
    )
    raw = view.selection_span()
    assert raw is not None and first < raw[0] and raw[1] < last + len("غداً")
    assert view.span_to_tag() == (first, last + len("غداً"))
    # The exact variant (Alt + layer key) keeps what was dragged.
    assert view.span_to_tag(exact=True) == raw


def shaped(view: ArticleView) -> tuple[list[int], list[float]]:
    """Glyph indexes and x positions of the first line, after the view has laid it out."""
    view.grab()  # paint once, so the block is laid out with its current formats
    block = view.document().firstBlock()
    runs = sorted(block.layout().glyphRuns(0, block.length()), key=lambda r: r.positions()[0].x())
    indexes = [g for run in runs for g in run.glyphIndexes()]
    xs = [round(p.x(), 1) for run in runs for p in run.positions()]
    return indexes, xs


def test_highlighting_part_of_a_word_keeps_the_letters_joined(view):
    """A highlight inside «وأكد» must not change how the word is shaped: no character format is
    set (a format change splits shaping runs and changes Amiri's contextual forms), the glyphs
    and their positions are those of the plain word, and the highlight colour is painted there."""
    text = "وأكد المتحدث"
    view.workbench.project.import_texts([TextSource(text, source="joined.txt")])
    view.workbench.open_document("joined")
    plain = shaped(view)
    assert plain[0], "nothing was laid out"
    view.workbench.tag("speaker", 1, 3)  # «أك»: the middle of the word
    block = view.document().firstBlock()
    assert block.layout().formats() == []
    assert [(r.start, r.length) for r in view.highlights.ranges(block)] == [(1, 2)]
    assert shaped(view) == plain
    image = view.viewport().grab().toImage()
    cursor = view.textCursor()
    cursor.setPosition(2)
    spot = view.cursorRect(cursor).center()
    tinted = [image.pixelColor(spot.x() + dx, spot.y() + 6) for dx in range(-6, 7)]
    assert any(c.red() > c.blue() + 40 for c in tinted), "no speaker colour under «أك»"


def test_clicking_a_highlight_selects_its_annotation(view):
    text = view.workbench.text
    start = text.index("Paris")
    annotation_id = view.workbench.tag("speaker", start, start + 5)
    view.workbench.select(None)
    QTest.mouseClick(
        view.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        point_of(view, start + 2),
    )
    assert view.workbench.selected_id == annotation_id


def test_zoom_changes_the_article_font_size_within_limits(view):
    size = view.point_size()
    view.zoom(+2)
    assert view.point_size() == size + 2
    view.zoom(-100)
    assert view.point_size() >= 9
    view.reset_zoom()
    assert view.point_size() == size


def test_hidden_layers_are_not_highlighted(view):
    start = MIXED.index("Paris")
    view.workbench.tag("speaker", start, start + 5)
    block = view.document().firstBlock()
    view.workbench.set_layer_hidden("speaker", True)
    assert view.highlights.ranges(block) == []
    view.workbench.set_layer_hidden("speaker", False)
    assert len(view.highlights.ranges(block)) == 1


def test_cursor_at_end_position_is_valid(view):
    cursor = view.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    assert view.offsets.to_codepoint(cursor.position()) == len(MIXED)


@pytest.mark.parametrize("width", [420, 700, 1100])
def test_the_claim_to_speaker_link_never_covers_another_line(qtbot, workbench, width):
    """The link is drawn round the speaker mention and in the margin, never over the letters
    of a line other than the speaker's (it used to arc across the line above)."""
    from PySide6.QtGui import QPainterPathStroker

    from annotator.gui.article_view import LINK_PEN

    load_fonts()
    view = ArticleView(workbench)
    qtbot.addWidget(view)
    view.resize(width, 900)
    view.show()
    qtbot.waitExposed(view)
    view.load()
    text = workbench.text
    speaker_start = text.index("العميد قاآني")
    speaker = workbench.tag("speaker", speaker_start, speaker_start + len("العميد قاآني"))
    for claim_words in ("وقوف إيران إلى", "إيران تقف إلى جانب الحق الفلسطيني"):
        start = text.index(claim_words)
        claim = workbench.tag("claim", start, start + len(claim_words))
        workbench.edit(claim, "Link", link_id=speaker)
        workbench.select(claim)
        view.show_span(speaker_start, speaker_start + 2)
        shapes = view.link_shapes()
        assert shapes, "a linked claim shows its link"
        stroker = QPainterPathStroker()
        stroker.setWidth(LINK_PEN)
        drawn = [stroker.createStroke(shape) for shape in shapes]
        lines = 0
        block = view.firstVisibleBlock()
        while block.isValid():
            origin = view.blockBoundingGeometry(block).translated(view.contentOffset()).topLeft()
            layout = block.layout()
            for number in range(layout.lineCount()):
                line = layout.lineAt(number)
                first = block.position() + line.textStart()
                last = first + line.textLength()
                if first < speaker_start + len("العميد قاآني") and speaker_start < last:
                    continue  # the speaker's own line: the frame goes round the mention
                # Where the letters are: between the line's first and last cursor positions.
                box = line.naturalTextRect().translated(origin + layout.position())
                xs = [view.anchor(first).center().x(), view.anchor(last).center().x()]
                letters = QRectF(min(xs), box.top(), max(xs) - min(xs), box.height())
                lines += 1
                assert not any(path.intersects(letters) for path in drawn), (
                    f"the link covers line {number} of block {block.blockNumber()}",
                    letters,
                    [p.boundingRect() for p in drawn],
                )
            block = block.next()
        assert lines > 3


def test_a_highlight_that_fails_to_paint_leaves_the_text_shown_and_escapes_no_slot(
    view, qtbot, caplog
):
    view.workbench.tag("speaker", 0, 3)

    class Broken:
        def ranges(self, block, first, last):
            raise ValueError("a layer that cannot answer")

    view.highlight_layers = lambda: [(Broken(), "full")]
    with qtbot.captureExceptions() as escaped:
        view.viewport().repaint()
    assert escaped == []
    assert "painting the highlights failed" in caplog.text
    # The text is still painted: the article's viewport is not blank.
    image = view.viewport().grab().toImage()
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, 40, 3)}
    assert len(colours) > 2
