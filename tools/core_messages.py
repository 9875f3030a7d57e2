"""Write annotator/gui/core_messages.py: every message template of the Qt-free core, marked
for pyside6-lupdate (context "core"), so the Arabic interface can translate what the core says.

A template is the first argument of a `Message(...)` call, or a string literal given as the
first argument of an `AnnotatorError` (or subclass) call, anywhere under annotator/core.
tools/update_translations.sh runs this before lupdate; tests/gui/test_core_messages.py fails
when a template of the core is missing from the file (or the file lists one the core lost).
    python tools/core_messages.py
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORE = ROOT / "annotator" / "core"
OUTPUT = ROOT / "annotator" / "gui" / "core_messages.py"


def error_classes() -> set[str]:
    """The names of AnnotatorError and every class the core derives from it (by name)."""
    bases: dict[str, set[str]] = {}
    for path in CORE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                bases[node.name] = {_name(b) for b in node.bases}
    found = {"AnnotatorError"}
    while True:
        more = {name for name, parents in bases.items() if parents & found} - found
        if not more:
            return found
        found |= more


def _name(node: ast.expr) -> str:
    return node.attr if isinstance(node, ast.Attribute) else getattr(node, "id", "")


def message_calls(tree: ast.AST, classes: set[str]) -> Iterator[tuple[ast.Call, bool]]:
    """Each call that makes a message: (call, True) for Message(...), (call, False) for an
    error class given its message."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and node.args:
            name = _name(node.func)
            if name == "Message":
                yield node, True
            elif name in classes:
                yield node, False


def templates() -> tuple[list[str], list[str]]:
    """(templates, plural templates) of the core, each once, in a stable order."""
    classes = error_classes()
    plain: dict[str, None] = {}
    counted: dict[str, None] = {}
    for path in sorted(CORE.rglob("*.py")):
        for call, _ in message_calls(ast.parse(path.read_text(encoding="utf-8")), classes):
            first = call.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                counted_call = any(k.arg == "count" for k in call.keywords)
                (counted if counted_call else plain)[first.value] = None
    return list(plain), list(counted)


def render() -> str:
    plain, counted = templates()
    lines = [
        '"""Every message template of the Qt-free core, for pyside6-lupdate (context "core").',
        "",
        "Written by tools/core_messages.py from annotator/core: do not edit; run",
        "tools/update_translations.sh after changing a message of the core. The interface",
        'translates them in annotator/gui/core_text.py."""',
        "",
        "# ruff: noqa: E501",
        "from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication",
        "",
        "TEMPLATES = (",
        *(f'    QT_TRANSLATE_NOOP("core", {_literal(t)}),' for t in plain),
        ")",
        "",
        "",
        "def counted() -> tuple[str, ...]:",
        '    """The templates with a count (%n): lupdate marks a text plural only where it sees',
        '    translate() given a count, so they are listed as such calls (the count is any)."""',
        "    return (",
        *(f'        QCoreApplication.translate("core", {_literal(t)}, None, 1),' for t in counted),
        "    )",
        "",
    ]
    return "\n".join(lines)


def _literal(text: str) -> str:
    shown = repr(text)
    if shown.startswith("'") and '"' not in text:
        shown = '"' + shown[1:-1].replace("\\'", "'") + '"'
    return shown


def write() -> None:
    """Write the file, laid out by ruff (from PATH or beside this Python) when it is there."""
    OUTPUT.write_text(render(), encoding="utf-8")
    ruff = shutil.which("ruff") or str(Path(sys.executable).with_name("ruff"))
    if Path(ruff).exists():
        subprocess.run([ruff, "format", "-q", str(OUTPUT)], check=False)


if __name__ == "__main__":
    write()
