"""The main window: composes the document list, the article, the legend and the side panel, and
turns actions into workbench calls. It holds no domain logic."""

from __future__ import annotations

import hashlib
import logging
import sqlite3
import threading
import time
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QColor, QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from annotator.core.arabic.text import move_edge
from annotator.core.bidi import Isolated, compose, isolate, ltr, quote
from annotator.core.errors import AnnotatorError, CheckPendingError
from annotator.core.review.merge import merge
from annotator.core.store import backup
from annotator.core.store.elsewhere import Mark, changes_since, take_mark, with_open_document
from annotator.core.store.opening import CHECK_AT_OPEN_BYTES
from annotator.core.store.project import Project
from annotator.gui import file_dialogs
from annotator.gui.actions import (
    Actions,
    build_actions,
    build_menus,
    build_toolbar,
    context_actions,
)
from annotator.gui.agreement_dialog import AgreementDialog
from annotator.gui.article_view import ArticleView
from annotator.gui.commands import refusal_text
from annotator.gui.core_text import core_part, core_text
from annotator.gui.document_list import DocumentList
from annotator.gui.export_dialog import export_from_window
from annotator.gui.find_bar import FindBar
from annotator.gui.import_dialog import ImportRun, columns_for
from annotator.gui.language import status_word
from annotator.gui.language_menu import build_language_menu
from annotator.gui.models import ARABIC_SHARE, size_arabic
from annotator.gui.project_file import ProjectFileCare
from annotator.gui.project_settings import ProjectSettingsDialog
from annotator.gui.review_window import ReviewWindow
from annotator.gui.side_panel import SidePanel
from annotator.gui.status_messages import StatusBar, StickyMessages
from annotator.gui.suggestions import SuggestionPanel, Suggestions
from annotator.gui.team_sync import TeamSync, team_annotator
from annotator.gui.window_state import keep as keep_layout
from annotator.gui.window_state import restore as restore_layout
from annotator.gui.workbench import Workbench

WATCH_INTERVAL_MS = 2000
log = logging.getLogger("annotator")


