"""Articles in JSON Lines: one JSON object per line, its keys naming the text, title and id.

(Annotations in JSON Lines are read by `annotator.core.formats.jsonl`.)
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from annotator.core.arabic.encoding import decode, has_lone_surrogate
from annotator.core.errors import Cancelled, InputError, Message
from annotator.core.formats.reading import (
    USUAL_NAMES,
    ColumnMapping,
    Columns,
    FileProblems,
    NotArticles,
    Problem,
    TablePreview,
    guess_columns,
    id_conflicts,
    read_bytes,
)
from annotator.core.formats.span_json import recognise_line, refusal
from annotator.core.store.project import TextSource

# The keys every line of an annotation file has (seeds/*.gold.jsonl).
ANNOTATION_KEYS = frozenset({"layer", "start", "end"})
_JSON_KINDS = {str: "string", int: "number", float: "number", bool: "boolean", list: "array"}
_CANCEL_EVERY = 500


def read(
    path: Path,
    *,
    encoding: str | None = None,
    columns: ColumnMapping = USUAL_NAMES,
    cancel: Callable[[], bool] | None = None,
) -> tuple[list[TextSource], list[Problem]]:
    """The articles of the file and the problems of its lines; raises InputError for the file.

    The keys are chosen from the first object; every later object must have the text key (and
    the id key when there is one), other keys are kept as metadata.
    """
    text = decode(read_bytes(path), str(path), encoding).text
    sources: list[TextSource] = []
    problems = FileProblems(path)
    chosen: Columns | None = None
    for count, (line, value, verbatim) in enumerate(_objects(text), 1):
        if cancel is not None and count % _CANCEL_EVERY == 0 and cancel():
            raise Cancelled("import cancelled; nothing of the batch was stored")
        if isinstance(value, InputError):
            problems.add(value, line)
            continue
        if (other_tool := recognise_line(value)) is not None:
            # Checked on every line: a doccano export may start with unlabelled documents.
            raise NotArticles(refusal(other_tool, path), str(path))
        if chosen is None:
            _refuse_annotations(value, path)
            try:
                chosen = Columns.choose(columns, list(value), kind="key")
            except InputError as exc:
                raise InputError(exc.reason, str(path), line) from None
        try:
            sources.append(chosen.article(value, path.name, line, "", checked=verbatim))
        except InputError as exc:
            problems.add(exc, line)
    listed = problems.listed() + id_conflicts(sources, {}, str(path))
    if not sources and not listed:
        raise InputError("no articles: no JSON object in the file", str(path))
    return sources, listed


def _refuse_annotations(first: dict[str, Any], path: Path) -> None:
    """Annotation files (gold lines, or this tool's export with its header) are not articles."""
    if ANNOTATION_KEYS <= first.keys():
        what = "annotations (layer, start, end)"
    elif first.get("type") == "header" and "format" in first:
        what = "an export of annotations (it starts with a header line)"
    elif (other_tool := recognise_line(first)) is not None:
        raise NotArticles(refusal(other_tool, path), str(path))
    else:
        return
    raise NotArticles(
        Message("%1, not articles: import them with annotator import-annotations", what), str(path)
    )


def preview(path: Path, encoding: str | None = None, limit: int = 20) -> TablePreview:
    """The keys of the first `limit` objects (in order of appearance) and their values."""
    decoded = decode(read_bytes(path), str(path), encoding)
    objects: list[dict[str, Any]] = []
    for line, value, _ in _objects(decoded.text):
        if len(objects) >= limit:
            break
        if isinstance(value, InputError):
            raise InputError(value.reason, str(path), line)
        objects.append(value)
    keys = list(dict.fromkeys(key for value in objects for key in value))
    rows = [[_cell(value.get(key)) for key in keys] for value in objects]
    return TablePreview(keys, rows, decoded.encoding, None, guess_columns(keys))


def _cell(value: Any) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _objects(text: str) -> Iterator[tuple[int, dict[str, Any] | InputError, bool]]:
    """(line, object or the reason it is refused, whether its strings hold only characters
    of the line) for every non-blank line. Only the escapes \\u and \\b write characters that
    `decode`, which has checked the whole file, may not have seen."""
    for line, raw in enumerate(text.split("\n"), 1):
        if not raw or raw.isspace():
            continue
        try:
            yield line, parse_object(raw), "\\u" not in raw and "\\b" not in raw
        except InputError as exc:
            yield line, exc, False


def parse_object(raw: str) -> dict[str, Any]:
    """One line as a JSON object; refuses what could not be stored as it was written."""
    try:
        if raw.startswith("\ufeff"):  # as json.loads refuses it
            raise json.JSONDecodeError("Unexpected UTF-8 BOM (decode using utf-8-sig)", raw, 0)
        value = _DECODER.decode(raw)
    except RecursionError:
        raise InputError("JSON nested too deeply") from None
    except json.JSONDecodeError as exc:
        raise InputError(Message("not valid JSON: %1 (column %2)", exc.msg, exc.colno)) from None
    except ValueError as exc:
        if "digits" in str(exc):
            raise InputError("not valid JSON: a number with too many digits") from None
        raise InputError(Message("not valid JSON: %1", exc)) from None
    if not isinstance(value, dict):
        kind = _JSON_KINDS.get(type(value), "null")
        raise InputError(Message('a JSON %1, not an object ({"text": …})', kind))
    # A lone surrogate can only be written as an escape.
    if "\\u" in raw and has_lone_surrogate(value):
        raise InputError("lone surrogate (\\ud800-\\udfff) in a JSON string: not text")
    return value


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number in standard JSON")


def _finite_float(literal: str) -> float:
    number = float(literal)
    if not math.isfinite(number):
        raise ValueError(f"the number {literal[:20]} is out of range")
    return number


# One decoder for every line: json.loads with options would make a new one each time.
_DECODER = json.JSONDecoder(parse_constant=_refuse_constant, parse_float=_finite_float)
