"""Read aloud, through Qt's mock speech engine: what is spoken, in which voice, and when the
button is there at all. It never speaks what a patient typed."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from kiosk.app import Kiosk
from kiosk.config import Config
from kiosk.navigation import Route
from kiosk.views.read_aloud import ReadAloudButton


def _build(qapp, qtbot, config: Config, engine: str) -> Kiosk:  # type: ignore[no-untyped-def]
    from kiosk.app import build_kiosk

    config = config._replace(kiosk=config.kiosk._replace(speech_engine=engine))
    built = build_kiosk(config, qapp, kiosk_mode=False)
    qtbot.addWidget(built.window)
    built.window.resize(1080, 1920)
    built.window.show()
    return built


@pytest.fixture
def speaking(qapp, qtbot, config: Config) -> Iterator[Kiosk]:  # type: ignore[no-untyped-def]
    """A kiosk whose voice is Qt's mock engine (English voices only, no Spanish one)."""
    built = _build(qapp, qtbot, config, "mock")
    yield built
    qapp.setStyleSheet("")


def _spoken_words(kiosk: Kiosk) -> list[str]:
    engine = kiosk.shell.speaker.engine
    assert engine is not None, "Qt's mock speech engine did not load"
    words: list[str] = []
    engine.sayingWord.connect(lambda word, *_: words.append(word))
    return words


def test_a_topic_is_read_aloud_title_first_in_an_american_voice(qtbot, speaking: Kiosk) -> None:  # type: ignore[no-untyped-def]
    speaking.shell.go(Route("topic", "symptoms"))
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
    engine = speaking.shell.speaker.engine
    assert engine is not None
    assert engine.locale().name() == "en_US"
    assert engine.rate() < 0  # a little slower than usual, for older listeners

    with qtbot.waitSignal(speaking.shell.speaker.speaking_changed) as stopped:
        button.click()
    assert stopped.args == [False]
    assert button.label() == "Read aloud"


def test_leaving_the_page_stops_the_reading(qtbot, speaking: Kiosk) -> None:  # type: ignore[no-untyped-def]
    speaking.shell.go(Route("topic", "causes"))
    with qtbot.waitSignal(speaking.shell.speaker.speaking_changed):
        speaking.topic.read_button.click()
    with qtbot.waitSignal(speaking.shell.speaker.speaking_changed) as stopped:
        speaking.window.home_button.click()
    assert stopped.args == [False]


def test_a_spine_region_is_read_aloud(qtbot, speaking: Kiosk) -> None:  # type: ignore[no-untyped-def]
    speaking.shell.go(Route("spine", "lumbar"))
    spine = speaking.window.stack.currentWidget()
    button = spine.findChild(ReadAloudButton)
    assert button is not None
    assert button.isVisible()
    words = _spoken_words(speaking)
    with qtbot.waitSignal(speaking.shell.speaker.speaking_changed):
        button.click()
    qtbot.waitUntil(lambda: len(words) >= 2)
    assert words[:2] == ["Lower", "back"]


def test_without_a_voice_for_the_language_the_button_is_hidden(speaking: Kiosk) -> None:
    speaking.shell.go(Route("topic", "symptoms"))
    assert speaking.topic.read_button.isVisible()
    speaking.window.language_button.click()  # Spanish: the mock engine has no Spanish voice
    assert speaking.topic.title_label.text() == "Síntomas"
    assert not speaking.topic.read_button.isVisible()
    speaking.window.language_button.click()
    assert speaking.topic.read_button.isVisible()


@pytest.mark.parametrize("engine", ["none", "no-such-engine"])
def test_without_an_engine_there_is_no_button(qapp, qtbot, config: Config, engine: str) -> None:  # type: ignore[no-untyped-def]
    built = _build(qapp, qtbot, config, engine)
    built.shell.go(Route("topic", "symptoms"))
    assert built.window.stack.currentWidget() is built.topic
    assert not built.topic.read_button.isVisible()
    assert built.shell.speaker.engine is None
    qapp.setStyleSheet("")


def test_nothing_typed_in_the_form_is_ever_read_aloud(  # type: ignore[no-untyped-def]
    qtbot, speaking: Kiosk, monkeypatch
) -> None:
    said: list[str] = []
    speaker = speaking.shell.speaker
    monkeypatch.setattr(speaker, "say", lambda text, language: said.append(text))
    speaking.shell.go(Route("callback", "topic:surgery"))
    form = speaking.window.stack.currentWidget()
    assert form.findChildren(ReadAloudButton) == []
    form.first_name.setText("Zeb")
    form.last_name.setText("Quux")
    form.phone.setText("(201) 555-0142")
    form.note.setText("private words")

    speaking.window.back_button.click()
    speaking.shell.go(Route("topic", "surgery"))
    speaking.topic.read_button.click()
    assert len(said) == 1
    assert said[0].startswith("Surgery.")
    for typed in ("Zeb", "Quux", "555", "private words"):
        assert typed not in said[0]
