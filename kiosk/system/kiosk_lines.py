"""The Checks tab's lines about the kiosk itself: the program (version, time up, errors it
recovered from), Read aloud, the restart if it freezes, the clock, the screen's software, the
log's warnings today and the screen. Words as kiosk.system.fact_lines has them, no path."""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from kiosk import __version__
from kiosk.core.paths import shipped
from kiosk.system.fact_lines import (
    ASK_IT,
    OK,
    QT_TRANSLATE_NOOP,
    SEE_DOCTOR,
    Line,
    Mark,
    Verbatim,
    words,
)
from kiosk.system.logs import LOG_DIR, LOG_FILE
from kiosk.system.safety import crash_count

STARTED = time.monotonic()


class Running(NamedTuple):
    """What only the running kiosk knows: Read aloud's state, systemd's watchdog pings."""

    read_aloud: Line | None = None
    ping_interval_ms: int = 0


def kiosk_lines(data_dir: Path, running: Running, now: dt.datetime) -> list[Line]:
    """The kiosk's own lines, in the order staff read them."""
    from kiosk.system import doctor, qt_libraries  # noqa: PLC0415 -- doctor imports fact_lines

    # ldd on the Qt plugins, ~0.2 s: on the disk thread, like the rest.
    machine = doctor.check_machine(qt_libraries.pyside_folder(), os.environ, shipped("assets"))
    return [
        _program_line(crash_count(data_dir)),
        *([running.read_aloud] if running.read_aloud else []),
        watchdog_line(running.ping_interval_ms, watchdog_ok=doctor.check_watchdog().ok),
        _clock_line(now, ok=doctor.check_clock(now).ok),
        _display_line([check.name for check in doctor.summary(machine) if not check.ok]),
        log_line(data_dir, now),
    ]


def _program_line(crashes: int) -> Line:
    version = words(
        QT_TRANSLATE_NOOP("Diagnostics", "version {version}"), version=Verbatim(__version__)
    )
    up = dt.timedelta(seconds=round(time.monotonic() - STARTED))
    running = words(QT_TRANSLATE_NOOP("Diagnostics", "running for {time}"), time=up)
    label = QT_TRANSLATE_NOOP("Diagnostics", "Kiosk program")
    if not crashes:
        return Line(label, Mark.OK, (OK, version, running))
    recovered = words(
        QT_TRANSLATE_NOOP("Diagnostics", "went back to the home screen after an error: {n} times"),
        n=crashes,
    )
    return Line(label, Mark.NOTE, (version, running, recovered, SEE_DOCTOR))


READ_ALOUD = QT_TRANSLATE_NOOP("Diagnostics", "Read aloud")


def read_aloud_line(configured: str, engine: str, off_reason: str) -> Line:
    """Read aloud as the running kiosk has it. Off when the configuration asks for an engine is
    a problem; off with "auto" a note (the kiosk hides the button where there is no voice)."""
    if configured == "none":
        return Line(
            READ_ALOUD, Mark.NOTE, (QT_TRANSLATE_NOOP("Diagnostics", "off in the settings"),)
        )
    if engine:
        on = words(QT_TRANSLATE_NOOP("Diagnostics", "on ({engine})"), engine=Verbatim(engine))
        return Line(READ_ALOUD, Mark.OK, (OK, on))
    if off_reason:
        off = QT_TRANSLATE_NOOP("Diagnostics", "off: the voice program does not work here")
        mark = Mark.NOTE if configured == "auto" else Mark.PROBLEM
        return Line(READ_ALOUD, mark, (off, SEE_DOCTOR))
    return Line(READ_ALOUD, Mark.NOTE, (QT_TRANSLATE_NOOP("Diagnostics", "starting"),))


