"""Writing files: complete or not at all, under safe names, never outside the chosen folder."""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from annotator.core.errors import ExportError, ExportExistsError, Message
from annotator.core.store import disk

# Bytes, not characters: file systems limit names to 255 bytes, and an Arabic letter takes two.
NAME_MAX_BYTES = 120
# Forbidden in names on Windows, or a path separator anywhere.
_FORBIDDEN = set('/\\<>:"|?*')
# Invisible characters that reorder or hide text; a name must read as it is stored.
_BIDI_CONTROLS = set("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Joiners shape Arabic and Persian words correctly and are kept.
_JOINERS = {"\u200c", "\u200d"}
_RESERVED = re.compile(
    r"^(CON|PRN|AUX|NUL|CONIN\$|CONOUT\$|COM[0-9¹²³]|LPT[0-9¹²³])(\..*)?$", re.IGNORECASE
)


def temp_beside(target: Path, suffix: str = "") -> Path:
    """A new empty file in the target's folder, to be moved over the target once complete.

    It gets the permissions an ordinary new file would get (mkstemp would make it private).
    """
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=suffix, dir=target.parent)
    os.close(fd)
    mask = os.umask(0)
    os.umask(mask)
    os.chmod(name, 0o666 & ~mask)
    return Path(name)


def safe_filename(title: str, fallback: str, max_bytes: int = NAME_MAX_BYTES) -> str:
    """A file name made from a document title that is valid and harmless on every system.

    Arabic and other letters are kept. Path separators and characters Windows forbids become
    spaces; control, bidi-control and other invisible format characters are dropped; leading dots,
    trailing dots and spaces go; reserved device names (CON, NUL.txt, COM1, …) get a leading `_`;
    the name is cut to `max_bytes` UTF-8 bytes at a character boundary. An empty result uses
    `fallback` (made safe the same way), and failing that "document".
    """
    for candidate in (title, fallback, "document"):
        name = _clean_name(candidate or "", max_bytes)
        if name:
            return name
    raise AssertionError("unreachable: 'document' is a safe name")


def _clean_name(text: str, max_bytes: int) -> str:
    kept = []
    for ch in unicodedata.normalize("NFC", text):
        if ch.isspace() or ch in _FORBIDDEN:
            kept.append(" ")
        elif ch in _BIDI_CONTROLS or (
            unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn") and ch not in _JOINERS
        ):
            continue
        else:
            kept.append(ch)
    name = _trim(" ".join("".join(kept).split()))
    if _RESERVED.match(name):
        name = "_" + name
    cut = _cut_to_bytes(name, max_bytes)
    if cut != name and cut.rfind(" ") > len(cut) // 2:
        cut = cut[: cut.rfind(" ")]  # end on a whole word when one is near
    return _trim(cut)


def _trim(name: str) -> str:
    # Leading dots hide a file (or climb out of a folder: ".."); Windows drops trailing dots.
    return name.lstrip(". ").rstrip(". ")


def _cut_to_bytes(name: str, max_bytes: int) -> str:
    encoded = name.encode("utf-8")
    if len(encoded) <= max_bytes:
        return name
    # Cutting bytes may split the last character; "ignore" drops its incomplete remainder.
    cut = encoded[:max_bytes].decode("utf-8", errors="ignore")
    # A joiner or a mark left at the end belongs to a letter that was cut off.
    while cut and (cut[-1] in _JOINERS or unicodedata.category(cut[-1]).startswith("M")):
        cut = cut[:-1]
    return cut


def unique_name(name: str, taken: set[str], max_bytes: int = NAME_MAX_BYTES) -> str:
    """`name`, or `name-2`, `name-3` … : the first not in `taken`, which it is added to.

    Names compare without case, as on Windows and macOS, where "A.txt" and "a.txt" are one file.
    """
    candidate, n = name, 1
    while candidate.casefold() in taken:
        n += 1
        suffix = f"-{n}"
        candidate = _cut_to_bytes(name, max_bytes - len(suffix)).rstrip(". ") + suffix
    taken.add(candidate.casefold())
    return candidate


