"""Undoable user actions: each command holds annotation ids and core snapshots, never Qt indexes."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from annotator.core.project import AnnotationState, Project
from annotator.core.review import withdraw

if TYPE_CHECKING:
    from annotator.gui.workbench import Workbench


class AnnotationCommand(QUndoCommand):
    """An add, edit or delete of one annotation, already stored when the command is pushed.

    `before` and `after` are the core's snapshots (None: the annotation does not exist); undo and
    redo put the snapshot back in one transaction and then tell the views what changed.
    """

    def __init__(
        self,
        workbench: Workbench,
        text: str,
        document_id: str,
        annotation_id: str,
        before: AnnotationState | None,
        after: AnnotationState | None,
    ):
        super().__init__(text)
        self._workbench = workbench
        self._document_id = document_id
        self._annotation_id = annotation_id
        self._before, self._after = before, after
        self._done = True  # the action was performed before the command was pushed

    def redo(self) -> None:
        if self._done:
            self._done = False
        else:
            self._apply(self._after)
        self._workbench.notify_changed(self._document_id, self._annotation_id, self._after)

    def undo(self) -> None:
        self._apply(self._before)
        self._workbench.notify_changed(self._document_id, self._annotation_id, self._before)

    def _apply(self, state: AnnotationState | None) -> None:
        self._workbench.project.restore(self._annotation_id, state)


class StatusCommand(QUndoCommand):
    """Marking a document todo / in progress / done for the current annotator."""

    def __init__(self, workbench: Workbench, document_id: str, before: str, after: str):
        super().__init__(f"Mark document {after.replace('_', ' ')}")
        self._workbench = workbench
        self._document_id = document_id
        self._before, self._after = before, after
        self._done = True

    def redo(self) -> None:
        if self._done:
            self._done = False
        else:
            self._workbench.project.set_status(
                self._document_id, self._workbench.annotator, self._after
            )
        self._workbench.status_changed.emit(self._document_id)

    def undo(self) -> None:
        self._workbench.project.set_status(
            self._document_id, self._workbench.annotator, self._before
        )
        self._workbench.status_changed.emit(self._document_id)


class DecisionCommand(QUndoCommand):
    """Decisions of a review (one disagreement, or all agreements), stored when pushed.

    Redo repeats them with the same decision and gold ids, so later edits of those gold
    annotations still apply; undo withdraws them in one transaction.
    """

    def __init__(
        self,
        text: str,
        project: Project,
        decision_ids: list[str],
        repeat: Callable[[], None],
        changed: Callable[[], None],
    ):
        super().__init__(text)
        self._project = project
        self._decision_ids = decision_ids
        self._repeat = repeat
        self._changed = changed
        self._done = True

    def redo(self) -> None:
        if self._done:
            self._done = False
        else:
            self._repeat()
        self._changed()

    def undo(self) -> None:
        with self._project.atomic():
            for decision_id in self._decision_ids:
                withdraw(self._project, decision_id)
        self._changed()
