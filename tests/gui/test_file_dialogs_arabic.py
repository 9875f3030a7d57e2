"""Qt's file dialog in the Arabic interface reads right: the filter's name before its patterns
and the patterns in their order, the folder path and file names as written, sizes in Arabic
words and the interface's digits, and the filter still choosing the files listed."""

import os

import pytest
from PySide6.QtCore import QCoreApplication, QDateTime
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QStyleOptionViewItem

from annotator.core.bidi import plain, set_digits
from annotator.core.formats import EXPORTS
from annotator.gui import file_dialogs, language
from annotator.gui.app import load_fonts
from annotator.gui.export_dialog import save_filter
from tests.gui.test_arabic_interface import english_left
from tests.gui.test_bidi_order import LTR, RTL, boxes, centre

ARTICLES = "Articles (*.txt *.csv *.tsv *.jsonl);;All files (*)"


@pytest.fixture
def arabic(qapp):
    load_fonts()
    language.apply("ar")
    yield
    language.apply("en")
    set_digits("western")


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "000_41ac67127a0642cf.txt").write_text("x" * 6974, encoding="utf-8")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG")
    return tmp_path


def open_dialog(qtbot, folder, filter_=None):
    filter_ = filter_ or QCoreApplication.translate("MainWindow", ARTICLES)
    dialog = file_dialogs._dialog(None, "x", str(folder), filter_)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def listed(dialog) -> list[str]:
    view = dialog.findChild(QAbstractItemView, "listView")
    root = view.rootIndex()
    model = view.model()
    return sorted(model.index(r, 0, root).data() for r in range(model.rowCount(root)))


def order_of(text: str, direction) -> str:
    """The characters of `text` as laid out from left to right (controls left out)."""
    at = boxes(text, direction)
    return "".join(
        ch
        for _, ch in sorted(
            (centre(at[i]), ch) for i, ch in enumerate(text) if at[i][0] == at[i][0]
        )
    )


@pytest.mark.parametrize(("lang", "direction"), [("ar", RTL), ("en", LTR)])
def test_the_filter_reads_name_then_patterns_in_order(qapp, qtbot, folder, lang, direction):
    load_fonts()
    language.apply(lang)
    try:
        dialog = open_dialog(qtbot, folder)
        shown = dialog.findChild(QComboBox, "fileTypeCombo").currentText()
    finally:
        language.apply("en")
    laid = order_of(shown, direction)
    assert "*.txt *.csv *.tsv *.jsonl" in laid  # the patterns left to right, as written
    name = "تالاقملا" if lang == "ar" else "Articles"  # Arabic laid out: its letters reversed
    # The name first in reading order: right of the patterns in Arabic, left of them in English.
    assert (laid.index(name) > laid.index("*.txt")) == (lang == "ar")


def test_the_filter_still_chooses_the_files(arabic, qtbot, folder):
    dialog = open_dialog(qtbot, folder)
    qtbot.waitUntil(lambda: listed(dialog) == ["000_41ac67127a0642cf.txt"])
    dialog.selectNameFilter(dialog.nameFilters()[1])  # all files
    qtbot.waitUntil(lambda: listed(dialog) == ["000_41ac67127a0642cf.txt", "photo.png"])


def cell_text(dialog, name: str, column: int) -> str:
    view = dialog.findChild(QAbstractItemView, "treeView")
    model = view.model()
    index = model.index(os.path.join(dialog.directory().absolutePath(), name), column)
    option = QStyleOptionViewItem()
    option.rect = view.visualRect(index).adjusted(0, 0, 400, 0)  # wide: nothing cut
    option.widget = view
    view.itemDelegate().initStyleOption(option, index)
    return option.text


@pytest.mark.parametrize(
    ("digits", "size"), [("western", "6.81 كيلوبايت"), ("arabic", "٦٫٨١ كيلوبايت")]
)
def test_sizes_and_dates_are_written_for_an_arabic_reader(arabic, qtbot, folder, digits, size):
    set_digits(digits)
    dialog = open_dialog(qtbot, folder)
    name = "000_41ac67127a0642cf.txt"
    qtbot.waitUntil(lambda: name in listed(dialog))
    assert plain(cell_text(dialog, name, 1)) == size
    assert order_of(cell_text(dialog, name, 0), RTL) == name
    day = QDateTime.currentDateTime().toString("yyyy-MM-dd")
    assert order_of(cell_text(dialog, name, 3), RTL).startswith(day)
    details = dialog.findChild(QAbstractItemView, "treeView")
    date = plain(cell_text(dialog, name, 3))
    assert details.header().sectionSize(3) > details.fontMetrics().horizontalAdvance(date)  # whole


class Recording(file_dialogs._IsolatedLabel):
    """The dialog's style for the folder box, noting each text the base style draws."""

    def __init__(self):
        super().__init__()
        self.drawn: list[str] = []

    def drawItemText(self, painter, rect, flags, palette, enabled, text, role=None):  # noqa: N802
        self.drawn.append(text)
        super().drawItemText(painter, rect, flags, palette, enabled, text)


def test_the_folder_path_reads_as_written(arabic, qtbot, folder):
    dialog = open_dialog(qtbot, folder)
    look_in = dialog.findChild(QComboBox, "lookInCombo")
    recording = Recording()
    look_in.setStyle(recording)
    look_in.resize(900, look_in.height())  # the whole path fits
    look_in.grab()
    assert recording.drawn
    assert order_of(recording.drawn[-1], RTL) == str(folder)


@pytest.mark.parametrize("name", sorted(n for n, f in EXPORTS.items() if not f.folder))
def test_the_export_save_dialog_names_the_format_in_arabic(arabic, qtbot, folder, name):
    dialog = open_dialog(qtbot, folder, save_filter(EXPORTS[name]))
    shown = dialog.findChild(QComboBox, "fileTypeCombo").currentText()
    assert english_left(shown) == [], shown
    assert dialog.nameFilters() and EXPORTS[name].suffix in dialog.nameFilters()[0]
