"""Read aloud, through Qt's mock speech engine: what is spoken, in which voice, and when the
button is there at all. It never speaks what a patient typed."""

from __future__ import annotations

import ctypes.util
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from kiosk.app import Kiosk
from kiosk.core.config import Config
from kiosk.core.navigation import Route, Screen
from kiosk.views.callback_view import CallbackView
from kiosk.views.read_aloud import ReadAloudButton
from kiosk.views.spine_view import SpineView
from tests.conftest import screen, shown_kiosk, wait_for_disk


def _build(qapp: QApplication, qtbot: QtBot, config: Config, engine: str) -> Kiosk:
    config = config._replace(kiosk=config.kiosk._replace(speech_engine=engine))
    built: Kiosk = shown_kiosk(qapp, qtbot, config)
    # The engine starts on its own thread after the first paint; the tests wait for its answer.
    built.shell.speaker.prepare()
    qtbot.waitUntil(lambda: built.shell.speaker.ready)
    return built


@pytest.fixture
def speaking(qapp: QApplication, qtbot: QtBot, config: Config) -> Iterator[Kiosk]:
    """A kiosk whose voice is Qt's mock engine (English voices only, no Spanish one)."""
    built = _build(qapp, qtbot, config, "mock")
    yield built
    qapp.setStyleSheet("")


def _spoken_words(kiosk: Kiosk) -> list[str]:
    assert kiosk.shell.speaker.engine == "mock", "Qt's mock speech engine did not load"
    words: list[str] = []
    kiosk.shell.speaker.word_spoken.connect(words.append)
    return words


def test_a_topic_is_read_aloud_title_first_in_an_american_voice(
    qtbot: QtBot, speaking: Kiosk
) -> None:
    speaking.shell.go(Route(Screen.TOPIC, "symptoms"))
    button = speaking.topic.read_button
    assert button.isVisible()
    assert button.label() == "Read aloud"
    words = _spoken_words(speaking)

    with qtbot.waitSignal(speaking.shell.speaker.speaking_changed) as started:
        button.click()
    assert started.args == [True]
    assert button.label() == "Stop reading"
    qtbot.waitUntil(lambda: len(words) >= 3)
    assert words[:2] == ["Symptoms", "Common"]
    assert speaking.shell.speaker.voice == "en_US"
    assert speaking.shell.speaker.rate < 0  # a little slower than usual, for older listeners

    with qtbot.waitSignal(speaking.shell.speaker.speaking_changed) as stopped:
        button.click()
    assert stopped.args == [False]
    assert button.label() == "Read aloud"


def test_leaving_the_page_stops_the_reading(qtbot: QtBot, speaking: Kiosk) -> None:
    speaking.shell.go(Route(Screen.TOPIC, "causes"))
    with qtbot.waitSignal(speaking.shell.speaker.speaking_changed):
        speaking.topic.read_button.click()
    with qtbot.waitSignal(speaking.shell.speaker.speaking_changed) as stopped:
        speaking.window.home_button.click()
    assert stopped.args == [False]


def test_a_spine_region_is_read_aloud(qtbot: QtBot, speaking: Kiosk) -> None:
    speaking.shell.go(Route(Screen.SPINE, "lumbar"))
    spine = screen(speaking, SpineView)
    button = spine.findChild(ReadAloudButton)
    assert button is not None
    assert button.isVisible()
    words = _spoken_words(speaking)
    with qtbot.waitSignal(speaking.shell.speaker.speaking_changed):
        button.click()
    qtbot.waitUntil(lambda: len(words) >= 2)
    assert words[:2] == ["Lower", "back"]


def test_without_a_voice_for_the_language_the_button_is_hidden(speaking: Kiosk) -> None:
    speaking.shell.go(Route(Screen.TOPIC, "symptoms"))
    assert speaking.topic.read_button.isVisible()
    speaking.window.language_button.click()  # Spanish: the mock engine has no Spanish voice
    assert speaking.topic.title_label.text() == "Síntomas"
    assert not speaking.topic.read_button.isVisible()
    speaking.window.language_button.click()
    assert speaking.topic.read_button.isVisible()


@pytest.mark.parametrize("engine", ["none", "no-such-engine"])
def test_without_an_engine_there_is_no_button(
    qapp: QApplication, qtbot: QtBot, config: Config, engine: str
) -> None:
    built = _build(qapp, qtbot, config, engine)
    built.shell.go(Route(Screen.TOPIC, "symptoms"))
    assert built.window.stack.currentWidget() is built.topic
    assert not built.topic.read_button.isVisible()
    assert built.shell.speaker.engine is None
    qapp.setStyleSheet("")


