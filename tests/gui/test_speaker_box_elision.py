"""A claim's speaker box too narrow for the speaker's name cuts it at the end of what is read,
with "…" after the letters kept, in both interface languages; the whole name is its tooltip."""

import re

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QProxyStyle, QToolTip

from annotator.core.bidi import plain
from annotator.gui import language
from annotator.gui.app import load_fonts
from annotator.gui.side_panel import SidePanel
from tests.gui.test_bidi_order import LTR, RTL, boxes, centre

LONG_NAME = "Abdulrahman Mohammed Al-Sharqawi of the Strategic Studies Centre"
QAANI = "العميد قاآني"
LONG_MENTION = 'قائد "قوة القدس" في حرس الثورة الإيراني العميد إسماعيل قاآني'
CLAIM = "إيران تقف إلى جانب الحق الفلسطيني"


class Recording(QProxyStyle):
    """The application's style, noting each text it is asked to draw."""

    def __init__(self):
        super().__init__()
        self.drawn: list[str] = []

    def drawItemText(self, painter, rect, flags, palette, enabled, text, role=None):  # noqa: N802
        self.drawn.append(text)
        super().drawItemText(painter, rect, flags, palette, enabled, text)


def laid_out(text: str, direction) -> str:
    """The characters of `text` from left to right as Qt lays them out (controls left out)."""
    at = boxes(text, direction)
    shown = [(centre(at[i]), ch) for i, ch in enumerate(text) if at[i][0] == at[i][0]]
    return "".join(ch for _, ch in sorted(shown))


@pytest.fixture(params=["ar", "en"])
def interface(request, qapp):
    load_fonts()
    language.apply(request.param)
    yield request.param
    language.apply("en")


@pytest.fixture
def speaker_box(qtbot, workbench, tag, interface):
    """The speaker box of a claim, in a side panel as narrow as a laptop's."""

    def open_box(mention: str, entity: str | None):
        speaker = tag("speaker", mention)
        if entity:
            workbench.edit(speaker, "Set speaker entity", entity=entity)
        workbench.select(tag("claim", CLAIM))
        panel = SidePanel(workbench)
        qtbot.addWidget(panel)
        panel.resize(400, 700)
        panel.show()
        qtbot.waitExposed(panel)
        return panel.editor.field("speaker")

    return open_box


def drawn_text(combo) -> str:
    recording = Recording()
    combo.setStyle(recording)
    combo.grab()
    assert recording.drawn
    return recording.drawn[-1]


def test_a_long_latin_entity_is_cut_after_the_letters_kept(speaker_box, interface):
    combo = speaker_box(QAANI, LONG_NAME)
    whole = combo.currentText()
    drawn = drawn_text(combo)
    assert (
        plain(drawn) != plain(whole)
        and combo.fontMetrics().horizontalAdvance(drawn) < combo.width()
    )
    laid = laid_out(drawn, RTL if interface == "ar" else LTR)
    # "Abdul…": the mark right after the Latin letters kept, read left to right.
    assert re.search(r"Ab[A-Za-z -]*…", laid), laid
    assert not re.search(r"…\s*Ab", laid), laid


def test_a_long_arabic_mention_is_cut_at_its_reading_end(speaker_box, interface):
    combo = speaker_box(LONG_MENTION, None)
    drawn = drawn_text(combo)
    assert plain(drawn).endswith("…")
    laid = laid_out(drawn, RTL if interface == "ar" else LTR)
    # Laid out, Arabic reads from the right: its first word rightmost, the mark leftmost.
    assert laid.startswith("…") and laid.rstrip().endswith("دئاق"), laid


def test_the_tooltip_shows_the_whole_name(speaker_box, qtbot):
    combo = speaker_box(QAANI, LONG_NAME)
    centre_ = QPoint(combo.width() // 2, combo.height() // 2)
    QToolTip.hideText()
    event = QHelpEvent(QEvent.Type.ToolTip, centre_, combo.mapToGlobal(centre_))
    combo.event(event)
    qtbot.waitUntil(QToolTip.isVisible)
    assert plain(QToolTip.text()) == plain(combo.currentText())
    assert LONG_NAME in plain(QToolTip.text())
    # The rows of its list, cut to the list's width, say the whole name on hover too.
    row = combo.model().index(combo.currentIndex(), 0)
    assert LONG_NAME in plain(row.data(Qt.ItemDataRole.ToolTipRole))


@pytest.mark.parametrize(
    "name",
    [LONG_NAME, "قائد قوة القدس في حرس الثورة الإسلامية الإيراني العميد الركن إسماعيل قاآني"],
)
def test_a_long_entity_name_shows_its_beginning_and_the_whole_name_on_hover(
    qtbot, workbench, tag, interface, name
):
    speaker = tag("speaker", QAANI)
    workbench.edit(speaker, "Set speaker entity", entity=name)
    workbench.select(speaker)
    panel = SidePanel(workbench)
    qtbot.addWidget(panel)
    panel.resize(400, 700)
    panel.show()
    qtbot.waitExposed(panel)
    combo = panel.editor.field("entity")
    line = combo.lineEdit()
    assert line.text() == name
    # Too long for the box: the first word is in view, so the cut is at the reading end.
    assert line.fontMetrics().horizontalAdvance(name) > line.width()
    # The character at one edge of the box is the name's first (its reading start), while
    # the other edge shows a character well before its end.
    combo.grab()  # painted as on screen: the line edit scrolls to its cursor as it paints
    middle = line.height() // 2
    at_edges = [line.cursorPositionAt(QPoint(x, middle)) for x in (3, line.width() - 3)]
    assert min(at_edges) <= 1, at_edges
    assert max(at_edges) < len(name) - 3, at_edges
    assert name in plain(combo.toolTip())
    centre_ = QPoint(combo.width() // 2, combo.height() // 2)
    QToolTip.hideText()
    combo.event(QHelpEvent(QEvent.Type.ToolTip, centre_, combo.mapToGlobal(centre_)))
    qtbot.waitUntil(QToolTip.isVisible)
    assert name in plain(QToolTip.text())
