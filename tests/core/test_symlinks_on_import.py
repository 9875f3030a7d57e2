"""An import stays inside what the researcher chose: symbolic links in a folder are not followed.

Real links in tmp_path: to a file outside the folder, to a folder outside it, to a private file
like /etc/passwd, and a loop. Each is left out and reported with its reason; a link named on
its own is read only when it leads to a regular file.
"""

import os
from pathlib import Path

import pytest

from annotator.core import formats
from annotator.core.errors import InputError
from annotator.core.formats import brat, txt
from annotator.core.formats.articles import import_batch, read_articles

NEWS = "قال المتحدث إن الاجتماع انتهى."
PRIVATE = "root:x:0:0:root:/root:/bin/bash"


@pytest.fixture
def corpus(tmp_path):
    """A folder with one article of its own, and private files beside it (outside it)."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "news.txt").write_text(NEWS, encoding="utf-8")
    outside = tmp_path / "private"
    outside.mkdir()
    (outside / "secret.txt").write_text("رسالة خاصة لا تخص المشروع.", encoding="utf-8")
    (outside / "passwd").write_text(PRIVATE, encoding="utf-8")
    return folder


def imported_texts(project, folder):
    batch = read_articles([folder])
    outcome = import_batch(project, batch)
    assert outcome.stored
    return [project.text(doc_id) for doc_id in outcome.report.added], outcome


def reasons(outcome):
    return {Path(note.path).name: note.reason for note in outcome.ignored}


def test_a_link_to_a_file_outside_the_folder_is_skipped_and_reported(project, corpus):
    (corpus / "letter.txt").symlink_to(corpus.parent / "private" / "secret.txt")
    texts, outcome = imported_texts(project, corpus)
    assert texts == [NEWS]
    assert "symbolic link" in reasons(outcome)["letter.txt"]
    assert "not followed" in reasons(outcome)["letter.txt"]


def test_a_link_to_a_system_file_is_never_imported(project, corpus):
    (corpus / "passwd.txt").symlink_to(corpus.parent / "private" / "passwd")
    texts, outcome = imported_texts(project, corpus)
    assert PRIVATE not in texts
    assert "private/passwd" in reasons(outcome)["passwd.txt"]


def test_a_link_to_a_folder_outside_is_not_entered(project, corpus):
    (corpus / "more").symlink_to(corpus.parent / "private", target_is_directory=True)
    texts, outcome = imported_texts(project, corpus)
    assert texts == [NEWS]
    assert "symbolic link" in reasons(outcome)["more"]


def test_a_link_to_a_file_inside_the_folder_is_skipped_too(project, corpus):
    (corpus / "again.txt").symlink_to(corpus / "news.txt")
    texts, outcome = imported_texts(project, corpus)
    assert texts == [NEWS]
    assert "again.txt" in reasons(outcome)


def test_a_link_loop_is_skipped_not_followed(project, corpus):
    (corpus / "loop").symlink_to(corpus / "loop")
    (corpus / "up").symlink_to(corpus, target_is_directory=True)
    texts, outcome = imported_texts(project, corpus)
    assert texts == [NEWS]
    assert {"loop", "up"} <= set(reasons(outcome))


def test_a_link_deep_inside_a_subfolder_is_skipped(project, corpus):
    (corpus / "2024" / "june").mkdir(parents=True)
    (corpus / "2024" / "june" / "x.txt").symlink_to(corpus.parent / "private" / "secret.txt")
    texts, outcome = imported_texts(project, corpus)
    assert texts == [NEWS]
    assert "x.txt" in reasons(outcome)


def test_a_pipe_in_the_folder_is_skipped_without_waiting_on_it(project, corpus):
    os.mkfifo(corpus / "stream.txt")
    texts, outcome = imported_texts(project, corpus)
    assert texts == [NEWS]
    assert "not a regular file" in reasons(outcome)["stream.txt"]


def test_a_link_named_on_its_own_is_read_when_it_leads_to_a_regular_file(project, corpus):
    link = corpus.parent / "chosen.txt"
    link.symlink_to(corpus.parent / "private" / "secret.txt")
    batch = read_articles([link])
    assert batch.problems == []
    assert [a.text for a in batch.sources] == ["رسالة خاصة لا تخص المشروع."]


@pytest.mark.parametrize(
    "target, kind",
    [("private", "a folder"), ("missing.txt", "no regular file"), ("loop.txt", "no regular file")],
)
def test_a_link_named_on_its_own_to_anything_else_is_refused(project, corpus, target, kind):
    link = corpus.parent / "chosen"
    link.symlink_to(corpus.parent / target)
    if target == "loop.txt":
        (corpus.parent / "loop.txt").symlink_to(link)
    batch = read_articles([link])
    (problem,) = batch.problems
    assert problem.path == str(link)
    assert f"a symbolic link to {kind}" in problem.reason
    assert batch.sources == []


def test_the_plain_text_reader_does_not_follow_links_either(corpus):
    (corpus / "letter.txt").symlink_to(corpus.parent / "private" / "secret.txt")
    assert [a.text for a in txt.read_articles([corpus])] == [NEWS]
    with pytest.raises(InputError, match="symbolic link to a folder"):
        txt.read_articles([_link(corpus.parent / "linked", corpus)])


def _link(link, target):
    link.symlink_to(target, target_is_directory=target.is_dir())
    return link


def test_a_brat_folder_with_a_linked_ann_file_is_refused_naming_it(project, tmp_path):
    folder = tmp_path / "brat"
    folder.mkdir()
    (folder / "doc.txt").write_text(NEWS, encoding="utf-8")
    (folder / "doc.ann").write_text("", encoding="utf-8")
    elsewhere = tmp_path / "elsewhere.ann"
    elsewhere.write_text("", encoding="utf-8")
    (folder / "other.ann").symlink_to(elsewhere)
    with pytest.raises(InputError, match="symbolic link") as raised:
        formats.import_annotations(project, folder, "amina")
    assert "other.ann" in str(raised.value)
    assert brat.ann_files(folder / "doc.ann") == [folder / "doc.ann"]


def test_a_brat_folder_whose_text_beside_the_ann_is_a_link_is_refused(project, tmp_path):
    folder = tmp_path / "brat"
    folder.mkdir()
    (tmp_path / "private.txt").write_text(PRIVATE, encoding="utf-8")
    (folder / "doc.txt").symlink_to(tmp_path / "private.txt")
    (folder / "doc.ann").write_text("", encoding="utf-8")
    with pytest.raises(InputError, match="symbolic link"):
        formats.import_annotations(project, folder, "amina")
    assert project.documents() == []
