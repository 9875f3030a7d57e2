"""The stance part of the attribute editor: (target, value) rows with target completion."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QSignalBlocker, QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annotator.core.bidi import compose, quote
from annotator.core.model import Annotation, Stance
from annotator.gui.fields import Draft, allow_narrow, commit_when_finished, name_completer


class StanceRow(QWidget):
    """One (target, value) pair with its Remove button."""

    def __init__(
        self,
        values: Sequence[str],
        targets: QStringListModel,
        number: int,
        shown: Callable[[], Annotation | None],
        label: Callable[[str], str] = str,
    ):
        super().__init__()
        self.target = QLineEdit()
        self.draft = Draft(self.target, shown)
        self.target.setPlaceholderText(self.tr("Target"))
        self.target.setAccessibleName(compose(self.tr("Stance %1 target"), number))
        self.target.setCompleter(name_completer(targets, self.target))
        allow_narrow(self.target)
        self.value = QComboBox()
        for value in values:  # shown in the interface's words, stored as the schema's value
            self.value.addItem(label(value), value)
        self.value.setAccessibleName(compose(self.tr("Stance %1 value"), number))
        self.remove = QPushButton(self.tr("Remove"))
        self.remove.setAccessibleName(compose(self.tr("Remove stance %1"), number))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.target, 1)
        layout.addWidget(self.value)
        layout.addWidget(self.remove)

    def stance(self) -> tuple[str, str]:
        return " ".join(self.target.text().split()), str(self.value.currentData() or "")

    def show_stance(self, stance: Stance) -> None:
        with QSignalBlocker(self.target), QSignalBlocker(self.value):
            if self.target.text() != stance.target and not self.draft.keeps():
                self.target.setText(stance.target)
                # Shown from its start: Qt leaves the cursor at the end, and a target longer
                # than the field would read "tinian cause".
                self.target.setCursorPosition(0)
            self.value.setCurrentIndex(self.value.findData(stance.value))


class StanceList(QWidget):
    """The stances of one annotation. A row counts once its target is filled in; a row just
    added waits for its target. Each committed change (a target entered or completed, a value
    chosen, a row removed) emits `edited` with the whole list, whether or not it differs.
    `shown` gives the annotation whose stances are shown: targets being typed belong to it
    (`Draft`) and stay through refreshes until committed."""

    edited = Signal(list)  # [(target, value), ...]
    rows_changed = Signal()  # rows were added or removed: the tab order must follow

    def __init__(
        self,
        values: Sequence[str],
        targets: QStringListModel,
        add_text: str = "",
        parent: QWidget | None = None,
        shown: Callable[[], Annotation | None] = lambda: None,
        label: Callable[[str], str] = str,
    ):
        super().__init__(parent)
        self._shown = shown
        self._label = label
        self._values = values
        self._targets = targets
        self._rows: list[StanceRow] = []
        self._rows_box = QVBoxLayout()
        self.add_button = QPushButton(add_text)
        self.add_button.clicked.connect(lambda: self.add_row().target.setFocus())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._rows_box)
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeading)

    @property
    def rows(self) -> list[StanceRow]:
        return list(self._rows)

    def stances(self) -> list[tuple[str, str]]:
        return [row.stance() for row in self._rows if row.stance()[0]]

    def focusables(self) -> list[QWidget]:
        widgets: list[QWidget] = []
        for row in self._rows:
            widgets += [row.target, row.value, row.remove]
        return [*widgets, self.add_button]

    def show_stances(self, stances: Sequence[Stance]) -> None:
        """Show the stored stances; rows still waiting for a target stay below them."""
        for index, stance in enumerate(stances):
            if index == len(self._rows):
                self.add_row()
            self._rows[index].show_stance(stance)
        for row in self._rows[len(stances) :]:
            if row.stance()[0] and not row.draft.keeps():  # stored before, gone now (undo)
                self._drop(row)

    def pending_drafts(self) -> list[str]:
        """The targets typed and not committed yet, in row order."""
        return [t for t in (row.draft.pending() for row in self._rows) if t]

    def forget_drafts(self) -> None:
        for row in self._rows:
            row.draft.forget()

    def take_drafts(self) -> int | None:
        """The earliest revision a target being typed was typed on (None: none typed), and
        forget the drafts: the list is about to be committed whole."""
        revisions = [r for r in (row.draft.take() for row in self._rows) if r is not None]
        return min(revisions, default=None)

    def add_row(self) -> StanceRow:
        row = StanceRow(self._values, self._targets, len(self._rows) + 1, self._shown, self._label)
        commit = lambda *_: self.edited.emit(self.stances())
        commit_when_finished(row.target, row.target.completer(), commit)
        row.value.activated.connect(commit)
        row.remove.clicked.connect(lambda: self._remove(row))
        self._rows.append(row)
        self._rows_box.addWidget(row)
        # Shown now: a widget put into a shown window would only appear on the next event.
        row.show()
        self.rows_changed.emit()
        return row

    def _remove(self, row: StanceRow) -> None:
        index = self._rows.index(row)
        self._drop(row)
        following = self._rows[index:] or self._rows[index - 1 : index]
        (following[0].target if following else self.add_button).setFocus()
        self.edited.emit(self.stances())

    def _drop(self, row: StanceRow) -> None:
        self._rows.remove(row)
        row.hide()
        row.deleteLater()
        self.rows_changed.emit()


def describe_change(
    before: Sequence[tuple[str, str]],
    after: Sequence[tuple[str, str]],
    label: Callable[[str], str] = str,
) -> str:
    """The undo text of a change to a stance list; `label` shows a stance value."""
    old, new = dict(before), dict(after)
    added = [target for target in new if target not in old]
    removed = [target for target in old if target not in new]
    changed = [target for target in new if old.get(target) not in (None, new[target])]
    if added and not removed and not changed:
        return compose(
            QCoreApplication.translate("StanceList", "Add stance on %1"), quote(added[0], None)
        )
    if removed and not added and not changed:
        return compose(
            QCoreApplication.translate("StanceList", "Remove stance on %1"), quote(removed[0], None)
        )
    if len(changed) == 1 and not added and not removed:
        return compose(
            QCoreApplication.translate("StanceList", "Set stance on %1 to %2"),
            quote(changed[0], None),
            label(new[changed[0]]),
        )
    return QCoreApplication.translate("StanceList", "Change stances")
