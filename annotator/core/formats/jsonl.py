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
from collections.abc import Iterable, Mapping
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
from annotator.core.store.project import Project, TextSource, now

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
    try:
        with open(path, "rb") as file:
            return _records(path, file, compact)
    except OSError as exc:
        raise InputError(Message("cannot read: %1", exc.strerror), str(path)) from None


def _records(path: Path, file: BinaryIO, compact: bool) -> list[tuple[int, Any]]:
    records: list[tuple[int, Any]] = []
    fields = _ANNOTATION_FIELDS
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
        if compact and records:
            if record.get("type") == "annotation":
                record = tuple(map(record.get, fields))
        elif compact and not (record.get("type") == "header" and record.get("format") == FORMAT):
            compact = False
        records.append((number, record))
    if not records:
        raise InputError("no annotations in this file", str(path))
    return records


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
    """
    with collector_paused(), journals_in_memory(project.conn):
        return _import(project, Path(path), annotator, document_id)


def _import(
    project: Project, path: Path, annotator: str | None, document_id: str | None
) -> AnnotationImport:
    records = read_records(path, compact=True)
    if records[0][1].get("type") in RECORD_TYPES:
        raise InputError(
            Message(
                "a JSON Lines export written with --only (no header line, first record "
                "of type %1): it is for analysis; import the full jsonl export",
                repr(records[0][1]["type"]),
            ),
            str(path),
            records[0][0],
        )
    if is_export(records):
        if document_id is not None:
            raise InputError("--document applies to the gold format only", str(path))
        return _import_export(project, path, records, annotator)
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


def _import_export(
    project: Project,
    path: Path,
    records: list[tuple[int, dict[str, Any]]],
    annotator: str | None,
) -> AnnotationImport:
    number, header = records[0]
    version = header.get("version")
    if not isinstance(version, int) or version > VERSION:
        raise InputError(
            Message(
                "export format version %1; this version reads up to %2", repr(version), VERSION
            ),
            str(path),
            number,
        )
    by_type: dict[str, list[tuple[int, Any]]] = {
        "annotator": [],
        "entity": [],
        "document": [],
        "annotation": [],
    }
    for number, record in records[1:]:
        # An annotation record is read as the tuple of its fields (`read_records`).
        kind = "annotation" if type(record) is tuple else record.get("type")
        if kind not in by_type:
            raise InputError(Message("unknown record type %1", repr(kind)), str(path), number)
        by_type[kind].append((number, record))
    with project.atomic():
        placing = _DocumentPlacing(project)
        places = []
        notes: list[str] = []
        for number, record in by_type["document"]:
            try:
                places.append((str(record.get("id")), placing.place(record)))
            except AnnotatorError as exc:
                raise InputError(exc, str(path), number) from None
        documents_added = placing.store()
        # id in the file -> id in the project
        documents = {}
        for (number, record), (key, place) in zip(by_type["document"], places, strict=True):
            documents[key] = place if isinstance(place, str) else documents_added[place]
            own = str(record.get("id") or "")
            if isinstance(place, int) and own and own != documents[key]:
                text = str(record.get("text"))
                note = another_text_note(own, project.text(own), text, documents[key])
                notes.append(f"{path.name}:{number}: {note}")
        entities = _place_entities(project, path, by_type["entity"])
        result = _store_annotations(
            project, path, by_type["annotation"], annotator, documents, entities
        )
    return AnnotationImport(
        added=result[0],
        skipped=result[1],
        document_ids=result[2],
        documents_added=tuple(documents_added),
        changed=result[3],
        notes=tuple(notes),
    )


class _DocumentPlacing:
    """Where each document record of a file goes: found in the project or earlier in the file
    by its text's hash or its id, or added with its text; the new ones are stored together
    (`store`), so the project's hashes and ids are read once, not once per document."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self.by_hash = dict(project.conn.execute("SELECT sha256, id FROM documents"))
        self.ids = {row[0] for row in project.conn.execute("SELECT id FROM documents")}
        self.pending: list[TextSource] = []
        self.pending_hash: dict[str, int] = {}

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
            found = self.by_hash.get(str(sha))
            if found is not None:
                return self.project.document(found).id
        if text is None:
            if not doc_id:
                raise AnnotatorError("a document needs its text, sha256 or id")
            if str(doc_id) not in self.ids:
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
        while candidate in self.ids:
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
) -> tuple[int, int, tuple[str, ...], tuple[str, ...]]:
    """Check and store the export's annotation records, each the tuple of its
    `_ANNOTATION_FIELDS`; (added, skipped, documents touched, ids the project holds changed)."""
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
    try:
        order = link_order({k: item[1][1] for k, item in by_id.items()})
    except AnnotatorError as exc:
        raise InputError(exc, str(path)) from None
    skipped = 0
    changed: list[str] = []
    touched: set[str] = set()
    line_of: dict[str, int] = {}  # the line each annotation stored came from
    stamp = now()
    # Each annotation is checked in link order as `restore` would check it, against the
    # project and the lines before it; all are stored together at the end.
    batch = AnnotationBatch(project, new_ids.values())
    batch.read_documents(documents.values())
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
                    changed.append(ann_id)
                else:
                    skipped += 1
                continue
            batch.add(annotation)
        except DuplicateError as exc:
            raise InputError(twice_message(exc, line_of), str(path), number) from None
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
