"""No two actions or mnemonics share a key in the same context, in any state of the windows:
Qt fires neither of two (it calls them ambiguous), so the key would silently do nothing."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import pytest
from PySide6.QtCore import Qt, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QGroupBox,
    QLabel,
    QMenu,
    QMenuBar,
    QTabBar,
    QWidget,
)

from annotator.core.formats import jsonl
from annotator.core.paths import seeds_dir

ALT = Qt.KeyboardModifier.AltModifier
HANIYEH = "إسماعيل هنية"
CLAIM = "إيران تقف إلى جانب الحق الفلسطيني"
PORTABLE = QKeySequence.SequenceFormat.PortableText


@dataclass(frozen=True)
class Binding:
    """A key that does something while the focus is inside `scope`."""

    keys: str
    owner: str
    scope: QWidget


def _usable(widget: QWidget) -> bool:
    return widget.isVisible() and widget.isEnabled()


def _action_scopes(action: QAction, top: QWidget) -> list[QWidget]:
    """Where the focus must be for Qt to fire the action's shortcut (empty: nowhere)."""
    if not action.isEnabled():
        return []
    widgets = [
        w
        for w in action.associatedObjects()
        if isinstance(w, QWidget) and not isinstance(w, QMenu | QMenuBar) and w.window() is top
    ]
    context = action.shortcutContext()
    if context in (Qt.ShortcutContext.WindowShortcut, Qt.ShortcutContext.ApplicationShortcut):
        return [top] if any(_usable(w) for w in widgets) or _in_menu(action, top) else []
    return [w for w in widgets if _usable(w)]


def _in_menu(action: QAction, top: QWidget) -> bool:
    return any(
        isinstance(m, QMenu) and m.window() is not None and top.isAncestorOf(m)
        for m in action.associatedObjects()
    )


def bindings(top: QWidget) -> list[Binding]:
    """Every key of the window `top` that Qt would act on now: action shortcuts and the
    Alt+letter mnemonics of labels with a buddy, buttons, group boxes, tabs and menus."""
    found: set[Binding] = set()
    for action in top.findChildren(QAction):
        for scope in _action_scopes(action, top):
            for sequence in action.shortcuts():
                name = action.text().replace("&", "") or action.objectName()
                found.add(Binding(sequence.toString(PORTABLE), f"action «{name}»", scope))

    def mnemonic(widget: QWidget, text: str, kind: str) -> None:
        sequence = QKeySequence.mnemonic(text)
        if not sequence.isEmpty() and _usable(widget):
            found.add(Binding(sequence.toString(PORTABLE), f"{kind} «{text}»", top))

    for label in top.findChildren(QLabel):
        if label.buddy() is not None:
            mnemonic(label, label.text(), "label")
    for button in top.findChildren(QAbstractButton):
        mnemonic(button, button.text(), "button")
    for box in top.findChildren(QGroupBox):
        mnemonic(box, box.title(), "group")
    for bar in top.findChildren(QTabBar):
        for index in range(bar.count()):
            if bar.isTabVisible(index) and bar.isTabEnabled(index):
                mnemonic(bar, bar.tabText(index), "tab")
    for bar in top.findChildren(QMenuBar):
        for action in bar.actions():
            if action.isVisible() and action.isEnabled():
                mnemonic(bar, action.text(), "menu")
    return sorted(found, key=lambda b: (b.keys, b.owner))


def collisions(top: QWidget) -> list[str]:
    """Pairs of bindings of one key that a single focus position makes both active."""
    by_keys: dict[str, list[Binding]] = defaultdict(list)
    for binding in bindings(top):
        by_keys[binding.keys].append(binding)
    found = []
    for keys, group in by_keys.items():
        for n, a in enumerate(group):
            for b in group[n + 1 :]:
                if a.owner == b.owner:
                    continue
                nested = a.scope is b.scope or a.scope.isAncestorOf(b.scope)
                if nested or b.scope.isAncestorOf(a.scope):
                    found.append(f"{keys}: {a.owner} and {b.owner}")
    return sorted(set(found))


def _with_suggestions(window, project):
    window.suggestions.run()
    assert window.suggestions.current_id is not None


