"""The workbench's article: the open document with the current annotator's highlights, text
selections that become spans to tag, and the arc from a selected claim to its speaker."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt, Signal
from PySide6.QtGui import QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QMenu, QToolTip, QWidget

from annotator.core.changes import AnnotationChanges
from annotator.core.model import Annotation
from annotator.core.text import snap_to_words
from annotator.gui.article_text import ArticleText, Highlights
from annotator.gui.workbench import Workbench


class ArticleView(ArticleText):
    """Shows the open document; selections become code-point spans for tagging."""

    # A click on a speaker mention while picking a claim's speaker (annotation id).
    speaker_picked = Signal(str)

    def __init__(self, workbench: Workbench, parent: QWidget | None = None):
        super().__init__(parent)
        self.workbench = workbench
        self.picking_speaker = False
        self.context_actions: list = []
        self.selected: str | None = None
        self.linked: str | None = None
        self.highlights = Highlights(self.document(), workbench.schema, self._strength)
        # Painted over the annotations: search hits, suggestions (each a highlights and band).
        self.extra_layers: list[tuple[Highlights, str]] = []
        self.setMouseTracking(True)
        workbench.document_opened.connect(self.load)
        workbench.annotations_changed.connect(self._on_annotations_changed)
        workbench.selection_changed.connect(self._on_selection_changed)
        workbench.visibility_changed.connect(self.refresh_highlights)

    def _strength(self, annotation: Annotation) -> float:
        if annotation.id == self.selected:
            return 0.62
        if annotation.id == self.linked:
            return 0.5
        return 0.30 if annotation.annotator == self.workbench.annotator else 0.14

    def highlight_layers(self) -> list[tuple[Highlights, str]]:
        return [(self.highlights, "full"), *self.extra_layers]

    # ------------------------------------------------------------------ content

    def load(self) -> None:
        self.show_text(self.workbench.text)
        self.refresh_highlights()

    def refresh_highlights(self) -> None:
        """File every visible annotation again (a document opened, layers shown or hidden)."""
        self.highlights.set_annotations(self.workbench.visible_annotations(), self.offsets)
        self._follow_selection()
        self.viewport().update()

    def _follow_selection(self) -> None:
        # Painted stronger: the selected annotation and the speaker it links to.
        selected = self.workbench.selected()
        self.selected = selected.id if selected else None
        self.linked = selected.link_id if selected else None

    def _on_annotations_changed(self, changes: AnnotationChanges) -> None:
        if changes.document_id != self.workbench.document_id:
            return
        if changes.everything:
            self.refresh_highlights()
            return
        hidden = self.workbench.hidden_layers
        shown = [a for a in changes.after if self.workbench.shows(a) and a.layer not in hidden]
        self.repaint_blocks(self.highlights.update(changes.before, shown))
        # An edit of the selected claim or its speaker may move the arc between them.
        self._repaint_selection(bool({self.selected, self.linked} & changes.ids))

    def _on_selection_changed(self, annotation_id: str) -> None:
        self._repaint_selection()
        annotation = self.workbench.annotation(annotation_id)
        if annotation is not None:
            self.show_span(annotation.start, annotation.end)

    def _repaint_selection(self, moved: bool = False) -> None:
        """Follow the workbench's selection; when it changed (or `moved`), repaint the blocks
        painted stronger before and now, with those the arc from a claim to its speaker
        crosses and the room it rises into above them."""
        was, before = (self.selected, self.linked), self._selection_blocks()
        self._follow_selection()
        after = self._selection_blocks()
        if moved or (self.selected, self.linked) != was or after != before:
            rise = round(18 + self.viewport().width() / 6 + 4)
            for numbers in (before, after):
                self.repaint_blocks(numbers, rise=rise)

    def _selection_blocks(self) -> range:
        """The blocks from the selected annotation to the speaker it links to."""
        shown = [self.workbench.annotation(i) for i in (self.selected, self.linked) if i]
        numbers = [n for a in shown if a is not None for n in self.highlights.blocks(a)]
        return range(min(numbers), max(numbers) + 1) if numbers else range(0)

    def span_to_tag(self, exact: bool = False) -> tuple[int, int] | None:
        """The selection as it will be tagged: snapped to whole words unless `exact`."""
        span = self.selection_span()
        if span is None:
            return None
        if exact:
            return span
        return snap_to_words(self.workbench.text, *span)

    def annotation_at(self, point: QPoint) -> Annotation | None:
        """The innermost visible annotation under a viewport point."""
        position = self.letter_at(point)
        hits = [a for a in self.workbench.visible_annotations() if a.start <= position < a.end]
        return min(hits, key=lambda a: a.end - a.start) if hits else None

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
        super().paintEvent(event)
        self._paint_link()

    def _paint_link(self) -> None:
        """Draw an arc from the selected claim to its speaker mention."""
        claim = self.workbench.selected()
        speaker = self.workbench.annotation(claim.link_id) if claim else None
        if claim is None or speaker is None or speaker.layer in self.workbench.hidden_layers:
            return
        here = self._top_centre(claim.start)
        there = self._top_centre(max(speaker.start, speaker.end - 1))
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

    def _top_centre(self, position: int) -> QPointF:
        rect = self.anchor(position)
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
