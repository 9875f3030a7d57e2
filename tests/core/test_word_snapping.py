"""Snapping a mouse selection to whole words, and moving a span's edge by one word."""

from hypothesis import given
from hypothesis import strategies as st

from annotator.core.arabic.text import (
    QUOTE_PAIRS,
    is_loose,
    is_word_char,
    next_word_end,
    previous_word_start,
    quote_partners,
    snap_to_words,
)

SENTENCE = "قال الوزير إن الحكومة ستعمل"


def span(text, word):
    start = text.index(word)
    return start, start + len(word)


def test_a_selection_starting_and_ending_inside_words_covers_the_whole_words():
    start, end = span(SENTENCE, "الوزير إن الحكومة")
    assert snap_to_words(SENTENCE, start + 2, end - 3) == (start, end)


def test_diacritics_and_tatweel_stay_in_the_word():
    text = "قالَ الـوزيــرُ غداً"
    start, end = span(text, "الـوزيــرُ")
    assert snap_to_words(text, start + 3, start + 5) == (start, end)


def test_a_selection_ending_before_a_final_diacritic_takes_the_diacritic():
    text = "أكَّدَ الوزير"
    assert snap_to_words(text, 0, 3) == (0, 6)


def test_surrounding_spaces_are_dropped():
    text = "قال  الوزير  إن"
    start, end = span(text, "الوزير")
    assert snap_to_words(text, start - 2, end + 2) == (start, end)


def test_quotation_marks_stay_outside_when_not_selected():
    text = "قال «نعم للحوار» أمس"
    start, end = span(text, "نعم للحوار")
    assert snap_to_words(text, start + 1, end - 1) == (start, end)


def test_a_selected_closing_quote_is_kept():
    text = 'قال "نعم" أمس'
    start, end = span(text, 'نعم"')
    assert snap_to_words(text, start, end) == (start - 1, end)


def test_an_opening_quote_brings_its_closing_partner():
    text = "قال «نعم للحوار» أمس"
    start, end = span(text, "«نعم للحوار»")
    assert snap_to_words(text, start, end - 3) == (start, end)


def test_a_quotation_of_the_sample_article_is_tagged_whole(seed_text):
    # The gold claim c3 is the quotation 339-474; drag from its opening quote into its last word.
    assert seed_text[339] == '"' and seed_text[473] == '"'
    assert snap_to_words(seed_text, 339, 468) == (339, 474)


def test_a_drag_across_an_opening_quote_takes_its_closing_one(seed_text):
    # The gold claim c2 «وقوف إيران إلى "جانب الحق الفلسطيني"» is 141-177; drag from inside its
    # first word across the opening quote into its last word, before the closing quote.
    assert seed_text[141:177] == 'وقوف إيران إلى "جانب الحق الفلسطيني"'
    assert snap_to_words(seed_text, 143, 172) == (141, 177)


def test_a_selected_closing_quote_brings_its_opening_one_and_the_words_between():
    text = "قال «نعم للحوار» أمس"
    start, end = span(text, "للحوار» أمس")
    assert snap_to_words(text, start + 2, end) == (text.index("«"), end)


def test_an_apostrophe_inside_a_word_is_no_quotation_mark():
    text = "said Qa'ani 'yes' today"
    start, end = span(text, "Qa'ani")
    assert snap_to_words(text, start + 1, end - 1) == (start, end)


def test_a_selection_of_only_whitespace_gives_nothing():
    assert snap_to_words("قال  \n الوزير", 3, 7) is None


def test_an_empty_selection_gives_nothing():
    assert snap_to_words(SENTENCE, 5, 5) is None


def test_a_selection_made_right_to_left_is_the_same_span():
    start, end = span(SENTENCE, "الوزير")
    assert snap_to_words(SENTENCE, end - 1, start + 1) == (start, end)


def test_next_word_end_extends_over_the_space_to_the_end_of_the_following_word():
    start, end = span(SENTENCE, "الوزير")
    assert next_word_end(SENTENCE, 3) == end
    assert next_word_end(SENTENCE, start + 2) == end


def test_next_word_end_skips_punctuation():
    text = "قال، الوزير"
    assert next_word_end(text, 3) == len(text)


def test_next_word_end_at_the_end_of_the_text_stays_there():
    assert next_word_end(SENTENCE, len(SENTENCE)) == len(SENTENCE)


def test_previous_word_start_goes_back_to_the_start_of_the_word_before():
    start, end = span(SENTENCE, "الوزير")
    assert previous_word_start(SENTENCE, end + 1) == start
    assert previous_word_start(SENTENCE, end - 2) == start


def test_previous_word_start_at_the_start_of_the_text_stays_there():
    assert previous_word_start(SENTENCE, 0) == 0


snapping_text = st.text(
    alphabet=st.sampled_from(
        list("قالوزير إنحكمة")
        + ["\u064e", "\u0651", "\u0640", "«", "»", '"', "'", "،", ".", "\n", "😀", "1", "٣", "a"]
    ),
    max_size=40,
)


@st.composite
def text_and_selection(draw):
    text = draw(snapping_text)
    start = draw(st.integers(0, len(text)))
    end = draw(st.integers(0, len(text)))
    return text, start, end


@given(text_and_selection())
def test_a_snapped_span_is_inside_the_text_trimmed_and_covers_the_selection(case):
    text, start, end = case
    start, end = min(start, end), max(start, end)
    snapped = snap_to_words(text, start, end)
    # The selection without its surrounding whitespace and loose punctuation lies inside the
    # snapped span.
    first, last = start, end
    while first < last and is_loose(text, first):
        first += 1
    while last > first and is_loose(text, last - 1):
        last -= 1
    if first == last:
        assert snapped is None
        return
    s, e = snapped
    assert 0 <= s < e <= len(text)
    assert not text[s].isspace() and not text[e - 1].isspace()
    assert s <= first and last <= e


@given(text_and_selection())
def test_a_snapped_span_never_cuts_a_word_in_two(case):
    text, start, end = case
    snapped = snap_to_words(text, start, end)
    if snapped is None:
        return
    s, e = snapped
    assert s == 0 or not (is_word_char(text[s - 1]) and is_word_char(text[s]))
    assert e == len(text) or not (is_word_char(text[e - 1]) and is_word_char(text[e]))


@given(text_and_selection())
def test_a_snapped_span_keeps_quotation_marks_balanced(case):
    """Every quotation mark in the span has its partner in the span (or has none at all)."""
    text, start, end = case
    snapped = snap_to_words(text, start, end)
    if snapped is None:
        return
    s, e = snapped
    partners = quote_partners(text, text.rfind("\n", 0, s) + 1, _paragraph_end(text, e))
    for position in range(s, e):
        if text[position] in QUOTE_PAIRS or text[position] in QUOTE_PAIRS.values():
            assert s <= partners.get(position, position) < e, (text, start, end, snapped)


def _paragraph_end(text, position):
    found = text.find("\n", position)
    return len(text) if found < 0 else found


def test_a_colon_or_comma_at_either_end_of_a_drag_is_left_out():
    text = "وقال، سالم الدوسري: إن الفريق بلغ ٣٫٢٪."
    name = text.index("سالم الدوسري")
    dragged = (name - 2, text.index(":") + 1)  # from the comma before to the colon after
    assert snap_to_words(text, *dragged) == (name, name + len("سالم الدوسري"))
    number = text.index("٣٫٢٪")
    assert snap_to_words(text, number, len(text)) == (number, number + len("٣٫٢٪"))
    assert snap_to_words(text, text.index(":"), text.index(":") + 2) is None
