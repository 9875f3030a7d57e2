"""Ordered schema steps of the project file; each runs in one transaction with its version bump."""

from __future__ import annotations

import sqlite3

# PRAGMA application_id of every annotator project: "ANNO" in ASCII.
APPLICATION_ID = 0x414E4E4F

_V1 = """
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    text TEXT NOT NULL,
    sha256 TEXT NOT NULL UNIQUE,
    source TEXT,
    imported_at TEXT NOT NULL,
    metadata TEXT NOT NULL DEFAULT '{}'
);
CREATE TABLE annotators (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
);
CREATE TABLE entities (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    kind TEXT,
    aliases TEXT NOT NULL DEFAULT '[]',
    created_at TEXT NOT NULL
);
CREATE TABLE annotations (
    id TEXT PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    annotator_id INTEGER NOT NULL REFERENCES annotators(id),
    layer TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    attributes TEXT NOT NULL DEFAULT '{}',
    entity_id TEXT REFERENCES entities(id),
    link_id TEXT REFERENCES annotations(id) ON DELETE SET NULL,
    origin TEXT NOT NULL CHECK (origin IN ('manual', 'imported', 'suggested', 'adjudicated')),
    created_at TEXT NOT NULL,
    modified_at TEXT NOT NULL,
    CHECK (start >= 0 AND "end" > start),
    -- length() counts characters, as the offsets do: a span can never disagree with its size.
    CHECK (length(text) = "end" - start)
);
CREATE INDEX annotations_by_document ON annotations(document_id, annotator_id, start);
CREATE INDEX annotations_by_link ON annotations(link_id);
CREATE TABLE stances (
    annotation_id TEXT NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    target TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (annotation_id, position),
    UNIQUE (annotation_id, target)
);
CREATE TABLE document_status (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    annotator_id INTEGER NOT NULL REFERENCES annotators(id),
    status TEXT NOT NULL CHECK (status IN ('todo', 'in_progress', 'done')),
    modified_at TEXT NOT NULL,
    PRIMARY KEY (document_id, annotator_id)
);
"""

# Version 2: comments on annotations and documents, and stance targets indexed for autocomplete.
_V2 = """
CREATE TABLE comments (
    id TEXT PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    annotation_id TEXT REFERENCES annotations(id) ON DELETE CASCADE,
    annotator_id INTEGER NOT NULL REFERENCES annotators(id),
    text TEXT NOT NULL CHECK (length(trim(text)) > 0),
    created_at TEXT NOT NULL
);
CREATE INDEX comments_by_document ON comments(document_id);
CREATE INDEX stances_by_target ON stances(target);
"""

# Version 3: adjudication. A gold annotation records the annotations it was decided from, and
# every decision on a disagreement (accepted, edited or rejected) is kept, so review can tell
# which disagreements are still open.
_V3 = """
ALTER TABLE annotations ADD COLUMN sources TEXT NOT NULL DEFAULT '[]';
CREATE TABLE adjudications (
    id TEXT PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    sources TEXT NOT NULL,
    decision TEXT NOT NULL CHECK (decision IN ('accepted', 'edited', 'rejected')),
    gold_id TEXT REFERENCES annotations(id) ON DELETE CASCADE,
    annotator_id INTEGER NOT NULL REFERENCES annotators(id),
    created_at TEXT NOT NULL,
    UNIQUE (document_id, sources)
);
"""

