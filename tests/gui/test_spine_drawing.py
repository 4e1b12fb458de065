"""The spine drawing is anatomically right, measured in its own coordinates (assets/spine.svg):
what a spine doctor looks for in a side view, front of the body to the left."""

from __future__ import annotations

import itertools
import math
import statistics
from collections.abc import Sequence
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QPointF, QRectF
from PySide6.QtGui import QImage
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication

from kiosk.core.anatomy import pick_colour, tappable_ids
from kiosk.core.theme import restyled
from kiosk.views.svg import render_svg

NECK_DISCS = ["C2-C3", "C3-C4", "C4-C5", "C5-C6", "C6-C7", "C7-T1"]
CHEST_DISCS = ["C7-T1", *(f"T{n}-T{n + 1}" for n in range(1, 12)), "T12-L1"]
LOW_BACK_DISCS = ["T12-L1", "L1-L2", "L2-L3", "L3-L4", "L4-L5", "L5-S1"]
# Each root leaves between two vertebrae: C3 above C3 (between C2 and C3) ... C8 between C7 and
# T1; below that each root leaves below its own vertebra (T1 between T1 and T2 ... L5-S1).
ROOT_LEVELS = {
    **{f"C{n}": NECK_DISCS[n - 3] for n in range(3, 9)},
    **{f"T{n}": CHEST_DISCS[n] for n in range(1, 13)},
    **{f"L{n}": LOW_BACK_DISCS[n] for n in range(1, 6)},
}


@pytest.fixture
def svg_path(assets_dir: Path) -> Path:
    return assets_dir / "spine.svg"


@pytest.fixture
def drawing(qapp: QApplication, svg_path: Path) -> QSvgRenderer:  # Qt must be running
    return QSvgRenderer(str(svg_path))


def bounds(drawing: QSvgRenderer, element: str) -> QRectF:
    rect = drawing.boundsOnElement(element)
    assert not rect.isEmpty(), f"{element} is not in the drawing"
    return rect


def bulge(drawing: QSvgRenderer, discs: Sequence[str]) -> float:
    """How far the middle of a stretch of spine lies behind (+) or in front of (-) the straight
    line from its first disc to its last, as a share of that line's length."""
    centres = [bounds(drawing, f"disc-{disc}").center() for disc in discs]
    first, last = centres[0], centres[-1]
    dx, dy = last.x() - first.x(), last.y() - first.y()
    chord = math.sqrt(dx * dx + dy * dy)
    # Going down the chord, + is to the right: towards the back of the body.
    offsets = [((c.x() - first.x()) * dy - (c.y() - first.y()) * dx) / chord for c in centres]
    return max(offsets, key=abs) / chord


def test_the_neck_and_low_back_curve_forward_and_the_chest_backward(
    drawing: QSvgRenderer,
) -> None:
    # Lordosis: the middle of the neck and of the low back bows towards the front; kyphosis:
    # the middle of the chest bows towards the back. Each by a curve one can see (3-10 % of the
    # stretch's length in an adult standing).
    assert bulge(drawing, NECK_DISCS) < -0.04
    assert bulge(drawing, CHEST_DISCS) > 0.06
    assert bulge(drawing, LOW_BACK_DISCS) < -0.07


def test_the_spinal_cord_ends_at_the_l1_l2_level(drawing: QSvgRenderer) -> None:
    cord = bounds(drawing, "spinal-cord")
    l1, l2 = bounds(drawing, "vertebra-L1"), bounds(drawing, "vertebra-L2")
    assert l1.center().y() < cord.bottom() < l2.center().y()
    assert cord.top() < bounds(drawing, "vertebra-C1").top()  # from the skull down


def flat_image(svg_path: Path, parts: Sequence[str], css: str = "", scale: float = 1) -> QImage:
    """The drawing with nothing but `parts`, each a flat colour (pick_colour of its index),
    unless `css` says otherwise; `scale` pixels per drawing unit."""
    rules = "".join(f"#{p}{{fill:{pick_colour(i)};fill-opacity:1}}" for i, p in enumerate(parts))
    svg = restyled(svg_path.read_text(encoding="utf-8"), "*{fill:none;stroke:none}" + rules + css)
    box = QSvgRenderer(QByteArray(svg.encode())).viewBoxF()
    return render_svg(
        svg.encode(), round(box.width() * scale), round(box.height() * scale), smooth=False
    )


