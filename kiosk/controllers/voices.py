"""The voices Read aloud would use, asked of Qt's speech engine the way the kiosk asks it.

For `kiosk doctor`, whose checks import no Qt: it is handed `probe_voices`. The kiosk's own
`Speaker` chooses the engine and each language's voice, so doctor reports what patients get.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from kiosk.controllers.speech import Speaker
from kiosk.controllers.speech import log as speech_log
from kiosk.system.doctor import Voices

OFF = "read aloud off: "


class _Reasons(logging.Handler):
    """Keeps what `Speaker` logs when it finds no engine: the reason, in its own words."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.said: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if message.startswith(OFF):
            self.said.append(message.removeprefix(OFF))


def probe_voices(engine: str, languages: Sequence[str]) -> Voices:
    """Load `engine` as the kiosk would ("auto", a Qt engine's name) and ask it for a voice for
    each language."""
    # Qt's plugins load only once an application object exists; a command has none yet.
    app = QCoreApplication.instance() or QCoreApplication([])
    reasons = _Reasons()
    level = speech_log.level
    speech_log.addHandler(reasons)
    speech_log.setLevel(logging.INFO)
    try:
        speaker = Speaker(engine)
        speaker.wait_until_ready()
    finally:
        speech_log.removeHandler(reasons)
        speech_log.setLevel(level)
    if speaker.engine is None:
        return Voices("", "; ".join(reasons.said) or "no speech engine", {})
    result = Voices(
        speaker.engine,
        "",
        {language: speaker.can_speak(language) for language in languages},
        tuple(sorted(speaker.voices)),
    )
    speaker.deleteLater()
    del app
    return result
