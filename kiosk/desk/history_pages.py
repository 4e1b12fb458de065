"""Runs the History tab: reads the audit log a page at a time on the desk's worker thread (the
first page when the tab is first shown or a filter changes, the next older page on "Show
older"), and what is newer than the top entry when the desk itself has added one or the tab is
shown again. One read at a time; a read answered after the filters changed is dropped."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, QObject

from kiosk.central.desk import DeskStore
from kiosk.central.history import (
    HistoryFilter,
    HistoryPage,
    read_history,
    read_newer,
    staff_names,
)
from kiosk.desk.history_view import HistoryView
from kiosk.desk.worker import Job

# DeskController._submit: run a job on the worker, then one of the two outcomes on this thread.
Submit = Callable[[Job, Callable[[Any], None], Callable[[str], None]], None]


class HistoryPages(QObject):
    """Keeps a HistoryView filled from the store."""

    def __init__(
        self,
        view: HistoryView,
        submit: Submit,
        *,
        tz: dt.tzinfo,
        now: Callable[[], dt.datetime],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._view, self._submit, self._tz, self._now = view, submit, tz, now
        self._active = False  # someone is signed in and the tab has been shown
        self._reading = False
        self._again = False  # something changed during a read: read what is newer after it
        self._older_wanted = False  # "Show older" pressed during a read: read it after
        self._generation = 0  # what the view shows; a read for an older one is dropped
        today = self._today()
        view.set_clinic_day(tz, today)
        view.day.setDate(QDate(today.year, today.month, today.day))  # the clinic's, not this PC's
        view.filter_changed.connect(self._on_filter_changed)
        view.older_requested.connect(self._on_older_requested)

    def shown(self) -> None:
        """The tab came into view: the first page, or what is new since it was last seen."""
        if not self._active:
            self._active = True
            self._first_page()
        else:
            self.changed()

    def changed(self) -> None:
        """The desk added an entry (or may have): read what is newer, if the tab is in use."""
        if not self._active:
            return
        if self._reading:
            self._again = True
            return
        newest = self._view.newest
        if newest is None:
            self._first_page()
            return
        self._view.set_clinic_day(self._tz, self._today())
        which, generation = self._filter(), self._generation
        self._read(lambda store: read_newer(store.connection, which, newest), generation, "newer")

    def stop(self) -> None:
        """Signed out: nothing shown, nothing read until the tab is shown again."""
        self._active = self._reading = self._again = self._older_wanted = False
        self._generation += 1
        self._view.clear()

    def _first_page(self) -> None:
        self._generation += 1
        self._view.set_clinic_day(self._tz, self._today())
        which, generation = self._filter(), self._generation

        def first(store: DeskStore) -> tuple[list[str], HistoryPage]:
            return staff_names(store.connection), read_history(store.connection, which)

        self._read(first, generation, "first")

    def _on_filter_changed(self) -> None:
        if self._active:
            self._reading = self._older_wanted = False  # a read under way is dropped
            self._first_page()

    def _on_older_requested(self) -> None:
        oldest = self._view.oldest
        if self._reading:
            self._older_wanted = True
            return
        if not self._active or oldest is None:
            self._view.older.setEnabled(True)
            return
        which, generation = self._filter(), self._generation
        self._read(
            lambda store: read_history(store.connection, which, before=oldest), generation, "older"
        )

    def _read(self, job: Job, generation: int, kind: str) -> None:
        self._reading = True

        def done(result: Any) -> None:
            if generation != self._generation:
                return
            self._reading = False
            if kind == "first":
                names, page = result
                self._view.set_staff(names)
                self._view.show_entries(page.entries, more=page.more)
            elif kind == "older":
                self._view.add_older(result.entries, more=result.more)
            elif result.more:  # more new entries than a page: start again from the top
                self._first_page()
                return
            else:
                self._view.add_newer(result.entries)
            if self._again:
                self._again = False
                self.changed()
            elif self._older_wanted:
                self._older_wanted = False
                self._on_older_requested()

        def failed(_kind: str) -> None:
            if generation == self._generation:
                self._reading = False
                self._view.older.setEnabled(True)

        self._submit(job, done, failed)

    def _filter(self) -> HistoryFilter:
        choice = self._view.choice()
        return HistoryFilter(choice.staff, choice.day, self._tz)

    def _today(self) -> dt.date:
        return self._now().astimezone(self._tz).date()
