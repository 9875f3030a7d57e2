"""Sync through a real PostgreSQL server: a researcher's session of tagging, going offline,
deleting, and seeing the colleague's work arrive."""

from __future__ import annotations

import psycopg
import pytest

from annotator.core.review import conflicts
from annotator.core.store.project import TextSource
from annotator.core.sync import entities, exchange, link, progress, server
from annotator.core.sync.server import ServerError
from tests.core.team import SEED, make_team, member_url, share_sample, state


@pytest.fixture
def team(pg_cluster, team_db, tmp_path):
    projects = make_team(
        pg_cluster,
        team_db,
        tmp_path,
        {"amal": "annotator", "bilal": "annotator", "huda": "curator"},
    )
    yield projects
    for project in projects.values():
        project.close()


def test_joining_brings_the_shared_sample_and_its_gold(team):
    amal = team["amal"]
    assert [d.id for d in amal.documents()] == [SEED]
    assert amal.annotation_count(SEED, "gold") > 0
    assert link.pending_count(amal) == 0
    assert state(amal) == state(team["bilal"])


def test_a_tag_made_by_one_reaches_the_other_after_both_sync(team):
    amal, bilal = team["amal"], team["bilal"]
    speaker = amal.add_annotation(SEED, "amal", "speaker", 0, 4, entity="سمير الحداد")
    assert link.pending_count(amal) >= 2  # the annotation, its entity, the status
    report = exchange.sync(amal)
    assert report.pushed >= 2 and report.pending == 0
    exchange.sync(bilal)
    assert bilal.annotation(speaker.id).entity.name == "سمير الحداد"
    assert bilal.status(SEED, "amal") == "in_progress"
    assert state(amal) == state(bilal)


def test_a_deletion_travels_as_a_tombstone(team):
    amal, bilal = team["amal"], team["bilal"]
    speaker = amal.add_annotation(SEED, "amal", "speaker", 0, 4)
    exchange.sync(amal)
    exchange.sync(bilal)
    amal.delete_annotation(speaker.id)
    exchange.sync(amal)
    exchange.sync(bilal)
    assert bilal.revision(speaker.id) is None
    assert bilal.deletion(speaker.id)["rev"] == amal.deletion(speaker.id)["rev"]
    assert state(amal) == state(bilal)


def test_syncing_again_changes_nothing(team):
    amal, bilal = team["amal"], team["bilal"]
    amal.add_annotation(SEED, "amal", "speaker", 0, 4)
    exchange.sync(amal)
    exchange.sync(bilal)
    before = state(bilal)
    again = exchange.sync(bilal)
    assert (again.pushed, again.pulled, again.conflicts) == (0, 0, 0)
    assert state(bilal) == before


def test_offline_work_waits_and_goes_when_the_server_answers(team, tmp_path):
    amal, bilal = team["amal"], team["bilal"]
    with amal.atomic():
        link.set_state(amal, url=f"host={tmp_path}/nowhere dbname=x user=amal")
    speaker = amal.add_annotation(SEED, "amal", "speaker", 0, 4)
    with pytest.raises(ServerError, match="cannot reach"):
        exchange.sync(amal)
    assert link.pending_count(amal) >= 1
    with amal.atomic():
        link.set_state(amal, url=link.read(bilal).url.replace("bilal", "amal"))
    exchange.sync(amal)
    exchange.sync(bilal)
    assert bilal.revision(speaker.id) == 1


def test_the_link_keeps_no_password(pg_cluster, team_db, tmp_path):
    make_team(pg_cluster, team_db, tmp_path, {}).clear()
    server.add_member(team_db, "amal", "annotator", password="s3cret")
    url = member_url(pg_cluster, team_db, "amal") + " password=s3cret"
    project, _ = exchange.join(url, "amal", tmp_path / "amal.annotator")
    with project:
        assert "s3cret" not in link.read(project).url
    assert b"s3cret" not in (tmp_path / "amal.annotator").read_bytes()


def test_a_change_to_a_colleagues_annotation_stays_local(team):
    amal, bilal = team["amal"], team["bilal"]
    speaker = amal.add_annotation(SEED, "amal", "speaker", 0, 4)
    exchange.sync(amal)
    exchange.sync(bilal)
    bilal.update_annotation(speaker.id, attributes={"role": "government"})
    report = exchange.sync(bilal)
    assert report.not_owned == 1 and report.pending == 0
    exchange.sync(amal)
    assert amal.annotation(speaker.id).attributes == speaker.attributes


def test_gold_edited_by_two_curators_is_kept_as_a_conflict(pg_cluster, team_db, tmp_path):
    team = make_team(pg_cluster, team_db, tmp_path, {"huda": "curator", "karim": "curator"})
    huda, karim = team["huda"], team["karim"]
    gold = huda.annotations(SEED, "gold")[0]
    huda.update_annotation(gold.id, start=gold.start + 1)
    karim.update_annotation(gold.id, end=gold.end - 1)
    exchange.sync(huda)
    report = exchange.sync(karim)
    assert report.conflicts == 1
    (found,) = conflicts.open_conflicts(karim)
    assert found.annotation_id == gold.id and found.theirs.start == gold.start + 1
    # Karim's version stays his until he chooses, and stays off the server meanwhile.
    assert karim.annotation(gold.id).end == gold.end - 1
    exchange.sync(huda)
    assert huda.annotation(gold.id).end == gold.end
    conflicts.resolve(karim, found.id, "theirs")
    exchange.sync(karim)
    exchange.sync(huda)
    assert state(huda)["annotations"] == state(karim)["annotations"]
    for project in team.values():
        project.close()


