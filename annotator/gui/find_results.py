"""The find bar's list of the project's hits: each row the document and the hit in its
context, laid out right to left like the article, the hit's letters highlighted under the text."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    Qt,
)
from PySide6.QtGui import QColor, QPainter, QPalette, QTextLayout, QTextOption
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from annotator.core.arabic.search import Hit
from annotator.core.bidi import RLI, compose, ltr, rtl
from annotator.gui.workbench import Workbench

_ROOT = QModelIndex()
_SPACES = re.compile(r"\s+")
CONTEXT = 30  # code points of context either side of a hit
# Where the hit's letters are in a row's text: (start, end) in UTF-16 units.
HIT_ROLE = Qt.ItemDataRole.UserRole + 1
HIT_COLOR = QColor(255, 212, 0, 115)  # the article's colour for a hit


def _one_line(text: str) -> str:
    return _SPACES.sub(" ", text)


def _utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


class HitList(QAbstractListModel):
    """The project-wide hits: document and the hit in its context."""

    def __init__(self, workbench: Workbench, parent: QObject | None = None):
        super().__init__(parent)
        self._workbench = workbench
        self.hits: list[Hit] = []

    def set_hits(self, hits: Sequence[Hit]) -> None:
        self.beginResetModel()
        self.hits = list(hits)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.hits)

    def _row(self, hit: Hit) -> tuple[str, tuple[int, int]]:
        """The row's text and where the hit is in it. The context is article text: a right-
        to-left isolate whatever its first letter (a context starting with a cut Latin name
        was laid out left to right). The hit is marked by a highlight, not by marks inserted
        into the text, which split the word it is in."""
        text = self._workbench.project.text(hit.document_id)
        # On one line, the hit joined to its word as in the article (no space put in).
        before = _one_line(text[max(0, hit.start - CONTEXT) : hit.start]).lstrip()
        found = _one_line(text[hit.start : hit.end])
        after = _one_line(text[hit.end : hit.end + CONTEXT]).rstrip()
        context = rtl(f"…{before}{found}{after}…")
        row = compose(self.tr("%1: %2"), ltr(hit.document_id), context)
        start = _utf16(row[: row.index(context) + len(RLI + "…" + before)])
        return row, (start, start + _utf16(found))

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        hit = self.hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._row(hit)[0]
        if role == HIT_ROLE:
            return self._row(hit)[1]
        if role == Qt.ItemDataRole.ToolTipRole:
            return compose(
                self.tr("%1, characters %2–%3"), ltr(hit.document_id), hit.start, hit.end
            )
        return None


class HitDelegate(QStyledItemDelegate):
    """Draws a row as the style does, then its text over a highlight of the hit's letters:
    the highlight is painted under the glyphs, never set as a format, so a hit inside a word
    leaves the word's letters joined (as in the article)."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index) -> None:
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        text, item.text = item.text, ""
        widget = item.widget
        style = widget.style() if widget is not None else None
        if style is None:
            super().paint(painter, option, index)
            return
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, widget)
        box = QRectF(style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, item, widget))
        box.adjust(3, 0, -3, 0)  # the style's text margins
        layout = QTextLayout(text, item.font)
        text_option = QTextOption()
        text_option.setTextDirection(item.direction)
        right_to_left = item.direction == Qt.LayoutDirection.RightToLeft
        side = Qt.AlignmentFlag.AlignRight if right_to_left else Qt.AlignmentFlag.AlignLeft
        text_option.setAlignment(side | Qt.AlignmentFlag.AlignAbsolute)
        text_option.setWrapMode(QTextOption.WrapMode.NoWrap)
        layout.setTextOption(text_option)
        layout.beginLayout()
        line = layout.createLine()
        line.setLineWidth(box.width())
        layout.endLayout()
        origin = QPointF(box.left(), box.top() + (box.height() - line.height()) / 2)
        painter.save()
        painter.setClipRect(box)
        hit = index.data(HIT_ROLE)
        if hit and hit[1] > hit[0]:
            for run in line.glyphRuns(hit[0], hit[1] - hit[0]):
                area = run.boundingRect()
                painter.fillRect(
                    QRectF(origin.x() + area.left(), origin.y(), area.width(), line.height()),
                    HIT_COLOR,
                )
        selected = item.state & QStyle.StateFlag.State_Selected
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.setPen(item.palette.color(role))
        layout.draw(painter, origin)
        painter.restore()
