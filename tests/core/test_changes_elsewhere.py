"""`elsewhere.changes_since`: what another connection changed, told at the cost of what changed.

A window keeps its document list and re-reads only the rows `changes_since` names (all of them
when it answers None), and its open document only when told to: after any mix of tags,
deletions, undos, edits, statuses and imports made through another connection (and some of
its own), what it shows must equal a fresh read."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from annotator.core.errors import AnnotatorError
from annotator.core.store.elsewhere import NEWEST, changes_since, take_mark
from annotator.core.store.project import Project, TextSource

WORDS = ["سليم", "نادر", "الوزارة", "قال", "أعلن", "المتحدث", "اليوم", "البلدية"]
ME = "amal"


def article(n: int) -> str:
    """An invented article: eight words in an order of its own."""
    return " ".join(WORDS[(i * (n + 3)) % len(WORDS)] for i in range(len(WORDS)))


def word_span(text: str, pick: int) -> tuple[int, int]:
    words = text.split(" ")
    i = pick % len(words)
    start = sum(len(w) + 1 for w in words[:i])
    return start, start + len(words[i])


def list_rows(project: Project) -> dict[str, tuple[str, int]]:
    return {d.id: (d.status, d.annotation_count) for d in project.documents(ME, lengths=False)}


def document_state(project: Project, document_id: str | None) -> list[tuple]:
    if document_id is None:
        return []
    return [
        (a.id, a.annotator, a.layer, a.start, a.end, tuple(sorted(a.attributes.items())))
        for a in project.annotations(document_id)
    ]


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("elsewhere") / "news.annotator"
    project = Project.create(path)
    project.import_texts(TextSource(article(n), title=f"خبر {n}", id=f"d{n}") for n in range(5))
    # Both annotators known: a first annotation by someone new re-reads the whole list.
    project.annotator_id(ME)
    project.annotator_id("badr")
    project.close()
    return path


class AnotherWindowWrites(RuleBasedStateMachine):
    """`window` is the connection whose views are kept; `other` writes through its own."""

    template: Path

    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp())
        path = self.folder / "news.annotator"
        shutil.copy(self.template, path)
        self.window = Project.open(path)
        self.other = Project.open(path)
        self.open_id: str | None = "d0"
        self.mark = take_mark(self.window, ME, self.open_id)
        self.rows = list_rows(self.window)
        self.shown = document_state(self.window, self.open_id)
        self.deleted: list = []  # states to restore (undo of a deletion)
        self.imported = 5
        self.imported_since_refresh = False

    def teardown(self) -> None:
        self.window.close()
        self.other.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    def writer(self, own: bool) -> Project:
        return self.window if own else self.other

    def ids(self, project: Project) -> list[str]:
        return [r[0] for r in project.conn.execute("SELECT id FROM annotations ORDER BY rowid")]

    def after_own(self, own: bool, document_id: str) -> None:
        # The window shows its own changes at once (the list's row, the open document).
        if own:
            self.rows[document_id] = list_rows(self.window)[document_id]
            if document_id == self.open_id:
                self.shown = document_state(self.window, self.open_id)

    @rule(
        own=st.booleans(),
        doc=st.integers(0, 4),
        pick=st.integers(0, 7),
        who=st.sampled_from([ME, "badr"]),
    )
    def tag(self, own: bool, doc: int, pick: int, who: str) -> None:
        project = self.writer(own)
        document_id = f"d{doc}"
        start, end = word_span(project.text(document_id), pick)
        try:
            project.add_annotation(document_id, who, "speaker", start, end)
        except AnnotatorError:
            return  # the same span twice: refused, nothing stored
        self.after_own(own, document_id)

    @rule(own=st.booleans(), pick=st.integers(0, 200), newest=st.booleans())
    def delete(self, own: bool, pick: int, newest: bool) -> None:
        project = self.writer(own)
        ids = self.ids(project)
        if not ids:
            return
        annotation_id = ids[-1] if newest else ids[pick % len(ids)]
        state = project.delete_annotation(annotation_id)
        self.deleted.append((annotation_id, state))
        self.after_own(own, state.annotation.document_id)

    @precondition(lambda self: self.deleted)
    @rule(own=st.booleans())
    def undo_delete(self, own: bool) -> None:
        annotation_id, state = self.deleted.pop()
        try:
            self.writer(own).restore(annotation_id, state)
        except AnnotatorError:
            return  # its span was tagged again meanwhile
        self.after_own(own, state.annotation.document_id)

    @rule(own=st.booleans(), pick=st.integers(0, 200), role=st.sampled_from(["person", "other"]))
    def edit(self, own: bool, pick: int, role: str) -> None:
        project = self.writer(own)
        ids = self.ids(project)
        if not ids:
            return
        annotation = project.update_annotation(ids[pick % len(ids)], attributes={"role": role})
        self.after_own(own, annotation.document_id)

    @rule(
        own=st.booleans(),
        doc=st.integers(0, 4),
        status=st.sampled_from(["todo", "in_progress", "done"]),
        who=st.sampled_from([ME, "badr"]),
    )
    def set_status(self, own: bool, doc: int, status: str, who: str) -> None:
        self.writer(own).set_status(f"d{doc}", who, status)
        self.after_own(own, f"d{doc}")

    @rule()
    def import_one(self) -> None:
        n = self.imported
        self.imported += 1
        self.imported_since_refresh = True
        self.other.import_texts([TextSource(article(n) + f" {n}", title=f"خبر {n}", id=f"d{n}")])

    @rule(doc=st.integers(0, 4))
    def open_another(self, doc: int) -> None:
        # Opening reads the document as stored now.
        self.open_id = f"d{doc}"
        self.shown = document_state(self.window, self.open_id)

    @rule()
    def refresh(self) -> None:
        before = self.shown
        self.mark, changes = changes_since(self.window, self.mark, self.open_id)
        fresh = list_rows(self.window)
        if changes.documents is None:
            # Only when documents came (fewer annotations than NEWEST are made here).
            assert self.imported_since_refresh
            self.rows = fresh
        else:
            for document_id in changes.documents:
                self.rows[document_id] = fresh[document_id]
        if changes.open_document:
            self.shown = document_state(self.window, self.open_id)
        self.imported_since_refresh = False
        # Shown as a fresh window shows it: the list, and the open document.
        assert self.rows == fresh
        assert self.shown == document_state(self.window, self.open_id), before

    @invariant()
    def the_window_never_shows_rows_that_do_not_exist(self) -> None:
        assert set(self.rows) <= set(list_rows(self.window))


def test_a_window_refreshing_what_changed_shows_what_a_fresh_window_shows(template):
    AnotherWindowWrites.template = template
    run_state_machine_as_test(
        AnotherWindowWrites,
        settings=settings(
            max_examples=40,
            stateful_step_count=30,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow],
        ),
    )


def open_two(template: Path, tmp_path: Path) -> tuple[Project, Project]:
    path = tmp_path / "news.annotator"
    shutil.copy(template, path)
    return Project.open(path), Project.open(path)


def test_a_tag_elsewhere_names_its_document_only(template, tmp_path):
    window, other = open_two(template, tmp_path)
    mark = take_mark(window, ME, "d0")
    start, end = word_span(other.text("d3"), 2)
    other.add_annotation("d3", ME, "speaker", start, end)
    _mark, changes = changes_since(window, mark, "d0")
    assert changes.documents == {"d3"}
    assert not changes.open_document


def test_an_edit_of_the_open_document_reads_it_again_and_no_other_row(template, tmp_path):
    window, other = open_two(template, tmp_path)
    start, end = word_span(other.text("d0"), 1)
    annotation = other.add_annotation("d0", ME, "speaker", start, end)
    mark = take_mark(window, ME, "d0")
    other.update_annotation(annotation.id, attributes={"role": "person"})
    mark, changes = changes_since(window, mark, "d0")
    assert changes.open_document
    # One of the newest rows, changed in place: at most its own document's row is read.
    assert changes.documents <= {"d0"}
    # Nothing since: nothing to read.
    _mark, changes = changes_since(window, mark, "d0")
    assert changes == type(changes)(frozenset(), False)


def test_an_import_elsewhere_reads_the_whole_list(template, tmp_path):
    window, other = open_two(template, tmp_path)
    mark = take_mark(window, ME, None)
    other.import_texts([TextSource("نص جديد تماما", title="جديد", id="new")])
    _mark, changes = changes_since(window, mark, None)
    assert changes.documents is None


def test_more_deletions_of_the_newest_rows_than_remembered_read_the_whole_list(template, tmp_path):
    """A rowid may be reused once the newest rows are gone: unsure, so everything is read."""
    window, other = open_two(template, tmp_path)
    made = []
    for n in range(NEWEST + 2):
        doc = f"d{n % 5}"
        start, end = word_span(other.text(doc), n // 5)
        try:
            made.append(other.add_annotation(doc, f"a{n}", "speaker", start, end).id)
        except AnnotatorError:
            pass
    mark = take_mark(window, ME, None)
    other.delete_annotations(made[-NEWEST:])
    start, end = word_span(other.text("d4"), 3)
    other.add_annotation("d4", ME, "speaker", start, end)
    _mark, changes = changes_since(window, mark, None)
    assert changes.documents is None
