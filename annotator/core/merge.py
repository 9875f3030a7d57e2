"""Bringing a colleague's work in: their annotations, edits and deletions compared with ours by
revision, true conflicts kept for review.

Their file is never opened for writing: it is copied to a temporary folder first (with its WAL
file, so committed work not yet checkpointed comes along) and read from the copy.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import tempfile
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from annotator.core import backup, conflicts, migrations
from annotator.core.annotation_store import _history, revision_content
from annotator.core.conflicts import Conflict
from annotator.core.errors import AnnotatorError, Cancelled, ValidationError
from annotator.core.model import STATUSES, Annotation, Stance
from annotator.core.project import Project, check_project_file

# Ids of a renamed annotator's annotations derive from the old id and the new name, so merging
# the same file twice under the same rename finds them again.
_RENAMED = uuid.UUID("9c2e7d41-58b3-4f0a-a6e1-d3b7c5f98a24")


@dataclass(frozen=True)
class MergeReport:
    """What a merge did, counted per annotation of their file: `annotations_added` (new ids),
    `_updated` (their revision was newer), `_deleted` (they deleted a revision we had),
    `_conflicting` (both changed since the common revision: kept as a conflict, listed in
    `conflicts`), `_unchanged` (equal, ours newer, or deleted here later)."""

    documents_added: int = 0
    annotations_added: int = 0
    annotations_updated: int = 0
    annotations_deleted: int = 0
    annotations_conflicting: int = 0
    annotations_unchanged: int = 0
    entities_added: int = 0
    comments_added: int = 0
    statuses_changed: int = 0
    annotators: tuple[str, ...] = ()  # whose annotations their file holds (after renaming)
    conflicts: tuple[Conflict, ...] = field(default_factory=tuple)
    backup: str | None = None


def merge(
    project: Project,
    other: str | Path,
    *,
    rename: dict[str, str] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> MergeReport:
    """Bring the annotations (with entities, links, stances, deletions, comments and statuses)
    of `other` into `project`, in one transaction; their file is only read.

    Documents are matched by text hash; a document the project lacks is added. Each annotation
    id is compared by revision: the newer side wins, a deletion travels like an edit, and when
    both sides changed it since their common revision their version is kept as a conflict
    (`annotator.core.conflicts`) for the researcher to resolve. Merging the same file twice
    changes nothing. `rename` maps their annotator names to new ones (two people who used the
    same name): the renamed annotations get ids of their own, and their links follow.

    Every row is validated as an edit would be; one that does not fit raises ValidationError
    naming the file and the annotation, and nothing is merged.
    """
    other = Path(other)
    check_project_file(other)
    if other.resolve() == project.path.resolve():
        raise ValidationError("a project cannot be merged into itself")
    rename = dict(rename or {})
    with tempfile.TemporaryDirectory(prefix="annotator-merge-") as folder:
        theirs = _read(_copy(other, Path(folder)), other)
    _check_identities(theirs, other)
    cancelled = cancel or (lambda: False)
    if cancelled():
        raise Cancelled("merge cancelled; nothing was changed")
    saved = backup.make(project.conn, project.path, "before-merge")
    with project.atomic():
        # Links may point to annotations written later in the same transaction.
        project.conn.execute("PRAGMA defer_foreign_keys = ON")
        documents, documents_added = _merge_documents(project, theirs["documents"])
        entities, entities_added = _merge_entities(project, theirs["entities"])
        run = _Annotations(project, theirs, other, documents, entities, rename)
        run.merge(cancelled)
        statuses = _merge_statuses(project, theirs["statuses"], documents, rename)
        comments_added = _merge_comments(project, theirs["comments"], documents, rename, run.id)
        found = tuple(c for c in conflicts.open_conflicts(project) if c.id in run.conflict_ids)
    counts = run.counts
    return MergeReport(
        documents_added=documents_added,
        annotations_added=counts["added"],
        annotations_updated=counts["updated"],
        annotations_deleted=counts["deleted"],
        annotations_conflicting=counts["conflicting"],
        annotations_unchanged=counts["unchanged"],
        entities_added=entities_added,
        comments_added=comments_added,
        statuses_changed=statuses,
        annotators=tuple(
            sorted({rename.get(r["annotator"], r["annotator"]) for r in theirs["annotations"]})
        ),
        conflicts=found,
        backup=str(saved),
    )


class _Annotations:
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
        self._renamed = {
            row[key]: str(uuid.uuid5(_RENAMED, f"{row[key]}/{rename[row['annotator']]}"))
            for table, key in (("annotations", "id"), ("deletions", "annotation_id"))
            for row in theirs[table]
            if row["annotator"] in rename
        }
        self._stances: dict[str, list[Stance]] = {}
        for annotation_id, _, target, value in sorted(theirs["stances"], key=lambda s: s[:2]):
            self._stances.setdefault(annotation_id, []).append(Stance(target, value))
        self._ours = {
            r[0]: (r[1], set(_history(r[2])))
            for r in project.conn.execute("SELECT id, rev, history FROM annotations")
        }
        self._gone = {
            r[0]: (r[1], set(_history(r[2])))
            for r in project.conn.execute("SELECT annotation_id, rev, history FROM deletions")
        }

    def id(self, annotation_id: str | None) -> str | None:
        """Our id of one of their annotations: the same, unless its annotator was renamed."""
        return self._renamed.get(annotation_id, annotation_id) if annotation_id else None

    def merge(self, cancelled: Callable[[], bool]) -> None:
        # Link targets (speakers) before the annotations linking to them (claims).
        rows = sorted(self.theirs["annotations"], key=lambda r: (r["link_id"] is not None, r["id"]))
        for n, row in enumerate(rows):
            self._annotation(row)
            if n % 1000 == 999 and cancelled():
                raise Cancelled("merge cancelled; nothing was changed")
        for row in self.theirs["deletions"]:
            self._deletion(row)
        if cancelled():
            raise Cancelled("merge cancelled; nothing was changed")

    def _annotation(self, row: dict) -> None:
        theirs = self._theirs(row)
        rev, history = row["rev"], _history(row["history"])
        ours, gone = self._ours.get(theirs.id), self._gone.get(theirs.id)
        if ours is not None:
            if rev == ours[0]:
                if rev.endswith("-0") and self._differs(theirs):
                    # Rows from before revisions were kept all read "1-0": compare content.
                    return self._conflict(row, theirs, ours[0])
                self.counts["unchanged"] += 1
            elif ours[0] in history:
                self._store(row, theirs, "updated", new=False)
            elif rev in ours[1]:
                self.counts["unchanged"] += 1
            else:
                self._conflict(row, theirs, ours[0])
        elif gone is not None:
            if rev in gone[1]:
                self.counts["unchanged"] += 1  # deleted here after their revision: stays so
            elif gone[0] in history:
                self._store(row, theirs, "updated", new=True)
            else:
                self._conflict(row, theirs, gone[0])
        else:
            self._store(row, theirs, "added", new=True)

    def _deletion(self, row: dict) -> None:
        annotation_id = self.id(row["annotation_id"])
        rev, history = row["rev"], _history(row["history"])
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
        elif rev in ours[1]:
            self.counts["unchanged"] += 1  # restored here after their deletion
        else:
            self._conflict(row, None, ours[0], annotation_id=annotation_id)

    def _join_deletions(self, annotation_id: str, names: list[str]) -> None:
        """Deleted on both sides, maybe from different revisions: our record learns theirs,
        so a third copy holding any of those revisions does not bring the annotation back."""
        rev, known = self._gone[annotation_id]
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

    def _store(self, row: dict, theirs: Annotation, count: str, new: bool) -> None:
        """Write their revision as it is (revision, name and history), validated as an edit."""
        project = self.project
        if theirs.link_id and project.revision(theirs.link_id) is None:
            if theirs.link_id in self._gone:
                # They linked to a speaker deleted here: a conflict, not a refusal.
                ours = self._ours.get(theirs.id) or self._gone.get(theirs.id)
                return self._conflict(row, theirs, ours[0] if ours else "0-absent")
        history = _history(row["history"])
        try:
            project._write(theirs, new=new, as_revision=(row["revision"], row["rev"], history))
        except AnnotatorError as exc:
            raise self._refusal(row, exc) from None
        self._ours[theirs.id] = (row["rev"], set(history))
        self._gone.pop(theirs.id, None)
        self.counts[count] += 1

    def _conflict(
        self,
        row: dict,
        theirs: Annotation | None,
        ours_rev: str,
        annotation_id: str | None = None,
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
            theirs_history=_history(row["history"]),
            source=str(self.other),
        )
        self.conflict_ids.add(conflicts.make_id(annotation_id, row["rev"]))
        self.counts["conflicting"] += 1

    def _differs(self, theirs: Annotation) -> bool:
        ours = self.project.annotation(theirs.id)
        return revision_content(ours) != revision_content(theirs)

    def _theirs(self, row: dict) -> Annotation:
        """Their row as an annotation of this project: our document, entity and ids."""
        try:
            attributes = json.loads(row["attributes"])
            sources = json.loads(row["sources"] or "[]")
            if not isinstance(attributes, dict) or not isinstance(sources, list):
                raise ValueError("attributes or sources are not of the right JSON shape")
        except (TypeError, ValueError) as exc:
            raise self._refusal(row, exc) from None
        entity_id = self.entities.get(row["entity_id"]) if row["entity_id"] else None
        return Annotation(
            id=self.id(row["id"]),
            document_id=self.documents[row["document_id"]],
            annotator=self.rename.get(row["annotator"], row["annotator"]),
            layer=row["layer"],
            start=row["start"],
            end=row["end"],
            text=row["text"],
            attributes=attributes,
            entity=self._entities.get(entity_id) if entity_id else None,
            link_id=self.id(row["link_id"]),
            stances=tuple(self._stances.get(row["id"], ())),
            origin=row["origin"],
            created_at=row["created_at"],
            modified_at=row["modified_at"],
            sources=tuple(self.id(str(s)) for s in sources),
        )

    def _refusal(self, row: dict, exc: Exception) -> ValidationError:
        hint = ""
        if "already tagged" in str(exc):
            hint = (
                f" (if two people used the name {row['annotator']!r}, merge with "
                f"--rename '{row['annotator']}=NEW NAME')"
            )
        return ValidationError(
            f"{self.other}: annotation {row['id']} ({row['layer']} of {row['annotator']} in "
            f"{row['document_id']}): {exc}; nothing was merged{hint}"
        )


def _check_identities(theirs: dict[str, list], other: Path) -> None:
    """Ids must be UUIDs and times ISO 8601, as this tool writes them: refuse the file else."""
    for table, key, times in (
        ("annotations", "id", ("created_at", "modified_at")),
        ("deletions", "annotation_id", ("deleted_at",)),
        ("comments", "id", ("created_at",)),
    ):
        what = "annotation" if table != "comments" else "comment"
        for row in theirs[table]:
            try:
                uuid.UUID(str(row[key]))
            except ValueError:
                raise ValidationError(
                    f"{other}: {what} id {row[key]!r} is not a UUID; nothing was merged"
                ) from None
            for name in times:
                try:
                    datetime.fromisoformat(row[name])
                except (TypeError, ValueError):
                    raise ValidationError(
                        f"{other}: {what} {row[key]}: {name} {row[name]!r} is not an ISO 8601 "
                        "time; nothing was merged"
                    ) from None


def _copy(other: Path, folder: Path) -> Path:
    copy = folder / "theirs.annotator"
    shutil.copyfile(other, copy)
    wal = other.with_name(other.name + "-wal")
    if wal.exists():
        shutil.copyfile(wal, folder / "theirs.annotator-wal")
    return copy


def _read(copy: Path, original: Path) -> dict[str, list]:
    conn = sqlite3.connect(copy, isolation_level=None)
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > migrations.CURRENT_VERSION:
            raise AnnotatorError(f"{original} was made by a newer version of this tool")
        migrations.migrate(conn)  # the copy only: their file stays as it is
        conn.row_factory = sqlite3.Row
        annotations = [
            dict(r)
            for r in conn.execute(
                'SELECT a.id, a.document_id, p.name AS annotator, a.layer, a.start, a."end", '
                "a.text, a.attributes, a.entity_id, a.link_id, a.origin, a.created_at, "
                "a.modified_at, a.sources, a.revision, a.rev, a.history FROM annotations a "
                "JOIN annotators p ON p.id = a.annotator_id"
            )
        ]
        return {
            "documents": [dict(r) for r in conn.execute("SELECT * FROM documents")],
            "entities": [dict(r) for r in conn.execute("SELECT * FROM entities")],
            "annotations": annotations,
            "deletions": [dict(r) for r in conn.execute("SELECT * FROM deletions")],
            "stances": [
                tuple(r)
                for r in conn.execute("SELECT annotation_id, position, target, value FROM stances")
            ],
            "statuses": [
                dict(r)
                for r in conn.execute(
                    "SELECT s.document_id, p.name AS annotator, s.status, s.modified_at "
                    "FROM document_status s JOIN annotators p ON p.id = s.annotator_id"
                )
            ],
            "comments": [
                dict(r)
                for r in conn.execute(
                    "SELECT c.id, c.document_id, c.annotation_id, p.name AS annotator, c.text, "
                    "c.created_at FROM comments c JOIN annotators p ON p.id = c.annotator_id"
                )
            ],
        }
    except sqlite3.DatabaseError as exc:
        raise AnnotatorError(f"{original} cannot be read: {exc}") from None
    finally:
        conn.close()


def _merge_documents(project: Project, documents: list[dict]) -> tuple[dict[str, str], int]:
    """Their document id -> ours, adding the documents we lack (matched by text hash)."""
    ours = dict(project.conn.execute("SELECT sha256, id FROM documents"))
    used = {r[0] for r in project.conn.execute("SELECT id FROM documents")}
    mapping: dict[str, str] = {}
    added = 0
    for doc in documents:
        if doc["sha256"] in ours:
            mapping[doc["id"]] = ours[doc["sha256"]]
            continue
        doc_id, n = doc["id"], 1
        while doc_id in used:
            n += 1
            doc_id = f"{doc['id']}-{n}"
        used.add(doc_id)
        project.conn.execute(
            "INSERT INTO documents (id, title, text, sha256, source, imported_at, metadata) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                doc_id,
                doc["title"],
                doc["text"],
                doc["sha256"],
                doc["source"],
                doc["imported_at"],
                doc["metadata"],
            ),
        )
        ours[doc["sha256"]] = doc_id
        mapping[doc["id"]] = doc_id
        added += 1
    return mapping, added


def _merge_entities(project: Project, entities: list[dict]) -> tuple[dict[str, str], int]:
    """Their entity id -> ours: the same id, else the same name, else a new entity."""
    by_id = {r[0] for r in project.conn.execute("SELECT id FROM entities")}
    by_name = dict(project.conn.execute("SELECT name, id FROM entities"))
    mapping: dict[str, str] = {}
    added = 0
    for entity in entities:
        if entity["id"] in by_id:
            mapping[entity["id"]] = entity["id"]
        elif entity["name"] in by_name:
            mapping[entity["id"]] = by_name[entity["name"]]
        else:
            project.conn.execute(
                "INSERT INTO entities (id, name, kind, aliases, created_at) VALUES (?, ?, ?, ?, ?)",
                (
                    entity["id"],
                    entity["name"],
                    entity["kind"],
                    entity["aliases"],
                    entity["created_at"],
                ),
            )
            mapping[entity["id"]] = by_name[entity["name"]] = entity["id"]
            added += 1
    return mapping, added


def _merge_statuses(
    project: Project, statuses: list[dict], documents: dict[str, str], rename: dict[str, str]
) -> int:
    """Their document statuses: added when we have none, taken when theirs is newer."""
    changed = 0
    for status in statuses:
        if status["status"] not in STATUSES:
            raise ValidationError(f"unknown document status {status['status']!r}")
        document_id = documents[status["document_id"]]
        annotator_id = project.annotator_id(rename.get(status["annotator"], status["annotator"]))
        row = project.conn.execute(
            "SELECT status, modified_at FROM document_status "
            "WHERE document_id = ? AND annotator_id = ?",
            (document_id, annotator_id),
        ).fetchone()
        if row is not None and (row[0] == status["status"] or row[1] >= status["modified_at"]):
            continue
        project.conn.execute(
            "INSERT OR REPLACE INTO document_status (document_id, annotator_id, status, "
            "modified_at) VALUES (?, ?, ?, ?)",
            (document_id, annotator_id, status["status"], status["modified_at"]),
        )
        changed += 1
    return changed


def _merge_comments(
    project: Project,
    comments: list[dict],
    documents: dict[str, str],
    rename: dict[str, str],
    our_id: Callable[[str | None], str | None],
) -> int:
    existing = {r[0] for r in project.conn.execute("SELECT id FROM comments")}
    annotation_ids = {r[0] for r in project.conn.execute("SELECT id FROM annotations")}
    added = 0
    for comment in comments:
        if comment["id"] in existing:
            continue
        annotation_id = our_id(comment["annotation_id"])
        if annotation_id is not None and annotation_id not in annotation_ids:
            continue  # on an annotation that is not here (deleted, or in conflict)
        name = rename.get(comment["annotator"], comment["annotator"])
        project.conn.execute(
            "INSERT INTO comments (id, document_id, annotation_id, annotator_id, text, "
            "created_at) VALUES (?, ?, ?, ?, ?, ?)",
            (
                comment["id"],
                documents[comment["document_id"]],
                annotation_id,
                project.annotator_id(name),
                comment["text"],
                comment["created_at"],
            ),
        )
        added += 1
    return added


def parse_renames(pairs: list[str]) -> dict[str, str]:
    """`OLD=NEW` pairs from the command line."""
    renames = {}
    for pair in pairs:
        old, sep, new = pair.partition("=")
        if not sep or not old.strip() or not new.strip():
            raise ValidationError(f"--rename takes OLD=NEW, got {pair!r}")
        renames[old.strip()] = new.strip()
    return renames
