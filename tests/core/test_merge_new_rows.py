"""A colleague's new annotations, copied in bulk at a merge: stored exactly as one by one, and
a damaged one among them refuses the whole file, named, as it always did."""

import re
import shutil
import sqlite3
import tempfile
import uuid
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core.errors import AnnotatorError, Cancelled
from annotator.core.formats import txt
from annotator.core.review.merge import merge
from annotator.core.store.project import Project
from tests.core.hostile_files import damaged_index


@pytest.fixture
def laptop(tmp_path, seed_article, seed_id):
    """Amal's office project (her speaker), copied to Omar's laptop, where he tagged a speaker
    and a claim of his own (two stances, edited twice)."""
    office_path = tmp_path / "office.annotator"
    with Project.create(office_path) as office:
        office.import_texts(txt.read_articles([seed_article]))
        amal = office.add_annotation(seed_id, "amal", "speaker", 0, 5, entity="Qaani")
    laptop_path = tmp_path / "laptop.annotator"
    shutil.copyfile(office_path, laptop_path)
    with Project.open(laptop_path) as laptop:
        speaker = laptop.add_annotation(
            seed_id, "omar", "speaker", 0, 5, attributes={"role": "person"}, entity="Qaani"
        )
        claim = laptop.add_annotation(
            seed_id,
            "omar",
            "claim",
            10,
            40,
            link_id=speaker.id,
            stances=[("إيران", "favor"), ("الهدنة", "against")],
        )
        laptop.update_annotation(claim.id, attributes={"kind": "direct"})
        laptop.update_annotation(claim.id, attributes={"kind": "indirect"})
    office = Project.open(office_path)
    yield SimpleNamespace(
        office=office, path=laptop_path, speaker=speaker.id, claim=claim.id, amal=amal.id
    )
    office.close()


def damage(path, *statements):
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA ignore_check_constraints = ON")
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()


def stored(project):
    return project.conn.execute("SELECT * FROM annotations ORDER BY id").fetchall()


def test_new_annotations_are_stored_with_their_revisions_stances_and_link(laptop):
    report = merge(laptop.office, laptop.path)
    assert report.annotations_added == 2
    query = (
        'SELECT id, layer, start, "end", text, attributes, link_id, origin, created_at, '
        "modified_at, sources, revision, rev, history FROM annotations WHERE id IN (?, ?) "
        "ORDER BY id"
    )
    with Project.open(laptop.path) as theirs:
        expected = theirs.conn.execute(query, (laptop.speaker, laptop.claim)).fetchall()
        their_claim = theirs.annotation(laptop.claim)
    assert laptop.office.conn.execute(query, (laptop.speaker, laptop.claim)).fetchall() == expected
    claim = laptop.office.annotation(laptop.claim)
    assert claim.stances == their_claim.stances and claim.link_id == laptop.speaker
    assert laptop.office.annotation(laptop.speaker).entity.name == "Qaani"
    assert laptop.office.revision(laptop.claim) == 3
    assert laptop.office.verify() == []


def test_stances_are_numbered_from_zero_in_their_order(laptop):
    damage(laptop.path, "UPDATE stances SET position = position * 7 + 3")
    merge(laptop.office, laptop.path)
    rows = laptop.office.conn.execute(
        "SELECT position, target FROM stances WHERE annotation_id = ? ORDER BY position",
        (laptop.claim,),
    ).fetchall()
    assert rows == [(0, "إيران"), (1, "الهدنة")]


def test_a_new_claim_linked_to_our_own_speaker_is_copied_with_its_link(laptop, seed_id):
    with Project.open(laptop.path) as theirs:
        claim = theirs.add_annotation(seed_id, "amal", "claim", 50, 60, link_id=laptop.amal)
    report = merge(laptop.office, laptop.path)
    assert (report.annotations_added, report.annotations_unchanged) == (3, 1)
    assert laptop.office.annotation(claim.id).link_id == laptop.amal


