"""A read-only, right-to-left article with highlights painted under its text; the one place
where Qt's UTF-16 positions are turned into the project's code-point offsets and back."""

from __future__ import annotations

import atexit
import bisect
import logging
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from typing import NamedTuple

import numpy as np
from PySide6.QtCore import QMimeData, QPoint, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QClipboard,
    QColor,
    QFont,
    QGuiApplication,
    QPainter,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextLayout,
    QTextLine,
    QTextOption,
)
from PySide6.QtWidgets import QPlainTextEdit, QWidget
from shiboken6 import Shiboken

from annotator.core.arabic.text import Utf16Map
from annotator.core.columns import Span, SpanColumns
from annotator.core.model import Annotation
from annotator.core.schema import LabelSchema

BASE_POINT_SIZE = 17
MIN_POINT_SIZE, MAX_POINT_SIZE = 9, 48
ARTICLE_FONT = "Amiri"

# How strongly an annotation is painted (0 transparent .. 1 opaque), from its span: by its
# layer and annotator, except for the few annotations a `SingledOut` names.
Strength = Callable[[Span], float]
# The ids of the annotations whose strength is not that of their layer and annotator (the
# selected one, the speaker it links to).
SingledOut = Callable[[], Iterable[str | None]]

# A stack of translucent fills lets this much light through from below, or less, once this
# many are stacked: fills further down change no pixel (under a quarter of an 8-bit level),
# so no more are composed however many annotations lie on the same words.
_OPAQUE = 1 / 1024
_DEEPEST = 64

log = logging.getLogger("annotator")


class _BlockRuns(NamedTuple):
    """The coverage runs of one block, as worked out for its place and the strengths of the
    singled-out annotations meeting it."""

    where: tuple[int, int]  # the block's position and length (UTF-16 units)
    singled: dict[str, float]
    starts: list[int]  # block positions (UTF-16), by start, disjoint
    ends: list[int]
    colors: list[QColor]


