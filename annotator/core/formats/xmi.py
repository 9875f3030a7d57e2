"""UIMA CAS XMI, the format of INCEpTION, WebAnno and DKPro Core, written and read with
dkpro-cassis.

An export is a folder shaped like the annotation part of an INCEpTION project export:

    OUT/TypeSystem.xml                  the type system of every file below
    OUT/DOCUMENT/INITIAL_CAS.xmi        the text, sentences, tokens and metadata, no annotations
    OUT/DOCUMENT/ANNOTATOR.xmi          the same, with one annotator's annotations

`DOCUMENT` is the document title made safe as a file name (numbered when two are alike),
`ANNOTATOR` the annotator's name made safe the same way; the exact names are inside the files
(`DocumentMetaData.documentId`, `documentTitle`; `webanno.custom.AnnotatorName.name`).

Types (see docs/inception.md for the matching INCEpTION layers):

    webanno.custom.Speaker   one per layer, named after it (`speaker` -> `Speaker`), a subtype of
                             uima.tcas.Annotation; its attributes are features of the same name:
                             choice and text attributes strings, the entity attribute the
                             entity's name (with `entityId`, `entityKind`), a link attribute a
                             reference to an annotation of the linked layer (a claim's `speaker`)
    webanno.custom.ClaimStance  target, value: a layer with stances has `stances`, an FSArray
    provenance features      annotationId (UUID), origin, created, modified, and sources (an
                             adjudicated annotation's source annotation ids, space-separated):
                             for an exact round trip; a file made elsewhere may lack them
    de.tudarmstadt.ukp.dkpro.core.api.segmentation.type.Sentence, Token, and
    de.tudarmstadt.ukp.dkpro.core.api.metadata.type.DocumentMetaData, as DKPro Core declares them

Offsets: the project counts code points, UIMA counts UTF-16 code units (Java strings). cassis
converts both ways: a span after an emoji starts one higher in the file than in the project.
"""

from __future__ import annotations

import bisect
import io
import os
import re
import uuid
import warnings
import zipfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from annotator.core.arabic.reported_speech import sentence_spans
from annotator.core.arabic.text import is_word_char, text_sha256
from annotator.core.errors import (
    AnnotatorError,
    DuplicateError,
    ExportError,
    ExportExistsError,
    InputError,
    LayerNames,
    Message,
)
from annotator.core.formats.export import ExportResult, select
from annotator.core.formats.jsonl import (
    AnnotationImport,
    another_text_note,
    check_document_text,
    content_id,
    differs,
    find_document_by_text,
    free_id,
    imported_id,
    link_order,
    project_has,
    stored_as,
    twice_message,
)
from annotator.core.model import Annotation, Entity, Stance
from annotator.core.schema import LabelSchema, Layer
from annotator.core.store import disk
from annotator.core.store.files import (
    check_writable,
    path_inside,
    safe_filename,
    temp_beside,
    unique_name,
)
from annotator.core.store.project import AnnotationState, Project, TextSource, now

TYPE_SYSTEM = "TypeSystem.xml"
INITIAL_CAS = "INITIAL_CAS"  # INCEpTION's name for the CAS a document starts as
DKPRO = "de.tudarmstadt.ukp.dkpro.core.api"
SENTENCE = f"{DKPRO}.segmentation.type.Sentence"
TOKEN = f"{DKPRO}.segmentation.type.Token"
METADATA = f"{DKPRO}.metadata.type.DocumentMetaData"
ANNOTATOR_NAME = "webanno.custom.AnnotatorName"
CUSTOM = "webanno.custom."
ANNOTATION = "uima.tcas.Annotation"
STRING = "uima.cas.String"
PROVENANCE = ("annotationId", "origin", "created", "modified", "sources")
# Features an attribute cannot be called: UIMA's own and the provenance ones.
_TAKEN = {"begin", "end", "sofa", "stances", *PROVENANCE}
_NAMESPACE = uuid.UUID("2c9e4b7a-61d3-4f08-b5a2-8e7d3c1f6a94")
# What XML 1.0, the version cassis writes, cannot hold even as a character reference.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _cassis() -> Any:
    """The cassis module; AnnotatorError saying how to install it when it is missing."""
    try:
        import cassis
    except ImportError:
        raise AnnotatorError(
            "UIMA CAS XMI needs dkpro-cassis: pip install 'arabic-news-annotator[xmi]'"
        ) from None
    return cassis


# ----------------------------------------------------------------------------- names


def type_name(layer: str) -> str:
    """The UIMA type of a layer: `webanno.custom.` and the name as a Java identifier with a
    capital first letter (`speaker` -> `webanno.custom.Speaker`, `cue-word` -> `Cue_word`)."""
    name = _identifier(layer)
    return CUSTOM + name[:1].upper() + name[1:]


