"""A long report stays quick to edit: a change updates only what it touches, and what the
window shows stays what is stored."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import random

import pytest

from annotator.core.store.project import Project, TextSource
from annotator.gui.app import load_fonts
from annotator.gui.article_view import ArticleView
from annotator.gui.document_list import DocumentList
from annotator.gui.side_panel import SidePanel
from annotator.gui.workbench import Workbench

PARAGRAPH = "قال المتحدث باسم الحكومة إن «الاتفاق سيوقع غداً» في العاصمة، مشيراً إلى أن الوفد وصل."
REPORT = "\n".join(f"{PARAGRAPH} الفقرة {n}" for n in range(40))


@pytest.fixture
def report(tmp_path):
    project = Project.create(tmp_path / "report.annotator")
    project.import_texts([TextSource(REPORT, id="report", title="report")])
    yield project
    project.close()


@pytest.fixture
def window(qtbot, report):
    """The article, the side panel and the document list on the report, for "amal"."""
    load_fonts()
    workbench = Workbench(report, "amal")
    article, panel, documents = (
        ArticleView(workbench),
        SidePanel(workbench),
        DocumentList(workbench),
    )
    for widget in (article, panel, documents):
        qtbot.addWidget(widget)
        widget.resize(700, 500)
        widget.show()
    workbench.open_document("report")
    return workbench, article, panel, documents


def words(paragraph: int) -> list[tuple[int, int]]:
    """The spans of the words of one paragraph of the report."""
    base = REPORT.index(f"{PARAGRAPH} الفقرة {paragraph}")
    spans, start = [], 0
    for word in PARAGRAPH.split(" "):
        start = PARAGRAPH.index(word, start)
        spans.append((base + start, base + start + len(word)))
        start += len(word)
    return spans


def test_a_tag_rehighlights_only_its_own_paragraph(window):
    workbench, article, _, _ = window
    touched = []
    update = article.highlights.update

    def record(removed, added):
        touched.append(update(removed, added))
        return touched[-1]

    article.highlights.update = record
    start, end = words(7)[1]
    annotation_id = workbench.tag("speaker", start, end)
    workbench.delete(annotation_id)
    assert touched == [{7}, {7}]


def test_a_change_reads_only_the_annotations_it_touched(window, report, monkeypatch):
    workbench, _, panel, _ = window
    speaker = workbench.tag("speaker", *words(3)[1])

    def read_everything(*_args, **_kwargs):
        raise AssertionError("the whole document was read again")

    monkeypatch.setattr(report, "annotations", read_everything)
    claim = workbench.tag("claim", words(3)[4][0], words(3)[9][1])
    workbench.edit(claim, "Change span", start=words(3)[5][0], end=words(3)[9][1])
    workbench.delete(speaker)
    workbench.undo_stack.undo()
    assert workbench.annotation(claim).link_id == speaker
    assert panel.model.rowCount() == 2


def test_the_document_list_counts_a_new_annotation_without_reading_the_list(
    window, report, monkeypatch
):
    workbench, _, _, documents = window

    def read_the_list(*_args, **_kwargs):
        raise AssertionError("the document list was read again")

    monkeypatch.setattr(report, "documents", read_the_list)
    workbench.tag("speaker", *words(2)[1])
    workbench.tag("speaker", *words(2)[3])
    workbench.undo_stack.undo()
    count = documents.model.index(0, documents.model.ANNOTATIONS).data()
    status = documents.model.index(0, documents.model.STATUS).data()
    assert (count, status) == (1, "in progress")


def test_deleting_the_selected_annotation_leaves_nothing_selected(window):
    workbench, _, panel, _ = window
    for n in range(5):
        workbench.tag("speaker", *words(n)[1])
    workbench.select(workbench.annotations()[2].id)
    workbench.delete(workbench.selected_id)
    assert workbench.selected_id is None
    assert not panel.table.selectionModel().hasSelection()


def test_after_many_edits_the_window_shows_what_is_stored(window, report):
    """Tags, span changes, links, deletions, undo and redo in random order: after each, the
    workbench, the highlights and the side panel agree with a fresh read of the project."""
    workbench, article, panel, _ = window
    rng = random.Random(7)
    for _ in range(120):
        own = workbench.annotations()
        action = rng.choice(["speaker", "claim", "span", "link", "delete", "undo", "redo"])
        paragraph = rng.randrange(40)
        spans = words(paragraph)
        if action in ("speaker", "claim"):
            first = rng.randrange(len(spans) - 3)
            last = first + (0 if action == "speaker" else rng.randrange(1, 3))
            workbench.tag(action, spans[first][0], spans[last][1])
        elif action == "span" and own:
            target = rng.choice(own)
            start, end = rng.choice(words(paragraph))
            workbench.edit(target.id, "Change span", start=start, end=end)
        elif action == "link" and own:
            claims = [a for a in own if a.layer == "claim"]
            speakers = [a for a in own if a.layer == "speaker"]
            if claims and speakers:
                workbench.edit(rng.choice(claims).id, "Link", link_id=rng.choice(speakers).id)
        elif action == "delete" and own:
            workbench.delete(rng.choice(own).id)
        elif action == "undo":
            workbench.undo_stack.undo()
        elif action == "redo":
            workbench.undo_stack.redo()
        stored = report.annotations("report", annotator="amal")
        assert workbench.annotations() == stored
        assert [panel.model.annotation(r) for r in range(panel.model.rowCount())] == stored
        filed = {(a.id, a.start, a.end) for a in article.highlights.spans(0, len(REPORT))}
        assert filed == {(a.id, a.start, a.end) for a in stored}