def path_inside(folder: Path, name: str) -> Path:
    """`folder/name`, refusing anything that would land outside `folder` once resolved."""
    root = folder.resolve()
    target = root / name
    if name in ("", ".", "..") or target.parent.resolve() != root or target.name != name:
        raise ExportError(
            Message("%1 would be written outside %2; nothing was written", repr(name), folder)
        )
    return target


def check_writable(path: Path, overwrite: bool) -> None:
    """Refuse to replace an existing file unless asked to, and never replace a folder."""
    if path.is_dir():
        raise ExportError(Message("%1 is a folder; give a file name", path))
    if not overwrite and (path.exists() or path.is_symlink()):
        raise ExportExistsError(Message("%1 exists; use --force to overwrite", path), path)


def check_replaceable(path: Path) -> None:
    """Refuse, before anyone is asked whether to replace the existing `path`, when its folder
    takes no new file (read-only, immutable, full): replacing writes a file beside it first.
    Raises ExportError naming the folder and the reason; writes nothing that stays."""
    try:
        temp_beside(path).unlink()
    except OSError as exc:
        raise disk.export_failure(path, exc) or ExportError(
            Message("%1 cannot be replaced (%2)", path, exc.strerror)
        ) from None


@contextmanager
def replacing(
    path: Path,
    *,
    overwrite: bool = False,
    encoding: str = "utf-8",
    newline: str | None = "",
    binary: bool = False,
    buffering: int = -1,
) -> Iterator[IO[Any]]:
    """Write a text file (a binary one with `binary`) beside `path` and move it into place when
    the block ends without error. `buffering`: bytes held before each write to disk, as for
    `open` (-1: its default).

    The file appears complete or not at all; an existing file is replaced only with `overwrite`.
    A disk that is full or read-only raises ExportError naming it (nothing is left behind).
    """
    check_writable(path, overwrite)
    tmp: Path | None = None
    try:
        tmp = temp_beside(path)
        opened = (
            open(tmp, "wb", buffering=buffering)
            if binary
            else open(tmp, "w", buffering, encoding=encoding, newline=newline)
        )
        with opened as handle:
            yield handle
        # Checked again: the file may have appeared while this one was being written.
        check_writable(path, overwrite)
        os.replace(tmp, path)
    except OSError as exc:
        # A full or read-only disk is named; the half-written file is removed below.
        raise disk.export_failure(path, exc) or exc from None
    finally:
        if tmp is not None:
            tmp.unlink(missing_ok=True)


def write_together(
    files: Iterable[tuple[Path, str]], *, overwrite: bool = False, newline: str | None = ""
) -> list[Path]:
    """Write several text files (path, content) as one: each is written beside its target, and
    only when all are written are they moved into place, so a full disk or another failure
    leaves none of them (a folder of a brat export is complete or not there). An existing file
    is replaced only with `overwrite`. Raises ExportError naming a full or read-only disk.
    Returns the paths written, in order."""
    staged: list[tuple[Path, Path]] = []
    try:
        for path, content in files:
            check_writable(path, overwrite)
            tmp = temp_beside(path)
            staged.append((tmp, path))
            with open(tmp, "w", encoding="utf-8", newline=newline) as handle:
                handle.write(content)
        for _, path in staged:  # again: one may have appeared meanwhile
            check_writable(path, overwrite)
        for tmp, path in staged:
            os.replace(tmp, path)  # a rename in one folder: it needs no room on the disk
    except OSError as exc:
        where = staged[-1][1] if staged else Path(".")
        failure = disk.export_failure(where, exc)
        if failure is not None and len(staged) > 1:
            failure = ExportError(Message("%1 (none of this export's files was written)", failure))
        raise failure or exc from None
    finally:
        for tmp, _ in staged:
            tmp.unlink(missing_ok=True)
    return [path for _, path in staged]