def test_an_entity_renamed_on_both_sides_is_kept_as_a_conflict(team):
    amal, bilal = team["amal"], team["bilal"]
    speaker = amal.add_annotation(SEED, "amal", "speaker", 0, 4, entity="سمير")
    exchange.sync(amal)
    exchange.sync(bilal)
    entity_id = speaker.entity.id
    amal.conn.execute("UPDATE entities SET name = 'سمير الحداد' WHERE id = ?", (entity_id,))
    bilal.conn.execute("UPDATE entities SET name = 'سمير حداد' WHERE id = ?", (entity_id,))
    exchange.sync(amal)
    report = exchange.sync(bilal)
    assert report.conflicts == 1
    assert link.open_conflict_count(bilal) == 1
    assert bilal.annotation(speaker.id).entity.name == "سمير حداد"
    # Bilal keeps his name: it goes to the server, and Amal's copy follows.
    ((entity_id_, ours, theirs),) = entities.open_entity_conflicts(bilal)
    assert (ours.name, theirs.name) == ("سمير حداد", "سمير الحداد")
    entities.resolve_entity_conflict(bilal, entity_id, "ours")
    exchange.sync(bilal)
    exchange.sync(amal)
    assert amal.annotation(speaker.id).entity.name == "سمير حداد"
    assert state(amal) == state(bilal)


def test_assigned_documents_come_first_in_the_annotators_list(pg_cluster, team_db, tmp_path):
    share_sample(team_db, tmp_path)
    with psycopg.connect(team_db) as conn:
        conn.execute(
            "INSERT INTO documents (id, title, text, sha256, imported_at) "
            "SELECT id, title, text, encode(sha256(convert_to(text, 'UTF8')), 'hex'), 'now' "
            "FROM (VALUES ('b', 'ب', 'نص ثان'), ('c', 'ج', 'نص ثالث')) AS d (id, title, text)"
        )
    server.add_member(team_db, "sami", "coordinator")
    server.add_member(team_db, "amal", "annotator")
    sami, _ = exchange.join(member_url(pg_cluster, team_db, "sami"), "sami", tmp_path / "s")
    amal, _ = exchange.join(member_url(pg_cluster, team_db, "amal"), "amal", tmp_path / "a")
    with sami, amal:
        assert [d.id for d in amal.documents("amal")] == [SEED, "b", "c"]
        assert progress.assign(sami, "amal", ["c"]) == 1
        exchange.sync(amal)
        assert [d.id for d in amal.documents("amal")] == ["c", SEED, "b"]
        assert progress.assign(sami, "amal", ["c"], remove=True) == 1
        exchange.sync(amal)
        assert [d.id for d in amal.documents("amal")] == [SEED, "b", "c"]


def test_work_on_a_document_the_server_lacks_waits_and_blocks_nothing(team):
    amal, bilal = team["amal"], team["bilal"]
    amal.import_texts([TextSource(text="نص محلي فقط", id="local-only")])
    amal.add_annotation("local-only", "amal", "speaker", 0, 2)
    shared = amal.add_annotation(SEED, "amal", "speaker", 0, 4)
    report = exchange.sync(amal)
    # The document is not theirs to add: it, its tag and status wait, the rest goes.
    assert report.pending == 3 and report.unshared == 1
    exchange.sync(bilal)
    assert bilal.revision(shared.id) == 1
    assert [d.id for d in bilal.documents()] == [SEED]


def test_a_row_this_file_refuses_is_left_out_of_a_join_and_the_rest_comes(
    pg_cluster, team_db, tmp_path
):
    share_sample(team_db, tmp_path)
    with psycopg.connect(team_db) as conn:
        # Written past the client by the owner, with the server's own check switched off (as
        # on a server of format 1): a span whose text does not fit its offsets.
        conn.execute("ALTER TABLE annotations DISABLE TRIGGER annotations_fit")
        conn.execute(
            'INSERT INTO annotations (id, document_id, annotator, layer, start, "end", text, '
            "attributes, origin, created_at, modified_at, sources, stances, revision, rev, "
            "history) VALUES ('bad', %s, 'gold', 'speaker', 0, 3, 'longer than three', '{}', "
            "'manual', 'now', 'now', '[]', '[]', 1, '1-x', '[]')",
            (SEED,),
        )
        conn.execute("ALTER TABLE annotations ENABLE TRIGGER annotations_fit")
        expected = conn.execute(
            "SELECT count(*) FROM annotations WHERE NOT deleted AND id != 'bad'"
        ).fetchone()[0]
    server.add_member(team_db, "amal", "annotator")
    amal, _ = exchange.join(member_url(pg_cluster, team_db, "amal"), "amal", tmp_path / "a")
    with amal:
        assert amal.annotation_count() == expected > 0
        assert amal.revision("bad") is None
