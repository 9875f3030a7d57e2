"""Plain-text articles: one `.txt` file per article, folders searched recursively."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from annotator.core.arabic.text import decode_text
from annotator.core.errors import InputError, Message
from annotator.core.formats.reading import folder_files, named_file_problem
from annotator.core.store.project import TextSource


def collect_files(paths: Iterable[str | Path]) -> list[Path]:
    """The files named, plus every `.txt` file under the folders named, in a stable order.

    Symbolic links inside folders are left out (not followed); a path named must be a regular
    file or a link to one (else InputError).
    """
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir() and not path.is_symlink():
            found, _ = folder_files(path, (".txt",))
            if not found:
                raise InputError("no .txt files in this folder", str(path))
            files.extend(found)
        elif (reason := named_file_problem(path)) is None:
            files.append(path)
        else:
            raise InputError(reason, str(path))
    return files


def read_article(path: Path, encoding: str | None = None) -> TextSource:
    """The whole file is the article; binary, damaged or empty files are refused."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(Message("cannot read: %1", exc.strerror), str(path)) from None
    return TextSource(text=decode_text(data, str(path), encoding), source=path.name)


def read_articles(paths: Iterable[str | Path], encoding: str | None = None) -> list[TextSource]:
    """Read every `.txt` article, raising at the first bad file.

    The import commands use `annotator.core.formats.articles.read_articles`, which reads every
    format and lists every problem; this stays for callers that know their files are good.
    """
    return [read_article(path, encoding) for path in collect_files(paths)]
