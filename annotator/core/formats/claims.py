"""The claims table as CSV: one row per claim and stance, with the claim's speaker beside it."""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import closing
from pathlib import Path

from annotator.core.formats.csv_export import FORMULA_START, write_table
from annotator.core.formats.export import ExportResult, select
from annotator.core.schema import LabelSchema, Layer
from annotator.core.store.project import Project


def claim_layers(schema: LabelSchema) -> list[Layer]:
    """The layers whose annotations are claims: those with stances or a link to a speaker."""
    return [layer for layer in schema.layers if layer.has_stance or layer.attribute_of_type("link")]


def sources(schema: LabelSchema) -> dict[str, str]:
    """Each column of the table and the annotation_table column it is read from."""
    table = {
        "document_id": "document_id",
        "document_title": "document_title",
        "claim_id": "id",
        "claim_text": "text",
        "start": "start",
        "end": "end",
    }
    layers = claim_layers(schema)
    for layer in layers:
        link = layer.attribute_of_type("link")
        if link is not None:
            table.setdefault(f"{link.name}_text", "link_text")
            table.setdefault(f"{link.name}_entity", "link_entity")
    for layer in layers:
        for attribute in layer.attributes:
            if attribute.type in ("choice", "text"):
                table.setdefault(attribute.name, f"attribute:{attribute.name}")
    table.update(stance_target="stance_target", stance_value="stance_value", annotator="annotator")
    return table


def columns(schema: LabelSchema) -> list[str]:
    return list(sources(schema))


def export(
    project: Project,
    out: str | Path,
    *,
    document_ids: Iterable[str] | None = None,
    annotators: Iterable[str] | None = None,
    overwrite: bool = False,
    formula_guard: bool = True,
) -> ExportResult:
    """Write the claims table of the selection (UTF-8 with BOM, complete or not at all)."""
    out = Path(out)
    selection = select(project, document_ids, annotators)
    table = sources(project.schema)
    rows = project.annotation_table(
        list(table.values()),
        document_ids=selection.document_ids,
        annotators=selection.annotators,
        layers=[layer.name for layer in claim_layers(project.schema)],
        escape_starts=FORMULA_START if formula_guard else "",
    )
    # Closed here even when writing fails (a full disk), while the project is still open.
    with closing(rows):
        count = write_table(out, list(table), rows, overwrite)
    return ExportResult(paths=(out,), rows=count)
