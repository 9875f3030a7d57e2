"""Reading a project's files without dropping SQLite's locks.

SQLite's locks are POSIX advisory locks, which belong to the process, and closing *any*
descriptor of a file drops all of the process's locks on it ("How To Corrupt An SQLite Database
File", section 2.2, sqlite.org/howtocorrupt.html). A window that opened its project and then read
the file's header with `open()`, or whose file dialog sniffed the file's type, would lose its
locks: another process could then restore over the file, or delete its write-ahead log while it
is in use. So while a `Project` is open in this process, every read of its file, `-wal` or `-shm`
by this tool goes through one descriptor per file, opened once and closed only when the last
`Project` on that file closes.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

_SIDECARS = ("-wal", "-shm")
_guard = threading.Lock()
# The project files held open by a Project in this process: path -> how many.
_held: dict[str, int] = {}
# Descriptors kept for the files of held projects: path -> [(device, inode, fd), ...].
_fds: dict[str, list[tuple[int, int, int]]] = {}


def _key(path: Path) -> str:
    return os.path.abspath(path)


def _family(path: Path) -> str:
    """The project file a path belongs to (itself, or the file its -wal or -shm is beside)."""
    key = _key(path)
    for suffix in _SIDECARS:
        if key.endswith(suffix):
            return key[: -len(suffix)]
    return key


def hold(path: Path) -> None:
    """A Project has the file open: keep the descriptors of its files from now on."""
    with _guard:
        key = _key(path)
        _held[key] = _held.get(key, 0) + 1


def release(path: Path) -> None:
    """A Project closed the file; when it was the last, its kept descriptors are closed (no
    connection of this process has locks on it any more)."""
    with _guard:
        key = _key(path)
        left = _held.get(key, 0) - 1
        if left > 0:
            _held[key] = left
            return
        _held.pop(key, None)
        for name in (key, *(key + s for s in _SIDECARS)):
            for *_, fd in _fds.pop(name, ()):
                os.close(fd)


def descriptor(path: Path) -> tuple[int, bool]:
    """A read-only descriptor of `path` and whether it is kept (the caller must not close a
    kept one, and must close one that is not). Raises OSError as `os.open` does."""
    with _guard:
        key = _key(path)
        if _family(path) not in _held:
            return os.open(path, os.O_RDONLY), False
        info = os.stat(path)
        for device, inode, fd in _fds.get(key, ()):
            if (device, inode) == (info.st_dev, info.st_ino):
                return fd, True
        fd = os.open(path, os.O_RDONLY)
        found = os.fstat(fd)
        _fds.setdefault(key, []).append((found.st_dev, found.st_ino, fd))
        return fd, True


def read(path: Path, size: int = -1) -> bytes:
    """The first `size` bytes of a file (all of it for -1), read without dropping this process's
    locks on it. Raises OSError."""
    fd, kept = descriptor(path)
    try:
        if size < 0:
            size = os.fstat(fd).st_size
        chunks, offset = [], 0
        while offset < size:
            chunk = os.pread(fd, min(size - offset, 1 << 20), offset)
            if not chunk:
                break
            chunks.append(chunk)
            offset += len(chunk)
        return b"".join(chunks)
    finally:
        if not kept:
            os.close(fd)


def copy(path: Path, dest: Path) -> None:
    """Copy a file byte for byte into `dest` without dropping this process's locks on it.
    Raises OSError."""
    fd, kept = descriptor(path)
    try:
        with open(dest, "wb") as out:
            offset = 0
            while chunk := os.pread(fd, 1 << 20, offset):
                out.write(chunk)
                offset += len(chunk)
    finally:
        if not kept:
            os.close(fd)