class Highlights:
    """Annotation highlights painted under the text, never set as character formats.

    Any change of character format inside a word splits it into separate shaping runs, and
    Amiri then picks different contextual forms (seen with «وأكد»). So highlights are drawn
    onto the viewport before the text: each visible line's layout draws only the backgrounds
    of its annotation ranges (text pen transparent), in Qt's own bidi-aware visual order; then
    the editor draws the text once, shaped exactly as without highlights. Translucent colours
    make a speaker nested in a claim show as a mix of both.

    The spans are kept as columns (`SpanColumns`: offsets in arrays, no object per
    annotation) in order of their start, found by bisection for the blocks on screen, so
    painting costs what is on screen whatever the article's length; a change moves only its
    own annotations (`update`) and says which blocks need painting again.

    What is painted is worked out per block as coverage runs (`ranges`): the block is cut
    wherever an annotation starts or ends, and each piece gets the one colour that the
    translucent fills of the annotations covering it compose, outer spans below inner ones
    (as if each were painted in turn: the same colour, up to rounding). A piece under a deep
    stack composes only the fills that still show (`_OPAQUE`, `_DEEPEST`). So a line costs
    the pieces on it, not the annotations meeting it: twenty thousand annotations on the
    same two words paint as a few dozen pieces. The runs are kept per block until a change
    touches the block, the columns change without `update`, or the singled-out annotations
    change there. `strength` must depend on a span's layer and annotator alone, except for
    the annotations `singled_out` names.
    """

    # `ranges` gives disjoint runs, each one colour: painted without seams between them.
    DISJOINT = True

    def __init__(
        self,
        document: QTextDocument,
        schema: LabelSchema,
        strength: Strength,
        singled_out: SingledOut = tuple,
    ):
        self._document = document
        self._colors = {layer.name: QColor(layer.color) for layer in schema.layers}
        self._strength = strength
        self._singled_out = singled_out
        self._offsets = Utf16Map("")
        self._spans = SpanColumns()
        # True: the spans are columns kept up to date by their owner (`follow`), and `update`
        # only says which blocks to paint again.
        self._following = False
        # Coverage runs by block number, and the columns' version they were last checked
        # against; the singled-out annotations' spans and strengths as last looked up.
        self._runs: dict[int, _BlockRuns] = {}
        self._seen = -1
        self._singled: tuple[tuple, dict[str, tuple[int, int, float]]] = ((), {})

    def color(self, layer: str) -> QColor:
        return QColor(self._colors.get(layer, QColor("#999999")))

    def set_annotations(self, annotations: Iterable[Annotation | Span], offsets: Utf16Map) -> None:
        """Show these annotations (and no others) of the document's current text; `update`
        changes them."""
        self._offsets = offsets
        self._spans = SpanColumns(annotations)
        self._following = False
        self._forget()

    def follow(self, columns: SpanColumns, offsets: Utf16Map) -> None:
        """Show the spans of columns that their owner keeps up to date (the workbench's), not
        a copy: a change then moves its rows once, in the owner's columns, and `update` is
        told of it only to say which blocks to paint again."""
        self._offsets = offsets
        self._spans = columns
        self._following = True
        self._forget()

    def _forget(self) -> None:
        self._runs.clear()
        self._seen = self._spans.version
        self._singled = ((), {})

    def update(
        self, removed: Iterable[Annotation | Span], added: Iterable[Annotation | Span]
    ) -> set[int]:
        """Take some annotations out and put others in (an edit is both); the numbers of the
        blocks whose highlights changed."""
        touched: set[int] = set()
        for annotation in removed:
            touched.update(self.blocks(annotation))
            if not self._following:
                self._spans.remove(annotation)
        for annotation in added:
            touched.update(self.blocks(annotation))
            if not self._following:
                self._spans.insert(annotation)
        if self._seen != self._spans.version:  # else what changed was already known
            for number in touched:
                self._runs.pop(number, None)
            self._seen = self._spans.version
        return touched

    def blocks(self, annotation: Annotation | Span) -> range:
        """The numbers of the blocks an annotation covers."""
        start = self._offsets.to_utf16(annotation.start)
        end = self._offsets.to_utf16(annotation.end)
        first = self._document.findBlock(start).blockNumber()
        last = self._document.findBlock(max(start, end - 1)).blockNumber()
        return range(max(first, 0), max(last, first, 0) + 1)

    def spans(self, start: int, end: int) -> list[Span]:
        """The spans of the annotations meeting a stretch of the text (code points, end
        excluded)."""
        return self._spans.overlapping(start, end)

    def innermost(self, position: int) -> Span | None:
        """The shortest span covering a code-point position (the first in reading order of
        the shortest), or None; chosen in C however many spans lie there."""
        rows = self._spans.rows_meeting(position, position + 1)
        if not len(rows):
            return None
        starts, ends, _, _ = self._spans.arrays()
        return self._spans.span(int(rows[np.argmin(ends[rows] - starts[rows])]))

    def ranges(
        self, block: QTextBlock, first: int = 0, last: int | None = None
    ) -> list[QTextLayout.FormatRange]:
        """The coverage runs meeting part of a block (UTF-16 positions in the block, from
        `first` to `last`, by default all of it): disjoint, in the order of the text, each
        with the colour its annotations compose; each run is cut to the block, not to the
        part."""
        length = block.length() - 1
        last = length if last is None else min(last, length)
        runs = self._block_runs(block)
        ranges = []
        at = bisect.bisect_right(runs.ends, first)
        while at < len(runs.starts) and runs.starts[at] < last:
            fmt = QTextCharFormat()
            fmt.setBackground(runs.colors[at])
            fmt.setForeground(QColor(Qt.GlobalColor.transparent))
            item = QTextLayout.FormatRange()
            item.start, item.length, item.format = (
                runs.starts[at],
                runs.ends[at] - runs.starts[at],
                fmt,
            )
            ranges.append(item)
            at += 1
        return ranges

    def _block_runs(self, block: QTextBlock) -> _BlockRuns:
        """A block's coverage runs: kept, or worked out again when stale."""
        if self._seen != self._spans.version:  # changed without `update`: nothing is kept
            self._runs.clear()
            self._seen = self._spans.version
        origin, length = block.position(), block.length() - 1
        to_cp = self._offsets.to_codepoint
        low, high = to_cp(origin), to_cp(origin + length)
        singled = {
            i: strength
            for i, (start, end, strength) in self._singled_strengths().items()
            if start < max(high, low + 1) and end > low
        }
        number = block.blockNumber()
        kept = self._runs.get(number)
        if kept is None or kept.where != (origin, length) or kept.singled != singled:
            kept = self._runs[number] = self._compose(origin, length, singled)
        return kept

    def _singled_strengths(self) -> dict[str, tuple[int, int, float]]:
        """The singled-out annotations shown here: id -> (start, end, strength)."""
        ids = tuple(i for i in self._singled_out() if i)
        key = (ids, self._spans.version)
        if self._singled[0] != key:
            found = {}
            for annotation_id in ids:
                row = self._spans.row_of(annotation_id)
                if row >= 0:
                    span = self._spans.span(row)
                    found[annotation_id] = (span.start, span.end, self._strength(span))
            self._singled = (key, found)
        return self._singled[1]

    def _compose(self, origin: int, length: int, singled: dict[str, float]) -> _BlockRuns:
        """Cut a block (UTF-16 position, length) into coverage runs and compose each run's
        colour from the top down: the innermost fill first, until the stack lets (almost)
        no light through.

        Fills are composed as QPainter's default mode does, "source over" (Porter and Duff,
        "Compositing Digital Images", SIGGRAPH 1984): a fill of colour c and opacity a over
        what is below gives c*a + below*(1 - a), so n fills make one of opacity
        1 - prod(1 - a_i) and colour sum(c_i * a_i * prod over the fills above i of
        (1 - a_j)) divided by that opacity."""
        empty = _BlockRuns((origin, length), singled, [], [], [])
        columns, to_cp, to_u16 = self._spans, self._offsets.to_codepoint, self._offsets.to_utf16
        low = to_cp(origin)
        rows = columns.rows_meeting(low, max(to_cp(origin + length), low + 1))
        if not len(rows):
            return empty
        all_starts, all_ends, all_layers, all_annotators = columns.arrays()
        count = len(rows)
        # Code points to UTF-16 units in the block: once per distinct offset.
        values, inverse = np.unique(
            np.concatenate([all_starts[rows], all_ends[rows]]), return_inverse=True
        )
        units = np.array([to_u16(int(v)) for v in values.tolist()], dtype=np.int64) - origin
        starts, ends = units[inverse[:count]], units[inverse[count:]]
        left, right = np.clip(starts, 0, length), np.clip(ends, 0, length)
        # Painted outer spans first, inner ones on top; the same spans in reading order.
        order = np.lexsort((np.arange(count), starts, starts - ends))[::-1]
        order = order[right[order] > left[order]]
        if not len(order):
            return empty
        # Each row's colour and strength: by (layer, annotator), then the singled-out ones.
        layers, annotators = all_layers[rows], all_annotators[rows]
        pairs, pair_of = np.unique(
            layers.astype(np.int64) * (1 << 32) + annotators, return_inverse=True
        )
        names = columns.names
        rgb, alpha = [], []
        for pair in pairs.tolist():
            layer, annotator = names[pair >> 32], names[pair & 0xFFFFFFFF]
            color = self.color(layer)
            rgb.append((color.redF(), color.greenF(), color.blueF()))
            alpha.append(self._strength(Span("", layer, annotator, 0, 0)))
        alphas = np.array(alpha)[pair_of]
        for annotation_id, strength in singled.items():
            row = columns.row_of(annotation_id)
            where = np.searchsorted(rows, row)
            if where < count and rows[where] == row:
                alphas[where] = strength
        # The pieces between every start and end, and the pieces each row covers.
        cuts = np.unique(np.concatenate([left[order], right[order]]))
        first_piece, stop_piece = np.searchsorted(cuts, left), np.searchsorted(cuts, right)
        firsts, stops = first_piece.tolist(), stop_piece.tolist()
        pieces = len(cuts) - 1
        light = [1.0] * pieces  # what the fills composed so far let through from below
        depth = [0] * pieces
        red, green, blue = [0.0] * pieces, [0.0] * pieces, [0.0] * pieces
        # The next piece not yet opaque, at or after each piece (`pieces`: none).
        ahead = list(range(pieces + 1))

        def next_open(k: int) -> int:
            root = k
            while ahead[root] != root:
                root = ahead[root]
            while ahead[k] != root:
                ahead[k], k = root, ahead[k]
            return root

        alphas_list, pair_list = alphas.tolist(), pair_of.tolist()
        for top in range(0, len(order), 256):
            chunk = order[top : top + 256]
            if top:  # rows whose pieces are all opaque already are passed over in C
                shut = np.array(ahead[:pieces]) != np.arange(pieces)
                closed = np.concatenate([[0], np.cumsum(shut)])
                covered = stop_piece[chunk] - first_piece[chunk]
                chunk = chunk[closed[stop_piece[chunk]] - closed[first_piece[chunk]] < covered]
            for row in chunk.tolist():
                strength = alphas_list[row]
                if strength <= 0:
                    continue
                r, g, b = rgb[pair_list[row]]
                stop = stops[row]
                k = next_open(firsts[row])
                while k < stop:
                    through = light[k]
                    red[k] += through * strength * r
                    green[k] += through * strength * g
                    blue[k] += through * strength * b
                    light[k] = through * (1 - strength)
                    depth[k] += 1
                    if light[k] < _OPAQUE or depth[k] >= _DEEPEST:
                        ahead[k] = k + 1
                    k = next_open(k + 1)
        run_starts: list[int] = []
        run_ends: list[int] = []
        colors: list[QColor] = []
        previous = None
        cut_list = cuts.tolist()
        for k in range(pieces):
            if light[k] >= 1.0:
                previous = None
                continue
            cover = 1.0 - light[k]
            found = (red[k] / cover, green[k] / cover, blue[k] / cover, cover)
            if found == previous:
                run_ends[-1] = cut_list[k + 1]
                continue
            previous = found
            run_starts.append(cut_list[k])
            run_ends.append(cut_list[k + 1])
            colors.append(QColor.fromRgbF(*(min(max(v, 0.0), 1.0) for v in found)))
        return _BlockRuns((origin, length), singled, run_starts, run_ends, colors)


