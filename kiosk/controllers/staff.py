"""Staff mode: the PIN sign-in, then what staff do with the requests, every step audited.

It owns no widgets' looks and no SQL: it asks kiosk.storage (accounts, requests, export, usage,
retention), and tells the PIN pad and the staff panel what to show.
Staff mode closes itself after a few idle minutes.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import re
from collections.abc import Callable, Sequence
from pathlib import Path, PurePath
from typing import TypeVar, cast

from PySide6.QtCore import QLocale, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.controllers.background import Background, Outcome
from kiosk.controllers.session import ActivityWatch
from kiosk.core.clock import utc_now
from kiosk.core.config import Config
from kiosk.core.content import load_library
from kiosk.storage import outbox
from kiosk.storage.accounts import StaffDirectory
from kiosk.storage.audit import AuditLog
from kiosk.storage.database import Database, Problem, StorageError, set_aside_copies
from kiosk.storage.drives import export_folders
from kiosk.storage.export import ExportError, write_csv, write_csv_rows, write_new, write_xlsx
from kiosk.storage.requests import RequestStore, Status, StoredRequest
from kiosk.storage.retention import purge
from kiosk.storage.usage import UsageRow, UsageStats
from kiosk.system.diagnostics import Running, facts
from kiosk.system.fact_lines import Group
from kiosk.views.staff_view import StaffScreen

log = logging.getLogger(__name__)

DatabaseOpener = Callable[[], Database]


_Slot = TypeVar("_Slot", bound=Callable[..., None])


def _telling_staff(slot: _Slot) -> _Slot:
    """A staff action whose database fails tells staff in words and leaves them where they are
    (signed in, on the panel), instead of an exception that would send the kiosk home."""

    @functools.wraps(slot)
    def wrapper(self: StaffMode, *args: object) -> None:
        try:
            slot(self, *args)
        except StorageError as exc:
            log.warning("staff action failed: %s", exc.kind)
            self._screen.panel.say(self._storage_message(exc))

    return cast("_Slot", wrapper)


class StaffMode(QObject):
    """Runs one staff visit at a time; `closed` when staff sign out or walk away."""

    closed = Signal()
    exit_requested = Signal()

    def __init__(
        self,
        screen: StaffScreen,
        database: DatabaseOpener,
        config: Config,
        *,
        background: Background,
        running: Callable[[], Running] = Running,
        now: Callable[[], dt.datetime] | None = None,
    ) -> None:
        super().__init__(screen)
        self._screen = screen
        self._database = database
        self._config = config
        # Files go to the drive on the disk thread: a slow USB stick must not freeze the kiosk.
        self._background = background
        self._running = running  # what only the running kiosk knows, for diagnostics
        self.writing = False  # a file is being written; a second export waits its turn
        self._now = now or utc_now
        self.signed_in = ""
        self._titles_for: tuple[str, dict[str, str]] = ("", {})
        self.idle_timer = QTimer(self)
        self.idle_timer.setSingleShot(True)
        self.idle_timer.setInterval(config.kiosk.staff_timeout_minutes * 60_000)
        self.idle_timer.timeout.connect(self._on_idle_timeout)
        # Any touch on the staff screen, on widgets made later too (request rows, pages).
        self._activity = ActivityWatch(_application(), self)
        self._activity.touched.connect(self._on_touched)
        pad, panel = screen.pin, screen.panel
        pad.pin_entered.connect(self._on_pin_entered)
        pad.cancelled.connect(self.close)
        panel.export_requested.connect(self._on_export_requested)
        panel.reexport_requested.connect(self._on_reexport_requested)
        panel.called_requested.connect(self._on_called_requested)
        panel.no_call_requested.connect(self._on_no_call_requested)
        panel.purge_requested.connect(self._on_purge_requested)
        panel.stats_requested.connect(self._on_stats_requested)
        panel.diagnostics_requested.connect(self._on_diagnostics_requested)
        panel.stats_export_requested.connect(self._on_stats_export_requested)
        panel.sign_out_requested.connect(self.close)
        panel.exit_requested.connect(self._on_exit_requested)

    def open(self) -> None:
        """Show the PIN pad (or why staff mode cannot open)."""
        self.signed_in = ""
        self._screen.show_pin()
        self.idle_timer.start()
        try:
            directory = self._directory()
        except StorageError as exc:
            self._screen.pin.show_not_set_up()
            self._screen.pin.show_problem(self._storage_message(exc))
            return
        if not directory.has_staff():
            self._screen.pin.show_not_set_up()
            if set_aside_copies(self._config.paths.data_dir):
                # The staff were in the database set aside: the fresh one has none yet.
                self._screen.pin.show_problem(
                    self.tr(
                        "The request database was damaged and set aside, with the staff list. "
                        "Ask IT: requests saved before may be in the old file."
                    )
                )
        elif (wait := directory.retry_after()) > 0:
            self._screen.pin.show_wait(wait)

    def _storage_message(self, exc: StorageError) -> str:
        """What went wrong with the request database, in the kiosk's language, for staff."""
        messages = {
            Problem.KEY: self.tr("The database key is missing or wrong. Ask IT."),
            Problem.CORRUPT: self.tr("The request database is damaged. Ask IT."),
            Problem.UNWRITABLE: self.tr("The request database cannot be written. Ask IT."),
            Problem.FULL: self.tr("The disk is full. Ask IT to free some space."),
            Problem.LOCKED: self.tr("The request database is busy. Try again in a minute."),
        }
        return messages.get(exc.kind, self.tr("The request database failed. Ask IT."))

    def close(self) -> None:
        """Sign out (logged if the log takes it: signing out always works) and leave."""
        if self.signed_in:
            self._try_record("sign_out", "")
        self.signed_in = ""
        self.idle_timer.stop()
        self._screen.pin.reset()
        self.closed.emit()

    # -- sign-in -------------------------------------------------------------------------------

    def _on_pin_entered(self, pin: str) -> None:
        try:
            result = self._directory().sign_in(pin)
        except StorageError as exc:
            self._screen.pin.show_problem(self._storage_message(exc))
            return
        if result.ok:
            self.signed_in = result.name
            self._screen.panel.show_signed_in(result.name)
            self._refresh()
            self._screen.show_panel()
            damaged = self._database().recovered_from
            if damaged is not None:
                # Staff must know: requests saved before may be in the file set aside.
                self._screen.panel.say(
                    self.tr(
                        "The request database was damaged and set aside as {name}; a new one was "
                        "started. Ask IT to look at it."
                    ).format(name=damaged.name)
                )
        elif result.wait_seconds > 0:
            self._screen.pin.show_wait(result.wait_seconds)
        else:
            self._screen.pin.show_wrong()

    # -- what staff do -------------------------------------------------------------------------

    def _on_export_requested(self, kind: str, folder: str) -> None:
        try:
            store = self._store()
            pending = self._unsent(store, store.requests(Status.NEW))
        except StorageError as exc:
            self._screen.panel.say(self._storage_message(exc))
            return
        if not pending:
            self._screen.panel.say(self.tr("There are no new requests to export."))
            return
        stamp = self._now().astimezone().strftime("%Y-%m-%d-%H%M%S")
        write = write_xlsx if kind == "xlsx" else write_csv

        def written(path: Path, count: int) -> None:
            self._mark_exported(store, [r.id for r in pending], path, count)

        # Until `written` runs, nothing is marked exported: requests stay new until a file
        # holds them.
        self._write_audited(
            "export",
            folder,
            f"callback-requests-{stamp}.{kind}",
            len(pending),
            write=lambda path: write(pending, path),
            written=written,
        )

    @_telling_staff
    def _mark_exported(self, store: RequestStore, ids: list[str], path: Path, count: int) -> None:
        try:
            store.set_status(ids, Status.EXPORTED)
        except StorageError as exc:
            self._try_record("export_not_marked", f"{count} requests in {path}: {exc}")
            self._screen.panel.say(
                self.tr(
                    "%n request(s) saved to {place}, in the file {file}. They could not be marked "
                    "exported, so they stay new and the next export will include them again. "
                    "{problem}",
                    "",
                    count,
                ).format(
                    place=self._place(path), file=path.name, problem=self._storage_message(exc)
                )
            )
            self._refresh()
            return
        self._say_saved("export", count, path)
        self._refresh()

    def _on_reexport_requested(self, days: int, folder: str) -> None:
        """Every request of the last `days` days, whatever its status; statuses unchanged."""
        since = self._now() - dt.timedelta(days=days)
        try:
            store = self._store()
            chosen = [r for r in self._unsent(store, store.requests()) if r.created_at >= since]
        except StorageError as exc:
            self._screen.panel.say(self._storage_message(exc))
            return
        stamp = self._now().astimezone().strftime("%Y-%m-%d-%H%M%S")
        name = f"callback-requests-last-{days}-days-{stamp}.csv"
        self._write_audited(
            "reexport",
            folder,
            name,
            len(chosen),
            write=lambda path: write_csv(chosen, path),
            written=lambda path, count: self._say_saved("reexport", count, path),
        )

    def _write_audited(
        self,
        action: str,
        folder: str,
        name: str,
        count: int,
        *,
        write: Callable[[Path], int],
        written: Callable[[Path, int], None],
    ) -> None:
        """Log the attempt, then write a new file in `folder` (never over one already there) on
        the disk thread, then `written(path, count)`.

        When either fails, staff get a message and `written` is not called: a file of patients'
        numbers is only written once the audit log says who is writing it.
        """
        if self.writing:
            self._screen.panel.say(self.tr("Still saving the last file. Please wait."))
            return
        try:
            self._audit().record(
                self.signed_in, f"{action}_started", f"{count} requests to {folder}"
            )
        except StorageError as exc:
            self._screen.panel.say(
                self.tr("Nothing was exported. {problem}").format(
                    problem=self._storage_message(exc)
                )
            )
            return

        def job() -> tuple[Path, int]:
            Path(folder).mkdir(parents=True, exist_ok=True)
            return write_new(Path(folder), name, write)

        def done(outcome: Outcome[tuple[Path, int]]) -> None:
            self.writing = False
            exc = outcome.error
            if exc is None and outcome.value is not None:
                written(*outcome.value)
                return
            if not isinstance(exc, (ExportError, OSError)):
                log.error("export failed: %s", type(exc).__name__)  # its text may hold names
                exc = ExportError(self.tr("something unexpected went wrong"))
            self._try_record(f"{action}_failed", f"to {folder}: {exc}")
            reason = _without_paths(str(exc), folder, self._place(Path(folder) / name))
            self._screen.panel.say(self.tr("The export failed: {reason}").format(reason=reason))

        self.writing = True
        self._screen.panel.say(
            self.tr("Saving the file. Please leave the USB drive in until this says it is done.")
        )
        self._background.run(job, done)

    def _say_saved(self, action: str, count: int, path: Path) -> None:
        """Log a written file and tell staff; if the log is full, they must hear of it."""
        try:
            self._audit().record(self.signed_in, action, f"{count} requests to {path}")
        except StorageError as exc:
            self._screen.panel.say(
                self.tr(
                    "%n request(s) saved to {place}, in the file {file}, but the audit log could "
                    "not record it. {problem}",
                    "",
                    count,
                ).format(
                    place=self._place(path), file=path.name, problem=self._storage_message(exc)
                )
            )
            return
        self._screen.panel.say(
            self.tr("%n request(s) saved to {place}, in the file {file}", "", count).format(
                place=self._place(path), file=path.name
            )
        )

    def _try_record(self, action: str, detail: str) -> None:
        """Log what went wrong if the database still takes it; staff are told either way."""
        try:
            self._audit().record(self.signed_in, action, detail)
        except StorageError as exc:
            log.warning("audit entry %s not written: %s", action, exc.kind)

    @_telling_staff
    def _on_called_requested(self, request_id: str) -> None:
        """Staff called the patient back: the request is done, and the log says so."""
        self._mark_done(request_id, "1 request called back")

    @_telling_staff
    def _on_no_call_requested(self, request_id: str) -> None:
        """Staff answered Yes to "without a call?": done, and the log says it was not called."""
        self._mark_done(request_id, "1 request, no call needed")

    def _mark_done(self, request_id: str, detail: str) -> None:
        self._store().set_status([request_id], Status.DONE)
        self._audit().record(self.signed_in, "mark_done", detail)
        self._refresh()

    @_telling_staff
    def _on_purge_requested(self) -> None:
        days = self._config.kiosk.retention_days
        count = purge(self._database(), older_than_days=days, now=self._now)
        self._audit().record(self.signed_in, "purge", f"{count} requests older than {days} days")
        self._screen.panel.say(self.tr("%n old request(s) deleted.", "", count))
        self._refresh()

    @_telling_staff
    def _on_stats_requested(self) -> None:
        """What patients opened, by title, and the call-back form's counts, in words."""
        rows = UsageStats(self._database()).days()
        titles = self._titles()
        opened: dict[str, int] = {}
        for row in rows:
            if row.event in ("topic_opened", "region_tapped"):
                kind = "topic" if row.event == "topic_opened" else "spine"
                title = titles.get(f"{kind}:{row.subject}") or _slug_words(row.subject)
                opened[title] = opened.get(title, 0) + row.count
        ranked = sorted(opened.items(), key=lambda item: (-item[1], item[0]))
        self._screen.panel.set_stats(ranked, self._form_lines(rows))

    def _form_lines(self, rows: list[UsageRow]) -> list[str]:
        totals: dict[str, int] = {}
        for row in rows:
            totals[row.event] = totals.get(row.event, 0) + row.count
        lines = [
            (totals.get("form_started", 0), self.tr("Call-back forms started: {n}")),
            (totals.get("form_submitted", 0), self.tr("Call-back requests sent: {n}")),
            (totals.get("form_abandoned", 0), self.tr("Forms left unfinished: {n}")),
            (totals.get("idle_reset", 0), self.tr("Visits ended by the idle timer: {n}")),
        ]
        return [text.format(n=count) for count, text in lines if count]

    def _on_diagnostics_requested(self) -> None:
        """Gathered on the disk thread: the checks read the disk, the database and the Qt
        libraries (ldd), which can take a while on a busy machine."""
        data_dir = self._config.paths.data_dir
        running = self._running()

        def gather() -> list[Group]:
            try:
                db: Database | None = self._database()
            except StorageError:
                db = None
            return facts(data_dir, db, running, sync=self._config.sync, now=self._now())

        def done(outcome: Outcome[list[Group]]) -> None:
            if outcome.value is None:
                log.error("diagnostics failed: %s", type(outcome.error).__name__)
                self._screen.panel.show_diagnostics([])  # the screen and its touch test
                self._screen.panel.say(self.tr("The checks could not run. See the log."))
                return
            self._screen.panel.show_diagnostics(outcome.value)

        self._screen.panel.show_checking()
        self._background.run(gather, done)

    @_telling_staff
    def _on_stats_export_requested(self, folder: str) -> None:
        header, rows = UsageStats(self._database()).table()
        stamp = self._now().astimezone().strftime("%Y-%m-%d-%H%M%S")

        def written(path: Path, _count: int) -> None:
            self._try_record("export_stats", str(path))
            self._screen.panel.say(
                self.tr("Statistics saved to {place}, in the file {file}").format(
                    place=self._place(path), file=path.name
                )
            )

        self._write_audited(
            "export_stats",
            folder,
            f"usage-statistics-{stamp}.csv",
            len(rows),
            write=lambda target: write_csv_rows(header, rows, target),
            written=written,
        )

    def _on_exit_requested(self) -> None:
        """Leave the kiosk for the desktop: logged if the log takes it, never refused for it (a
        full disk is exactly when IT needs the desktop)."""
        self._try_record("exit_kiosk", "")
        self.exit_requested.emit()

    def _on_idle_timeout(self) -> None:
        if self.signed_in:
            self._try_record("timed_out", "")
            self.signed_in = ""
        self.close()

    def _on_touched(self, target: QObject) -> None:
        on_screen = target is self._screen or (
            isinstance(target, QWidget) and self._screen.isAncestorOf(target)
        )
        if on_screen and self.idle_timer.isActive():
            self.idle_timer.start()  # staff are still here

    @property
    def screen(self) -> StaffScreen:
        return self._screen

    # -- helpers -------------------------------------------------------------------------------

    def _refresh(self) -> None:
        store = self._store()
        panel = self._screen.panel
        panel.retention_days = self._config.kiosk.retention_days
        panel.set_syncing(on=self._config.sync is not None)
        sent = outbox.sent_by_status(store.database)
        counts = {status: n - sent.get(status, 0) for status, n in store.counts().items()}
        panel.set_counts(counts, sum(sent.values()))
        to_call = sorted(
            self._unsent(store, (*store.requests(Status.NEW), *store.requests(Status.EXPORTED))),
            key=lambda r: r.created_at,
        )
        panel.set_requests(to_call, self._titles(), self._now())
        folders = self._folder_words()
        chosen = panel.folder if panel.folder in dict(folders) else folders[-1][0]
        panel.set_folders(folders, chosen)

    def _unsent(
        self, store: RequestStore, requests: Sequence[StoredRequest]
    ) -> list[StoredRequest]:
        """Those the central store does not have: a request sent is the front desk's, called
        and exported from there (and its name and number are wiped here a day later), so the
        kiosk's own panel never lists or exports it, never as a blank line."""
        sent = outbox.sent_among(store.database, (r.id for r in requests))
        return [r for r in requests if r.id not in sent]

    def _folder_words(self) -> list[tuple[str, str]]:
        """Where files can go, in words: this kiosk's own folder, or a USB drive by its name."""
        folders = export_folders(self._config.paths.data_dir)
        own, *drives = folders
        return [
            (own[0], self.tr("This kiosk's exports folder")),
            *((path, self.tr("USB drive “{name}”").format(name=name)) for path, name in drives),
        ]

    def _place(self, path: Path) -> str:
        """The folder `path` was written in, in the words staff saw for it, never a path; in the
        middle of a sentence."""
        if path.parent == self._config.paths.data_dir / "exports":
            return self.tr("this kiosk's exports folder")
        return self._screen.panel.place(str(path.parent)) or self.tr("the chosen place")

    def _titles(self) -> dict[str, str]:
        """ "topic:surgery" -> "Surgery", in the language on screen; read once per language."""
        language = QLocale().name()[:2]
        if self._titles_for[0] != language:
            library = load_library(self._config.paths.content_dir, language)
            if not library.topics:
                library = load_library(
                    self._config.paths.content_dir, self._config.default_language
                )
            titles = {f"topic:{page.slug}": page.title for page in library.topics}
            titles.update({f"spine:{page.slug}": page.title for page in library.regions})
            self._titles_for = (language, titles)
        return self._titles_for[1]

    def _directory(self) -> StaffDirectory:
        return StaffDirectory(self._database(), now=self._now)

    def _audit(self) -> AuditLog:
        return AuditLog(self._database(), now=self._now)

    def _store(self) -> RequestStore:
        return RequestStore(self._database())


def _application() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        raise TypeError("staff mode needs the QApplication")
    return app


def _slug_words(slug: str) -> str:
    """A page no longer in the content, by its slug in words: "back-pain" -> "Back pain"."""
    return slug.replace("-", " ").replace("_", " ").capitalize()


def _without_paths(reason: str, folder: str, place: str) -> str:
    """A failure's reason for the screen: the folder said as staff know it (`place`), any other
    path by its last name only ("cannot write to USB drive “KINGSTON”: No space left")."""
    reason = reason.replace(folder, place)
    return re.sub(r"'?(/[^\s:']+)+'?", lambda m: PurePath(m.group(0).strip("'")).name, reason)
