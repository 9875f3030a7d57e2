"""Bringing articles in from .txt, .csv, .tsv and .jsonl files, and the batch rule."""

import json
from pathlib import Path

import pytest

from annotator.core.errors import Cancelled, InputError
from annotator.core.formats.articles import (
    ColumnMapping,
    Problem,
    import_batch,
    preview_table,
    read_articles,
)
from annotator.core.paths import seeds_dir
from annotator.core.store.project import TextSource


def write(path, text, encoding="utf-8"):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))
    return path


def write_jsonl(path, *objects):
    return write(path, "".join(json.dumps(o, ensure_ascii=False) + "\n" for o in objects))


def read_one(path, **options):
    """The articles of a file (or list of paths) that must be read without problems."""
    batch = read_articles(path if isinstance(path, list) else [path], **options)
    assert batch.problems == []
    return batch.sources


def refusals(path, **options):
    batch = read_articles([path], **options)
    assert batch.sources == []
    return [str(p) for p in batch.problems]


# ----------------------------------------------------------------- tables


def test_a_csv_row_is_an_article_with_its_id_title_and_metadata(tmp_path):
    table = write(
        tmp_path / "may.csv",
        "id,title,text,outlet,date\n"
        "gaza-1,هدنة في غزة,قال الوزير إن الهدنة صامدة,الجزيرة,2021-05-21\n",
    )
    (article,) = read_one(table)
    assert article == TextSource(
        text="قال الوزير إن الهدنة صامدة",
        source="may.csv",
        title="هدنة في غزة",
        id="gaza-1",
        metadata={"outlet": "الجزيرة", "date": "2021-05-21"},
        line=2,
    )


def test_a_quoted_cell_keeps_line_breaks_commas_and_doubled_quotes(tmp_path):
    table = write(
        tmp_path / "may.csv",
        'id,text\n1,"قال الوزير، في بيان:\n""الهدنة صامدة""\n\nوأضاف: «نعم»"\n2,خبر ثان\n',
    )
    first, second = read_one(table)
    assert first.text == 'قال الوزير، في بيان:\n"الهدنة صامدة"\n\nوأضاف: «نعم»'
    assert (second.text, second.line) == ("خبر ثان", 6)


def test_windows_line_ends_in_a_table_become_line_feeds_inside_cells(tmp_path):
    table = write(tmp_path / "may.csv", 'id,text\r\n1,"سطر أول\r\nسطر ثان"\r\n')
    (article,) = read_one(table)
    assert article.text == "سطر أول\nسطر ثان"


def test_a_tsv_file_is_split_on_tabs(tmp_path):
    table = write(tmp_path / "may.tsv", "text\tsource\nقال الوزير، ثم صمت\tوكالة\n")
    (article,) = read_one(table)
    assert (article.text, dict(article.metadata)) == ("قال الوزير، ثم صمت", {"source": "وكالة"})


def test_a_semicolon_separated_csv_is_recognised_from_its_header(tmp_path):
    table = write(tmp_path / "excel.csv", "id;text\n7;قال الوزير, ثم صمت\n")
    (article,) = read_one(table)
    assert (article.id, article.text) == ("7", "قال الوزير, ثم صمت")


def test_columns_can_be_chosen_by_name(tmp_path):
    table = write(tmp_path / "may.csv", "ref,headline_ar,story\nA7,عنوان الخبر,نص الخبر\n")
    (article,) = read_one(table, columns=ColumnMapping(text="story", title="headline_ar", id="ref"))
    assert (article.id, article.title, article.text, article.metadata) == (
        "A7",
        "عنوان الخبر",
        "نص الخبر",
        {},
    )


def test_usual_column_names_are_found_whatever_their_case(tmp_path):
    table = write(tmp_path / "may.csv", "ID,Headline,Body\n3,عنوان,نص\n")
    (article,) = read_one(table)
    assert (article.id, article.title, article.text) == ("3", "عنوان", "نص")


def test_arabic_column_names_are_found(tmp_path):
    table = write(tmp_path / "may.csv", "العنوان,النص,المصدر\nعنوان الخبر,نص الخبر,وكالة\n")
    (article,) = read_one(table)
    assert (article.title, article.text, article.metadata) == (
        "عنوان الخبر",
        "نص الخبر",
        {"المصدر": "وكالة"},
    )


