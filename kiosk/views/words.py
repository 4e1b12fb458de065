"""Words more than one screen shows: days and times of day, by the codes the core uses
(kiosk.callback.DAYS, PERIODS). Translated once, in the "Words" context."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def day_abbreviations() -> dict[str, str]:
    """Short day names for buttons and lists ("Mon")."""
    return {
        "mon": QCoreApplication.translate("Words", "Mon"),
        "tue": QCoreApplication.translate("Words", "Tue"),
        "wed": QCoreApplication.translate("Words", "Wed"),
        "thu": QCoreApplication.translate("Words", "Thu"),
        "fri": QCoreApplication.translate("Words", "Fri"),
        "sat": QCoreApplication.translate("Words", "Sat"),
    }


def day_names() -> dict[str, str]:
    """Whole day names, for screen readers ("Monday")."""
    return {
        "mon": QCoreApplication.translate("Words", "Monday"),
        "tue": QCoreApplication.translate("Words", "Tuesday"),
        "wed": QCoreApplication.translate("Words", "Wednesday"),
        "thu": QCoreApplication.translate("Words", "Thursday"),
        "fri": QCoreApplication.translate("Words", "Friday"),
        "sat": QCoreApplication.translate("Words", "Saturday"),
    }


def period_names() -> dict[str, str]:
    """Times of day, lower case ("morning")."""
    return {
        "morning": QCoreApplication.translate("Words", "morning"),
        "afternoon": QCoreApplication.translate("Words", "afternoon"),
        "evening": QCoreApplication.translate("Words", "evening"),
    }
