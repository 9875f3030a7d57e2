"""Kinds of fault an Arabic reader found walking the Arabic interface in real windows: numbers
that ignore the digit setting, key sequences shown in the wrong order or with Arabic key
names, a toolbar undo text that lost its ellipsis, Arabic field labels with Alt letters no
Latin keyboard types, an F1 help whose keys ran into their descriptions, a stale count."""

import re

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFontMetrics, QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLabel,
    QStyleOptionViewItem,
    QTableView,
)

from annotator.core import bidi
from annotator.core.bidi import LRI, PDI, compose, ltr, number, plain
from annotator.core.formats import jsonl
from annotator.core.paths import seeds_dir
from annotator.gui import language
from annotator.gui.agreement_dialog import AgreementDialog, counted, explain
from annotator.gui.file_dialogs import _dialog
from annotator.gui.keys import MenuKeysStyle, key_text
from annotator.gui.models import TextDirectionDelegate
from annotator.gui.shortcut_help import ShortcutHelp
from tests.gui.test_bidi_order import LTR, RTL, boxes, centre

SEED = "000_41ac67127a0642cf"
WESTERN = re.compile("[0-9]")
EASTERN = re.compile("[\u0660-\u0669]")


@pytest.fixture(params=["western", "arabic"])
def digits(request, qapp):
    language.apply("ar", request.param)
    yield request.param
    language.apply("en")


@pytest.fixture
def arabic(qapp):
    language.apply("ar")
    yield
    language.apply("en")


def in_order(text: str, part: str, direction: Qt.LayoutDirection) -> bool:
    """Whether the characters of `part` (inside `text`) are laid out left to right."""
    at = boxes(text, direction)
    start = plain(text).find(plain(part))
    assert start >= 0
    # `text` may hold controls before `part`: find its characters in `text` itself.
    indexes = [i for i, ch in enumerate(text) if ch not in "\u2066\u2067\u2068\u2069"]
    xs = [centre(at[indexes[start + k]]) for k in range(len(plain(part)))]
    return xs == sorted(xs)


@pytest.mark.parametrize("direction", [LTR, RTL])
def test_a_unit_count_reads_n_equals_its_number(qapp, direction):
    text = compose("%1  %2", number(0.712, 3), counted(327))
    assert in_order(text, "n=327", direction)
    text = compose("غير معرَّف  (%1)", counted(12))
    assert in_order(text, "n=12", direction)


@pytest.mark.parametrize("keys", ["Ctrl++", "Ctrl+-", "Alt+Left", "Ctrl+Shift+Return"])
def test_a_key_sequence_reads_as_written_in_an_arabic_line(arabic, keys):
    shown = key_text(keys)
    assert plain(shown) == keys.replace("Return", "Enter")
    assert in_order(compose("تكبير الخط (%1)", shown), plain(shown), RTL)


def test_menus_show_latin_key_names_isolated(arabic):
    # Qt's catalogue says «اليسار» for Left; ours keeps the glossary's Latin key names.
    assert QKeySequence("Alt+Left").toString(QKeySequence.SequenceFormat.NativeText) == "Alt+Left"
    assert isinstance(QApplication.instance().style(), MenuKeysStyle)


def test_plural_counts_follow_the_digit_setting(digits, open_window, qtbot):
    window = open_window()
    window.suggestions.actions["suggest"].trigger()  # F7
    panel = window.suggestion_panel
    count = window.suggestions.model.rowCount()
    assert count > 10
    for text in (panel.count.text(), window.statusBar().currentMessage()):
        assert plain(number(count)) in text
        assert not (EASTERN if digits == "western" else WESTERN).search(re.sub("F8|Ctrl", "", text))
    assert "اقتراحًا للبتّ فيها" in panel.count.text()


def test_the_status_bar_count_follows_accept_and_reject(open_window, qtbot):
    window = open_window()
    actions = window.suggestions.actions
    actions["suggest"].trigger()  # F7
    before = window.suggestions.model.rowCount()
    actions["reject"].trigger()  # Backspace
    actions["accept"].trigger()  # Enter
    left = window.suggestions.model.rowCount()
    assert left < before
    assert window.statusBar().currentMessage().startswith(f"{left} suggestions to decide")


def test_agreement_texts_write_numbers_in_the_digit_setting(digits, project, qtbot):
    for name, kind in (("amal", "gold"), ("colleague", "colleague")):
        jsonl.import_annotations(project, seeds_dir() / f"{SEED}.{kind}.jsonl", name)
    dialog = AgreementDialog(project)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.compute()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=30000)
    legend = next(label for label in dialog.findChildren(QLabel) if "كابا" in label.text())
    notes = [
        explain(
            "one category only: both annotators gave every unit the same value, so chance "
            "agreement is 1 and kappa is not defined",
            "",
        ),
        counted(327),
    ]
    wrong = EASTERN if digits == "western" else WESTERN
    for text in (legend.text(), dialog.chart_title.text(), *notes):
        assert not wrong.search(plain(text).replace("F1", "")), text
    assert plain(number(0.67)) in dialog.chart_title.text()


def test_the_toolbar_undo_button_keeps_the_ellipsis_and_redo_says_iaada(arabic, open_window):
    window = open_window()
    text = window.workbench.text
    start = text.index(" ") + 1
    window.workbench.tag("claim", start, start + 60)
    undo = window.actions.named["undo"]
    button = window.toolbar.widgetForAction(undo)
    assert plain(button.text()) == plain(undo.text())
    assert plain(button.text()).endswith("…»")
    undo.trigger()
    redo = window.actions.named["redo"]
    assert plain(redo.text()).startswith("إعادة ")
    assert plain(window.toolbar.widgetForAction(redo).text()).endswith("…»")


