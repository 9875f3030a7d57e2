"""Kinds of fault an Arabic reader found on the second walk through the Arabic interface (the
drag over a Latin name is in test_rtl_drag.py): raw keys in the review tables, find-bar
snippets laid out left to right, cells in the wrong direction, size or side, status and undo
texts that said the wrong thing, and wording."""

import html
import re
import shutil

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import (
    QFontInfo,
    QFontMetrics,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QLabel,
    QStyle,
    QStyleOptionViewItem,
    QTableView,
)

from annotator.core import bidi
from annotator.core.bidi import compose, plain, quote
from annotator.core.formats import EXPORTS, jsonl
from annotator.core.model import Stance
from annotator.core.paths import seeds_dir
from annotator.core.review import conflicts
from annotator.core.review.merge import merge
from annotator.core.store.project import Project, TextSource
from annotator.gui import language, review_models
from annotator.gui.agreement_dialog import AgreementDialog
from annotator.gui.app import load_fonts
from annotator.gui.export_dialog import ExportDialog
from annotator.gui.find_results import HIT_ROLE
from annotator.gui.models import AnnotationTableModel, TextDirectionDelegate
from annotator.gui.project_settings import ProjectSettingsDialog
from annotator.gui.review_window import ReviewWindow
from annotator.gui.workbench import Workbench
from tests.gui.test_bidi_order import boxes, centre
from tests.gui.test_find_bar import find_window_on
from tests.gui.test_rtl_drag import ECONOMY, LEFT, NO

# ---------------------------------------------------------------- review tables in Arabic

SEED = "000_41ac67127a0642cf"
LATIN = re.compile("[A-Za-z]")


@pytest.fixture
def arabic(qapp):
    language.apply("ar")
    yield
    language.apply("en")


def conflicting(project, tmp_path, **theirs) -> str:
    """A speaker changed in the office and on the laptop in different ways, merged."""
    speaker = project.add_annotation(SEED, "omar", "speaker", 0, 5)
    project.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    laptop = tmp_path / "laptop.annotator"
    shutil.copyfile(project.path, laptop)
    with Project.open(laptop) as copy:
        copy.update_annotation(speaker.id, **theirs)
    project.update_annotation(speaker.id, start=0, end=4)
    assert merge(project, laptop).annotations_conflicting == 1
    return speaker.id


@pytest.mark.parametrize(
    "theirs", [{"attributes": {"role": "anonymous"}}, {"layer": "claim"}, {"start": 1, "end": 5}]
)
def test_the_conflict_table_says_what_differs_in_arabic_words(
    arabic, project, tmp_path, qtbot, theirs
):
    conflicting(project, tmp_path, **theirs)
    window = ReviewWindow(project, "amal", SEED)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    model = window.conflicts.model
    differs = model.data(model.index(0, 3))
    assert differs and not LATIN.search(differs), differs
    if "attributes" in theirs:
        assert "الصفة" in differs  # the attribute's label, not the word "attributes"


def test_every_field_the_core_compares_has_an_arabic_word(arabic):
    for key in [*conflicts.FIELDS, "deleted"]:
        assert not LATIN.search(review_models.word(key)), key


# ---------------------------------------------------------------- find bar, all documents


@pytest.fixture
def find_window(qtbot, tmp_path):
    load_fonts()
    project = Project.create(tmp_path / "p.annotator")
    project.import_texts([TextSource(ECONOMY, source="economy.txt")])
    workbench = Workbench(project, "amal")
    workbench.open_document(project.documents()[0].id)
    yield find_window_on(qtbot, workbench)
    project.close()


