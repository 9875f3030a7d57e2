"""Two copies of one project diverge by random edits and deletes, then are merged both ways and
again: merging twice changes nothing, no deletion is undone, no edit is lost without being
listed as a conflict, no span is tagged twice, and both files pass `check`; conflicts resolved
on one copy do not come back at the next merges. Both copies may also tag the same few spans
apart (under two ids, with the same or other content), as one researcher on two machines."""

import re
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from annotator.core.errors import AnnotatorError
from annotator.core.formats import txt
from annotator.core.review import conflicts
from annotator.core.review.merge import merge
from annotator.core.store.project import Project

ROLES = ("person", "organisation", "government", "anonymous", "other")
KINDS = ("direct", "indirect", "paraphrase")
STANCES = ("favor", "against", "neutral", "unclear")
OPS = st.lists(
    st.tuples(
        st.sampled_from(
            [
                "role",
                "kind",
                "stance",
                "delete",
                "speaker",
                "claim",
                "relink",
                "same speaker",
                "same claim",
            ]
        ),
        st.integers(0, 99),
        st.integers(0, 99),
    ),
    max_size=8,
)


@pytest.fixture(scope="module")
def base(tmp_path_factory, seed_article_path):
    """The common version: three speakers, each with a claim, by one annotator."""
    path = tmp_path_factory.mktemp("base") / "base.annotator"
    with Project.create(path) as project:
        project.import_texts(txt.read_articles([seed_article_path]))
        (doc,) = [d.id for d in project.documents()]
        words = words_of(project.text(doc))
        for n in range(3):
            speaker = project.add_annotation(doc, "amal", "speaker", *words[n])
            project.add_annotation(
                doc, "amal", "claim", *words[10 + n], link_id=speaker.id, stances=[("t", "favor")]
            )
    return path


@pytest.fixture(scope="module")
def seed_article_path():
    from annotator.core.paths import seeds_dir

    return seeds_dir() / "000_41ac67127a0642cf.txt"


def words_of(text):
    return [m.span() for m in re.finditer(r"\S+", text)]


def diverge(project, ops, side):
    """Apply random edits through the store; each side tags its own words (0: even, 1: odd),
    and both may tag the same four speaker and four claim spans ("same ..."), each under its
    own id, with one of two roles or kinds."""
    (doc,) = [d.id for d in project.documents()]
    words = words_of(project.text(doc))
    for kind, i, j in ops:
        present = project.annotations(doc)
        speakers = [a for a in present if a.layer == "speaker"]
        claims = [a for a in present if a.layer == "claim"]
        try:
            if kind == "role" and speakers:
                target = speakers[i % len(speakers)]
                project.update_annotation(target.id, attributes={"role": ROLES[j % len(ROLES)]})
            elif kind == "kind" and claims:
                target = claims[i % len(claims)]
                project.update_annotation(target.id, attributes={"kind": KINDS[j % len(KINDS)]})
            elif kind == "stance" and claims:
                target = claims[i % len(claims)]
                project.update_annotation(target.id, stances=[("t", STANCES[j % len(STANCES)])])
            elif kind == "delete" and present:
                project.delete_annotation(present[i % len(present)].id)
            elif kind == "speaker":
                project.add_annotation(doc, "amal", "speaker", *words[40 + 2 * (i % 30) + side])
            elif kind == "claim" and speakers:
                link = speakers[j % len(speakers)].id
                span = words[120 + 2 * (i % 30) + side]
                project.add_annotation(doc, "amal", "claim", *span, link_id=link)
            elif kind == "relink" and claims and speakers:
                target = claims[i % len(claims)]
                project.update_annotation(target.id, link_id=speakers[j % len(speakers)].id)
            elif kind == "same speaker":
                role = {"role": ROLES[j % 2]}
                project.add_annotation(doc, "amal", "speaker", *words[100 + i % 4], attributes=role)
            elif kind == "same claim":
                start = words[100 + j % 4][0]
                links = [a.id for a in speakers if a.start == start]
                if links:
                    project.add_annotation(
                        doc,
                        "amal",
                        "claim",
                        *words[200 + i % 4],
                        link_id=links[0],
                        attributes={"kind": KINDS[j % 2]},
                    )
        except AnnotatorError:
            pass  # a span tagged twice: refused by the store, as in the window


def revisions(project):
    """Every annotation's current revision name, deleted ones included."""
    found = dict(project.conn.execute("SELECT id, rev FROM annotations"))
    found.update(project.conn.execute("SELECT annotation_id, rev FROM deletions"))
    return found


def snapshot(project):
    one = lambda sql: sorted(project.conn.execute(sql).fetchall())  # noqa: E731
    return (
        one("SELECT id, rev, history FROM annotations"),
        one("SELECT annotation_id, rev, history FROM deletions"),
        one("SELECT id, resolved FROM conflicts"),
        one("SELECT document_id, annotator_id, status FROM document_status"),
        one("SELECT id FROM comments"),
    )


