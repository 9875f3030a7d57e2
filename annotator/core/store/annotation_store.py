"""Reading and writing annotations: the part of `Project` that validates a span against its
document and the schema, and takes and restores snapshots for undo. Mixed into `Project`,
whose connection, schema, texts and transactions it uses."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import uuid
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import Any

from annotator.core.clock import now
from annotator.core.columns import SpanColumns
from annotator.core.errors import (
    ConflictError,
    DamagedProjectError,
    DuplicateError,
    LayerName,
    Message,
    NotFoundError,
    ValidationError,
)
from annotator.core.model import Annotation, Entity, Stance
from annotator.core.store.integrity import RowCheck, bulk_row_ok, damaged_count

_UNSET: Any = object()


@dataclass(frozen=True)
class AnnotationState:
    """Everything needed to put an annotation back exactly: itself and the claims linking to it."""

    annotation: Annotation
    incoming: tuple[str, ...] = ()


class AnnotationStore:
    # ----------------------------------------------------------------- annotations: reading

    # The columns an Annotation is made of, of the annotation, its annotator and its entity:
    # each row is checked (`RowCheck`, the Python form of `integrity.row_ok`) before it
    # becomes one. `{length}` is the length of the document's text.
    _SELECT = """
        SELECT a.id, a.document_id, a.annotator_id, a.layer, a.start, a."end", a.text,
               a.attributes, a.entity_id, a.link_id, a.origin, a.created_at, a.modified_at,
               a.sources, a.revision, p.name, e.id, e.name, e.kind, e.aliases, {length}
        FROM annotations a
        JOIN annotators p ON p.id = a.annotator_id
        LEFT JOIN entities e ON e.id = a.entity_id
    """

    def annotations(self, document_id: str, annotator: str | None = None) -> list[Annotation]:
        """The annotations of a document in reading order (by start, longer spans first).

        A row of the wrong type or shape, of a layer the schema lacks, or past the end of the
        text is left out (`left_out` counts them, `verify` names them)."""
        where, params = "WHERE a.document_id = ?", [document_id, document_id]
        if annotator is not None:
            where += " AND a.annotator_id = (SELECT id FROM annotators WHERE name = ?)"
            params.append(annotator)
        select = self._SELECT.format(length="(SELECT length(text) FROM documents WHERE id = ?)")
        rows = self._fetch(
            f'{select} {where} ORDER BY a.start, a."end" DESC, a.layer, a.id', params
        )
        stances = self._stances(
            "SELECT s.annotation_id, s.position, s.target, s.value FROM annotations a "
            f"JOIN stances s ON s.annotation_id = a.id {where} "
            "ORDER BY s.annotation_id, s.position",
            params[1:],
        )
        reader = _Reader(self._layer_names())
        found = reader.annotations(rows, stances)
        if annotator is None:
            self._left_out[document_id] = reader.left_out
        return found

    def annotation_spans(self, document_id: str) -> SpanColumns:
        """The spans of a document's annotations (every annotator) in reading order, as
        columns (`SpanColumns`): what a window holds of a long document, with no `Annotation`
        built (`annotations_by_id` builds those it shows). The rows left out are those
        `annotations` leaves out, and are counted the same (`left_out`).

        One query, read in chunks so that a document of 400,000 annotations never holds
        their rows all at once; the JSON columns are judged once per distinct text."""
        columns = SpanColumns()
        try:
            # The text is read (and kept) rather than its length: whoever shows the
            # annotations shows the text, and SQL's length() reads it all as well.
            length: int | None = len(self.text(document_id))
        except (NotFoundError, DamagedProjectError):
            length = self._text_length(document_id)
        if length is None:
            self._left_out[document_id] = 0
            return columns
        names = {
            row[0]: row[1]
            for row in self.conn.execute("SELECT id, name FROM annotators")
            if type(row[0]) is int and type(row[1]) is str
        }
        layers = self._layer_names()
        check = RowCheck()  # judges each distinct JSON text once
        factory = self.conn.text_factory
        for attempt in (str, factory):
            # Text read as it is (the fast way), or, when some is not UTF-8, again with U+FFFD
            # in place of the bad bytes (`integrity.read_text`), as `_fetch` does.
            self.conn.text_factory = attempt
            try:
                columns, left_out = self._read_columns(document_id, length, names, layers, check)
                break
            except sqlite3.OperationalError as exc:
                if attempt is factory or factory is str or "decode" not in str(exc):
                    raise
            finally:
                self.conn.text_factory = factory
        self._left_out[document_id] = left_out
        return columns

    def _read_columns(
        self,
        document_id: str,
        length: int,
        names: dict[int, str],
        layers: frozenset[str],
        check: RowCheck,
    ) -> tuple[SpanColumns, int]:
        columns, left_out = SpanColumns(), 0
        code = columns.code
        cursor = self.conn.execute(
            f"""SELECT a.id, a.start, a."end", a.layer, a.annotator_id, a.revision,
                   a.attributes, a.sources, {_SPAN_ROW_OK} AND a."end" <= ?
            FROM annotations a JOIN annotators p ON p.id = a.annotator_id
            WHERE a.document_id = ?
            ORDER BY a.start, a."end" DESC, a.layer, a.id""",
            (length, document_id),
        )
        while chunk := cursor.fetchmany(20_000):
            ids, starts, ends, layer, who, revision, attributes, sources, ok = zip(
                *chunk, strict=True
            )
            del chunk
            good = {t: check.fits("annotations", ("attributes",), (t,)) for t in set(attributes)}
            lists = {t: check.fits("annotations", ("sources",), (t,)) for t in set(sources)}
            if not (
                all(ok)
                and all(good.values())
                and all(lists.values())
                and layers.issuperset(layer)
                and names.keys() >= set(who)
            ):
                keep = [
                    k
                    for k in range(len(ids))
                    if ok[k]
                    and good[attributes[k]]
                    and lists[sources[k]]
                    and layer[k] in layers
                    and who[k] in names
                ]
                left_out += len(ids) - len(keep)
                ids, starts, ends, layer, who, revision = (
                    tuple(column[k] for k in keep)
                    for column in (ids, starts, ends, layer, who, revision)
                )
            layer_codes = {name: code(name) for name in set(layer)}
            who_codes = {number: code(names[number]) for number in set(who)}
            columns.extend(
                ids,
                starts,
                ends,
                list(map(layer_codes.__getitem__, layer)),
                list(map(who_codes.__getitem__, who)),
                revision,
            )
        return columns, left_out

    def annotations_by_id(self, annotation_ids: Iterable[str]) -> dict[str, Annotation]:
        """The annotations with these ids that exist and are not damaged (as `annotation` reads
        each), read a few hundred at a time."""
        wanted = list(dict.fromkeys(annotation_ids))
        found: dict[str, Annotation] = {}
        reader = _Reader(self._layer_names())
        for first in range(0, len(wanted), 500):
            part = wanted[first : first + 500]
            marks = ",".join("?" * len(part))
            rows = self._fetch(
                f"{self._SELECT.format(length='NULL')} WHERE a.id IN ({marks})", part
            )
            lengths: dict[Any, int | None] = {}
            for document_id in {row[1] for row in rows}:  # each text's length read once
                lengths[document_id] = self._text_length(document_id)
            rows = [(*row[:20], lengths[row[1]]) for row in rows]
            stances = self._stances(
                "SELECT annotation_id, position, target, value FROM stances "
                f"WHERE annotation_id IN ({marks}) ORDER BY annotation_id, position",
                part,
            )
            for annotation in reader.annotations(rows, stances):
                found[annotation.id] = annotation
        return found

    def annotation_start(self, annotation_id: str) -> int | None:
        """Where an annotation starts (code points), None when there is no such annotation:
        how a window finds it among columns kept in reading order."""
        row = self.conn.execute(
            "SELECT start FROM annotations WHERE id = ?", (annotation_id,)
        ).fetchone()
        return row[0] if row and type(row[0]) is int else None

    def linking_to(self, annotation_ids: Iterable[str]) -> set[str]:
        """The ids of the annotations whose link points to one of these (claims of a speaker)."""
        wanted = list(annotation_ids)
        marks = ",".join("?" * len(wanted))
        if not wanted:
            return set()
        rows = self.conn.execute(
            f"SELECT id FROM annotations WHERE link_id IN ({marks}) AND typeof(id) = 'text'",
            wanted,
        )
        return {row[0] for row in rows}

    def annotation(self, annotation_id: str) -> Annotation:
        rows = self._fetch(f"{self._SELECT.format(length='NULL')} WHERE a.id = ?", (annotation_id,))
        rows = [(*row[:20], self._text_length(row[1])) for row in rows]
        stances = self._stances(
            "SELECT annotation_id, position, target, value FROM stances WHERE annotation_id = ? "
            "ORDER BY position",
            (annotation_id,),
        )
        found = _Reader(self._layer_names()).annotations(rows, stances)
        if not found:
            raise NotFoundError(Message("no annotation with id %1", repr(annotation_id)))
        return found[0]

    def _text_length(self, document_id: Any) -> int | None:
        """The length of a document's text in code points (None: no such document). Taken
        from the text kept in memory when it is: `length()` in SQL reads the whole text, which
        for a long article is milliseconds on every edit."""
        text = self._texts.get(document_id) if isinstance(document_id, str) else None
        if text is not None:
            return len(text)
        row = self.conn.execute(
            "SELECT length(text) FROM documents WHERE id = ?", (document_id,)
        ).fetchone()
        return row[0] if row else None

    def _fetch(self, sql: str, params: Sequence) -> list[tuple]:
        """All rows of a query; text read as it is (the fast way), or, when some is not UTF-8,
        again with U+FFFD in place of the bad bytes (`integrity.read_text`)."""
        factory = self.conn.text_factory
        self.conn.text_factory = str
        try:
            return self.conn.execute(sql, params).fetchall()
        except sqlite3.OperationalError as exc:
            if factory is str or "decode" not in str(exc):
                raise
        finally:
            self.conn.text_factory = factory
        return self.conn.execute(sql, params).fetchall()

    def _stances(self, sql: str, params: Sequence) -> dict[str, tuple[Stance, ...]]:
        found: dict[str, list[Stance]] = {}
        check = RowCheck()
        for row in self._fetch(sql, params):
            if check.fits("stances", _STANCE_COLUMNS, row):
                found.setdefault(row[0], []).append(Stance(row[2], row[3]))
        return {k: tuple(v) for k, v in found.items()}

    def _layer_names(self) -> frozenset[str]:
        return frozenset(layer.name for layer in self.schema.layers)

    def left_out(self, document_id: str | None = None) -> int:
        """How many rows of the project (None), or annotations of a document, reads leave out
        as damaged (`annotator check` names each and what is wrong with it)."""
        if document_id is None:
            count = damaged_count(self.conn)
            # Every row passed: the bulk reads need not check them again until the file changes.
            self._sound_at = self._file_version() if count == 0 else None
            return count
        if document_id not in self._left_out:
            self.annotation_spans(document_id)
        return self._left_out[document_id]

    def annotation_count(self, document_id: str | None = None, annotator: str | None = None) -> int:
        """How many annotations the project holds (of one document, of one annotator)."""
        sql = "SELECT count(*) FROM annotations a WHERE 1"
        params: list[Any] = []
        if document_id is not None:
            sql += " AND a.document_id = ?"
            params.append(document_id)
        if annotator is not None:
            sql += " AND a.annotator_id = (SELECT id FROM annotators WHERE name = ?)"
            params.append(annotator)
        return self.conn.execute(sql, params).fetchone()[0]

    def decided_from(self, document_id: str, annotator: str) -> set[str]:
        """The ids named in the `sources` of an annotator's annotations of a document: the
        suggestions they accepted, the annotations gold was decided from."""
        rows = self.conn.execute(
            "SELECT j.value FROM annotations a JOIN annotators p ON p.id = a.annotator_id, "
            # json_each raises on text that is not a JSON list: such a row (a hand edit)
            # adds nothing.
            "json_each(CASE WHEN typeof(a.sources) = 'text' AND json_valid(a.sources) "
            "AND json_type(a.sources) = 'array' THEN a.sources END) j "
            "WHERE a.document_id = ? AND p.name = ? AND a.sources != '[]'",
            (document_id, annotator),
        )
        return {r[0] for r in rows}

    # ----------------------------------------------------------------- annotations: writing

    def add_annotation(
        self,
        document_id: str,
        annotator: str,
        layer: str,
        start: int,
        end: int,
        *,
        attributes: Mapping[str, Any] | None = None,
        entity: str | Entity | None = None,
        link_id: str | None = None,
        stances: Iterable[Stance | tuple[str, str]] = (),
        origin: str = "manual",
        text: str | None = None,
        id: str | None = None,
        sources: Iterable[str] = (),
    ) -> Annotation:
        """Tag `text[start:end]` of a document; `text`, when given, must equal that slice.

        `entity` is a speaker entity or its name (a new name creates the entity); `sources` are
        the annotations an adjudicated annotation was decided from.
        """
        if not (isinstance(start, int) and isinstance(end, int)):
            raise ValidationError(
                Message("span %1-%2: offsets must be whole numbers", repr(start), repr(end))
            )
        stamp = now()
        with self.atomic():
            if entity is not None and not isinstance(entity, Entity):
                role = (attributes or {}).get("role")
                entity = self.ensure_entity(entity, kind=role)
            annotation = Annotation(
                id=id or str(uuid.uuid4()),
                document_id=document_id,
                annotator=annotator,
                layer=layer,
                start=start,
                end=end,
                text=text if text is not None else self.text(document_id)[start:end],
                attributes=dict(attributes or {}),
                entity=entity,
                link_id=link_id,
                stances=tuple(_stance(s) for s in stances),
                origin=origin,
                created_at=stamp,
                modified_at=stamp,
                sources=tuple(sources),
            )
            annotation = self._write(annotation, new=True)
            if origin == "manual":
                self.conn.execute(
                    "INSERT OR IGNORE INTO document_status "
                    "(document_id, annotator_id, status, modified_at) VALUES (?, ?, ?, ?)",
                    (document_id, self._annotator_id(annotator), "in_progress", stamp),
                )
        return annotation

    def update_annotation(
        self,
        annotation_id: str,
        *,
        start: int = _UNSET,
        end: int = _UNSET,
        layer: str = _UNSET,
        attributes: Mapping[str, Any] = _UNSET,
        entity: str | Entity | None = _UNSET,
        link_id: str | None = _UNSET,
        stances: Iterable[Stance | tuple[str, str]] = _UNSET,
        base_revision: int | None = None,
    ) -> Annotation:
        """Change some fields of an annotation; the others keep their values.

        `base_revision`: the revision the change was built from; when given and no longer the
        stored one (or the annotation was deleted since), ConflictError is raised and nothing
        changes.
        """
        with self.atomic():
            _check_exists(self, annotation_id, base_revision)
            old = self.annotation(annotation_id)
            _check_base(old, base_revision)
            changes: dict[str, Any] = {"modified_at": now()}
            for name, value in (
                ("start", start),
                ("end", end),
                ("layer", layer),
                ("link_id", link_id),
            ):
                if value is not _UNSET:
                    changes[name] = value
            if attributes is not _UNSET:
                changes["attributes"] = dict(attributes)
            if stances is not _UNSET:
                changes["stances"] = tuple(_stance(s) for s in stances)
            if entity is not _UNSET:
                if entity is not None and not isinstance(entity, Entity):
                    entity = self.ensure_entity(entity)
                changes["entity"] = entity
            new = replace(old, **changes)
            if new.layer != old.layer:
                new = self._fit_to_layer(new)
            if (new.start, new.end) != (old.start, old.end):
                new = replace(new, text=self.text(new.document_id)[new.start : new.end])
            written = self._write(new, new=False)
            if new.layer != old.layer:
                # Claims linking to a mention that is no longer of the linked layer lose the link.
                self._drop_invalid_incoming(annotation_id, new.layer)
        return written

    def _fit_to_layer(self, annotation: Annotation) -> Annotation:
        """Keep what the new layer can hold when an annotation changes layer."""
        layer = self.schema.layer(annotation.layer)
        plain = {
            k: v
            for k, v in annotation.attributes.items()
            if (a := layer.attribute(k)) is not None
            and a.type in ("choice", "text")
            and (a.type == "text" or v in a.values)
        }
        return replace(
            annotation,
            attributes=plain,
            entity=annotation.entity if layer.attribute_of_type("entity") else None,
            link_id=annotation.link_id if layer.attribute_of_type("link") else None,
            stances=annotation.stances if layer.has_stance else (),
        )

    def _drop_invalid_incoming(self, target_id: str, new_layer: str) -> None:
        for source_id, source_layer in self.conn.execute(
            "SELECT id, layer FROM annotations WHERE link_id = ?", (target_id,)
        ).fetchall():
            link = self.schema.layer(source_layer).attribute_of_type("link")
            if link is None or link.layer != new_layer:
                self._relink(source_id, None)

    def _relink(self, annotation_id: str, link_id: str | None) -> None:
        """Point a claim's link elsewhere (None: nowhere) as a new revision of the claim."""
        claim = self.annotation(annotation_id)
        if claim.link_id != link_id:
            # Unlinking the claims of a joint statement whose speakers are deleted leaves them
            # alike; that is the deletion's doing, not a second tag, so it is not refused.
            self._write(
                replace(claim, link_id=link_id, modified_at=now()),
                new=False,
                check_twice=link_id is not None,
            )

    def delete_annotation(
        self, annotation_id: str, base_revision: int | None = None
    ) -> AnnotationState:
        """Delete an annotation and record the deletion; returns what `restore` needs to put it
        back. Claims linking to it lose their link (a new revision of each). `base_revision` as
        in `update_annotation`."""
        with self.atomic():
            _check_exists(self, annotation_id, base_revision)
            state = self.state(annotation_id)
            if state is None:
                raise NotFoundError(Message("no annotation with id %1", repr(annotation_id)))
            _check_base(state.annotation, base_revision)
            self._delete(annotation_id, state.incoming)
        return state

    def delete_annotations(self, annotation_ids: Sequence[str]) -> None:
        """Delete many annotations in one transaction, as `delete_annotation` of each in turn
        would (a deletion record each; claims left linking to one lose their link, as a new
        revision), in a few statements rather than a dozen per annotation. Raises NotFoundError,
        and deletes nothing, when one does not exist."""
        ids = list(dict.fromkeys(annotation_ids))
        if not ids:
            return
        wanted = json.dumps(ids)
        with self.atomic():
            rows = self.conn.execute(
                "SELECT a.id, a.document_id, p.name, a.layer, a.revision, a.rev, a.history "
                "FROM annotations a JOIN annotators p ON p.id = a.annotator_id "
                "WHERE a.id IN (SELECT value FROM json_each(?))",
                (wanted,),
            ).fetchall()
            found = {row[0]: row for row in rows}
            missing = next((i for i in ids if i not in found), None)
            if missing is not None:
                raise NotFoundError(Message("no annotation with id %1", repr(missing)))
            # Claims outside the set that link into it are unlinked first, as one by one.
            for claim_id in self.conn.execute(
                "SELECT id FROM annotations WHERE link_id IN (SELECT value FROM json_each(?)) "
                "AND id NOT IN (SELECT value FROM json_each(?)) ORDER BY id",
                (wanted, wanted),
            ).fetchall():
                self._relink(claim_id[0], None)
            stamp = now()
            records = []
            for annotation_id in ids:
                _, document_id, annotator, layer, revision, rev, history = found[annotation_id]
                records.append(
                    (
                        annotation_id,
                        document_id,
                        annotator,
                        layer,
                        revision + 1,
                        f"{revision + 1}-deleted",
                        json.dumps(_descent(_history(history), rev, ())),
                        stamp,
                    )
                )
            self.conn.executemany(
                "INSERT OR REPLACE INTO deletions (annotation_id, document_id, annotator, layer, "
                "revision, rev, history, deleted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                records,
            )
            self.conn.execute(
                "DELETE FROM annotations WHERE id IN (SELECT value FROM json_each(?))", (wanted,)
            )

    def _delete(
        self, annotation_id: str, incoming: Iterable[str], after: Sequence[str] = ()
    ) -> None:
        """Delete and record the deletion; `after`: other revision names (a colleague's, at a
        merge) the deletion descends from besides the stored one."""
        for source_id in incoming:
            self._relink(source_id, None)
        row = self.conn.execute(
            "SELECT a.document_id, p.name, a.layer, a.revision, a.rev, a.history "
            "FROM annotations a JOIN annotators p ON p.id = a.annotator_id WHERE a.id = ?",
            (annotation_id,),
        ).fetchone()
        if row is None:
            return
        document_id, annotator, layer, revision, rev, history = row
        history = json.dumps(_descent(_history(history), rev, after))
        self.conn.execute(
            "INSERT OR REPLACE INTO deletions (annotation_id, document_id, annotator, layer, "
            "revision, rev, history, deleted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                annotation_id,
                document_id,
                annotator,
                layer,
                revision + 1,
                f"{revision + 1}-deleted",
                history,
                now(),
            ),
        )
        self.conn.execute("DELETE FROM annotations WHERE id = ?", (annotation_id,))

    def revision(self, annotation_id: str) -> int | None:
        """The stored revision of an annotation; None when it does not exist."""
        row = self.conn.execute(
            "SELECT revision FROM annotations WHERE id = ?", (annotation_id,)
        ).fetchone()
        return row[0] if row else None

    def known(self, annotation_id: str) -> bool:
        """Whether the project holds the annotation or a record of its deletion: an import
        or merge never brings back what the researcher deleted."""
        return (
            self.conn.execute(
                "SELECT 1 FROM annotations WHERE id = ? UNION ALL "
                "SELECT 1 FROM deletions WHERE annotation_id = ?",
                (annotation_id, annotation_id),
            ).fetchone()
            is not None
        )

    def live_link(self, link_id: str | None) -> str | None:
        """`link_id`, or None when that annotation was deleted here: a claim imported after its
        speaker was deleted comes in unlinked, as the deletion left the claims it had."""
        if link_id is not None and self.revision(link_id) is None and self.deletion(link_id):
            return None
        return link_id

    def deletion(self, annotation_id: str) -> dict[str, Any] | None:
        """The record of a deleted annotation (document_id, annotator, layer, revision, rev,
        history, deleted_at), or None when it was never deleted or exists again."""
        row = self.conn.execute(
            "SELECT document_id, annotator, layer, revision, rev, history, deleted_at "
            "FROM deletions WHERE annotation_id = ?",
            (annotation_id,),
        ).fetchone()
        if row is None:
            return None
        keys = ("document_id", "annotator", "layer", "revision", "rev", "history", "deleted_at")
        record = dict(zip(keys, row, strict=True))
        record["history"] = _history(record["history"])
        return record

    def state(self, annotation_id: str) -> AnnotationState | None:
        """A snapshot of an annotation for undo, or None when it does not exist."""
        try:
            annotation = self.annotation(annotation_id)
        except NotFoundError:
            return None
        return AnnotationState(annotation, self._incoming(annotation_id))

    def restore(
        self,
        annotation_id: str,
        state: AnnotationState | None,
        expected: int | None = _UNSET,
    ) -> int | None:
        """Make the annotation as in `state` (None: make it not exist), as a new revision: undo
        and redo never write an old revision back. Returns the revision now stored (None: the
        annotation does not exist).

        `expected`: the revision the caller believes is stored (None: that it does not exist);
        when it is not so, ConflictError is raised and nothing changes. Claims in
        `state.incoming` are linked again when they exist and link nowhere else.
        """
        with self.atomic():
            current = self.revision(annotation_id)
            if expected is not _UNSET and current != expected:
                raise ConflictError(_conflict_message(annotation_id, expected, current))
            if state is None:
                if current is not None:
                    self._delete(annotation_id, self._incoming(annotation_id))
                return None
            annotation = state.annotation
            if annotation.entity is not None:
                self._put_entity(annotation.entity)
            self._write(annotation, new=current is None)
            if current is not None:
                # Redoing a change of layer: claims that linked to it as a speaker lose the link.
                self._drop_invalid_incoming(annotation_id, annotation.layer)
            for source_id in state.incoming:
                row = self.conn.execute(
                    "SELECT link_id, layer FROM annotations WHERE id = ?", (source_id,)
                ).fetchone()
                # Only claims that can still link to it (another window may have made one a
                # speaker since) and that link nowhere else.
                link = self.schema.layer(row[1]).attribute_of_type("link") if row else None
                if link and link.layer == annotation.layer and row[0] in (None, annotation_id):
                    self._relink(source_id, annotation_id)
            return self.revision(annotation_id)

    def restore_what_remains(
        self,
        annotation_id: str,
        state: AnnotationState | None,
        expected: int | None = _UNSET,
    ) -> tuple[int | None, list[Message]]:
        """`restore` for undo and redo after another window changed the annotations around
        this one: what can still be put back is, in one transaction, and each part that cannot
        is said. A link to an annotation deleted elsewhere (or made another layer) is left out,
        and the annotation comes back without it; a claim of `state.incoming` deleted
        elsewhere, linked elsewhere since, or made another layer is left as it is.

        Returns (the revision now stored or None, one Message per part not put back). Raises
        like `restore` (ConflictError when `expected` is not the stored revision, a
        ValidationError or DuplicateError for what no one else's change explains), and then
        nothing was changed."""
        if state is None:
            return self.restore(annotation_id, state, expected), []
        annotation = state.annotation
        left: list[Message] = []
        layer = self.schema.layer(annotation.layer)
        with self.atomic():
            link = layer.attribute_of_type("link")
            if link is not None and annotation.link_id is not None:
                row = self.conn.execute(
                    "SELECT a.document_id, a.layer, p.name FROM annotations a "
                    "JOIN annotators p ON p.id = a.annotator_id WHERE a.id = ?",
                    (annotation.link_id,),
                ).fetchone()
                try:
                    check_link_target(annotation, link, row)
                except ValidationError:
                    left.append(
                        Message(
                            "%1 %2 is back without its link: the %3 it linked to (%4) was "
                            "deleted in another window",
                            LayerName(annotation.layer),
                            repr(annotation.text),
                            LayerName(link.layer),
                            annotation.link_id,
                        )
                        if row is None
                        else Message(
                            "%1 %2 is back without its link: the annotation it linked to (%3) "
                            "was made a %4 in another window",
                            LayerName(annotation.layer),
                            repr(annotation.text),
                            annotation.link_id,
                            LayerName(row[1]),
                        )
                    )
                    annotation = replace(annotation, link_id=None)
            for source_id in state.incoming:
                row = self.conn.execute(
                    "SELECT link_id, layer FROM annotations WHERE id = ?", (source_id,)
                ).fetchone()
                source_link = self.schema.layer(row[1]).attribute_of_type("link") if row else None
                if row is None:
                    left.append(
                        Message(
                            "annotation %1, which linked to %2 %3, was deleted in another "
                            "window and cannot be linked back",
                            source_id,
                            LayerName(annotation.layer),
                            repr(annotation.text),
                        )
                    )
                elif source_link is None or source_link.layer != annotation.layer:
                    left.append(
                        Message(
                            "annotation %1, which linked to %2 %3, was made a %4 in another "
                            "window and is not linked back",
                            source_id,
                            LayerName(annotation.layer),
                            repr(annotation.text),
                            LayerName(row[1]),
                        )
                    )
                elif row[0] not in (None, annotation_id):
                    left.append(
                        Message(
                            "annotation %1, which linked to %2 %3, was linked to annotation %4 "
                            "in another window and keeps that link",
                            source_id,
                            LayerName(annotation.layer),
                            repr(annotation.text),
                            row[0],
                        )
                    )
            revision = self.restore(
                annotation_id, AnnotationState(annotation, state.incoming), expected
            )
        return revision, left

    def _incoming(self, annotation_id: str) -> tuple[str, ...]:
        return tuple(
            r[0]
            for r in self.conn.execute(
                "SELECT id FROM annotations WHERE link_id = ? ORDER BY id", (annotation_id,)
            )
        )

    def _write(
        self,
        annotation: Annotation,
        new: bool,
        *,
        after: Sequence[str] = (),
        as_revision: tuple[int, str, Sequence[str]] | None = None,
        check_twice: bool = True,
    ) -> Annotation:
        """Validate an annotation against the schema and its document and store it as its next
        revision (after the stored one, or after its deletion record when it comes back).

        `after`: other revision names the new one descends from (a colleague's, when a merge
        conflict is resolved); `as_revision`: (revision, rev, history) to store as they are,
        when a merge brings in a colleague's newer revision; `check_twice`: refuse a second
        tag of the same span (see `_check_not_twice`)."""
        annotation = self._validated(annotation, check_twice=check_twice)
        annotator_id = self._annotator_id(annotation.annotator, create=True)
        before = self.conn.execute(
            "SELECT revision, rev, history FROM annotations WHERE id = ? UNION ALL "
            "SELECT revision, rev, history FROM deletions WHERE annotation_id = ?",
            (annotation.id, annotation.id),
        ).fetchone()
        revision, earlier = 1, list(after)
        # A damaged revision (`annotator check` names it) starts the count again.
        if before is not None and isinstance(before[0], int) and 0 < before[0] < 1 << 53:
            revision, earlier = before[0] + 1, _descent(_history(before[2]), before[1], after)
        history = json.dumps(earlier)
        rev = revision_token(revision, revision_content(annotation))
        if as_revision is not None:
            revision, rev, history = (
                as_revision[0],
                as_revision[1],
                json.dumps(list(as_revision[2])),
            )
        row = _row(annotation, annotator_id, revision, rev, history)
        try:
            if new:
                self.conn.execute(_INSERT, row)
            else:
                self.conn.execute(
                    "UPDATE annotations SET document_id = ?, annotator_id = ?, layer = ?, "
                    'start = ?, "end" = ?, text = ?, attributes = ?, entity_id = ?, '
                    "link_id = ?, origin = ?, created_at = ?, modified_at = ?, sources = ?, "
                    "revision = ?, rev = ?, history = ? WHERE id = ?",
                    row,
                )
        except sqlite3.IntegrityError as exc:
            if "UNIQUE" in str(exc) and "annotations.id" in str(exc):
                raise ValidationError(
                    Message("an annotation with id %1 exists", annotation.id)
                ) from None
            raise
        if before is not None:
            self.conn.execute("DELETE FROM deletions WHERE annotation_id = ?", (annotation.id,))
        self.conn.execute("DELETE FROM stances WHERE annotation_id = ?", (annotation.id,))
        self.conn.executemany(
            "INSERT INTO stances (annotation_id, position, target, value) VALUES (?, ?, ?, ?)",
            [(annotation.id, i, s.target, s.value) for i, s in enumerate(annotation.stances)],
        )
        return replace(annotation, revision=revision)

    def _insert_revisions(
        self, items: Sequence[tuple[Annotation, int, str, Sequence[str]]]
    ) -> None:
        """Store new annotations, each as (annotation, revision, rev, history) kept as given: a
        merge's bulk path. The caller has run `_validated_fields` on each and checks links and
        twins once all are stored (they may point at each other)."""
        annotators: dict[str, int | None] = {}
        rows, stances = [], []
        encoded: dict[tuple, str] = {}  # each distinct set of attribute values, encoded once
        for annotation, revision, rev, history in items:
            name = annotation.annotator
            if name not in annotators:
                annotators[name] = self._annotator_id(name, create=True)
            try:
                key = tuple(annotation.attributes.items())
                attributes = encoded.get(key) or encoded.setdefault(
                    key, _attributes_json(annotation.attributes)
                )
            except TypeError:  # a value that is a list or an object
                attributes = _attributes_json(annotation.attributes)
            rows.append(
                _row(
                    annotation,
                    annotators[name],
                    revision,
                    rev,
                    json.dumps(list(history)) if history else "[]",
                    attributes,
                )
            )
            stances += [
                (annotation.id, i, s.target, s.value) for i, s in enumerate(annotation.stances)
            ]
        # One statement for all rows: a merge of 100,000 annotations stays within seconds.
        with page_cache(self.conn):
            self.conn.executemany(_INSERT, rows)
        self.conn.executemany(
            "INSERT INTO stances (annotation_id, position, target, value) VALUES (?, ?, ?, ?)",
            stances,
        )

    def _validated(self, annotation: Annotation, *, check_twice: bool = True) -> Annotation:
        """The annotation with its attributes as stored; ValidationError when it does not fit
        the schema, its document, its link's target or the one-tag-per-span rule."""
        annotation = self._validated_fields(annotation)
        if annotation.link_id is not None:
            link = self.schema.layer(annotation.layer).attribute_of_type("link")
            self._check_link(annotation, link)
        if check_twice:
            self._check_not_twice(annotation)
        return annotation

    def _validated_fields(self, annotation: Annotation) -> Annotation:
        """The checks of `_validated` that need no other annotation (schema, span, text)."""
        layer = self.schema.layer(annotation.layer)
        text = self.text(annotation.document_id)
        start, end = annotation.start, annotation.end
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
            raise ValidationError(
                Message(
                    "span %1-%2 is not inside the document (0-%3, start before end)",
                    start,
                    end,
                    len(text),
                )
            )
        if annotation.text != text[start:end]:
            raise ValidationError(
                Message(
                    "span text %1 does not match the document at %2-%3 (%4)",
                    repr(annotation.text),
                    start,
                    end,
                    repr(text[start:end]),
                )
            )
        if annotation.origin not in ("manual", "imported", "suggested", "adjudicated"):
            raise ValidationError(Message("unknown origin %1", repr(annotation.origin)))
        attributes = self._plain_attributes(layer.name, annotation.attributes)
        if annotation.entity is not None and layer.attribute_of_type("entity") is None:
            raise ValidationError(Message("layer %1 has no speaker entity", repr(layer.name)))
        if annotation.link_id is not None and layer.attribute_of_type("link") is None:
            raise ValidationError(Message("layer %1 has no link", repr(annotation.layer)))
        targets = set()
        for stance in annotation.stances:
            self.schema.validate_stance_value(layer.name, stance.value)
            if not stance.target.strip():
                raise ValidationError("a stance needs a target")
            if stance.target in targets:
                raise ValidationError(
                    Message("stance target %1 is given twice", repr(stance.target))
                )
            targets.add(stance.target)
        if attributes == annotation.attributes:
            return annotation  # most often so; `replace` is slow over a merge's many rows
        return replace(annotation, attributes=attributes)

    # (schema, {(layer, attribute items): the attributes as validated}): see `_plain_attributes`.
    _attribute_memo: tuple[Any, dict[tuple, dict[str, Any]]] = (None, {})
    _ATTRIBUTE_MEMO_SIZE = 10_000

    def _plain_attributes(self, layer: str, attributes: Mapping[str, Any]) -> dict[str, Any]:
        """`schema.validate_attributes(layer, attributes)`, remembered for each distinct set of
        values (an import or merge checks the same few sets thousands of times)."""
        schema, memo = self._attribute_memo
        if schema is not self.schema or len(memo) > self._ATTRIBUTE_MEMO_SIZE:
            memo = {}
            self._attribute_memo = (self.schema, memo)
        try:
            key = (layer, tuple(attributes.items()))
            found = memo.get(key)
        except TypeError:  # a value that is a list or an object: refused below
            return self.schema.validate_attributes(layer, attributes)
        if found is None:
            found = memo[key] = self.schema.validate_attributes(layer, attributes)
        return dict(found)

    def _check_not_twice(self, annotation: Annotation) -> None:
        """One annotator tags a span in a layer once. The one exception is a joint statement:
        the same claim span once per speaker, each copy linked to a different speaker."""
        twin = self.conn.execute(
            "SELECT a.id FROM annotations a JOIN annotators p ON p.id = a.annotator_id "
            'WHERE a.document_id = ? AND a.start = ? AND a."end" = ? AND a.layer = ? '
            "AND p.name = ? AND a.link_id IS ? AND a.id != ? LIMIT 1",
            (
                annotation.document_id,
                annotation.start,
                annotation.end,
                annotation.layer,
                annotation.annotator,
                annotation.link_id,
                annotation.id,
            ),
        ).fetchone()
        if twin is not None:
            linked = self.schema.layer(annotation.layer).attribute_of_type("link") is not None
            raise DuplicateError(annotation.annotator, annotation.layer, twin[0], linked)

    def _check_link(self, annotation: Annotation, link: Any) -> None:
        if link is None:
            raise ValidationError(Message("layer %1 has no link", repr(annotation.layer)))
        row = self.conn.execute(
            "SELECT a.document_id, a.layer, p.name FROM annotations a "
            "JOIN annotators p ON p.id = a.annotator_id WHERE a.id = ?",
            (annotation.link_id,),
        ).fetchone()
        check_link_target(annotation, link, row)


