"""The desk's live list: from a kiosk's push committing to its card on the desk's window.

A throwaway PostgreSQL (tests/central/pg.py), the desk built as `kiosk desk` builds it
(kiosk.desk.app, offscreen), signed in; then a kiosk pushes one request at a time, and the time
until the window shows one more card is measured with the Qt event loop running (the NOTIFY
wakes the desk's socket, the desk's thread reads the list, the cards are rebuilt). The list
holds `--listed` requests already, so the rebuild is a full screen's worth.

usage: python bench/desk_live.py [--samples N] [--listed N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import psycopg
from PySide6.QtWidgets import QApplication

from kiosk.central.desk import add_staff
from kiosk.central.schema import migrate
from kiosk.core.config import Config
from kiosk.desk.app import build_desk, store_connector
from tests.central.conftest import Central
from tests.central.pg import running_server
from tests.desk.conftest import PIN, Sent, push


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=40)
    parser.add_argument("--listed", type=int, default=50)
    args = parser.parse_args()
    app = QApplication([])
    with running_server() as server:
        with psycopg.connect(server.superuser_dsn, autocommit=True) as conn:
            conn.execute("CREATE DATABASE bench")
        central = Central(server, "bench")
        with central.admin() as conn:
            migrate(conn)
            add_staff(conn, "Bench", PIN)
        kiosk_id, kiosk = central.add_kiosk()
        desk_login = central.add_desk()
        start = dt.datetime.now(dt.UTC) - dt.timedelta(days=1)
        push(kiosk, kiosk_id, [Sent(start + dt.timedelta(minutes=n)) for n in range(args.listed)])
        desk = build_desk(Config(), app, store_connector(desk_login.dsn, desk_login.password))
        desk.controller.start()
        desk.window.resize(1366, 768)
        desk.window.show()
        view = desk.window.requests

        def wait(condition: object, deadline: float = 10.0) -> None:
            end = time.monotonic() + deadline
            while not condition():  # type: ignore[operator]
                if time.monotonic() > end:
                    raise SystemExit("the desk did not show it within 10 s")
                app.processEvents()

        desk.window.sign_in.pin.setText(PIN)
        desk.window.sign_in.button.click()
        wait(lambda: len(view.shown) == args.listed)
        seconds = []
        for number in range(args.samples):
            before = len(view.shown)
            push(kiosk, kiosk_id, [Sent(dt.datetime.now(dt.UTC), reference=f"B{number:03d}")])
            pushed = time.perf_counter()  # push() returns once its commit has
            wait(lambda before=before: len(view.shown) == before + 1)
            seconds.append(time.perf_counter() - pushed)
        desk.controller.stop()
    cut = statistics.quantiles(seconds, n=20, method="inclusive")
    print(
        f"push committed -> card on the desk, {args.samples} samples, {args.listed}+ cards: "
        f"median {statistics.median(seconds) * 1000:.0f} ms, p95 {cut[18] * 1000:.0f} ms, "
        f"max {max(seconds) * 1000:.0f} ms (target: p95 < 2000 ms)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
