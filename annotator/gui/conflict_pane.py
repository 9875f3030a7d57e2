"""The merge conflicts of the reviewed document: our version against a colleague's, field by
field, and the researcher's choice of one (a single transaction, undoable)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.core.bidi import compose
from annotator.core.errors import AnnotatorError
from annotator.core.review import conflicts
from annotator.core.review.conflicts import Conflict, Resolution
from annotator.core.store.project import Project
from annotator.gui.commands import refusal_text
from annotator.gui.core_text import core_part
from annotator.gui.language import localized_schema
from annotator.gui.models import TextDirectionDelegate
from annotator.gui.review_models import ConflictFieldsModel, ConflictsModel


class ResolveConflictCommand(QUndoCommand):
    """A conflict resolved as ours or theirs, stored when pushed. Undo puts our version back
    and opens the conflict again; a step that can no longer apply (the annotation changed
    since) is reported and dropped from the stack, which stays in step with the store."""

    def __init__(self, pane: ConflictPane, resolution: Resolution, choice: str):
        super().__init__(
            QCoreApplication.translate("ConflictPane", "Resolve a merge conflict: keep ours")
            if choice == "ours"
            else QCoreApplication.translate("ConflictPane", "Resolve a merge conflict: take theirs")
        )
        self._pane, self._resolution, self._choice = pane, resolution, choice
        self._done = True

    def redo(self) -> None:
        if self._done:
            self._done = False
        else:
            try:
                self._resolution = conflicts.resolve(
                    self._pane.project, self._resolution.conflict_id, self._choice
                )
            except AnnotatorError as exc:
                self._pane.message.emit(refusal_text(exc))
                self.setObsolete(True)
        self._pane.changed.emit()

    def undo(self) -> None:
        try:
            conflicts.reopen(self._pane.project, self._resolution)
        except AnnotatorError as exc:
            self._pane.message.emit(
                compose(
                    QCoreApplication.translate(
                        "ConflictPane", "the resolution cannot be undone: %1"
                    ),
                    core_part(exc),
                )
            )
            self.setObsolete(True)
        self._pane.changed.emit()


class ConflictPane(QWidget):
    """Lists the open conflicts of one document; O keeps ours, T takes theirs."""

    changed = Signal()  # a conflict was resolved or opened again: annotations changed
    message = Signal(str)  # a one-line refusal for the status bar

    def __init__(self, project: Project, undo_stack: QUndoStack, parent: QWidget | None = None):
        super().__init__(parent)
        self.project = project
        self.undo_stack = undo_stack
        self.document_id: str | None = None
        self.open_count = 0  # the document's open conflicts, as last listed
        self.title = QLabel()
        self.model = ConflictsModel(self)
        self.table = _table(self.model)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.fields_model = ConflictFieldsModel(self)
        self.model.schema = self.fields_model.schema = localized_schema(project)
        self.fields = _table(self.fields_model)
        self.fields.horizontalHeader().setStretchLastSection(True)
        self.keep = QPushButton(self.tr("Keep &ours"))
        self.take = QPushButton(self.tr("Take &theirs"))
        self.keep_action = self._action(
            self.tr("Keep our version of the merge conflict"), "O", "ours"
        )
        self.take_action = self._action(
            self.tr("Take their version of the merge conflict"), "T", "theirs"
        )
        self.keep.setToolTip(self.tr("Keep our version (O)"))
        self.take.setToolTip(self.tr("Take their version (T)"))
        self.keep.clicked.connect(lambda: self.resolve("ours"))
        self.take.clicked.connect(lambda: self.resolve("theirs"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.keep)
        buttons.addWidget(self.take)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.fields, 1)
        layout.addLayout(buttons)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_current())

    def _action(self, text: str, key: str, choice: str) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(key))
        action.triggered.connect(lambda: self.resolve(choice))
        return action

    def show_document(self, document_id: str | None) -> None:
        """List the open conflicts of a document again from the store, keeping the current."""
        current = self.current()
        self.document_id = document_id
        found = conflicts.open_conflicts(self.project, document_id) if document_id else []
        rows = []
        for item in found:
            ours = self.project.state(item.annotation_id)
            rows.append(
                (
                    item,
                    ours.annotation if ours else None,
                    conflicts.differences(self.project, item),
                )
            )
        self.model.set_conflicts(rows)
        self.title.setText(self.tr("Merge conflicts of this document: %n open", "", len(rows)))
        self.open_count = len(rows)
        for action in (self.keep_action, self.take_action):
            action.setEnabled(bool(rows))
        row = self.model.row_of(current.id if current else None)
        self.select_row(row if row >= 0 else 0)

    def current(self) -> Conflict | None:
        return self.model.conflict(self.table.currentIndex().row())

    def select_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        self._show_current()

    def _show_current(self) -> None:
        row = self.table.currentIndex().row()
        item, ours = self.model.conflict(row), self.model.ours(row)
        links = {}
        if self.document_id:
            links = {a.id: a for a in self.project.annotations(self.document_id)}
        self.fields_model.show(ours, item.theirs if item else None, links, shown=item is not None)
        self.keep.setEnabled(item is not None)
        self.take.setEnabled(item is not None)

    def resolve(self, choice: str) -> None:
        """Resolve the current conflict (one transaction) and push it on the undo stack."""
        item = self.current()
        if item is None:
            return
        try:
            resolution = conflicts.resolve(self.project, item.id, choice)
        except AnnotatorError as exc:
            self.message.emit(refusal_text(exc))
            return
        self.undo_stack.push(ResolveConflictCommand(self, resolution, choice))


def _table(model) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.setWordWrap(False)
    table.setItemDelegate(TextDirectionDelegate(table))
    return table