def stance_type_name(layer: str) -> str:
    return type_name(layer) + "Stance"


def feature_name(attribute: str) -> str:
    """The feature of an attribute: its name as a Java identifier, `_` added to a name UIMA or
    the provenance features use."""
    name = _identifier(attribute)
    name = name[:1].lower() + name[1:]
    return name + "_" if name in _TAKEN else name


def _identifier(name: str) -> str:
    cleaned = "".join(ch if ch == "_" or ch.isalnum() else "_" for ch in name)
    return cleaned if cleaned[:1].isalpha() else "X" + cleaned


# ----------------------------------------------------------------------------- type system


def type_system(schema: LabelSchema) -> Any:
    """The cassis TypeSystem for a label schema (DKPro segmentation and metadata included)."""
    ts = _cassis().TypeSystem()
    ts.create_type(SENTENCE, supertypeName=ANNOTATION)
    ts.create_type(TOKEN, supertypeName=ANNOTATION)
    meta = ts.create_type(METADATA, supertypeName="uima.tcas.DocumentAnnotation")
    for name in (
        "documentTitle",
        "documentId",
        "documentUri",
        "collectionId",
        "documentBaseUri",
    ):
        ts.create_feature(meta, name, STRING)
    ts.create_feature(meta, "isLastSegment", "uima.cas.Boolean")
    ts.create_feature(ts.create_type(ANNOTATOR_NAME, supertypeName="uima.cas.TOP"), "name", STRING)
    types = {
        layer.name: ts.create_type(type_name(layer.name), ANNOTATION) for layer in schema.layers
    }
    for layer in schema.layers:
        t = types[layer.name]
        for attribute in layer.attributes:
            name = feature_name(attribute.name)
            if attribute.type == "link":
                ts.create_feature(t, name, type_name(attribute.layer or ""))
                continue
            ts.create_feature(t, name, STRING, description=attribute.description)
            if attribute.type == "entity":
                ts.create_feature(t, name + "Id", STRING)
                ts.create_feature(t, name + "Kind", STRING)
        if layer.has_stance:
            stance = ts.create_type(stance_type_name(layer.name), supertypeName="uima.cas.TOP")
            ts.create_feature(stance, "target", STRING)
            ts.create_feature(stance, "value", STRING)
            ts.create_feature(
                t, "stances", "uima.cas.FSArray", elementType=stance_type_name(layer.name)
            )
        for name in PROVENANCE:
            ts.create_feature(t, name, STRING)
    return ts


# ----------------------------------------------------------------------------- segmentation


def tokens(text: str) -> list[tuple[int, int]]:
    """Token spans (code points): runs of word characters (letters, marks, digits, tatweel,
    joiners, as word snapping counts them), and every other character but white space alone."""
    spans, position = [], 0
    while position < len(text):
        if is_word_char(text[position]):
            stop = position + 1
            while stop < len(text) and is_word_char(text[stop]):
                stop += 1
            spans.append((position, stop))
            position = stop
        else:
            if not text[position].isspace():
                spans.append((position, position + 1))
            position += 1
    return spans


# ----------------------------------------------------------------------------- writing


def _xml_safe(value: str, what: str) -> str:
    """`value`; ExportError naming `what` when it holds a character XML 1.0 cannot hold."""
    bad = _NOT_XML.search(value)
    if bad:
        raise ExportError(
            Message(
                "%1 holds U+%2 at character %3, which XML 1.0 cannot hold; export it "
                "as jsonl or brat instead",
                what,
                format(ord(bad.group()), "04X"),
                bad.start(),
            )
        )
    return value


class _Segmented:
    """A document as every CAS of it starts: the text, its metadata, sentences and tokens.

    The segmentation is made once per document (finding sentences reads the reported-speech
    cues: seconds for a 500,000-character text) and its feature structures are added to each
    CAS made from it in turn, renumbered by that CAS in the same order, so every file holds the
    same xmi:ids as if its CAS had been made alone. One CAS lives at a time: `cas()` is called
    for the next once the previous one is written and dropped."""

    def __init__(self, ts: Any, text: str, doc_id: str, title: str):
        _xml_safe(text, f"document {doc_id!r}")
        _xml_safe(title, f"the title of document {doc_id!r}")
        self.ts, self.text = ts, text
        sentence, token = ts.get_type(SENTENCE), ts.get_type(TOKEN)
        self.structures = [
            ts.get_type(METADATA)(
                begin=0,
                end=len(text),
                documentId=doc_id,
                documentTitle=title,
                documentUri=doc_id,
                isLastSegment=True,
            ),
            *(sentence(begin=s, end=e) for s, e in sentence_spans(text) if e > s),
            *(token(begin=s, end=e) for s, e in tokens(text)),
        ]

    def cas(self) -> Any:
        cas = _cassis().Cas(typesystem=self.ts)
        cas.sofa_string = self.text
        for fs in self.structures:
            cas.add(fs, keep_id=False)  # numbered by this CAS, as when it was first made
        return cas


