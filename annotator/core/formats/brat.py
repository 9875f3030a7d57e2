"""brat standoff: a folder with `NAME.txt` and `NAME.ann` per document, written and read.

Offsets are what brat's Python 3 server uses: indices into the `.txt` read as UTF-8, that is
Unicode code points, as in the project. brat reads `.ann` lines as Python's `splitlines` cuts
them, so a span holding a line break is written the way brat itself writes one: as fragments
between the breaks (`T1	claim 10 20;21 30	first line second line`). README.md has the mapping:

    T1  LAYER START END  TEXT                      an annotation
    A1  ATTRIBUTE T1 VALUE                         a choice attribute (brat multi-valued)
    R1  LAYER_LINK Arg1:T2 Arg2:T1                 a link (a claim's speaker)
    #1  AnnotatorNotes T1  entity: NAME            the speaker entity's name
    #2  AnnotatorNotes T2  cue: أكد | stance: Israel=against     text attributes and stances
    #3  Provenance T2  annotator: NAME | id: UUID | origin: … | created: … | modified: …
                       (| entity_id: UUID on a mention that has an entity)
    T3  Attribution 0 3  قال                   a cue (schemas with a cue layer) ...
    E1  Attribution:T3 Source:T1 Content:T2    ... and its attribution event
    #4  Provenance E1  annotator: …            what is said about a cue names its event

A schema with a `cue` layer whose link points at the claims (the attribution schema) writes
each cue as the trigger of a brat event, the form attribution corpora take in brat (PARC 3.0
as brat): the claim is its Content and the claim's speaker its Source; a cue linked to no claim
is an event without arguments, as brat writes one. brat's reader (server/src/annotation.py)
wants a trigger of its event's type, named by no line but events, so the cue's span has the
type `Attribution` and its notes name the event. A claim that is the Content of an event
gets its speaker from the event, and no R line repeats it.

With `entities_as="normalization"` the entity is brat's normalization line instead,
`N1  Reference T1 entity:ENTITY-UUID  NAME`; both forms are read. With `per_annotator` each
annotator's documents go into a subfolder of their own (the layout of bratiaa).
"""

from __future__ import annotations

import bisect
import contextlib
import re
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from annotator.core.arabic.text import clean_text, text_sha256
from annotator.core.clock import utc_timestamp
from annotator.core.errors import (
    AnnotatorError,
    DuplicateError,
    ExportError,
    ExportExistsError,
    InputError,
    Message,
)
from annotator.core.formats.export import ExportResult, select
from annotator.core.formats.jsonl import (
    AnnotationImport,
    check_document_text,
    differs,
    imported_id,
    link_order,
    twice_message,
)
from annotator.core.formats.reading import folder_files, named_file_problem
from annotator.core.model import Annotation, Entity, Stance
from annotator.core.schema import LabelSchema
from annotator.core.store.files import (
    path_inside,
    safe_filename,
    unique_name,
    write_together,
)
from annotator.core.store.project import AnnotationState, Project, TextSource, now

# Where str.splitlines, and so brat, ends a line.
LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_LINE_BREAK = re.compile(f"[{LINE_BREAKS}]")
DISCONTINUOUS_SEPARATOR = " "  # brat joins the text of fragments with one space
NOTES = "AnnotatorNotes"
PROVENANCE = "Provenance"
ENTITY_DB = "entity"
# A value brat can hold as an attribute value and list in annotation.conf.
_TOKEN = re.compile(r"[^\s|,]+")
_NAMESPACE = uuid.UUID("0b6f3a1e-5c7d-4e2b-8f9a-6d1c2b3a4e5f")
_PROVENANCE_FIELDS = ("annotator", "id", "origin", "created", "modified", "entity_id")
ENTITIES_AS = ("note", "normalization")
ATTRIBUTION = "Attribution"  # the event type of an attribution relation
SOURCE, CONTENT = "Source", "Content"  # its argument roles; the cue is the trigger
CUE_LAYER = "cue"


@dataclass(frozen=True)
class AttributionLayers:
    """The layers a brat attribution event joins: `cue` (its trigger) links through its link
    attribute `cue_link` to the `content` layer, which links through `content_link` to the
    `source` layer (None, None when the content layer has no link)."""

    cue: str
    cue_link: str
    content: str
    content_link: str | None
    source: str | None


def attribution_layers(schema: LabelSchema) -> AttributionLayers | None:
    """The attribution layers of `schema`: its layer named `cue` when that layer has a link
    attribute (in the shipped attribution schema: cue.claim -> claim.speaker -> speaker);
    None for a schema without one, whose brat files hold no events."""
    if CUE_LAYER not in schema.layer_names:
        return None
    cue = schema.layer(CUE_LAYER)
    link = cue.attribute_of_type("link")
    if link is None or link.layer is None:
        return None
    content_link = schema.layer(link.layer).attribute_of_type("link")
    return AttributionLayers(
        cue=cue.name,
        cue_link=link.name,
        content=link.layer,
        content_link=content_link.name if content_link else None,
        source=content_link.layer if content_link else None,
    )


