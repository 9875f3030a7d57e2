"""File names made from document titles: valid everywhere, Arabic kept, never a way out."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.core.errors import ExportError
from annotator.core.store.files import path_inside, replacing, safe_filename, unique_name


def test_arabic_titles_are_kept():
    assert safe_filename("تصريحات قاآني حول غزة", "doc") == "تصريحات قاآني حول غزة"


def test_path_separators_and_windows_characters_become_spaces():
    assert safe_filename('قاآني: "سيف القدس" a/b\\c<d>e|f?g*h', "doc") == (
        "قاآني سيف القدس a b c d e f g h"
    )


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("../../x", "x"),
        ("/etc/passwd", "etc passwd"),
        ("..", "doc"),
        (".hidden", "hidden"),
        ("trailing. . ", "trailing"),
        ("", "doc"),
        ("   ", "doc"),
    ],
)
def test_titles_that_climb_or_hide_are_made_plain(title, expected):
    assert safe_filename(title, "doc") == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("CON", "_CON"),
        ("con", "_con"),
        ("NUL.txt", "_NUL.txt"),
        ("com1", "_com1"),
        ("LPT9.tar.gz", "_LPT9.tar.gz"),
        ("AUX ", "_AUX"),
        ("CONSOLE", "CONSOLE"),
        ("COM10", "COM10"),
    ],
)
def test_reserved_device_names_get_a_leading_underscore(title, expected):
    assert safe_filename(title, "doc") == expected


def test_control_and_bidi_characters_are_dropped_and_joiners_kept():
    title = "\u202eabc\u202c\u200f \u2066x\u2069\x00\x07 می\u200cخواهم"
    assert safe_filename(title, "doc") == "abc x می\u200cخواهم"


def test_line_breaks_and_tabs_become_single_spaces():
    assert safe_filename("سطر\nثان\t\u2028ثالث", "doc") == "سطر ثان ثالث"


def test_the_fallback_is_used_and_made_safe_when_the_title_has_nothing_left():
    assert safe_filename("\u200f\u200e", "../id") == "id"
    assert safe_filename("", "") == "document"


def test_a_long_title_is_cut_to_120_bytes_on_a_word():
    name = safe_filename("كلمة " * 60, "doc")
    assert len(name.encode("utf-8")) <= 120
    assert name.endswith("كلمة") and "  " not in name


def test_a_long_word_is_cut_at_a_character_never_inside_one():
    name = safe_filename("😀" * 100, "doc")
    assert name == "😀" * 30


@given(st.text(max_size=300), st.text(max_size=20))
def test_any_title_gives_a_short_plain_name(title, fallback):
    name = safe_filename(title, fallback)
    assert name and len(name.encode("utf-8")) <= 120
    assert not set(name) & set('/\\<>:"|?*\x00\n\r\t')
    assert not name.startswith((".", " ")) and not name.endswith((".", " "))


def test_names_are_unique_ignoring_case():
    taken: set[str] = set()
    names = [unique_name(n, taken) for n in ["Report", "report", "REPORT", "report-2"]]
    assert names == ["Report", "report-2", "REPORT-3", "report-2-2"]


def test_a_suffix_keeps_the_name_within_the_byte_limit():
    long = "ب" * 60  # 120 bytes
    taken = {long.casefold()}
    name = unique_name(long, taken)
    assert name.endswith("-2") and len(name.encode("utf-8")) <= 120


@pytest.mark.parametrize("name", ["../x.txt", "a/b.txt", "..", "", "."])
def test_a_name_that_would_leave_the_folder_is_refused(tmp_path, name):
    with pytest.raises(ExportError, match="outside"):
        path_inside(tmp_path, name)


def test_a_plain_name_stays_inside_the_folder(tmp_path):
    assert path_inside(tmp_path, "تقرير.txt") == tmp_path.resolve() / "تقرير.txt"


def test_a_file_is_written_completely_or_not_at_all(tmp_path):
    target = tmp_path / "out.txt"
    with pytest.raises(RuntimeError), replacing(target) as handle:
        handle.write("half")
        raise RuntimeError("interrupted")
    assert list(tmp_path.iterdir()) == []


def test_an_existing_file_is_replaced_only_when_asked(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(ExportError, match=r"out\.txt exists; use --force to overwrite"):
        with replacing(target) as handle:
            handle.write("new")
    assert target.read_text(encoding="utf-8") == "old"
    with replacing(target, overwrite=True) as handle:
        handle.write("new")
    assert target.read_text(encoding="utf-8") == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]
