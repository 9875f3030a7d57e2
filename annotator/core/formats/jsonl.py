"""Annotations as JSON Lines: the gold format of `seeds/*.gold.jsonl`, and this tool's own export.

The gold format has one annotation a line: `layer`, `start`, `end`, `text`, the layer's attributes
by name (the entity attribute as the entity's name, the link attribute as the `id` of another
line) and `stances` as [target, value] pairs. `document_id` or `document_sha256` on a line picks
its document. It records no annotator: the importer names one.

The export is lossless: one JSON object a line, each with a `type`. First a `header` (format name,
version, the label schema), then every `annotator`, `entity` and `document` (with its text), then
every `annotation` (UUID, document id and SHA-256, annotator, layer, span, text, attributes,
entity by id, link by annotation id, stances, origin, times). README.md shows an example.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, BinaryIO

from annotator.core.arabic.encoding import clean_text, has_lone_surrogate
from annotator.core.arabic.text import text_sha256
from annotator.core.clock import utc_timestamp
from annotator.core.errors import (
    AnnotatorError,
    DuplicateError,
    InputError,
    Message,
    NotFoundError,
    ValidationError,
)
from annotator.core.formats.export import ExportResult, select
from annotator.core.model import Annotation, Entity, Stance
from annotator.core.store.batch import AnnotationBatch, collector_paused, journals_in_memory
from annotator.core.store.files import replacing
from annotator.core.store.project import (
    _DOCUMENTS_BY_HASH,
    _DOCUMENTS_BY_ID,
    Project,
    TextSource,
    now,
)

FORMAT = "arabic-news-annotator"
VERSION = 1
# What `export(only=...)` can keep, in the order the export writes them: record `type`s.
RECORD_TYPES = ("annotator", "entity", "document", "annotation")
_RESERVED = {
    "id",
    "layer",
    "start",
    "end",
    "text",
    "stances",
    "document_id",
    "document_sha256",
    "annotator",
    "origin",
}
# Ids of imported annotations derive from this namespace, the document and the line's own id,
# so importing the same file twice adds nothing the second time.
_CANONICAL_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_NAMESPACE = uuid.UUID("6f1d8a52-3c1e-4d7b-9a3f-2b8e5c4d1a90")
# JSON allows these inside strings, but tools that split lines on them would cut a record.
_LINE_BREAKS_ESCAPED = {"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"}
_ANNOTATION_COLUMNS = (
    "id",
    "document_id",
    "document_sha256",
    "annotator",
    "layer",
    "start",
    "end",
    "text",
    "attributes",
    "entity_id",
    "link_id",
    "stances",
    "origin",
    "created_at",
    "modified_at",
)


@dataclass(frozen=True)
class AnnotationImport:
    added: int
    skipped: int  # already in the project with the same content (same id), or deleted in it
    document_ids: tuple[str, ...]
    documents_added: tuple[str, ...] = ()  # documents the file brought with it
    # Ids the project holds with another content (span, attributes, entity, link, stances):
    # not imported, since an import carries no revision history to tell which is newer.
    changed: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()  # one line each, for the report: what was noticed or left out


def content_id(
    namespace: uuid.UUID, sha: str, annotator: str, layer: str, start: int, end: int
) -> str:
    """The id of an annotation a file gives no UUID: derived from the document's text (its
    SHA-256), annotator, layer and code-point span, which the project allows once. Re-exports
    that renumber or reorder their own ids give the same ids; an edited span is a new one."""
    return str(uuid.uuid5(namespace, f"{sha}\n{annotator}\n{layer}\n{start}\n{end}"))


def _content(annotation: Annotation) -> tuple[Any, ...]:
    entity = annotation.entity.id if annotation.entity is not None else None
    attributes = sorted((k, str(v)) for k, v in annotation.attributes.items() if v is not None)
    stances = tuple((s.target, s.value) for s in annotation.stances)
    return (
        annotation.layer,
        annotation.start,
        annotation.end,
        attributes,
        entity,
        annotation.link_id,
        stances,
    )


def stored_as(
    project: Project, annotation: Annotation, exc: DuplicateError, line_of: Mapping[str, int]
) -> str | None:
    """After `exc` refused `annotation`: the id under which the project already holds the
    same span of the same layer and annotator (an earlier import whose ids were made another
    way, or a span tagged by hand), which the import then treats as this annotation; None
    when the first one came from the same file (the file tags the span twice)."""
    if exc.existing in line_of:
        return None
    existing = project.annotation(exc.existing)
    if (existing.layer, existing.start, existing.end) != (
        annotation.layer,
        annotation.start,
        annotation.end,
    ):
        return None
    return exc.existing


def differs(project: Project, incoming: Annotation) -> bool:
    """Whether the project holds `incoming.id` with another content than `incoming` (layer,
    span, attributes, entity, link, stances; not times or origin). A deleted one never differs:
    an import does not bring back what was deleted."""
    if project.revision(incoming.id) is None:
        return False
    # As the store would keep it: the schema fills attributes left out with their defaults.
    attributes = project.schema.validate_attributes(incoming.layer, incoming.attributes)
    incoming = replace(incoming, attributes=attributes)
    return _content(project.annotation(incoming.id)) != _content(incoming)


# ----------------------------------------------------------------------------- reading


# The fields of an export's annotation record that import reads, in the order of the tuple
# `read_records(compact=True)` keeps of it.
_ANNOTATION_FIELDS = (
    "id",
    "link_id",
    "created_at",
    "modified_at",
    "attributes",
    "stances",
    "annotator",
    "document_id",
    "document_sha256",
    "entity_id",
    "start",
    "end",
    "text",
    "layer",
    "origin",
)


def read_records(path: Path, compact: bool = False) -> list[tuple[int, Any]]:
    """The JSON object of each line that is not blank, with its line number. One line is
    held at a time beside the records: never the whole file, as bytes or text.

    `compact`: in this tool's export (a first line that is its header), each annotation
    record is kept as the tuple of its `_ANNOTATION_FIELDS` (None for one it lacks) instead
    of its dict, which holds its own copy of every key: a third of the memory."""
    records = list(iter_records(path, compact))
    if not records:
        raise InputError("no annotations in this file", str(path))
    return records


def iter_records(path: Path, compact: bool = False) -> Iterator[tuple[int, Any]]:
    """`read_records` a line at a time, for an import that stores a batch of records before
    reading the next: nothing is held but the line read. Yields nothing for a file with no
    records; raises InputError (file, line, reason) when it reaches a line it cannot read."""
    try:
        with open(path, "rb") as file:
            yield from _records(path, file, compact)
    except OSError as exc:
        raise InputError(Message("cannot read: %1", exc.strerror), str(path)) from None


def _records(path: Path, file: BinaryIO, compact: bool) -> Iterator[tuple[int, Any]]:
    fields = _ANNOTATION_FIELDS
    first = True
    # JSON Lines ends lines with LF (or CR LF) only: U+2028 and friends may sit inside a string.
    # A binary file is split at LF only.
    for number, data in enumerate(file, start=1):
        try:
            line = data.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError:
            raise InputError("not UTF-8 text", str(path)) from None
        if line.endswith("\n"):
            line = line[:-1]
        if not line or line.isspace():
            continue
        try:
            record = _object(line)
        except RecursionError:
            raise InputError("JSON nested too deeply", str(path), number) from None
        except ValueError as exc:  # JSONDecodeError, or a number Python will not convert
            reason = "a number with too many digits" if "digits" in str(exc) else exc
            raise InputError(Message("not valid JSON (%1)", reason), str(path), number) from None
        if not isinstance(record, dict):
            raise InputError("each line must be a JSON object", str(path), number)
        # UTF-8 cannot hold a surrogate: only a \u escape of the line can make one.
        if "\\u" in line and has_lone_surrogate(record):
            raise InputError(
                "a lone surrogate (\\ud800-\\udfff) in a JSON string: not text", str(path), number
            )
        if compact and not first:
            if record.get("type") == "annotation":
                record = tuple(map(record.get, fields))
        elif compact and not (record.get("type") == "header" and record.get("format") == FORMAT):
            compact = False
        first = False
        yield number, record


# The scanner `json.loads` runs, called directly: the usual line, one object with nothing
# around it, is read without loads' own checks around it (a third of its time).
_SCAN = json.JSONDecoder().scan_once


def _object(line: str) -> Any:
    """`json.loads(line)`, which also reads (and refuses) every other line."""
    if line[0] == "{" and line[-1] == "}":
        try:
            value, end = _SCAN(line, 0)
            if end == len(line):
                return value
        except (StopIteration, ValueError, RecursionError):
            pass  # json.loads names the fault
    return json.loads(line)


def check_document_text(text: str) -> None:
    """Refuse a document text, brought by a file of annotations, that holds a NUL character:
    SQLite's length() stops at a NUL, so no span across one could be stored (the article
    readers refuse such texts too)."""
    if "\x00" in text:
        raise AnnotatorError("the document text holds NUL characters: not a text article")


def project_has(project: Project, doc_id: str) -> bool:
    """Whether the project holds a document with this id."""
    try:
        project.text(doc_id)
    except NotFoundError:
        return False
    return True


def find_document_by_text(project: Project, text: str) -> tuple[str, list[int]] | None:
    """The project's document holding `text`, and the positions of `text` its stored text
    lacks (a BOM, the CR of each CR LF: what the article readers clean), for moving offsets;
    None when the project holds the text neither as it is nor cleaned."""
    found = project.document_by_hash(text_sha256(text))
    if found is not None:
        return found.id, []
    cleaned = clean_text(text)
    if cleaned != text:
        found = project.document_by_hash(text_sha256(cleaned))
        if found is not None:
            dropped = [0] if text.startswith("\ufeff") else []
            dropped += [m.start() for m in re.finditer("\r\n", text)]
            return found.id, dropped
    return None


def another_text_note(doc_id: str, theirs: str, text: str, added: str) -> str:
    """The report line for a file's document whose id the project gives another text: where
    the two texts first differ (code points), and the id the file's text was added under."""
    at = next(
        (i for i, (a, b) in enumerate(zip(theirs, text, strict=False)) if a != b),
        min(len(theirs), len(text)),
    )
    return Message(
        "document %1 of the project has another text (they differ from code "
        "point %2: %3 here, %4 in the file; %5 and %6 code points): the file's "
        "text was added as %7",
        repr(doc_id),
        at,
        repr(theirs[at : at + 20]),
        repr(text[at : at + 20]),
        len(theirs),
        len(text),
        repr(added),
    )


