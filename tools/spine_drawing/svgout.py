"""Writes the drawing's parts as the SVG the kiosk loads (assets/spine.svg): one style block,
the parts in paint order with their ids and class names, moved so the drawing starts at 0,0."""

from __future__ import annotations

import re
from typing import TextIO

from .draw import Parts
from .geom import fmt

HEADER = """<?xml version="1.0" encoding="UTF-8"?>
<!--
  Waiting-Room Kiosk - spine explorer drawing. Original drawing of the project, same licence.
  Side (lateral) view of the whole spine inside the outline of the head, shoulder and trunk:
  front of the body to the LEFT, back to the RIGHT.

  What a spine doctor would look for:
    the neck curves forward (cervical lordosis), the chest backward (thoracic kyphosis) and the
    low back forward again (lumbar lordosis); the sacrum tilts back and the tailbone curls forward;
    the spinal cord runs in the canal behind the vertebral bodies from the skull and ends in a
    cone (conus medullaris) at the L1-L2 disc; below it the cauda equina, a bundle of nerve roots,
    runs on down the canal into the sacrum; each nerve root leaves the canal through the opening
    between two vertebrae behind the disc (the foramen, under the pedicle), where its ganglion
    sits; the facet joints lie behind those openings; the iliac crest is at the L4-L5 level.

  All colours live in the single style block below (the app swaps it for the theme, from
  assets/spine.css); elements carry only class names: bone, bone-detail, disc, facet, joint,
  muscle, cord, nerve, context.

  Tappable ids
    vertebra-C1 .. vertebra-C7, vertebra-T1 .. vertebra-T12, vertebra-L1 .. vertebra-L5
    sacrum, coccyx, sacroiliac-joint
    disc-C2-C3 .. disc-C7-T1, disc-T1-T2 .. disc-T12-L1, disc-L1-L2 .. disc-L5-S1
    facet-C2-C3 .. facet-C7-T1, facet-T1-T2 .. facet-T12-L1, facet-L1-L2 .. facet-L5-S1
    nerve-root-C3 .. nerve-root-C8 (C3 leaves between C2 and C3, C8 between C7 and T1),
    nerve-root-T1 .. nerve-root-T12, nerve-root-L1 .. nerve-root-L5 (each below its own
    vertebra), nerve-root-S1 (into the sacrum)
    spinal-cord (ends at the L1-L2 disc), cauda-equina, erector-spinae
  Groups (their bounds place the region labels)
    group-cervical (C1-C7), group-thoracic (T1-T12), group-lumbar (L1-L5),
    group-pelvis (hip bone, sacrum, coccyx, sacroiliac-joint),
    group-discs, group-facets, group-nerves, group-muscles
  Context only (not tappable): body-outline (head, neck, trunk), shoulder, pelvis (hip bone)
  Paint order: body outline and shoulder, muscle, pelvis, vertebrae (from the bottom up, so each
  spinous process lies over the one below), discs, facets, cord and cauda equina, nerve roots.
-->
{svg}
  <style type="text/css">
    .context{{fill:#D9E3EA;fill-opacity:0.45;stroke:#8A7556;stroke-width:1.5;stroke-opacity:0.25}}
    .muscle{{fill:#D9534F;fill-opacity:0.35;stroke:#D9534F;stroke-width:1.5;stroke-opacity:0.6}}
    .bone{{fill:#F2E8D5;stroke:#8A7556;stroke-width:2;stroke-linejoin:round}}
    .bone-detail{{fill:#8A7556;fill-opacity:0.13;stroke:none}}
    .disc{{fill:#7DB4E6;stroke:#8A7556;stroke-width:1.5;stroke-linejoin:round}}
    .facet{{fill:#46B5A5;stroke:#8A7556;stroke-width:1.5}}
    .joint{{fill:#9B7BD4;fill-opacity:0.8;stroke:#8A7556;stroke-width:1.5}}
    .cord{{fill:#F4C542;stroke:#8A7556;stroke-width:1.5}}
    .nerve{{fill:#F4C542;stroke:#8A7556;stroke-width:1.2;stroke-linejoin:round}}
  </style>
"""

SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" version="1.2" baseProfile="tiny"'
    ' viewBox="0 0 {w} {h}" width="{w}" height="{h}">'
)
MARGIN = 14.0  # drawing units of room around the drawing, but at the bottom (a straight cut)


def write(parts: Parts, out: TextIO) -> None:
    """The SVG's text, to `out`."""
    vertebrae = parts.vertebrae
    lines = [
        f'  <path id="body-outline" class="context" d="{parts.body}"/>',
        f'  <path id="shoulder" class="context" d="{parts.shoulder}"/>',
        '  <g id="group-muscles">',
        f'    <path id="erector-spinae" class="muscle" d="{parts.muscle}"/>',
        "  </g>",
        '  <g id="group-pelvis">',
        f'    <path id="pelvis" class="context" d="{parts.hip}"/>',
        f'    <path class="context" d="{parts.socket}"/>',
        f'    <path id="sacrum" class="bone" d="{parts.sacrum}"/>',
    ]
    lines += [f'    <path class="bone-detail" d="{d}"/>' for d in parts.sacral_lines]
    lines += [
        f'    <path id="coccyx" class="bone" d="{parts.coccyx}"/>',
        f'    <path id="sacroiliac-joint" class="joint" d="{parts.si}"/>',
        "  </g>",
    ]
    for region, gid in (("L", "group-lumbar"), ("T", "group-thoracic"), ("C", "group-cervical")):
        lines.append(f'  <g id="{gid}">')
        for v in reversed([v for v in vertebrae if v.region == region]):
            lines.append(
                f'    <path id="vertebra-{v.name}" class="bone" d="{parts.bones[v.name]}"/>'
            )
            lines.append(f'    <path class="bone-detail" d="{parts.shades[v.name]}"/>')
        if region == "C":
            lines.append(f'    <path id="vertebra-C1" class="bone" d="{parts.atlas}"/>')
        lines.append("  </g>")
    lines.append('  <g id="group-discs">')
    lines += [
        f'    <path id="disc-{name}" class="disc" d="{d}"/>' for name, d in parts.discs.items()
    ]
    lines.append("  </g>")
    lines.append('  <g id="group-facets">')
    lines += [
        f'    <path id="facet-{name}" class="facet" d="{d}"/>' for name, d in parts.facets.items()
    ]
    lines += [
        "  </g>",
        '  <g id="group-nerves">',
        f'    <path id="spinal-cord" class="cord" d="{parts.cord}"/>',
        f'    <path id="cauda-equina" class="nerve" d="{parts.cauda}"/>',
    ]
    lines += [f'    <path id="{rid}" class="nerve" d="{d}"/>' for rid, d in parts.roots.items()]
    lines.append("  </g>")
    body = "\n".join(lines)
    pair = re.compile(r"(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)")
    nums = pair.findall(body)
    xs = [float(a) for a, _ in nums]
    ys = [float(b) for _, b in nums]
    # The body outline's bottom is a straight cut: the drawing ends there.
    x0, y0 = min(xs) - MARGIN, min(ys) - MARGIN
    x1, y1 = max(xs) + MARGIN, max(ys) + 2
    body = pair.sub(lambda m: f"{fmt(float(m[1]) - x0)},{fmt(float(m[2]) - y0)}", body)
    w, h = round(x1 - x0), round(y1 - y0)
    out.write(HEADER.format(svg=SVG.format(w=w, h=h)))
    out.write(body + "\n</svg>\n")
