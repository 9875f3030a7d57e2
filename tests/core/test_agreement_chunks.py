"""Agreement read a part of the documents at a time equals agreement over all of them at once:
every figure is a function of sums over documents, so the parts must add up exactly."""

import io
import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core.review import agreement
from annotator.core.store.project import Project, TextSource

from .random_projects import names, texts

ANNOTATORS = ["amina", "omar", "salma"]


@st.composite
def documents(draw):
    """One document: its text, the annotators who marked it done without tagging, and the
    planned annotations (three annotators, so token coincidences have thirds and halves)."""
    text = draw(texts)
    done = draw(st.lists(st.sampled_from(ANNOTATORS), max_size=2, unique=True))
    plans = []
    for _ in range(draw(st.integers(0, 8))):
        start = draw(st.integers(0, len(text) - 1))
        plans.append(
            {
                "annotator": draw(st.sampled_from(ANNOTATORS)),
                "speaker": draw(st.booleans()),
                "start": start,
                "end": draw(st.integers(start + 1, min(len(text), start + 15))),
                "role": draw(st.sampled_from(["person", "government", "anonymous"])),
                "entity": draw(st.none() | st.sampled_from(["سامي", "ليلى"]) | names),
                "kind": draw(st.sampled_from(["direct", "indirect"])),
                "stance": draw(st.sampled_from(["favor", "against", "neutral"])),
                "target": draw(st.sampled_from(["القدس", "الاتفاق"])),
                "link": draw(st.booleans()),
            }
        )
    return text, done, plans


def stored(path: Path, project_plan: list) -> Project:
    project = Project.create(path)
    project.import_texts(
        [TextSource(text=text, id=f"d{n}") for n, (text, _, _) in enumerate(project_plan)]
    )
    for name in ANNOTATORS:  # known to the project; "todo" is not having annotated
        project.set_status("d0", name, "todo")
    for n, (_, done, plans) in enumerate(project_plan):
        doc = f"d{n}"
        for name in done:
            project.set_status(doc, name, "done")
        speakers: dict[str, str] = {}
        taken = set()
        for p in plans:
            layer = "speaker" if p["speaker"] else "claim"
            key = (p["annotator"], layer, p["start"], p["end"])
            if key in taken:
                continue
            taken.add(key)
            if layer == "speaker":
                speakers[p["annotator"]] = project.add_annotation(
                    doc,
                    p["annotator"],
                    layer,
                    p["start"],
                    p["end"],
                    attributes={"role": p["role"]},
                    entity=p["entity"],
                ).id
            else:
                project.add_annotation(
                    doc,
                    p["annotator"],
                    layer,
                    p["start"],
                    p["end"],
                    attributes={"kind": p["kind"]},
                    link_id=speakers.get(p["annotator"]) if p["link"] else None,
                    stances=[(p["target"], p["stance"])],
                )
    return project


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    # Distinct texts: the project keeps one copy of a text imported twice.
    project_plan=st.lists(documents(), min_size=1, max_size=5, unique_by=lambda d: d[0]),
    chunk=st.integers(1, 3),
    chosen=st.none() | st.just(ANNOTATORS[:2]),
)
def test_agreement_in_parts_equals_agreement_over_all_documents(project_plan, chunk, chosen):
    with tempfile.TemporaryDirectory() as folder:
        with stored(Path(folder) / "p.annotator", project_plan) as project:
            whole = agreement.compare(project, annotators=chosen, chunk_documents=10**6)
            parts = agreement.compare(project, annotators=chosen, chunk_documents=chunk)
            assert parts.to_json(project) == whole.to_json(project)
    assert parts.rows() == whole.rows()


def test_the_json_written_a_document_at_a_time_is_json_dumps_of_the_report(tmp_path):
    plan = [
        ("قال سامي إن الاتفاق قريب.", ["amina"], []),
        ("وأكدت ليلى أن المفاوضات مستمرة.", ["amina", "omar"], []),
        (
            "ونفى مصدر ما نشر عن القدس.",
            [],
            [
                {"annotator": who, "speaker": True, "start": 0, "end": 4 + n, "role": "person"}
                | {"entity": None, "kind": "direct", "stance": "favor", "target": "القدس"}
                | {"link": False}
                for n, who in enumerate(ANNOTATORS)
            ],
        ),
    ]
    with stored(tmp_path / "p.annotator", plan) as project:
        for chosen in (None, ANNOTATORS[:1], ANNOTATORS[1:]):
            report = agreement.compare(project, annotators=chosen)
            written = io.StringIO()
            report.write_json(project, written)
            whole = json.dumps(report.to_json(project), ensure_ascii=False, indent=2)
            assert written.getvalue() == whole
            assert len(report.to_json(project)["documents"]) == len(report.documents)