def check_link_target(annotation: Annotation, link: Any, row: Sequence | None) -> None:
    """Refuse a link whose target, (document_id, layer, annotator) or None when it does not
    exist, is not an annotation of the linked layer, document and annotator."""
    if row is None:
        raise ValidationError(
            Message("linked annotation %1 does not exist", repr(annotation.link_id))
        )
    if row[0] != annotation.document_id or row[1] != link.layer:
        raise ValidationError(
            Message(
                "%1.%2 must link to a %3 annotation of the same document",
                annotation.layer,
                link.name,
                link.layer,
            )
        )
    if row[2] != annotation.annotator:
        raise ValidationError(
            Message(
                "%1.%2 must link to the same annotator's annotation", annotation.layer, link.name
            )
        )


# The page cache of one bulk insert (64 MB at most).
_BULK_CACHE_KIB = 64 * 1024


@contextmanager
def page_cache(conn: sqlite3.Connection, kib: int = _BULK_CACHE_KIB) -> Iterator[None]:
    """A larger page cache for one bulk statement: the index of annotation ids takes new rows
    in random order, and a cache that holds it saves re-reading its pages for each row."""
    before = conn.execute("PRAGMA cache_size").fetchone()[0]
    conn.execute(f"PRAGMA cache_size = {-kib}")
    try:
        yield
    finally:
        conn.execute(f"PRAGMA cache_size = {before}")