@dataclass(frozen=True)
class _LayerTypes:
    """What `_add_annotations` needs of one layer, looked up once per CAS, not per span."""

    layer: Layer
    type: Any
    stance: Any  # the stance type, or None for a layer without stances
    features: tuple[tuple[str, str, str], ...]  # (attribute name, type, feature name)


def _layer_types(ts: Any, schema: LabelSchema) -> dict[str, _LayerTypes]:
    return {
        layer.name: _LayerTypes(
            layer=layer,
            type=ts.get_type(type_name(layer.name)),
            stance=ts.get_type(stance_type_name(layer.name)) if layer.has_stance else None,
            features=tuple(
                (attribute.name, attribute.type, feature_name(attribute.name))
                for attribute in layer.attributes
            ),
        )
        for layer in schema.layers
    }


def _add_annotations(
    ts: Any, cas: Any, schema: LabelSchema, annotations: list[Annotation], annotator: str
) -> None:
    cas.add(ts.get_type(ANNOTATOR_NAME)(name=_xml_safe(annotator, "an annotator's name")))
    made: dict[str, Any] = {}
    pending_links: list[tuple[Any, str, str]] = []
    array = ts.get_type("uima.cas.FSArray")
    types = _layer_types(ts, schema)
    for annotation in annotations:
        layer = types[annotation.layer]
        values: dict[str, Any] = {
            "begin": annotation.start,
            "end": annotation.end,
            "annotationId": annotation.id,
            "origin": annotation.origin,
            "created": annotation.created_at,
            "modified": annotation.modified_at,
            "sources": " ".join(annotation.sources) or None,
        }
        for attribute, kind, name in layer.features:
            if kind == "entity":
                if annotation.entity is not None:
                    values[name] = annotation.entity.name
                    values[name + "Id"] = annotation.entity.id
                    values[name + "Kind"] = annotation.entity.kind
            elif kind == "link":
                if annotation.link_id:
                    pending_links.append((annotation.id, name, annotation.link_id))
            else:
                value = annotation.attributes.get(attribute)
                values[name] = None if value is None else str(value)
        if layer.stance is not None and annotation.stances:
            elements = [layer.stance(target=s.target, value=s.value) for s in annotation.stances]
            cas.add_all(elements)
            values["stances"] = array(elements=elements)
        what = f"annotation {annotation.id}"
        for stance in annotation.stances:
            _xml_safe(stance.target, f"a stance target of {what}")
        fs = layer.type(
            **{
                k: _xml_safe(v, what) if isinstance(v, str) else v
                for k, v in values.items()
                if v is not None
            }
        )
        cas.add(fs)
        made[annotation.id] = fs
    for source, name, target in pending_links:
        if target in made:
            setattr(made[source], name, made[target])


def _xmi(cas: Any, doc_id: str, path: Path | None = None) -> str | None:
    """The XMI of `cas` as a string, or written to `path` (the same bytes, UTF-8) when given:
    a long document's XMI is then never held as one string."""
    try:
        return cas.to_xmi(path)
    except ValueError as exc:  # lxml refuses characters XML 1.0 cannot hold
        raise ExportError(
            Message("document %1 cannot be written as XML: %2", repr(doc_id), exc)
        ) from None


@dataclass(frozen=True)
class _DocumentFiles:
    """The files of one document: INITIAL_CAS and one per annotator, in the order written."""

    document_id: str
    initial: Path
    annotators: tuple[tuple[str, Path], ...]


def _plan(
    project: Project, folder: Path, documents: Iterable[Any], wanted: set[str] | None
) -> list[_DocumentFiles]:
    """Every file the export writes, known before any CAS is made, so that a file in the way
    is refused (or the question to replace it asked) at once. The annotators of a document are
    in the order of their first span in reading order, as their files were always named; read
    as compact columns (`annotation_spans`), not as annotations."""
    taken: set[str] = {TYPE_SYSTEM.casefold()}
    plan = []
    for summary in documents:
        sub = path_inside(folder, unique_name(safe_filename(summary.title, summary.id), taken))
        spans = project.annotation_spans(summary.id)
        order = dict.fromkeys(spans.span(row).annotator for row in range(len(spans)))
        names: set[str] = {INITIAL_CAS.casefold()}
        files = tuple(
            (name, sub / f"{unique_name(safe_filename(name, 'annotator'), names)}.xmi")
            for name in order
            if wanted is None or name in wanted
        )
        plan.append(_DocumentFiles(summary.id, sub / f"{INITIAL_CAS}.xmi", files))
    return plan


