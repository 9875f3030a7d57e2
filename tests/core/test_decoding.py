"""Reading the bytes of an article: byte order marks, line ends, encodings, and refusals."""

import codecs
import unicodedata

import pytest

from annotator.core.arabic.text import clean_text, decode_text
from annotator.core.errors import InputError

ARTICLE = "قالَ الوزيـــر: «نَعَمْ»\nوأضاف ١٢٣ 😀"


def test_a_utf8_byte_order_mark_is_dropped():
    assert decode_text(codecs.BOM_UTF8 + ARTICLE.encode("utf-8")) == ARTICLE


def test_utf16_little_endian_with_a_byte_order_mark_is_read():
    assert decode_text(codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le")) == ARTICLE


def test_utf16_big_endian_with_a_byte_order_mark_is_read():
    assert decode_text(codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be")) == ARTICLE


def test_windows_and_old_mac_line_ends_become_line_feeds():
    assert clean_text("سطر أول\r\nسطر ثان\rسطر ثالث\n") == "سطر أول\nسطر ثان\nسطر ثالث\n"


def test_a_bom_in_an_already_decoded_text_is_dropped():
    assert clean_text("\ufeffقال") == "قال"


def test_tashkeel_and_tatweel_are_kept_exactly():
    text = "كَتَبَ الصَّحَفِيُّ الـــخــبـــر"
    assert decode_text(text.encode("utf-8")) == text


@pytest.mark.parametrize("form", ["NFC", "NFD", "NFKC", "NFKD"])
def test_unicode_normalisation_form_is_kept_as_imported(form):
    original = unicodedata.normalize(form, "آمنة قالت: café ﻻ ١٢")
    assert decode_text(original.encode("utf-8")) == original


def test_text_without_bom_or_carriage_returns_is_unchanged():
    assert decode_text(ARTICLE.encode("utf-8")) == ARTICLE


def test_nul_bytes_mark_a_binary_file():
    with pytest.raises(InputError, match="binary"):
        decode_text(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "photo.txt")


def test_a_nul_character_in_utf16_text_is_refused():
    with pytest.raises(InputError, match="binary"):
        decode_text(codecs.BOM_UTF16_LE + "قال\x00".encode("utf-16-le"))


def test_an_empty_file_is_refused():
    with pytest.raises(InputError, match="empty file"):
        decode_text(b"", "empty.txt")


def test_a_file_of_only_whitespace_and_a_bom_is_refused():
    with pytest.raises(InputError, match="empty file"):
        decode_text(codecs.BOM_UTF8 + b" \r\n\t\n")


def test_invalid_utf8_is_refused_naming_the_file_and_line():
    data = "سطر أول\nسطر ثان\n".encode() + b"\xe1\xff broken\n"
    with pytest.raises(InputError) as refused:
        decode_text(data, "news.txt")
    assert str(refused.value).startswith("news.txt:3: not valid UTF-8")
    assert "--encoding" in str(refused.value)
    assert refused.value.line == 3


def test_windows_arabic_bytes_decode_with_the_encoding_given():
    assert decode_text("قال الوزير".encode("cp1256"), encoding="cp1256") == "قال الوزير"


def test_windows_arabic_bytes_are_recognised_without_the_encoding_given():
    assert decode_text("قال الوزير".encode("cp1256")) == "قال الوزير"


def test_an_unknown_encoding_name_is_refused():
    with pytest.raises(InputError, match="unknown encoding 'arabic-9'"):
        decode_text(b"text", encoding="arabic-9")
