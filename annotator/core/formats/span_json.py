"""Span annotations in the JSON of other tools: doccano and spaCy-style JSON Lines, Label Studio.

Read by `annotator import-annotations`; `annotator import` refuses them as articles (see
`recognise_line` and `recognise_document`).

doccano JSON Lines, one document a line (doccano's export of sequence labelling, and the
JSONL that spaCy and Prodigy users write):

    {"id": 7, "text": "…", "label": [[0, 5, "SPEAKER"], [9, 40, "CLAIM"]]}
    {"id": 7, "text": "…", "entities": [{"id": 1, "label": "SPEAKER", "start_offset": 0,
                                          "end_offset": 5}, …],
                          "relations": [{"from_id": 2, "to_id": 1, "type": "said-by"}]}
    {"text": "…", "spans": [{"start": 0, "end": 5, "label": "SPEAKER"}, …]}

Label Studio's JSON export, a list of tasks: `data` holds the text; each of `annotations` (one
per annotator, `completed_by`) has `result`s: `labels` regions (`value.start`, `end`, `text`,
`labels`), `relation`s (`from_id`, `to_id`) and per-region `choices` / `textarea` whose
`from_name` names an attribute of the region's layer.

Offsets of all three are code points into `text` (Python string indices), as in the project;
a span must lie inside the text and, where the file gives its text, match it.

Labels name layers: a label equal to a layer's name or label (case aside) is that layer, and
`labels` (from `--map TAG=layer`) names others; `TAG=-` leaves a label out. A relation between a
claim and a speaker becomes the claim's speaker link, whichever way it points.

A document is the project's document with the same text; else with the same text once CR LF
becomes LF (as `annotator import` stores a `.txt`; offsets move back by the CRs before them);
else the text is added as a new document, keeping the file's id when no document has it (a
note says where the texts differ when one does).

None of these formats gives spans a stable id, so an annotation's id is made from the document
text, annotator, layer and span (`jsonl.content_id`): two files, or an updated export with
labels added or reordered, add only their new spans. An id the project holds with other content
(a Label Studio choice changed) is not stored and is listed in `AnnotationImport.changed`.
Skipped with a note: relations that are no link of the schema, choices about the whole text;
choices and relations of a region left out with `TAG=-` go with it. Everything else of a file
is stored in one transaction, or nothing.
"""

from __future__ import annotations

import bisect
import json
import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from annotator.core.arabic.encoding import has_lone_surrogate
from annotator.core.arabic.text import is_word_char, text_sha256
from annotator.core.errors import AnnotatorError, DuplicateError, InputError, LayerNames, Message
from annotator.core.formats.jsonl import (
    AnnotationImport,
    another_text_note,
    check_document_text,
    content_id,
    differs,
    find_document_by_text,
    link_order,
    project_has,
    read_records,
    stored_as,
    twice_message,
)
from annotator.core.model import Annotation
from annotator.core.store.project import AnnotationState, Project, TextSource, now

DOCCANO = "doccano JSONL"
SPACY = "spaCy-style JSONL"
LABEL_STUDIO = "Label Studio JSON"
LABEL_STUDIO_MIN = "Label Studio JSON-MIN"
SKIP = "-"  # --map TAG=- leaves TAG out
_NAMESPACE = uuid.UUID("9a4e2f61-0c8b-4d3e-a7f5-1b6c9d2e8f30")


# ----------------------------------------------------------------------------- recognising


def _triples(value: Any) -> bool:
    """Whether `value` is a non-empty list of [start, end, label] (offsets checked later, so
    that offsets written as strings get their own message)."""
    return (
        isinstance(value, list)
        and bool(value)
        and all(isinstance(v, list) and len(v) == 3 and isinstance(v[2], str) for v in value)
    )


def recognise_records(records: list[tuple[int, dict[str, Any]]]) -> str | None:
    """The format of JSON Lines records when any line is doccano's or spaCy-style spans: an
    export may start with unlabelled documents (`"label": []`)."""
    for _, record in records:
        found = recognise_line(record)
        if found is not None:
            return found
    return None


