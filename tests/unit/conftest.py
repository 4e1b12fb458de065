"""Fixtures the core's unit tests share: a fresh encrypted database, a hand-moved clock, and
the machine's time zone set for one test."""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from kiosk.storage.database import Database

START = dt.datetime(2026, 11, 26, 14, 0, tzinfo=dt.UTC)


class Clock:
    """A clock a test moves by hand."""

    def __init__(self, start: dt.datetime = START) -> None:
        self.now = start

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += dt.timedelta(seconds=seconds)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = Database.open(tmp_path)
    yield database
    database.close()


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def machine_zone() -> Iterator[Callable[[str], None]]:
    """Set this machine's time zone for one test, as a POSIX TZ rule (no zone files needed)."""
    before = os.environ.get("TZ")

    def set_zone(rule: str) -> None:
        os.environ["TZ"] = rule
        time.tzset()

    yield set_zone
    if before is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = before
    time.tzset()
