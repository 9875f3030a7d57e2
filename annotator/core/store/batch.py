"""New annotations added in bulk (an import of a file): each checked as `Project.restore` checks
one, against the project and the batch's earlier annotations, and all stored by one
`executemany` at the end, inside the caller's transaction."""

from __future__ import annotations

import gc
import json
import sqlite3
from collections.abc import Collection, Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from annotator.core.clock import now
from annotator.core.errors import AnnotatorError, DuplicateError
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
_ORIGINS = frozenset(("manual", "imported", "suggested", "adjudicated"))


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


@contextmanager
def journals_in_memory(conn: sqlite3.Connection) -> Iterator[None]:
    """SQLite's sub-journal kept in memory for the transaction begun inside the block (none
    begun yet: the setting is read at BEGIN). Each row a statement inserts into a table with
    triggers first copies the pages it will change to that journal; once a savepoint inside
    the transaction (a nested `atomic()`, such as the documents an import brings) has put more
    than 64 KiB there, SQLite keeps it as a temporary file until the transaction ends, and
    every later row writes to that file: a third more time for 100,000 annotations. Changing
    `temp_store` drops TEMP tables; the project makes none."""
    if conn.in_transaction:
        yield
        return
    before = conn.execute("PRAGMA temp_store").fetchone()[0]
    conn.execute("PRAGMA temp_store = MEMORY")
    try:
        yield
    finally:
        conn.execute(f"PRAGMA temp_store = {int(before)}")


# The trigger that notes each new annotation for `annotator sync` (migrations, version 6),
# whitespace collapsed: `_noted_for_sync_at_once` does its work, for this text only.
_SYNC_ADDED = "sync_annotation_added"
_SYNC_ADDED_SQL = (
    "CREATE TRIGGER sync_annotation_added AFTER INSERT ON annotations "
    "WHEN (SELECT value FROM sync_state WHERE key = 'recording') = '1' "
    "BEGIN INSERT INTO sync_pending (kind, id) SELECT 'annotation', NEW.id "
    "WHERE NOT EXISTS (SELECT 1 FROM sync_pending WHERE kind = 'annotation' AND id = NEW.id); "
    "END"
)


@contextmanager
def _noted_for_sync_at_once(conn: sqlite3.Connection, ids: Iterable[str]) -> Iterator[None]:
    """The annotations `ids` inserted in the block noted for `annotator sync` by one statement
    after it, as the project's trigger would note each: a trigger runs a program for every
    row and makes SQLite journal the pages each row changes (a sixth of the time of inserting
    100,000). The trigger is dropped and made again inside the caller's transaction, so no
    other connection sees the table without it; a trigger of another text is left to work."""
    found = conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", (_SYNC_ADDED,)
    ).fetchone()
    if found is None or " ".join(found[0].split()) != _SYNC_ADDED_SQL:
        yield
        return
    conn.execute(f"DROP TRIGGER {_SYNC_ADDED}")
    try:
        yield
    finally:
        conn.execute(found[0])
    if conn.execute("SELECT value FROM sync_state WHERE key = 'recording'").fetchone() == ("1",):
        conn.execute(
            "INSERT INTO sync_pending (kind, id) SELECT 'annotation', w.value FROM json_each(?) w "
            "WHERE NOT EXISTS (SELECT 1 FROM sync_pending p "
            "WHERE p.kind = 'annotation' AND p.id = w.value)",
            (json.dumps(list(ids)),),
        )


