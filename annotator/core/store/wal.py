"""What the write-ahead log beside a project says about it, read byte by byte before SQLite
opens the file: a log that belongs to another file, or one missing after an unclean shutdown.

SQLite keeps committed work in NAME-wal until a checkpoint copies it into NAME, and indexes the
log in NAME-shm. The formats are at https://www.sqlite.org/fileformat2.html#walformat: the log
starts with a 32-byte header (magic, format, page size, checkpoint count, two salts, checksum),
then frames of a 24-byte header (page number, database size for a commit frame, the salts,
a running checksum) and one page. SQLite uses the frames up to the last commit frame whose salts
match the header and whose checksum chain holds, and ignores the rest without a word.

Nothing here takes a lock or changes a byte; while another process has the project open (it
holds a read lock on the -shm's "dead man switch" byte) the log is live and is not judged.
"""

from __future__ import annotations

import fcntl
import os
import struct
from dataclasses import dataclass
from pathlib import Path

from annotator.core.errors import Message
from annotator.core.store import pinned

_MAGICS = {0x377F0682: "<", 0x377F0683: ">"}  # the checksums' byte order
_FORMAT = 3007000
_WAL_HEADER = 32
_FRAME_HEADER = 24
_SHM_HEADER = 136  # two copies of the 48-byte index header, then the checkpoint info
_SHM_DMS_BYTE = 128  # every connection holds a read lock here while it has the log open


@dataclass(frozen=True)
class _Index:
    """What NAME-shm recorded: the salts of the log it indexed, the frames committed in it and
    how many of them were already copied into the file."""

    salts: bytes
    frames: int
    copied: int


def problems(path: Path) -> list[str]:
    """One line for each way the log beside `path` loses or misplaces committed work, empty
    when there is nothing to say (no log, a log that fits, or one in use by another process).

    Detected: a non-empty -wal that is not a valid log (SQLite ignores all of it); a -wal whose
    page size is not the project's; a commit frame after a broken checksum (committed work SQLite
    ignores); a -shm recording committed frames not yet copied into the file while the -wal is
    missing, empty, of other salts (another log) or shorter than the frames it recorded.
    """
    wal = path.with_name(path.name + "-wal")
    shm = path.with_name(path.name + "-shm")
    if in_use(shm):
        return []
    try:
        page_size = _page_size(path)
        index = _read_index(shm)
        log = pinned.read(wal) if wal.exists() else None
    except OSError:
        return []
    found: list[Message] = []
    pending = index.frames - index.copied if index else 0
    if not log:
        if pending > 0:
            found.append(
                Message(
                    "%1 is missing, but %2 records %n page change(s) committed to it and not "
                    "yet in the project: work saved before an unclean shutdown (or before "
                    "the files were copied without it) is not in the file; if you have %1, "
                    "put it back beside the project before opening it",
                    wal.name,
                    shm.name,
                    count=pending,
                )
                if log is None
                else Message(
                    "%1 is empty, but %2 records %n page change(s) committed to it and not "
                    "yet in the project: work saved before an unclean shutdown (or before "
                    "the files were copied without it) is not in the file; if you have %1, "
                    "put it back beside the project before opening it",
                    wal.name,
                    shm.name,
                    count=pending,
                )
            )
        return found
    header = _header(log)
    if header is None:
        found.append(
            Message(
                "%1 is not a write-ahead log SQLite can use (damaged, or from another "
                "program): it is ignored, so any work only in it is not in the project",
                wal.name,
            )
        )
        return found
    order, log_page_size, salts = header
    if page_size and log_page_size != page_size:
        found.append(
            Message(
                "%1 belongs to another file: its pages are %2 bytes, the project's %3",
                wal.name,
                log_page_size,
                page_size,
            )
        )
        return found
    committed, ignored_commits = _frames(log, order, log_page_size, salts)
    if ignored_commits:
        found.append(
            Message(
                "%1 is damaged: %n committed transaction(s) in it follow a broken "
                "checksum and are ignored by SQLite",
                wal.name,
                count=ignored_commits,
            )
        )
    if index and pending > 0:
        if index.salts != salts:
            found.append(
                Message(
                    "%1 belongs to another file: it is not the log %2 recorded (%n "
                    "committed page change(s) of that log are not in the project)",
                    wal.name,
                    shm.name,
                    count=pending,
                )
            )
        elif committed < index.frames:
            found.append(
                Message(
                    "%1 was cut short: it holds %2 of the %3 committed frames %4 recorded, "
                    "so the last work saved is missing",
                    wal.name,
                    committed,
                    index.frames,
                    shm.name,
                )
            )
    return found


