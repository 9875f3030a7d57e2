"""Qt models of a review: the compared pairs, one pair's fields side by side, and the merge
conflicts of the document (ours against theirs)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from annotator.core.arabic.text import one_line
from annotator.core.bidi import compose, ltr
from annotator.core.errors import AnnotatorError
from annotator.core.model import Annotation
from annotator.core.review.adjudication import Comparison, ReviewItem
from annotator.core.review.conflicts import Conflict
from annotator.core.schema import LabelSchema


def _translated(text: str) -> str:
    """`text`, marked for translation elsewhere (QT_TRANSLATE_NOOP), in the interface language."""
    return QCoreApplication.translate("Review", text)


_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
_KIND_LABELS = {
    "only_a": QT_TRANSLATE_NOOP("Review", "only A"),
    "only_b": QT_TRANSLATE_NOOP("Review", "only B"),
    "boundary": QT_TRANSLATE_NOOP("Review", "boundary"),
    "attributes": QT_TRANSLATE_NOOP("Review", "attributes"),
    "agreement": QT_TRANSLATE_NOOP("Review", "agree"),
}
# Words of the review shown as they come from the core: fields that differ, decisions.
_WORDS = {
    "span": QT_TRANSLATE_NOOP("Review", "span"),
    "entity": QT_TRANSLATE_NOOP("Review", "entity"),
    "link": QT_TRANSLATE_NOOP("Review", "link"),
    "stances": QT_TRANSLATE_NOOP("Review", "stances"),
    "layer": QT_TRANSLATE_NOOP("Review", "layer"),
    "attributes": QT_TRANSLATE_NOOP("Review", "attributes"),
    "deleted": QT_TRANSLATE_NOOP("Review", "deleted"),
    "accepted": QT_TRANSLATE_NOOP("Review", "accepted"),
    "edited": QT_TRANSLATE_NOOP("Review", "edited"),
    "rejected": QT_TRANSLATE_NOOP("Review", "rejected"),
    "open": QT_TRANSLATE_NOOP("Review", "open"),
}
# The rows of the aligned fields (an attribute's row is named by its label).
_FIELDS = {
    "Span": QT_TRANSLATE_NOOP("Review", "Span"),
    "Text": QT_TRANSLATE_NOOP("Review", "Text"),
    "Entity": QT_TRANSLATE_NOOP("Review", "Entity"),
    "Link": QT_TRANSLATE_NOOP("Review", "Link"),
    "Stances": QT_TRANSLATE_NOOP("Review", "Stances"),
    "Deleted": QT_TRANSLATE_NOOP("Review", "Deleted"),
    "yes": QT_TRANSLATE_NOOP("Review", "yes"),
}


def word(text: str) -> str:
    """A word of the review ("span", "accepted", an attribute name) in the interface's words."""
    return _translated(_WORDS[text]) if text in _WORDS else text


def _words(items, schema: LabelSchema | None = None) -> str:
    """Words of the review joined; an attribute's name shown as its label in `schema`."""
    labels = (
        {a.name: a.label for layer in schema.layers for a in layer.attributes} if schema else {}
    )
    return QCoreApplication.translate("Review", ", ").join(
        word(x) if x in _WORDS else labels.get(x, x) for x in items
    )


def _named(differences: list[str], ours: Annotation | None, theirs: Annotation | None):
    """`differences` with "attributes" replaced by the names of the attributes that differ."""
    if "attributes" not in differences or ours is None or theirs is None:
        return differences
    names = sorted(
        n
        for n in set(ours.attributes) | set(theirs.attributes)
        if ours.attributes.get(n) != theirs.attributes.get(n)
    )
    at = differences.index("attributes")
    return [*differences[:at], *names, *differences[at + 1 :]]


DIFFERENT = QColor("#ffd9a8")
OPEN = QColor("#fff1e0")


