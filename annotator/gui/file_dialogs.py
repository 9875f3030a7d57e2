"""File dialogs that never open the files they list.

Qt's file dialog (and the platform dialogs that run inside the process) open files of unknown
type to guess it from their content. Opening and closing a descriptor of the open project file
drops every SQLite lock this process holds on it (POSIX locks belong to the process; see
`annotator.core.store.pinned`): another window could then restore over the project or delete its
write-ahead log while it is in use. These dialogs are Qt's own, with icons and types told from
names only.

In the Arabic interface the dialog is laid out right to left, and what Qt shows in it is mostly
Latin (paths, file names, patterns, dates): each such text is shown as a bidi isolate, so a
path reads "/home/amal/news", a file "000_41ac67127a0642cf.txt" and a filter "المقالات (*.txt
*.csv)" whatever the direction around them; sizes are written in the interface's language and
digits ("6.81 كيلوبايت", CLDR's words through QLocale) instead of Qt's "KiB 6.81".
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QFileInfo, QLocale, QModelIndex
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFileIconProvider,
    QFileSystemModel,
    QProxyStyle,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionComboBox,
    QStyleOptionViewItem,
    QTreeView,
    QWidget,
)

from annotator.core import bidi
from annotator.core.bidi import compose, isolate, ltr
from annotator.gui import language
from annotator.gui.models import TextDirectionDelegate

# How Qt's dialog splits a filter into its name and its patterns (qfiledialog.cpp,
# qt_file_dialog_filter_reg_exp): "Articles (*.txt *.csv)" -> "Articles ", "*.txt *.csv".
_FILTER = re.compile(r"^(.*)\(([a-zA-Z0-9_.,*? +;#\-\[\]@{}/!<>$%&=^~:|]*)\)$")
_WESTERN = str.maketrans("٠١٢٣٤٥٦٧٨٩٫٬", "0123456789.,")


class _NamesOnly(QFileIconProvider):
    """Icons and type names from the file name and kind, never from reading the file."""

    def icon(self, what):  # noqa: D401 - Qt's overloaded virtual
        if isinstance(what, QFileInfo):
            kind = (
                QFileIconProvider.IconType.Folder
                if what.isDir()
                else QFileIconProvider.IconType.File
            )
            return super().icon(kind)
        return super().icon(what)

    def type(self, info: QFileInfo) -> str:
        if info.isDir():
            return QCoreApplication.translate("FileDialogs", "Folder")
        if info.suffix():
            return compose(QCoreApplication.translate("FileDialogs", "%1 file"), ltr(info.suffix()))
        return QCoreApplication.translate("FileDialogs", "File")


def file_size(size: int) -> str:
    """A file's `size` (bytes) as the interface writes it: in Arabic CLDR's words through
    QLocale ("6.81 كيلوبايت", "12 بايت") in the interface's digits, in English Qt's own
    ("6.81 KiB")."""
    if language.current() != "ar":
        return QLocale(QLocale.Language.English).formattedDataSize(size)
    text = QLocale(QLocale.Language.Arabic).formattedDataSize(
        size, 2, QLocale.DataSizeFormat.DataSizeTraditionalFormat
    )
    return text if bidi.digits() == "arabic" else str.translate(text, _WESTERN)


def shown_filters(filter_: str) -> str:
    """`filter_` ("Name (patterns);;…", Qt's format) with each name followed by its patterns
    as a left-to-right isolate, for a dialog that hides the details Qt would append itself
    (Qt accepts no direction mark inside the parentheses it parses, and without one a right-to-
    left line shows «المقالات (*.txt *.csv)» as «(txt *.csv.* المقالات»)."""
    shown = []
    for one in filter(None, filter_.split(";;")):
        match = _FILTER.match(one)
        if match is None:
            shown.append(one)
            continue
        name, patterns = match.group(1).strip(), match.group(2)
        label = compose(QCoreApplication.translate("FileDialogs", "%1 (%2)"), name, ltr(patterns))
        shown.append(f"{label} ({patterns})")
    return ";;".join(shown)


class _IsolatedCells(TextDirectionDelegate):
    """Each cell of the dialog's lists as an isolate in the view's direction (a Latin file name
    keeps its order in a right-to-left row), cut at its logical end with "…"; sizes and dates of
    the file list as the interface writes them."""

    def __init__(self, parent: QAbstractItemView):
        super().__init__(parent)
        self.follow_text = False

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex) -> None:  # noqa: N802
        QStyledItemDelegate.initStyleOption(self, option, index)
        model = index.model()
        if isinstance(model, QFileSystemModel) and not model.isDir(index):
            if index.column() == 1:
                option.text = file_size(model.size(index))
            elif index.column() == 3:
                option.text = model.lastModified(index).toString("yyyy-MM-dd HH:mm")
        if option.text:
            option.text = isolate(option.text)
            self._elide(option)


class _IsolatedLabel(QProxyStyle):
    """Draws a combo box's current text (the folder path Qt elides in its middle) as a
    left-to-right isolate: "/work/news" and not "work/news/" in a right-to-left dialog."""

    def drawControl(self, element, option, painter, widget=None) -> None:  # noqa: N802
        if element == QStyle.ControlElement.CE_ComboBoxLabel and isinstance(
            option, QStyleOptionComboBox
        ):
            option = QStyleOptionComboBox(option)
            option.currentText = ltr(option.currentText) if option.currentText else ""
        super().drawControl(element, option, painter, widget)


def _isolate_texts(dialog: QFileDialog) -> None:
    """Give every list of `dialog` isolated cells and its folder box an isolated path."""
    for view in dialog.findChildren(QAbstractItemView):
        view.setItemDelegate(_IsolatedCells(view))
    details = dialog.findChild(QTreeView, "treeView")
    if details is not None:  # room for the whole date we write ("2026-11-29 20:51")
        header = details.header()
        wanted = header.fontMetrics().horizontalAdvance("0000-00-00 00:00") + 24
        header.resizeSection(3, max(header.sectionSize(3), wanted))
    look_in = dialog.findChild(QComboBox, "lookInCombo")
    if look_in is not None:
        style = _IsolatedLabel()
        look_in.setStyle(style)
        dialog._isolated_label = style  # a widget's style is not owned by it


def _dialog(parent: QWidget | None, caption: str, directory: str, filter_: str) -> QFileDialog:
    dialog = QFileDialog(parent, caption, directory)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setOption(QFileDialog.Option.HideNameFilterDetails)
    if filter_:
        dialog.setNameFilter(shown_filters(filter_))
    # Qt asks its catalogue for "&Look in:" and "Files of &type:", which qtbase_ar.qm has only
    # without the "&" (so they stayed English in the Arabic interface): we say them ourselves.
    dialog.setLabelText(
        QFileDialog.DialogLabel.LookIn, QCoreApplication.translate("FileDialogs", "&Look in:")
    )
    dialog.setLabelText(
        QFileDialog.DialogLabel.FileType,
        QCoreApplication.translate("FileDialogs", "Files of &type:"),
    )
    provider = _NamesOnly()
    dialog.setIconProvider(provider)
    dialog._names_only = provider  # kept alive as long as the dialog
    _isolate_texts(dialog)
    return dialog


def _run(dialog: QFileDialog) -> list[str]:
    return dialog.selectedFiles() if dialog.exec() == QFileDialog.DialogCode.Accepted else []


def save_file_name(
    parent: QWidget | None,
    caption: str,
    directory: str,
    filter_: str = "",
    confirm_overwrite: bool = True,
) -> str:
    """The path chosen to write; "" when cancelled. The dialog asks before replacing a file
    unless `confirm_overwrite` is False (the caller then asks its own question)."""
    dialog = _dialog(parent, caption, directory, filter_)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    if not confirm_overwrite:
        dialog.setOption(QFileDialog.Option.DontConfirmOverwrite)
    return next(iter(_run(dialog)), "")


def open_file_name(parent: QWidget | None, caption: str, directory: str, filter_: str = "") -> str:
    """An existing file chosen to read; "" when cancelled."""
    dialog = _dialog(parent, caption, directory, filter_)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    return next(iter(_run(dialog)), "")


def open_file_names(
    parent: QWidget | None, caption: str, directory: str, filter_: str = ""
) -> list[str]:
    """Existing files chosen to read; [] when cancelled."""
    dialog = _dialog(parent, caption, directory, filter_)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    return _run(dialog)


def existing_directory(parent: QWidget | None, caption: str, directory: str) -> str:
    """An existing folder; "" when cancelled."""
    dialog = _dialog(parent, caption, directory, "")
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly)
    return next(iter(_run(dialog)), "")