# The columns of `_row`, in its order.
_INSERT = (
    'INSERT INTO annotations (document_id, annotator_id, layer, start, "end", text, attributes, '
    "entity_id, link_id, origin, created_at, modified_at, sources, revision, rev, history, id) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def _row(
    annotation: Annotation,
    annotator_id: int | None,
    revision: int,
    rev: str,
    history: str,
    attributes_json: str | None = None,
) -> tuple:
    """An annotation as the columns the store writes, the id last (as UPDATE ... WHERE id
    wants it): document_id, annotator_id, layer, start, end, text, attributes, entity_id,
    link_id, origin, created_at, modified_at, sources, revision, rev, history, id.
    `attributes_json`: the attributes as `_attributes_json` gives them, when already made."""
    return (
        annotation.document_id,
        annotator_id,
        annotation.layer,
        annotation.start,
        annotation.end,
        annotation.text,
        attributes_json or _attributes_json(annotation.attributes),
        annotation.entity.id if annotation.entity else None,
        annotation.link_id,
        annotation.origin,
        annotation.created_at,
        annotation.modified_at,
        json.dumps(list(annotation.sources)) if annotation.sources else "[]",
        revision,
        rev,
        history,
        annotation.id,
    )


# Encoders made once: json.dumps with options builds a new encoder on every call, which costs
# more than the encoding of a few short values (bulk imports encode each annotation twice).
_ATTRIBUTES_JSON = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode
# A revision's content is flat (texts, numbers, a list of pairs): no cycle to look for.
_REVISION_ENCODER = json.JSONEncoder(
    ensure_ascii=False, separators=(",", ":"), check_circular=False
)
# The standard library's C encoder made once with the same options (`JSONEncoder.encode` makes
# it anew on every call, which costs more than encoding one revision's few values).
_C_REVISION_ENCODER = (
    json.encoder.c_make_encoder(
        None,
        _REVISION_ENCODER.default,
        json.encoder.encode_basestring,
        None,
        ":",
        ",",
        False,
        False,
        True,
    )
    if json.encoder.c_make_encoder is not None
    else None
)


