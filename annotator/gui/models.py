"""Qt item models over the project: the document list and the open document's annotations."""

from __future__ import annotations

import itertools
import unicodedata
from collections.abc import Callable
from dataclasses import replace
from typing import Any, NamedTuple

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractListModel,
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
)

from annotator.core.arabic.text import matching_form, one_line
from annotator.core.bidi import (
    FSI,
    LRI,
    PDI,
    RLI,
    Isolated,
    compose,
    digits,
    elide_end,
    isolate,
    ltr,
    number,
)
from annotator.core.changes import AnnotationChanges
from annotator.core.columns import AnnotationColumns
from annotator.core.model import Annotation, DocumentSummary
from annotator.core.store.project import Project
from annotator.gui.language import status_word
from annotator.gui.workbench import Workbench

# A spelling- and case-insensitive form of each title, for the document filter.
FILTER_ROLE = Qt.ItemDataRole.UserRole + 1
# A value that changes whenever anything a row shows changes (None: not known), so a view may
# keep the row's cells as painted (see `cached_cells`).
CELL_KEY_ROLE = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex
ISOLATE_OPENERS = frozenset((LRI, RLI, FSI))
_ROOT = QModelIndex()


def is_right_to_left(text: str, otherwise: bool | None = None) -> bool:
    """Whether `text` is a right-to-left paragraph: its first letter with a direction, outside
    isolates (the Unicode Bidirectional Algorithm's rules P2-P3, https://www.unicode.org/
    reports/tr9/), is Arabic, Hebrew or another right-to-left one. Text with no such letter
    (numbers, or a line composed of isolated parts) takes `otherwise`; None: the interface's
    direction."""
    found = _DIRECTIONS.get(text, _UNKNOWN)
    if found is _UNKNOWN:
        found = _first_strong_direction(text)
        if len(_DIRECTIONS) >= _DIRECTIONS_KEPT:
            _DIRECTIONS.clear()
        _DIRECTIONS[text] = found
    if found is not None:
        return found
    return interface_is_right_to_left() if otherwise is None else otherwise


def _first_strong_direction(text: str) -> bool | None:
    """True: right to left, False: left to right, None: no letter with a direction outside
    isolates."""
    depth = 0
    for ch in text:
        if ch in ISOLATE_OPENERS:
            depth += 1
        elif ch == PDI:
            depth = max(0, depth - 1)
        elif depth == 0:
            direction = unicodedata.bidirectional(ch)
            if direction in ("R", "AL"):
                return True
            if direction == "L":
                return False
    return None


# The direction of texts seen, by text: each repaint of a list asks it of every visible cell.
_DIRECTIONS: dict[str, bool | None] = {}
_DIRECTIONS_KEPT = 20_000
_UNKNOWN = object()


def interface_is_right_to_left() -> bool:
    """Whether the interface is laid out right to left (the Arabic interface)."""
    return QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft


def filter_form(text: str) -> str:
    """How titles and the filter query are compared: no tashkeel or hamza variants, any case."""
    return matching_form(text).casefold()


def _text_alignment(text: str) -> Qt.AlignmentFlag:
    # Absolute, so an Arabic title sits on the right and a Latin one on the left in an English
    # view; in the Arabic interface every cell starts on the right, as the column's header.
    right = interface_is_right_to_left() or is_right_to_left(text)
    side = Qt.AlignmentFlag.AlignRight if right else Qt.AlignmentFlag.AlignLeft
    return side | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter


# Arabic in lists at this share of the article's point size: at the interface's own size the
# Arabic font's letters are much smaller than the Latin ones beside them, hard to read.
ARABIC_SHARE = 0.75