def test_without_a_title_column_the_first_line_of_the_text_is_the_title(project, tmp_path):
    table = write(tmp_path / "may.csv", 'text\n"\nعنوان في النص\nوالباقي"\n')
    import_batch(project, read_articles([table]))
    assert project.documents()[0].title == "عنوان في النص"


def test_an_empty_title_cell_falls_back_to_the_first_line(tmp_path):
    table = write(tmp_path / "may.csv", "title,text\n,سطر أول\n")
    (article,) = read_one(table)
    assert article.title is None


def test_a_table_in_windows_1256_is_read(tmp_path):
    table = write(tmp_path / "may.csv", "id,text\n1,قال الوزير إن الهدنة صامدة\n", "cp1256")
    (article,) = read_one(table)
    assert article.text == "قال الوزير إن الهدنة صامدة"


def test_blank_lines_and_rows_of_empty_cells_are_left_out(tmp_path):
    table = write(tmp_path / "may.csv", "id,text\n\n1,خبر\n,\n\n2,خبر آخر\n")
    assert [a.id for a in read_one(table)] == ["1", "2"]


def test_a_table_without_a_text_column_is_refused_listing_its_columns(tmp_path):
    table = write(tmp_path / "may.csv", "id,headline,outlet\n1,عنوان,وكالة\n")
    (message,) = refusals(table)
    assert message.startswith(f"{table}:1: no column holds the article text")
    assert "'id', 'headline', 'outlet'" in message


def test_a_named_column_that_is_missing_is_refused_listing_the_columns(tmp_path):
    table = write(tmp_path / "may.csv", "id,text\n1,خبر\n")
    assert refusals(table, columns=ColumnMapping(title="headline")) == [
        f"{table}:1: no column 'headline' for the title (columns: 'id', 'text')"
    ]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("id,text\n1,خبر\n2,\n", ":3: row 3: no text (the 'text' value is empty or missing)"),
        ("id,text\n1,خبر\n2,خبر,زائد\n", ":3: row 3 has 3 cells, the header has 2"),
        ("id,text\n1,خبر\n2\n", ":3: row 3 has 1 cells, the header has 2"),
        (
            'id,text\n1,خبر\n2,"خبر\nلا ينتهي\n',
            ":3: row 3: unbalanced quote: a quoted cell that starts in this row is never closed",
        ),
        (
            'id,text\n1,"خبر" وتتمة\n',
            ":2: row 2: text after the closing quote of a quoted cell (expected ',')",
        ),
        ("id,text\n,خبر\n", ":2: row 2: no id (the 'id' value is empty)"),
        (
            "id,text\n1,خبر\n1,خبر آخر\n",
            ":3: id '1' is also given to another text (may.csv:2)",
        ),
        ("id,text,id\n1,خبر,2\n", ":1: the header names column 'id' twice"),
        ("id,text\n", ":1: no articles: the table has a header row only"),
        ("id,text\n1,خبر\x07\n", ":2: control character U+0007: a binary file, not a text article"),
    ],
    ids=[
        "empty text",
        "too many cells",
        "too few cells",
        "unbalanced quote",
        "text after a quote",
        "empty id",
        "one id for two texts",
        "duplicate column",
        "header only",
        "control character",
    ],
)
def test_a_malformed_table_is_refused_naming_the_row(tmp_path, content, expected):
    table = write(tmp_path / "may.csv", content)
    (message,) = refusals(table)
    assert message.startswith(f"{table}{expected}"), message


def test_every_bad_row_of_a_table_is_listed(tmp_path):
    table = write(tmp_path / "may.csv", "id,text\n1,\n2,خبر\n3,\n4,خبر,زائد\n")
    assert [m.split(": ", 1)[0] for m in refusals(table)] == [
        f"{table}:2",
        f"{table}:4",
        f"{table}:5",
    ]


def test_a_flood_of_bad_rows_is_summed_up(tmp_path):
    table = write(tmp_path / "may.csv", "id,text\n" + "".join(f"{n},\n" for n in range(50)))
    messages = refusals(table)
    assert len(messages) == 21
    assert messages[-1] == f"{table}: and 30 more problem(s)"


# ----------------------------------------------------------------- JSON Lines


