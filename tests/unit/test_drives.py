"""Export destinations: the kiosk's own folder always, a mounted drive when there is one."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kiosk.storage.drives import export_folders


def test_the_kiosk_folder_is_always_offered_first(tmp_path: Path) -> None:
    folders = export_folders(tmp_path / "data", roots=(tmp_path / "nothing-mounted",))
    assert folders == [(str(tmp_path / "data" / "exports"), "Kiosk (exports)")]


def test_mounted_drives_are_offered_and_plain_folders_are_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    usb = tmp_path / "media" / "staff" / "CLINIC-USB"
    usb.mkdir(parents=True)
    (tmp_path / "media" / "not-a-drive").mkdir()
    monkeypatch.setattr(os.path, "ismount", lambda p: Path(p) == usb)
    folders = export_folders(tmp_path / "data", roots=(tmp_path / "media",))
    assert folders[1:] == [(str(usb), "CLINIC-USB")]