def recognise_line(record: Mapping[str, Any]) -> str | None:
    """The format of one JSON Lines object when it is doccano's or spaCy-style spans (a text
    classification export, `"label": ["POS"]`, is articles)."""
    if not isinstance(record.get("text"), str):
        return None
    if _triples(record.get("label")) or _triples(record.get("labels")):
        return DOCCANO
    entities = record.get("entities")
    if isinstance(entities, list) and entities:
        first = entities[0]
        if isinstance(first, dict) and {"start_offset", "end_offset"} <= first.keys():
            return DOCCANO
        if _triples(entities):
            return SPACY
    spans = record.get("spans")
    if isinstance(spans, dict):
        spans = [s for group in spans.values() if isinstance(group, list) for s in group]
    if isinstance(spans, list) and spans and isinstance(spans[0], dict):
        if {"start", "end"} <= spans[0].keys():
            return SPACY
    return None


def recognise_document(value: Any) -> str | None:
    """The format of a whole JSON document when it is a Label Studio export (a list of tasks,
    or one task, with `data` and `annotations` or `predictions`), its JSON-MIN export (a list
    of objects with the text and a list of `{start, end, labels}` regions) or doccano JSONL
    saved as a single JSON value."""
    tasks = value if isinstance(value, list) else [value]
    if not tasks or not all(isinstance(t, dict) for t in tasks[:20]):
        return None
    first = tasks[0]
    if isinstance(first.get("data"), dict) and ("annotations" in first or "predictions" in first):
        return LABEL_STUDIO
    for task in tasks[:20]:
        if any(_min_regions(v) for v in task.values()):
            return LABEL_STUDIO_MIN
        if recognise_line(task) is not None:
            return recognise_line(task)
    return None


def _min_regions(value: Any) -> bool:
    """Whether `value` is a JSON-MIN list of regions (`start`, `end`, `labels`)."""
    return (
        isinstance(value, list)
        and bool(value)
        and all(isinstance(v, dict) and {"start", "end", "labels"} <= v.keys() for v in value)
    )


def refusal(what: str, path: Path) -> str:
    """The message `annotator import` gives for a file of another tool's annotations."""
    if what == LABEL_STUDIO_MIN:
        return Message(
            "%1: span annotations, not articles; this tool reads Label Studio's "
            "full JSON export (Export > JSON, with 'annotations' and 'result'), "
            "not JSON-MIN: export again as JSON and run `annotator "
            "import-annotations FILE.json`",
            what,
        )
    hint = " --annotator NAME" if what != LABEL_STUDIO else ""
    return Message(
        "%1: span annotations, not articles; import them with `annotator "
        "import-annotations %2%3` (--map TAG=layer for their labels)",
        what,
        path.name,
        hint,
    )


def parse_labels(pairs: list[str] | None) -> dict[str, str]:
    """`--map` arguments `TAG=layer` as a dict; AnnotatorError for one without `=`."""
    labels: dict[str, str] = {}
    for pair in pairs or ():
        tag, sep, layer = pair.partition("=")
        if not sep or not tag or not layer:
            raise AnnotatorError(
                Message("--map %1: write TAG=layer (or TAG=- to leave it out)", repr(pair))
            )
        labels[tag] = layer
    return labels


# ----------------------------------------------------------------------------- reading


@dataclass
class _Span:
    key: str  # the file's id of the span, unique in its document and annotator
    layer: str
    start: int
    end: int
    attributes: dict[str, Any] = field(default_factory=dict)
    link: str | None = None  # key of the span it links to


@dataclass
class _Doc:
    line: int
    text: str
    id: str | None
    annotator: str
    spans: dict[str, _Span] = field(default_factory=dict)
    relations: list[tuple[str, str, str]] = field(default_factory=list)  # (from, to, where)
    left_out: set[str] = field(default_factory=set)  # keys of spans whose label maps to `-`
    notes: list[str] = field(default_factory=list)  # what was read past, for the report


