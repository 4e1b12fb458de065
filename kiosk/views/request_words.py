"""Words for what a request holds, shared by the kiosk's staff panel and the front desk:
"Mon/Wed mornings · Spanish · about Surgery" instead of the codes a request keeps (mon, morning,
es, topic:surgery), times in the clinic's zone, and how long ago something happened.

The texts keep the translation context "Desk", where they were first translated."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, QTimeZone

from kiosk.views.words import day_abbreviations, language_in_words


def period_plurals() -> dict[str, str]:
    return {
        "morning": QCoreApplication.translate("Desk", "mornings"),
        "afternoon": QCoreApplication.translate("Desk", "afternoons"),
        "evening": QCoreApplication.translate("Desk", "evenings"),
    }


def when_words(days: Sequence[str], periods: Sequence[str]) -> str:
    """ "Mon/Wed mornings", "Any day, mornings or afternoons"."""
    plurals = period_plurals()
    times = QCoreApplication.translate(
        "Desk", " or ", "between two times of day: 'mornings or afternoons'"
    ).join(plurals.get(period, period) for period in periods)
    if not days:
        return (
            QCoreApplication.translate("Desk", "Any day, {times}").format(times=times)
            if times
            else QCoreApplication.translate("Desk", "Any day")
        )
    names = day_abbreviations()
    shown = "/".join(names.get(day, day) for day in days)
    return f"{shown} {times}".strip()


def about_words(subject: str, titles: Mapping[str, str]) -> str:
    """ "about Surgery" for topic:surgery; "" when the patient came from no page."""
    if not subject:
        return ""
    title = titles.get(subject) or subject.partition(":")[2].replace("-", " ").capitalize()
    return QCoreApplication.translate("Desk", "about {subject}").format(subject=title)


def summary(
    days: Sequence[str], periods: Sequence[str], language: str, subject: str,
    titles: Mapping[str, str],
) -> str:  # fmt: skip
    """The card's second line: when to call, in which language, about what."""
    parts = [when_words(days, periods), language_in_words(language), about_words(subject, titles)]
    return " · ".join(part for part in parts if part)


def moment(at: dt.datetime, zone: str) -> str:
    """A time the way the desk's language writes it, in the clinic's zone (`zone` "": this PC's):
    "9:05 AM" today, "11/30/26 9:05 AM" on another day."""
    stamp = QDateTime.fromSecsSinceEpoch(int(at.timestamp()))
    if zone:
        stamp = stamp.toTimeZone(QTimeZone(zone.encode()))
    locale = QLocale()
    now = QDateTime.currentDateTime()
    if zone:
        now = now.toTimeZone(QTimeZone(zone.encode()))
    if stamp.date() == now.date():
        return locale.toString(stamp.time(), QLocale.FormatType.ShortFormat)
    return locale.toString(stamp, QLocale.FormatType.ShortFormat)


def duration(elapsed: dt.timedelta) -> str:
    """ "12 min", "3 h", "2 d"."""
    minutes = max(0, int(elapsed.total_seconds() // 60))
    if minutes < 60:
        return QCoreApplication.translate("Desk", "{n} min").format(n=minutes)
    if minutes < 48 * 60:
        return QCoreApplication.translate("Desk", "{n} h").format(n=minutes // 60)
    return QCoreApplication.translate("Desk", "{n} d", "days").format(n=minutes // (24 * 60))


def age(elapsed: dt.timedelta) -> str:
    """ "just now", "12 min ago", "3 h ago", "2 d ago"."""
    if elapsed < dt.timedelta(minutes=1):
        return QCoreApplication.translate("Desk", "just now")
    return QCoreApplication.translate("Desk", "{time} ago", "how long ago: '12 min ago'").format(
        time=duration(elapsed)
    )
