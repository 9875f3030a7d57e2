"""Starting the window: a project that cannot be opened offers its newest backup."""

from PySide6.QtWidgets import QMessageBox

from annotator.core.store import backup
from annotator.gui.app import open_or_offer_restore
from tests.gui.boxes import Boxes


def test_a_damaged_project_offers_its_newest_backup(qapp, project, monkeypatch):
    path = project.path
    saved = backup.make(project.conn, path, "manual")
    project.close()
    path.write_bytes(b"not a project any more")
    boxes = Boxes("Restore the backup")
    reopened = open_or_offer_restore(str(path))
    assert reopened is not None and len(reopened.documents()) == 1
    reopened.close()
    (_, asked, buttons), (title, said, _) = boxes.seen
    assert "Restore the newest backup" in asked
    assert buttons == ["Restore the backup", "Do not restore"]  # what each does, not Yes/No
    assert title == "Backup restored" and f"{path.name}" in said  # the restore is said
    kept = [b for b in backup.listing(path) if b.label == "before-restore"]
    assert kept and kept[0].path.read_bytes() == b"not a project any more"
    assert saved.exists()


def test_without_backups_the_reason_is_shown(qapp, tmp_path, monkeypatch):
    path = tmp_path / "broken.annotator"
    path.write_bytes(b"garbage")
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda *a: shown.append(a[2])))
    assert open_or_offer_restore(str(path)) is None
    assert "not an annotator project" in shown[0]
