"""New annotations added in bulk (an import of a file): each checked as `Project.restore` checks
one, against the project and the batch's earlier annotations, and all stored by one
`executemany` at the end, inside the caller's transaction."""

from __future__ import annotations

import gc
import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from annotator.core.clock import now
from annotator.core.errors import DuplicateError
from annotator.core.model import Annotation, Entity
from annotator.core.store.annotation_store import (
    _INSERT,
    _attributes_json,
    _row,
    check_link_target,
    page_cache,
    revision_content,
    revision_token,
)

if TYPE_CHECKING:
    from annotator.core.store.project import Project

# (document_id, start, end, layer, annotator, link_id): one tag per span (`_check_not_twice`).
_SpanKey = tuple[str, int, int, str, str, "str | None"]


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector held off during a bulk read or write, which makes hundreds of
    thousands of small objects (records, rows) and no cycles: every collection of the oldest
    generation walks all of them again, a third of the time of importing 100,000 annotations.
    Whatever cycles are made meanwhile are collected after."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class AnnotationBatch:
    """Annotations new to the project, checked one by one and written together.

    `add` refuses an annotation exactly as `project.restore(id, AnnotationState(annotation))`
    would (the same exceptions and messages, in the same order: fields, schema and span text,
    link, one tag per span, annotator name), and records it as that call would: revision 1,
    its revision name, an empty history. `known` and `live_link` answer as the project's
    methods of those names would, had the batch's earlier annotations been stored. What the
    checks need of the project is read once per batch (ids asked about at the start) or once
    per document (its tagged spans), not once per annotation.

    Call `write` inside the transaction that made the batch; nothing is stored before it.
    """

    def __init__(self, project: Project, candidate_ids: Iterable[str] = ()) -> None:
        self.project = project
        self._present: set[str] = set()  # in the project's annotations
        self._deleted: set[str] = set()  # with a deletion record and not in the annotations
        self._asked: set[str] = set()
        self._ask(candidate_ids)
        self._added: dict[str, tuple[str, str, str]] = {}  # id -> (document, layer, annotator)
        self._spans: dict[str, dict[_SpanKey, str]] = {}  # document -> span key -> id
        self._annotators: dict[str, int | None] = {}
        self._entities: dict[str, Entity] = {}
        self._rows: list[tuple] = []
        self._stances: list[tuple[str, int, str, str]] = []
        self._attributes_json: dict[tuple, str] = {}

    def _ask(self, ids: Iterable[str]) -> None:
        """Learn which of `ids` the project holds or has deletion records of: one query."""
        wanted = [i for i in dict.fromkeys(ids) if i not in self._asked]
        if not wanted:
            return
        self._asked.update(wanted)
        rows = self.project.conn.execute(
            "SELECT w.value, EXISTS (SELECT 1 FROM annotations a WHERE a.id = w.value), "
            "EXISTS (SELECT 1 FROM deletions d WHERE d.annotation_id = w.value) "
            "FROM json_each(?) w",
            (json.dumps(wanted),),
        )
        for annotation_id, present, deleted in rows:
            if present:
                self._present.add(annotation_id)
            elif deleted:
                self._deleted.add(annotation_id)

    def known(self, annotation_id: str) -> bool:
        """Whether the project or the batch holds the annotation, or the project a record of
        its deletion (`Project.known`)."""
        if annotation_id in self._added:
            return True
        if annotation_id not in self._asked:
            self._ask((annotation_id,))
        return annotation_id in self._present or annotation_id in self._deleted

    def live_link(self, link_id: str | None) -> str | None:
        """`link_id`, or None when that annotation was deleted here (`Project.live_link`)."""
        if link_id is None or link_id in self._added:
            return link_id
        if link_id not in self._asked:
            self._ask((link_id,))
        return None if link_id in self._deleted else link_id

    def add(self, annotation: Annotation) -> Annotation:
        """Check a new annotation (its id not `known`) and keep it for `write`; returns it with
        its attributes as stored. Raises ValidationError (DuplicateError for a second tag of a
        span) as `Project.restore` would, and then keeps nothing of it."""
        project = self.project
        annotation = project._validated_fields(annotation)
        if annotation.link_id is not None:
            link = project.schema.layer(annotation.layer).attribute_of_type("link")
            if link is None:
                project._check_link(annotation, link)  # raises: the layer has no link
            check_link_target(annotation, link, self._link_target(annotation.link_id))
        key = (
            annotation.document_id,
            annotation.start,
            annotation.end,
            annotation.layer,
            annotation.annotator,
            annotation.link_id,
        )
        spans = self._document_spans(annotation.document_id)
        twin = spans.get(key)
        if twin is not None and twin != annotation.id:
            linked = project.schema.layer(annotation.layer).attribute_of_type("link") is not None
            raise DuplicateError(annotation.annotator, annotation.layer, twin, linked)
        name = annotation.annotator
        if name not in self._annotators:
            self._annotators[name] = project._annotator_id(name, create=True)
        spans[key] = annotation.id
        if annotation.entity is not None:
            self._entities.setdefault(annotation.entity.id, annotation.entity)
        # Encoded once for both the revision name and the row, and once per distinct set of
        # values (checked above: texts only), which repeat from annotation to annotation.
        key = tuple(annotation.attributes.items())
        attributes = self._attributes_json.get(key)
        if attributes is None:
            attributes = self._attributes_json[key] = _attributes_json(annotation.attributes)
        rev = revision_token(1, revision_content(annotation, attributes))
        self._rows.append(_row(annotation, self._annotators[name], 1, rev, "[]", attributes))
        self._stances += [
            (annotation.id, i, s.target, s.value) for i, s in enumerate(annotation.stances)
        ]
        self._added[annotation.id] = (annotation.document_id, annotation.layer, name)
        return annotation

    def _link_target(self, link_id: str) -> tuple[str, str, str] | None:
        found = self._added.get(link_id)
        if found is not None:
            return found
        return self.project.conn.execute(
            "SELECT a.document_id, a.layer, p.name FROM annotations a "
            "JOIN annotators p ON p.id = a.annotator_id WHERE a.id = ?",
            (link_id,),
        ).fetchone()

    def _document_spans(self, document_id: str) -> dict[_SpanKey, str]:
        """The tagged spans of a document, read when the batch first adds to it."""
        spans = self._spans.get(document_id)
        if spans is None:
            rows = self.project.conn.execute(
                'SELECT a.document_id, a.start, a."end", a.layer, p.name, a.link_id, a.id '
                "FROM annotations a JOIN annotators p ON p.id = a.annotator_id "
                "WHERE a.document_id = ? ORDER BY a.rowid DESC",
                (document_id,),
            )
            # The first stored of equal spans is named (rowid order, read backwards).
            spans = self._spans[document_id] = {tuple(r[:6]): r[6] for r in rows}
        return spans

    def write(self) -> int:
        """Store the annotations added, with their stances and entities; returns how many."""
        conn = self.project.conn
        conn.executemany(
            "INSERT OR IGNORE INTO entities (id, name, kind, aliases, created_at) "
            "VALUES (?, ?, ?, ?, ?)",
            [
                (e.id, e.name, e.kind, json.dumps(list(e.aliases), ensure_ascii=False), now())
                for e in self._entities.values()
            ],
        )
        # One statement for all rows, on the raw connection: 100,000 annotations in a second.
        with page_cache(conn):
            conn.executemany(_INSERT, self._rows)
        # Stance rows left by a hand edit under a new id would otherwise join the new ones.
        # Ids in order: the index of stances is then walked once, not jumped about in.
        conn.execute(
            "DELETE FROM stances WHERE annotation_id IN (SELECT value FROM json_each(?))",
            (json.dumps(sorted(self._added)),),
        )
        conn.executemany(
            "INSERT INTO stances (annotation_id, position, target, value) VALUES (?, ?, ?, ?)",
            sorted(self._stances),
        )
        return len(self._rows)
