"""systemd's side of a frozen kiosk: READY=1 once home is painted, WATCHDOG=1 while the event
loop turns, and no ping while it does not, so systemd restarts a kiosk that froze. Listened to
on a real Unix datagram socket, as systemd does."""

from __future__ import annotations

import itertools
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.app import Kiosk
from kiosk.core.config import Config
from kiosk.system.notify import Notifier
from tests.conftest import shown_kiosk

INTERVAL_MS = 100  # WATCHDOG_USEC / 3


class Systemd:
    """What systemd would receive: each datagram with the monotonic time it arrived."""

    def __init__(self, path: Path) -> None:
        self.socket = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.socket.bind(str(path))
        self.socket.settimeout(0.05)  # so the reader notices when the test is over
        self.received: list[tuple[float, str]] = []
        self._done = threading.Event()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        while not self._done.is_set():
            try:
                data = self.socket.recv(4096)
            except TimeoutError:
                continue
            except OSError:
                return
            self.received.append((time.monotonic(), data.decode()))

    def pings(self) -> list[float]:
        return [when for when, text in self.received if text == "WATCHDOG=1"]

    def close(self) -> None:
        self._done.set()
        self._reader.join(timeout=5)
        self.socket.close()


@pytest.fixture
def systemd(tmp_path: Path) -> Iterator[Systemd]:
    listener = Systemd(tmp_path / "notify.sock")
    yield listener
    listener.close()


@pytest.fixture
def watched(
    qapp: QApplication, qtbot: QtBot, config: Config, systemd: Systemd, tmp_path: Path
) -> Iterator[Kiosk]:
    environ = {
        "NOTIFY_SOCKET": str(tmp_path / "notify.sock"),
        "WATCHDOG_USEC": str(INTERVAL_MS * 3 * 1000),
    }
    yield shown_kiosk(qapp, qtbot, config, notifier=Notifier(environ))
    qapp.setStyleSheet("")


def test_systemd_hears_ready_once_home_is_painted_then_pings(
    qtbot: QtBot,
    watched: Kiosk,
    systemd: Systemd,
) -> None:
    qtbot.waitUntil(lambda: len(systemd.pings()) >= 1, timeout=10_000)
    first = systemd.received[0][1]
    assert first.startswith("READY=1\n")
    assert "STATUS=home on screen" in first
    # Once the kiosk has got its screens ready (one step of up to ~0.2 s a turn, longer on a
    # busy machine: WatchdogSec is 30 s in the unit, 0.3 s here), a ping every interval.
    qtbot.waitUntil(lambda: watched.shell.warm, timeout=10_000)
    settled = time.monotonic()
    qtbot.waitUntil(lambda: sum(when > settled for when in systemd.pings()) >= 3, timeout=10_000)
    pings = [when for when in systemd.pings() if when > settled]
    gaps = [b - a for a, b in itertools.pairwise(pings)]
    assert all(gap < 3 * INTERVAL_MS / 1000 for gap in gaps)  # well inside WatchdogSec


def test_no_ping_while_the_event_loop_is_stuck(
    qtbot: QtBot,
    watched: Kiosk,
    systemd: Systemd,
) -> None:
    qtbot.waitUntil(lambda: len(systemd.pings()) >= 2, timeout=10_000)
    stuck = 1.0  # seconds: ten ping intervals, more than WatchdogSec here
    started = time.monotonic()
    time.sleep(stuck)  # the frozen loop the watchdog exists for, not a wait for a result
    ended = time.monotonic()
    qtbot.waitUntil(lambda: any(when > ended for when in systemd.pings()), timeout=10_000)
    during = [when for when in systemd.pings() if started + INTERVAL_MS / 1000 < when < ended]
    assert during == []  # systemd would have restarted us
    # ...and they come back once the loop turns again: nothing was left stuck.


def test_without_a_notify_socket_nothing_is_sent(tmp_path: Path) -> None:
    notifier = Notifier({})
    assert not notifier.enabled
    notifier.ready("home on screen")  # no socket, no error
    notifier.ping()


def test_an_unreachable_socket_is_logged_once_not_raised(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    notifier = Notifier({"NOTIFY_SOCKET": str(tmp_path / "gone.sock"), "WATCHDOG_USEC": "30000000"})
    assert notifier.ping_interval_ms == 10_000
    for _ in range(3):
        notifier.ping()
    assert caplog.text.count("cannot tell systemd") == 1
