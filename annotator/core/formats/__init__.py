"""File formats: one module per format, reading and writing side by side.

`EXPORTS` lists every export by name; the command line and the window's export dialog offer
exactly these. `import_annotations` reads any annotation file the tool understands.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from annotator.core.errors import InputError, Message
from annotator.core.formats import jsonl
from annotator.core.formats.export import ExportResult
from annotator.core.formats.jsonl import AnnotationImport
from annotator.core.store.project import Project


class ExportFunction(Protocol):
    def __call__(
        self,
        project: Project,
        out: str | Path,
        *,
        document_ids: Iterable[str] | None = None,
        annotators: Iterable[str] | None = None,
        overwrite: bool = False,
        formula_guard: bool = True,
    ) -> ExportResult: ...


@dataclass(frozen=True)
class ExportFormat:
    name: str
    description: str
    folder: bool  # writes a folder of files (else one file)
    suffix: str  # of the file written ("" for a folder), for save dialogs
    unit: str  # what ExportResult.rows counts, singular
    formula_guard: bool  # whether the formula_guard option changes anything
    export: ExportFunction


def _export_of(module: str) -> ExportFunction:
    """The `export` function of `annotator.core.formats.<module>`, imported at its first call:
    a command imports only the format it writes, not the XMI, brat and spaCy modules and the
    Arabic analysers they import."""

    def export(project: Project, out: str | Path, **options: Any) -> ExportResult:
        chosen = importlib.import_module(f"annotator.core.formats.{module}")
        return chosen.export(project, out, **options)

    export.__doc__ = f"The export of annotator.core.formats.{module}."
    return export


EXPORTS: dict[str, ExportFormat] = {
    f.name: f
    for f in (
        ExportFormat(
            "csv",
            "Annotations table (CSV): one row per annotation and stance",
            folder=False,
            suffix=".csv",
            unit="row",
            formula_guard=True,
            export=_export_of("csv_export"),
        ),
        ExportFormat(
            "claims",
            "Claims table (CSV): one row per claim and stance, with its speaker",
            folder=False,
            suffix=".csv",
            unit="row",
            formula_guard=True,
            export=_export_of("claims"),
        ),
        ExportFormat(
            "xlsx",
            "Spreadsheet (xlsx): the annotations and claims tables as sheets, right to left",
            folder=False,
            suffix=".xlsx",
            unit="row",
            formula_guard=False,
            export=_export_of("xlsx"),
        ),
        ExportFormat(
            "jsonl",
            "JSON Lines: documents, annotators, entities and annotations, lossless",
            folder=False,
            suffix=".jsonl",
            unit="line",
            formula_guard=False,
            export=_export_of("jsonl"),
        ),
        ExportFormat(
            "brat",
            "brat standoff: a folder with a .txt and an .ann file per document",
            folder=True,
            suffix="",
            unit="annotation",
            formula_guard=False,
            export=_export_of("brat"),
        ),
        ExportFormat(
            "xmi",
            "UIMA CAS XMI (INCEpTION, DKPro): a folder with TypeSystem.xml and an .xmi file "
            "per document and annotator",
            folder=True,
            suffix="",
            unit="annotation",
            formula_guard=False,
            export=_export_of("xmi"),
        ),
        ExportFormat(
            "spacy",
            "spaCy DocBin (.spacy): one SpanGroup per layer and annotator, Arabic tokens",
            folder=False,
            suffix=".spacy",
            unit="span",
            formula_guard=False,
            export=_export_of("spacy_docbin"),
        ),
    )
}


def import_annotations(
    project: Project,
    path: str | Path,
    annotator: str | None = None,
    document_id: str | None = None,
    labels: Mapping[str, str] | None = None,
) -> AnnotationImport:
    """Import annotations from the gold JSON Lines format, this tool's JSON Lines export, brat
    standoff (an `.ann` file with its `.txt`, or a folder of them), UIMA CAS XMI (a folder
    with TypeSystem.xml, an `.xmi` file or a `.zip`), doccano or spaCy-style JSON Lines, or a
    Label Studio JSON export, in one transaction.

    `labels` (label -> layer name, `-` to leave a label out) applies to doccano, spaCy-style
    and Label Studio files, whose labels are their users' own."""
    from annotator.core.formats import brat, span_json, xmi

    path = Path(path)
    if _other_tools_spans(path):
        if document_id is not None:
            raise InputError("--document applies to the gold format only", str(path))
        return span_json.import_annotations(project, path, annotator, labels)
    if labels:
        raise InputError(
            "--map applies to doccano, spaCy-style and Label Studio files only", str(path)
        )
    folder_of_xmi = path.is_dir() and not path.is_symlink() and _folder_kind(path) == "xmi"
    if folder_of_xmi or xmi.is_xmi(path):
        if document_id is not None:
            raise InputError("--document applies to the gold format only", str(path))
        return xmi.import_annotations(project, path, annotator)
    if path.is_dir() or path.suffix.lower() == ".ann":
        if document_id is not None:
            raise InputError("--document applies to the gold format only", str(path))
        return brat.import_annotations(project, path, annotator)
    return jsonl.import_annotations(project, path, annotator, document_id)


def _folder_kind(folder: Path) -> str:
    """ "xmi" for a folder with a type system or .xmi files and no .ann file, else "brat";
    InputError for a folder with neither, saying what each reader needs."""
    from annotator.core.formats import xmi

    if xmi.is_xmi(folder):
        return "xmi"
    suffixes = {p.suffix.lower() for p in folder.rglob("*") if p.suffix.lower() in (".ann", ".xmi")}
    if ".ann" in suffixes:
        return "brat"
    if ".xmi" in suffixes:
        return "xmi"  # its reader says that the type system is missing
    raise InputError(
        Message(
            "no annotation files in this folder: brat needs .ann files (each "
            "beside its .txt), XMI .xmi files with a %1",
            xmi.TYPE_SYSTEM,
        ),
        str(folder),
    )


def _other_tools_spans(path: Path) -> bool:
    """Whether `path` is a Label Studio export (.json) or doccano / spaCy-style JSON Lines."""
    if path.is_dir():
        return False
    if path.suffix.lower() == ".json":
        return True
    if path.suffix.lower() != ".jsonl":
        return False
    return _spans_by_first_records(path)


def _spans_by_first_records(path: Path) -> bool:
    """Whether JSON Lines hold doccano or spaCy-style spans, judged from the first record that
    tells (read one line at a time, so a large file is parsed once, by its importer): another
    tool's spans (`span_json.recognise_line`) or one of ours (an export's `type`, a gold line's
    `layer`, `start` and `end`). Records that tell neither, as the unlabelled documents a
    doccano export may begin with, are read past. A line that cannot be read decides nothing:
    the gold reader then reads the file and names that line."""
    from annotator.core.formats import span_json

    ours = ("header", *jsonl.RECORD_TYPES)  # a tuple: a "type" may be any JSON value
    try:
        with path.open("rb") as lines:
            for number, line in enumerate(lines, start=1):
                text = line.decode("utf-8-sig" if number == 1 else "utf-8")
                if not text.strip():
                    continue
                record = json.loads(text)
                if not isinstance(record, dict):
                    return False
                if span_json.recognise_line(record) is not None:
                    return True
                if record.get("type") in ours or {"layer", "start", "end"} <= record.keys():
                    return False
    except (OSError, UnicodeDecodeError, ValueError, RecursionError):
        return False
    return False


__all__ = [
    "EXPORTS",
    "AnnotationImport",
    "ExportFormat",
    "ExportFunction",
    "ExportResult",
    "import_annotations",
]
