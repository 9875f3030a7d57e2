"""Backups of a project file (SQLite's online backup API), copies of it, and restoring a backup.

Backups live in a folder beside the project (`NAME.backups/`), each named
`YYYYMMDD-HHMMSS-MICROS-LABEL.annotator` (local time) and each a complete project file that
opens on its own. One rule for every backup, whoever asks for it: the copy's pages are checked
(`PRAGMA quick_check`) before it takes its name, and a copy of a damaged project is not kept as
a backup (a copy kept before a restore excepted: it is never counted good). A backup identical
to the newest one is not written again. Kept: every backup of the last hour; of each of the
last 30 days, the newest good backup and the newest other one; every copy kept before a restore;
and the newest good backup of all (its pages checked again before it is counted). The rest is
removed only after a sound backup is written.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import filecmp
import os
import re
import shutil
import sqlite3
import struct
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from annotator.core.errors import DamagedProjectError, Message, ProjectBusyError, ProjectError
from annotator.core.store import disk, pinned
from annotator.core.store.files import temp_beside

EVERY_MINUTES = 10
KEEP_ALL = timedelta(hours=1)
KEEP_DAILY_DAYS = 30
# A name dated further ahead than this is not one of ours (or the clock was wrong): a backup
# "from the future" would otherwise count as the newest for ever and stop timed backups.
FUTURE_SLACK = timedelta(days=1)
BEFORE_RESTORE = "before-restore"
FAILED_OPEN = "failed-open"
# A backup whose pages SQLite's check found damaged (one written before that check existed).
DAMAGED = "damaged"
_NEVER_GOOD = (FAILED_OPEN, BEFORE_RESTORE, DAMAGED)
_NAME = re.compile(r"^(\d{8})-(\d{6})-(\d{6})-([^/\\]+)\.annotator$")
_SIDECARS = ("-wal", "-shm")
# SQLite's lock bytes on the database file (os_unix.c): a connection that has the file open
# holds a read lock in the shared range.
_SHARED_FIRST, _SHARED_SIZE = 0x40000002, 510


@dataclass(frozen=True)
class Backup:
    path: Path
    created: datetime
    label: str

    @property
    def good(self) -> bool:
        """Labelled as made from a project that opened: not a file that failed to, not one
        replaced by a restore (which may be the damaged file the restore was for), and not one
        found damaged. `newest_good` also checks the file's pages before counting it."""
        return self.label not in _NEVER_GOOD

    def __str__(self) -> str:
        return f"{self.created:%Y-%m-%d %H:%M:%S}  {self.label:<16} {self.path}"


@dataclass(frozen=True)
class Folder:
    """The backups found beside a project, newest first, and what else was there (one note per
    entry ignored: folders, foreign names, future dates)."""

    backups: tuple[Backup, ...]
    ignored: tuple[str, ...]


def folder_of(project_path: Path) -> Path:
    return project_path.with_name(project_path.name + ".backups")


def scan(project_path: Path, now: datetime | None = None) -> Folder:
    """Read the backups folder; entries that are not backups are left alone and noted."""
    now = now or datetime.now()
    folder = folder_of(project_path)
    found: list[Backup] = []
    ignored: list[str] = []
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except (FileNotFoundError, NotADirectoryError):
        return Folder((), ())
    except OSError as exc:
        return Folder((), (f"cannot read {folder}: {exc.strerror}",))
    for entry in entries:
        # Temporary files of a backup being written, and the logs beside a backup.
        if entry.name.startswith(".") or entry.name.endswith(_SIDECARS):
            continue
        where = Path(entry.path)
        match = _NAME.match(entry.name)
        reason = None
        if entry.is_symlink():
            reason = "a link, not a backup"
        elif entry.is_dir():
            reason = "a folder, not a backup"
        elif not match:
            reason = "not named like a backup (DATE-TIME-MICROSECONDS-LABEL.annotator)"
        else:
            try:
                created = datetime.strptime("".join(match.groups()[:3]), "%Y%m%d%H%M%S%f")
            except ValueError:
                reason = "not named like a backup (its date is not a date)"
            else:
                if created > now + FUTURE_SLACK:
                    reason = f"dated {created:%Y-%m-%d %H:%M}, in the future"
                else:
                    found.append(Backup(where, created, match.group(4)))
        if reason:
            ignored.append(f"ignored {where}: {reason}")
    found.sort(key=lambda b: b.created, reverse=True)
    return Folder(tuple(found), tuple(ignored))


def listing(project_path: Path) -> list[Backup]:
    """The backups of a project, newest first."""
    return list(scan(project_path).backups)


