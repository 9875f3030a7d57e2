"""Review mode: two annotators' work on one document, every disagreement listed, and decisions
written into the gold version, each one undoable; the document's merge conflicts beside them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QItemSelectionModel, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeyEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from annotator.core.arabic.suggest import SUGGESTIONS
from annotator.core.bidi import compose, ltr, quote
from annotator.core.errors import AnnotatorError, ConflictError
from annotator.core.model import Annotation
from annotator.core.review.adjudication import (
    GOLD,
    Comparison,
    ReviewItem,
    accept_agreements,
    adjudicate,
    compare,
    decisions,
)
from annotator.core.store.project import AnnotationState, Project
from annotator.gui.article_text import ArticleText, Highlights
from annotator.gui.attribute_editor import AttributeEditor
from annotator.gui.commands import DecisionCommand, refusal_text
from annotator.gui.conflict_pane import ConflictPane
from annotator.gui.core_text import core_text
from annotator.gui.models import TextDirectionDelegate
from annotator.gui.review_models import ReviewDetailsModel, ReviewItemsModel
from annotator.gui.status_messages import StickyMessages
from annotator.gui.undo_actions import undo_redo_actions
from annotator.gui.window_state import fitted_geometry
from annotator.gui.workbench import Workbench

# How many rows the disagreements and the aligned fields keep in view however the panes are split.
VISIBLE_ROWS = 3
CONFLICTS_TAB = 1  # the left column's tab of merge conflicts, beside the article's
# How many rows of disagreements the window opens with, where the screen has the height (a
# 1366x768 laptop has).
LIST_ROWS = 10


class ReviewArticle(ArticleText):
    """The document with annotator A in the upper half of each line and B in the lower half,
    so both are visible at once and every difference shows as a broken band."""

    def __init__(self, project: Project, parent: QWidget | None = None):
        super().__init__(parent)
        self.current: tuple[str, ...] = ()
        strength = lambda a: 0.75 if a.id in self.current else 0.32  # noqa: E731
        current = lambda: self.current  # noqa: E731
        self.side_a = Highlights(self.document(), project.schema, strength, current)
        self.side_b = Highlights(self.document(), project.schema, strength, current)

    def highlight_layers(self) -> list[tuple[Highlights, str]]:
        return [(self.side_a, "top"), (self.side_b, "bottom")]

    def show_comparison(self, a: list[Annotation], b: list[Annotation]) -> None:
        self.side_a.set_annotations(a, self.offsets)
        self.side_b.set_annotations(b, self.offsets)
        self.viewport().update()


class ReviewWindow(QMainWindow):
    """Shares the main window's project connection, whose own writes SQLite's data_version does
    not report: every write here (a decision, a gold edit, a conflict resolved, and the undo or
    redo of each) emits `stored`, which the main window follows.

    The document is compared once when it is chosen (`refresh`). A decision, and its undo or
    redo, then costs what it touches: the decisions of its items are read again, those items
    shown anew, and the gold annotations it made or removed put in place in the gold workbench
    (`_decided`); nothing is compared again. A change of gold by other means (a gold edit, a
    conflict resolved, a refusal) re-reads what it may have changed, and everything when gold
    is one of the two sides compared."""

    # the review wrote to the project: other windows on its connection read it again
    stored = Signal()

    def __init__(
        self,
        project: Project,
        reviewer: str,
        document_id: str | None = None,
        parent: QWidget | None = None,
        annotators: tuple[str, str] | None = None,
    ):
        super().__init__(parent)
        self.project = project
        self.reviewer = reviewer
        self.comparison: Comparison | None = None
        self._shown_document: str | None = None
        # Of the comparison: sources -> position among its items, gold id -> sources of the
        # item decided into it, A's and B's annotations by id (the links shown), how many
        # disagreements and how many open. Kept up to date decision by decision.
        self._index: dict[tuple[str, ...], int] = {}
        self._by_gold: dict[str, tuple[str, ...]] = {}
        self._by_id: dict[str, Annotation] = {}
        self._disagreement_count = 0
        self._open_count = 0
        # True while a decision's changes are put in place: the gold workbench's signals then
        # ask for nothing more.
        self._applying = False
        # Gold is edited like any annotator's work: through a workbench of its own, whose undo
        # stack also holds the decisions.
        self.gold = Workbench(project, GOLD, self)
        self.setWindowTitle(self.tr("Review — Arabic news annotator"))
        # Refusals stay in the status bar until the reviewer's next key press or click.
        self.refusals = StickyMessages(self)
        self._build()
        self._build_actions()
        self._fill_choices(document_id, annotators)
        self.gold.annotation_changed.connect(self._gold_changed)
        self.gold.error.connect(self.refusals.show)
        self.refresh()
        # Fit the screen it opens on (a 1366x768 laptop shows the whole window and its buttons).
        screen = self.screen() or QGuiApplication.primaryScreen()
        self.setGeometry(fitted_geometry(screen.availableGeometry()))

    # ------------------------------------------------------------------ layout

    def _build(self) -> None:
        self.document_choice = QComboBox()
        self.a_choice, self.b_choice = QComboBox(), QComboBox()
        top = QHBoxLayout()
        for label, widget in (
            (self.tr("&Document:"), self.document_choice),
            (self.tr("Annotator &A:"), self.a_choice),
            (self.tr("Annotator &B:"), self.b_choice),
        ):
            caption = QLabel(label)
            caption.setBuddy(widget)
            top.addWidget(caption)
            top.addWidget(widget, 2 if widget is self.document_choice else 1)
        self.summary = QLabel()
        top.addWidget(self.summary)

        self.article = ReviewArticle(self.project)
        self.bands = QLabel()
        self.items_model = ReviewItemsModel(self)
        self.items = self._table(self.items_model)
        self.items.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.items.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.only_disagreements = QCheckBox(self.tr("Disagreements only"))
        self.only_disagreements.setChecked(True)
        self.details_model = ReviewDetailsModel(self)
        self.items_model.schema = self.details_model.schema = self.gold.schema
        self.details = self._table(self.details_model)
        # Beside the gold form the table is narrow: the values share its width (cut with "…")
        # rather than run past its edge.
        details_header = self.details.horizontalHeader()
        details_header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        details_header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        # The main window's first steps (select words, press S, F7) do not apply here.
        self.editor = AttributeEditor(
            self.gold,
            empty_text=compose(
                self.tr(
                    "Nothing of the gold copy selected. To decide the disagreement chosen in "
                    "the list press %1 to accept A, %2 to accept B or %3 to reject; click a "
                    "passage of the gold copy to change its attributes here."
                ),
                ltr("1"),
                ltr("2"),
                ltr("0"),
            ),
        )
        self.comments = QListWidget()  # a read-only list of texts, rebuilt from the store
        self.comment_edit = QLineEdit()
        self.comment_edit.setPlaceholderText(self.tr("Comment on this disagreement, then Enter"))
        self.conflicts = ConflictPane(self.project, self.gold.undo_stack)
        # A resolution rewrites annotations the gold workbench may have read (gold's own
        # conflicts): it goes the decisions' way.
        self.conflicts.changed.connect(self.reload)
        self.conflicts.message.connect(self.refusals.show)

        buttons = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for name, text in (
            ("a", self.tr("Accept A")),
            ("b", self.tr("Accept B")),
            ("reject", self.tr("Reject")),
            ("agreements", self.tr("Accept all agreements")),
        ):
            self.buttons[name] = QPushButton(text)
            buttons.addWidget(self.buttons[name])

        article = QWidget()
        column = QVBoxLayout(article)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.bands)
        column.addWidget(self.article, 1)
        # The merge conflicts are a tab beside the article, with the window's whole height:
        # stacked under the disagreements they left a 1366x768 screen four list rows, one
        # conflict, two of its fields and the keep/take buttons off the screen's bottom.
        self.left_tabs = QTabWidget()
        self.left_tabs.addTab(article, self.tr("Article"))
        self.left_tabs.addTab(self.conflicts, "")
        self.left_tabs.setTabVisible(CONFLICTS_TAB, False)
        left = self.left_tabs
        # A vertical splitter whose sections cannot collapse: the disagreements on top, with
        # LIST_ROWS rows in view on a 1366x768 screen (the reviewer moves through them), the
        # aligned fields and the editable gold copy side by side under them (one above the
        # other they left the list three rows), then the comment line and any merge conflicts.
        right = QSplitter(Qt.Orientation.Vertical)
        right.setChildrenCollapsible(False)
        self.right_splitter = right
        top_section = _section(self.only_disagreements, self.items, buttons)
        for table in (self.items, self.details):
            table.setMinimumHeight(_rows_height(table, VISIBLE_ROWS))
        details_section = _section(
            QLabel(self.tr("Aligned fields (differences marked):")), self.details
        )
        self.editor_scroll = QScrollArea()
        self.editor_scroll.setWidget(self.editor)
        self.editor_scroll.setWidgetResizable(True)
        self.editor_scroll.setFrameShape(QFrame.Shape.NoFrame)
        gold_section = _section(QLabel(self.tr("Gold version (editable):")), self.editor_scroll)
        fields = QSplitter(Qt.Orientation.Horizontal)
        fields.setChildrenCollapsible(False)
        fields.addWidget(details_section)
        fields.addWidget(gold_section)
        fields.setSizes([3, 2])
        self.fields_splitter = fields
        # The caption beside the comment line, not above the list: a 1366x768 screen has no
        # row to spare; the list is shown only when the disagreement has comments.
        comment_line = QHBoxLayout()
        caption = QLabel(self.tr("Comments:"))
        caption.setBuddy(self.comment_edit)
        comment_line.addWidget(caption)
        comment_line.addWidget(self.comment_edit, 1)
        comments_section = _section(self.comments, comment_line)
        self.comments.setMinimumHeight(self.comments.fontMetrics().height() * 2)
        self.comments.hide()
        for section, stretch in (
            (top_section, 3),
            (fields, 2),
            (comments_section, 0),
        ):
            right.addWidget(section)
            right.setStretchFactor(right.count() - 1, stretch)
        self._shared = False  # the splitter's first shares are set when it has its height
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([640, 640])
        centre = QWidget()
        layout = QVBoxLayout(centre)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self.setCentralWidget(centre)

        self.items.selectionModel().currentRowChanged.connect(lambda *_: self._show_current())
        self.only_disagreements.toggled.connect(self._filter_changed)
        for choice in (self.document_choice, self.a_choice, self.b_choice):
            choice.currentIndexChanged.connect(lambda *_: self.refresh())
        self.buttons["a"].clicked.connect(lambda: self.decide("a"))
        self.buttons["b"].clicked.connect(lambda: self.decide("b"))
        self.buttons["reject"].clicked.connect(lambda: self.decide("reject"))
        self.buttons["agreements"].clicked.connect(self.accept_agreements)
        self.comment_edit.returnPressed.connect(self.add_comment)

    def _table(self, model) -> QTableView:
        table = QTableView()
        table.setModel(model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.setWordWrap(False)
        # Qt's default minimum is the font's widest glyph, very wide with Amiri as fallback.
        header = table.horizontalHeader()
        header.setMinimumSectionSize(header.fontMetrics().horizontalAdvance("0000"))
        table.setItemDelegate(TextDirectionDelegate(table))
        return table

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if not self._shared:
            self._shared = True
            self._share_right_column()

    def _share_right_column(self) -> None:
        """The disagreements' section gets LIST_ROWS rows (less on a short screen, down to
        what the other sections need at least); the fields and gold copy the rest."""
        right = self.right_splitter
        sizes = right.sizes()
        total = sum(sizes)
        top = right.widget(0)
        wanted = top.sizeHint().height() - self.items.sizeHint().height()
        wanted += _rows_height(self.items, LIST_ROWS)
        others = [right.widget(i) for i in range(1, right.count())]
        needed = [w.minimumSizeHint().height() if w.isVisible() else 0 for w in others]
        # The comment line keeps its own height; the fields and gold copy the rest.
        comments = needed[1]
        top_size = max(min(wanted, total - sum(needed)), top.minimumSizeHint().height())
        right.setSizes([top_size, total - top_size - comments, comments])

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        # Reached only when the focused widget left Escape unused: an open popup or an editor
        # that consumes it (a completer, a combo box list) closes first, the window next.
        if event.key() == Qt.Key.Key_Escape and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            self.close()
            return
        super().keyPressEvent(event)

    def _build_actions(self) -> None:
        def action(text: str, keys: list[str], slot) -> QAction:
            act = QAction(text, self)
            act.setShortcuts([QKeySequence(k) for k in keys])
            act.triggered.connect(slot)
            self.addAction(act)
            return act

        self.next_action = action(self.tr("Next disagreement"), ["N", "F8"], lambda: self.step(+1))
        self.previous_action = action(
            self.tr("Previous disagreement"), ["P", "Shift+F8"], lambda: self.step(-1)
        )
        action(self.tr("Accept A"), ["1"], lambda: self.decide("a"))
        action(self.tr("Accept B"), ["2"], lambda: self.decide("b"))
        action(self.tr("Reject"), ["0"], lambda: self.decide("reject"))
        undo, redo = undo_redo_actions(self.gold.undo_stack, self)
        for act in (undo, redo, self.conflicts.keep_action, self.conflicts.take_action):
            self.addAction(act)
        for act in (self.conflicts.keep_action, self.conflicts.take_action):
            # O and T act on the conflicts: their tab comes to the front to show what changed.
            act.triggered.connect(self._front_conflicts)
        menu = self.menuBar().addMenu(self.tr("&Review"))
        for act in self.actions():
            menu.addAction(act)
        for name, key in (("a", "1"), ("b", "2"), ("reject", "0")):
            self.buttons[name].setToolTip(
                compose(self.tr("%1 (%2)"), self.buttons[name].text(), ltr(key))
            )

    def _fill_choices(self, document_id: str | None, annotators: tuple[str, str] | None) -> None:
        # Filled quietly: the caller compares once, when all three are chosen.
        blockers = [QSignalBlocker(c) for c in (self.document_choice, self.a_choice, self.b_choice)]
        for summary in self.project.documents(lengths=False):
            self.document_choice.addItem(summary.title, summary.id)
        index = self.document_choice.findData(document_id) if document_id else 0
        self.document_choice.setCurrentIndex(max(index, 0))
        names = [n for n in self.project.annotators() if n not in (GOLD, SUGGESTIONS)]
        # By default the reviewer against a colleague, else the first two annotators.
        ordered = ([self.reviewer] if self.reviewer in names else []) + [
            n for n in names if n != self.reviewer
        ]
        for choice, position in ((self.a_choice, 0), (self.b_choice, 1)):
            for name in ordered:
                choice.addItem(name, name)
            choice.addItem(self.tr("gold (adjudicated)"), GOLD)
            wanted = annotators[position] if annotators else None
            index = choice.findData(wanted) if wanted else min(position, choice.count() - 1)
            choice.setCurrentIndex(max(index, 0))
        for blocker in blockers:
            blocker.unblock()

    # ------------------------------------------------------------------ showing

    @property
    def document_id(self) -> str | None:
        return self.document_choice.currentData()

    def refresh(self) -> None:
        """Compare again from the store and show the result, keeping the current item."""
        current = self.current_item()
        a, b = self.a_choice.currentData(), self.b_choice.currentData()
        self.comparison = None
        if self.document_id and a and b and a != b:
            try:
                self.comparison = compare(self.project, self.document_id, a, b)
            except AnnotatorError as exc:
                self.refusals.show(core_text(exc))
        if self.document_id != self._shown_document:
            self._shown_document = self.document_id
            self.article.show_text(self.project.text(self.document_id) if self.document_id else "")
            self.gold.open_document(self.document_id)
        comparison = self.comparison
        self._index_comparison()
        side_a = [i.a for i in comparison.items if i.a] if comparison else []
        side_b = [i.b for i in comparison.items if i.b] if comparison else []
        self.article.show_comparison(side_a, side_b)
        self.bands.setText(
            compose(self.tr("Upper half of each line: A (%1) · lower half: B (%2)"), a, b)
        )
        self.items_model.set_comparison(comparison)
        self._show_summary()
        row = self.items_model.row_of(current.sources if current else None)
        self.select_row(row if row >= 0 else 0)
        self.conflicts.show_document(self.document_id)
        self._show_conflicts_tab()

    def _index_comparison(self) -> None:
        items = self.comparison.items if self.comparison else ()
        self._index = {item.sources: n for n, item in enumerate(items)}
        self._by_gold = {item.gold_id: item.sources for item in items if item.gold_id}
        self._by_id = {x.id: x for item in items for x in (item.a, item.b) if x is not None}
        self._disagreement_count = sum(1 for item in items if item.is_disagreement)
        self._open_count = sum(1 for item in items if item.is_open)

    def _show_summary(self) -> None:
        if self.comparison is None:
            return
        left, total = self._open_count, self._disagreement_count
        self.summary.setText(
            self.tr("%n disagreement(s), adjudicated", "", total)
            if not left
            else compose(self.tr("%n disagreement(s), %1 open", "", total), left)
        )

    def _gold_compared(self) -> bool:
        """Whether gold is one of the two sides compared: then a change of gold changes the
        comparison itself."""
        comparison = self.comparison
        return comparison is None or GOLD in (comparison.annotator_a, comparison.annotator_b)

    def _gold_changed(self, document_id: str, annotation_id: str) -> None:
        """The gold workbench changed (a gold edit or its undo, a refusal, a reload)."""
        if self._applying:
            return
        if not annotation_id or self._gold_compared() or document_id != self.document_id:
            self.refresh()
        else:
            # Deleting a gold annotation deletes the decision that made it.
            sources = self._by_gold.get(annotation_id)
            if sources is not None:
                self._update_decisions([sources])
                self._show_summary()
            self._show_current()
        self.stored.emit()

    def _update_decisions(self, sources: list[tuple[str, ...]]) -> None:
        """Read the stored decisions of the items named by `sources` and show them."""
        comparison = self.comparison
        if comparison is None or not sources:
            return
        stored = decisions(self.project, comparison.document_id, sources)
        items = list(comparison.items)
        changed = []
        for key in sources:
            position = self._index.get(key)
            if position is None:
                continue
            old = items[position]
            decision, gold_id = stored.get(key, (None, None))
            if (old.decision, old.gold_id) == (decision, gold_id):
                continue
            new = replace(old, decision=decision, gold_id=gold_id)
            items[position] = new
            self._open_count += int(new.is_open) - int(old.is_open)
            if old.gold_id:
                self._by_gold.pop(old.gold_id, None)
            if gold_id:
                self._by_gold[gold_id] = key
            changed.append(new)
        if changed:
            self.comparison = replace(comparison, items=tuple(items))
            self.items_model.update_items(changed)

    def _decided(
        self,
        document_id: str,
        sources: list[tuple[str, ...]],
        before: dict[str, AnnotationState | None] | None,
    ) -> None:
        """Decisions on the items `sources` were stored, withdrawn or repeated: show them, and
        put the gold annotations they made or removed in place (`before`: their states before,
        None when there are many: gold is then read again). Decisions on another document than
        the one shown (undone after choosing another) read everything again."""
        if (
            self._gold_compared()
            or not document_id == self.document_id == self.comparison.document_id
        ):
            self.reload()
            return
        self._applying = True
        try:
            self._update_decisions(sources)
            if before is None or self.gold.document_id != self.document_id:
                self.gold.reload()
            else:
                for gold_id, previous in before.items():
                    state = self.project.state(gold_id)
                    if state is not None or previous is not None:
                        self.gold.notify_changed(self.document_id, gold_id, state, previous)
        finally:
            self._applying = False
        self._show_summary()
        self._show_current()
        self.stored.emit()

    def _front_conflicts(self) -> None:
        if self.left_tabs.isTabVisible(CONFLICTS_TAB):
            self.left_tabs.setCurrentIndex(CONFLICTS_TAB)

    def _show_conflicts_tab(self) -> None:
        """Show the conflicts' tab, with their count, while the document has open ones; it
        comes to the front when they appear, and the article's when the last is resolved."""
        tabs, count = self.left_tabs, self.conflicts.open_count
        shown = tabs.isTabVisible(CONFLICTS_TAB)
        tabs.setTabText(CONFLICTS_TAB, self.tr("Merge conflicts (%n)", "", count))
        tabs.setTabVisible(CONFLICTS_TAB, bool(count))
        if count and not shown:
            tabs.setCurrentIndex(CONFLICTS_TAB)
        elif not count:
            tabs.setCurrentIndex(0)

    def current_item(self) -> ReviewItem | None:
        return self.items_model.item(self.items.currentIndex().row())

    def select_row(self, row: int) -> None:
        if self.items_model.rowCount() == 0:
            self._show_current()
            return
        index = self.items_model.index(row, 0)
        moved = self.items.currentIndex().row() != row
        self.items.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.items.scrollTo(index)
        if not moved:  # else the current row's signal has shown it
            self._show_current()

    def _show_current(self) -> None:
        item = self.current_item()
        gold = self.gold.annotation(item.gold_id) if item and item.gold_id else None
        links: dict[str, Annotation] = {}
        for x in (item.a, item.b, gold) if item else ():
            if x is None or not x.link_id or x.link_id in links:
                continue
            linked = self._by_id.get(x.link_id) or self.gold.annotation(x.link_id)
            if linked is None:
                linked = self.project.annotations_by_id([x.link_id]).get(x.link_id)
            if linked is not None:
                links[x.link_id] = linked
        self.details_model.show(item, gold, links)
        self.gold.select(gold.id if gold else None)
        self.article.current = item.sources if item else ()
        self.article.viewport().update()
        if item is not None:
            self.article.show_span(item.start, max(x.end for x in (item.a, item.b) if x))
        self._show_comments(item)
        for name in ("a", "b", "reject"):
            self.buttons[name].setEnabled(bool(item and item.decision is None))
        self.buttons["a"].setEnabled(bool(item and item.a and item.decision is None))
        self.buttons["b"].setEnabled(bool(item and item.b and item.decision is None))

    def _show_comments(self, item: ReviewItem | None) -> None:
        self.comments.clear()
        if item is not None and self.document_id:
            for comment in self.project.comments(self.document_id):
                if comment["annotation_id"] in item.sources:
                    self.comments.addItem(
                        compose(self.tr("%1: %2"), comment["annotator"], comment["text"])
                    )
        self.comments.setVisible(self.comments.count() > 0)

    def _filter_changed(self, only: bool) -> None:
        current = self.current_item()
        self.items_model.set_disagreements_only(only)
        row = self.items_model.row_of(current.sources if current else None)
        self.select_row(max(row, 0))

    # ------------------------------------------------------------------ actions

    def step(self, direction: int) -> None:
        """Go to the next (or previous) disagreement, round to the first (last) past the end;
        looks at the rows on the way only."""
        count = self.items_model.rowCount()
        here = self.items.currentIndex().row()
        start = here if 0 <= here < count else (-1 if direction > 0 else count)
        for n in range(1, count + 1):
            row = (start + n * direction) % count
            if row == here and n < count:
                continue
            if self.items_model.item(row).is_disagreement:
                self.select_row(row)
                return

    def decide(self, choice: str) -> None:
        item, comparison = self.current_item(), self.comparison
        if item is None or comparison is None or item.decision is not None:
            return
        try:
            with self.project.atomic():
                decision_id, gold_id = adjudicate(self.project, comparison, item, choice)
                self.gold.revisions.note([gold_id] if gold_id else [])
        except AnnotatorError as exc:
            self.refusals.show(refusal_text(exc))
            return
        self.left_tabs.setCurrentIndex(0)  # the article, where the decision shows
        a, b, document_id = comparison.annotator_a, comparison.annotator_b, self.document_id
        span = (item.b if choice == "b" else item.a) or item.a or item.b

        def repeat() -> None:
            fresh = self._comparison_of(document_id, a, b)
            again = self._unchanged(fresh, item.sources)
            if again is None:
                raise ConflictError(
                    compose(
                        self.tr("the annotations decided on for %1 were changed in another window"),
                        quote(span.text),
                    )
                )
            adjudicate(self.project, fresh, again, choice, decision_id=decision_id, gold_id=gold_id)

        # The undo text quotes the span decided on, as the main window's undo texts do.
        layer = self.items_model.layer_label(item.layer)
        text = {
            "a": compose(self.tr("Accept %1's %2 %3"), a, layer, quote(span.text)),
            "b": compose(self.tr("Accept %1's %2 %3"), b, layer, quote(span.text)),
            "reject": compose(self.tr("Reject %1 %2"), layer, quote(span.text)),
        }[choice]
        self._push(text, [(decision_id, gold_id)], repeat, document_id, [item.sources])
        if self._open_count:
            self.step(+1)

    def accept_agreements(self) -> None:
        if self.comparison is None:
            return
        comparison = self.comparison
        try:
            with self.project.atomic():
                ids = accept_agreements(self.project, comparison)
                self.gold.revisions.note(g for _, g in ids.values() if g)
        except AnnotatorError as exc:
            self.refusals.show(refusal_text(exc))
            return
        if not ids:
            return
        a, b, document_id = comparison.annotator_a, comparison.annotator_b, self.document_id

        def repeat() -> None:
            accept_agreements(self.project, self._comparison_of(document_id, a, b), ids=ids)

        self._push(
            self.tr("Accept %n agreement(s)", "", len(ids)),
            list(ids.values()),
            repeat,
            document_id,
            list(ids),
        )

    def _comparison_of(self, document_id: str, a: str, b: str) -> Comparison:
        """The comparison shown when it is of that document and annotators (kept current
        decision by decision), else a fresh one."""
        shown = self.comparison
        if shown is not None and (shown.document_id, shown.annotator_a, shown.annotator_b) == (
            document_id,
            a,
            b,
        ):
            return shown
        return compare(self.project, document_id, a, b)

    def _unchanged(self, comparison: Comparison, sources: tuple[str, ...]) -> ReviewItem | None:
        """The item of `comparison` decided from `sources`, when its annotations are stored
        as it holds them (same revisions); None when one was changed or deleted since."""
        if comparison is self.comparison:
            position = self._index.get(sources)
            item = comparison.items[position] if position is not None else None
        else:
            item = next((i for i in comparison.items if i.sources == sources), None)
        if item is None:
            return None
        stored = self.project.annotations_by_id(sources)
        for x in (item.a, item.b):
            if x is not None and (x.id not in stored or stored[x.id].revision != x.revision):
                return None
        return item

    def _push(
        self,
        text: str,
        decided: list[tuple[str, str | None]],
        repeat: Callable[[], None],
        document_id: str,
        sources: list[tuple[str, ...]],
    ) -> None:
        def changed(before: dict[str, AnnotationState | None] | None) -> None:
            self._decided(document_id, sources, before)

        self.gold.undo_stack.push(DecisionCommand(text, self.gold, decided, repeat, changed))

    def reload(self) -> None:
        """Read the project again after a write that bypassed the gold workbench's commands
        (decisions, conflict resolutions, a merge): its `annotation_changed` refreshes this
        window and emits `stored`."""
        if self.gold.document_id:
            self.gold.reload()
        else:
            self.refresh()
            self.stored.emit()

    def add_comment(self) -> None:
        item, text = self.current_item(), self.comment_edit.text().strip()
        if item is None or not text or not self.document_id:
            return
        annotation = item.a or item.b
        try:
            self.project.add_comment(self.document_id, self.reviewer, text, annotation.id)
        except AnnotatorError as exc:
            self.refusals.show(refusal_text(exc))
            return
        self.comment_edit.clear()
        self._show_comments(item)


def _section(*parts) -> QWidget:
    """A splitter section holding `parts` (widgets or layouts) in a column."""
    section = QWidget()
    column = QVBoxLayout(section)
    column.setContentsMargins(0, 0, 0, 0)
    for part in parts:
        if isinstance(part, QWidget):
            column.addWidget(part, 1 if isinstance(part, (QTableView, QListWidget)) else 0)
        else:
            column.addLayout(part)
    return section


def _rows_height(table: QTableView, rows: int) -> int:
    """The height (px) that shows `rows` rows of `table` under its header."""
    row = max(table.verticalHeader().defaultSectionSize(), table.fontMetrics().height())
    frame = 2 * table.frameWidth()
    return table.horizontalHeader().sizeHint().height() + rows * row + frame
