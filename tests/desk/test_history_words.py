"""The history's words for each kind of entry, without a store: what a front-desk manager reads
for a wrong PIN and the lock after it, a purge, a request put back, and the day headings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale

from kiosk.central.history import Action, HistoryEntry
from kiosk.desk.history_words import day_words, entry_place, entry_words

AT = dt.datetime(2026, 12, 1, 15, 41, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def _us_english() -> Iterator[None]:
    before = QLocale()
    QLocale.setDefault(QLocale("en_US"))
    yield
    QLocale.setDefault(before)


def said(
    action: Action, staff: str = "Rosa", *, reference: str = "", numbers: tuple[int, ...] = ()
) -> str:
    entry = HistoryEntry(1, AT, "desk_front", staff, action, reference=reference, numbers=numbers)
    return entry_words(entry)


@pytest.mark.parametrize(
    ("in_a_row", "words"),
    [
        (1, "Someone typed a wrong PIN."),
        (4, "Someone typed a wrong PIN (4 in a row)."),
        (5, "Someone typed a wrong PIN (5 in a row). Sign-in was locked for 30 s."),
        (7, "Someone typed a wrong PIN (7 in a row). Sign-in was locked for 2 min."),
        (12, "Someone typed a wrong PIN (12 in a row). Sign-in was locked for 15 min."),
    ],
)
def test_a_wrong_pin_says_when_sign_in_was_locked(in_a_row: int, words: str) -> None:
    assert said(Action.SIGN_IN_FAILED, "", numbers=(in_a_row,)) == words


def test_each_action_in_words() -> None:
    assert said(Action.SIGN_IN, numbers=(3,)) == "Rosa signed in (wrong PINs just before: 3)"
    assert said(Action.MARK_NEW, reference="K7Q2") == (
        "Rosa put request K7Q2 back on the list to call"
    )
    assert said(Action.PURGE, numbers=(4, 30)) == (
        "Rosa deleted requests marked done more than 30 days ago (deleted: 4)"
    )
    assert said(Action.DAILY_PRUNE, numbers=(2, 5)) == (
        "Daily clean-up of old kiosk records, no patient data (deleted: 7)"
    )
    assert said(Action.EXPORT) == "Rosa saved requests to a file"  # a detail not read back
    assert said(Action.OTHER, "") == "Someone: something this version of the desk cannot show"


def test_where_it_was_done() -> None:
    marked = HistoryEntry(1, AT, "desk_front", "Rosa", Action.MARK_DONE, "K7Q2", "lobby-1")
    assert entry_place(marked) == "Kiosk lobby-1 · at desk_front"
    assert entry_place(marked._replace(action=Action.SIGN_OUT, kiosk="")) == "at desk_front"
    assert entry_place(marked._replace(action=Action.STAFF_ADDED, desk="postgres")) == ""


def test_days_are_named_from_the_clinics_today() -> None:
    today = dt.date(2026, 12, 1)
    assert day_words(today, today) == "Today, Tuesday, December 1, 2026"
    assert day_words(dt.date(2026, 11, 30), today) == "Yesterday, Monday, November 30, 2026"
    assert day_words(dt.date(2026, 11, 29), today) == "Sunday, November 29, 2026"
