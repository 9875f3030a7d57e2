"""The agreement dialog: figures with their unit counts, a chart per layer, confusion matrices,
and the documents hardest first, each opening in review."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QRectF, Qt, QThread, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHeaderView,
    QLabel,
    QListView,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from annotator.core.errors import AnnotatorError
from annotator.core.project import Project

# Below this many units a figure is shown greyed: a kappa over a handful of tokens says little.
FEW_UNITS = 30
_GREY = QColor("#8a8a8a")


class BarChart(QWidget):
    """Horizontal bars on a 0–1 scale, one per figure; undefined figures are listed as n/a."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.bars: list[tuple[str, float | None, int]] = []
        self.setMinimumHeight(120)

    def set_bars(self, bars: list[tuple[str, float | None, int]]) -> None:
        self.bars = bars
        self.setMinimumHeight(24 * len(bars) + 36)
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        label_width = 210
        right = self.width() - 120
        scale = max(right - label_width, 10)
        for n, (label, value, units) in enumerate(self.bars):
            top = 8 + n * 24
            painter.setPen(self.palette().text().color())
            painter.drawText(
                QRectF(4, top, label_width - 8, 20), Qt.AlignmentFlag.AlignVCenter, label
            )
            few = units < FEW_UNITS
            if value is None:
                painter.setPen(_GREY)
                painter.drawText(
                    QRectF(label_width, top, scale, 20),
                    Qt.AlignmentFlag.AlignVCenter,
                    f"n/a  (n = {units})",
                )
                continue
            color = (
                QColor("#5b8fd9")
                if value >= 0.8
                else QColor("#f4a259")
                if value >= 0.67
                else QColor("#d9534f")
            )
            if few:
                color = _GREY
            width = max(0.0, min(1.0, value)) * scale
            painter.fillRect(QRectF(label_width, top + 3, width, 14), color)
            painter.setPen(self.palette().text().color())
            # Values in a column right of the scale, so no bar or mark runs over them.
            painter.drawText(
                QRectF(label_width + scale + 8, top, 112, 20),
                Qt.AlignmentFlag.AlignVCenter,
                f"{value:.3f}  n={units}",
            )
        # The scale: 0, 0.67 and 0.8 (Krippendorff's usual thresholds) and 1.
        painter.setPen(_GREY)
        bottom = 8 + len(self.bars) * 24
        for mark in (0.0, 0.67, 0.8, 1.0):
            x = label_width + mark * scale
            painter.drawLine(int(x), 6, int(x), bottom)
            painter.drawText(
                QRectF(x - 20, bottom + 2, 40, 16), Qt.AlignmentFlag.AlignCenter, f"{mark:g}"
            )
        painter.end()


class AgreementWorker(QObject):
    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, project_path: Path, annotators: list[str] | None):
        super().__init__()
        self.project_path, self.annotators = project_path, annotators

    def run(self) -> None:
        # numpy and the measures load here, off the GUI thread and only when asked for.
        from annotator.core import agreement

        try:
            with Project.open(self.project_path) as project:
                self.finished.emit(agreement.compare(project, self.annotators))
        except AnnotatorError as exc:
            self.failed.emit(str(exc))


