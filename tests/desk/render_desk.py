"""The desk's window rendered to PNG files for a review by eye, with a throwaway PostgreSQL
(tests/central/pg.py) set up as `make demo-central` sets it up (tests/desk/demo_central.py):
fictional requests from two kiosks, staff who signed in, marked, exported and typed a wrong
PIN, and a few entries from earlier days. Offscreen; the server and its files are removed at
the end.

    python -m tests.desk.render_desk --out /tmp/desk [--tab history] [--size 1920x1080 ...]
        [--language es] [--bottom]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import psycopg
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

from kiosk.central.desk import add_staff
from kiosk.core.config import load_config
from kiosk.demo import DEMO_PIN
from kiosk.desk.app import Desk, build_desk, store_connector
from tests.central.conftest import Login
from tests.central.pg import running_server
from tests.desk.conftest import Sent, push
from tests.desk.demo_central import DATABASE, KIOSKS, set_up

DEADLINE = 20.0  # seconds for any one step; the store answers in milliseconds
PEOPLE = [
    ("Ana", "Testa", "K7Q2"), ("Bea", "Ejemplo", "M3TX"), ("Carlos", "Prueba", "R9WA"),
    ("Dolores", "Muestra", "C4HN"), ("Eduardo", "Ficticio", "P6KE"),
]  # fmt: skip


def wait_until(condition: Callable[[], bool], what: str) -> None:
    """The event loop runs until `condition` holds (a tool, not a test: it stops at DEADLINE)."""
    end = time.monotonic() + DEADLINE
    while not condition():
        if time.monotonic() > end:
            raise SystemExit(f"render_desk: timed out waiting for {what}")
        QTest.qWait(20)


def fill_store(owner: str, folder: Path, server_dsn: Callable[[str], str]) -> None:
    """Requests from both kiosks (as their own logins), a second staff member, and what she did
    on earlier days (written as the owner, who may set the time)."""
    now = dt.datetime.now(dt.UTC)
    for number, kiosk_id in enumerate(KIOSKS):
        role = f"kiosk_{kiosk_id}"
        password = (folder / kiosk_id / "central.password").read_text(encoding="utf-8").strip()
        login = Login(role, password, server_dsn(role))
        push(
            login,
            kiosk_id,
            [
                Sent(
                    now - dt.timedelta(minutes=7 * n + number),
                    reference=ref,
                    first_name=first,
                    last_name=last,
                )
                for n, (first, last, ref) in enumerate(PEOPLE[number::2])
            ],
        )
    with psycopg.connect(owner, autocommit=True) as conn:
        add_staff(conn, "Maria", "580213", weak_ok=True)
        for days, minutes, action, detail in (
            (1, 0, "sign_in", ""),
            (1, 12, "mark_called", "W7TX from kiosk lobby-1"),
            (1, 30, "mark_done", "W7TX from kiosk lobby-1"),
            (1, 95, "export", "4 requests to callback-requests-2026-11-30-101500.csv"),
            (1, 240, "sign_out", ""),
            (2, 0, "purge", "3 done requests older than 30 days deleted"),
            *((3 + n // 20, n, "sign_in", "") for n in range(60)),  # enough for "Show older"
        ):
            conn.execute(
                "INSERT INTO staff.audit (at, desk, staff, action, detail)"
                " VALUES (%s, 'desk_front', 'Maria', %s, %s)",
                (now - dt.timedelta(days=days) + dt.timedelta(minutes=minutes), action, detail),
            )


def act(desk: Desk, exports: Path) -> None:
    """Staff at the desk: two wrong PINs, then signing in, marking and exporting."""
    view = desk.window.sign_in
    for pin in ("111111", "222222", DEMO_PIN):
        view.pin.setText(pin)
        view.button.click()
        wait_until(lambda: desk.window.signed_in or view.isEnabled(), "a sign-in")
    requests = desk.window.requests
    wait_until(lambda: len(requests.shown) == len(PEOPLE), "the requests")
    for _ in range(2):
        count = len(requests.shown)
        requests.shown[-1].primary.click()
        wait_until(lambda: len(requests.shown) == count - 1, "a request marked")  # noqa: B023
    requests.export_csv.click()
    wait_until(lambda: any(exports.iterdir()), "the export")


def render(
    out: Path, tab: str, sizes: list[tuple[int, int]], language: str, *, bottom: bool
) -> list[Path]:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    written = []
    with tempfile.TemporaryDirectory(prefix="kiosk-render-") as temporary, running_server() as pg:
        folder = Path(temporary)
        _kiosks, desk_config = set_up(pg, folder)
        owner = f"{pg.dsn(dbname=DATABASE)} password={pg.password}"
        fill_store(owner, folder, lambda role: pg.dsn(role, DATABASE))
        config = load_config(desk_config)
        assert config.desk is not None
        desk_settings = config.desk._replace(time_zone="America/Chicago")
        config = config._replace(
            desk=desk_settings, kiosk=config.kiosk._replace(languages=(language,))
        )
        assert desk_settings.password_file is not None
        password = desk_settings.password_file.read_text(encoding="utf-8").strip()
        exports = folder / "exports"
        exports.mkdir()
        desk = build_desk(
            config,
            app,
            store_connector(desk_settings.dsn, password),
            choose_folder=lambda: exports,
            confirm=lambda _question: True,
        )
        desk.controller.start()
        desk.window.show()
        try:
            act(desk, exports)
            page: QWidget = {
                "requests": desk.window.requests,
                "kiosks": desk.window.fleet,
                "history": desk.window.history,
            }[tab]
            desk.window.tabs.setCurrentWidget(page)
            if page is desk.window.history:
                wait_until(lambda: len(desk.window.history.entries) > 8, "the history")
            for width, height in sizes:
                desk.window.resize(width, height)
                QTest.qWait(100)  # layouts settle on the event loop's next turns
                if bottom:
                    for area in page.findChildren(QScrollArea):
                        area.verticalScrollBar().setValue(area.verticalScrollBar().maximum())
                    QTest.qWait(50)
                end = "-bottom" if bottom else ""
                path = out / f"desk-{tab}-{language}-{width}x{height}{end}.png"
                desk.window.grab().save(str(path))
                written.append(path)
        finally:
            desk.controller.stop()
            desk.window.close()
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True, help="folder for the PNG files")
    parser.add_argument("--tab", choices=("requests", "kiosks", "history"), default="history")
    parser.add_argument("--size", action="append", default=[], metavar="WxH")
    parser.add_argument("--language", default="en", help="the desk's language (en, es)")
    parser.add_argument("--bottom", action="store_true", help="the list scrolled to its end")
    args = parser.parse_args()
    sizes = [tuple(int(n) for n in size.split("x")) for size in args.size] or [
        (1920, 1080),
        (1280, 800),
    ]
    args.out.mkdir(parents=True, exist_ok=True)
    chosen = [(w, h) for w, h in sizes]
    for path in render(args.out, args.tab, chosen, args.language, bottom=args.bottom):
        print(path)  # noqa: T201
    return 0


if __name__ == "__main__":
    sys.exit(main())
