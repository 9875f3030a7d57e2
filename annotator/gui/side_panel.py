"""The side panel: the open document's annotations as a table, and the form for the selected one."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.gui.attribute_editor import AttributeEditor
from annotator.gui.cached_cells import CachedCellDelegate
from annotator.gui.models import AnnotationTableModel, refit_columns
from annotator.gui.workbench import Workbench


class SidePanel(QWidget):
    """Annotation table with a layer filter above the attribute editor; both follow the workbench.

    The table's selection and the workbench's selection are one: choosing a row selects the
    annotation everywhere, and an annotation selected elsewhere is selected and scrolled to here.
    """

    # the "Pick in text" button was pressed (True) or released (False); see `show_picking`
    pick_speaker_requested = Signal(bool)

    def __init__(self, workbench: Workbench, parent: QWidget | None = None):
        super().__init__(parent)
        self._workbench = workbench
        # True while the table's selection is moved to match the workbench, not by the researcher.
        self._following = False

        self.layer_filter = QComboBox()
        self.layer_filter.addItem(self.tr("All layers"), "")
        for layer in workbench.schema.layers:
            self.layer_filter.addItem(layer.label, layer.name)
        filter_label = QLabel(self.tr("Sho&w:"))
        filter_label.setBuddy(self.layer_filter)

        self.model = AnnotationTableModel(workbench, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setItemDelegate(CachedCellDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.setAccessibleName(self.tr("Annotations"))
        header = self.table.horizontalHeader()
        # The default minimum is the font's widest glyph, which is very wide in Amiri (Arabic
        # ligatures) and would push the columns past the view's edge.
        header.setMinimumSectionSize(header.fontMetrics().horizontalAdvance("0000"))
        for column in (AnnotationTableModel.LAYER, AnnotationTableModel.ANNOTATOR):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        for column in (AnnotationTableModel.TEXT, AnnotationTableModel.DETAILS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        # Sized from the rows on screen: measuring a thousand rows after every change of a long
        # document would take longer than the change.
        header.setResizeContentsPrecision(0)

        self.editor = AttributeEditor(workbench)
        self._scroll = QScrollArea()
        self._scroll.setWidget(self.editor)
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.splitter = splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self._scroll)
        splitter.setChildrenCollapsible(False)
        # The form needs the room once an annotation is selected; the table scrolls.
        splitter.setSizes([2, 3])

        filter_row = QHBoxLayout()
        filter_row.addWidget(filter_label)
        filter_row.addWidget(self.layer_filter, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filter_row)
        layout.addWidget(splitter)

        self.layer_filter.currentIndexChanged.connect(self._filter_layer)
        self.table.selectionModel().selectionChanged.connect(self._select_from_table)
        self.model.modelReset.connect(self._follow_selection)
        # The view moves its selection to a neighbour of a removed row (ignored while the model
        # changes); the workbench's selection is put back (a row that moved is removed and
        # inserted again).
        self.model.rowsRemoved.connect(self._follow_selection)
        self.model.rowsInserted.connect(self._follow_selection)
        # Qt sizes columns to content on a reset, not when rows come or change.
        for signal in (self.model.rowsInserted, self.model.dataChanged):
            signal.connect(lambda *_: refit_columns(self.table))
        self.editor.pick_speaker_requested.connect(self.pick_speaker_requested)
        workbench.selection_changed.connect(self._follow_selection)
        workbench.visibility_changed.connect(self._show_annotator_column)
        self._show_annotator_column()
        self._follow_selection()

    def focus_table(self) -> None:
        self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_editor(self) -> None:
        """Go to the selected annotation's first attribute (F2), scrolled into view."""
        self.editor.focus_first_field()
        focused = self.editor.focusWidget()
        if focused is not None:
            self._scroll.ensureWidgetVisible(focused)

    def show_picking(self, on: bool) -> None:
        """Press or release the "Pick in text" button without asking the article view again
        (picking was started with Ctrl+L, or ended by a pick or Escape)."""
        self.editor.show_picking(on)

    def _filter_layer(self, index: int) -> None:
        self.model.set_layer_filter(self.layer_filter.itemData(index) or None)

    def _show_annotator_column(self) -> None:
        self.table.setColumnHidden(AnnotationTableModel.ANNOTATOR, not self._workbench.show_others)

    def _select_from_table(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        # An empty table selection (the row filtered away) leaves the workbench's selection.
        if self._following or self.model.changing or selected.isEmpty():
            return
        self._workbench.select(self.model.annotation_id(selected.indexes()[0].row()))

    def _follow_selection(self) -> None:
        row = self.model.row_of(self._workbench.selected_id)
        selection = self.table.selectionModel()
        self._following = True
        try:
            if row < 0:
                selection.clearSelection()
                return
            index = self.model.index(row, AnnotationTableModel.TEXT)
            selection.setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.table.scrollTo(index)
        finally:
            self._following = False
