"""`kiosk doctor` and the staff diagnostics say whether systemd watches the kiosk, and why it
last had to restart it (read from `systemctl show`, here handed canned answers)."""

from __future__ import annotations

import subprocess
from collections.abc import Callable, Sequence

from kiosk.system.doctor import UNIT, check_watchdog


def systemctl_says(**properties: str) -> tuple[Callable[[Sequence[str]], str], list[Sequence[str]]]:
    asked: list[Sequence[str]] = []

    def run(command: Sequence[str]) -> str:
        asked.append(command)
        return "".join(f"{name}={value}\n" for name, value in properties.items())

    return run, asked


def test_a_watched_kiosk_that_once_froze_says_so() -> None:
    run, asked = systemctl_says(
        LoadState="loaded", WatchdogUSec="30s", NRestarts="2", Result="watchdog"
    )
    check = check_watchdog(run)
    assert check.ok
    assert check.finding == (
        "on, 30 s; restarted 2 times; last end: the kiosk froze and was restarted"
    )
    assert asked[0][:3] == ["systemctl", "show", UNIT]


def test_a_unit_without_a_watchdog_fails() -> None:
    run, _ = systemctl_says(LoadState="loaded", WatchdogUSec="0", NRestarts="0", Result="success")
    check = check_watchdog(run)
    assert not check.ok
    assert "WatchdogSec=30" in check.finding


def test_times_as_systemd_prints_them() -> None:
    run, _ = systemctl_says(
        LoadState="loaded", WatchdogUSec="1min 30s", NRestarts="0", Result="success"
    )
    assert check_watchdog(run).finding == "on, 90 s; restarted 0 times"


def test_no_unit_or_no_systemd_is_a_note_not_a_fault() -> None:
    run, _ = systemctl_says(LoadState="not-found")
    assert check_watchdog(run).ok
    assert "not installed here" in check_watchdog(run).finding

    def no_systemd(command: Sequence[str]) -> str:
        raise subprocess.CalledProcessError(1, command)

    assert check_watchdog(no_systemd).ok
    assert "no systemd" in check_watchdog(no_systemd).finding
