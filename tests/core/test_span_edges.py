"""Moving one edge of a span by a word, as the workbench's extend/shrink keys do."""

from hypothesis import given
from hypothesis import strategies as st

from annotator.core.arabic.text import move_edge

TEXT = 'وأكد العميد قاآني لهنية أن "إيران تقف إلى جانب الحق".'


def span_of(fragment: str) -> tuple[int, int]:
    start = TEXT.index(fragment)
    return start, start + len(fragment)


def test_extending_the_end_takes_the_next_word():
    start, end = span_of("العميد")
    assert TEXT[slice(*move_edge(TEXT, start, end, "end", +1))] == "العميد قاآني"


def test_shrinking_the_end_drops_the_last_word():
    start, end = span_of("العميد قاآني")
    assert TEXT[slice(*move_edge(TEXT, start, end, "end", -1))] == "العميد"


def test_extending_the_start_takes_the_previous_word():
    start, end = span_of("قاآني")
    assert TEXT[slice(*move_edge(TEXT, start, end, "start", -1))] == "العميد قاآني"


def test_shrinking_the_start_drops_the_first_word():
    start, end = span_of("العميد قاآني لهنية")
    assert TEXT[slice(*move_edge(TEXT, start, end, "start", +1))] == "قاآني لهنية"


def test_shrinking_drops_a_quotation_mark_before_a_word():
    start, end = span_of('"إيران تقف إلى جانب الحق"')
    assert TEXT[slice(*move_edge(TEXT, start, end, "start", +1))] == 'إيران تقف إلى جانب الحق"'
    assert TEXT[slice(*move_edge(TEXT, start, end, "end", -1))] == '"إيران تقف إلى جانب الحق'


def test_a_one_word_span_is_never_shrunk_to_nothing():
    start, end = span_of("العميد")
    assert move_edge(TEXT, start, end, "end", -1) == (start, end)
    assert move_edge(TEXT, start, end, "start", +1) == (start, end)


@given(st.data())
def test_moved_spans_stay_inside_the_text_and_non_empty(data):
    start = data.draw(st.integers(0, len(TEXT) - 1))
    end = data.draw(st.integers(start + 1, len(TEXT)))
    edge = data.draw(st.sampled_from(["start", "end"]))
    direction = data.draw(st.sampled_from([-1, +1]))
    new_start, new_end = move_edge(TEXT, start, end, edge, direction)
    assert 0 <= new_start < new_end <= len(TEXT)
    kept = new_end if edge == "start" else new_start
    assert kept == (end if edge == "start" else start)
