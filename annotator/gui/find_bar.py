"""The find bar: Arabic-aware search in the open article (hits painted, next/previous, a count)
and across the project (a result list); a hit can be tagged directly."""

from __future__ import annotations

import bisect
import time
from collections.abc import Iterable, Sequence

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QColor,
    QKeySequence,
    QResizeEvent,
    QTextBlock,
    QTextCharFormat,
    QTextLayout,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from annotator.core.arabic.search import DocumentHits, Hit, SearchIndex, SearchOptions
from annotator.core.arabic.text import snap_to_words
from annotator.core.bidi import compose, ltr, number
from annotator.gui.article_text import ArticleText
from annotator.gui.find_results import HitDelegate, HitList
from annotator.gui.workbench import Workbench

PROJECT_LIMIT = 2000  # hits listed for the whole project; the count says when there are more
TYPING_DELAY_MS = 150
PROJECT_SLICE_S = 0.03  # folding the project's texts for a search, between events

# (option, label) in the order of the options menu.
OPTION_LABELS = (
    ("tashkeel", QT_TRANSLATE_NOOP("FindBar", "Ignore tashkeel (harakat, shadda, sukun, tanwin)")),
    ("tatweel", QT_TRANSLATE_NOOP("FindBar", "Ignore tatweel")),
    ("hamza", QT_TRANSLATE_NOOP("FindBar", "Ignore hamza on alef (أ إ آ ٱ = ا)")),
    ("final_letters", QT_TRANSLATE_NOOP("FindBar", "Ignore ى/ي and ة/ه")),
    ("digits", QT_TRANSLATE_NOOP("FindBar", "Arabic-Indic digits = Latin digits")),
    ("case", QT_TRANSLATE_NOOP("FindBar", "Ignore Latin case")),
    ("article", QT_TRANSLATE_NOOP("FindBar", "Ignore the article (الكتاب = كتاب)")),
    ("proclitics", QT_TRANSLATE_NOOP("FindBar", "Ignore proclitics و ف ب ل ك")),
    ("whole_words", QT_TRANSLATE_NOOP("FindBar", "Whole words only")),
)


class SpanMarks:
    """Spans painted under an article's text, like annotation highlights (see `Highlights`),
    but for things that are not annotations and are few: suggestions (search hits, which may
    be millions, have their own layer, `HitMarks`). `ranges(block)` is all an `ArticleText`
    asks of a highlight layer."""

    def __init__(self, view: ArticleText):
        self._view = view
        self._spans: list[tuple[int, int, QTextCharFormat]] = []  # UTF-16 positions, by start
        self._starts: list[int] = []
        self._reach = 0  # no span is longer

    def set_spans(self, spans: Iterable[tuple[int, int, QTextCharFormat]]) -> None:
        offsets = self._view.offsets
        found = [(offsets.to_utf16(s), offsets.to_utf16(e), f) for s, e, f in spans]
        self._spans = sorted(found, key=lambda s: s[0])
        self._starts = [s[0] for s in self._spans]
        self._reach = max((e - s for s, e, _ in self._spans), default=0)
        self._view.viewport().update()

    def ranges(
        self, block: QTextBlock, first: int = 0, last: int | None = None
    ) -> list[QTextLayout.FormatRange]:
        """The ranges meeting part of a block (UTF-16 positions in it; see
        `Highlights.ranges`), found by bisection over the spans' starts."""
        origin, length = block.position(), block.length() - 1
        last = length if last is None else min(last, length)
        low = bisect.bisect_left(self._starts, origin + first - self._reach)
        high = bisect.bisect_left(self._starts, origin + max(last, first + 1))
        ranges = []
        for start, end, fmt in self._spans[low:high]:
            left, right = max(start - origin, 0), min(end - origin, length)
            if right <= left or right <= first or left >= last:
                continue
            item = QTextLayout.FormatRange()
            item.start, item.length, item.format = left, right - left, fmt
            ranges.append(item)
        return ranges


