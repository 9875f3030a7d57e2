"""The joint statement of issue 12: one quotation tagged as two claims, one per speaker, by two
annotators who did exactly the same work, tagged in different orders."""

from __future__ import annotations

import uuid

from annotator.core.store.project import Project

# On the sample article: two speaker mentions (Qaani, Haniyeh) and a quotation after them.
SPEAKERS = ((0, 5), (184, 229))
QUOTATION = (339, 474)
STANCES = ([("Israel", "against")], [("Israel", "against"), ("Palestinian cause", "favor")])


def tag_joint_statement(project: Project, document_id: str, annotator: str, reverse: bool) -> dict:
    """Tag both speakers and the quotation once per speaker (each claim with its own stances);
    `reverse` tags them in the other order, with ids in that order too, so pairing by storage
    order or by id pairs each claim with the colleague's claim of the other speaker. Returns
    {speaker span: the claim linked to it}."""
    order = (1, 0) if reverse else (0, 1)

    def ordered_id(k: int) -> str:  # sorts by k; unique to the annotator
        return f"{k:08x}" + str(uuid.uuid5(uuid.NAMESPACE_URL, annotator))[8:]

    speakers = {}
    for n in order:
        speakers[n] = project.add_annotation(
            document_id, annotator, "speaker", *SPEAKERS[n], attributes={"role": "person"}
        )
    claims = {}
    for n in order:
        claims[SPEAKERS[n]] = project.add_annotation(
            document_id,
            annotator,
            "claim",
            *QUOTATION,
            attributes={"kind": "direct"},
            link_id=speakers[n].id,
            stances=STANCES[n],
            id=ordered_id(len(claims)),
        )
    return claims
