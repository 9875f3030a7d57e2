"""Two copies of one project, edited apart and merged: the newer revision wins, deletions
travel and stay, and what both sides changed is kept as a conflict, never dropped."""

import json
import shutil
import sqlite3
from types import SimpleNamespace

import pytest

from annotator.core.arabic.text import text_sha256
from annotator.core.errors import ValidationError
from annotator.core.formats import txt
from annotator.core.review import conflicts
from annotator.core.review.merge import merge, parse_renames
from annotator.core.schema import default_schema_text
from annotator.core.store import migrations
from annotator.core.store.project import Project


@pytest.fixture
def copies(tmp_path, seed_article, seed_id):
    """Amal's project with a speaker and a claim linked to it, copied to her laptop."""
    ours_path = tmp_path / "office.annotator"
    with Project.create(ours_path) as project:
        project.import_texts(txt.read_articles([seed_article]))
        speaker = project.add_annotation(
            seed_id, "amal", "speaker", 0, 5, attributes={"role": "person"}, entity="Qaani"
        )
        claim = project.add_annotation(
            seed_id, "amal", "claim", 10, 40, link_id=speaker.id, stances=[("إيران", "favor")]
        )
    theirs_path = tmp_path / "laptop.annotator"
    shutil.copyfile(ours_path, theirs_path)
    ours, theirs = Project.open(ours_path), Project.open(theirs_path)
    yield SimpleNamespace(
        ours=ours, theirs=theirs, path=theirs_path, speaker=speaker.id, claim=claim.id, doc=seed_id
    )
    ours.close()
    theirs.close()


def counts(report):
    return (
        report.annotations_added,
        report.annotations_updated,
        report.annotations_deleted,
        report.annotations_conflicting,
        report.annotations_unchanged,
    )


def content(project, annotation_id):
    a = project.annotation(annotation_id)
    return (a.start, a.end, dict(a.attributes), a.link_id, a.stances)


def test_an_edit_made_on_the_laptop_replaces_the_older_office_version(copies):
    copies.theirs.update_annotation(copies.claim, attributes={"kind": "direct"})
    report = merge(copies.ours, copies.path)
    assert counts(report) == (0, 1, 0, 0, 1)
    assert copies.ours.annotation(copies.claim).attributes == {"kind": "direct"}
    assert copies.ours.revision(copies.claim) == copies.theirs.revision(copies.claim)
    assert copies.ours.verify() == []


def test_an_office_edit_newer_than_the_laptop_copy_is_kept(copies):
    copies.ours.update_annotation(copies.claim, attributes={"kind": "indirect"})
    report = merge(copies.ours, copies.path)
    assert counts(report) == (0, 0, 0, 0, 2)
    assert copies.ours.annotation(copies.claim).attributes == {"kind": "indirect"}


def test_the_same_edit_made_on_both_copies_is_no_conflict(copies):
    for project in (copies.ours, copies.theirs):
        project.update_annotation(copies.claim, stances=[("إيران", "against")])
    assert counts(merge(copies.ours, copies.path)) == (0, 0, 0, 0, 2)
    assert conflicts.open_conflicts(copies.ours) == []


def test_an_annotation_edited_differently_on_both_sides_is_kept_as_a_conflict(copies):
    copies.ours.update_annotation(copies.claim, stances=[("إيران", "against")])
    copies.theirs.update_annotation(copies.claim, stances=[("إيران", "neutral")])
    report = merge(copies.ours, copies.path)
    assert counts(report) == (0, 0, 0, 1, 1)
    assert copies.ours.annotation(copies.claim).stances[0].value == "against"
    (kept,) = report.conflicts
    assert kept.annotation_id == copies.claim and kept.source == str(copies.path)
    assert kept.theirs.stances[0].value == "neutral"
    assert conflicts.differences(copies.ours, kept) == ["stances"]
    assert "differs in stances" in conflicts.describe(copies.ours, kept)
    assert copies.ours.verify() == []