# Paragraphs longer than this (characters) are shown as blocks of at most this length.
LONGEST_BLOCK = 8000
# Where a long paragraph is best broken: after a sentence's end (the space is replaced).
_SENTENCE_ENDS = (". ", "؟ ", "! ", "؛ ", ": ")


# White space other than a line's end (CR stays before its LF).
_BLANK = re.compile(r"[^\S\r\n]")


def _last_blank(text: str, low: int, high: int) -> int:
    """The position of the last white space in text[low:high] other than CR or LF, or -1."""
    last = -1
    for found in _BLANK.finditer(text, low, high):
        last = found.start()
    return last


def display_text(text: str, longest: int = LONGEST_BLOCK) -> str:
    """The text as the article's document holds it: every paragraph longer than `longest`
    characters broken into blocks of at most `longest` (past a block's half, at the last
    sentence end, else the last space, else the last other white space: a no-break space,
    a tab, a thin space of scraped text), that character replaced by a line break.

    Qt lays out a whole block, and drawing any one line of it costs in proportion to the
    block's length; a paragraph of 50,000 characters (scraped text often has no line
    breaks) would take a second to open and tens of ms per paint. One character replaced by
    one keeps every position, in code points and in UTF-16 units, the same: offsets,
    selections, snapping and search are unaffected; the view shows a line ending early.
    A paragraph with no white space where it should break is left whole."""
    if len(text) <= longest:
        return text
    cuts: list[int] = []
    begin = 0
    while begin < len(text):
        end = text.find("\n", begin)
        end = len(text) if end < 0 else end
        at = begin
        while end - at > longest:
            low, high = at + longest // 2, at + longest
            cut = max(text.rfind(mark, low, high) for mark in _SENTENCE_ENDS)
            cut = cut + 1 if cut >= 0 else text.rfind(" ", low, high)
            if cut < 0:
                cut = _last_blank(text, low, high)
            if cut < 0:
                break
            cuts.append(cut)
            at = cut + 1
        begin = end + 1
    if not cuts:
        return text
    pieces, previous = [], 0
    for cut in cuts:
        pieces.append(text[previous:cut])
        previous = cut + 1
    pieces.append(text[previous:])
    return "\n".join(pieces)


