"""The GUI's gateway to the project: runs user actions as undoable commands and broadcasts changes.

Widgets never write to the project themselves: they call a method here, which stores the change
in one transaction, pushes a command on the undo stack and emits a signal; each widget then
refreshes what it shows. The open document's annotations are read once, as compact columns of
spans (`AnnotationColumns`: ids, offsets, layer and annotator codes), and then kept up to date
change by change: a change re-reads only the annotations it touched and is broadcast as an
`AnnotationChanges`. Full `Annotation` objects are built only for those a view asks for (the
selected one, the rows and highlights on screen), so a document of 400,000 annotations opens
without building one per annotation, and stays as quick to edit as a short one.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from annotator.core.arabic.suggest import CUE_LAYER, SUGGESTIONS
from annotator.core.arabic.text import find_cue
from annotator.core.bidi import compose, quote
from annotator.core.changes import AnnotationChanges
from annotator.core.columns import AnnotationColumns, LazyAnnotations, Span
from annotator.core.errors import AnnotatorError, ConflictError, NotFoundError
from annotator.core.model import Annotation, Entity
from annotator.core.schema import LabelSchema
from annotator.core.store.project import AnnotationState, Project
from annotator.gui.commands import (
    REFUSALS,
    AnnotationCommand,
    Revisions,
    StatusCommand,
    refusal_text,
)
from annotator.gui.core_text import core_text
from annotator.gui.language import localized_schema

_SENTENCE_END = re.compile(r"[.!?؟\n]")  # between a cue and the claim it introduces


class Workbench(QObject):
    # document id, annotation id: an annotation of that document was added, changed or removed.
    annotation_changed = Signal(str, str)
    # The same, in detail, emitted just before it: an AnnotationChanges with the annotations
    # touched as they were and as they are, for views that update only what changed.
    annotations_changed = Signal(object)
    # the document shown changed (id, or "" for none)
    document_opened = Signal(str)
    # the selected annotation changed (id, or "" for none)
    selection_changed = Signal(str)
    # a document's status changed for the current annotator
    status_changed = Signal(str)
    # layers shown or hidden, or other annotators shown or hidden
    visibility_changed = Signal()
    # a user action was refused; the message says why
    error = Signal(str)

    def __init__(self, project: Project, annotator: str, parent: QObject | None = None):
        super().__init__(parent)
        self.project = project
        self.annotator = annotator
        self.undo_stack = QUndoStack(self)
        self.revisions = Revisions(project)
        self.document_id: str | None = None
        self.selected_id: str | None = None
        self.hidden_layers: set[str] = set()
        self.show_others = False
        # The open document's annotations this window shows, in reading order (None: not read),
        # those of the layers shown, and one annotator's of one layer: each kept up to date.
        self._shown: AnnotationColumns | None = None
        self._visible: AnnotationColumns | None = None
        self._mentions: dict[tuple[str, str], AnnotationColumns] = {}
        # For the attribute editor's completions; kept until a change can alter them.
        self._entities: list[Entity] | None = None
        self._targets: list[str] | None = None
        # Annotations of the columns read that were deleted elsewhere since (found when one
        # was built), and whether a read of the store again is due (`_behind`).
        self._gone: set[str] = set()
        self._catching_up = False
        self._read_version = -1

    # ------------------------------------------------------------------ reading

    @property
    def schema(self) -> LabelSchema:
        """The project's schema as the interface language shows it (labels, value labels)."""
        return localized_schema(self.project)

    @property
    def text(self) -> str:
        return self.project.text(self.document_id) if self.document_id else ""

    def annotations(self) -> LazyAnnotations:
        """Annotations of the open document in reading order: the current annotator's, and the
        others' when they are shown. Read once, then kept up to date by `notify_changed`; a
        sequence that builds each annotation when it is first read."""
        return self.columns().items

    def columns(self) -> AnnotationColumns:
        """The annotations `annotations` gives, as columns of spans (nothing built)."""
        return self._read()

    def _read(self) -> AnnotationColumns:
        if self._shown is None:
            cache: dict[str, Annotation] = {}
            if self.document_id:
                self._read_version = self._store_version()
                every = self.project.annotation_spans(self.document_id)
                found = AnnotationColumns.wrap(every, self._load, cache)
                self._shown = found.subset(lambda _layer, who: self._shows_annotator(who))
            else:
                self._shown = AnnotationColumns(load=self._load, cache=cache)
            # What tagging a claim looks through (its layer and its speakers' layer), made
            # now so the first tag is as quick as the next.
            for layer in self.schema.layers:
                link = layer.attribute_of_type("link")
                if link is not None:
                    self.mentions(layer.name, self.annotator)
                    self.mentions(link.layer, self.annotator)
        return self._shown

    def _load(self, spans: list[Span]) -> dict[str, Annotation]:
        """Build the annotations of some spans: always as stored now, in full. One that another
        window changed since this window read its span (its revision is not the one read) is
        built as stored now, so what the window shows of it and an edit made on it are the
        current state; one deleted elsewhere is built from its span alone but never handed out
        (`annotation` gives None for it). Either way the window is behind the store: it reads
        the document again as soon as control returns to the event loop (`_catch_up`), so the
        highlights and rows follow too."""
        stored = self.project.annotations_by_id(s.id for s in spans)
        found = {}
        text = self.text
        for span in spans:
            annotation = stored.get(span.id)
            if annotation is None or annotation.revision != span.revision:
                self._behind()
            if annotation is None:
                self._gone.add(span.id)
                annotation = Annotation(
                    id=span.id,
                    document_id=self.document_id or "",
                    annotator=span.annotator,
                    layer=span.layer,
                    start=span.start,
                    end=span.end,
                    text=text[span.start : span.end],
                    revision=span.revision,
                )
            found[span.id] = annotation
        return found

    def _behind(self) -> None:
        """The store changed since the document was read: read it again once the event loop
        runs (never inside the paint or read that found it)."""
        if not self._catching_up:
            self._catching_up = True
            QTimer.singleShot(0, self._catch_up)

    def _catch_up(self) -> None:
        self._catching_up = False
        # Only when another connection committed since the read: a row the columns keep and
        # the full read leaves out (a damaged one) is no change, and must not read again and
        # again. A project that cannot be read now (closed, replaced, its disk gone) is left
        # to the window's timed check, which says so once; nothing escapes this slot.
        try:
            if self._shown is not None and self._store_version() != self._read_version:
                self.reload()
        except REFUSALS:
            return

    def _store_version(self) -> int:
        """SQLite's count of other connections' commits (`PRAGMA data_version`)."""
        return self.project.conn.execute("PRAGMA data_version").fetchone()[0]

    def shows(self, annotation: Annotation | Span) -> bool:
        """Whether an annotation of the open document belongs in the window (any layer)."""
        return self._shows_annotator(annotation.annotator)

    def _shows_annotator(self, annotator: str) -> bool:
        # Machine suggestions are shown by their own panel, never as someone's work.
        if annotator == SUGGESTIONS:
            return False
        return self.show_others or annotator == self.annotator

    def visible_columns(self) -> AnnotationColumns:
        """The annotations of the layers shown, as columns kept up to date."""
        if not self.hidden_layers:
            return self._read()
        if self._visible is None:
            hidden = self.hidden_layers
            self._visible = self._read().subset(lambda layer, _who: layer not in hidden)
        return self._visible

    def visible_annotations(self) -> LazyAnnotations:
        """The annotations of the layers shown, in reading order."""
        return self.visible_columns().items

    def annotation(self, annotation_id: str | None, start: int | None = None) -> Annotation | None:
        """A shown annotation of the open document (None when not shown); found quickest
        with its `start` when the caller knows it."""
        shown = self._read()
        if start is None and annotation_id and annotation_id not in shown.cache:
            start = self.project.annotation_start(annotation_id)  # quicker than a scan
        found = shown.get(annotation_id, start)
        return None if found is None or found.id in self._gone else found

    def selected(self) -> Annotation | None:
        return self.annotation(self.selected_id)

    def is_editable(self, annotation: Annotation) -> bool:
        return annotation.annotator == self.annotator

    def speakers(self) -> list[Annotation]:
        """The current annotator's mentions in the layer claims link to, in reading order."""
        layer = self._link_layer()
        return self.mentions(layer, self.annotator).items if layer else []

    def mentions(self, layer: str, annotator: str) -> AnnotationColumns:
        """One annotator's shown annotations of one layer (what a claim of theirs can link
        to), in reading order; kept up to date change by change like `annotations()`."""
        key = (layer, annotator)
        if key not in self._mentions:
            self._mentions[key] = self._read().subset(
                lambda name, who: name == layer and who == annotator
            )
        return self._mentions[key]

    def entities(self) -> list[Entity]:
        """The project's speaker entities (read again once a change brings a new one)."""
        if self._entities is None:
            self._entities = self.project.entities()
        return self._entities

    def stance_targets(self) -> list[str]:
        """Stance targets used so far, most used first (read again once stances change)."""
        if self._targets is None:
            self._targets = self.project.stance_targets()
        return self._targets

    def status(self) -> str:
        if self.document_id is None:
            return "todo"
        return self.project.status(self.document_id, self.annotator)

    def _link_layer(self) -> str | None:
        for layer in self.schema.layers:
            link = layer.attribute_of_type("link")
            if link:
                return link.layer
        return None

    # ------------------------------------------------------------------ navigation

    def open_document(self, document_id: str | None) -> None:
        """Show a document (None: none). One that cannot be read (a damaged row, listed by a
        list that does not read every column) is refused: `error` says why."""
        if document_id == self.document_id:
            return
        if document_id is not None:
            try:
                self.project.text(document_id)
            except AnnotatorError as exc:
                self.error.emit(core_text(exc))
                return
        self.document_id = document_id
        self.selected_id = None
        self._forget()
        self.document_opened.emit(document_id or "")
        self.selection_changed.emit("")

    def select(self, annotation_id: str | None) -> None:
        if annotation_id == self.selected_id:
            return
        self.selected_id = annotation_id
        self.selection_changed.emit(annotation_id or "")

    def set_layer_hidden(self, layer: str, hidden: bool) -> None:
        (self.hidden_layers.add if hidden else self.hidden_layers.discard)(layer)
        self._visible = None
        self.visibility_changed.emit()

    def set_show_others(self, show: bool) -> None:
        self.show_others = show
        self._forget()
        self.visibility_changed.emit()

    def _forget(self) -> None:
        self._gone = set()
        self._shown = None
        self._visible = None
        self._mentions = {}

    # ------------------------------------------------------------------ actions

    def tag(self, layer_name: str, start: int, end: int) -> str | None:
        """Tag a span of the open document; claims get their speaker and cue preset."""
        if self.document_id is None:
            return None
        try:
            layer = self.schema.layer(layer_name)
        except AnnotatorError as exc:
            self.error.emit(core_text(exc))
            return None
        link_id = None
        attributes: dict[str, Any] = {}
        link = layer.attribute_of_type("link")
        if link is not None and layer_name == CUE_LAYER:
            link_id = self._claim_for_cue(link.layer, start, end)
        elif link is not None:
            link_id = self._speaker_for(layer_name, link.layer, start, end)
        cue = layer.attribute("cue")
        if cue is not None and cue.type == "text":
            found = find_cue(self.text, start, self._previous_end(layer_name, start))
            if found:
                attributes["cue"] = found
        document_id = self.document_id

        def perform() -> str:
            self._check_target(link_id)
            return self.project.add_annotation(
                document_id,
                self.annotator,
                layer_name,
                start,
                end,
                attributes=attributes,
                link_id=link_id,
            ).id

        annotation_id = self._run(
            compose(self.tr("Tag %1 %2"), layer.label.lower(), quote(self.text[start:end])),
            None,
            perform,
        )
        if annotation_id:
            self.select(annotation_id)
        return annotation_id

    def edit(
        self,
        annotation_id: str,
        description: str,
        base_revision: int | None = None,
        **changes: Any,
    ) -> bool:
        """Change fields of an annotation (see `Project.update_annotation`) as one undo step.

        The change is built from the annotation as this window shows it, or as it was at
        `base_revision` (a field typed in before the window's last refresh): when another window
        changed or deleted it since, the change is refused (`error` says so) and the document is
        read again, never written over the other window's work."""
        annotation = self.annotation(annotation_id)
        if annotation is None and self._deleted_elsewhere(annotation_id):
            return False
        if annotation is None or not self.is_editable(annotation):
            self.error.emit(self.tr("only your own annotations can be changed here"))
            return False
        base = annotation.revision if base_revision is None else base_revision

        def perform() -> str:
            self._check_target(changes.get("link_id"))
            return self.project.update_annotation(annotation_id, base_revision=base, **changes).id

        return self._run(description, annotation_id, perform) is not None

    def delete(self, annotation_id: str) -> bool:
        """Delete an annotation as one undo step; refused like `edit` when it changed elsewhere."""
        annotation = self.annotation(annotation_id)
        if annotation is None and self._deleted_elsewhere(annotation_id):
            return False
        if annotation is None or not self.is_editable(annotation):
            self.error.emit(self.tr("only your own annotations can be deleted here"))
            return False
        if self.selected_id == annotation_id:
            self.select(None)
        description = compose(
            self.tr("Delete %1 %2"),
            self.schema.layer(annotation.layer).label.lower(),
            quote(annotation.text),
        )

        def perform() -> str:
            self.project.delete_annotation(annotation_id, base_revision=annotation.revision)
            return annotation_id

        return self._run(description, annotation_id, perform) is not None

    def _deleted_elsewhere(self, annotation_id: str) -> bool:
        """When the window showed the annotation but another window deleted it since: say so,
        show what is stored, and True (the caller changes nothing)."""
        shown = self._read().cache.get(annotation_id)
        if annotation_id not in self._gone or shown is None:
            return False
        self.refused(
            compose(
                self.tr("the %1 %2 was deleted in another window; nothing was changed"),
                self.schema.layer(shown.layer).label.lower(),
                quote(shown.text),
            )
        )
        return True

    def set_status(self, status: str) -> None:
        if self.document_id is None:
            return
        before = self.status()
        if before == status:
            return
        try:
            self.project.set_status(self.document_id, self.annotator, status)
        except REFUSALS as exc:
            self.refused(refusal_text(exc))
            return
        self.undo_stack.push(StatusCommand(self, self.document_id, before, status))

    def _run(
        self, description: str, annotation_id: str | None, perform: Callable[[], str]
    ) -> str | None:
        """Store the change first (one transaction), then record it for undo."""
        document_id = self.document_id
        try:
            annotation_id, before, after = self.revisions.store(annotation_id, perform, fresh=True)
        except REFUSALS as exc:
            self.refused(refusal_text(exc))
            return None
        self.undo_stack.push(
            AnnotationCommand(self, description, document_id, annotation_id, before, after)
        )
        return annotation_id

    def _check_target(self, link_id: str | None) -> None:
        """A link is built from the speaker as the window shows it: refuse it (ConflictError)
        when another window deleted that speaker or made it another layer since; a speaker
        changed otherwise is still the one to link to. Called in the change's transaction."""
        # As read, one found deleted elsewhere included (`annotation` no longer gives it).
        shown = self._read().get(link_id)
        if shown is None:
            return
        try:
            layer: str | None = self.project.annotation(shown.id).layer
        except NotFoundError:
            layer = None
        if layer != shown.layer:
            raise ConflictError(
                compose(
                    self.tr(
                        "the %1 %2 to link to was deleted in another window; nothing was changed"
                    )
                    if layer is None
                    else self.tr(
                        "the %1 %2 to link to was made a %3 in another window; nothing was changed"
                    ),
                    shown.layer,
                    quote(shown.text),
                    layer or "",
                )
            )

    def refused(self, message: str) -> None:
        """A change was not stored: say why in one line, and show what is stored (another
        window may have changed what this one showed)."""
        self.reload()
        self.error.emit(message)

    def use_project(self, project: Project) -> None:
        """Work on another open project (the file was replaced and opened again): the undo
        history and the revisions this window knew belong to the old one and are dropped. The
        caller refreshes the views once every part holds the new project."""
        self.undo_stack.clear()
        self.project = project
        self.revisions = Revisions(project)
        self._forget()
        self._entities = self._targets = None

    def reload(self) -> None:
        """Forget what was read after the store was changed elsewhere (review decisions)."""
        self._forget()
        self.forget_lists()
        if self.document_id:
            self.annotations_changed.emit(AnnotationChanges(self.document_id, everything=True))
            self.annotation_changed.emit(self.document_id, "")

    def forget_lists(self) -> None:
        """Read the entities and stance targets again when next asked (another window may
        have added some); the open document is kept as read."""
        self._entities = self._targets = None

    def notify_changed(
        self,
        document_id: str,
        annotation_id: str,
        state: AnnotationState | None,
        previous: AnnotationState | None = None,
    ) -> None:
        """Called by commands after the store changed: update what was read and tell the views.
        `state` is the annotation as it is now (None: deleted), `previous` as it was: the
        claims linking to it in either are touched too (a deletion unlinks them)."""
        if document_id != self.document_id:
            self.open_document(document_id)
        changes = self._update(document_id, annotation_id, state, previous)
        if state is None and self.selected_id == annotation_id:
            self.select(None)
        self.annotations_changed.emit(changes)
        self.annotation_changed.emit(document_id, annotation_id)

    def _update(
        self,
        document_id: str,
        annotation_id: str,
        state: AnnotationState | None,
        previous: AnnotationState | None = None,
    ) -> AnnotationChanges:
        """Re-read the annotation that changed and the claims linking to it (a deletion unlinks
        them, restoring links them again); put them in place among the shown ones."""
        if self._shown is None:
            return AnnotationChanges(document_id, everything=True)
        shown = self._shown
        if previous is not None and annotation_id not in shown.cache:
            # Not built before the change: built now it would come from the store as changed
            # (a deleted one from its span alone, without its `sources`, so the suggestions it
            # was accepted from would not come back). The command holds it as it was; its
            # revision is the one shown (an undo or redo stores a snapshot as a new one).
            row = shown.find(annotation_id, previous.annotation.start)
            if row >= 0:
                shown.keep(replace(previous.annotation, revision=shown.revisions[row]))
        ids = {annotation_id}
        for known in (state, previous):
            ids.update(known.incoming if known else ())
        ids |= self.project.linking_to([annotation_id])
        stored = self.project.annotations_by_id(sorted(ids))
        before: list[Annotation] = []
        for changed_id in sorted(ids):
            # Found where it was (as last built), else where it is now (a claim whose link
            # alone changed has not moved); one made or put back by this change was not
            # shown, and is not looked for. Otherwise (another window moved it since this
            # one read it) by a scan of the ids.
            cached, now = shown.cache.get(changed_id), stored.get(changed_id)
            if cached is not None:
                # Built as stored after another window moved it: its row is where it was read.
                row = shown.find(changed_id, cached.start)
                row = row if row >= 0 else shown.row_of(changed_id)
            elif changed_id == annotation_id and previous is None:
                row = -1
            else:
                row = shown.find(changed_id, now.start if now else None)
                row = row if row >= 0 else shown.row_of(changed_id)
            if row >= 0:
                before.append(shown.annotation(row))
        after = [stored[i] for i in sorted(ids) if i in stored]
        subsets = [*self._mentions.values()]
        if self._visible is not None:
            subsets.append(self._visible)
        for annotation in before:
            for columns in (shown, *subsets):
                columns.remove(annotation)
            shown.forget(annotation.id)
        hidden = self.hidden_layers
        for annotation in after:
            if not self.shows(annotation):
                continue
            shown.insert(annotation)
            shown.keep(annotation)
            mentions = self._mentions.get((annotation.layer, annotation.annotator))
            if mentions is not None:
                mentions.insert(annotation)
            if self._visible is not None and annotation.layer not in hidden:
                self._visible.insert(annotation)
        known_entities = {e.id for e in self._entities or ()}
        if any(a.entity is not None and a.entity.id not in known_entities for a in after):
            self._entities = None
        was = {a.id: a.stances for a in before}
        now = {a.id: a.stances for a in after}
        if any(was.get(i, ()) != now.get(i, ()) for i in was.keys() | now.keys()):
            self._targets = None
        return AnnotationChanges(document_id, frozenset(ids), tuple(before), tuple(after))

    def _speaker_for(self, layer: str, speaker_layer: str, start: int, end: int) -> str | None:
        """The speaker a new claim of `layer` on start-end is linked to: the nearest before it,
        passing over the speakers the annotator's claims of the same span already link to. So
        tagging the quotation of «قال X وY إن "…"» twice gives one claim per speaker (a joint
        statement); once every speaker has its claim, the nearest, which the store refuses as a
        second tag of the span."""
        # Only the claims on exactly this span are read: among thousands of annotations on
        # the same words, that is a few.
        claims = self.mentions(layer, self.annotator)
        low, high = (
            bisect.bisect_left(claims.starts, start),
            bisect.bisect_right(claims.starts, start),
        )
        taken = set()
        for row in range(low, high):
            if claims.ends[row] == end:
                link_id = claims.annotation(row).link_id
                if link_id is not None:
                    taken.add(link_id)
        return self._nearest_before(speaker_layer, start, taken) or self._nearest_before(
            speaker_layer, start
        )

    def _claim_for_cue(self, claim_layer: str, start: int, end: int) -> str | None:
        """The claim a new cue on start-end introduces: one it lies in, else the first that
        starts after it in the same sentence («وأكد X أن "…"»: the cue comes first in Arabic
        news), else the nearest before it («"…"، قال X»)."""
        claims = self.mentions(claim_layer, self.annotator)
        row = claims.last_covering(start, end)
        if row >= 0:
            return claims.ids[row]
        for claim in claims.starting_from(end):
            if not _SENTENCE_END.search(self.text, end, claim.start):
                return claim.id
            break
        return self._nearest_before(claim_layer, start)

    def _nearest_before(
        self, layer: str, start: int, passing: set[str] | frozenset[str] = frozenset()
    ) -> str | None:
        """The annotator's mention of `layer` that ends nearest before `start` (or covers it):
        the largest (min(end, start), start), the first in reading order on a tie; mentions
        whose id is in `passing` are passed over."""
        mentions = self.mentions(layer, self.annotator)
        rows = (mentions.locate(i) for i in passing)
        row = mentions.nearest_before(start, [r for r in rows if r >= 0])
        return mentions.ids[row] if row >= 0 else None

    def _previous_end(self, layer: str, start: int) -> int:
        """Where the annotator's last mention of `layer` ending at or before `start` ends."""
        return self.mentions(layer, self.annotator).last_end_before(start)
