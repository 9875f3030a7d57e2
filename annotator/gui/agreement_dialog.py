"""The agreement dialog: figures with their unit counts, a chart per layer, confusion matrices,
and the documents hardest first, each opening in review."""

from __future__ import annotations

import re
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

from annotator.core.arabic.suggest import SUGGESTIONS
from annotator.core.errors import AnnotatorError
from annotator.core.review.adjudication import GOLD
from annotator.core.store.project import Project

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
        from annotator.core.review import agreement

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
        # The people's agreement by default; the gold copy and the machine's suggestions can be
        # ticked to compare them with the people.
        apart = {GOLD: "the adjudicated copy", SUGGESTIONS: "the machine's suggestions"}
        for name in project.annotators():
            item = QStandardItem(name)
            item.setCheckable(True)
            item.setCheckState(Qt.CheckState.Unchecked if name in apart else Qt.CheckState.Checked)
            if name in apart:
                item.setToolTip(f"{apart[name]}: not ticked unless you want it compared")
            self.annotators.appendRow(item)
        chooser = QListView()
        chooser.setModel(self.annotators)
        chooser.setMaximumWidth(200)
        self.compute_button = QPushButton("&Compute")
        self.status = QLabel()
        self.figures = QStandardItemModel(self)
        self.figures_view = self._table(self.figures)
        self.chart = BarChart()
        self.pair_choice = QComboBox()
        self.chart_title = QLabel()
        self.chart_title.setWordWrap(True)
        self.confusion_choice = QComboBox()
        self.confusion_axes = QLabel()
        self.confusion_axes.setWordWrap(True)
        self.confusion = QStandardItemModel(self)
        self.documents = QStandardItemModel(self)
        self.documents_view = self._table(self.documents)
        self.open_review = QPushButton("Open in &review")

        tabs = QTabWidget()
        figures_page = QWidget()
        column = QVBoxLayout(figures_page)
        column.addWidget(self.figures_view, 1)
        legend = QLabel(
            "Token alpha: Krippendorff's alpha over every character, all chosen annotators. "
            "Span F1: spans both marked (exact: same edges; overlap: sharing text) against "
            "those only one marked. Kappa: chance-corrected agreement (1 = always the same, "
            "0 = as by chance). n: the units each figure counts; fewer than "
            f"{FEW_UNITS} are greyed."
        )
        legend.setWordWrap(True)
        column.addWidget(legend)
        tabs.addTab(figures_page, "Figures")
        chart_page = QWidget()
        column = QVBoxLayout(chart_page)
        column.addWidget(self.pair_choice)
        column.addWidget(self.chart_title)
        column.addWidget(self.chart, 1)
        tabs.addTab(chart_page, "Chart")
        confusion_page = QWidget()
        column = QVBoxLayout(confusion_page)
        column.addWidget(self.confusion_choice)
        column.addWidget(self.confusion_axes)
        self.confusion_view = self._table(self.confusion)
        self.confusion_view.verticalHeader().show()
        # Columns as wide as their labels: a stretched last column would read as a bigger value.
        self.confusion_view.horizontalHeader().setStretchLastSection(False)
        self.confusion_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        column.addWidget(self.confusion_view, 1)
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
        self.pair_choice.currentIndexChanged.connect(self._show_chart)
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
            note = explain(row.note, row.annotators)
            cells = [
                QStandardItem(x)
                for x in (row.layer, row.measure, row.annotators, value, str(row.n_units), note)
            ]
            if row.value is None or row.n_units < FEW_UNITS:
                for cell in cells:
                    cell.setForeground(_GREY)
                cells[3].setToolTip(note or f"only {row.n_units} units")
            self.figures.appendRow(cells)

    def _fill_chart(self, report) -> None:
        """Offer every pair the report compares; the chart shows the one chosen."""
        self.pair_choice.blockSignals(True)
        self.pair_choice.clear()
        pairs = []
        for layer in report.layers:
            for pair in layer.pairs:
                if (pair.a, pair.b) not in pairs:
                    pairs.append((pair.a, pair.b))
        for a, b in pairs:
            self.pair_choice.addItem(f"{a} vs {b}", (a, b))
        self.pair_choice.blockSignals(False)
        self._show_chart()

    def _show_chart(self) -> None:
        report, chosen = self.report, self.pair_choice.currentData()
        if report is None or chosen is None:
            self.chart.set_bars([])
            self.chart_title.setText("")
            return
        a, b = chosen
        self.chart_title.setText(
            f"<b>{a} vs {b}</b>: span F1 and token kappa of this pair; token alpha over all "
            f"chosen annotators ({', '.join(report.annotators)}). Values 0 to 1; the marks at "
            "0.67 and 0.8 are the usual thresholds."
        )
        bars = []
        for layer in report.layers:
            bars.append(
                (
                    f"{layer.layer}: token alpha (all)",
                    layer.token_alpha.value,
                    layer.token_alpha.n_units,
                )
            )
            for pair in layer.pairs:
                if (pair.a, pair.b) != (a, b):
                    continue
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
                            (pair.a, pair.b, attribute.name, attribute.confusion),
                        )
        self.confusion_choice.blockSignals(False)
        self._show_confusion()

    def _show_confusion(self) -> None:
        """One row per value A chose and one column per value B chose, both labelled."""
        self.confusion.clear()
        chosen = self.confusion_choice.currentData()
        if chosen is None:
            self.confusion_axes.setText("")
            return
        a, b, attribute, confusion = chosen
        labels = list(confusion.labels)
        self.confusion_axes.setText(
            f"Rows: the {attribute} <b>{a}</b> gave; columns: the {attribute} <b>{b}</b> "
            "gave, for the spans both marked. In bold: both gave the same."
        )
        self.confusion.setRowCount(len(labels))
        self.confusion.setColumnCount(len(labels))
        for r, row in enumerate(confusion.counts):
            for c, count in enumerate(row):
                item = QStandardItem(str(count))
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                item.setToolTip(f"{count}: {a} gave «{labels[r]}», {b} gave «{labels[c]}»")
                if r == c:
                    font = QFont()
                    font.setBold(True)
                    item.setFont(font)
                self.confusion.setItem(r, c, item)
        # Set once the rows exist: labels set before would make rows of their own.
        for n, label in enumerate(labels):
            column, row = QStandardItem(label), QStandardItem(label)
            column.setToolTip(f"{b} gave «{label}»")
            row.setToolTip(f"{a} gave «{label}»")
            self.confusion.setHorizontalHeaderItem(n, column)
            self.confusion.setVerticalHeaderItem(n, row)

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


def explain(note: str, annotators: str) -> str:
    """The report's short note in words: "A" and "B" are named, "same value" and "P"/"R"
    said in full."""
    a, _, b = annotators.partition(" vs ")
    if not b:
        return note
    note = re.sub(
        r"matched (\d+), only A (\d+), only B (\d+)",
        lambda m: f"{m[1]} marked by both, {m[2]} only by {a}, {m[3]} only by {b}",
        note,
    )
    note = re.sub(
        r"P (\S+) R (\S+)",
        lambda m: f"precision {m[1]} and recall {m[2]} of {a} against {b}",
        note,
    )
    return re.sub(
        r"same value (\S+)",
        lambda m: f"share of spans both marked with the same value: {m[1]}",
        note,
    )