def export(
    project: Project,
    out: str | Path,
    *,
    document_ids: Iterable[str] | None = None,
    annotators: Iterable[str] | None = None,
    overwrite: bool = False,
    formula_guard: bool = True,  # a CSV option: XMI holds no formulas
) -> ExportResult:
    """Write the selection as UIMA CAS XMI into the folder `out` (the layout is in the module
    docstring); returns the number of annotations written. Every file is written or none.
    Raises ExportError for a file that exists (unless `overwrite`) or a text XML cannot hold.

    Memory is bounded by the largest document: one CAS at a time, each file written beside its
    target as soon as it is made (moved into place once all are), one annotator's annotations
    read at a time."""
    folder = Path(out)
    if folder.exists() and not folder.is_dir():
        raise ExportError(Message("%1 is a file; XMI export needs a folder", folder))
    selection = select(project, document_ids, annotators)
    schema = project.schema
    ts = type_system(schema)
    wanted = None if selection.annotators is None else set(selection.annotators)
    plan = _plan(project, folder, selection.documents, wanted)
    paths = [path_inside(folder, TYPE_SYSTEM)]
    for files in plan:
        paths.append(files.initial)
        paths.extend(path for _, path in files.annotators)
    stale = _earlier_export(folder, set(paths))
    if not overwrite:
        if stale:
            raise ExportExistsError(
                Message(
                    "%1 holds another XMI export (%2 and %n more file(s) this export would "
                    "not write); use --force to replace it",
                    folder,
                    stale[0],
                    count=len(stale) - 1,
                ),
                stale[0],
                stale,
            )
        existing = [path for path in paths if path.exists() or path.is_symlink()]
        if existing:
            raise ExportExistsError(
                Message("%1 exists; use --force to overwrite", existing[0]), existing[0], existing
            )
    count = 0
    with _Staging(overwrite) as staging:
        with staging.beside(paths[0]) as tmp:
            tmp.write_text(ts.to_xml(), encoding="utf-8", newline="")
        for files in plan:
            doc = project.document(files.document_id)
            segmented = _Segmented(ts, doc.text, doc.id, doc.title)
            with staging.beside(files.initial) as tmp:
                _xmi(segmented.cas(), doc.id, tmp)
            for annotator, path in files.annotators:
                own = project.annotations(doc.id, annotator=annotator)
                cas = segmented.cas()
                _add_annotations(ts, cas, schema, own, annotator)
                count += len(own)
                del own  # before the CAS is written: its XML tree is the largest part
                with staging.beside(path) as tmp:
                    _xmi(cas, doc.id, tmp)
                del cas
            del segmented
        staging.commit()
    # What an earlier export left that this one does not write would come back on import.
    for path in stale:
        path.unlink(missing_ok=True)
        if not any(path.parent.iterdir()):
            path.parent.rmdir()
    return ExportResult(paths=tuple(paths), rows=count)


class _Staging:
    """Files written beside their targets and moved into place together at `commit`, as
    `write_together` does for contents held in memory: a failure, a full disk or a cancel
    leaves none of them, and no folder this export made."""

    def __init__(self, overwrite: bool):
        self.overwrite = overwrite
        self.staged: list[tuple[Path, Path]] = []
        self.made: list[Path] = []  # folders made for the files, removed again on failure
        self.committed = False

    def __enter__(self) -> _Staging:
        return self

    @contextmanager
    def beside(self, path: Path) -> Iterator[Path]:
        """A new file beside `path` (its folder made when missing) for the block to write."""
        try:
            missing = [f for f in (path.parent, *path.parent.parents) if not f.is_dir()]
            for made in reversed(missing):
                made.mkdir()
                self.made.append(made)
            check_writable(path, self.overwrite)
            tmp = temp_beside(path)
            self.staged.append((tmp, path))
            yield tmp
        except OSError as exc:
            raise self._failure(path, exc) from None

    def commit(self) -> None:
        try:
            for _, path in self.staged:  # again: one may have appeared meanwhile
                check_writable(path, self.overwrite)
            for tmp, path in self.staged:
                os.replace(tmp, path)  # a rename in one folder: it needs no room on the disk
        except OSError as exc:
            raise self._failure(self.staged[-1][1], exc) from None
        self.committed = True

    def _failure(self, where: Path, exc: OSError) -> Exception:
        failure = disk.export_failure(where, exc)
        if failure is not None and len(self.staged) > 1:
            failure = ExportError(Message("%1 (none of this export's files was written)", failure))
        return failure or exc

    def __exit__(self, *exc: object) -> None:
        for tmp, _ in self.staged:
            tmp.unlink(missing_ok=True)
        if not self.committed:
            for made in reversed(self.made):
                with suppress(OSError):
                    made.rmdir()  # only when empty: nothing of anyone else's goes


