"""Undoable user actions: each command holds annotation ids and core snapshots, never Qt indexes.

Undo and redo are changes like any other: each states the revision it was built from, and the
store refuses it when another window, the command line or a merge changed the annotation since
(`ConflictError`). A refused command is never half applied and never raises out of `undo` or
`redo`: it tells the workbench (one line in the status bar, the document read again) and makes
itself obsolete, so Qt drops it and the next Ctrl+Z undoes the step before it. We refuse rather
than merge fields: a researcher who undoes expects exactly their own earlier state back, and the
other window's work stays as it was stored.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from annotator.core.bidi import FSI, PDI, Isolated, compose, ltr
from annotator.core.errors import (
    AnnotatorError,
    CheckPendingError,
    ConflictError,
    Message,
)
from annotator.core.review.adjudication import withdraw_many
from annotator.core.store.project import AnnotationState, Project
from annotator.gui.core_text import core_text
from annotator.gui.language import status_word

if TYPE_CHECKING:
    from annotator.gui.workbench import Workbench

# What undo and redo catch: the product's own errors, and SQLite's (a disk gone read-only or
# full mid-session) so that no exception ever escapes a QUndoCommand.
REFUSALS = (AnnotatorError, sqlite3.Error)


def refusal_text(exc: BaseException) -> str:
    """The line shown for a refused change: the core's message translated (`core_text`), or,
    while a large project's pages are still being checked (`CheckPendingError`), that line in
    the interface language."""
    if isinstance(exc, CheckPendingError):
        return QCoreApplication.translate(
            "Refusals",
            "Checking the project… edits are held until it finishes; nothing was changed, "
            "try again in a moment",
        )
    return core_text(exc)


def refusal_part(exc: BaseException) -> Isolated:
    """`refusal_text(exc)` as one part of a sentence `compose` builds, the isolates inside it
    kept."""
    return Isolated(FSI + refusal_text(exc) + PDI)


def _cannot_undo() -> str:
    return QCoreApplication.translate("Commands", "Cannot undo “%1”: %2")


def _cannot_redo() -> str:
    return QCoreApplication.translate("Commands", "Cannot redo “%1”: %2")


def _undone_except() -> str:
    return QCoreApplication.translate("Commands", "Undid “%1”, except: %2")


def _redone_except() -> str:
    return QCoreApplication.translate("Commands", "Redid “%1”, except: %2")


def _changed_elsewhere(annotation_id: str) -> str:
    return compose(
        QCoreApplication.translate(
            "Commands",
            "annotation %1 was changed in another window since this step; nothing was changed",
        ),
        ltr(annotation_id),
    )


class Revisions:
    """What one window's undo stack believes is stored.

    For each annotation its commands touched: the revision the window's own last change left
    (None: the annotation does not exist), which its next undo or redo states as the revision it
    was built from. A change also rewrites the claims linking to the annotation (a deletion
    unlinks them, undoing it links them back); their entries follow only when nobody else
    changed them since, so a command of theirs is refused once another window has.

    The commands of one annotation form a chain. When the researcher changes an annotation that
    another window changed since this window's last change of it (they saw the other window's
    work after a refresh), a new chain starts: the older commands would undo the other window's
    work along with their own, so they are refused.
    """

    def __init__(self, project: Project):
        self._project = project
        self._known: dict[str, int | None] = {}
        self._chains: dict[str, int] = {}

    def chain(self, annotation_id: str) -> int:
        return self._chains.get(annotation_id, 0)

    def expected(self, annotation_id: str) -> int | None:
        """The revision this window last left (None: absent, or never touched here)."""
        return self._known.get(annotation_id)

    def store(
        self,
        annotation_id: str | None,
        perform: Callable[[], str],
        relinked: Iterable[str] = (),
        fresh: bool = False,
    ) -> tuple[str, AnnotationState | None, AnnotationState | None]:
        """Run `perform` (a change of one annotation, returning its id) in one transaction and
        note the revisions it left; (id, state before, state after). `relinked`: claims the
        change may link back to the annotation. `fresh`: a new action of the researcher (not
        undo or redo), built from what the window shows. Raises what `perform` raises, and then
        nothing was changed."""
        project = self._project
        with project.atomic():
            before = project.state(annotation_id) if annotation_id else None
            ids = {*(before.incoming if before else ()), *relinked}
            if annotation_id:
                ids.add(annotation_id)
            was = {i: project.revision(i) for i in ids}
            annotation_id = perform()
            after = project.state(annotation_id)
            ids |= {annotation_id, *(after.incoming if after else ())}
            now = {i: project.revision(i) for i in ids}
        for changed_id, revision in now.items():
            previous = was.get(changed_id)
            if changed_id == annotation_id and fresh:
                if changed_id in self._known and self._known[changed_id] != previous:
                    self._chains[changed_id] = self.chain(changed_id) + 1
                self._known[changed_id] = revision
            elif changed_id not in self._known or self._known[changed_id] == previous:
                self._known[changed_id] = revision
        return annotation_id, before, after

    def store_new(self, perform: Callable[[], list[str]]) -> list[AnnotationState]:
        """Run `perform` (an action that only makes annotations, returning their ids) in one
        transaction and note the revisions it left; the new annotations' states. Raises what
        `perform` raises, and then nothing was changed."""
        with self._project.atomic():
            made = perform()
            states = [self._project.state(i) for i in made]
        for state in states:
            if state is not None:
                self._known[state.annotation.id] = state.annotation.revision
        return [s for s in states if s is not None]

    def note(self, annotation_ids: Iterable[str]) -> None:
        """Note the stored revisions of annotations this window has just made by other means
        (review decisions); call it inside the transaction that made them."""
        for annotation_id in annotation_ids:
            self._known[annotation_id] = self._project.revision(annotation_id)

    def follow(self, annotation_ids: Iterable[str], perform: Callable[[], object]) -> None:
        """Run `perform`, a change of the annotations `annotation_ids` that states no revision
        of its own (withdrawing or repeating review decisions), in one transaction; note the
        revisions it left. Raises ConflictError, and nothing is changed, when another window
        changed one of them since this window's last change of it; else what `perform` raises.
        """
        project = self._project
        with project.atomic():
            was = {i: project.revision(i) for i in annotation_ids}
            for annotation_id, revision in was.items():
                if annotation_id in self._known and self._known[annotation_id] != revision:
                    raise ConflictError(_changed_elsewhere(annotation_id))
            perform()
            self.note(was)


class _Refusable(QUndoCommand):
    """A command whose undo and redo may be refused: then it reports why and is dropped."""

    def __init__(self, text: str, refused: Callable[[str], None]):
        super().__init__(text)
        self._refused = refused
        self._dropped = False

    def _attempt(self, refusal: str, step: Callable[[], None]) -> bool:
        """Run an undo or redo step; on refusal say why and drop the command (Qt deletes an
        obsolete command after its undo or redo and leaves the index where the store is; inside
        a macro Qt ignores the flag, so a dropped command also does nothing from then on)."""
        if self._dropped:
            return False
        try:
            step()
        except REFUSALS as exc:
            self._dropped = True
            self.setObsolete(True)
            self._refused(compose(refusal, self.text(), refusal_part(exc)))
            return False
        return True


class AnnotationCommand(_Refusable):
    """An add, edit or delete of one annotation, already stored when the command is pushed.

    `before` and `after` are the core's snapshots (None: the annotation does not exist); undo and
    redo put the snapshot back in one transaction, as a new revision, stating the revision the
    window's last change left (`Revisions`), and then tell the views what changed.
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
        super().__init__(text, workbench.refused)
        self._workbench = workbench
        self._document_id = document_id
        self._annotation_id = annotation_id
        self._before, self._after = before, after
        self._chain = workbench.revisions.chain(annotation_id)
        self._done = True  # the action was performed before the command was pushed
        # What the last undo or redo could not put back (core messages), said once it is done.
        self._left: list[Message] = []

    @property
    def annotation_id(self) -> str:
        return self._annotation_id

    @property
    def before(self) -> AnnotationState | None:
        """The snapshot undo puts back (None: the annotation did not exist)."""
        return self._before

    @property
    def after(self) -> AnnotationState | None:
        """The snapshot redo puts back (None: the annotation does not exist)."""
        return self._after

    def redo(self) -> None:
        if self._done:
            self._done = False
            self._workbench.notify_changed(
                self._document_id, self._annotation_id, self._after, self._before
            )
        elif self._attempt(_cannot_redo(), lambda: self._apply(self._after)):
            self._notify(self._after, self._before, _redone_except())

    def undo(self) -> None:
        if self._attempt(_cannot_undo(), lambda: self._apply(self._before)):
            self._notify(self._before, self._after, _undone_except())

    def _notify(
        self, state: AnnotationState | None, previous: AnnotationState | None, saying: str
    ) -> None:
        """Tell the views what changed, and say in the status bar what could not be put back
        (another window deleted or changed what the step also touched)."""
        self._workbench.notify_changed(self._document_id, self._annotation_id, state, previous)
        if self._left:
            parts = QCoreApplication.translate("Commands", "; ").join(
                core_text(m) for m in self._left
            )
            self._workbench.error.emit(compose(saying, self.text(), Isolated(FSI + parts + PDI)))

    def _apply(self, state: AnnotationState | None) -> None:
        revisions, project = self._workbench.revisions, self._workbench.project
        annotation_id = self._annotation_id
        if revisions.chain(annotation_id) != self._chain:
            raise ConflictError(_changed_elsewhere(annotation_id))
        expected = revisions.expected(annotation_id)
        self._left = []

        def restore() -> str:
            _revision, self._left = project.restore_what_remains(
                annotation_id, state, expected=expected
            )
            return annotation_id

        revisions.store(annotation_id, restore, relinked=state.incoming if state else ())