def newest_good(project_path: Path) -> Backup | None:
    """The backup `restore --latest` puts back and messages name: the newest labelled good
    that is a project file (a file only named like a backup is passed over) whose pages pass
    SQLite's check. One that fails the check is relabelled `damaged` on the way, so it is never
    counted again. The check reads the whole file once per process (`damage_in`)."""
    for candidate in listing(project_path):
        if not candidate.good or not _is_project(candidate.path):
            continue
        if damage_in(candidate.path) is None:
            return candidate
        _relabel(candidate.path, DAMAGED)
    return None


# Files whose pages were checked in this process, by (device, inode, size, modification time):
# a backup is read whole once, not at each message that names it.
_checked: dict[tuple[int, int, int, int], str | None] = {}


def damage_in(path: Path) -> str | None:
    """What SQLite's `PRAGMA quick_check` finds wrong in a project file that nothing has open
    (a backup, or a copy just written), read as immutable (no lock, no -wal or -shm made); None
    when its pages are sound. A file that cannot be read as a database is damaged too."""
    try:
        info = os.stat(path)
    except OSError as exc:
        return f"cannot read it: {exc.strerror}"
    key = (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns)
    if key not in _checked:
        _checked[key] = _quick_check(path)
    return _checked[key]


def _quick_check(path: Path) -> str | None:
    try:
        conn = sqlite3.connect(f"{path.absolute().as_uri()}?immutable=1", uri=True)
    except sqlite3.Error as exc:
        return str(exc)
    # SQLite's findings may quote bytes of a damaged page, which need not be UTF-8.
    conn.text_factory = lambda raw: raw.decode("utf-8", "replace")
    try:
        problems = [row[0] for row in conn.execute("PRAGMA quick_check(3)")]
    except sqlite3.Error as exc:
        return str(exc)
    finally:
        conn.close()
    if problems == ["ok"]:
        return None
    return " ".join(" ".join(problems).replace("*** in database main ***", "").split())


def _is_project(path: Path) -> bool:
    """Whether a file's header is an annotator project's (read without opening it)."""
    # The project module imports this one.
    from annotator.core.store.project import check_project_file

    try:
        check_project_file(path)
    except ProjectError:
        return False
    return True


def kept(
    backups: list[Backup] | tuple[Backup, ...], now: datetime, good: Backup | None
) -> set[Path]:
    """The backups the retention rule keeps (`backups` newest first): all of the last hour,
    the newest good and the newest other backup of each of the last KEEP_DAILY_DAYS calendar
    days (a damaged or failed-open copy never stands in for a day's good one), every
    before-restore copy, and `good`, the newest good backup (`newest_good`)."""
    keep = {b.path for b in backups if now - b.created <= KEEP_ALL or b.label == BEFORE_RESTORE}
    if good:
        keep.add(good.path)
    days: set = set()
    for b in backups:
        day = b.created.date()
        if (now.date() - day).days < KEEP_DAILY_DAYS and (day, b.good) not in days:
            days.add((day, b.good))
            keep.add(b.path)
    return keep


def prune(project_path: Path, now: datetime | None = None) -> list[Path]:
    """Remove the backups the retention rule does not keep; returns them."""
    now = now or datetime.now()
    good = newest_good(project_path)  # first: it relabels the damaged ones it meets
    backups = scan(project_path, now).backups
    keep = kept(backups, now, good)
    removed = []
    for b in backups:
        if b.path not in keep:
            for path in (b.path, *(b.path.with_name(b.path.name + s) for s in _SIDECARS)):
                with contextlib.suppress(FileNotFoundError):
                    path.unlink()
            removed.append(b.path)
    return removed


def make(conn: sqlite3.Connection, project_path: Path, label: str) -> Path:
    """Copy the project as it is now (committed work only) and apply the retention rule.

    Every backup goes through here, and the copy's pages are checked (`damage_in`) before it
    takes its name: the copy of a damaged project is not kept (DamagedProjectError, naming what
    SQLite found; nothing is removed). Only a BEFORE_RESTORE copy (what a window had stored) is
    kept however it reads, as it is never counted good; older backups are pruned only after a
    sound one is written. When the copy is identical to the newest backup, none is added and
    the newest one's path is returned: a project that fails to open is backed up once, however
    often it is tried. Raises ProjectError when the folder or the copy cannot be written.
    """
    folder = folder_of(project_path)
    try:
        folder.mkdir(exist_ok=True)
        target = folder / f"{_stamp()}-{label}.annotator"
        tmp = temp_beside(target)
        try:
            _copy_into(conn, tmp)
            damage = _quick_check(tmp)
            if damage is not None and label != BEFORE_RESTORE:
                raise _not_backed_up(project_path, damage)
            newest = listing(project_path)[:1]
            # A good backup is still written when the newest is a copy never counted good (a
            # restore's leftover, a damaged backup) holding the same bytes.
            newest_counts = newest and (
                newest[0].good or newest[0].label == FAILED_OPEN or label in _NEVER_GOOD
            )
            if newest_counts and filecmp.cmp(tmp, newest[0].path, shallow=False):
                return newest[0].path
            os.replace(tmp, target)
        finally:
            tmp.unlink(missing_ok=True)
    except (OSError, sqlite3.Error) as exc:
        # SQLite reports a full disk as a plain I/O error.
        reason = "the disk is full" if disk.is_full(folder.parent) else _reason(exc)
        raise ProjectError(Message("cannot write a backup into %1: %2", folder, reason)) from None
    if damage is None:
        with contextlib.suppress(OSError):
            info = os.stat(target)
            _checked[info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns] = None
        prune(project_path)
    return target