class HitMarks:
    """The find bar's hits painted under the article's text, the current one in its own
    colour. A layer like `SpanMarks`, but nothing is filed: a paint asks for the hits
    meeting the lines it draws (`DocumentHits.between`, by bisection), so showing a search
    or stepping to the next hit costs the hits on screen, however many the article has."""

    def __init__(self, view: ArticleText):
        self._view = view
        self._hits: Sequence[Hit] = []
        self._current = -1
        self.hit_format = background("#ffd400", 0.45)
        # Green, so the current hit never looks like a speaker (orange) or a claim (blue).
        self.current_format = background("#19b35a", 0.6)

    def show(self, hits: Sequence[Hit], current: int) -> None:
        """Paint these hits (a `DocumentHits`, or an empty list), hit number `current` as
        the current one."""
        self._hits, self._current = hits, current
        self._view.viewport().update()

    def ranges(
        self, block: QTextBlock, first: int = 0, last: int | None = None
    ) -> list[QTextLayout.FormatRange]:
        """The ranges meeting part of a block (UTF-16 positions in it; see
        `Highlights.ranges`)."""
        if not isinstance(self._hits, DocumentHits):
            return []
        offsets = self._view.offsets
        origin, length = block.position(), block.length() - 1
        last = length if last is None else min(last, length)
        start = offsets.to_codepoint(origin + first)
        end = offsets.to_codepoint(origin + max(last, first + 1))
        ranges = []
        for index, hit in self._hits.between(start, end):
            left = max(offsets.to_utf16(hit.start) - origin, 0)
            right = min(offsets.to_utf16(hit.end) - origin, length)
            if right <= left or right <= first or left >= last:
                continue
            item = QTextLayout.FormatRange()
            item.start, item.length = left, right - left
            item.format = self.current_format if index == self._current else self.hit_format
            ranges.append(item)
        return ranges


def background(color: str, alpha: float) -> QTextCharFormat:
    fill = QColor(color)
    fill.setAlphaF(alpha)
    fmt = QTextCharFormat()
    fmt.setBackground(fill)
    fmt.setForeground(QColor(Qt.GlobalColor.transparent))  # the text is drawn once, above
    return fmt


def attach(view: ArticleText, marks: SpanMarks) -> None:
    """Paint `marks` in `view`, when the view takes extra highlight layers."""
    layers = getattr(view, "extra_layers", None)
    if layers is not None:
        layers.append((marks, "full"))


_ROOT = QModelIndex()


QUERY_WIDTH_EM = 14  # the query box's width, in widths of "M": typing never shrinks it
COUNT_WIDTH_EM = 22  # the count's width: a longer count is cut with «…», whole in its tooltip