class ArticleText(QPlainTextEdit):
    """The article, shaped and right-to-left in the bundled font, with zoom and code-point
    offsets. Subclasses say which highlights to paint in `highlight_layers`."""

    zoom_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._text = ""
        self.offsets = Utf16Map("")
        # A place `show_from` keeps on top while the view settles (None: none kept).
        self._kept: int | None = None
        # The word the last zoom kept on top and the scroll bar's value then: zooming again
        # without scrolling keeps that word, so the place does not drift line by line.
        self._zoomed_at: tuple[int, int] | None = None
        # The letter a left-button drag started on (code points; None: no such drag).
        self._pressed: int | None = None
        # Qt's own scrolling as it lays the article out keeps it; the scroll bar used lets go.
        self.verticalScrollBar().actionTriggered.connect(self._let_go)
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setUndoRedoEnabled(False)  # the document never changes; our undo is the project's
        option = self.document().defaultTextOption()
        option.setTextDirection(Qt.LayoutDirection.RightToLeft)
        option.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.document().setDefaultTextOption(option)
        self.document().setDocumentMargin(18)
        self.set_point_size(BASE_POINT_SIZE)

    def show_text(self, text: str) -> None:
        self._kept = self._zoomed_at = None
        self._text = text
        self.offsets = Utf16Map(text)
        self.setPlainText(display_text(text))
        self.moveCursor(QTextCursor.MoveOperation.Start)

    def repaint_blocks(self, numbers: Iterable[int], rise: int = 0) -> None:
        """Schedule a repaint of the blocks (by number) that are on screen, and of `rise`
        pixels above them; nothing when none is on screen."""
        view = self.viewport().rect()
        offset = self.contentOffset()
        area = QRect()
        for number in numbers:
            block = self.document().findBlockByNumber(number)
            if block.isValid() and block.isVisible():
                bounds = self.blockBoundingGeometry(block).translated(offset).toAlignedRect()
                area = area.united(bounds.intersected(view))
        if not area.isEmpty():
            self.viewport().update(area.adjusted(0, -rise, 0, 0).intersected(view))

    def createMimeDataFromSelection(self) -> QMimeData:  # noqa: N802
        """Copy the selection as stored: where a long paragraph is broken for display
        (`display_text`) the copy has its space, not a line break."""
        data = QMimeData()
        span = self.selection_span()
        data.setText(self._text[span[0] : span[1]] if span else "")
        _handed_over.append(data)
        _handed_over[:] = [d for d in _handed_over if Shiboken.isValid(d)]
        return data

    # ------------------------------------------------------------------ offsets

    def selection_span(self) -> tuple[int, int] | None:
        """The exact selection in code points, or None without a selection."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        start = self.offsets.to_codepoint(cursor.selectionStart())
        end = self.offsets.to_codepoint(cursor.selectionEnd())
        return (start, end) if start < end else None

    def select_span(self, start: int, end: int) -> None:
        """Select a code-point span in the view (the cursor ends at `end`)."""
        cursor = self.textCursor()
        cursor.setPosition(self.offsets.to_utf16(start))
        cursor.setPosition(self.offsets.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def show_span(self, start: int, end: int) -> None:
        """Scroll to a span without selecting text, so the next tag is not applied to it."""
        self._let_go()
        cursor = self.textCursor()
        cursor.setPosition(self.offsets.to_utf16(min(end, self.offsets.length)))
        self.setTextCursor(cursor)
        cursor.setPosition(self.offsets.to_utf16(start))
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def first_shown(self) -> int:
        """The code-point offset where the first line on screen starts (the line the scroll
        bar stands at: Qt scrolls an article by whole lines)."""
        block = self.firstVisibleBlock()
        if not block.isValid():
            return 0
        layout = block.layout()
        number = self.verticalScrollBar().value() - block.firstLineNumber()
        if not 0 <= number < layout.lineCount():
            return self.offsets.to_codepoint(block.position())
        return self.offsets.to_codepoint(block.position() + layout.lineAt(number).textStart())

    def show_from(self, position: int) -> None:
        """Scroll so that the line holding a code-point offset is the first on screen, and
        keep it there when the view is resized (the window is still settling) until the
        view is scrolled otherwise. The scroll bar counts lines of the blocks laid out so far
        (Qt lays out a long article as it is shown), so a place is kept as an offset, never
        as a scroll bar value."""
        self._place(position)
        self._kept = position

    def _place(self, position: int) -> None:
        # Qt's own way to bring a line to the top: from below, it scrolls up only as far
        # as the cursor's line.
        cursor = self.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.End)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        cursor.setPosition(self.offsets.to_utf16(max(0, min(position, self.offsets.length))))
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def _let_go(self, *_args) -> None:
        """The researcher moved the view (or asked for a span): the kept place is let go."""
        self._kept = None

    def keyPressEvent(self, event) -> None:  # noqa: N802
        self._let_go()
        super().keyPressEvent(event)

    def mousePressEvent(self, event) -> None:  # noqa: N802
        self._let_go()
        super().mousePressEvent(event)
        # A press that kept the selection is inside it (Qt may drag the text out) and one
        # with Shift extends it: Qt's own in both cases.
        plain = not event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        mine = event.button() == Qt.MouseButton.LeftButton and plain
        mine = mine and not self.textCursor().hasSelection()
        self._pressed = self.letter_at(event.position().toPoint()) if mine else None

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802
        self._pressed = None  # a double click's drag extends by words: Qt's own, left alone
        super().mouseDoubleClickEvent(event)

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        super().mouseMoveEvent(event)  # Qt's own drag too: it scrolls at the view's edges
        if self._pressed is not None and event.buttons() & Qt.MouseButton.LeftButton:
            self._select_letters(self._pressed, self.letter_at(event.position().toPoint()))

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        if self._pressed is not None and event.button() == Qt.MouseButton.LeftButton:
            if self.textCursor().hasSelection():
                self._select_letters(self._pressed, self.letter_at(event.position().toPoint()))
            self._pressed = None
        super().mouseReleaseEvent(event)

    def _select_letters(self, pressed: int, reached: int) -> None:
        """Select from the letter pressed to the letter the mouse is on, both included, in
        logical order whichever way the mouse went (code points).

        Qt selects between the gaps nearest the two points; where a Latin name sits in the
        right-to-left article, the gap at the name's visual left edge is the one after its
        last letter, so a drag leftwards onto «Dr.» selected the name's last letter and the
        space after it. Letters are found from the glyphs (`letter_at`), so the selection is
        the same in either direction. A drag that has not left its letter selects nothing
        new: Qt's selection (if any) then stays, and a click stays a click."""
        if pressed == reached and not self.textCursor().hasSelection():
            return
        start, end = min(pressed, reached), max(pressed, reached) + 1
        while end < len(self._text) and unicodedata.category(self._text[end]).startswith("M"):
            end += 1  # a letter's marks (tashkeel) go with it
        end = min(end, self.offsets.length)
        cursor = self.textCursor()
        if reached < pressed:
            start, end = end, start  # the cursor ends where the mouse is, as Qt leaves it
        cursor.setPosition(self.offsets.to_utf16(start))
        cursor.setPosition(self.offsets.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def resizeEvent(self, event) -> None:  # noqa: N802
        kept = self._kept  # a new width wraps the lines again and moves what is on top
        super().resizeEvent(event)
        if kept is not None:
            self._place(kept)
            self._kept = kept

    def letter_at(self, point: QPoint) -> int:
        """The code-point offset of the letter under a viewport point (the nearest letter of
        the line when the point is beside the text).

        Read from the glyphs Qt laid out, not from the gap Qt finds nearest: at either edge of
        a left-to-right run in the right-to-left article one gap shows in two places, and the
        gap Qt gives at the run's left edge is the one after the run's last letter."""
        cursor = self.cursorForPosition(point)
        block = cursor.block()
        layout = block.layout()
        if layout is None or layout.lineCount() == 0:
            return self.offsets.to_codepoint(cursor.position())
        base = self.blockBoundingGeometry(block).translated(self.contentOffset()).topLeft()
        base += layout.position()
        x, y = point.x() - base.x(), point.y() - base.y()
        line = layout.lineAt(max(bisect.bisect_right(_LineTops(layout), y) - 1, 0))
        first, last = line.textStart(), line.textStart() + line.textLength()
        gap = cursor.position() - block.position()
        # The letters either side of Qt's gap hold the point but at a run's edge: those first.
        near = [p for p in (gap - 1, gap) if first <= p < last]
        nearest, distance = None, float("inf")
        text, to_cp = self._text, self.offsets.to_codepoint
        for position in near + [p for p in range(first, last) if p not in near]:
            letter = text[to_cp(block.position() + position)]
            if unicodedata.category(letter).startswith("M"):
                continue  # a mark is drawn over its letter: the letter is the one hit
            for run in line.glyphRuns(position, 1):
                box = run.boundingRect()
                if box.left() <= x < box.right():
                    return self.offsets.to_codepoint(block.position() + position)
                away = min(abs(x - box.left()), abs(x - box.right()))
                if away < distance:
                    nearest, distance = position, away
        if nearest is None:
            return self.offsets.to_codepoint(cursor.position())
        return self.offsets.to_codepoint(block.position() + nearest)

    def anchor(self, position: int) -> QRect:
        """The cursor rectangle at a code-point offset, in viewport coordinates."""
        cursor = self.textCursor()
        cursor.setPosition(self.offsets.to_utf16(position))
        return self.cursorRect(cursor)

    # ------------------------------------------------------------------ zoom

    def set_point_size(self, size: int) -> None:
        """Show the article at `size` points, the first word on screen staying on the first
        line: the scroll bar counts lines, and a new size wraps every line again (in a long
        paragraph broken for display, `display_text`, the same count stood for a place
        screens away)."""
        size = max(MIN_POINT_SIZE, min(MAX_POINT_SIZE, size))
        font = QFont(ARTICLE_FONT)
        font.setPointSize(size)
        if self._text and size != self.point_size():
            self._keeping_place(lambda: self.setFont(font))
        else:
            self.setFont(font)
        self.zoom_changed.emit(size)

    def _keeping_place(self, change: Callable[[], None]) -> None:
        """Run `change` (one that lays the lines out again) with the line holding the first
        word on screen (or the place `show_from` keeps) brought back to the top; the cursor
        and selection are not touched."""
        bar = self.verticalScrollBar()
        top = self._kept
        if top is None and self._zoomed_at is not None and self._zoomed_at[1] == bar.value():
            top = self._zoomed_at[0]  # zoomed again without scrolling: the same word
        if top is None:
            top = self.first_shown()
        change()
        self._scroll_to_line_of(top)
        self._zoomed_at = (top, bar.value())

    def _scroll_to_line_of(self, position: int) -> None:
        """Make the line holding a code-point offset the first on screen, by the scroll bar
        alone. Qt counts a block it has not laid out since the last change as one line, so
        the value is read from the block's own count of the lines before it, after laying
        that block out; blocks laid out later are all below it."""
        utf16 = self.offsets.to_utf16(max(0, min(position, self.offsets.length)))
        block = self.document().findBlock(utf16)
        if not block.isValid():
            return
        self.document().documentLayout().blockBoundingRect(block)  # lays the block out
        line = block.layout().lineForTextPosition(utf16 - block.position())
        number = line.lineNumber() if line.isValid() else 0
        self.verticalScrollBar().setValue(block.firstLineNumber() + number)

    def point_size(self) -> int:
        return self.font().pointSize()

    def zoom(self, steps: int) -> None:
        self.set_point_size(self.point_size() + steps)

    def reset_zoom(self) -> None:
        self.set_point_size(BASE_POINT_SIZE)

    # ------------------------------------------------------------------ painting

    def highlight_layers(self) -> list[tuple[Highlights, str]]:
        """What to paint under the text: (highlights, band) with band "full", "top" or
        "bottom" (the upper or lower half of each line, to show two annotators at once)."""
        return []

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self.viewport())
        painter.setPen(QColor(Qt.GlobalColor.transparent))  # backgrounds only, no text
        try:
            self._paint_highlights(painter, event.rect())
        except Exception:  # noqa: BLE001 - a failed highlight must not cost the text
            log.exception("painting the highlights failed; the text is shown without them")
        finally:
            painter.end()
        super().paintEvent(event)

    def _paint_highlights(self, painter: QPainter, area) -> None:
        offset = self.contentOffset()
        layers = self.highlight_layers()
        block = self.firstVisibleBlock()
        while layers and block.isValid():
            bounds = self.blockBoundingGeometry(block).translated(offset)
            if bounds.top() > area.bottom():
                break
            # Only the blocks in the area asked for: a change repaints just its own blocks.
            if block.isVisible() and bounds.bottom() >= area.top():
                lines = lines_in(block.layout(), bounds.top(), area)
                if lines:
                    self._paint_lines(painter, block, bounds.topLeft(), lines, layers, area)
            block = block.next()

    def _paint_lines(self, painter, block, origin, lines, layers, area) -> None:
        """Paint every layer's ranges on some lines of a block (those in the area)."""
        layout = block.layout()
        first = layout.lineAt(lines.start).textStart()
        end = layout.lineAt(lines.stop - 1)
        last = end.textStart() + end.textLength()
        for highlights, band in layers:
            ranges = highlights.ranges(block, first, last)
            if ranges:
                disjoint = getattr(highlights, "DISJOINT", False)
                self._paint_band(painter, block, origin, lines, ranges, band, area, disjoint)

    def _paint_band(self, painter, block, origin, lines, ranges, band, area, disjoint) -> None:
        """Fill each range's part of each of some lines (or of the upper or lower half).

        In a line of Arabic words, spaces and punctuation (numbers allowed) a range's part is
        one rectangle between two cursor positions, unless it starts or ends at a number. A
        line with Latin words or emoji, and a range at a number, hold runs of both directions:
        Qt's glyph runs of the range on that line give one rectangle per run. (Never
        `QTextLayout.draw` with the ranges: it sets them as the block's formats for the call,
        and Qt then shapes the whole block again at the next look, quadratic in a long
        paragraph.)

        Ranges that overlap (search hits) are filled one over another. `disjoint` ranges
        (coverage runs, each the colour of a stack of fills) are filled once each, and a pixel
        column two runs share at their meeting point goes to the stronger one, as if it were
        in the run of both the stacks' annotations: two translucent fills there would show
        as a darker seam.
        """
        layout = block.layout()
        base = origin + layout.position()
        # Qt's positions are UTF-16 units; the article's text is sliced in code points.
        position, to_cp = block.position(), self.offsets.to_codepoint
        for number in lines:
            line = layout.lineAt(number)
            first = line.textStart()
            last = first + line.textLength()
            mine = [r for r in ranges if r.start < last and r.start + r.length > first]
            if not mine:
                continue
            box = line.rect().translated(base)
            # The line's whole pixel rows, as Qt fills a selection; a band is a part of them.
            rows = QRectF(box.toAlignedRect())
            clip = rows
            if band != "full":
                # The two bands split the line's pixel rows at one whole row, with no gap: a
                # gap (or a fractional edge left half painted) shows as a white hairline through
                # the middle of every line where both annotators tagged the same words.
                middle = rows.top() + int(rows.height()) // 2
                if band == "top":
                    clip = QRectF(area.left(), rows.top(), area.width(), middle - rows.top())
                else:
                    clip = QRectF(area.left(), middle, area.width(), rows.bottom() - middle)
            clip = clip.intersected(QRectF(area))
            if clip.isEmpty():  # an empty clip would let Qt draw the whole block
                continue
            piece = self._text[to_cp(position + first) : to_cp(position + last)]
            painter.save()
            painter.setClipRect(clip)
            boxes: list[tuple[float, float, QTextLayout.FormatRange]] = []
            fill = boxes.append if disjoint else _filler(painter, rows)
            if _NO_LEFT_TO_RIGHT.fullmatch(piece) and _ARABIC_LETTER.search(piece):
                mine = self._fill_ranges(fill, line, piece, mine, base.x())
            if mine:
                # As Qt paints a selection: the spaces ending a wrapped line are not covered.
                end = last - (len(piece) - len(piece.rstrip()))
                _fill_runs(fill, line, mine, end, base.x())
            if boxes:
                _fill_disjoint(painter, boxes, rows)
            painter.restore()

    @staticmethod
    def _fill_ranges(fill, line, piece, ranges, x) -> list:
        """Fill the ranges whose part of a right-to-left line is one rectangle between two
        cursor positions; the others (one starting or ending at a number, which runs left to
        right) are returned, to be filled run by run (`_fill_runs`). `fill` is given each
        (left, right, range), in viewport x."""
        first = line.textStart()
        # As Qt paints a selection: the spaces ending a wrapped line are not covered.
        end = first + len(piece.rstrip())
        numbers = _DIGIT.search(piece) is not None
        left_over = []
        for r in ranges:
            start, stop = max(r.start, first), max(min(r.start + r.length, end), r.start, first)
            if numbers and not (_clear(piece, start - first) and _clear(piece, stop - first)):
                left_over.append(r)
                continue
            right, left = _cursor_x(line, start), _cursor_x(line, stop)
            if left == right:
                continue
            fill((x + min(left, right), x + max(left, right), r))
        return left_over