def _not_backed_up(project_path: Path, damage: str) -> DamagedProjectError:
    # The project module imports this one.
    from annotator.core.store.opening import restore_hint

    return DamagedProjectError(
        Message(
            "no backup was written: %1 is damaged (SQLite's check of its copy found: %2); "
            "the backups made before are kept; %3",
            project_path,
            damage,
            restore_hint(project_path),
        )
    )


def mark_failed(backup_path: Path) -> Path:
    """Relabel a backup as made from a file that failed to open, so `restore --latest` and
    the retention rule no longer take it for a good one; returns its new path."""
    return _relabel(backup_path, FAILED_OPEN)


def _relabel(backup_path: Path, label: str) -> Path:
    match = _NAME.match(backup_path.name)
    if not match or match.group(4) == label:
        return backup_path
    renamed = backup_path.with_name(f"{'-'.join(match.groups()[:3])}-{label}.annotator")
    with contextlib.suppress(OSError):
        os.replace(backup_path, renamed)
        return renamed
    return backup_path


def due(project_path: Path, minutes: int = EVERY_MINUTES) -> bool:
    """Whether the newest good backup is older than `minutes` (or there is none). One dated
    later than now (the clock was put back) does not count: it would put the next backup off;
    nor does a copy never counted good (kept before a restore, failed to open, damaged)."""
    now = datetime.now()
    newest = [b for b in listing(project_path) if b.created <= now and b.good][:1]
    return not newest or (now - newest[0].created).total_seconds() > minutes * 60


def copy(conn: sqlite3.Connection, dest: Path, overwrite: bool = False) -> Path:
    """Write a consistent copy of the project open on `conn` to `dest`: every committed change,
    in one self-contained file (rollback journal, no -wal beside it), moved into place complete.

    An existing `dest` is replaced only with `overwrite`, never when it is the project itself or
    has a log beside it (open somewhere, or not closed cleanly). Raises ProjectError.
    """
    dest = Path(dest)
    project = Path(conn.execute("PRAGMA database_list").fetchone()[2] or "")
    if dest.is_dir():
        raise ProjectError(Message("%1 is a folder; give the name of the copy", dest))
    if dest.exists() and project.exists() and os.path.samefile(dest, project):
        raise ProjectError(
            Message("%1 is the project itself; choose another name for the copy", dest)
        )
    if dest.exists() and not overwrite:
        raise ProjectError(Message("%1 exists; choose another name, or allow replacing it", dest))
    logs = [dest.with_name(dest.name + s) for s in _SIDECARS]
    if any(log.exists() for log in logs):
        raise ProjectError(
            Message(
                "%1 has a log (%2-wal or -shm) beside it: it is open somewhere or was "
                "not closed cleanly, and replacing it would mix that log into the copy",
                dest,
                dest.name,
            )
        )
    try:
        tmp = temp_beside(dest)
    except OSError as exc:
        raise ProjectError(
            Message("cannot write a copy into %1: %2", dest.parent, _reason(exc))
        ) from None
    try:
        _copy_into(conn, tmp, journal="DELETE")
        if overwrite:
            os.replace(tmp, dest)
        else:
            os.link(tmp, dest)  # fails if `dest` appeared meanwhile: never overwrite
    except FileExistsError:
        raise ProjectError(
            Message("%1 exists; choose another name, or allow replacing it", dest)
        ) from None
    except (OSError, sqlite3.Error) as exc:
        raise ProjectError(Message("cannot write the copy %1: %2", dest, _reason(exc))) from None
    finally:
        tmp.unlink(missing_ok=True)
    return dest


def _copy_into(conn: sqlite3.Connection, target: Path, journal: str | None = None) -> None:
    dest = sqlite3.connect(target, isolation_level=None)
    try:
        conn.backup(dest)
        if journal:
            dest.execute(f"PRAGMA journal_mode = {journal}")
    finally:
        dest.close()


