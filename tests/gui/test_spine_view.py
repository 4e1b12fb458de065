"""The spine explorer, touched the way a patient touches it: real touch events on the drawing."""

from __future__ import annotations

import itertools
import statistics
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, QRectF
from PySide6.QtGui import QImage, QPainter, QPointingDevice
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.core.anatomy import SpineMap, spine_drawings
from kiosk.core.content import load_library
from kiosk.core.pages import RegionText
from kiosk.core.theme import HIGH_CONTRAST, STANDARD, Look, Palette
from kiosk.views.icons import IconSet
from kiosk.views.look import LookController
from kiosk.views.spine_canvas import SpineCanvas
from kiosk.views.spine_view import SpineView


@pytest.fixture(scope="module")
def device() -> QPointingDevice:
    return QTest.createTouchDevice()


@pytest.fixture
def look(qapp: QApplication, assets_dir: Path) -> Iterator[LookController]:
    controller = LookController(qapp, assets_dir, Look())
    yield controller
    qapp.setStyleSheet("")


@pytest.fixture
def spine(
    qtbot: QtBot,
    look: LookController,
    assets_dir: Path,
    content_dir: Path,
) -> SpineView:
    regions = load_library(content_dir, "en").regions
    drawing_for = spine_drawings(assets_dir)
    spine_map = SpineMap.build(
        drawing_for(look.look.palette).tappable, [(r.slug, r.elements) for r in regions]
    )
    view = SpineView(look, IconSet(assets_dir / "icons"), drawing_for, spine_map)
    # Every tap is a second after the last, so no two of them make a double tap.
    seconds = itertools.count(step=1.0)
    view.canvas._clock = lambda: next(seconds)
    view.set_regions(
        [
            RegionText(r.slug, r.title, f"<p>About {r.title}.</p>", (("topic:causes", "Causes"),))
            for r in regions
        ]
    )
    qtbot.addWidget(view)
    view.resize(1080, 1700)
    view.show()
    qtbot.waitExposed(view)
    view.canvas.reset_zoom()
    return view


def on_screen(canvas: SpineCanvas, scene_point: QPointF) -> QPoint:
    return canvas.mapFromScene(scene_point)


def tap(canvas: SpineCanvas, device: QPointingDevice, point: QPoint) -> None:
    # The widget is named again in press(): without it QTest maps a child widget's point
    # from the window's corner, not the widget's.
    viewport = canvas.viewport()
    QTest.touchEvent(viewport, device).press(0, point, viewport).commit()
    QTest.touchEvent(viewport, device).release(0, point, viewport).commit()