def test_merging_a_conflicting_file_again_stores_the_conflict_once(copies):
    copies.ours.update_annotation(copies.claim, attributes={"kind": "direct"})
    copies.theirs.update_annotation(copies.claim, attributes={"kind": "paraphrase"})
    merge(copies.ours, copies.path)
    again = merge(copies.ours, copies.path)
    assert counts(again) == (0, 0, 0, 1, 1)
    assert len(conflicts.open_conflicts(copies.ours)) == 1


def test_a_deletion_on_the_laptop_deletes_the_office_copy_and_is_recorded(copies):
    copies.theirs.delete_annotation(copies.claim)
    report = merge(copies.ours, copies.path)
    assert counts(report) == (0, 0, 1, 0, 1)
    assert copies.ours.revision(copies.claim) is None
    assert copies.ours.deletion(copies.claim) == copies.theirs.deletion(copies.claim)


def test_a_deleted_speaker_takes_its_claims_link_along_on_both_sides(copies):
    copies.theirs.delete_annotation(copies.speaker)
    merge(copies.ours, copies.path)
    assert copies.ours.revision(copies.speaker) is None
    assert copies.ours.annotation(copies.claim).link_id is None
    assert copies.ours.verify() == []
    assert merge(copies.ours, copies.path).annotations_conflicting == 0


def test_an_annotation_deleted_here_does_not_come_back_at_the_next_merges(copies):
    copies.ours.delete_annotation(copies.claim)
    for _ in range(2):
        report = merge(copies.ours, copies.path)
        assert copies.ours.revision(copies.claim) is None
        assert report.annotations_added == report.annotations_updated == 0
        assert report.annotations_conflicting == 0


def test_a_deletion_there_and_an_edit_here_is_a_conflict(copies):
    copies.theirs.delete_annotation(copies.claim)
    copies.ours.update_annotation(copies.claim, attributes={"kind": "direct"})
    report = merge(copies.ours, copies.path)
    (kept,) = report.conflicts
    assert kept.theirs is None
    assert copies.ours.annotation(copies.claim).attributes == {"kind": "direct"}
    assert conflicts.differences(copies.ours, kept) == ["deleted"]


def test_an_edit_there_of_an_annotation_deleted_here_is_a_conflict(copies):
    copies.ours.delete_annotation(copies.claim)
    copies.theirs.update_annotation(copies.claim, attributes={"kind": "direct"})
    report = merge(copies.ours, copies.path)
    (kept,) = report.conflicts
    assert kept.theirs.attributes == {"kind": "direct"}
    assert copies.ours.revision(copies.claim) is None


def test_a_claim_linked_there_to_a_speaker_deleted_here_is_a_conflict_not_a_refusal(copies):
    copies.ours.delete_annotation(copies.speaker)
    copies.theirs.add_annotation(copies.doc, "amal", "claim", 50, 60, link_id=copies.speaker)
    report = merge(copies.ours, copies.path)
    assert report.annotations_conflicting >= 1
    assert copies.ours.revision(copies.speaker) is None
    assert copies.ours.verify() == []


def test_new_annotations_on_both_sides_are_all_kept(copies):
    mine = copies.ours.add_annotation(copies.doc, "amal", "speaker", 115, 135)
    yours = copies.theirs.add_annotation(copies.doc, "amal", "speaker", 184, 229)
    report = merge(copies.ours, copies.path)
    assert report.annotations_added == 1
    assert {mine.id, yours.id} <= {a.id for a in copies.ours.annotations(copies.doc)}


def test_taking_their_version_ends_the_conflict_for_the_next_merges(copies):
    copies.ours.update_annotation(copies.claim, attributes={"kind": "direct"})
    copies.theirs.update_annotation(copies.claim, attributes={"kind": "paraphrase"})
    (kept,) = merge(copies.ours, copies.path).conflicts
    conflicts.resolve(copies.ours, kept.id, "theirs")
    assert copies.ours.annotation(copies.claim).attributes == {"kind": "paraphrase"}
    assert conflicts.open_conflicts(copies.ours) == []
    assert counts(merge(copies.ours, copies.path)) == (0, 0, 0, 0, 2)
    # ...and the laptop, merging the office file, takes the resolution as newer.
    assert counts(merge(copies.theirs, copies.ours.path)) == (0, 1, 0, 0, 1)
    assert copies.theirs.annotation(copies.claim).attributes == {"kind": "paraphrase"}


