"""File ▸ Export: the format, the documents and the annotators to write."""

import contextlib
import csv
import shutil
import subprocess
import threading

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QProgressDialog, QPushButton

from annotator.core.bidi import plain
from annotator.core.formats import xmi
from annotator.gui import export_dialog, file_dialogs, language
from annotator.gui.export_dialog import ExportDialog, ExportWorker, export_from_window
from tests.gui.boxes import Boxes


def exported(qtbot, project, document_id, parent=None):
    """File ▸ Export as the window runs it: the status line it reports once the worker thread
    is done (None: nothing to say, or the dialog was cancelled)."""
    reported = []
    run = export_from_window(project, document_id, parent, reported.append)
    if run is not None:
        qtbot.waitUntil(lambda: bool(reported), timeout=30_000)
        assert not run.running()
    return reported[0] if reported else None


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
        "xlsx",
        "jsonl",
        "brat",
        "xmi",
        "spacy",
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
    monkeypatch.setattr(file_dialogs, "save_file_name", lambda *a, **k: str(out))
    message = exported(qtbot, two_annotators, workbench.document_id)
    assert plain(message) == f"Rows written to {out}: 1"
    with open(out, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["annotator"], r["text"]) for r in rows] == [("amal", "العميد قاآني")]


def test_exporting_a_spreadsheet_from_the_window(
    qtbot, two_annotators, workbench, tmp_path, monkeypatch
):
    openpyxl = pytest.importorskip("openpyxl")
    out = tmp_path / "study.xlsx"

    def exec_dialog(dialog):
        dialog.format.setCurrentIndex(dialog.format.findData("xlsx"))
        assert dialog.formula_guard.isHidden()  # cells are strings there, never formulas
        return ExportDialog.DialogCode.Accepted

    monkeypatch.setattr(ExportDialog, "exec", exec_dialog)
    monkeypatch.setattr(file_dialogs, "save_file_name", lambda *a, **k: str(out))
    assert plain(exported(qtbot, two_annotators, workbench.document_id)) == (
        f"Rows written to {out}: 2"
    )
    sheet = openpyxl.load_workbook(out)["annotations"]
    assert sheet.sheet_view.rightToLeft
    texts = {(row[2], row[6]) for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert texts == {("amal", "العميد قاآني"), ("omar", "قاآني")}


def test_a_brat_folder_with_files_asks_before_replacing_them(
    qtbot, two_annotators, workbench, tmp_path, monkeypatch
):
    def exec_dialog(dialog):
        dialog.format.setCurrentIndex(dialog.format.findData("brat"))
        return ExportDialog.DialogCode.Accepted

    monkeypatch.setattr(ExportDialog, "exec", exec_dialog)
    monkeypatch.setattr(file_dialogs, "existing_directory", lambda *a, **k: str(tmp_path))
    with Boxes("Keep them", count=1) as boxes:
        first = exported(qtbot, two_annotators, workbench.document_id)
        assert first.startswith("Annotations written to") and not boxes.seen
        again = exported(qtbot, two_annotators, workbench.document_id)
    ((title, asked, buttons),) = boxes.seen
    assert again == "Nothing exported."
    assert (title, buttons) == ("Replace files?", ["Replace them", "Keep them"])
    # What a yes replaces, in the window's words: the folder, the count, the first few files.
    shown = plain(asked)  # one document: its .txt and .ann, annotation.conf, visual.conf
    assert f"The folder {tmp_path} already holds 4 files that this export would replace:" in shown
    assert "• annotation.conf\nand 1 more\n\nReplace them?" in shown and "--force" not in shown


def test_a_folder_export_over_an_earlier_xmi_export_names_what_it_replaces(
    qtbot, two_annotators, workbench, tmp_path, monkeypatch
):
    out = tmp_path / "xmi"
    out.mkdir()
    choose(monkeypatch, "xmi", out)
    with Boxes("Keep them", count=1) as boxes:
        assert exported(qtbot, two_annotators, workbench.document_id).startswith("Annotations")
        before = contents(out)
        assert exported(qtbot, two_annotators, workbench.document_id) == "Nothing exported."
    ((_, asked, _),) = boxes.seen
    shown = plain(asked)
    assert f"already holds {len(before)} files that this export would replace" in shown
    assert xmi.TYPE_SYSTEM in shown and "--force" not in shown
    assert contents(out) == before


def test_a_single_file_export_asks_one_question_whose_buttons_say_what_they_do(
    qtbot, two_annotators, workbench, tmp_path, monkeypatch
):
    out = tmp_path / "out.csv"
    out.write_text("kept\n", encoding="utf-8")

    def exec_dialog(dialog):
        dialog.format.setCurrentIndex(dialog.format.findData("csv"))
        return ExportDialog.DialogCode.Accepted

    def pick_in_the_real_dialog():  # the real save dialog: type the existing name, Save
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(20, pick_in_the_real_dialog)
            return
        seen_dialog.append(dialog.testOption(QFileDialog.Option.DontConfirmOverwrite))
        dialog.selectFile(str(out))
        dialog.accept()

    seen_dialog = []
    monkeypatch.setattr(ExportDialog, "exec", exec_dialog)
    QTimer.singleShot(0, pick_in_the_real_dialog)
    with Boxes("Keep it", count=3) as boxes:
        assert exported(qtbot, two_annotators, workbench.document_id) == "Nothing exported."
        qtbot.wait(100)  # a second box (Qt's Yes/No) would be read by now
    assert seen_dialog == [True]
    ((title, asked, buttons),) = boxes.seen
    assert (title, buttons) == ("Replace files?", ["Replace it", "Keep it"])
    assert plain(asked) == f"The file {out} already exists.\n\nReplace it with this export?"
    assert out.read_text(encoding="utf-8") == "kept\n"
    with Boxes("Replace it", count=1) as boxes:
        monkeypatch.setattr(file_dialogs, "save_file_name", lambda *a, **k: str(out))
        assert plain(exported(qtbot, two_annotators, workbench.document_id)) == (
            f"Rows written to {out}: 2"
        )
    assert len(boxes.seen) == 1 and out.read_text(encoding="utf-8-sig").startswith("document")


def test_by_default_the_researchers_and_gold_are_exported_not_suggestions(
    qtbot, two_annotators, workbench, tmp_path, monkeypatch
):
    from annotator.core.arabic import suggest

    project = two_annotators
    project.add_annotation(workbench.document_id, "gold", "speaker", 0, 5)
    suggest.suggest(project, [workbench.document_id])
    assert project.annotations(workbench.document_id, annotator=suggest.SUGGESTIONS)
    out = tmp_path / "all.csv"
    shown = {}

    def exec_dialog(dialog):  # the researcher looks and presses OK
        model = dialog.annotators
        shown.update(
            {
                plain(model.item(r).text()): model.item(r).checkState()
                for r in range(model.rowCount())
            }
        )
        return ExportDialog.DialogCode.Accepted

    monkeypatch.setattr(ExportDialog, "exec", exec_dialog)
    monkeypatch.setattr(file_dialogs, "save_file_name", lambda *a, **k: str(out))
    exported(qtbot, project, workbench.document_id)
    checked = Qt.CheckState.Checked
    assert shown == {
        "amal": checked,
        "gold": checked,
        "omar": checked,
        "suggestions (undecided machine suggestions)": Qt.CheckState.Unchecked,
    }
    with open(out, encoding="utf-8-sig", newline="") as handle:
        annotators = {row["annotator"] for row in csv.DictReader(handle)}
    assert annotators == {"amal", "gold", "omar"}


def test_suggestions_are_exported_when_ticked(qtbot, two_annotators, workbench):
    from annotator.core.arabic import suggest

    suggest.suggest(two_annotators, [workbench.document_id])
    dialog = ExportDialog(two_annotators, workbench.document_id)
    qtbot.addWidget(dialog)
    model = dialog.annotators
    for row in range(model.rowCount()):
        model.item(row).setCheckState(Qt.CheckState.Checked)
    assert dialog.choice().annotators is None  # everyone
    model.item(0).setCheckState(Qt.CheckState.Unchecked)
    assert suggest.SUGGESTIONS in dialog.choice().annotators


@contextlib.contextmanager
def immutable_folder(folder):
    """`chattr +i` on `folder` (no file can be added or replaced there, not even by root), or a
    skip where the file system or the account cannot make one."""
    if shutil.which("chattr") is None:
        pytest.skip("chattr is not installed")
    made = subprocess.run(["chattr", "+i", str(folder)], capture_output=True, text=True)
    if made.returncode != 0:
        pytest.skip(f"chattr +i is not available here: {made.stderr.strip()}")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(folder)], check=True)


