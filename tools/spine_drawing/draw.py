"""Every part of the drawing, built from the chain: the SVG path text of each, by name."""

from __future__ import annotations

from dataclasses import dataclass

from .body import body_outline, muscle, shoulder
from .chain import Vertebra, build_chain
from .nerves import nerves
from .pelvis import coccyx_outline, hip_bone, sacral_lines, sacrum_outline, si_joint
from .vertebrae import atlas, body_shade, disc_outline, facet, vertebra_outline


@dataclass
class Parts:
    """The drawing's parts as SVG path data, in drawing units (not yet moved into the view)."""

    vertebrae: list[Vertebra]  # C2 to L5, for their names and regions
    body: str  # head, neck and trunk
    shoulder: str
    muscle: str
    hip: str
    socket: str
    sacrum: str
    sacral_lines: list[str]
    coccyx: str
    si: str  # the sacroiliac joint
    atlas: str  # C1
    bones: dict[str, str]  # C2 to L5 by name
    shades: dict[str, str]  # the shadow on the front of each of them
    discs: dict[str, str]  # by the names of the two vertebrae: "C2-C3" .. "L5-S1"
    facets: dict[str, str]  # the same names as the discs
    cord: str
    cauda: str  # the cauda equina
    roots: dict[str, str]  # by id: "nerve-root-C3" .. "nerve-root-S1"


def build() -> Parts:
    spine = build_chain()
    vertebrae, sacrum = spine.vertebrae, spine.sacrum
    nerve_parts = nerves(vertebrae, sacrum)
    hip, socket = hip_bone(sacrum)
    return Parts(
        vertebrae=vertebrae,
        body=body_outline(vertebrae, sacrum),
        shoulder=shoulder(vertebrae),
        muscle=muscle(vertebrae, sacrum),
        hip=hip,
        socket=socket,
        sacrum=sacrum_outline(sacrum, vertebrae[-1]),
        sacral_lines=sacral_lines(sacrum),
        coccyx=coccyx_outline(spine.coccyx),
        si=si_joint(sacrum),
        atlas=atlas(vertebrae[0]),
        bones={v.name: vertebra_outline(v) for v in vertebrae},
        shades={v.name: body_shade(v) for v in vertebrae},
        discs={v.disc.name: disc_outline(v.disc) for v in vertebrae},
        facets={v.disc.name: facet(v) for v in vertebrae},
        cord=nerve_parts.cord,
        cauda=nerve_parts.cauda,
        roots=nerve_parts.roots,
    )