@pytest.mark.parametrize(
    "change, reason",
    [
        ("UPDATE annotations SET text = 'نص آخر' WHERE id = :claim", "does not match"),
        ('UPDATE annotations SET "end" = 99999 WHERE id = :claim', "not inside the document"),
        ("UPDATE annotations SET layer = 'rumour' WHERE id = :claim", "rumour"),
        ('UPDATE annotations SET attributes = \'{"kind": "gossip"}\' WHERE id = :claim', "gossip"),
        ("UPDATE annotations SET attributes = '[1, 2]' WHERE id = :claim", "JSON object"),
        ("UPDATE stances SET value = 'maybe' WHERE annotation_id = :claim", "maybe"),
        ("UPDATE stances SET target = '  ' WHERE position = 0", "target"),
        ("UPDATE annotations SET origin = 'scraped' WHERE id = :claim", "scraped"),
        (
            "UPDATE annotations SET entity_id = (SELECT id FROM entities) WHERE id = :claim",
            "no speaker entity",
        ),
        ("UPDATE annotations SET link_id = :claim WHERE id = :speaker", "no link"),
        ("UPDATE annotations SET link_id = :amal WHERE id = :claim", "same annotator"),
        (
            "UPDATE annotations SET link_id = '1b0c2a3e-0f4d-4e5a-8b6c-7d8e9f0a1b2c' "
            "WHERE id = :claim",
            "does not exist",
        ),
    ],
)
def test_a_damaged_new_annotation_refuses_the_whole_file_naming_it(laptop, change, reason):
    ids = {"claim": laptop.claim, "speaker": laptop.speaker, "amal": laptop.amal}
    conn = sqlite3.connect(laptop.path)
    conn.execute("PRAGMA ignore_check_constraints = ON")
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute(change, {k: v for k, v in ids.items() if f":{k}" in change})
    conn.commit()
    conn.close()
    before = stored(laptop.office)
    with pytest.raises(AnnotatorError, match="nothing was merged") as refused:
        merge(laptop.office, laptop.path)
    assert reason in str(refused.value)
    assert any(i in str(refused.value) for i in (laptop.claim, laptop.speaker))
    assert stored(laptop.office) == before


def test_a_span_their_file_tags_twice_refuses_it(laptop):
    copy = "2f6e7a10-3c4b-4d5e-9f60-718293a4b5c6"
    damage(
        laptop.path,
        "INSERT INTO annotations SELECT '" + copy + "', document_id, annotator_id, layer, "
        'start, "end", text, attributes, entity_id, link_id, origin, created_at, modified_at, '
        f"sources, revision, rev, history FROM annotations WHERE id = '{laptop.speaker}'",
    )
    before = stored(laptop.office)
    with pytest.raises(AnnotatorError, match="nothing was merged"):
        merge(laptop.office, laptop.path)
    assert stored(laptop.office) == before


def test_text_that_is_not_utf8_in_a_new_annotation_makes_their_file_unreadable(laptop):
    damage(
        laptop.path,
        f"UPDATE annotations SET text = CAST(x'c3' AS TEXT) WHERE id = '{laptop.claim}'",
    )
    before = stored(laptop.office)
    with pytest.raises(AnnotatorError, match="cannot be read"):
        merge(laptop.office, laptop.path)
    assert stored(laptop.office) == before


def test_cancelling_while_their_new_annotations_are_copied_changes_nothing(laptop, seed_id):
    with Project.open(laptop.path) as theirs:
        text = theirs.text(seed_id)
        for start in range(0, min(len(text) - 2, 1200), 3):
            theirs.add_annotation(seed_id, "omar", "speaker", start + 1, start + 3)
    looks = []

    def cancel():
        looks.append(1)
        return len(looks) > 1  # the button is pressed once the merge has begun

    before = stored(laptop.office)
    with pytest.raises(Cancelled):
        merge(laptop.office, laptop.path, cancel=cancel)
    assert stored(laptop.office) == before
    assert len(looks) == 2


