"""Hypothesis strategies for the export round trips: Arabic articles and annotations on them.

The texts mix letters with tashkeel, tatweel, emoji, quotation marks, commas, tabs, formula
characters and every kind of line break a project text can hold (LF and the CR-free ones:
VT, FF, the information separators, NEL, U+2028, U+2029).
"""

from __future__ import annotations

from hypothesis import strategies as st

from annotator.core.store.project import Project, TextSource

LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئةى"
MARKS = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0640"  # tashkeel and tatweel
OTHER = " ,،؛.«»“”\"'\t=+-@|\\;:0123٠١٢abcXYZ😀👍🏽🇵🇸\u200c"
BREAKS = "\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
ALPHABET = LETTERS * 3 + MARKS + OTHER + BREAKS

texts = st.text(alphabet=ALPHABET, min_size=1, max_size=120)
# Values people type: no line breaks in entity names (the project joins a name's words).
typed = st.text(alphabet=LETTERS + MARKS + OTHER + BREAKS, min_size=1, max_size=12)
names = st.text(alphabet=LETTERS + MARKS + OTHER, min_size=1, max_size=12).filter(
    lambda s: s.split() != []
)


@st.composite
def annotated_texts(draw, cues: bool = False):
    """A text and a list of annotation plans on it (layer, span, attributes, links, stances).
    With `cues`, plans for the attribution schema's cue layer too (`build(schema_text=...)`)."""
    text = draw(texts)
    plans = []
    # With cues, more plans and mostly one annotator, so that a cue often finds a claim that
    # found a speaker (links stay within one annotator's work).
    for _ in range(draw(st.integers(3, 9) if cues else st.integers(0, 6))):
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, len(text)))
        annotator = draw(st.sampled_from(["amina", "amina", "omar"] if cues else ["amina", "omar"]))
        if cues and draw(st.integers(0, 2)) == 0:
            plans.append(
                {
                    "layer": "cue",
                    "start": start,
                    "end": end,
                    "annotator": annotator,
                    "link": draw(st.booleans()),
                }
            )
        elif draw(st.booleans()):
            plans.append(
                {
                    "layer": "speaker",
                    "start": start,
                    "end": end,
                    "annotator": annotator,
                    "role": draw(st.sampled_from(["person", "government", "anonymous"])),
                    "entity": draw(st.none() | names),
                }
            )
        else:
            targets = draw(st.lists(typed, max_size=3, unique_by=str.strip))
            plans.append(
                {
                    "layer": "claim",
                    "start": start,
                    "end": end,
                    "annotator": annotator,
                    "kind": draw(st.sampled_from(["direct", "indirect", "paraphrase"])),
                    "cue": draw(st.none() | typed),
                    "stances": [
                        (t, draw(st.sampled_from(["favor", "against", "neutral", "unclear"])))
                        for t in targets
                        if t.strip()
                    ],
                    "link": draw(st.booleans()),
                }
            )
    if cues:
        # Speakers, then claims, then cues, so that most links find their target.
        plans.sort(key=lambda plan: ("speaker", "claim", "cue").index(plan["layer"]))
    return text, plans


def build(
    path, text: str, plans: list[dict], title: str | None = None, schema_text: str | None = None
) -> Project:
    """A new project at `path` holding the text (document "doc") and the planned annotations.

    A claim planned with a link gets the annotator's last speaker mention, when there is one;
    a cue planned with one the annotator's last claim (several cues may share a claim).
    A plan that repeats an annotator's span in a layer is left out: the store refuses it.
    """
    project = Project.create(path, schema_text)
    project.import_texts([TextSource(text=text, id="doc", title=title)])
    last_speaker: dict[str, str] = {}
    last_claim: dict[str, str] = {}
    planned = set()
    for plan in plans:
        key = (plan["annotator"], plan["layer"], plan["start"], plan["end"])
        if key in planned:
            continue
        planned.add(key)
        if plan["layer"] == "speaker":
            annotation = project.add_annotation(
                "doc",
                plan["annotator"],
                "speaker",
                plan["start"],
                plan["end"],
                attributes={"role": plan["role"]},
                entity=plan["entity"],
            )
            last_speaker[plan["annotator"]] = annotation.id
        elif plan["layer"] == "cue":
            project.add_annotation(
                "doc",
                plan["annotator"],
                "cue",
                plan["start"],
                plan["end"],
                link_id=last_claim.get(plan["annotator"]) if plan["link"] else None,
            )
        else:
            claim = project.add_annotation(
                "doc",
                plan["annotator"],
                "claim",
                plan["start"],
                plan["end"],
                attributes={"kind": plan["kind"], "cue": plan["cue"]},
                link_id=last_speaker.get(plan["annotator"]) if plan["link"] else None,
                stances=plan["stances"],
            )
            last_claim[plan["annotator"]] = claim.id
    return project


def described(project: Project, document_id: str, *, entity_details: bool = True) -> list:
    """Everything an export must carry about a document's annotations, comparable with ==."""
    rows = []
    for a in sorted(project.annotations(document_id), key=lambda a: a.id):
        entity = None
        if a.entity is not None:
            entity = (a.entity.id, a.entity.name)
            if entity_details:
                entity += (a.entity.kind, a.entity.aliases)
        rows.append(
            (
                a.id,
                a.annotator,
                a.layer,
                a.start,
                a.end,
                a.text,
                dict(a.attributes),
                entity,
                a.link_id,
                a.stances,
                a.origin,
                a.created_at,
                a.modified_at,
            )
        )
    return rows
