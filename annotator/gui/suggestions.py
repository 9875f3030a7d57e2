"""Suggested speakers and claims in the window: a list of the open document's pending
suggestions, painted dashed in the article, and undoable accept / reject / accept all.

The decisions go through the workbench's undo stack as `AnnotationCommand`s (a macro when one
decision stores several annotations), so Ctrl+Z takes back an accept or a reject like any edit.
"""

from __future__ import annotations

import bisect
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRunnable,
    Qt,
    QThreadPool,
    Signal,
)
from PySide6.QtGui import QAction, QColor, QKeySequence, QTextCharFormat
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QLabel,
    QListView,
    QMainWindow,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from annotator.core.arabic import suggest as core
from annotator.core.arabic.reported_speech import Detection
from annotator.core.arabic.text import one_line
from annotator.core.bidi import Isolated, compose, ltr, quote
from annotator.core.changes import AnnotationChanges, reading_key
from annotator.core.errors import AnnotatorError, NotFoundError
from annotator.core.model import Annotation
from annotator.core.store.project import AnnotationState
from annotator.gui.article_text import ArticleText
from annotator.gui.commands import (
    REFUSALS,
    AnnotationCommand,
    _cannot_redo,
    _cannot_undo,
    _Refusable,
    refusal_text,
)
from annotator.gui.core_text import core_text
from annotator.gui.find_bar import SpanMarks, attach
from annotator.gui.keys import key_text
from annotator.gui.models import TextDirectionDelegate
from annotator.gui.workbench import Workbench

_ROOT = QModelIndex()


# ---------------------------------------------------------------------------------- decisions


def accept(workbench: Workbench, suggestion_id: str) -> list[str]:
    """Copy a suggestion (a claim with its speaker) into the current annotator's work as one
    undo step; the ids of the new annotations."""
    try:
        annotation = workbench.project.annotation(suggestion_id)
    except NotFoundError:
        workbench.refused(
            compose(
                QCoreApplication.translate(
                    "Suggestions",
                    "suggestion %1 was rejected in another window; nothing was accepted",
                ),
                ltr(suggestion_id),
            )
        )
        return []
    return _store(
        workbench,
        compose(
            QCoreApplication.translate("Suggestions", "Accept suggested %1 %2"),
            workbench.schema.layer(annotation.layer).label.lower(),
            quote(annotation.text),
        ),
        lambda: core.accept(workbench.project, suggestion_id, workbench.annotator),
        nothing_new=compose(
            QCoreApplication.translate(
                "Suggestions",
                "suggestion %1 was accepted already, in another window or by another command; "
                "nothing new was stored",
            ),
            ltr(suggestion_id),
        ),
    )


def accept_all(workbench: Workbench) -> list[str]:
    """Accept every pending suggestion of the open document as one undo step
    (`AcceptAllCommand`): one transaction, and the views read the document once."""
    if workbench.document_id is None:
        return []
    document_id = workbench.document_id
    project = workbench.project
    try:
        with project.atomic():
            made = core.accept_all(project, document_id, workbench.annotator)
            stored = project.annotations_by_id(made)
            workbench.revisions.note(made)
    except REFUSALS as exc:
        workbench.refused(refusal_text(exc))
        return []
    if not made:
        return []
    workbench.undo_stack.push(
        AcceptAllCommand(
            workbench,
            QCoreApplication.translate("Suggestions", "Accept all suggestions of the document"),
            document_id,
            [stored[i] for i in made],
        )
    )
    return made


