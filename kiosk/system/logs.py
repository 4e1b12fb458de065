"""Logging to rotating files in the data folder, one event per line, never patient data.

Names, phone numbers and notes are never passed to a logger anywhere in the kiosk; this module
also keeps every record on one line, so a log line cannot be forged by a newline in a value.
No Python Qt message handler is installed (in PySide6 6.12 one can deadlock Qt's own threads):
Qt's messages go to stderr, which systemd's journal keeps.
"""

from __future__ import annotations

import logging
from pathlib import Path

LOG_DIR = "logs"
LOG_FILE = "kiosk.log"
MAX_BYTES = 1_000_000
BACKUPS = 5
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class _OneLine(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return super().format(record).replace("\r", "\\r").replace("\n", " | ")


def configure(data_dir: Path, *, defer_file: bool = False) -> Path:
    """Send the kiosk's logging to data_dir/logs/kiosk.log (1 MB x 5) and to stderr.

    With `defer_file`, records wait in memory until `open_file()`: the rotating handler's module
    (sockets, pickle, queues) costs ~10 ms, which a cold start should not pay before the patient
    sees the home screen. Every record still reaches stderr (the journal) at once.
    """
    path = data_dir / LOG_DIR / LOG_FILE
    to_stderr = logging.StreamHandler()
    to_stderr.setFormatter(_OneLine(FORMAT))
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    root.addHandler(to_stderr)
    global _pending  # noqa: PLW0603 -- one log file per process
    _pending = _Pending(path)
    root.addHandler(_pending)
    if not defer_file:
        open_file()
    return path


class _Pending(logging.Handler):
    """Keeps records until the log file is open (at most PENDING_MAX, oldest dropped)."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)
        del self.records[:-PENDING_MAX]


PENDING_MAX = 1000
_pending: _Pending | None = None


def open_file() -> None:
    """Open the rotating log file and write what waited for it; does nothing the second time."""
    global _pending
    pending, _pending = _pending, None
    if pending is None:
        return
    import logging.handlers  # noqa: PLC0415 -- see configure()

    root = logging.getLogger()
    try:
        pending.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        to_file = logging.handlers.RotatingFileHandler(
            pending.path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"
        )
        pending.path.chmod(0o600)
    except OSError as exc:
        # A read-only or full data folder: the journal (stderr) still has every line.
        root.removeHandler(pending)
        logging.getLogger(__name__).warning(
            "no log file: %s cannot be written (%s); logging to the journal only",
            pending.path.parent,
            exc.strerror,
        )
        return
    to_file.setFormatter(_OneLine(FORMAT))
    for record in pending.records:
        to_file.handle(record)
    root.addHandler(to_file)
    root.removeHandler(pending)