def _revision_json(content: list) -> str:
    if _C_REVISION_ENCODER is None:
        return _REVISION_ENCODER.encode(content)
    return "".join(_C_REVISION_ENCODER(content, 0))


def _attributes_json(attributes: Mapping[str, Any]) -> str:
    """Attributes as stored: JSON with sorted keys."""
    return _ATTRIBUTES_JSON(dict(attributes))


def revision_content(annotation: Annotation, attributes_json: str | None = None) -> tuple:
    """What a revision name hashes: every field a researcher edits (not times or origin).
    `attributes_json`: the attributes as `_attributes_json` gives them, when already made."""
    return (
        annotation.document_id,
        annotation.annotator,
        annotation.layer,
        annotation.start,
        annotation.end,
        attributes_json or _attributes_json(annotation.attributes),
        annotation.entity.id if annotation.entity else None,
        annotation.link_id,
        [(s.target, s.value) for s in annotation.stances],
    )


def revision_token(revision: int, content: Sequence[Any]) -> str:
    """The name of a revision: "N-HASH", N the revision count and HASH the first 12 hex digits
    of the SHA-1 of the stored content (as JSON), so equal changes made apart are equal."""
    digest = hashlib.sha1(_revision_json(list(content)).encode("utf-8")).hexdigest()
    return f"{revision}-{digest[:12]}"


