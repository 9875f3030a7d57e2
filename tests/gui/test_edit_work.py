"""An edit among thousands of annotations costs what it touches: tagging or deleting in the
main window works out the side panel's rows on screen only, paints from scratch only the cells
that changed, never resets the table, and what is painted is what a plain delegate paints.
(No timings: the work is counted; `bench/edit_annotation.py` measures the time.)"""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import random

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from annotator.core.store.project import Project, TextSource
from annotator.gui.app import load_fonts
from annotator.gui.main_window import MainWindow
from annotator.gui.models import AnnotationTableModel, TextDirectionDelegate
from bench import corpus

CHARS, COUNT = 60_000, 3_000


@pytest.fixture(scope="module")
def article_file(tmp_path_factory):
    """A 60,000-character article with 3,000 annotations of "amal" (speakers and the claims
    linked to them)."""
    path = tmp_path_factory.mktemp("edits") / "edits.annotator"
    rng = random.Random(21)
    text = corpus.article(rng, CHARS)[:CHARS]
    with Project.create(path) as project:
        project.import_texts([TextSource(text=text, id="long", title="long")])
        corpus.store(project, "long", "amal", corpus.annotate(rng, text, COUNT))
    return path


@pytest.fixture
def asked(monkeypatch):
    """The rows of the annotation table whose values a view asked for, since last cleared."""
    rows: set[int] = set()
    data = AnnotationTableModel.data

    def counted(self, index, role=Qt.ItemDataRole.DisplayRole):
        rows.add(index.row())
        return data(self, index, role)

    monkeypatch.setattr(AnnotationTableModel, "data", counted)
    return rows


@pytest.fixture
def drawn(monkeypatch):
    """How many cells the side panel's table had laid out from scratch (to paint or measure
    them), since last set to 0."""
    count = [0]
    init = TextDirectionDelegate.initStyleOption

    def counted(self, option, index):
        if isinstance(index.model(), AnnotationTableModel):
            count[0] += 1
        init(self, option, index)

    monkeypatch.setattr(TextDirectionDelegate, "initStyleOption", counted)
    return count


@pytest.fixture
def window(qtbot, article_file, tmp_path, settings, asked, drawn):
    """The main window on a copy of the article's project for "amal", the article open."""
    copy = tmp_path / "edits.annotator"
    copy.write_bytes(article_file.read_bytes())
    project = Project.open(copy)
    load_fonts()
    window = MainWindow(project, "amal", settings)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    window.workbench.open_document("long")
    settle(window)
    yield window
    # Gone before its project closes: a window left for later would read a closed file at
    # the next change of the interface's font or direction (another test's language).
    window.close()
    window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    project.close()


def settle(window: MainWindow) -> None:
    """Let every pending layout and paint happen, as between two key presses."""
    for widget in (window.article.viewport(), window.side_panel.table.viewport()):
        widget.repaint()
    for _ in range(3):
        window.repaint()
        QApplication.processEvents()


def free_word(window: MainWindow, near: int) -> tuple[int, int]:
    """A word after `near` that nothing tags yet."""
    columns = window.workbench.columns()
    for match in corpus.WORD.finditer(window.workbench.text, near):
        if not columns.overlapping(*match.span()):
            return match.span()
    raise AssertionError("no free word")


def visible_rows(window: MainWindow) -> int:
    table = window.side_panel.table
    return table.viewport().height() // table.rowHeight(0) + 2


def test_tagging_and_deleting_ask_only_the_rows_on_screen(window, asked):
    settle(window)
    asked.clear()
    window.article.select_span(*free_word(window, 500))
    window.tag("speaker")
    settle(window)
    window.delete_selected()
    settle(window)
    assert 0 < len(asked) <= 2 * visible_rows(window)