class Legend(QWidget):
    """The layers with their colours and shortcuts; each button shows or hides its layer."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.addWidget(QLabel(self.tr("Layers:")))
        for layer in window.workbench.schema.layers:
            button = QToolButton(self)
            button.setDefaultAction(window.actions.show_layer[layer.name])
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setText(compose(self.tr("%1  (%2)"), layer.label, ltr(layer.shortcut)))
            swatch = QPixmap(14, 14)
            swatch.fill(QColor(layer.color))
            button.setIcon(swatch)
            button.setAutoRaise(True)
            layout.addWidget(button)
        layout.addStretch(1)
        self.status = QLabel(self)
        layout.addWidget(self.status)


class MainWindow(QMainWindow):
    # Why a timed backup failed; emitted on the backup's thread, shown on the window's.
    backup_failed = Signal(str)
    # What the background check of a large project's pages found damaged (`Project.damage`).
    structure_damaged = Signal(str)
    # That check passed: edits are stored again.
    structure_sound = Signal()

    def __init__(self, project: Project, annotator: str, settings: QSettings):
        super().__init__()
        # A long message is cut before the annotator's name, whole in the tooltip.
        self.setStatusBar(StatusBar(self))
        self.settings = settings
        self._last_backup = float("-inf")
        self.backup_thread: threading.Thread | None = None
        # A project joined to a team works under its member's name only (what the server takes).
        annotator = team_annotator(project) or annotator
        self.workbench = Workbench(project, annotator, self)
        self.article = ArticleView(self.workbench, self)
        self.documents = DocumentList(self.workbench, self)
        self.side_panel = SidePanel(self.workbench, self)
        self.find_bar = FindBar(self.workbench, self.article, self)
        self.suggestions = Suggestions(self.workbench, self.article, self)
        self.suggestion_panel = SuggestionPanel(self.suggestions, self)
        # Checkpoints, a file replaced under the window, Save a copy.
        self.project_file = ProjectFileCare(self)
        self.actions: Actions = build_actions(self)
        self.legend = Legend(self)
        self.article.context_actions = context_actions(self.actions)
        build_language_menu(build_menus(self.menuBar(), self.actions), self)
        self.toolbar = self.addToolBar(self.tr("Annotate"))
        self.toolbar.setObjectName("annotate-toolbar")
        build_toolbar(self.toolbar, self.actions)
        self._compose()
        self.sticky_messages = StickyMessages(self)
        self._connect()
        self.setWindowTitle(compose(self.tr("%1 — Arabic news annotator"), ltr(project.path.name)))
        # Permanent, so transient messages never push the name out of the status bar.
        self.annotator_label = QLabel(compose(self.tr("Annotator: %1"), annotator), self)
        self.statusBar().addPermanentWidget(self.annotator_label)
        self.team_sync = TeamSync.attach(self, project)
        if self.team_sync is not None:
            self.workbench.annotations_changed.connect(self.team_sync.changed)
            self.workbench.status_changed.connect(self.team_sync.changed)
        self._restore_state()
        self.structure_thread: threading.Thread | None = None
        if project.structure == "pending":
            # A large project opened without reading every page: they are checked on a thread
            # of its own once the window is up. Edits are refused, with that reason, until the
            # check has passed; after a damaged result, for good.
            project.defer_structure_check()
            self.statusBar().showMessage(self._checking_message())
            QTimer.singleShot(0, self._check_structure)

    def _compose(self) -> None:
        centre = QWidget(self)
        column = QVBoxLayout(centre)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.legend)
        column.addWidget(self.find_bar)
        column.addWidget(self.article, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.documents)
        self.splitter.addWidget(centre)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.side_panel, self.tr("Annotations"))
        self.tabs.addTab(self.suggestion_panel, self.tr("Suggestions"))
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([220, 700, 360])
        self.tabs.setMinimumWidth(280)
        self.setCentralWidget(self.splitter)
        self.layout_splitters = {"panes": self.splitter, "side": self.side_panel.splitter}
        restore_layout(self, self.settings, self.layout_splitters)

    def _connect(self) -> None:
        wb = self.workbench
        wb.error.connect(self.show_error)
        self.backup_failed.connect(self.show_error)
        self.structure_damaged.connect(self._on_structure_damaged)
        self.structure_sound.connect(self._on_structure_sound)
        wb.document_opened.connect(self._on_document_opened)
        wb.status_changed.connect(self._show_status)
        # The first annotation of a document puts it in progress.
        wb.annotation_changed.connect(self._show_status)
        wb.selection_changed.connect(self._on_selection_changed)
        self.article.speaker_picked.connect(self._link_to_speaker)
        self.side_panel.pick_speaker_requested.connect(self._on_pick_requested)
        self.article.zoom_changed.connect(lambda size: self.settings.setValue("zoom", size))
        # Arabic in the lists follows the article's size, so it stays legible beside it.
        self.article.zoom_changed.connect(self._size_arabic)
        self._size_arabic(self.article.point_size())
        wb.annotation_changed.connect(self._backup_when_due)
        # Another window or the command line may write to the same file: SQLite's data_version
        # changes when they commit, and the views are refreshed then.
        self._poll_failure: str | None = None
        self._data_version = self._read_data_version()
        # What the views show of the store, so a change elsewhere costs what it touched.
        self._mark = self._take_mark()
        self._edited_since_mark = False
        wb.annotation_changed.connect(self._note_own_edit)
        wb.status_changed.connect(self._note_own_edit)
        wb.document_opened.connect(self._mark_opened)
        self._watch = QTimer(self)
        self._watch.timeout.connect(self.refresh_if_changed_elsewhere)
        self._watch.start(WATCH_INTERVAL_MS)

    def _size_arabic(self, point_size: int) -> None:
        for view in (self.documents.view, self.side_panel.table):
            size_arabic(view, point_size)
        self.side_panel.editor.set_text_point_size(point_size * ARABIC_SHARE)

    # ------------------------------------------------------------------ safety

    def _read_data_version(self) -> int:
        return self.workbench.project.conn.execute("PRAGMA data_version").fetchone()[0]

    def refresh_if_changed_elsewhere(self) -> bool:
        """Called every two seconds: show other windows' and commands' commits. A file that
        cannot be read any more is said once in the status bar, not in a dialog at every poll."""
        try:
            version = self._read_data_version()
            if version == self._data_version:
                self._mark_own_edits(version)
                return False
            self._data_version = version
            self._show_changes_elsewhere()
        except (AnnotatorError, sqlite3.Error) as exc:
            message = compose(
                self.tr("The project cannot be read at the moment: %1"), core_part(exc)
            )
            if message != self._poll_failure:
                self._poll_failure = message
                self.statusBar().showMessage(message, 30000)
            return False
        self._poll_failure = None
        return True

    def refresh(self) -> None:
        """Show what is stored now, including other windows' and commands' changes: the whole
        list and the open document read again."""
        # Taken before the reads: a commit landing during them is seen at the next poll.
        self._mark = self._take_mark()
        self.documents.refresh()
        self.workbench.reload()
        self._show_status()

    def _take_mark(self) -> Mark | None:
        wb = self.workbench
        try:
            return take_mark(wb.project, wb.annotator, wb.document_id)
        except sqlite3.Error:
            return None  # a file whose changes cannot be told apart is read whole each time

    def _show_changes_elsewhere(self) -> None:
        """Read again what other connections changed since the mark: the list rows of the
        documents they touched (all rows when documents came or went, or when unsure) and the
        open document only when it changed (`elsewhere.changes_since`)."""
        wb = self.workbench
        if self._mark is None:
            self.refresh()
            return
        try:
            self._mark, changes = changes_since(wb.project, self._mark, wb.document_id)
        except sqlite3.Error:
            self.refresh()
            return
        self._edited_since_mark = False
        if changes.documents is None:
            self.documents.refresh()
        else:
            for document_id in sorted(changes.documents):
                self.documents.refresh_document(document_id)
        if changes.open_document:
            wb.reload()
        else:
            wb.forget_lists()
        self._show_status()

    def _mark_opened(self, *_args: object) -> None:
        """The document just opened is read as stored now: a later change elsewhere reads it
        again only if it changed. Unless another connection committed since the mark (then
        the next poll reads it again, to be sure)."""
        wb = self.workbench
        if self._mark is None:
            return
        try:
            if self._read_data_version() == self._data_version:
                self._mark = with_open_document(wb.project, self._mark, wb.document_id)
        except sqlite3.Error:
            return  # the mark keeps the document it had: the next poll reads this one again

    def _note_own_edit(self, *_args: object) -> None:
        self._edited_since_mark = True

    def _mark_own_edits(self, version: int) -> None:
        """Move the mark past this window's own edits, so another window's next change does
        not read this window's open document again for them. Kept only when no other
        connection committed meanwhile (its change would be in the mark and never shown)."""
        if not self._edited_since_mark or self._mark is None:
            return
        mark = self._take_mark()
        if mark is not None and self._read_data_version() == version:
            self._mark = mark
            self._edited_since_mark = False

    def _check_structure(self) -> None:
        self.structure_thread = threading.Thread(
            target=_structure_check,
            args=(self.workbench.project, self.structure_damaged.emit, self.structure_sound.emit),
            name="structure check",
            daemon=True,
        )
        self.structure_thread.start()

    def _on_structure_damaged(self, message: str) -> None:
        self.show_error(
            compose(self.tr("Nothing more is saved to this project: %1"), Isolated(message))
        )

    def _checking_message(self) -> str:
        return self.tr("Checking the project… edits are held until it finishes")

    def _on_structure_sound(self) -> None:
        # In place of the line saying edits are held (at opening, or after a held edit).
        held = (self._checking_message(), refusal_text(CheckPendingError("")))
        if self.statusBar().currentMessage() in held:
            self.statusBar().showMessage(
                self.tr("The project was checked: edits are stored again"), 10000
            )

    def _backup_when_due(self, *_args) -> None:
        # Rolling backups while editing: at most one every backup.EVERY_MINUTES, copied on a
        # thread of its own with its own connection, so a large project never stalls an edit.
        # None of a file found damaged or not yet checked (`backup.make` refuses the copy of a
        # damaged one too): it is tried again at the next edit.
        if self.workbench.project.structure != "ok":
            return
        if time.monotonic() - self._last_backup < backup.EVERY_MINUTES * 60:
            return
        self._last_backup = time.monotonic()
        path = self.workbench.project.path
        if backup.due(path):
            self.backup_thread = threading.Thread(
                target=_timed_backup,
                args=(path, self.backup_failed.emit),
                name="timed backup",
                daemon=True,
            )
            self.backup_thread.start()

    # ------------------------------------------------------------------ settings

    def _key(self, name: str) -> str:
        path = str(self.workbench.project.path.resolve())
        return f"projects/{hashlib.sha256(path.encode()).hexdigest()[:16]}/{name}"

    def _restore_state(self) -> None:
        zoom = self.settings.value("zoom")
        if zoom is not None:
            self.article.set_point_size(int(zoom))
        documents = self.workbench.project.documents(self.workbench.annotator, lengths=False)
        wanted = self.settings.value(self._key("document"))
        ids = [d.id for d in documents]
        if ids:
            self.workbench.open_document(wanted if wanted in ids else ids[0])
            shown = self.settings.value(self._key("shown_from"))
            if shown is not None and wanted in ids:
                # The layout of a long article finishes after the window is shown.
                QTimer.singleShot(0, lambda: self.article.show_from(int(shown)))

    def save_state(self) -> None:
        keep_layout(self, self.settings, self.layout_splitters)
        if self.workbench.document_id:
            self.settings.setValue(self._key("document"), self.workbench.document_id)
            self.settings.setValue(self._key("shown_from"), self.article.first_shown())
        self.settings.sync()

    def retire(self) -> None:
        """Stop watching the project and close the review and agreement windows: a new main
        window (another interface language) takes over the open project."""
        self._watch.stop()
        self.project_file.retire()
        for child in ("_review", "_agreement"):
            other = getattr(self, child, None)
            if other is not None:
                other.close()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        # Every action is already stored; only the view state is left to keep.
        self._watch.stop()
        if self.team_sync is not None:
            self.team_sync.stop()
        self.project_file.at_close()
        self.save_state()
        super().closeEvent(event)

    # ------------------------------------------------------------------ tagging and editing

    def tag(self, layer: str, exact: bool = False) -> None:
        span = self.article.span_to_tag(exact=exact)
        if span is None:
            self.show_error(
                self.tr("Select some text in the article first, then press the layer key.")
            )
            return
        if self.workbench.tag(layer, *span):
            self.article.setFocus()

    def delete_selected(self) -> None:
        if self.workbench.selected_id:
            self.workbench.delete(self.workbench.selected_id)

    def respan(self) -> None:
        annotation = self.workbench.selected()
        span = self.article.span_to_tag()
        if annotation is None or span is None:
            self.show_error(
                self.tr("Select an annotation, then select its new text and press Ctrl+R.")
            )
            return
        self.workbench.edit(annotation.id, self.tr("Change span"), start=span[0], end=span[1])

    def adjust(self, edge: str, direction: int) -> None:
        """Move one edge of the selected annotation by a word (+1: later in the text)."""
        annotation = self.workbench.selected()
        if annotation is None:
            return
        start, end = move_edge(
            self.workbench.text, annotation.start, annotation.end, edge, direction
        )
        if (start, end) != (annotation.start, annotation.end):
            longer = (end - start) > (annotation.end - annotation.start)
            description = {
                ("start", True): self.tr("Extend start"),
                ("start", False): self.tr("Shrink start"),
                ("end", True): self.tr("Extend end"),
                ("end", False): self.tr("Shrink end"),
            }[edge, longer]
            self.workbench.edit(annotation.id, description, start=start, end=end)

    def step_annotation(self, step: int) -> None:
        shown = self.workbench.visible_columns()
        if not len(shown):
            return
        row = shown.locate(self.workbench.selected_id)
        index = row + step if row >= 0 else (0 if step > 0 else -1)
        self.workbench.select(shown.ids[index % len(shown)])

    def deselect(self) -> None:
        if self.actions["pick_speaker"].isChecked():
            self.set_picking(False)
        else:
            self.workbench.select(None)

    def set_picking(self, on: bool) -> None:
        selected = self.workbench.selected()
        layer = self.workbench.schema.layer(selected.layer) if selected else None
        link = layer.attribute_of_type("link") if layer else None
        refused = on and link is None
        on = on and not refused
        self.actions["pick_speaker"].setChecked(on)
        self.article.picking_speaker = on
        self.article.viewport().setCursor(
            Qt.CursorShape.PointingHandCursor if on else Qt.CursorShape.IBeamCursor
        )
        self.side_panel.show_picking(on)
        if on and layer is not None and link is not None:
            target = self.workbench.schema.layer(link.layer or "")
            self.statusBar().showMessage(
                compose(
                    self.tr("Click the %1 of this %2 in the article (Esc cancels)."),
                    target.label.lower(),
                    layer.label.lower(),
                )
            )
        elif refused:  # said last: clearing the picking message would take it away
            self.show_error(self._pick_what_first())
        else:
            self.statusBar().clearMessage()

    def _on_pick_requested(self, on: bool) -> None:
        if on != self.actions["pick_speaker"].isChecked():
            self.set_picking(on)

    def _link_to_speaker(self, annotation_id: str) -> None:
        claim = self.workbench.selected()
        target = self.workbench.annotation(annotation_id)
        if claim is None or target is None:
            return
        schema = self.workbench.schema
        link = schema.layer(claim.layer).attribute_of_type("link")
        if link is None or not link.layer:
            return
        wanted = schema.layer(link.layer)
        if target.layer != link.layer:
            self.show_error(
                compose(
                    self.tr("That is a %1; click a %2."),
                    schema.layer(target.layer).label.lower(),
                    wanted.label.lower(),
                )
            )
            return
        self.set_picking(False)
        description = compose(
            QCoreApplication.translate("AttributeEditor", "Link %1 to %2 %3"),
            schema.layer(claim.layer).label.lower(),
            wanted.label.lower(),
            quote(target.text),
        )
        self.workbench.edit(claim.id, description, link_id=target.id)

    def _pick_what_first(self) -> str:
        """What to select before picking in the text: the layers that link to another, named
        with the layer each picks ("Select a claim first, then pick its speaker...")."""
        schema = self.workbench.schema
        linking = [(layer, layer.attribute_of_type("link")) for layer in schema.layers]
        linking = [(layer, link) for layer, link in linking if link is not None and link.layer]
        if len(linking) == 1:
            layer, link = linking[0]
            return compose(
                self.tr("Select a %1 first, then pick its %2 in the text."),
                layer.label.lower(),
                schema.layer(link.layer).label.lower(),
            )
        return compose(
            self.tr(
                "Select an annotation that links to another first (%1), then pick in the text."
            ),
            Isolated(self.tr(" or ").join(isolate(layer.label.lower()) for layer, _ in linking)),
        )

    def _on_selection_changed(self, _annotation_id: str) -> None:
        if self.actions["pick_speaker"].isChecked() and not self.workbench.selected_id:
            self.set_picking(False)

    def toggle_done(self) -> None:
        done = self.workbench.status() == "done"
        self.workbench.set_status("in_progress" if done else "done")

    def _show_status(self, _document_id: str = "") -> None:
        status = self.workbench.status()
        self.actions["done"].setChecked(status == "done")
        self.legend.status.setText(compose(self.tr("Status: %1"), status_word(status)))

    def _on_document_opened(self, document_id: str) -> None:
        self._show_status()
        left_out = self.workbench.project.left_out(document_id) if document_id else 0
        if left_out:
            self.show_error(
                self.tr(
                    "%n damaged annotation(s) of this document are not shown; "
                    "`annotator check` names them",
                    "",
                    left_out,
                )
            )
        if document_id:
            self.settings.setValue(self._key("document"), document_id)

    # ------------------------------------------------------------------ navigation and focus

    def step_document(self, step: int) -> None:
        ids = [d.id for d in self.workbench.project.documents(lengths=False)]
        if not ids:
            return
        current = self.workbench.document_id
        index = ids.index(current) + step if current in ids else 0
        self.workbench.open_document(ids[max(0, min(len(ids) - 1, index))])

    def focus_documents(self) -> None:
        self.documents.setFocus()

    def focus_annotations(self) -> None:
        self.tabs.setCurrentWidget(self.side_panel)
        self.side_panel.focus_table()

    def focus_editor(self) -> None:
        self.tabs.setCurrentWidget(self.side_panel)
        self.side_panel.focus_editor()

    # ------------------------------------------------------------------ files

    def new_project(self) -> None:
        path = file_dialogs.save_file_name(
            self,
            self.tr("New project"),
            str(Path.home()),
            self.tr("Annotator projects (*.annotator);;All files (*)"),
        )
        if path:
            self._switch_project(path, create=True)

    def open_project_dialog(self) -> None:
        path = file_dialogs.open_file_name(
            self,
            self.tr("Open project"),
            str(Path.home()),
            self.tr("Annotator projects (*.annotator);;All files (*)"),
        )
        if path:
            self._switch_project(path, create=False)

    def _switch_project(self, path: str, create: bool) -> None:
        try:
            project = Project.create(path) if create else Project.open(path, CHECK_AT_OPEN_BYTES)
        except AnnotatorError as exc:
            QMessageBox.warning(self, self.tr("Project"), core_text(exc))
            return
        self.save_state()
        try:
            replacement = MainWindow(project, self.workbench.annotator, self.settings)
        except sqlite3.DatabaseError as exc:
            # A large project opened before its check, with a damaged page among those shown.
            QMessageBox.warning(self, self.tr("Project"), project.unreadable(exc))
            project.close()
            return
        replacement.show()
        self.close()
        self.workbench.project.close()

    def import_articles(self) -> None:
        paths = file_dialogs.open_file_names(
            self,
            self.tr("Import articles"),
            str(Path.home()),
            self.tr("Articles (*.txt *.csv *.tsv *.jsonl);;All files (*)"),
        )
        if paths:
            self.start_import(paths)

    def import_folder(self) -> None:
        folder = file_dialogs.existing_directory(
            self, self.tr("Import a folder of articles"), str(Path.home())
        )
        if folder:
            self.start_import([folder])

    def start_import(self, paths: list[str]) -> None:
        """Read and store on a worker thread; the window stays usable and can cancel."""
        choice = columns_for(paths, self)
        if choice is None:
            return
        columns, encoding = choice
        self._import = ImportRun(self, self.workbench.project.path, paths, encoding, columns)
        self._import.done.connect(self._imported)

    def _imported(self, outcome) -> None:
        if outcome is None:
            return
        report = outcome.report
        self.refresh()  # at once, not at the next poll: the import wrote through its own connection
        parts = [self.tr("Imported %n article(s)", "", len(report.added))]
        if report.skipped:
            parts.append(self.tr("skipped %n already in the project", "", len(report.skipped)))
        if outcome.problems:
            parts.append(self.tr("refused %n problem file(s)", "", len(outcome.problems)))
        if outcome.ignored:
            # Symbolic links and annotation files found in folders: left out, the reason shown.
            parts.append(
                compose(
                    self.tr("left out %n: %1", "", len(outcome.ignored)),
                    core_part(outcome.ignored[0].message),
                )
            )
        message = self.tr("; ").join(parts)
        self.statusBar().showMessage(message, 10000)
        if report.added:
            self.workbench.open_document(report.added[0])

    def merge_project(self) -> None:
        path = file_dialogs.open_file_name(
            self,
            self.tr("Merge a colleague's project"),
            str(Path.home()),
            self.tr("Annotator projects (*.annotator);;All files (*)"),
        )
        if not path:
            return
        try:
            report = merge(self.workbench.project, path)
        except AnnotatorError as exc:
            QMessageBox.warning(self, self.tr("Nothing was merged"), refusal_text(exc))
            return
        lines = [
            compose(
                self.tr(
                    "Annotations: %1 added, %2 updated, %3 deleted, %4 in conflict, %5 "
                    "unchanged; %n new document(s).",
                    "",
                    report.documents_added,
                ),
                report.annotations_added,
                report.annotations_updated,
                report.annotations_deleted,
                report.annotations_conflicting,
                report.annotations_unchanged,
            )
        ]
        if report.annotations_same_work:
            lines.append(
                self.tr(
                    "%n of their annotations tag, with the same annotator, a span yours already "
                    "tags (the same work under another id): counted unchanged, their links now "
                    "point to yours.",
                    "",
                    report.annotations_same_work,
                )
            )
        if report.conflicts:
            documents = self.tr(", ").join(
                ltr(d) for d in sorted({c.document_id for c in report.conflicts})
            )
            lines.append(
                compose(
                    self.tr(
                        "%n conflict(s) were kept (in %1): choose our or their version in the "
                        "review window.",
                        "",
                        len(report.conflicts),
                    ),
                    Isolated(documents),
                )
            )
        QMessageBox.information(self, self.tr("Merge"), "\n\n".join(lines))
        self.refresh()
        review = getattr(self, "_review", None)
        if review is not None:
            review.reload()  # it lists the conflicts the merge kept

    def open_review(
        self, document_id: str | None = None, annotators: tuple[str, str] | None = None
    ) -> None:
        self._review = ReviewWindow(
            self.workbench.project,
            self.workbench.annotator,
            document_id or self.workbench.document_id,
            self,
            annotators,
        )
        # It writes through this window's connection, whose own commits the poll never sees.
        self._review.stored.connect(self.refresh)
        self._review.setWindowFlag(Qt.WindowType.Window)
        self._review.show()

    def open_agreement(self) -> None:
        self._agreement = AgreementDialog(self.workbench.project, self)
        self._agreement.review_requested.connect(
            lambda document_id, a, b: self.open_review(document_id, (a, b))
        )
        self._agreement.show()
        self._agreement.compute()

    def open_project_settings(self) -> None:
        """File ▸ Project settings: the cue list the suggestions read (modal)."""
        dialog = ProjectSettingsDialog(self.workbench, self)
        if dialog.exec():
            self.statusBar().showMessage(
                self.tr("Cue list saved: run the suggestions again to use it"), 10000
            )

    def export(self) -> None:
        """Written on a worker thread; the window stays usable and can cancel."""
        self._export = export_from_window(
            self.workbench.project, self.workbench.document_id, self, self._exported
        )

    def _exported(self, message: str | None) -> None:
        if message:
            self.statusBar().showMessage(message, 10000)

    def show_error(self, message: str) -> None:
        self.sticky_messages.show(message)


def _structure_check(
    project: Project, report: Callable[[str], None], passed: Callable[[], None]
) -> None:
    """Runs on a thread of its own: the result is reported (by signal), nothing raised."""
    try:
        found = project.check_structure()
    except Exception:  # noqa: BLE001 - a thread's failure is logged, never raised
        # The check is run again before the next write (`Project.atomic`).
        log.exception("the structure check of %s failed", project.path)
        project.structure_check_failed()
        return
    if found is not None:
        report(found)
    else:
        passed()


def _timed_backup(path: Path, report: Callable[[str], None]) -> None:
    """Runs on a thread of its own: every failure is reported (by signal), none raised."""
    try:
        with closing(sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)) as conn:
            backup.make(conn, path, "timed")
    except (AnnotatorError, sqlite3.Error, OSError) as exc:
        # The next one is tried ten minutes later; the researcher learns that this one failed.
        log.warning("timed backup of %s failed: %s", path, exc)
        try:
            report(
                compose(
                    QCoreApplication.translate(
                        "MainWindow",
                        "The timed backup failed, your work is stored in the project: %1",
                    ),
                    core_part(exc),
                )
            )
        except RuntimeError:
            pass  # the window was closed meanwhile; the log has it