def _history(text: str | None) -> list[str]:
    """The earlier revision names stored with an annotation or deletion (a JSON list)."""
    try:
        value = json.loads(text or "[]")
    except ValueError:
        return []
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def _check_exists(store: AnnotationStore, annotation_id: str, base_revision: int | None) -> None:
    """A change built from a revision of an annotation that is gone (deleted elsewhere since)
    is a conflict, named as such, rather than a missing annotation."""
    if base_revision is not None and store.revision(annotation_id) is None:
        raise ConflictError(_conflict_message(annotation_id, base_revision, None))


def _descent(history: list[str], rev: str, after: Sequence[str]) -> list[str]:
    """The history of the revision that follows `rev` (and `after`, other names it descends
    from), oldest first, each name once."""
    return list(dict.fromkeys([*history, *after, rev]))


def _check_base(annotation: Annotation, base_revision: int | None) -> None:
    if base_revision is not None and annotation.revision != base_revision:
        raise ConflictError(_conflict_message(annotation.id, base_revision, annotation.revision))


def _conflict_message(annotation_id: str, expected: int | None, current: int | None) -> str:
    if current is None:
        return Message(
            "annotation %1 was deleted in another window or by another command; "
            "your change was not applied",
            annotation_id,
        )
    if expected is None:
        return Message(
            "annotation %1 exists again (restored elsewhere); your change was not applied",
            annotation_id,
        )
    return Message(
        "annotation %1 was changed in another window or by another command "
        "(revision %2, your change was made on revision %3); your change was "
        "not applied",
        annotation_id,
        current,
        expected,
    )