class _RowsModel(QAbstractTableModel):
    """A table of `_rows` under the column titles `HEADERS`."""

    HEADERS: tuple[str, ...] = ()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list = []
        # The schema as the interface shows it (labels); set by the window.
        self.schema: LabelSchema | None = None

    def layer_label(self, layer: str) -> str:
        try:
            return self.schema.layer(layer).label if self.schema else layer
        except AnnotatorError:
            return layer

    def rowCount(self, parent: _Index = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("Review", self.HEADERS[section])
        return None


class _FieldsModel(_RowsModel):
    """Fields side by side (name, first, second, ...), rows where the first two differ marked."""

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row[index.column()]
        if role == Qt.ItemDataRole.BackgroundRole and index.column() in (1, 2):
            return DIFFERENT if row[1] != row[2] else None
        return None

    def differing_fields(self) -> list[str]:
        return [row[0] for row in self._rows if row[1] != row[2]]


class ReviewItemsModel(_RowsModel):
    """The pairs of a comparison in reading order: disagreements only, or everything."""

    HEADERS = (
        QT_TRANSLATE_NOOP("Review", "Kind"),
        QT_TRANSLATE_NOOP("Review", "Layer"),
        QT_TRANSLATE_NOOP("Review", "A"),
        QT_TRANSLATE_NOOP("Review", "B"),
        QT_TRANSLATE_NOOP("Review", "Differs in"),
        QT_TRANSLATE_NOOP("Review", "Decision"),
    )

    def __init__(self, parent=None):
        super().__init__(parent)
        self._all: list[ReviewItem] = []
        self.disagreements_only = True
        # sources -> position in `_all`, and in the rows shown
        self._all_index: dict[tuple[str, ...], int] = {}
        self._row_index: dict[tuple[str, ...], int] = {}

    def set_comparison(self, comparison: Comparison | None) -> None:
        self._all = list(comparison.items) if comparison else []
        self._all_index = {item.sources: n for n, item in enumerate(self._all)}
        self._filter()

    def update_items(self, items: list[ReviewItem]) -> None:
        """Show new versions of some items (a decision made or withdrawn: what differs and
        whether it is a disagreement are unchanged, so no row moves); each row repainted."""
        last = len(self.HEADERS) - 1
        for item in items:
            position = self._all_index.get(item.sources)
            if position is None:
                continue
            self._all[position] = item
            row = self._row_index.get(item.sources)
            if row is not None:
                self._rows[row] = item
                self.dataChanged.emit(self.index(row, 0), self.index(row, last))

    def set_disagreements_only(self, only: bool) -> None:
        self.disagreements_only = only
        self._filter()

    def _filter(self) -> None:
        self.beginResetModel()
        self._rows = [i for i in self._all if i.is_disagreement or not self.disagreements_only]
        self._row_index = {item.sources: n for n, item in enumerate(self._rows)}
        self.endResetModel()

    def item(self, row: int) -> ReviewItem | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, sources: tuple[str, ...] | None) -> int:
        return self._row_index.get(sources, -1) if sources is not None else -1

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        item = self.item(index.row())
        if item is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            a, b = item.a, item.b
            return (
                _translated(_KIND_LABELS[item.kind]),
                self.layer_label(item.layer),
                one_line(a.text, 60) if a else "—",
                one_line(b.text, 60) if b else "—",
                _words(item.differences, self.schema),
                word(item.decision or ("open" if item.is_open else "")),
            )[column]
        if role == Qt.ItemDataRole.BackgroundRole and item.is_open:
            return OPEN
        if role == Qt.ItemDataRole.ToolTipRole and column in (2, 3):
            side = item.a if column == 2 else item.b
            return side.text if side else None
        return None


def _fields(
    annotation: Annotation | None,
    links: dict[str, Annotation],
    schema: LabelSchema | None = None,
) -> dict[str, str]:
    """The fields of `annotation` shown in a review, by their shown names (attributes by their
    labels in `schema`, values by their value labels)."""
    if annotation is None:
        return {}
    fields = {
        _translated(_FIELDS["Span"]): compose(
            QCoreApplication.translate("Review", "%1–%2"), annotation.start, annotation.end
        ),
        _translated(_FIELDS["Text"]): one_line(annotation.text, 200),
        _translated(_FIELDS["Entity"]): annotation.entity.name if annotation.entity else "",
    }
    try:
        layer = schema.layer(annotation.layer) if schema else None
    except AnnotatorError:
        layer = None
    for name, value in sorted(annotation.attributes.items()):
        attribute = layer.attribute(name) if layer else None
        if attribute is not None and attribute.label != attribute.name:
            fields[attribute.label] = attribute.value_label(str(value))
        else:
            fields[name.capitalize()] = str(value)
    linked = links.get(annotation.link_id or "")
    fields[_translated(_FIELDS["Link"])] = one_line(linked.text, 40) if linked else ""
    fields[_translated(_FIELDS["Stances"])] = QCoreApplication.translate("Review", "; ").join(
        compose(
            QCoreApplication.translate("Review", "%1: %2"),
            s.target,
            layer.stance_label(s.value) if layer else s.value,
        )
        for s in annotation.stances
    )
    return fields