def pixels_of(image: QImage, parts: Sequence[str]) -> dict[str, list[tuple[int, int]]]:
    found: dict[str, list[tuple[int, int]]] = {part: [] for part in parts}
    for y in range(image.height()):
        for x in range(image.width()):
            value = image.pixel(x, y)
            index = (value & 0xFFFFFF) - 1
            if value >> 24 == 0xFF and 0 <= index < len(parts):
                found[parts[index]].append((x, y))
    return found


def test_below_the_cord_the_cauda_equina_is_a_bundle_of_strands(
    drawing: QSvgRenderer, svg_path: Path
) -> None:
    """Not one cable on into the sacrum: across the canal at L3 a patient sees separate
    strands (a horse's tail), and they reach down into the sacrum."""
    cauda = bounds(drawing, "cauda-equina")
    assert cauda.top() <= bounds(drawing, "spinal-cord").bottom()
    assert cauda.bottom() > bounds(drawing, "sacrum").top() + 40
    scale = 4
    strands = "#cauda-equina{fill:#FFFF00;fill-opacity:1;stroke:#0000FF;stroke-width:1}"
    image = flat_image(svg_path, [], strands, scale)
    row = round(bounds(drawing, "vertebra-L3").center().y() * scale)
    yellow = [image.pixel(x, row) & 0xFFFFFF == 0xFFFF00 for x in range(image.width())]
    runs = sum(1 for x in range(1, len(yellow)) if yellow[x] and not yellow[x - 1])
    assert runs >= 5


def test_nerve_roots_leave_behind_the_discs_between_their_vertebrae(
    drawing: QSvgRenderer, svg_path: Path
) -> None:
    """Through the openings behind the discs (the foramina), never across the front of the
    vertebral bodies: every pixel of a root lies behind the line joining the backs of the discs,
    and each root reaches down to the disc of its own level."""
    ids = tappable_ids(svg_path)
    discs = [i for i in ids if i.startswith("disc-")]
    roots = [f"nerve-root-{name}" for name in ROOT_LEVELS]
    shown = pixels_of(flat_image(svg_path, discs + roots), discs + roots)
    # The back of each disc at its middle height, top to bottom.
    line = []
    for disc in discs:
        middle = round(statistics.mean(y for _, y in shown[disc]))
        line.append(QPointF(max(x for x, y in shown[disc] if y == middle), middle))
    line.sort(key=QPointF.y)

    def disc_line_at(y: float) -> float | None:
        for upper, lower in itertools.pairwise(line):
            if upper.y() <= y <= lower.y():
                share = (y - upper.y()) / (lower.y() - upper.y())
                return upper.x() + (lower.x() - upper.x()) * share
        return None

    for name, disc in ROOT_LEVELS.items():
        root = f"nerve-root-{name}"
        ahead = [
            (x, y) for x, y in shown[root] if (edge := disc_line_at(y)) is not None and x < edge - 1
        ]
        assert not ahead, f"{root} crosses in front of the discs at {ahead[:3]}"
        level = bounds(drawing, f"disc-{disc}")
        assert level.top() <= bounds(drawing, root).bottom() <= level.bottom() + 4, root
    # S1 goes on down into the sacrum, behind the last disc.
    s1 = bounds(drawing, "nerve-root-S1")
    assert s1.left() >= bounds(drawing, "disc-L5-S1").right() - 1
    assert s1.bottom() > bounds(drawing, "sacrum").top() + 16


def test_a_head_and_shoulder_outline_gives_the_spine_its_place_in_the_body(
    drawing: QSvgRenderer, svg_path: Path
) -> None:
    outline = bounds(drawing, "body-outline")
    box = drawing.viewBoxF()
    atlas, tailbone = bounds(drawing, "vertebra-C1"), bounds(drawing, "coccyx")
    spine = tailbone.bottom() - atlas.top()
    assert box.contains(outline)  # the whole head shows, not cut off at the top
    assert atlas.top() - outline.top() > 0.15 * spine  # a head above the neck
    assert outline.left() < bounds(drawing, "vertebra-C2").left() - 0.1 * spine  # a face
    shoulder = bounds(drawing, "shoulder")
    neck_middle = bounds(drawing, "vertebra-C4").center().y()
    assert neck_middle < shoulder.top() < bounds(drawing, "vertebra-T3").center().y()
    # Both are context: seen, never tapped.
    assert not {"body-outline", "shoulder", "pelvis"} & set(tappable_ids(svg_path))
