"""Input fields shared by the annotation forms: name completion and widths that fit a side panel."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QStringListModel, Qt, QTimer
from PySide6.QtGui import QHelpEvent, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QLineEdit,
    QStyle,
    QStyleOptionComboBox,
    QStylePainter,
    QToolTip,
    QWidget,
)

from annotator.core.bidi import elide_end
from annotator.core.model import Annotation
from annotator.gui.models import TextDirectionDelegate


def name_completer(model: QStringListModel, parent: QWidget) -> QCompleter:
    """Completion as researchers expect it for names: any part of the name, any case."""
    completer = QCompleter(model, parent)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    return completer


def allow_narrow(field: QLineEdit | QComboBox, characters: int = 8) -> None:
    """Let a field shrink to a few characters. Qt's own minimum for text fields is the font's
    widest glyph, very wide in Amiri (Arabic ligatures), and combo boxes grow with their longest
    entry; either would push the form past the side panel's edge."""
    if isinstance(field, QComboBox):
        field.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        field.setMinimumContentsLength(characters)
    else:
        field.setMinimumWidth(field.fontMetrics().horizontalAdvance("x" * characters))


class ElidedCombo(QComboBox):
    """A (non-editable) combo box that cuts a text too long for it at its logical end, with
    "…" inside the bidi isolate open there (`bidi.elide_end`), whatever the reading direction
    of the interface and of the text: «قاآني — Esmail Qa…», «The minister — قائد "قوة…».
    Qt's own box clips or cuts on the visual right, which puts the mark before a Latin name
    in a right-to-left line or inside the wrong isolate. Its tooltip is the whole text; the
    items of its list are cut the same way (see `TextDirectionDelegate`)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        delegate = TextDirectionDelegate(self)
        delegate.follow_text = False  # rows are composed for the interface's direction
        self.setItemDelegate(delegate)

    def shown_text(self) -> str:
        """The current text as drawn in the box's width (cut when too long)."""
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        return self._cut(option)

    def _cut(self, option: QStyleOptionComboBox) -> str:
        field = self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, self
        )
        room = field.width() - 4  # the style's margins around the label
        if not option.currentIcon.isNull():
            room -= option.iconSize.width() + 4
        metrics = self.fontMetrics()
        return elide_end(option.currentText, lambda t: metrics.horizontalAdvance(t) <= room)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        painter = QStylePainter(self)
        painter.setPen(self.palette().color(QPalette.ColorRole.Text))
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        if not self.isEditable() and option.currentText:
            option.currentText = self._cut(option)
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            whole = self.currentText()
            if whole and not self.toolTip():
                QToolTip.showText(event.globalPos(), whole, self)
                return True
        return super().event(event)


class Draft(QObject):
    """Text the researcher is typing in one field and has not committed yet.

    The window refreshes from the store every time another window or process commits (an
    import, a change of another annotation, or of this one): a field holding a draft keeps it,
    the others show what is stored. The draft belongs to the annotation shown when its first
    letter was typed, and its commit states that annotation's revision then, so an annotation
    changed elsewhere meanwhile is not written over (the store refuses the edit).
    """

    def __init__(self, line_edit: QLineEdit, shown: Callable[[], Annotation | None]):
        super().__init__(line_edit)
        self._shown = shown
        self._started: tuple[str, int] | None = None  # annotation id, its revision then
        line_edit.textEdited.connect(self._begin)

    def _begin(self, _text: str) -> None:
        annotation = self._shown()
        if self._started is None and annotation is not None:
            self._started = (annotation.id, annotation.revision)

    def keeps(self) -> bool:
        """Whether the field holds uncommitted text typed on the annotation shown now: a
        refresh leaves it. A draft typed on another annotation is forgotten."""
        annotation = self._shown()
        if self._started is not None and annotation is not None:
            if self._started[0] == annotation.id:
                return True
        self._started = None
        return False

    def pending(self) -> str | None:
        """The uncommitted text, when something was typed since the last commit."""
        field = self.parent()
        return field.text() if self._started is not None and field is not None else None

    def forget(self) -> None:
        """Drop the draft: another annotation, or none, is shown now (what was typed and not
        committed is not offered again when the annotation is selected later)."""
        self._started = None

    def take(self) -> int | None:
        """The revision the draft was typed on (None: nothing typed since the last commit), and
        forget it: from the commit on the field shows what is stored (the edit, or after a
        refused edit the stored value)."""
        started, self._started = self._started, None
        annotation = self._shown()
        if started is None or annotation is None or started[0] != annotation.id:
            return None
        return started[1]


def commit_when_finished(
    line_edit: QLineEdit, completer: QCompleter, commit: Callable[[], None]
) -> None:
    """Call `commit` (which reads `line_edit.text()` and stores it if it differs from what is
    stored) when the researcher is done with the field: Enter, Tab, leaving it, or an offer
    chosen by keyboard or mouse.

    Enter or Tab on a highlighted offer reaches the line edit (`editingFinished`, the offer
    already in the field) before the completer, which then completes Enter from the popup row
    it noted before: committing at once would refresh the offers under it, the row would no
    longer be valid and the completer would put the typed prefix back, for a later commit to
    store. So with an offer highlighted the commit waits until the key is handled (for Enter
    the completer's `activated` has committed by then; Tab the field takes, and only this
    commit sees it). A commit of the value stored changes nothing, so each value is one step.
    """

    def finished() -> None:
        popup = completer.popup()
        if popup.isVisible() and popup.currentIndex().isValid():
            QTimer.singleShot(0, line_edit, commit)
        else:
            commit()

    line_edit.editingFinished.connect(finished)
    close_offers_first(line_edit, completer)
    # Connected after the line edit's own slot (`setCompleter`), so the offer is in the field.
    completer.activated.connect(lambda *_: commit())


class _OffersKeepEscape(QObject):
    """While the popup of offers is open, Escape is the popup's: accepting the shortcut
    override sends the key to the popup (which closes) instead of the window's Escape action
    (which would deselect the annotation and close its form)."""

    def __init__(self, completer: QCompleter):
        super().__init__(completer)
        self._completer = completer

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and event.key() == Qt.Key.Key_Escape
            and self._completer.popup().isVisible()
        ):
            event.accept()
        return False


def close_offers_first(line_edit: QLineEdit, completer: QCompleter) -> None:
    """Escape closes only the innermost thing: the popup of offers if it is open."""
    keeper = _OffersKeepEscape(completer)
    line_edit.installEventFilter(keeper)
    completer.popup().installEventFilter(keeper)
