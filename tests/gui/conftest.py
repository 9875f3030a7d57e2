"""A project with the seed article, and a workbench on it for the annotator "amal"."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import QCoreApplication, QEvent, QSettings, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from shiboken6 import isValid  # noqa: E402

from annotator.core.formats.txt import read_articles  # noqa: E402
from annotator.core.store.project import Project  # noqa: E402
from annotator.gui import language  # noqa: E402
from annotator.gui.app import load_fonts  # noqa: E402
from annotator.gui.main_window import MainWindow  # noqa: E402
from annotator.gui.workbench import Workbench  # noqa: E402

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture(autouse=True, scope="session")
def english_interface(qapp):
    """The window in English, as a researcher who chose English sees it."""
    language.apply("en")


@pytest.fixture
def project(tmp_path):
    project = Project.create(tmp_path / "news.annotator")
    project.import_texts(read_articles([SEEDS]))
    yield project
    project.close()


@pytest.fixture
def workbench(qapp, project):
    workbench = Workbench(project, "amal")
    workbench.open_document(project.documents()[0].id)
    return workbench


@pytest.fixture
def tag(workbench):
    """Tag the first occurrence of some words of the open document, as a selection would."""

    def tag(layer: str, words: str, occurrence: int = 1) -> str:
        start = -1
        for _ in range(occurrence):
            start = workbench.text.index(words, start + 1)
        annotation_id = workbench.tag(layer, start, start + len(words))
        assert annotation_id is not None
        return annotation_id

    return tag


@pytest.fixture
def type_text():
    """Type into a widget key by key; unlike `qtbot.keyClicks` it takes Arabic letters too."""

    def type_text(widget, text: str) -> None:
        for ch in text:
            QTest.sendKeyEvent(
                QTest.KeyAction.Click,
                widget,
                Qt.Key.Key_unknown,
                ch,
                Qt.KeyboardModifier.NoModifier,
            )

    return type_text


@pytest.fixture
def settings(tmp_path):
    """The window's settings in a file of the test's own, never the user's."""
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def open_window(qtbot, project, settings):
    """Open the main window on `project` for "amal", shown and focused on the article; call
    again to reopen, as at the next start."""
    load_fonts()
    opened: list[MainWindow] = []

    def open_window() -> MainWindow:
        window = MainWindow(project, "amal", settings)
        opened.append(window)
        # The offscreen screen is 800x600; tests that count lines expect the designed size.
        window.resize(1280, 800)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        window.article.setFocus()
        return window

    yield open_window
    # Closed and deleted before the project closes: a window left waiting for deletion read
    # the closed project at a later test's change of language, and PySide crashed.
    for window in opened:
        if isValid(window):
            window.close()
            window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def window(open_window):
    return open_window()