def test_tapping_a_part_of_each_region_selects_it_and_opens_its_text(
    spine: SpineView, device: QPointingDevice
) -> None:
    for region, parts in spine._map.parts.items():
        part = parts[len(parts) // 2]
        drawing_before = spine.canvas.geometry()
        tap(spine.canvas, device, on_screen(spine.canvas, spine.canvas.part_centre(part)))
        assert (spine.selected_region, spine.selected_part) == (region, part)
        QApplication.processEvents()
        assert spine.canvas.geometry() == drawing_before  # the drawing did not jump
        assert spine.panel.currentIndex() == 1
        assert spine.title_label.text() == spine._texts[region].title
        assert set(spine.canvas.highlighted) == set(parts)


def test_a_tap_just_beside_a_thin_part_still_finds_it(
    spine: SpineView, device: QPointingDevice
) -> None:
    centre = on_screen(spine.canvas, spine.canvas.part_centre("disc-L4-L5"))
    # Four pixels off the middle of the disc, towards the front of the body.
    tap(spine.canvas, device, centre + QPoint(-4, 0))
    assert spine.selected_region == "discs"


def test_a_tap_on_empty_space_clears_the_choice(spine: SpineView, device: QPointingDevice) -> None:
    spine.show_region("lumbar")
    assert spine.canvas.highlighted
    tap(spine.canvas, device, QPoint(6, 6))
    assert spine.selected_region == ""
    assert spine.canvas.highlighted == ()
    assert spine.panel.currentIndex() == 0


def test_a_two_finger_spread_zooms_in(spine: SpineView, device: QPointingDevice) -> None:
    viewport = spine.canvas.viewport()
    middle = viewport.rect().center()
    near = (middle + QPoint(-40, 0), middle + QPoint(40, 0))
    far = (middle + QPoint(-160, 0), middle + QPoint(160, 0))
    touch = QTest.touchEvent
    touch(viewport, device).press(0, near[0], viewport).press(1, near[1], viewport).commit()
    touch(viewport, device).move(0, far[0], viewport).move(1, far[1], viewport).commit()
    touch(viewport, device).release(0, far[0], viewport).release(1, far[1], viewport).commit()
    assert spine.canvas.zoom == pytest.approx(4.0, rel=0.05)
    assert spine.selected_region == ""  # a pinch is not a tap


def test_a_double_tap_zooms_in_and_a_drag_pans(spine: SpineView, device: QPointingDevice) -> None:
    canvas = spine.canvas
    canvas._clock = iter([10.0, 10.2]).__next__
    point = on_screen(canvas, canvas.part_centre("vertebra-T6"))
    tap(canvas, device, point)
    tap(canvas, device, point)
    assert canvas.zoom == pytest.approx(2.0)
    before = canvas.mapToScene(canvas.viewport().rect().center())
    viewport = canvas.viewport()
    start = viewport.rect().center()
    end = start + QPoint(0, 150)
    QTest.touchEvent(viewport, device).press(0, start, viewport).commit()
    QTest.touchEvent(viewport, device).move(0, end, viewport).commit()
    QTest.touchEvent(viewport, device).release(0, end, viewport).commit()
    after = canvas.mapToScene(canvas.viewport().rect().center())
    assert after.y() < before.y() - 40  # the drawing followed the finger down


def test_zoom_buttons_and_whole_spine(spine: SpineView) -> None:
    spine.zoom_in_button.click()
    assert spine.canvas.zoom == pytest.approx(1.5)
    spine.zoom_out_button.click()
    assert spine.canvas.zoom == pytest.approx(1.0)
    spine.zoom_out_button.click()
    assert spine.canvas.zoom == pytest.approx(1.0)  # never smaller than the whole spine
    spine.zoom_in_button.click()
    spine.reset_button.click()
    assert spine.canvas.zoom == pytest.approx(1.0)


def test_the_list_selects_the_same_regions_as_taps(spine: SpineView) -> None:
    for slug, button in ((b.property("key"), b) for b in spine.region_list.buttons):
        button.click()
        assert spine.selected_region == slug
        assert set(spine.canvas.highlighted) == set(spine._map.parts[slug])
        assert spine.title_label.text() == button.label()
        spine.all_parts_button.click()
        assert spine.panel.currentIndex() == 0


def test_every_region_button_is_a_big_labelled_target(spine: SpineView) -> None:
    assert len(spine.region_list.buttons) == 9
    for button in spine.region_list.buttons:
        assert button.accessibleName()
        assert button.height() >= 96


def test_where_it_hurts_marks_the_region_and_asks_for_a_call(
    qtbot: QtBot, spine: SpineView
) -> None:
    spine.show_region("sacroiliac-joint")
    with qtbot.waitSignal(spine.callback_chosen) as chosen:
        spine.hurts_button.click()
    assert chosen.args == ["sacroiliac-joint"]
    assert spine.canvas.marked


def test_related_topic_buttons_report_the_topic(qtbot: QtBot, spine: SpineView) -> None:
    spine.show_region("discs")
    with qtbot.waitSignal(spine.topic_chosen) as chosen:
        spine.related.buttons[0].click()
    assert chosen.args == ["causes"]


def test_high_contrast_keeps_the_choice_highlighted(spine: SpineView, look: LookController) -> None:
    spine.show_region("lumbar")
    parts = spine.canvas.highlighted
    look.set_look(Look(HIGH_CONTRAST))
    assert spine.canvas.highlighted == parts
    image = spine.canvas.grab().toImage()
    assert image.pixelColor(3, 3).name().upper() == HIGH_CONTRAST.surface


def test_the_drawing_is_laid_beside_the_text_in_landscape(qtbot: QtBot, spine: SpineView) -> None:
    spine.show_region("discs")  # a long text must not take the drawing's share
    QApplication.processEvents()
    assert spine.panel.y() > spine.canvas.y()
    assert spine.panel.height() < spine.canvas.height()
    spine.resize(1900, 900)
    qtbot.waitUntil(lambda: spine.panel.x() > spine.canvas.x() + 100)
    assert abs(spine.panel.y() - spine.canvas.y()) < 5


def test_a_drawing_squeezed_to_nothing_survives_and_fits_again(
    qtbot: QtBot, spine: SpineView
) -> None:
    canvas = spine.canvas
    canvas.setFixedHeight(0)
    QApplication.processEvents()
    canvas.setMinimumHeight(0)
    canvas.setMaximumHeight(16777215)
    canvas.resize(600, 900)
    canvas.reset_zoom()
    assert canvas.zoom == pytest.approx(1.0)


def test_the_drawing_stays_in_register_when_zoomed(spine: SpineView) -> None:
    """The bone under a point is still there after zooming in (a cached picture once landed
    shifted sideways at 4x)."""
    canvas = spine.canvas
    target = canvas.part_centre("vertebra-L2")
    canvas.zoom_by(4.0, QPointF(canvas.mapFromScene(target)))
    canvas._on_zoom_settled()
    QApplication.processEvents()
    where = canvas.mapFromScene(target)
    image = canvas.viewport().grab().toImage()
    assert image.pixelColor(where).name().upper() == STANDARD.spine_bone


# The parts each label's leader line may end on: its own part of the spine.
LABELLED = {
    "Neck": ("vertebra-C", "disc-C"),
    "Upper back": ("vertebra-T", "disc-T"),
    "Lower back": ("vertebra-L", "disc-L"),
    "Pelvis": ("sacrum", "coccyx", "sacroiliac-joint"),
}


def test_each_label_has_a_leader_line_to_its_part_of_the_spine(spine: SpineView) -> None:
    canvas = spine.canvas
    layout = canvas.label_layout()
    assert [text for text, _, _ in layout] == list(LABELLED)
    view = QRectF(canvas.viewport().rect())
    drawing = QRectF(canvas.mapFromScene(canvas.drawing_box()).boundingRect())
    for (_, upper, _), (_, lower, _) in itertools.pairwise(layout):
        assert upper.bottom() < lower.top()  # top to bottom, none over another
    for text, words, line in layout:
        assert view.contains(words), text  # never cut off at the edge
        assert words.right() <= drawing.left()  # before the body, not over it
        # The line starts right after the words, level with them...
        assert words.right() < line.x1() <= words.right() + 16
        assert abs(line.y1() - words.center().y()) <= 2
        # ... and ends on the label's own part of the drawing.
        part = canvas.part_at(line.p2())
        assert part.startswith(LABELLED[text]), (text, part)
        assert line.length() > 40


def test_in_portrait_the_drawing_fills_its_panel(spine: SpineView) -> None:
    """A 1080x1920 screen less its top bar and footer: the drawing and its labels span more
    than half the panel's width, and the zoom buttons stand beside the drawing, not under it,
    so it has nearly the panel's whole height."""
    spine.resize(1080, 1745)
    for _ in range(3):  # a resize lays the boxes out in posted events
        QApplication.processEvents()
    canvas = spine.canvas
    canvas.reset_zoom()
    drawing = QRectF(canvas.mapFromScene(canvas.drawing_box()).boundingRect())
    shown = QRectF(drawing)
    for _, words, _ in canvas.label_layout():
        shown = shown.united(words)
    panel = canvas.parentWidget()
    assert panel is not None
    assert shown.width() > 0.5 * canvas.width()
    assert drawing.height() > 0.9 * panel.height()
    for button in (spine.zoom_in_button, spine.zoom_out_button, spine.reset_button):
        assert (
            button.mapTo(spine, QPoint(0, 0)).x()
            > canvas.mapTo(spine, QPoint(0, 0)).x() + canvas.width()
        )


def changed_pixels(before: QImage, after: QImage) -> int:
    """How many pixels changed colour clearly (by more than 30 in a channel, about)."""
    difference = QImage(after)
    painter = QPainter(difference)
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Difference)
    painter.drawImage(0, 0, before)
    painter.end()
    grey = difference.convertToFormat(QImage.Format.Format_Grayscale8)
    width = grey.width()
    rows = bytes(grey.constBits())
    stride = grey.bytesPerLine()
    table = bytes(1 if v > 30 else 0 for v in range(256))
    return sum(
        rows[y * stride : y * stride + width].translate(table).count(1)
        for y in range(grey.height())
    )


@pytest.mark.parametrize("palette", [STANDARD, HIGH_CONTRAST], ids=["standard", "high-contrast"])
def test_the_facet_joints_light_up_as_visibly_as_the_other_parts(
    spine: SpineView, look: LookController, palette: Palette
) -> None:
    """The facet joints are small: chosen, they must still change as much of the picture as
    the other parts of the spine do (at least half as much as the middle one)."""
    look.set_look(Look(palette))
    QApplication.processEvents()
    plain = spine.canvas.viewport().grab().toImage()
    changed = {}
    for region in spine._map.parts:
        spine.show_region(region)
        QApplication.processEvents()
        changed[region] = changed_pixels(plain, spine.canvas.viewport().grab().toImage())
    others = statistics.median(n for region, n in changed.items() if region != "facet-joints")
    assert changed["facet-joints"] >= 0.5 * others, changed
