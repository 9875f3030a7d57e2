"""The list of the project's documents: filter by title, pick one to open it."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSortFilterProxyModel, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.core.changes import AnnotationChanges
from annotator.gui.models import (
    FILTER_ROLE,
    SIZED_ROWS,
    DocumentListModel,
    TextDirectionDelegate,
    filter_form,
    refit_columns,
)
from annotator.gui.workbench import Workbench

# Projects of at least this many documents filter after a pause in the typing, of this long.
FILTER_AT_ONCE = 2000
FILTER_PAUSE_MS = 250


class DocumentList(QWidget):
    """Documents with status and annotation count; the current row is the open document."""

    def __init__(self, workbench: Workbench, parent: QWidget | None = None):
        super().__init__(parent)
        self._workbench = workbench
        # True while the view's current row is moved by us rather than by the researcher.
        self._following = False

        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Filter documents…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setAccessibleName(self.tr("Filter documents by title"))

        self.model = DocumentListModel(workbench.project, workbench.annotator, self)
        # Qt sizes columns to content on a reset, not when rows come or change.
        for signal in (self.model.rowsInserted, self.model.dataChanged):
            signal.connect(lambda *_: refit_columns(self.view))
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterRole(FILTER_ROLE)
        self.proxy.setFilterKeyColumn(DocumentListModel.TITLE)

        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setItemDelegate(TextDirectionDelegate(self.view))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setTabKeyNavigation(False)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.setAccessibleName(self.tr("Documents"))
        header = self.view.horizontalHeader()
        # Sized from a screenful of rows, not from every row of a large project.
        header.setResizeContentsPrecision(SIZED_ROWS)
        # The default minimum is the font's widest glyph, which is very wide in Amiri (Arabic
        # ligatures) and would push the columns past the view's edge.
        header.setMinimumSectionSize(header.fontMetrics().horizontalAdvance("0000"))
        # Titles whole (sized to content; a stretched column cut them to two words) and last,
        # read from the right as Arabic is: status, count and the start of the title are in
        # sight, the end of a long title scrolls.
        for column in range(self.model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.moveSection(header.visualIndex(DocumentListModel.TITLE), header.count() - 1)
        self.view.setLayoutDirection(Qt.LayoutDirection.RightToLeft)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.view)
        self.setFocusProxy(self.view)

        # In a large project each key would re-filter every row: the filter waits for a pause
        # in the typing there (Enter applies it at once).
        self._filter_pause = QTimer(self)
        self._filter_pause.setSingleShot(True)
        self._filter_pause.setInterval(FILTER_PAUSE_MS)
        self._filter_pause.timeout.connect(lambda: self._filter(self.filter_edit.text()))
        self.filter_edit.textChanged.connect(self._filter_soon)
        self.filter_edit.returnPressed.connect(self._enter_list)
        self.view.selectionModel().currentRowChanged.connect(self._open_current)
        workbench.document_opened.connect(self._follow)
        # A change of annotations or status touches one document: only its row changes.
        workbench.annotations_changed.connect(self._on_annotations_changed)
        workbench.status_changed.connect(self.refresh_document)
        self._follow(workbench.document_id or "")

    def refresh(self) -> None:
        """Re-read statuses and counts (and new documents after an import)."""
        self.model.refresh()
        self._follow(self._workbench.document_id or "")

    def refresh_document(self, document_id: str) -> None:
        """Re-read one document's status and count."""
        self.model.refresh_document(document_id)

    def _on_annotations_changed(self, changes: AnnotationChanges) -> None:
        if changes.everything:
            self.model.refresh_document(changes.document_id)
            return
        # The annotator's own annotations are always shown, so `before` holds all of theirs
        # that the change touched: the count moves by the difference.
        mine = self._workbench.annotator
        added = sum(a.annotator == mine for a in changes.after)
        added -= sum(a.annotator == mine for a in changes.before)
        self.model.refresh_document(changes.document_id, added)

    def _filter_soon(self, text: str) -> None:
        if self.model.rowCount() < FILTER_AT_ONCE:
            self._filter(text)
        else:
            self._filter_pause.start()

    def _filter(self, text: str) -> None:
        self._filter_pause.stop()
        # Rows leaving the view move the current row; that must not open another document.
        self._following = True
        try:
            self.proxy.setFilterFixedString(filter_form(text))
        finally:
            self._following = False
        self._follow(self._workbench.document_id or "")

    def _enter_list(self) -> None:
        """Enter in the filter field goes to the list, on the open or else the first document."""
        if self._filter_pause.isActive():
            self._filter(self.filter_edit.text())
        self.view.setFocus()
        if not self.view.selectionModel().hasSelection() and self.proxy.rowCount():
            self.view.setCurrentIndex(self.proxy.index(0, DocumentListModel.STATUS))

    def _open_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._following or not current.isValid():
            return
        row = self.proxy.mapToSource(current).row()
        self._workbench.open_document(self.model.document_id(row))

    def _follow(self, document_id: str) -> None:
        """Select the open document's row (if the filter shows it) without reopening it."""
        row = self.model.row_of(document_id) if document_id else -1
        # The status cell is current: the view scrolls to it, not across a long title.
        index = (
            self.proxy.mapFromSource(self.model.index(row, DocumentListModel.STATUS))
            if row >= 0
            else QModelIndex()
        )
        selection = self.view.selectionModel()
        self._following = True
        try:
            if index.isValid():
                selection.setCurrentIndex(
                    index,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
                # To the row, not across to the far end of its title.
                self.view.scrollTo(index)
            else:
                selection.clear()
        finally:
            self._following = False
