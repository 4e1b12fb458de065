"""Where staff can export to: the kiosk's own export folder and any mounted removable drive."""

from __future__ import annotations

import os
from pathlib import Path

# Where desktop systems (udisks) and kiosks (usbmount, or an fstab line) mount USB drives.
MOUNT_ROOTS = (Path("/media"), Path("/run/media"), Path("/mnt"))


def export_folders(data_dir: Path, roots: tuple[Path, ...] = MOUNT_ROOTS) -> list[tuple[str, str]]:
    """(path, label) pairs: the kiosk's export folder first, then each mounted drive."""
    found = [(str(data_dir / "exports"), "Kiosk (exports)")]
    for root in roots:
        for candidate in _two_levels(root):
            if os.path.ismount(candidate) and os.access(candidate, os.W_OK):
                found.append((str(candidate), candidate.name))
    return found


def _two_levels(root: Path) -> list[Path]:
    """`/media/usb0` and `/media/<user>/<label>` alike."""
    try:
        first = [p for p in root.iterdir() if p.is_dir()]
    except OSError:
        return []
    second: list[Path] = []
    for folder in first:
        try:
            second.extend(p for p in folder.iterdir() if p.is_dir())
        except OSError:
            continue
    return sorted(first + second)
