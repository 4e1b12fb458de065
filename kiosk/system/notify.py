"""Telling systemd how the kiosk is: ready, still alive (the watchdog), and what it is doing.

The documented sd_notify protocol is one datagram of `KEY=value` lines to the Unix socket named
in `$NOTIFY_SOCKET` (a leading `@` is Linux's abstract namespace); a few lines here rather than a
library. The unit (deploy/waiting-room-kiosk.service) sets `Type=notify` and `WatchdogSec=`:
systemd passes the watchdog's period in `$WATCHDOG_USEC`, and a kiosk whose event loop stops
stops pinging, so systemd restarts it. cage starts the kiosk, so `$WATCHDOG_PID` names cage,
not us; the unit's `NotifyAccess=all` lets our messages count all the same. Without
`$NOTIFY_SOCKET` (a terminal, the tests, `make run`) nothing is sent.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping

log = logging.getLogger(__name__)


class Notifier:
    """Sends sd_notify messages; every method is a no-op without a socket."""

    def __init__(self, environ: Mapping[str, str] | None = None) -> None:
        env = os.environ if environ is None else environ
        address = env.get("NOTIFY_SOCKET", "")
        # Abstract socket names start with "@" in the variable and with a NUL byte on the wire.
        self._address = "\0" + address[1:] if address.startswith("@") else address
        usec = env.get("WATCHDOG_USEC", "")
        # Ping three times per period: one late ping (a long frame) must not cost a restart.
        self.ping_interval_ms = int(usec) // 3000 if usec.isdigit() and int(usec) > 0 else 0
        self._failed = False

    @property
    def enabled(self) -> bool:
        return bool(self._address)

    def ready(self, status: str) -> None:
        """Home is on screen: the start-up is over."""
        self._send(f"READY=1\nSTATUS={status}")

    def ping(self) -> None:
        """The event loop is turning (called from a timer on it)."""
        self._send("WATCHDOG=1")

    def status(self, text: str) -> None:
        """What `systemctl status` shows: a word or two, never patient data."""
        self._send(f"STATUS={text}")

    def _send(self, message: str) -> None:
        if not self._address:
            return
        try:
            import socket  # noqa: PLC0415 -- ~3 ms, and only under systemd

            with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
                sock.sendto(message.encode("utf-8"), self._address)
        except OSError as exc:
            if not self._failed:  # said once: a ping every few seconds must not flood the log
                self._failed = True
                log.warning("cannot tell systemd how the kiosk is (%s)", exc.strerror)