def test_keeping_our_version_ends_the_conflict_for_the_next_merges(copies):
    copies.ours.update_annotation(copies.claim, attributes={"kind": "direct"})
    copies.theirs.delete_annotation(copies.claim)
    (kept,) = merge(copies.ours, copies.path).conflicts
    conflicts.resolve(copies.ours, kept.id, "ours")
    assert copies.ours.annotation(copies.claim).attributes == {"kind": "direct"}
    assert merge(copies.ours, copies.path).annotations_conflicting == 0
    merge(copies.theirs, copies.ours.path)
    assert copies.theirs.annotation(copies.claim).attributes == {"kind": "direct"}


def test_a_resolution_can_be_undone_and_the_conflict_is_open_again(copies):
    copies.ours.update_annotation(copies.claim, attributes={"kind": "direct"})
    copies.theirs.update_annotation(copies.claim, attributes={"kind": "paraphrase"})
    (kept,) = merge(copies.ours, copies.path).conflicts
    resolution = conflicts.resolve(copies.ours, kept.id, "theirs")
    conflicts.reopen(copies.ours, resolution)
    assert copies.ours.annotation(copies.claim).attributes == {"kind": "direct"}
    assert [c.id for c in conflicts.open_conflicts(copies.ours)] == [kept.id]


def test_their_version_that_no_longer_fits_is_refused_when_chosen(copies):
    copies.ours.delete_annotation(copies.speaker)
    copies.theirs.add_annotation(copies.doc, "amal", "claim", 50, 60, link_id=copies.speaker)
    (kept,) = [c for c in merge(copies.ours, copies.path).conflicts if c.theirs.start == 50]
    with pytest.raises(ValidationError, match="cannot take theirs"):
        conflicts.resolve(copies.ours, kept.id, "theirs")
    assert conflicts.open_conflicts(copies.ours) != []


def test_annotations_from_before_revisions_edited_apart_are_a_conflict(copies):
    """Files older than format 4 name every revision "1-0", edited or not."""
    copies.ours.update_annotation(copies.claim, attributes={"kind": "direct"})
    copies.theirs.update_annotation(copies.claim, attributes={"kind": "paraphrase"})
    for project in (copies.ours, copies.theirs):
        with project.atomic():
            project.conn.execute("UPDATE annotations SET revision = 1, rev = '1-0', history = '[]'")
    report = merge(copies.ours, copies.path)
    assert report.annotations_conflicting == 1 and report.annotations_unchanged == 1


def test_a_renamed_annotators_claims_link_to_their_own_speakers(copies):
    copies.theirs.update_annotation(copies.claim, attributes={"kind": "direct"})
    copies.theirs.add_annotation(
        copies.doc, "gold", "claim", 10, 40, origin="adjudicated", sources=[copies.claim]
    )
    rename = parse_renames(["amal=amal (laptop)"])
    report = merge(copies.ours, copies.path, rename=rename)
    assert report.annotations_added == 3 and report.annotators == ("amal (laptop)", "gold")
    speaker, claim = copies.ours.annotations(copies.doc, annotator="amal (laptop)")
    assert claim.link_id == speaker.id and speaker.id != copies.speaker
    (gold,) = copies.ours.annotations(copies.doc, annotator="gold")
    assert gold.sources == (claim.id,)
    assert copies.ours.verify() == []
    assert counts(merge(copies.ours, copies.path, rename=rename)) == (0, 0, 0, 0, 3)


def their_file_edited_by_hand(copies, sql):
    copies.theirs.close()
    conn = sqlite3.connect(copies.path)
    conn.executescript(sql)
    conn.close()


