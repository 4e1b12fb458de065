"""What every page of medical text says about itself: that it is general information, not advice
for this patient, and who last checked it, when. The topic reader and the spine panel both
show these, so the words live here once.
"""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QDate, QEvent, QLocale, Qt
from PySide6.QtWidgets import QLabel, QWidget


class Disclaimer(QLabel):
    """One short line, kept in view under a page (never scrolled away with the text)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setProperty("role", "disclaimer")
        self._retranslate()

    def _retranslate(self) -> None:
        self.setText(
            self.tr("General information, not medical advice. Ask your doctor about your own care.")
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


class ReviewNote(QLabel):
    """ "Reviewed by … on …", small, under a page's text; empty when the page says nothing."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)  # the reviewer comes from a content file
        self.setWordWrap(True)
        self.setProperty("role", "review-note")
        self._by = ""
        self._on: dt.date | None = None

    def set_review(self, by: str, on: dt.date | None) -> None:
        self._by, self._on = by, on
        self._retranslate()

    def _retranslate(self) -> None:
        if not self._by or self._on is None:
            self.clear()
            self.hide()
            return
        self.setText(
            self.tr("Reviewed by {who} on {date}.").format(who=self._by, date=_day(self._on))
        )
        self.show()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


def _day(date: dt.date) -> str:
    """A date as the current language writes it in full, without the weekday:
    "November 26, 2026", "26 de noviembre de 2026"."""
    locale = QLocale()
    written = locale.dateFormat(QLocale.FormatType.LongFormat)
    without_weekday = re.sub(r"d{4}[,\s]*", "", written).strip(" ,")
    return locale.toString(QDate(date.year, date.month, date.day), without_weekday)
