"""A disk that fills up or turns read-only under an open project: every write says so in the
product's own words, and nothing is half-written.

Real conditions, no mocks: a small tmpfs filled to the last byte (a full disk) or remounted
read-only, `chattr +i` (a file made unwritable under the open project, as a disk turning
read-only mid-session does: Linux will not remount a disk read-only while files on it are open
for writing), `PRAGMA max_page_count` (SQLite's own "database or disk is full") and a
file-size limit in a child process (EFBIG). Conditions this machine cannot make are skipped
with the reason.
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from annotator.core.errors import DiskFullError, ExportError, ReadOnlyProjectError
from annotator.core.formats import EXPORTS, txt
from annotator.core.paths import seeds_dir
from annotator.core.store import backup
from annotator.core.store.project import Project, TextSource

from .test_hostile_projects import immutable

SEED = sorted(seeds_dir().glob("*.txt"))[0]


@contextmanager
def small_disk(folder: Path, size: str = "4m") -> Iterator[Path]:
    """A tmpfs of `size` mounted on `folder` (root only); skips the test where it cannot be."""
    folder.mkdir()
    made = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
        capture_output=True,
        text=True,
    )
    if made.returncode != 0:
        pytest.skip(f"a small disk cannot be mounted here: {made.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=True)


@pytest.fixture
def disk(tmp_path):
    with small_disk(tmp_path / "disk") as folder:
        yield folder


def fill(folder: Path) -> Path:
    """Fill the disk holding `folder` to the last byte; returns the file to delete to free it."""
    filler = folder / "filler"
    with open(filler, "ab", buffering=0) as handle:
        for size in (1 << 16, 1):
            try:
                while True:
                    handle.write(b"\0" * size)
            except OSError as exc:
                assert exc.errno == errno.ENOSPC
    return filler


def remount_read_only(folder: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)


def started(path: Path) -> tuple[Project, str, str]:
    """A project at `path` with the sample article and one speaker, open; (project, document,
    speaker)."""
    project = Project.create(path)
    project.import_texts(txt.read_articles([SEED]))
    document = project.documents()[0].id
    speaker = project.add_annotation(document, "amina", "speaker", 0, 5)
    return project, document, speaker.id


# Every kind of write a window or command makes, each one transaction.
WRITES: dict[str, Callable[[Project, str, str], object]] = {
    "tag": lambda p, doc, a: p.add_annotation(doc, "amina", "claim", 10, 20, link_id=a),
    "edit": lambda p, doc, a: p.update_annotation(a, attributes={"role": "government"}),
    "delete": lambda p, doc, a: p.delete_annotation(a),
    "status": lambda p, doc, a: p.set_status(doc, "amina", "done"),
    "undo a tag": lambda p, doc, a: p.restore(a, None, expected=p.revision(a)),
    "import": lambda p, doc, a: p.import_texts(
        [TextSource(text="نص جديد " * 2000, source="new.txt")]
    ),
    "comment": lambda p, doc, a: p.add_comment(doc, "amina", "راجع هذا"),
}


def stored(project: Project) -> list:
    """Everything a write could change, to compare before and after."""
    return [
        project.conn.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall()
        for table in ("documents", "annotations", "stances", "document_status", "comments")
    ]


@pytest.mark.parametrize("write", WRITES)
def test_every_write_on_a_full_disk_names_the_full_disk_and_changes_nothing(disk, write):
    project, document, speaker = started(disk / "study.annotator")
    try:
        before = stored(project)
        filler = fill(disk)
        with pytest.raises(DiskFullError) as raised:
            WRITES[write](project, document, speaker)
        assert str(raised.value).startswith(f"the disk holding {disk / 'study.annotator'} is full")
        assert "nothing was changed" in str(raised.value)
        filler.unlink()
        assert stored(project) == before
        WRITES[write](project, document, speaker)  # with room again the same write is stored
        assert project.verify() == []
    finally:
        project.close()


@pytest.fixture
def chattr():
    if shutil.which("chattr") is None:
        pytest.skip("chattr is not installed")


@pytest.mark.parametrize("write", WRITES)
def test_every_write_to_a_file_made_immutable_mid_session_says_it_is_read_only(
    tmp_path, chattr, write
):
    path = tmp_path / "study.annotator"
    project, document, speaker = started(path)
    try:
        before = stored(project)
        with immutable(path), immutable(path.with_name(path.name + "-wal")):
            with pytest.raises(ReadOnlyProjectError, match="is read-only"):
                WRITES[write](project, document, speaker)
            assert stored(project) == before
        WRITES[write](project, document, speaker)  # writable again: stored
        assert project.verify() == []
    finally:
        project.close()


def test_sqlites_own_full_disk_is_named_as_a_full_disk(project, seed_id, seed_article):
    project.import_texts(txt.read_articles([seed_article]))
    pages = project.conn.execute("PRAGMA page_count").fetchone()[0]
    project.conn.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(DiskFullError, match="is full; nothing was changed"):
        project.import_texts([TextSource(text="نص طويل " * 20000, source="long.txt")])
    assert [d.id for d in project.documents()] == [seed_id]


def test_opening_a_project_on_a_full_disk_names_the_full_disk(disk):
    project, _, _ = started(disk / "study.annotator")
    project.close()  # the log beside it is gone: opening must write one
    fill(disk)
    with pytest.raises(DiskFullError, match="cannot be opened: the disk holding it is full"):
        Project.open(disk / "study.annotator")


@pytest.mark.parametrize("name", EXPORTS)
def test_an_export_to_a_full_disk_names_it_and_leaves_no_file(tmp_path, disk, name):
    project, _, _ = started(tmp_path / "study.annotator")
    try:
        fill(disk)
        out = disk / ("out" + EXPORTS[name].suffix)
        with pytest.raises(ExportError, match=f"the disk holding {disk}(/out)? is full"):
            EXPORTS[name].export(project, out)
        # No half-written file: brat's folder may keep the files written before it filled up.
        assert [p for p in disk.rglob("*") if p.name.startswith(".")] == []
        assert not out.is_file()
    finally:
        project.close()


def test_an_export_into_a_folder_turned_read_only_names_the_folder(tmp_path, disk):
    project, _, _ = started(tmp_path / "study.annotator")
    try:
        remount_read_only(disk)
        with pytest.raises(ExportError, match=f"{disk} cannot be written"):
            EXPORTS["csv"].export(project, disk / "out.csv")
    finally:
        project.close()


def test_a_backup_on_a_full_disk_names_it_and_leaves_no_half_copy(disk):
    project, _, _ = started(disk / "study.annotator")
    try:
        project.import_texts(
            [TextSource(text=f"خبر رقم {n} " * 800, source=f"{n}.txt") for n in range(40)]
        )
        backup.make(project.conn, project.path, "manual")  # the folder exists
        fill(disk)
        with pytest.raises(Exception, match="cannot write a backup into .*: the disk is full"):
            backup.make(project.conn, project.path, "manual")
        folder = backup.folder_of(project.path)
        assert [p.name.endswith("-manual.annotator") for p in folder.iterdir()] == [True]
    finally:
        project.close()


FILE_SIZE_LIMIT = """
import resource, signal, sys
from annotator.core.errors import ExportError
from annotator.core.formats import csv_export
from annotator.core.store.project import Project
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG
with Project.open(sys.argv[1]) as project:
    resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))
    try:
        csv_export.export(project, sys.argv[2])
    except ExportError as exc:
        print(exc)
"""


def test_an_export_larger_than_a_file_may_be_says_so_and_leaves_no_file(tmp_path):
    project, document, speaker = started(tmp_path / "study.annotator")
    for n in range(60):
        project.add_annotation(document, "amina", "speaker", 6 * n + 6, 6 * n + 10)
    project.close()
    out = tmp_path / "out" / "table.csv"
    out.parent.mkdir()
    done = subprocess.run(
        [sys.executable, "-c", FILE_SIZE_LIMIT, str(tmp_path / "study.annotator"), str(out)],
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
        env=dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2])),
    )
    assert done.returncode == 0, done.stderr
    assert "table.csv is larger than" in done.stdout
    assert list(out.parent.iterdir()) == []


def test_creating_a_project_on_a_full_disk_names_it_and_leaves_nothing(disk):
    fill(disk)
    with pytest.raises(DiskFullError, match="is full"):
        Project.create(disk / "study.annotator")
    assert sorted(p.name for p in disk.iterdir()) == ["filler"]
