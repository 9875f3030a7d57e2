"""Two documents under one id (a .txt import takes its id from the file name): sync compares
documents by their text's SHA-256 and never writes a span onto a text it was not made on."""

from __future__ import annotations

import psycopg
import pytest

from annotator.core.formats import txt
from annotator.core.sync import exchange, link
from tests.core.team import make_team

TEXT_A = "قال الوزير سامر النجار إن المشروع سيكتمل في الربيع المقبل.\n"
TEXT_B = "أعلنت جمعية المزارعين في الوادي أن موسم الزيتون كان وفيرا هذا العام.\n"


@pytest.fixture
def team(pg_cluster, team_db, tmp_path):
    projects = make_team(
        pg_cluster,
        team_db,
        tmp_path,
        {"omar": "coordinator", "amal": "annotator", "sami": "coordinator"},
    )
    yield projects
    for project in projects.values():
        project.close()


def _import(project, folder, text: str) -> None:
    folder.mkdir()
    (folder / "n1.txt").write_text(text, encoding="utf-8")
    project.import_texts(txt.read_articles([folder / "n1.txt"]))


def _server(team_db, sql: str):
    with psycopg.connect(team_db) as conn:
        return conn.execute(sql).fetchall()


def test_a_pulled_document_with_another_text_under_the_same_id_is_kept_apart(
    team, team_db, tmp_path
):
    omar, amal = team["omar"], team["amal"]
    _import(omar, tmp_path / "omar", TEXT_A)
    spoken = omar.add_annotation("n1", "omar", "speaker", 4, 17)
    assert exchange.sync(omar).pending == 0
    _import(amal, tmp_path / "amal", TEXT_B)
    hers = amal.add_annotation("n1", "amal", "speaker", 0, 5)

    report = exchange.sync(amal)

    assert amal.text("n1") == TEXT_B
    assert amal.revision(spoken.id) is None  # omar's span is not put on her text
    assert amal.verify() == []
    assert "document n1" in str(report) and "texts differ" in str(report)
    assert list(link.differing_documents(amal)) == ["n1"]
    assert link.open_conflict_count(amal) == 1
    # Her span on text B is not sent onto the server's text A: it waits.
    assert _server(team_db, f"SELECT 1 FROM annotations WHERE id = '{hers.id}'") == []
    assert report.pending >= 1
    again = exchange.sync(amal)
    assert amal.revision(spoken.id) is None and amal.verify() == []
    assert again.differing == report.differing


def test_a_coordinators_document_clashing_with_the_servers_is_not_dropped_in_silence(
    team, team_db, tmp_path
):
    omar, sami = team["omar"], team["sami"]
    _import(omar, tmp_path / "omar", TEXT_A)
    exchange.sync(omar)
    _import(sami, tmp_path / "sami", TEXT_B)
    sami.add_annotation("n1", "sami", "speaker", 0, 5)

    report = exchange.sync(sami)

    assert _server(team_db, "SELECT text FROM documents WHERE id = 'n1'") == [(TEXT_A,)]
    assert sami.text("n1") == TEXT_B and sami.verify() == []
    assert "document n1" in str(report)
    assert _server(team_db, "SELECT count(*) FROM annotations WHERE annotator = 'sami'") == [(0,)]
    assert report.pending >= 2  # the document and the annotation wait


def test_the_same_text_under_another_id_is_not_shared_twice(team, team_db, tmp_path):
    omar, sami = team["omar"], team["sami"]
    _import(omar, tmp_path / "omar", TEXT_A)
    exchange.sync(omar)
    (tmp_path / "sami").mkdir()
    (tmp_path / "sami" / "n2.txt").write_text(TEXT_A, encoding="utf-8")
    sami.import_texts(txt.read_articles([tmp_path / "sami" / "n2.txt"]))

    report = exchange.sync(sami)

    assert "same text as the team server's document n1" in str(report)
    assert _server(team_db, "SELECT id FROM documents WHERE id LIKE 'n%'") == [("n1",)]


def test_an_annotators_own_document_waits_as_pending_until_a_coordinator_shares_it(
    team, team_db, tmp_path
):
    amal, sami = team["amal"], team["sami"]
    _import(amal, tmp_path / "amal", TEXT_B)
    hers = amal.add_annotation("n1", "amal", "speaker", 0, 5)

    report = exchange.sync(amal)

    assert report.not_owned == 0 and "changes to others' rows" not in str(report)
    assert report.unshared == 1 and "wait for a coordinator to share them" in str(report)
    assert report.pending >= 2  # the document and the work on it
    _import(sami, tmp_path / "sami", TEXT_B)
    exchange.sync(sami)
    done = exchange.sync(amal)
    assert done.pending == 0 and done.unshared == 0
    assert _server(team_db, f"SELECT annotator FROM annotations WHERE id = '{hers.id}'") == [
        ("amal",)
    ]
