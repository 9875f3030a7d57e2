"""File ▸ Export: a format, the whole project or the open document, and which annotators."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
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
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from annotator.core.arabic.suggest import SUGGESTIONS
from annotator.core.bidi import Isolated, compose, ltr
from annotator.core.errors import AnnotatorError, ExportExistsError
from annotator.core.formats import EXPORTS, ExportFormat
from annotator.core.store.files import check_replaceable
from annotator.core.store.project import Project
from annotator.gui import file_dialogs
from annotator.gui.core_text import core_part, core_text
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


def export_from_window(project: Project, document_id: str | None, parent: QWidget) -> str | None:
    """Ask what to export and where, write it, and return a line for the status bar."""
    dialog = ExportDialog(project, document_id, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    choice = dialog.choice()
    if choice.annotators == []:
        return QCoreApplication.translate(
            "ExportDialog", "Nothing exported: no annotator was chosen."
        )
    fmt = choice.format
    if fmt.folder:
        target = file_dialogs.existing_directory(
            parent,
            QCoreApplication.translate("ExportDialog", "Export into folder"),
            str(Path.home()),
        )
        overwrite = False  # the folder dialog asks nothing about files already there
    else:
        target = file_dialogs.save_file_name(
            parent,
            QCoreApplication.translate("ExportDialog", "Export annotations"),
            str(Path.home() / f"annotations{fmt.suffix}"),
            save_filter(fmt),
        )
        overwrite = True  # the save dialog has asked before replacing a file
    if not target:
        return None
    options = dict(
        document_ids=choice.document_ids,
        annotators=choice.annotators,
        formula_guard=choice.formula_guard,
    )
    try:
        with project.strict_text():
            try:
                result = fmt.export(project, target, overwrite=overwrite, **options)
            except ExportExistsError as exc:
                # Only a file that exists is a question; a folder that takes no file is a
                # failure now, not after the user has agreed to replace.
                check_replaceable(exc.path)
                if not ask(
                    parent,
                    QCoreApplication.translate("ExportDialog", "Replace files?"),
                    compose(
                        QCoreApplication.translate("ExportDialog", "%1\n\nReplace them?"),
                        core_part(exc),
                    ),
                    QCoreApplication.translate("ExportDialog", "Replace them"),
                    QCoreApplication.translate("ExportDialog", "Keep them"),
                ):
                    return QCoreApplication.translate("ExportDialog", "Nothing exported.")
                result = fmt.export(project, target, overwrite=True, **options)
    except (AnnotatorError, OSError) as exc:
        QMessageBox.warning(
            parent, QCoreApplication.translate("ExportDialog", "Export failed"), core_text(exc)
        )
        return None
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
