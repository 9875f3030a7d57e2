"""Suggested speakers and claims: the detections of `reported_speech.detect` stored as
annotations of the annotator `suggestions` (origin "suggested"), never in anyone's own work;
`accept` copies one into a person's work, `reject` removes one and remembers it so that it is
not proposed again, and `pending` lists what a person has not decided yet. The rules also read
the project's cue list (`project_cues`): the cue words researchers used on their own claims
and the words added to it by hand.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from annotator.core.arabic.reported_speech import Detection, detect
from annotator.core.clock import now
from annotator.core.errors import Message, NotFoundError, ValidationError
from annotator.core.model import Annotation, Entity
from annotator.core.store.batch import AnnotationBatch
from annotator.core.store.learning import ProjectCue
from annotator.core.store.project import Project

SUGGESTIONS = "suggestions"  # the annotator whose annotations are the suggestions
CUE_LAYER = "cue"  # a schema with a span layer of this name gets the cue of each claim
_IDS = uuid.UUID("6f1c2a52-3b8e-4a51-9d0e-2f4b7c1e9a10")  # ids are stable across runs


# ---------------------------------------------------------------------------------- storing


@dataclass(frozen=True)
class SuggestReport:
    """What `suggest` stored, by document: (speakers, claims)."""

    counts: dict[str, tuple[int, int]]

    @property
    def speakers(self) -> int:
        return sum(s for s, _ in self.counts.values())

    @property
    def claims(self) -> int:
        return sum(c for _, c in self.counts.values())


def suggestion_id(document_id: str, layer: str, start: int, end: int) -> str:
    """The same suggestion gets the same id on every run, so decisions stay attached."""
    return str(uuid.uuid5(_IDS, f"{document_id}\x00{layer}\x00{start}\x00{end}"))


@dataclass(frozen=True)
class Rules:
    """What the rules read of a project besides a text: its entities and the cue words its
    list has in use. Read on the thread that holds the project; `detect` is pure, so it may
    run on another thread (the window runs a long article's there)."""

    entities: tuple[Entity, ...]
    cues: tuple[str, ...]

    def detect(self, text: str) -> Detection:
        return detect(text, self.entities, self.cues)


def rules(project: Project) -> Rules:
    """The project's entities and cue list, as `suggest` reads them."""
    return Rules(tuple(project.entities()), tuple(cues_in_use(project)))


def suggest(project: Project, document_ids: Iterable[str] | None = None) -> SuggestReport:
    """Detect speakers and claims and store them as the `suggestions` annotator's annotations,
    replacing that document's earlier suggestions (one transaction per document)."""
    ids = list(document_ids) if document_ids is not None else [d.id for d in project.documents()]
    read = rules(project)
    counts: dict[str, tuple[int, int]] = {}
    for document_id in ids:
        counts[document_id] = store(
            project, document_id, read.detect(project.text(document_id)), read
        )
    return SuggestReport(counts)


@dataclass(frozen=True)
class _Planned:
    """One suggestion to store: what `Project.add_annotation` is given for it."""

    id: str
    layer: str
    start: int
    end: int
    attributes: dict[str, str]
    entity: Entity | None
    link_id: str | None
    stored_attributes: dict[str, Any]  # as the store keeps them (with the schema's defaults)

    def stored_as(self, annotation: Annotation) -> bool:
        """Whether `annotation` (a stored suggestion of the same id) is this one already."""
        entity = annotation.entity.id if annotation.entity is not None else None
        return (
            (annotation.layer, annotation.start, annotation.end)
            == (self.layer, self.start, self.end)
            and dict(annotation.attributes) == self.stored_attributes
            and entity == (self.entity.id if self.entity is not None else None)
            and annotation.link_id == self.link_id
            and not annotation.stances
            and not annotation.sources
            and annotation.origin == "suggested"
        )


def store(project: Project, document_id: str, detection: Detection, read: Rules) -> tuple[int, int]:
    """Store one document's detection (made by `read.detect` from its text) as its
    suggestions, replacing the earlier ones, in one transaction; (speakers, claims) stored.
    Suggestions the researchers rejected are left out. An earlier suggestion that the new
    detection proposes again unchanged (same span, attributes, entity and link) is kept as
    it is: running the rules again costs what changed, and makes no new revision of it."""
    with project.atomic():
        old = {a.id: a for a in project.annotations(document_id, annotator=SUGGESTIONS)}
        # Rejected and not brought back by an undo since: not proposed again.
        rejected = project.rejected_suggestions(document_id) - old.keys()
        planned, counts = _plan(project, document_id, detection, read, rejected)
        kept: set[str] = set()
        for suggestion in planned:  # speakers before the claims and cues that link to them
            earlier = old.get(suggestion.id)
            if earlier is not None and suggestion.stored_as(earlier):
                if suggestion.link_id is None or suggestion.link_id in kept:
                    kept.add(suggestion.id)
        for annotation in sorted(old.values(), key=lambda a: a.link_id is None):
            if annotation.id not in kept:
                project.delete_annotation(annotation.id)
        for suggestion in planned:
            if suggestion.id in kept:
                continue
            project.add_annotation(
                document_id,
                SUGGESTIONS,
                suggestion.layer,
                suggestion.start,
                suggestion.end,
                attributes=suggestion.attributes or None,
                entity=suggestion.entity,
                link_id=suggestion.link_id,
                origin="suggested",
                id=suggestion.id,
            )
    return counts


def _plan(
    project: Project, document_id: str, detection: Detection, read: Rules, rejected: set[str]
) -> tuple[list[_Planned], tuple[int, int]]:
    """The suggestions to store, in the order they are added (each speaker, then each claim
    with its cue), and how many speakers and claims they hold."""
    speaker_layer, claim_layer = _layers(project)
    cue_layer = CUE_LAYER if CUE_LAYER in project.schema.layer_names else None
    cue_linked = (
        cue_layer is not None
        and project.schema.layer(cue_layer).attribute_of_type("link") is not None
    )
    entities: dict[str, Entity] = {}
    for entity in read.entities:
        entities.setdefault(entity.name, entity)  # the first of a name
    stored: dict[tuple, dict[str, Any]] = {}

    def plan(
        id: str,
        layer: str,
        span: tuple[int, int],
        attributes: dict[str, str],
        entity: Entity | None = None,
        link_id: str | None = None,
    ) -> None:
        key = (layer, tuple(attributes.items()))
        if key not in stored:  # a few distinct sets of values, checked once each
            stored[key] = project.schema.validate_attributes(layer, attributes)
        planned.append(_Planned(id, layer, *span, attributes, entity, link_id, stored[key]))

    planned: list[_Planned] = []
    by_span: dict[tuple[int, int], str] = {}
    speakers = claims = 0
    for speaker in detection.speakers:
        sid = suggestion_id(document_id, speaker_layer, speaker.start, speaker.end)
        if sid in rejected:
            continue
        speakers += 1
        entity = entities.get(speaker.entity) if speaker.entity else None
        plan(sid, speaker_layer, (speaker.start, speaker.end), {}, entity=entity)
        by_span[(speaker.start, speaker.end)] = sid
    cues: set[str] = set()
    for claim in detection.claims:
        cid = suggestion_id(document_id, claim_layer, claim.start, claim.end)
        if cid in rejected:
            continue
        claims += 1
        attributes = {"kind": claim.kind}
        if claim.cue:
            attributes["cue"] = claim.cue
        link = by_span.get(claim.speaker) if claim.speaker else None
        attributes = _known_attributes(project, claim_layer, attributes)
        plan(cid, claim_layer, (claim.start, claim.end), attributes, link_id=link)
        if cue_layer is not None and claim.cue_span is not None:
            # One cue span per place: a cue introducing two claims («قال X وY إن …») links
            # to the first.
            cue_id = suggestion_id(document_id, cue_layer, *claim.cue_span)
            if cue_id not in rejected and cue_id not in cues:
                cues.add(cue_id)
                cue_link = cid if cue_linked else None
                plan(cue_id, cue_layer, claim.cue_span, {}, link_id=cue_link)
    return planned, (speakers, claims)


def reject(
    project: Project, suggestion_id: str, annotator: str, base_revision: int | None = None
) -> None:
    """Remove a suggestion and remember it, in one transaction, so that `suggest` does not
    propose it again (undoing the removal brings it back: a suggestion present again is no
    longer taken as rejected). `base_revision`: the revision shown (ConflictError when it
    changed since). Raises NotFoundError, ValidationError for an annotation that is not a
    suggestion."""
    suggestion = project.annotation(suggestion_id)
    if suggestion.annotator != SUGGESTIONS:
        raise ValidationError("only suggestions can be rejected")
    with project.atomic():
        project.remember_rejection(
            suggestion.id,
            suggestion.document_id,
            suggestion.layer,
            suggestion.start,
            suggestion.end,
            suggestion.text,
            annotator,
        )
        project.delete_annotation(
            suggestion_id,
            base_revision=suggestion.revision if base_revision is None else base_revision,
        )


def project_cues(project: Project) -> list[ProjectCue]:
    """The project's cue list, sorted: the cue words researchers used on their own claims
    (learned) and the ones added by hand, each with whether suggestions read it."""
    _, claim_layer = _layers(project)
    learned = project.learned_cues(claim_layer, SUGGESTIONS)
    edits = project.cue_edits()
    added = {cue for cue, state in edits.items() if state == "added"}
    return [
        ProjectCue(cue, cue in learned, cue in added, edits.get(cue) != "removed")
        for cue in sorted(learned | added)
    ]


def cues_in_use(project: Project) -> list[str]:
    """The cue words of the project's list that suggestions read."""
    return [entry.cue for entry in project_cues(project) if entry.used]


def _layers(project: Project) -> tuple[str, str]:
    """The claim layer is the one with a link; the speaker layer is the one it links to."""
    for layer in project.schema.layers:
        link = layer.attribute_of_type("link")
        if link is not None:
            return link.layer, layer.name
    raise ValidationError("the label schema has no layer linking claims to speakers")


def _known_attributes(project: Project, layer: str, attributes: dict[str, str]) -> dict[str, str]:
    """Only the attributes (and choice values) the project's schema has."""
    known = {}
    for name, value in attributes.items():
        attribute = project.schema.layer(layer).attribute(name)
        if attribute is None:
            continue
        if attribute.type == "choice" and value not in attribute.values:
            continue
        known[name] = value
    return known


def pending(project: Project, document_id: str, annotator: str) -> list[Annotation]:
    """The suggestions of a document that `annotator` has not accepted, in reading order."""
    suggestions = project.annotations(document_id, annotator=SUGGESTIONS)
    if not suggestions:
        return []
    taken = project.decided_from(document_id, annotator)
    return [a for a in suggestions if a.id not in taken]


def pending_among(
    project: Project, document_id: str, annotator: str, suggestion_ids: Iterable[str]
) -> dict[str, Annotation]:
    """Those of `suggestion_ids` that are suggestions of the document `annotator` has not
    accepted ({id: suggestion}), as `pending` would find them: the suggestions are read by
    id, not the document's all (the window follows one decision with it)."""
    found = project.annotations_by_id(suggestion_ids)
    suggestions = {
        i: a
        for i, a in found.items()
        if a.annotator == SUGGESTIONS and a.document_id == document_id
    }
    if not suggestions:
        return {}
    taken = project.decided_from(document_id, annotator)
    return {i: a for i, a in suggestions.items() if i not in taken}


def accept(project: Project, suggestion_id: str, annotator: str) -> list[str]:
    """Copy a suggestion into `annotator`'s work, in one transaction; a claim brings its
    suggested speaker along unless that speaker was accepted already. The copies keep origin
    "suggested" and name the suggestion in `sources`. Returns the ids of the new annotations
    (none when it was accepted before)."""
    suggestion = project.annotation(suggestion_id)
    if suggestion.annotator != SUGGESTIONS:
        raise ValidationError("only suggestions can be accepted")
    if annotator == SUGGESTIONS:
        raise ValidationError(Message("choose an annotator other than %1", repr(SUGGESTIONS)))
    made: list[str] = []
    with project.atomic():
        _accept(project, suggestion, annotator, made)
        _start_work(project, suggestion.document_id, annotator, made)
    return made


def _start_work(project: Project, document_id: str, annotator: str, made: list[str]) -> None:
    """Accepting is the annotator's own work: a document still to do is now in progress."""
    if made and project.status(document_id, annotator) == "todo":
        project.set_status(document_id, annotator, "in_progress")


def _accept(project: Project, suggestion: Annotation, annotator: str, made: list[str]) -> str:
    mine = project.annotations(suggestion.document_id, annotator=annotator)
    for annotation in mine:
        if suggestion.id in annotation.sources:
            return annotation.id
    link_id = None
    if suggestion.link_id is not None:
        try:
            speaker = project.annotation(suggestion.link_id)
        except NotFoundError:
            speaker = None
        if speaker is not None:
            same = [
                a
                for a in mine
                if (a.layer, a.start, a.end) == (speaker.layer, speaker.start, speaker.end)
            ]
            link_id = same[0].id if same else _accept(project, speaker, annotator, made)
    copy = project.add_annotation(
        suggestion.document_id,
        annotator,
        suggestion.layer,
        suggestion.start,
        suggestion.end,
        attributes=dict(suggestion.attributes),
        entity=suggestion.entity,
        link_id=link_id,
        stances=suggestion.stances,
        origin="suggested",
        sources=(suggestion.id,),
    )
    made.append(copy.id)
    return copy.id


def accept_all(project: Project, document_id: str, annotator: str) -> list[str]:
    """Accept every pending suggestion of a document in one transaction; the new ids, as
    `accept` of each in reading order would make them (a claim's speaker just before it).

    Linear in the suggestions: the document's suggestions and the annotator's annotations are
    read once, and the copies checked one by one as `Project.add_annotation` checks them and
    stored together (`AnnotationBatch`, the import's bulk path). Raises what `add_annotation`
    would (ValidationError, DuplicateError), and then nothing is stored."""
    made: list[str] = []
    with project.atomic():
        suggestions = project.annotations(document_id, annotator=SUGGESTIONS)
        if not suggestions:
            return made
        taken = project.decided_from(document_id, annotator)
        copies = _Copies(project, document_id, annotator, suggestions)
        for suggestion in suggestions:
            if suggestion.id not in taken:
                copies.accept(suggestion, made)
        copies.batch.write()
        _start_work(project, document_id, annotator, made)
    return made


class _Copies:
    """The annotator's copies of a document's suggestions during one `accept_all`: what
    `_accept` looks up in the annotator's annotations (the copy of a suggestion, an own
    annotation on a speaker's span), read once and kept up to date as copies are made."""

    def __init__(
        self, project: Project, document_id: str, annotator: str, suggestions: list[Annotation]
    ) -> None:
        self.project, self.annotator = project, annotator
        self.suggestions = {s.id: s for s in suggestions}
        self.of_source: dict[str, str] = {}
        self.on_span: dict[tuple[str, int, int], str] = {}
        for annotation in project.annotations(document_id, annotator=annotator):
            for source in annotation.sources:
                self.of_source.setdefault(source, annotation.id)
            self.on_span.setdefault(
                (annotation.layer, annotation.start, annotation.end), annotation.id
            )
        self.batch = AnnotationBatch(project)
        self.stamp = now()

    def accept(self, suggestion: Annotation, made: list[str]) -> str:
        found = self.of_source.get(suggestion.id)
        if found is not None:
            return found
        link_id = None
        if suggestion.link_id is not None:
            speaker = self.suggestions.get(suggestion.link_id)
            if speaker is None:
                try:
                    speaker = self.project.annotation(suggestion.link_id)
                except NotFoundError:
                    speaker = None
            if speaker is not None:
                link_id = self.on_span.get((speaker.layer, speaker.start, speaker.end))
                if link_id is None:
                    link_id = self.accept(speaker, made)
        copy = self.batch.add(
            suggestion.copied(
                self.annotator,
                origin="suggested",
                stamp=self.stamp,
                link_id=link_id,
                sources=(suggestion.id,),
            )
        )
        made.append(copy.id)
        self.of_source.setdefault(suggestion.id, copy.id)
        self.on_span.setdefault((copy.layer, copy.start, copy.end), copy.id)
        return copy.id
