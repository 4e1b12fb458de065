"""Kiosks for the central store's tests: a data folder with fictional requests, a configuration
with [sync] pointing at the test's database, and the password in a 0600 file."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kiosk.core.callback_form import CallbackRequest, Phone
from kiosk.core.config import Config, load_config
from kiosk.storage.database import Database
from kiosk.storage.requests import RequestStore
from tests.central.conftest import Central, Login

KIOSK = Path(sys.executable).with_name("kiosk")
# Fictional: 555-01xx numbers are reserved for fiction.
REQUEST = CallbackRequest(
    first_name="Zebediah",
    last_name="O'Quux",
    phone=Phone("+12015550123", "(201) 555-0123", ""),
    days=("mon", "wed"),
    periods=("morning",),
    topic="spine:lumbar",
    note="Mornings are best.",
    language="en",
)


@dataclass(frozen=True)
class Kiosk:
    kiosk_id: str
    login: Login
    folder: Path
    config_file: Path

    @property
    def data_dir(self) -> Path:
        return self.folder / "data"

    @property
    def config(self) -> Config:
        return load_config(self.config_file)

    def store(self) -> RequestStore:
        return RequestStore(Database.open(self.data_dir))

    def sync_command(self, *args: str) -> list[str]:
        return [str(KIOSK), "sync", "--config", str(self.config_file), *args]


def make_kiosk(
    central: Central,
    folder: Path,
    *,
    batch_size: int = 500,
    password: str | None = None,
    keep_hours: int = 24,
) -> Kiosk:
    kiosk_id, login = central.add_kiosk()
    folder.mkdir(parents=True, exist_ok=True)
    secret = folder / "central.password"
    descriptor = os.open(secret, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w") as file:
        file.write((password or login.password) + "\n")
    config_file = folder / "kiosk.toml"
    config_file.write_text(
        f'[kiosk]\nid = "{kiosk_id}"\nspeech_engine = "none"\n'
        f'[paths]\ndata_dir = "{folder / "data"}"\n'
        f'[sync]\ndsn = "{login.dsn}"\npassword_file = "{secret}"\n'
        f"interval_seconds = 1\nbatch_size = {batch_size}\n"
        f"keep_after_sync_hours = {keep_hours}\n",
        encoding="utf-8",
    )
    kiosk = Kiosk(kiosk_id, login, folder, config_file)
    Database.open(kiosk.data_dir).close()  # the key and the database, before any process races
    return kiosk


def save(kiosk: Kiosk, count: int, request: CallbackRequest = REQUEST) -> list[str]:
    """`count` requests saved as the kiosk saves them, one transaction each; their ids."""
    return save_in(kiosk.data_dir, count, request)


def save_in(data_dir: Path, count: int, request: CallbackRequest = REQUEST) -> list[str]:
    """`count` requests saved into the kiosk database in `data_dir`, as `save` does."""
    store = RequestStore(Database.open(data_dir))
    start = dt.datetime(2026, 11, 26, 14, 0, tzinfo=dt.UTC)
    try:
        return [
            store.save(
                request,
                reference=f"R{number:05d}",
                consent_text="You may call me.",
                consent_version="2026-11",
                now=start + dt.timedelta(seconds=number),
            ).id
            for number in range(count)
        ]
    finally:
        store.close()


def saver(kiosk: Kiosk, count: int) -> subprocess.Popen[bytes]:
    """Another process saving `count` requests into the kiosk's database, as the kiosk would."""
    code = (
        "import sys; from pathlib import Path; from tests.central.kiosks import save_in; "
        "save_in(Path(sys.argv[1]), int(sys.argv[2]))"
    )
    root = Path(__file__).resolve().parents[2]
    return subprocess.Popen(
        [sys.executable, "-c", code, str(kiosk.data_dir), str(count)],
        cwd=root,
        stderr=subprocess.PIPE,
    )


def wait_for(condition: Callable[[], bool], what: str, deadline: float = 60.0) -> None:
    """Poll `condition` until it holds, failing after `deadline` seconds."""
    end = time.monotonic() + deadline
    while not condition():
        if time.monotonic() > end:
            raise AssertionError(f"waited {deadline:.0f} s for {what}")
        time.sleep(0.05)  # polling another process: nothing to wait on but time
