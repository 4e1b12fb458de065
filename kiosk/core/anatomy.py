"""The spine drawing as data: which element ids a patient can tap, read without Qt.

`assets/spine.svg` gives every tappable structure a stable id; groups (`group-*`) and context
shapes (class `context`) are not tappable. The region texts in `content/<lang>/spine/` claim
tappable ids with glob patterns (`vertebra-L*`); `kiosk check-content` checks that the two agree.
"""

from __future__ import annotations

import fnmatch
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import NamedTuple

from kiosk.core.theme import Look, Palette, restyled, stylesheet

# The groups a region text may belong to, and for those drawn as one part of the picture, the
# drawing's group its label goes beside ("whole-spine" is the whole drawing: no label).
DRAWN_GROUPS = {
    "neck": "group-cervical",
    "upper-back": "group-thoracic",
    "lower-back": "group-lumbar",
    "pelvis": "group-pelvis",
}
LABEL_GROUPS = (*DRAWN_GROUPS, "whole-spine")


def tappable_ids(svg: Path) -> tuple[str, ...]:
    """The ids of the drawing's tappable elements, in document order.

    Raises OSError or xml.etree.ElementTree.ParseError when the file cannot be read.
    """
    root = ET.parse(svg).getroot()  # noqa: S314 -- our own asset, not untrusted input
    ids = []
    for element in root.iter():
        element_id = element.get("id")
        tag = element.tag.rsplit("}", 1)[-1]
        if not element_id or tag == "g" or "context" in element.get("class", "").split():
            continue
        ids.append(element_id)
    return tuple(ids)


def matching(patterns: Iterable[str], ids: Iterable[str]) -> tuple[str, ...]:
    """The ids that any of the glob `patterns` names."""
    wanted = tuple(patterns)
    return tuple(i for i in ids if any(fnmatch.fnmatchcase(i, p) for p in wanted))


PICK_CLASSES = (
    "context",
    "muscle",
    "bone",
    "bone-detail",
    "disc",
    "facet",
    "joint",
    "cord",
    "nerve",
)
# In the pick image every tappable part is drawn a little fatter, so a fingertip that lands
# just beside a thin part (a disc, a nerve root) still finds it.
PICK_STROKE = 8


class SpineMap(NamedTuple):
    """Which region each tappable part of the drawing belongs to, and the reverse."""

    region_of: Mapping[str, str]
    parts: Mapping[str, tuple[str, ...]]

    @classmethod
    def build(
        cls, tappable: Sequence[str], regions: Iterable[tuple[str, Sequence[str]]]
    ) -> SpineMap:
        """From the drawing's ids and (region slug, glob patterns) pairs; first claim wins."""
        region_of: dict[str, str] = {}
        parts: dict[str, tuple[str, ...]] = {}
        for slug, patterns in regions:
            mine = tuple(i for i in matching(patterns, tappable) if i not in region_of)
            parts[slug] = mine
            region_of.update(dict.fromkeys(mine, slug))
        return cls(region_of, parts)


def pick_colour(index: int) -> str:
    """The flat colour that stands for tappable part number `index` in the pick image."""
    return f"#{index + 1:06x}"


def pick_svg(svg: str, tappable: Sequence[str]) -> str:
    """The drawing with nothing visible but the tappable parts, each in its own flat colour."""
    hidden = ",".join(f".{name}" for name in PICK_CLASSES)
    rules = [f"{hidden}{{fill:none;stroke:none}}"]
    rules.extend(
        f"#{part}{{fill:{pick_colour(i)};fill-opacity:1;stroke:{pick_colour(i)};"
        f"stroke-opacity:1;stroke-width:{PICK_STROKE}}}"
        for i, part in enumerate(tappable)
    )
    return restyled(svg, "".join(rules))


class SpineDrawing(NamedTuple):
    """The drawing in one palette's colours, as SVG bytes: plain, the chosen region, the
    tapped part, and the pick image; with the tappable ids in pick-colour order."""

    plain: bytes
    region: bytes
    chosen: bytes
    pick: bytes
    tappable: tuple[str, ...]


def spine_drawings(assets_dir: Path) -> Callable[[Palette], SpineDrawing]:
    """Read the drawing and its colour templates once; colour them per palette on demand."""
    svg = (assets_dir / "spine.svg").read_text(encoding="utf-8")
    plain_css = (assets_dir / "spine.css").read_text(encoding="utf-8")
    highlight_css = (assets_dir / "spine-highlight.css").read_text(encoding="utf-8")
    tappable = tappable_ids(assets_dir / "spine.svg")
    pick = pick_svg(svg, tappable).encode()
    made: dict[Palette, SpineDrawing] = {}

    def drawing_for(palette: Palette) -> SpineDrawing:
        if palette not in made:
            chosen = palette._replace(spine_region=palette.spine_selected)
            made[palette] = SpineDrawing(
                plain=restyled(svg, stylesheet(plain_css, Look(palette))).encode(),
                region=restyled(svg, stylesheet(highlight_css, Look(palette))).encode(),
                chosen=restyled(svg, stylesheet(highlight_css, Look(chosen))).encode(),
                pick=pick,
                tappable=tappable,
            )
        return made[palette]

    return drawing_for
