"""A long day at the kiosk, compressed: idle CPU on the home screen, and resident memory after
many screen changes and submitted requests against just after start (it must stay flat).

usage: python bench/session.py [--idle-seconds 30] [--changes 10000] [--requests 500]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SCREEN = Path(__file__).resolve().parents[1] / "tests" / "offscreen.json"
os.environ.setdefault("QT_QPA_PLATFORM", f"offscreen:configfile={SCREEN}")

TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def tree_cpu_seconds(pid: int) -> float:
    """CPU time of a process and its children (the kiosk and its speech service)."""
    total = cpu_seconds(pid)
    for task in Path(f"/proc/{pid}/task").iterdir():
        for child in (task / "children").read_text().split():
            total += tree_cpu_seconds(int(child))
    return total


def idle_cpu(seconds: float) -> float:
    """Percent of one core the kiosk uses while nobody touches it (home screen), speech service
    included, with the systemd watchdog pinging every second (a datagram socket stands in for
    systemd's)."""
    import socket

    with tempfile.TemporaryDirectory() as data:
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        listener.bind(str(Path(data) / "notify.sock"))
        environment = {
            **os.environ,
            "NOTIFY_SOCKET": str(Path(data) / "notify.sock"),
            "WATCHDOG_USEC": "3000000",  # a ping a second: ten times the unit's rate
        }
        child = subprocess.Popen(
            [str(Path(sys.executable).with_name("kiosk")), "run", "--windowed", "--data-dir", data],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=environment,
        )
        try:
            time.sleep(5)  # start-up (and the speech service's) is not idling
            before = tree_cpu_seconds(child.pid)
            time.sleep(seconds)
            return (tree_cpu_seconds(child.pid) - before) / seconds * 100
        finally:
            child.kill()
            child.wait()
            listener.close()


def attract_cpu(seconds: float, *, reduced_motion: bool = False) -> float:
    """Percent of one core while the attract loop runs (in this process, event loop running):
    its fade between topics and its pulsing invitation, or neither with reduced motion."""
    import resource

    from PySide6.QtCore import QEventLoop, QTimer

    from kiosk.app import build_kiosk, create_qapplication
    from kiosk.core.config import load_config

    app = create_qapplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as data:
        config = load_config(None).with_data_dir(Path(data))
        config = config._replace(kiosk=config.kiosk._replace(reduced_motion=reduced_motion))
        kiosk = build_kiosk(config, app, kiosk_mode=False)
        kiosk.window.resize(1080, 1920)
        kiosk.window.show()
        kiosk.shell.show_attract()
        # Let its first frame and the work deferred after it (looking for a voice) finish:
        # what is measured is the loop as it runs for hours, not its first second.
        settle = QEventLoop()
        QTimer.singleShot(1000, settle.quit)
        settle.exec()
        before = resource.getrusage(resource.RUSAGE_SELF)
        loop = QEventLoop()
        QTimer.singleShot(int(seconds * 1000), loop.quit)
        loop.exec()
        after = resource.getrusage(resource.RUSAGE_SELF)
        kiosk.window.close()
    used = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return used / seconds * 100


def memory(changes: int, requests: int) -> tuple[float, float, float, float, float]:
    from PySide6.QtWidgets import QApplication

    from kiosk.app import build_kiosk, create_qapplication
    from kiosk.core.config import load_config
    from kiosk.core.navigation import Route

    app = create_qapplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as data:
        kiosk = build_kiosk(load_config(None).with_data_dir(Path(data)), app, kiosk_mode=False)
        kiosk.window.resize(1080, 1920)
        kiosk.window.show()
        QApplication.processEvents()
        start = rss_mb()
        slugs = [t.slug for t in kiosk.shell.library.topics]
        routes = [
            Route("home"),
            Route("spine", "lumbar"),
            Route("spine"),
            Route("callback"),
            *(Route("topic", s) for s in slugs),
        ]
        for route in routes:  # every screen built once: what a first patient's visit costs
            kiosk.shell.go(route)
            QApplication.processEvents()
        warm = rss_mb()
        # A first run of changes lets the allocators settle (glibc's heap grows once, by about
        # 20 MB, some thousand changes in, and then stays); a leak shows in the second run.
        for number in range(changes):
            kiosk.shell.go(routes[number % len(routes)])
            QApplication.processEvents()
        settled = rss_mb()
        for number in range(changes):
            kiosk.shell.go(routes[number % len(routes)])
            QApplication.processEvents()
        middle = rss_mb()
        for number in range(requests):
            kiosk.shell.go(Route("callback"))
            form = kiosk.window.stack.currentWidget()
            form.first_name.setText("Ann")
            form.last_name.setText(f"Lee{number % 10}")
            form.phone.setText("(201) 555-0123")
            form.period_buttons["morning"].click()
            form.consent.setChecked(True)
            form.send_button.click()
            kiosk.shell.go_home()
            QApplication.processEvents()
        while kiosk.background.pending:  # the last saves, on the disk thread
            QApplication.processEvents()
            time.sleep(0.001)
        end = rss_mb()
        kiosk.window.close()
    return start, warm, settled, middle, end


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--idle-seconds", type=float, default=30)
    parser.add_argument("--changes", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=500)
    args = parser.parse_args()
    cpu = idle_cpu(args.idle_seconds)
    print(
        f"idle on the home screen for {args.idle_seconds:.0f} s, speech service and watchdog"
        f" included: {cpu:.2f} % of one core"
    )
    cpu = attract_cpu(args.idle_seconds)
    print(f"attract loop for {args.idle_seconds:.0f} s: {cpu:.2f} % of one core (limit 5 %)")
    cpu = attract_cpu(args.idle_seconds, reduced_motion=True)
    print(f"  with reduced motion (no fade, no pulse): {cpu:.2f} % of one core")
    start, warm, settled, middle, end = memory(args.changes, args.requests)
    print(
        f"resident memory: {start:.1f} MB after start, {warm:.1f} MB once every screen was "
        f"built, {settled:.1f} MB after {args.changes} screen changes, {middle:.1f} MB after "
        f"{args.changes} more, {end:.1f} MB after {args.requests} requests"
    )
    print(
        f"  growth over the second {args.changes} changes and the requests: "
        f"{end - settled:+.1f} MB (limit +2 MB: a leak); settling: {settled - warm:+.1f} MB; "
        f"since start: {end - start:+.1f} MB"
    )


if __name__ == "__main__":
    main()
