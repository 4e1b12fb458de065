"""Runs the desk: signing in and out, keeping the list live, marking, exporting, the fleet, the
history (kiosk.desk.history_pages, told when the desk adds to the audit log), and
what to say and do when the central store cannot be reached (say since when, try again after
1, 2, 4... up to 60 s, and fetch what was missed once it is back)."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QObject, QTimer

from kiosk.central.desk import DeskStore, RequestFilter, Status
from kiosk.central.problems import Problem
from kiosk.core.clock import utc_now
from kiosk.desk.desk_window import DeskWindow
from kiosk.desk.history_pages import HistoryPages
from kiosk.desk.worker import EXPORT_FAILED, DeskWorker, Job
from kiosk.storage.accounts import SignInResult
from kiosk.views.request_words import moment

log = logging.getLogger(__name__)

FIRST_RETRY = 1  # seconds after a failure; doubles each time...
MAX_RETRY = 60  # ...up to a minute
FLEET_EVERY_MS = 30_000  # "silent for 11 min" must become true while the desk looks at it;
# and what other desks did appears in the History tab while it is open


class DeskController(QObject):
    """Drives a DeskWindow from a DeskWorker."""

    def __init__(
        self,
        window: DeskWindow,
        worker: DeskWorker,
        *,
        tz: dt.tzinfo,
        zone: str,
        titles: Mapping[str, str],
        choose_folder: Callable[[], Path | None],
        confirm: Callable[[str], bool],
        retention_days: int,
        now: Callable[[], dt.datetime] = utc_now,
    ) -> None:
        super().__init__(window)
        self.window = window
        self._worker = worker
        self._tz, self._zone, self._titles = tz, zone, titles
        self._choose_folder = choose_folder
        self._confirm = confirm
        self._retention_days = retention_days
        self._now = now
        self._jobs: dict[int, tuple[Callable[[Any], None], Callable[[str], None]]] = {}
        self._numbers = iter(range(1, 1 << 62))
        self.staff = ""
        self._refreshing = False
        self._stale = False
        self._retry_in = 0
        self._down_since: dt.datetime | None = None
        self._problem_kind = ""
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.timeout.connect(self._on_retry)
        self._countdown = QTimer(self)
        self._countdown.setInterval(1000)
        self._countdown.timeout.connect(self._say_problem)
        self._fleet_timer = QTimer(self)
        self._fleet_timer.setInterval(FLEET_EVERY_MS)
        self._fleet_timer.timeout.connect(self.refresh_fleet)
        self._fleet_timer.timeout.connect(self._daily)
        self._tidied_on: dt.date | None = None
        self.history = HistoryPages(window.history, self._submit, tz=tz, now=now, parent=self)
        self._fleet_timer.timeout.connect(self._on_history_tick)

        today = now().astimezone(tz).date()  # the clinic's today, whatever this PC's zone
        window.requests.day.setDate(QDate(today.year, today.month, today.day))
        worker.finished.connect(self._on_finished)
        worker.failed.connect(self._on_failed)
        worker.heard.connect(self.refresh)
        window.sign_in.pin_entered.connect(self._on_pin_entered)
        window.sign_out_requested.connect(self.sign_out)
        window.retry_requested.connect(self._on_retry)
        window.closed.connect(self.stop)
        window.requests.filter_changed.connect(self.refresh)
        window.requests.marked.connect(self._on_marked)
        window.requests.set_aside.connect(self._on_set_aside)
        window.requests.export_requested.connect(self._on_export_requested)
        window.requests.purge_requested.connect(self._on_purge_requested)
        window.tabs.currentChanged.connect(self._on_tab_changed)

    def start(self) -> None:
        self._worker.start()

    def stop(self) -> None:
        for timer in (self._retry, self._countdown, self._fleet_timer):
            timer.stop()
        self._worker.stop()

    # -- signing in and out --------------------------------------------------------------------

    def _on_pin_entered(self, pin: str) -> None:
        self.window.sign_in.busy()
        self._submit(lambda store: store.sign_in(pin), self._on_signed_in, self._on_sign_in_failed)

    def _on_signed_in(self, result: SignInResult) -> None:
        if result.ok:
            self.staff = result.name
            self.window.show_signed_in(result.name)
            self._fleet_timer.start()
            self.refresh()
            self._daily()
            return
        if result.wait_seconds > 0:
            self.window.sign_in.say(
                QCoreApplication.translate(
                    "Desk", "Too many wrong PINs. Please wait {seconds} s, then try again."
                ).format(seconds=int(result.wait_seconds + 0.999))
            )
        else:
            self.window.sign_in.say(
                QCoreApplication.translate("Desk", "That PIN is not right. Please try again.")
            )

    def _on_sign_in_failed(self, kind: str) -> None:
        if kind == Problem.UNREACHABLE.value:
            said = QCoreApplication.translate(
                "Desk", "Cannot reach the central store, so nobody can sign in right now."
            )
        else:
            said = QCoreApplication.translate(
                "Desk", "The central store turned this desk away: {reason}. Please ask IT."
            ).format(reason=problem_words().get(kind, kind))
        self.window.sign_in.say(said)

    def sign_out(self) -> None:
        staff, self.staff = self.staff, ""
        self._fleet_timer.stop()
        self.history.stop()
        self.window.show_signed_out()
        if staff:
            self._submit(lambda store: store.record(staff, "sign_out"), _ignore, _ignore)

    # -- the list ------------------------------------------------------------------------------

    def current_filter(self) -> RequestFilter:
        choice = self.window.requests.choice()
        return RequestFilter(choice.kiosk, choice.status, choice.day, self._tz)

    def refresh(self) -> None:
        """Read the list again (a notice came, a filter changed, something was marked); one
        read at a time, and one more after it if asked meanwhile."""
        if not self.staff:
            return
        if self._refreshing:
            self._stale = True
            return
        self._refreshing, self._stale = True, False
        which = self.current_filter()

        def read(store: DeskStore) -> tuple[Any, ...]:
            return store.requests(which), store.counts(), store.kiosk_ids()

        self._submit(read, self._on_read, self._on_read_failed)

    def _on_read(self, result: tuple[Any, ...]) -> None:
        self._refreshing = False
        if self.staff:
            requests, counts, kiosk_ids = result
            view = self.window.requests
            view.set_kiosks(kiosk_ids)
            view.set_requests(requests, self._titles, self._zone, self._now())
            view.set_counts(counts)
        if self._stale:
            self.refresh()

    def _on_read_failed(self, _kind: str) -> None:
        self._refreshing = False

    def _on_marked(self, request_id: str, status: str) -> None:
        staff, chosen = self.staff, Status(status)
        self._submit(
            lambda store: store.mark(request_id, chosen, staff),
            self._on_mark_done,
            _ignore,
        )

    def _on_mark_done(self, _found: object) -> None:
        self.refresh()
        self.history.changed()

    def _on_set_aside(self, request_id: str, status: str, reference: str) -> None:
        """The small button: done without a call, or back on the list; asked first."""
        if status == Status.DONE:
            question = QCoreApplication.translate(
                "Desk", "Take request {reference} off the list without calling?"
            )
        else:
            question = QCoreApplication.translate(
                "Desk", "Put request {reference} back on the list to call?"
            )
        if self._confirm(question.format(reference=reference)):
            self._on_marked(request_id, status)

    def _on_tab_changed(self, _index: int) -> None:
        self.refresh_fleet()
        if self.staff and self.window.tabs.currentWidget() is self.window.history:
            self.history.shown()

    def _on_history_tick(self) -> None:
        """Other desks add to the log too, and nothing tells this one: look while it is shown."""
        if self.staff and self.window.tabs.currentWidget() is self.window.history:
            self.history.changed()

    def refresh_fleet(self) -> None:
        if self.staff and self.window.tabs.currentWidget() is self.window.fleet:
            self._submit(lambda store: store.fleet(), self._on_fleet, _ignore)

    def _on_fleet(self, kiosks: Any) -> None:
        if self.staff:
            self.window.fleet.set_fleet(kiosks, self._zone)

    # -- exports -------------------------------------------------------------------------------

    def _on_export_requested(self, kind: str) -> None:
        folder = self._choose_folder()
        if folder is None or not self.staff:
            return
        which, staff, now = self.current_filter(), self.staff, self._now()
        self.window.requests.say(QCoreApplication.translate("Desk", "Saving…"))
        self._submit(
            lambda store: store.export(which, folder, kind, staff, now),
            self._on_exported,
            self._on_export_failed,
        )

    def _on_exported(self, result: tuple[Path, int]) -> None:
        path, count = result
        self.history.changed()
        self.window.requests.say(
            QCoreApplication.translate(
                "Desk", "Saved {file} in the folder {folder}. Requests in it: {count}."
            ).format(file=path.name, folder=path.parent.name or "/", count=count)
        )

    def _on_export_failed(self, kind: str) -> None:
        if kind == EXPORT_FAILED:
            self.window.requests.say(
                QCoreApplication.translate(
                    "Desk", "The file could not be saved there. Choose another folder, or ask IT."
                )
            )
        else:
            self.window.requests.say(
                QCoreApplication.translate(
                    "Desk", "Nothing was saved: the central store cannot be reached."
                )
            )

    # -- retention ---------------------------------------------------------------------------

    def _on_purge_requested(self) -> None:
        days, staff = self._retention_days, self.staff
        question = QCoreApplication.translate(
            "Desk",
            "Delete every request marked done more than {days} days ago, from every kiosk? "
            "This cannot be undone.",
        ).format(days=days)
        if staff and self._confirm(question):
            self._submit(lambda store: store.purge_done(days, staff), self._on_purged, _ignore)

    def _on_purged(self, count: int) -> None:
        self.history.changed()
        self.window.requests.say(
            QCoreApplication.translate("Desk", "Old requests deleted: {count}.").format(count=count)
        )
        self.refresh()

    def _daily(self) -> None:
        """Once a clinic day while someone is signed in: the store's tidying (old heartbeats,
        outgrown usage rows; no patient data). Another desk doing it too deletes nothing more."""
        today = self._now().astimezone(self._tz).date()
        if self.staff and self._tidied_on != today:
            self._tidied_on = today
            staff = self.staff
            self._submit(
                lambda store: store.daily_prune(staff), lambda _n: self.history.changed(), _ignore
            )

    # -- jobs and failures ---------------------------------------------------------------------

    def _submit(
        self, job: Job, on_done: Callable[[Any], None], on_fail: Callable[[str], None]
    ) -> None:
        number = next(self._numbers)
        self._jobs[number] = (on_done, on_fail)
        self._worker.submit(number, job)

    def _on_finished(self, number: int, result: object) -> None:
        on_done, _ = self._jobs.pop(number, (_ignore, _ignore))
        if self._down_since is not None:
            self._back_up()
        on_done(result)

    def _on_failed(self, number: int, kind: str, _words_for_it: str) -> None:
        _, on_fail = self._jobs.pop(number, (_ignore, _ignore))
        on_fail(kind)
        if kind != EXPORT_FAILED:
            self._went_down(kind)

    def _went_down(self, kind: str) -> None:
        self._problem_kind = kind
        if self._down_since is None:
            self._down_since = self._now()
            self._retry_in = FIRST_RETRY
        else:
            self._retry_in = min(self._retry_in * 2, MAX_RETRY)
        self._retry.start(self._retry_in * 1000)
        self._countdown.start()
        self._say_problem()

    def _back_up(self) -> None:
        log.info("desk: the central store answers again")
        self._down_since = None
        self._retry.stop()
        self._countdown.stop()
        self.window.hide_problem()
        self.refresh()  # what came in meanwhile was not heard
        self.refresh_fleet()
        self.history.changed()

    def _say_problem(self) -> None:
        if self._down_since is None:
            return
        seconds = max(1, (self._retry.remainingTime() + 999) // 1000)
        since = moment(self._down_since, self._zone)
        if self._problem_kind == Problem.UNREACHABLE.value:
            text = QCoreApplication.translate(
                "Desk",
                "Cannot reach the central store since {time}. The list may be out of date. "
                "Trying again in {seconds} s.",
            )
        else:
            text = QCoreApplication.translate(
                "Desk",
                "The central store has not accepted this desk since {time}: {reason}. Please "
                "ask IT. Trying again in {seconds} s.",
            )
        reason = problem_words().get(self._problem_kind, self._problem_kind)
        self.window.show_problem(text.format(time=since, seconds=seconds, reason=reason))

    def _on_retry(self) -> None:
        self._retry.stop()
        if self.staff:
            self._refreshing = False
            self.refresh()
            self.refresh_fleet()
        else:
            self._submit(lambda store: store.retry_after(), _ignore, _ignore)

    @property
    def retry_seconds(self) -> int:
        """The wait before the next try while the store cannot be reached (0: it can)."""
        return self._retry_in if self._down_since is not None else 0


def problem_words() -> dict[str, str]:
    """Why the store turned the desk away, for staff to tell IT (kiosk.central.problems)."""
    translate = QCoreApplication.translate
    return {
        Problem.NO_PASSWORD.value: translate("Desk", "the desk's password is missing"),
        Problem.WRONG_PASSWORD.value: translate("Desk", "the desk's password was refused"),
        Problem.REFUSED.value: translate("Desk", "the store does not know this desk"),
        Problem.TLS.value: translate("Desk", "the store's certificate was not accepted"),
        Problem.NOT_ALLOWED.value: translate("Desk", "the desk may not read the requests"),
        Problem.NOT_MIGRATED.value: translate("Desk", "the store is not set up yet"),
        Problem.CENTRAL.value: translate("Desk", "the store refused a request"),
    }


def _ignore(_value: object) -> None:
    """An outcome nobody needs to see (the problem line already says a failure)."""
