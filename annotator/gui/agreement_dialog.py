"""The agreement dialog: figures with their unit counts, a chart per layer, confusion matrices,
and the documents hardest first, each opening in review."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QRectF,
    Qt,
    QThread,
    Signal,
)
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
from annotator.core.bidi import Isolated, compose, isolate, ltr, number, plain, quote
from annotator.core.errors import AnnotatorError
from annotator.core.review.adjudication import GOLD
from annotator.core.review.agreement_report import Confusion
from annotator.core.store.project import Project
from annotator.gui.agreement_documents import HardestDocumentsModel
from annotator.gui.core_text import core_text
from annotator.gui.language import localized_schema
from annotator.gui.models import SIZED_ROWS


def _translated(text: str) -> str:
    """`text`, marked for translation elsewhere (QT_TRANSLATE_NOOP), in the interface language."""
    return QCoreApplication.translate("AgreementNotes", text)


def counted(units: int) -> str:
    """ "n=327" (the units a figure counts) as one left-to-right isolate in the interface's
    digits, so a right-to-left sentence does not show it as "327=n"."""
    return ltr("n=" + plain(number(units)))


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
        self.setMinimumHeight(24 * len(bars) + 16 + self.fontMetrics().height() + 8)
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        mirrored, full = self.isRightToLeft(), self.width()

        def box(x: float, y: float, w: float, h: float) -> QRectF:
            # Laid out left to right, drawn mirrored in a right-to-left interface.
            return QRectF(full - x - w if mirrored else x, y, w, h)

        label_width = 210
        right = self.width() - 120
        scale = max(right - label_width, 10)
        for n, (label, value, units) in enumerate(self.bars):
            top = 8 + n * 24
            painter.setPen(self.palette().text().color())
            painter.drawText(box(4, top, label_width - 8, 20), Qt.AlignmentFlag.AlignVCenter, label)
            few = units < FEW_UNITS
            if value is None:
                painter.setPen(_GREY)
                painter.drawText(
                    box(label_width, top, scale, 20),
                    Qt.AlignmentFlag.AlignVCenter,
                    compose(self.tr("n/a  (%1)"), counted(units)),
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
            painter.fillRect(box(label_width, top + 3, width, 14), color)
            painter.setPen(self.palette().text().color())
            # Values in a column right of the scale, so no bar or mark runs over them.
            painter.drawText(
                box(label_width + scale + 8, top, 112, 20),
                Qt.AlignmentFlag.AlignVCenter,
                compose(self.tr("%1  %2"), number(value, 3), counted(units)),
            )
        # The scale: 0, 0.67 and 0.8 (Krippendorff's usual thresholds) and 1.
        painter.setPen(_GREY)
        bottom = 8 + len(self.bars) * 24
        for mark in (0.0, 0.67, 0.8, 1.0):
            x = label_width + mark * scale
            line_x = int(full - x if mirrored else x)
            painter.setPen(_GREY)
            painter.drawLine(line_x, 6, line_x, bottom)
            # The scale's figures in the text colour, tall enough for Arabic-Indic digits.
            painter.setPen(self.palette().text().color())
            painter.drawText(
                box(x - 24, bottom + 2, 48, self.fontMetrics().height() + 2),
                Qt.AlignmentFlag.AlignCenter,
                number(mark),
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
            self.failed.emit(core_text(exc))


class ConfusionModel(QAbstractTableModel):
    """A confusion matrix (`Confusion`: rows A's values, columns B's) as a table whose cells
    and labels are made when the view asks for them: a K x K matrix of hundreds of entities
    costs what is on screen, not K² items made up front. Tooltips say who gave what."""

    def __init__(self, project: Project, parent: QObject | None = None):
        super().__init__(parent)
        self._project = project
        self._a = self._b = self._attribute = ""
        self._confusion: Confusion | None = None
        self._labels: list[str] = []
        self._bold = QFont()
        self._bold.setBold(True)

    def show(self, a: str, b: str, attribute: str, confusion: Confusion | None) -> None:
        """Show `confusion` (None: nothing) of `attribute` between annotators `a` and `b`."""
        self.beginResetModel()
        self._a, self._b, self._attribute, self._confusion = a, b, attribute, confusion
        self._labels = (
            [value_label(self._project, attribute, label) for label in confusion.labels]
            if confusion is not None
            else []
        )
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._labels)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._labels)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if self._confusion is None or not index.isValid():
            return None
        r, c = index.row(), index.column()
        count = self._confusion.counts[r][c]
        if role == Qt.ItemDataRole.DisplayRole:
            return number(count)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.FontRole and r == c:
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole:
            return compose(
                QCoreApplication.translate("AgreementDialog", "%1: %2 gave %3, %4 gave %5"),
                count,
                self._a,
                quote(self._labels[r], None),
                self._b,
                quote(self._labels[c], None),
            )
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if not 0 <= section < len(self._labels):
            return None
        shown = self._labels[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return shown
        if role == Qt.ItemDataRole.ToolTipRole:
            who = self._b if orientation == Qt.Orientation.Horizontal else self._a
            return compose(
                QCoreApplication.translate("AgreementDialog", "%1 gave %2"), who, quote(shown, None)
            )
        return None


class AgreementDialog(QDialog):
    """Computed on a worker thread with its own connection, so the window stays responsive."""

    # a document to open in review mode, with the two annotators to compare
    review_requested = Signal(str, str, str)

    def __init__(self, project: Project, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Agreement between annotators"))
        self.project = project
        self.report = None
        self.annotators = QStandardItemModel(self)
        # The people's agreement by default; the gold copy and the machine's suggestions can be
        # ticked to compare them with the people.
        apart = {
            GOLD: self.tr("the adjudicated copy"),
            SUGGESTIONS: self.tr("the machine's suggestions"),
        }
        for name in project.annotators():
            item = QStandardItem(name)
            item.setCheckable(True)
            item.setCheckState(Qt.CheckState.Unchecked if name in apart else Qt.CheckState.Checked)
            if name in apart:
                item.setToolTip(
                    compose(self.tr("%1: not ticked unless you want it compared"), apart[name])
                )
            self.annotators.appendRow(item)
        chooser = QListView()
        chooser.setModel(self.annotators)
        chooser.setMaximumWidth(200)
        self.compute_button = QPushButton(self.tr("&Compute"))
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
        self.confusion = ConfusionModel(project, self)
        self.documents = HardestDocumentsModel(project, self)
        self.documents_view = self._table(self.documents)
        self.open_review = QPushButton(self.tr("Open in &review"))

        tabs = QTabWidget()
        figures_page = QWidget()
        column = QVBoxLayout(figures_page)
        column.addWidget(self.figures_view, 1)
        legend = QLabel(
            compose(
                self.tr(
                    "Token alpha: Krippendorff's alpha over every character, all chosen "
                    "annotators. Span F1: spans both marked (exact: same edges; overlap: sharing "
                    "text) against those only one marked. Kappa: chance-corrected agreement (%2 = "
                    "always the same, %3 = as by chance). n: the units each figure counts; fewer "
                    "than %1 are greyed."
                ),
                FEW_UNITS,
                number(1),
                number(0),
            )
        )
        legend.setWordWrap(True)
        column.addWidget(legend)
        tabs.addTab(figures_page, self.tr("Figures"))
        chart_page = QWidget()
        column = QVBoxLayout(chart_page)
        column.addWidget(self.pair_choice)
        column.addWidget(self.chart_title)
        column.addWidget(self.chart, 1)
        tabs.addTab(chart_page, self.tr("Chart"))
        confusion_page = QWidget()
        column = QVBoxLayout(confusion_page)
        column.addWidget(self.confusion_choice)
        column.addWidget(self.confusion_axes)
        self.confusion_view = self._table(self.confusion)
        self.confusion_view.verticalHeader().show()
        # Columns as wide as their labels: a stretched last column would read as a bigger value.
        self.confusion_view.horizontalHeader().setStretchLastSection(False)
        # Columns sized to a screenful of rows: the matrix has as many rows as values.
        self.confusion_view.horizontalHeader().setResizeContentsPrecision(SIZED_ROWS)
        self.confusion_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        column.addWidget(self.confusion_view, 1)
        tabs.addTab(confusion_page, self.tr("Confusion"))
        documents_page = QWidget()
        column = QVBoxLayout(documents_page)
        column.addWidget(
            QLabel(self.tr("Documents, hardest first (lowest token alpha or span F1):"))
        )
        column.addWidget(self.documents_view, 1)
        column.addWidget(self.open_review, 0, Qt.AlignmentFlag.AlignLeading)
        tabs.addTab(documents_page, self.tr("Documents"))
        self.tabs = tabs

        left = QWidget()
        side = QVBoxLayout(left)
        side.addWidget(QLabel(self.tr("Annotators:")))
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

    def _table(self, model: QAbstractItemModel) -> QTableView:
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
        self.status.setText(self.tr("Computing…"))
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
        self.status.setText(explain(message, ""))

    def show_report(self, report) -> None:
        self._done()
        self.report = report
        self.status.setText(
            explain(report.reason, "")
            if report.reason
            else compose(
                self.tr(
                    "%n document(s) compared; figures over fewer than %1 units are greyed.",
                    "",
                    len(report.documents),
                ),
                FEW_UNITS,
            )
        )
        self._fill_figures(report)
        self._fill_chart(report)
        self._fill_confusions(report)
        self._fill_documents(report)

    def _fill_figures(self, report) -> None:
        self.figures.clear()
        self.figures.setHorizontalHeaderLabels(
            [
                self.tr("Layer"),
                self.tr("Measure"),
                self.tr("Annotators"),
                self.tr("Value"),
                self.tr("n"),
                self.tr("Note"),
            ]
        )
        for row in report.rows():
            value = self.tr("n/a") if row.value is None else number(row.value, 3)
            note = explain(row.note, row.annotators)
            who = row.annotators.split(" vs ")
            pair = (
                compose(self.tr("%1 vs %2"), *who)
                if len(who) == 2
                else self.tr(", ").join(isolate(name) for name in row.annotators.split(", "))
            )
            cells = [
                QStandardItem(x)
                for x in (
                    layer_label(self.project, row.layer),
                    measure_name(row.measure, self.project, row.layer),
                    pair,
                    value,
                    number(row.n_units),
                    note,
                )
            ]
            if row.value is None or row.n_units < FEW_UNITS:
                for cell in cells:
                    cell.setForeground(_GREY)
                cells[3].setToolTip(note or self.tr("only %n unit(s)", "", row.n_units))
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
            self.pair_choice.addItem(compose(self.tr("%1 vs %2"), a, b), (a, b))
        self.pair_choice.blockSignals(False)
        self._show_chart()

    def _show_chart(self) -> None:
        report, chosen = self.report, self.pair_choice.currentData()
        if report is None or chosen is None:
            self.chart.set_bars([])
            self.chart_title.setText("")
            return
        a, b = chosen
        caption = compose(
            self.tr(
                "<b>%1 vs %2</b>: span F1 and token kappa of this pair; token alpha over all "
                "chosen annotators (%3). Values %4 to %5; the marks at %6 and %7 are the "
                "usual thresholds."
            ),
            html.escape(a),
            html.escape(b),
            # Each name isolated, the list in the sentence's direction (a list passed as one
            # part was laid out left to right in Arabic, its first name being Latin).
            Isolated(self.tr(", ").join(isolate(html.escape(n)) for n in report.annotators)),
            number(0),
            number(1),
            number(0.67),
            number(0.8),
        )
        # The caption opens with a name (an isolate, which Qt's rich text does not skip when it
        # guesses the direction): the paragraph takes the interface's direction explicitly.
        direction = "rtl" if self.isRightToLeft() else "ltr"
        self.chart_title.setText(f'<div dir="{direction}">{caption}</div>')
        bars = []
        for layer in report.layers:
            bars.append(
                (
                    compose(
                        self.tr("%1: token alpha (all)"), layer_label(self.project, layer.layer)
                    ),
                    layer.token_alpha.value,
                    layer.token_alpha.n_units,
                )
            )
            for pair in layer.pairs:
                if (pair.a, pair.b) != (a, b):
                    continue
                for template, scores in (
                    (self.tr("%1: span exact F1"), pair.exact),
                    (self.tr("%1: span overlap F1"), pair.overlap),
                ):
                    n = scores.matched + scores.only_a + scores.only_b
                    label = compose(template, layer_label(self.project, layer.layer))
                    bars.append((label, scores.f1, n))
                bars.append(
                    (
                        compose(self.tr("%1: token kappa"), layer_label(self.project, layer.layer)),
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
                            compose(
                                self.tr("%1 ▸ %2: %3 (rows) vs %4"),
                                layer_label(self.project, layer.layer),
                                attribute_label(self.project, layer.layer, attribute.name),
                                pair.a,
                                pair.b,
                            ),
                            (pair.a, pair.b, attribute.name, attribute.confusion),
                        )
        self.confusion_choice.blockSignals(False)
        self._show_confusion()

    def _show_confusion(self) -> None:
        """One row per value A chose and one column per value B chose, both labelled."""
        chosen = self.confusion_choice.currentData()
        if chosen is None:
            self.confusion.show("", "", "", None)
            self.confusion_axes.setText("")
            return
        a, b, attribute, confusion = chosen
        self.confusion_axes.setText(
            compose(
                self.tr(
                    "Rows: the %1 <b>%2</b> gave; columns: the %1 <b>%3</b> gave, for the spans "
                    "both marked. In bold: both gave the same."
                ),
                html.escape(attribute_label(self.project, None, attribute)),
                html.escape(a),
                html.escape(b),
            )
        )
        self.confusion.show(a, b, attribute, confusion)

    def _fill_documents(self, report) -> None:
        self.documents.show(report.documents)

    def _review_current(self) -> None:
        row = self.documents_view.currentIndex().row()
        if self.report is None or row < 0 or len(self.report.annotators) < 2:
            return
        document_id = self.documents.index(row, 0).data(Qt.ItemDataRole.UserRole)
        a, b = self.report.annotators[:2]
        self.review_requested.emit(document_id, a, b)


# The reasons the measures give for a figure they cannot compute (annotator.core.review), in
# the words of the interface.
_REASONS = (
    QT_TRANSLATE_NOOP("AgreementNotes", "no units"),
    QT_TRANSLATE_NOOP("AgreementNotes", "fewer than two annotators"),
    QT_TRANSLATE_NOOP("AgreementNotes", "fewer than two annotators to compare"),
    QT_TRANSLATE_NOOP("AgreementNotes", "no unit has values from two annotators"),
    QT_TRANSLATE_NOOP("AgreementNotes", "no matched pairs with a value"),
    QT_TRANSLATE_NOOP("AgreementNotes", "neither annotator tagged a span of this layer"),
    QT_TRANSLATE_NOOP("AgreementNotes", "A tagged no span of this layer: precision is not defined"),
    QT_TRANSLATE_NOOP("AgreementNotes", "B tagged no span of this layer: recall is not defined"),
    QT_TRANSLATE_NOOP("AgreementNotes", "no document has been annotated by two of the annotators"),
    QT_TRANSLATE_NOOP("AgreementNotes", "the compared documents have no word tokens"),
)
# The core's reasons that carry a number: said with the number as a placeholder, so it is
# written in the interface's digits (core reason -> (template, the number)).
_REASONS_WITH_NUMBERS = {
    "one category only: both annotators gave every unit the same value, so chance agreement is 1 "
    "and kappa is not defined": (
        QT_TRANSLATE_NOOP(
            "AgreementNotes",
            "one category only: both annotators gave every unit the same value, so chance "
            "agreement is %1 and kappa is not defined",
        ),
        1,
    ),
    "one category only: every pairable value is the same, so expected disagreement is 0 and "
    "alpha is not defined": (
        QT_TRANSLATE_NOOP(
            "AgreementNotes",
            "one category only: every pairable value is the same, so expected disagreement is %1 "
            "and alpha is not defined",
        ),
        0,
    ),
}
_MEASURES = (
    QT_TRANSLATE_NOOP("AgreementNotes", "token alpha"),
    QT_TRANSLATE_NOOP("AgreementNotes", "span exact F1"),
    QT_TRANSLATE_NOOP("AgreementNotes", "span overlap F1"),
    QT_TRANSLATE_NOOP("AgreementNotes", "token kappa"),
)


def measure_name(measure: str, project: Project | None = None, layer: str | None = None) -> str:
    """A measure of the report ("token alpha", "role kappa") in the interface's words; an
    attribute is named by its label in `project`'s schema (`layer`: the row's layer)."""
    if measure in _MEASURES:
        return _translated(measure)
    attribute, _, kind = measure.rpartition(" ")
    if kind in ("kappa", "alpha") and attribute:
        template = (
            QCoreApplication.translate("AgreementNotes", "%1 kappa")
            if kind == "kappa"
            else QCoreApplication.translate("AgreementNotes", "%1 alpha")
        )
        shown = attribute_label(project, layer, attribute) if project else attribute
        return compose(template, shown)
    return measure


def explain(note: str, annotators: str) -> str:
    """The report's short note in words: "A" and "B" are named, "same value" and "P"/"R"
    said in full, each part in the interface's language."""
    a, _, b = annotators.partition(" vs ")
    return QCoreApplication.translate("AgreementNotes", "; ").join(
        _explain_part(part, a, b) for part in note.split("; ") if part
    )