def known(project, annotation_id, rev):
    """Whether `rev` is in the project: current, an ancestor of the current one, or kept (it or
    a later revision of it) as a conflict. An id the project does not hold at all was paired
    with one of ours under another id: `rev` must then be known under some id (revision names
    hash the content, not the id)."""
    held = any(
        project.conn.execute(f"SELECT 1 FROM {table} WHERE {key} = ?", (annotation_id,)).fetchone()
        for table, key in (
            ("annotations", "id"),
            ("deletions", "annotation_id"),
            ("conflicts", "annotation_id"),
        )
    )
    where, params = ("{key} = ?", (annotation_id,)) if held else ("1", ())
    for table, key in (("annotations", "id"), ("deletions", "annotation_id")):
        sql = f"SELECT rev, history FROM {table} WHERE " + where.format(key=key)
        for row in project.conn.execute(sql, params):
            if row[0] == rev or f'"{rev}"' in row[1]:
                return True
    # A conflict holds their revision with its history: `rev` or a later revision of it.
    sql = "SELECT theirs_rev, theirs FROM conflicts WHERE " + where.format(key="annotation_id")
    return any(
        theirs_rev == rev or f'"{rev}"' in (theirs or "")
        for theirs_rev, theirs in project.conn.execute(sql, params)
    )


def tagged_twice(project):
    """(layer, span, link) tagged more than once by one annotator: never after a merge."""
    return project.conn.execute(
        'SELECT annotator_id, layer, start, "end", link_id FROM annotations GROUP BY '
        'annotator_id, document_id, layer, start, "end", link_id HAVING count(*) > 1'
    ).fetchall()


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(ours_ops=OPS, theirs_ops=OPS, choices=st.lists(st.sampled_from(conflicts.CHOICES)))
# The same speaker and its claim tagged on both copies: alike, then with other roles and kinds.
@example(
    ours_ops=[("same speaker", 0, 0), ("same claim", 0, 0)],
    theirs_ops=[("same speaker", 0, 0), ("same claim", 0, 0)],
    choices=[],
)
@example(
    ours_ops=[("same speaker", 1, 0), ("same claim", 1, 1), ("same claim", 2, 1)],
    theirs_ops=[("same speaker", 1, 1), ("same claim", 1, 0), ("same claim", 2, 1)],
    choices=["theirs", "ours", "theirs"],
)
def test_two_copies_edited_apart_merge_without_losing_anything(base, ours_ops, theirs_ops, choices):
    with tempfile.TemporaryDirectory() as folder:
        paths = [Path(folder) / "office.annotator", Path(folder) / "laptop.annotator"]
        for path in paths:
            shutil.copyfile(base, path)
        with Project.open(paths[0]) as ours, Project.open(paths[1]) as theirs:
            diverge(ours, ours_ops, 0)
            diverge(theirs, theirs_ops, 1)
            made = {0: revisions(ours), 1: revisions(theirs)}
            deleted = {
                0: {r[0] for r in ours.conn.execute("SELECT annotation_id FROM deletions")},
                1: {r[0] for r in theirs.conn.execute("SELECT annotation_id FROM deletions")},
            }
            for _ in range(2):
                merge(ours, paths[1])
                merge(theirs, paths[0])
            for project, other in ((ours, paths[1]), (theirs, paths[0])):
                before = snapshot(project)
                merge(project, other)
                assert snapshot(project) == before, "merging the same file again changed it"
            for side, project in enumerate((ours, theirs)):
                assert project.verify() == []
                assert tagged_twice(project) == []
                present = {r[0] for r in project.conn.execute("SELECT id FROM annotations")}
                disputed = {
                    r[0] for r in project.conn.execute("SELECT annotation_id FROM conflicts")
                }
                assert not (deleted[side] & present), "a deletion was undone"
                assert not (deleted[1 - side] & present - disputed), "their deletion was lost"
                for made_on in made.values():
                    for annotation_id, rev in made_on.items():
                        assert known(project, annotation_id, rev), (annotation_id, rev)
            # The office resolves its conflicts; after merging both ways none comes back.
            unresolvable = set()
            for n, item in enumerate(conflicts.open_conflicts(ours)):
                try:
                    conflicts.resolve(ours, item.id, choices[n] if n < len(choices) else "ours")
                except AnnotatorError:
                    # Their version no longer fits (its speaker was deleted here): stays open.
                    unresolvable.add(item.annotation_id)
            merge(ours, paths[1])
            merge(theirs, paths[0])
            merge(ours, paths[1])
            assert {c.annotation_id for c in conflicts.open_conflicts(ours)} <= unresolvable
            assert ours.verify() == [] and theirs.verify() == []
            assert tagged_twice(ours) == tagged_twice(theirs) == []
