"""Their annotations that need no decision, found, checked and copied in SQL.

Most of a colleague's file is usually annotations this project has never seen: ids that are
neither ours nor deleted here, on spans we do not tag, linking only to each other or to ours.
Each such row is stored as it is, which one INSERT ... SELECT from their file (attached to our
connection) does without making a Python object per row. A row goes this way only when every
check the per-row path (`annotator.core.review.merge_annotations`) would make of it passes in SQL
(its fields' types, span text, layer, attributes, stances, entity, link, origin); every other row
of theirs, a bad one included, is left to that path, which decides it, or refuses the file
with its usual message. So the outcome is the per-row path's: only the cost differs.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from annotator.core.errors import AnnotatorError, Cancelled, Message
from annotator.core.store.annotation_store import _attributes_json, _history, page_cache
from annotator.core.store.project import Project

SCHEMA = "merge_theirs"  # the name their attached copy goes by on our connection
_ORIGINS = "('manual', 'imported', 'suggested', 'adjudicated')"
# SQLite's virtual machine steps between two looks at the cancel button during one statement.
_CANCEL_STEPS = 10_000
_CHOSEN_IDS = f"SELECT c.id FROM temp.merge_new n JOIN {SCHEMA}.annotations c ON c.rowid = n.theirs"


@contextmanager
def attached(conn: sqlite3.Connection, copy: Path) -> Iterator[None]:
    """Their copy readable on our connection as `SCHEMA` for the block (outside a transaction:
    SQLite attaches and detaches only there)."""
    conn.execute("ATTACH DATABASE ? AS " + SCHEMA, (str(copy),))
    try:
        yield
    except BaseException:
        # What failed is what the caller must hear of, not a detach it left impossible.
        with contextlib.suppress(sqlite3.Error):
            conn.execute("DETACH DATABASE " + SCHEMA)
        raise
    conn.execute("DETACH DATABASE " + SCHEMA)


class NewAnnotations:
    """Their annotations new here that need no decision (see the module's docstring), chosen by
    `choose` (inside the merge's transaction, after documents and entities are merged) and
    stored by `store`. `other` names their file in messages."""

    def __init__(
        self,
        project: Project,
        other: Path,
        documents: dict[str, str],
        entities: dict[str, str],
        renamed: set[str],
        cancelled: Callable[[], bool],
    ):
        self.project, self.other, self.cancelled = project, other, cancelled
        self.renamed = renamed  # annotators whose rows get ids of their own: decided per row
        self.conn = project.conn
        self.count = 0
        self._texts: dict[str, str] = {}
        conn = self.conn
        conn.execute("CREATE TEMP TABLE merge_documents (theirs TEXT PRIMARY KEY, ours TEXT)")
        conn.executemany("INSERT INTO temp.merge_documents VALUES (?, ?)", documents.items())
        conn.execute("CREATE TEMP TABLE merge_entities (theirs TEXT PRIMARY KEY, ours TEXT)")
        conn.executemany("INSERT INTO temp.merge_entities VALUES (?, ?)", entities.items())
        conn.execute(
            "CREATE TEMP TABLE merge_layers (layer TEXT PRIMARY KEY, entity INT, link TEXT)"
        )
        conn.execute(
            "CREATE TEMP TABLE merge_fits (layer TEXT, attributes TEXT, stored TEXT, "
            "PRIMARY KEY (layer, attributes))"
        )
        conn.execute(
            "CREATE TEMP TABLE merge_stance_values (layer TEXT, value TEXT, "
            "PRIMARY KEY (layer, value))"
        )
        conn.execute("CREATE TEMP TABLE merge_stance_targets (target TEXT PRIMARY KEY)")
        conn.execute("CREATE TEMP TABLE merge_deleted_names (name TEXT PRIMARY KEY)")
        conn.execute(
            "CREATE TEMP TABLE merge_annotators (theirs INTEGER PRIMARY KEY, name TEXT, ours INT)"
        )
        # The rows chosen, by their rowid in their file (appended in order: cheap).
        conn.execute("CREATE TEMP TABLE merge_new (theirs INTEGER PRIMARY KEY)")
        conn.create_function("merge_span_fits", 4, self._span_fits, deterministic=True)
        conn.create_function("merge_history", 1, _stored_history, deterministic=True)

    def forget(self) -> None:
        """Unregister this merge's SQL functions from our connection (they hold its texts)."""
        self.conn.create_function("merge_span_fits", 4, None)
        self.conn.create_function("merge_history", 1, None)

    def close(self) -> None:
        """Drop this merge's tables (a rolled-back merge never made them)."""
        for table in (
            "documents",
            "entities",
            "layers",
            "fits",
            "stance_values",
            "stance_targets",
            "deleted_names",
            "annotators",
            "new",
        ):
            self.conn.execute(f"DROP TABLE IF EXISTS temp.merge_{table}")

    def choose(self) -> int:
        """Find the rows to copy (into temp.merge_new); returns how many."""
        with self._reading():
            return self._choose()

    def _choose(self) -> int:
        self._judge_values()
        conn, t = self.conn, SCHEMA
        names = bool(conn.execute("SELECT 1 FROM temp.merge_deleted_names LIMIT 1").fetchone())
        # A new revision holding a name our deletions hold is the same work deleted here.
        deleted = (
            "AND a.rev NOT IN (SELECT name FROM temp.merge_deleted_names) "
            "AND CASE WHEN a.history = '[]' OR NOT json_valid(a.history) "
            "OR json_type(a.history) != 'array' THEN 1 ELSE NOT EXISTS (SELECT 1 FROM "
            "json_each(a.history) j WHERE j.value IN (SELECT name FROM temp.merge_deleted_names)"
            ") END "
            if names
            else ""
        )
        # An id their file holds twice is decided per row (their copy keeps their table's
        # constraints: a key on the id rules that out at once).
        unique = (
            ""
            if _unique(conn, "annotations", {"id"})
            else f"AND NOT EXISTS (SELECT 1 FROM {t}.annotations b "
            "WHERE b.id = a.id AND b.rowid != a.rowid)"
        )
        # A stance target given twice on one annotation: their table's key rules it out.
        twice = (
            ""
            if _unique(conn, "stances", {"annotation_id", "target"})
            else f"AND a.id NOT IN (SELECT annotation_id FROM {t}.stances "
            "GROUP BY annotation_id, target HAVING count(*) > 1)"
        )
        self._steps(
            f"""
            INSERT INTO temp.merge_new (theirs)
            SELECT a.rowid FROM {t}.annotations a
            JOIN temp.merge_annotators n ON n.theirs = a.annotator_id
            JOIN temp.merge_documents d ON d.theirs = a.document_id
            JOIN temp.merge_fits f ON f.layer = a.layer AND f.attributes = a.attributes
            JOIN temp.merge_layers l ON l.layer = a.layer
            WHERE typeof(a.id) = 'text'
              AND a.id NOT IN (SELECT id FROM main.annotations)
              AND a.id NOT IN (SELECT annotation_id FROM main.deletions)
              AND a.id NOT IN (SELECT annotation_id FROM {t}.deletions)
              {unique}
              AND a.sources = '[]'
              AND typeof(a.revision) = 'integer' AND typeof(a.rev) = 'text'
              AND typeof(a.history) = 'text'
              AND typeof(a.created_at) = 'text' AND typeof(a.modified_at) = 'text'
              AND typeof(a.origin) = 'text' AND a.origin IN {_ORIGINS}
              AND (a.entity_id IS NULL OR (l.entity
                   AND a.entity_id IN (SELECT theirs FROM temp.merge_entities)))
              AND (a.link_id IS NULL OR (l.link IS NOT NULL AND typeof(a.link_id) = 'text'))
              AND merge_span_fits(d.ours, a.start, a."end", a.text)
              AND NOT EXISTS (
                  SELECT 1 FROM main.annotations m
                  WHERE m.document_id = d.ours AND m.annotator_id = n.ours
                    AND m.start = a.start AND m."end" = a."end" AND m.layer = a.layer
                    AND m.link_id IS a.link_id)
              AND NOT EXISTS (
                  SELECT 1 FROM {t}.stances s WHERE s.annotation_id = a.id AND NOT (
                      typeof(s.position) = 'integer'
                      AND (a.layer, s.value) IN (SELECT layer, value FROM temp.merge_stance_values)
                      AND s.target IN (SELECT target FROM temp.merge_stance_targets)))
              {twice}
              {deleted}
            """
        )
        # A link must reach another row copied here, or ours under its own id: a link to a row
        # the per-row path decides (which may turn out to be ours under another id, or get an
        # id of its own for a renamed annotator) is decided there too.
        while conn.execute(
            f"DELETE FROM temp.merge_new WHERE theirs IN (SELECT n.theirs FROM temp.merge_new n "
            f"JOIN {t}.annotations a ON a.rowid = n.theirs WHERE a.link_id IS NOT NULL "
            f"AND a.link_id NOT IN ({_CHOSEN_IDS}) "
            "AND (a.link_id NOT IN (SELECT id FROM main.annotations) "
            f"OR a.link_id IN (SELECT x.id FROM {t}.annotations x WHERE x.annotator_id "
            "NOT IN (SELECT theirs FROM temp.merge_annotators))))"
        ).rowcount:
            pass
        self.count = conn.execute("SELECT count(*) FROM temp.merge_new").fetchone()[0]
        return self.count

    def store(self) -> int:
        """Copy the chosen rows and their stances (renumbered from 0, as the per-row path
        stores them), in document order, as the index is. Returns how many annotations were
        stored (SQLite's count of the rows inserted: what a report may say was added)."""
        with self._reading():
            return self._store()

    def _store(self) -> int:
        if not self.count:
            return 0
        conn, t = self.conn, SCHEMA
        for theirs, name in conn.execute(
            f"SELECT theirs, name FROM temp.merge_annotators WHERE ours IS NULL AND theirs IN "
            f"(SELECT a.annotator_id FROM temp.merge_new n "
            f"JOIN {t}.annotations a ON a.rowid = n.theirs)"
        ).fetchall():
            conn.execute(
                "UPDATE temp.merge_annotators SET ours = ? WHERE theirs = ?",
                (self.project._annotator_id(name, create=True), theirs),
            )
        with page_cache(conn):
            stored = self._steps(
                f"""
                INSERT INTO main.annotations (document_id, annotator_id, layer, start, "end",
                    text, attributes, entity_id, link_id, origin, created_at, modified_at,
                    sources, revision, rev, history, id)
                SELECT d.ours, p.ours, a.layer, a.start, a."end", a.text, f.stored, e.ours,
                    a.link_id, a.origin, a.created_at, a.modified_at, '[]', a.revision, a.rev,
                    CASE WHEN a.history = '[]' THEN '[]' ELSE merge_history(a.history) END, a.id
                FROM temp.merge_new n
                JOIN {t}.annotations a ON a.rowid = n.theirs
                JOIN temp.merge_documents d ON d.theirs = a.document_id
                JOIN temp.merge_annotators p ON p.theirs = a.annotator_id
                JOIN temp.merge_fits f ON f.layer = a.layer AND f.attributes = a.attributes
                LEFT JOIN temp.merge_entities e ON e.theirs = a.entity_id
                ORDER BY d.ours, a.start, a.link_id IS NOT NULL, a.id
                """
            )
        self._steps(
            f"""
            INSERT INTO main.stances (annotation_id, position, target, value)
            SELECT s.annotation_id, row_number() OVER (PARTITION BY s.annotation_id
                ORDER BY s.position, s.target, s.value) - 1, s.target, s.value
            FROM {t}.stances s WHERE s.annotation_id IN ({_CHOSEN_IDS})
            """
        )
        return stored

    def chosen(self, annotation_id: str) -> dict | None:
        """Their row (id, layer, annotator, document_id: what a refusal names) when it was
        copied here, else None."""
        row = self.conn.execute(
            f"SELECT a.id, a.layer, p.name, a.document_id FROM {SCHEMA}.annotations a "
            f"JOIN {SCHEMA}.annotators p ON p.id = a.annotator_id "
            "WHERE a.id = ? AND a.rowid IN (SELECT theirs FROM temp.merge_new)",
            (annotation_id,),
        ).fetchone()
        if row is None:
            return None
        return dict(zip(("id", "layer", "annotator", "document_id"), row, strict=True))

    def decided_rows(self) -> tuple[list[dict], list[tuple]]:
        """Their annotations (as dicts, named as `merge._read` names them) and stances that
        were not chosen: the per-row path's. Text read exactly (bytes that are not UTF-8 make
        the file unreadable)."""
        conn, t = self.conn, SCHEMA
        factory = conn.text_factory
        conn.text_factory = str
        try:
            cursor = conn.execute(
                'SELECT a.id, a.document_id, p.name AS annotator, a.layer, a.start, a."end", '
                "a.text, a.attributes, a.entity_id, a.link_id, a.origin, a.created_at, "
                f"a.modified_at, a.sources, a.revision, a.rev, a.history FROM {t}.annotations a "
                f"JOIN {t}.annotators p ON p.id = a.annotator_id "
                "WHERE a.rowid NOT IN (SELECT theirs FROM temp.merge_new)"
            )
            # Plain rows zipped with the names read once: quicker than a sqlite3.Row per row.
            columns = [d[0] for d in cursor.description]
            annotations = [dict(zip(columns, r, strict=True)) for r in cursor]
            stances = conn.execute(
                f"SELECT annotation_id, position, target, value FROM {t}.stances "
                f"WHERE annotation_id NOT IN ({_CHOSEN_IDS})"
            ).fetchall()
        except sqlite3.DatabaseError as exc:
            raise AnnotatorError(Message("%1 cannot be read: %2", self.other, exc)) from None
        finally:
            conn.text_factory = factory
        return annotations, stances

    def _judge_values(self) -> None:
        """The distinct values of their rows (annotators, layers with attributes, stance values
        and targets), judged in Python once each: a row holding one that fails is left out."""
        project, conn, t = self.project, self.conn, SCHEMA
        schema = project.schema
        conn.executemany(
            "INSERT INTO temp.merge_annotators (theirs, name) VALUES (?, ?)",
            [
                (n, name)
                for n, name in conn.execute(f"SELECT id, name FROM {t}.annotators")
                # As the store writes a name (`_annotator_id`): trimmed, at most 100.
                if isinstance(name, str)
                and name == name.strip()
                and 0 < len(name) <= 100
                and name not in self.renamed
            ],
        )
        for theirs, name in conn.execute(
            "SELECT theirs, name FROM temp.merge_annotators"
        ).fetchall():
            conn.execute(
                "UPDATE temp.merge_annotators SET ours = ? WHERE theirs = ?",
                (project._annotator_id(name), theirs),
            )
        fits, layers = [], {}
        for layer, attributes in conn.execute(
            f"SELECT DISTINCT layer, attributes FROM {t}.annotations"
        ).fetchall():
            try:
                parsed = json.loads(attributes)
                if not isinstance(parsed, dict) or not isinstance(layer, str):
                    continue
                kept = project._plain_attributes(layer, parsed)
                if layer not in layers:
                    found = schema.layer(layer)
                    entity = found.attribute_of_type("entity") is not None
                    link = found.attribute_of_type("link")
                    layers[layer] = (layer, entity, link.layer if link is not None else None)
            except (AnnotatorError, TypeError, ValueError):
                continue
            fits.append((layer, attributes, _attributes_json(kept)))
        conn.executemany("INSERT INTO temp.merge_fits VALUES (?, ?, ?)", fits)
        conn.executemany("INSERT INTO temp.merge_layers VALUES (?, ?, ?)", layers.values())
        values = []
        # Each value their stances hold, judged for each layer (a few of each).
        for (value,) in conn.execute(f"SELECT DISTINCT value FROM {t}.stances").fetchall():
            for layer in layers:
                try:
                    if isinstance(value, str):
                        schema.validate_stance_value(layer, value)
                        values.append((layer, value))
                except AnnotatorError:
                    continue
        conn.executemany("INSERT INTO temp.merge_stance_values VALUES (?, ?)", values)
        conn.executemany(
            "INSERT INTO temp.merge_stance_targets VALUES (?)",
            [
                (target,)
                for (target,) in conn.execute(f"SELECT DISTINCT target FROM {t}.stances")
                if isinstance(target, str) and target.strip()
            ],
        )
        deleted = set()
        for rev, history in conn.execute("SELECT rev, history FROM main.deletions"):
            for name in (rev, *_history(history)):
                if isinstance(name, str) and not name.endswith("-0"):
                    deleted.add(name)
        conn.executemany("INSERT INTO temp.merge_deleted_names VALUES (?)", [(n,) for n in deleted])

    def _span_fits(self, document_id: str, start: Any, end: Any, text: Any) -> bool:
        """Whether a span lies inside its document and holds the document's text there (code
        points, as the store counts them)."""
        if not (type(start) is int and type(end) is int and type(text) is str):
            return False
        document = self._texts.get(document_id)
        if document is None:
            document = self._texts[document_id] = self.project.text(document_id)
        return 0 <= start < end <= len(document) and document[start:end] == text

    def _steps(self, sql: str) -> int:
        """Run one long statement with the cancel button still looked at; returns how many
        rows it changed."""
        cancelled = False

        def look() -> int:
            nonlocal cancelled
            cancelled = self.cancelled()
            return 1 if cancelled else 0

        self.conn.set_progress_handler(look, _CANCEL_STEPS)
        try:
            return self.conn.execute(sql).rowcount
        except sqlite3.OperationalError:
            if cancelled:
                raise Cancelled("merge cancelled; nothing was changed") from None
            raise
        finally:
            self.conn.set_progress_handler(None, 0)

    @contextmanager
    def _reading(self) -> Iterator[None]:
        """Their file found damaged while read (a page SQLite cannot read, text that is not
        UTF-8 handed to a check) cannot be read, as for the per-row path; errors of our own
        file (a full disk) stay what they are."""
        try:
            yield
        except sqlite3.DatabaseError as exc:
            name = getattr(exc, "sqlite_errorname", "")
            if not (
                name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB"))
                or "user-defined function raised exception" in str(exc)
            ):
                raise
            raise AnnotatorError(Message("%1 cannot be read: %2", self.other, exc)) from None


def _unique(conn: sqlite3.Connection, table: str, columns: set[str]) -> bool:
    """Whether their `table` has a unique index on exactly `columns` (a key or UNIQUE)."""
    for index in conn.execute(f"PRAGMA {SCHEMA}.index_list({table})").fetchall():
        if index[2] and not index[4]:  # unique, not partial
            named = conn.execute(f'PRAGMA {SCHEMA}.index_info("{index[1]}")').fetchall()
            if {r[2] for r in named} == columns:
                return True
    return False


def _stored_history(text: str) -> str:
    """Earlier revision names as the store writes them (see `_insert_revisions`)."""
    names = _history(text)
    return json.dumps(names) if names else "[]"
