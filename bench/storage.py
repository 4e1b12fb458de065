"""Submit to committed: a checked callback request saved in the encrypted database, against a
plain sqlite3 insert with the same durability (WAL, synchronous=FULL, one transaction).

Both write to the same folder, interleaved, so the disk's flush cost hits both alike. The
kiosk's time includes checking the form (phonenumbers) and SQLCipher's encryption.

usage: python bench/storage.py [--rounds N] [--dir PATH]
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from kiosk.core.callback_form import CallbackForm, reference_code, validate
from kiosk.storage.requests import RequestStore

# Obviously fictional (555-01xx).
FORM = CallbackForm(
    "Ann",
    "Lee",
    "(201) 555-0123",
    ("mon",),
    ("morning",),
    "topic:surgery",
    "After lunch, please.",
    "en",
    consent=True,
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--dir", type=Path, help="folder on the disk to measure (default: tmp)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=args.dir) as folder:
        root = Path(folder)
        store = RequestStore.open(root / "kiosk")
        plain = sqlite3.connect(root / "plain.db", isolation_level=None)
        plain.execute("PRAGMA journal_mode = WAL")
        plain.execute("PRAGMA synchronous = FULL")
        plain.execute("CREATE TABLE requests (id TEXT, first TEXT, last TEXT, phone TEXT)")
        kiosk_times, plain_times = [], []
        for number in range(args.rounds):
            start = time.perf_counter()
            request, errors = validate(FORM)
            assert request is not None, errors
            store.save(request, reference=reference_code(), consent_text="Yes", consent_version="1")
            kiosk_times.append(time.perf_counter() - start)

            start = time.perf_counter()
            plain.execute("BEGIN IMMEDIATE")
            plain.execute(
                "INSERT INTO requests VALUES (?, ?, ?, ?)",
                (str(number), "Ann", "Lee", "+12015550123"),
            )
            plain.execute("COMMIT")
            plain_times.append(time.perf_counter() - start)
        store.close()
        plain.close()
    kiosk_ms = statistics.median(kiosk_times) * 1000
    plain_ms = statistics.median(plain_times) * 1000
    print(f"submit to committed, {args.rounds} interleaved saves each, in {args.dir or 'tmp'}")
    print(f"  plain sqlite3 insert (WAL, FULL): median {plain_ms:6.3f} ms")
    print(
        f"  kiosk check + encrypted save:     median {kiosk_ms:6.3f} ms  "
        f"(max {max(kiosk_times) * 1000:6.2f})  ratio {kiosk_ms / plain_ms:5.2f}x"
    )


if __name__ == "__main__":
    main()
