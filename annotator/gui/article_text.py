"""A read-only, right-to-left article with highlights painted under its text; the one place
where Qt's UTF-16 positions are turned into the project's code-point offsets and back."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable

from PySide6.QtCore import QPoint, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QPainter,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from annotator.core.model import Annotation
from annotator.core.schema import LabelSchema
from annotator.core.text import Utf16Map

BASE_POINT_SIZE = 17
MIN_POINT_SIZE, MAX_POINT_SIZE = 9, 48
ARTICLE_FONT = "Amiri"

# How strongly an annotation is painted (0 transparent .. 1 opaque).
Strength = Callable[[Annotation], float]


class Highlights:
    """Annotation highlights painted under the text, never set as character formats.

    Any change of character format inside a word splits it into separate shaping runs, and
    Amiri then picks different contextual forms (seen with «وأكد»). So highlights are drawn
    onto the viewport before the text: each visible block's layout draws only the backgrounds
    of its annotation ranges (text pen transparent), in Qt's own bidi-aware visual order; then
    the editor draws the text once, shaped exactly as without highlights. Translucent colours
    make a speaker nested in a claim show as a mix of both.
    """

    def __init__(self, document: QTextDocument, schema: LabelSchema, strength: Strength):
        self._document = document
        self._colors = {layer.name: QColor(layer.color) for layer in schema.layers}
        self._strength = strength
        # block number -> [(start, end) in UTF-16 positions of the document, annotation]
        self._by_block: dict[int, list[tuple[int, int, Annotation]]] = {}

    def color(self, layer: str) -> QColor:
        return QColor(self._colors.get(layer, QColor("#999999")))

    def set_annotations(self, annotations: Iterable[Annotation], offsets: Utf16Map) -> None:
        by_block: dict[int, list[tuple[int, int, Annotation]]] = defaultdict(list)
        for annotation in annotations:
            start, end = offsets.to_utf16(annotation.start), offsets.to_utf16(annotation.end)
            first = self._document.findBlock(start).blockNumber()
            last = self._document.findBlock(max(start, end - 1)).blockNumber()
            for number in range(first, last + 1):
                by_block[number].append((start, end, annotation))
        self._by_block = dict(by_block)

    def ranges(self, block: QTextBlock) -> list[QTextLayout.FormatRange]:
        """The background ranges of one block, outer spans first so inner ones lie on top."""
        spans = self._by_block.get(block.blockNumber())
        if not spans:
            return []
        origin, length = block.position(), block.length() - 1
        ranges = []
        for start, end, annotation in sorted(spans, key=lambda s: (s[0] - s[1], s[0])):
            left, right = max(start - origin, 0), min(end - origin, length)
            if right <= left:
                continue
            color = self.color(annotation.layer)
            color.setAlphaF(self._strength(annotation))
            fmt = QTextCharFormat()
            fmt.setBackground(color)
            fmt.setForeground(QColor(Qt.GlobalColor.transparent))
            item = QTextLayout.FormatRange()
            item.start, item.length, item.format = left, right - left, fmt
            ranges.append(item)
        return ranges


class ArticleText(QPlainTextEdit):
    """The article, shaped and right-to-left in the bundled font, with zoom and code-point
    offsets. Subclasses say which highlights to paint in `highlight_layers`."""

    zoom_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.offsets = Utf16Map("")
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setUndoRedoEnabled(False)  # the document never changes; our undo is the project's
        option = self.document().defaultTextOption()
        option.setTextDirection(Qt.LayoutDirection.RightToLeft)
        option.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.document().setDefaultTextOption(option)
        self.document().setDocumentMargin(18)
        self.set_point_size(BASE_POINT_SIZE)

    def show_text(self, text: str) -> None:
        self.offsets = Utf16Map(text)
        self.setPlainText(text)
        self.moveCursor(QTextCursor.MoveOperation.Start)

    # ------------------------------------------------------------------ offsets

    def selection_span(self) -> tuple[int, int] | None:
        """The exact selection in code points, or None without a selection."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        start = self.offsets.to_codepoint(cursor.selectionStart())
        end = self.offsets.to_codepoint(cursor.selectionEnd())
        return (start, end) if start < end else None

    def select_span(self, start: int, end: int) -> None:
        """Select a code-point span in the view (the cursor ends at `end`)."""
        cursor = self.textCursor()
        cursor.setPosition(self.offsets.to_utf16(start))
        cursor.setPosition(self.offsets.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def show_span(self, start: int, end: int) -> None:
        """Scroll to a span without selecting text, so the next tag is not applied to it."""
        cursor = self.textCursor()
        cursor.setPosition(self.offsets.to_utf16(min(end, self.offsets.length)))
        self.setTextCursor(cursor)
        cursor.setPosition(self.offsets.to_utf16(start))
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def letter_at(self, point: QPoint) -> int:
        """The code-point offset of the letter under a viewport point."""
        cursor = self.cursorForPosition(point)
        # cursorForPosition gives the nearest gap between letters; the letter hit is on the
        # side the text runs from, which for right-to-left text depends on the half clicked.
        rect = self.cursorRect(cursor)
        position = self.offsets.to_codepoint(cursor.position())
        if point.x() > rect.center().x() and position > 0:
            position -= 1
        return position

    def anchor(self, position: int) -> QRect:
        """The cursor rectangle at a code-point offset, in viewport coordinates."""
        cursor = self.textCursor()
        cursor.setPosition(self.offsets.to_utf16(position))
        return self.cursorRect(cursor)

    # ------------------------------------------------------------------ zoom

    def set_point_size(self, size: int) -> None:
        size = max(MIN_POINT_SIZE, min(MAX_POINT_SIZE, size))
        font = QFont(ARTICLE_FONT)
        font.setPointSize(size)
        self.setFont(font)
        self.zoom_changed.emit(size)

    def point_size(self) -> int:
        return self.font().pointSize()

    def zoom(self, steps: int) -> None:
        self.set_point_size(self.point_size() + steps)

    def reset_zoom(self) -> None:
        self.set_point_size(BASE_POINT_SIZE)

    # ------------------------------------------------------------------ painting

    def highlight_layers(self) -> list[tuple[Highlights, str]]:
        """What to paint under the text: (highlights, band) with band "full", "top" or
        "bottom" (the upper or lower half of each line, to show two annotators at once)."""
        return []

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self.viewport())
        painter.setPen(QColor(Qt.GlobalColor.transparent))  # backgrounds only, no text
        area = event.rect()
        offset = self.contentOffset()
        layers = self.highlight_layers()
        block = self.firstVisibleBlock()
        while layers and block.isValid():
            bounds = self.blockBoundingGeometry(block).translated(offset)
            if bounds.top() > area.bottom():
                break
            if block.isVisible():
                for highlights, band in layers:
                    ranges = highlights.ranges(block)
                    if ranges:
                        self._paint_band(painter, block, bounds.topLeft(), ranges, band, area)
            block = block.next()
        painter.end()
        super().paintEvent(event)

    def _paint_band(self, painter, block, origin, ranges, band, area) -> None:
        layout = block.layout()
        if band == "full":
            layout.draw(painter, origin, ranges, QRectF(area))
            return
        for number in range(layout.lineCount()):
            line = layout.lineAt(number).rect().translated(origin)
            # A thin gap between the two bands keeps them apart where both annotators agree.
            half = line.height() / 2
            gap = max(1.0, line.height() / 24)
            top = line.top() if band == "top" else line.top() + half + gap
            clip = QRectF(area.left(), top, area.width(), half - gap)
            painter.save()
            painter.setClipRect(clip)
            layout.draw(painter, origin, ranges, clip)
            painter.restore()
