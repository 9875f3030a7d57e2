"""Code-point offsets (the store) against UTF-16 offsets (Qt) on Arabic text with emoji."""

from hypothesis import given
from hypothesis import strategies as st

from annotator.core.arabic.text import Utf16Map

ARABIC_LETTERS = st.characters(min_codepoint=0x0621, max_codepoint=0x064A)
TASHKEEL = st.characters(min_codepoint=0x064B, max_codepoint=0x0652)
TATWEEL = st.just("\u0640")
EMOJI = st.characters(min_codepoint=0x1F300, max_codepoint=0x1FAFF)
OTHER_ASTRAL = st.sampled_from(["\U0001d400", "\U00020000", "\U0001f1f8", "\U00010348"])
LATIN = st.characters(min_codepoint=0x0041, max_codepoint=0x024F)
ASCII = st.characters(min_codepoint=0x20, max_codepoint=0x7E)
ARABIC_INDIC_DIGITS = st.characters(min_codepoint=0x0660, max_codepoint=0x0669)
SPACES = st.sampled_from([" ", "\n", "\u00a0"])

mixed_text = st.text(
    alphabet=st.one_of(
        ARABIC_LETTERS, TASHKEEL, TATWEEL, EMOJI, OTHER_ASTRAL, LATIN, ASCII,
        ARABIC_INDIC_DIGITS, SPACES,
    ),
    max_size=60,
)  # fmt: skip


def utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def test_text_without_astral_characters_has_the_same_offsets_in_both_units():
    text = "قالَ الوزيـــر ١٢٣ news"
    offsets = Utf16Map(text)
    assert [offsets.to_utf16(cp) for cp in range(len(text) + 1)] == list(range(len(text) + 1))
    assert [offsets.to_codepoint(u) for u in range(len(text) + 1)] == list(range(len(text) + 1))


def test_an_emoji_takes_two_utf16_units_and_shifts_what_follows():
    text = "قال 😀 الوزير"
    offsets = Utf16Map(text)
    assert offsets.to_utf16(4) == 4  # the emoji itself starts where it starts
    assert offsets.to_utf16(5) == 6  # the space after it is one unit further on
    assert offsets.to_utf16(len(text)) == len(text) + 1
    assert offsets.to_codepoint(6) == 5


def test_a_position_inside_a_surrogate_pair_maps_to_the_start_of_its_character():
    text = "أ😀ب𝐀ج"
    offsets = Utf16Map(text)
    assert offsets.to_codepoint(2) == 1  # between the halves of 😀
    assert offsets.to_codepoint(5) == 3  # between the halves of 𝐀


def test_two_emoji_in_a_row_are_told_apart():
    text = "😀😀"
    offsets = Utf16Map(text)
    assert [offsets.to_codepoint(u) for u in range(5)] == [0, 0, 1, 1, 2]


@given(mixed_text)
def test_utf16_offset_is_the_length_of_the_prefix_in_utf16_units(text):
    offsets = Utf16Map(text)
    for cp in range(len(text) + 1):
        assert offsets.to_utf16(cp) == utf16_length(text[:cp])


@given(mixed_text)
def test_every_code_point_offset_survives_a_round_trip_through_utf16(text):
    offsets = Utf16Map(text)
    for cp in range(len(text) + 1):
        assert offsets.to_codepoint(offsets.to_utf16(cp)) == cp


@given(mixed_text)
def test_every_utf16_position_maps_to_the_character_that_holds_it(text):
    offsets = Utf16Map(text)
    for u16 in range(utf16_length(text) + 1):
        cp = offsets.to_codepoint(u16)
        assert 0 <= cp <= len(text)
        # The character starts at or just before the UTF-16 position: never after it.
        assert utf16_length(text[:cp]) <= u16
        if cp < len(text):
            assert u16 < utf16_length(text[: cp + 1])
