"""Logging to rotating files in the data folder, one event per line, never patient data.

Names, phone numbers and notes are never passed to a logger anywhere in the kiosk; this module
also keeps every record on one line, so a log line cannot be forged by a newline in a value.
No Python Qt message handler is installed (in PySide6 6.12 one can deadlock Qt's own threads):
Qt's messages go to stderr, which systemd's journal keeps.
"""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

LOG_DIR = "logs"
LOG_FILE = "kiosk.log"
MAX_BYTES = 1_000_000
BACKUPS = 5
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class _OneLine(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return super().format(record).replace("\r", "\\r").replace("\n", " | ")


def configure(data_dir: Path) -> Path:
    """Send the kiosk's logging to data_dir/logs/kiosk.log (1 MB x 5) and to stderr."""
    folder = data_dir / LOG_DIR
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    path = folder / LOG_FILE
    formatter = _OneLine(FORMAT)
    to_file = logging.handlers.RotatingFileHandler(
        path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"
    )
    to_stderr = logging.StreamHandler()
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    for handler in (to_file, to_stderr):
        handler.setFormatter(formatter)
        root.addHandler(handler)
    path.chmod(0o600)
    return path