def _optional(record: dict[str, Any], key: str, kind: type, what: str) -> Any:
    """`record[key]`, which must be of `kind` when present and not null."""
    value = record.get(key)
    if value is not None and (not isinstance(value, kind) or isinstance(value, bool)):
        raise AnnotatorError(
            Message("%1 must be %2, got %3", repr(key), what, format(repr(value), ".60"))
        )
    return value


def is_export(records: list[tuple[int, dict[str, Any]]]) -> bool:
    """Whether the records are this tool's export (they start with its header)."""
    first = records[0][1]
    return first.get("type") == "header" and first.get("format") == FORMAT


def import_annotations(
    project: Project,
    path: str | Path,
    annotator: str | None = None,
    document_id: str | None = None,
) -> AnnotationImport:
    """Store every annotation of the file in one transaction, or none of them.

    The gold format needs `annotator`. This tool's export keeps the annotators it records unless
    `annotator` is given, which then takes every annotation of the file.

    This tool's export is read, checked and stored a batch at a time inside that transaction
    (`DOCUMENT_BATCH` documents, `ANNOTATION_BATCH` annotations): memory holds one batch and a
    few ids per document, whatever the size of the file, when its lines come in the order the
    export writes them (a line needing one further on waits for it). A gold file is read whole.
    """
    with collector_paused(), journals_in_memory(project.conn):
        return _import(project, Path(path), annotator, document_id)


