"""Work that may wait on a disk runs here, never on the UI thread.

A write with `synchronous=FULL` waits for fsync, which on a worn SD card or a slow USB stick can
take seconds, and a lock held by another program (`kiosk admin`, a backup) makes SQLite wait up
to its busy timeout. Done on the UI thread, either would freeze the screen a patient is touching
and starve the systemd watchdog. So the database and the export drive are used from one worker
thread, in the order the jobs were given, and each job's outcome comes back to the UI thread
through a queued signal.

One thread, not a pool: jobs keep their order (a request is saved before the usage count that
follows it) and the database connection is only ever used by one thread at a time.
"""

from __future__ import annotations

import functools
import queue
import threading
from collections.abc import Callable
from typing import Any, Generic, NamedTuple, TypeVar

from PySide6.QtCore import QObject, Signal

T = TypeVar("T")


class Outcome(NamedTuple, Generic[T]):
    """What a job returned, or the exception it raised (then `value` is None)."""

    value: T | None = None
    error: Exception | None = None


Job = tuple[Callable[[], Any], Callable[[Outcome[Any]], None]]


class Background(QObject):
    """Runs jobs on one worker thread; `done(outcome)` is called on the UI thread afterwards."""

    # (done, outcome), emitted on the worker thread, delivered on this object's (UI) thread.
    _finished = Signal(object)
    # How many jobs are waiting or running; the UI may show "Saving..." while it is above 0.
    busy_changed = Signal(int)

    def __init__(self, parent: QObject | None = None, *, name: str = "kiosk-disk") -> None:
        super().__init__(parent)
        self._jobs: queue.SimpleQueue[Job | None] = queue.SimpleQueue()
        self._pending = 0
        self._finished.connect(self._deliver)
        # A daemon thread: a job stuck on a dead disk must not keep the kiosk from exiting
        # (systemd restarts it, and SQLite's journal keeps the database whole).
        self._thread = threading.Thread(target=self._work, name=name, daemon=True)
        self._thread.start()
        # The thread ends once the jobs before it are done (the queue, not self: by then the
        # Python wrapper may be all that is left).
        self.destroyed.connect(functools.partial(self._jobs.put, None))

    @property
    def pending(self) -> int:
        return self._pending

    def run(self, job: Callable[[], T], done: Callable[[Outcome[T]], None]) -> None:
        """Queue `job`; once it ends, `done` gets its outcome on the UI thread."""
        self._pending += 1
        self.busy_changed.emit(self._pending)
        self._jobs.put((job, done))

    def _work(self) -> None:
        while (item := self._jobs.get()) is not None:
            job, done = item
            try:
                outcome: Outcome[Any] = Outcome(value=job())
            except Exception as exc:  # noqa: BLE001 -- handed to `done`, which decides
                outcome = Outcome(error=exc)
            try:
                self._finished.emit((done, outcome))
            except RuntimeError:  # the window (and this object) is gone: nobody to tell
                return

    def _deliver(self, finished: tuple[Callable[[Outcome[Any]], None], Outcome[Any]]) -> None:
        done, outcome = finished
        self._pending -= 1
        try:
            done(outcome)
        finally:
            self.busy_changed.emit(self._pending)
