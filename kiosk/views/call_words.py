"""The thank-you page's sentences, said as a person would say them, in any language.

"We will call you at (201) 555-0123 on Monday or Wednesday, in the morning, in Spanish." is
built from translatable pieces, never by gluing English words: each language says how it
lists things ("A, B or C"), how it puts one day in a list ("Monday" in English, "el lunes" in
Spanish) and what goes around the list ("on Monday or Wednesday"; Spanish needs no word there).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from kiosk.views.words import day_names, language_in_words, period_names


def spoken_list(items: Sequence[str]) -> str:
    """ "Monday", "Monday or Wednesday", "Monday, Wednesday or Friday"."""
    if not items:
        return ""
    said = items[0]
    for item in items[1:-1]:
        said = QCoreApplication.translate(
            "CallWords", "{first}, {next}", "the start of a list of choices"
        ).format(first=said, next=item)
    if len(items) > 1:
        said = QCoreApplication.translate(
            "CallWords", "{first} or {last}", "the last two of a list of choices"
        ).format(first=said, last=items[-1])
    return said


def days_phrase(days: Sequence[str]) -> str:
    """ "on any day", "on Monday or Wednesday" ("cualquier día", "el lunes o el miércoles")."""
    if not days:
        return QCoreApplication.translate(
            "CallWords", "on any day", "no day chosen: we call any day"
        )
    names = day_names()
    items = [
        QCoreApplication.translate(
            "CallWords", "{day}", "one day in a list of days to call ('el {day}' in Spanish)"
        ).format(day=names[day])
        for day in days
    ]
    return QCoreApplication.translate(
        "CallWords", "on {days}", "the days we call: 'on Monday or Wednesday'"
    ).format(days=spoken_list(items))


def times_phrase(periods: Sequence[str]) -> str:
    """ "in the morning", "in the morning or afternoon" ("por la mañana o por la tarde")."""
    names = period_names()
    items = [
        QCoreApplication.translate(
            "CallWords", "{time}", "one time of day in a list ('por la {time}' in Spanish)"
        ).format(time=names[period])
        for period in periods
    ]
    return QCoreApplication.translate(
        "CallWords", "in the {times}", "the times we call: 'in the morning or afternoon'"
    ).format(times=spoken_list(items))


def call_summary(phone: str, days: Sequence[str], periods: Sequence[str], language: str) -> str:
    """The whole promise of the call, as one sentence."""
    return QCoreApplication.translate(
        "CallWords", "We will call you at {phone} {days}, {times}, in {language}."
    ).format(
        phone=phone,
        days=days_phrase(days),
        times=times_phrase(periods),
        language=language_in_words(language),
    )