def test_a_json_line_is_an_article_with_its_other_keys_as_metadata(tmp_path):
    lines = write_jsonl(
        tmp_path / "may.jsonl",
        {"id": 12, "title": "هدنة", "text": "قال الوزير", "tags": ["غزة", "هدنة"], "n": 1.5},
    )
    (article,) = read_one(lines)
    assert article == TextSource(
        text="قال الوزير",
        source="may.jsonl",
        title="هدنة",
        id="12",
        metadata={"tags": ["غزة", "هدنة"], "n": 1.5},
        line=1,
    )


def test_json_keys_can_be_chosen_like_columns(tmp_path):
    lines = write_jsonl(tmp_path / "may.jsonl", {"story": "نص الخبر", "ref": "A7"})
    (article,) = read_one(lines, columns=ColumnMapping(text="story", id="ref"))
    assert (article.id, article.text) == ("A7", "نص الخبر")


def test_blank_lines_in_json_lines_are_skipped(tmp_path):
    lines = write(tmp_path / "may.jsonl", '\n{"text": "خبر"}\n\n{"text": "خبر آخر"}\n')
    assert [a.line for a in read_one(lines)] == [2, 4]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('{"text": "خبر"', "not valid JSON: Expecting ',' delimiter (column 15)"),
        ('["خبر"]', 'a JSON array, not an object ({"text": …})'),
        ('{"title": "عنوان"}', "no text (the 'text' value is empty or missing)"),
        ('{"text": 42}', "the 'text' value is not a string"),
        ('{"text": "خبر", "id": ["x"]}', "the 'id' value is missing or not a string"),
        ('{"text": "\\ud800 خبر"}', "lone surrogate (\\ud800-\\udfff) in a JSON string: not text"),
        ('{"text": "خبر", "x": {"y": "\\udfff"}}', "lone surrogate"),
        ('{"text": "خبر\\u0000"}', "binary file (contains NUL characters)"),
        ('{"text": "خبر", "n": NaN}', "not valid JSON: NaN is not a number in standard JSON"),
        ('{"text": "خبر", "n": 1e999}', "not valid JSON: the number 1e999 is out of range"),
        ('{"text": "خبر", "n": ' + "9" * 5000 + "}", "not valid JSON: a number with too many"),
        (
            '{"text": "خبر", "deep": ' + "[" * 100_000 + "]" * 100_000 + "}",
            "JSON nested too deeply",
        ),
    ],
    ids=[
        "broken JSON",
        "not an object",
        "no text",
        "text not a string",
        "id not a string",
        "lone surrogate",
        "lone surrogate in metadata",
        "NUL escape",
        "NaN",
        "huge float",
        "huge integer",
        "nesting bomb",
    ],
)
def test_a_bad_json_line_refuses_the_file_naming_the_line(tmp_path, line, expected):
    lines = write(tmp_path / "may.jsonl", '{"id": "a", "text": "خبر أول"}\n' + line + "\n")
    (message,) = refusals(lines)
    assert message.startswith(f"{lines}:2: {expected}"), message


def test_an_annotation_file_named_for_import_is_refused_with_a_hint(gold_file):
    (message,) = refusals(gold_file)
    assert "annotations (layer, start, end), not articles" in message
    assert "annotator import-annotations" in message


def test_this_tools_own_export_is_not_taken_for_articles(tmp_path):
    export = write_jsonl(
        tmp_path / "study.jsonl",
        {"type": "header", "format": "arabic-news-annotator", "version": 1},
        {"type": "document", "id": "d1", "text": "خبر"},
    )
    (message,) = refusals(export)
    assert "an export of annotations (it starts with a header line), not articles" in message


def test_an_annotation_file_found_in_a_folder_is_left_out_and_reported(seed_text, gold_file):
    batch = read_articles([seeds_dir()])
    assert [a.text for a in batch.sources] == [seed_text]
    assert batch.problems == []
    assert gold_file.name in [Path(note.path).name for note in batch.ignored]
    assert all("not articles" in note.reason for note in batch.ignored)


# ----------------------------------------------------------------- files and folders


