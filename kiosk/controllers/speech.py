"""Read aloud: page text spoken through Qt's text-to-speech, when the machine has a voice.

The engine runs in a process of its own (`kiosk/controllers/speech_service.py`), never in the one
that paints the screen: a speech server that does not answer (speech-dispatcher can hang when
its sound output fails, and Qt's speechd plugin then blocks for ever inside a call, holding
Python's lock, so no thread of ours could keep painting) must cost Read aloud, never a frozen
kiosk. The service is started after the home screen is on show and must answer within
`START_LIMIT_MS`; every later request must be taken within `ANSWER_LIMIT_MS`. Otherwise it is
killed, `can_speak` turns False and `availability_changed` tells the shell to hide the button.
Without an engine (no speech-dispatcher, no libpulse for Qt's speech module), or without a voice
for the page's language, `can_speak` is False too: better no button than one that does nothing,
or reads Spanish with an English voice. Only the shell calls `say`, and only with the text of a
topic or a spine region: nothing a patient typed is ever spoken in a waiting room.
"""

from __future__ import annotations

import logging
import sys
from typing import Any

import shiboken6
from PySide6.QtCore import QEventLoop, QLocale, QObject, QProcess, QTimer, Signal

log = logging.getLogger(__name__)

# The voices a US clinic's patients expect, first; any voice of the language otherwise.
PREFERRED = {"en": ("en_US",), "es": ("es_US", "es_MX", "es_419")}
START_LIMIT_MS = 10_000  # Python and Qt's speech module load, then the server answers
ANSWER_LIMIT_MS = 3000  # to take a say() or stop(); reading itself may take minutes
SERVICE = "kiosk.controllers.speech_service"


