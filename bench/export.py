"""Staff export: 100,000 callback requests to CSV with write_csv, against a bare csv.writer
writing the same header and cells (no neutralising, no temporary file, fsync or rename).

Both start from the same StoredRequest values and format the cells with export.rows, so the
ratio is the price of the defences: neutralising, the byte-order mark, quoting every field and
the atomic, synced write. Rounds are interleaved in one folder, so the disk treats both alike.
Then write_xlsx is timed once for 10,000 requests.

usage: python bench/export.py [--requests N] [--xlsx-requests N] [--rounds N] [--dir PATH]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import statistics
import tempfile
import time
from pathlib import Path

from kiosk.core.callback_form import Phone
from kiosk.storage.export import COLUMNS, rows, write_csv, write_xlsx
from kiosk.storage.requests import StoredRequest

# Obviously fictional (555-01xx); one in four names needs neutralising, some need UTF-8.
NAMES = (("Ann", "Lee"), ("José", "Núñez"), ("Siobhán", "O'Neil"), ("=1+1", "-Smith"))
START = dt.datetime(2026, 11, 26, 14, 5, tzinfo=dt.UTC)


def requests(count: int) -> list[StoredRequest]:
    made = []
    for number in range(count):
        first, last = NAMES[number % len(NAMES)]
        line = f"{number % 100:02d}"
        made.append(
            StoredRequest(
                id=str(number),
                reference=f"ACE-{number % 1000:03d}",
                created_at=START + dt.timedelta(minutes=number),
                status="new",
                first_name=first,
                last_name=last,
                phone=Phone(f"+120155501{line}", f"(201) 555-01{line}", "45" if number % 3 else ""),
                days=("mon", "wed") if number % 2 else (),
                periods=("morning",),
                topic="topic:surgery",
                note="After lunch, please." if number % 2 else "",
                language="en",
                consent_text="You may call me.",
                consent_version="2026-11",
            )
        )
    return made


def bare_csv(values: list[StoredRequest], path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(COLUMNS)
        writer.writerows(rows(values))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=100_000)
    parser.add_argument("--xlsx-requests", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--dir", type=Path, help="folder on the disk to measure (default: tmp)")
    args = parser.parse_args()
    values = requests(max(args.requests, args.xlsx_requests))
    csv_values = values[: args.requests]
    with tempfile.TemporaryDirectory(dir=args.dir) as folder:
        root = Path(folder)
        kiosk_times, bare_times = [], []
        for _ in range(args.rounds):
            start = time.perf_counter()
            written = write_csv(csv_values, root / "kiosk.csv")
            kiosk_times.append(time.perf_counter() - start)
            assert written == args.requests

            start = time.perf_counter()
            bare_csv(csv_values, root / "bare.csv")
            bare_times.append(time.perf_counter() - start)
        size = (root / "kiosk.csv").stat().st_size / 1e6

        start = time.perf_counter()
        write_xlsx(values[: args.xlsx_requests], root / "kiosk.xlsx")
        xlsx_time = time.perf_counter() - start
    kiosk_s = statistics.median(kiosk_times)
    bare_s = statistics.median(bare_times)
    print(
        f"export to CSV, {args.requests:,} requests ({size:.1f} MB), {args.rounds} interleaved "
        f"rounds each, in {args.dir or 'tmp'}"
    )
    print(f"  {'bare csv.writer:':37}median {bare_s:6.3f} s")
    print(
        f"  {'kiosk write_csv (neutralised, sync):':37}median {kiosk_s:6.3f} s  "
        f"(max {max(kiosk_times):6.3f})  ratio {kiosk_s / bare_s:5.2f}x"
    )
    print(
        f"export to XLSX, {args.xlsx_requests:,} requests: write_xlsx {xlsx_time:6.3f} s  "
        f"({xlsx_time / args.xlsx_requests * 1e6:.0f} µs a request)"
    )


if __name__ == "__main__":
    main()