class ReviewDetailsModel(_FieldsModel):
    """One pair aligned field by field: A, B and the gold decision; differing rows marked."""

    HEADERS = (
        QT_TRANSLATE_NOOP("Review", "Field"),
        QT_TRANSLATE_NOOP("Review", "A"),
        QT_TRANSLATE_NOOP("Review", "B"),
        QT_TRANSLATE_NOOP("Review", "Gold"),
    )

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[tuple[str, str, str, str]] = []

    def show(
        self, item: ReviewItem | None, gold: Annotation | None, links: dict[str, Annotation]
    ) -> None:
        self.beginResetModel()
        self._rows = []
        if item is not None:
            a, b, g = (_fields(x, links, self.schema) for x in (item.a, item.b, gold))
            names = list(dict.fromkeys([*a, *b, *g]))
            entity = _translated(_FIELDS["Entity"])
            names = [n for n in names if n != entity or any(x.get(n) for x in (a, b, g))]
            self._rows = [(n, a.get(n, ""), b.get(n, ""), g.get(n, "")) for n in names]
        self.endResetModel()


class ConflictsModel(_RowsModel):
    """The open merge conflicts of a document: whose annotation, and what differs."""

    HEADERS = (
        QT_TRANSLATE_NOOP("Review", "Annotator"),
        QT_TRANSLATE_NOOP("Review", "Layer"),
        QT_TRANSLATE_NOOP("Review", "Text"),
        QT_TRANSLATE_NOOP("Review", "Differs in"),
        QT_TRANSLATE_NOOP("Review", "Their file"),
    )

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[tuple[Conflict, Annotation | None, list[str]]] = []

    def set_conflicts(self, rows: list[tuple[Conflict, Annotation | None, list[str]]]) -> None:
        """Rows of (conflict, our current annotation or None, the fields that differ)."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def conflict(self, row: int) -> Conflict | None:
        return self._rows[row][0] if 0 <= row < len(self._rows) else None

    def ours(self, row: int) -> Annotation | None:
        return self._rows[row][1] if 0 <= row < len(self._rows) else None

    def row_of(self, conflict_id: str | None) -> int:
        return next((n for n, r in enumerate(self._rows) if r[0].id == conflict_id), -1)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        conflict, ours, differences = self._rows[index.row()]
        shown = ours or conflict.theirs
        return (
            conflict.annotator,
            self.layer_label(shown.layer) if shown else "",
            one_line(shown.text, 60) if shown else "",
            _words(_named(differences, ours, conflict.theirs), self.schema),
            ltr(Path(conflict.source).name),
        )[index.column()]


class ConflictFieldsModel(_FieldsModel):
    """Our version and theirs side by side, field by field; differing rows marked."""

    HEADERS = (
        QT_TRANSLATE_NOOP("Review", "Field"),
        QT_TRANSLATE_NOOP("Review", "Ours"),
        QT_TRANSLATE_NOOP("Review", "Theirs"),
    )

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[tuple[str, str, str]] = []

    def show(
        self,
        ours: Annotation | None,
        theirs: Annotation | None,
        links: dict[str, Annotation],
        shown: bool = True,
    ) -> None:
        """`shown` False: nothing to show (no conflict selected)."""
        self.beginResetModel()
        self._rows = []
        if shown:
            a, b = _fields(ours, links, self.schema), _fields(theirs, links, self.schema)
            yes = _translated(_FIELDS["yes"])
            self._rows = [
                (_translated(_FIELDS["Deleted"]), "" if ours else yes, "" if theirs else yes)
            ]
            self._rows += [(n, a.get(n, ""), b.get(n, "")) for n in dict.fromkeys([*a, *b])]
        self.endResetModel()
