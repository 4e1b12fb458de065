"""The screen texts' language: Qt's translator for the kiosk's `tr()` texts, and the locale that
formats dates and numbers. Switched all at once, so no frame shows two languages."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QObject, QTranslator

from kiosk.views import app_filters


class Translations(QObject):
    """Installs one language's translations on the application; knows the others' too."""

    def __init__(self, folder: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._folder = folder
        self._translator: QTranslator | None = None

    def install(self, language: str) -> None:
        """Texts, dates, times and numbers in `language`, as a US reader of it writes them."""
        QLocale.setDefault(QLocale(f"{language}_US"))
        app = QCoreApplication.instance()
        if app is None:
            return
        if self._translator is not None:
            app.removeTranslator(self._translator)
            # Handed to Python and deleted at once as it is dropped, not posted for deletion:
            # a translator left pending was found again and deleted twice (conftest's
            # teardown), crashing PySide in about half the runs of test_accessibility.
            self._translator.setParent(None)
            self._translator = None
        translator = QTranslator(app)  # the application's, as QApplication uses it
        if translator.load(f"kiosk_{language}", str(self._folder)):
            app.installTranslator(translator)
            self._translator = translator
        # Qt posts LanguageChange to every widget; deliver it now, so no frame is painted
        # with some texts in one language and some in the other.
        with app_filters.broadcast():
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange.value)

    def text_in(self, language: str, context: str, source: str) -> str | None:
        """`source` (an English text of `context`) in `language`; None when there is no
        translation for it (English needs none: its text is the source)."""
        if language == "en":
            return source
        translator = QTranslator()
        if translator.load(f"kiosk_{language}", str(self._folder)):
            return translator.translate(context, source) or source
        return None
