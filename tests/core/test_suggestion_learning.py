"""Suggestions that learn from the project: a rejected suggestion is not proposed again, the
cue words researchers used on their own claims become cues, the cue list can be edited, and a
schema with a cue layer gets each claim's cue as a span."""

import sqlite3

import pytest

from annotator.core.arabic.suggest import (
    SUGGESTIONS,
    accept,
    cues_in_use,
    pending,
    project_cues,
    reject,
    suggest,
)
from annotator.core.errors import ValidationError
from annotator.core.store import migrations
from annotator.core.store.foreign_objects import expected_objects
from annotator.core.store.learning import ProjectCue
from annotator.core.store.project import Project, TextSource

ARTICLE_A = "وأفصحت المديرة رنا سالم أن الفرع سيغلق. وقال الوزير إن الخطة جاهزة."
ARTICLE_B = "وأفصح المدير العام كريم نصار أن الأرباح تراجعت هذا العام."

CUE_SCHEMA = """
version = 1

[[layers]]
name = "speaker"
label = "Speaker"
color = "#f4a259"
shortcut = "S"

[[layers]]
name = "cue"
label = "Cue"
color = "#999999"
shortcut = "Q"

[[layers]]
name = "claim"
label = "Claim"
color = "#5b8fd9"
shortcut = "C"

  [[layers.attributes]]
  name = "speaker"
  type = "link"
  layer = "speaker"

  [[layers.attributes]]
  name = "cue"
  type = "text"
"""


def new_project(path, texts, schema_text=None):
    project = Project.create(path, schema_text)
    project.import_texts(
        [
            TextSource(text, f"article-{n}.txt", f"article-{n}", id=f"article-{n}")
            for n, text in enumerate(texts)
        ]
    )
    return project


def suggested(project, document_id, layer):
    return [
        project.text(document_id)[a.start : a.end]
        for a in project.annotations(document_id, annotator=SUGGESTIONS)
        if a.layer == layer
    ]


@pytest.fixture
def project(tmp_path):
    with new_project(tmp_path / "study.annotator", [ARTICLE_A, ARTICLE_B]) as opened:
        yield opened


def ids(project):
    return sorted(d.id for d in project.documents())


def test_a_rejected_suggestion_is_not_proposed_again(project):
    a, _ = ids(project)
    suggest(project, [a])
    claim = next(
        s for s in project.annotations(a, annotator=SUGGESTIONS) if s.text == "الخطة جاهزة"
    )
    reject(project, claim.id, "amina")
    report = suggest(project, [a])
    assert "الخطة جاهزة" not in suggested(project, a, "claim")
    assert report.claims == 0  # «أفصحت» is not a cue yet; the other claim was rejected
    # Reopened, the file still remembers it.
    path = project.path
    project.close()
    with Project.open(path) as reopened:
        suggest(reopened, [a])
        assert "الخطة جاهزة" not in suggested(reopened, a, "claim")


def test_undoing_a_rejection_brings_the_suggestion_back_for_good(project):
    a, _ = ids(project)
    suggest(project, [a])
    claim = next(s for s in project.annotations(a, annotator=SUGGESTIONS) if s.layer == "claim")
    state = project.state(claim.id)
    reject(project, claim.id, "amina")
    project.restore(claim.id, state)  # what Ctrl+Z on the reject does
    suggest(project, [a])
    assert claim.text in suggested(project, a, "claim")


def test_only_suggestions_can_be_rejected(project):
    a, _ = ids(project)
    mine = project.add_annotation(a, "amina", "speaker", 0, 5)
    with pytest.raises(ValidationError):
        reject(project, mine.id, "amina")
    assert project.annotation(mine.id).text == ARTICLE_A[0:5]


def test_a_cue_the_researcher_used_becomes_a_cue_of_the_project(project):
    a, b = ids(project)
    suggest(project, [b])
    assert suggested(project, b, "claim") == []  # «أفصح» is not in the lexicon
    start = ARTICLE_A.index("الفرع")
    project.add_annotation(
        a, "amina", "claim", start, start + len("الفرع سيغلق"), attributes={"cue": "أفصحت"}
    )
    assert [c.cue for c in project_cues(project)] == ["أفصحت"]
    suggest(project, [b])
    assert suggested(project, b, "claim") == ["الأرباح تراجعت هذا العام"]
    assert suggested(project, b, "speaker") == ["المدير العام كريم نصار"]


def test_the_cues_of_the_suggestions_themselves_are_not_learned(project):
    a, _ = ids(project)
    suggest(project, [a])
    assert project_cues(project) == []
    claim = next(s for s in project.annotations(a, annotator=SUGGESTIONS) if s.layer == "claim")
    accept(project, claim.id, "amina")
    # An accepted suggestion is the researcher's own claim: its cue counts from then on.
    assert [c.cue for c in project_cues(project)] == ["قال"]


