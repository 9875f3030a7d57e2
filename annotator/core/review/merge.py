"""Bringing a colleague's work in: their annotations, edits and deletions compared with ours by
revision, true conflicts kept for review.

Their file is never opened for writing: one consistent snapshot of it (SQLite's backup API, from
a read-only connection: committed work still in their WAL comes along, a checkpoint they run
meanwhile cannot tear it) is written to a temporary folder, checked (`PRAGMA integrity_check`)
and read from there.
"""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
import tempfile
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.arabic.text import text_sha256
from annotator.core.clock import utc_timestamp
from annotator.core.errors import AnnotatorError, Cancelled, Message, ValidationError
from annotator.core.model import STATUSES
from annotator.core.review import conflicts, merge_new
from annotator.core.review.conflicts import Conflict
from annotator.core.review.merge_annotations import AnnotationMerge
from annotator.core.store import backup, foreign_objects, integrity, migrations
from annotator.core.store.batch import collector_paused
from annotator.core.store.project import Project, check_project_file


@dataclass(frozen=True)
class MergeReport:
    """What a merge did, counted per annotation of their file: `annotations_added` (new ids),
    `_updated` (their revision was newer), `_deleted` (they deleted a revision we had),
    `_conflicting` (both changed since the common revision: kept as a conflict, listed in
    `conflicts`), `_unchanged` (equal, ours newer, or deleted here later). `_same_work`: how
    many of the unchanged are ours under another id (the same annotator's tag of the same span
    with the same content, made on two copies of the project; see
    `annotator.core.review.merge_annotations`)."""

    documents_added: int = 0
    annotations_added: int = 0
    annotations_updated: int = 0
    annotations_deleted: int = 0
    annotations_conflicting: int = 0
    annotations_unchanged: int = 0
    annotations_same_work: int = 0
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
    (`annotator.core.review.conflicts`) for the researcher to resolve. Merging the same file twice
    changes nothing. `rename` maps their annotator names to new ones (two people who used the
    same name): the renamed annotations get ids of their own, and their links follow.

    A new annotation of theirs on a span the same annotator tags here under another id (one
    researcher on two copies) is that annotation of ours, not a second tag: equal content
    counts as unchanged (`annotations_same_work`), other content is a conflict on our id, and
    their annotations linking to it link to ours.

    Every row is validated as an edit would be; one that does not fit (schema, text, a link to
    another annotator's annotation, bad ids or times, a span their own file tags twice) raises
    ValidationError naming the file and the annotation, and nothing is merged.
    """
    other = Path(other)
    check_project_file(other)
    if other.resolve() == project.path.resolve():
        raise ValidationError("a project cannot be merged into itself")
    with collector_paused():
        return _merge(project, other, rename, cancel)


def _merge(
    project: Project,
    other: Path,
    rename: dict[str, str] | None,
    cancel: Callable[[], bool] | None,
) -> MergeReport:
    rename = dict(rename or {})
    cancelled = cancel or (lambda: False)
    with tempfile.TemporaryDirectory(prefix="annotator-merge-") as folder:
        copy = _copy(other, Path(folder))
        theirs = _read(copy, other)
        _check_identities(theirs, other, rename)
        if cancelled():
            raise Cancelled("merge cancelled; nothing was changed")
        saved = backup.make(project.conn, project.path, "before-merge")
        # Their rows are read from the copy attached to our connection: the new ones are
        # copied by SQL, never made into Python objects (`merge_new`).
        with _their_constraints(other), merge_new.attached(project.conn, copy), project.atomic():
            # Links may point to annotations written later in the same transaction.
            project.conn.execute("PRAGMA defer_foreign_keys = ON")
            documents, documents_added = _merge_documents(project, theirs["documents"])
            entities, entities_added = _merge_entities(project, theirs["entities"])
            new = merge_new.NewAnnotations(
                project, other, documents, entities, set(rename), cancelled
            )
            try:
                new.choose()
                theirs["annotations"], theirs["stances"] = new.decided_rows()
                run = AnnotationMerge(project, theirs, other, documents, entities, rename)
                run.merge(cancelled, new)
            finally:
                new.forget()
            new.close()
            statuses = _merge_statuses(project, theirs["statuses"], documents, rename)
            comments_added = _merge_comments(project, theirs["comments"], documents, rename, run.id)
            conflicts.close_superseded(project)
            found = tuple(c for c in conflicts.open_conflicts(project) if c.id in run.conflict_ids)
    counts = run.counts
    return MergeReport(
        documents_added=documents_added,
        annotations_added=counts["added"],
        annotations_updated=counts["updated"],
        annotations_deleted=counts["deleted"],
        annotations_conflicting=counts["conflicting"],
        annotations_unchanged=counts["unchanged"],
        annotations_same_work=counts["same_work"],
        entities_added=entities_added,
        comments_added=comments_added,
        statuses_changed=statuses,
        annotators=tuple(sorted({rename.get(r[1], r[1]) for r in theirs["annotation_keys"]})),
        conflicts=found,
        backup=str(saved),
    )


def _check_identities(theirs: dict[str, list], other: Path, rename: dict[str, str]) -> None:
    """Refuse their file (ValidationError naming it and the row; nothing merged) unless its
    ids are UUIDs and its times ISO 8601 UTC, as this tool writes them; entity aliases are a
    list of names; a document's text matches its SHA-256; and every annotator `rename` names
    is in it (a misspelt name would otherwise merge the work under its old name)."""
    for table, key, times in (
        ("annotation_keys", 0, ((2, "created_at"), (3, "modified_at"))),
        ("deletions", "annotation_id", (("deleted_at", "deleted_at"),)),
        ("comments", "id", (("created_at", "created_at"),)),
        ("entities", "id", (("created_at", "created_at"),)),
    ):
        what = {"comments": Message("comment"), "entities": Message("entity")}.get(
            table, Message("annotation")
        )
        valid: set[object] = set()  # times found valid: many rows share one
        for row in theirs[table]:
            try:
                if not _CANONICAL_UUID.fullmatch(str(row[key])):
                    uuid.UUID(str(row[key]))
            except ValueError:
                raise ValidationError(
                    Message(
                        "%1: %2 id %3 is not a UUID; nothing was merged",
                        other,
                        what,
                        repr(row[key]),
                    )
                ) from None
            for column, name in times:
                if row[column] in valid:
                    continue
                try:
                    utc_timestamp(row[column], name)
                    valid.add(row[column])
                except AnnotatorError as exc:
                    raise ValidationError(
                        Message("%1: %2 %3: %4; nothing was merged", other, what, row[key], exc)
                    ) from None
    for entity in theirs["entities"]:
        aliases = _json(entity["aliases"])
        if not isinstance(entity["name"], str) or not (
            isinstance(aliases, list) and all(isinstance(a, str) for a in aliases)
        ):
            raise ValidationError(
                Message(
                    "%1: entity %2: its name is not text or its aliases are not a list of "
                    "names; nothing was merged",
                    other,
                    entity["id"],
                )
            )
    for document in theirs["documents"]:
        if (
            not isinstance(document["text"], str)
            or text_sha256(document["text"]) != document["sha256"]
        ):
            raise ValidationError(
                Message(
                    "%1: document %2: its text does not match its SHA-256 (a damaged or "
                    "hand-edited text); nothing was merged",
                    other,
                    document["id"],
                )
            )
    present = {r[1] for r in theirs["annotation_keys"]} | {
        r["annotator"] for r in theirs["statuses"]
    }
    for name in rename:
        if name not in present:
            raise ValidationError(
                Message(
                    "%1 has no annotator %2 to rename (it has: %3); nothing was merged",
                    other,
                    repr(name),
                    ", ".join(sorted(present)) or "none",
                )
            )


# A UUID as this tool writes it: checked without making a UUID object.
_CANONICAL_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def _json(text: object) -> object:
    try:
        return json.loads(text) if isinstance(text, str) else None
    except ValueError:
        return None


@contextmanager
def _their_constraints(other: Path) -> Iterator[None]:
    """A constraint of ours that a row of theirs breaks while it is stored (a key, a check
    the earlier checks did not foresee) refuses their file, naming it: the transaction it
    escapes from is rolled back, so nothing was merged. Never SQLite's raw words, nor a hint
    that our project is damaged."""
    try:
        yield
    except sqlite3.IntegrityError:
        raise ValidationError(
            Message(
                "%1: a row of it breaks a rule of this project (an id held twice, or a value a "
                "check refuses); nothing was merged",
                other,
            )
        ) from None


def _copy(other: Path, folder: Path) -> Path:
    """One consistent snapshot of their file in `folder`: SQLite's backup API in one step (one
    read transaction, so a writer's commits and checkpoints meanwhile cannot tear it; their
    WAL's committed frames are included). Their file is never written and nothing is left
    beside it. Raises AnnotatorError naming their file when it cannot be read."""
    copy = folder / "theirs.annotator"
    wal = other.with_name(other.name + "-wal")
    shm = other.with_name(other.name + "-shm")
    for _ in range(_SNAPSHOT_TRIES):
        if wal.exists() and shm.exists():
            # Open in WAL mode elsewhere (or left so): a read-only connection shares its
            # index of the WAL and takes a read lock; it creates nothing.
            _backup(f"{other.resolve().as_uri()}?mode=ro", other, copy)
            return copy
        if wal.exists():
            # A WAL left without its index (a crash, a copy of the files): nobody has it
            # open, so the two files are copied as they are and read together.
            before = _stamp(other), _stamp(wal)
            try:
                shutil.copyfile(other, copy)
                shutil.copyfile(wal, folder / "theirs.annotator-wal")
            except FileNotFoundError:
                continue  # opened and closed meanwhile: taken again
            if (_stamp(other), _stamp(wal)) == before:
                return copy
            continue
        # Not open in WAL mode anywhere: a read-only connection would create the -wal and
        # -shm files beside theirs, so the file is read as immutable (no locks, no files).
        # A writer that opened it meanwhile may have checkpointed into it: then the copy is
        # taken again, its way.
        before = _stamp(other)
        _backup(f"{other.resolve().as_uri()}?mode=ro&immutable=1", other, copy)
        if not wal.exists() and _stamp(other) == before:
            return copy
    raise AnnotatorError(
        Message("%1 cannot be read: it kept changing while it was copied; try again", other)
    )


# How many times a snapshot of a file that changed while it was read is taken again.
_SNAPSHOT_TRIES = 5


def _stamp(path: Path) -> tuple[int, int, int] | None:
    """Size, modification time and inode of a file (None once it is gone): changed when it
    was written."""
    try:
        stat = path.stat()
    except FileNotFoundError:
        return None
    return stat.st_size, stat.st_mtime_ns, stat.st_ino


def _backup(uri: str, other: Path, copy: Path) -> None:
    """All pages of the database at `uri` into a new file `copy`, in one step of SQLite's
    backup API (one read transaction)."""
    for earlier in (copy, copy.with_name(copy.name + "-wal")):
        earlier.unlink(missing_ok=True)  # of an attempt taken again
    try:
        source = sqlite3.connect(uri, uri=True)
    except sqlite3.Error as exc:
        raise AnnotatorError(Message("%1 cannot be read: %2", other, exc)) from None
    try:
        target = sqlite3.connect(copy)
        try:
            source.backup(target)
        finally:
            target.close()
    except sqlite3.Error as exc:
        raise AnnotatorError(Message("%1 cannot be read: %2", other, exc)) from None
    finally:
        source.close()


def _read(copy: Path, original: Path) -> dict[str, list]:
    conn = sqlite3.connect(copy, isolation_level=None)
    try:
        # A damaged file (a torn copy, a disk error) is theirs to repair: checked whole, as
        # a table and its indexes that disagree would otherwise pass for rows. A row their
        # CHECKs refuse is not damage: the checks below name it.
        conn.execute("PRAGMA ignore_check_constraints = ON")
        found = [r[0] for r in conn.execute("PRAGMA integrity_check(5)")]
        conn.execute("PRAGMA ignore_check_constraints = OFF")
        if found != ["ok"]:
            raise AnnotatorError(Message("%1 cannot be read: %2", original, "; ".join(found)))
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > migrations.CURRENT_VERSION:
            raise AnnotatorError(Message("%1 was made by a newer version of this tool", original))
        # Their triggers and views must not run here: drop them from the copy (with any other
        # object we do not make) before anything is written to it.
        changed, left_out = foreign_objects.remove_foreign(conn)
        if left_out:
            # Rows of a table they redefined that ours refuses: never dropped in silence.
            raise ValidationError(
                Message(
                    "%1: %2 row(s) of its changed tables (%3) break this project's rules "
                    "(a value a check refuses, or an id held twice); nothing was merged",
                    original,
                    left_out,
                    foreign_objects.describe([f for f in changed if f.object.type == "table"]),
                )
            )
        migrations.migrate(conn)  # the copy only: their file stays as it is
        _check_ranges(conn, original)
        # What every annotation of theirs must pass whichever way it goes (its id and times, see
        # `_check_identities`), and whose it is; read exactly, as their other text is. The
        # rows themselves are read inside the merge (`merge_new`).
        annotation_keys = conn.execute(
            "SELECT a.id, p.name, a.created_at, a.modified_at, a.rev FROM annotations a "
            "JOIN annotators p ON p.id = a.annotator_id"
        ).fetchall()
        conn.row_factory = sqlite3.Row
        return {
            "documents": [dict(r) for r in conn.execute("SELECT * FROM documents")],
            "entities": [dict(r) for r in conn.execute("SELECT * FROM entities")],
            "annotation_keys": annotation_keys,
            "deletions": [dict(r) for r in conn.execute("SELECT * FROM deletions")],
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
        raise AnnotatorError(Message("%1 cannot be read: %2", original, exc)) from None
    finally:
        conn.close()


def _check_ranges(conn: sqlite3.Connection, original: Path) -> None:
    """Refuse their file (ValidationError naming it and the row) for a number out of the range
    `annotator check` accepts (a revision below 1 or past 2**53, of an annotation or a deletion):
    stored here, such a row would be left out of what reads it and could not be deleted; and
    for a revision name (`rev`) that does not name its revision. (Their stance positions are
    renumbered from 0 and their spans must fit our documents: no gap there.)"""
    for table, what, key in (
        ("annotations", Message("annotation"), "id"),
        ("deletions", Message("deletion of annotation"), "annotation_id"),
    ):
        for row_key, reason in integrity.out_of_range(conn, table, key):
            raise ValidationError(
                Message("%1: %2 %3: %4; nothing was merged", original, what, row_key, reason)
            )
        # A revision's name is "N-HASH", N its count (see `migrations`): another name would
        # make a later merge take an older version for a newer one.
        misnamed = conn.execute(
            f"SELECT \"{key}\", rev, revision FROM {table} WHERE typeof(revision) = 'integer' "
            "AND NOT (typeof(rev) = 'text' AND substr(rev, 1, length(revision) + 1) = "
            "revision || '-' AND length(rev) > length(revision) + 1) LIMIT 1"
        ).fetchone()
        if misnamed is not None:
            reason = Message(
                "its revision name %1 does not name revision %2", repr(misnamed[1]), misnamed[2]
            )
            raise ValidationError(
                Message("%1: %2 %3: %4; nothing was merged", original, what, misnamed[0], reason)
            )


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
            raise ValidationError(Message("unknown document status %1", repr(status["status"])))
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
    added = 0
    for comment in comments:
        if comment["id"] in existing:
            continue
        annotation_id = our_id(comment["annotation_id"])
        if (
            annotation_id is not None
            and not project.conn.execute(
                "SELECT 1 FROM annotations WHERE id = ?", (annotation_id,)
            ).fetchone()
        ):
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
            raise ValidationError(Message("--rename takes OLD=NEW, got %1", repr(pair)))
        renames[old.strip()] = new.strip()
    return renames