def _earlier_export(folder: Path, writing: set[Path]) -> list[Path]:
    """The files of an export's own kinds (`DOCUMENT/*.xmi`) in `folder` that this export does
    not write; other files are left alone."""
    if not folder.is_dir():
        return []
    found = (p for p in folder.resolve().glob("*/*.xmi") if p.is_file() or p.is_symlink())
    return sorted(p for p in found if p not in writing)


# ----------------------------------------------------------------------------- reading


@dataclass
class _Read:
    """One XMI file, parsed: its text, metadata and (for an annotator's file) annotations."""

    path: str
    text: str
    doc_id: str | None
    title: str | None
    annotator: str | None  # None: INITIAL_CAS, a document without annotations
    annotations: list[tuple[str, Any]] = field(default_factory=list)  # (layer, feature structure)


def _sources(path: Path) -> tuple[str, list[tuple[str, bytes]], bytes | None]:
    """(where, [(name, XMI bytes)], type system bytes) of a folder, an .xmi file or a .zip."""
    try:
        if path.is_dir():
            xmis = sorted(
                p
                for p in path.rglob("*.xmi")
                if p.is_file() and not p.is_symlink() and not _junk(p.relative_to(path).parts)
            )
            ts = _type_system_file(path, xmis)
            return str(path), [(str(p), p.read_bytes()) for p in xmis], ts
        if path.suffix.lower() == ".zip":
            with zipfile.ZipFile(path) as archive:
                members = [
                    (_member_name(info), info)
                    for info in archive.infolist()
                    if not info.is_dir() and not _junk(info.filename.split("/"))
                ]
                members.sort(key=lambda member: member[0])
                xmis = [
                    (f"{path}:{name}", archive.read(info))
                    for name, info in members
                    if name.lower().endswith(".xmi")
                ]
                tsn = [
                    info
                    for name, info in members
                    if name.rsplit("/", 1)[-1].lower() == "typesystem.xml"
                ]
                return str(path), xmis, archive.read(tsn[0]) if tsn else None
        # Beside the file, or one folder up (this tool's export: DOCUMENT/ANNOTATOR.xmi).
        return (
            str(path),
            [(str(path), path.read_bytes())],
            _type_system_file(path.parent.parent, [path]),
        )
    except zipfile.BadZipFile:
        raise InputError("not a zip file", str(path)) from None
    except OSError as exc:
        raise InputError(
            Message("cannot read: %1", exc.strerror or exc), exc.filename or str(path)
        ) from None


def _junk(parts: tuple[str, ...] | list[str]) -> bool:
    """Whether a path (its parts) is what macOS adds to folders and zips: `__MACOSX/` and
    `._NAME` resource forks, never a CAS."""
    return "__MACOSX" in parts or parts[-1].startswith("._")


def _member_name(info: zipfile.ZipInfo) -> str:
    """A zip member's name: zips made without the UTF-8 flag (the `zip` program, Windows) hold
    UTF-8 names that Python reads as code page 437; they are read as UTF-8 when they decode."""
    if info.flag_bits & 0x800:
        return info.filename
    try:
        return info.filename.encode("cp437").decode("utf-8")
    except UnicodeError:
        return info.filename


def _type_system_file(root: Path, xmis: list[Path]) -> bytes | None:
    for folder in [*(p.parent for p in xmis), root]:
        for name in (TYPE_SYSTEM, "typesystem.xml"):
            candidate = folder / name
            if candidate.is_file():
                return candidate.read_bytes()
    return None