@pytest.mark.parametrize(
    ("sql", "reason"),
    [
        (
            "UPDATE annotations SET attributes = '{\"tone\": \"sharp\"}' WHERE layer = 'claim'",
            "tone",
        ),
        ("UPDATE stances SET value = 'sarcastic'", "sarcastic"),
        ("UPDATE annotations SET layer = 'quote' WHERE layer = 'claim'", "quote"),
        (
            "UPDATE annotations SET text = 'ABCDEFGHIJKLMNOPQRST' WHERE start = 115",
            "does not match",
        ),
        ("UPDATE annotations SET id = 'claim-1' WHERE layer = 'claim'", "not a UUID"),
        ("UPDATE annotations SET modified_at = 'yesterday'", "ISO 8601"),
        ("UPDATE annotations SET created_at = '2025-05-20T12:11:02+03:00'", "in UTC"),
        # One row's time among others sharing a valid one (each distinct time is parsed once).
        ("UPDATE annotations SET created_at = '2025-05-20 noon' WHERE start = 115", "ISO 8601"),
        ("UPDATE annotations SET id = upper(id) || 'x' WHERE start = 115", "not a UUID"),
        (
            "INSERT INTO entities (id, name, aliases, created_at) "
            "VALUES ('bob-entity', 'Bob', '[]', '2026-01-01T00:00:00+00:00')",
            "entity id 'bob-entity' is not a UUID",
        ),
        (
            "INSERT INTO entities (id, name, aliases, created_at) VALUES "
            "('0a363ff6-04bb-4bed-842d-b4d0ca217499', 'Bob', '{\"x\": 1}', "
            "'2026-01-01T00:00:00+00:00')",
            "aliases are not a list",
        ),
        ("UPDATE documents SET text = text || 'x'", "does not match its SHA-256"),
        (
            "INSERT INTO annotators (name, created_at) VALUES ('badr', '2026-01-01T00:00:00');"
            "UPDATE annotations SET annotator_id = (SELECT id FROM annotators WHERE name = 'badr')"
            " WHERE start = 115;"
            "UPDATE annotations SET link_id = (SELECT id FROM annotations WHERE start = 115)"
            " WHERE layer = 'claim'",
            "same annotator",
        ),
    ],
)
def test_values_that_do_not_fit_our_schema_refuse_the_whole_merge(copies, sql, reason):
    # A newer claim and a new speaker there, then changed by hand.
    copies.theirs.update_annotation(copies.claim, attributes={"kind": "direct"})
    copies.theirs.add_annotation(copies.doc, "amal", "speaker", 115, 135)
    before = copies.ours.conn.execute("SELECT id, rev FROM annotations ORDER BY id").fetchall()
    their_file_edited_by_hand(copies, sql)
    with pytest.raises(ValidationError, match=reason) as refused:
        merge(copies.ours, copies.path)
    assert str(copies.path) in str(refused.value)
    assert "nothing was merged" in str(refused.value)
    after = copies.ours.conn.execute("SELECT id, rev FROM annotations ORDER BY id").fetchall()
    assert after == before


def tag_324_329_on_both(copies, ours_role="person", theirs_role="person"):
    """The tester's case: amal tags the speaker span 324-329 on each copy (two ids), and on
    their copy a claim linked to it. Returns (our speaker, their speaker, their claim)."""
    ours = copies.ours.add_annotation(
        copies.doc, "amal", "speaker", 324, 329, attributes={"role": ours_role}
    )
    theirs = copies.theirs.add_annotation(
        copies.doc, "amal", "speaker", 324, 329, attributes={"role": theirs_role}
    )
    claim = copies.theirs.add_annotation(copies.doc, "amal", "claim", 330, 360, link_id=theirs.id)
    return ours.id, theirs.id, claim.id


def speakers_at(project, doc, start):
    return [a.id for a in project.annotations(doc) if a.layer == "speaker" and a.start == start]


