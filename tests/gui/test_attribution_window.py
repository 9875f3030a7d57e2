"""The main window on a project of the attribution schema: Q tags a cue, and the cue links to
its claim in the side panel."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from test_shortcuts import collisions

from annotator.core.formats.txt import read_articles
from annotator.core.paths import seeds_dir
from annotator.core.schema import load_schema
from annotator.core.store.project import Project

CLAIM = "إيران تقف إلى جانب الحق الفلسطيني"
CUE = "وأكد"


@pytest.fixture
def project(tmp_path):
    """The sample article in a project made with `annotator init --schema attribution`."""
    project = Project.create(tmp_path / "study.annotator", load_schema("attribution").source)
    project.import_texts(read_articles([seeds_dir()]))
    yield project
    project.close()


def mine(window):
    return window.workbench.project.annotations(window.workbench.document_id, annotator="amal")


def test_q_tags_the_selection_as_a_cue(window):
    start = window.workbench.text.index(CUE)
    window.article.select_span(start, start + len(CUE))
    QTest.keyClick(window.article, Qt.Key.Key_Q)
    (cue,) = mine(window)
    assert (cue.layer, cue.text, cue.link_id) == ("cue", CUE, None)


def test_ctrl_q_stays_quit_and_no_key_is_ambiguous(window):
    assert window.actions.tag["cue"].shortcut().toString() == "Q"
    assert window.actions.named["quit"].shortcut().toString() == "Ctrl+Q"
    assert collisions(window) == []


def test_the_cue_links_to_its_claim_in_the_side_panel(window):
    text = window.workbench.text
    claim_id = window.workbench.tag("claim", text.index(CLAIM), text.index(CLAIM) + len(CLAIM))
    start = text.index(CUE)
    window.article.select_span(start, start + len(CUE))
    QTest.keyClick(window.article, Qt.Key.Key_Q)
    cue = next(a for a in mine(window) if a.layer == "cue")
    window.workbench.select(cue.id)
    combo = window.side_panel.editor.field("claim")
    row = next(i for i in range(combo.count()) if combo.itemData(i) == claim_id)
    combo.setCurrentIndex(row)
    combo.activated.emit(row)
    cue = next(a for a in mine(window) if a.layer == "cue")
    assert cue.link_id == claim_id
    assert collisions(window) == []  # with the cue's form shown


def test_a_cue_tagged_before_its_claim_links_to_the_claim_after_it(window):
    # «وأكد العميد قاآني لهنية أن "…"»: the cue comes first; the claim of the sentence before
    # ends nearer to it, and must not be taken.
    text = window.workbench.text
    start = text.index(CUE)
    earlier = text.rindex("\u201d" if "\u201d" in text[:start] else '"', 0, start)
    window.workbench.tag("claim", earlier - 5, earlier + 1)
    claim_id = window.workbench.tag("claim", text.index(CLAIM), text.index(CLAIM) + len(CLAIM))
    window.article.select_span(start, start + len(CUE))
    QTest.keyClick(window.article, Qt.Key.Key_Q)
    cue = next(a for a in mine(window) if a.layer == "cue")
    assert cue.link_id == claim_id


def test_a_cue_after_its_quotation_links_to_the_claim_before_it(window):
    # «"…"، قال X»: no claim after the cue in its sentence, so the nearest before.
    text = window.workbench.text
    claim_id = window.workbench.tag("claim", text.index(CLAIM), text.index(CLAIM) + len(CLAIM))
    sentence_end = text.index(".", text.index(CLAIM))
    after = text.index(" ", sentence_end + 2)  # a word of the next sentence stands in for a cue
    window.article.select_span(after + 1, after + 4)
    QTest.keyClick(window.article, Qt.Key.Key_Q)
    cue = next(a for a in mine(window) if a.layer == "cue")
    assert cue.link_id == claim_id
