"""The spine explorer's responsiveness: tap to painted highlight and panel, and zoom frames.

A tap is a real touch (press and release) on the middle of a part of the drawing; the time
runs until both the drawing and the panel's title have been painted. The floor is a plain
QGraphicsView whose one rectangle changes colour, and a QLabel beside it changes text, on a
mouse click. Zooming is timed frame by frame: each step scales the view by 5 % and repaints
it at once. One frame at 60 Hz is 16.7 ms.

usage: python bench/spine.py [--rounds N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

# The tests' offscreen screen: 1920x1920 and frameless, so no touch falls off its edge.
SCREEN = Path(__file__).resolve().parents[1] / "tests" / "offscreen.json"
os.environ.setdefault("QT_QPA_PLATFORM", f"offscreen:configfile={SCREEN}")

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QWidget,
)

from kiosk.app import build_kiosk, create_qapplication
from kiosk.core.config import load_config
from kiosk.core.navigation import Route

SIZE = (1080, 1920)


class Painted(QObject):
    """Counts which of the watched widgets have been painted since `reset()`."""

    def __init__(self, *widgets: QWidget) -> None:
        super().__init__()
        self.widgets = widgets
        self.seen: set[int] = set()
        for widget in widgets:
            widget.installEventFilter(self)

    def reset(self) -> None:
        self.seen.clear()

    @property
    def all(self) -> bool:
        return len(self.seen) == len(self.widgets)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.seen.add(id(watched))
        return False


def wait_painted(app: QApplication, painted: Painted, start: float) -> float:
    while not painted.all:
        app.processEvents()
        if time.perf_counter() - start > 5:
            missing = [
                w.objectName() or type(w).__name__
                for w in painted.widgets
                if id(w) not in painted.seen
            ]
            raise RuntimeError(f"not painted within 5 s: {missing}; did the tap land?")
    return time.perf_counter() - start


def kiosk_taps(app: QApplication, rounds: int) -> tuple[list[float], list[float]]:
    kiosk = build_kiosk(load_config(None), app, kiosk_mode=False)
    kiosk.window.resize(*SIZE)
    kiosk.window.show()
    kiosk.shell.go(Route("spine"))
    app.processEvents()
    spine = kiosk.window.stack.currentWidget()
    canvas = spine.canvas
    canvas._clock = iter(range(10**9)).__next__
    device = QTest.createTouchDevice()
    painted = Painted(canvas.viewport(), spine.title_label)
    parts = [parts[len(parts) // 2] for parts in spine._map.parts.values()]
    taps = []
    for index in range(rounds * len(parts)):
        spine.clear()
        app.processEvents()
        point = canvas.mapFromScene(canvas.part_centre(parts[index % len(parts)]))
        painted.reset()
        start = time.perf_counter()
        # The widget is named again in press(): without it QTest maps a child widget's point
        # from the window's corner, not the widget's.
        viewport = canvas.viewport()
        QTest.touchEvent(viewport, device).press(0, point, viewport).commit()
        QTest.touchEvent(viewport, device).release(0, point, viewport).commit()
        taps.append(wait_painted(app, painted, start))
    frames = []
    canvas.reset_zoom()
    app.processEvents()
    for step in range(rounds * 6):
        factor = 1.05 if (step // 30) % 2 == 0 else 1 / 1.05
        start = time.perf_counter()
        canvas.zoom_by(factor)
        canvas.viewport().repaint()
        frames.append(time.perf_counter() - start)
    kiosk.window.close()
    return taps, frames


def floor_taps(app: QApplication, rounds: int) -> list[float]:
    window = QWidget()
    scene = QGraphicsScene()
    item = QGraphicsRectItem(0, 0, 200, 400)
    scene.addItem(item)
    view = QGraphicsView(scene)
    label = QLabel("Nothing chosen")
    row = QHBoxLayout(window)
    row.addWidget(view)
    row.addWidget(label)
    colours = ["#F2E8D5", "#F5A04A"]

    def on_click(_event: object) -> None:
        colours.reverse()
        item.setBrush(QBrush(QColor(colours[0])))
        label.setText(f"Chosen: {colours[0]}")

    item.mousePressEvent = on_click  # type: ignore[method-assign]
    window.resize(*SIZE)
    window.show()
    app.processEvents()
    painted = Painted(view.viewport(), label)
    point = view.mapFromScene(item.rect().center())
    taps = []
    for _ in range(rounds * 9):
        painted.reset()
        start = time.perf_counter()
        QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(point))
        taps.append(wait_painted(app, painted, start))
    window.close()
    return taps


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=10)
    args = parser.parse_args()
    app = create_qapplication(sys.argv[:1])
    taps, frames = kiosk_taps(app, args.rounds)
    floor = floor_taps(app, args.rounds)
    floor_ms = statistics.median(floor) * 1000
    tap_ms = statistics.median(taps) * 1000
    frame_ms = sorted(frames)
    print(f"spine explorer, {SIZE[0]}x{SIZE[1]}, offscreen (one frame = 16.7 ms)")
    print(f"  plain QGraphicsView item click:  median {floor_ms:6.2f} ms")
    print(
        f"  tap to highlight + panel:        median {tap_ms:6.2f} ms  "
        f"(max {max(taps) * 1000:6.2f})  ratio {tap_ms / floor_ms:5.2f}x"
    )
    print(
        f"  zoom frame:                      median {statistics.median(frames) * 1000:6.2f} ms"
        f"  (95th percentile {frame_ms[int(len(frame_ms) * 0.95)] * 1000:6.2f})"
    )


if __name__ == "__main__":
    main()
