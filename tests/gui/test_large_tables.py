"""Tables of thousands of rows cost what is on screen: the document list of a large project,
its filter, and a confusion matrix of hundreds of entities (counted, not timed)."""

from collections import Counter

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication

from annotator.core.bidi import plain
from annotator.core.review.agreement_report import Confusion
from annotator.core.store.project import TextSource
from annotator.gui import models
from annotator.gui.agreement_dialog import AgreementDialog, ConfusionModel
from annotator.gui.document_list import FILTER_AT_ONCE, DocumentList
from annotator.gui.models import SIZED_ROWS, DocumentListModel

MANY = FILTER_AT_ONCE + 500
_COUNTERS: list = []


@pytest.fixture
def many_documents(project, workbench):
    titles = ["تقرير الحكومة عن الميزانية", "وزير الخارجية يزور بغداد", "مؤتمر صحفي في عمان"]
    project.import_texts(
        [
            TextSource(text=f"{titles[n % 3]} {n}\nنص الخبر رقم {n}.\n", source=f"{n}.txt")
            for n in range(MANY)
        ]
    )
    return project


@pytest.fixture
def keep(qapp, project):
    """Hold a widget for the test; deleted before the project closes (a window left waiting
    for deletion would read the closed file at the next change of language)."""
    made = []
    yield made.append
    for widget in made:
        widget.close()
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def rows_asked(monkeypatch):
    """The rows whose data a model was asked for, by model class name."""
    asked: dict[str, set] = {}

    def counting(cls):
        original = cls.data

        def data(self, index, role=0):
            asked.setdefault(cls.__name__, set()).add((index.row(), index.column()))
            return original(self, index, role)

        monkeypatch.setattr(cls, "data", data)
        # Shiboken keeps the override it found for a model made meanwhile: the counting
        # function must outlive the test (freed, a later repaint of such a model crashed).
        _COUNTERS.append(data)

    counting(DocumentListModel)
    counting(ConfusionModel)
    return asked


def test_a_document_list_of_thousands_is_sized_from_a_screenful_not_every_row(
    qtbot, keep, workbench, many_documents, rows_asked
):
    # As at start-up: made, filled and sized before it is shown.
    documents = DocumentList(workbench)
    keep(documents)
    documents.resize(400, 300)
    documents.show()
    qtbot.waitExposed(documents)
    rows = {row for row, _ in rows_asked["DocumentListModel"]}
    assert documents.model.rowCount() == MANY + 1
    assert len(rows) <= 3 * SIZED_ROWS  # was every row of the project


def test_the_filter_of_a_large_project_waits_for_a_pause_and_reads_each_title_once(
    qtbot, keep, workbench, many_documents, type_text, monkeypatch
):
    documents = DocumentList(workbench)
    keep(documents)
    documents.show()
    folded = Counter()
    original = models.filter_form
    monkeypatch.setattr(models, "filter_form", lambda t: folded.update([t]) or original(t))
    type_text(documents.filter_edit, "بغد")
    assert documents.proxy.rowCount() == MANY + 1  # not yet: the typing goes on
    qtbot.waitUntil(lambda: documents.proxy.rowCount() < MANY, timeout=5000)
    titles = [documents.model.index(r, 0).data() for r in range(documents.model.rowCount())]
    expected = sum("بغد" in title for title in titles)
    assert expected == len(range(1, MANY, 3))
    assert documents.proxy.rowCount() == expected
    # Each title folded once, however many keys were typed.
    assert max(folded.values()) == 1 and sum(folded.values()) == MANY + 1
    type_text(documents.filter_edit, "اد")
    documents.filter_edit.returnPressed.emit()  # Enter filters at once
    assert documents.proxy.rowCount() == expected
    assert max(folded.values()) == 1


def test_a_small_project_filters_at_each_key(qtbot, keep, workbench, type_text):
    documents = DocumentList(workbench)
    keep(documents)
    type_text(documents.filter_edit, "لا شيء يطابق هذا")
    assert documents.proxy.rowCount() == 0


def test_a_confusion_matrix_of_hundreds_of_entities_makes_the_cells_on_screen(
    qtbot, keep, project, rows_asked
):
    dialog = AgreementDialog(project)
    keep(dialog)
    dialog.show()
    side = 300
    labels = tuple(f"كيان {n}" for n in range(side))
    counts = tuple(tuple((r * c) % 5 for c in range(side)) for r in range(side))
    dialog.confusion_choice.addItem(
        "speaker ▸ entity", ("ali", "badr", "entity", Confusion(labels, counts))
    )
    dialog.confusion_choice.setCurrentIndex(dialog.confusion_choice.count() - 1)
    QApplication.processEvents()
    model = dialog.confusion
    assert (model.rowCount(), model.columnCount()) == (side, side)
    assert model.headerData(7, models.Qt.Orientation.Horizontal) == "كيان 7"
    assert plain(model.index(3, 4).data()) == str((3 * 4) % 5)
    # Measured over a screenful of rows per column, never the whole matrix (90,000 cells).
    assert len(rows_asked["ConfusionModel"]) <= side * (SIZED_ROWS + 1)