@pytest.fixture
def refusals(qapp):
    """What the export showed, read from the real message boxes: the replace questions asked
    (answered "Keep them") and the failures."""
    with Boxes("Keep them", count=4) as boxes:
        yield boxes


def asked(boxes):
    return [text for title, text, _ in boxes.seen if title == "Replace files?"]


def failed(boxes):
    return [text for title, text, _ in boxes.seen if title == "Export failed"]


@pytest.mark.parametrize("fmt", ["csv", "brat"])
def test_a_folder_that_takes_no_file_fails_at_once_without_a_replace_question(
    qtbot, two_annotators, workbench, tmp_path, monkeypatch, refusals, fmt
):
    folder = tmp_path / "ro"
    folder.mkdir()

    def exec_dialog(dialog):
        dialog.format.setCurrentIndex(dialog.format.findData(fmt))
        return ExportDialog.DialogCode.Accepted

    monkeypatch.setattr(ExportDialog, "exec", exec_dialog)
    monkeypatch.setattr(file_dialogs, "save_file_name", lambda *a, **k: str(folder / "out.csv"))
    monkeypatch.setattr(file_dialogs, "existing_directory", lambda *a, **k: str(folder))
    with immutable_folder(folder):
        assert exported(qtbot, two_annotators, workbench.document_id) is None
    assert asked(refusals) == []
    assert "cannot be written" in plain(failed(refusals)[0])
    assert list(folder.iterdir()) == []