def _stance(value: Stance | tuple[str, str] | Sequence[str]) -> Stance:
    if isinstance(value, Stance):
        return value
    if not isinstance(value, (tuple, list)) or len(value) != 2:
        raise ValidationError(Message("a stance is a (target, value) pair, got %1", repr(value)))
    return Stance(str(value[0]).strip(), str(value[1]))


_ANNOTATION_COLUMNS = (
    "id",
    "document_id",
    "annotator_id",
    "layer",
    "start",
    "end",
    "text",
    "attributes",
    "entity_id",
    "link_id",
    "origin",
    "created_at",
    "modified_at",
    "sources",
    "revision",
)
_STANCE_COLUMNS = ("annotation_id", "position", "target", "value")


class _Reader:
    """Turns rows of `_SELECT` into annotations, leaving out those that do not fit (counted in
    `left_out`). The same few attribute, alias and source texts recur on thousands of
    annotations of a document, so each is parsed once per read."""

    def __init__(self, layers: frozenset[str]) -> None:
        self._check = RowCheck()
        self._entities: dict[str, Entity | None] = {}
        self._layers = layers
        self.left_out = 0

    def annotations(
        self, rows: Iterable[Sequence], stances: Mapping[str, tuple[Stance, ...]]
    ) -> list[Annotation]:
        found = []
        for row in rows:
            annotation = self.annotation(row, stances.get(row[0], ()))
            if annotation is None:
                self.left_out += 1
            else:
                found.append(annotation)
        return found

    def annotation(self, row: Sequence, stances: tuple[Stance, ...]) -> Annotation | None:
        check = self._check
        if not (
            check.fits("annotations", _ANNOTATION_COLUMNS, row)
            and type(row[15]) is str
            and row[3] in self._layers
            and row[20] is not None
            and row[5] <= row[20]
        ):
            return None
        entity = None
        if row[16] is not None:
            if row[16] not in self._entities:
                fits = check.fits("entities", ("id", "name", "kind", "aliases"), row[16:20])
                self._entities[row[16]] = (
                    Entity(row[16], row[17], row[18], tuple(check.parsed(row[19])))
                    if fits
                    else None  # a damaged entity row: the mention is shown without it
                )
            entity = self._entities[row[16]]
        return Annotation(
            id=row[0],
            document_id=row[1],
            annotator=row[15],
            layer=row[3],
            start=row[4],
            end=row[5],
            text=row[6],
            # A copy: the parsed attributes are shared by the annotations with the same text.
            attributes=dict(check.parsed(row[7])),
            link_id=row[9],
            origin=row[10],
            created_at=row[11],
            modified_at=row[12],
            entity=entity,
            stances=stances,
            sources=tuple(check.parsed(row[13])),
            revision=row[14],
        )


# What `annotation_spans` checks in SQL: the types and ranges `_Reader` checks, but for the
# JSON columns (judged in Python once per distinct text) and the document's length.
_SPAN_ROW_OK = (
    bulk_row_ok(
        "annotations",
        "a",
        tuple(c for c in _ANNOTATION_COLUMNS if c not in ("attributes", "sources")),
    )
    + " AND a.revision BETWEEN 1 AND 9007199254740992 AND typeof(p.name) = 'text'"
)
