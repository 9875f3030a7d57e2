"""What every export shares: the selection of documents and annotators, and what was written."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from annotator.core.errors import Message, NotFoundError
from annotator.core.model import DocumentSummary
from annotator.core.store.project import Project


@dataclass(frozen=True)
class ExportResult:
    paths: tuple[Path, ...]  # every file written
    rows: int  # table rows (csv, claims), lines (jsonl) or annotations (brat)
    notes: tuple[str, ...] = ()  # one line each: what the format could not hold exactly


@dataclass(frozen=True)
class Selection:
    """The part of a project an export covers: None means everything."""

    documents: tuple[DocumentSummary, ...]  # in import order
    document_ids: tuple[str, ...] | None
    annotators: tuple[str, ...] | None

    @property
    def everything(self) -> bool:
        return self.document_ids is None and self.annotators is None


def select(
    project: Project,
    document_ids: Iterable[str] | None = None,
    annotators: Iterable[str] | None = None,
) -> Selection:
    """Check the ids and names asked for; an unknown one is refused by name."""
    summaries = project.documents()
    wanted_ids = None
    if document_ids is not None:
        wanted_ids = tuple(dict.fromkeys(document_ids))
        known = {d.id for d in summaries}
        for doc_id in wanted_ids:
            if doc_id not in known:
                raise NotFoundError(Message("no document with id %1", repr(doc_id)))
        summaries = [d for d in summaries if d.id in set(wanted_ids)]
    names = None
    if annotators is not None:
        names = tuple(dict.fromkeys(annotators))
        known_names = project.annotators()
        for name in names:
            if name not in known_names:
                listed = ", ".join(known_names) or "none yet"
                raise NotFoundError(
                    Message("no annotator named %1 (annotators: %2)", repr(name), listed)
                )
    return Selection(documents=tuple(summaries), document_ids=wanted_ids, annotators=names)
