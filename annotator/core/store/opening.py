"""Before a project is opened for writing: its header, length, contents and SQL objects are
checked through reads that cannot change it, and SQLite's errors become the product's messages.
A refused file is left byte for byte as it was."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from annotator.core.errors import (
    DamagedProjectError,
    DiskFullError,
    ForeignObjectsError,
    Message,
    NewerProjectError,
    NotAProjectError,
    ProjectBusyError,
    ProjectError,
    ReadOnlyProjectError,
)
from annotator.core.store import backup, disk, foreign_objects, integrity, migrations, pinned
from annotator.core.store.integrity import row_ok

BUSY_TIMEOUT_S = 10.0
# A window checks the structure of files up to this size (with their log) as it opens them
# (`PRAGMA quick_check` reads every page: about 0.5 s for 256 MiB in the disk cache, 2 s for
# 1 GB); a larger one in the background once the window is up (`Project.check_structure`).
# Commands check every file at opening (`Project.open`'s default).
CHECK_AT_OPEN_BYTES = 256 * 1024 * 1024
_SQLITE_MAGIC = b"SQLite format 3\x00"
_HEADER_BYTES = 100


def check_project_file(path: Path) -> None:
    """Refuse a file that is not an annotator project, or is cut off, by its header and size.

    Nothing is opened through SQLite here, so a refused file is left byte-for-byte untouched.
    """
    try:
        if path.is_dir():
            raise IsADirectoryError
        # Through the descriptor this process keeps: a window that opens its project a second
        # time (a worker thread) must not drop its own locks by closing a descriptor.
        header = pinned.read(path, _HEADER_BYTES)
        size = os.stat(path).st_size
    except IsADirectoryError:
        raise NotAProjectError(Message("%1 is a folder, not a project file", path)) from None
    except OSError as exc:
        raise ProjectError(Message("cannot read %1: %2", path, exc.strerror)) from None
    if not header:
        raise NotAProjectError(Message("%1 is an empty file, not an annotator project", path))
    if not header.startswith(_SQLITE_MAGIC):
        raise NotAProjectError(Message("%1 is not an annotator project (not an SQLite file)", path))
    if len(header) < _HEADER_BYTES:
        raise DamagedProjectError(
            Message(
                "%1 is damaged: it is cut off after %2 bytes, inside the SQLite header; %3",
                path,
                size,
                restore_hint(path),
            )
        )
    version = int.from_bytes(header[60:64], "big")
    application_id = int.from_bytes(header[68:72], "big")
    if application_id != migrations.APPLICATION_ID:
        raise NotAProjectError(
            Message(
                "%1 is an SQLite database of another application, not an annotator project", path
            )
        )
    _check_version(path, version)
    _check_length(path, header, size)


def _check_version(path: Path, version: int) -> None:
    if version > migrations.CURRENT_VERSION:
        raise NewerProjectError(
            Message(
                "%1 was made by a newer version of this tool (project format %2, this "
                "version reads up to %3); update the tool to open it",
                path,
                version,
                migrations.CURRENT_VERSION,
            )
        )


def _check_length(path: Path, header: bytes, size: int) -> None:
    """Refuse a file shorter than the page count its header records (an interrupted copy, a
    full disk). Skipped while a journal holds pages: they are read from there, and a checkpoint
    cut short may have written the new count before the pages it counts."""
    if _log_holds_pages(path):
        return
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    # The count is valid when the change counter is repeated at offset 92 (SQLite >= 3.7.0).
    if header[24:28] != header[92:96] or not pages:
        return
    expected = pages * page_size
    if size < expected:
        raise DamagedProjectError(
            Message(
                "%1 is damaged: it is cut off (%2 of its %3 bytes are there), as by an "
                "interrupted copy or a full disk; %4",
                path,
                format(size, ","),
                format(expected, ","),
                restore_hint(path),
            )
        )


def _in_wal_mode(path: Path) -> bool:
    """Whether the file's header says it is in WAL mode (read and write versions 2, offsets
    18-19 of the SQLite header): opening it in that mode then writes nothing."""
    try:
        header = pinned.read(path, _HEADER_BYTES)
    except OSError:
        return False
    return header[18:20] == b"\x02\x02"


def _log_holds_pages(path: Path) -> bool:
    """Whether a log beside the file may hold pages not yet in it: a non-empty write-ahead log,
    or a rollback journal."""
    wal = path.with_name(path.name + "-wal")
    journal = path.with_name(path.name + "-journal")
    return (wal.exists() and wal.stat().st_size > 0) or journal.exists()


def restore_hint(path: Path) -> str:
    """What to do about a damaged project: restore one of its backups, if it has any."""
    found = backup.listing(path)
    newest = backup.newest_good(path)
    if newest is None:
        return (
            Message(
                "no backup of it was found in %1; put back a copy you keep elsewhere",
                backup.folder_of(path),
            )
            if not found
            else Message(
                "list its backups with `annotator restore --project %1` and restore one", path
            )
        )
    return Message(
        "restore its newest backup (%1) with `annotator restore --latest "
        "--project %2` (the damaged file is kept), or list all %3 with "
        "`annotator restore --project %2`",
        format(newest.created, "%Y-%m-%d %H:%M"),
        path,
        len(found),
    )


def _check_writable(path: Path) -> None:
    """Refuse a file or folder the user cannot write: every action is stored at once, and
    SQLite writes its log (NAME-wal, NAME-shm) beside the file."""
    if not os.access(path, os.W_OK):
        raise ReadOnlyProjectError(_read_only_message(path))
    folder = path.absolute().parent
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ReadOnlyProjectError(
            Message(
                "%1 cannot be opened: its folder %2 is read-only, and a project writes "
                "its log (%3-wal) beside it; move the project into a folder you can "
                "write to, or make the folder writable",
                path,
                folder,
                path.name,
            )
        )


def _read_only_message(path: Path) -> str:
    return disk.read_only_message(path)


def project_bytes(path: Path) -> int:
    """The size of a project file and of its write-ahead log, in bytes."""
    wal = path.with_name(path.name + "-wal")
    return os.stat(path).st_size + (wal.stat().st_size if wal.exists() else 0)


def structure_problem(path: Path) -> str | None:
    """Why the pages and records of a project file are damaged (`PRAGMA quick_check`, read
    through a read-only connection, with the log beside it), naming the backup to restore; None
    when they are sound. Safe to call on another thread while the project is open."""
    try:
        conn = sqlite3.connect(
            f"{path.absolute().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_S
        )
    except sqlite3.Error as exc:
        return _refusal(path, exc).message
    try:
        _quick_check(path, conn)
    except ProjectError as exc:
        return exc.message
    except sqlite3.Error as exc:
        return _refusal(path, exc).message
    except UnicodeDecodeError:
        return Message(
            "%1 is damaged (SQLite's check found unreadable bytes); %2", path, restore_hint(path)
        )
    finally:
        conn.close()
    return None


def _quick_check(path: Path, conn: sqlite3.Connection) -> None:
    problems = [row[0] for row in conn.execute("PRAGMA quick_check(3)")]
    if problems != ["ok"]:
        found = " ".join(" ".join(problems).replace("*** in database main ***", "").split())
        raise DamagedProjectError(
            Message("%1 is damaged (SQLite's check found: %2); %3", path, found, restore_hint(path))
        )


def _check_contents(path: Path, structure: bool = True) -> None:
    """Read the file through a read-only connection before any connection that could write:
    its format version (the header may lag behind the log), its label schema, and the
    structure of every page and record (`PRAGMA quick_check`: one pass over the file, about
    0.03 s for 60 MB when the file is in the disk cache), and its SQL objects: a trigger or
    view we do not make would run inside our transactions (ForeignObjectsError). Without
    `structure` the pages are not checked (`structure_problem` does it later)."""
    # Without a log beside it the file holds everything and no window has it open: read it as
    # immutable, which takes no lock and makes no -wal or -shm file. With a log (even an empty
    # one, while another window has the project open), read through it with locks: a read-only
    # connection cannot checkpoint, so the file itself still cannot change.
    logs = [path.with_name(path.name + suffix) for suffix in ("-wal", "-journal")]
    mode = "mode=ro" if any(log.exists() for log in logs) else "immutable=1"
    try:
        conn = sqlite3.connect(
            f"{path.absolute().as_uri()}?{mode}", uri=True, timeout=BUSY_TIMEOUT_S
        )
    except sqlite3.Error as exc:
        raise _refusal(path, exc) from None
    conn.text_factory = integrity.read_text
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        _check_version(path, version)
        if structure:
            _quick_check(path, conn)
        found = foreign_objects.foreign_objects(conn)
        if found:
            raise ForeignObjectsError(_foreign_message(path, found), found)
        if version >= 1:
            schema = conn.execute(
                f"SELECT value FROM meta WHERE key = 'label_schema' AND {row_ok('meta')}"
            ).fetchone()
            if schema is None:
                raise DamagedProjectError(
                    Message(
                        "%1 is damaged: its label schema is missing; %2", path, restore_hint(path)
                    )
                )
    except sqlite3.Error as exc:
        raise _refusal(path, exc) from None
    except UnicodeDecodeError:
        # SQLite's message quoted bytes of a damaged page, which need not be UTF-8.
        raise DamagedProjectError(
            Message(
                "%1 is damaged (SQLite's check found unreadable bytes); %2",
                path,
                restore_hint(path),
            )
        ) from None
    finally:
        conn.close()


def _foreign_message(path: Path, found: list[foreign_objects.ForeignObject]) -> str:
    return Message(
        "%1 holds SQL objects this tool did not make (or lacks its own): %2; "
        "they could change or hide annotations, so it was not opened (nothing "
        "was changed); remove them (a backup copy is made first) with "
        "`annotator check --remove-foreign --project %1`",
        path,
        foreign_objects.describe(found),
    )


def remove_foreign_objects(path: str | Path) -> tuple[Path | None, list, int]:
    """Make a project's SQL objects ours again (`foreign_objects.remove_foreign`), after a
    backup copy of it as it is. Returns (the backup, None when nothing was to be done; what was
    changed; how many rows our definitions left out, kept in the backup). ProjectError
    subclasses as `Project.open` for a file that is not a usable project."""
    path = Path(path)
    if not path.exists():
        raise ProjectError(Message("%1: no such project", path))
    check_project_file(path)
    _check_writable(path)
    try:
        _check_contents(path)
        return None, [], 0
    except ForeignObjectsError:
        pass
    try:
        conn = _connect(path)
    except sqlite3.Error as exc:
        raise _refusal(path, exc) from None
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        kept = backup.make(conn, path, "before-remove-foreign")
        found, lost = foreign_objects.remove_foreign(conn)
        return kept, found, lost
    except sqlite3.Error as exc:
        raise _refusal(path, exc) from None
    finally:
        conn.close()


def _refusal(path: Path, exc: sqlite3.Error) -> ProjectError:
    """The error to show for an SQLite error met while opening or writing the project."""
    name = getattr(exc, "sqlite_errorname", "")
    if name.startswith("SQLITE_READONLY"):
        return ReadOnlyProjectError(_read_only_message(path))
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return ProjectBusyError(
            Message(
                "%1 is busy: another window or command has been using it for over %2 "
                "s; nothing was changed, try again",
                path,
                format(BUSY_TIMEOUT_S, ".0f"),
            )
        )
    if name.startswith(("SQLITE_CANTOPEN", "SQLITE_IOERR", "SQLITE_FULL", "SQLITE_PERM")):
        # Opening writes the log beside the file: a full or read-only disk fails here.
        if disk.is_full(path.absolute().parent):
            return DiskFullError(
                Message(
                    "%1 cannot be opened: the disk holding it is full (a project needs "
                    "room for its log beside it); free some space and try again",
                    path,
                )
            )
        if disk.cannot_write(path):
            return ReadOnlyProjectError(_read_only_message(path))
        return ProjectError(Message("%1 cannot be opened: %2", path, exc))
    return DamagedProjectError(Message("%1 is damaged (%2); %3", path, exc, restore_hint(path)))


def _write_refusal(path: Path, exc: sqlite3.Error) -> ProjectError | None:
    """The error to show when a write fails for a reason outside the program, else None."""
    return disk.project_write_failure(path, exc)


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_dev, info.st_ino


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    return conn