def _import(
    project: Project, path: Path, annotator: str | None, document_id: str | None
) -> AnnotationImport:
    reading = iter_records(path, compact=True)
    first = next(reading, None)
    if first is None:
        raise InputError("no annotations in this file", str(path))
    if first[1].get("type") in RECORD_TYPES:
        raise InputError(
            Message(
                "a JSON Lines export written with --only (no header line, first record "
                "of type %1): it is for analysis; import the full jsonl export",
                repr(first[1]["type"]),
            ),
            str(path),
            first[0],
        )
    if is_export([first]):
        if document_id is not None:
            raise InputError("--document applies to the gold format only", str(path))
        # Read and stored a batch at a time: memory holds one batch, whatever the file's size.
        return _import_export(project, path, first, reading, annotator)
    records = [first, *reading]
    if not annotator:
        raise InputError(
            "this file is in the gold format, which records no annotator; "
            "give one with --annotator NAME",
            str(path),
        )
    return _import_gold(project, path, records, annotator, document_id)


# ----------------------------------------------------------------------------- gold format


def _import_gold(
    project: Project,
    path: Path,
    records: list[tuple[int, dict[str, Any]]],
    annotator: str,
    document_id: str | None,
) -> AnnotationImport:
    default_doc = document_id or path.name.split(".")[0]
    # Lines with a link go last, so the annotation they point to exists already.
    order = sorted(records, key=lambda item: _link_value(project, item[1]) is not None)
    new_ids: dict[tuple[str, str], str] = {}
    line_of: dict[str, int] = {}  # the line each annotation stored came from
    added = skipped = 0
    documents: set[str] = set()
    with project.atomic():
        for number, record in order:
            try:
                doc = _document_for(project, record, default_doc)
                documents.add(doc)
                ann_id = _annotation_id(project, doc, annotator, record)
                if project.known(ann_id):
                    skipped += 1
                    new_ids[(doc, str(record.get("id", "")))] = ann_id
                    continue
                link = _link_value(project, record)
                link_id = new_ids.get((doc, str(link))) if link is not None else None
                if link is not None and link_id is None:
                    raise AnnotatorError(
                        Message("links to %1, which is not in this file", repr(link))
                    )
                attributes = _plain_attributes(project, record)
                # Checked first: a new entity takes the role as its kind.
                project.schema.validate_attributes(str(record.get("layer")), attributes)
                annotation = project.add_annotation(
                    doc,
                    annotator,
                    str(record.get("layer")),
                    record.get("start"),
                    record.get("end"),
                    text=record.get("text"),
                    attributes=attributes,
                    entity=_entity_value(project, record),
                    link_id=project.live_link(link_id),
                    stances=_optional(record, "stances", list, "a list of [target, value]") or (),
                    origin=record.get("origin") or "imported",
                    id=ann_id,
                )
            except DuplicateError as exc:
                raise InputError(twice_message(exc, line_of), str(path), number) from None
            except AnnotatorError as exc:
                raise InputError(exc, str(path), number) from None
            new_ids[(doc, str(record.get("id", annotation.id)))] = annotation.id
            line_of[annotation.id] = number
            added += 1
    return AnnotationImport(added=added, skipped=skipped, document_ids=tuple(sorted(documents)))


def twice_message(exc: DuplicateError, line_of: Mapping[str, int]) -> str:
    """The message for a span a file tags a second time in the same layer for the same
    annotator: the first is named by its line when it came from the file."""
    line = line_of.get(exc.existing)
    if line is None:
        return exc.naming(Message("annotation %1, already in the project", exc.existing))
    return exc.naming(Message("on line %1 of this file", line))


def _document_for(project: Project, record: dict[str, Any], default: str) -> str:
    if record.get("document_sha256"):
        doc = project.document_by_hash(str(record["document_sha256"]))
        if doc is None:
            raise AnnotatorError("no document in the project has this document_sha256")
        return doc.id
    doc_id = str(record.get("document_id") or default)
    project.text(doc_id)  # raises NotFoundError naming the id
    return doc_id