def read_xmi(path: str | Path, schema: LabelSchema) -> list[_Read]:
    """Parse every XMI file of `path` (a folder, an .xmi file with its TypeSystem.xml beside
    it, or a .zip of them) with cassis; offsets come back as code points. Raises InputError
    naming the file (and the line, for XML errors)."""
    cassis = _cassis()
    where, xmis, ts_bytes = _sources(Path(path))
    if not xmis:
        raise InputError("no .xmi file here", where)
    if ts_bytes is None:
        raise InputError(
            Message(
                "no %1 beside the .xmi files: XMI is read with the type system of its "
                "export (INCEpTION writes one into every export)",
                TYPE_SYSTEM,
            ),
            where,
        )
    try:
        ts = cassis.load_typesystem(io.BytesIO(ts_bytes))
    except Exception as exc:  # cassis raises lxml, Value and Key errors for bad files
        raise InputError(
            Message("%1 is not a UIMA type system (%2)", TYPE_SYSTEM, _reason(exc)), where
        ) from None
    layers = {type_name(layer.name): layer.name for layer in schema.layers}
    if not any(ts.contains_type(t) for t in layers):
        expected = ", ".join(f"{layer} as {t}" for t, layer in layers.items())
        raise InputError(
            Message(
                "%1 has none of this project's layer types (%2); docs/inception.md "
                "shows how to define them",
                TYPE_SYSTEM,
                expected,
            ),
            where,
        )
    read: list[_Read] = []
    for name, data in xmis:
        if not data.strip():
            raise InputError("an empty file, not UIMA CAS XMI", name)
        try:
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                cas = cassis.load_cas_from_xmi(io.BytesIO(data), typesystem=ts, lenient=True)
        except Exception as exc:
            line = getattr(exc, "lineno", None) or None  # lxml's syntax errors have one
            raise InputError(Message("not UIMA CAS XMI (%1)", _reason(exc)), name, line) from None
        _refuse_unmapped_offsets(cas, caught, name)
        text = cas.sofa_string
        if not isinstance(text, str) or not text:
            raise InputError("the CAS holds no document text", name)
        meta = next(iter(cas.select(METADATA)), None) if ts.contains_type(METADATA) else None
        named = (
            next(iter(cas.select(ANNOTATOR_NAME)), None)
            if ts.contains_type(ANNOTATOR_NAME)
            else None
        )
        stem = Path(name.rsplit(":", 1)[-1]).stem
        annotator = named.name if named is not None else (None if stem == INITIAL_CAS else stem)
        item = _Read(
            path=name,
            text=text,
            doc_id=getattr(meta, "documentId", None) if meta is not None else None,
            title=getattr(meta, "documentTitle", None) if meta is not None else None,
            annotator=annotator,
        )
        for t, layer in layers.items():
            if ts.contains_type(t):
                item.annotations.extend((layer, fs) for fs in cas.select(t))
        _refuse_other_layers(cas, set(layers), schema, name)
        read.append(item)
    return read


def _refuse_other_layers(cas: Any, known: set[str], schema: LabelSchema, where: str) -> None:
    """InputError when the CAS holds spans of a custom layer (`webanno.custom.*`) the project
    has no layer for: they would be left out without a word (a file is stored whole or not)."""
    counts: dict[str, int] = {}
    for fs in cas.select_all_annotations():
        name = fs.type.name
        if name.startswith(CUSTOM) and name not in known:
            counts[name] = counts.get(name, 0) + 1
    if counts:
        found = ", ".join(f"{n} of {t}" for t, n in sorted(counts.items()))
        raise InputError(
            Message(
                "spans of layers this project lacks (%1; its layers: %2): nothing was "
                "imported; import into a project whose schema has these layers, or "
                "export from INCEpTION without them",
                found,
                LayerNames.of(schema.layer_names),
            ),
            where,
        )


_UNMAPPED = re.compile(r"Not mapping external offset \[(\d+)\]")


def _refuse_unmapped_offsets(cas: Any, caught: list[warnings.WarningMessage], where: str) -> None:
    """InputError for a UTF-16 offset cassis could not map to code points (between the two
    units of a character beyond U+FFFF): the span would be stored at a wrong place. Other
    warnings are passed on as they came."""
    for warning in caught:
        found = _UNMAPPED.search(str(warning.message))
        if found is None:
            warnings.warn_explicit(
                warning.message, warning.category, warning.filename, warning.lineno
            )
            continue
        offset = int(found.group(1))
        element = next(
            (
                f"xmi:id {fs.xmiID} ({fs.type.name.rsplit('.', 1)[-1]}) "
                # A layer's span first: segmentation rarely is what was edited by hand.
                for fs in sorted(
                    cas.select_all_annotations(), key=lambda fs: not fs.type.name.startswith(CUSTOM)
                )
                if offset in (fs.begin, fs.end)
            ),
            "",
        )
        raise InputError(
            Message(
                "%1offset %2 falls inside a character beyond U+FFFF (between the two "
                "UTF-16 units of an emoji or similar): not a character boundary",
                element,
                offset,
            ),
            where,
        )


def _reason(exc: Exception) -> str:
    if isinstance(exc, KeyError) and exc.args and str(exc.args[0]).isdigit():
        # cassis looks up every reference by xmi:id.
        return f"a reference to xmi:id {exc.args[0]}, which is not in the file"
    return " ".join(str(exc).split())[:200] or type(exc).__name__