def in_use(shm: Path) -> bool:
    """Whether another process has the project open: it holds a shared lock on the DMS byte.
    Locks of this process are not seen (POSIX locks belong to the process)."""
    try:
        fd, kept = pinned.descriptor(shm)
    except OSError:
        return False
    try:
        probe = struct.pack("hhqqi", fcntl.F_WRLCK, os.SEEK_SET, _SHM_DMS_BYTE, 1, 0)
        answer = fcntl.fcntl(fd, fcntl.F_GETLK, probe)
        return struct.unpack("hhqqi", answer)[0] != fcntl.F_UNLCK
    except OSError:
        return False
    finally:
        if not kept:
            os.close(fd)


def _page_size(path: Path) -> int:
    header = pinned.read(path, 18)
    if len(header) < 18:
        return 0
    size = int.from_bytes(header[16:18], "big")
    return 65536 if size == 1 else size


def _read_index(shm: Path) -> _Index | None:
    """The index header of NAME-shm when it holds a complete, initialised one."""
    if not shm.exists():
        return None
    raw = pinned.read(shm, _SHM_HEADER)
    # Both copies agree once a writer finished updating them; isInit (byte 12) is set then.
    if len(raw) < _SHM_HEADER or raw[:48] != raw[48:96] or raw[12] != 1:
        return None
    version, frames = struct.unpack_from("=I", raw, 0)[0], struct.unpack_from("=I", raw, 16)[0]
    if version != _FORMAT:
        return None
    copied = struct.unpack_from("=I", raw, 96)[0]
    return _Index(salts=raw[32:40], frames=frames, copied=min(copied, frames))


def _header(log: bytes) -> tuple[str, int, bytes] | None:
    """(checksum byte order, page size, salts) of a valid log header, else None."""
    if len(log) < _WAL_HEADER:
        return None
    magic, version, page_size = struct.unpack_from(">III", log, 0)
    order = _MAGICS.get(magic)
    valid_size = 512 <= page_size <= 65536 and page_size & (page_size - 1) == 0
    if order is None or version != _FORMAT or not valid_size:
        return None
    if _checksum(log[:24], order, 0, 0) != struct.unpack_from(">II", log, 24):
        return None
    return order, page_size, log[16:24]


def _frames(log: bytes, order: str, page_size: int, salts: bytes) -> tuple[int, int]:
    """(frames up to the last valid commit, commit frames of this log after a broken chain)."""
    s0, s1 = struct.unpack_from(">II", log, 24)
    size = _FRAME_HEADER + page_size
    committed = valid = 0
    offset = _WAL_HEADER
    while offset + size <= len(log):
        frame = log[offset : offset + size]
        if frame[8:16] != salts:
            break  # a frame of an earlier log, reused space: SQLite stops here too
        s0, s1 = _checksum(frame[:8] + frame[_FRAME_HEADER:], order, s0, s1)
        if (s0, s1) != struct.unpack_from(">II", frame, 16):
            break
        valid += 1
        if struct.unpack_from(">I", frame, 4)[0]:
            committed = valid
        offset += size
    ignored = 0
    # A broken frame ends a transaction cut short by a crash, never reported stored; past it, a
    # commit frame with this log's salts was committed work that SQLite now ignores.
    for rest in range(offset + size, len(log) - size + 1, size):
        frame = log[rest : rest + size]
        if frame[8:16] == salts and struct.unpack_from(">I", frame, 4)[0]:
            ignored += 1
    return committed, ignored


def _checksum(data: bytes, order: str, s0: int, s1: int) -> tuple[int, int]:
    for x0, x1 in struct.iter_unpack(f"{order}II", data):
        s0 = (s0 + x0 + s1) & 0xFFFFFFFF
        s1 = (s1 + x1 + s0) & 0xFFFFFFFF
    return s0, s1
