"""File ▸ Export: a format, the whole project or the open document, and which annotators;
written on a worker thread with a progress bar and Cancel, the window usable meanwhile."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt, QThread, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListView,
    QMessageBox,
    QProgressDialog,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from annotator.core.arabic.suggest import SUGGESTIONS
from annotator.core.bidi import Isolated, compose, ltr
from annotator.core.errors import AnnotatorError, Cancelled, ExportExistsError
from annotator.core.formats import EXPORTS, ExportFormat, ExportResult
from annotator.core.model import Annotation, Document
from annotator.core.store.files import check_replaceable
from annotator.core.store.opening import CHECK_AT_OPEN_BYTES
from annotator.core.store.project import Project
from annotator.gui import file_dialogs
from annotator.gui.core_text import core_text
from annotator.gui.question import ask


@dataclass(frozen=True)
class ExportChoice:
    format: ExportFormat
    document_ids: list[str] | None
    annotators: list[str] | None
    formula_guard: bool


# The export formats' descriptions (annotator.core.formats.EXPORTS) for the translation
# tools; a format added there without a line here is offered with its English description.
_DESCRIPTIONS = (
    QT_TRANSLATE_NOOP("ExportDialog", "Annotations table (CSV): one row per annotation and stance"),
    QT_TRANSLATE_NOOP(
        "ExportDialog", "Claims table (CSV): one row per claim and stance, with its speaker"
    ),
    QT_TRANSLATE_NOOP(
        "ExportDialog", "JSON Lines: documents, annotators, entities and annotations, lossless"
    ),
    QT_TRANSLATE_NOOP(
        "ExportDialog", "brat standoff: a folder with a .txt and an .ann file per document"
    ),
    QT_TRANSLATE_NOOP(
        "ExportDialog",
        "Spreadsheet (xlsx): the annotations and claims tables as sheets, right to left",
    ),
    QT_TRANSLATE_NOOP(
        "ExportDialog",
        "UIMA CAS XMI (INCEpTION, DKPro): a folder with TypeSystem.xml and an .xmi file "
        "per document and annotator",
    ),
    QT_TRANSLATE_NOOP(
        "ExportDialog",
        "spaCy DocBin (.spacy): one SpanGroup per layer and annotator, Arabic tokens",
    ),
)


class ExportDialog(QDialog):
    def __init__(self, project: Project, document_id: str | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export annotations"))
        self.document_id = document_id
        self.format = QComboBox()
        for fmt in EXPORTS.values():
            self.format.addItem(self.tr(fmt.description), fmt.name)
        self.whole = QRadioButton(self.tr("&Whole project"))
        self.this_document = QRadioButton(self.tr("&Only the open document"))
        self.whole.setChecked(True)
        self.this_document.setEnabled(document_id is not None)
        self.annotators = QStandardItemModel(self)
        # The researchers' work and the gold copy by default: undecided machine suggestions
        # only when asked, they are nobody's annotation yet.
        for name in project.annotators():
            item = QStandardItem(name)
            item.setCheckable(True)
            machine = name == SUGGESTIONS
            item.setCheckState(Qt.CheckState.Unchecked if machine else Qt.CheckState.Checked)
            if machine:
                item.setText(compose(self.tr("%1 (undecided machine suggestions)"), ltr(name)))
                item.setData(name, Qt.ItemDataRole.UserRole)
            self.annotators.appendRow(item)
        annotator_list = QListView()
        annotator_list.setModel(self.annotators)
        self.formula_guard = QCheckBox(
            self.tr("Protect cells starting with = + - @ from running as formulas (for Excel)")
        )
        self.formula_guard.setChecked(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        # The button says what it does, as Qt's own («احفظ», «افتح») do.
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Export"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("&Format:"), self.format)
        form.addRow(self.tr("Documents:"), self.whole)
        form.addRow("", self.this_document)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Annotators:")))
        layout.addWidget(annotator_list)
        layout.addWidget(self.formula_guard)
        layout.addWidget(buttons)
        self.format.currentIndexChanged.connect(self._format_changed)
        self._format_changed()

    def _format_changed(self) -> None:
        self.formula_guard.setVisible(self.chosen_format().formula_guard)

    def chosen_format(self) -> ExportFormat:
        return EXPORTS[self.format.currentData()]

    def choice(self) -> ExportChoice:
        names = [
            self.annotators.item(r).data(Qt.ItemDataRole.UserRole) or self.annotators.item(r).text()
            for r in range(self.annotators.rowCount())
            if self.annotators.item(r).checkState() == Qt.CheckState.Checked
        ]
        everyone = len(names) == self.annotators.rowCount()
        return ExportChoice(
            format=self.chosen_format(),
            document_ids=[self.document_id] if self.this_document.isChecked() else None,
            annotators=None if everyone else names,
            formula_guard=self.formula_guard.isChecked(),
        )


class _WatchedProject(Project):
    """The export worker's own connection to the project file. Each document an export reads
    (its text, its annotations) moves the progress on, and so do every 10,000 rows of a table;
    Cancel raises Cancelled at the next such read, and stops a query that is running (SQLite's
    progress handler). The formats write to a name beside the target and rename it at the end,
    so a cancelled export leaves the target as it was."""

    watch: _Watch

    def document(self, document_id: str) -> Document:
        self.watch.reached(document_id)
        return super().document(document_id)

    def text(self, document_id: str) -> str:
        self.watch.reached(document_id)
        return super().text(document_id)

    def annotations(self, document_id: str, annotator: str | None = None) -> list[Annotation]:
        self.watch.reached(document_id)
        return super().annotations(document_id, annotator)

    def annotation_table(self, *args: Any, **kwargs: Any) -> Iterator[tuple]:
        return self.watch.rows(super().annotation_table(*args, **kwargs))


class _Watch:
    """What the export has read so far (documents, table rows), told to `report(documents,
    total, rows)` at each new percent of the documents or every `ROWS` rows; Cancelled once
    `cancelled` is set."""

    ROWS = 10_000

    def __init__(
        self, total: int, cancelled: threading.Event, report: Callable[[int, int, int], None]
    ):
        self.total, self.cancelled, self.report = total, cancelled, report
        self.seen: set[str] = set()
        self.row_count = 0
        self._percent = -1

    def check(self) -> None:
        if self.cancelled.is_set():
            raise Cancelled("export cancelled")

    def reached(self, document_id: str) -> None:
        self.check()
        if document_id in self.seen:
            return
        self.seen.add(document_id)
        percent = len(self.seen) * 100 // max(self.total, 1)
        if percent != self._percent:
            self._percent = percent
            self.report(len(self.seen), self.total, self.row_count)

    def rows(self, rows: Iterator[tuple]) -> Iterator[tuple]:
        try:
            for row in rows:
                self.row_count += 1
                if self.row_count % self.ROWS == 0:
                    self.check()
                    self.report(len(self.seen), self.total, self.row_count)
                yield row
        finally:
            close = getattr(rows, "close", None)
            if close is not None:
                close()


class ExportWorker(QObject):
    """Runs one export with its own (read-only) connection to the project file."""

    progress = Signal(int, int, int)  # documents read, documents chosen, table rows read
    finished = Signal(object)  # ExportResult
    exists = Signal(object)  # ExportExistsError: ask before replacing
    failed = Signal(object)  # AnnotatorError or OSError
    cancelled_now = Signal()

    def __init__(self, project_path: Path, choice: ExportChoice, target: str):
        super().__init__()
        self.project_path, self.choice, self.target = project_path, choice, target
        self.overwrite = False  # ExportRun asks the one question before replacing anything
        self.cancelled = threading.Event()

    def run(self) -> None:
        try:
            with _WatchedProject.open(self.project_path, CHECK_AT_OPEN_BYTES) as project:
                self._export(project)
        except Exception as exc:  # noqa: BLE001 - reported by signal: nothing leaves a thread
            if self.cancelled.is_set():
                self.cancelled_now.emit()
            elif isinstance(exc, ExportExistsError) and not self.overwrite:
                self.exists.emit(exc)
            elif isinstance(exc, AnnotatorError | OSError):
                self.failed.emit(exc)
            else:
                self.failed.emit(OSError(f"{type(exc).__name__}: {exc}"))

    def _export(self, project: _WatchedProject) -> None:
        choice = self.choice
        total = len(choice.document_ids) if choice.document_ids else len(project.documents())
        project.watch = _Watch(total, self.cancelled, self.progress.emit)
        # Cancel also stops a query in its middle (every 10,000 SQLite steps: ~1 ms).
        project.conn.set_progress_handler(lambda: int(self.cancelled.is_set()), 10_000)
        with project.strict_text():
            result = choice.format.export(
                project,
                self.target,
                overwrite=self.overwrite,
                document_ids=choice.document_ids,
                annotators=choice.annotators,
                formula_guard=choice.formula_guard,
            )
        self.finished.emit(result)


SHOWN_PATHS = 3  # paths a replace question names; it counts the rest


class ExportRun(QObject):
    """One export from the window on a worker thread: a progress dialog counting documents
    (or table rows), Cancel, the question before replacing files, then `report` is called
    with the status line (None: nothing to say, a failure was shown in a box)."""

    def __init__(
        self,
        parent: QWidget | None,
        project_path: Path,
        choice: ExportChoice,
        target: str,
        report: Callable[[str | None], None],
    ):
        super().__init__(parent)
        self._parent, self._report = parent, report
        self.choice, self.target = choice, target
        self.thread = QThread(self)
        self.worker = ExportWorker(project_path, choice, target)
        self.worker.moveToThread(self.thread)
        self.dialog = QProgressDialog(
            QCoreApplication.translate("ExportDialog", "Exporting…"),
            QCoreApplication.translate("ExportDialog", "Cancel"),
            0,
            0,
            parent,
        )
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(300)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.cancel)
        self.worker.progress.connect(self._progress)
        self.worker.finished.connect(self._finished)
        self.worker.exists.connect(self._exists)
        self.worker.failed.connect(self._failed)
        self.worker.cancelled_now.connect(self._cancelled)
        self.thread.started.connect(self.worker.run)
        self.thread.start()

    def cancel(self) -> None:
        """Stop the export: the target is left as it was."""
        self.worker.cancelled.set()

    def running(self) -> bool:
        return self.thread.isRunning()

    def _progress(self, documents: int, total: int, rows: int) -> None:
        if documents:
            self.dialog.setLabelText(
                compose(
                    QCoreApplication.translate("ExportDialog", "Exporting… %1 of %2 documents"),
                    documents,
                    total,
                )
            )
            self.dialog.setMaximum(max(total, 1))
            self.dialog.setValue(documents)
        else:  # a table: its rows are counted, their number is not known before
            self.dialog.setLabelText(
                compose(QCoreApplication.translate("ExportDialog", "Exporting… %1 rows"), rows)
            )

    def _exists(self, exc: ExportExistsError) -> None:
        self._end()
        try:
            # Only a file that exists is a question; a folder that takes no file is a
            # failure now, not after the user has agreed to replace.
            check_replaceable(exc.path)
        except (AnnotatorError, OSError) as refused:
            self._failed(refused)
            return
        if not ask(self._parent, *self._question(exc)):
            self._report(QCoreApplication.translate("ExportDialog", "Nothing exported."))
            return
        self.worker.overwrite = True
        self.dialog.reset()
        # The researcher has just chosen to replace: the progress shows at once (the dialog's
        # own delay counts from the first run, whose dialog was hidden to ask).
        self.dialog.show()
        self.thread.start()

    def _question(self, exc: ExportExistsError) -> tuple[str, ...]:
        """(title, text, yes, no) of the question before an export replaces what `exc.existing`
        lists: for a folder export the count of existing files and the first few, relative to the
        folder, each a left-to-right isolate; no command-line advice."""
        title = QCoreApplication.translate("ExportDialog", "Replace files?")
        if not self.choice.format.folder:
            text = compose(
                QCoreApplication.translate(
                    "ExportDialog", "The file %1 already exists.\n\nReplace it with this export?"
                ),
                ltr(str(exc.path)),
            )
            return (
                title,
                text,
                QCoreApplication.translate("ExportDialog", "Replace it"),
                QCoreApplication.translate("ExportDialog", "Keep it"),
            )
        root = Path(self.target)
        names = []
        for path in exc.existing[:SHOWN_PATHS]:
            try:
                names.append(ltr(str(path.relative_to(root))))
            except ValueError:
                names.append(ltr(str(path)))
        listed = "\n".join(f"• {name}" for name in names)
        rest = len(exc.existing) - len(names)
        if rest:
            listed += "\n" + self.tr("and %n more", "", rest)
        text = compose(
            self.tr(
                "The folder %1 already holds %n file(s) that this export would replace:",
                "",
                len(exc.existing),
            ),
            ltr(str(root)),
        )
        # Joined, not composed: an isolate does not span lines.
        text = "\n".join(
            [text, listed, "", QCoreApplication.translate("ExportDialog", "Replace them?")]
        )
        return (
            title,
            text,
            QCoreApplication.translate("ExportDialog", "Replace them"),
            QCoreApplication.translate("ExportDialog", "Keep them"),
        )

    def _finished(self, result: ExportResult) -> None:
        self._end()
        self._report(written(self.choice.format, self.target, result))

    def _failed(self, exc: Exception) -> None:
        self._end()
        QMessageBox.warning(
            self._parent,
            QCoreApplication.translate("ExportDialog", "Export failed"),
            core_text(exc),
        )
        self._report(None)

    def _cancelled(self) -> None:
        self._end()
        self._report(
            QCoreApplication.translate("ExportDialog", "Export cancelled; nothing was written.")
        )

    def _end(self) -> None:
        # Without auto-close a reset keeps the dialog on screen: it is hidden here, when the
        # export ends, fails, is cancelled or stops to ask.
        self.dialog.reset()
        self.dialog.hide()
        self.thread.quit()
        self.thread.wait()


def export_from_window(
    project: Project,
    document_id: str | None,
    parent: QWidget | None,
    report: Callable[[str | None], None],
) -> ExportRun | None:
    """Ask what to export and where, and start writing it on a worker thread (its own
    connection to the project file); `report` gets the line for the status bar when it ends
    (at once when nothing is to be written). Returns the run, or None when none was started."""
    dialog = ExportDialog(project, document_id, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    choice = dialog.choice()
    if choice.annotators == []:
        report(
            QCoreApplication.translate("ExportDialog", "Nothing exported: no annotator was chosen.")
        )
        return None
    fmt = choice.format
    if fmt.folder:
        target = file_dialogs.existing_directory(
            parent,
            QCoreApplication.translate("ExportDialog", "Export into folder"),
            str(Path.home()),
        )
    else:
        target = file_dialogs.save_file_name(
            parent,
            QCoreApplication.translate("ExportDialog", "Export annotations"),
            str(Path.home() / f"annotations{fmt.suffix}"),
            save_filter(fmt),
            confirm_overwrite=False,  # ExportRun asks, with buttons that say what they do
        )
    if not target:
        return None
    return ExportRun(parent, project.path, choice, target, report)


def written(fmt: ExportFormat, target: str, result: ExportResult) -> str:
    """The status line of a finished export: what was written where, and how many."""
    # "What, where: how many" reads right for any number in both languages (lupdate cannot
    # mark a plural of QCoreApplication.translate outside a QObject).
    wrote = {
        "row": QCoreApplication.translate("ExportDialog", "Rows written to %1: %2"),
        "line": QCoreApplication.translate("ExportDialog", "Lines written to %1: %2"),
        "annotation": QCoreApplication.translate("ExportDialog", "Annotations written to %1: %2"),
        "span": QCoreApplication.translate("ExportDialog", "Spans written to %1: %2"),
    }.get(fmt.unit)
    if wrote is None:  # a format whose unit has no sentence of its own yet
        wrote = compose(
            QCoreApplication.translate("ExportDialog", "Written to %1 (%3): %2"),
            Isolated("%1"),
            Isolated("%2"),
            fmt.unit,
        )
    return compose(wrote, ltr(target), result.rows)


def save_filter(fmt: ExportFormat) -> str:
    """The save dialog's file filter for `fmt`: its name as the interface says it (the
    translated description up to its colon, «جدول التصريحات (CSV)») and its suffix."""
    name = QCoreApplication.translate("ExportDialog", fmt.description).split(":")[0]
    return f"{name} (*{fmt.suffix})"
