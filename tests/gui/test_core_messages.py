"""What the Qt-free core says reaches an Arabic reader in Arabic: every template the core can
raise is listed for the translators (a new message without a translation fails here), and the
refusals a researcher meets in the Arabic interface (a bad file imported from the File menu, a
stale edit in a second window, a colleague's damaged project merged, a file that is not a
project opened) read in Arabic, naming the file and line as bidi isolates, while the command
line says the same in English for the scripts that parse it."""

import ast
import importlib.util
import re
import sqlite3
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QTextDocument, QTextLayout, QTextOption
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox

from annotator.core.bidi import FSI, LRI, PDI, RLI, plain
from annotator.core.errors import (
    AnnotatorError,
    DuplicateError,
    InputError,
    Message,
    ValidationError,
)
from annotator.core.formats.articles_jsonl import parse_object
from annotator.core.store import backup
from annotator.core.store.project import Project, TextSource
from annotator.gui import language, main_window
from annotator.gui.app import open_or_offer_restore
from annotator.gui.core_text import core_text
from annotator.gui.main_window import MainWindow
from tests.gui.boxes import Boxes
from tests.gui.test_arabic_interface import english_left

ROOT = Path(__file__).resolve().parents[2]
CORE = ROOT / "annotator" / "core"
CATALOGUE = ROOT / "annotator" / "gui" / "core_messages.py"