class _Layers:
    """Which layer a label names."""

    def __init__(self, project: Project, labels: Mapping[str, str]):
        self.schema = project.schema
        self.labels = dict(labels)
        for layer in self.labels.values():
            if layer != SKIP and layer not in self.schema.layer_names:
                known = LayerNames.of(self.schema.layer_names)
                raise AnnotatorError(
                    Message("--map names layer %1, not in the schema (%2)", repr(layer), known)
                )
        self.names = {}
        for layer in self.schema.layers:
            self.names[layer.name.casefold()] = layer.name
            self.names.setdefault(layer.label.casefold(), layer.name)

    def of(self, label: Any) -> str | None:
        """The layer of `label`, None when it is left out; AnnotatorError when unknown."""
        label = str(label)
        if label in self.labels:
            layer = self.labels[label]
            return None if layer == SKIP else layer
        found = self.names.get(label.casefold())
        if found is None:
            raise AnnotatorError(
                Message(
                    "label %1 is no layer of this project; map it with --map %2=LAYER "
                    "(layers: %3) or %2=-",
                    repr(label),
                    label,
                    LayerNames.of(self.schema.layer_names),
                )
            )
        return found


def _offset(value: Any, name: str) -> int:
    if isinstance(value, str):
        raise AnnotatorError(
            Message(
                "%1 %2 is a string; offsets must be JSON numbers (code points)",
                name,
                format(repr(value), ".40"),
            )
        )
    if not isinstance(value, int) or isinstance(value, bool):
        raise AnnotatorError(
            Message("%1 %2 is not a whole number", name, format(repr(value), ".40"))
        )
    return value


def _span(doc: _Doc, key: str, layer: str, start: Any, end: Any, shown: Any = None) -> _Span:
    start, end = _offset(start, "start"), _offset(end, "end")
    if not 0 <= start < end <= len(doc.text):
        units = _utf16_to_code_points(doc.text)
        hint = (
            f"; it is inside as UTF-16 units ({len(units) - 1}): offsets must be code points"
            if 0 <= start < end < len(units)
            else ""
        )
        raise AnnotatorError(
            Message(
                "span %1-%2 is not inside the text (%3 code points)%4",
                start,
                end,
                len(doc.text),
                hint,
            )
        )
    if shown is not None and shown != doc.text[start:end]:
        raise AnnotatorError(
            Message(
                "span %1-%2 is %3 in the text, the file says %4 (offsets must be code points)",
                start,
                end,
                format(repr(doc.text[start:end]), ".60"),
                format(repr(shown), ".60"),
            )
        )
    if key in doc.spans:
        raise AnnotatorError(Message("span id %1 is given twice", repr(key)))
    span = _Span(key, layer, start, end)
    doc.spans[key] = span
    return span


def read_doccano(path: Path, layers: _Layers, annotator: str) -> tuple[str, list[_Doc]]:
    records = read_records(path)
    what = recognise_records(records) or DOCCANO
    docs = []
    for number, record in records:
        try:
            docs.append(_doccano_doc(number, record, layers, annotator))
        except AnnotatorError as exc:
            raise InputError(Message("%1: %2", what, exc), str(path), number) from None
    return what, docs


