"""File ▸ Export: the format, the documents and the annotators to write."""

import csv

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from annotator.gui.export_dialog import ExportDialog, export_from_window


@pytest.fixture
def two_annotators(project, tag, workbench):
    tag("speaker", "العميد قاآني")
    project.add_annotation(workbench.document_id, "omar", "speaker", 0, 5)
    return project


def test_the_dialog_offers_every_format_and_all_annotators(qtbot, two_annotators, workbench):
    dialog = ExportDialog(two_annotators, workbench.document_id)
    qtbot.addWidget(dialog)
    assert [dialog.format.itemData(i) for i in range(dialog.format.count())] == [
        "csv",
        "claims",
        "jsonl",
        "brat",
    ]
    choice = dialog.choice()
    assert (choice.document_ids, choice.annotators, choice.formula_guard) == (None, None, True)
    dialog.this_document.setChecked(True)
    dialog.annotators.item(0).setCheckState(Qt.CheckState.Unchecked)
    choice = dialog.choice()
    assert choice.document_ids == [workbench.document_id]
    assert choice.annotators == ["omar"]


def test_exporting_one_annotator_as_csv(qtbot, two_annotators, workbench, tmp_path, monkeypatch):
    out = tmp_path / "amal.csv"

    def exec_dialog(dialog):
        dialog.annotators.item(1).setCheckState(Qt.CheckState.Unchecked)  # omar
        return ExportDialog.DialogCode.Accepted

    monkeypatch.setattr(ExportDialog, "exec", exec_dialog)
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), ""))
    )
    message = export_from_window(two_annotators, workbench.document_id, None)
    assert message == f"Wrote 1 row(s) to {out}"
    with open(out, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["annotator"], r["text"]) for r in rows] == [("amal", "العميد قاآني")]


def test_a_brat_folder_with_files_asks_before_replacing_them(
    qtbot, two_annotators, workbench, tmp_path, monkeypatch
):
    def exec_dialog(dialog):
        dialog.format.setCurrentIndex(dialog.format.findData("brat"))
        return ExportDialog.DialogCode.Accepted

    asked = []
    monkeypatch.setattr(ExportDialog, "exec", exec_dialog)
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(tmp_path))
    )
    monkeypatch.setattr(
        QMessageBox,
        "question",
        staticmethod(lambda *a: asked.append(a[2]) or QMessageBox.StandardButton.No),
    )
    first = export_from_window(two_annotators, workbench.document_id, None)
    assert first.startswith("Wrote") and not asked
    again = export_from_window(two_annotators, workbench.document_id, None)
    assert again == "Nothing exported." and "exists" in asked[0]