class AgreementDialog(QDialog):
    """Computed on a worker thread with its own connection, so the window stays responsive."""

    # a document to open in review mode, with the two annotators to compare
    review_requested = Signal(str, str, str)

    def __init__(self, project: Project, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Agreement between annotators")
        self.project = project
        self.report = None
        self.annotators = QStandardItemModel(self)
        for name in project.annotators():
            if name == "suggestions":
                continue
            item = QStandardItem(name)
            item.setCheckable(True)
            item.setCheckState(Qt.CheckState.Checked)
            self.annotators.appendRow(item)
        chooser = QListView()
        chooser.setModel(self.annotators)
        chooser.setMaximumWidth(200)
        self.compute_button = QPushButton("&Compute")
        self.status = QLabel()
        self.figures = QStandardItemModel(self)
        self.figures_view = self._table(self.figures)
        self.chart = BarChart()
        self.confusion_choice = QComboBox()
        self.confusion = QStandardItemModel(self)
        self.documents = QStandardItemModel(self)
        self.documents_view = self._table(self.documents)
        self.open_review = QPushButton("Open in &review")

        tabs = QTabWidget()
        tabs.addTab(self.figures_view, "Figures")
        tabs.addTab(self.chart, "Chart")
        confusion_page = QWidget()
        column = QVBoxLayout(confusion_page)
        column.addWidget(self.confusion_choice)
        column.addWidget(self._table(self.confusion), 1)
        tabs.addTab(confusion_page, "Confusion")
        documents_page = QWidget()
        column = QVBoxLayout(documents_page)
        column.addWidget(QLabel("Documents, hardest first (lowest token alpha or span F1):"))
        column.addWidget(self.documents_view, 1)
        column.addWidget(self.open_review, 0, Qt.AlignmentFlag.AlignLeft)
        tabs.addTab(documents_page, "Documents")
        self.tabs = tabs

        left = QWidget()
        side = QVBoxLayout(left)
        side.addWidget(QLabel("Annotators:"))
        side.addWidget(chooser, 1)
        side.addWidget(self.compute_button)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(tabs)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)
        self.compute_button.clicked.connect(self.compute)
        self.confusion_choice.currentIndexChanged.connect(self._show_confusion)
        self.open_review.clicked.connect(self._review_current)
        self.documents_view.doubleClicked.connect(lambda *_: self._review_current())
        self.resize(1000, 620)

    def _table(self, model: QStandardItemModel) -> QTableView:
        view = QTableView()
        view.setModel(model)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.verticalHeader().hide()
        # Qt's default minimum is the font's widest glyph, very wide with Amiri as fallback.
        header = view.horizontalHeader()
        header.setMinimumSectionSize(header.fontMetrics().horizontalAdvance("0000"))
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        view.horizontalHeader().setStretchLastSection(True)
        return view

    def chosen(self) -> list[str]:
        return [
            self.annotators.item(r).text()
            for r in range(self.annotators.rowCount())
            if self.annotators.item(r).checkState() == Qt.CheckState.Checked
        ]

    def compute(self) -> None:
        self.compute_button.setEnabled(False)
        self.status.setText("Computing…")
        self._thread = QThread(self)
        self._worker = AgreementWorker(self.project.path, self.chosen())
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.finished.connect(self.show_report)
        self._worker.failed.connect(self._failed)
        self._thread.start()

    def _done(self) -> None:
        self._thread.quit()
        self._thread.wait()
        self.compute_button.setEnabled(True)

    def _failed(self, message: str) -> None:
        self._done()
        self.status.setText(message)

    def show_report(self, report) -> None:
        self._done()
        self.report = report
        self.status.setText(
            report.reason
            or f"{len(report.documents)} document(s) compared; "
            f"figures over fewer than {FEW_UNITS} units are greyed."
        )
        self._fill_figures(report)
        self._fill_chart(report)
        self._fill_confusions(report)
        self._fill_documents(report)

    def _fill_figures(self, report) -> None:
        self.figures.clear()
        self.figures.setHorizontalHeaderLabels(
            ["Layer", "Measure", "Annotators", "Value", "n", "Note"]
        )
        for row in report.rows():
            value = "n/a" if row.value is None else f"{row.value:.3f}"
            cells = [
                QStandardItem(x)
                for x in (row.layer, row.measure, row.annotators, value, str(row.n_units), row.note)
            ]
            if row.value is None or row.n_units < FEW_UNITS:
                for cell in cells:
                    cell.setForeground(_GREY)
                cells[3].setToolTip(row.note or f"only {row.n_units} units")
            self.figures.appendRow(cells)

    def _fill_chart(self, report) -> None:
        bars = []
        for layer in report.layers:
            bars.append(
                (f"{layer.layer}: token alpha", layer.token_alpha.value, layer.token_alpha.n_units)
            )
            for pair in layer.pairs[:1]:
                for name, scores in (("exact F1", pair.exact), ("overlap F1", pair.overlap)):
                    n = scores.matched + scores.only_a + scores.only_b
                    bars.append((f"{layer.layer}: span {name}", scores.f1, n))
                bars.append(
                    (
                        f"{layer.layer}: token kappa",
                        pair.token_kappa.value,
                        pair.token_kappa.n_units,
                    )
                )
        self.chart.set_bars(bars)

    def _fill_confusions(self, report) -> None:
        self.confusion_choice.blockSignals(True)
        self.confusion_choice.clear()
        for layer in report.layers:
            for pair in layer.pairs:
                for attribute in pair.attributes:
                    if attribute.confusion is not None:
                        self.confusion_choice.addItem(
                            f"{layer.layer}.{attribute.name}: {pair.a} (rows) vs {pair.b}",
                            attribute.confusion,
                        )
        self.confusion_choice.blockSignals(False)
        self._show_confusion()

    def _show_confusion(self) -> None:
        self.confusion.clear()
        confusion = self.confusion_choice.currentData()
        if confusion is None:
            return
        self.confusion.setHorizontalHeaderLabels(list(confusion.labels))
        self.confusion.setVerticalHeaderLabels(list(confusion.labels))
        for r, row in enumerate(confusion.counts):
            items = []
            for c, count in enumerate(row):
                item = QStandardItem(str(count))
                if r == c:
                    font = QFont()
                    font.setBold(True)
                    item.setFont(font)
                items.append(item)
            self.confusion.insertRow(r, items)

    def _fill_documents(self, report) -> None:
        self.documents.clear()
        self.documents.setHorizontalHeaderLabels(["Lowest", "Document", "Title"])
        for doc in report.documents:
            lowest = "n/a" if doc.lowest is None else f"{doc.lowest:.3f}"
            cells = [QStandardItem(lowest), QStandardItem(doc.id), QStandardItem(doc.title)]
            cells[0].setData(doc.id, Qt.ItemDataRole.UserRole)
            self.documents.appendRow(cells)

    def _review_current(self) -> None:
        row = self.documents_view.currentIndex().row()
        if self.report is None or row < 0 or len(self.report.annotators) < 2:
            return
        document_id = self.documents.item(row, 0).data(Qt.ItemDataRole.UserRole)
        a, b = self.report.annotators[:2]
        self.review_requested.emit(document_id, a, b)