def test_nothing_typed_in_the_form_is_ever_read_aloud(
    qtbot: QtBot, speaking: Kiosk, monkeypatch: pytest.MonkeyPatch
) -> None:
    said: list[str] = []
    speaker = speaking.shell.speaker
    monkeypatch.setattr(speaker, "say", lambda text, language: said.append(text))
    speaking.shell.go(Route(Screen.CALLBACK, "topic:surgery"))
    form = screen(speaking, CallbackView)
    assert form.findChildren(ReadAloudButton) == []
    form.first_name.setText("Zeb")
    form.last_name.setText("Quux")
    form.phone.setText("(201) 555-0142")
    form.note.setText("private words")

    speaking.window.back_button.click()
    speaking.shell.go(Route(Screen.TOPIC, "surgery"))
    speaking.topic.read_button.click()
    assert len(said) == 1
    assert said[0].startswith("Surgery.")
    for typed in ("Zeb", "Quux", "555", "private words"):
        assert typed not in said[0]


@pytest.fixture
def silent_speech_server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A speech-dispatcher socket that takes the connection and never says a word, as a hung
    speech-dispatcher does: Qt's speechd plugin then waits for ever in its constructor."""
    import socket

    import kiosk.controllers.speech

    path = tmp_path / "speechd.sock"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(path))
    server.listen()
    monkeypatch.setenv("SPEECHD_ADDRESS", f"unix_socket:{path}")
    monkeypatch.setattr(kiosk.controllers.speech, "START_LIMIT_MS", 3000)
    yield
    server.close()


def _ticks_while(qtbot: QtBot, done: Callable[[], bool]) -> int:
    """How often a 50 ms timer fired while waiting for `done`: a frozen screen stops it."""
    ticks = [0]
    timer = QTimer()
    timer.setInterval(50)
    timer.timeout.connect(lambda: ticks.__setitem__(0, ticks[0] + 1))
    timer.start()
    qtbot.waitUntil(done, timeout=20_000)
    timer.stop()
    return ticks[0]


@pytest.mark.usefixtures("silent_speech_server")
def test_a_speech_server_that_never_answers_costs_read_aloud_not_the_screen(
    qapp: QApplication, qtbot: QtBot, config: Config, caplog: pytest.LogCaptureFixture
) -> None:
    if ctypes.util.find_library("speechd") is None:
        pytest.skip("Qt's speechd plugin cannot load here (libspeechd2 missing)")
    caplog.set_level("INFO", logger="kiosk.controllers.speech")
    config = config._replace(kiosk=config.kiosk._replace(speech_engine="speechd"))
    built = shown_kiosk(qapp, qtbot, config)
    built.shell.speaker.prepare()
    # The 3 s the engine is given pass with the screen alive (about 60 ticks of 50 ms).
    assert _ticks_while(qtbot, lambda: built.shell.speaker.ready) >= 30
    assert built.shell.speaker.engine is None
    assert "read aloud off: the speech engine did not answer within 3 s" in caplog.text
    # The screen was never held up: a whole visit answers every tap.
    built.home.topic_tiles["symptoms"].click()
    assert built.window.stack.currentWidget() is built.topic
    assert not built.topic.read_button.isVisible()
    built.window.home_button.click()
    assert built.shell.current == Route(Screen.HOME)
    qapp.setStyleSheet("")


STUB_SERVICE = "tests.e2e.speech_service_that_hangs"


