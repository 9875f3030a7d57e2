"""Project files as a researcher may be handed them: cut off, damaged, foreign, newer. Each
builder writes one into a folder and returns its path; the core and command-line tests share them.
"""

from __future__ import annotations

import random
import shutil
import sqlite3
from pathlib import Path

from annotator.core.formats import txt
from annotator.core.paths import seeds_dir
from annotator.core.store.project import Project, TextSource

PAGE = 4096  # the page size of a new project


def build_valid(path: Path) -> Path:
    """A closed project with the sample article, 120 more and a few annotations, all in the
    file itself (no log beside it)."""
    with Project.create(path) as project:
        project.import_texts(txt.read_articles(sorted(seeds_dir().glob("*.txt"))))
        project.import_texts(
            TextSource(
                text=f"قال المتحدث باسم الوزارة في البيان رقم {n} إن " * 12, source=f"{n}.txt"
            )
            for n in range(120)
        )
        for document in project.documents()[:30]:
            speaker = project.add_annotation(document.id, "amina", "speaker", 0, 3)
            project.add_annotation(
                document.id,
                "amina",
                "claim",
                4,
                20,
                link_id=speaker.id,
                stances=[("الوزارة", "favor")],
            )
        project.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert not path.with_name(path.name + "-wal").exists()
    return path


def copy_of(valid: Path, path: Path) -> Path:
    shutil.copyfile(valid, path)
    return path


def edited_copy(valid: Path, path: Path, *statements: str) -> Path:
    """A copy of the valid project with `statements` run on it by hand, past SQLite's CHECK
    constraints, as a hand edit or another program would."""
    copy_of(valid, path)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA ignore_check_constraints = 1")
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()
    return path


def cut_off(valid: Path, path: Path, length: int) -> Path:
    """The project cut after `length` bytes (negative: that many bytes short of the end)."""
    data = valid.read_bytes()
    path.write_bytes(data[:length])
    return path


def damaged_page(valid: Path, path: Path, where: float, seed: int = 8) -> Path:
    """The project with one whole page, `where` of the way through the file, overwritten with
    random bytes (page 1 keeps its first 100 bytes, the header)."""
    data = bytearray(valid.read_bytes())
    pages = len(data) // PAGE
    page = min(int(pages * where), pages - 1)
    start = page * PAGE + (100 if page == 0 else 0)
    data[start : (page + 1) * PAGE] = random.Random(seed).randbytes((page + 1) * PAGE - start)
    path.write_bytes(bytes(data))
    return path


def damaged_text(valid: Path, path: Path, replacement: bytes) -> Path:
    """The project with two bytes inside an article's text replaced: the pages stay well formed,
    only the text changes (a flipped bit on a disk, an editor opened on the file)."""
    data = bytearray(valid.read_bytes())
    marker = "رقم 7 إن".encode()
    at = data.rindex(marker)  # in the text: the first ones are in the title, its first line
    data[at : at + 2] = replacement
    path.write_bytes(bytes(data))
    return path


def foreign_sqlite(path: Path) -> Path:
    """An SQLite database of another application (bookmarks of a browser), in WAL mode with
    its log beside it, as while that application runs."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("CREATE TABLE bookmarks (url TEXT)")
    conn.execute("INSERT INTO bookmarks VALUES ('https://example.org')")
    _keep_log(conn, path)
    return path


def newer_in_log(valid: Path, path: Path) -> Path:
    """A project a newer version opened and was killed in: the new format version is only in the
    log beside the file, whose header still shows the current one."""
    copy_of(valid, path)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("PRAGMA user_version = 99")
    _keep_log(conn, path)
    return path


def _keep_log(conn: sqlite3.Connection, path: Path) -> None:
    """Leave `path` with its -wal and -shm as a killed process leaves them: the files are copied
    while the connection is open (closing it would move the log into the file)."""
    keep = {}
    for suffix in ("", "-wal", "-shm"):
        keep[suffix] = path.with_name(path.name + suffix).read_bytes()
    conn.close()
    for suffix, data in keep.items():
        path.with_name(path.name + suffix).write_bytes(data)


def damaged_index(path: Path, index: str = "stances_by_target", seed: int = 3) -> Path:
    """The project with the first page of an index overwritten on disk with random bytes: by
    default the stances-by-target index, which opening a project or a window never reads, so
    only a check of every page (`PRAGMA quick_check`) finds the damage."""
    # Read as immutable: a log beside the file (committed work) is left as it is.
    conn = sqlite3.connect(f"{path.absolute().as_uri()}?immutable=1", uri=True)
    try:
        (page,) = conn.execute("SELECT min(pageno) FROM dbstat WHERE name = ?", (index,)).fetchone()
    finally:
        conn.close()
    with open(path, "r+b") as file:
        file.seek((page - 1) * PAGE)
        file.write(random.Random(seed).randbytes(PAGE))
    return path


def with_long_text(path: Path, characters: int = 300_000) -> str:
    """Add a long article after the others (its text spans many overflow pages); returns its
    document id."""
    sentence = "قال الناطق باسم الوزارة إن الاجتماع المقبل سيعقد في العاصمة الأسبوع القادم. "
    text = (sentence * (characters // len(sentence) + 1))[:characters]
    with Project.open(path) as project:
        (added,) = project.import_texts([TextSource(text=text, source="long.txt")]).added
        project.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return added


def damaged_text_page(path: Path, seed: int = 5) -> Path:
    """The project with a page in the middle of its longest text's overflow chain overwritten on
    disk with random bytes (its first four bytes, the next page's number, become nonsense)."""
    conn = sqlite3.connect(f"{path.absolute().as_uri()}?immutable=1", uri=True)
    try:
        rows = conn.execute(
            "SELECT path, pageno FROM dbstat WHERE name = 'documents' AND pagetype = 'overflow'"
        ).fetchall()
    finally:
        conn.close()
    chains: dict[str, list[int]] = {}
    for where, page in rows:
        chains.setdefault(where.split("+")[0], []).append(page)
    longest = max(chains.values(), key=len)
    page = sorted(longest)[len(longest) // 2]
    with open(path, "r+b") as file:
        file.seek((page - 1) * PAGE)
        file.write(random.Random(seed).randbytes(PAGE))
    return path