class Speaker(QObject):
    """Speaks one text at a time; reports when it starts and stops speaking, each word as it is
    spoken, and when Read aloud becomes possible or impossible."""

    speaking_changed = Signal(bool)
    availability_changed = Signal()
    word_spoken = Signal(str)

    def __init__(
        self,
        engine: str = "auto",
        parent: QObject | None = None,
        *,
        start_limit_ms: int | None = None,
        answer_limit_ms: int | None = None,
    ) -> None:
        super().__init__(parent)
        self._engine_name = engine
        self._process: QProcess | None = None
        self._pending = b""
        self._available = False
        self._failed = False
        self.voices: list[str] = []  # the engine's voices, as it names them (en_US, es_419...)
        self._voices: dict[str, str | None] = {}  # language -> the voice chosen for it
        self.engine: str | None = None  # the engine's name, once it answered
        self.off_reason = ""  # why read aloud is off, for the staff diagnostics screen
        self.voice = ""  # the voice and rate of what was read last, as the engine said
        self.rate = 0.0
        self.speaking = False
        start = START_LIMIT_MS if start_limit_ms is None else start_limit_ms
        answer = ANSWER_LIMIT_MS if answer_limit_ms is None else answer_limit_ms
        self._start_timer = _single_shot(self, start, self._on_start_timeout)
        self._answer_timer = _single_shot(self, answer, self._on_answer_timeout)

    @property
    def ready(self) -> bool:
        """The engine answered, or will not be asked again: `can_speak` is settled for now."""
        return self._available or self._failed

    def prepare(self) -> None:
        """Start the speech service (Python, Qt's speech libraries, the speech server's answer:
        none of it on this process's time); returns at once."""
        if self._process is not None or self.ready:
            return
        if self._engine_name == "none":
            self._fail("")
            return
        process = QProcess(self)
        process.setProgram(sys.executable)
        process.setArguments(["-m", SERVICE, self._engine_name])
        process.setProcessChannelMode(QProcess.ProcessChannelMode.ForwardedErrorChannel)
        process.readyReadStandardOutput.connect(self._on_output)
        process.finished.connect(self._on_finished)
        process.errorOccurred.connect(self._on_process_error)
        # Ended with its Speaker (the window closing): never left running, never waited on.
        self.destroyed.connect(lambda: _end(process))
        self._process = process
        self._start_timer.start()
        process.start()

    def wait_until_ready(self, limit_ms: int | None = None) -> bool:
        """Start the service if need be and wait (running events) until it answered or failed;
        for `kiosk doctor`, which has no screen to keep painting. True if it can be used."""
        self.prepare()
        if not self.ready:
            loop = QEventLoop()
            self.availability_changed.connect(loop.quit)
            QTimer.singleShot(limit_ms or self._start_timer.interval() + 100, loop.quit)
            loop.exec()
        return self._available

    def can_speak(self, language: str) -> bool:
        """An engine that answered and is not in error (speech-dispatcher may have stopped
        since), with a voice for `language`."""
        return self._available and self._locale(language) is not None

    def say(self, text: str, language: str) -> None:
        """Read `text` in `language`'s voice, instead of whatever was being read."""
        voice = self._locale(language) if self._available else None
        if voice is not None:
            self._ask({"say": text, "voice": voice})

    def stop(self) -> None:
        if self._available and self.speaking:
            self._ask({"stop": True})

    def _ask(self, request: dict[str, Any]) -> None:
        if self._process is None:
            return
        import json  # noqa: PLC0415 -- the service starts after the first paint; start-up is measured

        self._answer_timer.start()
        self._process.write((json.dumps(request) + "\n").encode("utf-8"))

    # -- from the service -----------------------------------------------------------------------

    def _on_output(self) -> None:
        if self._process is None:
            return
        self._pending += bytes(self._process.readAllStandardOutput().data())
        *lines, self._pending = self._pending.split(b"\n")
        import json  # noqa: PLC0415 -- see _ask

        for line in lines:
            try:
                message = json.loads(line)
            except ValueError:
                continue  # not ours (a library printing to stdout)
            if isinstance(message, dict):
                self._on_message(message)

    def _on_message(self, message: dict[str, Any]) -> None:
        if "ready" in message:
            self._on_started(str(message["ready"]), list(message.get("voices", [])))
        elif "failed" in message:
            self._fail(str(message["failed"]))
        elif "answered" in message:
            self._answer_timer.stop()
            if message["answered"] == "say":
                self.voice = str(message.get("voice", ""))
                self.rate = float(message.get("rate", 0.0))
        elif "state" in message:
            self._on_state(str(message["state"]), str(message.get("error", "")))
        elif "word" in message:
            self.word_spoken.emit(str(message["word"]))

    def _on_started(self, engine: str, voices: list[str]) -> None:
        self._start_timer.stop()
        if self._failed:
            return
        self.engine = engine
        self.voices = voices
        self._available = True
        log.info("read aloud on: engine %r", engine)
        self.availability_changed.emit()

    def _on_state(self, state: str, error: str) -> None:
        if state == "error":
            self._fail(f"speech engine error: {error or 'unknown'}")
            return
        speaking = state == "speaking"
        if speaking != self.speaking:
            self.speaking = speaking
            self.speaking_changed.emit(speaking)

    def _on_finished(self) -> None:
        self._fail("" if self._failed else "the speech service ended")

    def _on_process_error(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart:
            self._fail("the speech service could not start")

    def _on_start_timeout(self) -> None:
        limit = self._start_timer.interval() / 1000
        self._fail(f"the speech engine did not answer within {limit:g} s")

    def _on_answer_timeout(self) -> None:
        limit = self._answer_timer.interval() / 1000
        self._fail(f"the speech engine stopped answering (nothing for {limit:g} s)")

    def _fail(self, reason: str) -> None:
        """Read aloud off for this run: log why, end the service, let the shell hide the button."""
        if self._failed and not reason:
            return
        first = not self._failed
        self._failed = True
        self._available = False
        self._start_timer.stop()
        self._answer_timer.stop()
        if reason and first:
            log.info("read aloud off: %s", reason)
            self.off_reason = reason
        process, self._process = self._process, None
        if process is not None:
            process.finished.disconnect(self._on_finished)
            _end(process)  # a hung engine never ends by itself
            process.deleteLater()
        if self.speaking:
            self.speaking = False
            self.speaking_changed.emit(False)
        if first:
            self.availability_changed.emit()

    def _locale(self, language: str) -> str | None:
        """The voice for `language`, chosen once (asked on every page shown)."""
        if language not in self._voices:
            self._voices[language] = _choose_voice(self.voices, language)
        return self._voices[language]


def _choose_voice(voices: list[str], language: str) -> str | None:
    for name in PREFERRED.get(language, ()):
        if name in voices:
            return name
    wanted = QLocale(language).language()
    return next((name for name in voices if QLocale(name).language() == wanted), None)


def _end(process: QProcess) -> None:
    """Kill the service and reap it: SIGKILL ends even a process stuck waiting on a server."""
    if shiboken6.isValid(process) and process.state() != QProcess.ProcessState.NotRunning:
        process.kill()
        process.waitForFinished(500)


def _single_shot(parent: QObject, interval_ms: int, slot: Any) -> QTimer:
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(interval_ms)
    timer.timeout.connect(slot)
    return timer