def _fill_runs(fill, line: QTextLine, ranges, end: int, x: float) -> None:
    """Fill each range's part of a line (up to `end`, UTF-16) glyph run by glyph run: a run
    of either direction is one rectangle, found by Qt's bidi-aware layout of the line."""
    first = line.textStart()
    for r in ranges:
        start, stop = max(r.start, first), min(r.start + r.length, end)
        if stop <= start:
            continue
        boxes = sorted(
            (box.left(), box.right())
            for box in (run.boundingRect() for run in line.glyphRuns(start, stop - start))
        )
        # Runs side by side are filled as one: two translucent fills on a shared pixel
        # column would show as a darker seam.
        merged: list[list[float]] = []
        for left, right in boxes:
            if merged and left <= merged[-1][1] + 0.01:
                merged[-1][1] = max(merged[-1][1], right)
            else:
                merged.append([left, right])
        for left, right in merged:
            if right > left:
                fill((x + left, x + right, r))


def _filler(painter: QPainter, rows: QRectF) -> Callable[[tuple], None]:
    """Fills each (left, right, range) given on the line's pixel rows (`_fill_between`)."""
    return lambda box: _fill_between(painter, box[0], box[1], rows, box[2])


def _fill_disjoint(painter: QPainter, boxes: list[tuple], rows: QRectF) -> None:
    """Fill disjoint ranges' boxes (left, right, range: viewport x) on whole pixel columns,
    each column once: where two boxes share a column (they meet inside it), the one whose
    colour is the more opaque takes it (the later on a tie)."""
    found = []
    for order, (left, right, r) in enumerate(boxes):
        box = QRectF(left, rows.top(), right - left, 1).toAlignedRect()
        if box.width() > 0:
            brush = r.format.background()
            found.append(
                (box.left(), box.left() + box.width(), brush.color().alphaF(), order, brush)
            )
    found.sort(key=lambda box: box[:2])
    edges = sorted({x for box in found for x in box[:2]})
    active: list[tuple] = []
    at = 0
    pieces: list[list] = []  # [left, right, box]
    for left, right in zip(edges, edges[1:], strict=False):
        while at < len(found) and found[at][0] <= left:
            active.append(found[at])
            at += 1
        active = [box for box in active if box[1] > left]
        if not active:
            continue
        best = max(active, key=lambda box: (box[2], box[3]))
        if pieces and pieces[-1][2] is best and pieces[-1][1] == left:
            pieces[-1][1] = right
        else:
            pieces.append([left, right, best])
    for left, right, box in pieces:
        _fill_columns(painter, left, right, rows, box[4])


