"""Two windows on one project file: window B read a long article's annotations as columns and
has not built the claim at its end yet when window A changes or deletes it. B shows the claim
as stored now, in full, and an edit made on it applies; one deleted in A is said to be deleted,
never shown without its attributes or refused with no way forward."""

import pytest
from PySide6.QtCore import QCoreApplication, QEvent

from annotator.core.store.project import Project, TextSource
from annotator.gui import main_window
from annotator.gui.main_window import MainWindow

SPEAKER = "المتحدث باسم البلدية"
CLAIM = "الجسر الجديد سيفتح قبل نهاية الصيف"
# An invented article long enough that its last line is far below the first screen.
LINES = [f"اجتمع أعضاء المجلس البلدي في الجلسة رقم {n} لمناقشة شؤون الحي." for n in range(1, 301)]
TEXT = "\n".join([*LINES, f"وقال {SPEAKER} إن {CLAIM} بحسب الخطة."])


@pytest.fixture
def long_project(tmp_path):
    project = Project.create(tmp_path / "council.annotator")
    project.import_texts([TextSource(TEXT, title="المجلس البلدي")])
    yield project
    project.close()


@pytest.fixture
def windows(qtbot, long_project, settings, monkeypatch):
    """A tags a speaker and a claim at the article's end; then B opens on it (its timed
    refresh left to the test), reading the claim's span without building it."""
    monkeypatch.setattr(main_window, "WATCH_INTERVAL_MS", 3_600_000)
    document_id = long_project.documents()[0].id
    at = 0
    with long_project.atomic():
        # More rows than the side panel builds at first (what it shows and a batch after).
        for _ in range(200):
            at = TEXT.index("أعضاء المجلس", at + 1)
            long_project.add_annotation(document_id, "amal", "speaker", at, at + 12)
        at = TEXT.index(SPEAKER)
        speaker = long_project.add_annotation(
            document_id, "amal", "speaker", at, at + len(SPEAKER)
        ).id
        at = TEXT.index(CLAIM)
        claim = long_project.add_annotation(
            document_id, "amal", "claim", at, at + len(CLAIM), link_id=speaker
        ).id
    a = MainWindow(long_project, "amal", settings)
    qtbot.addWidget(a)
    a.show()
    other = Project.open(long_project.path)
    b = MainWindow(other, "amal", settings)
    qtbot.addWidget(b)
    b.show()
    qtbot.waitExposed(b)
    assert b.workbench.columns().locate(claim) >= 0
    assert claim not in b.workbench.columns().cache  # read, not built
    yield a, b, speaker, claim
    discard(a, b)
    other.close()


def discard(*windows) -> None:
    """Close and destroy windows before their projects close: a closed window kept alive
    would still read its project when the next test switches the interface language (its
    side panel builds the rows it never built), from a closed connection."""
    for window in windows:
        window.close()
        window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def tag(window, layer: str, words: str) -> str:
    start = window.workbench.text.index(words)
    annotation_id = window.workbench.tag(layer, start, start + len(words))
    assert annotation_id is not None
    return annotation_id


def choose(combo, text: str) -> None:
    index = combo.findText(text)
    assert index >= 0, f"{text!r} not offered"
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def test_a_claim_changed_elsewhere_shows_as_stored_and_takes_an_edit(windows, qtbot):
    a, b, speaker, claim = windows
    a.workbench.edit(
        claim,
        "Set kind and stance",
        attributes={"kind": "indirect", "cue": "قال"},
        stances=[("البلدية", "favor")],
    )
    b.workbench.select(claim)  # as a click on its row or its words does
    editor = b.side_panel.editor
    assert editor.field("kind").currentText() == "indirect"
    assert editor.stances.stances() == [("البلدية", "favor")]
    assert b.workbench.selected().link_id == speaker
    with qtbot.capture_exceptions() as exceptions:
        choose(editor.field("kind"), "paraphrase")
    assert exceptions == []
    stored = a.workbench.project.state(claim).annotation
    assert stored.attributes["kind"] == "paraphrase"
    assert stored.stances[0].target == "البلدية"  # the stance A added is kept
    assert b.statusBar().currentMessage() == ""


def test_a_claim_deleted_elsewhere_is_said_deleted_and_leaves_the_window(windows, qtbot):
    a, b, _speaker, claim = windows
    a.workbench.delete(claim)
    b.workbench.select(claim)
    assert b.workbench.selected() is None  # never shown as a span without its attributes
    with qtbot.capture_exceptions() as exceptions:
        assert not b.workbench.delete(claim)
    assert exceptions == []
    assert "deleted in another window" in b.statusBar().currentMessage()
    qtbot.waitUntil(lambda: b.workbench.columns().locate(claim) < 0)
    assert b.workbench.annotation(claim) is None