def test_existing_files_in_a_folder_that_takes_no_file_fail_without_a_question(
    qtbot, two_annotators, workbench, tmp_path, monkeypatch, refusals
):
    def exec_dialog(dialog):
        dialog.format.setCurrentIndex(dialog.format.findData("brat"))
        return ExportDialog.DialogCode.Accepted

    monkeypatch.setattr(ExportDialog, "exec", exec_dialog)
    folder = tmp_path / "shared"
    folder.mkdir()
    monkeypatch.setattr(file_dialogs, "existing_directory", lambda *a, **k: str(folder))
    exported(qtbot, two_annotators, workbench.document_id)
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    with immutable_folder(folder):
        assert exported(qtbot, two_annotators, workbench.document_id) is None
    assert asked(refusals) == []
    assert "cannot be written" in plain(failed(refusals)[0])
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


def test_only_a_file_that_exists_asks_to_be_replaced(
    qtbot, two_annotators, workbench, tmp_path, monkeypatch, refusals
):
    def exec_dialog(dialog):
        dialog.format.setCurrentIndex(dialog.format.findData("brat"))
        return ExportDialog.DialogCode.Accepted

    monkeypatch.setattr(ExportDialog, "exec", exec_dialog)
    folder = tmp_path / "shared"
    folder.mkdir()
    monkeypatch.setattr(file_dialogs, "existing_directory", lambda *a, **k: str(folder))
    (folder / "annotation.conf").write_text("kept\n", encoding="utf-8")
    assert exported(qtbot, two_annotators, workbench.document_id) == "Nothing exported."
    shown = plain(asked(refusals)[0])
    assert "already holds 1 file that this export would replace:\n• annotation.conf\n" in shown
    assert failed(refusals) == []
    assert [p.name for p in folder.iterdir()] == ["annotation.conf"]
    assert (folder / "annotation.conf").read_text(encoding="utf-8") == "kept\n"


def test_the_replace_question_in_arabic_has_buttons_that_say_what_they_do(
    qtbot, two_annotators, workbench, tmp_path, monkeypatch
):
    def exec_dialog(dialog):
        dialog.format.setCurrentIndex(dialog.format.findData("brat"))
        return ExportDialog.DialogCode.Accepted

    monkeypatch.setattr(ExportDialog, "exec", exec_dialog)
    monkeypatch.setattr(file_dialogs, "existing_directory", lambda *a, **k: str(tmp_path))
    exported(qtbot, two_annotators, workbench.document_id)
    language.apply("ar")
    try:
        with Boxes("أبقِها", count=1) as boxes:
            exported(qtbot, two_annotators, workbench.document_id)
    finally:
        language.apply("en")
    ((_, _, buttons),) = boxes.seen
    assert buttons == ["استبدِلها", "أبقِها"]  # not «نعم» / «لا»


