"""File ▸ Project settings: the project's cue list, which the suggestion rules read besides
their own lexicon. Cue words researchers used on their own claims are listed (learned) and can
be switched off; words can be added by hand. OK stores every change as one transaction."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.core.arabic.suggest import project_cues
from annotator.core.store.learning import ProjectCue
from annotator.gui.commands import REFUSALS, refusal_text
from annotator.gui.core_text import core_text
from annotator.gui.workbench import Workbench

_LEARNED = Qt.ItemDataRole.UserRole + 1  # bool: a researcher used it on a claim
_ADDED = Qt.ItemDataRole.UserRole + 2  # bool: written into the list by hand


class ProjectSettingsDialog(QDialog):
    """The cue list of the open project: one row per cue, checked when suggestions read it."""

    def __init__(self, workbench: Workbench, parent: QWidget | None = None):
        super().__init__(parent)
        self.workbench = workbench
        self.setWindowTitle(self.tr("Project settings"))
        self.model = QStandardItemModel(0, 2, self)
        self.model.setHorizontalHeaderLabels([self.tr("Cue"), self.tr("From")])
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.entry = QLineEdit(self)
        self.entry.setPlaceholderText(self.tr("A cue word as written, e.g. طمأنت"))
        self.add_button = QPushButton(self.tr("Add"), self)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.add_button.clicked.connect(self.add_cue)
        self.entry.returnPressed.connect(self.add_cue)
        self.remove_button.clicked.connect(self.remove_selected)
        self.message = QLabel(self)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self._build(buttons)
        self._removed: set[str] = set()
        self.load()

    def _build(self, buttons: QDialogButtonBox) -> None:
        explanation = QLabel(
            self.tr(
                "Reporting cues the suggestions read besides their own lexicon: the cue words "
                "researchers wrote on their own claims, and words added here. Uncheck a cue to "
                "stop using it; run the suggestions again to see the effect."
            ),
            self,
        )
        explanation.setWordWrap(True)
        adding = QHBoxLayout()
        adding.addWidget(self.entry, 1)
        adding.addWidget(self.add_button)
        adding.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(self.table, 1)
        layout.addLayout(adding)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(480, 420)

    # ------------------------------------------------------------------ reading

    def load(self) -> None:
        """Fill the list from the project (shows a refusal instead of raising)."""
        self.model.removeRows(0, self.model.rowCount())
        self._removed = set()
        try:
            entries = project_cues(self.workbench.project)
        except REFUSALS as exc:
            self.message.setText(core_text(exc))
            return
        for entry in entries:
            self._append(entry)

    def _append(self, entry: ProjectCue) -> None:
        cue = QStandardItem(entry.cue)
        cue.setCheckable(True)
        cue.setCheckState(Qt.CheckState.Checked if entry.used else Qt.CheckState.Unchecked)
        cue.setData(entry.learned, _LEARNED)
        cue.setData(entry.added, _ADDED)
        # On the side the check box is (the leading one), beside it in either direction.
        cue.setTextAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter)
        origin = QStandardItem(self._origin(entry.learned, entry.added))
        origin.setEditable(False)
        self.model.appendRow([cue, origin])

    def _origin(self, learned: bool, added: bool) -> str:
        if learned and added:
            return self.tr("your claims, added by hand")
        return self.tr("your claims") if learned else self.tr("added by hand")

    def cues(self) -> dict[str, bool]:
        """Cue -> checked, as the list shows them now."""
        return {
            self.model.item(row, 0).text(): self.model.item(row, 0).checkState()
            == Qt.CheckState.Checked
            for row in range(self.model.rowCount())
        }

    # ------------------------------------------------------------------ editing

    def add_cue(self) -> None:
        cue = " ".join(self.entry.text().split())
        if not cue:
            self.message.setText(self.tr("Write a cue word first."))
            return
        for row in range(self.model.rowCount()):
            item = self.model.item(row, 0)
            if item.text() == cue:
                item.setCheckState(Qt.CheckState.Checked)
                item.setData(True, _ADDED)
                self.model.item(row, 1).setText(self._origin(bool(item.data(_LEARNED)), True))
                self.entry.clear()
                return
        self._removed.discard(cue)
        self._append(ProjectCue(cue, learned=False, added=True, used=True))
        self.entry.clear()
        self.message.clear()

    def remove_selected(self) -> None:
        """Remove the selected hand-added cues; a learned cue is only unchecked (it comes back
        from the claims that use it)."""
        rows = sorted({index.row() for index in self.table.selectedIndexes()}, reverse=True)
        for row in rows:
            item = self.model.item(row, 0)
            if item.data(_LEARNED):
                item.setCheckState(Qt.CheckState.Unchecked)
                continue
            self._removed.add(item.text())
            self.model.removeRow(row)

    def edits(self) -> dict[str, str | None]:
        """What OK stores: cue -> "added", "removed" or None (no edit)."""
        edits: dict[str, str | None] = dict.fromkeys(self._removed)
        for row in range(self.model.rowCount()):
            item = self.model.item(row, 0)
            used = item.checkState() == Qt.CheckState.Checked
            if not used:
                edits[item.text()] = "removed"
            elif item.data(_ADDED):
                edits[item.text()] = "added"
            else:
                edits[item.text()] = None
        return edits

    def accept(self) -> None:
        """Store the edits in one transaction and close; a refusal keeps the dialog open."""
        try:
            self.workbench.project.edit_cues(self.edits(), self.workbench.annotator)
        except REFUSALS as exc:
            self.message.setText(refusal_text(exc))
            return
        super().accept()
