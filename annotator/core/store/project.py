"""The project file: opens or creates the SQLite store and is the only place that writes SQL.

Every public method that changes data runs in one transaction: all of it is stored or none.
"""

from __future__ import annotations

import itertools
import json
import os
import sqlite3
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator.core.arabic.text import text_sha256, title_of
from annotator.core.clock import now, utc_timestamp
from annotator.core.errors import (
    AnnotatorError,
    Cancelled,
    CheckPendingError,
    DamagedProjectError,
    Message,
    NotFoundError,
    ProjectBusyError,
    ProjectError,
    ProjectReplacedError,
    ValidationError,
)
from annotator.core.model import STATUSES, Document, DocumentSummary, Entity
from annotator.core.schema import LabelSchema, default_schema_text, parse_schema
from annotator.core.store import (
    backup,
    disk,
    foreign_objects,
    integrity,
    migrations,
    pinned,
    wal,
)
from annotator.core.store.annotation_store import AnnotationState, AnnotationStore
from annotator.core.store.bulk import BulkReads
from annotator.core.store.files import temp_beside
from annotator.core.store.integrity import bulk_row_ok, row_ok
from annotator.core.store.learning import SuggestionMemory
from annotator.core.store.opening import (
    BUSY_TIMEOUT_S,
    _check_contents,
    _check_version,
    _check_writable,
    _connect,
    _identity,
    _in_wal_mode,
    _refusal,
    _write_refusal,
    check_project_file,
    project_bytes,
    restore_hint,
    structure_problem,
)

if TYPE_CHECKING:
    import sqlite_utils

# A checkpoint that waits for other windows' readers (TRUNCATE at closing) waits this long at
# most: the window is closing, and an idle one checkpoints again soon after.
CHECKPOINT_WAIT_S = 2.0
CHECKPOINT_MODES = ("PASSIVE", "FULL", "RESTART", "TRUNCATE")


@dataclass(frozen=True)
class TextSource:
    """An article read from a file, ready to import."""

    text: str
    source: str | None = None
    title: str | None = None
    # An id from the researcher's data (a table's id column), stored as it is; None: one is made
    # from the file name.
    id: str | None = None
    metadata: Mapping[str, Any] = field(default_factory=dict)
    line: int | None = None  # where the article starts in a table or JSON Lines file

    @property
    def where(self) -> str:
        """The file (and line) the article came from, for reports."""
        where = self.source or self.title or ""
        return f"{where}:{self.line}" if self.line is not None else where


@dataclass(frozen=True)
class ImportReport:
    added: tuple[str, ...]  # document ids
    skipped: tuple[tuple[str, str], ...]  # (source, id of the document already holding the text)


_SAVEPOINTS = itertools.count()  # names of nested atomic() blocks


# The documents of the given hashes / ids (a JSON list of them).
_DOCUMENTS_BY_HASH = (
    "SELECT sha256, id FROM documents WHERE sha256 IN (SELECT value FROM json_each(?))"
)
_DOCUMENTS_BY_ID = "SELECT id FROM documents WHERE id IN (SELECT value FROM json_each(?))"


