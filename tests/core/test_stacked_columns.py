"""The questions a window asks of the columns when many annotations lie on the same words
(the spans meeting a stretch, the innermost claim holding a cue, the speaker nearest before a
claim, where the last mention ended): the same answers as a walk over every span, found
among the few spans within reach."""

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.columns import LONG_SPAN, Span, SpanColumns

spans = st.lists(
    # (start, length, long): a long one is longer than LONG_SPAN.
    st.tuples(st.integers(0, 300), st.integers(0, 60), st.booleans()),
    max_size=80,
).map(
    lambda found: [
        # A few long spans, kept apart from the bisected columns, among short ones.
        Span(
            f"s{n}", "speaker", "amal", start, start + (LONG_SPAN + length * 60 if far else length)
        )
        for n, (start, length, far) in enumerate(found)
    ]
)


def reading(found: list[Span]) -> list[Span]:
    return sorted(found, key=lambda s: (s.start, -s.end, s.layer, s.id))


@settings(max_examples=150, deadline=None)
@given(spans, st.integers(0, 400), st.integers(0, 40))
def test_rows_meeting_a_stretch_are_those_of_every_span(found, start, width):
    columns = SpanColumns(found)
    rows = columns.rows_meeting(start, start + width)
    expected = {s.id for s in found if s.start < max(start + width, start + 1) and s.end > start}
    assert sorted(rows.tolist()) == rows.tolist()
    assert {columns.ids[r] for r in rows} == expected


@settings(max_examples=150, deadline=None)
@given(spans, st.integers(0, 400), st.integers(0, 30))
def test_the_last_covering_span_is_the_last_in_reading_order(found, start, width):
    columns = SpanColumns(found)
    holding = [s for s in reading(found) if s.start <= start and s.end >= start + width]
    row = columns.last_covering(start, start + width)
    assert (columns.ids[row] if row >= 0 else None) == (holding[-1].id if holding else None)


@settings(max_examples=150, deadline=None)
@given(spans, st.integers(0, 400), st.data())
def test_the_nearest_span_before_a_position_passing_some(found, position, data):
    columns = SpanColumns(found)
    passing = set(data.draw(st.lists(st.sampled_from([s.id for s in found] or ["none"]))))
    before = [s for s in reading(found) if s.start < position and s.id not in passing]
    best = max(before, key=lambda s: (min(s.end, position), s.start), default=None)
    if best is not None:  # the first in reading order of those as near
        key = (min(best.end, position), best.start)
        best = next(s for s in before if (min(s.end, position), s.start) == key)
    rows = [columns.row_of(i) for i in passing]
    row = columns.nearest_before(position, [r for r in rows if r >= 0])
    assert (columns.ids[row] if row >= 0 else None) == (best.id if best else None)


@settings(max_examples=150, deadline=None)
@given(spans, st.integers(0, 400))
def test_the_last_end_before_a_position(found, position):
    columns = SpanColumns(found)
    ends = [s.end for s in found if s.start < position and s.end <= position]
    assert columns.last_end_before(position) == max(ends, default=0)


def test_thousands_of_spans_on_the_same_words_are_answered_without_a_span_each():
    """20,000 nested spans over two words: each question builds a handful of spans at most
    (a walk built one per span before)."""
    found = [
        Span(f"{i}-{j}-{layer}", layer, "amal", 1000 - 5 * i, 1010 + 5 * j)
        for i in range(100)
        for j in range(100)
        for layer in ("speaker", "claim")
    ]
    columns = SpanColumns(found)
    made = []
    span = columns.span
    columns.span = lambda row: made.append(row) or span(row)
    assert columns.last_covering(1000, 1010) >= 0
    assert columns.nearest_before(1000) >= 0
    assert columns.last_end_before(1000) == 0
    assert len(columns.rows_meeting(1000, 1010)) == len(found)
    assert made == []