class StatusCommand(_Refusable):
    """Marking a document todo / in progress / done for the current annotator. Undo and redo
    are refused when the status is no longer the one this command left (another window)."""

    def __init__(self, workbench: Workbench, document_id: str, before: str, after: str):
        super().__init__(
            compose(QCoreApplication.translate("Commands", "Mark document %1"), status_word(after)),
            workbench.refused,
        )
        self._workbench = workbench
        self._document_id = document_id
        self._before, self._after = before, after
        self._done = True

    def redo(self) -> None:
        if self._done:
            self._done = False
        elif not self._attempt(_cannot_redo(), lambda: self._set(self._before, self._after)):
            return
        self._workbench.status_changed.emit(self._document_id)

    def undo(self) -> None:
        if self._attempt(_cannot_undo(), lambda: self._set(self._after, self._before)):
            self._workbench.status_changed.emit(self._document_id)

    def _set(self, expected: str, status: str) -> None:
        project, annotator = self._workbench.project, self._workbench.annotator
        with project.atomic():
            current = project.status(self._document_id, annotator)
            if current != expected:
                raise ConflictError(
                    compose(
                        QCoreApplication.translate(
                            "Commands",
                            "document %1 was marked %2 in another window; your change was not "
                            "applied",
                        ),
                        ltr(self._document_id),
                        status_word(current),
                    )
                )
            project.set_status(self._document_id, annotator, status)


