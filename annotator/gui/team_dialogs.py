"""The team's progress (per member: assigned, todo / in progress / done, annotations, last
sync) and the coordinator's assignment of documents, both talking to the team server from the
thread pool so the window never waits for the network."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRunnable,
    Qt,
    QThreadPool,
    Signal,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.core.bidi import compose
from annotator.core.model import DocumentSummary
from annotator.core.sync import progress
from annotator.gui.core_text import core_text

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(str)


class _Call(QRunnable):
    """`action()` on a pool thread; its result or its one-line error comes back by signal."""

    def __init__(self, action: Callable[[], Any]) -> None:
        super().__init__()
        self.action = action
        self.signals = _Signals()

    def run(self) -> None:
        try:
            result = self.action()
        except Exception as exc:  # noqa: BLE001 - reported in the dialog, never raised
            self.signals.failed.emit(core_text(exc))
        else:
            self.signals.done.emit(result)


def _start(owner: QObject, action: Callable[[], Any], done, failed) -> _Call:
    call = _Call(action)
    call.setAutoDelete(False)  # kept by `owner` until it reports
    call.signals.done.connect(done)
    call.signals.failed.connect(failed)
    owner._calls = [*getattr(owner, "_calls", []), call]
    QThreadPool.globalInstance().start(call)
    return call


class TeamProgressModel(QAbstractTableModel):
    """One row per member: the `AnnotatorProgress` read from the server."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[progress.AnnotatorProgress] = []
        self._headers = [
            self.tr("Annotator"),
            self.tr("Role"),
            self.tr("Assigned"),
            self.tr("To do"),
            self.tr("In progress"),
            self.tr("Done"),
            self.tr("Annotations"),
            self.tr("Last sync"),
        ]

    def set_rows(self, rows: list[progress.AnnotatorProgress]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: _Index = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        r = self._rows[index.row()]
        values = (
            r.annotator,
            r.role,
            r.assigned,
            r.todo,
            r.in_progress,
            r.done,
            r.annotations,
            r.last_sync or self.tr("never"),
        )
        return values[index.column()]


class TeamProgressDialog(QDialog):
    """Each member's progress, read from the team server when shown and on Refresh."""

    def __init__(self, url: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Team progress"))
        self._url = url
        self.model = TeamProgressModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.note = QLabel(self)
        self.refresh_button = QPushButton(self.tr("&Refresh"), self)
        self.refresh_button.clicked.connect(self.refresh)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.addButton(self.refresh_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self.resize(820, 360)
        self.refresh()

    def refresh(self) -> None:
        self.note.setText(self.tr("Reading progress from the team server…"))
        url = self._url
        _start(self, lambda: progress.progress_at(url), self._show, self._failed)

    def _show(self, result) -> None:
        self.model.set_rows(result[0])
        self.table.resizeColumnsToContents()
        self.note.setText(self.tr("%n member(s)", "", len(result[0])))

    def _failed(self, message: str) -> None:
        self.note.setText(compose(self.tr("Progress could not be read: %1"), message))


class _DocumentChoice(QAbstractListModel):
    """The project's documents, each with a check box: those to assign."""

    def __init__(self, documents: list[DocumentSummary], parent: QObject | None = None):
        super().__init__(parent)
        self._documents = documents
        self._checked: set[str] = set()

    def rowCount(self, parent: _Index = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._documents)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        document = self._documents[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{document.title} ({document.id})"
        if role == Qt.ItemDataRole.CheckStateRole:
            checked = document.id in self._checked
            return Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        return super().flags(index) | Qt.ItemFlag.ItemIsUserCheckable

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        document_id = self._documents[index.row()].id
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self._checked.add(document_id)
        else:
            self._checked.discard(document_id)
        self.dataChanged.emit(index, index, [role])
        return True

    def checked(self) -> list[str]:
        return [d.id for d in self._documents if d.id in self._checked]

    def ids(self) -> list[str]:
        return [d.id for d in self._documents]

    def check_only(self, document_ids: set[str]) -> None:
        """Tick exactly these documents (a member's current assignments)."""
        self._checked = set(document_ids)
        if self._documents:
            last = self.index(len(self._documents) - 1)
            self.dataChanged.emit(self.index(0), last, [Qt.ItemDataRole.CheckStateRole])


class AssignDialog(QDialog):
    """The coordinator chooses a member; the documents assigned to them are shown ticked.
    Assign stores the ticks on the server (which refuses anyone but a coordinator): ticked
    documents are assigned, unticked ones that were assigned are taken back; `assigned` then
    tells the window to sync."""

    assigned = Signal(int)

    def __init__(
        self, url: str, documents: list[DocumentSummary], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Assign documents"))
        self._url = url
        self.member = QComboBox(self)
        self.documents = _DocumentChoice(documents, self)
        self.list = QListView(self)
        self.list.setModel(self.documents)
        self.note = QLabel(self.tr("Reading the team's members…"), self)
        self.assign_button = QPushButton(self.tr("&Assign"), self)
        self.assign_button.setEnabled(False)
        self.assign_button.clicked.connect(self.assign)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.addButton(self.assign_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Member:"), self))
        layout.addWidget(self.member)
        layout.addWidget(QLabel(self.tr("Documents:"), self))
        layout.addWidget(self.list)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self.resize(520, 480)
        self._current: dict[str, set[str]] = {}  # member -> documents assigned on the server
        self.member.currentIndexChanged.connect(self._show_current)
        url = self._url
        _start(
            self,
            lambda: (progress.members_at(url), progress.assignments_at(url)),
            self._show_members,
            self._failed,
        )

    def _show_members(self, found: tuple[list[tuple[str, str]], dict[str, set[str]]]) -> None:
        members, self._current = found
        for name, role in members:
            self.member.addItem(f"{name} ({role})", name)
        self.assign_button.setEnabled(bool(members))
        self.note.setText("")
        self._show_current()

    def _show_current(self, *_args) -> None:
        self.documents.check_only(self._current.get(self.member.currentData(), set()))

    def assign(self) -> None:
        name = self.member.currentData()
        if not name:
            self.note.setText(self.tr("Choose a member and at least one document."))
            return
        ticked = self.documents.checked()
        shown = set(self.documents.ids())
        taken_back = sorted(self._current.get(name, set()) & shown - set(ticked))
        if not ticked and not taken_back:
            self.note.setText(self.tr("Choose a member and at least one document."))
            return
        self.assign_button.setEnabled(False)
        self.note.setText(self.tr("Assigning…"))
        url = self._url

        def store() -> tuple[int, int, dict[str, set[str]]]:
            added = progress.assign_at(url, name, ticked) if ticked else 0
            removed = progress.assign_at(url, name, taken_back, remove=True) if taken_back else 0
            return added, removed, progress.assignments_at(url)

        _start(self, store, self._done, self._failed)

    def _done(self, result: tuple[int, int, dict[str, set[str]]]) -> None:
        added, removed, self._current = result
        self.assign_button.setEnabled(True)
        notes = [self.tr("%n document(s) assigned.", "", added)] if added or not removed else []
        if removed:
            notes.append(self.tr("%n document(s) taken back.", "", removed))
        self.note.setText(" ".join(notes))
        self._show_current()
        self.assigned.emit(added + removed)

    def _failed(self, message: str) -> None:
        self.assign_button.setEnabled(self.member.count() > 0)
        self.note.setText(compose(self.tr("Refused: %1"), message))
