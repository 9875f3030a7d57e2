"""What a change of the store did to a document's annotations: the GUI refreshes from it."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from annotator.core.model import Annotation


@dataclass(frozen=True)
class AnnotationChanges:
    """The annotations of one document that a change touched, as a window showed them before
    and as they are stored now.

    `ids` are all the annotations touched: the one changed and the claims linking to it (a
    deletion unlinks them, an undo links them again). `before` holds those the window showed,
    where it showed them (one the window had not built is given by its span alone: id, layer,
    annotator, offsets and revision, without attributes), `after` those that exist now (shown
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


def _start(annotation: Annotation) -> int:
    return annotation.start


class ReadingOrder:
    """Annotations kept in reading order and by id while changes arrive one at a time: a change
    moves one entry (found by bisection) instead of reading and sorting the whole document."""

    def __init__(
        self, annotations: Iterable[Annotation] = (), ordered: bool = False, links: bool = False
    ):
        """`ordered`: the annotations come in reading order already (as the project reads them).
        `links`: index the links now (else at the first `linking_to`), so the first edit is as
        quick as the next."""
        self.items: list[Annotation] = (
            list(annotations) if ordered else sorted(annotations, key=reading_key)
        )
        self._by_id = {a.id: a for a in self.items}
        # Kept up to date once made: link target id -> ids of the annotations linking to it,
        self._linking: dict[str, set[str]] | None = None
        if links:
            self._index_links()
        # and the longest span held so far (not lowered on removal: it bounds searches).
        self._longest: int = max((a.end - a.start for a in self.items), default=0)

    @property
    def longest(self) -> int:
        """No span here is longer (one that was may have gone)."""
        return self._longest

    def _link(self, annotation: Annotation) -> None:
        self._longest = max(self._longest, annotation.end - annotation.start)
        if self._linking is not None and annotation.link_id is not None:
            self._linking.setdefault(annotation.link_id, set()).add(annotation.id)

    def _index_links(self) -> dict[str, set[str]]:
        self._linking = {}
        for annotation in self.items:
            if annotation.link_id is not None:
                self._linking.setdefault(annotation.link_id, set()).add(annotation.id)
        return self._linking

    def _unlink(self, annotation: Annotation) -> None:
        if self._linking is not None and annotation.link_id is not None:
            self._linking.get(annotation.link_id, set()).discard(annotation.id)

    def __len__(self) -> int:
        return len(self.items)

    def get(self, annotation_id: str | None) -> Annotation | None:
        return self._by_id.get(annotation_id) if annotation_id else None

    def row_of(self, annotation_id: str | None) -> int:
        """The position of an annotation, or -1 when it is not here."""
        annotation = self.get(annotation_id)
        if annotation is None:
            return -1
        row = bisect.bisect_left(self.items, reading_key(annotation), key=reading_key)
        return row if self.items[row].id == annotation.id else self.items.index(annotation)

    def remove(self, annotation_id: str) -> int:
        """Take an annotation out; its former position, or -1 when it was not here."""
        row = self.row_of(annotation_id)
        if row >= 0:
            self._unlink(self._by_id.pop(annotation_id))
            del self.items[row]
        return row

    def place(self, annotation: Annotation) -> int:
        """The position an annotation (not here yet) would take."""
        return bisect.bisect_left(self.items, reading_key(annotation), key=reading_key)

    def insert(self, annotation: Annotation) -> int:
        """Put an annotation (not here yet) in its place; its position."""
        row = self.place(annotation)
        self.items.insert(row, annotation)
        self._by_id[annotation.id] = annotation
        self._link(annotation)
        return row

    def replace(self, annotation: Annotation) -> bool:
        """Put a new version of an annotation in the old one's place, when its place in the
        order is the same; False (and nothing changed) when it moves or is not here."""
        row = self.row_of(annotation.id)
        if row < 0 or reading_key(self.items[row]) != reading_key(annotation):
            return False
        self._unlink(self.items[row])
        self.items[row] = self._by_id[annotation.id] = annotation
        self._link(annotation)
        return True

    def starting_before(self, position: int) -> Iterator[Annotation]:
        """The annotations that start before `position`, nearest first (reverse reading
        order). One that starts before `a.start - longest` ends before `a.start`."""
        row = bisect.bisect_left(self.items, position, key=_start)
        return (self.items[k] for k in range(row - 1, -1, -1))

    def starting_from(self, position: int) -> Iterator[Annotation]:
        """The annotations that start at or after `position`, in reading order."""
        row = bisect.bisect_left(self.items, position, key=_start)
        return (self.items[k] for k in range(row, len(self.items)))

    def linking_to(self, ids: Iterable[str]) -> list[Annotation]:
        """The annotations whose link points to one of `ids` (claims of a speaker mention)."""
        linking = self._index_links() if self._linking is None else self._linking
        found = {i for target in ids for i in linking.get(target, ())}
        return [self._by_id[i] for i in sorted(found)]
