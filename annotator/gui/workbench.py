"""The GUI's gateway to the project: runs user actions as undoable commands and broadcasts changes.

Widgets never write to the project themselves: they call a method here, which stores the change
in one transaction, pushes a command on the undo stack and emits a signal; each widget then
refreshes what it shows from the project.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from annotator.core.errors import AnnotatorError
from annotator.core.model import Annotation, Entity
from annotator.core.project import AnnotationState, Project
from annotator.core.schema import LabelSchema
from annotator.core.suggest import SUGGESTIONS
from annotator.core.text import find_cue, one_line
from annotator.gui.commands import AnnotationCommand, StatusCommand


class Workbench(QObject):
    # document id, annotation id: an annotation of that document was added, changed or removed.
    annotation_changed = Signal(str, str)
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
        self.document_id: str | None = None
        self.selected_id: str | None = None
        self.hidden_layers: set[str] = set()
        self.show_others = False
        self._annotations: list[Annotation] | None = None

    # ------------------------------------------------------------------ reading

    @property
    def schema(self) -> LabelSchema:
        return self.project.schema

    @property
    def text(self) -> str:
        return self.project.text(self.document_id) if self.document_id else ""

    def annotations(self) -> list[Annotation]:
        """Annotations of the open document in reading order: the current annotator's, and the
        others' when they are shown. Cached until the next change."""
        if self.document_id is None:
            return []
        if self._annotations is None:
            who = None if self.show_others else self.annotator
            # Machine suggestions are shown by their own panel, never as someone's work.
            self._annotations = [
                a
                for a in self.project.annotations(self.document_id, annotator=who)
                if a.annotator != SUGGESTIONS
            ]
        return self._annotations

    def visible_annotations(self) -> list[Annotation]:
        return [a for a in self.annotations() if a.layer not in self.hidden_layers]

    def annotation(self, annotation_id: str | None) -> Annotation | None:
        return next((a for a in self.annotations() if a.id == annotation_id), None)

    def selected(self) -> Annotation | None:
        return self.annotation(self.selected_id)

    def is_editable(self, annotation: Annotation) -> bool:
        return annotation.annotator == self.annotator

    def speakers(self) -> list[Annotation]:
        """The current annotator's mentions in the layer claims link to, in reading order."""
        return [
            a
            for a in self.annotations()
            if a.annotator == self.annotator and a.layer == self._link_layer()
        ]

    def entities(self) -> list[Entity]:
        return self.project.entities()

    def stance_targets(self) -> list[str]:
        return self.project.stance_targets()

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
        if document_id == self.document_id:
            return
        self.document_id = document_id
        self.selected_id = None
        self._annotations = None
        self.document_opened.emit(document_id or "")
        self.selection_changed.emit("")

    def select(self, annotation_id: str | None) -> None:
        if annotation_id == self.selected_id:
            return
        self.selected_id = annotation_id
        self.selection_changed.emit(annotation_id or "")

    def set_layer_hidden(self, layer: str, hidden: bool) -> None:
        (self.hidden_layers.add if hidden else self.hidden_layers.discard)(layer)
        self.visibility_changed.emit()

    def set_show_others(self, show: bool) -> None:
        self.show_others = show
        self._annotations = None
        self.visibility_changed.emit()

    # ------------------------------------------------------------------ actions

    def tag(self, layer_name: str, start: int, end: int) -> str | None:
        """Tag a span of the open document; claims get their speaker and cue preset."""
        if self.document_id is None:
            return None
        try:
            layer = self.schema.layer(layer_name)
        except AnnotatorError as exc:
            self.error.emit(str(exc))
            return None
        link_id = None
        attributes: dict[str, Any] = {}
        link = layer.attribute_of_type("link")
        if link is not None:
            link_id = self._nearest_before(link.layer, start)
        cue = layer.attribute("cue")
        if cue is not None and cue.type == "text":
            found = find_cue(self.text, start, self._previous_end(layer_name, start))
            if found:
                attributes["cue"] = found
        document_id = self.document_id

        def perform() -> str:
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
            f"Tag {layer.label.lower()} «{one_line(self.text[start:end], 30)}»", None, perform
        )
        if annotation_id:
            self.select(annotation_id)
        return annotation_id

    def edit(self, annotation_id: str, description: str, **changes: Any) -> bool:
        """Change fields of an annotation (see `Project.update_annotation`) as one undo step."""
        annotation = self.annotation(annotation_id)
        if annotation is None or not self.is_editable(annotation):
            self.error.emit("only your own annotations can be changed here")
            return False
        return (
            self._run(
                description,
                annotation_id,
                lambda: self.project.update_annotation(annotation_id, **changes).id,
            )
            is not None
        )

    def delete(self, annotation_id: str) -> bool:
        annotation = self.annotation(annotation_id)
        if annotation is None or not self.is_editable(annotation):
            self.error.emit("only your own annotations can be deleted here")
            return False
        if self.selected_id == annotation_id:
            self.select(None)
        description = f"Delete {annotation.layer} «{one_line(annotation.text, 30)}»"
        return (
            self._run(
                description,
                annotation_id,
                lambda: self.project.delete_annotation(annotation_id) and annotation_id,
            )
            is not None
        )

    def set_status(self, status: str) -> None:
        if self.document_id is None:
            return
        before = self.status()
        if before == status:
            return
        try:
            self.project.set_status(self.document_id, self.annotator, status)
        except AnnotatorError as exc:
            self.error.emit(str(exc))
            return
        self.undo_stack.push(StatusCommand(self, self.document_id, before, status))

    def _run(
        self, description: str, annotation_id: str | None, perform: Callable[[], str]
    ) -> str | None:
        """Store the change first (one transaction), then record it for undo."""
        document_id = self.document_id
        before: AnnotationState | None = (
            self.project.state(annotation_id) if annotation_id else None
        )
        try:
            annotation_id = perform()
        except AnnotatorError as exc:
            self.error.emit(str(exc))
            return None
        after = self.project.state(annotation_id)
        self.undo_stack.push(
            AnnotationCommand(self, description, document_id, annotation_id, before, after)
        )
        return annotation_id

    def reload(self) -> None:
        """Forget what was read after the store was changed elsewhere (review decisions)."""
        self._annotations = None
        if self.document_id:
            self.annotation_changed.emit(self.document_id, "")

    def notify_changed(
        self, document_id: str, annotation_id: str, state: AnnotationState | None
    ) -> None:
        """Called by commands after the store changed: refresh caches and tell the views."""
        if document_id != self.document_id:
            self.open_document(document_id)
        self._annotations = None
        if state is None and self.selected_id == annotation_id:
            self.select(None)
        self.annotation_changed.emit(document_id, annotation_id)

    def _nearest_before(self, layer: str, start: int) -> str | None:
        candidates = [
            a
            for a in self.annotations()
            if a.annotator == self.annotator and a.layer == layer and a.start < start
        ]
        if not candidates:
            return None
        return max(candidates, key=lambda a: (min(a.end, start), a.start)).id

    def _previous_end(self, layer: str, start: int) -> int:
        ends = [
            a.end
            for a in self.annotations()
            if a.annotator == self.annotator and a.layer == layer and a.end <= start
        ]
        return max(ends, default=0)
