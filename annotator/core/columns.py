"""A document's annotations held as columns in reading order: what a window keeps of a large
document, with full `Annotation` objects built only for the few it looks at."""

from __future__ import annotations

import bisect
import sys
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

from annotator.core.changes import reading_key
from annotator.core.model import Annotation

# numpy is imported in the functions that use it: commands that hold no columns, such as
# `annotator export`, start 0.2 s sooner without it.
if TYPE_CHECKING:
    import numpy as np

# Spans longer than this (code points) are kept apart from the bisected columns: one very long
# span would otherwise widen every search for the spans meeting a stretch of text.
LONG_SPAN = 2000


class Placed(Protocol):
    """What ordering and painting need of an annotation (an `Annotation` or a `Span`)."""

    @property
    def id(self) -> str: ...
    @property
    def layer(self) -> str: ...
    @property
    def annotator(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def revision(self) -> int: ...


class Span(NamedTuple):
    """Where an annotation lies and whose it is, without its attributes: offsets in code
    points, end excluded; `revision` as read."""

    id: str
    layer: str
    annotator: str
    start: int
    end: int
    revision: int = 0


def span_of(annotation: Placed) -> Span:
    return Span(
        annotation.id,
        annotation.layer,
        annotation.annotator,
        annotation.start,
        annotation.end,
        annotation.revision,
    )


class SpanColumns:
    """Spans in reading order (by start, longer first, then layer and id, as
    `Project.annotations` reads them), one column per field: ids in a list, offsets and
    revisions in arrays of machine integers, layer and annotator names as small codes into one
    list of names (each name one string object). About 100 bytes a span where an `Annotation`
    with its attribute dict and stance tuple takes about 2 KB.

    A change moves one row (found by bisection): inserting or removing shifts the arrays in C,
    well under a millisecond for 400,000 rows."""

    def __init__(self, spans: Iterable[Placed] = (), ordered: bool = False):
        """`ordered`: the spans come in reading order already."""
        self.ids: list[str] = []
        self.starts = array("q")
        self.ends = array("q")
        self.revisions = array("q")
        self._layers = array("I")
        self._annotators = array("I")
        self.names: list[str] = []
        self._codes: dict[str, int] = {}
        # The longest span of the columns so far (not lowered on removal: it bounds searches),
        self._reach = 0
        # and the spans longer than LONG_SPAN, kept apart as well, by id.
        self._long: dict[str, Span] = {}
        # Counts the changes made (rows put in, taken out or given a new revision): a view
        # that keeps something worked out from the rows knows when it is stale.
        self.version = 0
        found = list(spans) if ordered else sorted(spans, key=reading_key)
        for span in found:
            self._append(span)

    # ------------------------------------------------------------------ building

    def code(self, name: str) -> int:
        """The code of a layer or annotator name (made when new)."""
        found = self._codes.get(name)
        if found is None:
            found = self._codes[name] = len(self.names)
            self.names.append(name)
        return found

    def extend(
        self,
        ids: Sequence[str],
        starts: Sequence[int],
        ends: Sequence[int],
        layers: Sequence[int],
        annotators: Sequence[int],
        revisions: Sequence[int],
    ) -> None:
        """Append rows given column by column, layers and annotators as codes (`code`); the
        rows come after those held, in reading order."""
        at = len(self.ids)
        self.version += 1
        self.ids.extend(ids)
        self.starts.extend(_array("q", starts))
        self.ends.extend(_array("q", ends))
        self._layers.extend(_array("I", layers))
        self._annotators.extend(_array("I", annotators))
        self.revisions.extend(_array("q", revisions))
        if len(self.ids) > at:
            import numpy as np

            lengths = _numbers(self.ends)[at:] - _numbers(self.starts)[at:]
            self._reach = max(self._reach, int(lengths.max()))
            for row in np.flatnonzero(lengths > LONG_SPAN).tolist():
                self._long[self.ids[at + row]] = self.span(at + row)

    def _append(self, span: Placed) -> None:
        self.extend(
            [span.id],
            [span.start],
            [span.end],
            [self.code(span.layer)],
            [self.code(span.annotator)],
            [span.revision],
        )

    def subset(self, keep: Callable[[str, str], bool]) -> SpanColumns:
        """The rows whose (layer, annotator) `keep` accepts, as new columns in the same order
        (the id strings are shared, not copied)."""
        found = type(self).__new__(type(self))
        SpanColumns.__init__(found)
        found.names, found._codes = list(self.names), dict(self._codes)
        import numpy as np

        # Judged once per (layer, annotator) pair of codes, then chosen in C by numpy.
        size = len(self.names)
        allowed = np.zeros((size, size), dtype=bool)
        for layer in range(size):
            for annotator in range(size):
                allowed[layer, annotator] = keep(self.names[layer], self.names[annotator])
        columns = (self.starts, self.ends, self._layers, self._annotators, self.revisions)
        if not len(self.ids):
            return found
        mask = allowed[_numbers(self._layers), _numbers(self._annotators)]
        if mask.all():
            found.ids = list(self.ids)
            (found.starts, found.ends, found._layers, found._annotators, found.revisions) = (
                array(c.typecode, c) for c in columns
            )
        else:
            rows = np.flatnonzero(mask)
            found.ids = np.array(self.ids, dtype=object)[rows].tolist()
            (found.starts, found.ends, found._layers, found._annotators, found.revisions) = (
                _array(c.typecode, _numbers(c)[rows]) for c in columns
            )
        found._reach = self._reach
        found.version = self.version
        found._long = {i: s for i, s in self._long.items() if keep(s.layer, s.annotator)}
        return found

    # ------------------------------------------------------------------ reading

    def __len__(self) -> int:
        return len(self.ids)

    def span(self, row: int) -> Span:
        return Span(
            self.ids[row],
            self.names[self._layers[row]],
            self.names[self._annotators[row]],
            self.starts[row],
            self.ends[row],
            self.revisions[row],
        )

    @property
    def longest(self) -> int:
        """No span here is longer (one that was may have gone)."""
        return max([self._reach, *(s.end - s.start for s in self._long.values())])

    def _key(self, row: int) -> tuple[int, int, str, str]:
        return (self.starts[row], -self.ends[row], self.names[self._layers[row]], self.ids[row])

    def place(self, span: Placed) -> int:
        """The row a span (not here yet) would take."""
        return bisect.bisect_left(range(len(self.ids)), reading_key(span), key=self._key)

    def find(self, annotation_id: str | None, start: int | None) -> int:
        """The row of an annotation that starts at `start`, or -1 when it is not here (no
        annotation is looked for without its start: the columns keep no index by id)."""
        if annotation_id is None or start is None:
            return -1
        row = bisect.bisect_left(self.starts, start)
        ids, starts = self.ids, self.starts
        while row < len(ids) and starts[row] == start:
            if ids[row] == annotation_id:
                return row
            row += 1
        return -1

    def row_of(self, annotation_id: str | None) -> int:
        """The row of an annotation found by its id alone: a scan in C of the id column
        (milliseconds at 400,000 rows), for when its start is not known; -1 when absent."""
        if annotation_id is None:
            return -1
        try:
            return self.ids.index(annotation_id)
        except ValueError:
            return -1

    def rows_meeting(self, start: int, end: int) -> np.ndarray:
        """The row numbers (ascending) of the spans meeting a stretch of the text (code
        points, end excluded), as `overlapping` finds them but chosen in C without building a
        span: what a view needs when thousands of spans lie on the same words."""
        import numpy as np

        reach = min(self._reach, LONG_SPAN)
        low = bisect.bisect_left(self.starts, start - reach)
        high = bisect.bisect_left(self.starts, max(end, start + 1))
        rows = low + np.flatnonzero(_numbers(self.ends)[low:high] > start)
        if self._reach > LONG_SPAN:  # a long span is kept apart from the bisected reach
            far = [
                self.find(s.id, s.start)
                for s in self._long.values()
                if s.start < end and s.end > start
            ]
            rows = np.union1d(rows, np.array(far, dtype=np.int64))
        return rows

    def arrays(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """The starts, ends, layer codes and annotator codes (into `names`) as numpy arrays,
        seen without a copy (valid until the next change)."""

        return (
            _numbers(self.starts),
            _numbers(self.ends),
            _numbers(self._layers),
            _numbers(self._annotators),
        )

    def last_covering(self, start: int, end: int) -> int:
        """The row of the last span in reading order that starts at or before `start` and
        ends at or after `end` (code points), or -1: chosen in C among the spans within
        `longest` of `start`, however many lie on the same words."""
        import numpy as np

        high = bisect.bisect_right(self.starts, start)
        low = bisect.bisect_left(self.starts, start - self.longest)
        found = np.flatnonzero(_numbers(self.ends)[low:high] >= end)
        return low + int(found[-1]) if len(found) else -1

    def nearest_before(self, position: int, passing: Iterable[int] = ()) -> int:
        """The row of the span that ends nearest before `position` or covers it: of the spans
        starting before it, the one with the largest (min(end, position), start), the first
        in reading order on a tie; rows in `passing` are passed over. -1 when there is none.

        Only the spans within `longest` of the best one's end can beat it, so the rows looked
        at (in C) are those, not every span before `position`."""
        import numpy as np

        starts, ends = _numbers(self.starts), _numbers(self.ends)
        skipped = np.fromiter(passing, dtype=np.int64)
        high = bisect.bisect_left(self.starts, position)
        while high > 0:
            low = bisect.bisect_left(self.starts, self.starts[high - 1] - self.longest)
            best = self._nearest(starts, ends, position, low, high, skipped)
            if best >= 0:
                # A row before `low` may still end as near, when the last rows are passed over.
                reach = bisect.bisect_left(self.starts, min(ends[best], position) - self.longest)
                if reach < low:
                    best = self._nearest(starts, ends, position, reach, high, skipped)
                return best
            high = low
        return -1

    @staticmethod
    def _nearest(starts, ends, position: int, low: int, high: int, skipped) -> int:
        import numpy as np

        rows = np.arange(low, high)
        if len(skipped):
            rows = rows[~np.isin(rows, skipped)]
        if not len(rows):
            return -1
        near = np.minimum(ends[rows], position)
        rows = rows[near == near.max()]
        rows = rows[starts[rows] == starts[rows].max()]
        return int(rows[0])

    def last_end_before(self, position: int) -> int:
        """The largest end at or before `position` of the spans starting before it (code
        points), 0 when none ends there; found among the spans within `longest` of it."""
        ends = _numbers(self.ends)
        high = bisect.bisect_left(self.starts, position)
        low = bisect.bisect_left(self.starts, position - self.longest)
        near = ends[low:high]
        near = near[near <= position]
        found = int(near.max()) if len(near) else (int(ends[low - 1]) if low > 0 else 0)
        # Spans before `low` end before `position`: only those within `longest` of `found`
        # can end later than it.
        reach = bisect.bisect_right(self.starts, found - self.longest)
        if reach < low:
            near = ends[reach:high]
            near = near[near <= position]
            found = max(found, int(near.max()) if len(near) else 0)
        return found

    def starting_before(self, position: int) -> Iterator[Span]:
        """The spans that start before `position`, nearest first (reverse reading order). One
        that starts before `s.start - longest` ends before `s.start`."""
        row = bisect.bisect_left(self.starts, position)
        return (self.span(k) for k in range(row - 1, -1, -1))

    def starting_from(self, position: int) -> Iterator[Span]:
        """The spans that start at or after `position`, in reading order."""
        row = bisect.bisect_left(self.starts, position)
        return (self.span(k) for k in range(row, len(self.ids)))

    def overlapping(self, start: int, end: int) -> list[Span]:
        """The spans meeting a stretch of the text (code points, end excluded), by start."""
        reach = min(self._reach, LONG_SPAN)
        low = bisect.bisect_left(self.starts, start - reach)
        high = bisect.bisect_left(self.starts, max(end, start + 1))
        ends = self.ends
        found = [self.span(k) for k in range(low, high) if ends[k] > start]
        if self._reach > LONG_SPAN:  # a long span is kept apart from the bisected reach
            seen = {s.id for s in found}
            found += [
                s
                for s in self._long.values()
                if s.start < end and s.end > start and s.id not in seen
            ]
        return found

    # ------------------------------------------------------------------ changing

    def insert(self, span: Placed) -> int:
        """Put a span (not here yet) in its place; its row."""
        row = self.place(span)
        self.version += 1
        self.ids.insert(row, span.id)
        self.starts.insert(row, span.start)
        self.ends.insert(row, span.end)
        self._layers.insert(row, self.code(span.layer))
        self._annotators.insert(row, self.code(span.annotator))
        self.revisions.insert(row, span.revision)
        length = span.end - span.start
        self._reach = max(self._reach, length)
        if length > LONG_SPAN:
            self._long[span.id] = span_of(span)
        return row

    def remove_row(self, row: int) -> None:
        self.version += 1
        self._long.pop(self.ids[row], None)
        for column in (
            self.ids,
            self.starts,
            self.ends,
            self._layers,
            self._annotators,
            self.revisions,
        ):
            del column[row]

    def remove(self, span: Placed) -> int:
        """Take a span out (found by its id and start); its former row, or -1."""
        row = self.find(span.id, span.start)
        if row >= 0:
            self.remove_row(row)
        return row

    def replace(self, span: Placed) -> bool:
        """Put a new version of a span in the old one's row, when its place in the order is
        the same; False (and nothing changed) when it moves or is not here."""
        row = self.find(span.id, span.start)
        if row < 0 or self._key(row) != reading_key(span):
            return False
        self.revisions[row] = span.revision
        self.version += 1
        return True


Load = Callable[[Sequence[Span]], Mapping[str, Annotation]]


class AnnotationColumns(SpanColumns):
    """Spans in reading order that give full annotations when asked (`annotation`, `get`,
    `items`): `load` builds those of some spans (one query for them all), and they are kept in
    a cache shared with the subsets, so the annotations on screen are built once.

    Nothing here builds every annotation of a document unless asked to (`items` iterated to
    the end): opening a document of 400,000 annotations builds none."""

    # The cache is dropped past this many: a researcher scrolling a long article keeps the
    # annotations of the last screens, not of the whole article.
    CACHE_LIMIT = 20_000

    def __init__(
        self,
        spans: Iterable[Placed] = (),
        load: Load | None = None,
        ordered: bool = False,
        cache: dict[str, Annotation] | None = None,
    ):
        super().__init__(spans, ordered)
        self._load: Load = load or _cannot_load
        self.cache: dict[str, Annotation] = {} if cache is None else cache

    @classmethod
    def wrap(
        cls, columns: SpanColumns, load: Load, cache: dict[str, Annotation] | None = None
    ) -> AnnotationColumns:
        """Give columns read elsewhere (`Project.annotation_spans`) their loader."""
        found = cls.__new__(cls)
        found.__dict__.update(columns.__dict__)
        found._load = load
        found.cache = {} if cache is None else cache
        return found

    def subset(self, keep: Callable[[str, str], bool]) -> AnnotationColumns:
        found = super().subset(keep)
        assert isinstance(found, AnnotationColumns)
        found._load, found.cache = self._load, self.cache
        return found

    @property
    def items(self) -> LazyAnnotations:
        """The annotations in reading order, as a sequence built row by row when read."""
        return LazyAnnotations(self)

    def annotation(self, row: int) -> Annotation:
        """The annotation of a row (built and cached when not yet)."""
        self.build(range(row, row + 1))
        return self.cache[self.ids[row]]

    def build(self, rows: Iterable[int]) -> None:
        """Make sure the annotations of these rows are in the cache (one load for those not)."""
        cache = self.cache
        missing = [self.span(k) for k in rows if self.ids[k] not in cache]
        if missing:
            if len(cache) + len(missing) > self.CACHE_LIMIT:
                cache.clear()
            cache.update(self._load(missing))

    def get(self, annotation_id: str | None, start: int | None = None) -> Annotation | None:
        """The annotation with this id when it is here: found by its `start` when known (or
        as cached), else by a scan of the ids."""
        if not annotation_id:
            return None
        known = self.cache.get(annotation_id)
        row = self.find(annotation_id, start if start is not None else known and known.start)
        if row < 0:
            row = self.row_of(annotation_id)
        return self.annotation(row) if row >= 0 else None

    def locate(self, annotation_id: str | None, start: int | None = None) -> int:
        """The row of an annotation (by `start` or the cached copy, else by a scan), or -1."""
        if not annotation_id:
            return -1
        known = self.cache.get(annotation_id)
        row = self.find(annotation_id, start if start is not None else known and known.start)
        return row if row >= 0 else self.row_of(annotation_id)

    def forget(self, annotation_id: str) -> None:
        self.cache.pop(annotation_id, None)

    def keep(self, annotation: Annotation) -> None:
        """Hold a fresh copy of an annotation (read after a change)."""
        self.cache[annotation.id] = annotation


class LazyAnnotations(Sequence):
    """A read-only sequence of the annotations of columns, each built when first read; read
    whole (iterated, compared), it builds them in batches of a few hundred."""

    BATCH = 500

    def __init__(self, columns: AnnotationColumns):
        self._columns = columns

    def __len__(self) -> int:
        return len(self._columns)

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice):
            rows = range(len(self._columns))[index]
            self._columns.build(rows)
            return [self._columns.cache[self._columns.ids[k]] for k in rows]
        row = range(len(self._columns))[index]  # negative rows and IndexError as a list
        return self._columns.annotation(row)

    def __iter__(self) -> Iterator[Annotation]:
        for first in range(0, len(self._columns), self.BATCH):
            yield from self[first : first + self.BATCH]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, LazyAnnotations | list | tuple):
            return len(self) == len(other) and list(self) == list(other)
        return NotImplemented

    def __repr__(self) -> str:
        return f"LazyAnnotations({len(self)} annotations)"


def _cannot_load(spans: Sequence[Span]) -> Mapping[str, Annotation]:
    raise LookupError("these columns were made without a way to read their annotations")


def _numbers(column: array) -> np.ndarray:
    """An array column seen by numpy, without a copy (its typecodes are numpy's too)."""
    import numpy as np

    return np.frombuffer(column, dtype=column.typecode)


def _array(typecode: str, values: Any) -> array:
    """`values` as an array of `typecode`: copied in C from an array or a numpy array."""
    if isinstance(values, array) and values.typecode == typecode:
        return values
    numpy = sys.modules.get("numpy")  # a numpy array comes from code that imported numpy
    if numpy is not None and isinstance(values, numpy.ndarray):
        found = array(typecode)
        found.frombytes(values.astype(typecode).tobytes())
        return found
    return array(typecode, values)
