"""The review window after decisions, undos and redos shows what a fresh window shows for the
stored state, and a decision costs what it touches: nothing is compared again."""

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

import annotator.core.review.adjudication as adjudication
import annotator.gui.review_window as review_window
from annotator.core.bidi import plain
from annotator.core.formats import jsonl
from annotator.core.formats.txt import read_articles
from annotator.core.paths import seeds_dir
from annotator.core.review.adjudication import GOLD, compare
from annotator.core.store.project import Project
from annotator.gui.review_window import ReviewWindow

SEED = "000_41ac67127a0642cf"


def make_project(folder):
    project = Project.create(folder / "news.annotator")
    project.import_texts(read_articles([seeds_dir() / f"{SEED}.txt"]))
    jsonl.import_annotations(project, seeds_dir() / f"{SEED}.gold.jsonl", "amal")
    jsonl.import_annotations(project, seeds_dir() / f"{SEED}.colleague.jsonl", "omar")
    return project


def shown(window: ReviewWindow) -> dict:
    """What the window shows: list rows, items, summary, the gold it holds, the current item's
    aligned fields and which buttons may be pressed."""
    model = window.items_model
    rows = [
        tuple(model.data(model.index(r, c)) for c in range(model.columnCount()))
        for r in range(model.rowCount())
    ]
    details = window.details_model
    return {
        "rows": rows,
        "items": [
            (i.sources, i.kind, i.differences, i.decision, i.gold_id)
            for i in window.comparison.items
        ],
        "summary": plain(window.summary.text()),
        "gold": [
            (g.id, g.layer, g.start, g.end, g.link_id, g.revision)
            for g in window.gold.annotations()
        ],
        "details": [
            tuple(details.data(details.index(r, c)) for c in range(details.columnCount()))
            for r in range(details.rowCount())
        ],
        "buttons": {name: b.isEnabled() for name, b in window.buttons.items()},
    }


def fresh_view(window: ReviewWindow) -> dict:
    """What a new window on the same project, sides, row and filter shows."""
    sides = (window.comparison.annotator_a, window.comparison.annotator_b)
    other = ReviewWindow(window.project, "amal", SEED, annotators=sides)
    try:
        other.only_disagreements.setChecked(window.only_disagreements.isChecked())
        other.select_row(max(window.items.currentIndex().row(), 0))
        return shown(other)
    finally:
        other.close()
        other.deleteLater()


class Decisions(RuleBasedStateMachine):
    """Decide, accept all, delete a gold copy, undo, redo, filter: the window keeps showing
    what the store holds."""

    folder = None  # set by the test
    sides = ("amal", "omar")

    @initialize()
    def open(self):
        import tempfile
        from pathlib import Path

        self.tmp = tempfile.TemporaryDirectory(dir=self.folder)
        self.project = make_project(Path(self.tmp.name))
        self.window = ReviewWindow(self.project, "amal", SEED, annotators=self.sides)
        self.stack = self.window.gold.undo_stack

    def teardown(self):
        if hasattr(self, "window"):
            assert shown(self.window) == fresh_view(self.window)
            self.window.close()
            self.window.deleteLater()
            self.project.close()
            self.tmp.cleanup()

    @rule(row=st.integers(0, 40), choice=st.sampled_from(["a", "b", "reject"]))
    def decide(self, row, choice):
        count = self.window.items_model.rowCount()
        if count:
            self.window.select_row(row % count)
            self.window.decide(choice)

    @rule()
    def accept_all(self):
        self.window.accept_agreements()

    @rule()
    def delete_gold_copy(self):
        item = self.window.current_item()
        if item is not None and item.gold_id:
            self.window.gold.delete(item.gold_id)

    @rule()
    def undo(self):
        if self.stack.canUndo():
            self.stack.undo()

    @rule()
    def redo(self):
        if self.stack.canRedo():
            self.stack.redo()

    @rule()
    def toggle_filter(self):
        box = self.window.only_disagreements
        box.setChecked(not box.isChecked())

    @rule(direction=st.sampled_from([+1, -1]))
    def step(self, direction):
        self.window.step(direction)

    @invariant()
    def items_are_the_stored_comparison(self):
        if not hasattr(self, "window"):
            return
        window = self.window
        stored = compare(self.project, SEED, *self.sides)
        assert [(i.sources, i.decision, i.gold_id) for i in window.comparison.items] == [
            (i.sources, i.decision, i.gold_id) for i in stored.items
        ]
        left, total = len(stored.open), len(stored.disagreements)
        summary = plain(window.summary.text())
        assert summary.startswith(f"{total} disagreement")
        assert (f"{left} open" in summary) == bool(left)
        assert sorted(g.id for g in window.gold.annotations()) == sorted(
            g.id for g in self.project.annotations(SEED, annotator=GOLD)
        )


class DecisionsAgainstGold(Decisions):
    """The same with gold as one of the sides: each decision changes the comparison itself."""

    sides = ("omar", GOLD)


@pytest.mark.parametrize("machine", [Decisions, DecisionsAgainstGold])
def test_the_window_shows_what_a_fresh_window_shows_after_any_decisions(qapp, tmp_path, machine):
    machine.folder = tmp_path
    runner = machine.TestCase
    runner.settings = settings(
        max_examples=6,
        stateful_step_count=8,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    )
    runner().runTest()


@pytest.fixture
def counted(monkeypatch):
    """Counts the comparisons of a whole document made from here on (the real compare runs)."""
    calls = []
    real = adjudication.compare

    def counting(*args, **kwargs):
        calls.append(args[1:])
        return real(*args, **kwargs)

    monkeypatch.setattr(adjudication, "compare", counting)
    monkeypatch.setattr(review_window, "compare", counting)
    return calls


def test_a_decision_its_undo_and_redo_compare_nothing_again(qtbot, tmp_path, counted):
    project = make_project(tmp_path)
    window = ReviewWindow(project, "amal", SEED, annotators=("amal", "omar"))
    qtbot.addWidget(window)
    assert len(counted) == 1  # opening compares once
    counted.clear()
    stack = window.gold.undo_stack
    window.select_row(0)
    window.decide("a" if window.current_item().a else "reject")
    window.accept_agreements()
    stack.undo()
    stack.undo()
    stack.redo()
    stack.redo()
    assert counted == []
    assert shown(window) == fresh_view(window)
    project.close()