def _doccano_doc(number: int, record: dict[str, Any], layers: _Layers, annotator: str) -> _Doc:
    text = record.get("text")
    if not isinstance(text, str) or not text:
        raise AnnotatorError("no text (the 'text' value is empty, missing or not a string)")
    own = record.get("id")
    doc = _Doc(number, text, None if own is None else str(own), annotator)
    for key in ("label", "labels"):
        if _triples(record.get(key)):
            for n, (start, end, tag) in enumerate(record[key]):
                layer = layers.of(tag)
                if layer:
                    _span(doc, f"{key}{n}", layer, start, end)
                else:
                    doc.left_out.add(f"{key}{n}")
    entities = record.get("entities") or []
    if _triples(entities):
        entities = [{"start_offset": s, "end_offset": e, "label": t} for s, e, t in entities]
    if not isinstance(entities, list):
        raise AnnotatorError("'entities' is not a list")
    for n, entity in enumerate(entities):
        if not isinstance(entity, dict):
            raise AnnotatorError(Message("entity %1 is not an object", n + 1))
        layer = layers.of(entity.get("label"))
        key = str(entity.get("id", f"entity{n}"))
        if layer:
            _span(doc, key, layer, entity.get("start_offset"), entity.get("end_offset"))
        else:
            doc.left_out.add(key)
    spans = record.get("spans") or []
    if isinstance(spans, dict):
        spans = [s for group in spans.values() if isinstance(group, list) for s in group]
    for n, item in enumerate(spans if isinstance(spans, list) else ()):
        if not isinstance(item, dict):
            raise AnnotatorError(Message("span %1 is not an object", n + 1))
        layer = layers.of(item.get("label"))
        if not layer:
            doc.left_out.add(str(item.get("id", f"span{n}")))
        else:
            shown = item.get("text")
            _span(
                doc,
                str(item.get("id", f"span{n}")),
                layer,
                item.get("start"),
                item.get("end"),
                shown,
            )
    _check_units(doc)
    for n, relation in enumerate(record.get("relations") or ()):
        if not isinstance(relation, dict):
            raise AnnotatorError(Message("relation %1 is not an object", n + 1))
        doc.relations.append(
            (str(relation.get("from_id")), str(relation.get("to_id")), f"relation {n + 1}")
        )
    return doc


def _on_word_edge(text: str, position: int) -> bool:
    return not (0 < position < len(text)) or not (
        is_word_char(text[position - 1]) and is_word_char(text[position])
    )


def _check_units(doc: _Doc) -> None:
    """A note when the spans of a text with characters beyond U+FFFF (emoji, math letters) cut
    words as code points but all fit word edges read as UTF-16 units: offsets from a JavaScript
    tool would sit shifted. A note, not a refusal: spans inside words can be meant, and a
    file that gives span texts is checked against them (`_span`)."""
    if not doc.spans or all(ord(ch) <= 0xFFFF for ch in doc.text):
        return
    units = _utf16_to_code_points(doc.text)
    cutting = [
        span
        for span in doc.spans.values()
        if not (_on_word_edge(doc.text, span.start) and _on_word_edge(doc.text, span.end))
    ]
    if not cutting:
        return
    for span in doc.spans.values():
        edges = [units[p] if p < len(units) else -1 for p in (span.start, span.end)]
        if -1 in edges or not all(_on_word_edge(doc.text, p) for p in edges):
            return  # not UTF-16 either: spans inside words are the annotator's choice
    span = cutting[0]
    start, end = units[span.start], units[span.end]
    doc.notes.append(
        f"{len(cutting)} span(s) cut words, as span {span.start}-{span.end} "
        f"({doc.text[span.start : span.end]!r:.40}), and all would fit word edges read as "
        f"UTF-16 units ({doc.text[start:end]!r:.40}); if the file came from a JavaScript tool, "
        "convert its offsets to code points and import it again"
    )


def _utf16_to_code_points(text: str) -> list[int]:
    """For each UTF-16 offset into `text` (and its length), the code point offset; -1 between
    the two units of a surrogate pair."""
    units: list[int] = []
    for index, ch in enumerate(text):
        units.append(index)
        if ord(ch) > 0xFFFF:
            units.append(-1)
    units.append(len(text))
    return units


