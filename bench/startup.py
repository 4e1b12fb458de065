"""Cold start of the kiosk (`kiosk run`) against a bare PySide6 window on the same machine.

Each run is a fresh process, timed from just before it is spawned to the moment the first
paint event reaches the measured widget (the kiosk's home screen; the bare window's one
QLabel), read on the system-wide monotonic clock. Runs alternate between the two so that
machine noise hits both alike. The file cache is warmed by one untimed run of each, which also
writes the kiosk's bytecode (.pyc) as `pip install` does for a deployed kiosk: a shell with
PYTHONDONTWRITEBYTECODE set would otherwise charge the kiosk for compiling its own source.

usage: python bench/startup.py [--runs N] [--size WxH]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time

FIRST_PAINT = """
import sys, time
from PySide6.QtCore import QEvent, QObject

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            print("PAINTED", time.monotonic_ns(), flush=True)
            sys.exit(0)
        return False
"""

BARE = (
    FIRST_PAINT
    + """
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication(sys.argv[:1])
label = QLabel("Hello")
probe = FirstPaint()
label.installEventFilter(probe)
label.resize({width}, {height})
label.show()
app.exec()
"""
)

# The real entry point, `kiosk run --windowed`: argument parsing, configuration, logging and
# crash handling included. The probe is attached to the home screen as the kiosk builds it.
KIOSK = (
    FIRST_PAINT
    + """
import tempfile
import kiosk.app
built = kiosk.app.build_kiosk
probe = FirstPaint()

def build_and_watch(*args, **kwargs):
    result = built(*args, **kwargs)
    result.home.callback_tile.installEventFilter(probe)
    return result

kiosk.app.build_kiosk = build_and_watch
from kiosk.cli import main
main(["run", "--windowed", "--size", "{width}x{height}", "--data-dir", tempfile.mkdtemp()])
"""
)


def time_once(code: str) -> float:
    """Seconds from spawning `code` to its first paint."""
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    start = time.monotonic_ns()
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False
    )
    for line in done.stdout.splitlines():
        if line.startswith("PAINTED "):
            return (int(line.split()[1]) - start) / 1e9
    raise RuntimeError(f"no first paint (exit {done.returncode}): {done.stderr[-500:]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--size", default="1080x1920")
    args = parser.parse_args()
    width, height = (int(v) for v in args.size.split("x"))
    bare_code = BARE.format(width=width, height=height)
    kiosk_code = KIOSK.format(width=width, height=height)

    time_once(bare_code)
    time_once(kiosk_code)
    bare: list[float] = []
    kiosk: list[float] = []
    for _ in range(args.runs):
        bare.append(time_once(bare_code))
        kiosk.append(time_once(kiosk_code))

    bare_median = statistics.median(bare)
    kiosk_median = statistics.median(kiosk)
    print(
        f"startup to first paint, {args.runs} interleaved runs each, {args.size}, "
        f"platform {os.environ.get('QT_QPA_PLATFORM', 'offscreen')}"
    )
    print(
        f"  bare PySide6 window: median {bare_median * 1000:7.1f} ms "
        f"(min {min(bare) * 1000:.1f}, max {max(bare) * 1000:.1f})"
    )
    print(
        f"  kiosk home screen:   median {kiosk_median * 1000:7.1f} ms "
        f"(min {min(kiosk) * 1000:.1f}, max {max(kiosk) * 1000:.1f})"
    )
    print(f"  ratio kiosk / bare:  {kiosk_median / bare_median:.2f}x  (target <= 1.50x)")


if __name__ == "__main__":
    main()
