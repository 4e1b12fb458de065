"""Qt's text-to-speech in a process of its own, driven by the kiosk through JSON lines.

A speech server can hang (speech-dispatcher does when its sound output fails), and Qt's speechd
plugin then blocks for ever inside a call, holding Python's lock: in the kiosk's own process
that would freeze the screen, whatever thread made the call. Here it freezes only this small
process, which the kiosk kills (`kiosk/controllers/speech.py`).

In, one JSON object per line on stdin: {"say": text, "voice": "en_US"}, {"stop": true}.
Out, on stdout: {"ready": engine, "voices": [...]} or {"failed": reason} once; then
{"answered": "say", "voice": ..., "rate": ...} or {"answered": "stop"} per request,
{"state": "speaking" | "ready" | "error", "error": text} and {"word": word} as they happen.
It ends when stdin closes. Run: python -m kiosk.controllers.speech_service ENGINE (auto, or a name).
"""

from __future__ import annotations

import json
import os
import sys
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QLocale, QLoggingCategory, QSocketNotifier

if TYPE_CHECKING:
    from PySide6.QtTextToSpeech import QTextToSpeech

# A little slower than the engine's usual pace (-1.0 to 1.0): many listeners are older, and a
# waiting room is not quiet.
RATE = -0.2


def _send(message: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


def main(argv: list[str]) -> int:
    app = QCoreApplication(["kiosk-speech"])
    # Qt's multimedia library warns, on every machine without PipeWire, that it cannot load
    # it; speech does not need it (speech-dispatcher plays its own sound).
    QLoggingCategory.setFilterRules("qt.multimedia.symbolsresolver.warning=false")
    tts = _load(argv[0] if argv else "auto")
    return 0 if tts is None else _serve(app, tts)


def _load(engine_name: str) -> QTextToSpeech | None:
    """The engine, or None after telling the kiosk why not."""
    try:
        from PySide6.QtTextToSpeech import QTextToSpeech  # noqa: PLC0415
    except ImportError as exc:  # e.g. libpulse missing: Qt's speech module cannot load
        _send({"failed": f"Qt's speech module cannot load ({exc})"})
        return None
    if engine_name == "auto":
        tts = QTextToSpeech()  # may block for ever on a hung speech server: the kiosk kills us
    elif engine_name in QTextToSpeech.availableEngines():
        tts = QTextToSpeech(engine_name)
    else:
        installed = ", ".join(QTextToSpeech.availableEngines()) or "none"
        _send({"failed": f"no speech engine {engine_name!r} (installed: {installed})"})
        return None
    if tts.state() == QTextToSpeech.State.Error:
        _send({"failed": f"speech engine {tts.engine()!r}: {tts.errorString()}"})
        return None
    tts.setRate(RATE)
    return tts


def _serve(app: QCoreApplication, tts: QTextToSpeech) -> int:
    """Say what the kiosk asks, report what happens, until the kiosk closes stdin."""
    from PySide6.QtTextToSpeech import QTextToSpeech  # noqa: PLC0415

    voices = {locale.name(): locale for locale in tts.availableLocales()}
    names = {
        QTextToSpeech.State.Speaking: "speaking",
        QTextToSpeech.State.Synthesizing: "speaking",
        QTextToSpeech.State.Error: "error",
    }

    def state_changed(state: QTextToSpeech.State) -> None:
        _send({"state": names.get(state, "ready"), "error": tts.errorString()})

    tts.stateChanged.connect(state_changed)
    tts.sayingWord.connect(lambda word, *_: _send({"word": word}))

    def obey(line: str) -> None:
        request = json.loads(line)
        if "say" in request:
            tts.stop()
            voice = voices.get(request.get("voice", ""), QLocale())
            if tts.locale() != voice:
                tts.setLocale(voice)
            tts.say(str(request["say"]))
            _send({"answered": "say", "voice": tts.locale().name(), "rate": tts.rate()})
        elif "stop" in request:
            tts.stop()
            _send({"answered": "stop"})

    pending = bytearray()

    def read() -> None:
        # Straight from the descriptor: a buffered readline could keep a second request where
        # the notifier never looks.
        chunk = os.read(sys.stdin.fileno(), 65536)
        if not chunk:  # the kiosk closed its end: it is done with us
            app.quit()
            return
        pending.extend(chunk)
        while b"\n" in pending:
            line, _, rest = bytes(pending).partition(b"\n")
            pending[:] = rest
            try:
                obey(line.decode("utf-8"))
            except (ValueError, TypeError, AttributeError):
                _send({"answered": "nothing", "error": "not a request"})

    stdin = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)
    stdin.activated.connect(read)
    _send({"ready": tts.engine(), "voices": sorted(voices)})
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
