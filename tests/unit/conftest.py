"""Fixtures the core's unit tests share: a fresh encrypted database and a hand-moved clock."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.database import Database

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