class TextDirectionDelegate(QStyledItemDelegate):
    """Lays out each cell in its own text's direction, so Arabic punctuation and quotes land
    where an Arabic reader expects them whatever the view's layout direction; Arabic cells in
    `arabic_font` when one is set (see `size_arabic`)."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.arabic_font: QFont | None = None
        # False: cells keep the view's direction (rows composed for the interface's), and
        # only the eliding is this delegate's.
        self.follow_text = True

    def initStyleOption(self, option: QStyleOptionViewItem, index: _Index) -> None:
        super().initStyleOption(option, index)
        if option.text and not self.follow_text:
            self._elide(option)
        elif option.text:
            interface_rtl = interface_is_right_to_left()
            right_to_left = is_right_to_left(option.text)
            option.direction = (
                Qt.LayoutDirection.RightToLeft if right_to_left else Qt.LayoutDirection.LeftToRight
            )
            if interface_rtl:
                # Every cell starts on the right, a Latin name as well, as the header does.
                vertical = option.displayAlignment & Qt.AlignmentFlag.AlignVertical_Mask
                option.displayAlignment = (
                    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute | vertical
                )
            # In the Arabic interface one font for the whole row: Latin cells in the view's
            # smaller font sat higher and read as a different kind of cell.
            if (right_to_left or interface_rtl) and self.arabic_font is not None:
                option.font = self.arabic_font
                option.fontMetrics = QFontMetrics(self.arabic_font)
            self._elide(option)

    @staticmethod
    def _elide(option: QStyleOptionViewItem) -> None:
        """Cut each line too wide for the cell at its logical end with "…" inside the
        isolate open there (Qt's own elision puts the mark outside: «المتحدث: …Hani»)."""
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        text = option.text
        if option.showDecorationSelected:
            # The text then has the whole cell beside the decoration, whatever its length,
            # and measuring the full text (one layout of it, shaped letter by letter) cost
            # more than the rest of the cell's painting: measured with one letter instead.
            option.text = "x"
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, widget)
        option.text = text
        width = rect.width() - 6  # the style's text margins
        if width <= 0:
            return
        key = (option.text, width, option.font.key())
        cut = _CUT.get(key, _UNKNOWN)
        if cut is _UNKNOWN:
            cut = _cut(option.text, width, option.fontMetrics)
            if len(_CUT) >= _CUT_KEPT:
                _CUT.clear()
            _CUT[key] = cut
        if cut is not None:
            option.text = cut
            option.textElideMode = Qt.TextElideMode.ElideNone


# Cells cut to fit, by (text, width, font): every repaint of a row (each edit repaints the
# side panel's visible rows) would otherwise measure each cell's text again, letter by letter.
_CUT: dict[tuple[str, int, str], str | None] = {}
_CUT_KEPT = 20_000


def _cut(text: str, width: int, metrics: QFontMetrics) -> str | None:
    """`text` with each line too wide for `width` pixels cut at its logical end, or None when
    every line fits."""
    lines = text.split("\n")
    if all(metrics.horizontalAdvance(line) <= width for line in lines):
        return None
    return "\n".join(
        elide_end(line, lambda t: metrics.horizontalAdvance(t) <= width) for line in lines
    )


def size_arabic(view: QAbstractItemView, article_point_size: float) -> None:
    """Show the Arabic cells of `view` (whose delegate is a TextDirectionDelegate) at
    ARABIC_SHARE of the article's point size, never smaller than the view's own font; rows
    grow to fit it and columns sized to content are measured again."""
    delegate = view.itemDelegate()
    if not isinstance(delegate, TextDirectionDelegate):
        return
    font = QFont(view.font())
    font.setPointSizeF(max(view.font().pointSizeF(), article_point_size * ARABIC_SHARE))
    delegate.arabic_font = font
    if isinstance(view, QTableView):
        view.verticalHeader().setDefaultSectionSize(row_height(font))
        refit_columns(view)
    view.viewport().update()


# Letters as tall and as deep as cells hold: shadda with a vowel above, kasra below, Latin
# capitals with accents and descenders, digits.
_TALLEST = "إِنَّ المُتَّحِدَةَ قالتْ «لَيْسَ» ÁÉgjy ٢٠٢٤"


