"""Which encoding an article file is in: detected from its bytes, or named by the researcher."""

import codecs

import pytest

from annotator.core.arabic.encoding import decode
from annotator.core.arabic.text import decode_text, text_sha256
from annotator.core.errors import InputError

# How archives hand out the same article, and the codec it must be read with.
FORMS = {
    "UTF-8": (lambda t: t.encode("utf-8"), "utf-8"),
    "UTF-8 with BOM": (lambda t: codecs.BOM_UTF8 + t.encode("utf-8"), "utf-8-sig"),
    "UTF-16 LE with BOM": (lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"), "utf-16"),
    "UTF-16 BE with BOM": (lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"), "utf-16"),
    "UTF-16 LE without BOM": (lambda t: t.encode("utf-16-le"), "utf-16-le"),
    "UTF-16 BE without BOM": (lambda t: t.encode("utf-16-be"), "utf-16-be"),
    "UTF-32 with BOM": (lambda t: t.encode("utf-32"), "utf-32"),
    "Windows-1256": (lambda t: t.encode("cp1256"), "cp1256"),
    "ISO-8859-6": (lambda t: t.encode("iso8859-6"), "iso8859-6"),
}

SNIPPETS = [
    "قال الوزير إن المفاوضات مستمرة",
    "أكد العميد قاآني وقوف إيران إلى جانب الحق الفلسطيني",
    "السلام عليكم ورحمة الله وبركاته",
    'في غزة، قال المتحدث: "نعم" للهدنة؟',
    "وأضاف أن الوفد سيصل غداً إلى القاهرة",
    "كَتَبَ الصَّحَفِيُّ الخبرَ في الصباح",
]


@pytest.mark.parametrize("form", FORMS)
def test_the_sample_article_reads_the_same_in_every_encoding(form, seed_text):
    encode, codec = FORMS[form]
    decoded = decode(encode(seed_text), "article.txt")
    assert decoded.text == seed_text
    assert text_sha256(decoded.text) == text_sha256(seed_text)
    assert decoded.encoding == codec


@pytest.mark.parametrize("codec", ["cp1256", "iso8859-6"])
@pytest.mark.parametrize("snippet", SNIPPETS)
def test_a_short_arabic_sentence_in_a_legacy_code_page_is_recognised(snippet, codec):
    decoded = decode(snippet.encode(codec))
    assert (decoded.text, decoded.encoding) == (snippet, codec)


def test_short_utf16_without_bom_and_without_spaces_is_recognised():
    assert decode_text("قال".encode("utf-16-le")) == "قال"


def test_windows_line_ends_in_a_legacy_code_page_become_line_feeds():
    assert decode_text("سطر أول\r\nسطر ثان".encode("cp1256")) == "سطر أول\nسطر ثان"


def test_a_named_encoding_overrides_detection():
    data = "قال الوزير إن المفاوضات مستمرة".encode("iso8859-6")
    assert decode(data).encoding == "iso8859-6"
    forced = decode(data, encoding="cp1256")
    assert forced.encoding == "cp1256"
    assert forced.text != decode(data).text


def test_two_words_that_are_ambiguous_between_code_pages_read_right_with_the_encoding_named():
    # «هو» in ISO-8859-6 is «من» in Windows-1256: both real words, detection cannot tell.
    assert decode_text("هو".encode("iso8859-6"), encoding="iso8859-6") == "هو"


def test_an_encoding_detection_never_guesses_can_be_named():
    text = "قال الوزير"
    assert decode_text(text.encode("mac_arabic"), encoding="mac_arabic") == text


def test_a_named_encoding_that_does_not_fit_is_refused_naming_the_line():
    data = "سطر أول\nقال الوزير".encode("cp1256")
    with pytest.raises(InputError) as refused:
        decode(data, "news.txt", encoding="utf-8")
    assert str(refused.value) == r"news.txt:1: not valid utf-8 text (byte b'\xd3')"


def test_a_transform_that_is_not_a_text_encoding_is_refused():
    with pytest.raises(InputError, match="'rot13' is not a text encoding"):
        decode(b"text", encoding="rot13")


def test_damaged_utf8_is_not_mistaken_for_a_legacy_code_page():
    data = "سطر أول\nسطر ثان\n".encode() + b"\xd8 \xff\n"
    with pytest.raises(InputError) as refused:
        decode(data, "news.txt")
    assert str(refused.value).startswith("news.txt:3: not valid UTF-8")


def test_a_text_that_is_not_arabic_in_an_unknown_encoding_is_refused_with_a_hint():
    data = "Ceci est un café très célèbre à Paris, où l'été est chaud.".encode("cp1252")
    with pytest.raises(InputError) as refused:
        decode(data, "paris.txt")
    message = str(refused.value)
    assert message.startswith("paris.txt: not UTF-8, and not Arabic text")
    assert "charset-normalizer guesses" in message and "--encoding" in message
    assert decode_text(data, encoding="cp1252").startswith("Ceci est un café")


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
        b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03",
        b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00",
        b"%PDF-1.7\n\x00\x01\x02\x03\xff\xfe",
        b"\x00\x00\x00\x00",
        b"\x00",
    ],
    ids=["png", "gzip", "elf", "pdf", "nul bytes", "one nul"],
)
def test_binary_files_are_refused(data):
    with pytest.raises(InputError, match="binary file"):
        decode(data, "photo.txt")


def test_nul_bytes_on_one_side_that_do_not_give_text_are_refused_as_binary():
    # The UTF-16 pattern (NUL on the odd bytes) but control characters when decoded.
    with pytest.raises(InputError, match="binary file"):
        decode(bytes([1, 0, 2, 0, 3, 0, 4, 0]), "data.bin")


def test_nul_bytes_on_one_side_that_give_chinese_are_refused_as_binary():
    data = "这是一个二进制文件".encode("utf-16-le")[:-1] + b"\x00\x00\x00"
    with pytest.raises(InputError, match="binary file"):
        decode(data, "data.bin")


def test_control_characters_in_a_legacy_code_page_are_refused_naming_the_line():
    data = "سطر أول\nقال\x01 الوزير".encode("cp1256")
    with pytest.raises(InputError) as refused:
        decode(data, "news.txt")
    assert str(refused.value) == (
        "news.txt:2: control character U+0001: a binary file, not a text article"
    )


@pytest.mark.parametrize("data", [b"", b" \n\t", codecs.BOM_UTF8, codecs.BOM_UTF16_LE])
def test_an_empty_file_is_refused(data):
    with pytest.raises(InputError, match="news.txt: empty file"):
        decode(data, "news.txt")


def test_a_lone_surrogate_in_utf8_is_refused_naming_the_line():
    data = "سطر أول\n".encode() + b"\xed\xa0\x80 \xd9\x82\n"
    with pytest.raises(InputError) as refused:
        decode(data, "news.txt")
    assert str(refused.value) == "news.txt:2: lone surrogate in UTF-8 text: the file is damaged"


def test_a_lone_surrogate_in_utf16_is_refused_naming_the_line():
    data = codecs.BOM_UTF16_LE + "سطر أول\nقال".encode("utf-16-le") + b"\x00\xd8a\x00"
    with pytest.raises(InputError) as refused:
        decode(data, "news.txt")
    assert str(refused.value) == "news.txt:2: lone surrogate in UTF-16 text: the file is damaged"


def test_utf16_cut_in_the_middle_of_a_character_is_refused():
    data = codecs.BOM_UTF16_LE + "قال".encode("utf-16-le") + b"\x42"
    with pytest.raises(InputError, match="ends inside a character"):
        decode(data, "news.txt")
