"""The `annotator` command line: a thin front-end over the core."""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path

from annotator import __version__
from annotator.core import formats
from annotator.core.errors import AnnotatorError, ForeignObjectsError
from annotator.core.paths import default_project_path
from annotator.core.review.conflicts import describe as describe_conflict
from annotator.core.review.conflicts import open_conflicts
from annotator.core.schema import SHIPPED_SCHEMAS, load_schema
from annotator.core.store import backup
from annotator.core.store.default_project import open_project
from annotator.core.store.opening import remove_foreign_objects
from annotator.core.store.project import Project


def cmd_init(args: argparse.Namespace) -> int:
    schema_text = load_schema(args.schema).source if args.schema else None
    Project.create(args.project, schema_text).close()
    print(f"created project {args.project}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    # Imported by the commands that read them: each command starts with only what it runs.
    from annotator.core.formats.articles import (
        ColumnMapping,
        import_batch,
        importable,
        read_articles,
    )

    columns = ColumnMapping(text=args.text_col, title=args.title_col, id=args.id_col)
    reading, storing = _ProgressBar.on_terminal("reading"), _ProgressBar.on_terminal("storing")
    try:
        batch = read_articles(args.paths, encoding=args.encoding, columns=columns, progress=reading)
        with open_project(args.project) as project:
            outcome = import_batch(project, batch, skip_bad=args.skip_bad, progress=storing)
    finally:
        for bar in (reading, storing):
            if bar is not None:
                bar.clear()
    for problem in outcome.problems:
        print(f"annotator: refused {problem}", file=sys.stderr)
    for note in batch.ignored:
        print(f"ignored {note}")
    refused = len({problem.path for problem in outcome.problems})
    if not outcome.stored:
        # Offer --skip-bad only when it would import something.
        others = len(importable(batch, outcome))
        reason = (
            f"{refused} file(s) refused; fix them, or import the other {others} file(s) "
            "with --skip-bad"
            if others
            else f"no importable article in {', '.join(map(str, args.paths))}"
        )
        print(f"annotator: error: nothing was imported: {reason}", file=sys.stderr)
        return 1
    report = outcome.report
    for source, existing in report.skipped:
        print(f"skipped {source}: its text is already in the project as {existing}")
    summary = f"imported {len(report.added)} article(s), skipped {len(report.skipped)}"
    print(f"{summary}, refused {refused} file(s)" if refused else summary)
    # Exit code 2: imported, but not everything; scripts notice.
    return 2 if refused else 0


class _ProgressBar:
    """A one-line bar on stderr, redrawn with carriage returns; only on a terminal."""

    WIDTH = 30

    def __init__(self, label: str):
        self.label = label
        self.shown: tuple[int, int] | None = None

    @classmethod
    def on_terminal(cls, label: str) -> _ProgressBar | None:
        return cls(label) if sys.stderr.isatty() else None

    def __call__(self, done: int, total: int) -> None:
        filled = self.WIDTH * done // total if total else self.WIDTH
        if self.shown is not None and self.shown[0] == filled and done < total:
            return  # redraw only when the bar grows: a batch can have thousands of articles
        self.shown = (filled, total)
        bar = "#" * filled + "." * (self.WIDTH - filled)
        sys.stderr.write(f"\r{self.label} [{bar}] {done}/{total}")
        sys.stderr.flush()

    def clear(self) -> None:
        if self.shown is not None:
            sys.stderr.write("\r" + " " * (len(self.label) + self.WIDTH + 30) + "\r")
            sys.stderr.flush()
            self.shown = None


def cmd_import_annotations(args: argparse.Namespace) -> int:
    from annotator.core.formats.span_json import parse_labels

    with open_project(args.project) as project:
        labels = parse_labels(args.map)
        result = formats.import_annotations(
            project, Path(args.file), args.annotator, args.document, labels
        )
    added = result.documents_added
    if len(added) > SHOWN_IDS:
        print(
            f"added {len(added):,} documents (their texts came with the annotations): "
            f"{_first_ids(added)}"
        )
    for doc_id in added if len(added) <= SHOWN_IDS else ():
        print(f"added document {doc_id} (its text came with the annotations)")
    for note in result.notes:
        print(f"note: {note}")
    into = result.document_ids
    where = (
        f"{len(into):,} documents ({_first_ids(into)})"
        if len(into) > SHOWN_IDS
        else ", ".join(into) or "-"
    )
    print(
        f"imported {result.added} annotation(s) into {where}; "
        f"{result.skipped} already present or deleted in this project"
    )
    if result.changed:
        print(
            f"annotator: {len(result.changed)} annotation(s) differ from the project's version "
            f"and were not imported (edit them in the project, or import the file under another "
            f"--annotator and compare): {', '.join(result.changed)}",
            file=sys.stderr,
        )
        return 2  # imported, but not everything: scripts notice
    return 0


# A summary names this many document ids, then counts the rest: an import into thousands of
# documents is one short line, not a list of them all.
SHOWN_IDS = 5


def _first_ids(ids: tuple[str, ...] | list[str]) -> str:
    """The first SHOWN_IDS ids and how many more there are ("a, b, c, d, e and 1,995 more")."""
    first = ", ".join(ids[:SHOWN_IDS])
    rest = len(ids) - SHOWN_IDS
    return f"{first} and {rest:,} more" if rest > 0 else first


# Options of one export format: option on the command line -> keyword of its export function.
_FORMAT_OPTIONS = {
    "jsonl": {"only": "only"},
    "brat": {"per_annotator": "per_annotator", "entities_as": "entities_as"},
}


_ONLY = {
    "annotations": "annotation",
    "documents": "document",
    "entities": "entity",
    "annotators": "annotator",
}


def cmd_export(args: argparse.Namespace) -> int:
    chosen = formats.EXPORTS[args.format]
    extra = {}
    for fmt, options in _FORMAT_OPTIONS.items():
        for option, keyword in options.items():
            value = getattr(args, option)
            if value in (None, False):
                continue
            if fmt != args.format:
                flag = "--" + option.replace("_", "-")
                raise AnnotatorError(f"{flag} applies to --format {fmt} only")
            extra[keyword] = value
    if "only" in extra:
        extra["only"] = [_ONLY[name] for name in extra["only"]]
    with open_project(args.project) as project, project.strict_text():
        # Counted first: when no row is damaged, the export need not check them again.
        left_out = project.left_out()
        result = chosen.export(
            project,
            args.out,
            document_ids=args.document,
            annotators=args.annotator,
            overwrite=args.force,
            formula_guard=not args.no_formula_guard,
            **extra,
        )
    print(f"wrote {result.rows} {chosen.unit}(s) to {args.out}")
    for note in result.notes:
        print(f"note: {note}")
    _note_left_out(left_out)
    return 0


def _note_left_out(count: int) -> None:
    if count:
        print(
            f"annotator: note: the project has {count} damaged row(s), left out or read as far "
            "as they can be; `annotator check` names them",
            file=sys.stderr,
        )


def cmd_list(args: argparse.Namespace) -> int:
    with open_project(args.project) as project:
        documents = project.documents(args.annotator)
        _note_left_out(project.left_out())
    if args.json:
        print(json.dumps([d.__dict__ for d in documents], ensure_ascii=False, indent=2))
        return 0
    print(f"{'id':<28} {'status':<12} {'annotations':>11}  title")
    for d in documents:
        print(f"{d.id:<28} {d.status:<12} {d.annotation_count:>11}  {d.title}")
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    with open_project(args.project) as project:
        figures = project.stats()
    if args.json:
        print(json.dumps(figures, ensure_ascii=False, indent=2))
        return 0
    for key, value in figures.items():
        if isinstance(value, dict):
            value = ", ".join(f"{k} {v}" for k, v in value.items()) or "-"
        print(f"{key:<13} {value}")
    return 0


def cmd_agreement(args: argparse.Namespace) -> int:
    # Imported here: numpy is needed by this command only, not by every start of the tool.
    from annotator.core.review import agreement

    with open_project(args.project) as project:
        report = agreement.compare(project, annotators=args.annotators, layers=args.layer)
        # Written while the project is open: each document's id and title are read back from
        # it as its row is written, so the report holds numbers only.
        if args.json:
            report.write_json(project, sys.stdout)
            print()
            return 0
        # Documents without a defined figure sort last: the ten hardest are the first ten.
        _print_agreement(report, report.documents.rows(project, 0, 10))
    return 0


def _print_agreement(report, hardest_rows: list) -> None:
    print(
        f"annotators: {', '.join(report.annotators) or '-'}; "
        f"documents compared: {len(report.documents)}"
    )
    if report.reason:
        print(f"not defined: {report.reason}")
        return
    table = [("layer", "measure", "annotators", "value", "n", "note")]
    for row in report.rows():
        value = "n/a" if row.value is None else f"{row.value:.3f}"
        table.append((row.layer, row.measure, row.annotators, value, str(row.n_units), row.note))
    widths = [max(len(line[i]) for line in table) for i in range(5)]
    for line in table:
        cells = [line[i].ljust(widths[i]) if i < 3 else line[i].rjust(widths[i]) for i in range(5)]
        print("  ".join([*cells, line[5]]).rstrip())
    hardest = [d for d in hardest_rows if d.lowest is not None]
    if hardest:
        print("\nhardest documents (lowest token alpha or span F1; all in --json):")
        for d in hardest:
            print(f"  {d.lowest:6.3f}  {d.id}  {d.title}")


def cmd_gui(args: argparse.Namespace) -> int:
    from annotator.gui.app import run

    return run(args.project, args.lang)


def cmd_search(args: argparse.Namespace) -> int:
    from annotator.core.arabic.search import SearchIndex, SearchOptions, snippet

    options = SearchOptions(
        tashkeel=not args.match_tashkeel,
        tatweel=not args.match_tatweel,
        hamza=not args.match_hamza,
        final_letters=not args.match_final_letters,
        digits=not args.match_digits,
        case=not args.match_case,
        article=args.ignore_article,
        proclitics=args.ignore_proclitics,
        whole_words=args.whole_words,
    )
    with open_project(args.project) as project:
        for document_id in args.document or ():
            project.text(document_id)  # an unknown id is an error, not "no hits"
        hits = SearchIndex(project).search(args.query, options, args.document, args.limit)
        texts = {h.document_id: project.text(h.document_id) for h in hits}
    if args.json:
        rows = [h.__dict__ for h in hits]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    for hit in hits:
        before, found, after = snippet(texts[hit.document_id], hit.start, hit.end)
        print(f"{hit.document_id}:{hit.start}-{hit.end}\t{before} [{found}] {after}")
    documents = len({h.document_id for h in hits})
    print(f"{len(hits)} hit(s) in {documents} document(s)", file=sys.stderr)
    return 0


def cmd_suggest(args: argparse.Namespace) -> int:
    from annotator.core.arabic.suggest import SUGGESTIONS, suggest

    with open_project(args.project) as project:
        for document_id in args.document or ():
            project.text(document_id)
        report = suggest(project, args.document)
    if args.json:
        counts = {d: {"speakers": s, "claims": c} for d, (s, c) in report.counts.items()}
        print(json.dumps(counts, ensure_ascii=False, indent=2))
        return 0
    for document_id, (speakers, claims) in report.counts.items():
        print(f"{document_id}: {speakers} speaker(s), {claims} claim(s)")
    print(
        f"suggested {report.speakers} speaker mention(s) and {report.claims} claim(s) "
        f"in {len(report.counts)} document(s), stored as annotator {SUGGESTIONS!r}"
    )
    return 0


def cmd_merge(args: argparse.Namespace) -> int:
    from annotator.core.review.merge import merge, parse_renames

    renames = parse_renames(args.rename or [])
    with open_project(args.project) as project:
        for other in args.theirs:
            report = merge(project, other, rename=renames)
            print(
                f"{other}: {report.annotations_added} annotation(s) added, "
                f"{report.annotations_updated} updated, {report.annotations_deleted} deleted, "
                f"{report.annotations_conflicting} in conflict, "
                f"{report.annotations_unchanged} unchanged{_same_work(report)}; "
                f"{report.documents_added} new document(s), {report.entities_added} new "
                f"entit(y/ies), {report.comments_added} new comment(s), "
                f"{report.statuses_changed} status(es) changed"
            )
            for conflict in report.conflicts:
                print(f"  conflict: {describe_conflict(project, conflict)}")
            if report.conflicts:
                print("  resolve the conflicts in the review window (annotator gui, Review)")
            if any(c.theirs_id for c in report.conflicts):
                names = ", ".join(sorted({c.annotator for c in report.conflicts if c.theirs_id}))
                print(
                    f"  note: spans {names} tagged here and in their file under two ids are "
                    "taken as one annotation; if two people used one name, put the backup back "
                    f"(annotator restore {report.backup}) and merge with --rename OLD=NEW"
                )
    return 0


def _same_work(report) -> str:
    """ " (N the same work under another id)" when their file tags spans ours tags too."""
    n = report.annotations_same_work
    return f" ({n} the same work under another id)" if n else ""


def _project_path(args: argparse.Namespace) -> Path:
    return Path(args.project) if args.project else default_project_path()


def cmd_backup(args: argparse.Namespace) -> int:
    with open_project(args.project) as project:
        newest = backup.listing(project.path)[:1]
        path = backup.make(project.conn, project.path, "manual")
        notes = backup.scan(project.path).ignored
    for note in notes:
        print(note)
    if newest and newest[0].path == path:
        print(f"no backup written: the project is as its newest backup, {path}")
    else:
        print(f"backup written to {path}")
    return 0


def cmd_copy(args: argparse.Namespace) -> int:
    with open_project(args.project) as project:
        dest = backup.copy(project.conn, Path(args.dest), overwrite=args.force)
    print(f"copied {args.project} to {dest}, with every change stored so far")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    path = _project_path(args)
    found = backup.scan(path)
    for note in found.ignored:
        print(note)
    if args.backup is None and not args.latest:
        if not found.backups:
            print(f"no backups of {path} (they would be in {backup.folder_of(path)})")
        for item in found.backups:
            print(item)
        return 0
    newest = backup.newest_good(path)
    if args.latest and newest is None:
        raise AnnotatorError(f"no backup of {path} made while it opened, to restore")
    chosen = Path(args.backup) if args.backup else newest.path
    kept = backup.restore(path, chosen)
    print(f"restored {path} from {chosen}")
    if kept:
        print(f"the replaced file is kept as {kept}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    if args.remove_foreign:
        kept, found, lost = remove_foreign_objects(_project_path(args))
        if kept is None:
            print("no SQL objects to remove: the project holds only its own")
        else:
            print(f"the project as it was is kept as {kept}")
            for item in found:
                print(f"removed {item}" if item.kind != "missing" else f"made {item}")
            if lost:
                print(f"{lost} row(s) did not fit the rebuilt tables; they are in the copy above")
    try:
        project = open_project(args.project)
    except ForeignObjectsError as exc:
        # Not opened, so nothing in it runs; what it holds is listed as problems.
        for item in exc.found:
            print(f"SQL object this tool did not make: {item}")
        print(
            f"annotator: {len(exc.found)} problem(s) found; remove them (a backup copy is made "
            f"first) with `annotator check --remove-foreign --project {_project_path(args)}`",
            file=sys.stderr,
        )
        return 1
    with project:
        problems = [*project.warnings, *project.verify()]
        figures = project.stats()
        # Open merge conflicts are work to do, not damage: listed, never a failure.
        open_merge_conflicts = [describe_conflict(project, c) for c in open_conflicts(project)]
    for problem in problems:
        print(problem)
    for conflict in open_merge_conflicts:
        print(f"note: open merge conflict: {conflict}")
    if problems:
        print(f"annotator: {len(problems)} problem(s) found", file=sys.stderr)
        return 1
    print(
        f"ok: {figures['documents']} document(s), {figures['annotations']} annotation(s), "
        "every span matches its text and every link and value fits the schema"
    )
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="annotator",
        description="Annotate speakers, claims and stance in Arabic news articles.",
    )
    parser.add_argument("--version", action="version", version=f"annotator {__version__}")
    parser.add_argument("--debug", action="store_true", help="show a traceback on errors")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, func: Callable, help_: str, project: bool = True):
        p = sub.add_parser(name, help=help_, description=help_)
        if func is not None:
            p.set_defaults(func=func)
        if project:
            p.add_argument(
                "--project",
                "-p",
                metavar="PROJECT",
                help="project file (default: the default project in your data folder)",
            )
        return p

    p = command("init", cmd_init, "create a new, empty project file", project=False)
    p.add_argument("project", metavar="PROJECT", help="path of the project file to create")
    p.add_argument(
        "--schema",
        metavar="NAME|FILE",
        help=f"label schema: a shipped one by name ({', '.join(SHIPPED_SCHEMAS)}) "
        "or a TOML file; default: the built-in default",
    )

    p = command(
        "import",
        cmd_import,
        "import articles: .txt, .csv, .tsv and .jsonl files, or folders (searched recursively)",
    )
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument(
        "--encoding",
        help="text encoding of the files (default: detected: UTF-8, UTF-16, cp1256, iso8859-6)",
    )
    p.add_argument("--text-col", metavar="NAME", help="column (or JSON key) of the article text")
    p.add_argument("--title-col", metavar="NAME", help="column (or JSON key) of the title")
    p.add_argument("--id-col", metavar="NAME", help="column (or JSON key) of the document id")
    p.add_argument(
        "--skip-bad",
        action="store_true",
        help="import the good files and list the refused ones (exit code 2), "
        "instead of importing nothing",
    )

    p = command(
        "import-annotations",
        cmd_import_annotations,
        "import annotations: gold JSON Lines (seeds/*.gold.jsonl), this tool's JSON Lines "
        "export, brat standoff (an .ann file beside its .txt, or a folder of them), or UIMA CAS "
        "XMI (a folder with TypeSystem.xml, an .xmi file beside one, or a .zip), doccano or "
        "spaCy-style JSONL (text with label, entities or spans), or a Label Studio JSON export",
    )
    p.add_argument(
        "file",
        metavar="FILE",
        help=".jsonl, .json, .ann, .xmi or .zip file, or a folder of .ann or .xmi files",
    )
    p.add_argument(
        "--map",
        action="append",
        metavar="TAG=LAYER",
        help="doccano, spaCy-style, Label Studio: store label TAG in LAYER (TAG=- leaves it "
        "out; labels equal to a layer's name or label need none); repeatable",
    )
    p.add_argument(
        "--annotator",
        help="store every annotation as this annotator (required for the gold, doccano and "
        "spaCy-style formats; otherwise the annotators recorded in the file are kept)",
    )
    p.add_argument(
        "--document", help="gold format: document id (default: each line's, else the file name)"
    )

    p = command("export", cmd_export, "export annotations")
    p.add_argument(
        "--format",
        choices=list(formats.EXPORTS),
        default="csv",
        help="; ".join(f"{f.name}: {f.description}" for f in formats.EXPORTS.values())
        + " (default: csv)",
    )
    p.add_argument(
        "--out", "-o", required=True, metavar="PATH", help="file to write (brat, xmi: a folder)"
    )
    p.add_argument(
        "--document",
        action="extend",
        nargs="+",
        metavar="ID",
        help="export these documents only (repeat or list several)",
    )
    p.add_argument(
        "--annotator",
        action="extend",
        nargs="+",
        metavar="NAME",
        help="export these annotators' annotations only (repeat or list several)",
    )
    p.add_argument("--force", action="store_true", help="overwrite files that exist")
    p.add_argument(
        "--no-formula-guard",
        action="store_true",
        help="csv, claims: do not prefix cells starting with = + - @ (for pandas or R, not Excel)",
    )
    p.add_argument(
        "--only",
        action="extend",
        nargs="+",
        choices=list(_ONLY),
        help="jsonl: write these records only, without the header: `--only annotations` gives "
        "a flat file of one annotation a line (for pandas; not for import)",
    )
    p.add_argument(
        "--per-annotator",
        action="store_true",
        help="brat: one subfolder per annotator, annotation.conf and visual.conf at the top "
        "(the layout of brat agreement tools such as bratiaa)",
    )
    p.add_argument(
        "--entities-as",
        choices=["note", "normalization"],
        help="brat: how a mention's speaker entity is written: `note` (default) in the "
        "AnnotatorNotes line, or `normalization`, brat's N lines, which other brat readers drop",
    )

    p = command("list", cmd_list, "list documents with status and annotation counts")
    p.add_argument("--annotator", help="status and counts of this annotator (default: everyone)")
    p.add_argument("--json", action="store_true", help="print JSON")

    p = command("stats", cmd_stats, "figures about the project")
    p.add_argument("--json", action="store_true", help="print JSON")

    p = command("agreement", cmd_agreement, "agreement between annotators: span F1, kappa, alpha")
    p.add_argument(
        "--annotators",
        nargs="+",
        metavar="NAME",
        help="annotators to compare (default: all but 'suggestions')",
    )
    p.add_argument(
        "--layer", action="append", metavar="LAYER", help="a layer to compare (repeatable)"
    )
    p.add_argument("--json", action="store_true", help="print JSON")

    p = command("search", cmd_search, "find words in every document, spelled any way")
    p.add_argument("query", metavar="QUERY")
    p.add_argument(
        "--document", action="append", metavar="ID", help="search this document only (repeatable)"
    )
    for name, what in (
        ("tashkeel", "harakat, shadda, sukun and tanwin"),
        ("tatweel", "tatweel"),
        ("hamza", "أ إ آ ٱ and ا"),
        ("final-letters", "ى/ي and ة/ه"),
        ("digits", "Arabic-Indic and Latin digits"),
        ("case", "upper and lower case"),
    ):
        p.add_argument(f"--match-{name}", action="store_true", help=f"tell apart {what}")
    p.add_argument("--ignore-article", action="store_true", help="الكتاب also finds كتاب")
    p.add_argument(
        "--ignore-proclitics", action="store_true", help="كتاب also finds وكتاب، بكتاب، لكتاب …"
    )
    p.add_argument("--whole-words", action="store_true", help="match whole words only")
    p.add_argument("--limit", type=int, metavar="N", help="stop after N hits")
    p.add_argument("--json", action="store_true", help="print JSON")

    p = command(
        "suggest",
        cmd_suggest,
        "suggest speakers and claims (stored as annotator 'suggestions', replacing earlier ones)",
    )
    p.add_argument(
        "--document", action="extend", nargs="+", metavar="ID", help="these documents only"
    )
    p.add_argument("--json", action="store_true", help="print JSON")

    p = command("merge", cmd_merge, "copy a colleague's annotations from their project file(s)")
    p.add_argument("theirs", nargs="+", metavar="THEIRS", help="their project file(s), read only")
    p.add_argument(
        "--rename",
        action="append",
        metavar="OLD=NEW",
        help="merge their annotator OLD under the name NEW (repeatable)",
    )

    command("backup", cmd_backup, "write a backup of the project now")

    p = command(
        "copy",
        cmd_copy,
        "write a complete, consistent copy of the project (safe while a window has it open)",
        project=False,
    )
    p.add_argument("project", metavar="PROJECT", help="the project file to copy")
    p.add_argument("dest", metavar="DEST", help="the copy to write")
    p.add_argument("--force", action="store_true", help="replace DEST if it exists")

    p = command(
        "restore",
        cmd_restore,
        "list the project's backups, or put one back in place of the project",
    )
    p.add_argument("backup", nargs="?", metavar="BACKUP", help="the backup file to restore")
    p.add_argument(
        "--latest",
        action="store_true",
        help="restore the newest backup made while the project opened (not one kept before a "
        "restore, nor one of a file that failed to open)",
    )

    p = command(
        "check",
        cmd_check,
        "check the project: integrity, SQL objects, rows, spans, links, schema values",
    )
    p.add_argument(
        "--remove-foreign",
        action="store_true",
        help="first remove the triggers, views, tables and indexes this tool did not make "
        "(after a backup copy of the project as it is)",
    )

    from annotator.team_cli import add_commands

    add_commands(sub, command)

    p = command("gui", cmd_gui, "open the annotation window", project=False)
    p.add_argument("project", nargs="?", metavar="PROJECT", help="project file (default project)")
    p.add_argument(
        "--lang",
        choices=("ar", "en"),
        help="interface language: Arabic or English (default: the one chosen before; kept)",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except BrokenPipeError:
        # The reader went away (`annotator list | head`): not an error of ours. Point stdout at
        # nothing, so flushing it at exit does not complain again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except (AnnotatorError, OSError) as exc:
        if args.debug:
            traceback.print_exc()
        message = str(exc) if isinstance(exc, AnnotatorError) else _os_message(exc)
        print(f"annotator: error: {message}", file=sys.stderr)
        return 1
    except sqlite3.Error as exc:
        # The core turns the SQLite errors it expects into messages; this is damage found while
        # reading (a page that passed the check at opening), or a disk failing under a write.
        if args.debug:
            traceback.print_exc()
        print(
            f"annotator: error: the project file could not be read or written ({exc}); "
            "look for damage with `annotator check`",
            file=sys.stderr,
        )
        return 1
    except KeyboardInterrupt:
        print("annotator: interrupted; the last unfinished action was not stored", file=sys.stderr)
        return 130


def _os_message(exc: OSError) -> str:
    where = f"{exc.filename}: " if exc.filename else ""
    return f"{where}{exc.strerror or exc}"