def test_one_speaker_tagged_on_both_copies_is_one_annotation_both_ways(copies):
    ours, theirs, claim = tag_324_329_on_both(copies)
    report = merge(copies.ours, copies.path)
    assert counts(report) == (1, 0, 0, 0, 3) and report.annotations_same_work == 1
    assert speakers_at(copies.ours, copies.doc, 324) == [ours]
    assert copies.ours.annotation(claim).link_id == ours  # their claim, linked to our speaker
    again = merge(copies.ours, copies.path)
    assert counts(again) == (0, 0, 0, 0, 4) and again.annotations_same_work == 1
    # And the other way: the laptop takes the office file, where the claim names our speaker.
    back = merge(copies.theirs, copies.ours.path)
    assert counts(back) == (0, 0, 0, 0, 4) and back.annotations_same_work == 1
    assert speakers_at(copies.theirs, copies.doc, 324) == [theirs]
    assert copies.theirs.annotation(claim).link_id == theirs
    assert conflicts.open_conflicts(copies.ours) == conflicts.open_conflicts(copies.theirs) == []
    assert copies.ours.verify() == [] and copies.theirs.verify() == []


def test_the_laptop_taking_the_office_file_first_pairs_the_speakers_too(copies):
    ours, theirs, claim = tag_324_329_on_both(copies)
    report = merge(copies.theirs, copies.ours.path)
    assert counts(report) == (0, 0, 0, 0, 3) and report.annotations_same_work == 1
    assert speakers_at(copies.theirs, copies.doc, 324) == [theirs]
    assert copies.theirs.annotation(claim).link_id == theirs
    assert copies.theirs.verify() == []


@pytest.mark.parametrize("choice", ["theirs", "ours"])
def test_the_same_span_with_another_role_is_a_conflict_on_our_speaker(copies, choice):
    ours, theirs, claim = tag_324_329_on_both(copies, "person", "government")
    report = merge(copies.ours, copies.path)
    # The rest of their file is merged: their claim, linked to our speaker.
    assert counts(report) == (1, 0, 0, 1, 2) and report.annotations_same_work == 0
    assert copies.ours.annotation(claim).link_id == ours
    assert speakers_at(copies.ours, copies.doc, 324) == [ours]
    (kept,) = report.conflicts
    assert (kept.annotation_id, kept.theirs_id) == (ours, theirs)
    assert kept.theirs.attributes == {"role": "government"}
    assert conflicts.differences(copies.ours, kept) == ["attributes"]
    line = conflicts.describe(copies.ours, kept)
    assert f"annotation {ours}" in line and f"their annotation {theirs}" in line
    conflicts.resolve(copies.ours, kept.id, choice)
    wanted = {"theirs": "government", "ours": "person"}[choice]
    assert copies.ours.annotation(ours).attributes == {"role": wanted}
    assert copies.ours.revision(ours) == 2
    assert counts(merge(copies.ours, copies.path)) == (0, 0, 0, 0, 4)
    assert conflicts.open_conflicts(copies.ours) == []
    # The laptop takes the office's choice: its speaker now descends from both.
    back = merge(copies.theirs, copies.ours.path)
    assert back.annotations_conflicting == 0 and back.annotations_added == 0
    assert copies.theirs.annotation(theirs).attributes == {"role": wanted}
    assert counts(merge(copies.ours, copies.path)) == (0, 0, 0, 0, 4)
    assert counts(merge(copies.theirs, copies.ours.path)) == (0, 0, 0, 0, 4)
    assert conflicts.open_conflicts(copies.ours) == conflicts.open_conflicts(copies.theirs) == []
    assert copies.ours.verify() == [] and copies.theirs.verify() == []


def test_a_claim_of_one_span_linked_to_another_speaker_is_a_joint_statement(copies):
    """Our claim 10-40 links to the speaker at 0-5; theirs, of the same span, to a new one."""
    speaker = copies.theirs.add_annotation(copies.doc, "amal", "speaker", 115, 135)
    joint = copies.theirs.add_annotation(copies.doc, "amal", "claim", 10, 40, link_id=speaker.id)
    report = merge(copies.ours, copies.path)
    assert counts(report) == (2, 0, 0, 0, 2) and report.annotations_same_work == 0
    links = {a.link_id for a in copies.ours.annotations(copies.doc) if a.start == 10}
    assert links == {copies.speaker, speaker.id}
    assert copies.ours.annotation(joint.id).link_id == speaker.id
    assert copies.ours.verify() == []