def row_height(font: QFont) -> int:
    """Pixels for one line of `font` in a table row: what its letters cover, not the font's
    line height, with a margin. Noto Sans Arabic reserves room for stacked Quranic marks
    (its line is 36 px at 12.75 pt, its news text 20 px), which made Arabic rows twice as
    tall as English ones."""
    metrics = QFontMetrics(font)
    return min(metrics.height(), metrics.tightBoundingRect(_TALLEST).height()) + 4


# Rows a table sized to its contents measures per column. A positive bound: with 0 ("the
# rows on screen") Qt measures every row of a view that is not visible yet, which at start-up
# (the document list of a 50,000-document project) or on a hidden tab (a confusion matrix of
# hundreds of entities) was every cell of every column.
SIZED_ROWS = 64


def refit_columns(view: QTableView) -> None:
    """Measure the columns sized to content again. Qt does it when the model is reset, not
    when rows are inserted: a first annotation left the Layer column as wide as the empty one,
    its label hidden behind the colour swatch. Setting a section's mode again makes the
    header resize its sections on its next layout.

    A hidden view (its tab not in front) is measured when it is shown again: hidden, Qt
    measures every row instead of the visible ones (`QTableView.sizeHintForColumn`), which
    made each edit of a 20,000-annotation document cost a second behind the Suggestions tab."""
    if not view.isVisible():
        _RefitWhenShown.attach(view)
        return
    header = view.horizontalHeader()
    for column in range(header.count()):
        if header.sectionResizeMode(column) == QHeaderView.ResizeMode.ResizeToContents:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)


class _RefitWhenShown(QObject):
    """Refits a hidden view's columns once it is shown (one per view, gone after)."""

    def __init__(self, view: QTableView):
        super().__init__(view)
        view.installEventFilter(self)

    @classmethod
    def attach(cls, view: QTableView) -> None:
        if view.findChild(cls, "", Qt.FindChildOption.FindDirectChildrenOnly) is None:
            cls(view)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Show and isinstance(watched, QTableView):
            watched.removeEventFilter(self)
            self.setParent(None)
            refit_columns(watched)
        return False


class DocumentListModel(QAbstractTableModel):
    """The project's documents in import order with the annotator's status and count."""

    TITLE, STATUS, ANNOTATIONS = range(3)
    _HEADERS = (
        QT_TRANSLATE_NOOP("DocumentListModel", "Title"),
        QT_TRANSLATE_NOOP("DocumentListModel", "Status"),
        QT_TRANSLATE_NOOP("DocumentListModel", "Annotations"),
    )

    def __init__(self, project: Project, annotator: str, parent: QObject | None = None):
        super().__init__(parent)
        self._project = project
        self._annotator = annotator
        # Without lengths: a project's every text is not read to open it (`text_length`).
        self._documents: list[DocumentSummary] = project.documents(annotator, lengths=False)
        self._rows: dict[str, int] | None = None  # document id -> row, made when first needed
        self._lengths: dict[str, int] = {}  # of the documents whose tip was shown
        # row -> the title's filter form, made once per row (a title never changes): each
        # key typed in the filter asks every row for it.
        self._filter_forms: dict[int, str] = {}

    def refresh(self) -> None:
        """Re-read the list; when the same documents remain, rows stay and only values change."""
        documents = self._project.documents(self._annotator, lengths=False)
        if [d.id for d in documents] != [d.id for d in self._documents]:
            self.beginResetModel()
            self._documents = documents
            self._rows = None
            self._filter_forms.clear()
            self.endResetModel()
            return
        old, self._documents = self._documents, documents
        for row, (before, after) in enumerate(zip(old, documents, strict=True)):
            if before != after:
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(self._HEADERS) - 1))

    def refresh_document(self, document_id: str, added: int | None = None) -> None:
        """Re-read one document's status, and its annotation count unless the caller knows
        how many annotations were `added` (negative: removed). Its title and text never
        change (and reading the length of a long text costs more than the rest)."""
        row = self.row_of(document_id)
        if row < 0:
            self.refresh()
            return
        old = self._documents[row]
        count = (
            old.annotation_count + added
            if added is not None
            else self._project.annotation_count(document_id, self._annotator)
        )
        new = replace(
            old, status=self._project.status(document_id, self._annotator), annotation_count=count
        )
        if new != old:
            self._documents[row] = new
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self._HEADERS) - 1))

    def document_id(self, row: int) -> str:
        return self._documents[row].id

    def row_of(self, document_id: str) -> int:
        """The row of a document, or -1 when it is not in the project."""
        if self._rows is None:
            self._rows = {d.id: row for row, d in enumerate(self._documents)}
        return self._rows.get(document_id, -1)

    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._documents)

    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(type(self).__name__, self._HEADERS[section])
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
                return status_word(document.status)
            count = document.annotation_count
            return count if digits() == "western" else number(count)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column == self.TITLE:
                return _text_alignment(document.title)
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.ToolTipRole and column == self.TITLE:
            return compose(
                self.tr("%1\n%2 · %n character(s)", "", self._length(document.id)),
                document.title,
                ltr(document.id),
            )
        if role == FILTER_ROLE:
            row = index.row()
            form = self._filter_forms.get(row)
            if form is None:
                form = self._filter_forms[row] = filter_form(document.title)
            return form
        return None

    def _length(self, document_id: str) -> int:
        if document_id not in self._lengths:
            self._lengths[document_id] = self._project.text_length(document_id)
        return self._lengths[document_id]


