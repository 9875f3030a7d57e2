"""The document list: find an article by a word of its title, open it, see its progress."""

import pytest
from PySide6.QtCore import Qt

from annotator.core.store.project import TextSource
from annotator.gui.document_list import DocumentList
from annotator.gui.models import DocumentListModel

SECOND = TextSource(
    text="وزير الخارجية يزور بغداد\nقال الوزير إن الزيارة تهدف إلى تعزيز العلاقات.\n",
    source="second.txt",
)


@pytest.fixture
def seed_id(workbench):
    return workbench.document_id


@pytest.fixture
def second_id(project):
    return project.import_texts([SECOND]).added[0]


@pytest.fixture
def documents(qtbot, workbench, second_id):
    documents = DocumentList(workbench)
    qtbot.addWidget(documents)
    documents.resize(500, 300)
    documents.show()
    qtbot.waitExposed(documents)
    return documents


def shown_titles(documents):
    proxy = documents.proxy
    return [proxy.index(row, DocumentListModel.TITLE).data() for row in range(proxy.rowCount())]


def row_rect(documents, document_id):
    index = documents.proxy.mapFromSource(
        documents.model.index(documents.model.row_of(document_id), 0)
    )
    return documents.view.visualRect(index)


def test_the_filter_finds_the_seed_article_by_an_arabic_word_of_its_title(
    documents, type_text, seed_id
):
    type_text(documents.filter_edit, "هنية")
    shown = documents.proxy.mapToSource(documents.proxy.index(0, 0)).row()
    assert documents.proxy.rowCount() == 1
    assert documents.model.document_id(shown) == seed_id


def test_the_filter_hides_the_seed_article_for_a_word_not_in_its_title(documents, type_text):
    type_text(documents.filter_edit, "بغداد")
    assert shown_titles(documents) == ["وزير الخارجية يزور بغداد"]
    documents.filter_edit.clear()
    assert len(shown_titles(documents)) == 2


def test_the_filter_ignores_hamza_spelling(documents, type_text):
    type_text(documents.filter_edit, "قااني")  # the title writes قاآني
    assert len(shown_titles(documents)) == 1


def test_clicking_a_row_opens_the_document(qtbot, documents, workbench, second_id):
    with qtbot.waitSignal(workbench.document_opened) as opened:
        qtbot.mouseClick(
            documents.view.viewport(),
            Qt.MouseButton.LeftButton,
            pos=row_rect(documents, second_id).center(),
        )
    assert opened.args == [second_id]
    assert workbench.document_id == second_id


def test_arrow_keys_move_through_the_documents_and_open_them(
    qtbot, documents, workbench, seed_id, second_id
):
    documents.view.setFocus()
    qtbot.keyClick(documents.view, Qt.Key.Key_Down)
    assert workbench.document_id == second_id
    qtbot.keyClick(documents.view, Qt.Key.Key_Up)
    assert workbench.document_id == seed_id


def test_a_document_opened_elsewhere_becomes_the_selected_row(documents, workbench, second_id):
    workbench.open_document(second_id)
    rows = documents.view.selectionModel().selectedRows()
    assert [documents.proxy.mapToSource(index).row() for index in rows] == [
        documents.model.row_of(second_id)
    ]


def test_filtering_never_opens_another_document(documents, workbench, type_text, seed_id):
    type_text(documents.filter_edit, "بغداد")
    assert workbench.document_id == seed_id
    documents.filter_edit.clear()
    assert workbench.document_id == seed_id
    assert documents.view.selectionModel().selectedRows()[0].row() == 0


def test_enter_in_the_filter_opens_the_first_match(
    qtbot, documents, workbench, type_text, second_id
):
    type_text(documents.filter_edit, "بغداد")
    qtbot.keyClick(documents.filter_edit, Qt.Key.Key_Return)
    assert workbench.document_id == second_id
    assert documents.view.hasFocus()


def test_count_and_status_follow_the_annotators_work(documents, workbench, seed_id):
    row = documents.model.row_of(seed_id)
    status = documents.model.index(row, DocumentListModel.STATUS)
    count = documents.model.index(row, DocumentListModel.ANNOTATIONS)
    assert (status.data(), count.data()) == ("todo", 0)

    start = workbench.text.index("إسماعيل هنية")
    workbench.tag("speaker", start, start + len("إسماعيل هنية"))
    assert (status.data(), count.data()) == ("in progress", 1)
    assert status.isValid()  # the row stayed: no reset

    workbench.set_status("done")
    assert status.data() == "done"
    workbench.undo_stack.undo()
    workbench.undo_stack.undo()
    assert (status.data(), count.data()) == ("in progress", 0)


def test_arabic_titles_are_aligned_right_and_latin_titles_left(project, workbench):
    project.import_texts([TextSource(text="Minister visits Baghdad\nBody.\n", source="en.txt")])
    model = DocumentListModel(project, workbench.annotator)
    alignments = [
        Qt.AlignmentFlag(
            model.index(row, DocumentListModel.TITLE).data(Qt.ItemDataRole.TextAlignmentRole)
        )
        for row in range(model.rowCount())
    ]
    assert alignments[0] & Qt.AlignmentFlag.AlignRight
    assert alignments[-1] & Qt.AlignmentFlag.AlignLeft


def test_a_titles_tip_gives_its_length_read_when_shown(documents, project):
    # The list is made without reading any text; each tip reads its own document's length,
    # in code points (what `annotator list --json` gives), not UTF-16 units.
    assert all(d.length is None for d in documents.model._documents)
    model = documents.model
    lengths = {d.id: d.length for d in project.documents()}
    assert len(lengths) == 2
    for row, summary in enumerate(model._documents):
        tip = model.index(row, DocumentListModel.TITLE).data(Qt.ItemDataRole.ToolTipRole)
        assert f"{lengths[summary.id]} character" in tip
        assert project.text_length(summary.id) == len(project.text(summary.id))