def test_an_edit_behind_the_suggestions_tab_asks_no_row_until_it_is_shown(window, asked):
    """A hidden table used to measure its columns over every row at each edit (Qt measures all
    rows of a hidden view), 3,000 here, 400,000 in the largest articles."""
    window.tabs.setCurrentIndex(window.tabs.indexOf(window.suggestion_panel))
    settle(window)
    asked.clear()
    window.article.select_span(*free_word(window, 800))
    window.tag("claim")
    settle(window)
    window.delete_selected()
    settle(window)
    assert len(asked) <= visible_rows(window)
    window.tabs.setCurrentIndex(window.tabs.indexOf(window.side_panel))
    settle(window)
    assert len(asked) <= 2 * visible_rows(window)


def test_the_layer_column_is_fitted_again_when_the_table_is_shown(window):
    """Behind another tab the columns wait; shown again, a row whose layer label is longer
    than those on screen widens the Layer column as if it had been in front all along."""
    table = window.side_panel.table
    window.tabs.setCurrentIndex(window.tabs.indexOf(window.suggestion_panel))
    settle(window)
    window.article.select_span(*free_word(window, 300))
    window.tag("claim")
    settle(window)
    window.tabs.setCurrentIndex(window.tabs.indexOf(window.side_panel))
    settle(window)
    width = table.columnWidth(AnnotationTableModel.LAYER)
    table.resizeColumnToContents(AnnotationTableModel.LAYER)
    assert table.columnWidth(AnnotationTableModel.LAYER) == width


def test_an_edit_paints_from_scratch_only_the_cells_that_changed(window, drawn):
    """Inserting a row shifts every row below it on screen; their cells are copied as they
    were painted, and only the new row, the one that lost the selection and the current cell
    are laid out again (a dozen rows of three columns used to be)."""
    settle(window)
    # Two tags side by side first: the rows around the place are then on screen, measured.
    word = (0, 400)
    for _ in range(2):
        word = free_word(window, word[1])
        window.article.select_span(*word)
        window.tag("speaker")
        settle(window)
    drawn[0] = 0
    # The next free word: its row goes among those on screen, none scrolled into view.
    window.article.select_span(*free_word(window, word[1]))
    window.tag("speaker")
    settle(window)
    assert 0 < drawn[0] <= 12
    drawn[0] = 0
    window.delete_selected()
    settle(window)
    assert drawn[0] <= 12


def test_no_edit_resets_the_table_or_changes_its_layout(window):
    model = window.side_panel.model
    resets: list[str] = []
    model.modelReset.connect(lambda: resets.append("reset"))
    model.layoutChanged.connect(lambda *_: resets.append("layout"))
    window.article.select_span(*free_word(window, 900))
    window.tag("claim")
    claim = window.workbench.selected_id
    before = window.workbench.project.annotation(claim).attributes
    window.workbench.edit(claim, "kind", attributes={**before, "kind": "indirect"})
    window.delete_selected()
    window.workbench.undo_stack.undo()
    window.workbench.undo_stack.undo()
    settle(window)
    assert window.workbench.project.annotation(claim).attributes == before
    assert resets == []


def grab_plain(table) -> QImage:
    """The table's rows as a plain `TextDirectionDelegate` paints them."""
    kept = table.itemDelegate()
    plain = TextDirectionDelegate(table)
    plain.arabic_font = kept.arabic_font
    table.setItemDelegate(plain)
    image = table.viewport().grab().toImage()
    table.setItemDelegate(kept)
    return image


@pytest.mark.parametrize("focus", [False, True])
def test_kept_cells_look_exactly_as_painted_afresh(window, focus):
    """After tags, an edit of a speaker's entity shown in its claim's details, a zoom and a
    wider panel, the table's pixels equal those of a delegate that keeps nothing."""
    table = window.side_panel.table
    wb = window.workbench
    window.article.select_span(*free_word(window, 200))
    window.tag("speaker")
    speaker = wb.selected_id
    window.article.select_span(*free_word(window, 260))
    window.tag("claim")
    if focus:
        table.setFocus()
    settle(window)
    table.viewport().grab()
    assert table.viewport().grab().toImage() == grab_plain(table)
    wb.edit(speaker, "entity", entity="هالة منصور")
    window.article.zoom(2)
    window.resize(1400, 800)
    settle(window)
    table.viewport().grab()
    assert table.viewport().grab().toImage() == grab_plain(table)