def _annotation_id(project: Project, doc: str, annotator: str, record: dict[str, Any]) -> str:
    own = record.get("id")
    if own is None:
        return str(uuid.uuid4())
    try:
        return str(uuid.UUID(str(own)))
    except ValueError:
        sha = project.document(doc).sha256
        return str(uuid.uuid5(_NAMESPACE, f"{sha}\n{annotator}\n{own}"))


def _attribute_names(project: Project, record: dict[str, Any], type_: str) -> str | None:
    layer = project.schema.layer(str(record.get("layer")))
    attribute = layer.attribute_of_type(type_)
    return attribute.name if attribute else None


def _link_value(project: Project, record: dict[str, Any]) -> Any:
    try:
        name = _attribute_names(project, record, "link")
    except AnnotatorError:
        return None
    return record.get(name) if name else None


def _entity_value(project: Project, record: dict[str, Any]) -> str | None:
    name = _attribute_names(project, record, "entity")
    value = record.get(name) if name else None
    return str(value) if value else None


def _plain_attributes(project: Project, record: dict[str, Any]) -> dict[str, Any]:
    layer = project.schema.layer(str(record.get("layer")))
    skip = _RESERVED | {a.name for a in layer.attributes if a.type in ("entity", "link")}
    return {k: v for k, v in record.items() if k not in skip and v is not None}


# ----------------------------------------------------------------------------- this tool's export


_KEYS = [json.dumps(name) for name in _ANNOTATION_COLUMNS]
_KEY_VALUE = "{}: {}"
_encode_string = json.encoder.encode_basestring  # the C encoder, non-ASCII kept as it is


def _json_value(value: Any) -> str:
    if isinstance(value, str):
        return _encode_string(value)
    return "null" if value is None else str(value)  # whole numbers: start, end


def _escape_line_breaks(line: str) -> str:
    for ch, escaped in _LINE_BREAKS_ESCAPED.items():
        if ch in line:
            line = line.replace(ch, escaped)
    return line


def export(
    project: Project,
    out: str | Path,
    *,
    document_ids: Iterable[str] | None = None,
    annotators: Iterable[str] | None = None,
    overwrite: bool = False,
    formula_guard: bool = True,  # a CSV option: JSON has no formulas
    only: Iterable[str] | None = None,
) -> ExportResult:
    """Write the selection losslessly; returns the number of lines written.

    A whole-project export holds every annotator and entity; a selection holds the annotators
    asked for (or all) and the entities its annotations refer to. With `only` (record types of
    `RECORD_TYPES`) just those records are written, without the header: a flat file for
    analysis (`only=["annotation"]` gives one annotation a line), which import refuses.
    """
    kept = set(RECORD_TYPES if only is None else only)
    unknown = kept - set(RECORD_TYPES)
    if unknown:
        raise ValidationError(
            Message(
                "unknown record type(s) %1 (known: %2)",
                ", ".join(sorted(unknown)),
                ", ".join(RECORD_TYPES),
            )
        )
    out = Path(out)
    selection = select(project, document_ids, annotators)
    table = dict(
        document_ids=selection.document_ids, annotators=selection.annotators, per_stance=False
    )
    entities = project.entities()
    if not selection.everything:
        used = {row[0] for row in project.annotation_table(["entity_id"], **table)}
        entities = [e for e in entities if e.id in used]
    count = 0
    with replacing(out, overwrite=overwrite) as handle:

        def write(record: dict[str, Any]) -> None:
            nonlocal count
            if only is not None and record["type"] not in kept:
                return
            handle.write(_escape_line_breaks(json.dumps(record, ensure_ascii=False)) + "\n")
            count += 1

        write(
            {
                "type": "header",
                "format": FORMAT,
                "version": VERSION,
                "exported_at": now(),
                "schema": project.schema.source,
            }
        )
        names = selection.annotators
        for name in project.annotators() if names is None else names:
            write({"type": "annotator", "name": name})
        for entity in entities:
            write(
                {
                    "type": "entity",
                    "id": entity.id,
                    "name": entity.name,
                    "kind": entity.kind,
                    "aliases": list(entity.aliases),
                }
            )
        for summary in selection.documents:
            doc = project.document(summary.id)
            write(
                {
                    "type": "document",
                    "id": doc.id,
                    "title": doc.title,
                    "sha256": doc.sha256,
                    "source": doc.source,
                    "imported_at": doc.imported_at,
                    "metadata": dict(doc.metadata),
                    "text": doc.text,
                }
            )
        # Each line is put together from JSON pieces: the attributes and stances are JSON in the
        # project already, and strings go through the json module's C encoder.
        rows = project.annotation_table(_ANNOTATION_COLUMNS, **table)
        for row in rows if "annotation" in kept else ():
            cells = [
                value if name in ("attributes", "stances") else _json_value(value)
                for name, value in zip(_ANNOTATION_COLUMNS, row, strict=True)
            ]
            line = '{"type": "annotation", ' + ", ".join(map(_KEY_VALUE.format, _KEYS, cells))
            handle.write(_escape_line_breaks(line) + "}\n")
            count += 1
    return ExportResult(paths=(out,), rows=count)


# Records of this tool's export read, checked and stored at a time, inside the one transaction
# of the import: memory holds a batch's records and rows, whatever the size of the file.
DOCUMENT_BATCH = 1_000  # document records (with their texts)
# annotation records, a batch ending where the document changes (each batch costs a few
# project-wide lookups: 10,000 cost 0.3–0.6 s more than 50,000 on 100,000 annotations)
ANNOTATION_BATCH = 50_000


