"""Merge conflicts: a colleague's version of an annotation kept beside ours when both sides
changed it since their common revision (or one deleted what the other changed), until the
researcher chooses one in review. Never dropped, never chosen silently."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from typing import Any

from annotator.core.arabic.text import one_line
from annotator.core.clock import now
from annotator.core.errors import (
    AnnotatorError,
    ConflictError,
    Message,
    NotFoundError,
    ValidationError,
)
from annotator.core.model import Annotation, Entity, Stance
from annotator.core.store.annotation_store import AnnotationState, _history
from annotator.core.store.project import Project

CHOICES = ("ours", "theirs")
# Conflict ids derive from the annotation and their revision: recording the same conflict at
# the next merge of the same file finds the stored one.
_NAMESPACE = uuid.UUID("0b8f5a3e-6d2c-4e51-9f7a-31c4d2e8b6a7")


@dataclass(frozen=True)
class Conflict:
    """One open (or resolved) conflict. `theirs` is their version (None: they deleted it),
    always under our id `annotation_id`; `ours_rev` and `theirs_rev` name the two revisions
    ("N-HASH", "N-deleted"). `theirs_id`: the id of their annotation when it is not ours (the
    same annotator's tag of the same span made on another copy of the project, under another
    id, with other content), else None."""

    id: str
    annotation_id: str
    document_id: str
    annotator: str
    ours_rev: str
    theirs_rev: str
    theirs: Annotation | None
    theirs_history: tuple[str, ...]
    source: str
    created_at: str
    resolved: str | None = None
    theirs_id: str | None = None


@dataclass(frozen=True)
class Resolution:
    """What resolving changed, so it can be undone: our state before (None: ours did not exist)
    and the revision stored after (None: it does not exist)."""

    conflict_id: str
    before: AnnotationState | None
    revision: int | None


def record(
    project: Project,
    *,
    annotation_id: str,
    document_id: str,
    annotator: str,
    ours_rev: str,
    theirs_rev: str,
    theirs: Annotation | None,
    theirs_history: tuple[str, ...] | list[str],
    source: str,
    theirs_id: str | None = None,
) -> bool:
    """Keep their version as a conflict on our annotation `annotation_id` (`theirs` carries
    that id); `theirs_id` is their own id when it differs (the same span tagged under another
    id). False when this very conflict was stored before."""
    conflict_id = make_id(annotation_id, theirs_rev)
    payload = None
    if theirs is not None:
        extra = {"theirs_id": theirs_id} if theirs_id and theirs_id != annotation_id else {}
        payload = json.dumps(
            {**_as_dict(theirs), "history": list(theirs_history), **extra}, ensure_ascii=False
        )
    cursor = project.conn.execute(
        "INSERT OR IGNORE INTO conflicts (id, annotation_id, document_id, annotator, ours_rev, "
        "theirs_rev, theirs, source, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            conflict_id,
            annotation_id,
            document_id,
            annotator,
            ours_rev,
            theirs_rev,
            payload,
            source,
            now(),
        ),
    )
    if cursor.rowcount == 1 and theirs_history:
        # An open conflict with an older revision of theirs is replaced by this one, which
        # holds that revision's changes and more: one choice per annotation and colleague.
        marks = ", ".join("?" * len(theirs_history))
        project.conn.execute(
            "UPDATE conflicts SET resolved = 'ours', resolved_at = ? WHERE annotation_id = ? "
            f"AND resolved IS NULL AND theirs_rev IN ({marks})",
            (now(), annotation_id, *theirs_history),
        )
    return cursor.rowcount == 1


def make_id(annotation_id: str, theirs_rev: str) -> str:
    """The id of the conflict between our annotation and their revision `theirs_rev`."""
    return str(uuid.uuid5(_NAMESPACE, f"{annotation_id}/{theirs_rev}"))


def open_conflicts(project: Project, document_id: str | None = None) -> list[Conflict]:
    """The unresolved conflicts (of one document), oldest first."""
    sql = f"{_SELECT} WHERE resolved IS NULL"
    params: tuple = ()
    if document_id is not None:
        sql += " AND document_id = ?"
        params = (document_id,)
    found = []
    for row in project.conn.execute(sql + " ORDER BY created_at, id", params):
        try:
            found.append(_conflict(row))
        except ValidationError:
            continue  # a damaged row cannot be offered as a choice
    return found


def conflict(project: Project, conflict_id: str) -> Conflict:
    row = project.conn.execute(f"{_SELECT} WHERE id = ?", (conflict_id,)).fetchone()
    if row is None:
        raise NotFoundError(Message("no merge conflict with id %1", repr(conflict_id)))
    return _conflict(row)


def close_superseded(project: Project) -> int:
    """Close the open conflicts that our current version (or deletion) already descends from
    their side of: settled elsewhere (a colleague resolved it and we merged their file), so
    choosing there could only bring an older version back. Returns how many were closed."""
    closed = 0
    for conflict_id, annotation_id, theirs_rev in project.conn.execute(
        "SELECT id, annotation_id, theirs_rev FROM conflicts WHERE resolved IS NULL"
    ).fetchall():
        row = project.conn.execute(
            "SELECT rev, history FROM annotations WHERE id = ? UNION ALL "
            "SELECT rev, history FROM deletions WHERE annotation_id = ?",
            (annotation_id, annotation_id),
        ).fetchone()
        if row is not None and row[0] != theirs_rev and theirs_rev in _history(row[1]):
            # 'ours': what stays is our version, which now includes theirs.
            project.conn.execute(
                "UPDATE conflicts SET resolved = 'ours', resolved_at = ? WHERE id = ?",
                (now(), conflict_id),
            )
            closed += 1
    return closed


def differences(project: Project, item: Conflict) -> list[str]:
    """The fields in which our current version and theirs differ: "deleted" when one side
    has no annotation, else some of span, layer, attributes, entity, link, stances."""
    ours = project.state(item.annotation_id)
    if ours is None or item.theirs is None:
        return [] if ours is None and item.theirs is None else ["deleted"]
    a, b = ours.annotation, item.theirs
    return [name for name, get in FIELDS.items() if get(a) != get(b)]


# What `differences` compares, by the name it reports ("deleted" aside).
FIELDS = {
    "span": lambda x: (x.start, x.end),
    "layer": lambda x: x.layer,
    "attributes": lambda x: dict(x.attributes),
    "entity": lambda x: x.entity.name if x.entity else None,
    "link": lambda x: x.link_id,
    "stances": lambda x: tuple(x.stances),
}


def describe(project: Project, item: Conflict) -> str:
    """One line naming the annotation, both revisions, their file and what differs."""
    ours = project.state(item.annotation_id)
    shown = ours.annotation if ours is not None else item.theirs
    what = f"{shown.layer} «{one_line(shown.text, 40)}»" if shown is not None else "annotation"
    fields = ", ".join(differences(project, item)) or "nothing now"
    theirs = "deleted" if item.theirs is None else item.theirs_rev
    if item.theirs_id is not None:
        theirs += f" (their annotation {item.theirs_id}: the same span tagged under another id)"
    return (
        f"annotation {item.annotation_id} ({what} of {item.annotator} in {item.document_id}): "
        f"ours {item.ours_rev if ours is not None else 'deleted'}, theirs {theirs} "
        f"from {item.source}; differs in {fields}"
    )


def resolve(project: Project, conflict_id: str, choice: str) -> Resolution:
    """Keep our version ("ours") or take theirs ("theirs") in one transaction. Either way a new
    revision is stored whose history names both sides' revisions, so merging the same file
    again finds ours newer and does not report the conflict again.

    Raises ConflictError when the conflict is already resolved, ValidationError when their
    version no longer fits (its linked speaker was deleted, say): nothing is changed then."""
    if choice not in CHOICES:
        raise ValidationError(
            Message("a conflict is resolved as 'ours' or 'theirs', not %1", repr(choice))
        )
    with project.atomic():
        item = conflict(project, conflict_id)
        if item.resolved is not None:
            raise ConflictError(
                Message(
                    "the conflict on annotation %1 was already resolved (%2)",
                    item.annotation_id,
                    item.resolved,
                )
            )
        before = project.state(item.annotation_id)
        try:
            if choice == "theirs":
                _take_theirs(project, item, before)
            else:
                _keep_ours(project, item, before)
        except AnnotatorError as exc:
            raise ValidationError(
                Message(
                    "cannot take %1 version of annotation %2: %3", choice, item.annotation_id, exc
                )
            ) from None
        project.conn.execute(
            "UPDATE conflicts SET resolved = ?, resolved_at = ? WHERE id = ?",
            (choice, now(), conflict_id),
        )
        return Resolution(conflict_id, before, project.revision(item.annotation_id))


def reopen(project: Project, resolution: Resolution) -> None:
    """Undo a resolution: put our version back (as a new revision) and open the conflict again.
    ConflictError when the annotation changed since the resolution."""
    item = conflict(project, resolution.conflict_id)
    with project.atomic():
        project.restore(item.annotation_id, resolution.before, expected=resolution.revision)
        project.conn.execute(
            "UPDATE conflicts SET resolved = NULL, resolved_at = NULL WHERE id = ?",
            (resolution.conflict_id,),
        )


def _take_theirs(project: Project, item: Conflict, before: AnnotationState | None) -> None:
    after = [*item.theirs_history, item.theirs_rev]
    if item.theirs is None:
        if before is not None:
            project._delete(item.annotation_id, before.incoming, after)
        else:
            _extend_deletion(project, item.annotation_id, after)
        return
    if item.theirs.entity is not None:
        project._put_entity(item.theirs.entity)
    project._write(item.theirs, new=before is None, after=after)


def _keep_ours(project: Project, item: Conflict, before: AnnotationState | None) -> None:
    if before is None:
        _extend_deletion(project, item.annotation_id, [item.theirs_rev])
    else:
        project._write(before.annotation, new=False, after=[item.theirs_rev])


def _extend_deletion(project: Project, annotation_id: str, revs: list[str]) -> None:
    """Our deletion stays, and now also covers their revisions: a later merge of their file
    finds it newer and does not bring the annotation back."""
    record = project.deletion(annotation_id)
    if record is None:
        return
    history = list(dict.fromkeys([*record["history"], *revs]))
    project.conn.execute(
        "UPDATE deletions SET history = ? WHERE annotation_id = ?",
        (json.dumps(history), annotation_id),
    )


_SELECT = (
    "SELECT id, annotation_id, document_id, annotator, ours_rev, theirs_rev, theirs, source, "
    "created_at, resolved FROM conflicts"
)


def _conflict(row: Any) -> Conflict:
    theirs, history, theirs_id = None, (), None
    if row[6]:
        try:
            data = json.loads(row[6])
            theirs, history = _from_dict(data), tuple(map(str, data.get("history", ())))
            theirs_id = str(data["theirs_id"]) if data.get("theirs_id") else None
            if theirs.id != row[1]:
                raise ValueError("their version is not of the annotation in conflict")
        except (ValueError, KeyError, TypeError, AttributeError):
            raise ValidationError(
                Message("merge conflict %1: their stored version is unreadable", row[0])
            ) from None
    return Conflict(
        id=row[0],
        annotation_id=row[1],
        document_id=row[2],
        annotator=row[3],
        ours_rev=row[4],
        theirs_rev=row[5],
        theirs=theirs,
        theirs_history=history,
        source=row[7],
        created_at=row[8],
        resolved=row[9],
        theirs_id=theirs_id,
    )


def _as_dict(annotation: Annotation) -> dict[str, Any]:
    entity = annotation.entity
    return {
        "id": annotation.id,
        "document_id": annotation.document_id,
        "annotator": annotation.annotator,
        "layer": annotation.layer,
        "start": annotation.start,
        "end": annotation.end,
        "text": annotation.text,
        "attributes": dict(annotation.attributes),
        "entity": (
            None
            if entity is None
            else {
                "id": entity.id,
                "name": entity.name,
                "kind": entity.kind,
                "aliases": list(entity.aliases),
            }
        ),
        "link_id": annotation.link_id,
        "stances": [[s.target, s.value] for s in annotation.stances],
        "origin": annotation.origin,
        "created_at": annotation.created_at,
        "modified_at": annotation.modified_at,
        "sources": list(annotation.sources),
    }


def _from_dict(data: dict[str, Any]) -> Annotation:
    entity = data.get("entity")
    return Annotation(
        id=data["id"],
        document_id=data["document_id"],
        annotator=data["annotator"],
        layer=data["layer"],
        start=data["start"],
        end=data["end"],
        text=data["text"],
        attributes=dict(data.get("attributes") or {}),
        entity=(
            None
            if not entity
            else Entity(entity["id"], entity["name"], entity.get("kind"), tuple(entity["aliases"]))
        ),
        link_id=data.get("link_id"),
        stances=tuple(Stance(t, v) for t, v in data.get("stances", ())),
        origin=data.get("origin", "manual"),
        created_at=data.get("created_at", ""),
        modified_at=data.get("modified_at", ""),
        sources=tuple(data.get("sources", ())),
    )