def test_a_folder_is_searched_recursively_for_every_article_format(tmp_path):
    write(tmp_path / "in" / "a.txt", "خبر نصي")
    write(tmp_path / "in" / "2021" / "b.csv", "text\nخبر من جدول\n")
    write(tmp_path / "in" / "2021" / "c.tsv", "text\nخبر من جدول بعلامات\n")
    write_jsonl(tmp_path / "in" / "d" / "e.jsonl", {"text": "خبر من سطر"})
    write(tmp_path / "in" / "notes.md", "ملاحظات")
    write(tmp_path / "in" / ".hidden" / "f.txt", "خبر مخفي")
    write(tmp_path / "in" / ".~lock.b.csv", "قفل")
    texts = [a.text for a in read_one(tmp_path / "in")]
    assert texts == ["خبر من جدول", "خبر من جدول بعلامات", "خبر نصي", "خبر من سطر"]


def test_a_file_named_with_another_extension_is_read_as_text(tmp_path):
    article = write(tmp_path / "gaza.article", "خبر من غزة")
    assert [a.text for a in read_one(article)] == ["خبر من غزة"]


def test_missing_paths_and_folders_without_articles_are_problems(tmp_path):
    write(tmp_path / "empty" / "notes.md", "ملاحظات")
    batch = read_articles([tmp_path / "missing.txt", tmp_path / "empty"])
    assert [str(p) for p in batch.problems] == [
        f"{tmp_path / 'missing.txt'}: no such file or folder",
        f"{tmp_path / 'empty'}: no .txt, .csv, .tsv, .jsonl files in this folder",
    ]


def test_a_file_named_twice_is_read_once(tmp_path):
    article = write(tmp_path / "in" / "a.txt", "خبر")
    assert len(read_one([article, tmp_path / "in"])) == 1


def test_a_problem_reads_as_file_line_reason():
    assert str(Problem("may.csv", 3, "no text")) == "may.csv:3: no text"
    assert str(Problem("photo.txt", None, "binary file")) == "photo.txt: binary file"


def test_progress_is_reported_per_file(tmp_path):
    for name in "abc":
        write(tmp_path / "in" / f"{name}.txt", f"خبر {name}")
    calls = []
    read_articles([tmp_path / "in"], progress=lambda done, total: calls.append((done, total)))
    assert calls == [(0, 3), (1, 3), (2, 3), (3, 3)]


def test_cancelling_the_reading_raises_cancelled(tmp_path):
    write(tmp_path / "in" / "a.txt", "خبر")
    with pytest.raises(Cancelled):
        read_articles([tmp_path / "in"], cancel=lambda: True)


# ----------------------------------------------------------------- the batch rule


@pytest.fixture
def mixed_folder(tmp_path):
    """Two good files and one broken one."""
    folder = tmp_path / "in"
    write(folder / "a-good.txt", "خبر جيد")
    (folder / "b-photo.txt").write_bytes(b"GIF89a\x00\x01")
    write(folder / "c-table.csv", "id,text\nt1,خبر من جدول\nt2,\n")
    write(folder / "d-good.csv", "id,text\nd1,خبر من جدول سليم\n")
    return folder


def test_by_default_a_batch_with_a_problem_stores_nothing_and_lists_every_problem(
    project, mixed_folder
):
    outcome = import_batch(project, read_articles([mixed_folder]))
    assert not outcome.stored
    assert [str(p) for p in outcome.problems] == [
        f"{mixed_folder / 'b-photo.txt'}: binary file (contains NUL bytes), not a text article",
        f"{mixed_folder / 'c-table.csv'}:3: row 3: no text (the 'text' value is empty or missing)",
    ]
    assert outcome.report.added == ()
    assert project.documents() == []


def test_skipping_bad_files_stores_the_good_ones_whole(project, mixed_folder):
    outcome = import_batch(project, read_articles([mixed_folder]), skip_bad=True)
    assert outcome.stored and len(outcome.problems) == 2
    assert outcome.report.added == ("a-good", "d1")
    assert [d.id for d in project.documents()] == ["a-good", "d1"]


def test_an_article_already_in_the_project_is_skipped_whatever_its_format(
    seeded_project, seed_text, seed_id, tmp_path
):
    write_jsonl(tmp_path / "again.jsonl", {"id": "copy", "text": seed_text})
    outcome = import_batch(seeded_project, read_articles([tmp_path / "again.jsonl"]))
    assert outcome.report.skipped == (("again.jsonl:1", seed_id),)
    assert len(seeded_project.documents()) == 1