def _import_export(
    project: Project,
    path: Path,
    first: tuple[int, dict[str, Any]],
    records: Iterator[tuple[int, Any]],
    annotator: str | None,
) -> AnnotationImport:
    number, header = first
    version = header.get("version")
    if not isinstance(version, int) or version > VERSION:
        raise InputError(
            Message(
                "export format version %1; this version reads up to %2", repr(version), VERSION
            ),
            str(path),
            number,
        )
    with project.atomic(), _FileIds(project) as seen:
        streamed = _StreamedExport(project, path, annotator, seen)
        annotations: list[tuple[int, tuple[Any, ...]]] = []
        for number, record in records:
            # An annotation record is read as the tuple of its fields (`iter_records`).
            if type(record) is tuple:
                # Cut where the document changes: a document's links stay inside its batch.
                if len(annotations) >= ANNOTATION_BATCH and record[7] != annotations[-1][1][7]:
                    streamed.store(annotations)
                    annotations = []
                annotations.append((number, record))
                continue
            kind = record.get("type")
            if kind == "document":
                streamed.documents_read.append((number, record))
                if len(streamed.documents_read) >= DOCUMENT_BATCH:
                    streamed.place_documents()
            elif kind == "entity":
                streamed.entities_read.append((number, record))
            elif kind != "annotator":
                raise InputError(Message("unknown record type %1", repr(kind)), str(path), number)
        # The last batch with those that waited: all the file is placed now.
        streamed.store(streamed.waiting + annotations, last=True)
    return AnnotationImport(
        added=streamed.added,
        skipped=streamed.skipped,
        document_ids=tuple(sorted(streamed.touched)),
        documents_added=tuple(streamed.documents_added),
        changed=tuple(ann_id for _, ann_id in sorted(streamed.changed)),
        notes=tuple(streamed.notes),
    )


class _FileIds:
    """The annotation ids of the file met so far (as given, as stored, and the line of each),
    kept in a temporary table of SQLite (its temp store, on disk) rather than in memory: what
    a batch needs of those before it (an id given twice, a link to an earlier line)."""

    def __init__(self, project: Project) -> None:
        self.conn = project.conn
        self.count = 0  # ids recorded

    def __enter__(self) -> _FileIds:
        self.conn.execute(
            "CREATE TEMP TABLE IF NOT EXISTS import_file_ids "
            "(id TEXT PRIMARY KEY, stored_id TEXT NOT NULL, line INTEGER NOT NULL) WITHOUT ROWID"
        )
        self.conn.execute("DELETE FROM temp.import_file_ids")
        return self

    def __exit__(self, *exc: object) -> None:
        self.conn.execute("DROP TABLE IF EXISTS temp.import_file_ids")

    def add(self, rows: list[tuple[str, str, int]]) -> None:
        """Record (id as given, id as stored, line) of a batch's annotations."""
        self.conn.executemany("INSERT INTO temp.import_file_ids VALUES (?, ?, ?)", rows)
        self.count += len(rows)

    def found(self, ids: Iterable[str]) -> dict[str, tuple[str, int]]:
        """Of `ids` (as given), those met before: id -> (id as stored, line)."""
        wanted = list(ids) if self.count else []
        if not wanted:
            return {}
        rows = self.conn.execute(
            "SELECT id, stored_id, line FROM temp.import_file_ids "
            "WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(wanted),),
        )
        return {own: (stored, line) for own, stored, line in rows}

    def line(self, stored_id: str) -> int | None:
        """The line of the annotation stored under `stored_id` by an earlier batch."""
        if not self.count:
            return None
        row = self.conn.execute(
            "SELECT line FROM temp.import_file_ids WHERE stored_id = ?", (stored_id,)
        ).fetchone()
        return row[0] if row else None


class _StreamedExport:
    """The state of an import of this tool's export carried from batch to batch: where the
    file's documents and entities went, the annotations that wait for a later line, the
    totals. Documents and entities read are placed before the annotations that follow them."""

    def __init__(self, project: Project, path: Path, annotator: str | None, seen: _FileIds) -> None:
        self.project, self.path, self.annotator, self.seen = project, path, annotator, seen
        self.documents_read: list[tuple[int, dict[str, Any]]] = []
        self.entities_read: list[tuple[int, dict[str, Any]]] = []
        self.documents: dict[str, str] = {}  # id in the file -> id in the project
        self.entities: dict[str, Entity] = {}
        # Annotations whose document, entity or link target the file has not given yet.
        self.waiting: list[tuple[int, tuple[Any, ...]]] = []
        self.documents_added: list[str] = []
        self.notes: list[str] = []
        self.added = self.skipped = 0
        self.touched: set[str] = set()
        self.changed: list[tuple[int, str]] = []  # (line, id): reported in the file's order

    def place_documents(self) -> None:
        """Place the document records read since the last call (new texts added together)."""
        if not self.documents_read:
            return
        placing = _DocumentPlacing(self.project, [r for _, r in self.documents_read])
        places = []
        for number, record in self.documents_read:
            try:
                places.append((str(record.get("id")), placing.place(record)))
            except AnnotatorError as exc:
                raise InputError(exc, str(self.path), number) from None
        added = placing.store()
        self.documents_added += added
        for (number, record), (key, place) in zip(self.documents_read, places, strict=True):
            self.documents[key] = place if isinstance(place, str) else added[place]
            own = str(record.get("id") or "")
            if isinstance(place, int) and own and own != self.documents[key]:
                text = str(record.get("text"))
                note = another_text_note(own, self.project.text(own), text, self.documents[key])
                self.notes.append(f"{self.path.name}:{number}: {note}")
        self.documents_read = []

    def store(self, records: list[tuple[int, tuple[Any, ...]]], last: bool = False) -> None:
        """Check and store a batch of annotation records, after the documents and entities
        read before them; unless `last`, those that need a line still to come wait."""
        self.place_documents()
        if self.entities_read:
            self.entities.update(_place_entities(self.project, self.path, self.entities_read))
            self.entities_read = []
        if not records:
            return
        added, skipped, touched, changed = _store_annotations(
            self.project,
            self.path,
            records,
            self.annotator,
            self.documents,
            self.entities,
            self.seen,
            None if last else self.waiting,
        )
        self.added += added
        self.skipped += skipped
        self.touched.update(touched)
        self.changed += changed


