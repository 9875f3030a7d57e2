"""The lists beside the article: columns as wide as what they hold, and Arabic in them at a size
that reads beside the article's."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontInfo
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QStyleOptionViewItem

from annotator.gui.models import ARABIC_SHARE, AnnotationTableModel, DocumentListModel


def cell_font_size(view, row, column):
    """The point size a cell's text is drawn at."""
    option = QStyleOptionViewItem()
    option.initFrom(view)
    view.itemDelegate().initStyleOption(option, view.model().index(row, column))
    return QFontInfo(option.font).pointSizeF()


def test_after_the_first_tag_the_layer_column_shows_its_name_beside_the_swatch(window):
    table = window.side_panel.table
    text = window.workbench.text
    start = text.index("العميد قاآني")
    window.article.select_span(start, start + len("العميد قاآني"))
    QTest.keyClick(window.article, Qt.Key.Key_S)
    QApplication.processEvents()
    assert table.model().rowCount() == 1
    header = table.horizontalHeader()
    needed = table.sizeHintForColumn(AnnotationTableModel.LAYER)
    assert header.sectionSize(AnnotationTableModel.LAYER) >= needed
    # The label's own width plus the swatch: more than the swatch and the header alone.
    label = table.fontMetrics().horizontalAdvance("Speaker")
    assert needed > label


def test_document_titles_are_whole_and_the_status_stays_in_sight(window):
    view = window.documents.view
    header = view.horizontalHeader()
    QApplication.processEvents()
    title = DocumentListModel.TITLE
    assert header.sectionSize(title) >= view.sizeHintForColumn(title)
    assert header.visualIndex(title) == header.count() - 1
    assert header.visualIndex(DocumentListModel.STATUS) == 0
    # In sight: the status and the start of the (right-to-left) title, though it is wider.
    shown = view.viewport().rect()
    status = view.visualRect(view.model().index(0, DocumentListModel.STATUS))
    whole = view.visualRect(view.model().index(0, title))
    assert whole.width() > shown.width()
    assert shown.contains(status.center())
    assert shown.left() <= whole.right() - 5 <= shown.right()


def test_arabic_in_the_lists_follows_the_article_size(window):
    start = window.workbench.text.index("العميد قاآني")
    window.workbench.tag("speaker", start, start + len("العميد قاآني"))
    QApplication.processEvents()
    cells = [
        (window.documents.view, DocumentListModel.TITLE, DocumentListModel.STATUS),
        (window.side_panel.table, AnnotationTableModel.TEXT, AnnotationTableModel.LAYER),
    ]
    for zoom in (window.article.point_size(), window.article.point_size() + 6):
        window.article.set_point_size(zoom)
        for view, arabic, latin in cells:
            assert cell_font_size(view, 0, arabic) >= zoom * ARABIC_SHARE - 0.5
            assert cell_font_size(view, 0, latin) == QFontInfo(view.font()).pointSizeF()
            # Rows tall enough for it.
            assert view.verticalHeader().defaultSectionSize() >= view.sizeHintForRow(0) - 4


def test_the_annotated_words_in_the_form_follow_the_article_size(window):
    start = window.workbench.text.index("العميد قاآني")
    window.workbench.select(window.workbench.tag("speaker", start, start + len("العميد قاآني")))
    editor = window.side_panel.editor
    (span,) = [label for label in editor.findChildren(QLabel) if label.text() == "العميد قاآني"]
    for zoom in (window.article.point_size(), window.article.point_size() + 6):
        window.article.set_point_size(zoom)
        assert QFontInfo(span.font()).pointSizeF() >= zoom * ARABIC_SHARE - 0.5
