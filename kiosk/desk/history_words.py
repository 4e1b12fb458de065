"""The history's words: an audit entry said the way a front-desk manager says it ("Rosa marked
request K7Q2 called"), never its action code or its raw detail, and its day and time in the
clinic's zone. Only the facts kiosk.central.history read back are said: references, kiosk ids,
counts, export file names and staff names, never a patient's."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QTime

from kiosk.central.history import Action, HistoryEntry
from kiosk.storage.accounts import wait_after
from kiosk.views.request_words import duration


def entry_words(entry: HistoryEntry) -> str:
    """What happened, in one or two sentences."""
    who = entry.staff or QCoreApplication.translate("Desk", "Someone")
    return _SAYINGS.get(entry.action, _other)(entry, who)


def _signed_in(entry: HistoryEntry, who: str) -> str:
    translate = QCoreApplication.translate
    if entry.numbers and entry.numbers[0]:
        return translate("Desk", "{who} signed in (wrong PINs just before: {n})").format(
            who=who, n=entry.numbers[0]
        )
    return translate("Desk", "{who} signed in").format(who=who)


def _signed_out(_entry: HistoryEntry, who: str) -> str:
    return QCoreApplication.translate("Desk", "{who} signed out").format(who=who)


def _exported(entry: HistoryEntry, who: str) -> str:
    translate = QCoreApplication.translate
    if not entry.file:
        return translate("Desk", "{who} saved requests to a file").format(who=who)
    return translate(
        "Desk", "{who} saved requests to the file {file} (requests in it: {n})"
    ).format(who=who, file=entry.file, n=entry.numbers[0])


def _purged(entry: HistoryEntry, who: str) -> str:
    translate = QCoreApplication.translate
    if len(entry.numbers) != 2:
        return translate("Desk", "{who} deleted old requests").format(who=who)
    return translate(
        "Desk", "{who} deleted requests marked done more than {days} days ago (deleted: {n})"
    ).format(who=who, days=entry.numbers[1], n=entry.numbers[0])


def _tidied(entry: HistoryEntry, _who: str) -> str:
    return QCoreApplication.translate(
        "Desk", "Daily clean-up of old kiosk records, no patient data (deleted: {n})"
    ).format(n=sum(entry.numbers))


def _staff_added(entry: HistoryEntry, _who: str) -> str:
    translate = QCoreApplication.translate
    if not entry.name:
        return translate("Desk", "IT added a staff member")
    return translate("Desk", "IT added {name} as staff").format(name=entry.name)


def _other(_entry: HistoryEntry, who: str) -> str:
    return QCoreApplication.translate(
        "Desk", "{who}: something this version of the desk cannot show"
    ).format(who=who)


def _marked(entry: HistoryEntry, who: str) -> str:
    translate = QCoreApplication.translate
    action, reference = entry.action, entry.reference
    if not reference:
        return {
            Action.MARK_CALLED: translate("Desk", "{who} marked a request called"),
            Action.MARK_DONE: translate("Desk", "{who} marked a request done"),
            Action.MARK_NEW: translate("Desk", "{who} put a request back on the list to call"),
        }[action].format(who=who)
    return {
        Action.MARK_CALLED: translate("Desk", "{who} marked request {reference} called"),
        Action.MARK_DONE: translate("Desk", "{who} marked request {reference} done"),
        Action.MARK_NEW: translate(
            "Desk", "{who} put request {reference} back on the list to call"
        ),
    }[action].format(who=who, reference=reference)


def _wrong_pin(entry: HistoryEntry, _who: str) -> str:
    """ "Someone typed a wrong PIN (5 in a row). Sign-in was locked for 30 seconds." """
    translate = QCoreApplication.translate
    in_a_row = entry.numbers[0] if entry.numbers else 0
    if in_a_row <= 1:
        said = translate("Desk", "Someone typed a wrong PIN.")
    else:
        said = translate("Desk", "Someone typed a wrong PIN ({n} in a row).").format(n=in_a_row)
    wait = int(wait_after(in_a_row))
    if wait <= 0:
        return said
    lasted = (
        translate("Desk", "{n} s", "seconds").format(n=wait)
        if wait < 60
        else duration(dt.timedelta(seconds=wait))
    )
    locked = translate("Desk", "Sign-in was locked for {time}.").format(time=lasted)
    return f"{said} {locked}"


_SAYINGS: dict[Action, Callable[[HistoryEntry, str], str]] = {
    Action.SIGN_IN: _signed_in,
    Action.SIGN_IN_FAILED: _wrong_pin,
    Action.SIGN_OUT: _signed_out,
    Action.MARK_CALLED: _marked,
    Action.MARK_DONE: _marked,
    Action.MARK_NEW: _marked,
    Action.EXPORT: _exported,
    Action.PURGE: _purged,
    Action.DAILY_PRUNE: _tidied,
    Action.STAFF_ADDED: _staff_added,
}


def entry_place(entry: HistoryEntry) -> str:
    """Where: the request's kiosk, and the desk it was done at (its login's name); "" for what
    IT did with the store's own login, at no desk."""
    if entry.action is Action.STAFF_ADDED:
        return ""
    translate = QCoreApplication.translate
    at = translate("Desk", "at {desk}").format(desk=entry.desk)
    if entry.kiosk:
        return translate("Desk", "Kiosk {kiosk} · {at}").format(kiosk=entry.kiosk, at=at)
    return at


def local(at: dt.datetime, tz: dt.tzinfo) -> dt.datetime:
    """`at` on the clinic's clock."""
    return at.astimezone(tz)


def time_words(at: dt.datetime, tz: dt.tzinfo) -> str:
    """ "9:41 AM", as the desk's language writes a time, on the clinic's clock."""
    there = local(at, tz)
    return QLocale().toString(
        QTime(there.hour, there.minute, there.second), QLocale.FormatType.ShortFormat
    )


def day_words(day: dt.date, today: dt.date) -> str:
    """ "Today, Tuesday, December 1, 2026", "Yesterday, ...", or the date alone."""
    translate = QCoreApplication.translate
    date = QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.LongFormat)
    if day == today:
        return translate("Desk", "Today, {date}").format(date=date)
    if day == today - dt.timedelta(days=1):
        return translate("Desk", "Yesterday, {date}").format(date=date)
    return date
