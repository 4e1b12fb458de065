"""While nobody waits (once home is on screen, after each reset, after a change of language),
the kiosk makes its screens and topic pages ready (Shell.warm_up). A patient must never see it
happen: the page in front of them stays exactly as it was, and a page made ready ahead shows
as it would have without it."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.app import Kiosk, build_kiosk
from kiosk.core import markup
from kiosk.core.config import Config
from kiosk.core.navigation import Route, Screen


def _ready(qtbot: QtBot, kiosk: Kiosk) -> None:
    qtbot.waitUntil(lambda: kiosk.shell.warm)
    QApplication.processEvents()


def _seen(kiosk: Kiosk) -> QImage:
    """What the patient sees of the window now."""
    QApplication.processEvents()
    return kiosk.window.grab().toImage()


def test_once_ready_no_page_is_converted_while_a_patient_waits(
    qtbot: QtBot, kiosk: Kiosk, monkeypatch: pytest.MonkeyPatch
) -> None:
    _ready(qtbot, kiosk)
    converted: list[str] = []
    render_parts = markup.render_parts

    def counted(body: str, *args: Any, **kwargs: Any) -> tuple[markup.Part, ...]:
        converted.append(body[:40])
        return render_parts(body, *args, **kwargs)

    monkeypatch.setattr(markup, "render_parts", counted)
    for _language in ("en", "es"):
        for slug in kiosk.home.topic_tiles:
            kiosk.shell.go(Route(Screen.TOPIC, slug))
            assert kiosk.topic.title_label.text()
        kiosk.window.language_button.click()
        _ready(qtbot, kiosk)
    assert converted == []


def test_pages_made_ready_never_change_the_page_being_read(qtbot: QtBot, kiosk: Kiosk) -> None:
    # A long page, with "On this page": every other long page's buttons are made ready too,
    # in both languages, while this one is read.
    kiosk.shell.go(Route(Screen.TOPIC, "causes"))
    assert kiosk.topic.long_page
    before = _seen(kiosk)
    _ready(qtbot, kiosk)
    assert _seen(kiosk) == before

    kiosk.window.language_button.click()
    spanish = _seen(kiosk)
    _ready(qtbot, kiosk)  # the other pages, in Spanish
    assert _seen(kiosk) == spanish

    kiosk.window.language_button.click()
    _ready(qtbot, kiosk)
    assert _seen(kiosk) == before


def test_a_page_made_ready_ahead_shows_as_one_made_on_the_spot(
    qapp: QApplication, qtbot: QtBot, kiosk: Kiosk, config: Config
) -> None:
    _ready(qtbot, kiosk)
    kiosk.shell.go(Route(Screen.TOPIC, "prevention"))  # cards, pictures, "On this page"
    ahead = _seen(kiosk)

    on_the_spot = _first_screen(qapp, qtbot, config, kiosk, "prevention")
    assert not on_the_spot.shell.warm
    assert _seen(on_the_spot) == ahead


def test_after_a_new_look_pages_made_again_show_in_it(
    qapp: QApplication, qtbot: QtBot, kiosk: Kiosk, config: Config
) -> None:
    """A new text size lets go of the pages kept hidden (restyling them would cost the tap
    ~0.3 s more) and makes them again while nobody waits: in the new look, as if made then."""
    _ready(qtbot, kiosk)
    kiosk.shell.go(Route(Screen.TOPIC, "causes"))
    kiosk.window.text_size_button.click()
    _ready(qtbot, kiosk)
    kiosk.shell.go(Route(Screen.TOPIC, "prevention"))  # made again after the new look
    again = _seen(kiosk)

    assert _seen(_first_screen(qapp, qtbot, config, kiosk, "prevention")) == again


def _first_screen(
    qapp: QApplication, qtbot: QtBot, config: Config, like: Kiosk, slug: str
) -> Kiosk:
    """A kiosk whose first screen is the topic `slug`, in `like`'s look and window size:
    nothing was made ready before it."""
    kiosk = build_kiosk(config, qapp, kiosk_mode=False)
    qtbot.addWidget(kiosk.window)
    kiosk.look.set_look(like.look.look)
    kiosk.shell.go(Route(Screen.TOPIC, slug))
    kiosk.window.resize(like.window.size())
    kiosk.window.show()
    qtbot.waitExposed(kiosk.window)
    return kiosk