def test_a_span_tagged_again_where_ours_was_moved_away_is_refused_without_rename_advice(copies):
    """Their speaker moved away from 0-5 and a new one tagged there, while ours (edited here,
    so in conflict) stays at 0-5: their file holds our speaker's id, so it is not paired."""
    copies.ours.update_annotation(copies.speaker, attributes={"role": "government"})
    copies.theirs.update_annotation(copies.speaker, start=115, end=135)
    copies.theirs.add_annotation(copies.doc, "amal", "speaker", 0, 5)
    with pytest.raises(ValidationError, match="already tagged") as refused:
        merge(copies.ours, copies.path)
    assert "--rename" not in str(refused.value)


def test_a_conflict_keeps_all_their_fields(copies):
    copies.ours.update_annotation(copies.speaker, attributes={"role": "government"})
    copies.theirs.update_annotation(copies.speaker, entity="Esmail Qaani")
    merge(copies.ours, copies.path)
    (stored,) = copies.ours.conn.execute("SELECT theirs FROM conflicts").fetchall()
    theirs = json.loads(stored[0])
    assert theirs["entity"]["name"] == "Esmail Qaani"
    assert theirs["attributes"] == {"role": "person"} and theirs["history"]


def test_a_colleague_file_of_an_older_format_merges_and_its_edits_stay_older(
    copies, tmp_path, seed_text
):
    """A format-3 file (before revisions): read from a migrated copy, its rows are "1-0"."""
    path = tmp_path / "old.annotator"
    conn = sqlite3.connect(path, isolation_level=None)
    migrations.migrate(conn, to_version=3)
    conn.execute(
        "INSERT INTO meta (key, value) VALUES ('label_schema', ?), ('created_at', '2025-05-01')",
        (default_schema_text(),),
    )
    conn.execute(
        "INSERT INTO documents (id, title, text, sha256, source, imported_at) "
        "VALUES ('old-id', 'خبر', ?, ?, 'a.txt', '2025-05-01T00:00:00+00:00')",
        (seed_text, text_sha256(seed_text)),
    )
    conn.execute("INSERT INTO annotators (id, name, created_at) VALUES (1, 'omar', '2025-05-01')")
    speaker_id = "6a1f3c52-8d3e-4b7a-9c1e-2f4d5e6a7b8c"
    conn.execute(
        'INSERT INTO annotations (id, document_id, annotator_id, layer, start, "end", text, '
        "attributes, origin, created_at, modified_at) VALUES (?, 'old-id', 1, 'speaker', "
        "0, 5, ?, '{\"role\": \"person\"}', 'manual', '2025-05-01T00:00:00+00:00', "
        "'2025-05-01T00:00:00+00:00')",
        (speaker_id, seed_text[:5]),
    )
    conn.close()
    before = path.read_bytes()
    report = merge(copies.ours, path)
    assert path.read_bytes() == before
    assert report.annotations_added == 1 and report.documents_added == 0
    assert copies.ours.annotation(speaker_id).document_id == copies.doc
    copies.ours.update_annotation(speaker_id, attributes={"role": "government"})
    assert counts(merge(copies.ours, path)) == (0, 0, 0, 0, 1)
    assert copies.ours.annotation(speaker_id).attributes == {"role": "government"}


def test_a_conflict_settled_on_the_other_copy_closes_here_at_the_next_merge(copies):
    copies.ours.update_annotation(copies.claim, attributes={"kind": "direct"})
    copies.theirs.update_annotation(copies.claim, attributes={"kind": "paraphrase"})
    merge(copies.ours, copies.path)
    merge(copies.theirs, copies.ours.path)  # both copies now hold the conflict
    (office,) = conflicts.open_conflicts(copies.ours)
    conflicts.resolve(copies.ours, office.id, "theirs")
    merge(copies.theirs, copies.ours.path)
    assert conflicts.open_conflicts(copies.theirs) == []
    assert copies.theirs.annotation(copies.claim).attributes == {"kind": "paraphrase"}
    assert copies.theirs.revision(copies.claim) == copies.ours.revision(copies.claim)


