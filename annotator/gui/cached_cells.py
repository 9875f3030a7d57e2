"""Table cells painted once and then copied: what keeps an edit among thousands of rows inside
one frame, when inserting a row shifts, and so repaints, every row on screen below it."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QBrush, QFont, QImage, QPainter
from PySide6.QtWidgets import QAbstractItemView, QStyle, QStyleOptionViewItem

from annotator.gui.models import CELL_KEY_ROLE, TextDirectionDelegate, interface_is_right_to_left

_Index = QModelIndex | QPersistentModelIndex


class CachedCellDelegate(TextDirectionDelegate):
    """A `TextDirectionDelegate` that keeps each cell it painted as an image and copies it
    when the cell is painted again unchanged.

    A cell is the same when its model says so (`CELL_KEY_ROLE`: a value that changes whenever
    anything the row shows changes; cells without one are painted as usual) and the view
    paints it alike: size, state (selected, focused, active window...), features, palette,
    font, layout direction, the Arabic font. The image starts as the view's background, so
    with the row's panel the view draws first, so what is drawn on it is what would have been
    drawn on the view, pixel for pixel; at a
    fractional device pixel ratio, or over a background that is not one colour, cells are
    painted as usual.

    Painting a cell shapes its text (HarfBuzz, letter by letter for Arabic) twice, to measure
    and to draw: about 0.1 ms a cell, 4 ms for a side panel of a dozen rows, which every
    inserted or deleted row repainted whole. Copying it is about 0.01 ms.
    """

    # Cells kept: a few screens of a few columns at a few widths (about 25 KB each).
    KEPT = 1_500

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._images: dict[tuple, QImage] = {}
        self._sizes: dict[tuple, QSize] = {}
        self._arabic_font: QFont | None = None

    @property
    def arabic_font(self) -> QFont | None:  # type: ignore[override]
        return self._arabic_font

    @arabic_font.setter
    def arabic_font(self, font: QFont | None) -> None:
        # Every cell is painted anew in the new font.
        self._arabic_font = font
        self._images = {}
        self._sizes = {}

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        # The current cell's focus frame has rounded, antialiased corners, which come out a
        # shade apart drawn elsewhere than on the view: that one cell is painted as usual.
        key = None if option.state & QStyle.StateFlag.State_HasFocus else self._key(option, index)
        if key is None:
            super().paint(painter, option, index)
            return
        ratio = painter.device().devicePixelRatioF()
        background = self._background(option)
        if background is None or ratio != int(ratio):
            super().paint(painter, option, index)
            return
        key = (*key, ratio, background.color().rgba())
        image = self._images.get(key)
        if image is None:
            image = self._render(option, index, ratio, background)
            if len(self._images) >= self.KEPT:
                self._images = {}
            self._images[key] = image
        painter.drawImage(option.rect.topLeft(), image)

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:  # noqa: N802
        # Asked of every visible row when a column sized to its contents is measured again.
        key = self._key(option, index)
        if key is None:
            return super().sizeHint(option, index)
        found = self._sizes.get(key)
        if found is None:
            found = super().sizeHint(option, index)
            if len(self._sizes) >= self.KEPT:
                self._sizes = {}
            self._sizes[key] = found
        return QSize(found)

    def _key(self, option: QStyleOptionViewItem, index: _Index) -> tuple | None:
        """What the cell's pixels depend on, or None when the model gives no cell key."""
        cell = index.data(CELL_KEY_ROLE)
        if cell is None:
            return None
        rect = option.rect
        return (
            cell,
            index.column(),
            rect.width(),
            rect.height(),
            option.state.value,
            option.features.value,
            option.palette.cacheKey(),
            QFont(option.font),  # a copy: the option's own dies with it
            option.direction.value,
            option.showDecorationSelected,
            option.decorationSize.width(),
            option.decorationSize.height(),
            option.displayAlignment.value,
            option.textElideMode.value,
            interface_is_right_to_left(),
            self.follow_text,
        )

    @staticmethod
    def _background(option: QStyleOptionViewItem) -> QBrush | None:
        """The plain colour the view paints under its cells, or None when it is not one."""
        view = option.widget
        if not isinstance(view, QAbstractItemView):
            return None
        viewport = view.viewport()
        brush = viewport.palette().brush(viewport.backgroundRole())
        if brush.style() != Qt.BrushStyle.SolidPattern or brush.color().alpha() != 255:
            return None
        return brush

    def _render(
        self, option: QStyleOptionViewItem, index: _Index, ratio: float, background: QBrush
    ) -> QImage:
        """The cell at (0, 0) as the view paints it: its background, the row's panel (the view
        draws it before asking the delegate), then what `TextDirectionDelegate` paints."""
        size = option.rect.size()
        # Opaque, as the window it is copied to: text is then antialiased alike.
        image = QImage(size * int(ratio), QImage.Format.Format_RGB32)
        image.setDevicePixelRatio(ratio)
        image.fill(background.color())
        placed = QStyleOptionViewItem(option)
        placed.rect = QRect(0, 0, size.width(), size.height())
        painter = QPainter(image)
        try:
            view = option.widget
            view.style().drawPrimitive(
                QStyle.PrimitiveElement.PE_PanelItemViewRow, placed, painter, view
            )
            super().paint(painter, placed, index)
        finally:
            painter.end()
        return image