def import_annotations(
    project: Project, path: str | Path, annotator: str | None = None
) -> AnnotationImport:
    """Store the annotations of an XMI export (a folder, .zip or one .xmi with TypeSystem.xml
    beside it) in one transaction, or nothing.

    A document is the project's document with the same text (SHA-256); a text the project
    lacks is added under its `documentId` (else title, else folder name; `ID-2` when the project
    gives `ID` another text, with a note). An annotator's file gives the name inside it (else
    the file name); `annotator` takes every annotation instead. An annotation with
    `annotationId` keeps it (as the JSON Lines import does); one without gets an id made from
    the text, annotator, layer and span (`jsonl.content_id`), so a second import, or an updated
    export with renumbered xmi:ids, adds only what is new. An id the project holds with other
    content is not stored and is listed in `AnnotationImport.changed`.
    """
    items = read_xmi(path, project.schema)
    added = skipped = 0
    changed: list[str] = []
    notes: list[str] = []
    touched: set[str] = set()
    documents_added: list[str] = []
    with project.atomic():
        entities: dict[str, Entity] = {e.id: e for e in project.entities()}
        for item in items:
            doc_id, new, dropped = _place_document(project, item, notes)
            touched.add(doc_id)
            if new:
                documents_added.append(doc_id)
            if item.annotator is None and annotator is None:
                continue
            owner = annotator or item.annotator or ""
            a, s, c = _store(project, item, doc_id, owner, entities, dropped)
            added, skipped = added + a, skipped + s
            changed.extend(c)
    return AnnotationImport(
        added=added,
        skipped=skipped,
        document_ids=tuple(sorted(touched)),
        documents_added=tuple(documents_added),
        changed=tuple(changed),
        notes=tuple(notes),
    )


def _place_document(project: Project, item: _Read, notes: list[str]) -> tuple[str, bool, list[int]]:
    """The project's document of a CAS, whether it was added, and the positions of the CAS text
    that the project's text lacks (a BOM, the CR of each CR LF), for moving offsets.

    Found by the exact text, else by the text as the article readers clean it (a file that
    INCEpTION read with CR LF line ends); a text found neither way is added exactly."""
    found = find_document_by_text(project, item.text)
    if found is not None:
        return found[0], False, found[1]
    try:
        check_document_text(item.text)
    except AnnotatorError as exc:
        raise InputError(exc, item.path) from None
    # The id is the file's DocumentMetaData id (else its title, else the folder's name), never
    # the file's own name: INCEpTION names every document's first file INITIAL_CAS.
    folder = Path(item.path.rsplit(":", 1)[-1]).parent.name
    own = item.doc_id or item.title or folder or None
    doc_id = free_id(project, own) if own else None
    source = TextSource(text=item.text, source=own, title=item.title, id=doc_id)
    (added,) = project.import_texts([source]).added
    if own and project_has(project, own) and own != added:
        notes.append(f"{item.path}: " + another_text_note(own, project.text(own), item.text, added))
    return added, True, []


def _store(
    project: Project,
    item: _Read,
    doc_id: str,
    owner: str,
    entities: dict[str, Entity],
    dropped: list[int],
) -> tuple[int, int, list[str]]:
    text = project.text(doc_id)
    sha = text_sha256(text)
    ids: dict[int, str] = {}
    for layer, fs in item.annotations:
        own = getattr(fs, "annotationId", None) if _has(fs, "annotationId") else None
        where = f"xmi:id {fs.xmiID} ({layer})"
        if own:
            try:
                own = str(uuid.UUID(own))
            except ValueError:
                raise InputError(
                    Message("%1: annotationId %2 is not a UUID", where, repr(own)), item.path
                ) from None
            ids[fs.xmiID] = imported_id(own, item.annotator or owner, owner)
        else:
            # xmi:ids are renumbered by every save: the id comes from what the span is.
            start, end = _moved_span(fs.begin, fs.end, dropped)
            ids[fs.xmiID] = content_id(_NAMESPACE, sha, owner, layer, start, end)
    by_xmi = {fs.xmiID: (layer, fs) for layer, fs in item.annotations}
    links = {x: _link_target(project, layer, fs) for x, (layer, fs) in by_xmi.items()}
    try:
        order = link_order({x: (t.xmiID if t is not None else None) for x, t in links.items()})
    except AnnotatorError as exc:
        raise InputError(exc, item.path) from None
    added = skipped = 0
    changed: list[str] = []
    line_of: dict[str, int] = {}
    for x in order:
        layer_name, fs = by_xmi[x]
        where = f"xmi:id {x} ({layer_name})"
        ann_id = ids[x]
        try:
            annotation = _annotation(project, fs, layer_name, doc_id, owner, ann_id, entities)
            annotation = _moved(text, annotation, dropped)
            target = links[x]
            if target is not None:
                if target.xmiID not in ids:
                    raise AnnotatorError(
                        Message("links to xmi:id %1, not an annotation of a layer", target.xmiID)
                    )
                annotation = _with_link(annotation, project.live_link(ids[target.xmiID]))
            if project.known(ann_id):
                if differs(project, annotation):
                    changed.append(ann_id)
                else:
                    skipped += 1
                continue
            project.restore(ann_id, AnnotationState(annotation))
        except DuplicateError as exc:
            found = stored_as(project, annotation, exc, line_of)
            if found is None:
                raise InputError(
                    Message("%1: %2", where, twice_message(exc, line_of)), item.path
                ) from None
            ids[x] = found  # claims linking to this span link to the stored one
            if differs(project, replace(annotation, id=found)):
                changed.append(found)
            else:
                skipped += 1
            continue
        except (AnnotatorError, TypeError, ValueError) as exc:
            raise InputError(Message("%1: %2", where, exc), item.path) from None
        line_of[ann_id] = x
        added += 1
    return added, skipped, changed


