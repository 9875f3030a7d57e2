"""File ▸ Import: choose the columns of tables, then read and store the articles on a worker
thread with a progress bar and Cancel; refused files are listed before anything is stored."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.core.bidi import Isolated, compose, ltr
from annotator.core.errors import AnnotatorError, Cancelled
from annotator.core.formats.articles import (
    ColumnMapping,
    ImportOutcome,
    find_files,
    import_batch,
    importable,
    preview_table,
    read_articles,
)
from annotator.core.store.project import Project
from annotator.gui.core_text import core_text
from annotator.gui.question import ask

ENCODINGS = ("detect", "utf-8", "cp1256", "iso8859-6", "utf-16")
_TABLE_SUFFIXES = (".csv", ".tsv", ".jsonl")


class ColumnDialog(QDialog):
    """The first rows of a table and which columns hold the text, the title and the id."""

    def __init__(self, path: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(compose(self.tr("Columns of %1"), ltr(path.name)))
        self.path = path
        self.preview = QTableView()
        self.preview.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.encoding = QComboBox()
        for encoding in ENCODINGS:  # the names of encodings are the codecs' own
            self.encoding.addItem(self.tr("detect") if encoding == "detect" else encoding, encoding)
        self.choices = {name: QComboBox() for name in ("text", "title", "id")}
        self.note = QLabel()
        form = QFormLayout()
        form.addRow(self.tr("&Encoding:"), self.encoding)
        form.addRow(self.tr("&Text column:"), self.choices["text"])
        form.addRow(self.tr("T&itle column:"), self.choices["title"])
        form.addRow(self.tr("I&d column:"), self.choices["id"])
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        # The button says what it does, as Qt's own («احفظ», «افتح») do.
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Import"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.preview, 1)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.encoding.currentIndexChanged.connect(self.load)
        self.resize(800, 500)
        self.load()

    def load(self) -> None:
        choice = self.encoding.currentData()
        try:
            table = preview_table(self.path, None if choice == "detect" else choice)
        except AnnotatorError as exc:
            self.note.setText(core_text(exc))
            return
        self.note.setText(
            compose(
                self.tr(
                    "%1: %2, %n column(s); other columns are kept as document metadata.",
                    "",
                    len(table.columns),
                ),
                ltr(self.path.name),
                ltr(table.encoding),
            )
        )
        model = QStandardItemModel(len(table.rows), len(table.columns), self)
        model.setHorizontalHeaderLabels(table.columns)
        for r, row in enumerate(table.rows):
            for c, cell in enumerate(row):
                model.setItem(r, c, QStandardItem(" ".join(cell.split())[:200]))
        self.preview.setModel(model)
        for name, combo in self.choices.items():
            combo.clear()
            if name != "text":
                combo.addItem(self.tr("(none)"), None)
            for column in table.columns:
                combo.addItem(column, column)
            wanted = getattr(table.suggested, name)
            combo.setCurrentIndex(max(combo.findData(wanted), 0) if wanted else 0)

    def mapping(self) -> ColumnMapping:
        return ColumnMapping(**{name: combo.currentData() for name, combo in self.choices.items()})

    def chosen_encoding(self) -> str | None:
        choice = self.encoding.currentData()
        return None if choice == "detect" else choice


class ImportWorker(QObject):
    """Reads the files, then stores them with its own connection to the project file."""

    progress = Signal(int, int, str)
    refused = Signal(object)  # ImportOutcome with problems: ask whether to skip those files
    finished = Signal(object)  # ImportOutcome stored
    failed = Signal(str)

    def __init__(
        self, project_path: Path, paths: list[str], encoding: str | None, columns: ColumnMapping
    ):
        super().__init__()
        self.project_path = project_path
        self.paths, self.encoding, self.columns = paths, encoding, columns
        self.cancelled = threading.Event()
        self.batch = None

    def run(self, skip_bad: bool = False) -> None:
        try:
            if self.batch is None:
                self.batch = read_articles(
                    self.paths,
                    encoding=self.encoding,
                    columns=self.columns,
                    progress=self._reporter("Reading"),
                    cancel=self.cancelled.is_set,
                )
            with Project.open(self.project_path) as project:
                outcome = import_batch(
                    project,
                    self.batch,
                    skip_bad=skip_bad,
                    progress=self._reporter("Storing"),
                    cancel=self.cancelled.is_set,
                )
        except Cancelled:
            self.failed.emit(self.tr("Import cancelled; nothing was stored."))
            return
        except AnnotatorError as exc:
            self.failed.emit(core_text(exc))
            return
        (self.finished if outcome.stored else self.refused).emit(outcome)

    def _reporter(self, stage: str) -> Callable[[int, int], None]:
        """A progress callback that signals each new percent only: one signal per article of
        a 10,000-article archive would keep the window busy redrawing the bar, and slow the
        import it shows."""
        shown = [-1]

        def report(done: int, total: int) -> None:
            percent = done * 100 // max(total, 1)
            if percent != shown[0] or done == total:
                shown[0] = percent
                self.progress.emit(done, total, stage)

        return report


class ImportRun(QObject):
    """One import from the window: progress dialog, Cancel, the refusal question, the result."""

    done = Signal(object)  # ImportOutcome, or None when nothing was stored

    def __init__(
        self,
        parent: QWidget,
        project_path: Path,
        paths: list[str],
        encoding: str | None = None,
        columns: ColumnMapping | None = None,
    ):
        super().__init__(parent)
        self._parent = parent
        self.thread = QThread(self)
        self.worker = ImportWorker(project_path, paths, encoding, columns or ColumnMapping())
        self.worker.moveToThread(self.thread)
        self.dialog = QProgressDialog(self.tr("Reading articles…"), self.tr("Cancel"), 0, 0, parent)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(300)
        self.dialog.canceled.connect(self.worker.cancelled.set)
        self.worker.progress.connect(self._progress)
        self.worker.finished.connect(self._finished)
        self.worker.refused.connect(self._refused)
        self.worker.failed.connect(self._failed)
        self.thread.started.connect(self.worker.run)
        self.thread.start()

    def _progress(self, done: int, total: int, stage: str) -> None:
        template = (
            self.tr("Reading articles… %1 of %2")
            if stage == "Reading"
            else self.tr("Storing articles… %1 of %2")
        )
        self.dialog.setLabelText(compose(template, done, total))
        self.dialog.setMaximum(max(total, 1))
        self.dialog.setValue(done)

    def _refused(self, outcome: ImportOutcome) -> None:
        readable = len(importable(self.worker.batch, outcome))
        listing = "\n".join(core_text(p.message) for p in outcome.problems[:30])
        more = len(outcome.problems) - 30
        if more > 0:
            listing += "\n" + self.tr("… and %n more", "", more)
        if readable == 0:
            self._end()
            QMessageBox.warning(self._parent, self.tr("Nothing was imported"), listing)
            self.done.emit(None)
            return
        if not ask(
            self._parent,
            self.tr("Some files were refused"),
            compose(
                self.tr(
                    "%1\n\nImport the %n readable file(s) and skip the refused ones?",
                    "",
                    readable,
                ),
                Isolated(listing),
            ),
            self.tr("Import the readable files"),
            self.tr("Import nothing"),
        ):
            self._end()
            self.done.emit(None)
            return
        # The worker lives on its thread; ask it to store again, skipping the refused files.
        self.thread.started.disconnect()
        self.thread.quit()
        self.thread.wait()
        self.thread.started.connect(lambda: self.worker.run(skip_bad=True))
        self.thread.start()

    def _finished(self, outcome: ImportOutcome) -> None:
        self._end()
        self.done.emit(outcome)

    def _failed(self, message: str) -> None:
        self._end()
        QMessageBox.warning(self._parent, self.tr("Nothing was imported"), message)
        self.done.emit(None)

    def _end(self) -> None:
        self.dialog.reset()
        self.thread.quit()
        self.thread.wait()


def columns_for(paths: list[str], parent: QWidget) -> tuple[ColumnMapping, str | None] | None:
    """Ask for the columns when tables are among the files (the first table's preview is shown;
    the choice applies to every table). None: the researcher cancelled."""
    files, _, _ = find_files(paths)
    tables = [path for path, _named in files if path.suffix.lower() in _TABLE_SUFFIXES]
    if not tables:
        return ColumnMapping(), None
    dialog = ColumnDialog(tables[0], parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.mapping(), dialog.chosen_encoding()