class AnnotationBatch:
    """Annotations new to the project, checked one by one and written together.

    `add` refuses an annotation exactly as `project.restore(id, AnnotationState(annotation))`
    would (the same exceptions and messages, in the same order: fields, schema and span text,
    link, one tag per span, annotator name), and records it as that call would: revision 1,
    its revision name, an empty history. `known` and `live_link` answer as the project's
    methods of those names would, had the batch's earlier annotations been stored. What the
    checks need of the project is read once per batch (ids asked about at the start) or once
    per document (its text and tagged spans; `read_documents` reads those of many documents in
    two queries), not once per annotation. `add_usual` takes the usual annotation of a file as
    its fields, with no `Annotation` made for it, and leaves every other to `add`.

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
        # layer -> (has an entity attribute, the layer its link points to or None, its stance
        # values); (layer, attribute items) -> the attributes as stored, as JSON: `add_usual`.
        self._layers: dict[str, tuple[bool, str | None, frozenset[str]]] = {}
        self._checked_attributes: dict[tuple, str] = {}
        self._texts: dict[str, str] = {}  # read by `read_documents`

    def _ask(self, ids: Iterable[str]) -> None:
        """Learn which of `ids` the project holds or has deletion records of, all at once."""
        wanted = [i for i in dict.fromkeys(ids) if i not in self._asked]
        if not wanted:
            return
        self._asked.update(wanted)
        conn = self.project.conn
        # A rowid is at least the number of rows: when the project holds fewer annotations
        # and deletion records than the ids asked about (a first import), reading all of its
        # ids costs less than looking up each one asked about.
        held = conn.execute(
            "SELECT coalesce((SELECT max(rowid) FROM annotations), 0) "
            "+ coalesce((SELECT max(rowid) FROM deletions), 0)"
        ).fetchone()[0]
        if held < len(wanted):
            asked = set(wanted)
            present = asked.intersection(r[0] for r in conn.execute("SELECT id FROM annotations"))
            self._present |= present
            self._deleted |= asked.intersection(
                r[0] for r in conn.execute("SELECT annotation_id FROM deletions")
            ).difference(present)
            return
        rows = conn.execute(
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

    def add_usual(
        self,
        annotation_id: str,
        document_id: str,
        annotator: str,
        layer: str,
        start: object,
        end: object,
        text: object,
        attributes: dict | None,
        entity: Entity | None,
        link_id: str | None,
        stances: list | None,
        origin: object,
        created_at: str,
        modified_at: str,
    ) -> bool:
        """Keep a new annotation, given as the fields of a file's record (`stances` as
        [target, value] lists, `attributes` as read), when it passes every check of `add` on
        what is already known (its layer, text and annotator; the batch's earlier annotations
        and spans): True. False, keeping nothing, for anything else, a fault or a first (a new
        annotator name, a link to an annotation of the project): the caller then `add`s it as
        an `Annotation`, which names the fault. Stores exactly what `add` would store: no
        `Annotation` is made for the usual record of a large import."""
        shape = self._layers.get(layer)
        if shape is None:
            shape = self._layer_shape(layer)
            if shape is None:
                return False
        has_entity, link_layer, stance_values = shape
        document = self._texts.get(document_id)
        if document is None:
            try:
                document = self._texts[document_id] = self.project.text(document_id)
            except AnnotatorError:
                return False
        if not (
            type(start) is int
            and type(end) is int
            and 0 <= start < end <= len(document)
            and text == document[start:end]
            and origin in _ORIGINS
            and (entity is None or has_entity)
            and annotator in self._annotators
        ):
            return False
        try:
            attributes_key = (layer, tuple(attributes.items()) if attributes else ())
            stored = self._checked_attributes.get(attributes_key)
        except TypeError:  # a value that is a list or an object
            return False
        if stored is None:
            try:
                checked = self.project._plain_attributes(layer, attributes or {})
            except AnnotatorError:
                return False
            stored = self._checked_attributes[attributes_key] = _attributes_json(checked)
        if link_id is not None:
            if link_layer is None or self._added.get(link_id) != (
                document_id,
                link_layer,
                annotator,
            ):
                return False
        pairs = []
        if stances:
            targets = set()
            for stance in stances:
                if not (type(stance) is list and len(stance) == 2):
                    return False
                target, value = stance
                if not (
                    type(target) is str
                    and type(value) is str
                    and value in stance_values
                    and target.strip()
                    and target not in targets
                ):
                    return False
                targets.add(target)
                pairs.append((target, value))
        key = (document_id, start, end, layer, annotator, link_id)
        spans = self._document_spans(document_id)
        if spans.get(key, annotation_id) != annotation_id:
            return False
        spans[key] = annotation_id
        entity_id = None
        if entity is not None:
            entity_id = entity.id
            self._entities.setdefault(entity_id, entity)
        content = (document_id, annotator, layer, start, end, stored, entity_id, link_id, pairs)
        self._rows.append(
            (
                document_id,
                self._annotators[annotator],
                layer,
                start,
                end,
                text,
                stored,
                entity_id,
                link_id,
                origin,
                created_at,
                modified_at,
                "[]",
                1,
                revision_token(1, content),
                "[]",
                annotation_id,
            )
        )
        self._stances += [(annotation_id, i, t, v) for i, (t, v) in enumerate(pairs)]
        self._added[annotation_id] = (document_id, layer, annotator)
        return True

    def _layer_shape(self, name: str) -> tuple[bool, str | None, frozenset[str]] | None:
        try:
            layer = self.project.schema.layer(name)
        except AnnotatorError:
            return None
        link = layer.attribute_of_type("link")
        shape = (
            layer.attribute_of_type("entity") is not None,
            link.layer if link is not None else None,
            frozenset(layer.stance_values),
        )
        self._layers[name] = shape
        return shape

    def _link_target(self, link_id: str) -> tuple[str, str, str] | None:
        found = self._added.get(link_id)
        if found is not None:
            return found
        return self.project.conn.execute(
            "SELECT a.document_id, a.layer, p.name FROM annotations a "
            "JOIN annotators p ON p.id = a.annotator_id WHERE a.id = ?",
            (link_id,),
        ).fetchone()

    def read_documents(self, document_ids: Iterable[str]) -> None:
        """Read the texts and tagged spans of the documents the batch will add to in two
        queries, instead of two for each document as it comes (10,000 documents: 20,000)."""
        ids = [i for i in dict.fromkeys(document_ids) if i not in self._spans]
        # A damaged text reads as "": no span fits it, and `add` then names the damage.
        self._texts.update(zip(ids, self.project.texts(ids), strict=True))
        self._spans.update((i, {}) for i in ids)
        rows = self.project.conn.execute(
            'SELECT a.document_id, a.start, a."end", a.layer, p.name, a.link_id, a.id '
            "FROM annotations a JOIN annotators p ON p.id = a.annotator_id "
            "WHERE a.document_id IN (SELECT value FROM json_each(?)) ORDER BY a.rowid DESC",
            (json.dumps(ids),),
        )
        # The first stored of equal spans is named (rowid order, read backwards).
        for row in rows:
            self._spans[row[0]][tuple(row[:6])] = row[6]

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
        with page_cache(conn), _noted_for_sync_at_once(conn, self._added):
            conn.executemany(_INSERT, self._rows)
        # Stance rows left by a hand edit under a new id would otherwise join the new ones.
        # When the project has fewer stances than there are new ids (a first import), its
        # stances' ids are read; else each new id is looked up, in order: the index of
        # stances is then walked once, not jumped about in.
        doomed: Collection[str] = self._added
        if conn.execute("SELECT coalesce(max(rowid), 0) FROM stances").fetchone()[0] < len(doomed):
            doomed = self._added.keys() & {
                r[0] for r in conn.execute("SELECT annotation_id FROM stances")
            }
        if doomed:
            conn.execute(
                "DELETE FROM stances WHERE annotation_id IN (SELECT value FROM json_each(?))",
                (json.dumps(sorted(doomed)),),
            )
        conn.executemany(
            "INSERT INTO stances (annotation_id, position, target, value) VALUES (?, ?, ?, ?)",
            sorted(self._stances),
        )
        return len(self._rows)
