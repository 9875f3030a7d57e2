"""Two windows of two team members, each on their own project and database role: a tag made in
one reaches the other through the server without anyone waiting, and going offline shows."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt

from annotator.core.bidi import plain
from annotator.core.sync import exchange, link, progress
from annotator.gui.app import load_fonts
from annotator.gui.main_window import MainWindow
from tests.core.team import SEED, make_team


@pytest.fixture
def team_windows(qtbot, pg_cluster, team_db, tmp_path):
    load_fonts()
    projects = make_team(pg_cluster, team_db, tmp_path, {"amal": "annotator", "bilal": "annotator"})
    windows = {}
    for name, project in projects.items():
        settings = QSettings(str(tmp_path / f"{name}.ini"), QSettings.Format.IniFormat)
        window = MainWindow(project, name, settings)
        qtbot.addWidget(window)
        window.show()
        windows[name] = window
    for window in windows.values():
        qtbot.waitUntil(lambda w=window: w.team_sync.state_text() == "Team: synced", timeout=20_000)
    yield windows
    for window in windows.values():
        window.close()
    for project in projects.values():
        project.close()


def test_a_tag_reaches_the_colleagues_window(qtbot, team_windows):
    amal, bilal = team_windows["amal"], team_windows["bilal"]
    amal.workbench.open_document(SEED)
    made = amal.workbench.tag("speaker", 0, 5)
    assert made is not None
    # Synced soon after the change, on the worker thread: the window goes on meanwhile.
    qtbot.waitUntil(
        lambda: (
            link.pending_count(amal.workbench.project) == 0
            and amal.team_sync.state_text() == "Team: synced"
        ),
        timeout=20_000,
    )
    bilal.team_sync.sync_now.trigger()
    qtbot.waitUntil(
        lambda: bilal.workbench.project.annotation_count(SEED, "amal") == 1, timeout=20_000
    )
    assert bilal.workbench.project.annotation(made).annotator == "amal"


def test_offline_shows_pending_work_and_it_goes_when_back(qtbot, team_windows, tmp_path):
    amal = team_windows["amal"]
    project = amal.workbench.project
    online_url = link.read(project).url
    with project.atomic():
        link.set_state(project, url=f"host={tmp_path}/nowhere dbname=x user=amal")
    amal.workbench.open_document(SEED)
    amal.workbench.tag("speaker", 0, 5)
    amal.team_sync.sync_now.trigger()
    qtbot.waitUntil(
        lambda: amal.team_sync.state_text().startswith("Team: offline, 2 change"),
        timeout=20_000,
    )
    with project.atomic():
        link.set_state(project, url=online_url)
    amal.team_sync.sync_now.trigger()
    qtbot.waitUntil(lambda: amal.team_sync.state_text() == "Team: synced", timeout=20_000)


def test_an_unlinked_project_has_no_team_menu(window):
    assert window.team_sync is None
    menus = [a.text() for a in window.menuBar().actions()]
    assert "&Team" not in menus


def test_gold_edited_by_two_curators_shows_in_review_and_is_resolved_there(
    qtbot, pg_cluster, team_db, tmp_path
):
    from annotator.gui.review_window import ReviewWindow

    team = make_team(pg_cluster, team_db, tmp_path, {"huda": "curator", "karim": "curator"})
    huda, karim = team["huda"], team["karim"]
    gold = huda.annotations(SEED, "gold")[0]
    huda.update_annotation(gold.id, start=gold.start + 1)
    karim.update_annotation(gold.id, end=gold.end - 1)
    exchange.sync(huda)
    assert exchange.sync(karim).conflicts == 1
    window = ReviewWindow(karim, "karim", SEED)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    pane = window.conflicts
    assert pane.isVisible() and pane.model.rowCount() == 1
    assert plain(pane.model.data(pane.model.index(0, 4))) == "the team server"
    refusals = []
    pane.message.connect(refusals.append)
    pane.take_action.trigger()  # T; the keys themselves: test_review_conflicts.py
    assert refusals == []
    assert karim.annotation(gold.id).start == gold.start + 1
    window.close()
    exchange.sync(karim)
    exchange.sync(huda)
    assert huda.annotation(gold.id).end == karim.annotation(gold.id).end
    for project in team.values():
        project.close()


def test_the_coordinator_assigns_in_a_dialog_and_sees_progress(
    qtbot, pg_cluster, team_db, tmp_path
):
    from annotator.gui.team_dialogs import AssignDialog, TeamProgressDialog

    load_fonts()
    team = make_team(pg_cluster, team_db, tmp_path, {"sami": "coordinator", "amal": "annotator"})
    settings = QSettings(str(tmp_path / "sami.ini"), QSettings.Format.IniFormat)
    window = MainWindow(team["sami"], "sami", settings)
    qtbot.addWidget(window)
    assert window.team_sync.assign.isEnabled()
    window.team_sync.assign.trigger()
    dialog = window.team_sync.assign_dialog
    assert isinstance(dialog, AssignDialog)
    qtbot.waitUntil(lambda: dialog.member.count() == 2, timeout=20_000)
    dialog.member.setCurrentIndex(dialog.member.findData("amal"))
    first = dialog.documents.index(0)
    dialog.documents.setData(first, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    dialog.assign_button.click()
    qtbot.waitUntil(lambda: dialog.note.text() == "1 document assigned.", timeout=20_000)
    exchange.sync(team["amal"])
    assert progress.assigned(team["amal"], "amal") == [SEED]
    # Opened again, the dialog shows amal's assignment ticked; unticking takes it back.
    dialog.close()
    window.team_sync.assign.trigger()
    dialog = window.team_sync.assign_dialog
    qtbot.waitUntil(lambda: dialog.member.count() == 2, timeout=20_000)
    dialog.member.setCurrentIndex(dialog.member.findData("amal"))
    assert dialog.documents.checked() == [SEED]
    dialog.member.setCurrentIndex(dialog.member.findData("sami"))
    assert dialog.documents.checked() == []
    dialog.member.setCurrentIndex(dialog.member.findData("amal"))
    first = dialog.documents.index(0)
    dialog.documents.setData(first, Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    dialog.assign_button.click()
    qtbot.waitUntil(lambda: dialog.note.text() == "1 document taken back.", timeout=20_000)
    exchange.sync(team["amal"])
    assert progress.assigned(team["amal"], "amal") == []
    dialog.documents.setData(first, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    dialog.assign_button.click()
    qtbot.waitUntil(lambda: dialog.note.text() == "1 document assigned.", timeout=20_000)
    window.team_sync.show_progress.trigger()
    shown = window.team_sync.progress_dialog
    assert isinstance(shown, TeamProgressDialog)
    qtbot.waitUntil(lambda: shown.model.rowCount() == 2, timeout=20_000)
    amal_row = next(r for r in range(2) if shown.model.index(r, 0).data() == "amal")
    assert shown.model.index(amal_row, 2).data() == 1  # assigned
    assert shown.model.index(amal_row, 3).data() == 1  # to do
    shown.close()
    dialog.close()
    window.close()
    for project in team.values():
        project.close()


def test_an_annotators_assignment_is_refused_in_the_dialog(qtbot, team_windows):
    amal = team_windows["amal"]
    # Not offered to an annotator; opened all the same, the server still says no.
    assert not amal.team_sync.assign.isEnabled()
    amal.team_sync.open_assign()
    dialog = amal.team_sync.assign_dialog
    qtbot.waitUntil(lambda: dialog.member.count() == 2, timeout=20_000)
    first = dialog.documents.index(0)
    dialog.documents.setData(first, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    dialog.assign_button.click()
    refused = "Refused: only a coordinator assigns documents"
    qtbot.waitUntil(lambda: plain(dialog.note.text()) == refused, timeout=20_000)
    dialog.close()


def test_a_window_on_a_joined_project_works_under_the_members_name(qtbot, team_windows, tmp_path):
    # The tester's case: the window was started with the system's user name ("root").
    from annotator.gui.app import window_annotator

    project = team_windows["amal"].workbench.project
    settings = QSettings(str(tmp_path / "fresh.ini"), QSettings.Format.IniFormat)
    assert window_annotator(project, settings) == "amal"  # asked nothing
    assert settings.value("annotator") is None
    team_windows["amal"].close()
    window = MainWindow(project, "root", settings)
    qtbot.addWidget(window)
    assert window.workbench.annotator == "amal"
    window.workbench.open_document(SEED)
    made = window.workbench.tag("speaker", 0, 5)
    qtbot.waitUntil(
        lambda: (
            link.pending_count(project) == 0 and window.team_sync.state_text() == "Team: synced"
        ),
        timeout=20_000,
    )
    bilal = team_windows["bilal"]
    bilal.team_sync.sync_now.trigger()
    qtbot.waitUntil(lambda: bilal.workbench.project.revision(made) is not None, timeout=20_000)
    assert bilal.workbench.project.annotation(made).annotator == "amal"
    window.close()


def test_changes_under_another_name_are_flagged_not_called_synced(qtbot, team_windows):
    amal = team_windows["amal"]
    project = amal.workbench.project
    project.add_annotation(SEED, "root", "speaker", 0, 5)  # e.g. made by an older version
    amal.team_sync.sync_now.trigger()
    qtbot.waitUntil(
        lambda: amal.team_sync.state_text().endswith("not yours kept locally"), timeout=20_000
    )
    kept = link.kept_locally(project)
    assert kept >= 1
    assert amal.team_sync.state_text() == (
        f"Team: synced, {kept} change{'s' if kept > 1 else ''} not yours kept locally"
    )


def test_a_colleagues_tag_arrives_without_sync_now_well_within_a_minute(qtbot, team_windows):
    from annotator.gui.team_sync import EVERY_MS

    amal, bilal = team_windows["amal"], team_windows["bilal"]
    assert bilal.team_sync._every.isActive() and bilal.team_sync._every.interval() == EVERY_MS
    made = amal.workbench.project.add_annotation(SEED, "amal", "speaker", 0, 5)
    exchange.sync(amal.workbench.project)
    # Nobody presses Sync now in bilal's window: the online timer's pull brings it.
    qtbot.waitUntil(
        lambda: bilal.workbench.project.revision(made.id) is not None, timeout=EVERY_MS + 10_000
    )


def test_a_refused_login_is_shown_as_refused_not_offline(
    qtbot, pg_cluster, team_db, tmp_path, monkeypatch
):
    from tests.core.team import member_with_password, require_passwords, share_sample

    require_passwords(pg_cluster)
    share_sample(team_db, tmp_path)
    name, _plain, url = member_with_password(pg_cluster, team_db)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no.pgpass"))
    monkeypatch.setenv("PGPASSWORD", "wrong")
    project, _ = exchange.join(url, name, tmp_path / "m.annotator")
    project.add_annotation(SEED, name, "speaker", 0, 5)
    settings = QSettings(str(tmp_path / "m.ini"), QSettings.Format.IniFormat)
    window = MainWindow(project, name, settings)
    qtbot.addWidget(window)
    qtbot.waitUntil(
        lambda: window.team_sync.state_text().startswith("Team: login refused, 2 changes"),
        timeout=20_000,
    )
    assert "password authentication failed" in window.team_sync.indicator.toolTip()
    window.close()
    project.close()
