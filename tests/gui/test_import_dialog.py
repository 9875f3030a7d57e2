"""File ▸ Import: tables get a column choice, the work runs off the GUI thread, Cancel and
refusals leave the project as it was."""

import csv

import pytest
from PySide6.QtWidgets import QMessageBox

from annotator.core.formats.articles import ColumnMapping
from annotator.core.paths import seeds_dir
from annotator.gui import import_dialog
from annotator.gui.import_dialog import ColumnDialog, ImportRun

SEED = seeds_dir() / "000_41ac67127a0642cf.txt"


@pytest.fixture
def folder(tmp_path):
    folder = tmp_path / "incoming"
    folder.mkdir()
    (folder / "first.txt").write_text("عنوان أول\nقال الوزير إن الوضع مستقر.", encoding="utf-8")
    with open(folder / "wire.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["headline", "body", "agency"])
        writer.writerow(["خبر", "أكد المتحدث أن «الاتفاق قريب».", "وكالة"])
        writer.writerow(["خبر آخر", "نفى المسؤول ذلك.", "وكالة"])
    return folder


@pytest.fixture
def answers(monkeypatch):
    """The researcher's answers to message boxes, recorded instead of shown."""
    asked = []

    def question(parent, title, text, *args):
        asked.append((title, text))
        return answers.reply

    def ask(parent, title, text, accept, decline):
        asked.append((title, text))
        return answers.reply == QMessageBox.StandardButton.Yes

    answers.reply = QMessageBox.StandardButton.Yes
    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    monkeypatch.setattr(import_dialog, "ask", ask)
    monkeypatch.setattr(
        QMessageBox,
        "warning",
        staticmethod(lambda parent, title, text, *a: asked.append((title, text))),
    )
    answers.asked = asked
    return answers


def test_the_column_dialog_suggests_the_text_and_title_columns(qtbot, folder):
    dialog = ColumnDialog(folder / "wire.csv")
    qtbot.addWidget(dialog)
    assert dialog.mapping() == ColumnMapping(text="body", title="headline", id=None)
    assert dialog.preview.model().rowCount() == 2


def test_a_folder_is_imported_on_a_worker_thread(qtbot, project, folder, answers):
    run = ImportRun(
        None, project.path, [str(folder)], None, ColumnMapping(text="body", title="headline")
    )
    with qtbot.waitSignal(run.done, timeout=20000) as done:
        pass
    outcome = done.args[0]
    assert outcome is not None and len(outcome.report.added) == 3
    titles = sorted(d.title for d in project.documents())
    assert "خبر آخر" in titles and "عنوان أول" in titles
    metadata = [project.document(i).metadata for i in outcome.report.added]
    assert {"agency": "وكالة"} in metadata


def test_cancel_leaves_the_project_as_it_was(qtbot, project, folder, answers):
    before = len(project.documents())
    run = ImportRun(None, project.path, [str(folder)], None, ColumnMapping(text="body"))
    run.worker.cancelled.set()
    with qtbot.waitSignal(run.done, timeout=20000) as done:
        pass
    assert done.args[0] is None
    assert len(project.documents()) == before
    assert answers.asked and "cancelled" in answers.asked[-1][1]


def test_refused_files_are_listed_and_the_rest_imported_on_request(qtbot, project, folder, answers):
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02binary")
    run = ImportRun(None, project.path, [str(folder)], None, ColumnMapping(text="body"))
    with qtbot.waitSignal(run.done, timeout=20000) as done:
        pass
    title, text = answers.asked[0]
    assert "broken.txt" in text and "readable" in text
    assert done.args[0] is not None and len(done.args[0].report.added) == 3


def test_declining_stores_nothing(qtbot, project, folder, answers):
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02binary")
    answers.reply = QMessageBox.StandardButton.No
    before = len(project.documents())
    run = ImportRun(None, project.path, [str(folder)], None, ColumnMapping(text="body"))
    with qtbot.waitSignal(run.done, timeout=20000) as done:
        pass
    assert done.args[0] is None
    assert len(project.documents()) == before
