"""Tap to painted screen: opening a topic in the kiosk against switching to a plain QLabel page,
and the language button on a topic page (every text on the screen changes); the text-size and
contrast buttons on a topic page, against a plain QLabel page taking a new font size from its
stylesheet; and the idle reset, from the countdown's end to home painted, with the screens it
throws away built again after.

Both run in this one process, offscreen, at the same window size. A "tap" is a click on the
home tile; the time runs until the first paint event reaches the new screen's text. A topic is
timed on its first open (its text converted and its widgets made while the kiosk got ready
after start, laid out and painted now) and again once shown before; the floor
is a QStackedWidget switching to a QLabel holding a page of plain text. The text-size and
contrast buttons are touched as a finger does: down for 80 ms, then up; the time runs from the
finger lifting (the click), and the kiosk may use the time the finger is down for work nobody
sees. One frame at 60 Hz is 16.7 ms.

usage: python bench/navigation.py [--rounds N]
"""

from __future__ import annotations

import argparse
import itertools
import os
import statistics
import sys
import time
from collections.abc import Callable

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.app import Kiosk, build_kiosk, create_qapplication
from kiosk.controllers.session import COUNTDOWN_SECONDS
from kiosk.core.config import load_config
from kiosk.core.navigation import HOME, Route

SIZE = (1080, 1920)
FINGER_DOWN_S = 0.08  # a tap's finger rests on the glass about this long before it lifts


class PaintProbe(QObject):
    """Notes the moment a watched widget is next painted."""

    def __init__(self) -> None:
        super().__init__()
        self.painted_at: float | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.painted_at is None:
            self.painted_at = time.perf_counter()
        return False


def time_tap(app: QApplication, button: QPushButton, target: QWidget) -> float:
    """Seconds from clicking `button` to `target`'s first paint."""
    return _until_painted(app, target, button.click)


def time_touch(app: QApplication, button: QAbstractButton, target: QWidget) -> float:
    """Seconds from a finger lifting off `button` (the click) to `target`'s first paint. The
    finger rests on it for FINGER_DOWN_S first, as a touch does, with the event loop turning."""
    centre = button.rect().center()
    QTest.mousePress(button, Qt.MouseButton.LeftButton, pos=centre)
    down_until = time.perf_counter() + FINGER_DOWN_S
    while time.perf_counter() < down_until:
        app.processEvents()
    return _until_painted(
        app, target, lambda: QTest.mouseRelease(button, Qt.MouseButton.LeftButton, pos=centre)
    )


def _until_painted(app: QApplication, target: QWidget, act: Callable[[], object]) -> float:
    """Seconds from `act` to `target`'s first paint."""
    probe = PaintProbe()
    target.installEventFilter(probe)
    start = time.perf_counter()
    act()
    while probe.painted_at is None:
        app.processEvents()
    target.removeEventFilter(probe)
    return probe.painted_at - start


def floor_times(app: QApplication, rounds: int) -> list[float]:
    window = QWidget()
    stack = QStackedWidget()
    home = QPushButton("Open")
    page = QLabel(" ".join(["Plain words in a long paragraph."] * 60))
    page.setWordWrap(True)
    stack.addWidget(home)
    stack.addWidget(page)
    QVBoxLayout(window).addWidget(stack)
    home.clicked.connect(lambda: stack.setCurrentWidget(page))
    window.resize(*SIZE)
    window.show()
    app.processEvents()
    times = []
    for _ in range(rounds):
        stack.setCurrentWidget(home)
        app.processEvents()
        times.append(time_tap(app, home, page))
    window.close()
    return times


def look_floor_times(app: QApplication, rounds: int) -> list[float]:
    """A button that gives a plain QLabel page (in a scroll area) a new font size through its
    window's stylesheet: the least a text-size tap can cost."""
    window = QWidget()
    button = QPushButton("Text size")
    area = QScrollArea()
    area.setWidgetResizable(True)
    page = QLabel(" ".join(["Plain words in a long paragraph."] * 60))
    page.setWordWrap(True)
    area.setWidget(page)
    box = QVBoxLayout(window)
    box.addWidget(button)
    box.addWidget(area)
    sizes = itertools.cycle((39, 52, 26))
    button.clicked.connect(
        lambda: window.setStyleSheet(f"QLabel, QPushButton {{ font-size: {next(sizes)}px; }}")
    )
    window.resize(*SIZE)
    window.show()
    app.processEvents()
    times = [time_touch(app, button, page) for _ in range(rounds)]
    window.close()
    return times