def _json_values(path: Path) -> list[tuple[int, Any]]:
    """The tasks of a Label Studio export with the line each starts on (one task: line 1)."""
    try:
        raw = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise InputError(Message("cannot read: %1", exc.strerror), str(path)) from None
    except UnicodeDecodeError:
        raise InputError("not UTF-8 text", str(path)) from None
    decoder = json.JSONDecoder()
    position = len(raw) - len(raw.lstrip())
    try:
        if not raw[position:].startswith("["):
            value, _ = decoder.raw_decode(raw, position)
            return [(raw.count("\n", 0, position) + 1, value)]
        tasks, position = [], position + 1
        while True:
            position = _skip(raw, position)
            if raw.startswith("]", position):
                return tasks
            value, end = decoder.raw_decode(raw, position)
            tasks.append((raw.count("\n", 0, position) + 1, value))
            position = _skip(raw, end)
            if raw.startswith(",", position):
                position += 1
    except (ValueError, RecursionError) as exc:
        line = getattr(exc, "lineno", None)
        raise InputError(
            Message("%1: not valid JSON (%2)", LABEL_STUDIO, exc), str(path), line
        ) from None


_SPACE = re.compile(r"\s*")


def _skip(raw: str, position: int) -> int:
    return _SPACE.match(raw, position).end()


def read_label_studio(path: Path, layers: _Layers, annotator: str | None) -> tuple[str, list[_Doc]]:
    tasks = _json_values(path)
    found = recognise_document([tasks[0][1]]) if tasks else None
    if found == LABEL_STUDIO_MIN:
        raise InputError(refusal(found, path), str(path), tasks[0][0])
    if found != LABEL_STUDIO:
        raise InputError(
            Message(
                "not a %1 export (a list of tasks with 'data' and 'annotations')", LABEL_STUDIO
            ),
            str(path),
            tasks[0][0] if tasks else None,
        )
    docs = []
    for line, task in tasks:
        try:
            if has_lone_surrogate(task):
                raise AnnotatorError("a lone surrogate in a JSON string: not text")
            docs.extend(_label_studio_task(line, task, layers, annotator))
        except AnnotatorError as exc:
            raise InputError(Message("%1: %2", LABEL_STUDIO, exc), str(path), line) from None
    if not docs:
        raise InputError(Message("%1: no annotations in this file", LABEL_STUDIO), str(path))
    return LABEL_STUDIO, docs


def _task_text(task: dict[str, Any]) -> str:
    data = task.get("data")
    if not isinstance(data, dict):
        raise AnnotatorError("a task without 'data'")
    text = data.get("text")
    if text is None:
        strings = [v for v in data.values() if isinstance(v, str)]
        text = strings[0] if len(strings) == 1 else None
    if not isinstance(text, str) or not text:
        raise AnnotatorError("the task's data has no 'text' (nor one string value)")
    return text


def _label_studio_task(line: int, task: Any, layers: _Layers, annotator: str | None) -> list[_Doc]:
    if not isinstance(task, dict):
        raise AnnotatorError("a task is not a JSON object")
    text = _task_text(task)
    own = task.get("id")
    docs = []
    for n, annotation in enumerate(task.get("annotations") or ()):
        if not isinstance(annotation, dict) or annotation.get("was_cancelled"):
            continue
        who = annotation.get("completed_by")
        if isinstance(who, dict):
            who = who.get("email") or who.get("id")
        name = annotator or (f"labelstudio-{who}" if who is not None else "labelstudio")
        doc = _Doc(line, text, None if own is None else str(own), name)
        regions: list[dict[str, Any]] = []
        for result in annotation.get("result") or ():
            if not isinstance(result, dict):
                raise AnnotatorError(Message("annotation %1: a result is not an object", n + 1))
            kind = result.get("type")
            value = result.get("value") if isinstance(result.get("value"), dict) else {}
            rid = str(result.get("id"))
            if kind == "labels":
                labels = value.get("labels") or []
                if len(labels) != 1:
                    raise AnnotatorError(Message("region %1: %2 labels, not one", rid, len(labels)))
                layer = layers.of(labels[0])
                if not layer:
                    doc.left_out.add(rid)
                else:
                    where = f"region {rid}"
                    try:
                        _span(
                            doc, rid, layer, value.get("start"), value.get("end"), value.get("text")
                        )
                    except AnnotatorError as exc:
                        raise AnnotatorError(Message("%1: %2", where, exc)) from None
            elif kind == "relation":
                doc.relations.append(
                    (str(result.get("from_id")), str(result.get("to_id")), f"relation {rid}")
                )
            elif kind in ("choices", "textarea"):
                regions.append(result)
            else:
                raise AnnotatorError(
                    Message(
                        "result %1: type %2 is not a labels region, relation, or a region's "
                        "choices or text",
                        rid,
                        repr(kind),
                    )
                )
        for result in regions:
            _region_attribute(doc, layers, result)
        docs.append(doc)
    return docs