class _DocumentPlacing:
    """Where each document record of a file goes: found in the project or earlier in the file
    by its text's hash or its id, or added with its text; the new ones are stored together
    (`store`), so the project's hashes and ids are read once, not once per document."""

    def __init__(self, project: Project, records: Iterable[dict[str, Any]] = ()) -> None:
        """`records`: the document records to place, whose ids and hashes are looked up
        together; any other is looked up as it comes (not the whole project's, which a file
        placed a batch at a time would read once per batch)."""
        self.project = project
        records = list(records)
        shas = {str(r["sha256"]) for r in records if r.get("sha256")}
        ids = {str(r["id"]) for r in records if r.get("id")}
        conn = project.conn
        self.by_hash = dict(conn.execute(_DOCUMENTS_BY_HASH, (json.dumps(sorted(shas)),)))
        self.by_hash.update(dict.fromkeys(shas - set(self.by_hash)))  # None: not in the project
        self.ids = {row[0] for row in conn.execute(_DOCUMENTS_BY_ID, (json.dumps(sorted(ids)),))}
        self.asked_ids = ids
        self.pending: list[TextSource] = []
        self.pending_hash: dict[str, int] = {}

    def _stored_by_hash(self, sha: str) -> str | None:
        if sha not in self.by_hash:
            self.by_hash[sha] = self.project._document_id_by_hash(sha)
        return self.by_hash[sha]

    def _taken(self, doc_id: str) -> bool:
        if doc_id not in self.ids and doc_id not in self.asked_ids:
            self.asked_ids.add(doc_id)
            if project_has(self.project, doc_id):
                self.ids.add(doc_id)
        return doc_id in self.ids

    def place(self, record: dict[str, Any]) -> str | int:
        """The project's id of the document, or the position among the new ones of the text
        `store` will add for it."""
        text, sha, doc_id = record.get("text"), record.get("sha256"), record.get("id")
        if text is not None:
            if not isinstance(text, str):
                raise AnnotatorError("the document text must be a string")
            if sha is not None and sha != text_sha256(text):
                raise AnnotatorError("the document's sha256 does not match its text")
            sha = text_sha256(text)
        if sha:
            if str(sha) in self.pending_hash:
                return self.pending_hash[str(sha)]
            found = self._stored_by_hash(str(sha))
            if found is not None:
                return self.project.document(found).id
        if text is None:
            if not doc_id:
                raise AnnotatorError("a document needs its text, sha256 or id")
            if not self._taken(str(doc_id)):
                raise AnnotatorError(
                    Message(
                        "document %1 is not in the project and the file does not hold its text",
                        repr(doc_id),
                    )
                )
            if sha:
                raise AnnotatorError(
                    Message("document %1 of the project has another text", repr(doc_id))
                )
            return str(doc_id)
        check_document_text(text)
        free = self._free_id(str(doc_id)) if doc_id else None
        self.pending.append(
            TextSource(
                text=text,
                source=_optional(record, "source", str, "a string"),
                title=_optional(record, "title", str, "a string"),
                id=free,
                metadata=_optional(record, "metadata", dict, "a JSON object") or {},
            )
        )
        if free is not None:
            self.ids.add(free)
        self.pending_hash[sha] = len(self.pending) - 1
        return len(self.pending) - 1

    def _free_id(self, doc_id: str) -> str:
        """`doc_id`, or `doc_id-2`, `doc_id-3` … when another text has it."""
        candidate, n = doc_id, 1
        while self._taken(candidate):
            n += 1
            candidate = f"{doc_id}-{n}"
        return candidate

    def store(self) -> list[str]:
        """Add the new texts (one `import_texts`); their ids, in the order placed."""
        if not self.pending:
            return []
        return list(self.project.import_texts(self.pending).added)


def free_id(project: Project, doc_id: str) -> str:
    """`doc_id`, or `doc_id-2`, `doc_id-3` … when another text has it in the project."""
    candidate, n = doc_id, 1
    while True:
        try:
            project.text(candidate)
        except NotFoundError:
            return candidate
        n += 1
        candidate = f"{doc_id}-{n}"