def kiosk_times(
    app: QApplication, rounds: int
) -> tuple[list[float], list[float], list[float], list[float], list[float]]:
    kiosk = build_kiosk(load_config(None), app, kiosk_mode=False)
    kiosk.window.resize(*SIZE)
    kiosk.window.show()
    _settle(app, kiosk)
    first: list[float] = []
    cached: list[float] = []
    slugs = list(kiosk.home.topic_tiles)
    for index in range(rounds * len(slugs)):
        slug = slugs[index % len(slugs)]
        kiosk.shell.go(HOME)
        _settle(app, kiosk)
        tile = kiosk.home.topic_tiles[slug]
        elapsed = time_tap(app, tile, kiosk.topic.body_label)
        (first if index < len(slugs) else cached).append(elapsed)
    # The language button on a topic page: home tiles, the reader, the bars all change.
    kiosk.shell.go(Route("topic", "causes"))
    app.processEvents()
    switches = []
    for _ in range(rounds * 2):
        _settle(app, kiosk)
        switches.append(time_tap(app, kiosk.window.language_button, kiosk.topic.body_label))
    # Text size and contrast on a topic page: the page's words in a new size or colours.
    sizes, contrasts = [], []
    for _ in range(rounds * 2):
        _settle(app, kiosk)
        sizes.append(time_touch(app, kiosk.window.text_size_button, kiosk.topic.body_label))
        _settle(app, kiosk)
        contrasts.append(time_touch(app, kiosk.window.contrast_button, kiosk.topic.body_label))
    _close(kiosk)
    return first, cached, switches, sizes, contrasts


def _settle(app: QApplication, kiosk: Kiosk) -> None:
    """Let the kiosk finish what it does between taps. A patient's first tap comes seconds
    after home is on screen, the next a second or more after the last: by then the kiosk has
    made its screens and pages ready (Shell.warm_up), as it does again after a change of
    language, and read aloud has started; "first open" is a page's first visit after that."""
    app.processEvents()
    # Also until read aloud's service has started (its own process, which spends about a
    # second of a core listing the speech server's voices, once after start-up).
    while not (kiosk.shell.warm and kiosk.shell._speaker.ready):
        app.processEvents()


def _visit(kiosk: Kiosk, *, new_look: bool) -> None:
    """A patient's visit, every screen used: read, choose a part, fill in the form (not sent:
    the bench writes nothing to the database); and perhaps larger text and high contrast."""
    if new_look:
        kiosk.window.text_size_button.click()
        kiosk.window.contrast_button.click()
    kiosk.shell.go(Route("topic", "symptoms"))
    kiosk.shell.go(Route("spine", "lumbar"))
    kiosk.shell.go(Route("callback", "spine:lumbar"))
    form = kiosk.window.stack.currentWidget()
    form.first_name.setText("Ann")
    form.phone.setText("(201) 555-0123")
    form.period_buttons["morning"].click()
    QApplication.processEvents()


def reset_times(
    app: QApplication, rounds: int, *, new_look: bool
) -> tuple[list[float], list[float]]:
    """Seconds from the countdown's last second to home painted; and from then until the
    screens the reset threw away are built again."""
    kiosk = build_kiosk(load_config(None), app, kiosk_mode=False)
    kiosk.window.resize(*SIZE)
    kiosk.window.show()
    app.processEvents()
    resets, rebuilds = [], []
    for _ in range(rounds):
        _visit(kiosk, new_look=new_look)
        screens = kiosk.window.stack.count()
        kiosk.idle.idle_timer.timeout.emit()
        for _ in range(COUNTDOWN_SECONDS - 1):
            kiosk.idle.tick_timer.timeout.emit()
        app.processEvents()
        probe = PaintProbe()
        kiosk.home.installEventFilter(probe)
        start = time.perf_counter()
        kiosk.idle.tick_timer.timeout.emit()  # the last second: the session is wiped
        while probe.painted_at is None:
            app.processEvents()
        kiosk.home.removeEventFilter(probe)
        resets.append(probe.painted_at - start)
        while kiosk.window.stack.count() < screens:
            app.processEvents()
        rebuilds.append(time.perf_counter() - probe.painted_at)
    _close(kiosk)
    return resets, rebuilds


def _close(kiosk: Kiosk) -> None:
    """Close and delete the window: a restyle in a later run would restyle its widgets too."""
    kiosk.window.close()
    kiosk.window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    app = create_qapplication(sys.argv[:1])
    first, cached, switches, sizes, contrasts = kiosk_times(app, args.rounds)
    resets, rebuilds = reset_times(app, args.rounds, new_look=False)
    restyled, _ = reset_times(app, args.rounds, new_look=True)
    floor = floor_times(app, args.rounds * 3)
    floor_ms = statistics.median(floor) * 1000
    look_floor_ms = statistics.median(look_floor_times(app, args.rounds * 2)) * 1000
    print(
        f"tap to painted screen, {SIZE[0]}x{SIZE[1]}, "
        f"platform {os.environ['QT_QPA_PLATFORM']} (one frame = 16.7 ms)"
    )
    print(f"  plain QLabel page:          median {floor_ms:6.2f} ms")
    print(f"  plain page, new font size:  median {look_floor_ms:6.2f} ms")
    for name, times, against in (
        ("topic, first open", first, floor_ms),
        ("topic, cached", cached, floor_ms),
        ("language switch on a topic", switches, floor_ms),
        ("idle reset to home painted", resets, floor_ms),
        ("reset, text size+contrast", restyled, floor_ms),
        ("text size on a topic", sizes, look_floor_ms),
        ("contrast on a topic", contrasts, look_floor_ms),
    ):
        median = statistics.median(times) * 1000
        print(
            f"  {name + ':':27s} median {median:6.2f} ms  (max {max(times) * 1000:6.2f})"
            f"  ratio {median / against:5.2f}x"
        )
    rebuilt = statistics.median(rebuilds) * 1000
    print(f"  after a reset, with home on screen, its screens are built again in {rebuilt:.0f} ms")


if __name__ == "__main__":
    main()
