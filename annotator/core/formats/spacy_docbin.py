"""spaCy: a `DocBin` file (`.spacy`) with one `SpanGroup` per layer and annotator.

Each document is a `Doc` made by `spacy.blank("ar")` with the tokenizer rules of
`arabic_tokenizer`; its span groups are named `LAYER:ANNOTATOR` (`claim:gold`), each span labelled
with its layer, `id_` the annotation's UUID and `kb_id_` the speaker's entity name. What a span
group cannot hold (annotator, exact span, attributes, the claim's speaker link, stances) is in
`doc.user_data["annotations"]`, a dict keyed by annotation UUID, and the project's document id
in `doc.user_data["document_id"]`.

Read it back with `DocBin().from_disk(path).get_docs(spacy.blank("ar").vocab)`. A span's
`start_char`/`end_char` are code points, as in the project.

Tokenizer rules. spaCy's Arabic defaults keep quotation marks and the punctuation after them
inside one token (`القدس".`) and keep the conjunction و on a quotation it opens (`و"أداة`), so a
span of a quotation (which ends at the closing mark, before the full stop) or one starting at
the mark falls inside a token, and strict `Doc.char_span` gives None: 23 of the sample's 60 spans.
`arabic_tokenizer` adds three rules:
  - suffix: any of . ، ؛ : ! ؟ ? at the end of a token, so `".` splits into `"` and `.`;
  - prefix: و or ف before an opening mark (" « “ ”), so `و"` splits into `و` and `"`;
  - infix: a quotation mark between two characters of a token (`قال:"نعم`).
With them every span of the sample aligns with tokens. A span whose edge still falls inside a
token (a span made by hand inside a word) gets the token split at the edge, so every annotation
is in the DocBin; `DocBinExport.split_tokens` counts those splits. A span that starts or ends
on white space (the project allows it) is a span of the tokens inside it, its exact offsets in
`user_data["annotations"]` (`DocBinExport.trimmed` names them); a span of white space only has
no token and is left out (`DocBinExport.left_out` names it, with its document and text).
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from annotator.core.errors import AnnotatorError, ExportError
from annotator.core.formats.export import ExportResult, select
from annotator.core.model import Annotation
from annotator.core.store.files import check_writable, replacing
from annotator.core.store.project import Project

_SUFFIXES = [r"[.،؛:!؟?]"]
_PREFIXES = [r"[وف](?=[\"«“”])"]
_INFIXES = [r"(?<=.)[\"«»“”](?=.)"]


def _spacy() -> Any:
    try:
        import spacy
    except ImportError:
        raise AnnotatorError(
            "the spaCy export needs spaCy: pip install 'arabic-news-annotator[spacy]'"
        ) from None
    return spacy


def arabic_tokenizer(nlp: Any) -> Any:
    """`nlp` (a blank Arabic pipeline) with the tokenizer rules of the module docstring added
    to spaCy's own; returns it."""
    util = _spacy().util
    nlp.tokenizer.suffix_search = util.compile_suffix_regex(
        list(nlp.Defaults.suffixes) + _SUFFIXES
    ).search
    nlp.tokenizer.prefix_search = util.compile_prefix_regex(
        _PREFIXES + list(nlp.Defaults.prefixes)
    ).search
    nlp.tokenizer.infix_finditer = util.compile_infix_regex(
        list(nlp.Defaults.infixes or ()) + _INFIXES
    ).finditer
    return nlp


@functools.cache
def arabic_nlp() -> Any:
    """`spacy.blank("ar")` with `arabic_tokenizer`'s rules (made once: it takes a while)."""
    return arabic_tokenizer(_spacy().blank("ar"))


@dataclass(frozen=True)
class DocBinExport:
    docbin: Any  # spacy.tokens.DocBin
    spans: int
    split_tokens: int  # tokens split at a span edge the tokenizer rules did not give
    # One line each: spans trimmed to the tokens inside them, and spans with no token.
    trimmed: tuple[str, ...] = ()
    left_out: tuple[str, ...] = ()


