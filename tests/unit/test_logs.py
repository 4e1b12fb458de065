"""The log file: one event per line, private, and nothing lost when it opens after start-up."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.system import logs


@pytest.fixture
def root() -> Iterator[logging.Logger]:
    root = logging.getLogger()
    before = list(root.handlers)
    yield root
    for handler in root.handlers[:]:
        if handler not in before:
            root.removeHandler(handler)
            handler.close()


def test_records_logged_before_the_file_opens_are_written_when_it_does(
    tmp_path: Path, root: logging.Logger
) -> None:
    path = logs.configure(tmp_path, defer_file=True)
    logging.getLogger("kiosk.test").warning("content problem: causes.md:3")
    assert not path.exists()  # nothing written before the home screen is up

    logs.open_file()
    logging.getLogger("kiosk.test").warning("second\nline")
    logs.open_file()  # a second call changes nothing
    lines = path.read_text(encoding="utf-8").splitlines()
    assert [line.split(" ", 2)[2] for line in lines] == [
        "WARNING kiosk.test: content problem: causes.md:3",
        "WARNING kiosk.test: second | line",
    ]
    assert path.stat().st_mode & 0o777 == 0o600


def test_without_deferring_the_file_is_there_at_once(tmp_path: Path, root: logging.Logger) -> None:
    path = logs.configure(tmp_path)
    logging.getLogger("kiosk.test").info("started")
    assert "INFO kiosk.test: started" in path.read_text(encoding="utf-8")
