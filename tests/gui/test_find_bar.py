"""The find bar as a researcher uses it: Ctrl+F, type «اكد», see every spelling of أكد
highlighted exactly, step through the hits, tag one, search the whole project."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from annotator.core.arabic.search import FoldedText, fold
from annotator.core.arabic.text import Utf16Map
from annotator.core.bidi import plain
from annotator.core.store.project import TextSource
from annotator.gui import find_bar
from annotator.gui.article_view import ArticleView
from annotator.gui.find_bar import FindBar
from annotator.gui.find_results import HIT_ROLE


@pytest.fixture
def window(qtbot, workbench):
    return find_window_on(qtbot, workbench)


def find_window_on(qtbot, workbench):
    """The article of `workbench` under a find bar, in a shown window: `.view`, `.bar`."""
    window = QWidget()
    view = ArticleView(workbench)
    bar = FindBar(workbench, view, window)
    column = QVBoxLayout(window)
    column.addWidget(bar)
    column.addWidget(view)
    window.addActions(list(bar.actions.values()))
    view.load()
    qtbot.addWidget(window)
    window.resize(900, 600)
    window.show()
    qtbot.waitExposed(window)
    window.view, window.bar = view, bar
    return window


def search(qtbot, window, type_text, query):
    """Open the bar with Ctrl+F and type the query, as a researcher does."""
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.bar.isVisible() and window.bar.query.hasFocus()
    type_text(window.bar.query, query)
    qtbot.waitUntil(lambda: not window.bar._timer.isActive())
    return window.bar


def texts(bar):
    return [bar.workbench.text[h.start : h.end] for h in bar.hits]


def test_typing_a_query_without_hamza_finds_every_written_form(qtbot, window, type_text):
    bar = search(qtbot, window, type_text, "اكد")
    assert texts(bar) == ["أكد"] * 5
    assert plain(bar.count.text()) == "1 of 5"


def test_hits_are_painted_over_exactly_their_letters(qtbot, window, type_text):
    bar = search(qtbot, window, type_text, "قاآني")
    view = window.view
    painted = []
    block = view.document().begin()
    while block.isValid():
        for item in bar.marks.ranges(block):
            start = block.position() + item.start
            painted.append(view.workbench.text[start : start + item.length])
        block = block.next()
    assert painted == ["قاآني"] * len(bar.hits) and len(painted) >= 8
    assert (bar.marks, "full") in view.extra_layers


def test_enter_and_shift_enter_step_through_the_hits_round_the_article(qtbot, window, type_text):
    bar = search(qtbot, window, type_text, "اكد")
    qtbot.keyClick(bar.query, Qt.Key.Key_Return)
    assert plain(bar.count.text()) == "2 of 5"
    qtbot.keyClick(bar.query, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(bar.query, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert plain(bar.count.text()) == "5 of 5"


def test_turning_hamza_matching_off_finds_only_the_spelling_typed(qtbot, window, type_text):
    bar = search(qtbot, window, type_text, "اكد")
    bar.set_option("hamza", False)
    assert bar.hits == [] and bar.count.text() == "no hits"


def test_whole_words_and_proclitics_are_options_of_the_bar(qtbot, window, type_text):
    bar = search(qtbot, window, type_text, "اكد")
    bar.set_option("whole_words", True)
    assert len(bar.hits) == 4  # «وأكد» is one word
    bar.set_option("proclitics", True)
    assert len(bar.hits) == 5


def test_the_current_hit_can_be_tagged_whole_and_untagged_with_undo(
    qtbot, window, type_text, workbench
):
    bar = search(qtbot, window, type_text, "اكد")
    annotation_id = bar.tag_current("speaker")
    assert workbench.annotation(annotation_id).text == "وأكد"  # widened to the whole word
    workbench.undo_stack.undo()
    assert workbench.annotation(annotation_id) is None


def test_escape_closes_the_bar_and_clears_the_highlights(qtbot, window, type_text):
    bar = search(qtbot, window, type_text, "اكد")
    qtbot.keyClick(bar.query, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert bar.marks.ranges(window.view.document().begin()) == []


def test_ctrl_f_takes_the_selected_words_as_the_query(qtbot, window):
    view = window.view
    start = view.workbench.text.index("العميد")
    view.select_span(start, start + len("العميد"))
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.bar.query.text() == "العميد"
    assert len(window.bar.hits) == 4


def test_all_documents_lists_the_hits_of_the_project_and_opens_one(
    qtbot, window, type_text, workbench, project
):
    project.import_texts([TextSource(text="وأكّد المتحدث أن الاجتماع انتهى", source="b.txt")])
    bar = search(qtbot, window, type_text, "اكد")
    bar.all_documents.click()
    assert bar.results.isVisible()
    model = bar.results_model
    assert model.rowCount() == 6
    row = model.data(model.index(5, 0), Qt.ItemDataRole.DisplayRole)
    start, end = model.data(model.index(5, 0), HIT_ROLE)
    assert row[start:end] == "أكّد"
    bar.results.activated.emit(model.index(5, 0))
    assert workbench.document_id == "b"
    assert texts(bar) == ["أكّد"]
    assert "6 hits in 2 documents" in plain(bar.count.text())


def test_opening_another_document_searches_it(qtbot, window, type_text, workbench, project):
    project.import_texts([TextSource(text="لا شيء هنا", source="c.txt")])
    bar = search(qtbot, window, type_text, "اكد")
    workbench.open_document("c")
    assert bar.hits == [] and bar.count.text() == "no hits"


# ------------------------------------------------------------------ a long article

# A report of 3,000 paragraphs with an emoji in each (two UTF-16 units, one code point):
# «ا» alone has about 40,000 hits in it.
PARAGRAPH = "قال المتحدث باسم وزارة الزراعة سامر الحلبي 🌾 إن الموسم رقم {n} كان جيدا.\n"
REPORT = "".join(PARAGRAPH.format(n=n) for n in range(3000))


@pytest.fixture
def long_report(window, workbench, project):
    project.import_texts([TextSource(text=REPORT, source="report.txt")])
    workbench.open_document("report")
    return window


def counted(monkeypatch, owner, name):
    """Count the calls of a method of the real class (it still does its work)."""
    calls = []
    method = getattr(owner, name)

    def counting(*args, **kwargs):
        calls.append(1)
        return method(*args, **kwargs)

    monkeypatch.setattr(owner, name, counting)
    return calls


CURRENT_GREEN = "#19b35a"  # the current hit's colour; the others are yellow


def painted_hits(view, marks):
    """The text under every hit range painted in the visible lines, the current one marked."""
    painted = []
    block = view.firstVisibleBlock()
    bottom = view.viewport().height()
    while (
        block.isValid()
        and view.blockBoundingGeometry(block).translated(view.contentOffset()).top() < bottom
    ):
        for item in marks.ranges(block):
            start = view.offsets.to_codepoint(block.position() + item.start)
            end = view.offsets.to_codepoint(block.position() + item.start + item.length)
            green = item.format.background().color().name() == CURRENT_GREEN
            painted.append((view.workbench.text[start:end], green))
        block = block.next()
    return painted


def test_a_one_letter_search_in_a_long_article_reads_only_the_hits_it_shows(
    qtbot, long_report, type_text, monkeypatch
):
    spans = counted(monkeypatch, FoldedText, "span")  # a match made into an original span
    bar = search(qtbot, long_report, type_text, "ا")
    qtbot.waitUntil(lambda: painted_hits(long_report.view, bar.marks) != [])
    expected = sum(fold(ch) == "ا" for ch in REPORT)
    assert len(bar.hits) == expected > 30_000
    assert plain(bar.count.text()) == f"1 of {expected}"
    painted = painted_hits(long_report.view, bar.marks)
    assert {text for text, _ in painted} == {"ا", "إ"} and painted[0] == ("ا", True)
    assert len(spans) < 2_000  # a screenful or two, not one per hit


def test_f3_steps_cost_the_hits_on_screen_not_all_the_hits(
    qtbot, long_report, type_text, monkeypatch
):
    bar = search(qtbot, long_report, type_text, "ا")
    view = long_report.view
    conversions = counted(monkeypatch, Utf16Map, "to_utf16")  # each hit painted needs two
    for _ in range(5):
        qtbot.keyClick(bar.query, Qt.Key.Key_F3)
    qtbot.keyClick(bar.query, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: ("ا", True) in painted_hits(view, bar.marks))
    assert plain(bar.count.text()) == f"5 of {len(bar.hits)}"
    assert len(conversions) < 10_000  # old: every hit converted again on every step (> 400,000)


def test_shift_f3_from_the_first_hit_paints_the_last_one_exactly_past_every_emoji(
    qtbot, long_report, type_text
):
    bar = search(qtbot, long_report, type_text, "جيدا")
    qtbot.keyClick(bar.query, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert plain(bar.count.text()) == "3000 of 3000"
    last = bar.current_hit()
    assert last.start == REPORT.rindex("جيدا") and last.text == "جيدا"
    view = long_report.view
    qtbot.waitUntil(lambda: ("جيدا", True) in painted_hits(view, bar.marks))
    assert all(text == "جيدا" for text, _ in painted_hits(view, bar.marks))


def test_all_documents_reads_a_large_project_between_events_and_typing_again_drops_it(
    qtbot, window, type_text, project, monkeypatch
):
    project.import_texts(
        [TextSource(text=f"وأكد المراسل رقم {n} الخبر", source=f"r{n}.txt") for n in range(40)]
    )
    monkeypatch.setattr(find_bar, "PROJECT_SLICE_S", 0.0, raising=False)  # one per slice
    bar = search(qtbot, window, type_text, "اكد")
    bar.all_documents.click()
    assert "reading documents" in plain(bar.count.text()) and bar.results_model.rowCount() == 0
    listed = counted(monkeypatch, bar.index, "search")
    type_text(bar.query, "ت")  # «اكدت»: the listing for «اكد» is dropped unfinished
    bar.search()
    qtbot.waitUntil(lambda: "reading documents" not in plain(bar.count.text()))
    assert len(listed) == 1 and bar.results_model.rowCount() == 0
    assert "0 hits in 0 documents" in plain(bar.count.text())
    bar.query.setText("المراسل")
    bar.search()
    assert bar.results_model.rowCount() == 40  # every document is read: listed at once


def test_all_documents_moves_nothing_in_the_window_and_says_what_it_counts(
    qtbot, open_window, type_text, project, monkeypatch
):
    """Ticking "All documents" at 1280x800: the query box keeps its width, the article keeps
    its width (no re-wrap), and a count over the listing limit says which hits it counts."""
    project.import_texts(
        [TextSource(text=f"وأكد المراسل رقم {n} الخبر", source=f"r{n}.txt") for n in range(9)]
    )
    monkeypatch.setattr(find_bar, "PROJECT_LIMIT", 4)  # 4 hits listed, so "4+" and "first 4"
    window = open_window()
    bar = window.find_bar
    qtbot.keyClick(window.article, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    type_text(bar.query, "اكد")
    qtbot.waitUntil(lambda: not bar._timer.isActive())
    qtbot.wait(50)
    query_width, article_width = bar.query.width(), window.article.viewport().width()
    bar_width = bar.width()
    bar.all_documents.click()
    qtbot.waitUntil(lambda: bar.results_model.rowCount() == 4)
    qtbot.wait(50)  # the layout has settled
    assert bar.query.width() == query_width
    assert window.article.viewport().width() == article_width
    assert bar.width() == bar_width
    documents = len({hit.document_id for hit in bar.results_model.hits})
    whole = plain(bar.count.text())
    assert documents >= 1
    plural = "document" if documents == 1 else "documents"
    assert whole.endswith(f" · 4+ hits (first 4 in {documents} {plural})")
    assert bar.count.toolTip() == bar.count.text()
    drawn = bar.count.shown()
    assert drawn == bar.count.text() or plain(drawn).endswith("…")
    assert bar.count.fontMetrics().horizontalAdvance(drawn) <= bar.count.width()