class AnnotationTableModel(QAbstractTableModel):
    """The open document's visible annotations in reading order, optionally of one layer.

    The rows are columns of spans (`AnnotationColumns`, a copy of the workbench's): a row's
    annotation is built, and its details worked out, when the view first asks for it, so
    `rowCount` of 400,000 rows builds none. Rows follow the workbench's changes one at a time
    (inserted, removed or repainted): a document of 400,000 annotations opens and edits about
    as quickly as a short one.
    """

    # Rows built at once when the view asks for one not built yet (one query for them all).
    BATCH = 64
    # Rows whose cells are kept: a few screens' worth, whatever the document's length.
    CELLS_KEPT = 5_000

    LAYER, TEXT, DETAILS, ANNOTATOR = range(4)
    _HEADERS = (
        QT_TRANSLATE_NOOP("AnnotationTableModel", "Layer"),
        QT_TRANSLATE_NOOP("AnnotationTableModel", "Text"),
        QT_TRANSLATE_NOOP("AnnotationTableModel", "Details"),
        QT_TRANSLATE_NOOP("AnnotationTableModel", "Annotator"),
    )

    def __init__(self, workbench: Workbench, parent: QObject | None = None):
        super().__init__(parent)
        self._workbench = workbench
        self._layer: str | None = None
        self._rows = AnnotationColumns()
        # annotation id -> what its row shows, worked out when a view first asks for the row
        # and kept until the annotation (or one it links to) changes: a repaint of the visible
        # rows after an edit asks each cell for seven roles.
        self._cells: dict[str, _RowCells] = {}
        # True while rows are inserted or removed: what views do meanwhile is not the user's.
        self.changing = False
        self._reload()
        workbench.annotations_changed.connect(self._on_annotations_changed)
        workbench.document_opened.connect(self._reload)
        workbench.visibility_changed.connect(self._reload)

    def set_layer_filter(self, layer: str | None) -> None:
        """Show only annotations of `layer` (None: every visible layer)."""
        if layer != self._layer:
            self._layer = layer
            self._reload()

    def annotation(self, row: int) -> Annotation:
        rows = self._rows
        if rows.ids[row] not in rows.cache:
            rows.build(range(row, min(row + self.BATCH, len(rows))))
        return rows.annotation(row)

    def annotation_id(self, row: int) -> str:
        return self._rows.ids[row]

    def row_of(self, annotation_id: str | None) -> int:
        """The row of an annotation, or -1 when it is not shown."""
        return self._rows.locate(annotation_id)

    def _shows(self, annotation: Annotation) -> bool:
        return (
            self._workbench.shows(annotation)
            and annotation.layer not in self._workbench.hidden_layers
            and (self._layer is None or annotation.layer == self._layer)
        )

    def _reload(self) -> None:
        chosen = self._layer
        rows = self._workbench.visible_columns().subset(
            lambda layer, _who: chosen is None or layer == chosen
        )
        self._cells.clear()
        if rows.ids != self._rows.ids:
            self.beginResetModel()
            self._rows = rows
            self.endResetModel()
        else:
            # The same rows with other values (read again after a review): repaint them all,
            # without a reset that would drop the view's selection and scroll position.
            self._rows = rows
            if len(rows):
                last = self.index(len(rows) - 1, len(self._HEADERS) - 1)
                self.dataChanged.emit(self.index(0, 0), last)

    def _on_annotations_changed(self, changes: AnnotationChanges) -> None:
        if changes.document_id != self._workbench.document_id:
            return
        if changes.everything:
            self._reload()
            return
        self.changing = True
        try:
            self._apply(changes)
        finally:
            self.changing = False

    def _apply(self, changes: AnnotationChanges) -> None:
        was = {a.id: a for a in changes.before}
        now = {a.id: a for a in changes.after if self._shows(a)}
        edited = []
        for annotation_id in sorted(changes.ids):
            self._cells.pop(annotation_id, None)
            old, new = was.get(annotation_id), now.get(annotation_id)
            # Found where the workbench showed it: the rows are a part of what it shows.
            row = self._rows.find(annotation_id, old.start) if old else -1
            if row >= 0 and new is not None and self._rows.replace(new):
                edited.append(new)  # in the same place: the row is only repainted
                continue
            if row >= 0:
                self.beginRemoveRows(_ROOT, row, row)
                self._rows.remove_row(row)
                self.endRemoveRows()
            if new is not None:
                row = self._rows.place(new)
                self.beginInsertRows(_ROOT, row, row)
                self._rows.insert(new)
                self.endInsertRows()
        for new in edited:
            row = self._rows.find(new.id, new.start)
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self._HEADERS) - 1))

    def _values(self, annotation: Annotation) -> list[tuple[str, str, str]]:
        """(attribute name, type, shown value) for each attribute, in schema order."""
        layer = self._workbench.schema.layer(annotation.layer)
        values: list[tuple[str, str, str]] = []
        for attribute in layer.attributes:
            if attribute.type == "entity":
                value = annotation.entity.name if annotation.entity else ""
            elif attribute.type == "link":
                linked = self._workbench.annotation(annotation.link_id)
                value = _mention(linked) if linked else ""
            else:
                value = str(annotation.attributes.get(attribute.name, ""))
                if attribute.type == "choice" and value:
                    value = attribute.value_label(value)
            values.append((attribute.label or attribute.name, attribute.type, value))
        return values

    def _row_cells(self, row: int) -> _RowCells:
        """What a row shows, worked out once per revision of its annotation."""
        rows = self._rows
        annotation_id, revision = rows.ids[row], rows.revisions[row]
        found = self._cells.get(annotation_id)
        if found is not None and found.revision == revision:
            return found
        annotation = self.annotation(row)
        values = self._values(annotation)
        layer = self._workbench.schema.layer(annotation.layer)
        displays = (
            layer.label,
            one_line(annotation.text),
            self._describe(annotation, values),
            annotation.annotator,
        )
        found = _RowCells(
            serial=next(_SERIALS),
            revision=revision,
            displays=displays,
            alignments=(None, _text_alignment(displays[1]), _text_alignment(displays[2]), None),
            colour=QColor(layer.color),
            tooltip=self._tooltip(annotation, values),
            editable=self._workbench.is_editable(annotation),
        )
        if len(self._cells) >= self.CELLS_KEPT:
            self._cells.clear()
        self._cells[annotation_id] = found
        return found

    def _describe(self, annotation: Annotation, values: list[tuple[str, str, str]]) -> str:
        parts = []
        for name, type_, value in values:
            if value:
                parts.append(
                    isolate(value)
                    if type_ in ("entity", "choice")
                    else compose(self.tr("%1: %2"), name, value)
                )
        layer = self._workbench.schema.layer(annotation.layer)
        parts.extend(
            compose(
                self.tr("%1 (%2)", "a stance: its target (its value)"),
                s.target,
                layer.stance_label(s.value),
            )
            for s in annotation.stances
        )
        return self.tr(" · ").join(parts)

    def _tooltip(self, annotation: Annotation, values: list[tuple[str, str, str]]) -> str:
        layer = self._workbench.schema.layer(annotation.layer)
        lines = [
            compose(self.tr("%1 by %2"), layer.label, annotation.annotator),
            isolate(one_line(annotation.text, 200)),
        ]
        lines += [compose(self.tr("%1: %2"), name, value or "—") for name, _, value in values]
        if layer.has_stance:
            stances = self.tr(", ").join(
                compose(
                    self.tr("%1 (%2)", "a stance: its target (its value)"),
                    s.target,
                    layer.stance_label(s.value),
                )
                for s in annotation.stances
            )
            lines.append(compose(self.tr("stances: %1"), Isolated(stances or "—")))
        return "\n".join(lines)

    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(type(self).__name__, self._HEADERS[section])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _TABLE_ROLES or not index.isValid():
            return None
        cells = self._row_cells(index.row())
        column = index.column()
        if role == _DISPLAY:
            return cells.displays[column]
        if role == _ALIGNMENT:
            return cells.alignments[column]
        if role == _TOOLTIP:
            return cells.tooltip
        if role == _DECORATION:
            return cells.colour if column == self.LAYER else None
        if role == _CELL_KEY:
            return cells.serial
        if cells.editable:
            return None
        # Read each time: the palette follows the system's theme.
        return QGuiApplication.palette().color(
            QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text
        )


