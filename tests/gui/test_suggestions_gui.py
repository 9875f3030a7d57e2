"""Deciding suggestions from the keyboard: F7 suggests, Enter accepts, Backspace rejects,
F8 goes to the next one, and Ctrl+Z takes any decision back."""

import random
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QWidget

from annotator.core.arabic.suggest import SUGGESTIONS, pending, rules
from annotator.core.bidi import plain
from annotator.core.store.project import Project, TextSource
from annotator.gui.article_view import ArticleView
from annotator.gui.suggestions import (
    BACKGROUND_CHARS,
    SuggestionList,
    SuggestionPanel,
    Suggestions,
)
from annotator.gui.workbench import Workbench


@pytest.fixture
def window(qtbot, workbench):
    return make_window(qtbot, workbench)


def make_window(qtbot, workbench):
    """The article, the suggestion panel and another field, wired as the main window wires
    them."""
    window = QWidget()
    view = ArticleView(workbench)
    suggestions = Suggestions(workbench, view, window)
    panel = SuggestionPanel(suggestions, window)
    field = QLineEdit(window)  # another field of the window, as the attribute editor's
    row = QHBoxLayout(window)
    row.addWidget(view, 2)
    row.addWidget(panel, 1)
    row.addWidget(field)
    # As the main window wires them: Enter and Backspace where suggestions are decided.
    deciding = [suggestions.actions["accept"], suggestions.actions["reject"]]
    view.addActions(deciding)
    panel.addActions(deciding)
    window.addActions([a for a in suggestions.actions.values() if a not in deciding])
    undo = workbench.undo_stack.createUndoAction(window)
    undo.setShortcut("Ctrl+Z")
    window.addAction(undo)
    view.load()
    qtbot.addWidget(window)
    window.resize(1100, 600)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()  # its keys work in the active window (a test may make several)
    qtbot.waitUntil(window.isActiveWindow)
    view.setFocus()
    window.view, window.suggestions, window.panel, window.field = view, suggestions, panel, field
    return window