def listed(qtbot, window, type_text, query: str) -> tuple[str, tuple[int, int]]:
    """Ctrl+F, type the query, list all documents: the first row's text and hit."""
    qtbot.keyClick(window.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    type_text(window.bar.query, query)
    qtbot.waitUntil(lambda: not window.bar._timer.isActive())
    qtbot.mouseClick(window.bar.all_documents, LEFT)
    model = window.bar.results_model
    assert model.rowCount() >= 1
    return model.data(model.index(0, 0)), model.data(model.index(0, 0), HIT_ROLE)


@pytest.mark.parametrize("interface", ["ar", "en"])
def test_a_hit_context_starting_with_a_latin_name_reads_right_to_left(
    qtbot, find_window, type_text, interface
):
    language.apply(interface)
    try:
        row, _hit = listed(qtbot, find_window, type_text, "سيثقل")
    finally:
        language.apply("en")
    context = row[row.index("…") :]
    assert re.match("…[A-Za-z]", plain(context)), "the context should start in the Latin name"
    direction = find_window.bar.results.layoutDirection()
    at = boxes(row, direction)
    first, last = row.index("…"), row.rindex("…")
    # The context's start (its first «…») is on the right, as in the article.
    assert centre(at[first]) > centre(at[last])
    assert centre(at[row.index("Razzaz")]) > centre(at[row.index("سيثقل")])


def test_a_hit_inside_a_word_is_highlighted_without_splitting_the_word(
    qtbot, find_window, type_text
):
    row, (start, end) = listed(qtbot, find_window, type_text, "ثقل")
    assert "سيثقل" in row and "«" not in row.replace('"', "")
    assert row[start:end] == "ثقل"
    results = find_window.bar.results
    image = results.viewport().grab().toImage()
    rect = results.visualRect(results.model().index(0, 0))
    yellow = [
        (x, y)
        for x in range(rect.left(), rect.right(), 2)
        for y in range(rect.top(), rect.bottom(), 2)
        if (c := image.pixelColor(x, y)).red() > 200 and c.green() > 180 and c.blue() < 150
    ]
    assert yellow, "the hit is not highlighted"


# ---------------------------------------------------------------- cells of lists and tables

RTL, LTR = Qt.LayoutDirection.RightToLeft, Qt.LayoutDirection.LeftToRight


def cell(view, row: int, column: int) -> QStyleOptionViewItem:
    """The options a cell is painted with (text, direction, alignment, font)."""
    option = QStyleOptionViewItem()
    option.initFrom(view)
    view.itemDelegate().initStyleOption(option, view.model().index(row, column))
    return option


@pytest.fixture
def arabic_window(arabic, open_window):
    window = open_window()
    start = window.workbench.text.index("العميد قاآني")
    speaker = window.workbench.tag("speaker", start, start + len("العميد قاآني"))
    window.workbench.edit(
        speaker, "Set speaker entity", entity="Sameh Shoukry", attributes={"role": "person"}
    )
    QApplication.processEvents()
    return window


def test_a_side_panel_row_is_right_to_left_in_one_font_in_the_arabic_interface(arabic_window):
    table = arabic_window.side_panel.table
    model = table.model()
    details = cell(table, 0, AnnotationTableModel.DETAILS)
    assert "Sameh Shoukry" in details.text
    # A line composed of isolated parts follows the interface, not its first name's letters.
    assert details.direction == RTL
    options = [cell(table, 0, column) for column in range(model.columnCount())]
    fonts = {QFontInfo(option.font).pointSizeF() for option in options}
    assert len(fonts) == 1, fonts
    for column in range(model.columnCount()):
        assert cell(table, 0, column).displayAlignment & Qt.AlignmentFlag.AlignRight, column


def test_arabic_rows_are_about_as_tall_as_english_ones(arabic_window, open_window):
    table = arabic_window.side_panel.table
    arabic_row = table.verticalHeader().defaultSectionSize()
    language.apply("en")
    english_row = open_window().side_panel.table.verticalHeader().defaultSectionSize()
    language.apply("ar")
    assert arabic_row <= english_row * 1.25, (arabic_row, english_row)
    # and the row still holds the letters drawn in it
    option = cell(table, 0, AnnotationTableModel.TEXT)
    high = QFontMetrics(option.font).tightBoundingRect("إِنَّ العميد قاآني ÁÉgj").height()
    assert arabic_row >= high + 2


@pytest.mark.parametrize("digits", ["arabic", "western"])
def test_a_span_range_reads_from_its_start_in_the_arabic_interface(qapp, digits):
    language.apply("ar", digits)
    try:
        view = QTableView()
        view.setItemDelegate(TextDirectionDelegate(view))
        model = QStandardItemModel(1, 1)
        text = compose(QCoreApplication.translate("Review", "%1–%2"), 42, 49)
        model.setItem(0, 0, QStandardItem(text))
        view.setModel(model)
        option = cell(view, 0, 0)
    finally:
        language.apply("en")
    assert option.direction == RTL
    at = boxes(option.text, option.direction)
    first = next(i for i, ch in enumerate(option.text) if ch in "4٤")
    last = next(i for i, ch in enumerate(option.text) if ch in "9٩")
    # Read right to left: the start (42) comes first, on the right.
    assert centre(at[first]) > centre(at[last])


# ---------------------------------------------------------------- what the status and undo say


def active(open_window, qtbot):
    """The main window, active, so its keys reach their actions."""
    window = open_window()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def test_accept_all_says_how_many_were_accepted(open_window, qtbot):
    window = active(open_window, qtbot)
    QTest.keyClick(window.article, Qt.Key.Key_F7, NO)
    qtbot.waitUntil(lambda: window.suggestions.model.rowCount() > 1)
    pending = window.suggestions.model.rowCount()
    assert pending > 1
    shift_ctrl = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    QTest.keyClick(window.article, Qt.Key.Key_Return, shift_ctrl)
    assert window.suggestions.model.rowCount() == 0
    assert plain(window.statusBar().currentMessage()) == f"Accepted {pending} suggestions."


def test_deciding_the_last_suggestion_does_not_say_there_was_none(open_window, qtbot):
    window = active(open_window, qtbot)
    QTest.keyClick(window.article, Qt.Key.Key_F7, NO)
    qtbot.waitUntil(lambda: window.suggestions.model.rowCount() > 1)
    while window.suggestions.model.rowCount():
        QTest.keyClick(window.article, Qt.Key.Key_Backspace, NO)
    message = window.statusBar().currentMessage()
    assert message == "Every suggestion of this document is decided."


@pytest.fixture
def review(qtbot, project):
    load_fonts()
    for kind, name in (("gold", "amal"), ("colleague", "omar")):
        jsonl.import_annotations(project, seeds_dir() / f"{SEED}.{kind}.jsonl", name)
    window = ReviewWindow(project, "amal", SEED)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    window.items.setFocus()
    return window


@pytest.mark.parametrize(("key", "side"), [(Qt.Key.Key_1, "a"), (Qt.Key.Key_2, "b")])
def test_a_review_decision_is_undone_by_the_words_it_decided(arabic, review, key, side):
    item = next(i for i in review.comparison.open if getattr(i, side) is not None)
    review.select_row(review.items_model.row_of(item.sources))
    QTest.keyClick(review.items, key, NO)
    undo = review.gold.undo_stack.undoText()
    span = getattr(item, side).text
    assert plain(quote(span)) in plain(undo), undo
    assert str(item.start) not in plain(undo)


def test_the_arabic_digit_setting_leaves_the_english_interface_in_western_digits(qapp):
    language.apply("en", "arabic")
    try:
        assert bidi.digits() == "western"
        text = QCoreApplication.translate("SuggestionPanel", "%n to decide", "", 18)
        assert text == "18 to decide"
        language.apply("ar", "arabic")
        assert bidi.digits() == "arabic"
    finally:
        language.apply("en")


# ---------------------------------------------------------------- wording and composed lines


def test_the_agreement_caption_lists_the_annotators_in_the_sentence_direction(
    arabic, project, qtbot
):
    for name, kind in (("amal", "gold"), ("colleague", "colleague")):
        jsonl.import_annotations(project, seeds_dir() / f"{SEED}.{kind}.jsonl", name)
    dialog = AgreementDialog(project)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.compute()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=30000)
    # The label's text as Qt lays it out: without its tags, with its isolates (a QTextDocument
    # made from the HTML would drop them).
    caption = html.unescape(re.sub("<[^>]+>", "", dialog.chart_title.text()))
    names = sorted(dialog.report.annotators)
    at = boxes(caption, RTL)
    xs = [centre(at[caption.rindex(name)]) for name in names]  # in the list, after «vs»
    # Listed in reading order of an Arabic sentence: the first name on the right.
    assert xs == sorted(xs, reverse=True), (names, xs)