def test_an_id_given_to_two_texts_in_one_batch_refuses_the_later_file(tmp_path):
    write(tmp_path / "in" / "a.csv", "id,text\nx,خبر أول\n")
    write_jsonl(tmp_path / "in" / "b.jsonl", {"id": "x", "text": "خبر ثان"})
    batch = read_articles([tmp_path / "in"])
    assert [f.path for f in batch.files] == [str(tmp_path / "in" / "a.csv")]
    assert [str(p) for p in batch.problems] == [
        f"{tmp_path / 'in' / 'b.jsonl'}:1: id 'x' is also given to another text (a.csv:2)"
    ]


def test_an_id_the_project_gives_to_another_text_refuses_the_file(project, tmp_path):
    import_batch(project, read_articles([write(tmp_path / "a.csv", "id,text\nx,خبر أول\n")]))
    table = write(tmp_path / "b.csv", "id,text\ny,خبر ثالث\nx,خبر ثان\n")
    outcome = import_batch(project, read_articles([table]))
    assert [str(p) for p in outcome.problems] == [
        f"{table}:3: id 'x' is already in the project for another text"
    ]
    assert [d.id for d in project.documents()] == ["x"]


def test_the_same_id_and_text_again_is_a_skipped_duplicate(project, tmp_path):
    table = write(tmp_path / "a.csv", "id,text\nx,خبر أول\n")
    import_batch(project, read_articles([table]))
    outcome = import_batch(project, read_articles([table]))
    assert outcome.problems == () and outcome.report.skipped == (("a.csv:2", "x"),)


def test_a_made_up_id_does_not_take_an_id_given_later_in_the_batch(project, tmp_path):
    write(tmp_path / "in" / "a" / "x.txt", "خبر نصي")
    write(tmp_path / "in" / "b.csv", "id,text\nx,خبر من جدول\n")
    outcome = import_batch(project, read_articles([tmp_path / "in"]))
    assert sorted(outcome.report.added) == ["x", "x-2"]
    assert project.document("x").text == "خبر من جدول"


def test_importing_reports_progress_per_article(project, tmp_path):
    table = write(tmp_path / "a.csv", "text\n" + "".join(f"خبر {n}\n" for n in range(5)))
    calls = []
    import_batch(project, read_articles([table]), progress=lambda *call: calls.append(call))
    assert calls == [(n, 5) for n in range(1, 6)]


def test_cancelling_the_import_leaves_the_project_as_it_was(seeded_project, tmp_path):
    before = seeded_project.documents()
    table = write(tmp_path / "a.csv", "text\n" + "".join(f"خبر {n}\n" for n in range(50)))
    batch = read_articles([table])
    calls = []

    def cancel():
        calls.append(1)
        return len(calls) > 30

    with pytest.raises(Cancelled):
        import_batch(seeded_project, batch, cancel=cancel)
    assert seeded_project.documents() == before
    # The project is usable afterwards: the same batch imports in full.
    assert len(import_batch(seeded_project, batch).report.added) == 50


# ----------------------------------------------------------------- preview


def test_a_table_preview_shows_columns_rows_encoding_and_delimiter(tmp_path):
    rows = "".join(f"{n};خبر رقم {n};قال المتحدث في غزة إن الهدنة صامدة\n" for n in range(30))
    table = write(tmp_path / "may.csv", "id;title;body\n" + rows, "cp1256")
    preview = preview_table(table, limit=5)
    assert preview.columns == ["id", "title", "body"]
    assert preview.rows[0] == ["0", "خبر رقم 0", "قال المتحدث في غزة إن الهدنة صامدة"]
    assert len(preview.rows) == 5
    assert (preview.encoding, preview.delimiter) == ("cp1256", ";")
    assert preview.suggested == ColumnMapping(text="body", title="title", id="id")


def test_a_json_lines_preview_lists_every_key_met(tmp_path):
    lines = write_jsonl(
        tmp_path / "may.jsonl", {"text": "خبر", "n": 1}, {"text": "خبر آخر", "tags": ["غزة"]}
    )
    preview = preview_table(lines)
    assert preview.columns == ["text", "n", "tags"]
    assert preview.rows == [["خبر", "1", ""], ["خبر آخر", "", '["غزة"]']]
    assert (preview.encoding, preview.delimiter) == ("utf-8", None)


def test_a_preview_of_an_unreadable_file_raises_the_reason(tmp_path):
    table = tmp_path / "photo.csv"
    table.write_bytes(b"\x89PNG\x00\x00")
    with pytest.raises(InputError, match="binary file"):
        preview_table(table)
