"""Plain values of the domain: documents, annotations, speaker entities and stances."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

ORIGINS = ("manual", "imported", "suggested", "adjudicated")
STATUSES = ("todo", "in_progress", "done")


@dataclass(frozen=True)
class Document:
    id: str
    title: str
    text: str
    sha256: str
    source: str | None
    imported_at: str
    metadata: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class DocumentSummary:
    """One row of the document list: no text, so listing a large project stays cheap."""

    id: str
    title: str
    status: str
    annotation_count: int
    length: int | None  # code points; None when not read (`Project.documents(lengths=False)`)


@dataclass(frozen=True)
class Entity:
    """A person or body that speaks; many speaker mentions share one entity."""

    id: str
    name: str
    kind: str | None = None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Stance:
    target: str
    value: str


@dataclass(frozen=True)
class Annotation:
    """A span of a document tagged in one layer by one annotator.

    `start` and `end` are code-point offsets into the document text, end exclusive.
    `link_id` is the annotation this one points to (a claim's speaker mention);
    `entity` is the speaker entity of a speaker mention.
    """

    id: str
    document_id: str
    annotator: str
    layer: str
    start: int
    end: int
    text: str
    attributes: Mapping[str, Any] = field(default_factory=dict)
    entity: Entity | None = None
    link_id: str | None = None
    stances: tuple[Stance, ...] = ()
    origin: str = "manual"
    created_at: str = ""
    modified_at: str = ""
    # For an adjudicated annotation: the annotators' annotations it was decided from.
    sources: tuple[str, ...] = ()
    # How many times it was stored (1 when made; 0: not stored yet). Every change states the
    # revision it was built from, and the store refuses it when that is no longer current.
    revision: int = 0

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end

    def copied(
        self,
        annotator: str,
        *,
        origin: str,
        stamp: str,
        link_id: str | None,
        sources: tuple[str, ...],
        id: str | None = None,  # noqa: A002 - the field's name
    ) -> Annotation:
        """This annotation's span and values as a new, unstored annotation (revision 0) of
        `annotator`, made and modified at `stamp`: what accepting a suggestion or deciding a
        gold annotation makes. A new UUID unless `id` is given."""
        return replace(
            self,
            id=id or str(uuid.uuid4()),
            annotator=annotator,
            attributes=dict(self.attributes),
            link_id=link_id,
            stances=tuple(self.stances),
            origin=origin,
            created_at=stamp,
            modified_at=stamp,
            sources=sources,
            revision=0,
        )
