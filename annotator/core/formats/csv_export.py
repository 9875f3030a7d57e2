"""The annotations table as CSV: one row per annotation and stance, ready for Excel, R or pandas."""

from __future__ import annotations

import csv
import itertools
from collections.abc import Iterable
from contextlib import closing
from operator import itemgetter
from pathlib import Path

from annotator.core.formats.export import ExportResult, select
from annotator.core.schema import LabelSchema
from annotator.core.store.files import replacing
from annotator.core.store.project import Project

# A cell starting with one of these can run as a formula in a spreadsheet.
FORMULA_START = "=+-@\t\r"
FIXED_BEFORE = ["document_id", "document_title", "annotator", "layer", "start", "end", "text"]
FIXED_AFTER = [
    "stance_target",
    "stance_value",
    "annotation_id",
    "origin",
    "created_at",
    "modified_at",
]
# Table column -> column of Project.annotation_table, for the fixed columns.
_FIXED_SOURCE = {"annotation_id": "id"}


def columns(schema: LabelSchema) -> list[str]:
    """Fixed columns around one or more columns per attribute of the schema, in schema order."""
    return list(sources(schema))


def sources(schema: LabelSchema) -> dict[str, tuple[str, ...]]:
    """Each column of the table and the annotation_table columns it is read from."""
    attributes: dict[str, list[str]] = {}
    for layer in schema.layers:
        for attribute in layer.attributes:
            if attribute.type == "link":
                wanted = {
                    f"{attribute.name}_id": "link_id",
                    f"{attribute.name}_text": "link_text",
                    f"{attribute.name}_entity": "link_entity",
                }
            elif attribute.type == "entity":
                wanted = {attribute.name: "entity"}
            else:
                wanted = {attribute.name: f"attribute:{attribute.name}"}
            for name, source in wanted.items():
                # Layers may share a column name; an annotation only ever fills its own layer's.
                sources = attributes.setdefault(name, [])
                if source not in sources:
                    sources.append(source)
    table = {name: (_FIXED_SOURCE.get(name, name),) for name in FIXED_BEFORE}
    table.update(
        (name, tuple(sources))
        for name, sources in attributes.items()
        if name not in FIXED_BEFORE + FIXED_AFTER
    )
    table.update((name, (_FIXED_SOURCE.get(name, name),)) for name in FIXED_AFTER)
    return table


def write_table(
    out: Path, header: list[str], rows: Iterable[Iterable[object]], overwrite: bool
) -> int:
    """Write a CSV file, UTF-8 with a byte order mark so Excel shows Arabic; returns the rows."""
    counter = itertools.count()
    # The mark written here, not by the "utf-8-sig" codec: its encoder is Python code, called
    # for every row, where "utf-8" is encoded in C; and a buffer of a megabyte. The same bytes
    # in about 12 % less time than csv.writer on a "utf-8-sig" file with the default buffer.
    with replacing(out, overwrite=overwrite, encoding="utf-8", buffering=1 << 20) as handle:
        handle.write("\ufeff")
        writer = csv.writer(handle)
        writer.writerow(header)
        # Counted by zip and map, which run in C: no Python code per row.
        writer.writerows(map(itemgetter(0), zip(rows, counter, strict=False)))
    return next(counter)


def export(
    project: Project,
    out: str | Path,
    *,
    document_ids: Iterable[str] | None = None,
    annotators: Iterable[str] | None = None,
    overwrite: bool = False,
    formula_guard: bool = True,
) -> ExportResult:
    """Write the annotations table of the selection.

    The file appears complete or not at all: it is written beside `out` and moved into place.
    """
    out = Path(out)
    selection = select(project, document_ids, annotators)
    table = sources(project.schema)
    rows = project.annotation_table(
        [sources if len(sources) > 1 else sources[0] for sources in table.values()],
        document_ids=selection.document_ids,
        annotators=selection.annotators,
        escape_starts=FORMULA_START if formula_guard else "",
    )
    # Closed here even when writing fails (a full disk), while the project is still open.
    with closing(rows):
        count = write_table(out, list(table), rows, overwrite)
    return ExportResult(paths=(out,), rows=count)