def watchdog_line(interval_ms: int, *, watchdog_ok: bool) -> Line:
    """Whether systemd restarts the kiosk if it freezes: the kiosk tells it it is alive every
    `interval_ms`; `watchdog_ok`: doctor finds the service set up for it (or no service)."""
    label = QT_TRANSLATE_NOOP("Diagnostics", "Restart if it freezes")
    if not watchdog_ok:
        off = QT_TRANSLATE_NOOP("Diagnostics", "off: the kiosk's service is not set up for it")
        return Line(label, Mark.PROBLEM, (off, SEE_DOCTOR))
    if interval_ms <= 0:
        off = QT_TRANSLATE_NOOP("Diagnostics", "off: the kiosk was not started by its service")
        return Line(label, Mark.NOTE, (off,))
    every = words(
        QT_TRANSLATE_NOOP("Diagnostics", "on: checked every {n} s"), n=round(interval_ms / 1000)
    )
    return Line(label, Mark.OK, (OK, every))


def _clock_line(now: dt.datetime, *, ok: bool) -> Line:
    label = QT_TRANSLATE_NOOP("Diagnostics", "Clock")
    if ok:
        return Line(label, Mark.OK, (OK, now))
    wrong = words(QT_TRANSLATE_NOOP("Diagnostics", "the date is wrong: {time}"), time=now)
    return Line(label, Mark.PROBLEM, (wrong, ASK_IT))


def _display_line(failing: Sequence[str]) -> Line:
    """Qt's libraries, the display platform and the fonts: one line, naming what fails."""
    label = QT_TRANSLATE_NOOP("Diagnostics", "Screen software")
    if not failing:
        return Line(label, Mark.OK, (OK,))
    missing = QT_TRANSLATE_NOOP("Diagnostics", "parts are missing")
    return Line(label, Mark.PROBLEM, (missing, *failing, SEE_DOCTOR))


def log_line(data_dir: Path, now: dt.datetime) -> Line:
    """How many warnings and errors the kiosk logged today, and when the last one was."""
    label = QT_TRANSLATE_NOOP("Diagnostics", "Warnings in the log")
    today = now.astimezone().strftime("%Y-%m-%d ")
    found = [line for line in _log_lines(data_dir) if line.startswith(today) and _is_warning(line)]
    if not found:
        return Line(label, Mark.OK, (QT_TRANSLATE_NOOP("Diagnostics", "none today"),))
    last = _logged_at(found[-1])
    count = (
        words(QT_TRANSLATE_NOOP("Diagnostics", "{n} today"), n=len(found))
        if last is None
        else words(
            QT_TRANSLATE_NOOP("Diagnostics", "{n} today, the last at {time}"),
            n=len(found),
            time=last,
        )
    )
    return Line(label, Mark.NOTE, (count, SEE_DOCTOR))


def _log_lines(data_dir: Path) -> list[str]:
    """The kiosk's log as it is now (which never holds patient data); [] when there is none."""
    try:
        text = (data_dir / LOG_DIR / LOG_FILE).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return []
    return text.splitlines()


def _is_warning(line: str) -> bool:
    """A line of logs.FORMAT, "2026-12-01 15:54:38,123 WARNING name: message", at WARNING or
    above."""
    return line.split(" ", 3)[2:3] in (["WARNING"], ["ERROR"], ["CRITICAL"])


def _logged_at(line: str) -> dt.datetime | None:
    try:  # asctime: this machine's local time
        return dt.datetime.strptime(line[:19], "%Y-%m-%d %H:%M:%S").astimezone()
    except ValueError:
        return None


def screen_line(width: int, height: int) -> Line:
    """The screen as Qt has it: its size and which way up, to compare with the real one."""
    shape = (
        QT_TRANSLATE_NOOP("Diagnostics", "upright (portrait)")
        if height > width
        else QT_TRANSLATE_NOOP("Diagnostics", "sideways (landscape)")
    )
    size = words(
        QT_TRANSLATE_NOOP("Diagnostics", "{width} x {height} pixels"),
        width=Verbatim(str(width)),
        height=Verbatim(str(height)),
    )
    return Line(QT_TRANSLATE_NOOP("Diagnostics", "Screen"), Mark.OK, (size, shape))
