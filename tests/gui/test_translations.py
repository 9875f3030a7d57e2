"""The translations the program ships: every interface string of the code has a finished
Arabic translation (with Arabic's six plural forms where it counts), nothing translated is gone
from the code, the .qm files the program loads are compiled from the .ts files as they are, and
every interface sentence with inserted parts is composed by the one bidi helper."""

import ast
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"
GUI = ROOT / "annotator" / "gui"


def tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).with_name(name))
    if not Path(found).exists():
        pytest.fail(f"{name} is not installed (PySide6 ships it)")
    return found


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()
    return {
        (context.findtext("name"), message.findtext("source")): message
        for context in root.iter("context")
        for message in context.iter("message")
    }


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> dict[tuple[str, str], ET.Element]:
    """What pyside6-lupdate finds in the code now, as a fresh .ts file."""
    ts = tmp_path_factory.mktemp("lupdate") / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "annotator").rglob("*.py"))
    subprocess.run(
        [tool("pyside6-lupdate"), "-silent", "-no-obsolete", *sources, "-ts", str(ts)],
        check=True,
        capture_output=True,
    )
    return messages(ts)


def test_every_string_of_the_code_has_a_finished_arabic_translation(extracted):
    shipped = messages(TRANSLATIONS / "annotator_ar.ts")
    missing = sorted(set(extracted) - set(shipped))
    assert missing == [], "run tools/update_translations.sh and translate the new entries"
    unfinished = []
    for key, message in shipped.items():
        translation = message.find("translation")
        forms = [f.text for f in translation.iter("numerusform")]
        if translation.get("type") in ("unfinished", "vanished", "obsolete"):
            unfinished.append(key)
        elif message.get("numerus") == "yes" and (len(forms) != 6 or not all(forms)):
            unfinished.append(key)  # Arabic: zero, one, two, few, many, other
        elif message.get("numerus") != "yes" and not translation.text:
            unfinished.append(key)
    assert unfinished == []


def test_nothing_translated_is_gone_from_the_code(extracted):
    shipped = messages(TRANSLATIONS / "annotator_ar.ts")
    assert sorted(set(shipped) - set(extracted)) == []


def test_english_plurals_are_given_for_every_counted_string(extracted):
    counted = {key for key, message in extracted.items() if message.get("numerus") == "yes"}
    english = messages(TRANSLATIONS / "annotator_en.ts")
    assert set(english) == counted
    for message in english.values():
        assert len([f for f in message.iter("numerusform") if f.text]) == 2


@pytest.mark.parametrize("language", ["ar", "en"])
def test_the_shipped_qm_is_compiled_from_the_ts_as_it_is(tmp_path, language):
    fresh = tmp_path / f"annotator_{language}.qm"
    subprocess.run(
        [
            tool("pyside6-lrelease"),
            "-silent",
            "-nounfinished",
            str(TRANSLATIONS / f"annotator_{language}.ts"),
            "-qm",
            str(fresh),
        ],
        check=True,
        capture_output=True,
    )
    shipped = TRANSLATIONS / f"annotator_{language}.qm"
    assert shipped.read_bytes() == fresh.read_bytes(), "run tools/update_translations.sh"


# ------------------------------------------------------------------ composed strings

_TRANSLATE = {"tr", "translate"}
# f-strings of the GUI that no one reads as a sentence: settings keys, SQL, URIs, regexes,
# file names and filters, markup around parts already isolated.
_NOT_SENTENCES = ("window/", "projects/", "?mode=ro", "suggestion_", "PRAGMA", "annotations")


def _calls(tree: ast.AST, names: set[str]):
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name in names:
                yield node


def _literal_text(node: ast.expr) -> str:
    return " ".join(
        v.value for v in ast.walk(node) if isinstance(v, ast.Constant) and isinstance(v.value, str)
    )


# display.py speaks to the terminal before Qt starts: its lines stay English, like the CLI's.
@pytest.mark.parametrize(
    "path", sorted(p for p in GUI.glob("*.py") if p.name != "display.py"), ids=lambda p: p.name
)
def test_interface_text_is_translated_whole_and_composed_by_the_bidi_helper(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    problems = []
    for call in _calls(tree, _TRANSLATE):
        text = call.args[1] if call.func.__dict__.get("attr") == "translate" else call.args[0]
        if not (isinstance(text, ast.Constant) and isinstance(text.value, str)):
            if not isinstance(text, ast.Name | ast.Subscript | ast.Attribute | ast.Call):
                problems.append(f"line {call.lineno}: a sentence built before translation")
            continue
        if "%1" not in text.value:
            continue
        # A template with parts: filled by compose(), never by format(), % or replace().
        node, filled = call, False
        while node in parents and not filled:
            node = parents[node]
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "compose":
                filled = True
            elif isinstance(node, ast.Attribute) and node.attr in ("format", "replace", "arg"):
                break
            elif isinstance(node, ast.Assign | ast.Return | ast.FunctionDef):
                # Kept in a name or returned (a template chosen among several): the scan of
                # f-strings, format() and % below still catches any other way of filling it.
                filled = True
        if not filled:
            problems.append(f"line {call.lineno}: template {text.value!r} not filled by compose")
    for node in ast.walk(tree):
        # No interface sentence is put together with an f-string, format() or %.
        if isinstance(node, ast.JoinedStr):
            words = _literal_text(node)
            if any(marker in words for marker in _NOT_SENTENCES):
                continue
            prose = " ".join(
                part for part in words.replace("<", " <").split() if not part.startswith("<")
            )
            if any(len(w) > 1 and w.isalpha() and w.isascii() for w in prose.split()):
                problems.append(f"line {node.lineno}: f-string sentence {words!r}")
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "format"
            and isinstance(node.func.value, ast.Constant)
        ):
            problems.append(f"line {node.lineno}: str.format sentence")
    assert problems == []