class Project(AnnotationStore, BulkReads, SuggestionMemory):
    """An open project file: `Project.create` or `Project.open` it, and close it (or use `with`)."""

    def __init__(self, conn: sqlite3.Connection, path: Path, warnings: Iterable[str] = ()):
        self.path = path
        self.conn = conn
        # While open, this process reads the file only through kept descriptors (`pinned`).
        pinned.hold(path)
        self._holding = True
        # Which file this is (device, inode): a restore or another program may put another file
        # under the same name, and writes must never go on into the one no longer there.
        self._identity = _identity(path)
        self._log_identity = _identity(path.with_name(path.name + "-wal"))
        # What was found wrong beside the file at opening (its write-ahead log), one line each.
        self.warnings: tuple[str, ...] = tuple(warnings)
        conn.text_factory = integrity.read_text
        self.schema: LabelSchema = parse_schema(self._meta("label_schema"), f"{path} (schema)")
        self._texts: dict[str, str] = {}
        self._left_out: dict[str, int] = {}  # damaged annotations of a document, as last read
        # The check of the file's pages: "ok" (done at opening), "pending" (a large file: run
        # before the first write, or in the background once `defer_structure_check` is
        # called, every write refused until it passes), or "damaged" (`damage` says why;
        # every write, and every checkpoint of the log into the file, is refused).
        self.structure = "ok"
        self.damage: str | None = None
        self._deferred = False

    # ----------------------------------------------------------------- opening and closing

    @classmethod
    def create(cls, path: str | Path, schema_text: str | None = None) -> Project:
        """Create a new project file; refuses to overwrite anything."""
        path = Path(path)
        schema_text = schema_text if schema_text is not None else default_schema_text()
        parse_schema(schema_text)  # a bad schema is refused before any file is made
        if path.exists():
            raise ProjectError(Message("%1 already exists; choose another name or open it", path))
        if not path.parent.is_dir():
            raise ProjectError(Message("folder %1 does not exist", path.parent))
        # Build the file under a temporary name and move it into place, so an interrupted
        # init never leaves a half-made project behind.
        try:
            tmp = temp_beside(path)
        except OSError as exc:
            raise ProjectError(
                Message("cannot create a project in %1: %2", path.parent, exc.strerror)
            ) from None
        try:
            conn = sqlite3.connect(tmp, isolation_level=None)
            try:
                migrations.migrate(conn)
                conn.execute(
                    "INSERT INTO meta (key, value) VALUES ('label_schema', ?), ('created_at', ?)",
                    (schema_text, now()),
                )
            finally:
                conn.close()
            os.link(tmp, path)  # fails if `path` appeared meanwhile: never overwrite
        except FileExistsError:
            raise ProjectError(
                Message("%1 already exists; choose another name or open it", path)
            ) from None
        except sqlite3.Error as exc:
            refused = disk.project_write_failure(path, exc)
            raise refused or ProjectError(Message("cannot create %1: %2", path, exc)) from None
        finally:
            tmp.unlink(missing_ok=True)
        return cls.open(path)

    @classmethod
    def open(cls, path: str | Path, check_at_open_bytes: int | None = None) -> Project:
        """Open a project. A file that cannot be used is refused with a ProjectError subclass
        (NotAProjectError, DamagedProjectError, NewerProjectError, ReadOnlyProjectError,
        ProjectBusyError) and left byte for byte as it was.

        The structure of every page (`PRAGMA quick_check`, which reads the whole file) is
        checked here for a file of up to `check_at_open_bytes` bytes with its log (None, the
        default: any size; a window passes CHECK_AT_OPEN_BYTES). A larger one opens without
        reading every page and is checked before its first write (`atomic`), or on another
        thread (`defer_structure_check`, `check_structure`), so a damaged file is still
        refused before anything is written to it (while the check runs on another thread,
        writes are refused with CheckPendingError). Reads of a damaged page before the check
        raise sqlite3.DatabaseError; `check_structure` then says what to restore."""
        path = Path(path)
        if not path.exists():
            raise ProjectError(
                Message("%1: no such project (create it with: annotator init %1)", path)
            )
        # Everything that can refuse the file runs before a connection that could write to it
        # is made, so a refused file is left byte-for-byte as it was.
        check_project_file(path)
        # Read before SQLite opens the file: opening folds the log in, or drops it.
        warnings = wal.problems(path)
        _check_writable(path)
        try:
            at_once = check_at_open_bytes is None or project_bytes(path) <= check_at_open_bytes
        except OSError:
            at_once = True
        # Opening a file not yet in WAL mode writes its header (`journal_mode = WAL` below):
        # its pages are checked first, however large.
        at_once = at_once or not _in_wal_mode(path)
        try:
            _check_contents(path, structure=at_once)
        except ProjectError as exc:
            if not warnings:
                raise
            raise type(exc)(f"{exc}; besides, {'; '.join(warnings)}") from None
        try:
            conn = _connect(path)
        except sqlite3.Error as exc:
            raise _refusal(path, exc) from None
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            _check_version(path, version)  # another version may have opened it meanwhile
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
            if version < migrations.CURRENT_VERSION:
                if not at_once:  # migrating writes: the pages are checked first
                    problem = structure_problem(path)
                    if problem is not None:
                        raise DamagedProjectError(problem)
                    at_once = True
                saved = backup.make(conn, path, f"before-v{migrations.CURRENT_VERSION}")
                try:
                    migrations.migrate(conn)
                except BaseException:
                    # Not a backup to restore: it is of the file that just failed to open.
                    backup.mark_failed(saved)
                    raise
            project = cls(conn, path, warnings)
            project.structure = "ok" if at_once else "pending"
            return project
        except sqlite3.Error as exc:
            conn.close()
            raise _refusal(path, exc) from None
        except BaseException:
            conn.close()
            raise

    def check_structure(self) -> str | None:
        """Check the pages of a file opened without that check (`open`), once; returns why it
        is damaged (naming the backup to restore), after which every write is refused, or None.
        Reads through a connection of its own, so it may run on another thread."""
        if self.structure == "pending":
            problem = structure_problem(self.path)
            self.damage = problem
            self.structure = "ok" if problem is None else "damaged"
        return self.damage

    def unreadable(self, exc: sqlite3.DatabaseError) -> str:
        """Why a read failed in a project opened before its structure check: the check's
        finding (naming the backup to restore), or SQLite's error when it finds nothing."""
        return self.check_structure() or f"{self.path} cannot be read: {exc}"

    def structure_check_failed(self) -> None:
        """The deferred check could not run: it runs before the next write instead."""
        self._deferred = False

    def defer_structure_check(self) -> None:
        """The pending check runs elsewhere (a window runs it on a thread once it is shown):
        until it has passed, every write is refused with CheckPendingError instead of running
        it here; a damaged result refuses every write from then on."""
        self._deferred = True

    def _refuse_damaged(self) -> None:
        if self.structure == "pending" and not self._deferred:
            self.check_structure()
        if self.structure == "pending":
            raise CheckPendingError(
                Message(
                    "%1 is still being checked (a large project's pages are read once before "
                    "anything is written to it); nothing was changed, try again when the check "
                    "has finished",
                    self.path,
                )
            )
        if self.structure == "damaged":
            raise DamagedProjectError(Message("%1; nothing more is written to it", self.damage))

    def close(self) -> None:
        """Close the connection, having copied committed work into the file where no other
        window still reads an older state (the last connection to close checkpoints fully).
        A file found damaged, or not yet checked, is left as it is: its log is not folded in."""
        if self.structure != "ok":
            self._close_leaving_the_log()
            return
        try:
            self.checkpoint()
        except (AnnotatorError, sqlite3.Error):
            pass  # closing never fails; the work is in the log, which SQLite reads
        self.conn.close()
        self._let_go()

    def _close_leaving_the_log(self) -> None:
        """Close without the checkpoint SQLite makes when the last connection to a file closes:
        a read-only connection keeps its shared lock meanwhile (the closing one then cannot
        take the exclusive lock that checkpoint needs), and a read-only connection never
        checkpoints as it closes."""
        reader = None
        try:
            reader = sqlite3.connect(
                f"{self.path.absolute().as_uri()}?mode=ro", uri=True, isolation_level=None
            )
            reader.execute("PRAGMA schema_version").fetchone()  # takes the shared lock
        except sqlite3.Error:
            pass  # the closing connection may then checkpoint: nothing better can be done
        try:
            self.conn.close()
        finally:
            if reader is not None:
                reader.close()
            self._let_go()

    def _let_go(self) -> None:
        if self._holding:
            self._holding = False
            pinned.release(self.path)

    def replaced(self) -> bool:
        """Whether the file at `path` is no longer the one this connection has open (removed,
        or another file moved to its name): one stat, cheap enough before every write."""
        return _identity(self.path) != self._identity

    def close_replaced(self) -> None:
        """Close the connection to a file that was replaced, and take its log away from the
        project's name: SQLite neither checkpoints nor removes the log of a file that moved, and
        would apply it to the new file. Raises ProjectBusyError, leaving the log, when another
        process still has it open."""
        wal_path = self.path.with_name(self.path.name + "-wal")
        shm_path = self.path.with_name(self.path.name + "-shm")
        ours = self._log_identity is not None and _identity(wal_path) == self._log_identity
        self.conn.close()
        try:
            if not ours:
                return  # the log under the name, if any, is the new file's
            if wal.in_use(shm_path):
                raise ProjectBusyError(
                    Message(
                        "%1 was replaced while another window still has the old file open; "
                        "close every window on it, then open the project again",
                        self.path,
                    )
                )
            for stale in (wal_path, shm_path):
                stale.unlink(missing_ok=True)
        finally:
            self._let_go()

    def checkpoint(self, mode: str = "PASSIVE") -> tuple[int, int, int]:
        """Copy committed work from the write-ahead log into the project file itself, so a
        copy of the file alone holds it: PASSIVE copies what no other window still reads and never
        waits; TRUNCATE waits up to CHECKPOINT_WAIT_S for readers, then empties the log.

        Returns SQLite's (busy, frames in the log, frames copied): all copied when busy is 0 and
        the two counts are equal. Raises ProjectReplacedError when the file was replaced,
        DamagedProjectError or CheckPendingError as a write would (`atomic`), and ValueError
        for an unknown mode.
        """
        if mode not in CHECKPOINT_MODES:
            raise ValueError(f"unknown checkpoint mode {mode!r}")
        if self.replaced():
            raise self._replaced_error()
        # A checkpoint writes into the file: not into one found damaged, or not yet checked.
        self._refuse_damaged()
        if mode == "PASSIVE":
            return tuple(self.conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone())
        self.conn.execute(f"PRAGMA busy_timeout = {int(CHECKPOINT_WAIT_S * 1000)}")
        try:
            return tuple(self.conn.execute(f"PRAGMA wal_checkpoint({mode})").fetchone())
        finally:
            self.conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")

    def _replaced_error(self) -> ProjectReplacedError:
        return ProjectReplacedError(
            Message(
                "%1 was replaced or removed by another program (a restore?) after it "
                "was opened here; nothing was changed: reopen the project",
                self.path,
            )
        )

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @cached_property
    def db(self) -> sqlite_utils.Database:
        """The file through sqlite-utils, made when first used: sqlite-utils imports pandas and
        numpy where they are installed, about 0.5 s of processor time that commands such as
        `annotator export` need not spend."""
        import sqlite_utils

        return sqlite_utils.Database(self.conn, execute_plugins=False)

    @contextmanager
    def atomic(self) -> Iterator[None]:
        """One transaction; nested blocks become savepoints.

        The write lock is taken at the start (BEGIN IMMEDIATE): a transaction that first read
        and then wanted to write could otherwise fail at once, without waiting, when another
        window or command had written in between.
        """
        if self.conn.in_transaction:
            # A savepoint, in SQL: sqlite-utils' own would import pandas (0.5 s) at the first
            # nested block, that is at the window's first edit.
            name = f"atomic_{next(_SAVEPOINTS)}"
            self.conn.execute(f"SAVEPOINT {name}")
            try:
                yield
            except BaseException:
                self.conn.execute(f"ROLLBACK TO {name}")
                self.conn.execute(f"RELEASE {name}")
                self._texts.clear()
                raise
            self.conn.execute(f"RELEASE {name}")
            return
        if self.replaced():
            raise self._replaced_error()
        self._refuse_damaged()
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                raise ProjectBusyError(
                    Message(
                        "%1 is busy: another window or command has been writing to it for over "
                        "%2 s; nothing was changed, try again",
                        self.path,
                        format(BUSY_TIMEOUT_S, ".0f"),
                    )
                ) from None
            raise _write_refusal(self.path, exc) or exc from None
        try:
            yield
            self.conn.execute("COMMIT")
            if self._log_identity is None:
                # The log is made at the first write; known from then on, until closing.
                self._log_identity = _identity(self.path.with_name(self.path.name + "-wal"))
        except BaseException as exc:
            if self.conn.in_transaction:
                try:
                    self.conn.execute("ROLLBACK")
                except sqlite3.Error:
                    # A disk that refused the write may refuse the rollback too; the write's
                    # error is the one to report (SQLite has rolled the transaction back).
                    pass
            # Texts read in the transaction may be of documents it added, which are gone now:
            # a later document could get the same id.
            self._texts.clear()
            if isinstance(exc, sqlite3.Error):
                refused = _write_refusal(self.path, exc)
                if refused is not None:
                    raise refused from None
            raise

    @contextmanager
    def strict_text(self) -> Iterator[None]:
        """Read text exactly inside the block: a cell holding bytes that are not UTF-8 raises
        DamagedProjectError instead of being read with U+FFFD in their place. For exports, which
        must not write a text other than the stored one."""
        self.conn.text_factory = str
        self._texts.clear()  # texts read before may hold U+FFFD
        try:
            yield
        except sqlite3.OperationalError as exc:
            if "decode" not in str(exc):
                raise
            raise DamagedProjectError(
                Message(
                    "%1 holds text that is not UTF-8, so it cannot be written out as "
                    "stored; `annotator check` names where",
                    self.path,
                )
            ) from None
        finally:
            self.conn.text_factory = integrity.read_text

    def _meta(self, key: str) -> str:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        if row is None:
            raise ProjectError(Message("%1 has no %2; the project file is damaged", self.path, key))
        return row[0]

    # ----------------------------------------------------------------- documents

    def import_texts(
        self,
        sources: Iterable[TextSource],
        progress: Callable[[int, int], None] | None = None,
        cancel: Callable[[], bool] | None = None,
    ) -> ImportReport:
        """Add articles in one transaction; a text already in the project is skipped.

        An article with an `id` keeps it; one whose id is taken by another text is refused
        (`ValidationError`, nothing stored). Others get the file name, numbered when taken.
        `progress(done, total)` is called as articles are stored; when `cancel()` returns True,
        `Cancelled` is raised and nothing of the batch is stored.
        """
        items = list(sources)
        hashes = [text_sha256(item.text) for item in items]
        added: list[str] = []
        skipped: list[tuple[str, str]] = []
        stamp = now()
        with self.atomic():
            # Read once: a set lookup per article instead of two SELECTs. Only the rows of
            # these texts and ids: a file imported a batch at a time reads no more per batch.
            by_hash = dict(self.conn.execute(_DOCUMENTS_BY_HASH, (json.dumps(hashes),)))
            if all(item.id for item in items):
                given = json.dumps([item.id for item in items])
                taken = {row[0] for row in self.conn.execute(_DOCUMENTS_BY_ID, (given,))}
            else:  # a name made from the file's: any id of the project may be in the way
                taken = {row[0] for row in self.conn.execute("SELECT id FROM documents")}
            # Ids given by the data are kept for their articles: made-up ids avoid them.
            reserved = {item.id for item in items if item.id}

            def rows() -> Iterator[tuple]:
                for done, (item, sha) in enumerate(zip(items, hashes, strict=True), 1):
                    if cancel is not None and cancel():
                        raise Cancelled("import cancelled; nothing of the batch was stored")
                    if sha in by_hash:
                        skipped.append((item.where, by_hash[sha]))
                    else:
                        doc_id = self._new_document_id(item, taken, reserved)
                        taken.add(doc_id)
                        by_hash[sha] = doc_id
                        added.append(doc_id)
                        title = item.title if item.title is not None else title_of(item.text)
                        metadata = json.dumps(dict(item.metadata), ensure_ascii=False)
                        yield (doc_id, title, item.text, sha, item.source, stamp, metadata)
                    if progress is not None:
                        progress(done, len(items))

            # One executemany on the raw connection inside the transaction: the fast path for
            # large batches; the rows are made as it consumes them, so cancelling rolls back.
            self.conn.executemany(
                "INSERT INTO documents (id, title, text, sha256, source, imported_at, metadata) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                rows(),
            )
        return ImportReport(added=tuple(added), skipped=tuple(skipped))

    def document_hashes(self) -> dict[str, str]:
        """The SHA-256 of every document's text, by document id."""
        return dict(self.conn.execute("SELECT id, sha256 FROM documents"))

    def _document_id_by_hash(self, sha: str) -> str | None:
        row = self.conn.execute("SELECT id FROM documents WHERE sha256 = ?", (sha,)).fetchone()
        return row[0] if row else None

    @staticmethod
    def _new_document_id(item: TextSource, taken: set[str], reserved: set[str]) -> str:
        if item.id:
            if item.id in taken:
                raise ValidationError(
                    Message(
                        "%1: document id %2 is already used for another text",
                        item.where,
                        repr(item.id),
                    )
                )
            return item.id
        base = (Path(item.source).stem if item.source else "") or uuid.uuid4().hex[:16]
        candidate, n = base, 1
        while candidate in taken or candidate in reserved:
            n += 1
            candidate = f"{base}-{n}"
        return candidate

    def documents(
        self, annotator: str | None = None, *, lengths: bool = True
    ) -> list[DocumentSummary]:
        """All documents in import order (those assigned to `annotator` in a team project
        first), with status and annotation count for `annotator` (for everyone when None: all
        annotations, and done only when everyone is done).

        With `lengths` False each summary's length is None and no text is read (SQLite counts
        a text's characters by reading all of it: every page of a large project); a list
        shown at opening asks `text_length` for the documents it shows a length of. Nor are
        the columns stored after the text checked then (reaching them walks the text's pages):
        a document whose source, date, hash or metadata is damaged is listed, and `document`
        refuses it when it is opened (DamagedProjectError)."""
        # An annotator not yet in the project has annotated nothing: -1 matches no one.
        annotator_id = (self._annotator_id(annotator) or -1) if annotator else None
        rows = self.conn.execute(
            """
            SELECT d.id, d.title, {length}, CAST(d.id AS BLOB),
                   (SELECT count(*) FROM annotations a WHERE a.document_id = d.id
                        AND (:who IS NULL OR a.annotator_id = :who)),
                   CASE WHEN :who IS NOT NULL THEN
                        (SELECT status FROM document_status s WHERE s.document_id = d.id
                            AND s.annotator_id = :who AND {status_ok})
                   -- Everyone: done when all who worked on it are done, in progress once anyone
                   -- started.
                   ELSE (SELECT CASE WHEN min(s.status = 'done') = 1 THEN 'done'
                                     WHEN max(s.status != 'todo') = 1 THEN 'in_progress'
                                END
                         FROM document_status s WHERE s.document_id = d.id)
                   END
            FROM documents d WHERE {document_ok}
            -- A team member's assigned documents (annotator/core/sync) come first.
            ORDER BY NOT EXISTS (SELECT 1 FROM assignments g WHERE g.document_id = d.id
                                 AND g.annotator = :name), d.rowid
            """.format(
                status_ok=row_ok("document_status", "s"),
                # typeof() of the text reads its record's header only, never its pages.
                document_ok=row_ok("documents", "d")
                if lengths
                else bulk_row_ok("documents", "d", ("id", "title", "text")),
                length="length(d.text)" if lengths else "NULL",
            ),
            {"who": annotator_id, "name": annotator},
        ).fetchall()
        # An id whose bytes are not UTF-8 reads as another text (U+FFFD in place of the bad
        # bytes), which names no document: such a document is left out (`verify` names it).
        return [
            DocumentSummary(
                id=r[0], title=r[1], length=r[2], annotation_count=r[4], status=r[5] or "todo"
            )
            for r in rows
            if r[0].encode("utf-8") == r[3]
        ]

    def document(self, document_id: str) -> Document:
        row = self.conn.execute(
            "SELECT id, title, text, sha256, source, imported_at, metadata, "
            f"{row_ok('documents')} FROM documents WHERE id = ?",
            (document_id,),
        ).fetchone()
        if row is None:
            raise NotFoundError(Message("no document with id %1", repr(document_id)))
        if not row[7]:
            raise DamagedProjectError(
                Message(
                    "document %1 is damaged in %2; `annotator check` names what is wrong",
                    repr(document_id),
                    self.path,
                )
            )
        self._texts[row[0]] = row[2]
        return Document(*row[:6], metadata=json.loads(row[6]))

    def document_by_hash(self, sha: str) -> Document | None:
        doc_id = self._document_id_by_hash(sha)
        return self.document(doc_id) if doc_id else None

    def text_length(self, document_id: str) -> int:
        """The length of a document's text in code points (reads that text only). Raises
        NotFoundError for an unknown document."""
        if document_id in self._texts:
            return len(self._texts[document_id])
        row = self.conn.execute(
            f"SELECT length(text) FROM documents d WHERE id = ? AND {row_ok('documents', 'd')}",
            (document_id,),
        ).fetchone()
        if row is None:
            raise NotFoundError(Message("no document with id %1", repr(document_id)))
        return row[0]

    def text(self, document_id: str) -> str:
        # Document texts never change once imported, so they can be kept in memory.
        if document_id not in self._texts:
            self.document(document_id)
        return self._texts[document_id]

    def set_status(self, document_id: str, annotator: str, status: str) -> None:
        if status not in STATUSES:
            raise ValidationError(
                Message("unknown status %1 (allowed: %2)", repr(status), ", ".join(STATUSES))
            )
        self.text(document_id)
        with self.atomic():
            self.conn.execute(
                "INSERT INTO document_status (document_id, annotator_id, status, modified_at) "
                "VALUES (?, ?, ?, ?) ON CONFLICT (document_id, annotator_id) "
                "DO UPDATE SET status = excluded.status, modified_at = excluded.modified_at",
                (document_id, self._annotator_id(annotator, create=True), status, now()),
            )

    def status(self, document_id: str, annotator: str) -> str:
        row = self.conn.execute(
            "SELECT status FROM document_status s JOIN annotators p ON p.id = s.annotator_id "
            f"WHERE s.document_id = ? AND p.name = ? AND {row_ok('document_status', 's')}",
            (document_id, annotator),
        ).fetchone()
        return row[0] if row else "todo"

    # ----------------------------------------------------------------- annotators and entities

    def annotators(self) -> list[str]:
        return [
            r[0]
            for r in self.conn.execute(
                f"SELECT name FROM annotators WHERE {row_ok('annotators')} ORDER BY name"
            )
        ]

    def annotator_id(self, name: str) -> int:
        """The row id of an annotator, who is added when new."""
        return self._annotator_id(name, create=True)

    def _annotator_id(self, name: str | None, create: bool = False) -> int | None:
        name = (name or "").strip()
        if not name:
            raise ValidationError("an annotator name is required")
        row = self.conn.execute("SELECT id FROM annotators WHERE name = ?", (name,)).fetchone()
        if row:
            return row[0]
        if not create:
            return None
        if len(name) > 100:
            raise ValidationError("an annotator name is at most 100 characters")
        with self.atomic():
            cur = self.conn.execute(
                "INSERT INTO annotators (name, created_at) VALUES (?, ?)", (name, now())
            )
        return cur.lastrowid

    def entities(self) -> list[Entity]:
        rows = self.conn.execute(
            f"SELECT id, name, kind, aliases FROM entities WHERE {row_ok('entities')} ORDER BY name"
        )
        return [Entity(r[0], r[1], r[2], tuple(json.loads(r[3]))) for r in rows]

    def entity_by_name(self, name: str) -> Entity | None:
        """The entity whose name or alias is `name`."""
        for entity in self.entities():
            if name == entity.name or name in entity.aliases:
                return entity
        return None

    def ensure_entity(self, name: str, kind: str | None = None) -> Entity:
        """The entity called `name` (or with it as alias), created when there is none."""
        name = " ".join(name.split())
        if not name:
            raise ValidationError("a speaker entity needs a name")
        found = self.entity_by_name(name)
        if found:
            return found
        # Named after the name: two copies of a project (a team's, synced) that each meet a
        # new speaker of the same name make the same entity. A name freed by a rename gets
        # a random id, as its named one is taken.
        entity_id = str(uuid.uuid5(_ENTITY_NAMESPACE, name))
        if self.conn.execute("SELECT 1 FROM entities WHERE id = ?", (entity_id,)).fetchone():
            entity_id = str(uuid.uuid4())
        entity = Entity(id=entity_id, name=name, kind=kind)
        self._put_entity(entity)
        return entity

    def _put_entity(self, entity: Entity) -> None:
        with self.atomic():
            self.conn.execute(
                "INSERT OR IGNORE INTO entities (id, name, kind, aliases, created_at) "
                "VALUES (?, ?, ?, ?, ?)",
                (
                    entity.id,
                    entity.name,
                    entity.kind,
                    json.dumps(list(entity.aliases), ensure_ascii=False),
                    now(),
                ),
            )

    def stance_targets(self) -> list[str]:
        """Every stance target used so far, most used first: the autocomplete list."""
        rows = self.conn.execute(
            f"SELECT target FROM stances WHERE {row_ok('stances')} "
            "GROUP BY target ORDER BY count(*) DESC, target"
        )
        return [r[0] for r in rows]

    # ----------------------------------------------------------------- comments and figures

    def add_comment(
        self, document_id: str, annotator: str, text: str, annotation_id: str | None = None
    ) -> str:
        if not text.strip():
            raise ValidationError("a comment cannot be empty")
        comment_id = str(uuid.uuid4())
        with self.atomic():
            self.text(document_id)
            self.conn.execute(
                "INSERT INTO comments (id, document_id, annotation_id, annotator_id, text, "
                "created_at) VALUES (?, ?, ?, ?, ?, ?)",
                (
                    comment_id,
                    document_id,
                    annotation_id,
                    self._annotator_id(annotator, create=True),
                    text,
                    now(),
                ),
            )
        return comment_id

    def comments(self, document_id: str) -> list[dict[str, Any]]:
        rows = self.conn.execute(
            "SELECT c.id, c.annotation_id, p.name, c.text, c.created_at FROM comments c "
            "JOIN annotators p ON p.id = c.annotator_id WHERE c.document_id = ? "
            f"AND {row_ok('comments', 'c')} AND {row_ok('annotators', 'p')} "
            "ORDER BY c.created_at, c.rowid",
            (document_id,),
        )
        keys = ("id", "annotation_id", "annotator", "text", "created_at")
        return [dict(zip(keys, r, strict=True)) for r in rows]

    def stats(self) -> dict[str, Any]:
        one = lambda sql: self.conn.execute(sql).fetchone()[0]  # noqa: E731
        by = lambda sql: dict(self.conn.execute(sql).fetchall())  # noqa: E731
        return {
            "documents": one("SELECT count(*) FROM documents"),
            "characters": one("SELECT coalesce(sum(length(text)), 0) FROM documents"),
            "annotations": one("SELECT count(*) FROM annotations"),
            # Keys as text, whatever a damaged row holds: the figures are printed and JSON.
            "by_layer": by(
                "SELECT CAST(layer AS TEXT) k, count(*) FROM annotations GROUP BY k ORDER BY k"
            ),
            "by_annotator": by(
                "SELECT CAST(p.name AS TEXT) k, count(a.id) FROM annotators p "
                "LEFT JOIN annotations a ON a.annotator_id = p.id GROUP BY k ORDER BY k"
            ),
            "by_status": by(
                "SELECT CAST(status AS TEXT) k, count(*) FROM document_status GROUP BY k ORDER BY k"
            ),
            "entities": one("SELECT count(*) FROM entities"),
            "stances": one("SELECT count(*) FROM stances"),
            "links": one("SELECT count(*) FROM annotations WHERE link_id IS NOT NULL"),
        }

    def verify(self) -> list[str]:
        """Everything `annotator check` looks at, as readable problems (empty: all is well):
        SQLite's integrity and foreign keys, every span against its document's text, every link
        against the schema (same document, same annotator, the linked layer), and every layer,
        attribute value and stance value against the project's schema; every document's text
        against its SHA-256, so damage inside a text is found too."""
        # Damaged bytes in a text are read as U+FFFD (`integrity.read_text`): the text then
        # differs from the document's SHA-256 or from the annotated slice, and is named.
        try:
            return self._problems()
        except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
            detail = "unreadable bytes" if isinstance(exc, UnicodeDecodeError) else exc
            return [f"SQLite cannot read the whole file ({detail}); {restore_hint(self.path)}"]

    def _format_problems(self) -> list[str]:
        """Ids that are not UUIDs and times that are not ISO 8601 UTC, as a merged or
        hand-edited file may carry them (the store, imports and merges never write them)."""
        problems = []
        for table, key, columns in (
            ("annotations", "id", ("created_at", "modified_at")),
            ("entities", "id", ("created_at",)),
            ("deletions", "annotation_id", ("deleted_at",)),
        ):
            rows = self.conn.execute(
                f"SELECT rowid, {key}, {', '.join(columns)} FROM {table} WHERE {row_ok(table)}"
            )
            for rowid, row_id, *times in rows:
                where = f"{table} row {rowid} (id {row_id!r:.60})"
                try:
                    uuid.UUID(row_id)
                except (ValueError, TypeError, AttributeError):
                    problems.append(f"{where}: {key} is not a UUID")
                for column, value in zip(columns, times, strict=True):
                    try:
                        utc_timestamp(value, column)
                    except AnnotatorError as exc:
                        problems.append(f"{where}: {exc}")
        return problems

    def _problems(self) -> list[str]:
        problems = [r[0] for r in self.conn.execute("PRAGMA integrity_check") if r[0] != "ok"]
        problems += [f"foreign key: {r}" for r in self.conn.execute("PRAGMA foreign_key_check")]
        problems += [
            f"SQL object this tool did not make: {found}; remove it with "
            f"`annotator check --remove-foreign --project {self.path}`"
            for found in foreign_objects.foreign_objects(self.conn)
        ]
        # Rows of the wrong type or shape are named here and left out of the checks below, as
        # they are left out of every read.
        problems += integrity.row_problems(self.conn)
        problems += self._format_problems()
        texts = {}
        for doc_id, text, sha in self.conn.execute(
            f"SELECT id, text, sha256 FROM documents WHERE {row_ok('documents')}"
        ):
            texts[doc_id] = text
            if text_sha256(text) != sha:
                problems.append(f"document {doc_id}: its text does not match its SHA-256")
        rows = self.conn.execute(
            'SELECT id, document_id, annotator_id, layer, start, "end", text, attributes, '
            f"link_id FROM annotations WHERE {row_ok('annotations')}"
        ).fetchall()
        linked = {r[0]: (r[1], r[2], r[3]) for r in rows}
        for ann_id, doc_id, who, layer_name, start, end, text, attributes, link_id in rows:
            where = f"annotation {ann_id} ({layer_name} in {doc_id})"
            if texts.get(doc_id, "")[start:end] != text:
                problems.append(f"{where}: text differs from document {doc_id}")
            try:
                layer = self.schema.layer(layer_name)
                values = json.loads(attributes)
                if not isinstance(values, dict):
                    raise ValueError(f"attributes {attributes!r} are not a JSON object")
                if self.schema.validate_attributes(layer_name, values) != values:
                    problems.append(f"{where}: attributes {values} do not fit the schema")
            except (AnnotatorError, ValueError) as exc:
                problems.append(f"{where}: {exc}")
                continue
            if link_id is not None:
                link = layer.attribute_of_type("link")
                target = linked.get(link_id)
                if link is None or target is None or target != (doc_id, who, link.layer):
                    problems.append(
                        f"{where}: its link to {link_id} is not a "
                        f"{link.layer if link else 'linkable'} annotation of the same document "
                        "and annotator"
                    )
        for ann_id, layer_name, value in self.conn.execute(
            "SELECT s.annotation_id, a.layer, s.value FROM stances s "
            f"JOIN annotations a ON a.id = s.annotation_id WHERE {row_ok('stances', 's')} "
            f"AND {row_ok('annotations', 'a')}"
        ):
            try:
                self.schema.validate_stance_value(layer_name, value)
            except AnnotatorError as exc:
                problems.append(f"annotation {ann_id}: {exc}")
        return problems

    def add_entity(self, entity: Entity) -> Entity:
        """Store an entity with its own id, as an import needs; the stored one when it exists."""
        row = self.conn.execute(
            "SELECT id, name, kind, aliases FROM entities WHERE (id = ? OR name = ?) "
            f"AND {row_ok('entities')} ORDER BY id = ? DESC",
            (entity.id, entity.name, entity.id),
        ).fetchone()
        if row:
            return Entity(row[0], row[1], row[2], tuple(json.loads(row[3])))
        if not entity.name.strip():
            raise ValidationError("a speaker entity needs a name")
        self._put_entity(entity)
        return entity


_ENTITY_NAMESPACE = uuid.UUID("5d1c8a52-3f7e-4b0a-9c61-2e8f4a7b9d03")


def open_or_create(path: str | Path) -> Project:
    path = Path(path)
    return Project.open(path) if path.exists() else Project.create(path)


__all__ = [
    "AnnotationState",
    "AnnotatorError",
    "ImportReport",
    "Project",
    "TextSource",
    "check_project_file",
    "open_or_create",
]