def _region_attribute(doc: _Doc, layers: _Layers, result: dict[str, Any]) -> None:
    """A per-region `choices` or `textarea` whose `from_name` is an attribute of the layer."""
    rid, name = str(result.get("id")), str(result.get("from_name"))
    if rid in doc.left_out:
        return  # the region's label is left out (--map TAG=-): its choices go with it
    span = doc.spans.get(rid)
    if span is None:
        # A choice about the whole text (document classification): no layer holds it.
        doc.notes.append(f"{result.get('type')} {name!r} of the whole text ignored")
        return
    attribute = layers.schema.layer(span.layer).attribute(name)
    if attribute is None or attribute.type not in ("choice", "text"):
        raise AnnotatorError(
            Message(
                "result %1: %2 is not a choice or text attribute of %3",
                rid,
                repr(name),
                repr(span.layer),
            )
        )
    value = result.get("value") or {}
    items = value.get("choices") if result.get("type") == "choices" else value.get("text")
    if not isinstance(items, list) or len(items) != 1:
        raise AnnotatorError(
            Message(
                "result %1 (%2): one value expected, got %3", rid, name, format(repr(items), ".60")
            )
        )
    span.attributes[name] = str(items[0])


def _lines_of_spans(path: Path) -> bool:
    """Whether a `.json` file is in fact doccano / spaCy-style JSON Lines (one object a line)."""
    try:
        records = read_records(path)
    except InputError:
        return False
    return recognise_records(records) is not None


# ----------------------------------------------------------------------------- storing


def import_annotations(
    project: Project,
    path: str | Path,
    annotator: str | None = None,
    labels: Mapping[str, str] | None = None,
) -> AnnotationImport:
    """Store the spans and links of a doccano / spaCy-style JSONL or a Label Studio JSON file
    in one transaction, or nothing; InputError names the file, line and format.

    doccano and spaCy-style files record no annotator: `annotator` is required. Label Studio
    names each annotation's `completed_by` (as `labelstudio-ID`) unless `annotator` is given.
    """
    path = Path(path)
    layers = _Layers(project, labels or {})
    if path.suffix.lower() == ".json" and not _lines_of_spans(path):
        what, docs = read_label_studio(path, layers, annotator)
    else:
        if not annotator:
            raise InputError(
                "doccano and spaCy-style JSONL record no annotator; give one with --annotator NAME",
                str(path),
            )
        what, docs = read_doccano(path, layers, annotator)
    added = skipped = 0
    changed: list[str] = []
    notes: list[str] = []
    touched: set[str] = set()
    documents_added: list[str] = []
    with project.atomic():
        for doc in docs:
            try:
                doc_id, new, dropped = _place_document(project, doc)
                touched.add(doc_id)
                if new:
                    documents_added.append(doc_id)
                a, s, c = _store(project, doc, doc_id, dropped)
            except InputError as exc:
                raise InputError(Message("%1: %2", what, exc.reason), str(path), doc.line) from None
            except AnnotatorError as exc:
                raise InputError(Message("%1: %2", what, exc), str(path), doc.line) from None
            added, skipped = added + a, skipped + s
            changed.extend(c)
            notes.extend(f"{path.name}:{doc.line}: {note}" for note in doc.notes)
    return AnnotationImport(
        added=added,
        skipped=skipped,
        document_ids=tuple(sorted(touched)),
        documents_added=tuple(documents_added),
        changed=tuple(changed),
        notes=tuple(notes),
    )


