"""The workbench's article: the open document with the current annotator's highlights, text
selections that become spans to tag, and the link from a selected claim to its speaker."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QMenu, QToolTip, QWidget

from annotator.core.arabic.text import snap_to_words
from annotator.core.bidi import Isolated, compose, isolate
from annotator.core.changes import AnnotationChanges
from annotator.core.columns import Span
from annotator.core.model import Annotation
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
        self.highlights = Highlights(
            self.document(), workbench.schema, self._strength, lambda: (self.selected, self.linked)
        )
        # Painted over the annotations: search hits, suggestions (each a highlights and band).
        self.extra_layers: list[tuple[Highlights, str]] = []
        self.setMouseTracking(True)
        workbench.document_opened.connect(self.load)
        workbench.annotations_changed.connect(self._on_annotations_changed)
        workbench.selection_changed.connect(self._on_selection_changed)
        workbench.visibility_changed.connect(self.refresh_highlights)

    def _strength(self, annotation: Span) -> float:
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
        # The workbench's own columns, kept up to date by it: every change of which columns
        # it shows (a document opened, layers or others shown) comes back here.
        self.highlights.follow(self.workbench.visible_columns(), self.offsets)
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
        # An edit of the selected claim or its speaker may move the link between them.
        self._repaint_selection(bool({self.selected, self.linked} & changes.ids))

    def _on_selection_changed(self, annotation_id: str) -> None:
        self._repaint_selection()
        annotation = self.workbench.annotation(annotation_id)
        if annotation is not None:
            self.show_span(annotation.start, annotation.end)

    def _repaint_selection(self, moved: bool = False) -> None:
        """Follow the workbench's selection; when it changed (or `moved`), repaint the blocks
        painted stronger before and now, with those between a claim and its speaker (the
        link's bracket runs in their margin)."""
        was, before = (self.selected, self.linked), self._selection_blocks()
        self._follow_selection()
        after = self._selection_blocks()
        if moved or (self.selected, self.linked) != was or after != before:
            for numbers in (before, after):
                self.repaint_blocks(numbers)

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
        # The highlights hold the visible annotations by start: found by bisection, not by
        # looking at every annotation of the document on each click or tooltip, and chosen
        # in C however many lie on the word.
        hit = self.highlights.innermost(position)
        return None if hit is None else self.workbench.annotation(hit.id, hit.start)

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
        """Draw the selected claim's link to its speaker (see `link_shapes`)."""
        shapes = self.link_shapes()
        if not shapes:
            return
        claim = self.workbench.selected()
        color = self.highlights.color(claim.layer).darker(150)
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(color, LINK_PEN, Qt.PenStyle.SolidLine))
        for shape in shapes:
            painter.drawPath(shape)
        painter.end()

    def link_shapes(self) -> list[QPainterPath]:
        """The link of the selected claim to its speaker mention, in viewport coordinates,
        drawn where there is no text: a frame round the speaker mention (round each of its
        lines) and, when the two are on different lines, a bracket in the margin at the start
        of the lines (the right, as the text runs right to left) from the claim's first line
        to the speaker's, with a tick towards each. Empty without a linked claim shown."""
        claim = self.workbench.selected()
        speaker = self.workbench.annotation(claim.link_id) if claim and claim.link_id else None
        if claim is None or speaker is None or speaker.layer in self.workbench.hidden_layers:
            return []
        margin = self.document().documentMargin()
        right = self.viewport().width() - margin  # where the lines start
        left = margin
        first, last = self.anchor(speaker.start), self.anchor(speaker.end)
        frames = QPainterPath()
        pad = LINK_PEN  # the frame's stroke stays inside the mention's own line

        def frame(x1: float, x2: float, line: QRect) -> None:
            box = QRectF(x1 - pad, line.top() + pad, x2 - x1 + 2 * pad, line.height() - 2 * pad)
            frames.addRoundedRect(box, 3, 3)

        if first.top() == last.top():
            frame(*sorted((first.center().x(), last.center().x())), first)
        else:  # the mention wraps: from its start to the end of the line, then on to its end
            frame(left, first.center().x(), first)
            frame(last.center().x(), right, last)
        shapes = [frames]
        here = self.anchor(claim.start)
        if here.top() != first.top():
            middle = right + margin / 2
            tick = right + LINK_PEN * 2  # clear of the line's first letter
            bracket = QPainterPath(QPointF(tick, here.center().y()))
            bracket.lineTo(middle, here.center().y())
            bracket.lineTo(middle, first.center().y())
            bracket.lineTo(tick, first.center().y())
            bracket.addEllipse(QPointF(middle, here.center().y()), 2.0, 2.0)
            shapes.append(bracket)
        return shapes


LINK_PEN = 1.6  # pixels


def describe(workbench: Workbench, annotation: Annotation) -> str:
    """A plain-text summary of an annotation: layer, attributes, link and stances."""
    layer = workbench.schema.layer(annotation.layer)

    lines = [
        compose(
            QCoreApplication.translate("ArticleView", "%1 (%2)"), layer.label, annotation.annotator
        )
    ]
    if annotation.entity:
        lines.append(
            compose(QCoreApplication.translate("ArticleView", "entity: %1"), annotation.entity.name)
        )
    for name, value in annotation.attributes.items():
        attribute = layer.attribute(name)
        shown = attribute.label if attribute else name
        value = attribute.value_label(value) if attribute else value
        lines.append(compose(QCoreApplication.translate("ArticleView", "%1: %2"), shown, value))
    link = layer.attribute_of_type("link")
    if link and annotation.link_id:
        target = workbench.annotation(annotation.link_id)
        if target:
            linked = (
                compose(
                    QCoreApplication.translate("ArticleView", "%1 (%2)"),
                    target.text,
                    target.entity.name,
                )
                if target.entity
                else isolate(target.text)
            )
            lines.append(
                compose(
                    QCoreApplication.translate("ArticleView", "%1: %2"),
                    link.label or link.name,
                    Isolated(linked),
                )
            )
    for stance in annotation.stances:
        lines.append(
            compose(
                QCoreApplication.translate("ArticleView", "stance: %1: %2"),
                stance.target,
                layer.stance_label(stance.value),
            )
        )
    return "\n".join(lines)
