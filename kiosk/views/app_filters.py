"""The kiosk's event filters on the whole application, and the broadcasts they sit out.

A filter on the application sees every event to every object; in Python each costs about a
microsecond or two. That is nothing for a touch, but a change of text size or contrast sends a
dozen events to each of some 700 widgets, and a change of language one more: the idle watch and
the kiosk-mode lock-down then made a text-size tap a third slower, seeing events that were
never theirs. So every such filter is installed here, and `broadcast()` takes them all off
while the kiosk restyles or retranslates itself (nothing a person does is delivered meanwhile:
it runs to its end on the UI thread), then puts them back in the order they were installed,
which is the order Qt asks them in (the last installed first).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject

_installed: list[QObject] = []  # in the order installed


def install(watcher: QObject) -> None:
    """`watcher.eventFilter` sees every event in the application from now on (last installed,
    first asked), except during a broadcast."""
    app = QCoreApplication.instance()
    if app is None:
        return
    remove(watcher)
    _installed.append(watcher)
    app.installEventFilter(watcher)


def remove(watcher: QObject) -> None:
    app = QCoreApplication.instance()
    if watcher in _installed:
        _installed.remove(watcher)
    if app is not None and shiboken6.isValid(watcher):
        app.removeEventFilter(watcher)


@contextmanager
def broadcast() -> Iterator[None]:
    """While the kiosk sends an event to every widget (a new look, a new language)."""
    app = QCoreApplication.instance()
    alive = [w for w in _installed if shiboken6.isValid(w)]
    _installed[:] = alive
    if app is None or not alive:
        yield
        return
    for watcher in alive:
        app.removeEventFilter(watcher)
    try:
        yield
    finally:
        for watcher in alive:
            if shiboken6.isValid(watcher) and watcher in _installed:
                app.installEventFilter(watcher)
