"""Input fields shared by the annotation forms: name completion and widths that fit a side panel."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QLineEdit, QWidget


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
