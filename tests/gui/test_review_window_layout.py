"""The review window as a researcher meets it on a laptop: after a decision the disagreements
and the aligned fields keep several rows in view, Escape closes it, it fits a 1366x768 screen
with its conflict buttons, and the A and B halves of a line meet without a white seam."""

import shutil

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox

from annotator.core.formats import jsonl
from annotator.core.paths import seeds_dir
from annotator.core.review.merge import merge
from annotator.core.store.project import Project
from annotator.gui import language
from annotator.gui.app import load_fonts
from annotator.gui.review_window import ReviewWindow
from annotator.gui.window_state import fitted_geometry

SEED = "000_41ac67127a0642cf"
LAPTOP = QRect(0, 0, 1366, 768)


@pytest.fixture
def window(qtbot, project):
    load_fonts()
    jsonl.import_annotations(project, seeds_dir() / f"{SEED}.gold.jsonl", "amal")
    jsonl.import_annotations(project, seeds_dir() / f"{SEED}.colleague.jsonl", "omar")
    window = ReviewWindow(project, "amal", SEED)
    qtbot.addWidget(window)
    window.setGeometry(fitted_geometry(LAPTOP))
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    window.items.setFocus()
    return window


def visible_rows(table) -> int:
    return table.viewport().height() // table.rowHeight(0)


def test_after_a_decision_the_lists_keep_several_rows(window, qtbot):
    window.select_row(0)
    QTest.keyClick(window.items, Qt.Key.Key_1)  # accept A: the gold copy is shown, editable
    window.select_row(0)
    qtbot.wait(1)
    assert window.current_item().decision is not None
    assert window.editor.isVisible()
    assert visible_rows(window.items) >= 3
    assert visible_rows(window.details) >= 3


def merge_conflict(project, tmp_path) -> None:
    """Nadia's claim edited in the office and on a laptop copy, merged: one open conflict."""
    speaker = project.add_annotation(SEED, "nadia", "speaker", 0, 5)
    claim = project.add_annotation(SEED, "nadia", "claim", 10, 40, link_id=speaker.id)
    project.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    laptop = tmp_path / "laptop.annotator"
    shutil.copyfile(project.path, laptop)
    with Project.open(laptop) as theirs:
        theirs.update_annotation(claim.id, attributes={"kind": "paraphrase"})
    project.update_annotation(claim.id, attributes={"kind": "direct"})
    assert merge(project, laptop).annotations_conflicting == 1


def test_the_window_fits_a_1366x768_screen_with_its_conflict_buttons(
    window, qtbot, project, tmp_path
):
    merge_conflict(project, tmp_path)
    window.reload()
    assert window.conflicts.isVisible()
    window.select_row(0)
    QTest.keyClick(window.items, Qt.Key.Key_1)
    qtbot.wait(1)
    assert window.editor.isVisible()
    # Qt never grew it past the fitted size to honour minimum sizes.
    assert window.geometry() == fitted_geometry(LAPTOP)
    assert window.minimumSizeHint().height() <= fitted_geometry(LAPTOP).height()
    bar = window.left_tabs.tabBar()  # the conflicts' tab, clicked
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
    inside = window.rect()
    for button in (window.conflicts.keep, window.conflicts.take):
        corner = button.mapTo(window, QPoint(button.width() - 1, button.height() - 1))
        assert button.isVisible() and inside.contains(corner)


