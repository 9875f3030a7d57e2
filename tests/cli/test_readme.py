"""Every command of the `annotator` tool is documented in README.md."""

import argparse
import re
from pathlib import Path

from annotator.cli import build_parser

README = Path(__file__).resolve().parents[2] / "README.md"


def subcommands():
    parser = build_parser()
    (choices,) = (a.choices for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return sorted(choices)


def test_the_tool_has_the_commands_a_researcher_needs():
    needed = {
        "init",
        "import",
        "import-annotations",
        "export",
        "list",
        "stats",
        "gui",
        "merge",
        "agreement",
        "search",
        "suggest",
        "backup",
        "restore",
        "check",
    }
    assert needed <= set(subcommands())


def test_every_command_is_mentioned_in_the_readme():
    readme = README.read_text(encoding="utf-8")
    # A command counts as documented when it is shown run: `annotator [OPTIONS] COMMAND`.
    options = r"(?:[ \t]+-\S+(?:[ \t]+[^\s-]\S*)?)*"
    missing = [
        name
        for name in subcommands()
        if not re.search(rf"\bannotator{options}[ \t]+{re.escape(name)}(?![\w-])", readme)
    ]
    assert missing == [], f"commands not shown in README.md: {', '.join(missing)}"
