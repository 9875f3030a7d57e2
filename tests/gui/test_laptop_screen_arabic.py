"""The Arabic interface on a 1366x768 laptop screen: the main window, the review window, the
agreement dialog, the project settings and the export dialog show every label and button whole
(nothing cut, nothing overlapping) at a legible size."""

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QLabel,
    QTabBar,
    QToolButton,
    QWidget,
)

from annotator.core.formats import jsonl
from annotator.core.paths import seeds_dir
from annotator.gui import language
from annotator.gui.agreement_dialog import AgreementDialog
from annotator.gui.app import load_fonts
from annotator.gui.export_dialog import ExportDialog
from annotator.gui.project_settings import ProjectSettingsDialog
from annotator.gui.review_window import ReviewWindow
from annotator.gui.window_state import fitted_geometry

SEED = "000_41ac67127a0642cf"
LAPTOP = QRect(0, 0, 1366, 768)
# The smallest text a laptop screen shows legibly (px of the font's x-height and capitals:
# about 9 pt at 96 dpi).
LEGIBLE_PX = 12


@pytest.fixture
def arabic(qapp, project):
    load_fonts()
    language.apply("ar")
    for name, kind in (("amal", "gold"), ("colleague", "colleague")):
        jsonl.import_annotations(project, seeds_dir() / f"{SEED}.{kind}.jsonl", name)
    yield project
    language.apply("en")


def shown(widget: QWidget) -> bool:
    return widget.isVisible() and widget.width() > 0 and widget.height() > 0


def scrolled(widget: QWidget, top: QWidget) -> bool:
    """Whether `widget` is inside a scroll area of `top` (which shows it by scrolling)."""
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def cut_or_overlapping(top: QWidget) -> list[str]:
    """What a reader would find cut: a label or button narrower than its text needs, a tab
    narrower than its title, text smaller than legible, or a widget reaching outside its
    window; each named by its text."""
    problems = []
    window_rect = top.rect()
    screen = fitted_geometry(LAPTOP).size()  # the room inside the frame on a laptop screen
    for what, size in (("window", top.size()), ("its minimum", top.minimumSizeHint())):
        if size.width() > screen.width() or size.height() > screen.height():
            problems.append(f"{what} larger than a laptop screen: {size}")
    for widget in top.findChildren(QWidget):
        if not shown(widget) or widget.window() is not top:
            continue
        text = ""
        if isinstance(widget, QLabel) and widget.text() and not widget.wordWrap():
            text = widget.text()
            if widget.width() < widget.minimumSizeHint().width():
                problems.append(
                    f"label cut: {text!r} {widget.width()} < {widget.minimumSizeHint().width()}"
                )
        elif (
            isinstance(widget, QAbstractButton)
            and widget.text()
            and not isinstance(widget, QToolButton)
        ):
            text = widget.text()
            if widget.width() < widget.sizeHint().width():
                problems.append(
                    f"button cut: {text!r} {widget.width()} < {widget.sizeHint().width()}"
                )
        elif isinstance(widget, QTabBar):
            for i in range(widget.count()):
                if (
                    widget.tabRect(i).width() < widget.tabSizeHint(i).width()
                    and not widget.usesScrollButtons()
                ):
                    problems.append(f"tab cut: {widget.tabText(i)!r}")
        if text and QFontInfo(widget.font()).pixelSize() < LEGIBLE_PX:
            problems.append(f"too small: {text!r} {QFontInfo(widget.font()).pixelSize()} px")
        where = QRect(widget.mapTo(top, widget.rect().topLeft()), widget.size())
        if text and not window_rect.contains(where) and not scrolled(widget, top):
            problems.append(f"outside the window: {text!r} {where}")
    return problems


def on_laptop(qtbot, top: QWidget) -> QWidget:
    qtbot.addWidget(top)
    top.setGeometry(fitted_geometry(LAPTOP))
    top.show()
    qtbot.waitExposed(top)
    return top


def test_the_main_window(arabic, open_window, qtbot):
    window = open_window()
    window.setGeometry(fitted_geometry(LAPTOP))
    window.workbench.select(window.workbench.visible_annotations()[1].id)
    qtbot.wait(10)
    assert cut_or_overlapping(window) == []


def test_the_review_window(arabic, qtbot):
    review = on_laptop(qtbot, ReviewWindow(arabic, "amal", SEED, None, ("amal", "colleague")))
    assert cut_or_overlapping(review) == []


def test_the_agreement_dialog(arabic, qtbot):
    dialog = AgreementDialog(arabic)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.compute()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=30000)
    for index in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(index)
        assert cut_or_overlapping(dialog) == []


def test_the_project_settings(arabic, workbench, qtbot):
    dialog = ProjectSettingsDialog(workbench)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert cut_or_overlapping(dialog) == []


def test_the_export_dialog(arabic, workbench, qtbot):
    dialog = ExportDialog(arabic, workbench.document_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert cut_or_overlapping(dialog) == []