def brat_type(schema: LabelSchema, layer: str) -> str:
    """The brat type of a layer's text-bound lines: its name, except the cue layer of an
    attribution schema, whose spans are the triggers of attribution events and so have the
    event's type (brat requires a trigger to be of its event's type)."""
    roles = attribution_layers(schema)
    return ATTRIBUTION if roles is not None and layer == roles.cue else layer


# ----------------------------------------------------------------------------- export


def relation_type(layer: str, link: str) -> str:
    """The brat relation type of a link attribute: a type name of its own, so it never shares
    one with an entity type (the speaker layer and the claim's `speaker` link)."""
    return f"{layer}_{link}"


def fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The span cut at line breaks, as brat cuts a selection over several lines.

    Empty fragments are kept at the edges, so the first starts at `start` and the last ends at
    `end` even when the span starts or ends with a line break.
    """
    pieces, piece_start = [], start
    for match in _LINE_BREAK.finditer(text, start, end):
        pieces.append((piece_start, match.start()))
        piece_start = match.end()
    pieces.append((piece_start, end))
    return [p for i, p in enumerate(pieces) if p[0] < p[1] or i in (0, len(pieces) - 1)]


# What `escape` rewrites: separators, control characters and line breaks anywhere, and
# whitespace at either edge (brat strips a note's edges).
_ESCAPED = re.compile(r"[\\|=\x00-\x1f\x7f-\x9f\u2028\u2029]|\A\s|\s\Z")


def escape(value: str) -> str:
    """A value written in a note or a name: one line, `|` and `=` kept apart from separators."""
    return _ESCAPED.sub(_escaped, value)


def _escaped(match: re.Match[str]) -> str:
    ch = match.group()
    if ch in "\\|=":
        return "\\" + ch
    return {"\n": "\\n", "\t": "\\t"}.get(ch, f"\\u{ord(ch):04x}")


def unescape(value: str) -> str:
    out, i = [], 0
    simple = {"\\": "\\", "|": "|", "=": "=", "n": "\n", "t": "\t"}
    while i < len(value):
        ch = value[i]
        if ch != "\\":
            out.append(ch)
            i += 1
            continue
        code = value[i + 1 : i + 2]
        if code in simple:
            out.append(simple[code])
            i += 2
        elif code == "u" and re.fullmatch(r"[0-9a-fA-F]{4}", value[i + 2 : i + 6]):
            char = chr(int(value[i + 2 : i + 6], 16))
            if "\ud800" <= char <= "\udfff":
                raise AnnotatorError(
                    Message("\\u%1 in %2 is not a character", value[i + 2 : i + 6], repr(value))
                )
            out.append(char)
            i += 6
        else:
            raise AnnotatorError(Message("unknown escape \\%1 in %2", code, repr(value)))
    return "".join(out)


def _split_unescaped(text: str, separator: str) -> list[str]:
    parts, current, i = [], [], 0
    while i < len(text):
        if text[i] == "\\":
            current.append(text[i : i + 2])
            i += 2
        elif text[i] == separator:
            parts.append("".join(current))
            current = []
            i += 1
        else:
            current.append(text[i])
            i += 1
    parts.append("".join(current))
    return parts


def note_fields(fields: Iterable[tuple[str, str]]) -> str:
    return " | ".join(f"{name}: {value}" for name, value in fields)


def parse_note(note: str) -> list[tuple[str, str]]:
    """`name: value | name: value` -> [(name, raw value)]; values still escaped."""
    fields = []
    for part in _split_unescaped(note.strip(), "|"):
        name, colon, value = part.strip().partition(":")
        if not colon or not re.fullmatch(r"[a-z][a-z0-9_]*", name.strip()):
            raise AnnotatorError(
                Message("note %1 is not in the form 'name: value | name: value'", repr(note))
            )
        fields.append((name.strip(), value.strip()))
    return fields


def annotation_conf(schema: LabelSchema) -> str:
    """brat's annotation.conf for the schema: its layers, links and choice attributes, and for
    a schema with a cue layer the attribution event in place of the cue layer (brat's
    configuration syntax: `Source?` an optional argument, `Content` a mandatory one, so brat
    marks a cue that links to no claim as incomplete)."""
    relations, attributes, events = [], {}, []
    roles = attribution_layers(schema)
    if roles is not None:
        arguments = [f"{CONTENT}:{roles.content}"]
        if roles.source is not None:
            arguments.insert(0, f"{SOURCE}?:{roles.source}")
        events.append(f"{ATTRIBUTION}\t{', '.join(arguments)}")
    for layer in schema.layers:
        for attribute in layer.attributes:
            if roles is not None and (layer.name, attribute.name) == (roles.cue, roles.cue_link):
                continue  # written as the event
            if attribute.type == "link":
                relations.append(
                    f"{relation_type(layer.name, attribute.name)}\t"
                    f"Arg1:{layer.name}, Arg2:{attribute.layer}"
                )
            elif attribute.type == "choice":
                layers, values = attributes.setdefault(attribute.name, ([], []))
                layers.append(brat_type(schema, layer.name))
                values.extend(
                    v for v in attribute.values if _TOKEN.fullmatch(v) and v not in values
                )
    lines = [
        "# Written by the Arabic news annotator from the project's label schema.",
        "[entities]",
        *(layer.name for layer in schema.layers if roles is None or layer.name != roles.cue),
        "",
        "[relations]",
        *relations,
        # Several annotators' spans may coincide; mentions sit inside claims.
        "<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>",
        "",
        "[events]",
        *events,
        "",
        "[attributes]",
        *(
            f"{name}\tArg:{'|'.join(layers)}, Value:{'|'.join(values)}"
            for name, (layers, values) in attributes.items()
            if values
        ),
    ]
    return "\n".join(lines) + "\n"


def visual_conf(schema: LabelSchema) -> str:
    labels, drawing = [], []
    roles = attribution_layers(schema)
    for layer in schema.layers:
        kind = brat_type(schema, layer.name)
        labels.append(f"{kind} | {layer.label}")
        drawing.append(f"{kind}\tbgColor:{layer.color}")
        for attribute in layer.attributes:
            if roles is not None and (layer.name, attribute.name) == (roles.cue, roles.cue_link):
                continue
            if attribute.type == "link":
                labels.append(f"{relation_type(layer.name, attribute.name)} | {attribute.name}")
            elif attribute.type == "choice":
                values = [v for v in attribute.values if _TOKEN.fullmatch(v)]
                if values:
                    drawing.append(f"{attribute.name}\tglyph:{'|'.join(values)}")
    lines = [
        "[labels]",
        *labels,
        "",
        "[drawing]",
        "SPAN_DEFAULT\tfgColor:black, bgColor:lightgreen, borderColor:darken",
        "ARC_DEFAULT\tcolor:black, arrowHead:triangle-5",
        "ATTRIBUTE_DEFAULT\tglyph:*",
        *dict.fromkeys(drawing),
    ]
    return "\n".join(lines) + "\n"


def ann_lines(
    schema: LabelSchema,
    text: str,
    annotations: list[Annotation],
    entities_as: str = "note",
) -> list[str]:
    """The `.ann` lines of one document's annotations.

    A mention's entity is written, with `entities_as="note"`, as a field of its AnnotatorNotes
    line named after the layer's entity attribute (`entity: NAME`) and its id as the
    Provenance field `entity_id`; with `"normalization"` as brat's `N` line instead
    (`N1 Reference T1 entity:UUID NAME`), which brat shows but other readers refuse or drop.
    """
    if entities_as not in ENTITIES_AS:
        raise ValueError(f"entities_as must be one of {', '.join(ENTITIES_AS)}")
    tids = {a.id: f"T{n}" for n, a in enumerate(annotations, start=1)}
    counters = {"A": 0, "R": 0, "E": 0, "N": 0, "#": 0}
    roles = attribution_layers(schema)
    by_id = {a.id: a for a in annotations}
    # Claims that are the content of an event: the event carries their link to the speaker.
    contents = {
        a.link_id
        for a in annotations
        if roles is not None and a.layer == roles.cue and a.link_id in tids
    }

    def next_id(prefix: str) -> str:
        counters[prefix] += 1
        return f"{prefix}{counters[prefix]}"

    lines = []
    for annotation in annotations:
        tid = tids[annotation.id]
        layer = schema.layer(annotation.layer)
        pieces = fragments(text, annotation.start, annotation.end)
        offsets = ";".join(f"{s} {e}" for s, e in pieces)
        shown = DISCONTINUOUS_SEPARATOR.join(text[s:e] for s, e in pieces)
        is_cue = roles is not None and layer.name == roles.cue
        lines.append(f"{tid}\t{ATTRIBUTION if is_cue else layer.name} {offsets}\t{shown}")
        # What is said about a cue is said about its event: brat refuses any other line that
        # names a trigger.
        ref = tid
        if is_cue:
            ref = next_id("E")
            arguments = ""
            if annotation.link_id in tids:
                source = by_id[annotation.link_id].link_id
                if source in tids:
                    arguments += f" {SOURCE}:{tids[source]}"
                arguments += f" {CONTENT}:{tids[annotation.link_id]}"
            lines.append(f"{ref}\t{ATTRIBUTION}:{tid}{arguments}")
        notes = []
        for attribute in layer.attributes:
            value = annotation.attributes.get(attribute.name)
            if attribute.type == "choice" and value and _TOKEN.fullmatch(value):
                lines.append(f"{next_id('A')}\t{attribute.name} {ref} {value}")
            elif attribute.type in ("choice", "text") and value:
                notes.append((attribute.name, escape(value)))
            elif (
                attribute.type == "link"
                and annotation.link_id in tids
                and not is_cue
                and annotation.id not in contents
            ):
                target = tids[annotation.link_id]
                kind = relation_type(layer.name, attribute.name)
                lines.append(f"{next_id('R')}\t{kind} Arg1:{tid} Arg2:{target}")
        entity = annotation.entity
        entity_attribute = layer.attribute_of_type("entity")
        as_note = entity is not None and entities_as == "note" and entity_attribute is not None
        if entity is not None and not as_note:
            lines.append(
                f"{next_id('N')}\tReference {ref} {ENTITY_DB}:{entity.id}\t{escape(entity.name)}"
            )
        if as_note:
            notes.insert(0, (entity_attribute.name, escape(entity.name)))
        notes += [("stance", f"{escape(s.target)}={escape(s.value)}") for s in annotation.stances]
        if notes:
            lines.append(f"{next_id('#')}\t{NOTES} {ref}\t{note_fields(notes)}")
        provenance = (
            ("annotator", annotation.annotator),
            ("id", annotation.id),
            ("origin", annotation.origin),
            ("created", annotation.created_at),
            ("modified", annotation.modified_at),
            ("entity_id", entity.id if as_note else ""),
        )
        lines.append(
            f"{next_id('#')}\t{PROVENANCE} {ref}\t"
            f"{note_fields((k, escape(v)) for k, v in provenance if v)}"
        )
    return lines


def export(
    project: Project,
    out: str | Path,
    *,
    document_ids: Iterable[str] | None = None,
    annotators: Iterable[str] | None = None,
    overwrite: bool = False,
    formula_guard: bool = True,  # a CSV option: brat files hold no formulas
    per_annotator: bool = False,
    entities_as: str = "note",
) -> ExportResult:
    """Write the selection into the folder `out` (made if missing); returns the annotation count.

    Without `per_annotator` each document is one `.txt` and one `.ann` holding every annotator's
    annotations. With it each annotator gets a subfolder (named after them) holding the
    documents they worked on, each `.ann` with their annotations only: the layout brat
    agreement tools read (bratiaa: one first-level folder per annotator, `annotation.conf` at
    the root). `annotation.conf` and `visual.conf` are at the top either way. `entities_as`:
    see `ann_lines`. Nothing is written when any file exists already, unless `overwrite`.
    """
    folder = Path(out)
    if folder.exists() and not folder.is_dir():
        raise ExportError(Message("%1 is a file; brat export needs a folder", folder))
    if entities_as not in ENTITIES_AS:
        raise ExportError(
            Message(
                "unknown way to write entities %1 (known: %2)",
                repr(entities_as),
                ", ".join(ENTITIES_AS),
            )
        )
    selection = select(project, document_ids, annotators)
    # (document id, annotators whose annotations go in, .txt path, .ann path)
    plan: list[tuple[str, set[str] | None, Path, Path]] = []
    if per_annotator:
        names = list(selection.annotators or project.annotators())
        folders: set[str] = set()
        for name in names:
            sub = path_inside(folder, unique_name(safe_filename(name, "annotator"), folders))
            done = project.annotated_documents(name)
            taken: set[str] = set()
            for summary in selection.documents:
                if summary.id in done:
                    base = unique_name(safe_filename(summary.title, summary.id), taken)
                    plan.append((summary.id, {name}, sub / f"{base}.txt", sub / f"{base}.ann"))
    else:
        wanted = None if selection.annotators is None else set(selection.annotators)
        taken = set()
        for summary in selection.documents:
            base = unique_name(safe_filename(summary.title, summary.id), taken)
            plan.append(
                (
                    summary.id,
                    wanted,
                    path_inside(folder, f"{base}.txt"),
                    path_inside(folder, f"{base}.ann"),
                )
            )
    confs = [path_inside(folder, "annotation.conf"), path_inside(folder, "visual.conf")]
    targets = [p for _, _, txt, ann in plan for p in (txt, ann)] + confs
    if not overwrite:
        existing = [path for path in targets if path.exists() or path.is_symlink()]
        if existing:
            raise ExportExistsError(
                Message("%1 exists; use --force to overwrite", existing[0]), existing[0], existing
            )
    made = [p for p in [folder, *dict.fromkeys(txt.parent for _, _, txt, _ in plan)]]
    made = [p for p in made if not p.exists()]
    for path in made:
        path.mkdir(parents=True, exist_ok=True)
    count = 0

    def files() -> Iterator[tuple[Path, str]]:
        nonlocal count
        for doc_id, wanted, txt_path, ann_path in plan:
            text = project.text(doc_id)
            annotations = [
                a for a in project.annotations(doc_id) if wanted is None or a.annotator in wanted
            ]
            yield txt_path, text
            lines = ann_lines(project.schema, text, annotations, entities_as)
            yield ann_path, "".join(line + "\n" for line in lines)
            count += len(annotations)
        yield confs[0], annotation_conf(project.schema)
        yield confs[1], visual_conf(project.schema)

    try:
        write_together(files(), overwrite=overwrite)
    except BaseException:
        # The folders this export made go too: complete or not there.
        for path in reversed(made):
            with contextlib.suppress(OSError):
                path.rmdir()
        raise
    return ExportResult(paths=tuple(targets), rows=count)


# ----------------------------------------------------------------------------- import


@dataclass
class _Span:
    line: int
    layer: str
    start: int  # raw offsets into the .txt as brat counts them
    end: int
    attributes: dict[str, str] = field(default_factory=dict)
    link: tuple[int, str, str] | None = None  # (line, relation type, target T id)
    link_by_event: bool = False  # the link is an attribution event's Source (no R line yet)
    event: int | None = None  # the line of the event this span triggers
    entity: tuple[int, str, str, str] | None = None  # (line, db, id, name)
    notes: list[tuple[int, str, str]] = field(default_factory=list)  # (line, name, raw value)
    provenance: dict[str, str] = field(default_factory=dict)


@dataclass
class _Document:
    ann_path: Path
    raw: str  # the .txt exactly as brat reads it
    spans: dict[str, _Span]
    folder_annotator: str | None = None  # the subfolder of a per-annotator layout

    @cached_property
    def dropped(self) -> list[int]:
        """Where the project's copy of the text lacks a character of the .txt: a byte order mark,
        the CR of each CR LF. A brat offset moves back by the number dropped before it."""
        dropped = [0] if self.raw.startswith("\ufeff") else []
        return dropped + [m.start() for m in re.finditer("\r\n", self.raw)]


def ann_files(path: Path) -> list[Path]:
    """The `.ann` file named, or every `.ann` file under the folder named, in a stable order.

    Symbolic links inside a folder are not followed: an `.ann` file, or the `.txt` beside one,
    that is a link refuses the import (InputError naming it). A path named is read when it is
    a regular file or a link to one.
    """
    if path.is_dir() and not path.is_symlink():
        found, skipped = folder_files(path, (".ann", ".txt"))
        anns = [p for p in found if p.suffix.lower() == ".ann"]
        stems = {p.with_suffix("") for p in anns}
        for problem in skipped:
            left_out = Path(problem.path)
            if left_out.suffix.lower() == ".ann" or left_out.with_suffix("") in stems:
                raise InputError(problem.reason, problem.path)
        if not anns:
            raise InputError("no .ann files in this folder", str(path))
        return anns
    reason = named_file_problem(path)
    if reason is not None:
        raise InputError(reason, str(path))
    return [path]


def read_document(ann_path: Path, schema: LabelSchema | None = None) -> _Document:
    """Read an `.ann` file and the `.txt` beside it; every line is checked against the text.

    `E` lines are read as attribution events when `schema` has a cue layer (see
    `attribution_layers`) and refused otherwise; their triggers (of type `Attribution`, or
    named after the cue layer) are the cue layer's spans, and the lines about an event (`A`,
    `#`) are about its cue. InputError names the file, line and reason.
    """
    roles = attribution_layers(schema) if schema is not None else None
    txt_path = ann_path.with_suffix(".txt")
    try:
        raw = txt_path.read_bytes().decode("utf-8")
        lines = ann_path.read_bytes().decode("utf-8").splitlines()
    except FileNotFoundError as exc:
        raise InputError(
            "no such file (brat needs the .txt beside the .ann)", exc.filename
        ) from None
    except OSError as exc:
        raise InputError(Message("cannot read: %1", exc.strerror), exc.filename) from None
    except UnicodeDecodeError:
        raise InputError("not UTF-8 text", f"{ann_path} or {txt_path.name}") from None
    spans: dict[str, _Span] = {}
    later: list[tuple[int, str, str, str]] = []
    events: list[tuple[int, str, str, str]] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            ident, rest = line.split("\t", 1)
        except ValueError:
            raise InputError(
                "not a brat line (no tab after the id)", str(ann_path), number
            ) from None
        data, _, tail = rest.partition("\t")
        try:
            if ident.startswith("T"):
                if ident in spans:
                    raise AnnotatorError(Message("%1 is given twice", ident))
                spans[ident] = _text_bound(raw, data, tail, number)
                if roles is not None and spans[ident].layer == ATTRIBUTION:
                    spans[ident].layer = roles.cue
            elif ident[:1] in ("A", "R", "N", "#"):
                later.append((number, ident, data, tail))
            elif ident[:1] == "E" and roles is not None:
                events.append((number, ident, data, tail))
            elif ident[:1] == "E":
                raise AnnotatorError(
                    "events are read only into a project whose schema has a cue layer "
                    "(annotator init PROJECT --schema attribution)"
                )
            elif ident[:1] in ("*", "M"):
                raise AnnotatorError("equivalences and modifiers are not supported")
            else:
                raise AnnotatorError(Message("unknown brat annotation %1", repr(ident)))
        except AnnotatorError as exc:
            raise InputError(exc, str(ann_path), number) from None
    # The text-bound spans and, by their event's id, the cues that trigger an event.
    named = dict(spans)
    for number, ident, data, tail in events:
        try:
            if ident in named or not re.fullmatch(r"E[0-9]+", ident):
                raise AnnotatorError(
                    Message("event id %1 is not E and a number used once", repr(ident))
                )
            named[ident] = _attach_event(spans, roles, ident, data, tail, number)
        except AnnotatorError as exc:
            raise InputError(exc, str(ann_path), number) from None
    for number, ident, data, tail in later:
        try:
            _attach(named, ident, data, tail, number)
        except AnnotatorError as exc:
            raise InputError(exc, str(ann_path), number) from None
    return _Document(ann_path=ann_path, raw=raw, spans=spans)


def _text_bound(raw: str, data: str, tail: str, number: int) -> _Span:
    layer, _, offsets = data.partition(" ")
    try:
        pieces = [tuple(int(n) for n in piece.split()) for piece in offsets.split(";")]
    except ValueError:
        raise AnnotatorError(Message("offsets %1 are not numbers", repr(offsets))) from None
    if any(len(p) != 2 or not 0 <= p[0] <= p[1] <= len(raw) for p in pieces):
        raise AnnotatorError(
            Message("offsets %1 are not inside the text (0-%2)", repr(offsets), len(raw))
        )
    for (_, end), (start, _) in zip(pieces, pieces[1:], strict=False):
        gap = raw[end:start]
        # brat cuts a span over several lines into fragments; only that is taken back.
        if not gap or any(ch not in LINE_BREAKS for ch in gap):
            raise AnnotatorError(
                Message(
                    "discontinuous span %1: only spans cut at line breaks can be imported",
                    repr(offsets),
                )
            )
    expected = DISCONTINUOUS_SEPARATOR.join(raw[s:e] for s, e in pieces)
    if tail != expected:
        raise AnnotatorError(
            Message(
                "span text %1 does not match the document at %2 (%3)",
                repr(tail),
                offsets,
                repr(expected),
            )
        )
    start, end = pieces[0][0], pieces[-1][1]
    if start == end:
        raise AnnotatorError(Message("empty span %1", repr(offsets)))
    return _Span(line=number, layer=layer, start=start, end=end)


def _attach(spans: dict[str, _Span], ident: str, data: str, tail: str, number: int) -> None:
    def span(tid: str) -> _Span:
        if tid not in spans:
            raise AnnotatorError(
                Message("%1 refers to %2, which is not a text annotation", ident, repr(tid))
            )
        return spans[tid]

    words = data.split(" ")
    if ident.startswith("A"):
        if len(words) < 3:
            raise AnnotatorError(
                Message("attribute %1 has no value (binary ones are not used)", repr(data))
            )
        span(words[1]).attributes[words[0]] = " ".join(words[2:])
    elif ident.startswith("R"):
        args = dict(w.split(":", 1) for w in words[1:] if ":" in w)
        if len(words) != 3 or set(args) != {"Arg1", "Arg2"}:
            raise AnnotatorError(Message("relation %1 is not 'TYPE Arg1:T.. Arg2:T..'", repr(data)))
        source = span(args["Arg1"])
        target = span(args["Arg2"])
        if source.link is not None:
            # An attribution event may have given the claim this speaker already.
            if not source.link_by_event or spans[source.link[2]] is not target:
                raise AnnotatorError(
                    Message(
                        "%1 has a second link (line %2 links it to %3)",
                        args["Arg1"],
                        source.link[0],
                        source.link[2],
                    )
                )
            source.link_by_event = False
            return
        source.link = (number, words[0], args["Arg2"])
    elif ident.startswith("N"):
        db, colon, ref = words[2].partition(":") if len(words) == 3 else ("", "", "")
        if not colon:
            raise AnnotatorError(
                Message("normalization %1 is not 'Reference T.. DB:ID'", repr(data))
            )
        target = span(words[1])
        if target.entity is not None:
            raise AnnotatorError(Message("%1 has a second entity", words[1]))
        target.entity = (number, db, ref, unescape(tail.strip()))
    else:
        if len(words) != 2:
            raise AnnotatorError(Message("comment %1 is not 'TYPE T..'", repr(data)))
        target = span(words[1])
        if words[0] == NOTES:
            target.notes += [(number, name, value) for name, value in parse_note(tail)]
        elif words[0] == PROVENANCE:
            for name, value in parse_note(tail):
                if name not in _PROVENANCE_FIELDS:
                    raise AnnotatorError(Message("unknown %1 field %2", PROVENANCE, repr(name)))
                target.provenance[name] = _provenance_value(name, unescape(value))
        else:
            raise AnnotatorError(Message("comment type %1 is not supported", repr(words[0])))


def _attach_event(
    spans: dict[str, _Span],
    roles: AttributionLayers,
    ident: str,
    data: str,
    tail: str,
    number: int,
) -> _Span:
    """An attribution event `Attribution:T_cue [Source:T_speaker] [Content:T_claim]`: the cue
    links to the claim, and the claim to the speaker; returns the cue. An event without a
    Content is a cue linked to no claim (brat writes one as soon as a cue is marked). A claim
    may be the content of several events (several cues), all naming the same speaker."""
    form = f"'{ATTRIBUTION}:T.. [{SOURCE}:T..] [{CONTENT}:T..]'"
    words = data.split(" ")
    head, colon, trigger = words[0].partition(":")
    arguments = [w.partition(":") for w in words[1:]]
    if tail or not colon or not all(sep for _, sep, _ in arguments):
        raise AnnotatorError(Message("event %1 is not %2", repr(data), form))
    if head != ATTRIBUTION:
        raise AnnotatorError(
            Message("event type %1 is not %2, the one event read", repr(head), repr(ATTRIBUTION))
        )
    given: dict[str, str] = {}
    for role, _, target in arguments:
        if role not in (SOURCE, CONTENT) or role in given:
            raise AnnotatorError(Message("event %1 is not %2", repr(data), form))
        given[role] = target
    if SOURCE in given and CONTENT not in given:
        raise AnnotatorError(Message("event %1 has a %2 but no %3", repr(data), SOURCE, CONTENT))

    def of_layer(tid: str, layer: str | None, what: str) -> _Span:
        if tid not in spans:
            raise AnnotatorError(
                Message("%1 refers to %2, which is not a text annotation", ident, repr(tid))
            )
        if spans[tid].layer != layer:
            raise AnnotatorError(
                Message(
                    "%1: the %2 %3 is a %4, not a %5", ident, what, tid, spans[tid].layer, layer
                )
            )
        return spans[tid]

    cue = of_layer(trigger, roles.cue, "trigger")
    if cue.event is not None:
        raise AnnotatorError(
            Message("%1 is the trigger of a second event (line %2)", trigger, cue.event)
        )
    cue.event = number
    if CONTENT not in given:
        return cue
    content = of_layer(given[CONTENT], roles.content, CONTENT)
    cue.link = (number, relation_type(roles.cue, roles.cue_link), given[CONTENT])
    if SOURCE not in given:
        return cue
    if roles.source is None or roles.content_link is None:
        raise AnnotatorError(Message("the %1 layer has no link for a %2", roles.content, SOURCE))
    of_layer(given[SOURCE], roles.source, SOURCE)
    if content.link is not None and content.link[2] != given[SOURCE]:
        raise AnnotatorError(
            Message(
                "%1 gives %2 the %3 %4, but line %5 gives it %6",
                ident,
                given[CONTENT],
                SOURCE,
                given[SOURCE],
                content.link[0],
                content.link[2],
            )
        )
    if content.link is None:
        content.link = (number, relation_type(roles.content, roles.content_link), given[SOURCE])
        content.link_by_event = True
    return cue


def _provenance_value(name: str, value: str) -> str:
    """A provenance field as stored: ids must be UUIDs, times ISO 8601 in UTC."""
    if name in ("created", "modified"):
        return utc_timestamp(value, name)
    if name in ("id", "entity_id"):
        try:
            return str(uuid.UUID(value))
        except ValueError:
            raise AnnotatorError(
                Message("%1 %2 is not a UUID", name, format(repr(value), ".60"))
            ) from None
    return value


def import_annotations(
    project: Project, path: str | Path, annotator: str | None = None
) -> AnnotationImport:
    """Import an `.ann` file (its `.txt` beside it) or a folder of them, in one transaction.

    A document is found by its text; one the project lacks is added. The annotators recorded
    in the files are used unless `annotator` is given. In a folder laid out per annotator
    (`annotation.conf` at the top, every `.ann` in a subfolder: see `export(per_annotator=)`),
    a file that records no annotator is taken as the annotator its first subfolder names.
    """
    path = Path(path)
    documents = [read_document(p, project.schema) for p in ann_files(path)]
    if (
        annotator is None
        and path.is_dir()
        and (path / "annotation.conf").is_file()
        and all(d.ann_path.parent != path for d in documents)
    ):
        for document in documents:
            document.folder_annotator = document.ann_path.relative_to(path).parts[0]
    added = skipped = 0
    changed: list[str] = []
    touched: set[str] = set()
    documents_added: list[str] = []
    with project.atomic():
        entities = _EntityIndex(project)
        for document in documents:
            doc_id, new = _place_document(project, document)
            touched.add(doc_id)
            if new:
                documents_added.append(doc_id)
            a, s, c = _store(project, document, doc_id, annotator, entities)
            added, skipped = added + a, skipped + s
            changed.extend(c)
    return AnnotationImport(
        added=added,
        skipped=skipped,
        document_ids=tuple(sorted(touched)),
        documents_added=tuple(documents_added),
        changed=tuple(changed),
    )


def _place_document(project: Project, document: _Document) -> tuple[str, bool]:
    text = clean_text(document.raw)
    found = project.document_by_hash(text_sha256(text))
    if found is not None:
        return found.id, False
    try:
        check_document_text(text)
    except AnnotatorError as exc:
        raise InputError(exc, str(document.ann_path.with_suffix(".txt"))) from None
    stem = document.ann_path.stem
    source = TextSource(text=text, source=f"{stem}.txt")
    (added,) = project.import_texts([source]).added
    return added, True


class _EntityIndex:
    """The project's entities by id and by name or alias, growing as the import adds some."""

    def __init__(self, project: Project):
        self.project = project
        self.by_id = {e.id: e for e in project.entities()}
        self.by_name = {n: e for e in self.by_id.values() for n in (*e.aliases, e.name)}

    def find(self, db: str, ref: str, name: str) -> Entity:
        found = self.by_id.get(ref) if db == ENTITY_DB else None
        found = found or self.by_name.get(" ".join(name.split()))
        if found:
            return found
        try:
            entity_id = str(uuid.UUID(ref)) if db == ENTITY_DB else str(uuid.uuid4())
        except ValueError:
            entity_id = str(uuid.uuid4())
        entity = self.project.add_entity(Entity(entity_id, " ".join(name.split())))
        self.by_id[entity.id] = entity
        self.by_name[entity.name] = entity
        return entity


