"""The attract loop on its own: each topic's picture large and described, in the palette's
colours; a fade between topics and a pulsing invitation that run only while it is on screen,
and not at all for reduced motion."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Protocol

import pytest
from PySide6.QtCore import QAbstractAnimation, QPoint, QRect
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QGraphicsEffect, QLabel, QWidget
from pytestqt.qtbot import QtBot

from kiosk.core.anatomy import spine_drawings
from kiosk.core.pages import AttractItem
from kiosk.core.theme import HIGH_CONTRAST, STANDARD
from kiosk.views.attract_view import AttractView
from kiosk.views.illustrations import Illustrations
from kiosk.views.look import LookController

ITEMS = [
    AttractItem("symptoms", "Symptoms", "How back pain feels.", "A person holds a stiff back."),
    AttractItem("causes", "Causes", "Why backs hurt.", "A person hunched over a laptop."),
    AttractItem("no-such-picture", "Odd one", "A topic with no picture of its own.", ""),
]
RUNNING = QAbstractAnimation.State.Running


class MakeView(Protocol):
    """The attract loop shown at `size`, still or moving."""

    def __call__(
        self, *, reduced_motion: bool = False, size: tuple[int, int] = (1080, 1840)
    ) -> AttractView: ...


@pytest.fixture
def make_view(qtbot: QtBot, look: LookController, assets_dir: Path) -> MakeView:
    def make(*, reduced_motion: bool = False, size: tuple[int, int] = (1080, 1840)) -> AttractView:
        view = AttractView(
            look, Illustrations(assets_dir / "illustrations"), reduced_motion=reduced_motion
        )
        qtbot.addWidget(view)
        view.set_items(ITEMS)
        view.set_drawing(spine_drawings(assets_dir)(look.look.palette).plain)
        view.set_also_in(["Toque la pantalla para comenzar"])
        view.resize(*size)
        view.show()
        qtbot.waitExposed(view)
        for _ in range(3):
            QApplication.processEvents()
        return view

    return make


def _at_end_of_fade(view: AttractView) -> None:
    view.fade.setCurrentTime(view.fade.duration())


def _effect(widget: QWidget) -> QGraphicsEffect:
    effect = widget.graphicsEffect()
    assert effect is not None, f"{widget!r} has no effect to fade it by"
    return effect


def _in_view(view: AttractView, widget: QWidget) -> QRect:
    """Where `widget` is within `view`."""
    parent = widget.parentWidget()
    assert parent is not None
    return widget.geometry().translated(parent.mapTo(view, QPoint()))


def _nothing_moves(view: AttractView) -> bool:
    return not view.timer.isActive() and view.fade.state() != RUNNING and not view.ripple.running


def test_the_next_topic_fades_in_while_the_invitation_pulses(make_view: MakeView) -> None:
    view = make_view()
    assert view.timer.isActive()
    assert view.ripple.running
    assert view.title.text() == "Symptoms"
    view.timer.timeout.emit()
    assert view.fade.state() == RUNNING
    assert view.title.text() == "Symptoms"  # still fading out
    view.fade.setCurrentTime(view.fade.duration() // 2 + 10)
    assert view.title.text() == "Causes"  # and fading in
    _at_end_of_fade(view)
    assert view.fade.state() != RUNNING
    # At rest every widget is drawn straight to the screen, not through an effect.
    assert not any(_effect(w).isEnabled() for w in (view.picture, view.title))


def test_nothing_moves_or_ticks_once_the_loop_is_off_screen(make_view: MakeView) -> None:
    view = make_view()
    view.timer.timeout.emit()
    assert view.fade.state() == RUNNING
    view.hide()  # a touch: the kiosk goes home
    assert _nothing_moves(view)
    assert view.title.text() == "Causes"  # the fade's work done, not left half way
    view.show()
    assert view.timer.isActive()
    assert view.ripple.running


def test_reduced_motion_keeps_the_loop_still(make_view: MakeView) -> None:
    view = make_view(reduced_motion=True)
    assert not view.ripple.running
    view.timer.timeout.emit()  # a new topic comes at once, without a fade
    assert view.title.text() == "Causes"
    assert view.fade.state() != RUNNING
    assert not view.ripple.running
    assert view.timer.isActive()  # the topics still change, slowly


def test_each_topic_shows_its_own_picture_across_the_screen_described(make_view: MakeView) -> None:
    view = make_view(reduced_motion=True)
    seen = []
    for item in ITEMS[:2]:
        assert view.title.text() == item.title
        picture = view.picture.pixmap()
        # As wide as the screen lets it be (its margins aside), not a small spine in the middle.
        assert picture.width() / picture.devicePixelRatio() >= 0.9 * view.width()
        assert view.picture.accessibleName() == item.picture
        seen.append(picture.toImage())
        view.timer.timeout.emit()
    assert seen[0] != seen[1]
    # A topic without a picture of its own shows the spine, and the spine closes the round.
    assert view.title.text() == "Odd one"
    assert not view.picture.pixmap().isNull()
    view.timer.timeout.emit()
    assert view.title.text() == "Where does it hurt?"
    assert view.picture.accessibleName().startswith("A drawing of the spine")
    view.timer.timeout.emit()
    assert view.title.text() == "Symptoms"


def _paper(view: AttractView) -> str:
    """The colour of the picture's background card, at its left, half way down."""
    image = view.picture.pixmap().toImage()
    return QColor(image.pixel(image.width() // 40, image.height() // 2)).name().upper()


def test_the_picture_takes_the_palette_s_colours(make_view: MakeView, look: LookController) -> None:
    view = make_view(reduced_motion=True)
    assert _paper(view) == STANDARD.ill_paper
    look.toggle_contrast()
    assert _paper(view) == HIGH_CONTRAST.ill_paper


def test_the_headline_is_read_from_across_the_room_in_portrait(make_view: MakeView) -> None:
    view = make_view()
    assert view.title.fontInfo().pixelSize() >= 100
    assert view.picture.pixmap().height() >= 700  # most of the width, 4:3


def test_on_a_small_landscape_screen_the_picture_is_never_a_sliver(make_view: MakeView) -> None:
    view = make_view(size=(1280, 730))
    # Beside the words, not squeezed above them.
    assert view.picture.geometry().right() < view.title.mapTo(view, QPoint(0, 0)).x()
    picture = view.picture.pixmap()
    assert picture.height() / picture.devicePixelRatio() >= 400
    assert view.title.isVisible()
    assert view.prompt.isVisible()


def test_at_the_largest_text_on_a_small_screen_no_topic_s_words_are_cut(
    make_view: MakeView, look: LookController
) -> None:
    look.set_look(look.look._replace(text_size=200))
    view = make_view(reduced_motion=True, size=(1280, 730))
    for _ in range(view.slide_count):
        for _ in range(3):
            QApplication.processEvents()
        assert view.title.isVisible()
        assert view.prompt.isVisible()
        for label in (view.kicker, view.title, view.summary, view.prompt, view.also):
            if label.isVisible():
                assert label.height() >= label.heightForWidth(label.width()), label.text()
        assert view.ripple.geometry().bottom() <= view._words.height()
        view.timer.timeout.emit()


def test_the_pulsing_ring_leaves_no_smudge_behind(make_view: MakeView) -> None:
    """Each frame repaints only the ring's band: what the screen shows after a whole swell is
    what a full repaint would show (the ring's rounded corners once left smudges)."""
    view = make_view()
    view.timer.stop()
    view.ripple.timer.stop()
    for step in range(41):
        view.ripple._move_to(step / 40 if step < 40 else None)
        QApplication.processEvents()
    area = _in_view(view, view.ripple)
    on_screen = view.screen().grabWindow(view.winId()).toImage().copy(area)
    repainted = view.grab(area).toImage().convertToFormat(on_screen.format())
    assert on_screen == repainted


def _ink(view: AttractView, label: QLabel) -> str:
    """The colour most of a label's letters are drawn in (not its background)."""
    image = view.grab(_in_view(view, label)).toImage()
    background = QColor(image.pixel(0, 0)).name()
    inks = Counter(
        QColor(image.pixel(x, y)).name()
        for x in range(0, image.width(), 2)
        for y in range(0, image.height(), 2)
    )
    return next(ink for ink, _count in inks.most_common() if ink != background).upper()


def test_in_high_contrast_the_words_are_white_on_black(
    make_view: MakeView, look: LookController
) -> None:
    look.toggle_contrast()
    view = make_view(reduced_motion=True, size=(1280, 730))  # where the words step down
    assert _ink(view, view.title) == HIGH_CONTRAST.text
    assert _ink(view, view.summary) == HIGH_CONTRAST.text
