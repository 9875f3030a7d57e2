"""The article: read-only, right-to-left text with annotation highlights; the one place where
Qt's UTF-16 positions are turned into the project's code-point offsets and back."""

from __future__ import annotations

from collections import defaultdict

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QPainter,
    QPainterPath,
    QPen,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QToolTip, QWidget

from annotator.core.model import Annotation
from annotator.core.text import Utf16Map, snap_to_words
from annotator.gui.workbench import Workbench

BASE_POINT_SIZE = 17
MIN_POINT_SIZE, MAX_POINT_SIZE = 9, 48
ARTICLE_FONT = "Amiri"


class Highlights:
    """Annotation highlights painted under the text, never set as character formats.

    Any change of character format inside a word splits it into separate shaping runs, and
    Amiri then picks different contextual forms (seen with «وأكد»). So highlights are drawn
    onto the viewport before the text: each visible block's layout draws only the backgrounds
    of its annotation ranges (text pen transparent), in Qt's own bidi-aware visual order; then
    the editor draws the text once, shaped exactly as without highlights. Translucent colours
    make a speaker nested in a claim show as a mix of both.
    """

    def __init__(self, document: QTextDocument, workbench: Workbench):
        self._document = document
        self._workbench = workbench
        self._colors = {layer.name: QColor(layer.color) for layer in workbench.schema.layers}
        # block number -> [(start, end) in UTF-16 positions of the document, annotation]
        self._by_block: dict[int, list[tuple[int, int, Annotation]]] = {}
        self.selected: str | None = None
        self.linked: str | None = None

    def color(self, layer: str) -> QColor:
        return QColor(self._colors.get(layer, QColor("#999999")))

    def set_annotations(self, annotations: list[Annotation], offsets: Utf16Map) -> None:
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
            if annotation.id in (self.selected, self.linked):
                color.setAlphaF(0.62 if annotation.id == self.selected else 0.5)
            elif annotation.annotator == self._workbench.annotator:
                color.setAlphaF(0.30)
            else:
                color.setAlphaF(0.14)
            fmt = QTextCharFormat()
            fmt.setBackground(color)
            fmt.setForeground(QColor(Qt.GlobalColor.transparent))
            item = QTextLayout.FormatRange()
            item.start, item.length, item.format = left, right - left, fmt
            ranges.append(item)
        return ranges