def _place_entities(
    project: Project, path: Path, records: list[tuple[int, dict[str, Any]]]
) -> dict[str, Entity]:
    """The project's entity for each entity id of the file: same id, else same name, else new."""
    known = project.entities()
    by_id = {e.id: e for e in known}
    by_name = {name: e for e in known for name in (*e.aliases, e.name)}
    placed: dict[str, Entity] = {}
    for number, record in records:
        try:
            entity = Entity(
                id=_uuid(record.get("id"), "entity id"),
                name=" ".join(str(record.get("name") or "").split()),
                kind=_optional(record, "kind", str, "a string"),
                aliases=tuple(
                    str(a) for a in _optional(record, "aliases", list, "a list of names") or ()
                ),
            )
            found = by_id.get(entity.id) or by_name.get(entity.name)
            placed[str(record.get("id"))] = found or project.add_entity(entity)
        except (AnnotatorError, ValueError) as exc:
            raise InputError(Message("entity: %1", exc), str(path), number) from None
    return placed


def imported_id(own_id: str, recorded: str, annotator: str) -> str:
    """An annotation keeps its UUID under its own annotator; given to another, it gets a UUID
    derived from both, so importing the same file for that annotator twice adds nothing."""
    if annotator == recorded:
        return own_id
    return str(uuid.uuid5(_NAMESPACE, f"{own_id}\n{annotator}"))


def link_order(links: dict[str, str | None]) -> list[str]:
    """The ids of `links` (id -> id it links to) ordered so that a link's target comes first."""
    order: list[str] = []
    state: dict[str, int] = {}  # 1: being placed, 2: placed
    for start in links:
        if start in state:
            continue  # placed already, as the target of one before it
        target = links[start]
        if target is None or target not in links or state.get(target) == 2:
            state[start] = 2  # the usual one: no link to an annotation still to be placed
            order.append(start)
            continue
        stack = [start]
        while stack:
            current = stack[-1]
            if state.get(current) == 2:
                stack.pop()
                continue
            state[current] = 1
            target = links.get(current)
            if target in links and state.get(target) != 2:
                if state.get(target) == 1:
                    raise AnnotatorError(
                        Message("annotation %1 is part of a circle of links", current)
                    )
                stack.append(target)
                continue
            state[current] = 2
            order.append(current)
            stack.pop()
    return order