_PARTS: tuple[tuple[str, Callable[[re.Match[str], str, str], str]], ...] = (
    (
        r"matched (\d+), only A (\d+), only B (\d+)",
        lambda m, a, b: compose(
            QCoreApplication.translate(
                "AgreementNotes", "%1 marked by both, %2 only by %3, %4 only by %5"
            ),
            int(m[1]),
            int(m[2]),
            a,
            int(m[3]),
            b,
        ),
    ),
    (
        r"P (\S+) R (\S+)",
        lambda m, a, b: compose(
            QCoreApplication.translate(
                "AgreementNotes", "precision %1 and recall %2 of %3 against %4"
            ),
            _figure(m[1]),
            _figure(m[2]),
            a,
            b,
        ),
    ),
    (
        r"same value (\S+)",
        lambda m, a, b: compose(
            QCoreApplication.translate(
                "AgreementNotes", "share of spans both marked with the same value: %1"
            ),
            _figure(m[1]),
        ),
    ),
    (
        r"fewer than two annotators to compare \(only (.+)\)",
        lambda m, a, b: compose(
            QCoreApplication.translate(
                "AgreementNotes", "fewer than two annotators to compare (only %1)"
            ),
            m[1],
        ),
    ),
    (
        r"no document annotated by both (.+) and (.+)",
        lambda m, a, b: compose(
            QCoreApplication.translate("AgreementNotes", "no document annotated by both %1 and %2"),
            m[1],
            m[2],
        ),
    ),
    (
        r"(.+) annotated none of the chosen documents",
        lambda m, a, b: compose(
            QCoreApplication.translate(
                "AgreementNotes", "%1 annotated none of the chosen documents"
            ),
            m[1],
        ),
    ),
    (
        r"(.+) annotated nothing",
        lambda m, a, b: compose(
            QCoreApplication.translate("AgreementNotes", "%1 annotated nothing"), m[1]
        ),
    ),
    (
        r"no annotator '(.+)' in this project \(annotators: (.*)\)",
        lambda m, a, b: compose(
            QCoreApplication.translate(
                "AgreementNotes", "no annotator %1 in this project (annotators: %2)"
            ),
            m[1],
            m[2],
        ),
    ),
)


