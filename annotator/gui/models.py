"""Qt item models over the project: the document list and the open document's annotations."""

from __future__ import annotations

import unicodedata
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from annotator.core.model import Annotation, DocumentSummary
from annotator.core.project import Project
from annotator.core.text import matching_form, one_line
from annotator.gui.workbench import Workbench

STATUS_WORDS = {"todo": "todo", "in_progress": "in progress", "done": "done"}

# A spelling- and case-insensitive form of each title, for the document filter.
FILTER_ROLE = Qt.ItemDataRole.UserRole + 1

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


def is_right_to_left(text: str) -> bool:
    """Whether the first letter with a direction is Arabic, Hebrew or another right-to-left one."""
    for ch in text:
        direction = unicodedata.bidirectional(ch)
        if direction in ("R", "AL"):
            return True
        if direction == "L":
            return False
    return False


def filter_form(text: str) -> str:
    """How titles and the filter query are compared: no tashkeel or hamza variants, any case."""
    return matching_form(text).casefold()


def _text_alignment(text: str) -> Qt.AlignmentFlag:
    # Absolute, so an Arabic title sits on the right and a Latin one on the left in any view.
    side = Qt.AlignmentFlag.AlignRight if is_right_to_left(text) else Qt.AlignmentFlag.AlignLeft
    return side | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter


class TextDirectionDelegate(QStyledItemDelegate):
    """Lays out each cell in its own text's direction, so Arabic punctuation and quotes land
    where an Arabic reader expects them whatever the view's layout direction."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: _Index) -> None:
        super().initStyleOption(option, index)
        if option.text:
            option.direction = (
                Qt.LayoutDirection.RightToLeft
                if is_right_to_left(option.text)
                else Qt.LayoutDirection.LeftToRight
            )


class DocumentListModel(QAbstractTableModel):
    """The project's documents in import order with the annotator's status and count."""

    TITLE, STATUS, ANNOTATIONS = range(3)
    _HEADERS = ("Title", "Status", "Annotations")

    def __init__(self, project: Project, annotator: str, parent: QObject | None = None):
        super().__init__(parent)
        self._project = project
        self._annotator = annotator
        self._documents: list[DocumentSummary] = project.documents(annotator)

    def refresh(self) -> None:
        """Re-read the list; when the same documents remain, rows stay and only values change."""
        documents = self._project.documents(self._annotator)
        if [d.id for d in documents] != [d.id for d in self._documents]:
            self.beginResetModel()
            self._documents = documents
            self.endResetModel()
            return
        old, self._documents = self._documents, documents
        for row, (before, after) in enumerate(zip(old, documents, strict=True)):
            if before != after:
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(self._HEADERS) - 1))

    def document_id(self, row: int) -> str:
        return self._documents[row].id

    def row_of(self, document_id: str) -> int:
        """The row of a document, or -1 when it is not in the project."""
        return next((i for i, d in enumerate(self._documents) if d.id == document_id), -1)

    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._documents)

    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._HEADERS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        document = self._documents[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.TITLE:
                return document.title
            if column == self.STATUS:
                return STATUS_WORDS.get(document.status, document.status)
            return document.annotation_count
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column == self.TITLE:
                return _text_alignment(document.title)
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.ToolTipRole and column == self.TITLE:
            return f"{document.title}\n{document.id} · {document.length:,} characters"
        if role == FILTER_ROLE:
            return filter_form(document.title)
        return None


class AnnotationTableModel(QAbstractTableModel):
    """The open document's visible annotations in reading order, optionally of one layer."""

    LAYER, TEXT, DETAILS, ANNOTATOR = range(4)
    _HEADERS = ("Layer", "Text", "Details", "Annotator")

    def __init__(self, workbench: Workbench, parent: QObject | None = None):
        super().__init__(parent)
        self._workbench = workbench
        self._layer: str | None = None
        self._annotations: list[Annotation] = []
        self._details: list[str] = []
        self._tooltips: list[str] = []
        self._reload()
        workbench.annotation_changed.connect(self._on_annotation_changed)
        workbench.document_opened.connect(self._reload)
        workbench.visibility_changed.connect(self._reload)

    def set_layer_filter(self, layer: str | None) -> None:
        """Show only annotations of `layer` (None: every visible layer)."""
        if layer != self._layer:
            self._layer = layer
            self._reload()

    def annotation(self, row: int) -> Annotation:
        return self._annotations[row]

    def annotation_id(self, row: int) -> str:
        return self._annotations[row].id

    def row_of(self, annotation_id: str | None) -> int:
        """The row of an annotation, or -1 when it is not shown."""
        return next((i for i, a in enumerate(self._annotations) if a.id == annotation_id), -1)

    def _on_annotation_changed(self, document_id: str, _annotation_id: str) -> None:
        if document_id == self._workbench.document_id:
            self._reload()

    def _reload(self) -> None:
        annotations = [
            a
            for a in self._workbench.visible_annotations()
            if self._layer is None or a.layer == self._layer
        ]
        by_id = {a.id: a for a in self._workbench.annotations()}
        same_rows = [a.id for a in annotations] == [a.id for a in self._annotations]
        if not same_rows:
            self.beginResetModel()
        self._annotations = annotations
        self._details = [self._describe(a, by_id) for a in annotations]
        self._tooltips = [self._tooltip(a, by_id) for a in annotations]
        if not same_rows:
            self.endResetModel()
        elif annotations:
            # A claim's details show its speaker, so any change may touch any row: repaint all,
            # without a reset that would drop the view's selection and scroll position.
            last = self.index(len(annotations) - 1, len(self._HEADERS) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def _values(
        self, annotation: Annotation, by_id: dict[str, Annotation]
    ) -> list[tuple[str, str, str]]:
        """(attribute name, type, shown value) for each attribute, in schema order."""
        layer = self._workbench.schema.layer(annotation.layer)
        values: list[tuple[str, str, str]] = []
        for attribute in layer.attributes:
            if attribute.type == "entity":
                value = annotation.entity.name if annotation.entity else ""
            elif attribute.type == "link":
                linked = by_id.get(annotation.link_id or "")
                value = _mention(linked) if linked else ""
            else:
                value = str(annotation.attributes.get(attribute.name, ""))
            values.append((attribute.name, attribute.type, value))
        return values

    def _describe(self, annotation: Annotation, by_id: dict[str, Annotation]) -> str:
        parts = []
        for name, type_, value in self._values(annotation, by_id):
            if value:
                parts.append(value if type_ in ("entity", "choice") else f"{name}: {value}")
        parts.extend(f"{s.target}: {s.value}" for s in annotation.stances)
        return " · ".join(parts)

    def _tooltip(self, annotation: Annotation, by_id: dict[str, Annotation]) -> str:
        layer = self._workbench.schema.layer(annotation.layer)
        lines = [f"{layer.label} by {annotation.annotator}", one_line(annotation.text, 200)]
        lines += [f"{name}: {value or '—'}" for name, _, value in self._values(annotation, by_id)]
        if layer.has_stance:
            stances = ", ".join(f"{s.target}: {s.value}" for s in annotation.stances)
            lines.append(f"stances: {stances or '—'}")
        return "\n".join(lines)

    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._annotations)

    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._HEADERS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        annotation = self._annotations[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.DecorationRole and column == self.LAYER:
            return QColor(self._workbench.schema.layer(annotation.layer).color)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltips[row]
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.TEXT, self.DETAILS):
            return _text_alignment(self._display(row, column))
        if role == Qt.ItemDataRole.ForegroundRole and not self._workbench.is_editable(annotation):
            return QGuiApplication.palette().color(
                QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text
            )
        return None

    def _display(self, row: int, column: int) -> str:
        annotation = self._annotations[row]
        if column == self.LAYER:
            return self._workbench.schema.layer(annotation.layer).label
        if column == self.TEXT:
            return one_line(annotation.text)
        if column == self.DETAILS:
            return self._details[row]
        return annotation.annotator


def _mention(annotation: Annotation) -> str:
    """How a linked speaker mention is named: its entity, else its words."""
    return annotation.entity.name if annotation.entity else one_line(annotation.text, 40)