def _place_document(project: Project, doc: _Doc) -> tuple[str, bool, list[int]]:
    found = find_document_by_text(project, doc.text)
    if found is not None:
        return found[0], False, found[1]
    check_document_text(doc.text)
    doc_id = doc.id
    if doc_id is not None and project_has(project, doc_id):
        doc_id = None  # another text has this id: the new one gets its own
    (added,) = project.import_texts([TextSource(text=doc.text, id=doc_id)]).added
    if doc.id is not None and doc_id is None:
        doc.notes.append(another_text_note(doc.id, project.text(doc.id), doc.text, added))
    return added, True, []


def _store(
    project: Project, doc: _Doc, doc_id: str, dropped: list[int]
) -> tuple[int, int, list[str]]:
    schema = project.schema
    other = 0
    for source, target, where in doc.relations:
        if source in doc.left_out or target in doc.left_out:
            continue  # a relation of a span left out (--map TAG=-) goes with it
        if source not in doc.spans or target not in doc.spans:
            missing = source if source not in doc.spans else target
            raise AnnotatorError(
                Message("%1: span %2 is not in this document", where, repr(missing))
            )
        a, b = doc.spans[source], doc.spans[target]
        for claim, speaker in ((a, b), (b, a)):
            link = schema.layer(claim.layer).attribute_of_type("link")
            if link is not None and link.layer == speaker.layer:
                if claim.link not in (None, speaker.key):
                    raise AnnotatorError(
                        Message("%1: span %2 links to two spans", where, repr(claim.key))
                    )
                claim.link = speaker.key
                break
        else:
            other += 1
    if other:
        doc.notes.append(
            f"{other} relation(s) that are no link of the schema (a claim to its speaker) skipped"
        )
    text = project.text(doc_id)
    sha = text_sha256(text)
    spans: dict[str, tuple[int, int]] = {}
    ids: dict[str, str] = {}
    first_key: dict[str, str] = {}
    for key, span in doc.spans.items():
        start = span.start - bisect.bisect_left(dropped, span.start)
        end = span.end - bisect.bisect_left(dropped, span.end)
        spans[key] = (start, end)
        ids[key] = content_id(_NAMESPACE, sha, doc.annotator, span.layer, start, end)
        if ids[key] in first_key:
            raise AnnotatorError(
                Message(
                    "span %1: tags %2-%3 as %4 again (span %5); one annotator tags a span "
                    "once a layer",
                    repr(key),
                    span.start,
                    span.end,
                    repr(span.layer),
                    repr(first_key[ids[key]]),
                )
            )
        first_key[ids[key]] = key
    order = link_order({key: span.link for key, span in doc.spans.items()})
    added = skipped = 0
    changed: list[str] = []
    line_of: dict[str, int] = {}
    stamp = now()
    for key in order:
        span = doc.spans[key]
        start, end = spans[key]
        link = schema.layer(span.layer).attribute_of_type("link")
        annotation = Annotation(
            id=ids[key],
            document_id=doc_id,
            annotator=doc.annotator,
            layer=span.layer,
            start=start,
            end=end,
            text=text[start:end],
            attributes=dict(span.attributes),
            link_id=project.live_link(ids[span.link]) if span.link and link else None,
            origin="imported",
            created_at=stamp,
            modified_at=stamp,
        )
        if project.known(annotation.id):
            if differs(project, annotation):
                changed.append(annotation.id)
            else:
                skipped += 1
            continue
        try:
            project.restore(annotation.id, AnnotationState(annotation))
        except DuplicateError as exc:
            found = stored_as(project, annotation, exc, line_of)
            if found is None:
                raise AnnotatorError(
                    Message("span %1: %2", repr(key), twice_message(exc, line_of))
                ) from None
            ids[key] = found  # claims linking to this span link to the stored one
            if differs(project, replace(annotation, id=found)):
                changed.append(found)
            else:
                skipped += 1
            continue
        except AnnotatorError as exc:
            raise AnnotatorError(Message("span %1: %2", repr(key), exc)) from None
        line_of[annotation.id] = doc.line
        added += 1
    return added, skipped, changed