def _figure(text: str) -> str:
    try:
        return number(float(text), 3)
    except ValueError:
        return (
            QCoreApplication.translate("AgreementNotes", "n/a")
            if text in ("n/a", "None", "-")
            else text
        )


def _explain_part(part: str, a: str, b: str) -> str:
    if part in _REASONS:
        return _translated(part)
    if part in _REASONS_WITH_NUMBERS:
        template, value = _REASONS_WITH_NUMBERS[part]
        return compose(_translated(template), number(value))
    for pattern, say in _PARTS:
        match = re.fullmatch(pattern, part)
        if match:
            return say(match, a or "A", b or "B")
    return part


def layer_label(project: Project, layer: str) -> str:
    """A layer's label in the interface's language (its name when the schema lacks it)."""
    try:
        return localized_schema(project).layer(layer).label
    except AnnotatorError:
        return layer


def attribute_label(project: Project, layer: str | None, attribute: str) -> str:
    """An attribute's label in the interface's language (its name when not in the schema)."""
    for candidate in localized_schema(project).layers:
        if layer is not None and candidate.name != layer:
            continue
        for x in candidate.attributes:
            if x.name == attribute:
                return x.label or attribute
        if candidate.has_stance and attribute == "stance":
            return QCoreApplication.translate("AgreementNotes", "stance")
    return attribute


def value_label(project: Project, attribute: str, value: str) -> str:
    """A value of an attribute in the interface's language (as stored when not in the schema)."""
    for layer in localized_schema(project).layers:
        for x in layer.attributes:
            if x.name == attribute:
                return x.value_label(value)
        if layer.has_stance and attribute == "stance":
            return layer.stance_label(value)
    return value