class DecisionCommand(_Refusable):
    """Decisions of a review (one disagreement, or all agreements), stored when pushed.

    `decisions`: (decision id, gold annotation id or None) of each. Redo repeats them with the
    same decision and gold ids, so later edits of those gold annotations still apply; undo
    withdraws them in one transaction. Either is refused (and the command dropped) when another
    window changed those gold annotations since, or the store refuses it; the gold workbench
    says why in one line. After each, `changed` is called with the states the gold annotations
    had before ({gold id: AnnotationState or None}; None for all when there are more than
    `NOTED` of them, as reading them one by one would cost more than reading the document)."""

    NOTED = 64

    def __init__(
        self,
        text: str,
        gold: Workbench,
        decisions: list[tuple[str, str | None]],
        repeat: Callable[[], None],
        changed: Callable[[dict[str, AnnotationState | None] | None], None],
    ):
        super().__init__(text, gold.refused)
        self._gold = gold
        self._decisions = decisions
        self._repeat = repeat
        self._changed = changed
        self._done = True

    def redo(self) -> None:
        if self._done:
            self._done = False
            made = [g for _, g in self._decisions if g]
            self._changed(None if len(made) > self.NOTED else dict.fromkeys(made))
            return
        before = self._states()
        self._attempt(_cannot_redo(), lambda: self._follow(self._repeat))
        self._changed(before)

    def undo(self) -> None:
        before = self._states()
        self._attempt(_cannot_undo(), lambda: self._follow(self._withdraw))
        self._changed(before)

    def _states(self) -> dict[str, AnnotationState | None] | None:
        made = [g for _, g in self._decisions if g]
        if len(made) > self.NOTED:
            return None
        return {g: self._gold.project.state(g) for g in made}

    def _follow(self, perform: Callable[[], None]) -> None:
        self._gold.revisions.follow([g for _, g in self._decisions if g], perform)

    def _withdraw(self) -> None:
        withdraw_many(self._gold.project, [d for d, _ in self._decisions])