def _store(
    project: Project,
    document: _Document,
    doc_id: str,
    annotator: str | None,
    entities: _EntityIndex,
) -> tuple[int, int, list[str]]:
    path = str(document.ann_path)
    text = project.text(doc_id)
    sha = text_sha256(text)
    ids: dict[str, str] = {}
    owners: dict[str, str] = {}
    for tid, span in document.spans.items():
        recorded = span.provenance.get("annotator")
        owner = annotator or recorded or document.folder_annotator
        if not owner:
            raise InputError(
                "this brat file records no annotator; give one with --annotator NAME",
                path,
                span.line,
            )
        owners[tid] = owner
        own = span.provenance.get("id")
        if own:
            try:
                own = str(uuid.UUID(own))
            except ValueError:
                raise InputError(
                    Message("id %1 is not a UUID", repr(own)), path, span.line
                ) from None
            ids[tid] = imported_id(own, recorded or owner, owner)
        else:
            # A file from brat itself: ids from the text, the annotator and brat's own id, so
            # importing it twice adds nothing.
            ids[tid] = str(uuid.uuid5(_NAMESPACE, f"{sha}\n{owner}\n{tid}"))
    added = skipped = 0
    changed: list[str] = []
    line_of: dict[str, int] = {}  # the line of each annotation stored
    order = link_order({tid: s.link[2] if s.link else None for tid, s in document.spans.items()})
    for tid in order:
        span = document.spans[tid]
        if project.known(ids[tid]) and project.revision(ids[tid]) is None:
            skipped += 1  # deleted in the project: an import does not bring it back
            continue
        annotation = _annotation(project, document, tid, doc_id, ids, owners[tid], entities)
        if project.known(annotation.id):
            try:
                different = differs(project, annotation)
            except AnnotatorError as exc:
                raise InputError(exc, path, span.line) from None
            if different:
                changed.append(annotation.id)
            else:
                skipped += 1
            continue
        try:
            project.restore(annotation.id, AnnotationState(annotation))
        except DuplicateError as exc:
            raise InputError(twice_message(exc, line_of), path, span.line) from None
        except AnnotatorError as exc:
            raise InputError(exc, path, span.line) from None
        line_of[annotation.id] = span.line
        added += 1
    return added, skipped, changed


