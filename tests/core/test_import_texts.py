"""Importing articles into a project: document ids, duplicates and re-imports."""

import pytest

from annotator.core.arabic.text import text_sha256
from annotator.core.errors import Cancelled, ValidationError
from annotator.core.formats import txt
from annotator.core.store.project import TextSource


def test_importing_the_sample_article_stores_its_text_exactly(project, seed_article, seed_text):
    report = project.import_texts(txt.read_articles([seed_article]))
    (document_id,) = report.added
    document = project.document(document_id)
    assert document.text == seed_text
    assert document.sha256 == text_sha256(seed_text)
    assert document.source == seed_article.name


def test_the_first_line_is_the_title(project):
    project.import_texts([TextSource("\n  عنوان الخبر  \nنص الخبر", source="a.txt")])
    assert project.documents()[0].title == "عنوان الخبر"


def test_a_document_id_is_the_file_name_without_extension(project):
    report = project.import_texts([TextSource("قال الوزير", source="gaza-2021-05.txt")])
    assert report.added == ("gaza-2021-05",)


def test_a_second_file_with_the_same_name_gets_a_numbered_id(project):
    report = project.import_texts(
        [
            TextSource("خبر أول", source="article.txt"),
            TextSource("خبر ثان", source="article.txt"),
        ]
    )
    assert report.added == ("article", "article-2")


def test_a_clashing_name_in_a_later_import_gets_a_numbered_id(project):
    project.import_texts([TextSource("خبر أول", source="article.txt")])
    report = project.import_texts([TextSource("خبر ثان", source="article.txt")])
    assert report.added == ("article-2",)


def test_importing_the_same_article_again_skips_it_and_says_where_it_is(
    seeded_project, seed_article, seed_id
):
    report = seeded_project.import_texts(txt.read_articles([seed_article]))
    assert report.added == ()
    assert report.skipped == ((seed_article.name, seed_id),)
    assert len(seeded_project.documents()) == 1


def test_the_same_text_twice_in_one_batch_is_stored_once(project):
    report = project.import_texts(
        [
            TextSource("قال الوزير", source="first.txt"),
            TextSource("قال الوزير", source="copy.txt"),
        ]
    )
    assert report.added == ("first",)
    assert report.skipped == (("copy.txt", "first"),)
    assert len(project.documents()) == 1


def test_a_document_knows_its_annotation_count_and_length(seeded_project, seed_text):
    (summary,) = seeded_project.documents()
    assert (summary.length, summary.annotation_count, summary.status) == (len(seed_text), 0, "todo")


def test_an_id_given_by_the_data_is_kept(project):
    report = project.import_texts([TextSource("قال الوزير", source="may.csv", id="A-7", line=2)])
    assert report.added == ("A-7",)


def test_a_given_id_that_another_text_holds_refuses_the_whole_import(project):
    project.import_texts([TextSource("خبر أول", source="may.csv", id="A-7", line=2)])
    with pytest.raises(ValidationError, match="may.csv:3: document id 'A-7' is already used"):
        project.import_texts(
            [
                TextSource("خبر جديد", source="may.csv", id="B-1", line=2),
                TextSource("خبر ثان", source="may.csv", id="A-7", line=3),
            ]
        )
    assert [d.id for d in project.documents()] == ["A-7"]


def test_a_file_name_id_steps_aside_for_an_id_given_later_in_the_batch(project):
    report = project.import_texts(
        [TextSource("خبر نصي", source="x.txt"), TextSource("خبر من جدول", source="t.csv", id="x")]
    )
    assert report.added == ("x-2", "x")


def test_progress_counts_every_article_including_skipped_ones(project):
    calls = []
    project.import_texts(
        [TextSource("خبر", source="a.txt"), TextSource("خبر", source="b.txt")],
        progress=lambda *call: calls.append(call),
    )
    assert calls == [(1, 2), (2, 2)]


def test_cancelling_an_import_stores_nothing(seeded_project):
    before = seeded_project.documents()
    articles = [TextSource(f"خبر {n}", source=f"{n}.txt") for n in range(10)]
    answers = iter([False] * 5 + [True])
    with pytest.raises(Cancelled):
        seeded_project.import_texts(articles, cancel=lambda: next(answers))
    assert seeded_project.documents() == before