def test_tooltips_name_the_annotator_and_stances_read_target_then_value(arabic_window):
    window = arabic_window
    table = window.side_panel.table
    tip = plain(table.model().data(table.model().index(0, 0), Qt.ItemDataRole.ToolTipRole))
    assert "بقلم" not in tip and "المعلق: amal" in tip
    layer = window.workbench.schema.layer("claim")
    text = window.workbench.text
    start = text.index("قاآني")
    claim = window.workbench.tag("claim", start, start + len("قاآني"))
    window.workbench.edit(claim, "stance", stances=[Stance("الهدنة", "favor")])
    QApplication.processEvents()
    model = table.model()
    rows = [plain(model.data(model.index(r, AnnotationTableModel.DETAILS))) for r in range(2)]
    details = next(d for d in rows if "الهدنة" in d)
    assert f"الهدنة ({layer.stance_label('favor')})" in details
    assert "الهدنة:" not in details


def test_our_buttons_say_what_they_do_in_the_imperative_as_qts_own(arabic, project, qtbot):
    dialog = ExportDialog(project, None)
    qtbot.addWidget(dialog)
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    cancel = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel)
    assert plain(ok.text()).startswith("صدِّر") and "ألغ" in cancel.text()
    settings = ProjectSettingsDialog(Workbench(project, "amal"))
    qtbot.addWidget(settings)
    assert (settings.add_button.text(), settings.remove_button.text()) == ("أضف", "أزل")


