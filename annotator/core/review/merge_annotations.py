"""The heart of a merge: their annotations and deletions against ours, id by id, by revision.

For each id: equal revisions change nothing; the side whose history holds the other's revision
is newer and wins; otherwise both changed it since their common revision, and their version is
kept as a conflict (`annotator.core.review.conflicts`). Deletions are compared the same way through
their records, so a deletion travels like an edit and is never undone by an older copy.

The same work under another id: one researcher on two copies of a project (laptop and desktop)
may tag the same span twice, once on each, under two ids. Their annotation whose id this
project does not know (nor its deletion) is paired with ours of the same document, annotator,
layer, span and link (their link read as ours), provided their file does not hold our id
itself. Paired, it is ours: their annotations linking to it (claims of their speaker) link to
ours, and it is never added beside ours. With equal content (attributes, entity, link, stances)
it counts as unchanged ("same work", and ours learns the names of their revisions); when our
revision (or one of equal content: names hash the content) is in its history it is a later
edit of the content ours has, and ours takes it (as an edit, "updated"); when its revision is
in our history it was decided here already (unchanged); else it is kept as a conflict on OUR
id, naming their id, to resolve as any other. A claim on the same span linked to another
speaker is not paired (a joint statement is one claim per speaker). Once ours is deleted,
their copy is recognised by its revision names in our deletion record and stays out (or,
changed since, is a conflict with the deletion).
"""

from __future__ import annotations

import json
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from annotator.core.errors import AnnotatorError, Cancelled, Message, ValidationError
from annotator.core.model import Annotation, Stance
from annotator.core.review import conflicts
from annotator.core.review.merge_new import NewAnnotations
from annotator.core.store.annotation_store import _history, revision_content
from annotator.core.store.project import Project

# Ids of a renamed annotator's annotations derive from the old id and the new name, so merging
# the same file twice under the same rename finds them again.
_RENAMED = uuid.UUID("9c2e7d41-58b3-4f0a-a6e1-d3b7c5f98a24")