def test_the_cue_list_can_be_edited_by_hand(project):
    _, b = ids(project)
    project.edit_cue("  أفصح ", "added", "amina")
    assert project_cues(project) == [ProjectCue("أفصح", learned=False, added=True, used=True)]
    suggest(project, [b])
    assert suggested(project, b, "claim") == ["الأرباح تراجعت هذا العام"]
    project.edit_cue("أفصح", "removed", "amina")
    assert cues_in_use(project) == []
    suggest(project, [b])
    assert suggested(project, b, "claim") == []
    project.edit_cue("أفصح", None, "amina")
    assert project_cues(project) == []


def test_a_learned_cue_switched_off_is_listed_but_not_read(project):
    a, b = ids(project)
    start = ARTICLE_A.index("الفرع")
    project.add_annotation(
        a, "amina", "claim", start, start + len("الفرع سيغلق"), attributes={"cue": "أفصحت"}
    )
    project.edit_cue("أفصحت", "removed", "amina")
    assert project_cues(project) == [ProjectCue("أفصحت", learned=True, added=False, used=False)]
    suggest(project, [b])
    assert pending(project, b, "amina") == []


def test_an_empty_cue_or_an_unknown_state_is_refused(project):
    with pytest.raises(ValidationError, match="at least one letter"):
        project.edit_cue("   ", "added", "amina")
    with pytest.raises(ValidationError, match="unknown cue state"):
        project.edit_cue("قال", "maybe", "amina")
    assert project_cues(project) == []


def test_a_format_4_project_gains_the_tables_when_opened(tmp_path):
    path = tmp_path / "old.annotator"
    with new_project(path, [ARTICLE_A]):
        pass
    conn = sqlite3.connect(path, isolation_level=None)
    # Made a format 4 file: every object later formats added is dropped (triggers first).
    later = sorted(
        set(expected_objects(migrations.CURRENT_VERSION)) - set(expected_objects(4)),
        key=lambda key: key[0] != "trigger",
    )
    assert ("table", "rejected_suggestions") in later
    for kind, name in later:
        if kind in ("trigger", "table"):
            conn.execute(f'DROP {kind.upper()} IF EXISTS "{name}"')
    conn.execute("PRAGMA user_version = 4")
    conn.close()
    with Project.open(path) as project:
        version = project.conn.execute("PRAGMA user_version").fetchone()[0]
        assert version == migrations.CURRENT_VERSION
        project.edit_cue("أفصح", "added", "amina")
        assert cues_in_use(project) == ["أفصح"]
        assert project.verify() == []


def test_without_a_cue_layer_no_cue_span_is_proposed(project):
    a, _ = ids(project)
    suggest(project, [a])
    layers = {s.layer for s in project.annotations(a, annotator=SUGGESTIONS)}
    assert layers == {"speaker", "claim"}


def test_a_schema_with_a_cue_layer_gets_the_cue_of_each_claim(tmp_path):
    with new_project(tmp_path / "cues.annotator", [ARTICLE_A], CUE_SCHEMA) as project:
        (a,) = ids(project)
        suggest(project, [a])
        assert suggested(project, a, "cue") == ["قال"]
        cue = next(s for s in project.annotations(a, annotator=SUGGESTIONS) if s.layer == "cue")
        reject(project, cue.id, "amina")
        suggest(project, [a])
        assert suggested(project, a, "cue") == []
        assert suggested(project, a, "claim") == ["الخطة جاهزة"]


def test_with_the_attribution_schema_each_suggested_cue_links_to_its_claim(tmp_path):
    from annotator.core.schema import load_schema

    schema = load_schema("attribution").source
    text = "وأكدت المديرة رنا سالم أن الفرع سيغلق. وقال الوزير إن الخطة جاهزة."
    with new_project(tmp_path / "attribution.annotator", [text], schema) as project:
        (a,) = ids(project)
        suggest(project, [a])
        suggestions = project.annotations(a, annotator=SUGGESTIONS)
        by_id = {s.id: s for s in suggestions}
        cues = [s for s in suggestions if s.layer == "cue"]
        claims = [s for s in suggestions if s.layer == "claim"]
        assert len(cues) == len(claims) == 2
        for cue in cues:
            claim = by_id[cue.link_id]
            assert claim.layer == "claim"
            assert claim.start > cue.end  # «وقال الوزير إن …»: the claim follows its cue
        assert {by_id[c.link_id].id for c in cues} == {c.id for c in claims}
        # Accepting a cue brings its claim and the claim's speaker, linked as suggested.
        made = accept(project, cues[-1].id, "amina")
        mine = {m.id: m for m in project.annotations(a, annotator="amina")}
        assert {m.layer for m in mine.values()} == {"cue", "claim", "speaker"}
        cue = next(m for m in mine.values() if m.layer == "cue")
        assert mine[cue.link_id].layer == "claim" and len(made) == 3