def _tool():
    spec = importlib.util.spec_from_file_location(
        "core_messages_tool", ROOT / "tools" / "core_messages.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def listed() -> set[str]:
    """The templates core_messages.py marks for lupdate (QT_TRANSLATE_NOOP or translate)."""
    found = set()
    for node in ast.walk(ast.parse(CATALOGUE.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and len(node.args) >= 2:
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            text = node.args[1]
            if name in ("QT_TRANSLATE_NOOP", "translate") and isinstance(text, ast.Constant):
                found.add(text.value)
    return found


# ------------------------------------------------------------------ the catalogue


def test_every_template_the_core_can_raise_is_listed_for_translation():
    tool = _tool()
    plain_templates, counted = tool.templates()
    assert len(plain_templates) > 300  # the scan finds the core's messages at all
    assert set(plain_templates) | set(counted) == listed(), "run tools/update_translations.sh"


def test_no_message_of_the_core_is_a_sentence_built_before_its_template():
    """An f-string, a concatenation or format() given to an error or a Message could not be
    translated: the parts go in as parameters of a template instead."""
    tool = _tool()
    classes = tool.error_classes()
    built = []
    for path in sorted(CORE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for call, _ in tool.message_calls(tree, classes):
            first = call.args[0]
            is_format = isinstance(first, ast.Call) and getattr(first.func, "attr", "") == "format"
            if isinstance(first, ast.JoinedStr | ast.BinOp) or is_format:
                built.append(f"{path.relative_to(ROOT)}:{call.lineno}")
    assert built == []


def test_the_core_never_imports_qt():
    for path in CORE.rglob("*.py"):
        assert "PySide6" not in path.read_text(encoding="utf-8"), path


# ------------------------------------------------------------------ the translation


@pytest.fixture
def arabic(qapp):
    language.apply("ar")
    yield
    language.apply("en")


def test_a_core_error_reads_in_arabic_with_its_parts_isolated(arabic):
    error = InputError(Message("not valid JSON (%1)", "Expecting value"), "/data/أخبار.jsonl", 7)
    shown = core_text(error)
    assert f"{FSI}/data/أخبار.jsonl{PDI}" in shown  # the file as an isolate
    assert f"{LRI}7{PDI}" in shown  # the line number
    assert "السطر" in shown and "غير صالح" in shown
    assert english_left(shown) == []
    assert str(error) == "/data/أخبار.jsonl:7: not valid JSON (Expecting value)"


def test_a_count_takes_its_arabic_plural_form(arabic):
    template = (
        "%1 holds another XMI export (%2 and %n more file(s) this export would not write); "
        "use --force to replace it"
    )
    two = core_text(Message(template, "out", "a.xmi", count=2))
    many = core_text(Message(template, "out", "a.xmi", count=11))
    assert "ملفان" in two and "ملفًّا" in many and english_left(two.replace("--force", "")) == []


def test_text_that_is_not_the_cores_is_shown_as_it_is(arabic):
    assert core_text(OSError("disk gone")) == "disk gone"
    # Shown in English, with a mark that keeps the English sentence left to right.
    untranslated = core_text(ValidationError("a sentence no one translated"))
    assert untranslated == "\u200ea sentence no one translated"


# ------------------------------------------------------------------ real paths in Arabic


# Programs and formats a message of the core names, kept in Latin letters as the glossary says.
PROGRAMS = {"SQLite", "SHA", "UTF", "UUID", "TOML", "PostgreSQL", "zip", "jsonl", "csv", "sha256"}


def arabic_sentence(text: str) -> bool:
    """Arabic, with no English word left outside the inserted parts (isolates) and the names
    of programs and formats."""
    left = [word for word in english_left(text) if word not in PROGRAMS]
    return any("\u0600" <= ch <= "\u06ff" for ch in plain(text)) and left == []


def reads_right_to_left(text: str) -> bool:
    """Whether Qt lays `text` out as a right-to-left paragraph, as a message box's label (a
    text document) does: a sentence that starts with a Latin path must still read from the
    right."""
    document = QTextDocument()
    document.setPlainText(text)
    return document.firstBlock().textDirection() == Qt.LayoutDirection.RightToLeft


class Modal:
    """Answers the modal dialogs a File-menu action opens, as a researcher would: a file dialog
    gets the file typed in and accepted, a message box is read and closed, any other dialog
    (the import's choice of columns) is accepted as it is offered."""

    def __init__(self, files: list[Path]):
        self.files = list(files)
        self.boxes: list[tuple[str, str]] = []
        QTimer.singleShot(0, self._answer)

    def _answer(self) -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, QFileDialog) and self.files:
            widget.selectFile(str(self.files.pop(0)))
            widget.accept()
        elif isinstance(widget, QMessageBox):
            self.boxes.append((widget.windowTitle(), widget.text()))
            widget.close()
        elif isinstance(widget, QDialog):
            widget.accept()
        if len(self.boxes) < 1 or self.files:
            QTimer.singleShot(20, self._answer)


def cli(tmp_path: Path, *args) -> subprocess.CompletedProcess:
    env = {"PYTHONPATH": str(ROOT), "XDG_DATA_HOME": str(tmp_path / "data")}
    env["XDG_STATE_HOME"] = str(tmp_path / "state")
    return subprocess.run(
        [sys.executable, "-m", "annotator", *map(str, args)],
        cwd=tmp_path,
        env={**__import__("os").environ, **env},
        capture_output=True,
        text=True,
        encoding="utf-8",
    )


def test_a_bad_file_imported_from_the_file_menu_is_refused_in_arabic(
    arabic, open_window, project, qtbot, tmp_path
):
    bad = tmp_path / "أخبار الأسبوع.jsonl"
    bad.write_text('{"text": "قال الوزير إن الاتفاق قريب"}\n{"text": "بيان" \n', encoding="utf-8")
    window = open_window()
    answers = Modal([bad])
    window.import_articles()
    qtbot.waitUntil(lambda: bool(answers.boxes), timeout=10_000)
    title, text = answers.boxes[0]
    assert arabic_sentence(title) and arabic_sentence(text)
    assert f"{FSI}{bad}{PDI}" in text and f"{LRI}2{PDI}" in text  # the file and its line
    assert "السطر" in text and "JSON غير صالح" in text and reads_right_to_left(text)
    refused = cli(tmp_path, "import", bad, "--project", project.path)
    assert f"{bad.name}:2: not valid JSON: Expecting ',' delimiter" in refused.stderr


@pytest.fixture
def windows(qtbot, open_window, project, settings, monkeypatch):
    """Window A and window B (a connection of its own) on the sample article; B refreshes
    only when the test says so."""
    monkeypatch.setattr(main_window, "WATCH_INTERVAL_MS", 3_600_000)
    a = open_window()
    other = Project.open(project.path)
    b = MainWindow(other, "amal", settings)
    qtbot.addWidget(b)
    b.show()
    qtbot.waitExposed(b)
    yield a, b
    b.close()
    other.close()


def test_an_edit_from_a_stale_window_is_refused_in_arabic(arabic, windows):
    a, b = windows
    text = a.workbench.text
    start = text.index("إيران تقف")
    claim = a.workbench.tag("claim", start, start + len("إيران تقف"))
    assert b.refresh_if_changed_elsewhere()
    b.workbench.select(claim)  # B shows the claim as it is before A's change
    for window, index in ((a, 1), (b, 2)):  # A stores a kind, B then picks another from its form
        window.workbench.select(claim)
        kind = window.side_panel.editor.field("kind")
        kind.setCurrentIndex(index)
        kind.activated.emit(index)
    said = b.statusBar().currentMessage()
    assert arabic_sentence(said)
    assert "تغيّر التعليق" in said and claim in plain(said)
    assert f"{LRI}{claim.replace('-', chr(0x2011))}{PDI}" in said  # one line, no break in it
    assert "لم يُطبَّق تغييرك" in said


def test_merging_a_colleagues_damaged_project_is_refused_in_arabic(
    arabic, open_window, project, qtbot, tmp_path
):
    theirs = tmp_path / "زميل.annotator"
    with Project.create(theirs) as colleague:
        colleague.import_texts([TextSource(text="قال الوزير إن الاتفاق قريب", source="n1.txt")])
    with sqlite3.connect(theirs) as conn:  # a hand-edited text: its SHA-256 no longer matches
        conn.execute("UPDATE documents SET text = text || ' بتصرف'")
    document = Project.open(theirs).documents()[0].id
    window = open_window()
    answers = Modal([theirs])
    window.merge_project()
    qtbot.waitUntil(lambda: bool(answers.boxes), timeout=10_000)
    title, text = answers.boxes[0]
    assert arabic_sentence(title) and arabic_sentence(text)
    assert f"{FSI}{theirs}{PDI}" in text and f"{FSI}{document}{PDI}" in text
    assert "لم يُدمج شيء" in text and reads_right_to_left(text)
    refused = cli(tmp_path, "merge", theirs, "--project", project.path)
    assert f"document {document}: its text does not match its SHA-256" in refused.stderr


def test_a_file_that_is_not_a_project_is_refused_in_arabic_at_start(arabic, qtbot, tmp_path):
    notes = tmp_path / "ملاحظات.annotator"
    notes.write_text("not a project", encoding="utf-8")
    answers = Modal([])
    assert open_or_offer_restore(str(notes)) is None
    title, text = answers.boxes[0]
    assert arabic_sentence(title) and arabic_sentence(text)
    assert text.startswith(f"\u200f{FSI}{notes}{PDI}") and "ليس مشروع تعليقات" in text
    assert reads_right_to_left(text)
    refused = cli(tmp_path, "restore", notes, "--project", tmp_path / "p.annotator")
    assert f"{notes.name} is not an annotator project (not an SQLite file)" in refused.stderr


# ------------------------------------------------------------------ commands inside a sentence


def command_reads_left_to_right(text: str, command: str) -> bool:
    """Whether each occurrence of `command` (backticks included) in `text` is shown on one line
    of a right-to-left paragraph (a message box's label in the Arabic interface) with its
    characters in left-to-right visual order: each cursor position further right than the
    one before (QTextLine.cursorToX, positions in UTF-16 units as Qt counts them)."""
    layout = QTextLayout(text)
    option = QTextOption()
    option.setTextDirection(Qt.LayoutDirection.RightToLeft)
    layout.setTextOption(option)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(100_000)
    layout.endLayout()
    found, start = 0, text.find(command)
    while start >= 0:
        at = len(text[:start].encode("utf-16-le")) // 2  # UTF-16 units, as Qt counts
        # The cursor between two of the command's own letters (not at its ends, where the
        # cursor belongs to the runs around it; an isolated part inside keeps its own order).
        inner, depth = [], 0
        for index, ch in enumerate(command):
            if ch in (LRI, FSI):
                depth += 1
            elif ch == PDI:
                depth -= 1
            elif depth == 0 and index > 0:
                inner.append(at)
            at += len(ch.encode("utf-16-le")) // 2
        xs = [line.cursorToX(position)[0] for position in inner]
        if xs[-1] <= xs[0] or any(b < a for a, b in zip(xs, xs[1:], strict=False)):
            return False
        found += 1
        start = text.find(command, start + 1)
    return found > 0


def damaged_with_backup(folder: Path) -> Path:
    """A project with a backup whose last page was overwritten afterwards (the tester's
    dmg3.annotator): opening it is refused with a restore hint naming two commands."""
    path = folder / "dmg3.annotator"
    project = Project.create(path)
    backup.make(project.conn, path, "manual")
    project.close()
    data = bytearray(path.read_bytes())
    data[-4096:] = bytes((i * 151 + 7) % 256 for i in range(4096))
    path.write_bytes(bytes(data))
    return path


def test_the_restore_offer_keeps_its_commands_whole_and_says_the_restore_happened(
    arabic, qtbot, tmp_path
):
    path = damaged_with_backup(tmp_path)
    boxes = Boxes("استعِد النسخة")
    reopened = open_or_offer_restore(str(path))
    assert reopened is not None
    reopened.close()
    (_, offer, buttons), (title, said, _) = boxes.seen
    # The command as one left-to-right isolate, its path an isolate inside it.
    latest = f"`annotator restore --latest --project {FSI}{path}{PDI}`"
    assert f"{LRI}{latest}{PDI}" in offer
    assert command_reads_left_to_right(offer, latest)
    assert command_reads_left_to_right(offer, f"`annotator restore --project {FSI}{path}{PDI}`")
    assert "التي أُنشئت في" in offer and "المصنوعة" not in offer
    assert buttons == ["استعِد النسخة", "لا تستعِد"]
    assert title == "استُعيدت النسخة الاحتياطية" and "استُعيدت" in said
    assert reads_right_to_left(offer) and reads_right_to_left(said)


def test_a_missing_project_names_its_init_command_in_order(arabic, qtbot, tmp_path):
    missing = tmp_path / "g1.annotator"
    with pytest.raises(AnnotatorError) as refused:
        Project.open(missing)
    shown = core_text(refused.value)
    command = f"`annotator init {FSI}{missing}{PDI}`"
    assert f"{LRI}{command}{PDI}" in shown
    assert command_reads_left_to_right(shown, command) and reads_right_to_left(shown)
    assert "annotator init" in str(refused.value) and "`" not in str(refused.value)


def test_every_arabic_template_writes_its_commands_in_backticks():
    """The isolating is done once, for backtick-quoted spans: a translation naming a command
    without them would show it out of order."""
    tree = ElementTree.parse(ROOT / "resources" / "translations" / "annotator_ar.ts")
    unquoted = []
    for context in tree.getroot():
        if context.findtext("name") != "core":
            continue
        for entry in context.iter("message"):
            translation = entry.find("translation")
            texts = [translation.text or ""] + [f.text or "" for f in translation]
            for text in texts:
                outside = re.sub(r"`[^`]*`", "", text)
                if re.search(r"annotator [a-z][a-z-]+", outside):
                    unquoted.append(text)
    assert unquoted == []


# ------------------------------------------------------------------ values, lists and ids


def test_an_unknown_layer_is_quoted_and_the_layers_listed_the_arabic_way(arabic, project):
    """The tester's merge refusal: 'bogus' in straight quotes and «speaker, claim» with a Latin
    comma inside an Arabic sentence."""
    with pytest.raises(ValidationError) as refused:
        project.schema.layer("bogus")
    shown = core_text(refused.value)
    assert f"«{FSI}bogus{PDI}»" in shown and "'bogus'" not in shown
    labels = [layer.label for layer in language.localized_schema(project).layers]
    assert labels[0] not in project.schema.layer_names  # the Arabic labels, not the names
    assert f"{RLI}{FSI}{labels[0]}{PDI}\u060c {FSI}{labels[1]}{PDI}" in shown
    assert reads_right_to_left(shown)
    assert str(refused.value).startswith("unknown layer 'bogus' (this project's layers: ")


def test_an_annotation_id_is_not_broken_across_lines(arabic, qtbot):
    existing = "6b900bbc-4e4c-56a3-b0e2-1589a5d2fe89"
    error = DuplicateError("sami", "speaker", existing, linked=False)
    shown = core_text(error)
    kept = existing.replace("-", "\u2011")
    assert f"{LRI}{kept}{PDI}" in shown and existing not in shown
    # Laid out narrower than the id (a message box's label): no line ends inside it.
    layout = QTextLayout(shown)
    layout.beginLayout()
    lines = []
    while (line := layout.createLine()).isValid():
        line.setLineWidth(120)
        lines.append((line.textStart(), line.textStart() + line.textLength()))
    layout.endLayout()
    start = shown.index(kept)
    assert len(lines) > 1
    assert all(not start < end < start + len(kept) for _, end in lines)
    assert str(error).endswith(f"(annotation {existing})")


def test_bad_json_reads_right_to_left_with_the_latin_detail_isolated(arabic):
    """The tester's «السطر 3: JSON غير صالح: … (العمود 20)»: an Arabic sentence that starts
    with the format's Latin name still reads right to left, Python's detail an isolate."""
    with pytest.raises(InputError) as refused:
        parse_object('{"title": "خبر", "text": "لم يكتمل}')
    error = InputError(refused.value.reason, None, 3)
    shown = core_text(error)
    assert reads_right_to_left(shown) and reads_right_to_left(core_text(refused.value))
    assert f"{FSI}Unterminated string starting at{PDI}" in shown
    assert plain(shown).index("JSON") < plain(shown).index("العمود")


def test_a_duplicate_tag_names_the_layer_by_its_arabic_label(arabic, workbench):
    """The tester's «سبق أن وسم sami هذا المقطع speaker»: the layer by the label the Arabic
    interface gives it, the command line keeping the schema's name."""
    text = workbench.text
    start = text.index("إيران")
    workbench.tag("speaker", start, start + len("إيران"))
    with pytest.raises(DuplicateError) as refused:
        workbench.project.add_annotation(
            workbench.document_id, workbench.annotator, "speaker", start, start + len("إيران")
        )
    shown = core_text(refused.value)
    label = language.localized_schema(workbench.project).layer("speaker").label
    assert label != "speaker" and f"{FSI}{label}{PDI}" in shown
    assert arabic_sentence(shown) and "speaker" not in plain(shown)
    assert "has already tagged this span as speaker (" in str(refused.value)