class ArticleView(QPlainTextEdit):
    """Shows the open document; selections become code-point spans for tagging."""

    # A click on a speaker mention while picking a claim's speaker (annotation id).
    speaker_picked = Signal(str)
    zoom_changed = Signal(int)

    def __init__(self, workbench: Workbench, parent: QWidget | None = None):
        super().__init__(parent)
        self.workbench = workbench
        self.offsets = Utf16Map("")
        self.picking_speaker = False
        self.context_actions: list = []
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
        self.highlights = Highlights(self.document(), workbench)
        self.setMouseTracking(True)
        workbench.document_opened.connect(self.load)
        workbench.annotation_changed.connect(self._on_annotation_changed)
        workbench.selection_changed.connect(self._on_selection_changed)
        workbench.visibility_changed.connect(self.refresh_highlights)

    # ------------------------------------------------------------------ content

    def load(self) -> None:
        text = self.workbench.text
        self.offsets = Utf16Map(text)
        self.setPlainText(text)
        self.refresh_highlights()
        self.moveCursor(QTextCursor.MoveOperation.Start)

    def refresh_highlights(self) -> None:
        self.highlights.set_annotations(self.workbench.visible_annotations(), self.offsets)
        selected = self.workbench.selected()
        self.highlights.selected = selected.id if selected else None
        self.highlights.linked = selected.link_id if selected else None
        self.viewport().update()

    def _on_annotation_changed(self, document_id: str, _annotation_id: str) -> None:
        if document_id == self.workbench.document_id:
            self.refresh_highlights()

    def _on_selection_changed(self, annotation_id: str) -> None:
        self.refresh_highlights()
        annotation = self.workbench.annotation(annotation_id)
        if annotation is not None:
            self.show_span(annotation.start, annotation.end)

    # ------------------------------------------------------------------ offsets and selection

    def selection_span(self) -> tuple[int, int] | None:
        """The exact selection in code points, or None without a selection."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        start = self.offsets.to_codepoint(cursor.selectionStart())
        end = self.offsets.to_codepoint(cursor.selectionEnd())
        return (start, end) if start < end else None

    def span_to_tag(self, exact: bool = False) -> tuple[int, int] | None:
        """The selection as it will be tagged: snapped to whole words unless `exact`."""
        span = self.selection_span()
        if span is None:
            return None
        if exact:
            return span
        return snap_to_words(self.workbench.text, *span)

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

    def position_at(self, point: QPoint) -> int:
        """The code-point offset under a viewport point."""
        return self.offsets.to_codepoint(self.cursorForPosition(point).position())

    def annotation_at(self, point: QPoint) -> Annotation | None:
        """The innermost visible annotation under a viewport point."""
        cursor = self.cursorForPosition(point)
        # cursorForPosition gives the nearest gap between letters; the letter hit is on the
        # side the text runs from, which for right-to-left text depends on the half clicked.
        rect = self.cursorRect(cursor)
        position = self.offsets.to_codepoint(cursor.position())
        if point.x() > rect.center().x() and position > 0:
            position -= 1
        hits = [a for a in self.workbench.visible_annotations() if a.start <= position < a.end]
        return min(hits, key=lambda a: a.end - a.start) if hits else None

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

    # ------------------------------------------------------------------ mouse and painting

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton or self.textCursor().hasSelection():
            return
        annotation = self.annotation_at(event.position().toPoint())
        if self.picking_speaker:
            if annotation is not None and annotation.id != self.workbench.selected_id:
                self.speaker_picked.emit(annotation.id)
            return
        self.workbench.select(annotation.id if annotation else None)

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.ToolTip:
            annotation = self.annotation_at(event.pos())
            if annotation is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), describe(self.workbench, annotation), self)
            return True
        return super().viewportEvent(event)

    def contextMenuEvent(self, event) -> None:  # noqa: N802
        menu = QMenu(self)
        for action in self.context_actions:
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        menu.exec(event.globalPos())

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self.viewport())
        self._paint_highlights(painter, event.rect())
        painter.end()
        super().paintEvent(event)
        self._paint_link()

    def _paint_highlights(self, painter: QPainter, area: QRect) -> None:
        painter.setPen(QColor(Qt.GlobalColor.transparent))  # backgrounds only, no text
        offset = self.contentOffset()
        block = self.firstVisibleBlock()
        while block.isValid():
            bounds = self.blockBoundingGeometry(block).translated(offset)
            if bounds.top() > area.bottom():
                break
            ranges = self.highlights.ranges(block) if block.isVisible() else []
            if ranges:
                block.layout().draw(painter, bounds.topLeft(), ranges, QRectF(area))
            block = block.next()

    def _paint_link(self) -> None:
        """Draw an arc from the selected claim to its speaker mention."""
        claim = self.workbench.selected()
        speaker = self.workbench.annotation(claim.link_id) if claim else None
        if claim is None or speaker is None or speaker.layer in self.workbench.hidden_layers:
            return
        here = self._anchor(claim.start)
        there = self._anchor(max(speaker.start, speaker.end - 1))
        color = self.highlights.color(claim.layer).darker(150)
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(color, 1.6, Qt.PenStyle.SolidLine))
        path = QPainterPath(there)
        lift = max(18.0, abs(there.x() - here.x()) / 6)
        top = min(here.y(), there.y()) - lift
        path.cubicTo(QPointF(there.x(), top), QPointF(here.x(), top), here)
        painter.drawPath(path)
        painter.setBrush(color)
        painter.drawEllipse(here, 3.0, 3.0)
        painter.end()

    def _anchor(self, position: int) -> QPointF:
        cursor = self.textCursor()
        cursor.setPosition(self.offsets.to_utf16(position))
        rect = self.cursorRect(cursor)
        return QPointF(rect.center().x(), rect.top() + 2)


def describe(workbench: Workbench, annotation: Annotation) -> str:
    """A plain-text summary of an annotation: layer, attributes, link and stances."""
    layer = workbench.schema.layer(annotation.layer)
    lines = [f"{layer.label} ({annotation.annotator})"]
    if annotation.entity:
        lines.append(f"entity: {annotation.entity.name}")
    for name, value in annotation.attributes.items():
        lines.append(f"{name}: {value}")
    link = layer.attribute_of_type("link")
    if link and annotation.link_id:
        target = workbench.annotation(annotation.link_id)
        if target:
            who = f" ({target.entity.name})" if target.entity else ""
            lines.append(f"{link.name}: {target.text}{who}")
    for stance in annotation.stances:
        lines.append(f"stance: {stance.target}: {stance.value}")
    return "\n".join(lines)
