"""A mouse drag in the right-to-left article over a Latin name («Dr. Omar Razzaz»), pressed and
released on glyphs where Qt laid them out: the letters between press and release are selected
in logical order whichever way the hand moved, and the tag snaps to the whole name."""

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from annotator.core.store.project import Project, TextSource
from annotator.gui.app import load_fonts
from annotator.gui.article_view import ArticleView
from annotator.gui.workbench import Workbench

NO = Qt.KeyboardModifier.NoModifier
LEFT = Qt.MouseButton.LeftButton
ECONOMY = (
    'في المقابل، حذّر الخبير الاقتصادي Dr. Omar Razzaz من أن "رفع الفائدة سيثقل كاهل '
    'المقترضين"، داعيًا إلى حزمة دعم.\n'
    'وقال المتحدث باسم الأمم المتحدة Stéphane Dujarric إن "الوضع الإنساني كارثي".'
)


@pytest.fixture
def article(qtbot, tmp_path):
    load_fonts()
    project = Project.create(tmp_path / "p.annotator")
    project.import_texts([TextSource(ECONOMY, source="economy.txt")])
    workbench = Workbench(project, "amal")
    view = ArticleView(workbench)
    qtbot.addWidget(view)
    view.resize(900, 400)
    view.show()
    qtbot.waitExposed(view)
    workbench.open_document(project.documents()[0].id)
    yield view
    project.close()


def glyph(view: ArticleView, position: int, share: float = 0.5) -> QPoint:
    """A viewport point on the glyph of the letter at a code-point offset, `share` of the way
    across it from its left edge, as Qt laid the line out."""
    at = view.offsets.to_utf16(position)
    block = view.document().findBlock(at)
    layout = block.layout()
    line = layout.lineForTextPosition(at - block.position())
    box = line.glyphRuns(at - block.position(), 1)[0].boundingRect()
    base = view.blockBoundingGeometry(block).translated(view.contentOffset()).topLeft()
    base += layout.position()
    x = base.x() + box.left() + box.width() * share
    return QPoint(round(x), round(base.y() + line.y() + line.height() / 2))


def drag(view: ArticleView, press: QPoint, release: QPoint) -> None:
    """Press, move in steps as a hand does, release."""
    viewport = view.viewport()
    QTest.mousePress(viewport, LEFT, NO, press)
    for step in range(1, 9):
        QTest.mouseMove(viewport, press + (release - press) * step / 8)
    QTest.mouseRelease(viewport, LEFT, NO, release)


@pytest.mark.parametrize("share", [0.15, 0.5, 0.85])
@pytest.mark.parametrize(("first", "last"), [("Dr.", "Razzaz"), ("Stéphane", "Dujarric")])
def test_dragging_leftwards_from_inside_a_latin_name_onto_its_first_word_tags_the_name(
    article, share, first, last
):
    text = article.workbench.text
    name = text.index(last)
    drag(article, glyph(article, name + 3), glyph(article, text.index(first), share))
    assert article.span_to_tag() == (text.index(first), name + len(last))


@pytest.mark.parametrize("share", [0.15, 0.5, 0.85])
def test_dragging_rightwards_over_the_same_name_tags_the_same_words(article, share):
    text = article.workbench.text
    name = text.index("Razzaz")
    drag(article, glyph(article, text.index("Dr."), share), glyph(article, name + 3))
    assert article.span_to_tag() == (text.index("Dr."), name + len("Razzaz"))


def test_a_drag_from_an_arabic_word_onto_a_latin_name_selects_the_letters_passed(article):
    text = article.workbench.text
    start, name = text.index("الخبير"), text.index("Stéphane")
    drag(article, glyph(article, text.index("المتحدث") + 2), glyph(article, name, 0.2))
    # The press letter and the letter under the mouse are both in, in logical order.
    assert article.selection_span() == (text.index("المتحدث") + 2, name + 1)
    drag(article, glyph(article, start + 2), glyph(article, text.index("Dr."), 0.2))
    assert article.span_to_tag() == (start, text.index("Dr.") + len("Dr"))


def test_every_letter_of_a_mixed_line_is_found_under_its_glyph(article):
    text = article.workbench.text
    for position in range(text.index("الاقتصادي"), text.index("من أن")):
        for share in (0.1, 0.9):
            assert article.letter_at(glyph(article, position, share)) == position


def test_a_click_inside_the_name_selects_no_text(article):
    text = article.workbench.text
    spot = glyph(article, text.index("Omar"))
    QTest.mouseClick(article.viewport(), LEFT, NO, spot)
    assert article.selection_span() is None
