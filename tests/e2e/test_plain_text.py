"""Titles and summaries are shown as the characters they are: markup in a content file's header
never becomes an image or a link. Only a page's body is rich text, made safe by
kiosk.core.markup."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from kiosk.app import Kiosk, build_kiosk
from kiosk.core.config import Config
from kiosk.core.navigation import Route, Screen
from kiosk.views.attract_view import AttractView
from kiosk.views.buttons import WrappingButton
from kiosk.views.reader_label import ReaderLabel
from tests.conftest import screen

EVIL = '<img src="/etc/hosts">Evil <a href="http://example.com">x</a>'


def _set_header(path: Path, key: str, value: str) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    lines = [f"{key}: {value}" if line.startswith(f"{key}:") else line for line in lines]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.fixture
def evil_kiosk(
    qapp: QApplication, qtbot: QtBot, config: Config, tmp_path: Path, content_dir: Path
) -> Iterator[Kiosk]:
    """The shipped content, but the Symptoms topic and the lower back carry markup in their
    titles and summaries."""
    content = tmp_path / "content"
    shutil.copytree(content_dir, content)
    for page in (content / "en" / "topics" / "symptoms.md", content / "en" / "spine" / "lumbar.md"):
        _set_header(page, "title", EVIL)
        _set_header(page, "summary", f"<b>{EVIL}</b>")
    built = build_kiosk(
        config._replace(paths=config.paths._replace(content_dir=content)), qapp, kiosk_mode=False
    )
    qtbot.addWidget(built.window)
    built.window.resize(1080, 1920)
    built.window.show()
    qtbot.waitExposed(built.window)
    yield built
    qapp.setStyleSheet("")


def _labels_showing(kiosk: Kiosk, text: str) -> list[QLabel]:
    return [
        label
        for label in kiosk.window.findChildren(QLabel)
        if text in label.text() and not label.isHidden()
    ]


def _buttons_showing(kiosk: Kiosk, text: str) -> list[WrappingButton]:
    return [
        button
        for button in kiosk.window.findChildren(WrappingButton)
        if text in button.label() and not button.isHidden()
    ]


def _lines_drawn(button: WrappingButton) -> int:
    """How many lines of words the button paints: bands of rows holding its text colour,
    inside its 20/8 px padding (clear of its border, which may share the colour)."""
    picture = button.grab().toImage()
    ink = button.palette().color(QPalette.ColorRole.ButtonText)
    inked = [
        any(picture.pixelColor(x, y) == ink for x in range(20, picture.width() - 20))
        for y in range(8, picture.height() - 8)
    ]
    return sum(1 for above, row in zip([False, *inked], inked, strict=False) if row and not above)


def _assert_drawn_as_written(buttons: list[WrappingButton]) -> None:
    """Each button says and draws the characters themselves: as markup they would be a
    picture and "Evil x", one short line; written out they take more than one."""
    assert buttons, "the title must be on the screen"
    for button in buttons:
        assert button.label() in {EVIL, f"<b>{EVIL}</b>"}
        assert button.accessibleName() == button.label()
        assert _lines_drawn(button) >= 2, button.label()


def _assert_literal(labels: list[QLabel]) -> None:
    assert labels, "the title must be on the screen"
    for label in labels:
        assert label.textFormat() == Qt.TextFormat.PlainText, label.text()
        assert label.text() in {EVIL, f"<b>{EVIL}</b>"}


def test_a_title_with_markup_shows_its_characters_wherever_it_appears(evil_kiosk: Kiosk) -> None:
    kiosk = evil_kiosk
    tile = kiosk.home.topic_tiles["symptoms"]
    _assert_literal([tile.title_label, tile.summary_label])

    kiosk.shell.go(Route(Screen.TOPIC, "symptoms"))
    _assert_literal([kiosk.topic.title_label])
    kiosk.shell.go(Route(Screen.TOPIC, "causes"))  # "Read next" offers Symptoms
    related = kiosk.topic.related.button("topic:symptoms")
    assert related is not None
    _assert_drawn_as_written([related])

    kiosk.shell.go(Route(Screen.SPINE))  # the list of parts names the lower back
    _assert_literal(_labels_showing(kiosk, EVIL))
    _assert_drawn_as_written(_buttons_showing(kiosk, EVIL))
    kiosk.shell.go(Route(Screen.SPINE, "lumbar"))
    _assert_literal(_labels_showing(kiosk, EVIL))
    _assert_drawn_as_written(_buttons_showing(kiosk, EVIL))

    kiosk.shell.show_attract()
    attract = screen(kiosk, AttractView)
    for _ in kiosk.shell.library.topics:  # the loop comes round to Symptoms
        if attract.title.text() == EVIL:
            break
        attract.timer.timeout.emit()
        attract.fade.setCurrentTime(attract.fade.duration())
    _assert_literal([attract.title, attract.summary])


def test_only_the_reader_shows_rich_text_on_any_screen(evil_kiosk: Kiosk) -> None:
    """Not a list of known labels: every label of every screen, as built."""
    kiosk = evil_kiosk
    for route in (
        Route(Screen.TOPIC, "symptoms"),
        Route(Screen.SPINE, "lumbar"),
        Route(Screen.CALLBACK),
    ):
        kiosk.shell.go(route)
    kiosk.shell.show_attract()
    kiosk.idle.idle_timer.timeout.emit()  # and the "Are you still there?" card
    rich = [
        f"{type(label.parentWidget()).__name__}: {label.text()[:40]}"
        for label in kiosk.window.findChildren(QLabel)
        if label.textFormat() != Qt.TextFormat.PlainText and not isinstance(label, ReaderLabel)
    ]
    assert rich == []
