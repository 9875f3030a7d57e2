"""The window on a project someone else made or edited: foreign SQL objects are offered for
removal before anything runs, and a damaged annotation is left out with a one-line note."""

import hashlib
import sqlite3

from annotator.core.bidi import plain
from annotator.core.store import backup, foreign_objects
from annotator.gui.app import open_or_offer_restore
from tests.gui.boxes import Boxes

TRIGGER = "CREATE TRIGGER tidy AFTER INSERT ON annotations BEGIN DELETE FROM annotations; END"


def hand_edit(path, *statements):
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA ignore_check_constraints = 1")
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()


def test_a_project_with_a_foreign_trigger_is_opened_only_after_removing_it(
    qapp, project, monkeypatch
):
    path = project.path
    project.close()
    hand_edit(path, TRIGGER)
    with Boxes("Remove them and open") as boxes:
        reopened = open_or_offer_restore(str(path))
    asked = boxes.texts
    # The buttons say what they do; what was done is told afterwards.
    assert boxes.seen[0][2] == ["Remove them and open", "Do not open"]
    assert "trigger tidy on annotations" in asked[0]
    assert f"annotator check --remove-foreign --project {path}" in plain(asked[0])
    try:
        assert foreign_objects.foreign_objects(reopened.conn) == []
        document = reopened.documents()[0].id
        reopened.add_annotation(document, "amal", "speaker", 0, 3)
        assert reopened.annotation_count() == 1
    finally:
        reopened.close()
    (kept,) = backup.listing(path)
    assert kept.label == "before-remove-foreign"
    assert f"is kept in {kept.path}" in plain(asked[1])


def test_declining_leaves_the_project_as_it_was(qapp, project, monkeypatch):
    path = project.path
    project.close()
    hand_edit(path, TRIGGER)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    with Boxes("Do not open", count=1) as boxes:
        assert open_or_offer_restore(str(path)) is None
    assert boxes.seen[0][2] == ["Remove them and open", "Do not open"]
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert backup.listing(path) == []


def test_an_annotation_whose_attributes_are_a_list_is_left_out_with_a_note(project, open_window):
    document = project.documents()[0].id
    speaker = project.add_annotation(document, "amal", "speaker", 0, 3)
    spoiled = project.add_annotation(document, "amal", "speaker", 10, 14)
    hand_edit(
        project.path,
        f"UPDATE annotations SET attributes = '[\"government\"]' WHERE id = '{spoiled.id}'",
    )
    window = open_window()
    assert window.workbench.document_id == document
    assert [a.id for a in window.workbench.annotations()] == [speaker.id]
    note = window.statusBar().currentMessage()
    assert "1 damaged annotation of this document is not shown" in note
    assert "annotator check" in note
    assert any(spoiled.id in p and "not a JSON object" in p for p in project.verify())