def test_a_newer_version_there_replaces_the_open_conflict_it_descends_from(copies):
    copies.ours.update_annotation(copies.claim, attributes={"kind": "direct"})
    copies.theirs.update_annotation(copies.claim, attributes={"kind": "paraphrase"})
    merge(copies.ours, copies.path)
    copies.theirs.update_annotation(copies.claim, attributes={"kind": "indirect"})
    merge(copies.ours, copies.path)
    (kept,) = conflicts.open_conflicts(copies.ours)
    assert kept.theirs.attributes == {"kind": "indirect"}


def test_a_damaged_conflict_row_is_not_offered_and_crashes_nothing(copies):
    copies.ours.update_annotation(copies.claim, attributes={"kind": "direct"})
    copies.theirs.update_annotation(copies.claim, attributes={"kind": "paraphrase"})
    (kept,) = merge(copies.ours, copies.path).conflicts
    with copies.ours.atomic():
        copies.ours.conn.execute("UPDATE conflicts SET theirs = '[1, 2'")
    assert conflicts.open_conflicts(copies.ours) == []
    with pytest.raises(ValidationError, match="unreadable"):
        conflicts.resolve(copies.ours, kept.id, "theirs")


def test_a_paired_speaker_deleted_here_does_not_come_back_from_their_copy(copies):
    ours, theirs, claim = tag_324_329_on_both(copies)
    merge(copies.ours, copies.path)
    copies.ours.delete_annotation(ours)  # the office decides the speaker was wrong
    report = merge(copies.ours, copies.path)
    assert report.annotations_added == 0 and report.annotations_same_work == 1
    assert speakers_at(copies.ours, copies.doc, 324) == []
    assert copies.ours.annotation(claim).link_id is None
    # Their copy edited since (another role): a conflict with our deletion, as for one id.
    copies.theirs.update_annotation(theirs, attributes={"role": "government"})
    (kept,) = merge(copies.ours, copies.path).conflicts
    assert (kept.annotation_id, kept.theirs_id) == (ours, theirs)
    assert "ours deleted" in conflicts.describe(copies.ours, kept)
    assert speakers_at(copies.ours, copies.doc, 324) == []
    assert copies.ours.verify() == []


def test_the_same_speaker_reached_through_other_edits_learns_their_revision(copies):
    """Equal content, other revision names: ours learns theirs, so their next edit is newer."""
    ours = copies.ours.add_annotation(
        copies.doc, "amal", "speaker", 324, 329, attributes={"role": "person"}
    )
    theirs = copies.theirs.add_annotation(
        copies.doc, "amal", "speaker", 324, 329, attributes={"role": "other"}
    )
    copies.theirs.update_annotation(theirs.id, attributes={"role": "person"})
    assert merge(copies.ours, copies.path).annotations_same_work == 1
    copies.theirs.update_annotation(theirs.id, attributes={"role": "government"})
    report = merge(copies.ours, copies.path)
    assert (report.annotations_updated, report.annotations_conflicting) == (1, 0)
    assert copies.ours.annotation(ours.id).attributes == {"role": "government"}
    assert speakers_at(copies.ours, copies.doc, 324) == [ours.id]
    assert counts(merge(copies.ours, copies.path))[:4] == (0, 0, 0, 0)
    assert copies.ours.verify() == []


def test_spans_tagged_on_both_copies_before_revisions_are_compared_by_content(copies):
    """Rows from before format 4 are all named "1-0": the name says nothing, content does."""
    ours, theirs, _ = tag_324_329_on_both(copies, "person", "government")
    for project in (copies.ours, copies.theirs):
        with project.atomic():
            project.conn.execute("UPDATE annotations SET revision = 1, rev = '1-0', history = '[]'")
    report = merge(copies.ours, copies.path)
    assert report.annotations_conflicting == 1 and report.annotations_same_work == 0
    (kept,) = report.conflicts
    assert (kept.annotation_id, kept.theirs_id) == (ours, theirs)
    assert speakers_at(copies.ours, copies.doc, 324) == [ours]


def test_renaming_an_annotator_their_file_does_not_have_is_refused(copies):
    copies.theirs.close()
    with pytest.raises(ValidationError, match="has no annotator 'amall' to rename"):
        merge(copies.ours, copies.path, rename={"amall": "amal (laptop)"})