def test_an_engine_that_stops_answering_is_dropped_and_the_button_hidden(
    qapp: QApplication,
    qtbot: QtBot,
    config: Config,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import kiosk.controllers.speech

    monkeypatch.setattr(kiosk.controllers.speech, "SERVICE", STUB_SERVICE)
    monkeypatch.setattr(kiosk.controllers.speech, "ANSWER_LIMIT_MS", 500)
    caplog.set_level("INFO", logger="kiosk.controllers.speech")
    built = _build(qapp, qtbot, config, "auto")
    built.shell.go(Route(Screen.TOPIC, "symptoms"))
    assert built.topic.read_button.isVisible()  # it answered at first
    built.topic.read_button.click()  # ...and then never again
    assert _ticks_while(qtbot, lambda: not built.topic.read_button.isVisible()) >= 5
    assert "read aloud off: the speech engine stopped answering" in caplog.text
    assert not built.shell.speaker.can_speak("en")
    qapp.setStyleSheet("")


# -- audio guidance: a keyboard or switch, and the kiosk's own voice (issue 19) --------------------

PHONE_TYPED = "2015550142"  # fictional (555-01xx)


def _key(kiosk: Kiosk, key: Qt.Key, text: str = "") -> None:
    """A key of a physical keyboard, as the window system delivers it."""
    QTest.keyClick(kiosk.window.windowHandle(), key, Qt.KeyboardModifier.NoModifier)


def _type(kiosk: Kiosk, text: str) -> None:
    focused = QApplication.focusWidget()
    assert focused is not None
    QTest.keyClicks(focused, text)


def _tab_to(kiosk: Kiosk, target: QWidget, said: list[str], key: Qt.Key | None = None) -> None:
    """Tab (or `key`) until `target` has the focus; each move must be said, as it happens."""
    for _ in range(60):
        if target.hasFocus():
            return
        before, was = len(said), QApplication.focusWidget()
        _key(kiosk, key or Qt.Key.Key_Tab)
        QApplication.processEvents()  # a link in a page's text is said once the label moved
        focused = QApplication.focusWidget()
        assert focused is not None
        assert len(said) > before, f"moving to {focused!r} said nothing"
        if focused is was:  # from link to link in a page's text
            assert said[-1].endswith(". link.")
        else:
            assert said[-1] == kiosk.guidance.describe(focused)
    raise AssertionError(f"never reached {target.accessibleName()!r}")


def _fill_in_by_keys(kiosk: Kiosk, form: CallbackView, said: list[str]) -> list[str]:
    """Name, phone, a time and permission with keys only, hearing the phone back with F2, then
    Send; what was said before F2."""
    _tab_to(kiosk, form.first_name, said)
    assert said[-1] == "First name, required. text box. empty."
    _type(kiosk, "Zeb")
    _tab_to(kiosk, form.last_name, said)
    _type(kiosk, "Quux")
    _tab_to(kiosk, form.phone, said)
    _type(kiosk, PHONE_TYPED)
    _key(kiosk, Qt.Key.Key_Tab)
    _key(kiosk, Qt.Key.Key_Backtab)
    assert said[-1] == "Phone number, required. text box. filled in; press F2 to hear it."
    unasked = list(said)
    _key(kiosk, Qt.Key.Key_F2)  # "what did I type?"
    assert said[-1] == "2 0 1 5 5 5 0 1 4 2"
    _tab_to(kiosk, form.period_buttons["morning"], said)
    assert said[-1] == "Morning. choice. not chosen."
    _key(kiosk, Qt.Key.Key_Space)
    assert said[-1] == "chosen"
    _tab_to(kiosk, form.consent, said)
    _key(kiosk, Qt.Key.Key_Space)
    _tab_to(kiosk, form.send_button, said)
    _key(kiosk, Qt.Key.Key_Return)
    return unasked


def test_a_keyboard_only_visit_is_spoken_and_never_the_typed_phone(
    qtbot: QtBot,
    speaking: Kiosk,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Home -> Symptoms -> Ask us to call you -> the form -> Thank you, with keys only: F1
    starts guidance, every focus move and every page is said through the kiosk's voice (Qt's
    mock engine), and what was typed is said only when F2 asks for it."""
    caplog.set_level("DEBUG")
    said: list[str] = []
    speaker = speaking.shell.speaker
    real_say = speaker.say

    def say(text: str, language: str) -> None:
        said.append(text)
        real_say(text, language)

    monkeypatch.setattr(speaker, "say", say)
    window = speaking.window
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    _key(speaking, Qt.Key.Key_F1)
    assert speaking.guidance.on
    assert said[-1].startswith("Audio guidance is on. Press Tab to go to the next button")

    symptoms = speaking.home.topic_tiles["symptoms"]
    _tab_to(speaking, symptoms, said)
    assert said[-1].startswith("Symptoms. button. What axial back pain feels like")
    _key(speaking, Qt.Key.Key_Return)
    assert speaking.shell.current == Route(Screen.TOPIC, "symptoms")
    assert said[-1] == "Symptoms"  # the page, as it comes

    _tab_to(speaking, speaking.topic.callback_button, said, Qt.Key.Key_Down)  # a switch's "next"
    _key(speaking, Qt.Key.Key_Enter)
    form = screen(speaking, CallbackView)
    assert said[-1] == "Ask us to call you"

    unasked = _fill_in_by_keys(speaking, form, said)
    wait_for_disk(qtbot, speaking)
    assert form.thanking
    assert said[-1].startswith("Thank you! Your request is with our staff.")
    assert "Your reference code: " in said[-1]

    for typed in ("Zeb", "Quux", "555", "5 5 5", "0142", "0 1 4 2"):
        assert not [text for text in unasked if typed in text], typed
    review = [text for text in said if "5 5 5" in text or "555" in text]
    assert review == ["2 0 1 5 5 5 0 1 4 2"]  # said once, when asked
    assert "555" not in caplog.text
    assert "5 5 5" not in caplog.text
    assert "Zeb" not in caplog.text


def guiding(kiosk: Kiosk) -> bool:
    """Whether audio guidance is on now (a call, so that mypy does not keep the answer of an
    earlier assert about it)."""
    return kiosk.guidance.on


def test_the_idle_reset_ends_audio_guidance(qtbot: QtBot, speaking: Kiosk) -> None:
    speaking.window.activateWindow()
    qtbot.waitUntil(speaking.window.isActiveWindow)
    _key(speaking, Qt.Key.Key_F1)
    assert guiding(speaking)
    speaking.idle.idle_timer.timeout.emit()
    while speaking.idle.warning:
        speaking.idle.tick_timer.timeout.emit()
    assert not guiding(speaking)  # the next patient starts without it
    assert speaking.shell.current == Route(Screen.HOME)


def test_audio_guidance_does_not_follow_staff_to_the_pin_pad(qtbot: QtBot, speaking: Kiosk) -> None:
    speaking.window.activateWindow()
    qtbot.waitUntil(speaking.window.isActiveWindow)
    _key(speaking, Qt.Key.Key_F1)
    assert guiding(speaking)
    speaking.window.staff_requested.emit()  # the clinic's name held for 3 s
    assert speaking.shell.current == Route(Screen.STAFF)
    assert not guiding(speaking)