class AnnotationMerge:
    """One merge of their annotations and deletions into ours, id by id, by revision."""

    def __init__(
        self,
        project: Project,
        theirs: dict[str, list],
        other: Path,
        documents: dict[str, str],
        entities: dict[str, str],
        rename: dict[str, str],
    ):
        self.project, self.theirs, self.other = project, theirs, other
        self.documents, self.entities, self.rename = documents, entities, rename
        self.counts: Counter[str] = Counter()
        self.conflict_ids: set[str] = set()
        self._entities = {e.id: e for e in project.entities()}
        # Their id -> ours: renamed annotators' ids, then their annotations found to be ours
        # under another id (filled in as the merge pairs them).
        self._ours_of = {
            row[key]: str(uuid.uuid5(_RENAMED, f"{row[key]}/{rename[row['annotator']]}"))
            for table, key in (("annotations", "id"), ("deletions", "annotation_id"))
            for row in theirs[table]
            if row["annotator"] in rename
        }
        # Our ids their file holds (as annotations or deletions): never paired with another.
        # The rows `NewAnnotations` copies are not among them (their ids are new here).
        self._in_theirs = {
            self.id(row[key])
            for table, key in (("annotations", "id"), ("deletions", "annotation_id"))
            for row in theirs[table]
        }
        self._spans: dict[tuple, list[str]] | None = None  # read when first needed
        self._deleted_names: dict[str, str] | None = None  # the same
        self._paired: set[str] = set()
        for table in ("annotations", "deletions"):
            for row in theirs[table]:
                row["history"] = _history(row["history"]) if row["history"] != "[]" else []
        self._json: dict[str, Any] = {}
        self._fits: set[tuple[str, str]] = set()  # (layer, attributes JSON) our schema holds
        self._added: list[tuple[dict, Annotation]] = []
        self._updates: list[tuple[dict, Annotation, bool]] = []
        self._stances: dict[str, list[Stance]] = {}
        for annotation_id, _, target, value in sorted(theirs["stances"]):
            self._stances.setdefault(annotation_id, []).append(Stance(target, value))
        self._ours = {
            r[0]: (r[1], r[2])
            for r in project.conn.execute("SELECT id, rev, history FROM annotations")
        }
        self._gone = {
            r[0]: (r[1], r[2])
            for r in project.conn.execute("SELECT annotation_id, rev, history FROM deletions")
        }

    def id(self, annotation_id: str | None) -> str | None:
        """Our id of one of their annotations: the same, unless its annotator was renamed or it
        is ours under another id (see the module's docstring)."""
        return self._ours_of.get(annotation_id, annotation_id) if annotation_id else None

    def merge(self, cancelled: Callable[[], bool], new: NewAnnotations) -> None:
        """Decide every id, then write: new annotations in one statement (and `new`, those
        that needed no decision, in another), newer revisions one by one, their deletions last
        (a deleted speaker takes its claims' links along)."""
        # Link targets (speakers) before the annotations linking to them (claims), and the
        # annotations others name as sources (adjudicated ones) last: each is paired with ours
        # (see `_same_work`) before an annotation that names it is read.
        rows = sorted(
            self.theirs["annotations"],
            key=lambda r: (r["sources"] not in (None, "[]"), r["link_id"] is not None, r["id"]),
        )
        for n, row in enumerate(rows):
            self._annotation(row)
            if n % 1000 == 999 and cancelled():
                raise Cancelled("merge cancelled; nothing was changed")
        # SQLite gives each new row a rowid above the largest one, unless that is the largest
        # possible: then every row is looked at.
        (last,) = self.project.conn.execute("SELECT max(rowid) FROM annotations").fetchone()
        after = last if last is not None and last < 2**62 else 0
        self._write_added()
        # What was stored, as SQLite counted it: the report never counts a row it planned.
        self.counts["added"] += new.store()
        for row, theirs, created in self._updates:
            self._write(row, theirs, created)
        self._check_added(new, after)
        for row in self.theirs["deletions"]:
            self._deletion(row)
        if cancelled():
            raise Cancelled("merge cancelled; nothing was changed")

    def _annotation(self, row: dict) -> None:
        self._check_schema(row)
        annotation_id = self.id(row["id"])
        rev, history = row["rev"], row["history"]
        ours, gone = self._ours.get(annotation_id), self._gone.get(annotation_id)
        if ours is not None:
            if rev == ours[0]:
                if rev.endswith("-0") and self._differs(self._theirs(row)):
                    # Rows from before revisions were kept all read "1-0": compare content.
                    return self._conflict(row, self._theirs(row), ours[0])
                self._learn(annotation_id, history)
                self.counts["unchanged"] += 1
            elif ours[0] in history:
                self._take(_keeping(row, ours), self._theirs(row), "updated")
            elif rev in _names(ours):
                self._learn(annotation_id, history)  # ours is newer; theirs is an ancestor
                self.counts["unchanged"] += 1
            else:
                self._conflict(row, self._theirs(row), ours[0])
        elif gone is not None:
            if rev in _names(gone):
                # Deleted here after their revision: stays so, and our record learns their
                # earlier names (changes both made apart), so they stay known here.
                self._join_deletions(annotation_id, history)
                self.counts["unchanged"] += 1
            elif gone[0] in history:
                self._take(_keeping(row, gone), self._theirs(row), "updated")
            else:
                self._conflict(row, self._theirs(row), gone[0])
        else:
            theirs = self._theirs(row)
            twin = self._twin(theirs)
            if twin is not None:
                self._same_work(row, replace(theirs, id=twin))
            elif (deleted := self._deleted_twin(row)) is not None:
                self._deleted_work(row, replace(theirs, id=deleted))
            else:
                self._take(row, theirs, "added")

    def _twin(self, theirs: Annotation) -> str | None:
        """Our annotation that is the same tag as their new one under another id: same
        document, annotator, layer, span and link, an id their file does not hold and that no
        other of theirs was paired with. None when there is none."""
        if self._spans is None:
            self._spans = {}
            for row in self.project.conn.execute(
                'SELECT a.document_id, p.name, a.layer, a.start, a."end", a.link_id, a.id '
                "FROM annotations a JOIN annotators p ON p.id = a.annotator_id ORDER BY a.id"
            ):
                self._spans.setdefault(tuple(row[:6]), []).append(row[6])
        key = (
            theirs.document_id,
            theirs.annotator,
            theirs.layer,
            theirs.start,
            theirs.end,
            theirs.link_id,
        )
        for our_id in self._spans.get(key, ()):
            if our_id not in self._in_theirs and our_id not in self._paired:
                return our_id
        return None

    def _same_work(self, row: dict, theirs: Annotation) -> None:
        """Their annotation `row` is ours `theirs.id` under another id (their content, our
        id): from now on their links to it are links to ours; its content is compared."""
        our_id = theirs.id
        self._ours_of[row["id"]] = our_id
        self._paired.add(our_id)
        entry = self._ours[our_id]
        # Rows from before revisions were kept are all named "1-0": only content tells.
        named = not row["rev"].endswith("-0")
        if (
            named
            and (row["rev"] == entry[0] or row["rev"] in _names(entry))
            or not self._differs(theirs)
        ):
            # Equal content, or their revision decided here already: ours learns their
            # revision names, so that their later edits are found newer, and after ours is
            # deleted here their copy stays out (`_deleted_twin`).
            self._learn(our_id, [*row["history"], row["rev"]])
            self.counts["unchanged"] += 1
            self.counts["same_work"] += 1
        elif _descends(row["history"], entry[0]):
            # A later edit of the content ours has.
            self._take(_keeping(row, entry), theirs, "updated")
        else:
            self._conflict(row, theirs, entry[0], theirs_id=row["id"])

    def _learn(self, annotation_id: str, names: list[str]) -> None:
        """Our annotation, equal to theirs, learns the revision names of theirs it lacks (equal
        revisions reached through different edits: both sides made the same change), so a
        third copy holding any of them is found older. Only the history changes."""
        entry = self._ours[annotation_id]
        if not names or (isinstance(entry[1], str) and entry[1] == json.dumps(names)):
            return  # the common case: the same history
        known = _names(entry)
        new = [
            n
            for n in dict.fromkeys(names)
            if n != entry[0] and n not in known and not n.endswith("-0")
        ]
        if not new:
            return
        (stored,) = self.project.conn.execute(
            "SELECT history FROM annotations WHERE id = ?", (annotation_id,)
        ).fetchone()
        history = [*_history(stored), *new]
        self.project.conn.execute(
            "UPDATE annotations SET history = ? WHERE id = ?", (json.dumps(history), annotation_id)
        )
        self._ours[annotation_id] = (entry[0], set(history))

    def _deleted_twin(self, row: dict) -> str | None:
        """Our deleted annotation that held their new one's revision, or one it descends from
        (revision names hash the content: the same annotator's span, layer, attributes, link
        and stances): the same work, deleted here after it was paired. None when there is
        none, or when their file holds that id itself."""
        if self._deleted_names is None:
            self._deleted_names = {}
            for annotation_id, (rev, history) in self._gone.items():
                if annotation_id not in self._in_theirs:
                    for name in _names((rev, history)):
                        if not name.endswith("-0"):  # "1-0": any row from before revisions
                            self._deleted_names.setdefault(name, annotation_id)
        for name in (row["rev"], *reversed(row["history"])):
            found = self._deleted_names.get(name)
            if found is not None and found not in self._paired:
                return found
        return None

    def _deleted_work(self, row: dict, theirs: Annotation) -> None:
        """Their annotation `row` is ours `theirs.id`, deleted here: it stays deleted when
        our deletion holds its revision, else (they changed it since) it is a conflict, as
        for one id; their links to it are links to ours (deleted, so conflicts too)."""
        our_id = theirs.id
        self._ours_of[row["id"]] = our_id
        self._paired.add(our_id)
        gone = self._gone[our_id]
        if row["rev"] in _names(gone):
            self.counts["unchanged"] += 1
            self.counts["same_work"] += 1
        else:
            self._conflict(row, theirs, gone[0], theirs_id=row["id"])

    def _take(self, row: dict, theirs: Annotation, count: str) -> None:
        """Their revision is to be stored as it is (revision, name and history)."""
        if theirs.link_id in self._gone:
            # They linked to a speaker deleted here: a conflict, not a refusal.
            ours = self._ours.get(theirs.id) or self._gone.get(theirs.id)
            return self._conflict(row, theirs, ours[0] if ours else "0-absent")
        if count == "added":
            self._added.append((row, theirs))
        else:
            self._updates.append((row, theirs, theirs.id not in self._ours))
        self._ours[theirs.id] = (row["rev"], set(row["history"]))
        self._gone.pop(theirs.id, None)
        self.counts[count] += 1

    def _write_added(self) -> None:
        """The new annotations, checked field by field as an edit would be, in one statement."""
        items = []
        for row, theirs in self._added:
            try:
                theirs = self.project._validated_fields(theirs)
            except AnnotatorError as exc:
                raise self._refusal(row, exc) from None
            items.append((theirs, row["revision"], row["rev"], row["history"]))
        # In document order, as the index is: random order (by id) is several times slower.
        items.sort(key=lambda item: (item[0].document_id, item[0].start))
        self.project._insert_revisions(items)

    def _check_added(self, new: NewAnnotations, after: int) -> None:
        """Links and one-tag-per-span of the new annotations (`new`'s too), now that all are
        stored: the store's own checks, run on the rows that a look at the rows stored after
        rowid `after` (those this merge added) finds suspect."""
        project = self.project
        targets = [
            (layer.name, link.layer)
            for layer in project.schema.layers
            if (link := layer.attribute_of_type("link")) is not None
        ] or [(None, None)]
        # Links to no annotation, or to one of another layer, document or annotator.
        suspect = {
            r[0]
            for r in project.conn.execute(
                f"WITH expected (layer, target) AS (VALUES {', '.join(['(?, ?)'] * len(targets))}) "
                "SELECT c.id FROM annotations c LEFT JOIN annotations t ON t.id = c.link_id "
                "LEFT JOIN expected x ON x.layer = c.layer WHERE c.rowid > ? "
                "AND c.link_id IS NOT NULL AND (t.id IS NULL OR t.layer IS NOT x.target "
                "OR t.document_id != c.document_id OR t.annotator_id != c.annotator_id)",
                [*(v for pair in targets for v in pair), after],
            )
        }
        # Spans tagged twice: looked up in the index of each document's spans.
        twins = {
            r[0]
            for r in project.conn.execute(
                "SELECT c.id FROM annotations c WHERE c.rowid > ? AND EXISTS (SELECT 1 FROM "
                "annotations m WHERE m.document_id = c.document_id AND m.annotator_id = "
                'c.annotator_id AND m.start = c.start AND m."end" = c."end" AND m.layer = c.layer '
                "AND m.link_id IS c.link_id AND m.rowid != c.rowid)",
                (after,),
            )
        }
        for row, theirs in self._added:
            try:
                if theirs.id in suspect:
                    link = project.schema.layer(theirs.layer).attribute_of_type("link")
                    project._check_link(theirs, link)
                if theirs.id in twins:
                    project._check_not_twice(theirs)
            except AnnotatorError as exc:
                raise self._refusal(row, exc) from None
        for annotation_id in sorted(suspect | twins):
            row = new.chosen(annotation_id)
            if row is None:
                continue
            stored = project.annotation(annotation_id)
            try:
                if annotation_id in suspect:
                    link = project.schema.layer(stored.layer).attribute_of_type("link")
                    project._check_link(stored, link)
                if annotation_id in twins:
                    project._check_not_twice(stored)
            except AnnotatorError as exc:
                raise self._refusal(row, exc) from None

    def _deletion(self, row: dict) -> None:
        annotation_id = self.id(row["annotation_id"])
        rev, history = row["rev"], row["history"]
        ours = self._ours.get(annotation_id)
        if annotation_id in self._gone:
            self._join_deletions(annotation_id, [*history, rev])
            return
        if ours is None:
            # Never seen here: keep the record, so a third file with the annotation does not
            # bring it back.
            self._record_deletion(annotation_id, row, history)
            return
        if ours[0] in history:
            project = self.project
            project._delete(annotation_id, project._incoming(annotation_id))
            self._record_deletion(annotation_id, row, history)
            self._gone[annotation_id] = (rev, set(history))
            self.counts["deleted"] += 1
        elif rev in _names(ours):
            self.counts["unchanged"] += 1  # restored here after their deletion
        else:
            self._conflict(row, None, ours[0], annotation_id=annotation_id)

    def _join_deletions(self, annotation_id: str, names: list[str]) -> None:
        """Deleted on both sides, maybe from different revisions: our record learns theirs,
        so a third copy holding any of those revisions does not bring the annotation back."""
        rev, known = self._gone[annotation_id][0], _names(self._gone[annotation_id])
        new = [n for n in dict.fromkeys(names) if n != rev and n not in known]
        if not new:
            return
        history = [*self.project.deletion(annotation_id)["history"], *new]
        self.project.conn.execute(
            "UPDATE deletions SET history = ? WHERE annotation_id = ?",
            (json.dumps(history), annotation_id),
        )
        self._gone[annotation_id] = (rev, set(history))

    def _record_deletion(self, annotation_id: str, row: dict, history: list[str]) -> None:
        self.project.conn.execute(
            "INSERT OR REPLACE INTO deletions (annotation_id, document_id, annotator, layer, "
            "revision, rev, history, deleted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                annotation_id,
                self.documents.get(row["document_id"], row["document_id"]),
                self.rename.get(row["annotator"], row["annotator"]),
                row["layer"],
                row["revision"],
                row["rev"],
                json.dumps(history),
                row["deleted_at"],
            ),
        )

    def _write(self, row: dict, theirs: Annotation, new: bool) -> None:
        """Write their newer revision over ours, validated as an edit."""
        history = row["history"]
        try:
            self.project._write(theirs, new=new, as_revision=(row["revision"], row["rev"], history))
        except AnnotatorError as exc:
            raise self._refusal(row, exc) from None

    def _conflict(
        self,
        row: dict,
        theirs: Annotation | None,
        ours_rev: str,
        annotation_id: str | None = None,
        theirs_id: str | None = None,
    ) -> None:
        if theirs is not None:
            # Their version must fit our schema and document to be offered at all.
            try:
                self.project.schema.layer(theirs.layer)
                self.project.schema.validate_attributes(theirs.layer, theirs.attributes)
                for stance in theirs.stances:
                    self.project.schema.validate_stance_value(theirs.layer, stance.value)
                if self.project.text(theirs.document_id)[theirs.start : theirs.end] != theirs.text:
                    raise ValidationError("its text does not match the document")
            except AnnotatorError as exc:
                raise self._refusal(row, exc) from None
        annotation_id = annotation_id or theirs.id
        ours = self.project.state(annotation_id)
        document_id = theirs.document_id if theirs else ours.annotation.document_id
        conflicts.record(
            self.project,
            annotation_id=annotation_id,
            document_id=document_id,
            annotator=theirs.annotator if theirs else ours.annotation.annotator,
            ours_rev=ours_rev,
            theirs_rev=row["rev"],
            theirs=theirs,
            theirs_history=row["history"],
            source=str(self.other),
            theirs_id=theirs_id,
        )
        self.conflict_ids.add(conflicts.make_id(annotation_id, row["rev"]))
        self.counts["conflicting"] += 1

    def _check_schema(self, row: dict) -> None:
        """Refuse their whole file for a row our schema cannot hold (an unknown layer, attribute
        or stance value), whatever the merge would decide for it: a row equal to ours by
        revision is still their file's word about it."""
        key = (row["layer"], row["attributes"])
        try:
            if key not in self._fits:
                attributes = self._parsed(row["attributes"])
                if not isinstance(attributes, dict):
                    raise ValueError("attributes are not a JSON object")
                self.project.schema.validate_attributes(row["layer"], attributes)
                self._fits.add(key)
            for stance in self._stances.get(row["id"], ()):
                self.project.schema.validate_stance_value(row["layer"], stance.value)
        except (AnnotatorError, TypeError, ValueError) as exc:
            raise self._refusal(row, exc) from None

    def _differs(self, theirs: Annotation) -> bool:
        """Whether our stored annotation of `theirs.id` has other content than `theirs`."""
        ours = self.project.annotation(theirs.id)
        return revision_content(ours) != revision_content(theirs)

    def _theirs(self, row: dict) -> Annotation:
        """Their row as an annotation of this project: our document, entity and ids."""
        try:
            # Shared between rows of equal text, as the store's reader does; never mutated.
            attributes = self._parsed(row["attributes"])
            sources = () if row["sources"] in (None, "[]") else self._parsed(row["sources"])
            if not isinstance(attributes, dict) or not isinstance(sources, (list, tuple)):
                raise ValueError("attributes or sources are not of the right JSON shape")
        except (TypeError, ValueError) as exc:
            raise self._refusal(row, exc) from None
        entity_id = self.entities.get(row["entity_id"]) if row["entity_id"] else None
        own, link, annotator = row["id"], row["link_id"], row["annotator"]
        ours_of = self._ours_of
        return Annotation(
            id=ours_of.get(own, own) if own else None,  # `self.id`, said once per row
            document_id=self.documents[row["document_id"]],
            annotator=self.rename.get(annotator, annotator),
            layer=row["layer"],
            start=row["start"],
            end=row["end"],
            text=row["text"],
            attributes=attributes,
            entity=self._entities.get(entity_id) if entity_id else None,
            link_id=ours_of.get(link, link) if link else None,
            stances=tuple(self._stances.get(own, ())),
            origin=row["origin"],
            created_at=row["created_at"],
            modified_at=row["modified_at"],
            sources=tuple(self.id(str(s)) for s in sources) if sources else (),
        )

    def _parsed(self, text: str) -> Any:
        """JSON of a row; the same few attribute texts recur on thousands of rows."""
        value = self._json.get(text)
        if value is None:
            value = self._json[text] = json.loads(text)
        return value

    def _refusal(self, row: dict, exc: Exception) -> ValidationError:
        # A span ours tags under another id is paired (`_same_work`), never refused; a span
        # still tagged twice is one their file tags twice, or one ours tags with an annotation
        # their file holds too (moved there): the same researcher's copies, so renaming would
        # be the wrong advice.
        return ValidationError(
            Message(
                "%1: annotation %2 (%3 of %4 in %5): %6; nothing was merged",
                self.other,
                row["id"],
                row["layer"],
                row["annotator"],
                row["document_id"],
                exc,
            )
        )


def _keeping(row: dict, entry: tuple[str, str | set[str]]) -> dict:
    """Their newer row, its history extended by our earlier names it lacks (ours descended
    from them too: both made the same change apart), so they stay known here."""
    history = set(row["history"])
    ours = sorted(entry[1]) if isinstance(entry[1], set) else _history(entry[1])
    extra = [n for n in dict.fromkeys([*ours, entry[0]]) if n not in history and n != row["rev"]]
    return {**row, "history": [*row["history"], *extra]} if extra else row


def _descends(history: list[str], rev: str) -> bool:
    """Whether a revision with `history` descends from one with the content of `rev` (the
    same name, or a name of equal content hash: two ids of one work have their own counts)."""
    content = rev.partition("-")[2]
    if rev in history:
        return True
    return content not in ("0", "deleted") and any(n.partition("-")[2] == content for n in history)


def _names(entry: tuple[str, str | set[str]]) -> set[str]:
    """The earlier revision names of one of our (rev, history) entries; the history is parsed
    only when needed, as most ids of a merge have equal revisions or are new."""
    return entry[1] if isinstance(entry[1], set) else set(_history(entry[1]))