def test_after_a_refused_merge_the_mended_file_merges_on_the_same_connection(laptop):
    damage(laptop.path, f"UPDATE annotations SET text = 'نص آخر' WHERE id = '{laptop.claim}'")
    with pytest.raises(AnnotatorError, match="nothing was merged"):
        merge(laptop.office, laptop.path)
    with Project.open(laptop.path) as theirs:
        claim = theirs.annotation(laptop.claim)
        theirs.conn.execute(
            "UPDATE annotations SET text = ? WHERE id = ?",
            (theirs.text(claim.document_id)[claim.start : claim.end], laptop.claim),
        )
    report = merge(laptop.office, laptop.path)
    assert report.annotations_added == 2
    assert laptop.office.conn.execute("PRAGMA database_list").fetchall()[-1][1] != "merge_theirs"


ROLES = ("person", "organisation", "government")
STANCES = ("favor", "against", "neutral")
COLUMNS = (
    'id, layer, start, "end", text, attributes, entity_id, link_id, origin, created_at, '
    "modified_at, sources, revision, rev, history"
)


def rows_of(project):
    return {
        r[0]: r
        for r in project.conn.execute(
            f"SELECT {COLUMNS}, (SELECT name FROM annotators p WHERE p.id = annotator_id), "
            "(SELECT group_concat(position || ':' || target || '=' || value, ' ') FROM "
            "(SELECT * FROM stances s WHERE s.annotation_id = annotations.id ORDER BY position)) "
            "FROM annotations"
        )
    }


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    ops=st.lists(
        st.tuples(
            st.sampled_from(["speaker", "claim", "role", "stance", "delete"]),
            st.integers(0, 60),
            st.integers(0, 9),
        ),
        max_size=25,
    )
)
def test_every_new_annotation_arrives_exactly_as_their_file_stores_it(laptop, seed_id, ops):
    """Omar tags, edits and deletes on his laptop at random; after the merge each of his
    annotations is stored here as in his file (revision, history, stances), column by column."""
    path = laptop.path.with_name(f"try-{uuid.uuid4()}.annotator")
    shutil.copyfile(laptop.path, path)
    with Project.open(path) as theirs:
        text = theirs.text(seed_id)
        words = [m.span() for m in re.finditer(r"\S+", text)]
        for kind, i, j in ops:
            mine = [a for a in theirs.annotations(seed_id, annotator="omar")]
            speakers = [a for a in mine if a.layer == "speaker"]
            claims = [a for a in mine if a.layer == "claim"]
            try:
                if kind == "speaker":
                    theirs.add_annotation(
                        seed_id,
                        "omar",
                        "speaker",
                        *words[20 + i],
                        attributes={"role": ROLES[j % 3]},
                    )
                elif kind == "claim" and speakers:
                    theirs.add_annotation(
                        seed_id,
                        "omar",
                        "claim",
                        *words[90 + i],
                        link_id=speakers[j % len(speakers)].id,
                        stances=[("t", STANCES[j % 3]), ("u", STANCES[i % 3])][: 1 + j % 2],
                    )
                elif kind == "role" and speakers:
                    theirs.update_annotation(
                        speakers[i % len(speakers)].id, attributes={"role": ROLES[j % 3]}
                    )
                elif kind == "stance" and claims:
                    theirs.update_annotation(
                        claims[i % len(claims)].id, stances=[("v", STANCES[j % 3])]
                    )
                elif kind == "delete" and mine:
                    theirs.delete_annotation(mine[i % len(mine)].id)
            except AnnotatorError:
                pass  # a span tagged twice: refused there, as in the window
        expected = rows_of(theirs)
    with tempfile.TemporaryDirectory() as folder:
        office = Path(folder) / "office.annotator"
        laptop.office.conn.execute("VACUUM INTO ?", (str(office),))
        with Project.open(office) as project:
            merge(project, path)
            assert rows_of(project) == expected
            assert project.verify() == []