def test_arabic_field_labels_take_latin_alt_letters_none_twice(arabic, open_window, tag):
    window = open_window()
    claim = tag("claim", window.workbench.text.split()[3])
    window.workbench.select(claim)
    letters = []
    for label in window.side_panel.findChildren(QLabel):
        if label.buddy() is None or not label.isVisibleTo(window):
            continue
        mnemonic = re.search("&(.)", plain(label.text()).replace("&&", ""))
        assert mnemonic, label.text()
        assert mnemonic[1].isascii() and mnemonic[1].isalpha(), label.text()
        letters.append(mnemonic[1].lower())
    assert letters and len(letters) == len(set(letters))


def test_the_f1_help_is_a_table_of_actions_and_latin_keys_sized_to_its_content(arabic, open_window):
    window = open_window()
    dialog = ShortcutHelp(window.actions, window)
    dialog.show()
    table = dialog.table
    metrics = QFontMetrics(table.font())
    keyed = 0
    for row in range(table.rowCount()):
        keys = table.item(row, 1)
        if keys is None:
            continue
        keyed += 1
        for part in keys.text().split(" / "):
            assert part.startswith(LRI) and part.endswith(PDI), part
            assert re.fullmatch(r"[\x20-\x7e]+", plain(part)), part  # Latin key names only
        for column in (0, 1):
            needed = metrics.horizontalAdvance(table.item(row, column).text())
            assert table.columnWidth(column) > needed, table.item(row, column).text()
    assert keyed > 30
    # Both columns in view: nothing to scroll sideways, and the dialog holds them.
    assert table.horizontalScrollBar().maximum() == 0
    assert dialog.width() >= table.columnWidth(0) + table.columnWidth(1)
    dialog.close()


def test_translations_write_no_digits_of_their_own():
    """Numbers are placeholders filled in the digit setting; a translation holding Arabic-Indic
    digits would show them while the setting says Western."""
    text = (language.translations_dir() / "annotator_ar.ts").read_text(encoding="utf-8")
    translations = re.findall(r"<(?:translation|numerusform)>([^<]*)<", text)
    offending = [t for t in translations if EASTERN.search(t.replace("(٠١٢)", ""))]
    assert offending == []


def test_plural_counts_stay_western_in_english(qapp):
    language.apply("en", "western")
    text = QCoreApplication.translate("SuggestionPanel", "%n to decide", "", 32)
    assert text == "32 to decide"
    assert bidi.digits() == "western"


def test_a_cell_too_narrow_cuts_a_latin_name_with_the_mark_after_it(arabic, qtbot):
    model = QStandardItemModel(1, 1)
    model.setItem(0, 0, QStandardItem(compose("%1: %2", "المتحدث", ltr("Esmail Qaani Haniyeh"))))
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    delegate = TextDirectionDelegate(view)
    view.setItemDelegate(delegate)
    view.setColumnWidth(0, 150)
    view.show()
    option = QStyleOptionViewItem()
    option.initFrom(view.viewport())
    option.widget = view
    option.rect = view.visualRect(model.index(0, 0))
    delegate.initStyleOption(option, model.index(0, 0))
    shown = option.text
    assert plain(shown).endswith("…") and shown.endswith("…\u200e" + PDI)
    # Laid out right to left, the mark is right of the Latin letters it follows.
    at = boxes(shown, RTL)
    mark = shown.index("…")
    latin = [i for i, ch in enumerate(shown) if ch.isascii() and ch.isalpha()]
    assert centre(at[mark]) > max(centre(at[i]) for i in latin)


@pytest.mark.parametrize(
    "text, follow_text",
    [
        # A row built without isolating the name, and a whole-Latin row laid out in the
        # interface's right-to-left direction (lists of composed rows): the tester saw
        # «المتحدث: …Esm» and «…Esmail Qaani».
        ("المتحدث: Esmail Qaani Commander of the Quds Force", True),
        ("Esmail Qaani Commander of the Quds Force", False),
        (compose("%1 — %2", "العميد قآني", ltr("Esmail Qaani Commander")), False),
    ],
)
def test_a_cut_latin_run_in_a_right_to_left_row_has_the_mark_on_its_right(
    arabic, qtbot, text, follow_text
):
    model = QStandardItemModel(1, 1)
    model.setItem(0, 0, QStandardItem(text))
    view = QTableView()
    qtbot.addWidget(view)
    view.setLayoutDirection(RTL)
    view.setModel(model)
    delegate = TextDirectionDelegate(view)
    delegate.follow_text = follow_text
    view.setItemDelegate(delegate)
    view.setColumnWidth(0, 150)
    view.show()
    option = QStyleOptionViewItem()
    option.initFrom(view.viewport())
    option.widget = view
    option.rect = view.visualRect(model.index(0, 0))
    delegate.initStyleOption(option, model.index(0, 0))
    shown = option.text
    assert plain(shown).endswith("…") and plain(shown) != plain(text)
    at = boxes(shown, option.direction)
    mark = shown.index("…")
    latin = [i for i, ch in enumerate(shown) if ch.isascii() and ch.isalpha()]
    assert latin, shown
    # «Esm…»: the mark right of the last Latin letter kept, not left of the first.
    assert centre(at[mark]) > max(centre(at[i]) for i in latin), shown


def test_the_file_dialogs_look_in_and_type_labels_are_arabic(arabic, qtbot, tmp_path):
    dialog = _dialog(None, "فتح", str(tmp_path), "")
    qtbot.addWidget(dialog)
    for label in (QFileDialog.DialogLabel.LookIn, QFileDialog.DialogLabel.FileType):
        text = dialog.labelText(label)
        assert not re.search("[A-Za-z]{2,}", text) and re.search("[\u0600-\u06ff]", text), text