class AcceptAllCommand(_Refusable):
    """Accepting all of a document's suggestions, stored when pushed: undo deletes the copies
    and redo puts them back, each in one transaction, refused (and the command dropped) when
    another window changed one of them since this window's last change of it
    (`Revisions.follow`). `made`: the copies as stored, a claim's speaker before it. After
    each, the window reads the document again, once (`Workbench.reload`)."""

    def __init__(
        self, workbench: Workbench, text: str, document_id: str, made: list[Annotation]
    ) -> None:
        super().__init__(text, workbench.refused)
        self._workbench = workbench
        self._document_id = document_id
        self._made = made
        self._done = True

    def redo(self) -> None:
        if self._done:
            self._done = False
        elif not self._attempt(_cannot_redo(), lambda: self._follow(self._put_back)):
            return
        self._show()

    def undo(self) -> None:
        if self._attempt(_cannot_undo(), lambda: self._follow(self._delete)):
            self._show()

    def _follow(self, perform) -> None:
        self._workbench.revisions.follow([a.id for a in self._made], perform)

    def _delete(self) -> None:
        self._workbench.project.delete_annotations([a.id for a in reversed(self._made)])

    def _put_back(self) -> None:
        project = self._workbench.project
        for annotation in self._made:  # speakers before the claims linking to them
            project.restore(annotation.id, AnnotationState(annotation), expected=None)

    def _show(self) -> None:
        workbench = self._workbench
        if workbench.selected_id in {a.id for a in self._made}:
            workbench.select(None)  # undone: the copy selected is gone
        if workbench.document_id != self._document_id:
            workbench.open_document(self._document_id)
        else:
            workbench.reload()


def reject(workbench: Workbench, suggestion_id: str, base_revision: int | None = None) -> bool:
    """Remove a suggestion, as one undo step (claims it was the speaker of lose the link); the
    rules do not propose it again unless the step is undone.
    `base_revision`: the revision of the suggestion as shown; refused when it changed since."""
    project = workbench.project

    def perform() -> str:
        if project.annotation(suggestion_id).annotator != core.SUGGESTIONS:
            raise AnnotatorError(
                QCoreApplication.translate("Suggestions", "only suggestions can be rejected")
            )
        # Remembered, so that running the rules again does not propose it again.
        core.reject(project, suggestion_id, workbench.annotator, base_revision)
        return suggestion_id

    try:
        _, before, _ = workbench.revisions.store(suggestion_id, perform, fresh=True)
    except REFUSALS as exc:
        workbench.refused(refusal_text(exc))
        return False
    assert before is not None  # perform found it
    annotation = before.annotation
    workbench.undo_stack.push(
        AnnotationCommand(
            workbench,
            compose(
                QCoreApplication.translate("Suggestions", "Reject suggested %1 %2"),
                workbench.schema.layer(annotation.layer).label.lower(),
                quote(annotation.text),
            ),
            annotation.document_id,
            suggestion_id,
            before,
            None,
        )
    )
    return True


def _store(
    workbench: Workbench, description: str, perform, nothing_new: str | None = None
) -> list[str]:
    """Store first (one transaction), then record each new annotation for undo, in one macro.
    `nothing_new`: what to say when the step stored nothing (it was done elsewhere)."""
    document_id = workbench.document_id
    try:
        made = workbench.revisions.store_new(perform)
    except REFUSALS as exc:
        workbench.refused(refusal_text(exc))
        return []
    if not made:
        if nothing_new is not None:
            workbench.refused(nothing_new)
        return []
    stack = workbench.undo_stack
    stack.beginMacro(description)
    for after in made:
        stack.push(
            AnnotationCommand(workbench, description, document_id, after.annotation.id, None, after)
        )
    stack.endMacro()
    return [after.annotation.id for after in made]


# ---------------------------------------------------------------------------------- the list