def _speaker_selected(window, project):
    text = window.workbench.text
    start = text.index(HANIYEH)
    window.workbench.select(window.workbench.tag("speaker", start, start + len(HANIYEH)))


def _claim_selected(window, project):
    _speaker_selected(window, project)
    start = window.workbench.text.index(CLAIM)
    claim = window.workbench.tag("claim", start, start + len(CLAIM))
    window.workbench.select(claim)
    window.side_panel.editor.stances.add_button.click()


def _find_bar_open(window, project):
    window.actions["find"].trigger()
    assert window.find_bar.isVisible()


def _everything(window, project):
    _with_suggestions(window, project)
    _claim_selected(window, project)
    _find_bar_open(window, project)


def _other_annotators_shown(window, project):
    jsonl.import_annotations(project, seeds_dir() / "000_41ac67127a0642cf.colleague.jsonl", "omar")
    window.actions["show_others"].trigger()
    window.refresh()
    other = next(a for a in window.workbench.visible_annotations() if a.annotator == "omar")
    window.workbench.select(other.id)


STATES = {
    "nothing selected": lambda window, project: None,
    "suggestions to decide": _with_suggestions,
    "speaker selected": _speaker_selected,
    "claim selected": _claim_selected,
    "find bar open": _find_bar_open,
    "all at once": _everything,
    "another annotator's claim": _other_annotators_shown,
}


@pytest.mark.parametrize("state", STATES)
def test_no_key_does_two_things_in_the_main_window(window, project, state):
    STATES[state](window, project)
    assert bindings(window), "the walk found no keys at all"
    assert collisions(window) == []


def test_no_key_does_two_things_in_the_review_window(window, project):
    jsonl.import_annotations(project, seeds_dir() / "000_41ac67127a0642cf.colleague.jsonl", "omar")
    window.workbench.tag("speaker", 0, 5)
    window.open_review()
    review = window._review
    review.select_row(0)
    assert bindings(review)
    assert collisions(review) == []
    review.close()


def test_the_walk_sees_a_collision(qtbot):
    """The check itself: two window actions on one key are reported."""
    top = QWidget()
    qtbot.addWidget(top)
    for name in ("one", "two"):
        action = QAction(name, top)
        action.setShortcut(QKeySequence("Ctrl+K"))
        top.addAction(action)
    top.show()
    assert collisions(top) == ["Ctrl+K: action «one» and action «two»"]


@pytest.fixture
def qt_messages():
    """Qt's warnings while the test runs."""
    messages: list[str] = []

    def handler(kind, _context, message):
        if kind in (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtDebugMsg):
            messages.append(message)

    previous = qInstallMessageHandler(handler)
    yield messages
    qInstallMessageHandler(previous)


def test_backspace_and_alt_layer_keys_act_without_ambiguity(window, qt_messages):
    wb = window.workbench

    def press(key, modifiers=Qt.KeyboardModifier.NoModifier):
        QTest.keyClick(window.article, key, modifiers)
        assert not [m for m in qt_messages if "mbiguous" in m]

    _with_suggestions(window, None)
    suggestions = len(window.suggestions.model.suggestions)

    # With a claim selected (its form showing), Alt+S and Alt+C still tag the exact selection.
    _claim_selected(window, None)
    window.article.setFocus()
    start = wb.text.index("العميد قاآني")
    window.article.select_span(start + 2, start + 6)
    press(Qt.Key.Key_S, ALT)
    speaker = wb.selected()
    assert (speaker.layer, speaker.start, speaker.end) == ("speaker", start + 2, start + 6)
    window.article.select_span(start + 7, start + 10)
    press(Qt.Key.Key_C, ALT)
    claim = wb.selected()
    assert (claim.layer, claim.start, claim.end) == ("claim", start + 7, start + 10)

    # Backspace deletes the selected annotation, though a suggestion is waiting too.
    press(Qt.Key.Key_Backspace)
    assert wb.annotation(claim.id) is None
    assert len(window.suggestions.model.suggestions) == suggestions
    # With no annotation selected, Backspace rejects the current suggestion.
    wb.select(None)
    window.suggestions.step(+1)
    window.article.setFocus()
    press(Qt.Key.Key_Backspace)
    assert len(window.suggestions.model.suggestions) == suggestions - 1
    assert not window.actions["delete"].isEnabled()