@pytest.mark.parametrize("index", ["sqlite_autoindex_stances_1", "sqlite_autoindex_annotations_1"])
def test_their_file_with_a_damaged_key_index_is_refused_as_unreadable(laptop, index):
    """Pages SQLite cannot read in their file, found while their new annotations are chosen:
    the file cannot be read and nothing is merged (never a raw SQLite error)."""
    with Project.open(laptop.path) as theirs:
        theirs.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    damaged_index(laptop.path, index)
    before = stored(laptop.office)
    with pytest.raises(AnnotatorError, match="cannot be read"):
        merge(laptop.office, laptop.path)
    assert stored(laptop.office) == before


def emptied_index(path, index):
    """Their file with an index's root page made a valid, empty leaf: every page reads, but the
    index holds none of its table's rows (what a copy torn by a checkpoint looks like)."""
    conn = sqlite3.connect(f"{path.absolute().as_uri()}?immutable=1", uri=True)
    try:
        (page,) = conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = ?", (index,)
        ).fetchone()
        (page_size,) = conn.execute("PRAGMA page_size").fetchone()
    finally:
        conn.close()
    leaf = bytearray(page_size)
    leaf[0] = 0x0A  # an index leaf page; no cells, its content area empty
    leaf[5:7] = (page_size % 65536).to_bytes(2, "big")
    with open(path, "r+b") as file:
        file.seek((page - 1) * page_size)
        file.write(leaf)


def test_their_file_whose_key_index_misses_rows_is_refused_as_unreadable(laptop):
    """Every page of their file reads, but the key index of their annotations is empty: their
    table and index disagree (as in a copy torn between their file and its WAL). Found by
    checking the copy whole: refused naming their file, nothing merged."""
    with Project.open(laptop.path) as theirs:
        theirs.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    emptied_index(laptop.path, "sqlite_autoindex_annotations_1")
    before = stored(laptop.office)
    with pytest.raises(AnnotatorError, match="cannot be read") as refused:
        merge(laptop.office, laptop.path)
    assert str(laptop.path) in str(refused.value)
    assert "missing from index" in str(refused.value)
    assert stored(laptop.office) == before


@pytest.mark.parametrize("renamed", [False, True], ids=["bulk", "one-by-one"])
@pytest.mark.parametrize(
    "change, reason",
    [
        ("UPDATE annotations SET revision = 0 WHERE id = :claim", "revision is out of range"),
        ("UPDATE annotations SET revision = -5 WHERE id = :claim", "revision is out of range"),
        (
            "UPDATE annotations SET revision = 9223372036854775807 WHERE id = :claim",
            "revision is out of range",
        ),
        ("UPDATE annotations SET rev = 'xyz' WHERE id = :claim", "does not name revision 3"),
        (
            "UPDATE annotations SET rev = '7-0123456789ab' WHERE id = :claim",
            "does not name revision 3",
        ),
    ],
)
def test_a_number_out_of_range_refuses_their_file_naming_the_row(laptop, change, reason, renamed):
    """A revision below 1 or past 2**53 would be stored and then left out of everything that
    reads it, for good; a revision name that is not "N-HASH" of its revision N would mislead
    later merges: refused on both paths, named."""
    ids = {"claim": laptop.claim}
    damage(laptop.path, change.replace(":claim", f"'{ids['claim']}'"))
    before = stored(laptop.office)
    with pytest.raises(AnnotatorError, match="nothing was merged") as refused:
        merge(laptop.office, laptop.path, rename={"omar": "omar2"} if renamed else None)
    assert reason in str(refused.value)
    assert laptop.claim in str(refused.value) and str(laptop.path) in str(refused.value)
    assert stored(laptop.office) == before
    assert laptop.office.verify() == []


def test_a_deletion_with_a_revision_out_of_range_refuses_their_file(laptop):
    with Project.open(laptop.path) as theirs:
        theirs.delete_annotation(laptop.claim)
    damage(laptop.path, "UPDATE deletions SET revision = -1")
    before = stored(laptop.office)
    with pytest.raises(AnnotatorError, match="revision is out of range") as refused:
        merge(laptop.office, laptop.path)
    assert laptop.claim in str(refused.value) and "nothing was merged" in str(refused.value)
    assert stored(laptop.office) == before
    assert laptop.office.conn.execute("SELECT count(*) FROM deletions").fetchone() == (0,)


