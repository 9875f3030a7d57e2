"""The agreement dialog's documents, hardest first: a table model over the report's
per-document columns that reads ids and titles from the project a page at a time, as rows are
shown, so a report over 100,000 documents costs the window no more than one over 1,000."""

from __future__ import annotations

import sqlite3
from collections import OrderedDict

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    Qt,
)

from annotator.core.bidi import ltr, number
from annotator.core.errors import AnnotatorError
from annotator.core.review.agreement_report import DocumentTable
from annotator.core.store.project import Project

PAGE = 200  # documents whose id and title are read in one query
PAGES_KEPT = 8  # pages kept read: what a view scrolled back and forth needs


class HardestDocumentsModel(QAbstractTableModel):
    """Columns: the lowest figure (n/a when none is defined), the document's id, its title.
    The id is also the first column's `Qt.UserRole` data. A document removed from the project
    since the report was computed shows an empty id and title."""

    LOWEST, DOCUMENT, TITLE = range(3)

    def __init__(self, project: Project, parent: QObject | None = None):
        super().__init__(parent)
        self.project = project
        self.table: DocumentTable | None = None
        self._pages: OrderedDict[int, dict[int, tuple[str, str]]] = OrderedDict()

    def show(self, table: DocumentTable | None) -> None:
        """Show the documents of a report (None: none)."""
        self.beginResetModel()
        self.table = table
        self._pages.clear()
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() or self.table is None else len(self.table)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 3

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return _said(("Lowest", "Document", "Title")[section])

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self.table is None:
            return None
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.UserRole and column == self.LOWEST:
            return self.document(row)[0]
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == self.LOWEST:
            lowest = self.table.lowest(row)
            return _said("n/a") if lowest is None else number(lowest, 3)
        doc_id, title = self.document(row)
        return ltr(doc_id) if column == self.DOCUMENT else title

    def document(self, row: int) -> tuple[str, str]:
        """(id, title) of the document in `row`, read with its page when first asked for."""
        if self.table is None:
            return "", ""
        first = row - row % PAGE
        if first not in self._pages:
            stop = min(first + PAGE, len(self.table))
            rowids = [self.table.rowid(n) for n in range(first, stop)]
            try:
                rows = self.project.document_rows(rowids=rowids)
            except (AnnotatorError, sqlite3.Error):
                # A project closed or unreadable under an open dialog: the rows show empty,
                # and a view asking again tries again.
                return "", ""
            found = {r: (i, t) for r, i, t in rows}
            shown = zip(range(first, stop), rowids, strict=True)
            self._pages[first] = {n: found.get(rowid, ("", "")) for n, rowid in shown}
            if len(self._pages) > PAGES_KEPT:
                self._pages.popitem(last=False)
        self._pages.move_to_end(first)
        return self._pages[first][row]


# Said in the dialog's words (its translation context), where they were before this model.
_WORDS = (
    QT_TRANSLATE_NOOP("AgreementDialog", "Lowest"),
    QT_TRANSLATE_NOOP("AgreementDialog", "Document"),
    QT_TRANSLATE_NOOP("AgreementDialog", "Title"),
    QT_TRANSLATE_NOOP("AgreementDialog", "n/a"),
)


def _said(text: str) -> str:
    return QCoreApplication.translate("AgreementDialog", text)
