"""Interface strings composed from parts: each inserted part is isolated, numbers follow the
digit setting, and taking the controls away gives the sentence as written."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core import bidi
from annotator.core.arabic.text import one_line
from annotator.core.bidi import FSI, LRI, PDI, compose, isolate, ltr, number, plain, quote


@pytest.fixture(autouse=True)
def western_digits():
    yield
    bidi.set_digits("western")


def test_user_text_becomes_a_first_strong_isolate_and_ids_left_to_right_ones():
    text = compose("%1: %2", ltr("000_41ac67127a0642cf"), "قال الوزير")
    assert text == f"{LRI}000_41ac67127a0642cf{PDI}: {FSI}قال الوزير{PDI}"


def test_a_quoted_span_keeps_its_guillemets_outside_and_its_ellipsis_inside():
    span = '"إن الحكومة ستعلن القرار غدا في مؤتمر صحفي"'
    quoted = quote(span, 12)
    assert quoted == f"«{FSI}{span[:11]}…{PDI}»"


def test_controls_typed_into_user_text_cannot_close_the_isolate_early():
    assert isolate("a\u2069b\u202ec") == f"{FSI}abc{PDI}"


def test_numbers_follow_the_digit_setting_and_exports_do_not_call_it():
    assert number(1234) == f"{LRI}1234{PDI}"
    bidi.set_digits("arabic")
    assert number(1234) == f"{LRI}١٢٣٤{PDI}"
    assert number(0.5, 3) == f"{LRI}٠٫٥٠٠{PDI}"
    assert compose("%1 of %2", 3, 12) == f"{LRI}٣{PDI} of {LRI}١٢{PDI}"


def test_unknown_digit_setting_is_refused():
    with pytest.raises(ValueError, match="digits must be"):
        bidi.set_digits("roman")  # type: ignore[arg-type]


def test_a_placeholder_without_its_part_stays_as_written():
    assert compose("%1 and %2", "x") == f"{FSI}x{PDI} and %2"


parts = st.lists(st.text(alphabet=st.characters(exclude_categories=("Cs",))), max_size=4)


@settings(max_examples=200, deadline=None)
@given(parts)
def test_without_the_controls_a_composed_text_is_the_plain_sentence(values):
    template = " | ".join(f"%{n + 1}" for n in range(len(values)))
    assert plain(compose(template, *values)) == " | ".join(plain(v) for v in values)
    # every isolate opened is closed
    composed = compose(template, *values)
    opened = sum(composed.count(c) for c in (FSI, LRI, "\u2067"))
    assert opened == composed.count(PDI)


_parts = st.lists(
    st.one_of(
        st.text(alphabet="abc XYZ", max_size=12).map(ltr),
        st.text(alphabet="قال الوزير", max_size=12).map(isolate),
        st.text(alphabet="ابت :،", max_size=8),
    ),
    max_size=5,
)


@given(parts=_parts, limit=st.integers(min_value=0, max_value=40))
@settings(max_examples=200, deadline=None)
def test_elide_end_cuts_inside_the_open_isolates_and_keeps_them_balanced(parts, limit):
    text = "".join(parts)
    shown = bidi.elide_end(text, lambda t: len(plain(t)) <= limit)
    if len(plain(text)) <= limit:
        assert shown == text
        return
    assert plain(shown).endswith("…")
    assert text.startswith(shown[: shown.index("…")].rstrip()) or shown == "…"
    assert len(plain(shown)) <= limit or plain(shown) == "…"
    opened = sum(shown.count(c) for c in (bidi.LRI, bidi.RLI, FSI))
    assert opened == shown.count(PDI)
    # The mark sits inside the isolate that was cut: only a direction mark and closing PDIs
    # follow it.
    assert set(shown[shown.index("…") + 1 :]) <= {PDI, "\u200e", "\u200f"}


def test_a_latin_name_cut_in_an_arabic_cell_keeps_the_mark_at_its_end():
    text = compose("%1: %2", "المتحدث", ltr("Esmail Qaani Hani"))
    shown = bidi.elide_end(text, lambda t: len(plain(t)) <= 17)
    assert plain(shown) == "المتحدث: Esmail…"
    assert shown.endswith("…\u200e" + PDI)


def test_an_undo_text_cuts_its_span_after_a_whole_word():
    span = "الوضع الإنساني كارثي ولا يحتمل التأجيل أبدًا"
    shown = plain(quote(span))
    assert shown == "«الوضع الإنساني كارثي ولا…»"


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.text("ابتثجح", min_size=1, max_size=12), min_size=1, max_size=12),
    st.integers(4, 40),
)
def test_a_cut_line_ends_on_a_whole_word_unless_its_first_word_is_too_long(words, limit):
    text = " ".join(words)
    cut = one_line(text, limit)
    assert len(cut) <= limit
    if cut == text:
        return
    kept = cut[:-1]
    assert cut.endswith("…") and text.startswith(kept)
    whole_word = text[len(kept)] == " "
    assert (
        whole_word
        or (" " not in kept and len(words[0]) > limit // 2)
        or (kept.rfind(" ") < limit // 2)
    )
