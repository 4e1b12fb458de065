"""What tests/e2e/test_display_path.py needs around a real display server: starting processes and
ending every one of them, and reading and comparing what the screen shows."""

from __future__ import annotations

import contextlib
import os
import signal
import struct
import subprocess
import time
from array import array
from operator import eq
from pathlib import Path
from typing import IO

import pytest
from PySide6.QtGui import QImage

# Every process a test starts carries MARKER=<its own value> in its environment, so the ones
# that outlive it are found even after they left its session (a daemon starting itself).
MARKER = "KIOSK_DISPLAY_TEST"


class Started:
    """The processes one test started, their output in logs under `folder`; `end()` stops them
    all, however the test ended."""

    def __init__(self, folder: Path, marker: str) -> None:
        self._folder = folder
        self._marker = marker
        self._procs: list[tuple[subprocess.Popen[bytes], IO[bytes], bool]] = []

    def start(
        self,
        name: str,
        argv: list[str],
        env: dict[str, str],
        *pass_fds: int,
        ends_with_client: bool = False,
    ) -> subprocess.Popen[bytes]:
        """Start `argv` (its environment must carry the marker), handing it `pass_fds`.
        `ends_with_client`: a compositor that exits by itself once its one client has (cage
        0.1.4 aborts on SIGTERM and leaves Xwayland's lock file in /tmp)."""
        assert env.get(MARKER) == self._marker
        log = (self._folder / f"{len(self._procs)}-{name}.log").open("wb")
        proc = subprocess.Popen(
            argv,
            env=env,
            cwd=self._folder,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            pass_fds=pass_fds,
        )
        self._procs.append((proc, log, ends_with_client))
        return proc

    def logs(self) -> str:
        """The end of every log, to explain a failure."""
        tails = []
        for log in sorted(self._folder.glob("*.log")):
            lines = log.read_text(encoding="utf-8", errors="replace").splitlines()[-15:]
            tails.append("\n".join([f"--- {log.name}", *lines]))
        return "\n".join(tails)

    def end(self) -> None:
        """Clients first (a compositor's, then the ones the test started, last first), then
        whatever is left: SIGKILL until nothing carries the marker."""
        started = {proc.pid for proc, _, _ in self._procs}
        for pid in carrying(self._marker) - started:
            _signal(pid, signal.SIGTERM)
        for proc, log, ends_with_client in reversed(self._procs):
            if ends_with_client:
                with contextlib.suppress(subprocess.TimeoutExpired):
                    proc.wait(timeout=10)
            if proc.poll() is None:
                proc.terminate()
                try:
                    proc.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()
            log.close()
        deadline = time.monotonic() + 10
        while left := carrying(self._marker):
            if time.monotonic() > deadline:
                pytest.fail(f"processes {sorted(left)} outlived the test, and SIGKILL")
            for pid in left:
                _signal(pid, signal.SIGKILL)
            time.sleep(0.05)  # polling for their end: the kernel takes a moment


def carrying(marker: str) -> set[int]:
    """The live processes whose environment has MARKER=`marker`."""
    needle = f"{MARKER}={marker}".encode()
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if needle in (entry / "environ").read_bytes().split(b"\0"):
                    found.add(int(entry.name))
            except OSError:  # gone meanwhile, or another user's
                continue
    return found


def _signal(pid: int, number: signal.Signals) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, number)


def read_ppm(data: bytes) -> QImage | None:
    """What `grim -t ppm -` wrote, or None if it is not a picture."""
    image = QImage()  # (not QImage.fromData: its stub wants the format as bytes, Qt a str)
    return image if image.loadFromData(data, "PPM") else None


def read_xwd(data: bytes) -> QImage:
    """A screen dump as `Xvfb -fbdir` keeps it: a big-endian header, the window's name, a colour
    map, then the pixels. Only the layout Xvfb uses at depth 24 (32-bit pixels, least
    significant byte first, 8 bits a colour) is read; anything else is an error."""
    (header_size, version, pixmap_format, _depth, width, height, _xoffset, byte_order, _unit,
     _bit_order, _pad, bits_per_pixel, bytes_per_line, _visual_class, red, green, blue, _bits,
     _entries, colours) = struct.unpack(">20I", data[:80])  # fmt: skip
    layout = (version, pixmap_format, byte_order, bits_per_pixel, red, green, blue)
    if layout != (7, 2, 0, 32, 0xFF0000, 0xFF00, 0xFF):
        raise ValueError(f"an XWD layout this reader does not know: {layout}")
    start = header_size + 12 * colours  # a colour map entry is 12 bytes
    pixels = bytearray(data[start : start + bytes_per_line * height])
    if len(pixels) < bytes_per_line * height:
        raise ValueError(f"the XWD file ends early: {len(data)} bytes")
    pixels[3::4] = b"\xff" * (len(pixels) // 4)  # the unused byte, as Qt's RGB32 has it
    return QImage(bytes(pixels), width, height, bytes_per_line, QImage.Format.Format_RGB32).copy()


def _pixels(image: QImage) -> array[int]:
    return array("I", bytes(image.convertToFormat(QImage.Format.Format_RGB32).constBits()))


def matching(shot: QImage, reference: QImage) -> float:
    """The share of `shot`'s pixels that are exactly the reference's (0 if the sizes differ)."""
    if shot.size() != reference.size():
        return 0.0
    mine, theirs = _pixels(shot), _pixels(reference)
    same: int = sum(map(eq, mine, theirs))  # operator.eq is typed as returning Any
    return same / len(theirs)


def black(shot: QImage) -> float:
    """The share of pixels that are black, as cage and Xvfb show an empty screen."""
    pixels = _pixels(shot)
    return pixels.count(0xFF000000) / len(pixels)
