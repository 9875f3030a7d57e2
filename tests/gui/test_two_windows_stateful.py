"""Two windows and a script on one project file, same annotator, in any order: tags, edits,
deletes, undos, redos and refreshes interleaved by hypothesis.

What must hold after every step:
- every change reported stored is what the file holds now, unless a later change reported
  stored replaced it (a claim may lose its link when its speaker goes, and get it back when
  the speaker comes back: links are checked against that);
- a change was stored only over the state its author had seen (the window's shown copy for an
  edit or delete, the step's own result for an undo or redo, the script's last read);
- every refused change produced a message and changed nothing; a refused undo or redo step
  is dropped from the stack;
- `annotator check` (`Project.verify`) finds nothing.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    rule,
    run_state_machine_as_test,
)

from annotator.core.errors import AnnotatorError
from annotator.core.formats import txt
from annotator.core.model import Annotation
from annotator.core.paths import seeds_dir
from annotator.core.store.project import AnnotationState, Project
from annotator.gui.commands import AnnotationCommand
from annotator.gui.workbench import Workbench

SEED = "000_41ac67127a0642cf"
PHRASES = [
    "إسماعيل هنية",
    "العميد قاآني",
    "إيران تقف إلى جانب الحق الفلسطيني",
    "حرس الثورة الإيراني",
    "سيف القدس",
    "منعطف تاريخي",
]
CHANGES = ["attribute", "stances", "layer", "unlink"]
STANCES = [(), (("Israel", "against"),), (("Iran", "favor"), ("Israel", "neutral"))]

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f-]{27}")
picks = st.integers(min_value=0, max_value=30)
windows = st.sampled_from([0, 1])


def content(annotation: Annotation | None) -> tuple | None:
    """What a change stores of an annotation, but its link (which changes of the speaker it
    links to may clear and put back) and its revision and times."""
    if annotation is None:
        return None
    entity = annotation.entity.name if annotation.entity else None
    attributes = tuple(sorted(annotation.attributes.items()))
    return (
        annotation.layer,
        annotation.start,
        annotation.end,
        attributes,
        entity,
        annotation.stances,
    )


def annotation_of(state: AnnotationState | None) -> Annotation | None:
    return state.annotation if state else None


class TwoWindowsAndAScript(RuleBasedStateMachine):
    template: Path  # a project with the sample article, copied for each run

    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="two-windows-"))
        path = self.folder / "study.annotator"
        shutil.copy(self.template, path)
        self.connections = [Project.open(path) for _ in range(3)]
        self.windows = [Workbench(c, "amal") for c in self.connections[:2]]
        self.messages: list[list[str]] = [[], []]
        for window, messages in zip(self.windows, self.messages, strict=True):
            window.open_document(SEED)
            window.error.connect(messages.append)
        # The third connection is a script (or the command line): it reads when told to and
        # builds its changes from what it read; it is also the test's view of the file.
        self.script = self.connections[2]
        self.script_view: dict[str, Annotation] = {}
        self.text = self.script.text(SEED)
        # For each annotation a change was reported stored for: (step, what it stored).
        self.stored: dict[str, tuple[int, Annotation | None]] = {}
        self.steps = 0

    def teardown(self) -> None:
        for window in self.windows:
            window.undo_stack.clear()
            window.deleteLater()
        for connection in self.connections:
            connection.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    # ------------------------------------------------------------------ bookkeeping

    def now(self, annotation_id: str) -> Annotation | None:
        return annotation_of(self.script.state(annotation_id))

    def reported_stored(self, annotation_id: str) -> None:
        self.steps += 1
        self.stored[annotation_id] = (self.steps, self.now(annotation_id))

    def shown(self, w: int, pick: int) -> Annotation | None:
        shown = self.windows[w].annotations()
        return shown[pick % len(shown)] if shown else None

    def changes(self, annotation: Annotation, change: str, variant: int) -> dict:
        schema = self.script.schema
        if change == "layer":
            return {"layer": "claim" if annotation.layer == "speaker" else "speaker"}
        if change == "stances" and annotation.layer == "claim":
            return {"stances": STANCES[variant % len(STANCES)]}
        if change == "unlink" and annotation.layer == "claim":
            return {"link_id": None}
        name = "kind" if annotation.layer == "claim" else "role"
        values = schema.layer(annotation.layer).attribute(name).values
        return {"attributes": {**annotation.attributes, name: values[variant % len(values)]}}

    def act(self, w: int, annotation_id: str | None, action) -> object:
        """Run a window's action; check that a refusal said so and changed nothing."""
        before = self.script.state(annotation_id) if annotation_id else None
        count = self.script.annotation_count()
        heard = len(self.messages[w])
        result = action()
        if not result:
            event(f"window refused: {UUID.sub('…', self.messages[w][-1])[:50]}")
            assert len(self.messages[w]) == heard + 1, "a refused change gave no message"
            assert self.script.annotation_count() == count
            if annotation_id:
                assert self.script.state(annotation_id) == before
        return result

    # ------------------------------------------------------------------ the windows

    @initialize()
    def a_few_tags_both_windows_have_seen(self) -> None:
        """Two speakers and a claim tagged in the first window, read by the others."""
        for layer, phrase in (
            ("speaker", PHRASES[0]),
            ("speaker", PHRASES[1]),
            ("claim", PHRASES[2]),
        ):
            self.tag(0, layer, phrase)
        self.refresh(1)
        self.script_reads()

    @rule(w=windows, layer=st.sampled_from(["speaker", "claim"]), phrase=st.sampled_from(PHRASES))
    def tag(self, w: int, layer: str, phrase: str) -> None:
        start = self.text.index(phrase)
        made = self.act(w, None, lambda: self.windows[w].tag(layer, start, start + len(phrase)))
        if made:
            self.reported_stored(made)

    @rule(w=windows, pick=picks, change=st.sampled_from(CHANGES), variant=picks)
    def edit(self, w: int, pick: int, change: str, variant: int) -> None:
        seen = self.shown(w, pick)
        if seen is None:
            return
        truth = self.now(seen.id)
        changes = self.changes(seen, change, variant)
        if self.act(w, seen.id, lambda: self.windows[w].edit(seen.id, "Edit", **changes)):
            assert content(truth) == content(seen) and truth.link_id == seen.link_id
            self.reported_stored(seen.id)

    @rule(w=windows, pick=picks)
    def delete(self, w: int, pick: int) -> None:
        seen = self.shown(w, pick)
        if seen is None:
            return
        truth = self.now(seen.id)
        if self.act(w, seen.id, lambda: self.windows[w].delete(seen.id)):
            assert content(truth) == content(seen) and truth.link_id == seen.link_id
            self.reported_stored(seen.id)

    @rule(w=windows, backwards=st.booleans())
    def undo_or_redo(self, w: int, backwards: bool) -> None:
        stack = self.windows[w].undo_stack
        if not (stack.canUndo() if backwards else stack.canRedo()):
            return
        index, count = stack.index(), stack.count()
        command = stack.command(index - 1 if backwards else index)
        assert isinstance(command, AnnotationCommand)
        annotation_id = command.annotation_id
        believed, wanted = (
            (command.after, command.before) if backwards else (command.before, command.after)
        )
        truth = self.now(annotation_id)

        def step() -> bool:
            (stack.undo if backwards else stack.redo)()
            return stack.count() == count

        if self.act(w, annotation_id, step):
            event("undo or redo stored")
            assert stack.index() == index + (-1 if backwards else 1)
            # Stored only over the state the step itself left.
            assert content(truth) == content(annotation_of(believed))
            assert content(self.now(annotation_id)) == content(annotation_of(wanted))
            self.reported_stored(annotation_id)
        else:
            event("undo or redo refused")
            # Dropped: an undo leaves the step before it next, a redo the one after it.
            assert stack.index() == (index - 1 if backwards else index)

    @rule(w=windows)
    def refresh(self, w: int) -> None:
        self.windows[w].reload()

    # ------------------------------------------------------------------ the script

    @rule()
    def script_reads(self) -> None:
        self.script_view = {a.id: a for a in self.script.annotations(SEED)}

    @rule(pick=picks, change=st.sampled_from(CHANGES), variant=picks, deleting=st.booleans())
    def script_changes(self, pick: int, change: str, variant: int, deleting: bool) -> None:
        if not self.script_view:
            return
        seen = sorted(self.script_view.values(), key=lambda a: a.id)[pick % len(self.script_view)]
        truth = self.script.state(seen.id)
        try:
            if deleting:
                self.script.delete_annotation(seen.id, base_revision=seen.revision)
            else:
                changes = self.changes(seen, change, variant)
                self.script.update_annotation(seen.id, base_revision=seen.revision, **changes)
        except AnnotatorError as exc:
            event(f"script refused: {type(exc).__name__}")
            assert str(exc)  # the message the command line prints
            assert self.script.state(seen.id) == truth
            return
        assert truth is not None and truth.annotation.revision == seen.revision
        self.reported_stored(seen.id)

    # ------------------------------------------------------------------ invariants

    @invariant()
    def every_stored_change_is_kept_or_superseded(self) -> None:
        for annotation_id, (step, was) in self.stored.items():
            now = self.now(annotation_id)
            assert content(now) == content(was), f"change of {annotation_id} lost"
            if was is not None:
                later = {i for i, (s, _) in self.stored.items() if s > step}
                assert now.link_id in {was.link_id, None} | later

    @invariant()
    def check_finds_nothing(self) -> None:
        assert self.script.verify() == []


@pytest.fixture
def template(tmp_path_factory):
    path = tmp_path_factory.mktemp("template") / "study.annotator"
    with Project.create(path) as project:
        project.import_texts(txt.read_articles([seeds_dir() / f"{SEED}.txt"]))
        project.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


def test_two_windows_and_a_script_never_lose_a_stored_change(qapp, template):
    TwoWindowsAndAScript.template = template
    run_state_machine_as_test(
        TwoWindowsAndAScript,
        settings=settings(
            max_examples=30,
            stateful_step_count=20,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow],
        ),
    )
