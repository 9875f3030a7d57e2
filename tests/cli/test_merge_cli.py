"""`annotator merge` and `annotator check` on two copies of one project edited apart: the
counts printed are what happened, conflicts are listed, a refusal is only a refusal."""

import shutil
import sqlite3

import pytest

from annotator.core.formats import txt
from annotator.core.store.project import Project


@pytest.fixture
def copies(tmp_path, seed_article, seed_id):
    """office.annotator and laptop.annotator: one claim, then edited differently on each."""
    office, laptop = tmp_path / "office.annotator", tmp_path / "laptop.annotator"
    with Project.create(office) as project:
        project.import_texts(txt.read_articles([seed_article]))
        claim = project.add_annotation(seed_id, "amal", "claim", 10, 40)
        speaker = project.add_annotation(seed_id, "amal", "speaker", 0, 5)
    shutil.copyfile(office, laptop)
    with Project.open(office) as project:
        project.update_annotation(claim.id, attributes={"kind": "direct"})
    with Project.open(laptop) as project:
        project.update_annotation(claim.id, attributes={"kind": "paraphrase"})
        project.delete_annotation(speaker.id)
        project.add_annotation(seed_id, "amal", "speaker", 115, 135)
    return office, laptop, claim.id


def test_merge_prints_each_count_and_lists_the_conflict(run, copies):
    office, laptop, claim = copies
    result = run("merge", "--project", office, laptop)
    assert result.returncode == 0, result.stderr
    assert (
        "1 annotation(s) added, 0 updated, 1 deleted, 1 in conflict, 0 unchanged" in result.stdout
    )
    assert f"conflict: annotation {claim}" in result.stdout
    assert "differs in attributes" in result.stdout


def test_check_lists_open_conflicts_as_notes_and_does_not_fail(run, copies):
    office, laptop, claim = copies
    run("merge", "--project", office, laptop)
    result = run("check", "--project", office)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"note: open merge conflict: annotation {claim}" in result.stdout
    assert result.stdout.rstrip().splitlines()[-1].startswith("ok:")


def test_a_refused_merge_prints_only_the_refusal(run, copies):
    office, laptop, _ = copies
    conn = sqlite3.connect(laptop)
    conn.execute("UPDATE stances SET value = 'sarcastic'")
    conn.execute('UPDATE annotations SET attributes = \'{"kind": "rumour"}\' WHERE start = 10')
    conn.commit()
    conn.close()
    result = run("merge", "--project", office, laptop)
    assert result.returncode == 1
    assert result.stdout == ""
    assert "rumour" in result.stderr and str(laptop) in result.stderr
    assert "nothing was merged" in result.stderr


@pytest.mark.parametrize("their_role", ["person", "government"])
def test_a_speaker_tagged_on_both_copies_merges_as_one(
    run, tmp_path, seed_article, seed_id, their_role
):
    """The tester's case: dA and dB, amal's speaker 324-329 tagged on each (two ids), a claim
    linked to it on dB. The whole file merges; another role is one conflict, with the rename
    advice only then."""
    da, db = tmp_path / "dA.annotator", tmp_path / "dB.annotator"
    with Project.create(da) as project:
        project.import_texts(txt.read_articles([seed_article]))
    shutil.copyfile(da, db)
    with Project.open(da) as project:
        ours = project.add_annotation(
            seed_id, "amal", "speaker", 324, 329, attributes={"role": "person"}
        )
    with Project.open(db) as project:
        theirs = project.add_annotation(
            seed_id, "amal", "speaker", 324, 329, attributes={"role": their_role}
        )
        project.add_annotation(seed_id, "amal", "claim", 330, 360, link_id=theirs.id)
    result = run("merge", "--project", da, db)
    assert result.returncode == 0, result.stderr
    if their_role == "person":
        assert (
            "1 annotation(s) added, 0 updated, 0 deleted, 0 in conflict, 1 unchanged "
            "(1 the same work under another id)" in result.stdout
        )
        assert "--rename" not in result.stdout
    else:
        assert (
            "1 annotation(s) added, 0 updated, 0 deleted, 1 in conflict, 0 unchanged;"
            in result.stdout
        )
        assert f"conflict: annotation {ours.id}" in result.stdout
        assert f"their annotation {theirs.id}" in result.stdout
        assert "merge with --rename" in result.stdout


def test_a_copy_whose_only_change_is_an_unknown_layer_is_refused(run, copies):
    office, laptop, _ = copies
    shutil.copyfile(office, laptop)  # the same annotations, revisions and all
    conn = sqlite3.connect(laptop)
    conn.execute("UPDATE annotations SET layer = 'bogus' WHERE layer = 'speaker'")
    conn.commit()
    conn.close()
    stored = stored_rows(office)
    result = run("merge", "--project", office, laptop)
    assert result.returncode == 1, result.stdout
    assert result.stdout == ""
    assert "unknown layer 'bogus'" in result.stderr and str(laptop) in result.stderr
    assert "nothing was merged" in result.stderr
    assert stored_rows(office) == stored


def stored_rows(path):
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT * FROM annotations ORDER BY id").fetchall()
