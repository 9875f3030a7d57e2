"""What a change of the store did to a document's annotations: the GUI refreshes from it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from annotator.core.model import Annotation


@dataclass(frozen=True)
class AnnotationChanges:
    """The annotations of one document that a change touched, as a window showed them before
    and as they are stored now.

    `ids` are all the annotations touched: the one changed and the claims linking to it (a
    deletion unlinks them, an undo links them again). `before` holds those the window showed,
    where it showed them (one the window had not built is given as the command changing it
    held it before the change, else by its span alone: id, layer, annotator, offsets and
    revision, without attributes or `sources`), `after` those that exist now (shown
    or not: a view filters them as it filters the rest). An
    annotation only in `before` was removed, one only in `after` added, one in both edited.
    `everything` says the document may have changed throughout (a review decision, a merge, a
    suggestion run): before and after are then empty and a view reads the document again.
    """

    document_id: str
    ids: frozenset[str] = frozenset()
    before: tuple[Annotation, ...] = ()
    after: tuple[Annotation, ...] = ()
    everything: bool = False


def reading_key(annotation: Any) -> tuple[int, int, str, str]:
    """The order annotations are read in (`Project.annotations`): by start, longer spans first."""
    return (annotation.start, -annotation.end, annotation.layer, annotation.id)
