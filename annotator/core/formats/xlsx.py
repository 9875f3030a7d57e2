"""Both tables in one spreadsheet file (`.xlsx`, Office Open XML), written with XlsxWriter.

Sheets, in this order:

    annotations  the rows and columns of the `csv` export
    claims       the rows and columns of the `claims` export
    columns      one row per column of the two sheets: sheet, column, what it holds

Every sheet reads right to left; columns holding Arabic text (titles, span texts, speaker
names, stance targets, free-text attributes, annotator names) are right-aligned with a
right-to-left reading order in Arial, a font Excel, LibreOffice and Numbers all have with
Arabic letters. The header row is frozen and carries an autofilter. Offsets (`start`, `end`,
code points as in the CSV) are numbers; every other cell is written as a string, never as a
formula, so the CSV's formula guard (a leading apostrophe) is not needed here and not applied.

Excel holds at most 32,767 characters in a cell and 1,048,576 rows in a sheet (Microsoft's
"Excel specifications and limits"); a selection beyond either is refused (ExportError), never
cut short.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

from annotator.core.errors import ExportError, Message
from annotator.core.formats import claims, csv_export
from annotator.core.formats.export import ExportResult, select
from annotator.core.schema import LabelSchema
from annotator.core.store.files import check_writable, replacing
from annotator.core.store.project import Project

MAX_CELL = 32_767  # characters in one cell (Excel's limit)
MAX_ROWS = 1_048_576  # rows in one sheet, the header included (Excel's limit)
FONT = "Arial"
NUMBER_COLUMNS = ("start", "end")
# annotation_table columns whose cells hold text of the articles or names in Arabic.
_ARABIC_SOURCES = {
    "document_title",
    "text",
    "link_text",
    "link_entity",
    "entity",
    "stance_target",
    "annotator",
}
_FIXED_MEANINGS = {
    "document_id": "id of the document",
    "document_title": "title of the document",
    "annotator": "who made the annotation",
    "layer": "the layer of the span (speaker, claim, ...)",
    "start": "where the span starts: code points from the start of the text, counting from 0",
    "end": "where the span ends (exclusive), in code points",
    "text": "the text of the span",
    "claim_id": "id of the claim annotation",
    "claim_text": "the text of the claim",
    "stance_target": "what the stance is about (one row per stance)",
    "stance_value": "the stance towards the target",
    "annotation_id": "id of the annotation",
    "origin": "how the annotation was made (manual, suggested, imported, ...)",
    "created_at": "when it was made (ISO 8601, UTC)",
    "modified_at": "when it was last changed (ISO 8601, UTC)",
}


def _arabic_sources(schema: LabelSchema) -> set[str]:
    found = set(_ARABIC_SOURCES)
    for layer in schema.layers:
        for attribute in layer.attributes:
            if attribute.type == "text" or (
                attribute.type == "choice" and not all(v.isascii() for v in attribute.values)
            ):
                found.add(f"attribute:{attribute.name}")
    return found


def _meanings(schema: LabelSchema) -> dict[str, str]:
    meanings = dict(_FIXED_MEANINGS)
    for layer in schema.layers:
        for attribute in layer.attributes:
            about = attribute.description or f"{attribute.type} attribute of {layer.name}"
            if attribute.type == "link":
                meanings.setdefault(
                    f"{attribute.name}_id", f"id of the {attribute.layer} annotation linked"
                )
                meanings.setdefault(
                    f"{attribute.name}_text", f"text of the {attribute.layer} annotation linked"
                )
                meanings.setdefault(
                    f"{attribute.name}_entity", f"entity of the {attribute.layer} annotation linked"
                )
            else:
                meanings.setdefault(attribute.name, about)
    return meanings


def export(
    project: Project,
    out: str | Path,
    *,
    document_ids: Iterable[str] | None = None,
    annotators: Iterable[str] | None = None,
    overwrite: bool = False,
    formula_guard: bool = True,  # a CSV option: cells here are strings, never formulas
) -> ExportResult:
    """Write the annotations and claims tables of the selection; returns their rows together.

    The file appears complete or not at all. Raises ExportError for a cell or a sheet beyond
    Excel's limits, naming the sheet and row, and for a file that exists without `overwrite`.
    """
    out = Path(out)
    check_writable(out, overwrite)  # before the work, as replacing() checks again after it
    selection = select(project, document_ids, annotators)
    schema = project.schema
    arabic = _arabic_sources(schema)
    tables: list[tuple[str, list[str], list[tuple[str, ...]], dict[str, Any]]] = []
    annotation_sources = csv_export.sources(schema)
    tables.append(
        (
            "annotations",
            list(annotation_sources),
            list(annotation_sources.values()),
            {},
        )
    )
    claim_sources = claims.sources(schema)
    tables.append(
        (
            "claims",
            list(claim_sources),
            [(source,) for source in claim_sources.values()],
            {"layers": [layer.name for layer in claims.claim_layers(schema)]},
        )
    )
    import xlsxwriter  # here: 50 ms that only this export needs

    count = 0
    # The zip is put together in memory (compressed, a fraction of the rows' size) and then
    # written: a full disk then fails on a plain write, never inside the zip writer.
    # constant_memory: each row goes to a temporary file as it is written, as the CSV streams.
    packed = io.BytesIO()
    book = xlsxwriter.Workbook(packed, {"constant_memory": True, "strings_to_numbers": False})
    try:
        header = book.add_format({"bold": True, "font_name": FONT})
        latin = book.add_format({"font_name": FONT})
        right = book.add_format(
            {"font_name": FONT, "align": "right", "reading_order": 2, "font_charset": 178}
        )
        number = book.add_format({"font_name": FONT, "num_format": "0"})
        for name, names, sources, options in tables:
            sheet = book.add_worksheet(name)
            formats = [
                number
                if column in NUMBER_COLUMNS
                else right
                if any(s in arabic for s in source)
                else latin
                for column, source in zip(names, sources, strict=True)
            ]
            rows = project.annotation_table(
                [s if len(s) > 1 else s[0] for s in sources],
                document_ids=selection.document_ids,
                annotators=selection.annotators,
                **options,
            )
            with closing(rows):
                count += _write_sheet(sheet, name, names, formats, header, rows)
        _write_columns(book, tables, _meanings(schema), header, latin)
    finally:
        book.close()
    with replacing(out, overwrite=overwrite, binary=True) as handle:
        handle.write(packed.getbuffer())
    return ExportResult(paths=(out,), rows=count)


def _write_sheet(
    sheet: Any,
    name: str,
    names: list[str],
    formats: list[Any],
    header: Any,
    rows: Iterator[tuple],
) -> int:
    sheet.right_to_left()
    sheet.freeze_panes(1, 0)
    for col, (column, fmt) in enumerate(zip(names, formats, strict=True)):
        width = 8 if column in NUMBER_COLUMNS else 40 if column.endswith("text") else 18
        sheet.set_column(col, col, width, fmt)
        sheet.write_string(0, col, column, header)
    row_number = 0
    for row_number, row in enumerate(rows, start=1):
        if row_number >= MAX_ROWS:
            raise ExportError(
                Message(
                    "sheet %1 would have more than %2 rows, Excel's limit; export fewer "
                    "documents or use csv",
                    repr(name),
                    format(MAX_ROWS - 1, ","),
                )
            )
        for col, value in enumerate(row):
            if value is None:
                continue
            if isinstance(value, int | float) and not isinstance(value, bool):
                sheet.write_number(row_number, col, value, formats[col])
                continue
            value = str(value)
            if len(value) > MAX_CELL:
                raise ExportError(
                    Message(
                        "sheet %1 row %2 column %3: %4 characters, more than Excel's %5; use "
                        "csv or jsonl",
                        repr(name),
                        row_number + 1,
                        repr(names[col]),
                        format(len(value), ","),
                        format(MAX_CELL, ","),
                    )
                )
            sheet.write_string(row_number, col, value, formats[col])
    sheet.autofilter(0, 0, row_number, len(names) - 1)
    return row_number


def _write_columns(
    book: Any,
    tables: list[tuple[str, list[str], list[tuple[str, ...]], dict[str, Any]]],
    meanings: dict[str, str],
    header: Any,
    cell: Any,
) -> None:
    sheet = book.add_worksheet("columns")
    sheet.freeze_panes(1, 0)
    sheet.set_column(0, 1, 18, cell)
    sheet.set_column(2, 2, 70, cell)
    for col, title in enumerate(("sheet", "column", "meaning")):
        sheet.write_string(0, col, title, header)
    row = 0
    for name, names, _, _ in tables:
        for column in names:
            row += 1
            sheet.write_string(row, 0, name)
            sheet.write_string(row, 1, column)
            sheet.write_string(row, 2, meanings.get(column, ""))
    sheet.autofilter(0, 0, row, 2)
