"""Reading .txt articles from files and folders before anything is stored."""

import pytest

from annotator.core.errors import InputError
from annotator.core.formats import txt


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_folder_is_searched_recursively_for_txt_files(tmp_path):
    write(tmp_path / "may" / "gaza.txt", "خبر من غزة")
    write(tmp_path / "may" / "week2" / "quds.TXT", "خبر من القدس")
    articles = txt.read_articles([tmp_path / "may"])
    assert [(a.source, a.text) for a in articles] == [
        ("gaza.txt", "خبر من غزة"),
        ("quds.TXT", "خبر من القدس"),
    ]


def test_other_files_in_a_folder_are_ignored(tmp_path):
    write(tmp_path / "may" / "gaza.txt", "خبر من غزة")
    write(tmp_path / "may" / "notes.md", "ملاحظات")
    (tmp_path / "may" / "photo.jpg").write_bytes(b"\xff\xd8\xff\x00\x00")
    assert [a.source for a in txt.read_articles([tmp_path / "may"])] == ["gaza.txt"]


def test_a_file_named_on_its_own_is_read_whatever_its_extension(tmp_path):
    article = write(tmp_path / "gaza.article", "خبر من غزة")
    assert [a.text for a in txt.read_articles([article])] == ["خبر من غزة"]


def test_a_folder_without_articles_is_refused(tmp_path):
    write(tmp_path / "empty" / "notes.md", "ملاحظات")
    with pytest.raises(InputError, match="no .txt files in this folder"):
        txt.read_articles([tmp_path / "empty"])


def test_a_missing_path_is_refused_by_name(tmp_path):
    with pytest.raises(InputError, match="missing.txt: no such file or folder"):
        txt.read_articles([tmp_path / "missing.txt"])


def test_a_binary_file_is_refused_naming_the_file(tmp_path):
    photo = tmp_path / "photo.txt"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(InputError, match="photo.txt: binary file"):
        txt.read_articles([photo])


def test_a_control_character_is_refused_naming_the_line(tmp_path):
    article = write(tmp_path / "gaza.txt", "سطر أول\nسطر ثان\nسطر\x07 ثالث\n")
    with pytest.raises(InputError) as refused:
        txt.read_articles([article])
    assert str(refused.value) == (
        f"{article}:3: control character U+0007: a binary file, not a text article"
    )


def test_windows_line_ends_are_read_as_line_feeds(tmp_path):
    article = tmp_path / "gaza.txt"
    article.write_bytes("سطر أول\r\nسطر ثان\r\n".encode())
    assert txt.read_article(article).text == "سطر أول\nسطر ثان\n"


def test_a_windows_arabic_file_is_read_with_its_encoding(tmp_path):
    article = tmp_path / "gaza.txt"
    article.write_bytes("قال الوزير".encode("cp1256"))
    assert txt.read_article(article, encoding="cp1256").text == "قال الوزير"


def test_one_bad_file_in_a_batch_means_nothing_is_imported(project, tmp_path):
    write(tmp_path / "may" / "a-gaza.txt", "خبر من غزة")
    (tmp_path / "may" / "b-photo.txt").write_bytes(b"GIF89a\x00\x01")
    write(tmp_path / "may" / "c-quds.txt", "خبر من القدس")
    with pytest.raises(InputError, match="b-photo.txt"):
        project.import_texts(txt.read_articles([tmp_path / "may"]))
    assert project.documents() == []
