"""Sync of a team project from the window: a status-bar indicator (synced / pending N /
offline / login refused / busy / conflicts), a Sync now action, and automatic syncs (soon after
a change while the server answers, every EVERY_MS while online so colleagues' work arrives
within seconds, every OFFLINE_EVERY_MS while offline, REFUSED_EVERY_MS after a refused login)
run on a worker thread with its own connection, so the window never waits for the network. The
window's two-second watch shows what a pull stored."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Qt, QThread, QTimer, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMainWindow

from annotator.core.store.project import Project
from annotator.core.sync import link
from annotator.core.sync.server import (
    ServerBusyError,
    ServerRefusedLoginError,
    ServerUnreachableError,
)
from annotator.gui.core_text import core_text

AFTER_CHANGE_MS = 2_000
# A sync with nothing to do costs about 11 ms on a lab's network: pulling every 10 s while the
# server answers brings a colleague's tag within seconds; an unanswered one is retried less
# often, a refused login (a password to fix) seldom, a busy server soon.
EVERY_MS = 10_000
OFFLINE_EVERY_MS = 15_000
REFUSED_EVERY_MS = 60_000
BUSY_RETRY_MS = 5_000
# What stopped the last sync, as the worker reports it.
OFFLINE, REFUSED, BUSY, FAILED = "offline", "refused", "busy", "failed"
log = logging.getLogger("annotator")


def team_annotator(project: Project) -> str | None:
    """The member name a project joined to a team works under (its link's), else None: a
    window on a joined project records every change under that name, never another."""
    linked = link.read(project)
    return linked.annotator if linked is not None else None


class SyncWorker(QObject):
    """Runs syncs on its thread, with a connection to the project opened there."""

    synced = Signal(object)  # a SyncReport
    failed = Signal(str, str)  # the one-line reason; OFFLINE, REFUSED, BUSY or FAILED

    def __init__(self, path) -> None:
        super().__init__()
        self._path = path
        self._project: Project | None = None

    @Slot()
    def run(self) -> None:
        from annotator.core.sync import exchange

        try:
            if self._project is None:
                self._project = Project.open(self._path)
            report = exchange.sync(self._project)
        except ServerUnreachableError as exc:
            self.failed.emit(core_text(exc), OFFLINE)
        except ServerRefusedLoginError as exc:
            self.failed.emit(core_text(exc), REFUSED)
        except ServerBusyError as exc:
            self.failed.emit(core_text(exc), BUSY)
        except Exception as exc:  # noqa: BLE001 - nothing may escape a slot; shown instead
            log.exception("sync failed")
            # Opened afresh next time: the file may have been replaced under the window.
            self.close()
            self.failed.emit(core_text(exc), FAILED)
        else:
            self.synced.emit(report)

    @Slot()
    def close(self) -> None:
        if self._project is not None:
            self._project.close()
            self._project = None


class TeamSync(QObject):
    """The window's side of sync; made only for a project linked to a team project."""

    _run = Signal()
    _close = Signal()

    def __init__(self, window: QMainWindow, project: Project) -> None:
        super().__init__(window)
        self._window = window
        self._busy = False
        self._again = False
        self._online = True
        self._stopped_by: str | None = None  # what stopped the last sync (OFFLINE, ...)
        self._problem: str | None = None
        self.indicator = QLabel(self._window)
        self.indicator.setObjectName("team-sync-indicator")
        window.statusBar().addPermanentWidget(self.indicator)
        self.sync_now = QAction(self.tr("Sync with team now"), window)
        self.sync_now.setObjectName("sync-now")
        self.sync_now.triggered.connect(self.request)
        self.show_progress = QAction(self.tr("Team progress…"), window)
        self.show_progress.triggered.connect(self.open_progress)
        self.assign = QAction(self.tr("Assign documents…"), window)
        self.assign.setToolTip(self.tr("Coordinators assign documents to team members"))
        self.assign.triggered.connect(self.open_assign)
        menu = window.menuBar().addMenu(self.tr("&Team"))
        for action in (self.sync_now, self.show_progress, self.assign):
            menu.addAction(action)
        self._thread = QThread(self)
        self._worker = SyncWorker(project.path)
        self._worker.moveToThread(self._thread)
        self._run.connect(self._worker.run)
        self._close.connect(self._worker.close)
        self._worker.synced.connect(self._on_synced)
        self._worker.failed.connect(self._on_failed)
        self._thread.start()
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.timeout.connect(self.request)
        self._every = QTimer(self)
        self._every.timeout.connect(self.request)
        self._every.start(EVERY_MS)
        self.show_state()
        self.request()

    @classmethod
    def attach(cls, window: QMainWindow, project: Project) -> TeamSync | None:
        """The window's sync, or None when its project is not linked to a team project."""
        return cls(window, project) if link.read(project) is not None else None

    @Slot()
    def changed(self, *_args) -> None:
        """After a change: sync soon if the server answers (else the minute's timer will)."""
        try:
            if self._online and link.pending_count(self._window.workbench.project) > 0:
                self._soon.start(AFTER_CHANGE_MS)
            self.show_state()
        except Exception:  # noqa: BLE001 - nothing may escape a slot
            log.exception("reading the sync state failed")

    @Slot()
    def open_progress(self) -> None:
        from annotator.gui.team_dialogs import TeamProgressDialog

        try:
            url = link.require(self._window.workbench.project).url
            dialog = TeamProgressDialog(url, self._window)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.show()
            self.progress_dialog = dialog
        except Exception:  # noqa: BLE001 - nothing may escape a slot
            log.exception("the progress view could not open")

    @Slot()
    def open_assign(self) -> None:
        from annotator.gui.team_dialogs import AssignDialog

        try:
            project = self._window.workbench.project
            dialog = AssignDialog(link.require(project).url, project.documents(), self._window)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.assigned.connect(self.request)
            dialog.show()
            self.assign_dialog = dialog
        except Exception:  # noqa: BLE001 - nothing may escape a slot
            log.exception("the assignment dialog could not open")

    @Slot()
    def request(self) -> None:
        if self._busy:
            self._again = True
            return
        self._busy = True
        self._again = False
        self._run.emit()
        try:
            self.show_state()
        except Exception:  # noqa: BLE001 - nothing may escape a slot
            log.exception("reading the sync state failed")

    @Slot(object)
    def _on_synced(self, report) -> None:
        self._online, self._problem, self._stopped_by = True, None, None
        self._every.setInterval(EVERY_MS)
        self._finished()
        if report.conflicts:
            self._window.statusBar().showMessage(
                self.tr("Sync found %n conflict(s): resolve them in Review.", "", report.conflicts)
            )

    @Slot(str, str)
    def _on_failed(self, message: str, kind: str) -> None:
        self._online = kind != OFFLINE
        self._problem, self._stopped_by = message, kind
        self._every.setInterval(
            {OFFLINE: OFFLINE_EVERY_MS, REFUSED: REFUSED_EVERY_MS}.get(kind, EVERY_MS)
        )
        if kind == BUSY:
            self._soon.start(BUSY_RETRY_MS)
        self._finished()

    def _finished(self) -> None:
        self._busy = False
        try:
            self.show_state()
        except Exception:  # noqa: BLE001 - nothing may escape a slot
            log.exception("reading the sync state failed")
        if self._again:
            self.request()

    def show_state(self) -> None:
        """Set the indicator from the stored state: conflicts first, then offline, pending."""
        pending = link.pending_count(self._window.workbench.project)
        conflicts = link.open_conflict_count(self._window.workbench.project)
        if conflicts:
            text = self.tr("Team: %n conflict(s)", "", conflicts)
        elif not self._online:
            text = self.tr("Team: offline, %n change(s) pending", "", pending)
        elif self._stopped_by == REFUSED:
            text = self.tr("Team: login refused, %n change(s) pending", "", pending)
        elif self._stopped_by == BUSY:
            text = self.tr("Team: server busy, trying again")
        elif self._problem is not None:
            text = self.tr("Team: sync refused")
        elif self._busy:
            text = self.tr("Team: syncing…")
        elif pending:
            text = self.tr("Team: %n change(s) pending", "", pending)
        else:
            text = self.tr("Team: synced")
        kept = link.kept_locally(self._window.workbench.project)
        if kept:
            text += self.tr(", %n change(s) not yours kept locally", "", kept)
        self.indicator.setText(text)
        # Only a coordinator assigns (the server refuses anyone else's assignments anyway).
        linked = link.read(self._window.workbench.project)
        self.assign.setEnabled(linked is not None and linked.role == "coordinator")
        # A document whose text differs from the team's is named here (the core's message).
        differing = link.differing_documents(self._window.workbench.project).values()
        self.indicator.setToolTip("\n".join(filter(None, [self._problem, *differing])))

    def state_text(self) -> str:
        return self.indicator.text()

    def stop(self) -> None:
        """Stop the timers and the worker (a sync under way finishes first)."""
        self._soon.stop()
        self._every.stop()
        self._close.emit()
        self._thread.quit()
        self._thread.wait()
