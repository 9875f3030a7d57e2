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
    paints it alike: size, state (selected, active window...), features, palette, font,
    layout direction, the Arabic font. The image is painted as the view paints the cell: over
    the view's background, the row's panel first, then the cell; so it holds the very pixels
    the view would have (checked by tests/gui/test_edit_work.py). The current cell (its focus
    frame), a fractional device pixel ratio and a background of more than one colour are
    painted as usual.

    Painting a cell shapes its text (HarfBuzz, letter by letter for Arabic) twice, to measure
    and to draw, and an inserted or deleted row repaints every row below it: a side panel of
    13 rows took about 6 ms of processor time to repaint here, about 1 ms from kept cells.
    """

    # Bytes of painted cells kept (a side panel's cell is about 25 KB): dozens of screens.
    KEPT_BYTES = 16 * 1024 * 1024
    # Sizes kept (a few numbers each).
    KEPT = 5_000

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._images: dict[tuple, QImage] = {}
        self._image_bytes = 0
        self._sizes: dict[tuple, QSize] = {}
        self._arabic_font: QFont | None = None

    @property
    def arabic_font(self) -> QFont | None:  # type: ignore[override]
        return self._arabic_font

    @arabic_font.setter
    def arabic_font(self, font: QFont | None) -> None:
        # Every cell is painted anew in the new font.
        self._arabic_font = font
        self._images, self._image_bytes = {}, 0
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
            if self._image_bytes + image.sizeInBytes() > self.KEPT_BYTES:
                self._images, self._image_bytes = {}, 0
            self._images[key] = image
            self._image_bytes += image.sizeInBytes()
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
