"""A big article stays light: opening it, painting it, listing its annotations and tagging in
it build full annotations only for what is on screen, and what the window shows stays what is
stored. (No timings: the structure is what is held to; `bench/scale.py` measures the time.)"""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import gc
import random

import pytest

from annotator.core.model import Annotation
from annotator.core.store.project import Project, TextSource
from annotator.gui.app import load_fonts
from annotator.gui.article_view import ArticleView
from annotator.gui.side_panel import SidePanel
from annotator.gui.workbench import Workbench
from bench import corpus

CHARS, COUNT = 200_000, 8_000
# Annotations a window may build for a first screen: the article's lines on screen and the
# side panel's first rows (built a batch at a time), with the speakers they link to.
BUILT_AT_MOST = 400


@pytest.fixture(scope="module")
def big_file(tmp_path_factory):
    """A 200,000-character article with 8,000 annotations of "amal" (speakers and the claims
    linked to them), and a short note."""
    path = tmp_path_factory.mktemp("big") / "big.annotator"
    rng = random.Random(14)
    text = corpus.article(rng, CHARS)[:CHARS]
    with Project.create(path) as project:
        project.import_texts(
            [
                TextSource(text="مذكرة قصيرة عن الاجتماع.", id="note", title="note"),
                TextSource(text=text, id="big", title="big"),
            ]
        )
        corpus.store(project, "big", "amal", corpus.annotate(rng, text, COUNT))
    return path


@pytest.fixture
def window(qtbot, big_file, tmp_path, monkeypatch):
    """The article and the side panel on a copy of the big article's project, for "amal";
    `built` lists the annotations the window has built, and reading the whole document's
    annotations fails the test."""
    copy = tmp_path / "big.annotator"
    copy.write_bytes(big_file.read_bytes())
    project = Project.open(copy)
    built: list[str] = []
    by_id = project.annotations_by_id

    def counted(ids):
        found = by_id(ids)
        built.extend(found)
        return found

    def read_everything(*_args, **_kwargs):
        raise AssertionError("every annotation of the document was built")

    monkeypatch.setattr(project, "annotations_by_id", counted)
    monkeypatch.setattr(project, "annotations", read_everything)
    load_fonts()
    workbench = Workbench(project, "amal")
    article, panel = ArticleView(workbench), SidePanel(workbench)
    for widget in (article, panel):
        qtbot.addWidget(widget)
        widget.resize(700, 500)
        widget.show()
    workbench.open_document("big")
    qtbot.waitExposed(article)
    article.viewport().repaint()
    panel.table.viewport().repaint()
    yield workbench, article, panel, built
    project.close()


def live_annotations() -> int:
    gc.collect()
    return sum(isinstance(o, Annotation) for o in gc.get_objects())


def test_opening_builds_only_the_annotations_on_screen(window):
    workbench, _, panel, built = window
    assert len(workbench.annotations()) == COUNT
    assert panel.model.rowCount() == COUNT
    assert 0 < len(built) <= BUILT_AT_MOST
    assert live_annotations() <= BUILT_AT_MOST


def test_the_side_panel_counts_its_rows_without_building_them(window):
    workbench, _, panel, built = window
    before = len(built)
    panel.model.set_layer_filter("claim")
    claims = panel.model.rowCount()
    panel.model.set_layer_filter(None)
    assert 0 < claims < COUNT and panel.model.rowCount() == COUNT
    assert len(built) == before


def test_highlights_far_from_the_screen_are_not_built(window):
    """The last paragraph's annotations are held as spans and none of them built until the
    article is scrolled there."""
    workbench, article, _, built = window
    text_end = len(workbench.text)
    far = [s.id for s in workbench.columns().overlapping(text_end - 2000, text_end)]
    assert far and not set(far) & set(built)
    article.show_span(text_end - 10, text_end - 5)
    article.viewport().repaint()
    hits = article.highlights.spans(text_end - 2000, text_end)
    assert {s.id for s in hits} == set(far)


def test_tagging_far_in_the_article_then_undo_shows_what_is_stored(window, big_file):
    """Tag a speaker and a claim near the end (the claim linked to the speaker nearest before
    it), delete the speaker, undo: after each step the side panel's rows around the change,
    the highlights and the store agree; and the first tag built no more than the screen."""
    workbench, article, panel, built = window
    text = workbench.text
    columns = workbench.columns()
    taken = {(s.start, s.end) for s in columns.overlapping(len(text) - 3000, len(text))}
    every = [m.span() for m in corpus.WORD.finditer(text, len(text) - 3000)]

    def free(word: tuple[int, int]) -> bool:
        return not any(a < word[1] and word[0] < b for a, b in taken)

    # Two words side by side that nothing tags: no speaker lies between them.
    words = next(
        pair for pair in zip(every, every[1:], strict=False) if free(pair[0]) and free(pair[1])
    )
    start = len(built)
    speaker = workbench.tag("speaker", *words[0])
    claim = workbench.tag("claim", words[1][0], words[1][1])
    project = workbench.project
    assert project.annotation(claim).link_id == speaker
    assert len(built) - start <= BUILT_AT_MOST
    assert live_annotations() <= 2 * BUILT_AT_MOST

    def agree(expected: set[str]) -> None:
        stored = {
            a.id
            for a in project.annotations_by_id(
                columns.ids[max(0, columns.locate(claim) - 5) : columns.locate(claim) + 5]
            ).values()
        }
        assert expected <= stored
        for annotation_id in (speaker, claim):
            row = panel.model.row_of(annotation_id)
            shown = workbench.annotation(annotation_id)
            assert (row >= 0) == (annotation_id in expected) == (shown is not None)
            if shown is not None:
                assert panel.model.annotation(row) == project.annotation(annotation_id) == shown
                hits = article.highlights.spans(shown.start, shown.end)
                assert annotation_id in {s.id for s in hits}

    agree({speaker, claim})
    assert len(workbench.annotations()) == panel.model.rowCount() == COUNT + 2
    workbench.delete(speaker)
    assert project.annotation(claim).link_id is None
    assert workbench.annotation(claim).link_id is None
    assert panel.model.row_of(speaker) == -1
    assert speaker not in {s.id for s in article.highlights.spans(*words[0])}
    workbench.undo_stack.undo()
    assert workbench.annotation(claim).link_id == speaker == project.annotation(claim).link_id
    agree({speaker, claim})
    workbench.undo_stack.undo()  # the claim
    workbench.undo_stack.undo()  # the speaker
    assert panel.model.rowCount() == COUNT
    assert project.annotation_count("big", "amal") == COUNT
    assert not {speaker, claim} & {s.id for s in article.highlights.spans(*words[0])}