# Version 4: revisions and deletion records, so that two windows, a merge or a later sync can
# tell a newer version from an older one and a deleted annotation from one never seen.
# `revision` counts the changes of an annotation (1 when made); `rev` names the revision as
# "N-HASH" (N the count, HASH of the stored content: two sides making the same change agree);
# `history` lists the earlier `rev`s, oldest first, so a merge can tell an ancestor from a rival
# (the revision trees of CouchDB and the usn of Anki's sync are the models). Rows made before
# version 4 start at "1-0": the same on every copy of the file.
# A deletion leaves a record in `deletions` with the revision it made and the history before it.
# `conflicts` keeps a colleague's version that differs from ours when both changed since their
# common revision (or one deleted what the other changed): resolved in review, never dropped.
_V4 = """
ALTER TABLE annotations ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
ALTER TABLE annotations ADD COLUMN rev TEXT NOT NULL DEFAULT '1-0';
ALTER TABLE annotations ADD COLUMN history TEXT NOT NULL DEFAULT '[]';
CREATE TABLE deletions (
    annotation_id TEXT PRIMARY KEY,
    document_id TEXT NOT NULL,
    annotator TEXT NOT NULL,
    layer TEXT NOT NULL,
    revision INTEGER NOT NULL,
    rev TEXT NOT NULL,
    history TEXT NOT NULL DEFAULT '[]',
    deleted_at TEXT NOT NULL
);
CREATE INDEX deletions_by_document ON deletions(document_id);
CREATE TABLE conflicts (
    id TEXT PRIMARY KEY,
    annotation_id TEXT NOT NULL,
    document_id TEXT NOT NULL,
    annotator TEXT NOT NULL,
    ours_rev TEXT NOT NULL,
    theirs_rev TEXT NOT NULL,
    theirs TEXT,
    source TEXT NOT NULL,
    created_at TEXT NOT NULL,
    resolved TEXT CHECK (resolved IN ('ours', 'theirs')),
    resolved_at TEXT,
    UNIQUE (annotation_id, theirs_rev)
);
CREATE INDEX conflicts_by_document ON conflicts(document_id);
"""

# Version 5: what suggestions learn from the project. `rejected_suggestions` remembers each
# suggestion a researcher rejected (by its stable id, see `suggest.suggestion_id`, with its
# span and text as they were), so `suggest` does not propose it again; `project_cues` holds
# the researchers' edits of the project's cue list: a cue word added by hand, or a learned one
# switched off.
_V5 = """
CREATE TABLE rejected_suggestions (
    id TEXT PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    layer TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    annotator TEXT NOT NULL,
    rejected_at TEXT NOT NULL
);
CREATE INDEX rejected_suggestions_by_document ON rejected_suggestions(document_id);
CREATE TABLE project_cues (
    cue TEXT PRIMARY KEY CHECK (length(trim(cue)) > 0),
    state TEXT NOT NULL CHECK (state IN ('added', 'removed')),
    annotator TEXT NOT NULL,
    modified_at TEXT NOT NULL
);
"""

