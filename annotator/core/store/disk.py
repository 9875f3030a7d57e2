"""What a failed write means for the user: a full disk, a read-only disk or file, a failing disk.

SQLite reports a write the system refused as "disk I/O error" whatever the reason (EROFS, EPERM,
EFBIG ...), and Python's sqlite3 does not pass the system's error number on. So the reason is
found by looking at the disk once the write has failed: its free space, whether it is mounted
read-only, whether the files can be opened for writing (nothing is written to find out).
"""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path

from annotator.core.errors import (
    DiskFullError,
    ExportError,
    Message,
    ProjectError,
    ReadOnlyProjectError,
)

# Below this much free space a failed write is taken for a full disk: SQLite needs room for
# a page or two of its log, and one failing write cannot tell "full" from "nearly full".
FULL_BELOW_BYTES = 1 << 20
_REFUSED_WRITE = (errno.EROFS, errno.EPERM, errno.EACCES)
_NO_SPACE = (errno.ENOSPC, errno.EDQUOT)


def disk_full_message(path: Path) -> str:
    return Message(
        "the disk holding %1 is full; nothing was changed, free some space and try again", path
    )


def read_only_message(path: Path) -> str:
    return Message(
        "%1 is read-only, so no annotation could be stored in it; make the "
        "file writable, or copy it into a folder of yours and open the copy",
        path,
    )


def project_write_failure(path: Path, exc: sqlite3.Error) -> ProjectError | None:
    """The error to show when SQLite could not write the project at `path` for a reason
    outside the program (a full or read-only disk, a file made read-only, a failing disk);
    None when `exc` is not such a failure."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    if name.startswith("SQLITE_FULL"):
        return DiskFullError(disk_full_message(path))
    if name.startswith("SQLITE_READONLY"):
        return ReadOnlyProjectError(Message("%1; nothing was changed", read_only_message(path)))
    if not name.startswith(("SQLITE_IOERR", "SQLITE_CANTOPEN", "SQLITE_PERM")):
        return None
    if is_full(path.absolute().parent):
        return DiskFullError(disk_full_message(path))
    if cannot_write(path):
        return ReadOnlyProjectError(Message("%1; nothing was changed", read_only_message(path)))
    return ProjectError(
        Message(
            "the disk holding %1 refused a write (%2); nothing was changed; check "
            "that the disk is still connected and has room, then try again",
            path,
            exc,
        )
    )


def export_failure(path: Path, exc: OSError) -> ExportError | None:
    """The error to show when writing the export file `path` failed for a reason of the disk;
    None for other errors."""
    folder = path.absolute().parent
    if exc.errno in _NO_SPACE or (exc.errno == errno.EIO and is_full(folder)):
        return ExportError(
            Message(
                "the disk holding %1 is full; %2 was not written, free some space and try again",
                folder,
                path.name,
            )
        )
    if exc.errno == errno.EFBIG:
        return ExportError(
            Message(
                "%1 is larger than %2 or your account allows for one file; it was not written",
                path.name,
                folder,
            )
        )
    if exc.errno in _REFUSED_WRITE:
        return ExportError(
            Message(
                "%1 cannot be written (%2); %3 was not written, choose another folder",
                folder,
                exc.strerror,
                path.name,
            )
        )
    return None


def is_full(folder: Path) -> bool:
    """Whether the file system holding `folder` has (next to) no space left for this user."""
    try:
        found = os.statvfs(folder)
    except OSError:
        return False
    return found.f_bavail * found.f_frsize < FULL_BELOW_BYTES


def cannot_write(path: Path) -> bool:
    """Whether the project file, its log or its folder refuse writing now: a disk mounted (or
    remounted) read-only, a file made immutable or read-only. Opens without writing."""
    folder = path.absolute().parent
    try:
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            return True
    except OSError:
        pass
    for file in (path, path.with_name(path.name + "-wal")):
        # access(), not open(): closing a descriptor of the project would drop this process's
        # SQLite locks on it (see `pinned`). It answers for immutable files and read-only
        # mounts to root too.
        if file.exists() and not os.access(file, os.W_OK):
            return True
    return False