class GatedWorker(ExportWorker):
    """The real export worker, held at the first document it reads until the test opens
    `gate`: what the window does meanwhile is then seen whatever the machine's speed."""

    gate = threading.Event()
    reached = threading.Event()
    thread_id: list[int] = []

    def run(self):
        # Connected last, after the window's own slot: that one is told first.
        self.progress.connect(self._hold, Qt.ConnectionType.DirectConnection)
        super().run()

    def _hold(self, *progress):
        GatedWorker.thread_id.append(threading.get_ident())
        GatedWorker.reached.set()
        GatedWorker.gate.wait(30)


@pytest.fixture
def gated(monkeypatch):
    GatedWorker.gate.clear()
    GatedWorker.reached.clear()
    GatedWorker.thread_id.clear()
    monkeypatch.setattr(export_dialog, "ExportWorker", GatedWorker)
    yield GatedWorker
    GatedWorker.gate.set()


def choose(monkeypatch, fmt, target):
    def exec_dialog(dialog):
        dialog.format.setCurrentIndex(dialog.format.findData(fmt))
        return ExportDialog.DialogCode.Accepted

    monkeypatch.setattr(ExportDialog, "exec", exec_dialog)
    monkeypatch.setattr(file_dialogs, "existing_directory", lambda *a, **k: str(target))
    monkeypatch.setattr(file_dialogs, "save_file_name", lambda *a, **k: str(target))


def contents(folder):
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_the_export_runs_on_a_worker_thread_while_the_window_handles_events(
    qtbot, window, tmp_path, monkeypatch, gated
):
    project, document_id = window.workbench.project, window.workbench.document_id
    project.add_annotation(document_id, "amal", "speaker", 0, 5)
    project.add_annotation(document_id, "omar", "speaker", 0, 5)
    out = tmp_path / "xmi"
    choose(monkeypatch, "xmi", out)
    window.actions["export"].trigger()  # File ▸ Export…
    qtbot.waitUntil(gated.reached.is_set, timeout=30_000)
    # The worker is held in the middle of the export; the window's event loop goes on.
    progress = window.findChild(QProgressDialog)
    ticks = []
    QTimer.singleShot(0, lambda: ticks.append("timer"))
    qtbot.waitUntil(lambda: ticks == ["timer"] and "documents" in progress.labelText())
    assert "1 of 1 documents" in plain(progress.labelText())
    assert gated.thread_id[0] != threading.get_ident()
    assert not (out / xmi.TYPE_SYSTEM).exists()
    qtbot.waitUntil(progress.isVisible, timeout=10_000)  # shown once it lasts 0.3 s
    gated.gate.set()
    qtbot.waitUntil(
        lambda: window.statusBar().currentMessage().startswith("Annotations"), timeout=30_000
    )
    assert plain(window.statusBar().currentMessage()) == f"Annotations written to {out}: 2"
    assert not progress.isVisible()  # gone with the export, not left over the window
    direct = tmp_path / "direct"
    xmi.export(project, direct)
    assert contents(out) == contents(direct)


@pytest.mark.parametrize("fmt", ["xmi", "brat", "spacy"])
def test_cancel_leaves_the_target_folder_as_it_was(
    qtbot, window, tmp_path, monkeypatch, gated, fmt
):
    if fmt == "spacy":
        pytest.importorskip("spacy")
    window.workbench.project.add_annotation(window.workbench.document_id, "amal", "speaker", 0, 5)
    folder = tmp_path / "exports"
    folder.mkdir()
    (folder / "notes.txt").write_text("kept\n", encoding="utf-8")
    earlier = folder / "annotations.spacy"
    earlier.write_bytes(b"an earlier export")
    choose(monkeypatch, fmt, earlier if fmt == "spacy" else folder)
    before = contents(folder)
    answers = Boxes("Replace it", count=1)  # the spaCy file exists: the one question, yes
    window.actions["export"].trigger()  # File ▸ Export…
    qtbot.waitUntil(gated.reached.is_set, timeout=30_000)
    answers.stop()
    progress = window.findChild(QProgressDialog)
    qtbot.waitUntil(progress.isVisible, timeout=10_000)
    progress.findChild(QPushButton).click()  # the researcher presses Cancel
    gated.gate.set()
    qtbot.waitUntil(lambda: bool(window.statusBar().currentMessage()), timeout=30_000)
    assert window.statusBar().currentMessage() == "Export cancelled; nothing was written."
    assert not progress.isVisible()
    assert contents(folder) == before
    assert sorted(p.name for p in folder.iterdir()) == ["annotations.spacy", "notes.txt"]