# Version 6: the link to a team project on a PostgreSQL server (annotator/core/sync/). The
# triggers note every local change of a linked project in `sync_pending` (kind, id), whatever
# made it (an edit, undo, merge, import), so `annotator sync` pushes exactly those (not with OR
# IGNORE: an outer upsert's conflict policy would override it); they note
# nothing while `sync_state.recording` is not '1' (an unlinked project, or a pull applying the
# server's rows). `sync_known` holds the version of a row last exchanged with the server (an
# entity's name, kind and aliases): a change on both sides since then is a conflict, kept in
# `entity_conflicts` (annotations use `conflicts`). `assignments` mirrors the coordinator's.
_V6 = """
CREATE TABLE sync_state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE sync_pending (
    kind TEXT NOT NULL CHECK (kind IN ('annotation', 'entity', 'status', 'document')),
    id TEXT NOT NULL,
    PRIMARY KEY (kind, id)
) WITHOUT ROWID;
CREATE TABLE sync_known (
    kind TEXT NOT NULL,
    id TEXT NOT NULL,
    token TEXT NOT NULL,
    PRIMARY KEY (kind, id)
) WITHOUT ROWID;
CREATE TABLE entity_conflicts (
    entity_id TEXT NOT NULL,
    ours TEXT NOT NULL,
    theirs TEXT NOT NULL,
    created_at TEXT NOT NULL,
    resolved TEXT CHECK (resolved IN ('ours', 'theirs')),
    PRIMARY KEY (entity_id, theirs)
);
CREATE TABLE assignments (
    document_id TEXT NOT NULL,
    annotator TEXT NOT NULL,
    assigned_at TEXT NOT NULL,
    PRIMARY KEY (document_id, annotator)
);
CREATE TRIGGER sync_annotation_added AFTER INSERT ON annotations
WHEN (SELECT value FROM sync_state WHERE key = 'recording') = '1'
BEGIN
    INSERT INTO sync_pending (kind, id) SELECT 'annotation', NEW.id
    WHERE NOT EXISTS (SELECT 1 FROM sync_pending WHERE kind = 'annotation' AND id = NEW.id);
END;
CREATE TRIGGER sync_annotation_changed AFTER UPDATE ON annotations
WHEN (SELECT value FROM sync_state WHERE key = 'recording') = '1'
BEGIN
    INSERT INTO sync_pending (kind, id) SELECT 'annotation', NEW.id
    WHERE NOT EXISTS (SELECT 1 FROM sync_pending WHERE kind = 'annotation' AND id = NEW.id);
END;
CREATE TRIGGER sync_annotation_deleted AFTER INSERT ON deletions
WHEN (SELECT value FROM sync_state WHERE key = 'recording') = '1'
BEGIN
    INSERT INTO sync_pending (kind, id) SELECT 'annotation', NEW.annotation_id
    WHERE NOT EXISTS (
        SELECT 1 FROM sync_pending WHERE kind = 'annotation' AND id = NEW.annotation_id
    );
END;
CREATE TRIGGER sync_entity_added AFTER INSERT ON entities
WHEN (SELECT value FROM sync_state WHERE key = 'recording') = '1'
BEGIN
    INSERT INTO sync_pending (kind, id) SELECT 'entity', NEW.id
    WHERE NOT EXISTS (SELECT 1 FROM sync_pending WHERE kind = 'entity' AND id = NEW.id);
END;
CREATE TRIGGER sync_entity_changed AFTER UPDATE ON entities
WHEN (SELECT value FROM sync_state WHERE key = 'recording') = '1'
BEGIN
    INSERT INTO sync_pending (kind, id) SELECT 'entity', NEW.id
    WHERE NOT EXISTS (SELECT 1 FROM sync_pending WHERE kind = 'entity' AND id = NEW.id);
END;
CREATE TRIGGER sync_status_added AFTER INSERT ON document_status
WHEN (SELECT value FROM sync_state WHERE key = 'recording') = '1'
BEGIN
    INSERT INTO sync_pending (kind, id)
    SELECT 'status', NEW.document_id || char(31) || NEW.annotator_id
    WHERE NOT EXISTS (
        SELECT 1 FROM sync_pending
        WHERE kind = 'status' AND id = NEW.document_id || char(31) || NEW.annotator_id
    );
END;
CREATE TRIGGER sync_status_changed AFTER UPDATE ON document_status
WHEN (SELECT value FROM sync_state WHERE key = 'recording') = '1'
BEGIN
    INSERT INTO sync_pending (kind, id)
    SELECT 'status', NEW.document_id || char(31) || NEW.annotator_id
    WHERE NOT EXISTS (
        SELECT 1 FROM sync_pending
        WHERE kind = 'status' AND id = NEW.document_id || char(31) || NEW.annotator_id
    );
END;
CREATE TRIGGER sync_document_added AFTER INSERT ON documents
WHEN (SELECT value FROM sync_state WHERE key = 'recording') = '1'
BEGIN
    INSERT INTO sync_pending (kind, id) SELECT 'document', NEW.id
    WHERE NOT EXISTS (SELECT 1 FROM sync_pending WHERE kind = 'document' AND id = NEW.id);
END;
"""

MIGRATIONS: tuple[str, ...] = (_V1, _V2, _V3, _V4, _V5, _V6)
CURRENT_VERSION = len(MIGRATIONS)


def migrate(conn: sqlite3.Connection, to_version: int = CURRENT_VERSION) -> int:
    """Bring the file from its `user_version` up to `to_version`, one transaction per step.

    The connection must be in autocommit mode (isolation_level None) so BEGIN/COMMIT are ours.
    Returns the version the file had before.
    """
    start = conn.execute("PRAGMA user_version").fetchone()[0]
    for version in range(start + 1, to_version + 1):
        conn.execute("BEGIN IMMEDIATE")
        try:
            # executescript() would commit first; run the statements one by one instead.
            for statement in _statements(MIGRATIONS[version - 1]):
                conn.execute(statement)
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute(f"PRAGMA user_version = {version}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return start


def _statements(script: str) -> list[str]:
    statements, current = [], ""
    for line in script.splitlines(keepends=True):
        if line.strip().startswith("--"):
            continue
        current += line
        if sqlite3.complete_statement(current):
            statements.append(current.strip())
            current = ""
    return statements