def test_escape_closes_the_window_but_first_an_open_list(window, qtbot):
    combo: QComboBox = window.document_choice
    combo.setFocus()
    combo.showPopup()
    qtbot.waitUntil(lambda: combo.view().isVisible())
    QTest.keyClick(combo.view(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not combo.view().isVisible())
    assert window.isVisible()  # Escape closed only the list
    QTest.keyClick(window.items, Qt.Key.Key_Escape)
    assert not window.isVisible()


def test_the_halves_of_a_line_meet_without_a_white_seam(window, qtbot):
    agreed = next(i for i in window.comparison.items if not i.is_disagreement and i.a and i.b)
    window.article.show_span(agreed.a.start, agreed.a.end)
    qtbot.wait(1)
    article = window.article
    image = article.viewport().grab().toImage()
    start = article.offsets.to_utf16(agreed.a.start)
    block = article.document().findBlock(start)
    layout = block.layout()
    line = layout.lineForTextPosition(start - block.position())
    origin = article.blockBoundingGeometry(block).translated(article.contentOffset()).topLeft()
    box = line.rect().translated(origin + layout.position()).toAlignedRect()
    end = min(
        article.offsets.to_utf16(agreed.a.end),
        block.position() + line.textStart() + line.textLength(),
    )
    xs = sorted(
        int(line.cursorToX(p - block.position())[0] + origin.x() + layout.position().x())
        for p in (start, end)
    )
    ratio = image.devicePixelRatio()
    white = QColor(Qt.GlobalColor.white).rgb()
    background = article.viewport().palette().base().color().rgb()
    middle = range(box.top() + box.height() // 2 - 2, box.top() + box.height() // 2 + 2)
    x = (xs[0] + xs[1]) // 2
    seam = [image.pixel(int(x * ratio), int(y * ratio)) for y in middle]
    assert all(p not in (white, background) for p in seam), [hex(p) for p in seam]


@pytest.fixture
def arabic_window(qtbot, project):
    load_fonts()
    language.apply("ar")
    jsonl.import_annotations(project, seeds_dir() / f"{SEED}.gold.jsonl", "amal")
    jsonl.import_annotations(project, seeds_dir() / f"{SEED}.colleague.jsonl", "omar")
    window = ReviewWindow(project, "amal", SEED)
    qtbot.addWidget(window)
    window.setGeometry(fitted_geometry(LAPTOP))
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.items.setFocus()
    yield window
    language.apply("en")


def test_on_a_laptop_screen_the_disagreements_show_ten_rows_in_arabic(arabic_window, qtbot):
    assert visible_rows(arabic_window.items) >= 10
    arabic_window.select_row(0)
    QTest.keyClick(arabic_window.items, Qt.Key.Key_1)  # a decision: the gold copy is editable
    arabic_window.select_row(0)
    qtbot.wait(1)
    assert arabic_window.current_item().decision is not None
    assert arabic_window.editor.isVisible()
    assert visible_rows(arabic_window.items) >= 10
    assert visible_rows(arabic_window.details) >= 3


def merge_conflicts(project, tmp_path, count: int) -> None:
    """`count` of Nadia's claims edited in the office and on a laptop copy, merged."""
    speaker = project.add_annotation(SEED, "nadia", "speaker", 0, 5)
    claims = [
        project.add_annotation(SEED, "nadia", "claim", 10 + 3 * i, 12 + 3 * i, link_id=speaker.id)
        for i in range(count)
    ]
    project.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    laptop = tmp_path / "laptop.annotator"
    shutil.copyfile(project.path, laptop)
    with Project.open(laptop) as theirs:
        for claim in claims:
            theirs.update_annotation(claim.id, attributes={"kind": "paraphrase"})
    for claim in claims:
        project.update_annotation(claim.id, attributes={"kind": "direct"})
    assert merge(project, laptop).annotations_conflicting == count


def rows_in_view(table) -> int:
    """The rows of `table` whose whole height lies inside its viewport."""
    viewport = table.viewport().rect()
    return sum(
        viewport.contains(table.visualRect(table.model().index(row, 0)))
        for row in range(table.model().rowCount())
    )


def test_with_thirty_merge_conflicts_a_laptop_shows_ten_disagreements_and_the_buttons(
    arabic_window, qtbot, project, tmp_path
):
    window = arabic_window
    for i in range(25):  # speakers only Omar tagged: disagreements beyond the seed's few
        project.add_annotation(SEED, "omar", "speaker", 300 + 8 * i, 304 + 8 * i)
    merge_conflicts(project, tmp_path, 30)
    window.reload()
    qtbot.wait(1)
    assert window.items_model.rowCount() > 10
    assert rows_in_view(window.items) >= 10
    # The conflicts come to the front with their list, their fields and both buttons readable.
    assert window.conflicts.isVisible()
    assert rows_in_view(window.conflicts.table) >= 6
    fields = window.conflicts.fields
    assert rows_in_view(fields) == fields.model().rowCount() >= 3
    assert window.geometry() == fitted_geometry(LAPTOP)
    for button in (window.conflicts.keep, window.conflicts.take):
        corner = button.mapToGlobal(QPoint(button.width() - 1, button.height() - 1))
        assert button.isVisible() and window.geometry().contains(corner)
        assert LAPTOP.contains(corner)
    # A decision brings the article to the front; T the conflicts again.
    window.select_row(0)
    QTest.keyClick(window.items, Qt.Key.Key_1)
    qtbot.wait(1)
    assert window.editor.isVisible() and window.article.isVisible()
    assert rows_in_view(window.items) >= 10 and rows_in_view(window.details) >= 3
    QTest.keyClick(window.items, Qt.Key.Key_T)
    assert window.conflicts.isVisible() and window.conflicts.open_count == 29