def press(qtbot, window, key, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(window.view, key, modifier)


def mine(workbench):
    return workbench.project.annotations(workbench.document_id, annotator=workbench.annotator)


def stored_suggestions(workbench):
    return workbench.project.annotations(workbench.document_id, annotator=SUGGESTIONS)


def test_f7_suggests_speakers_and_claims_of_the_open_document(qtbot, window, workbench):
    assert window.suggestions.model.rowCount() == 0
    press(qtbot, window, Qt.Key.Key_F7)
    model = window.suggestions.model
    assert model.rowCount() == len(stored_suggestions(workbench)) > 20
    assert window.panel.count.text() == f"{model.rowCount()} to decide"
    assert mine(workbench) == []  # nothing enters the researcher's work by itself


def test_suggestions_are_painted_dashed_and_the_current_one_stronger(qtbot, window):
    press(qtbot, window, Qt.Key.Key_F7)
    ranges = window.suggestions.marks.ranges(window.view.document().begin())
    assert ranges
    dash = QTextCharFormat.UnderlineStyle.DashUnderline
    assert {r.format.underlineStyle() for r in ranges} == {dash}
    alphas = sorted({r.format.background().color().alphaF() for r in ranges})
    assert len(alphas) == 2  # the current suggestion is filled more


def test_enter_accepts_a_claim_with_its_speaker_and_ctrl_z_takes_it_back(qtbot, window, workbench):
    press(qtbot, window, Qt.Key.Key_F7)
    suggestions = window.suggestions
    while suggestions.current().layer != "claim":
        press(qtbot, window, Qt.Key.Key_F8)
    claim = suggestions.current()
    before = suggestions.model.rowCount()
    press(qtbot, window, Qt.Key.Key_Return)
    accepted = {a.layer: a for a in mine(workbench)}
    assert set(accepted) == {"speaker", "claim"}
    assert accepted["claim"].link_id == accepted["speaker"].id
    assert accepted["claim"].origin == "suggested"
    assert accepted["claim"].sources == (claim.id,)
    assert suggestions.model.rowCount() == before - 2
    assert plain(workbench.undo_stack.undoText()).startswith("Accept suggested claim")
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert mine(workbench) == []
    assert suggestions.model.rowCount() == before
    workbench.undo_stack.redo()
    assert len(mine(workbench)) == 2


def test_backspace_rejects_a_suggestion_and_undo_restores_it(qtbot, window, workbench):
    press(qtbot, window, Qt.Key.Key_F7)
    suggestions = window.suggestions
    speaker = suggestions.current()
    claims = [a.id for a in stored_suggestions(workbench) if a.link_id == speaker.id]
    press(qtbot, window, Qt.Key.Key_Backspace)
    assert speaker.id not in {a.id for a in stored_suggestions(workbench)}
    assert suggestions.current_id != speaker.id
    workbench.undo_stack.undo()
    restored = {a.id: a for a in stored_suggestions(workbench)}
    assert speaker.id in restored
    assert all(restored[c].link_id == speaker.id for c in claims)


def test_every_suggestion_can_be_decided_from_the_keyboard(qtbot, window, workbench):
    press(qtbot, window, Qt.Key.Key_F7)
    suggestions = window.suggestions
    total = suggestions.model.rowCount()
    press(qtbot, window, Qt.Key.Key_Backspace)
    for _ in range(total):
        if suggestions.current() is None:
            break
        press(qtbot, window, Qt.Key.Key_Return)
    assert suggestions.model.rowCount() == 0
    assert len(mine(workbench)) == total - 1
    assert not suggestions.actions["accept"].isEnabled()


def test_accept_all_is_one_undo_step(qtbot, window, workbench):
    press(qtbot, window, Qt.Key.Key_F7)
    total = window.suggestions.model.rowCount()
    press(
        qtbot,
        window,
        Qt.Key.Key_Return,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert len(mine(workbench)) == total
    assert window.suggestions.model.rowCount() == 0
    workbench.undo_stack.undo()
    assert mine(workbench) == []
    assert window.suggestions.model.rowCount() == total


def test_f8_and_shift_f8_go_round_the_suggestions(qtbot, window):
    press(qtbot, window, Qt.Key.Key_F7)
    suggestions = window.suggestions
    first = suggestions.current_id
    press(qtbot, window, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert suggestions.current_id == suggestions.model.suggestions[-1].id
    press(qtbot, window, Qt.Key.Key_F8)
    assert suggestions.current_id == first


def test_choosing_a_row_in_the_panel_makes_it_current(qtbot, window):
    press(qtbot, window, Qt.Key.Key_F7)
    panel = window.panel
    index = panel.list.model().index(3, 0)
    panel.list.setCurrentIndex(index)
    assert window.suggestions.current_id == window.suggestions.model.suggestions[3].id


def test_suggesting_again_keeps_the_accepted_ones_decided(qtbot, window, workbench):
    press(qtbot, window, Qt.Key.Key_F7)
    press(qtbot, window, Qt.Key.Key_Return)
    left = window.suggestions.model.rowCount()
    press(qtbot, window, Qt.Key.Key_F7)
    assert window.suggestions.model.rowCount() == left


def test_enter_and_backspace_in_a_text_field_do_not_decide_suggestions(
    qtbot, window, workbench, type_text
):
    press(qtbot, window, Qt.Key.Key_F7)
    total = window.suggestions.model.rowCount()
    window.field.setFocus()
    type_text(window.field, "قاآني")
    qtbot.keyClick(window.field, Qt.Key.Key_Backspace)
    qtbot.keyClick(window.field, Qt.Key.Key_Return)
    assert window.field.text() == "قاآن"
    assert window.suggestions.model.rowCount() == total and mine(workbench) == []


def test_enter_in_the_suggestion_list_accepts(qtbot, window, workbench):
    press(qtbot, window, Qt.Key.Key_F7)
    window.panel.list.setFocus()
    qtbot.keyClick(window.panel.list, Qt.Key.Key_Return)
    assert len(mine(workbench)) == 1


def test_f7_in_the_window_shows_the_suggestions_and_says_how_many(main_window):
    window = main_window
    window.tabs.setCurrentWidget(window.side_panel)
    window.article.setFocus()
    press_in(window, Qt.Key.Key_F7)
    count = window.suggestions.model.rowCount()
    assert count > 20
    assert window.tabs.currentWidget() is window.suggestion_panel
    assert window.statusBar().currentMessage().startswith(f"{count} suggestions to decide")


def test_suggestions_are_plain_to_see(main_window):
    press_in(main_window, Qt.Key.Key_F7)
    ranges = main_window.suggestions.marks.ranges(main_window.article.document().begin())
    # On white, the lighter (not current) fill is at least a fifth of the layer's colour.
    assert min(r.format.background().color().alphaF() for r in ranges) >= 0.2


@pytest.mark.parametrize("key", ["accept", "accept all"])
def test_accepting_puts_the_document_in_progress(main_window, key):
    window = main_window
    wb = window.workbench
    assert wb.status() == "todo"
    press_in(window, Qt.Key.Key_F7)
    window.article.setFocus()
    if key == "accept":
        press_in(window, Qt.Key.Key_Return)
    else:
        press_in(window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier | SHIFT)
    assert mine(wb)
    assert wb.project.status(wb.document_id, wb.annotator) == "in_progress"
    assert plain(window.legend.status.text()) == "Status: in progress"


SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def main_window(open_window):
    return open_window()


def press_in(window, key, modifier=Qt.KeyboardModifier.NoModifier):
    QTest.keyClick(window.article, key, modifier)


@pytest.fixture
def long_document(workbench):
    """A long article (the sample seventeen times, past the length read on a worker thread)
    imported beside the sample and opened, with the view following it."""
    text = "\n".join([workbench.text] * 17)
    assert len(text) >= BACKGROUND_CHARS
    workbench.project.import_texts([TextSource(text=text, id="long-article")])
    workbench.open_document("long-article")
    return "long-article"


def test_f7_on_a_long_document_reads_it_on_a_worker_thread_and_stores_all_at_once(
    qtbot, window, workbench, long_document
):
    with qtbot.waitSignal(window.suggestions.ran, timeout=60_000) as ran:
        press(qtbot, window, Qt.Key.Key_F7)
        # F7 came back at once: the rules are still reading, the window says so, and a
        # second F7 waits for them.
        assert window.suggestions.running == long_document
        assert window.panel.count.text() == "suggesting…"
        assert not window.suggestions.actions["suggest"].isEnabled()
        assert stored_suggestions(workbench) == []
    stored = stored_suggestions(workbench)
    assert ran.args == [len(stored)]
    assert window.suggestions.model.rowCount() == len(stored) > 17 * 20
    assert window.suggestions.actions["suggest"].isEnabled()
    # The same suggestions as the rules give when run at once.
    detection = rules(workbench.project).detect(workbench.text)
    assert len(stored) == len(detection.speakers) + len(detection.claims)


def test_a_long_document_left_while_it_is_read_gets_its_suggestions_there(
    qtbot, window, workbench, long_document
):
    sample = workbench.project.documents()[0].id
    press(qtbot, window, Qt.Key.Key_F7)
    workbench.open_document(sample)
    qtbot.waitUntil(lambda: window.suggestions.running is None, timeout=60_000)
    assert window.suggestions.model.rowCount() == 0  # the sample has none: F7 was not for it
    assert len(workbench.project.annotations(long_document, annotator=SUGGESTIONS)) > 17 * 20


# ------------------------------------------------------------- what deciding costs, counted


SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _long_workbench(tmp_path, copies: int) -> Workbench:
    """A project whose one article is the first sample `copies` times over."""
    text = (SEEDS / "000_41ac67127a0642cf.txt").read_text(encoding="utf-8")
    project = Project.create(tmp_path / f"x{copies}.annotator")
    project.import_texts([TextSource(text="\n".join([text] * copies), id="d", title="x")])
    workbench = Workbench(project, "amal")
    workbench.open_document("d")
    return workbench


class _Steps:
    """SQLite's virtual-machine steps (in hundreds) while the block runs: the rows a query
    reads, whatever it asks for."""

    def __init__(self, project):
        self.project, self.count = project, 0

    def _step(self) -> int:
        self.count += 1
        return 0

    def __enter__(self):
        self.project.conn.set_progress_handler(self._step, 100)
        return self

    def __exit__(self, *exc):
        self.project.conn.set_progress_handler(None, 0)


class _Signals:
    """How often the list was reset or had rows taken out, and each change the window
    announced, while the block runs."""

    def __init__(self, window, workbench):
        self.resets, self.removed, self.changes = 0, 0, []
        model = window.suggestions.model
        model.modelReset.connect(self._reset)
        model.rowsRemoved.connect(self._removed)
        workbench.annotations_changed.connect(self.changes.append)

    def _reset(self):
        self.resets += 1

    def _removed(self, *_):
        self.removed += 1


def _decide(qtbot, tmp_path, copies: int, key, modifier=Qt.KeyboardModifier.NoModifier):
    workbench = _long_workbench(tmp_path, copies)
    window = make_window(qtbot, workbench)
    press(qtbot, window, Qt.Key.Key_F7)
    pending = window.suggestions.model.rowCount()
    signals = _Signals(window, workbench)
    with _Steps(workbench.project) as steps:
        press(qtbot, window, key, modifier)
    return window, workbench, pending, steps.count, signals


def test_enter_reads_the_suggestion_it_accepts_not_every_pending_one(qtbot, tmp_path):
    _, wb_short, short, steps_short, signals = _decide(qtbot, tmp_path, 1, Qt.Key.Key_Return)
    _, wb_long, long, steps_long, _ = _decide(qtbot, tmp_path, 4, Qt.Key.Key_Return)
    assert long > 3 * short > 60
    assert len(mine(wb_short)) == len(mine(wb_long)) == 1
    # One row taken out, the list not read again: the same work on a document four times as
    # long (the old list read every pending suggestion again after each Enter).
    assert (signals.resets, signals.removed) == (0, 1)
    assert steps_long < 1.5 * steps_short


CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def test_accept_all_is_one_change_and_work_linear_in_the_suggestions(qtbot, tmp_path):
    runs = {}
    for copies in (1, 4):
        window, workbench, pending, steps, signals = _decide(
            qtbot, tmp_path, copies, Qt.Key.Key_Return, CTRL_SHIFT
        )
        assert len(mine(workbench)) == pending and window.suggestions.model.rowCount() == 0
        # The window hears of it once and reads the document once; the list is read once.
        assert [c.everything for c in signals.changes] == [True]
        assert (signals.resets, signals.removed) == (1, 0)
        signals.changes.clear()
        with _Steps(workbench.project) as undo_steps:
            press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        assert mine(workbench) == [] and window.suggestions.model.rowCount() == pending
        assert [c.everything for c in signals.changes] == [True]
        runs[copies] = (pending, steps, undo_steps.count)
    (short, steps_short, undo_short), (long, steps_long, undo_long) = runs[1], runs[4]
    assert long > 3 * short
    # Work per suggestion no greater on the long document (quadratic work would be 4 times).
    assert steps_long / long < 1.5 * steps_short / short
    assert undo_long / long < 1.5 * undo_short / short


def test_the_list_followed_decision_by_decision_is_the_list_read_again(qtbot, window, workbench):
    press(qtbot, window, Qt.Key.Key_F7)
    suggestions = window.suggestions
    keys = [
        (Qt.Key.Key_F8, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_Backspace, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_Return, CTRL_SHIFT),  # the window reads the document again after it
    ]
    chosen = random.Random(14)
    for _ in range(40):
        key, modifier = chosen.choice(keys)
        if key == Qt.Key.Key_F8 and chosen.random() < 0.3:
            workbench.undo_stack.redo()
        else:
            press(qtbot, window, key, modifier)
        expected = [s.id for s in pending(workbench.project, workbench.document_id, "amal")]
        assert [s.id for s in suggestions.model.suggestions] == expected
        assert (suggestions.current_id is None) == (not expected)


CTRL = Qt.KeyboardModifier.ControlModifier


def test_every_undo_and_redo_of_a_decision_leaves_the_list_as_read_again(main_window):
    """A tester's keys in the window: Enter (the first suggestion, a speaker), Ctrl+Shift+Enter,
    Ctrl+Z, Ctrl+Z, then redo twice and undo twice; after each, the list is what a list read
    now would be (`pending`), its rows as stored, and the count says as many."""
    window = main_window
    press_in(window, Qt.Key.Key_F7)
    suggestions, workbench = window.suggestions, window.workbench
    first = suggestions.current()
    assert first is not None and first.layer == "speaker"
    steps = [
        (Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_Return, CTRL | SHIFT),
        (Qt.Key.Key_Z, CTRL),
        (Qt.Key.Key_Z, CTRL),
        (Qt.Key.Key_Z, CTRL | SHIFT),
        (Qt.Key.Key_Z, CTRL | SHIFT),
        (Qt.Key.Key_Z, CTRL),
        (Qt.Key.Key_Z, CTRL),
    ]
    seen = []
    for key, modifier in steps:
        index = workbench.undo_stack.index()
        press_in(window, key, modifier)
        assert workbench.undo_stack.index() != index  # the key did its step
        fresh = SuggestionList(workbench)
        fresh.refresh()
        assert fresh.suggestions == pending(
            workbench.project, workbench.document_id, workbench.annotator
        )
        assert suggestions.model.suggestions == fresh.suggestions, (key, modifier, seen)
        shown = suggestions.model
        assert [shown.data(shown.index(n, 0)) for n in range(shown.rowCount())] == [
            fresh.data(fresh.index(n, 0)) for n in range(fresh.rowCount())
        ]
        count = len(fresh.suggestions)
        assert window.suggestion_panel.count.text() == (
            f"{count} to decide" if count else "none to decide"
        )
        seen.append(count)
    total = len(stored_suggestions(workbench))
    assert seen == [total - 1, 0, total - 1, total, total - 1, 0, total - 1, total]
    assert suggestions.model.suggestions[0].id == first.id
