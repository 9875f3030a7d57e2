"""Plain-text articles: one `.txt` file per article, folders searched recursively."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from annotator.core.errors import InputError
from annotator.core.project import TextSource
from annotator.core.text import decode_text

# C0/C1 controls other than tab, LF, VT and FF, and lone surrogates, never occur in an article.
_UNWANTED = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def collect_files(paths: Iterable[str | Path]) -> list[Path]:
    """The files named, plus every `.txt` file under the folders named, in a stable order."""
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() == ".txt")
            if not found:
                raise InputError("no .txt files in this folder", str(path))
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            raise InputError("no such file or folder", str(path))
    return files


def read_article(path: Path, encoding: str | None = None) -> TextSource:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", str(path)) from None
    text = decode_text(data, str(path), encoding)
    bad = _UNWANTED.search(text)
    if bad:
        ch, line = bad.group(), text.count("\n", 0, bad.start()) + 1
        if "\ud800" <= ch <= "\udfff":
            raise InputError("lone surrogate character: the file is damaged", str(path), line)
        raise InputError(
            f"control character U+{ord(ch):04X}: a binary file, not a text article", str(path), line
        )
    return TextSource(text=text, source=path.name)


def read_articles(paths: Iterable[str | Path], encoding: str | None = None) -> list[TextSource]:
    """Read every article before anything is stored: one bad file refuses the whole batch."""
    return [read_article(path, encoding) for path in collect_files(paths)]
