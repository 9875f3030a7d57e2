"""Bringing a colleague's work in: copy their annotators' annotations from their project file.

Their file is never opened for writing: it is copied to a temporary folder first (with its WAL
file, so committed work not yet checkpointed comes along) and read from the copy.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core import backup, foreign_objects, migrations
from annotator.core.errors import AnnotatorError, Cancelled, ValidationError
from annotator.core.project import Project, check_project_file


@dataclass(frozen=True)
class MergeReport:
    documents_added: int = 0
    annotations_added: int = 0
    annotations_present: int = 0  # already in the project (same id): merging twice adds nothing
    entities_added: int = 0
    comments_added: int = 0
    annotators: tuple[str, ...] = ()  # whose annotations were merged
    conflicts: tuple[str, ...] = field(default_factory=tuple)  # one message per refused name
    backup: str | None = None


def merge(
    project: Project,
    other: str | Path,
    *,
    rename: dict[str, str] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> MergeReport:
    """Copy the annotations (with entities, links, stances, comments and statuses) of the
    annotators in `other` into `project`, in one transaction.

    Documents are matched by text hash; a document the project lacks is added. Annotations keep
    their UUIDs, so merging the same file twice changes nothing. An annotator name that exists
    on both sides with different work is a conflict: it is reported and not merged, unless
    `rename` maps it to another name.
    """
    other = Path(other)
    check_project_file(other)
    if other.resolve() == project.path.resolve():
        raise ValidationError("a project cannot be merged into itself")
    rename = dict(rename or {})
    with tempfile.TemporaryDirectory(prefix="annotator-merge-") as folder:
        theirs = _read(_copy(other, Path(folder)), other)
    cancelled = cancel or (lambda: False)
    mine_ids = {r[0] for r in project.conn.execute("SELECT id FROM annotations")}
    by_annotator: dict[str, list[dict]] = {}
    for row in theirs["annotations"]:
        name = rename.get(row["annotator"], row["annotator"])
        by_annotator.setdefault(name, []).append(row)
    my_names = set(project.annotators())
    conflicts, merged = [], []
    for name, rows in sorted(by_annotator.items()):
        new = [r for r in rows if r["id"] not in mine_ids]
        if name in my_names and new and _has_own_work(project, name, {r["id"] for r in rows}):
            conflicts.append(
                f"annotator {name!r} exists in both projects with different annotations; not "
                f"merged (merge it under another name: --rename '{name}=NEW NAME')"
            )
            continue
        merged.append(name)
    if cancelled():
        raise Cancelled("merge cancelled; nothing was changed")
    saved = backup.make(project.conn, project.path, "before-merge")
    with project.atomic():
        # Links may point to annotations inserted later in the same transaction.
        project.conn.execute("PRAGMA defer_foreign_keys = ON")
        documents, documents_added = _merge_documents(project, theirs["documents"])
        entities, entities_added = _merge_entities(project, theirs["entities"])
        added = present = 0
        rows = []
        for name in merged:
            annotator_id = project.annotator_id(name)
            for row in by_annotator[name]:
                if row["id"] in mine_ids:
                    present += 1
                    continue
                rows.append(_annotation_row(project, row, documents, entities, annotator_id))
                added += 1
            if cancelled():
                raise Cancelled("merge cancelled; nothing was changed")
        project.conn.executemany(
            'INSERT INTO annotations (id, document_id, annotator_id, layer, start, "end", text, '
            "attributes, entity_id, link_id, origin, created_at, modified_at, sources) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        inserted = {row[0] for row in rows}
        project.conn.executemany(
            "INSERT INTO stances (annotation_id, position, target, value) VALUES (?, ?, ?, ?)",
            [s for s in theirs["stances"] if s[0] in inserted],
        )
        _merge_statuses(project, theirs["statuses"], documents, rename, set(merged))
        comments_added = _merge_comments(project, theirs["comments"], documents, rename)
    return MergeReport(
        documents_added=documents_added,
        annotations_added=added,
        annotations_present=present,
        entities_added=entities_added,
        comments_added=comments_added,
        annotators=tuple(merged),
        conflicts=tuple(conflicts),
        backup=str(saved),
    )


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
        # Their triggers and views must not run here: drop them from the copy (with any other
        # object we do not make) before anything is written to it.
        foreign_objects.remove_foreign(conn)
        migrations.migrate(conn)  # the copy only: their file stays as it is
        conn.row_factory = sqlite3.Row
        annotations = [
            dict(r)
            for r in conn.execute(
                'SELECT a.id, a.document_id, p.name AS annotator, a.layer, a.start, a."end", '
                "a.text, a.attributes, a.entity_id, a.link_id, a.origin, a.created_at, "
                "a.modified_at, a.sources FROM annotations a "
                "JOIN annotators p ON p.id = a.annotator_id"
            )
        ]
        return {
            "documents": [dict(r) for r in conn.execute("SELECT * FROM documents")],
            "entities": [dict(r) for r in conn.execute("SELECT * FROM entities")],
            "annotations": annotations,
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


def _has_own_work(project: Project, name: str, theirs: set[str]) -> bool:
    """Whether `name` has annotations in this project that the other file does not have."""
    return any(
        r[0] not in theirs
        for r in project.conn.execute(
            "SELECT a.id FROM annotations a JOIN annotators p ON p.id = a.annotator_id "
            "WHERE p.name = ?",
            (name,),
        )
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


def _annotation_row(
    project: Project,
    row: dict,
    documents: dict[str, str],
    entities: dict[str, str],
    annotator_id: int,
) -> tuple:
    document_id = documents[row["document_id"]]
    text = project.text(document_id)
    if text[row["start"] : row["end"]] != row["text"]:
        raise ValidationError(
            f"annotation {row['id']} does not match its document's text; nothing was merged"
        )
    project.schema.layer(row["layer"])  # refuses a layer this project's schema lacks
    return (
        row["id"],
        document_id,
        annotator_id,
        row["layer"],
        row["start"],
        row["end"],
        row["text"],
        row["attributes"],
        entities.get(row["entity_id"]) if row["entity_id"] else None,
        row["link_id"],
        row["origin"],
        row["created_at"],
        row["modified_at"],
        row["sources"] or "[]",
    )


def _merge_statuses(project, statuses, documents, rename, merged) -> None:
    for status in statuses:
        name = rename.get(status["annotator"], status["annotator"])
        if name not in merged:
            continue
        project.conn.execute(
            "INSERT OR IGNORE INTO document_status (document_id, annotator_id, status, "
            "modified_at) VALUES (?, ?, ?, ?)",
            (
                documents[status["document_id"]],
                project.annotator_id(name),
                status["status"],
                status["modified_at"],
            ),
        )


def _merge_comments(project, comments, documents, rename) -> int:
    existing = {r[0] for r in project.conn.execute("SELECT id FROM comments")}
    annotation_ids = {r[0] for r in project.conn.execute("SELECT id FROM annotations")}
    added = 0
    for comment in comments:
        if comment["id"] in existing:
            continue
        annotation_id = comment["annotation_id"]
        if annotation_id is not None and annotation_id not in annotation_ids:
            continue  # on an annotation that was not merged
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
