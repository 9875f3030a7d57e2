"""The agreement dialog on the sample: figures with their unit counts, chart, confusion matrices
and the documents, computed off the GUI thread."""

import pytest
from PySide6.QtCore import Qt

from annotator.core.bidi import plain
from annotator.core.formats import jsonl
from annotator.core.paths import seeds_dir
from annotator.core.store.project import Project
from annotator.gui import agreement_documents
from annotator.gui.agreement_dialog import AgreementDialog
from tests.cli.composed_agreement import composed_project

SEED = "000_41ac67127a0642cf"


@pytest.fixture
def dialog(qtbot, project):
    jsonl.import_annotations(project, seeds_dir() / f"{SEED}.gold.jsonl", "reference")
    jsonl.import_annotations(project, seeds_dir() / f"{SEED}.colleague.jsonl", "colleague")
    dialog = AgreementDialog(project)
    qtbot.addWidget(dialog)
    return dialog


def compute(qtbot, dialog):
    dialog.compute()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=20000)


def cell(model, row, column):
    return plain(model.item(row, column).text())


def test_the_figures_show_values_with_their_unit_counts(qtbot, dialog):
    compute(qtbot, dialog)
    rows = {
        (cell(dialog.figures, r, 0), cell(dialog.figures, r, 1)): r
        for r in range(dialog.figures.rowCount())
    }
    r = rows[("Speaker", "span exact F1")]
    assert cell(dialog.figures, r, 3) == "0.880" and cell(dialog.figures, r, 4) == "14"
    alpha = rows[("Claim", "token alpha")]
    assert float(cell(dialog.figures, alpha, 3)) > 0.9


def test_undefined_and_small_figures_are_greyed_with_the_reason(qtbot, dialog):
    compute(qtbot, dialog)
    for r in range(dialog.figures.rowCount()):
        if cell(dialog.figures, r, 1) == "role kappa":
            assert cell(dialog.figures, r, 3) == "n/a"
            assert "one category only" in dialog.figures.item(r, 3).toolTip()
            assert dialog.figures.item(r, 3).foreground().color().name() == "#8a8a8a"
            return
    pytest.fail("no role kappa row")


def test_the_chart_and_confusion_matrices_follow_the_report(qtbot, dialog):
    compute(qtbot, dialog)
    labels = [plain(label) for label, _, _ in dialog.chart.bars]
    assert "Claim: span overlap F1" in labels
    choices = [
        plain(dialog.confusion_choice.itemText(i)) for i in range(dialog.confusion_choice.count())
    ]
    kind = next(i for i, text in enumerate(choices) if text.startswith("Claim ▸ kind"))
    dialog.confusion_choice.setCurrentIndex(kind)
    labels = [
        dialog.confusion.headerData(c, Qt.Orientation.Horizontal)
        for c in range(dialog.confusion.columnCount())
    ]
    assert "direct" in labels and "paraphrase" in labels


def test_a_document_opens_in_review_with_the_compared_annotators(qtbot, dialog):
    compute(qtbot, dialog)
    dialog.documents_view.selectRow(0)
    with qtbot.waitSignal(dialog.review_requested) as asked:
        dialog.open_review.click()
    assert asked.args == [SEED, "colleague", "reference"]


def test_fewer_than_two_annotators_says_why(qtbot, project):
    dialog = AgreementDialog(project)
    qtbot.addWidget(dialog)
    compute(qtbot, dialog)
    assert "fewer than two annotators" in dialog.status.text()


def test_a_confusion_matrix_labels_rows_and_columns_and_names_the_annotators(qtbot, dialog):
    compute(qtbot, dialog)
    choices = [
        plain(dialog.confusion_choice.itemText(i)) for i in range(dialog.confusion_choice.count())
    ]
    dialog.confusion_choice.setCurrentIndex(
        next(i for i, text in enumerate(choices) if text.startswith("Claim ▸ kind"))
    )
    model, view = dialog.confusion, dialog.confusion_view
    rows = [model.headerData(r, Qt.Orientation.Vertical) for r in range(model.rowCount())]
    columns = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert rows == columns and "direct" in rows and "paraphrase" in rows
    dialog.show()
    dialog.tabs.setCurrentIndex(dialog.tabs.indexOf(view.parentWidget()))
    assert view.verticalHeader().isVisible()
    # Every row holds counts, none is left empty at the end.
    for r in range(model.rowCount()):
        assert all(plain(model.index(r, c).data()).isdigit() for c in range(len(rows)))
    assert not view.horizontalHeader().stretchLastSection()
    axes = plain(dialog.confusion_axes.text())
    assert "Rows" in axes and "colleague" in axes and "reference" in axes