def _annotation(
    project: Project,
    document: _Document,
    tid: str,
    doc_id: str,
    ids: dict[str, str],
    owner: str,
    entities: _EntityIndex,
) -> Annotation:
    """The annotation a text-bound line and the lines about it describe."""
    span = document.spans[tid]
    path, line = str(document.ann_path), span.line
    try:
        layer = project.schema.layer(span.layer)
        attributes = dict(span.attributes)
        stances = []
        entity = None
        entity_attribute = layer.attribute_of_type("entity")
        for note_line, name, value in span.notes:
            line = note_line
            if entity_attribute is not None and name == entity_attribute.name:
                # The entity written as a note (the default since `entities_as`).
                if span.entity is not None or entity is not None:
                    raise AnnotatorError(Message("%1 has a second entity", tid))
                ref = span.provenance.get("entity_id", "")
                entity = entities.find(ENTITY_DB if ref else "", ref, unescape(value))
            elif name == "stance" and layer.has_stance:
                parts = _split_unescaped(value, "=")
                if len(parts) != 2:
                    raise AnnotatorError(Message("stance %1 is not 'target=value'", repr(value)))
                stances.append(Stance(*(unescape(p.strip()) for p in parts)))
            elif layer.attribute(name) is not None:
                attributes[name] = unescape(value)
            else:
                raise AnnotatorError(
                    Message("unknown note field %1 for layer %2", repr(name), repr(layer.name))
                )
        link_id = None
        if span.link is not None:
            line, kind, target = span.link
            link = layer.attribute_of_type("link")
            if link is None or kind not in (relation_type(layer.name, link.name), link.name):
                raise AnnotatorError(
                    Message("relation %1 is not a link of layer %2", repr(kind), repr(layer.name))
                )
            link_id = project.live_link(ids[target])
        if span.entity is not None:
            line, db, ref, name = span.entity
            entity = entities.find(db, ref, name)
    except AnnotatorError as exc:
        raise InputError(exc, path, line) from None
    text = project.text(doc_id)
    start = span.start - bisect.bisect_left(document.dropped, span.start)
    end = span.end - bisect.bisect_left(document.dropped, span.end)
    stamp = now()
    return Annotation(
        id=ids[tid],
        document_id=doc_id,
        annotator=owner,
        layer=layer.name,
        start=start,
        end=end,
        text=text[start:end],
        attributes=attributes,
        entity=entity,
        link_id=link_id,
        stances=tuple(stances),
        origin=span.provenance.get("origin") or "imported",
        created_at=span.provenance.get("created") or stamp,
        modified_at=span.provenance.get("modified") or stamp,
    )
