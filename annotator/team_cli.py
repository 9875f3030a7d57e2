"""The team commands of the command line: the server, share, join, sync, assign, progress."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from annotator.core.store.default_project import open_project


def cmd_server_init(args: argparse.Namespace) -> int:
    from annotator.core.sync import server

    before, after = server.init(args.url)
    if before == after:
        print(f"the team project is up to date (format {after})")
    else:
        print(f"team project schema made (format {before} -> {after})")
    return 0


def cmd_server_add_member(args: argparse.Namespace) -> int:
    from annotator.core.sync import server

    password = server.add_member(args.url, args.name, args.role, args.password)
    print(f"{args.name} is a member of the team project as {args.role}")
    if password and not args.password:
        print(f"password of database role {args.name}: {password}")
        print("(give it to them once; they keep it in ~/.pgpass or PGPASSWORD, never in a URL)")
    return 0


def cmd_share(args: argparse.Namespace) -> int:
    from annotator.core.sync import exchange

    with open_project(args.project) as project:
        count = exchange.share(project, args.url)
    print(f"shared {count} rows; members join with: annotator join URL --as NAME")
    return 0


def cmd_join(args: argparse.Namespace) -> int:
    from annotator.core.paths import default_project_path
    from annotator.core.sync import exchange

    path = (
        Path(args.project)
        if args.project
        else default_project_path().with_name(f"team-{args.name}.annotator")
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    project, report = exchange.join(args.url, args.name, path)
    with project:
        print(f"joined as {args.name}: {project.path} ({report.pulled} rows pulled)")
    return 0


def cmd_sync(args: argparse.Namespace) -> int:
    from annotator.core.sync import exchange

    with open_project(args.project) as project:
        report = exchange.sync(project)
    print(f"synced: {report}")
    return 0


def add_commands(sub, command: Callable) -> None:
    """Add the team commands to the parser's subcommands (`command` makes one)."""
    p = command("server", None, "set up a team project on a PostgreSQL server", project=False)
    server_sub = p.add_subparsers(dest="server_command", required=True, metavar="ACTION")
    q = server_sub.add_parser(
        "init", help="create or update the team project's schema in a database"
    )
    q.add_argument("url", metavar="URL", help="libpq URL of the database, as its owner")
    q.set_defaults(func=cmd_server_init)
    q = server_sub.add_parser(
        "add-member", help="add a member: a database role that may log in, with a team role"
    )
    q.add_argument("url", metavar="URL", help="libpq URL of the database, as its owner")
    q.add_argument("name", metavar="NAME", help="annotator name, also the database role")
    q.add_argument("--role", required=True, choices=("annotator", "curator", "coordinator"))
    q.add_argument(
        "--password", help="the role's password (default: a new random one, printed once)"
    )
    q.set_defaults(func=cmd_server_add_member)

    p = command("share", cmd_share, "upload a project to start a team project on a server")
    p.add_argument("url", metavar="URL", help="libpq URL of the team database, as its owner")

    p = command("join", cmd_join, "make a local project linked to a team project", project=False)
    p.add_argument("url", metavar="URL", help="libpq URL, as your own database role")
    p.add_argument("--as", dest="name", required=True, metavar="NAME", help="your member name")
    p.add_argument("--project", "-p", metavar="LOCAL", help="the local project file to make")

    command("sync", cmd_sync, "push this project's changes to its team project, pull others'")

    p = command("assign", cmd_assign, "assign documents to a team member (coordinators)")
    p.add_argument("name", metavar="NAME", help="the member's annotator name")
    p.add_argument("documents", nargs="+", metavar="DOCUMENT", help="document ids")
    p.add_argument("--remove", action="store_true", help="take the documents back instead")

    p = command("progress", cmd_progress, "show each team member's progress")
    p.add_argument("--documents", action="store_true", help="also list every (annotator, document)")


def cmd_assign(args: argparse.Namespace) -> int:
    from annotator.core.sync import progress

    with open_project(args.project) as project:
        changed = progress.assign(project, args.name, args.documents, remove=args.remove)
    verb = "taken back from" if args.remove else "assigned to"
    print(f"{changed} document(s) {verb} {args.name}")
    return 0


def cmd_progress(args: argparse.Namespace) -> int:
    from annotator.core.sync import progress

    with open_project(args.project) as project:
        members, documents = progress.progress(project)
    print(
        f"{'annotator':<16} {'role':<12} {'assigned':>8} {'todo':>6} {'in progress':>11} "
        f"{'done':>6} {'annotations':>11}  last sync"
    )
    for m in members:
        print(
            f"{m.annotator:<16} {m.role:<12} {m.assigned:>8} {m.todo:>6} {m.in_progress:>11} "
            f"{m.done:>6} {m.annotations:>11}  {m.last_sync or 'never'}"
        )
    if args.documents:
        print()
        for d in documents:
            mark = "assigned" if d.assigned else "-"
            print(f"{d.annotator}\t{d.document_id}\t{d.status}\t{d.annotations}\t{mark}")
    return 0