def _store_annotations(
    project: Project,
    path: Path,
    records: list[tuple[int, tuple[Any, ...]]],
    annotator: str | None,
    documents: dict[str, str],
    entities: dict[str, Entity],
    seen: _FileIds,
    waiting: list[tuple[int, tuple[Any, ...]]] | None,
) -> tuple[int, int, tuple[str, ...], tuple[tuple[int, str], ...]]:
    """Check and store a batch of the export's annotation records, each the tuple of its
    `_ANNOTATION_FIELDS`; (added, skipped, documents touched, (line, id) of each annotation the
    project holds with another content).

    `seen` holds the annotations of earlier batches. With a `waiting` list, a record whose
    document or entity is not among those placed so far, or whose link points to a line not
    met yet, goes there instead (with those linked to it), for a later batch; with None, every
    record is checked now, as the file's last."""
    # id -> (line, fields, the id it links to in its usual form or None, created, modified)
    by_id: dict[str, tuple[int, tuple[Any, ...], str | None, Any, Any]] = {}
    new_ids: dict[str, str] = {}
    created_at: dict[str, str] = {}  # each distinct time, as stored
    modified_at: dict[str, str] = {}
    for number, fields in records:
        own, link, created, modified, attributes, stances, recorded = fields[:7]
        if type(own) is not str or not _CANONICAL_UUID.fullmatch(own):
            try:
                own = _uuid(own, "annotation id")
            except AnnotatorError as exc:
                raise InputError(exc, str(path), number) from None
        if own in by_id:
            raise InputError(Message("annotation %1 is given twice", own), str(path), number)
        try:
            # One test of the usual types; the checks one by one name the first fault.
            if not (
                (link is None or type(link) is str)
                and (created is None or type(created) is str)
                and (modified is None or type(modified) is str)
                and (attributes is None or type(attributes) is dict)
                and (stances is None or type(stances) is list)
            ):
                record = _record(fields)
                for key in ("link_id", "created_at", "modified_at"):
                    _optional(record, key, str, "a string")
                _optional(record, "attributes", dict, "a JSON object")
                _optional(record, "stances", list, "a list of [target, value]")
            if link and not _CANONICAL_UUID.fullmatch(link):
                link = _uuid(link, "link_id")
            link = link or None
            # Many annotations share a time: each distinct one is parsed once.
            if created is not None:
                stored = created_at.get(created)
                if stored is None:
                    stored = created_at[created] = utc_timestamp(created, "created_at")
                created = stored
            if modified is not None:
                stored = modified_at.get(modified)
                if stored is None:
                    stored = modified_at[modified] = utc_timestamp(modified, "modified_at")
                modified = stored
        except AnnotatorError as exc:
            raise InputError(exc, str(path), number) from None
        by_id[own] = (number, fields, link, created, modified)
        if not annotator:
            new_ids[own] = own  # under its own annotator: its own id
        else:
            new_ids[own] = imported_id(own, str(recorded or ""), annotator)
    earlier = seen.found(by_id)
    if earlier:
        # The later of the two lines names the fault, as when both are in one batch.
        line, own = min((max(line, by_id[own][0]), own) for own, (_, line) in earlier.items())
        raise InputError(Message("annotation %1 is given twice", own), str(path), line)
    try:
        order = link_order({k: item[1][1] for k, item in by_id.items()})
    except AnnotatorError as exc:
        raise InputError(exc, str(path)) from None
    targets = {item[2] for item in by_id.values() if item[2] and item[2] not in by_id}
    new_ids.update((own, stored) for own, (stored, _) in seen.found(targets).items())
    if waiting is not None:
        # In link order: a record linked to one that waits waits too.
        later = set()
        for own in order:
            _, fields, link, _, _ = by_id[own]
            key, entity_id = fields[7], fields[9]
            if (
                not (type(key) is str and key in documents)
                or (entity_id and str(entity_id) not in entities)
                or (link and (link in later or link not in new_ids))
            ):
                later.add(own)
        if later:
            waiting += [by_id[own][:2] for own in by_id if own in later]
            order = [own for own in order if own not in later]
        seen.add([(own, new_ids[own], by_id[own][0]) for own in order])
    skipped = 0
    changed: list[tuple[int, str]] = []
    touched: set[str] = set()
    line_of: dict[str, int] = {}  # the line each annotation stored came from
    stamp = now()
    # Each annotation is checked in link order as `restore` would check it, against the
    # project and the lines before it; all are stored together at the end.
    batch = AnnotationBatch(project, (new_ids[own] for own in order))
    keys = {by_id[own][1][7] for own in order}
    batch.read_documents(documents[k] for k in keys if type(k) is str and k in documents)
    for own in order:
        number, fields, link, created, modified = by_id[own]
        (
            _,
            _,
            _,
            _,
            attributes,
            stances,
            recorded,
            key,
            _,
            entity_id,
            start,
            end,
            text,
            layer,
            origin,
        ) = fields
        try:
            doc = documents.get(key) if type(key) is str else None  # a document of the file
            if doc is None:
                doc = _annotation_document(project, _record(fields), documents)
            touched.add(doc)
            ann_id = new_ids[own]
            link_id = new_ids.get(link) if link else None
            if link and link_id is None:
                if not batch.known(str(link)):
                    raise AnnotatorError(
                        Message("links to %1, which is in neither file nor project", link)
                    )
                link_id = str(link)
            link_id = batch.live_link(link_id)
            entity = None
            if entity_id:
                entity = entities.get(str(entity_id))
                if entity is None:
                    raise AnnotatorError(Message("entity %1 is not in this file", entity_id))
            if not (isinstance(start, int) and isinstance(end, int)):
                raise AnnotatorError(
                    Message("span %1-%2: offsets must be whole numbers", repr(start), repr(end))
                )
            name = annotator or str(recorded or "")
            layer = str(layer)
            origin = origin or "imported"
            created, modified = created or stamp, modified or stamp
            # The usual annotation is checked and kept without an `Annotation` made for it;
            # any other goes the way below, which names its fault.
            if not batch.known(ann_id) and batch.add_usual(
                ann_id, doc, name, layer, start, end, text, attributes, entity, link_id,
                stances, origin, created, modified,
            ):  # fmt: skip
                line_of[ann_id] = number
                continue
            # Stored exactly as given, times and origin included (as `restore` stores one).
            annotation = Annotation(
                id=ann_id,
                document_id=doc,
                annotator=name,
                layer=layer,
                start=start,
                end=end,
                text=text,
                attributes=dict(attributes or {}),
                entity=entity,
                link_id=link_id,
                stances=tuple(map(_stance_pair, stances)) if stances else (),
                origin=origin,
                created_at=created,
                modified_at=modified,
            )
            if batch.known(ann_id):
                if differs(project, annotation):
                    changed.append((number, ann_id))
                else:
                    skipped += 1
                continue
            batch.add(annotation)
        except DuplicateError as exc:
            line = line_of.get(exc.existing) or seen.line(exc.existing)
            lines = {exc.existing: line} if line else {}
            raise InputError(twice_message(exc, lines), str(path), number) from None
        except (AnnotatorError, TypeError, ValueError) as exc:
            raise InputError(exc, str(path), number) from None
        line_of[ann_id] = number
    added = batch.write()
    return added, skipped, tuple(sorted(touched)), tuple(changed)


def _record(fields: tuple[Any, ...]) -> dict[str, Any]:
    """An annotation record as read (`_ANNOTATION_FIELDS`, None for those it lacks)."""
    return dict(zip(_ANNOTATION_FIELDS, fields, strict=True))


def _uuid(value: Any, name: str) -> str:
    """`value` as a UUID in its usual form; ValidationError naming `name` when it is none."""
    if isinstance(value, str) and _CANONICAL_UUID.fullmatch(value):
        return value  # already in its usual form, as this tool writes it
    try:
        return str(uuid.UUID(value if isinstance(value, str) else ""))
    except ValueError:
        raise ValidationError(
            Message("%1 %2 is not a UUID", name, format(repr(value), ".60"))
        ) from None


def _annotation_document(
    project: Project, record: dict[str, Any], documents: dict[str, str]
) -> str:
    doc_id = record.get("document_id")
    if doc_id is not None and str(doc_id) in documents:
        return documents[str(doc_id)]
    sha = record.get("document_sha256")
    if sha:
        found = project.document_by_hash(str(sha))
        if found is None:
            raise AnnotatorError("no document in the project or the file has this sha256")
        return found.id
    project.text(str(doc_id))  # raises NotFoundError naming the id
    return str(doc_id)


def _stance_pair(value: Any) -> Stance:
    if not isinstance(value, (list, tuple)) or len(value) != 2:
        raise AnnotatorError(Message("a stance is a [target, value] pair, got %1", repr(value)))
    return Stance(str(value[0]), str(value[1]))
