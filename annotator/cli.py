"""The `annotator` command line: a thin front-end over the core."""

from __future__ import annotations

import argparse
import json
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path

from annotator import __version__
from annotator.core.default_project import open_project
from annotator.core.errors import AnnotatorError
from annotator.core.formats import csv_export, jsonl, txt
from annotator.core.project import Project
from annotator.core.schema import load_schema_file


def cmd_init(args: argparse.Namespace) -> int:
    schema_text = load_schema_file(args.schema).source if args.schema else None
    Project.create(args.project, schema_text).close()
    print(f"created project {args.project}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    articles = txt.read_articles(args.paths, encoding=args.encoding)
    with open_project(args.project) as project:
        report = project.import_texts(articles)
    for source, existing in report.skipped:
        print(f"skipped {source}: its text is already in the project as {existing}")
    print(f"imported {len(report.added)} article(s), skipped {len(report.skipped)}")
    return 0


def cmd_import_annotations(args: argparse.Namespace) -> int:
    with open_project(args.project) as project:
        result = jsonl.import_annotations(project, Path(args.file), args.annotator, args.document)
    print(
        f"imported {result.added} annotation(s) into {', '.join(result.document_ids)}; "
        f"{result.skipped} already present"
    )
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    with open_project(args.project) as project:
        if args.document:
            project.text(args.document)
        count = csv_export.export(
            project, args.out, document_id=args.document, formula_guard=not args.no_formula_guard
        )
    print(f"wrote {count} row(s) to {args.out}")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    with open_project(args.project) as project:
        documents = project.documents(args.annotator)
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


def cmd_gui(args: argparse.Namespace) -> int:
    from annotator.gui.app import run

    return run(args.project)


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
        "--schema", metavar="FILE", help="label schema (TOML); default: the built-in one"
    )

    p = command("import", cmd_import, "import .txt articles (files or folders, recursively)")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--encoding", help="text encoding of the files (default: UTF-8 or UTF-16 BOM)")

    p = command(
        "import-annotations",
        cmd_import_annotations,
        "import annotations from a JSON Lines file (the format of seeds/*.gold.jsonl)",
    )
    p.add_argument("file", metavar="FILE")
    p.add_argument(
        "--annotator", required=True, help="annotator name the annotations are stored as"
    )
    p.add_argument("--document", help="document id (default: from each line, else the file name)")

    p = command("export", cmd_export, "export annotations")
    p.add_argument("--format", choices=["csv"], default="csv", help="output format (default: csv)")
    p.add_argument("--out", "-o", required=True, metavar="FILE", help="file to write")
    p.add_argument("--document", help="export one document only")
    p.add_argument(
        "--no-formula-guard",
        action="store_true",
        help="do not prefix cells starting with = + - @ (for pandas or R, not Excel)",
    )

    p = command("list", cmd_list, "list documents with status and annotation counts")
    p.add_argument("--annotator", help="status and counts of this annotator (default: everyone)")
    p.add_argument("--json", action="store_true", help="print JSON")

    p = command("stats", cmd_stats, "figures about the project")
    p.add_argument("--json", action="store_true", help="print JSON")

    p = command("gui", cmd_gui, "open the annotation window", project=False)
    p.add_argument("project", nargs="?", metavar="PROJECT", help="project file (default project)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except (AnnotatorError, OSError) as exc:
        if args.debug:
            traceback.print_exc()
        message = str(exc) if isinstance(exc, AnnotatorError) else _os_message(exc)
        print(f"annotator: error: {message}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("annotator: interrupted; the last unfinished action was not stored", file=sys.stderr)
        return 130


def _os_message(exc: OSError) -> str:
    where = f"{exc.filename}: " if exc.filename else ""
    return f"{where}{exc.strerror or exc}"