COLUMN_LIST = (
    'id, document_id, annotator_id, layer, start, "end", text, attributes, entity_id, link_id, '
    "origin, created_at, modified_at, sources, revision, rev, history"
)


def redefine_annotations(path, keep_key=True):
    """Their annotations table made anew as a database tool would: one more column, none of
    our CHECKs (and, unless `keep_key`, no primary key); their rows copied over."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys = OFF")
    columns = conn.execute("PRAGMA table_info(annotations)").fetchall()
    definition = ", ".join(
        f'"{c[1]}" {c[2]}' + (" PRIMARY KEY" if c[5] and keep_key else "") for c in columns
    )
    conn.execute(f"CREATE TABLE annotations_new (note TEXT, {definition})")
    conn.execute(
        f"INSERT INTO annotations_new ({COLUMN_LIST}) SELECT {COLUMN_LIST} FROM annotations"
    )
    conn.execute("DROP TABLE annotations")
    conn.execute("ALTER TABLE annotations_new RENAME TO annotations")
    conn.commit()
    conn.close()


@pytest.mark.parametrize(
    "keep_key, change",
    [
        (True, "UPDATE annotations SET origin = 'scraped' WHERE id = :claim"),
        (True, "UPDATE annotations SET text = text || 'زائد' WHERE id = :claim"),
        (
            False,
            f"INSERT INTO annotations ({COLUMN_LIST}) SELECT id, document_id, annotator_id, "
            'layer, start + 1, "end", substr(text, 2), attributes, entity_id, link_id, origin, '
            "created_at, modified_at, sources, 2, rev, '[]' FROM annotations WHERE id = :claim",
        ),
    ],
    ids=["unknown-origin", "text-longer-than-span", "id-held-twice"],
)
def test_rows_a_redefined_table_cannot_carry_refuse_their_file(laptop, keep_key, change):
    """Their annotations table was redefined (a column added, our CHECKs or key gone) and a row
    of it breaks our rules: the merge refuses their file saying how many rows and why, never
    merges the rest in silence."""
    redefine_annotations(laptop.path, keep_key)
    damage(laptop.path, change.replace(":claim", f"'{laptop.claim}'"))
    before = stored(laptop.office)
    with pytest.raises(AnnotatorError, match="nothing was merged") as refused:
        merge(laptop.office, laptop.path)
    assert str(laptop.path) in str(refused.value)
    assert "1 row(s) of its changed tables (table annotations" in str(refused.value)
    assert stored(laptop.office) == before


def test_a_redefined_table_whose_rows_all_fit_still_merges(laptop):
    redefine_annotations(laptop.path)
    report = merge(laptop.office, laptop.path)
    assert report.annotations_added == 2
    assert laptop.office.verify() == []


def test_their_file_open_elsewhere_is_read_with_its_committed_work_and_left_as_it_is(
    laptop, seed_id
):
    """Their window still has the file open, with committed tags only in its WAL (no
    checkpoint yet): the merge takes them, and their main file, WAL and index of it are the
    same bytes afterwards, with no file added beside them."""
    theirs = Project.open(laptop.path)
    try:
        theirs.conn.execute("PRAGMA wal_autocheckpoint = 0")
        late = theirs.add_annotation(seed_id, "omar", "speaker", 115, 135)
        folder = laptop.path.parent
        before = {p.name: p.read_bytes() for p in folder.iterdir() if p.name.startswith("laptop")}
        assert "laptop.annotator-wal" in before
        report = merge(laptop.office, laptop.path)
        after = {p.name: p.read_bytes() for p in folder.iterdir() if p.name.startswith("laptop")}
    finally:
        theirs.close()
    assert report.annotations_added == 3
    assert laptop.office.annotation(late.id).start == 115
    assert after.keys() == before.keys()
    assert after["laptop.annotator"] == before["laptop.annotator"]
    assert after["laptop.annotator-wal"] == before["laptop.annotator-wal"]
