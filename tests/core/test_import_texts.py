"""Importing articles into a project: document ids, duplicates and re-imports."""

from annotator.core.formats import txt
from annotator.core.project import TextSource
from annotator.core.text import text_sha256


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