def _fill_columns(painter: QPainter, left: int, right: int, rows: QRectF, brush) -> None:
    """Fill whole pixel columns from `left` to `right` (excluded) over the line's pixel rows."""
    painter.fillRect(QRectF(left, rows.top(), right - left, rows.height()), brush)


def _fill_between(painter, left: float, right: float, rows: QRectF, r) -> None:
    """Fill a range's colour from `left` to `right` over the line's pixel rows, on whole
    pixel columns as Qt fills a selection."""
    span = QRectF(QRectF(left, rows.top(), right - left, 1).toAlignedRect())
    span.setHeight(rows.height())
    painter.fillRect(span, r.format.background())


def lines_in(layout: QTextLayout, top: float, area: QRect) -> range:
    """The numbers of a block's lines that meet `area` (viewport coordinates), the block's
    top being at `top`: found by bisection over the lines' heights, so a paragraph of
    thousands of lines costs only what is on screen."""
    tops = _LineTops(layout)
    above = top + layout.position().y()
    first = max(bisect.bisect_right(tops, area.top() - above) - 1, 0)
    stop = bisect.bisect_right(tops, area.bottom() - above)
    return range(first, max(first, stop))


class _LineTops(Sequence):
    """The top of each line of a layout, as a sequence for `bisect` (read when asked)."""

    def __init__(self, layout: QTextLayout):
        self._layout = layout
        self._count = layout.lineCount()

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, number):  # bisect asks for one line at a time
        return self._layout.lineAt(number).y()


