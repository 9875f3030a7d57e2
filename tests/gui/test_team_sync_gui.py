"""Two windows of two team members, each on their own project and database role: a tag made in
one reaches the other through the server without anyone waiting, and going offline shows."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from annotator.core.sync import link
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
    from annotator.core.sync import exchange
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
    assert pane.model.data(pane.model.index(0, 4)) == "the team server"
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
