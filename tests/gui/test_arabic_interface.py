"""The Arabic interface as an Arabic-reading researcher meets it: every window in Arabic with
no English word left (only data, key names and format names in Latin letters), the layout
mirrored, and a switch of language that keeps the open document and the selection."""

import csv
import re

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QTabWidget,
    QWidget,
)

from annotator.core.bidi import FSI, LRI, PDI, RLI, plain
from annotator.core.formats import csv_export, jsonl
from annotator.core.formats.txt import read_articles
from annotator.core.paths import seeds_dir
from annotator.gui import language
from annotator.gui.agreement_dialog import AgreementDialog
from annotator.gui.app import start_language
from annotator.gui.export_dialog import ExportDialog
from annotator.gui.import_dialog import ColumnDialog
from annotator.gui.language_menu import switch
from annotator.gui.review_window import ReviewWindow
from annotator.gui.shortcut_help import ShortcutHelp

SEED = "000_41ac67127a0642cf"

# Latin words an Arabic interface keeps: key names, file formats and programs, the measure F1
# and the unit count n, the mnemonic letters in brackets, file-name patterns.
ALLOWED = re.compile(
    r"\((?:&)?[A-Z]\)|\*\.[a-z]+|\b(?:Ctrl|Shift|Alt|Enter|Return|Esc|Escape|Backspace|Del|"
    r"Delete|Tab|PgUp|PgDown|Up|Down|Left|Right|F\d{1,2}|CSV|JSON|brat|Excel|SQL|F1|n|"
    r"annotator check|txt|ann|English|utf-\d+|cp\d+|iso8859-\d+|xlsx|UIMA|CAS|XMI|xmi|INCEpTION|"
    r"DKPro|TypeSystem|xml|spaCy|spacy|DocBin|SpanGroup|[A-Z])\b"
)
_ISOLATE = re.compile(f"[{FSI}{LRI}{RLI}][^{FSI}{LRI}{RLI}{PDI}]*{PDI}")


def english_left(text: str) -> list[str]:
    """The Latin words of an interface text that are neither inserted data (every inserted
    part is an isolate: user text, names, ids, numbers) nor allowed names."""
    previous = None
    while previous != text:  # isolates may nest: take the innermost first
        previous, text = text, _ISOLATE.sub(" ", text)
    text = re.sub(r"<[^>]+>", " ", text)  # rich text markup
    text = re.sub(r"`[^`]*`", " ", text)  # a command named in a message
    text = ALLOWED.sub(" ", text).replace("&", "")
    return re.findall(r"[A-Za-z]{2,}", text)


def _count(method) -> int:
    # Qt's own list models take no argument from Python; ours take an optional parent.
    try:
        return method()
    except TypeError:
        try:
            return method(QModelIndex())
        except TypeError:
            return 1  # a list model's column count is private: it has one


def visible_texts(top: QWidget) -> list[str]:
    """Every text a researcher can read in `top` and its menus: window title, labels, buttons,
    tabs, field hints, combo items, item views' headers and cells, tooltips."""
    texts = [top.windowTitle()]
    widgets = [top, *top.findChildren(QWidget)]
    for widget in widgets:
        if not widget.isVisibleTo(top) and widget is not top:
            continue
        texts.append(widget.toolTip())
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        if isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        if isinstance(widget, QGroupBox):
            texts.append(widget.title())
        if isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        if isinstance(widget, QTabWidget):
            texts += [widget.tabText(i) for i in range(widget.count())]
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            for column in range(_count(model.columnCount)):
                texts.append(str(model.headerData(column, Qt.Orientation.Horizontal) or ""))
                for row in range(min(_count(model.rowCount), 30)):
                    texts.append(str(model.index(row, column).data() or ""))
                    texts.append(
                        str(model.index(row, column).data(Qt.ItemDataRole.ToolTipRole) or "")
                    )
    for action in top.findChildren(QAction):
        texts += [action.text(), action.toolTip()]
    for menu in top.findChildren(QMenu):
        texts.append(menu.title())
    return [t for t in texts if t]


def data_of(project) -> set[str]:
    """What the researchers wrote or named: shown as it is, in whatever script."""
    names = {e.name for e in project.entities()} | set(project.annotators())
    return names | {d.title for d in project.documents()}


def assert_arabic(top: QWidget, project) -> None:
    data = data_of(project)
    left = {t: english_left(t) for t in visible_texts(top) if t not in data}
    assert {t: words for t, words in left.items() if words} == {}


@pytest.fixture
def arabic(qapp):
    language.apply("ar")
    yield
    language.apply("en")


@pytest.fixture
def compared(project):
    """The seed article annotated by two people: a review and an agreement to show."""
    for name, kind in (("amal", "gold"), ("colleague", "colleague")):
        jsonl.import_annotations(project, seeds_dir() / f"{SEED}.{kind}.jsonl", name)
    return project


def test_the_main_window_is_arabic_through_and_through(arabic, compared, open_window):
    window = open_window()
    annotation = window.workbench.visible_annotations()[0]
    window.workbench.select(annotation.id)
    assert window.menuBar().actions()[0].text() == "ملف (&F)"
    assert_arabic(window, compared)


def test_the_review_window_is_arabic(arabic, compared, qtbot, workbench):
    review = ReviewWindow(compared, "amal", workbench.document_id, None, ("amal", "colleague"))
    qtbot.addWidget(review)
    review.show()
    assert "الاختلاف" in review.summary.text() or "اختلاف" in review.summary.text()
    assert_arabic(review, compared)


