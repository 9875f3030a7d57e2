"""Annotations as JSON Lines: one annotation an object, as in `seeds/*.gold.jsonl`.

Each line holds `layer`, `start`, `end`, `text`, the layer's attributes by name (the entity
attribute as the entity's name, the link attribute as the `id` of another line) and `stances`
as [target, value] pairs. `document_id` or `document_sha256` on a line picks its document.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from annotator.core.errors import AnnotatorError, InputError
from annotator.core.project import Project

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
_NAMESPACE = uuid.UUID("6f1d8a52-3c1e-4d7b-9a3f-2b8e5c4d1a90")


@dataclass(frozen=True)
class AnnotationImport:
    added: int
    skipped: int  # already in the project (same id)
    document_ids: tuple[str, ...]


def read_records(path: Path) -> list[tuple[int, dict[str, Any]]]:
    try:
        raw = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", str(path)) from None
    except UnicodeDecodeError:
        raise InputError("not UTF-8 text", str(path)) from None
    records = []
    for number, line in enumerate(raw.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except (json.JSONDecodeError, RecursionError) as exc:
            raise InputError(f"not valid JSON ({exc})", str(path), number) from None
        if not isinstance(record, dict):
            raise InputError("each line must be a JSON object", str(path), number)
        records.append((number, record))
    if not records:
        raise InputError("no annotations in this file", str(path))
    return records


def import_annotations(
    project: Project, path: str | Path, annotator: str, document_id: str | None = None
) -> AnnotationImport:
    """Store every annotation of the file in one transaction, or none of them."""
    path = Path(path)
    records = read_records(path)
    default_doc = document_id or path.name.split(".")[0]
    # Lines with a link go last, so the annotation they point to exists already.
    order = sorted(records, key=lambda item: _link_value(project, item[1]) is not None)
    new_ids: dict[tuple[str, str], str] = {}
    added = skipped = 0
    documents: set[str] = set()
    with project.atomic():
        for number, record in order:
            try:
                doc = _document_for(project, record, default_doc)
                documents.add(doc)
                ann_id = _annotation_id(project, doc, annotator, record)
                if project.state(ann_id) is not None:
                    skipped += 1
                    new_ids[(doc, str(record.get("id", "")))] = ann_id
                    continue
                link = _link_value(project, record)
                link_id = new_ids.get((doc, str(link))) if link is not None else None
                if link is not None and link_id is None:
                    raise AnnotatorError(f"links to {link!r}, which is not in this file")
                annotation = project.add_annotation(
                    doc,
                    annotator,
                    str(record.get("layer")),
                    record.get("start"),
                    record.get("end"),
                    text=record.get("text"),
                    attributes=_plain_attributes(project, record),
                    entity=_entity_value(project, record),
                    link_id=link_id,
                    stances=record.get("stances") or (),
                    origin=record.get("origin") or "imported",
                    id=ann_id,
                )
            except AnnotatorError as exc:
                raise InputError(str(exc), str(path), number) from None
            new_ids[(doc, str(record.get("id", annotation.id)))] = annotation.id
            added += 1
    return AnnotationImport(added=added, skipped=skipped, document_ids=tuple(sorted(documents)))


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