def _doc(nlp: Any, text: str, annotations: list[Annotation]) -> tuple[Any, int]:
    """The Doc of `text`, its tokens split where an annotation's edge falls inside one."""
    from spacy.tokens import Doc

    doc = nlp.make_doc(text)
    edges = sorted({p for a in annotations for p in (a.start, a.end)})
    words: list[str] = []
    spaces: list[bool] = []
    splits = 0
    for token in doc:
        start, end = token.idx, token.idx + len(token.text)
        inside = edges[bisect.bisect_right(edges, start) : bisect.bisect_left(edges, end)]
        cuts = [start, *inside, end]
        splits += len(inside)
        for a, b in zip(cuts, cuts[1:], strict=False):
            words.append(text[a:b])
            spaces.append(False)
        spaces[-1] = bool(token.whitespace_)
    if not splits:
        return doc, 0
    rebuilt = Doc(nlp.vocab, words=words, spaces=spaces)
    if rebuilt.text != text:  # pragma: no cover - a broken spaCy; nothing may be lost quietly
        raise ExportError("spaCy changed the text while splitting tokens")
    return rebuilt, splits


def docbin(
    project: Project,
    document_ids: Iterable[str] | None = None,
    annotators: Iterable[str] | None = None,
) -> DocBinExport:
    """The DocBin of the selection (see the module docstring), without writing it."""
    from spacy.tokens import DocBin, Span

    nlp = arabic_nlp()
    selection = select(project, document_ids, annotators)
    wanted = None if selection.annotators is None else set(selection.annotators)
    out = DocBin(store_user_data=True)
    count = splits = 0
    trimmed: list[str] = []
    left_out: list[str] = []
    for summary in selection.documents:
        text = project.text(summary.id)
        annotations = [
            a for a in project.annotations(summary.id) if wanted is None or a.annotator in wanted
        ]
        doc, split = _doc(nlp, text, annotations)
        splits += split
        groups: dict[str, list[Any]] = {}
        details: dict[str, dict[str, Any]] = {}
        for a in annotations:
            span = doc.char_span(a.start, a.end, label=a.layer, span_id=a.id)
            if span is None:
                # An edge on white space (_doc splits tokens at every other edge).
                span = doc.char_span(
                    a.start, a.end, label=a.layer, span_id=a.id, alignment_mode="contract"
                )
                where = f"document {summary.id!r}, {a.layer} {a.start}-{a.end} {a.text!r:.60}"
                if span is None or len(span) == 0:
                    left_out.append(f"{where}: white space only, no token to span")
                    continue
                trimmed.append(f"{where}: spans the tokens {span.start_char}-{span.end_char}")
            if a.entity is not None:
                span = Span(
                    doc, span.start, span.end, label=a.layer, kb_id=a.entity.name, span_id=a.id
                )
            groups.setdefault(f"{a.layer}:{a.annotator}", []).append(span)
            details[a.id] = {
                "annotator": a.annotator,
                "start": a.start,
                "end": a.end,
                "attributes": dict(a.attributes),
                "entity": None if a.entity is None else {"id": a.entity.id, "name": a.entity.name},
                "link_id": a.link_id,
                "stances": [[s.target, s.value] for s in a.stances],
                "origin": a.origin,
            }
            count += 1
        for name, spans in groups.items():
            doc.spans[name] = spans
        doc.user_data["document_id"] = summary.id
        doc.user_data["annotations"] = details
        out.add(doc)
    return DocBinExport(out, count, splits, tuple(trimmed), tuple(left_out))


def export(
    project: Project,
    out: str | Path,
    *,
    document_ids: Iterable[str] | None = None,
    annotators: Iterable[str] | None = None,
    overwrite: bool = False,
    formula_guard: bool = True,  # a CSV option: a DocBin holds no formulas
) -> ExportResult:
    """Write the selection as a spaCy DocBin file; returns the number of spans written."""
    out = Path(out)
    check_writable(out, overwrite)
    result = docbin(project, document_ids, annotators)
    data = result.docbin.to_bytes()
    with replacing(out, overwrite=overwrite, encoding="latin-1", newline="") as handle:
        # The DocBin is bytes; latin-1 writes each byte as it is.
        handle.write(data.decode("latin-1"))
    notes = [f"trimmed to tokens: {line}" for line in result.trimmed]
    notes += [f"left out: {line}" for line in result.left_out]
    return ExportResult(paths=(out,), rows=result.spans, notes=tuple(notes))