def restore(project_path: Path, backup_path: Path) -> Path | None:
    """Put a backup in place of the project file; returns where the replaced file was kept.

    Refused (ProjectBusyError, nothing changed) while another window or command has the project
    open: every SQLite connection to it holds a shared lock on the file, so an exclusive lock
    cannot be had then. That lock is held until the restore is done, so nothing can open the
    project in between. The replaced file is first copied byte for byte (with its log) into the
    backups folder as "before-restore", damaged or not. The backup is then written INTO the
    project file through SQLite's backup API, as one transaction: the file keeps its identity
    and anything that opens it afterwards sees the restored content, complete. Only a file that
    SQLite cannot use at all (damaged, not a database) is replaced by renaming the backup over it.
    """
    from annotator.core.store.project import (
        check_project_file,  # the project module imports this one
    )

    check_project_file(backup_path)
    try:
        with _exclusive(project_path) as conn:
            kept = _keep_before_restore(project_path)
            if conn is not None:
                source = _reader(backup_path)
                try:
                    source.backup(conn)
                finally:
                    source.close()
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                # A connection in exclusive locking mode keeps its log index in memory and never
                # touches NAME-shm: one left by a crash would describe a log that is gone.
                project_path.with_name(project_path.name + "-shm").unlink(missing_ok=True)
            else:
                _replace_by_rename(project_path, backup_path)
    except sqlite3.Error as exc:
        raise ProjectError(Message("cannot restore %1: %2", backup_path, _reason(exc))) from None
    except OSError as exc:
        raise ProjectError(Message("cannot restore %1: %2", backup_path, _reason(exc))) from None
    return kept


def _reader(backup_path: Path) -> sqlite3.Connection:
    """A connection reading a backup. A copy kept before a restore may have its log beside it,
    which must be read too: that one is opened as any project (SQLite folds the log into it)."""
    if backup_path.with_name(backup_path.name + "-wal").exists():
        return sqlite3.connect(backup_path, isolation_level=None)
    # Without a log the file holds everything: read it as immutable, which writes nothing.
    return sqlite3.connect(f"{backup_path.absolute().as_uri()}?immutable=1", uri=True)


@contextlib.contextmanager
def _exclusive(project_path: Path) -> Iterator[sqlite3.Connection | None]:
    """Hold the project's exclusive lock for the block: a connection in exclusive locking mode
    (None when the file is no database SQLite can lock; other processes' locks on it are then
    tested with fcntl). Raises ProjectBusyError when the project is open elsewhere."""
    busy = ProjectBusyError(
        Message(
            "%1 is open in another window or command (SQLite could not lock it for "
            "itself); close it there, then restore; nothing was changed",
            project_path,
        )
    )
    if not project_path.exists():
        yield None
        return
    conn = sqlite3.connect(project_path, timeout=0, isolation_level=None)
    try:
        try:
            conn.execute("PRAGMA locking_mode = EXCLUSIVE")
            # Kept after COMMIT in exclusive locking mode, until the connection closes.
            conn.execute("BEGIN EXCLUSIVE")
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            if getattr(exc, "sqlite_errorname", "").startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
                raise busy from None
            if _locked_by_another_process(project_path):
                raise busy from None
            yield None
            return
        yield conn
    finally:
        conn.close()


def _locked_by_another_process(path: Path) -> bool:
    try:
        fd, kept = pinned.descriptor(path)
    except OSError:
        return False
    try:
        probe = struct.pack("hhqqi", fcntl.F_WRLCK, os.SEEK_SET, _SHARED_FIRST, _SHARED_SIZE, 0)
        answer = fcntl.fcntl(fd, fcntl.F_GETLK, probe)
        return struct.unpack("hhqqi", answer)[0] != fcntl.F_UNLCK
    except OSError:
        return False
    finally:
        if not kept:
            os.close(fd)


def _keep_before_restore(project_path: Path) -> Path | None:
    if not project_path.exists():
        return None
    folder = folder_of(project_path)
    folder.mkdir(exist_ok=True)
    kept = folder / f"{_stamp()}-{BEFORE_RESTORE}.annotator"
    pinned.copy(project_path, kept)  # the exclusive lock held for the restore stays
    wal = project_path.with_name(project_path.name + "-wal")
    if wal.exists() and wal.stat().st_size:
        shutil.copyfile(wal, kept.with_name(kept.name + "-wal"))
    return kept


def _replace_by_rename(project_path: Path, backup_path: Path) -> None:
    tmp = temp_beside(project_path)
    try:
        shutil.copyfile(backup_path, tmp)
        os.replace(tmp, project_path)
    finally:
        tmp.unlink(missing_ok=True)
    # The old log would be applied to the restored file and damage it.
    for suffix in _SIDECARS:
        project_path.with_name(project_path.name + suffix).unlink(missing_ok=True)


def _stamp() -> str:
    return datetime.now().strftime("%Y%m%d-%H%M%S-%f")


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError):
        if exc.errno == errno.ENOSPC:
            return "the disk is full"
        return exc.strerror or str(exc)
    return str(exc)
