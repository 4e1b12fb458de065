"""Read aloud: page text spoken through Qt's text-to-speech, when the machine has a voice.

The engine is looked for once, after the home screen is on show. Without an engine (no
speech-dispatcher, no libpulse for Qt's speech module), or without a voice for the page's
language, `can_speak` is False and the views hide their button: better no button than one that
does nothing, or reads Spanish with an English voice. Only the shell calls `say`, and only with
the text of a topic or a spine region: nothing a patient typed is ever spoken in a waiting room.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QLoggingCategory, QObject, Signal

if TYPE_CHECKING:
    from PySide6.QtTextToSpeech import QTextToSpeech

log = logging.getLogger(__name__)

# The voices a US clinic's patients expect, first; any voice of the language otherwise.
PREFERRED = {"en": ("en_US",), "es": ("es_US", "es_MX", "es_419")}
# A little slower than the engine's usual pace (-1.0 to 1.0): many listeners are older, and a
# waiting room is not quiet.
RATE = -0.2


class Speaker(QObject):
    """Speaks one text at a time; reports when it starts and stops speaking."""

    speaking_changed = Signal(bool)

    def __init__(self, engine: str = "auto", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._engine_name = engine
        self._tts: QTextToSpeech | None = None
        self._looked = False
        self._voices: dict[str, QLocale | None] = {}  # language -> the voice chosen for it
        self.speaking = False

    @property
    def engine(self) -> QTextToSpeech | None:
        """Qt's engine, once found (None without one)."""
        return self._engine()

    def prepare(self) -> None:
        """Find the engine now (it loads Qt's speech libraries, ~8 ms here), rather than on the
        first page shown."""
        self._engine()

    def can_speak(self, language: str) -> bool:
        """An engine that works now (speech-dispatcher may have stopped since) and a voice."""
        tts = self._engine()
        if tts is None:
            return False
        from PySide6.QtTextToSpeech import QTextToSpeech  # noqa: PLC0415 -- loaded by now

        return tts.state() != QTextToSpeech.State.Error and self._locale(tts, language) is not None

    def say(self, text: str, language: str) -> None:
        """Read `text` in `language`'s voice, instead of whatever was being read."""
        tts = self._engine()
        locale = self._locale(tts, language) if tts is not None else None
        if tts is None or locale is None:
            return
        tts.stop()
        if tts.locale() != locale:
            tts.setLocale(locale)
        tts.say(text)

    def stop(self) -> None:
        if self._tts is not None and self.speaking:
            self._tts.stop()

    def _engine(self) -> QTextToSpeech | None:
        if self._looked:
            return self._tts
        self._looked = True
        if self._engine_name == "none":
            return None
        # Qt's multimedia library warns, on every machine without PipeWire, that it cannot load
        # it; speech does not need it (speech-dispatcher plays its own sound).
        QLoggingCategory.setFilterRules("qt.multimedia.symbolsresolver.warning=false")
        try:
            from PySide6.QtTextToSpeech import QTextToSpeech  # noqa: PLC0415
        except ImportError as exc:  # e.g. libpulse missing: Qt's speech module cannot load
            log.info("read aloud off: Qt's speech module cannot load (%s)", exc)
            return None
        if self._engine_name == "auto":
            tts = QTextToSpeech(self)
        elif self._engine_name in QTextToSpeech.availableEngines():
            tts = QTextToSpeech(self._engine_name, self)
        else:
            log.warning(
                "read aloud off: no speech engine %r (installed: %s)",
                self._engine_name,
                ", ".join(QTextToSpeech.availableEngines()) or "none",
            )
            return None
        if tts.state() == QTextToSpeech.State.Error:
            log.info("read aloud off: speech engine %r: %s", tts.engine(), tts.errorString())
            tts.deleteLater()
            return None
        tts.setRate(RATE)
        tts.stateChanged.connect(self._on_state_changed)
        log.info("read aloud on: engine %r", tts.engine())
        self._tts = tts
        return tts

    def _locale(self, tts: QTextToSpeech, language: str) -> QLocale | None:
        """The voice for `language`, chosen once (asked on every page shown)."""
        if language not in self._voices:
            self._voices[language] = self._choose_locale(tts, language)
        return self._voices[language]

    def _choose_locale(self, tts: QTextToSpeech, language: str) -> QLocale | None:
        locales = tts.availableLocales()
        by_name = {locale.name(): locale for locale in locales}
        for name in PREFERRED.get(language, ()):
            if name in by_name:
                return by_name[name]
        wanted = QLocale(language).language()
        return next((locale for locale in locales if locale.language() == wanted), None)

    def _on_state_changed(self, state: object) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech  # noqa: PLC0415

        speaking = state in (QTextToSpeech.State.Speaking, QTextToSpeech.State.Synthesizing)
        if speaking != self.speaking:
            self.speaking = speaking
            self.speaking_changed.emit(speaking)
