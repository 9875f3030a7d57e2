"""The window's care of its project file: committed work checkpointed into the file after a few
idle seconds and at closing, a file replaced under the window reopened before any further write,
problems found beside the file at opening shown, and File ▸ Save a copy."""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from contextlib import closing
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QMessageBox

from annotator.core.arabic.search import SearchIndex
from annotator.core.bidi import compose, ltr, plain
from annotator.core.errors import AnnotatorError
from annotator.core.store import backup
from annotator.core.store.opening import CHECK_AT_OPEN_BYTES
from annotator.core.store.project import Project
from annotator.gui import file_dialogs
from annotator.gui.core_text import core_part, core_text

if TYPE_CHECKING:
    from annotator.gui.main_window import MainWindow

IDLE_S = 3.0  # seconds without a write before the log is copied into the file
TICK_MS = 1000
log = logging.getLogger("annotator")


class ProjectFileCare(QObject):
    # A copy finished: the message to show (where it was written, or why it was not).
    copy_finished = Signal(str)

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        # Something was written since the last complete checkpoint.
        self.pending = False
        self._marker = self._writes()
        self._last_write = time.monotonic()
        self.notice: QMessageBox | None = None
        self.copy_thread: threading.Thread | None = None
        self.copy_finished.connect(self._copied)
        window.workbench.error.connect(self._after_refusal)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.tick)
        self._timer.start(TICK_MS)
        if self.project.warnings:
            self._tell(
                self.tr("Problems beside the project file"),
                "\n\n".join(core_text(w) for w in self.project.warnings),
            )

    def retire(self) -> None:
        """Stop the checks: another window takes over the project (the file stays open)."""
        self._timer.stop()

    @property
    def project(self) -> Project:
        return self.window.workbench.project

    # ------------------------------------------------------------------ checkpoints

    def _writes(self) -> tuple[int, int]:
        # This window's changes, and other connections' commits: both leave work in the log.
        conn = self.project.conn
        return conn.total_changes, conn.execute("PRAGMA data_version").fetchone()[0]

    def tick(self) -> None:
        """Every second: reopen a replaced file; after IDLE_S without a write, checkpoint."""
        try:
            if self.reopen_if_replaced():
                return
            marker = self._writes()
            if marker != self._marker:
                self._marker, self._last_write, self.pending = marker, time.monotonic(), True
            elif self.pending and time.monotonic() - self._last_write >= IDLE_S:
                # Not into a file found damaged or not yet checked (`Project.checkpoint`).
                if self.project.structure == "ok":
                    self.checkpoint_now()
        except (AnnotatorError, sqlite3.Error) as exc:
            log.warning("checking %s failed: %s", self.project.path, exc)

    def checkpoint_now(self) -> bool:
        """Copy committed work into the file without waiting (PASSIVE); True when all of it
        went in, else it is tried again at the next idle tick (another window was reading)."""
        busy, frames, copied = self.project.checkpoint("PASSIVE")
        self.pending = bool(busy) or copied < frames
        return not self.pending

    def at_close(self) -> None:
        """The window closes: empty the log into the file (TRUNCATE, a short wait at most)."""
        self._timer.stop()
        if self.project.structure != "ok":
            return  # nothing goes into a file found damaged, or not yet checked
        try:
            if not self.project.replaced():
                self.project.checkpoint("TRUNCATE")
        except (AnnotatorError, sqlite3.Error) as exc:
            log.warning("checkpoint of %s at closing failed: %s", self.project.path, exc)

    # ------------------------------------------------------------------ a replaced file

    def _after_refusal(self, _message: str) -> None:
        # A write refused because the file was replaced: reopen now, not at the next tick.
        try:
            self.reopen_if_replaced()
        except (AnnotatorError, sqlite3.Error) as exc:
            log.warning("reopening %s failed: %s", self.project.path, exc)

    def reopen_if_replaced(self) -> bool:
        """When another file took the project's name (a restore by another program), open that
        one in place of the old, whose writes nobody would see, and say so; the undo history,
        which belongs to the old file, is cleared. True when the file was replaced."""
        old = self.project
        if not old.replaced():
            return False
        try:
            # What this window had stored, read from the old file it still has open: kept
            # among the backups, with the copies kept before a restore.
            kept = backup.make(old.conn, old.path, backup.BEFORE_RESTORE)
            old.close_replaced()
            fresh = Project.open(old.path, CHECK_AT_OPEN_BYTES)
        except (AnnotatorError, sqlite3.Error) as exc:
            # Nothing is left to show: the window closes rather than fail at every step.
            self._timer.stop()
            QMessageBox.warning(
                None,
                self.tr("The project file was replaced"),
                compose(
                    self.tr(
                        "%1 was replaced or removed by another program and cannot be opened "
                        "again here: %2"
                    ),
                    ltr(old.path),
                    core_part(exc),
                ),
            )
            self.window.close()
            return True
        for child in ("_review", "_agreement"):
            other = getattr(self.window, child, None)
            if other is not None:
                other.close()
        workbench = self.window.workbench
        workbench.use_project(fresh)
        # The parts that keep the project object of their own.
        self.window.documents.model._project = fresh
        self.window.find_bar.index = SearchIndex(fresh)
        ids = [d.id for d in fresh.documents(lengths=False)]
        if workbench.document_id not in ids:
            workbench.open_document(ids[0] if ids else None)
        self.window.refresh()
        self._marker, self.pending = self._writes(), False
        self._tell(
            self.tr("The project file was replaced"),
            compose(
                self.tr(
                    "%1 was replaced by another program (a restore?) while it was open here; it "
                    "was reopened and shows what the file holds now. What this window had "
                    "stored before is kept in %2. The undo history was cleared, and a change "
                    "refused just now was not stored: make it again if it is still wanted."
                ),
                ltr(old.path),
                ltr(kept),
            ),
        )
        return True

    def _tell(self, title: str, message: str) -> None:
        # Not modal: the researcher reads it when they like, the window keeps working.
        self.window.statusBar().showMessage(message.splitlines()[0], 30000)
        self.notice = QMessageBox(QMessageBox.Icon.Warning, title, message, parent=self.window)
        self.notice.setModal(False)
        self.notice.show()

    # ------------------------------------------------------------------ Save a copy

    def save_copy(self) -> None:
        path = file_dialogs.save_file_name(
            self.window,
            self.tr("Save a copy of the project"),
            str(
                self.project.path.with_name(
                    # A file name: the isolates compose puts around the stem are taken out.
                    plain(compose(self.tr("%1 copy.annotator"), self.project.path.stem))
                )
            ),
            self.tr("Annotator projects (*.annotator);;All files (*)"),
        )
        if path:
            # The dialog has asked before choosing an existing file.
            self.save_copy_to(Path(path), overwrite=Path(path).exists())

    def save_copy_to(self, dest: Path, overwrite: bool = False) -> None:
        """Write a copy on a thread of its own (a large project never stalls the window);
        `copy_finished` says how it went."""
        self.window.statusBar().showMessage(compose(self.tr("Saving a copy to %1…"), ltr(dest)))
        self.copy_thread = threading.Thread(
            target=self._copy, args=(self.project.path, dest, overwrite), name="save a copy"
        )
        self.copy_thread.start()

    def _copy(self, source: Path, dest: Path, overwrite: bool) -> None:
        try:
            uri = f"{source.absolute().as_uri()}?mode=ro"
            with closing(sqlite3.connect(uri, uri=True)) as conn:
                backup.copy(conn, dest, overwrite=overwrite)
            self.copy_finished.emit(
                compose(self.tr("Saved a copy with every stored change to %1"), ltr(dest))
            )
        except (AnnotatorError, sqlite3.Error, OSError) as exc:
            self.copy_finished.emit(compose(self.tr("No copy was saved: %1"), core_part(exc)))

    def _copied(self, message: str) -> None:
        self.window.statusBar().showMessage(message, 15000)
