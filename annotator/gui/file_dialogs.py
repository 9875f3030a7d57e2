"""File dialogs that never open the files they list.

Qt's file dialog (and the platform dialogs that run inside the process) open files of unknown
type to guess it from their content. Opening and closing a descriptor of the open project file
drops every SQLite lock this process holds on it (POSIX locks belong to the process; see
`annotator.core.store.pinned`): another window could then restore over the project or delete its
write-ahead log while it is in use. These dialogs are Qt's own, with icons and types told from
names only.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QFileInfo
from PySide6.QtWidgets import QFileDialog, QFileIconProvider, QWidget

from annotator.core.bidi import compose, ltr


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


def _dialog(parent: QWidget | None, caption: str, directory: str, filter_: str) -> QFileDialog:
    dialog = QFileDialog(parent, caption, directory, filter_)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
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
    return dialog


def _run(dialog: QFileDialog) -> list[str]:
    return dialog.selectedFiles() if dialog.exec() == QFileDialog.DialogCode.Accepted else []


def save_file_name(parent: QWidget | None, caption: str, directory: str, filter_: str = "") -> str:
    """The path chosen to write (the dialog asks before replacing a file); "" when cancelled."""
    dialog = _dialog(parent, caption, directory, filter_)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
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
