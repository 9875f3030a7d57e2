"""The annotations table as CSV: one row per annotation and stance, ready for Excel, R or pandas."""

from __future__ import annotations

import csv
import os
from collections.abc import Iterator
from pathlib import Path

from annotator.core.files import temp_beside
from annotator.core.project import Project
from annotator.core.schema import LabelSchema

# A cell starting with one of these can run as a formula in a spreadsheet.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
FIXED_BEFORE = ["document_id", "document_title", "annotator", "layer", "start", "end", "text"]
FIXED_AFTER = [
    "stance_target",
    "stance_value",
    "annotation_id",
    "origin",
    "created_at",
    "modified_at",
]


def columns(schema: LabelSchema) -> list[str]:
    """Fixed columns around one or more columns per attribute of the schema, in schema order."""
    names: list[str] = []
    for layer in schema.layers:
        for attribute in layer.attributes:
            if attribute.type == "link":
                wanted = [
                    f"{attribute.name}_id",
                    f"{attribute.name}_text",
                    f"{attribute.name}_entity",
                ]
            else:
                wanted = [attribute.name]
            names.extend(n for n in wanted if n not in names)
    return FIXED_BEFORE + [n for n in names if n not in FIXED_BEFORE + FIXED_AFTER] + FIXED_AFTER


def neutralise(cell: object) -> object:
    """Prefix a text cell that a spreadsheet would run as a formula with an apostrophe."""
    if isinstance(cell, str) and cell.startswith(_FORMULA_START):
        return "'" + cell
    return cell


def rows(project: Project, document_id: str | None = None) -> Iterator[dict[str, object]]:
    schema = project.schema
    documents = [d for d in project.documents() if document_id in (None, d.id)]
    for summary in documents:
        annotations = project.annotations(summary.id)
        by_id = {a.id: a for a in annotations}
        for annotation in annotations:
            row: dict[str, object] = {
                "document_id": summary.id,
                "document_title": summary.title,
                "annotator": annotation.annotator,
                "layer": annotation.layer,
                "start": annotation.start,
                "end": annotation.end,
                "text": annotation.text,
                "annotation_id": annotation.id,
                "origin": annotation.origin,
                "created_at": annotation.created_at,
                "modified_at": annotation.modified_at,
            }
            layer = schema.layer(annotation.layer)
            for attribute in layer.attributes:
                if attribute.type == "entity":
                    row[attribute.name] = annotation.entity.name if annotation.entity else ""
                elif attribute.type == "link":
                    target = by_id.get(annotation.link_id or "")
                    row[f"{attribute.name}_id"] = target.id if target else ""
                    row[f"{attribute.name}_text"] = target.text if target else ""
                    entity = target.entity if target else None
                    row[f"{attribute.name}_entity"] = entity.name if entity else ""
                else:
                    row[attribute.name] = annotation.attributes.get(attribute.name, "")
            for stance in annotation.stances or (None,):
                row["stance_target"] = stance.target if stance else ""
                row["stance_value"] = stance.value if stance else ""
                yield dict(row)


def export(
    project: Project, out: str | Path, *, document_id: str | None = None, formula_guard: bool = True
) -> int:
    """Write the table (UTF-8 with BOM so Excel shows Arabic); returns the number of rows.

    The file appears complete or not at all: it is written beside `out` and moved into place.
    """
    out = Path(out)
    header = columns(project.schema)
    tmp = temp_beside(out, ".csv")
    count = 0
    try:
        with open(tmp, "w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=header, extrasaction="ignore")
            writer.writeheader()
            for row in rows(project, document_id):
                if formula_guard:
                    row = {k: neutralise(v) for k, v in row.items()}
                writer.writerow(row)
                count += 1
        os.replace(tmp, out)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return count