def _cursor_x(line: QTextLine, position: int) -> float:
    found = line.cursorToX(position)
    return found[0] if isinstance(found, tuple) else found


def _clear(piece: str, position: int) -> bool:
    """Whether a position of a line is away from numbers (two characters either side)."""
    return _ONE_RUN.fullmatch(piece[max(0, position - 2) : position + 2]) is not None


# Arabic letters and marks (not the Arabic-Indic digits, which run left to right), spaces,
# joiners and neutral punctuation: a line of these alone is one right-to-left run.
_RIGHT_TO_LEFT = (
    "\u0610-\u065f\u066e-\u06d5\u06d6-\u06dc\u06de-\u06ef\u06fa-\u06ff\u0750-\u077f"
    "\u08a0-\u08e1\ufb50-\ufdff\ufe70-\ufefc\u200c\u200d\u060c"
    " \t\u00a0.,;:!?'\"«»“”()\\[\\]\\-–—…/"
)
_DIGITS = "0-9\u0660-\u0669\u06f0-\u06f9\u066a-\u066c%"
_ONE_RUN = re.compile(f"[{_RIGHT_TO_LEFT}]*")
# A line with numbers as well: left-to-right runs, but only of numbers.
_NO_LEFT_TO_RIGHT = re.compile(f"[{_RIGHT_TO_LEFT}{_DIGITS}]*")
_DIGIT = re.compile(f"[{_DIGITS}]")
_ARABIC_LETTER = re.compile("[\u0620-\u064a\u066e-\u06d3\u06fa-\u06ff]")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


# A QMimeData made here is owned by its Python wrapper although the clipboard keeps and later
# deletes it: while the program runs the wrapper is kept (the clipboard's delete marks it
# invalid), and at exit the clipboard lets go of it first, else Python's clean-up and the
# clipboard's would both delete it (a crash at exit, after every edit was stored).
_handed_over: list[QMimeData] = []


@atexit.register
def _release_clipboard() -> None:
    if _handed_over and QGuiApplication.instance() is not None:
        # One still valid is still held by the clipboard (its delete would have invalidated it).
        if any(Shiboken.isValid(d) for d in _handed_over):
            clipboard = QGuiApplication.clipboard()
            for mode in (QClipboard.Mode.Clipboard, QClipboard.Mode.Selection):
                clipboard.clear(mode)
    _handed_over.clear()
