"""Read aloud through the engine a clinic installs, not Qt's mock: speech-dispatcher with its
espeak-ng module, started by the test on its own socket with silent (ALSA null) sound.

Skipped where speech-dispatcher is not installed, except in CI (`CI=true`), where a missing
engine is a failure: .ci/run installs it, and a skip there would hide a broken package list.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.app import Kiosk
from kiosk.controllers.speech import Speaker
from kiosk.core.config import Config
from kiosk.core.navigation import Route, Screen
from tests.conftest import shown_kiosk
from tests.e2e.needs import unavailable

# The server's own settings: espeak-ng only, sound to ALSA's null device (CI has no sound
# card, and a waiting room must not hear the tests).
SPEECHD_CONF = """\
AudioOutputMethod "alsa"
AudioALSADevice "null"
AddModule "espeak-ng" "sd_espeak-ng" "espeak-ng.conf"
DefaultModule espeak-ng
"""
ESPEAK_MODULE = Path("/usr/lib/speech-dispatcher-modules/sd_espeak-ng")


def _require_speech_dispatcher() -> str:
    binary = shutil.which("speech-dispatcher")
    if not binary or not ESPEAK_MODULE.exists():
        unavailable("speech-dispatcher with speech-dispatcher-espeak-ng is not installed")
    return binary


@pytest.fixture
def speech_server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A private speech-dispatcher; the kiosk's speech library finds it by $SPEECHD_ADDRESS."""
    binary = _require_speech_dispatcher()
    conf = tmp_path / "speechd"
    (conf / "modules").mkdir(parents=True)
    (conf / "speechd.conf").write_text(SPEECHD_CONF, encoding="utf-8")
    (conf / "modules" / "espeak-ng.conf").write_text("", encoding="utf-8")
    socket, pid_file = tmp_path / "speechd.sock", tmp_path / "speechd.pid"
    # -d returns once the socket is listening; -t 30: it leaves by itself 30 s after its last
    # client, should the teardown below never run.
    server = [binary, "-d", "-C", str(conf), "-c", "unix_socket", "-S", str(socket), "-t", "30"]
    logs = ["-P", str(pid_file), "-L", str(tmp_path), "-l", "1"]
    subprocess.run(
        [*server, *logs],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,  # it prints every voice it knows
        check=True,
        timeout=60,
    )
    monkeypatch.setenv("SPEECHD_ADDRESS", f"unix_socket:{socket}")
    yield
    with contextlib.suppress(OSError, ValueError):  # already gone
        os.kill(int(pid_file.read_text()), signal.SIGTERM)


@pytest.mark.usefixtures("speech_server")
def test_the_real_engine_has_an_english_and_a_spanish_voice(qapp: QApplication) -> None:
    speaker = Speaker("speechd")
    assert speaker.wait_until_ready()
    assert speaker.engine == "speechd", "Qt's speechd plugin did not load (libspeechd2?)"
    assert speaker.can_speak("en")
    assert speaker.can_speak("es")


@pytest.mark.usefixtures("speech_server")
def test_the_real_engine_speaks_and_comes_back_ready(qapp: QApplication, qtbot: QtBot) -> None:
    speaker = Speaker("speechd")
    assert speaker.wait_until_ready()
    with qtbot.waitSignal(speaker.speaking_changed, timeout=20_000) as started:
        speaker.say("Hola. Esta página habla del dolor de espalda.", "es")
    assert started.args == [True]
    with qtbot.waitSignal(speaker.speaking_changed, timeout=20_000) as finished:
        pass  # espeak-ng reads the sentence into the null device
    assert finished.args == [False]
    assert speaker.voice.startswith("es")


@pytest.mark.usefixtures("speech_server")
def test_with_speech_dispatcher_installed_the_kiosk_offers_read_aloud(
    qapp: QApplication,
    qtbot: QtBot,
    config: Config,
) -> None:
    auto = config._replace(kiosk=config.kiosk._replace(speech_engine="auto"))
    kiosk: Kiosk = shown_kiosk(qapp, qtbot, auto)
    kiosk.shell.speaker.prepare()
    qtbot.waitUntil(lambda: kiosk.shell.speaker.ready)
    kiosk.shell.go(Route(Screen.TOPIC, "symptoms"))
    assert kiosk.topic.read_button.isVisible()
    kiosk.shell.set_language("es")
    assert kiosk.topic.read_button.isVisible()  # espeak-ng has a Spanish voice too
    qapp.setStyleSheet("")