def _has(fs: Any, name: str) -> bool:
    return any(f.name == name for f in fs.type.all_features)


def _link_target(project: Project, layer_name: str, fs: Any) -> Any:
    link = project.schema.layer(layer_name).attribute_of_type("link")
    if link is None or not _has(fs, feature_name(link.name)):
        return None
    return getattr(fs, feature_name(link.name))


def _with_link(annotation: Annotation, link_id: str | None) -> Annotation:
    return replace(annotation, link_id=link_id)


def _moved(text: str, annotation: Annotation, dropped: list[int]) -> Annotation:
    """The annotation with its offsets moved back by the characters of the CAS text that the
    project's `text` lacks before them, and its text taken from `text`."""
    start, end = _moved_span(annotation.start, annotation.end, dropped)
    return replace(annotation, start=start, end=end, text=text[start:end])


def _moved_span(start: int, end: int, dropped: list[int]) -> tuple[int, int]:
    return start - bisect.bisect_left(dropped, start), end - bisect.bisect_left(dropped, end)


def _annotation(
    project: Project,
    fs: Any,
    layer_name: str,
    doc_id: str,
    owner: str,
    ann_id: str,
    entities: dict[str, Entity],
) -> Annotation:
    layer: Layer = project.schema.layer(layer_name)
    attributes: dict[str, Any] = {}
    entity = None
    for attribute in layer.attributes:
        name = feature_name(attribute.name)
        if attribute.type == "link" or not _has(fs, name):
            continue
        value = getattr(fs, name)
        if value is None:
            continue
        if attribute.type == "entity":
            entity = _entity(project, fs, name, str(value), entities)
        else:
            attributes[attribute.name] = value
    stances: list[Stance] = []
    if layer.has_stance and _has(fs, "stances") and fs.stances is not None:
        for element in fs.stances.elements:
            stances.append(Stance(str(element.target), str(element.value)))
    start, end = fs.begin, fs.end
    stamp = now()

    def provenance(name: str) -> str | None:
        return getattr(fs, name) if _has(fs, name) else None

    return Annotation(
        id=ann_id,
        document_id=doc_id,
        annotator=owner,
        layer=layer.name,
        start=start,
        end=end,
        text="",  # set by _moved
        attributes=attributes,
        entity=entity,
        stances=tuple(stances),
        origin=provenance("origin") or "imported",
        created_at=provenance("created") or stamp,
        modified_at=provenance("modified") or stamp,
        sources=tuple((provenance("sources") or "").split()),
    )


def _entity(
    project: Project, fs: Any, feature: str, name: str, entities: dict[str, Entity]
) -> Entity:
    """The entity a speaker names: the project's with the same id, else the same name or alias,
    else a new one (with the file's id when it has one)."""
    own = getattr(fs, feature + "Id", None) if _has(fs, feature + "Id") else None
    if own in entities:
        return entities[own]
    name = " ".join(name.split())
    for entity in entities.values():
        if name == entity.name or name in entity.aliases:
            return entity
    try:
        entity_id = str(uuid.UUID(own)) if own else str(uuid.uuid4())
    except ValueError:
        entity_id = str(uuid.uuid4())
    kind = getattr(fs, feature + "Kind", None) if _has(fs, feature + "Kind") else None
    entity = project.add_entity(Entity(entity_id, name, kind=kind))
    entities[entity.id] = entity
    return entity


def is_xmi(path: Path) -> bool:
    """Whether `path` is an XMI export: an .xmi file, a .zip holding one, or a folder with a
    TypeSystem.xml and .xmi files."""
    if path.is_dir():
        return (path / TYPE_SYSTEM).is_file() or (path / "typesystem.xml").is_file()
    if path.suffix.lower() == ".xmi":
        return True
    if path.suffix.lower() == ".zip":
        try:
            with zipfile.ZipFile(path) as archive:
                return any(n.lower().endswith(".xmi") for n in archive.namelist())
        except (OSError, zipfile.BadZipFile):
            return False
    return False
