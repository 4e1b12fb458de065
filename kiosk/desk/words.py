"""The desk's own words: its status filter and a kiosk's free disk. What a request holds is said
by kiosk.views.request_words, shared with the kiosk's staff panel."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from kiosk.central.desk import Status


def status_words() -> dict[Status | None, str]:
    """What the status filter offers; None: every status."""
    return {
        Status.NEW: QCoreApplication.translate("Desk", "To call"),
        Status.CALLED: QCoreApplication.translate("Desk", "Called"),
        Status.DONE: QCoreApplication.translate("Desk", "Done"),
        None: QCoreApplication.translate("Desk", "All"),
    }


def disk_words(free_bytes: int) -> str:
    """ "12.3 GB free"."""
    return QCoreApplication.translate("Desk", "{size} GB free").format(
        size=QLocale().toString(free_bytes / 1e9, "f", 1)
    )
