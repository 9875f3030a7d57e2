"""Rolling backups of a project file, made with SQLite's online backup API, and restoring one.

Backups live in a folder beside the project (`NAME.backups/`), newest kept, oldest removed
beyond `KEEP`. Each is a complete project file that opens on its own.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from annotator.core import disk
from annotator.core.errors import ProjectError
from annotator.core.files import temp_beside

KEEP = 20
EVERY_MINUTES = 10


@dataclass(frozen=True)
class Backup:
    path: Path
    created: datetime
    label: str

    def __str__(self) -> str:
        return f"{self.created:%Y-%m-%d %H:%M:%S}  {self.label:<16} {self.path}"


def folder_of(project_path: Path) -> Path:
    return project_path.with_name(project_path.name + ".backups")


def make(conn: sqlite3.Connection, project_path: Path, label: str, keep: int = KEEP) -> Path:
    """Copy the project as it is now (committed work only) and drop the oldest backups."""
    folder = folder_of(project_path)
    tmp = None
    try:
        folder.mkdir(exist_ok=True)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        target = folder / f"{stamp}-{label}.annotator"
        tmp = temp_beside(target)
        dest = sqlite3.connect(tmp)
        try:
            conn.backup(dest)
        finally:
            dest.close()
        os.replace(tmp, target)
    except (OSError, sqlite3.Error) as exc:
        if tmp is not None:
            tmp.unlink(missing_ok=True)  # no half-written backup is left
        reason = "the disk is full" if disk.is_full(folder.parent) else str(exc)
        raise ProjectError(f"cannot write a backup into {folder}: {reason}") from None
    for old in listing(project_path)[keep:]:
        old.path.unlink(missing_ok=True)
    return target


def listing(project_path: Path) -> list[Backup]:
    """The backups of a project, newest first."""
    found = []
    for path in folder_of(project_path).glob("*.annotator"):
        date, _, rest = path.stem.partition("-")
        clock, _, rest = rest.partition("-")
        micro, _, label = rest.partition("-")
        try:
            created = datetime.strptime(f"{date}{clock}{micro}", "%Y%m%d%H%M%S%f")
        except ValueError:
            continue  # not one of ours
        found.append(Backup(path, created, label))
    return sorted(found, key=lambda b: b.created, reverse=True)


def due(project_path: Path, minutes: int = EVERY_MINUTES) -> bool:
    """Whether the newest backup is older than `minutes` (or there is none)."""
    newest = listing(project_path)[:1]
    return not newest or (datetime.now() - newest[0].created).total_seconds() > minutes * 60


def restore(project_path: Path, backup_path: Path) -> Path | None:
    """Put a backup in place of the project file; returns where the replaced file was kept.

    The replaced file is copied byte for byte (with its WAL file) into the backups folder as
    "before-restore", damaged or not, so nothing is ever lost by restoring. The project must not
    be open anywhere: its WAL files are removed, since an old WAL applied to the restored file
    would damage it.
    """
    from annotator.core.project import check_project_file  # the project module imports this one

    check_project_file(backup_path)
    kept = None
    try:
        if project_path.exists():
            folder = folder_of(project_path)
            folder.mkdir(exist_ok=True)
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
            kept = folder / f"{stamp}-before-restore.annotator"
            shutil.copyfile(project_path, kept)
            wal = project_path.with_name(project_path.name + "-wal")
            if wal.exists():
                shutil.copyfile(wal, kept.with_name(kept.name + "-wal"))
        tmp = temp_beside(project_path)
        try:
            shutil.copyfile(backup_path, tmp)
            os.replace(tmp, project_path)
        finally:
            tmp.unlink(missing_ok=True)
    except OSError as exc:
        raise ProjectError(f"cannot restore {backup_path}: {exc.strerror or exc}") from None
    for suffix in ("-wal", "-shm"):
        project_path.with_name(project_path.name + suffix).unlink(missing_ok=True)
    return kept