class _RowCells(NamedTuple):
    """What one row of the annotation table shows, as of its annotation's `revision`: each
    column's text and alignment (None: the view's), the layer's colour, the tooltip, and
    whether it is the annotator's own (others' rows are greyed)."""

    serial: int  # one number per row's cells ever worked out: the row's `CELL_KEY_ROLE`
    revision: int
    displays: tuple[str, str, str, str]
    alignments: tuple[Qt.AlignmentFlag | None, ...]
    colour: QColor
    tooltip: str
    editable: bool


# The roles the annotation table answers, as plain numbers: a view asks each cell for seven
# roles on every repaint, and reading a role from Qt's enum costs more than the answer.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole.value)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
_DECORATION = int(Qt.ItemDataRole.DecorationRole.value)
_CELL_KEY = int(CELL_KEY_ROLE)
_TABLE_ROLES = frozenset(
    (_DISPLAY, _ALIGNMENT, _TOOLTIP, _DECORATION, _CELL_KEY, int(Qt.ItemDataRole.ForegroundRole))
)
_SERIALS = itertools.count()


class MentionList(QAbstractListModel):
    """The mentions a claim can link to, after a first row "(none)"; each row's label is made
    when a view first shows it. The item data (UserRole) is the mention's id ("" for none)."""

    def __init__(self, label: Callable[[Annotation], str], parent: QObject | None = None):
        super().__init__(parent)
        self._label = label
        self._mentions = AnnotationColumns()
        self._labels: dict[int, str] = {}

    def set_mentions(self, mentions: AnnotationColumns) -> None:
        """List these mentions (read again: they may have changed since)."""
        self.beginResetModel()
        self._mentions = mentions
        self._labels = {}
        self.endResetModel()

    def row_of(self, mention_id: str | None) -> int:
        """The row of a mention; 0, the "(none)" row, for no mention or one not listed."""
        return self._mentions.locate(mention_id) + 1

    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._mentions) + 1

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = index.row()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):  # cut when shown
            if row == 0:
                return self.tr("(none)")
            if row not in self._labels:
                self._labels[row] = self._label(self._mentions.annotation(row - 1))
            return self._labels[row]
        if role == Qt.ItemDataRole.UserRole:
            return self._mentions.ids[row - 1] if row else ""
        return None


def _mention(annotation: Annotation) -> str:
    """How a linked speaker mention is named: its entity, else its words."""
    return annotation.entity.name if annotation.entity else one_line(annotation.text, 40)