class SuggestionList(QAbstractListModel):
    """The open document's suggestions that the current annotator has not accepted."""

    def __init__(self, workbench: Workbench, parent: QObject | None = None):
        super().__init__(parent)
        self._workbench = workbench
        self.suggestions: list[Annotation] = []
        self._rows: dict[str, int] = {}  # suggestion id -> row: a long article has thousands

    def refresh(self) -> None:
        wb = self._workbench
        found = core.pending(wb.project, wb.document_id, wb.annotator) if wb.document_id else []
        self.beginResetModel()
        self.suggestions = found
        self._rows = {s.id: n for n, s in enumerate(found)}
        self.endResetModel()

    def row_of(self, suggestion_id: str | None) -> int:
        return self._rows.get(suggestion_id, -1) if suggestion_id is not None else -1

    def follow(self, suggestion_ids: set[str]) -> None:
        """Update the rows of these suggestions only, as `refresh` would leave them: each
        pending one is put (back) in its place in reading order, each other one taken out.
        Reads these suggestions and which of them the annotator took, not the document."""
        wb = self._workbench
        if wb.document_id is None or not suggestion_ids:
            return
        now = core.pending_among(wb.project, wb.document_id, wb.annotator, suggestion_ids)
        for suggestion_id in sorted(suggestion_ids - now.keys()):
            self._take_out(suggestion_id)
        for suggestion in sorted(now.values(), key=reading_key):
            self._take_out(suggestion.id)
            row = bisect.bisect_left(self.suggestions, reading_key(suggestion), key=reading_key)
            self.beginInsertRows(_ROOT, row, row)
            self.suggestions.insert(row, suggestion)
            self._renumber(row)
            self.endInsertRows()

    def _take_out(self, suggestion_id: str) -> None:
        row = self.row_of(suggestion_id)
        if row < 0:
            return
        self.beginRemoveRows(_ROOT, row, row)
        del self.suggestions[row]
        del self._rows[suggestion_id]
        self._renumber(row)
        self.endRemoveRows()

    def _renumber(self, first: int) -> None:
        for n in range(first, len(self.suggestions)):
            self._rows[self.suggestions[n].id] = n

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.suggestions)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        suggestion = self.suggestions[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._describe(suggestion)
        if role == Qt.ItemDataRole.ToolTipRole:
            return suggestion.text
        return None

    def _describe(self, suggestion: Annotation) -> str:
        label = self._workbench.schema.layer(suggestion.layer).label
        text = compose(self.tr("%1: %2"), label, one_line(suggestion.text, 60))
        if suggestion.entity is not None:
            text = compose(self.tr("%1 (%2)"), Isolated(text), suggestion.entity.name)
        row = self.row_of(suggestion.link_id)
        speaker = self.suggestions[row] if row >= 0 else None
        if speaker is None and suggestion.link_id:
            try:
                speaker = self._workbench.project.annotation(suggestion.link_id)
            except AnnotatorError:
                speaker = None
        if speaker is not None:
            text = compose(self.tr("%1 ← %2"), Isolated(text), one_line(speaker.text, 30))
        return text


class _Detected(QObject):
    done = Signal(object)  # the Detection
    failed = Signal(str)


class _Detect(QRunnable):
    """The rules over one text on a pool thread (they are pure: no project is touched there);
    the detection or a one-line error comes back by signal, to the GUI thread."""

    def __init__(self, read: core.Rules, text: str) -> None:
        super().__init__()
        self.read, self.text = read, text
        self.signals = _Detected()

    def run(self) -> None:
        try:
            detection = self.read.detect(self.text)
        except Exception as exc:  # noqa: BLE001 - said in the window, never raised on a thread
            self.signals.failed.emit(core_text(exc))
        else:
            self.signals.done.emit(detection)


# Articles from this length (code points) are read on a worker thread, so the window keeps
# answering: the rules take about 1.5 s of processor time per million characters
# (`bench/suggestions.py --sizes`), so a shorter article is read at once, as before, in
# about 50 ms.
BACKGROUND_CHARS = 30_000


class Suggestions(QObject):
    """The controller: runs the detector on the open document, keeps a current suggestion,
    paints the pending ones dashed in the article and offers the decisions as QActions."""

    # the current suggestion changed (id, or "" for none)
    current_changed = Signal(str)
    # the rules are reading a long document on a worker thread (its id)
    started = Signal(str)
    # the detector ran on the open document: how many suggestions wait for a decision
    ran = Signal(int)
    # "Accept all" accepted this many suggestions
    accepted_all = Signal(int)

    def __init__(self, workbench: Workbench, view: ArticleText, parent: QObject | None = None):
        super().__init__(parent)
        self.workbench = workbench
        self.view = view
        self.model = SuggestionList(workbench, self)
        self.current_id: str | None = None
        self.running: str | None = None  # the document read on a worker thread now
        self._job: _Detect | None = None
        self._read: core.Rules | None = None  # what the job reads besides the text
        self.marks = SpanMarks(view)
        attach(view, self.marks)
        self.actions = self._build_actions()
        workbench.document_opened.connect(self._on_document_opened)
        workbench.annotations_changed.connect(self._on_annotations_changed)
        workbench.visibility_changed.connect(self.refresh)
        workbench.selection_changed.connect(self._update_actions)
        self.refresh()

    def _build_actions(self) -> dict[str, QAction]:
        """Actions for the window's menus and the widgets their keys work in."""
        actions = {}
        for name, text, keys, slot in (
            ("suggest", self.tr("Suggest speakers and claims"), ("F7",), self.run),
            ("accept", self.tr("Accept suggestion"), ("Return", "Enter"), self.accept_current),
            ("reject", self.tr("Reject suggestion"), ("Backspace",), self.reject_current),
            (
                "accept_all",
                self.tr("Accept all suggestions"),
                ("Ctrl+Shift+Return",),
                self.accept_all,
            ),
            ("next", self.tr("Next suggestion"), ("F8",), lambda: self.step(+1)),
            ("previous", self.tr("Previous suggestion"), ("Shift+F8",), lambda: self.step(-1)),
        ):
            action = QAction(text, self)
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.setToolTip(compose(self.tr("%1 (%2)"), text, key_text(keys[0])))
            action.triggered.connect(slot)
            actions[name] = action
        # Enter and Backspace also edit text: they decide suggestions only where they are
        # given, the article and the suggestion list (`widget.addAction`), not in a text field.
        for name in ("accept", "reject"):
            actions[name].setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        return actions

    # ------------------------------------------------------------------ reading

    def current(self) -> Annotation | None:
        row = self.model.row_of(self.current_id)
        return self.model.suggestions[row] if row >= 0 else None

    def refresh(self) -> None:
        """Re-read the pending suggestions; the current one stays, or the next one in the text
        takes its place."""
        old = self.current()
        self.model.refresh()
        self._after_change(old)

    def _follow(self, suggestion_ids: set[str]) -> None:
        """`refresh` for a change that concerns these suggestions only."""
        old = self.current()
        self.model.follow(suggestion_ids)
        self._after_change(old)

    def _after_change(self, old: Annotation | None) -> None:
        pending = self.model.suggestions
        if self.model.row_of(self.current_id) < 0:
            start = old.start if old is not None else -1
            following = [s for s in pending if s.start >= start] or pending
            self._set_current(following[0].id if following else None, scroll=False)
        self._paint()
        self._update_actions()

    # ------------------------------------------------------------------ actions

    def run(self) -> None:
        """Suggest speakers and claims for the open document (its earlier ones are replaced).
        A long document is read on a worker thread (`started`, then `ran` when its
        suggestions are stored, in one transaction on this thread); F7 waits meanwhile."""
        document_id = self.workbench.document_id
        if document_id is None or self.running is not None:
            return
        try:
            read = core.rules(self.workbench.project)
            text = self.workbench.project.text(document_id)
            if len(text) < BACKGROUND_CHARS:
                self._store(document_id, read, read.detect(text))
                return
        except AnnotatorError as exc:
            self.workbench.error.emit(core_text(exc))
            return
        job = _Detect(read, text)
        job.setAutoDelete(False)  # kept until it reports
        # Slots of this object, which lives on the GUI thread: the signals come queued there.
        job.signals.done.connect(self._detected)
        job.signals.failed.connect(self._failed)
        self.running, self._job, self._read = document_id, job, read
        self._update_actions()
        self.started.emit(document_id)
        QThreadPool.globalInstance().start(job)

    def _detected(self, detection: Detection) -> None:
        document_id, read = self.running, self._read
        self.running = self._job = self._read = None
        assert document_id is not None and read is not None  # set by `run` with the job
        try:
            self._store(document_id, read, detection)
        except AnnotatorError as exc:
            self.workbench.error.emit(core_text(exc))
            self.refresh()
        self._update_actions()

    def _failed(self, message: str) -> None:
        self.running = self._job = self._read = None
        self.refresh()
        self.workbench.error.emit(message)

    def _store(self, document_id: str, read: core.Rules, detection: Detection) -> None:
        """Replace the document's suggestions by the detection (one transaction); when the
        document is still the open one, show them and say how many."""
        core.store(self.workbench.project, document_id, detection, read)
        if document_id != self.workbench.document_id:
            return  # another document was opened meanwhile: they show when it is reopened
        self.current_id = None
        self.workbench.reload()
        self.refresh()
        self.ran.emit(len(self.model.suggestions))

    def accept_current(self) -> list[str]:
        suggestion = self.current()
        if suggestion is None:
            return []
        # The list follows the change (`_on_annotations_changed`), row by row.
        return accept(self.workbench, suggestion.id)

    def reject_current(self) -> bool:
        suggestion = self.current()
        if suggestion is None:
            return False
        return reject(self.workbench, suggestion.id, suggestion.revision)

    def accept_all(self) -> list[str]:
        pending = len(self.model.suggestions)
        made = accept_all(self.workbench)  # the window reads the document again, once
        accepted = pending - len(self.model.suggestions)
        if accepted > 0:
            self.accepted_all.emit(accepted)
        return made

    def step(self, direction: int) -> None:
        """Make the next (+1) or previous (-1) suggestion current, round the document."""
        pending = self.model.suggestions
        if not pending:
            return
        row = self.model.row_of(self.current_id)
        row = (row + direction) % len(pending) if row >= 0 else 0
        self.select(pending[row].id)

    def select(self, suggestion_id: str | None) -> None:
        self._set_current(suggestion_id, scroll=True)
        self._paint()

    # ------------------------------------------------------------------ internals

    def _set_current(self, suggestion_id: str | None, scroll: bool) -> None:
        changed = suggestion_id != self.current_id
        self.current_id = suggestion_id
        suggestion = self.current()
        if scroll and suggestion is not None:
            self.workbench.select(None)  # Enter and Backspace now act on the suggestion
            self.view.show_span(suggestion.start, suggestion.end)
        if changed:
            self.current_changed.emit(suggestion_id or "")

    def _paint(self) -> None:
        spans = []
        # One look per layer (and one for the current suggestion), shared by its spans.
        looks: dict[tuple[str, bool], QTextCharFormat] = {}
        hidden, schema = self.workbench.hidden_layers, self.workbench.schema
        for suggestion in self.model.suggestions:
            if suggestion.layer in hidden:
                continue
            key = (suggestion.layer, suggestion.id == self.current_id)
            look = looks.get(key)
            if look is None:
                look = looks[key] = dashed(schema.layer(suggestion.layer).color, key[1])
            spans.append((suggestion.start, suggestion.end, look))
        self.marks.set_spans(spans)

    def _update_actions(self) -> None:
        has_document = self.workbench.document_id is not None
        has_any = bool(self.model.suggestions)
        self.actions["suggest"].setEnabled(has_document and self.running is None)
        # Enter and Backspace decide the suggestion only while no annotation is selected (then
        # the suggestion is what the researcher has in hand; Backspace deletes a selected one).
        deciding = self.current_id is not None and self.workbench.selected_id is None
        for name in ("accept", "reject"):
            self.actions[name].setEnabled(deciding)
        for name in ("accept_all", "next", "previous"):
            self.actions[name].setEnabled(has_any)

    def _on_document_opened(self, _document_id: str) -> None:
        self.current_id = None
        self.refresh()

    def _on_annotations_changed(self, changes: AnnotationChanges) -> None:
        """Follow a change where it can concern the pending suggestions: a suggestion itself,
        or an annotation of the current annotator accepted from one (its `sources` name it);
        only those suggestions' rows are read again (everything: all of them)."""
        if changes.document_id != self.workbench.document_id:
            return
        if changes.everything:
            self.refresh()
            return
        concerned = {
            a.id for a in changes.before + changes.after if a.annotator == core.SUGGESTIONS
        }
        concerned.update(i for i in changes.ids if self.model.row_of(i) >= 0)
        for annotation in changes.before + changes.after:
            if annotation.annotator == self.workbench.annotator:
                concerned.update(annotation.sources)
        if concerned:
            self._follow(concerned)


def dashed(color: str, current: bool) -> QTextCharFormat:
    """A suggestion's look: a light fill and a dashed underline in its layer's colour, lighter
    than a tag of one's own but plain to see on white (the current one filled more)."""
    fill = QColor(color)
    fill.setAlphaF(0.45 if current else 0.22)
    fmt = QTextCharFormat()
    fmt.setBackground(fill)
    fmt.setForeground(QColor(Qt.GlobalColor.transparent))
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
    fmt.setUnderlineColor(QColor(color).darker(160 if current else 130))
    return fmt


class SuggestionPanel(QWidget):
    """The pending suggestions of the open document, with the decision buttons; choosing a row
    makes it the current suggestion (Enter accepts it, Backspace rejects it)."""

    def __init__(self, suggestions: Suggestions, parent: QWidget | None = None):
        super().__init__(parent)
        self.suggestions = suggestions
        self.list = QListView(self)
        self.list.setModel(suggestions.model)
        # A row too long for the panel ends in "…" where it is cut, not mid-word at the edge.
        eliding = TextDirectionDelegate(self.list)
        eliding.follow_text = False
        self.list.setItemDelegate(eliding)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setAccessibleName(self.tr("Suggestions"))
        self.list.selectionModel().currentChanged.connect(self._on_row_chosen)
        self.count = QLabel(self)
        # Two rows of buttons, so the panel fits beside the article in a narrow side bar.
        buttons = QGridLayout()
        for n, name in enumerate(("suggest", "accept_all", "accept", "reject")):
            button = QToolButton(self)
            button.setDefaultAction(suggestions.actions[name])
            button.setAutoRaise(True)
            buttons.addWidget(button, n // 2, n % 2)
        buttons.addWidget(self.count, 2, 0, 1, 2)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(buttons)
        column.addWidget(self.list, 1)
        suggestions.current_changed.connect(self._follow)
        suggestions.model.modelReset.connect(self._on_reset)
        # A decision takes its row out (an undo puts it back) instead of resetting the list.
        suggestions.model.rowsRemoved.connect(self._on_rows_changed)
        suggestions.model.rowsInserted.connect(self._on_rows_changed)
        suggestions.started.connect(self._on_started)
        suggestions.ran.connect(self._on_ran)
        suggestions.accepted_all.connect(self._on_accepted_all)
        self._announced: str | None = None
        self._on_reset()

    def _on_started(self, _document_id: str) -> None:
        """A long document is being read: the count says so until its suggestions come."""
        self.count.setText(self.tr("suggesting…"))
        message = self.tr("Suggesting speakers and claims in this long document…")
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(message)
        self.count.setToolTip(message)

    def _on_ran(self, count: int) -> None:
        """F7 answers: this panel comes to the front and the status bar says what was found."""
        tabs = self.parentWidget()
        while tabs is not None and not isinstance(tabs, QTabWidget):
            tabs = tabs.parentWidget()
        if tabs is not None:
            tabs.setCurrentWidget(self)
        message = self._message(count)
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(message, 15000)
            self._announced = message
        self.count.setToolTip(message)

    def _on_accepted_all(self, count: int) -> None:
        message = self.tr("Accepted %n suggestion(s).", "", count)
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(message, 15000)
        self._announced = None  # what was done stays said; the count no longer follows
        self.count.setToolTip(message)

    def _message(self, count: int) -> str:
        return (
            self.tr(
                "%n suggestion(s) to decide: F8 next, Enter accept, Backspace reject, "
                "Ctrl+Shift+Enter accept all.",
                "",
                count,
            )
            if count
            else self.tr("No speaker or claim to suggest in this document.")
        )

    def _on_row_chosen(self, index: QModelIndex, _previous: QModelIndex) -> None:
        if index.isValid():
            suggestion_id = self.suggestions.model.suggestions[index.row()].id
            if suggestion_id != self.suggestions.current_id:
                self.suggestions.select(suggestion_id)

    def _follow(self, suggestion_id: str) -> None:
        row = self.suggestions.model.row_of(suggestion_id)
        if row >= 0 and self.list.currentIndex().row() != row:
            self.list.setCurrentIndex(self.suggestions.model.index(row, 0))

    def _on_rows_changed(self, _parent: QModelIndex, _first: int, _last: int) -> None:
        self._on_reset()

    def _on_reset(self) -> None:
        count = self.suggestions.model.rowCount()
        self.count.setText(
            self.tr("%n to decide", "", count) if count else self.tr("none to decide")
        )
        # The status bar's count, while it is still shown, follows each accept and reject.
        window = self.window()
        announced = self._announced
        if isinstance(window, QMainWindow) and announced:
            if window.statusBar().currentMessage() == announced:
                # Decided one by one down to none: not "nothing to suggest", which is F7's
                # answer for a document where nothing was found.
                self._announced = (
                    self._message(count)
                    if count
                    else self.tr("Every suggestion of this document is decided.")
                )
                window.statusBar().showMessage(self._announced, 15000)
                self.count.setToolTip(self._announced)
            else:
                self._announced = None
        self._follow(self.suggestions.current_id or "")