def test_the_agreement_dialog_and_its_report_are_arabic(arabic, compared, qtbot):
    dialog = AgreementDialog(compared)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.compute()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=30000)
    for index in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(index)
        assert_arabic(dialog, compared)
    notes = [dialog.figures.item(r, 5).text() for r in range(dialog.figures.rowCount())]
    assert any("وسمها الاثنان" in note for note in notes)
    # Layers and measures, attributes included, by their Arabic labels (schema's label_ar).
    for r in range(dialog.figures.rowCount()):
        for column in (0, 1):
            shown = plain(dialog.figures.item(r, column).text()).replace("F1", "")
            assert not re.search("[A-Za-z]", shown), shown


def test_the_import_and_export_dialogs_are_arabic(arabic, compared, qtbot, tmp_path, workbench):
    table = tmp_path / "news.csv"
    # The file's own column names are its data; the dialog around them is Arabic.
    table.write_text("المعرف,العنوان,النص\n1,خبر,قال الوزير إن الاجتماع انتهى\n", encoding="utf-8")
    columns = ColumnDialog(table)
    qtbot.addWidget(columns)
    columns.show()
    assert_arabic(columns, compared)
    export = ExportDialog(compared, workbench.document_id)
    qtbot.addWidget(export)
    export.show()
    assert_arabic(export, compared)


def test_the_shortcut_help_is_arabic(arabic, compared, open_window):
    window = open_window()
    help_ = ShortcutHelp(window.actions, window)
    help_.show()
    assert "اختصارات لوحة المفاتيح" == help_.windowTitle()
    assert_arabic(help_, compared)
    help_.close()


def test_the_arabic_layout_is_mirrored(arabic, open_window):
    window = open_window()
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft

    def x(widget: QWidget) -> int:
        return widget.mapTo(window, QPoint(0, 0)).x()

    assert x(window.documents) > x(window.article) > x(window.tabs)
    # The find bar's arrows point the way of reading: "next" to the left.
    assert window.find_bar.next_button.text() == "◀"
    # The article reads right to left in either interface.
    assert window.article.layoutDirection() == Qt.LayoutDirection.RightToLeft


def test_the_english_layout_keeps_the_documents_on_the_left(open_window):
    window = open_window()
    assert (
        window.documents.mapTo(window, QPoint(0, 0)).x()
        < window.article.mapTo(window, QPoint(0, 0)).x()
    )
    assert window.article.layoutDirection() == Qt.LayoutDirection.RightToLeft


def test_switching_language_keeps_the_document_and_the_selection(
    qtbot, project, open_window, tmp_path
):
    second = tmp_path / "second.txt"
    second.write_text("قال المتحدث باسم الوزارة إن المحادثات ستُستأنف غدًا.", encoding="utf-8")
    project.import_texts(read_articles([second]))
    window = open_window()
    documents = project.documents()
    window.workbench.open_document(documents[1].id)
    chosen = window.workbench.tag("speaker", 0, 4)
    window.workbench.select(chosen)
    arabic = switch(window, "ar", None)
    qtbot.addWidget(arabic)
    try:
        assert arabic.workbench.document_id == documents[1].id
        assert arabic.workbench.selected_id == chosen
        assert window.settings.value(language.LANGUAGE_KEY) == "ar"
        assert arabic.menuBar().actions()[0].text() == "ملف (&F)"
        english = switch(arabic, "en", None)
        qtbot.addWidget(english)
        assert english.workbench.document_id == documents[1].id
        assert english.workbench.selected_id == chosen
        assert english.menuBar().actions()[0].text() == "&File"
    finally:
        language.apply("en")


def test_arabic_indic_digits_are_a_setting_and_exports_keep_western_ones(
    qtbot, project, open_window, tmp_path
):
    window = open_window()
    window.workbench.tag("speaker", 0, 4)
    shown = switch(window, "ar", "arabic")
    qtbot.addWidget(shown)
    try:
        count = shown.documents.model.index(0, 2).data()
        assert "١" in str(count)
        out = tmp_path / "out.csv"
        csv_export.export(project, out)
        with open(out, encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.DictReader(handle))
        assert rows and all(row["start"].isascii() and row["start"].isdigit() for row in rows)
    finally:
        language.apply("en")


def test_lang_on_the_command_line_is_applied_and_kept(qapp, settings):
    try:
        assert start_language(settings, "ar") == "ar"
        assert language.current() == "ar" and settings.value(language.LANGUAGE_KEY) == "ar"
        assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert start_language(settings) == "ar"  # the next start: kept, not asked again
    finally:
        language.apply("en")


def test_the_first_start_offers_arabic_or_english_in_both_languages(qapp, settings):
    seen = []

    def answer():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, answer)
            return
        seen.append(box.text())
        next(b for b in box.buttons() if b.text() == "العربية").click()

    QTimer.singleShot(0, answer)
    try:
        assert start_language(settings) == "ar"
        assert "اختر لغة الواجهة" in seen[0] and "Choose the interface language" in seen[0]
        assert settings.value(language.LANGUAGE_KEY) == "ar"
    finally:
        language.apply("en")


def test_word_keys_keep_their_reading_order_meaning_in_the_arabic_interface(arabic, window):
    article, workbench = window.article, window.workbench
    text = workbench.text
    end = text.index(" ", text.index(" ") + 1)  # the first two words
    workbench.select(workbench.tag("speaker", 0, end))
    # Alt+Right shrinks the end by a word, Alt+Left extends it again: left is forward in the
    # article, which reads right to left in either interface.
    QTest.keyClick(article, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert workbench.selected().end == text.index(" ")
    QTest.keyClick(article, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert workbench.selected().end == end
    # The caret too: Left moves it on in the text.
    cursor = article.textCursor()
    cursor.setPosition(0)
    article.setTextCursor(cursor)
    QTest.keyClick(article, Qt.Key.Key_Left)
    assert article.textCursor().position() == 1
