"""Bringing articles in: every article format read into one batch, with every problem listed.

The batch rule. Every file is read before anything is stored; a file with any problem (binary,
undecodable, a bad row or line) contributes nothing, so no file is ever half-imported. By
default a batch with any problem is refused whole (`import_batch` stores nothing); with
`skip_bad=True` the good files are stored, all in one transaction, and the problems are
reported. Articles whose text is already in the project, or earlier in the batch, are skipped
and reported.

Ids. An id from an id column is kept as it is. Two different texts with the same id in one batch
refuse the later file; an id the project already gives to another text refuses the file. Without
an id column the id is the file name without extension, numbered when taken (`news-2`).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.arabic.text import text_sha256
from annotator.core.errors import Cancelled, InputError, Message
from annotator.core.formats import articles_jsonl, table, txt
from annotator.core.formats.reading import (
    USUAL_NAMES,
    ColumnMapping,
    NotArticles,
    Problem,
    TablePreview,
    folder_files,
    guess_columns,
    id_conflicts,
    named_file_problem,
)
from annotator.core.formats.span_json import recognise_document, refusal
from annotator.core.formats.xmi import is_xmi
from annotator.core.store.project import ImportReport, Project, TextSource

__all__ = [
    "ARTICLE_SUFFIXES",
    "ArticleBatch",
    "ArticleFile",
    "ColumnMapping",
    "ImportOutcome",
    "Problem",
    "TablePreview",
    "find_files",
    "guess_columns",
    "import_batch",
    "preview_table",
    "read_articles",
    "read_file",
]

# Looked for in folders; a file named on its own with another extension is read as .txt.
ARTICLE_SUFFIXES = (".txt", ".csv", ".tsv", ".jsonl")
_TABLES = (".csv", ".tsv")


@dataclass(frozen=True)
class ArticleFile:
    """A file read without problems, and its articles."""

    path: str
    sources: tuple[TextSource, ...]


@dataclass(frozen=True)
class ArticleBatch:
    files: list[ArticleFile] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    # Files found in folders and left out, and why: annotation files, symbolic links.
    ignored: list[Problem] = field(default_factory=list)

    @property
    def sources(self) -> list[TextSource]:
        return [source for file in self.files for source in file.sources]


@dataclass(frozen=True)
class ImportOutcome:
    report: ImportReport  # empty when nothing was stored
    problems: tuple[Problem, ...]
    stored: bool  # False: the batch was refused because of the problems
    # Files found in folders and left out (annotation files, symbolic links), with the reason.
    ignored: tuple[Problem, ...] = ()


def find_files(
    paths: Iterable[str | Path],
) -> tuple[list[tuple[Path, bool]], list[Problem], list[Problem]]:
    """The files to read, each with whether it was named itself (True) or found in a folder;
    the problems of paths named (missing, a link to no regular file); and what was left out of
    the folders, with the reason (symbolic links, special files).

    Folders are searched recursively for `ARTICLE_SUFFIXES`, hidden files and folders left out;
    links inside them are never followed. A path named is read when it is a regular file or a
    symbolic link to one; a link to a folder is refused.
    """
    found: list[tuple[Path, bool]] = []
    problems: list[Problem] = []
    skipped: list[Problem] = []
    seen: set[Path] = set()

    def add(path: Path, named: bool) -> None:
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            found.append((path, named))

    for raw in paths:
        path = Path(raw)
        if path.is_dir() and not path.is_symlink():
            inside, left_out = folder_files(path, ARTICLE_SUFFIXES)
            skipped.extend(left_out)
            if not inside:
                problems.append(Problem(str(path), None, _empty_folder_reason(path)))
            for p in inside:
                add(p, named=False)
        elif (reason := named_file_problem(path)) is None:
            add(path, named=True)
        else:
            problems.append(Problem(str(path), None, reason))
    return found, problems, skipped


def _empty_folder_reason(folder: Path) -> str:
    """Why a folder gives no articles: it holds annotation files (an XMI or brat export), which
    the other command reads, or nothing importable at all."""
    kinds = sorted(
        {
            p.suffix.lower()
            for p in folder.rglob("*")
            if p.suffix.lower() in (".xmi", ".ann") and p.is_file() and not p.is_symlink()
        }
    )
    if kinds:
        return (
            f"{' and '.join(kinds)} files: annotations, not articles; import them with "
            f"`annotator import-annotations {folder.name}`"
        )
    return f"no {', '.join(ARTICLE_SUFFIXES)} files in this folder"


def read_file(
    path: Path,
    *,
    encoding: str | None = None,
    columns: ColumnMapping = USUAL_NAMES,
    cancel: Callable[[], bool] | None = None,
) -> tuple[list[TextSource], list[Problem]]:
    """The articles of one file by its extension, or its problems (then no articles)."""
    suffix = path.suffix.lower()
    if suffix == ".zip":
        if is_xmi(path):
            raise NotArticles(
                Message(
                    "UIMA CAS XMI in a zip: annotations, not articles; import them with "
                    "`annotator import-annotations %1`",
                    path.name,
                ),
                str(path),
            )
        return [], [Problem(str(path), None, "a zip archive: unpack it and import its files")]
    try:
        if suffix in _TABLES:
            sources, problems = table.read(path, encoding=encoding, columns=columns, cancel=cancel)
        elif suffix == ".jsonl":
            sources, problems = articles_jsonl.read(
                path, encoding=encoding, columns=columns, cancel=cancel
            )
        else:
            sources, problems = [txt.read_article(path, encoding)], []
            _refuse_annotation_files(path, sources[0].text)
    except NotArticles:
        raise
    except InputError as exc:
        return [], [Problem.from_error(exc, str(path))]
    return ([], problems) if problems else (sources, [])


def _refuse_annotation_files(path: Path, text: str) -> None:
    """A Label Studio export (JSON) or a UIMA CAS XMI file is annotations, not an article whose
    text is the JSON or the XML."""
    head = text.lstrip()[:1000]
    if head.startswith("<") and (
        "http://www.omg.org/XMI" in head or "<typeSystemDescription" in head
    ):
        raise NotArticles(
            "UIMA CAS XMI: annotations, not articles; import the folder holding TypeSystem.xml "
            "and the .xmi files with `annotator import-annotations FOLDER`",
            str(path),
        )
    if head[:1] not in ("[", "{"):
        return
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):
        return
    what = recognise_document(value)
    if what is not None:
        raise NotArticles(refusal(what, path), str(path))


def read_articles(
    paths: Iterable[str | Path],
    *,
    encoding: str | None = None,
    columns: ColumnMapping = USUAL_NAMES,
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> ArticleBatch:
    """Read the files named and the article files in the folders named; nothing is stored.

    Nothing is raised for a bad file: it becomes a problem and contributes nothing.
    `progress(done_files, total_files)` follows the reading; `cancel()` returning True raises
    `Cancelled`.
    """
    found, problems, skipped = find_files(paths)
    batch = ArticleBatch(problems=problems, ignored=skipped)
    ids: dict[str, TextSource] = {}
    if progress is not None:
        progress(0, len(found))
    for done, (path, named) in enumerate(found, 1):
        if cancel is not None and cancel():
            raise Cancelled("import cancelled; nothing of the batch was stored")
        try:
            sources, problems = read_file(path, encoding=encoding, columns=columns, cancel=cancel)
        except NotArticles as exc:
            (batch.problems if named else batch.ignored).append(Problem.from_error(exc, str(path)))
            sources, problems = [], []
        if not problems:
            # Ids are unique across the batch: a file reusing one for another text is refused.
            trial = dict(ids)
            problems = id_conflicts(sources, trial, str(path))
            if not problems:
                ids = trial
        if problems:
            batch.problems.extend(problems)
        elif sources:
            batch.files.append(ArticleFile(str(path), tuple(sources)))
        if progress is not None:
            progress(done, len(found))
    return batch


def import_batch(
    project: Project,
    batch: ArticleBatch,
    *,
    skip_bad: bool = False,
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> ImportOutcome:
    """Store a batch by the batch rule (see the module); one transaction, or nothing.

    `progress(done, total)` counts articles; `cancel()` returning True raises `Cancelled` and
    leaves the project as it was.
    """
    problems = list(batch.problems)
    good: list[ArticleFile] = []
    known = project.document_hashes()
    for file in batch.files:
        clashes = [
            Problem(
                file.path, item.line, f"id {item.id!r} is already in the project for another text"
            )
            for item in file.sources
            if item.id in known and known[item.id] != text_sha256(item.text)
        ]
        if clashes:
            problems.extend(clashes)
        else:
            good.append(file)
    if problems and not skip_bad:
        return ImportOutcome(
            ImportReport(added=(), skipped=()),
            tuple(problems),
            stored=False,
            ignored=tuple(batch.ignored),
        )
    sources = [item for file in good for item in file.sources]
    report = project.import_texts(sources, progress=progress, cancel=cancel)
    return ImportOutcome(report, tuple(problems), stored=True, ignored=tuple(batch.ignored))


def importable(batch: ArticleBatch, outcome: ImportOutcome) -> list[ArticleFile]:
    """The files of `batch` that `outcome` did not refuse: what `skip_bad=True` would store."""
    refused = {problem.path for problem in outcome.problems}
    return [file for file in batch.files if file.path not in refused]


def preview_table(path: str | Path, encoding: str | None = None, limit: int = 20) -> TablePreview:
    """The columns and first rows of a `.csv`, `.tsv` or `.jsonl` file; raises InputError."""
    path = Path(path)
    if path.suffix.lower() == ".jsonl":
        return articles_jsonl.preview(path, encoding, limit)
    return table.preview(path, encoding, limit)
