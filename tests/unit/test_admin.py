"""`kiosk export` as IT runs it: requests are marked exported only once their file is whole on
the disk. (The commands end to end, in a terminal: tests/e2e/test_admin_cli.py.)"""

from __future__ import annotations

import errno
import io
import os
import stat
from pathlib import Path

import pytest

from kiosk.admin import run
from kiosk.cli import build_parser
from kiosk.core.callback_form import CallbackRequest, Phone
from kiosk.core.config import Config
from kiosk.storage.accounts import StaffDirectory
from kiosk.storage.audit import AuditLog
from kiosk.storage.database import Database
from kiosk.storage.requests import RequestStore

PIN = "482193"


@pytest.fixture
def data_dir(config: Config) -> Path:
    """A kiosk's data folder with one staff member and one new request."""
    db = Database.open(config.paths.data_dir)
    StaffDirectory(db).add("Dana Front", PIN)
    RequestStore(db).save(
        # Obviously fictional: 555-01xx.
        CallbackRequest(
            "Ann", "Lee", Phone("+12015550123", "(201) 555-0123"), (), (), "", "", "en"
        ),
        reference="ACE-479",
        consent_text="Yes",
        consent_version="1",
    )
    db.close()
    return config.paths.data_dir


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
@pytest.mark.usefixtures("data_dir")
def test_an_export_the_disk_cannot_take_leaves_the_request_new_and_no_file(
    config: Config,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    kind: str,
) -> None:
    """The disk takes every write and fails only when the file is synced to it (ENOSPC)."""
    out = tmp_path / "usb" / f"requests.{kind}"
    out.parent.mkdir()
    args = build_parser().parse_args(["export", "--format", kind, "--out", str(out)])
    sync = os.fsync

    def full_when_a_file_is_synced(fd: int) -> None:
        if stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        sync(fd)

    with monkeypatch.context() as patch:
        patch.setattr(os, "fsync", full_when_a_file_is_synced)
        assert run(args, config, stdin=io.StringIO(PIN + "\n")) == 1
    full = os.strerror(errno.ENOSPC)
    assert capsys.readouterr().err == f"kiosk: cannot write to {out.parent}: {full}\n"
    assert list(out.parent.iterdir()) == []
    db = Database.open(config.paths.data_dir)
    assert RequestStore(db).counts() == {"new": 1, "exported": 0, "done": 0}
    actions = [entry.action for entry in AuditLog(db).entries()]
    assert actions[:2] == ["export_failed", "export_started"]
    db.close()