class CountLabel(QLabel):
    """The find bar's count in a fixed width: a text too long for it is drawn cut with «…» and
    shown whole in the tooltip, so a longer count never moves the bar or the window."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._full = ""
        self.setFixedWidth(self.fontMetrics().horizontalAdvance("M") * COUNT_WIDTH_EM)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        self._full = text
        self.setToolTip(text)
        self._elide()

    def text(self) -> str:
        """The whole count, as set (what is drawn may be cut)."""
        return self._full

    def shown(self) -> str:
        """The text drawn now: the count, cut with «…» when it does not fit."""
        return super().text()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        elided = self.fontMetrics().elidedText(
            self._full, Qt.TextElideMode.ElideRight, self.width()
        )
        super().setText(elided)


class FindBar(QWidget):
    """Ctrl+F: type a query, see every hit in the article and the count, step with Enter and
    Shift+Enter (F3, Shift+F3), tag the current hit; "All documents" lists the project's hits."""

    # the hits of the open document changed (after a search or a document change)
    hits_changed = Signal()

    def __init__(self, workbench: Workbench, view: ArticleText, parent: QWidget | None = None):
        super().__init__(parent)
        self.workbench = workbench
        self.view = view
        self.index = SearchIndex(workbench.project)
        self.options = SearchOptions()
        # The open document's hits, read lazily: a search keeps match offsets, not objects.
        self.hits: Sequence[Hit] = []
        self.current = -1
        self._project_count = 0  # hits in the project, when all documents are listed
        self._project_search = 0  # the number of the latest search, for the project's list
        self._folding_left = 0  # documents the project search still has to fold
        self.marks = HitMarks(view)
        attach(view, self.marks)
        self._timer = QTimer(self, singleShot=True, interval=TYPING_DELAY_MS)
        self._timer.timeout.connect(self.search)
        self._build()
        self.actions = self._build_actions()
        workbench.document_opened.connect(self._on_document_opened)
        self.hide()

    # ------------------------------------------------------------------ building

    def _build(self) -> None:
        self.query = QLineEdit(self)
        self.query.setPlaceholderText(self.tr("Find (ignores tashkeel, tatweel, hamza…)"))
        self.query.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.query.setClearButtonEnabled(True)
        self.query.textChanged.connect(lambda _text: self._timer.start())
        self.query.installEventFilter(self)
        self.query.setFixedWidth(self.fontMetrics().horizontalAdvance("M") * QUERY_WIDTH_EM)
        self.count = CountLabel(self)
        # Arrows point the way of reading: "next" is to the left in a right-to-left interface.
        back, forward = ("▶", "◀") if self.isRightToLeft() else ("◀", "▶")
        self.previous_button = self._button(back, self.tr("Previous hit (Shift+Enter, Shift+F3)"))
        self.next_button = self._button(forward, self.tr("Next hit (Enter, F3)"))
        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(+1))
        self.option_actions: dict[str, QAction] = {}
        menu = QMenu(self)
        for name, label in OPTION_LABELS:
            action = menu.addAction(QCoreApplication.translate("FindBar", label))
            action.setCheckable(True)
            action.setChecked(getattr(self.options, name))
            action.toggled.connect(self._on_option_toggled)
            self.option_actions[name] = action
        self.options_button = self._button(self.tr("Options"), self.tr("What the search ignores"))
        self.options_button.setMenu(menu)
        self.options_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.all_documents = self._button(
            self.tr("All documents"), self.tr("List the hits of every document")
        )
        self.all_documents.setCheckable(True)
        self.all_documents.toggled.connect(self._on_all_documents_toggled)
        self.tag_buttons: dict[str, QToolButton] = {}
        row = QHBoxLayout()
        row.setContentsMargins(6, 2, 6, 2)
        row.addWidget(self.query)
        row.addWidget(self.count)
        row.addWidget(self.previous_button)
        row.addWidget(self.next_button)
        row.addWidget(self.options_button)
        row.addWidget(self.all_documents)
        for layer in self.workbench.schema.layers:
            button = self._button(
                compose(self.tr("Tag %1"), layer.label.lower()),
                compose(self.tr("Tag the current hit as %1"), layer.label.lower()),
            )
            button.clicked.connect(lambda _=False, name=layer.name: self.tag_current(name))
            self.tag_buttons[layer.name] = button
            row.addWidget(button)
        row.addStretch(1)  # the room left goes here: the controls keep their place
        close = self._button("✕", self.tr("Close the find bar (Escape)"))
        close.clicked.connect(self.close_bar)
        row.addWidget(close)
        self.results_model = HitList(self.workbench, self)
        self.results = QListView(self)
        self.results.setModel(self.results_model)
        self.results.setItemDelegate(HitDelegate(self.results))
        self.results.activated.connect(self._on_result_activated)
        self.results.clicked.connect(self._on_result_activated)
        self.results.hide()
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(row)
        column.addWidget(self.results)
        self._update_controls()

    def _button(self, text: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        return button

    def _build_actions(self) -> dict[str, QAction]:
        """The bar's actions, for the window's menus and shortcuts (add them to the window)."""
        actions = {}
        for name, text, keys, slot in (
            ("find", self.tr("Find…"), QKeySequence.StandardKey.Find, self.open_bar),
            # F3 / Shift+F3 only: the platform's other bindings (Ctrl+G, Ctrl+Shift+G) would
            # take keys the window gives to other actions (Ctrl+Shift+G: agreement).
            ("find_next", self.tr("Find next"), "F3", lambda: self.step(+1)),
            ("find_previous", self.tr("Find previous"), "Shift+F3", lambda: self.step(-1)),
        ):
            action = QAction(text, self)
            action.setShortcuts(
                QKeySequence.keyBindings(keys)
                if isinstance(keys, QKeySequence.StandardKey)
                else [QKeySequence(keys)]
            )
            action.triggered.connect(slot)
            actions[name] = action
        return actions

    # ------------------------------------------------------------------ searching

    def open_bar(self) -> None:
        """Show the bar with the article's selection (if any) as the query, and focus it."""
        self.show()
        span = self.view.selection_span()
        if span is not None and span[1] - span[0] <= 100:
            self.query.setText(self.workbench.text[span[0] : span[1]])
        self.query.setFocus()
        self.query.selectAll()
        self.search()

    def close_bar(self) -> None:
        self._timer.stop()
        self._project_search += 1
        self.hits, self.current = [], -1
        self.marks.show(self.hits, self.current)
        self.hide()
        self.view.setFocus()
        self.hits_changed.emit()

    def set_option(self, name: str, on: bool) -> None:
        self.option_actions[name].setChecked(on)

    def _on_option_toggled(self) -> None:
        values = {name: action.isChecked() for name, action in self.option_actions.items()}
        self.options = SearchOptions(**values)
        self.search()

    def search(self) -> None:
        """Search the open document (and the project, when listed) for the query now."""
        self._timer.stop()
        query = self.query.text()
        document_id = self.workbench.document_id
        if document_id is None or not query.strip():
            self.hits = []
        else:
            self.hits = self.index.document_hits(query, self.options, document_id)
        self.current = 0 if self.hits else -1
        self._project_search += 1  # a search still folding documents is now stale
        self._show_hits()
        if self.all_documents.isChecked():
            self._search_project(self._project_search, query, self.options, None)

    def _search_project(
        self, search: int, query: str, options: SearchOptions, pending: list[str] | None
    ) -> None:
        """List the project's hits. Documents not folded yet are folded a slice of time at a
        time between events, so the window answers meanwhile; typing again, another option
        or closing the bar drops this search (what it folded is kept for the next)."""
        if search != self._project_search:
            return
        if pending is None:
            pending = self.index.unfolded(options) if query.strip() else []
        # Processor time of this thread: a busy machine must not make the slices smaller.
        deadline = time.thread_time() + PROJECT_SLICE_S
        while pending:  # one document at least, so every slice moves on
            self.index.folded(pending.pop(), options)
            if time.thread_time() >= deadline:
                break
        self._folding_left = len(pending)
        if pending:
            self._update_controls()
            QTimer.singleShot(
                0, self, lambda: self._search_project(search, query, options, pending)
            )
            return
        found = self.index.search(query, options, limit=PROJECT_LIMIT + 1)
        self.results_model.set_hits(found[:PROJECT_LIMIT])
        self._project_count = len(found)
        self._update_controls()

    def step(self, direction: int) -> None:
        """Go to the next (+1) or previous (-1) hit, round the article."""
        if not self.isVisible():
            self.open_bar()
            return
        if self._timer.isActive():
            self.search()
        if not self.hits:
            return
        self.current = (self.current + direction) % len(self.hits)
        self._show_hits()

    def current_hit(self) -> Hit | None:
        return self.hits[self.current] if 0 <= self.current < len(self.hits) else None

    def tag_current(self, layer: str) -> str | None:
        """Tag the current hit, widened to whole words, as an annotation of `layer`."""
        hit = self.current_hit()
        if hit is None:
            return None
        span = snap_to_words(self.workbench.text, hit.start, hit.end)
        return self.workbench.tag(layer, *span) if span else None

    def _show_hits(self) -> None:
        self.marks.show(self.hits, self.current)
        hit = self.current_hit()
        if hit is not None:
            self.view.show_span(hit.start, hit.end)
        self._update_controls()
        self.hits_changed.emit()

    def _update_controls(self) -> None:
        if not self.query.text().strip():
            self.count.setText("")
        elif not self.hits:
            self.count.setText(self.tr("no hits"))
        else:
            self.count.setText(compose(self.tr("%1 of %2"), self.current + 1, len(self.hits)))
        if self.all_documents.isChecked() and self.query.text().strip():
            total = self._project_count
            documents = len({h.document_id for h in self.results_model.hits})
            if total > PROJECT_LIMIT:  # the documents counted are those of the hits listed
                listed = compose(
                    self.tr("%1 hits (first %2 in %n document(s))", "", documents),
                    ltr(f"{number(PROJECT_LIMIT)}+"),
                    PROJECT_LIMIT,
                )
            else:
                listed = compose(
                    self.tr("%1 in %n document(s)", "", documents),
                    self.tr("%n hit(s)", "", total),
                )
            if self._folding_left:
                listed = self.tr("reading documents: %n left", "", self._folding_left)
            self.count.setText(compose(self.tr("%1 · %2"), self.count.text(), listed))
        for widget in (self.previous_button, self.next_button, *self.tag_buttons.values()):
            widget.setEnabled(bool(self.hits))

    # ------------------------------------------------------------------ events

    def _on_document_opened(self, _document_id: str) -> None:
        if self.isVisible():
            self.search()

    def _on_all_documents_toggled(self, on: bool) -> None:
        self.results.setVisible(on)
        if not on:
            self.results_model.set_hits([])
        self.search()

    def _on_result_activated(self, index: QModelIndex) -> None:
        hit = self.results_model.hits[index.row()]
        self.workbench.open_document(hit.document_id)  # searches the new document
        if isinstance(self.hits, DocumentHits):
            found = self.hits.index_of(hit.start, hit.end)
            if found is not None:
                self.current = found
        self._show_hits()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.query and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
                self.step(-1 if shift else +1)
                return True
            if key == Qt.Key.Key_Escape:
                self.close_bar()
                return True
        if watched is self.query and event.type() == QEvent.Type.ShortcutOverride:
            # Enter and Escape belong to the query field while it has the focus, whatever
            # the window binds them to (accepting a suggestion, deselecting).
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape):
                event.accept()
                return True
        return super().eventFilter(watched, event)