@pytest.mark.parametrize("suffix", [".txt", ".ann", ".xmi", ".spacy"])
def test_file_suffixes_in_the_export_formats_read_with_their_dot_first(arabic, suffix):
    texts = [
        QCoreApplication.translate("ExportDialog", fmt.description) for fmt in EXPORTS.values()
    ]
    text = next(t for t in texts if suffix in plain(t))
    assert "\u200e" not in text  # isolates, not marks
    at = boxes(text, RTL)
    dot = text.index(suffix)
    assert centre(at[dot]) < centre(at[dot + 1]) < centre(at[dot + len(suffix) - 1])


@pytest.mark.parametrize("interface", ["ar", "en"])
def test_a_cue_stands_beside_its_check_box(project, qtbot, interface, type_text):
    language.apply(interface)
    try:
        dialog = ProjectSettingsDialog(Workbench(project, "amal"))
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        type_text(dialog.entry, "طمأنت")
        QTest.keyClick(dialog.entry, Qt.Key.Key_Return, NO)
        table = dialog.table
        option = cell(table, 0, 0)
        option.rect = table.visualRect(table.model().index(0, 0))
        style = table.style()
        box = style.subElementRect(QStyle.SubElement.SE_ItemViewItemCheckIndicator, option, table)
        text = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, table)
        width = QFontMetrics(option.font).horizontalAdvance("طمأنت")
        side = QStyle.visualAlignment(option.direction, option.displayAlignment)
        # The word is drawn at the end of its text area nearest the check box.
        if box.center().x() > text.center().x():
            assert side & Qt.AlignmentFlag.AlignRight
            gap = box.left() - (text.right() - width)
        else:
            assert side & Qt.AlignmentFlag.AlignLeft
            gap = text.left() + width - box.right()
        assert gap < 3 * width
    finally:
        language.apply("en")


def test_the_gold_copy_form_explains_review_not_tagging(arabic, review):
    review.gold.select(None)
    QApplication.processEvents()
    shown = [
        plain(label.text())
        for label in review.editor.findChildren(QLabel)
        if label.isVisible() and label.text()
    ]
    assert shown, "the form says nothing"
    assert not any("F7" in text for text in shown)
    assert any("النسخة المرجعية" in text and "1" in text for text in shown)
