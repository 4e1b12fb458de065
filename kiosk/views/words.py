"""Words more than one screen shows: days, times of day and languages, by the codes the core
uses (kiosk.core.callback_form.DAYS, PERIODS, the configuration's languages). Days come from Qt's
locale data, so a third language gets them with no translation work; the rest is translated once, in
the "Words" context."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

# Qt's own names carry a country ("American English", "español de España"); these do not.
AUTONYMS = {"en": "English", "es": "Español"}


def day_abbreviations() -> dict[str, str]:
    """Short day names for buttons and lists ("Mon", "Lun"), from the current language's locale."""
    from kiosk.core.callback_form import DAYS  # noqa: PLC0415 -- not needed to show home

    locale = QLocale()
    return {
        day: _capitalised(locale.dayName(number, QLocale.FormatType.ShortFormat))
        for number, day in enumerate(DAYS, start=1)
    }


def day_names() -> dict[str, str]:
    """Whole day names, for screen readers ("Monday", "lunes")."""
    from kiosk.core.callback_form import DAYS  # noqa: PLC0415 -- not needed to show home

    locale = QLocale()
    return {day: locale.dayName(number) for number, day in enumerate(DAYS, start=1)}


def language_name(code: str) -> str:
    """A language in its own words, for choosing it ("Español"), whatever language is shown."""
    known = AUTONYMS.get(code)
    return known or _capitalised(QLocale(code).nativeLanguageName()) or code


def language_in_words(code: str) -> str:
    """A language in the current language's words, for staff lists ("Spanish", "inglés")."""
    known = {
        "en": QCoreApplication.translate("Words", "English"),
        "es": QCoreApplication.translate("Words", "Spanish"),
    }
    return known.get(code) or QLocale.languageToString(QLocale(code).language())


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def period_names() -> dict[str, str]:
    """Times of day, lower case ("morning")."""
    return {
        "morning": QCoreApplication.translate("Words", "morning"),
        "afternoon": QCoreApplication.translate("Words", "afternoon"),
        "evening": QCoreApplication.translate("Words", "evening"),
    }
