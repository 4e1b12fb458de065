"""Every call to the central store, on one thread of its own: the window never waits on the
network. Jobs run one after another on a `DeskStore`; each outcome comes back to the UI thread
through a queued signal. The same thread LISTENs for new requests: a QSocketNotifier on the
listening connection's socket wakes it when a notice arrives, so nothing polls.

A connection is opened on the first job and again after it was lost; when it cannot be, the
job fails with the problem's kind and the controller retries later.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QMetaObject, QObject, QSocketNotifier, Qt, QThread, Signal, Slot

from kiosk.central.desk import Connection, DatabaseError, DeskStore, Listener, failure
from kiosk.central.problems import Problem, SyncError
from kiosk.storage.export import ExportError

log = logging.getLogger(__name__)

Connector = Callable[[bool], Connection]  # autocommit -> a new connection as the desk
Job = Callable[[DeskStore], Any]
EXPORT_FAILED = "export"  # a failure's kind when the file could not be written


class DeskWorker(QObject):
    """Runs jobs on the store and listens; lives on its own thread (see `start`)."""

    finished = Signal(int, object)  # job number, result
    failed = Signal(int, str, str)  # job number, kind (Problem or EXPORT_FAILED), words for IT
    heard = Signal()  # new requests arrived
    _submitted = Signal(int, object)

    def __init__(self, connector: Connector) -> None:
        super().__init__()
        self._connector = connector
        self._store: DeskStore | None = None
        self._listener: Listener | None = None
        self._notifier: QSocketNotifier | None = None
        self._thread = QThread()
        self._thread.setObjectName("desk-store")
        self.moveToThread(self._thread)
        self._submitted.connect(self._run)

    def start(self) -> None:
        self._thread.start()

    def submit(self, number: int, job: Job) -> None:
        """Queue `job`; `finished` or `failed` says how it went. Safe from any thread."""
        self._submitted.emit(number, job)

    def stop(self) -> None:
        """Close the connections on the worker's thread, then end it (waits for a running job,
        at most the connection timeout)."""
        if self._thread.isRunning():
            QMetaObject.invokeMethod(self, "_close", Qt.ConnectionType.BlockingQueuedConnection)
            self._thread.quit()
            self._thread.wait()

    @Slot(int, object)
    def _run(self, number: int, job: Job) -> None:
        try:
            store = self._store or self._open()
            result = job(store)
        except SyncError as exc:
            self._failed(number, exc)
        except DatabaseError as exc:
            self._failed(number, failure(exc))
        except ExportError as exc:
            self.failed.emit(number, EXPORT_FAILED, str(exc))
        except Exception as exc:  # noqa: BLE001 -- a bug of ours: said, never a trace on screen
            # Its type only: an exception's text may quote what it was given.
            log.error("desk: a job failed unexpectedly (%s)", type(exc).__name__)  # noqa: TRY400
            self.failed.emit(number, Problem.CENTRAL.value, type(exc).__name__)
        else:
            self.finished.emit(number, result)

    def _failed(self, number: int, exc: SyncError) -> None:
        # The kind and IT's words only: never a server's message (it may quote a patient).
        log.warning("desk: %s (%s)", exc, exc.kind)
        if (
            self._store is not None
            and (self._store.connection.closed or self._store.connection.broken)
        ) or exc.kind in (Problem.UNREACHABLE, Problem.TLS, Problem.WRONG_PASSWORD):
            self._close()
        self.failed.emit(number, exc.kind.value, str(exc))

    def _open(self) -> DeskStore:
        store = DeskStore(self._connector(False))
        try:
            listener = Listener(self._connector(True))
        except BaseException:
            store.close()
            raise
        self._store, self._listener = store, listener
        self._notifier = QSocketNotifier(listener.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._on_readable)
        log.info("desk: connected to the central store, listening for new requests")
        return store

    def _on_readable(self) -> None:
        if self._listener is None:
            return
        try:
            count = self._listener.drain()
        except DatabaseError as exc:
            log.warning("desk: the listening connection was lost (%s)", failure(exc).kind)
            self._close()
            self.failed.emit(-1, Problem.UNREACHABLE.value, "the listening connection was lost")
            return
        if count:
            self.heard.emit()

    @Slot()
    def _close(self) -> None:
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None
        for part in (self._listener, self._store):
            if part is not None:
                with contextlib.suppress(DatabaseError):  # already gone
                    part.close()
        self._store = self._listener = None