def test_the_chart_names_its_pair_and_shows_each(qtbot, project):
    for name, kind in (("reference", "gold"), ("colleague", "colleague"), ("omar", "colleague")):
        jsonl.import_annotations(project, seeds_dir() / f"{SEED}.{kind}.jsonl", name)
    dialog = AgreementDialog(project)
    qtbot.addWidget(dialog)
    compute(qtbot, dialog)
    pairs = [plain(dialog.pair_choice.itemText(i)) for i in range(dialog.pair_choice.count())]
    assert len(pairs) == 3
    for index, pair in enumerate(pairs):
        dialog.pair_choice.setCurrentIndex(index)
        assert pair in plain(dialog.chart_title.text()).replace("<b>", "").replace("</b>", "")
        assert any("span exact F1" in label for label, _, _ in dialog.chart.bars)


def test_the_people_are_ticked_not_gold_nor_suggestions(qtbot, project, workbench):
    from annotator.core.arabic import suggest

    jsonl.import_annotations(project, seeds_dir() / f"{SEED}.gold.jsonl", "gold")
    jsonl.import_annotations(project, seeds_dir() / f"{SEED}.colleague.jsonl", "colleague")
    project.add_annotation(workbench.document_id, "amal", "speaker", 0, 5)
    suggest.suggest(project, [workbench.document_id])
    dialog = AgreementDialog(project)
    qtbot.addWidget(dialog)
    assert sorted(dialog.chosen()) == ["amal", "colleague"]
    listed = [dialog.annotators.item(r).text() for r in range(dialog.annotators.rowCount())]
    assert "gold" in listed and "suggestions" in listed  # there to tick when wanted


def test_notes_say_what_they_mean(qtbot, dialog):
    compute(qtbot, dialog)
    notes = [plain(dialog.figures.item(r, 5).text()) for r in range(dialog.figures.rowCount())]
    assert not any(n.startswith("same value") or "only A" in n for n in notes)
    assert any("marked by both" in n and "only by colleague" in n for n in notes)
    assert any("share of spans both marked with the same value" in n for n in notes)


def test_the_documents_table_lists_the_report_hardest_first(qtbot, tmp_path, monkeypatch):
    # Pages of four, two kept: reading the table down and back up again reads pages anew.
    monkeypatch.setattr(agreement_documents, "PAGE", 4)
    monkeypatch.setattr(agreement_documents, "PAGES_KEPT", 2)
    with Project.open(composed_project(tmp_path / "composed.annotator")) as project:
        dialog = AgreementDialog(project)
        qtbot.addWidget(dialog)
        compute(qtbot, dialog)
        expected = list(dialog.report.document_scores(project))
        model = dialog.documents
        rows = range(model.rowCount())
        down = [[plain(model.index(r, c).data()) for c in range(3)] for r in rows]
        up = [[plain(model.index(r, c).data()) for c in range(3)] for r in reversed(rows)]
        listed = [
            ["n/a" if d.lowest is None else f"{d.lowest:.3f}", d.id, d.title] for d in expected
        ]
        assert len(listed) == 11 and listed[-1][0] == "n/a"  # three pages and a bit
        assert down == listed and up == listed[::-1]
        hardest = expected[1]
        dialog.documents_view.selectRow(1)
        with qtbot.waitSignal(dialog.review_requested) as asked:
            dialog.open_review.click()
        assert asked.args == [hardest.id, "amina", "omar"]


def test_a_closed_project_under_the_open_dialog_shows_empty_rows_rather_than_failing(
    qtbot, tmp_path
):
    project = Project.open(composed_project(tmp_path / "composed.annotator"))
    dialog = AgreementDialog(project)
    qtbot.addWidget(dialog)
    compute(qtbot, dialog)
    dialog.documents.show(dialog.report.documents)  # nothing read yet
    project.close()
    model = dialog.documents
    assert plain(model.index(0, 1).data()) == "" and model.index(0, 2).data() == ""
    assert plain(model.index(0, 0).data()) == "0.000"  # the figures are the report's own
    dialog.documents_view.selectRow(0)
    dialog.documents_view.viewport().repaint()
