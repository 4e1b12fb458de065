"""What happens when the kiosk's own code fails: log it, count it, go home, keep running.

An exception escaping a slot or an event handler reaches `sys.excepthook`; the default one
prints a trace (which nobody should see) and PySide may then abort. This hook logs the error's
type and where it happened, but not its message (a message could quote what a patient typed),
counts it for the diagnostics screen, and asks the shell to show home again.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

log = logging.getLogger(__name__)

CRASH_COUNT_FILE = "crash-count"


def install(data_dir: Path, recover: Callable[[], None]) -> None:
    """Route uncaught exceptions to `recover` (run later, from the event loop)."""

    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        where = " <- ".join(
            f"{Path(frame.filename).name}:{frame.lineno} {frame.name}"
            for frame in reversed(traceback.extract_tb(trace)[-4:])
        )
        log.error("unexpected %s at %s; returning home", kind.__name__, where)
        _count(data_dir)
        recover()

    sys.excepthook = hook
    threading.excepthook = lambda args: hook(
        args.exc_type, args.exc_value or Exception(), args.exc_traceback
    )


def crash_count(data_dir: Path) -> int:
    try:
        return int((data_dir / CRASH_COUNT_FILE).read_text().strip() or 0)
    except (OSError, ValueError):
        return 0


def _count(data_dir: Path) -> None:
    try:
        (data_dir / CRASH_COUNT_FILE).write_text(f"{crash_count(data_dir) + 1}\n")
    except OSError:
        log.warning("could not update the crash count")
