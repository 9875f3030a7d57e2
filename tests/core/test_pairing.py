"""Pairing by content: the same work gives the same agreement figures and the same review
disagreements whatever its ids and the order it was stored in."""

from __future__ import annotations

import itertools
import random
import shutil
import tempfile
import uuid
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.review import adjudication as review
from annotator.core.review import agreement
from annotator.core.review.spans import best_assignment, pairing_order
from annotator.core.store.project import Project, TextSource

WORDS = "قال القائد إن المقاومة تقف مع القدس وتدافع عن الأمة".split()
TEXT = " ".join(WORDS) + "."
STARTS = [sum(len(w) + 1 for w in WORDS[:n]) for n in range(len(WORDS))]


def span(first: int, last: int) -> tuple[int, int]:
    return STARTS[first], STARTS[last] + len(WORDS[last])


# A few spans, overlapping and equal, so groups of equal spans and ties of overlap happen often.
speaker_spans = st.sampled_from([span(0, 0), span(0, 1), span(1, 1), span(4, 4)])
claim_spans = st.sampled_from([span(2, 9), span(2, 9), span(3, 9), span(6, 9), span(2, 5)])
entities = st.sampled_from([None, "Qaani", "Haniyeh"])
roles = st.sampled_from(["person", "organisation"])
kinds = st.sampled_from(["direct", "indirect"])
stances = st.dictionaries(
    st.sampled_from(["Israel", "Iran"]), st.sampled_from(["favor", "against"]), max_size=2
)


@st.composite
def one_annotators_work(draw, like=None):
    """Speakers [(span, entity, role)] and claims [(span, speaker number or None, kind,
    stances)] as the store allows them: one speaker per span, one claim per span and speaker.
    `like`: another annotator's work, most of which is copied."""
    if like is not None and draw(st.booleans()):
        speakers = [
            (s, draw(entities) if draw(st.integers(0, 4)) == 0 else e, r) for s, e, r in like[0]
        ]
        claims = [
            (s, k, draw(kinds) if draw(st.integers(0, 4)) == 0 else kind, x)
            for s, k, kind, x in like[1]
            if draw(st.integers(0, 5))
        ]
        return speakers, claims
    taken = draw(st.lists(speaker_spans, max_size=3, unique=True))
    speakers = [(s, draw(entities), draw(roles)) for s in taken]
    links = st.sampled_from([None, *range(len(speakers))])
    claims = draw(
        st.lists(
            st.tuples(claim_spans, links, kinds, stances.map(lambda x: sorted(x.items()))),
            max_size=5,
            unique_by=lambda c: (c[0], c[1]),
        )
    )
    return speakers, claims


@st.composite
def two_annotators(draw):
    ali = draw(one_annotators_work())
    return ali, draw(one_annotators_work(like=ali))


@pytest.fixture(scope="module")
def article(tmp_path_factory) -> Path:
    """A project file holding the ten-word article as "doc", copied for each example (making
    a project costs more than the rest of an example)."""
    path = tmp_path_factory.mktemp("pairing") / "article.annotator"
    with Project.create(path) as project:
        project.import_texts([TextSource(text=TEXT, id="doc")])
    return path


def stored(article: Path, path: Path, work, rng: random.Random) -> Project:
    """A copy of `article` holding the work of "ali" and "badr", stored in an order and with
    ids drawn from `rng`."""
    shutil.copyfile(article, path)
    project = Project.open(path)

    def new_id() -> str:
        return str(uuid.UUID(int=rng.getrandbits(128), version=4))

    steps = []
    for name, (speakers, claims) in zip(("ali", "badr"), work, strict=True):
        steps.append((name, list(enumerate(speakers)), list(claims)))
    rng.shuffle(steps)
    with project.atomic():  # one commit: the file's fsyncs would cost more than the test
        for name, speakers, claims in steps:
            rng.shuffle(speakers)
            rng.shuffle(claims)
            ids = {}
            for n, (where, entity, role) in speakers:
                ids[n] = project.add_annotation(
                    "doc",
                    name,
                    "speaker",
                    *where,
                    entity=entity,
                    attributes={"role": role},
                    id=new_id(),
                ).id
            for where, link, kind, given_stances in claims:
                project.add_annotation(
                    "doc",
                    name,
                    "claim",
                    *where,
                    attributes={"kind": kind},
                    link_id=ids[link] if link is not None else None,
                    stances=given_stances,
                    id=new_id(),
                )
    return project


def disagreements(project: Project) -> list:
    """The review items as content: kind, layer, differences and both sides without ids."""
    by_id = {x.id: x for x in project.annotations("doc")}

    def content(x):
        if x is None:
            return None
        linked = by_id[x.link_id] if x.link_id else None
        return (
            x.start,
            x.end,
            x.entity.name if x.entity else None,
            sorted(x.attributes.items()),
            sorted((s.target, s.value) for s in x.stances),
            (linked.start, linked.end) if linked else None,
        )

    items = review.compare(project, "doc", "ali", "badr").items
    found = [(i.kind, i.layer, i.differences, content(i.a), content(i.b)) for i in items]
    return sorted(found, key=repr)  # None (a lone side) does not compare with a tuple


@settings(max_examples=100, deadline=None)
@given(work=two_annotators(), seeds=st.tuples(st.integers(0, 2**32), st.integers(0, 2**32)))
def test_ids_and_storage_order_never_change_agreement_or_disagreements(article, work, seeds):
    with tempfile.TemporaryDirectory() as folder:
        found = []
        for n, seed in enumerate(seeds):
            path = Path(folder) / f"{n}.annotator"
            with stored(article, path, work, random.Random(seed)) as project:
                figures = agreement.compare(project).to_json(project)
                found.append((figures, disagreements(project)))
        assert found[0] == found[1]


@settings(max_examples=50, deadline=None)
@given(work=two_annotators(), seed=st.integers(0, 2**32))
def test_the_same_work_twice_is_never_a_disagreement(article, work, seed):
    ali, _ = work
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "p.annotator"
        with stored(article, path, (ali, ali), random.Random(seed)) as project:
            assert [d for d in disagreements(project) if d[0] != "agreement"] == []
            if ali[1]:
                claims = agreement.compare(project).layer("claim").pair("ali", "badr")
                assert claims.exact.f1 == 1.0
                # No figure when no claim has a link: only claims with one are counted.
                assert claims.attribute("speaker").agreement.value in (1.0, None)
                assert claims.attribute("stance").agreement.value in (1.0, None)


def brute_force_best(scores):
    rows, cols = len(scores), len(scores[0])
    if rows <= cols:
        return max(
            sum(scores[i][p[i]] for i in range(rows))
            for p in itertools.permutations(range(cols), rows)
        )
    return max(
        sum(scores[p[j]][j] for j in range(cols)) for p in itertools.permutations(range(rows), cols)
    )


@settings(max_examples=300, deadline=None)
@given(
    st.integers(1, 5).flatmap(
        lambda cols: st.lists(
            st.lists(st.integers(0, 6), min_size=cols, max_size=cols), min_size=1, max_size=5
        )
    )
)
def test_the_best_assignment_has_the_largest_total(scores):
    found = best_assignment(scores)
    assert len(found) == min(len(scores), len(scores[0]))
    assert len({i for i, _ in found}) == len({j for _, j in found}) == len(found)
    assert sum(scores[i][j] for i, j in found) == brute_force_best(scores)


def test_layers_are_paired_after_the_layers_they_link_to():
    assert pairing_order({"claim": "speaker", "speaker": None}) == [["speaker"], ["claim"]]
    assert pairing_order({"a": "a", "b": None}) == [["b"], ["a"]]
