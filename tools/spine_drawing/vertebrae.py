"""The vertebrae C1 to L5 as seen from the side, the discs between them and the facet joints.

In each function d and h are the vertebral body's depth (front to back) and height, p how far
behind the body its pillar of articular processes begins (the pedicle), all in cm, and
loc(u, v) the point u cm behind the body's front and v cm below its top.
"""

from __future__ import annotations

import math

from .chain import Seg, Vertebra
from .geom import Point, U, add, back, ellipse, lerp, mul, rounded, smooth


def vertebra_outline(v: Vertebra) -> str:
    """Body, pedicle, articular processes (the pillar), lamina and spinous process: one outline.

    `v.pedicle` is how far behind the body the pillar of articular processes begins: the
    opening for the nerve (foramen) and the canal lie in between, under and over the pedicle.
    """
    b = v.body
    d, h, p = b.depth, b.h, v.pedicle
    tf, tb, bb, bf = b.corners()
    loc = b.local
    a = math.radians(v.angle)
    dirn = (math.cos(a), math.sin(a))
    nrm = (-math.sin(a), math.cos(a))
    dens: list[tuple[Point, float]] = []
    if v.name == "C2":  # the dens, the peg the atlas turns around, rises from the body
        dens = [
            (loc(0.28, 0.0), 0.1),
            (loc(0.4, -1.2), 0.42),
            (loc(1.22, -1.26), 0.42),
            (loc(1.3, 0.0), 0.1),
        ]
    if v.region == "C":
        base = (d + p + 0.95, 0.3 * h)
        tip = add(base, mul(dirn, v.spinous))
        tip_w = 0.45 if v.name not in ("C7", "C2") else 0.62
        rest = [
            (loc(d, 0.14 * h), 0.1),
            (loc(d + 0.5 * p, 0.1 * h), 0.22),  # pedicle
            (loc(d + p - 0.05, 0.0), 0.15),
            (loc(d + p + 0.05, -0.3 * h), 0.22),  # tip of the upper articular process
            (loc(d + p + 0.95, 0.28 * h), 0.22),  # its joint surface slopes down and back
            (loc(*base), 0.2),
            (loc(*tip), 0.25),
            (loc(*add(tip, mul(nrm, tip_w))), 0.25),
            (loc(*add(base, mul(nrm, 0.8))), 0.3),
            (loc(d + p + 1.05, h + 0.8), 0.22),  # the lower articular process
            (loc(d + p - 0.02, h + 0.06), 0.2),
            (loc(d + 0.45 * p, 0.48 * h), 0.3),  # roof of the opening for the nerve
            (loc(d, 0.46 * h), 0.1),
        ]
        radius_front = 0.28
    elif v.region == "T":
        base = (d + p + 0.6, 0.18 * h)
        tip = add(base, mul(dirn, v.spinous))
        rest = [
            (loc(d, 0.08 * h), 0.12),
            (loc(d + 0.5 * p, 0.1 * h), 0.25),
            (loc(d + p - 0.05, 0.02 * h), 0.2),
            (loc(d + p, -0.36 * h), 0.2),  # tip of the upper articular process
            (loc(d + p + 0.52, -0.32 * h), 0.2),
            (loc(d + p + 0.5, 0.1 * h), 0.2),
            (loc(*base), 0.25),
            (loc(*add(tip, mul(nrm, -0.05))), 0.22),
            (loc(*add(tip, mul(nrm, 0.42))), 0.22),
            (loc(*add(base, mul(nrm, 1.25))), 0.4),
            (loc(d + p + 0.95, h + 0.4 * h), 0.2),  # the lower articular process
            (loc(d + p + 0.35, h + 0.12), 0.2),
            (loc(d + 0.6 * p, 0.48 * h), 0.3),
            (loc(d, 0.46 * h), 0.12),
        ]
        radius_front = 0.3
    else:  # lumbar: a broad, square spinous process
        base = (d + p + 0.85, 0.16 * h)
        sp_h = 1.5 if v.name != "L5" else 1.2
        tip_top = add(base, mul(dirn, v.spinous))
        tip_bot = add(tip_top, mul(nrm, sp_h))
        rest = [
            (loc(d, 0.1 * h), 0.15),
            (loc(d + 0.5 * p, 0.13 * h), 0.3),
            (loc(d + p - 0.05, 0.0), 0.2),
            (loc(d + p + 0.05, -0.42 * h), 0.25),  # tip of the upper articular process
            (loc(d + p + 0.62, -0.38 * h), 0.3),
            (loc(d + p + 0.58, 0.08 * h), 0.25),
            (loc(*base), 0.2),
            (loc(*tip_top), 0.3),
            (loc(*tip_bot), 0.35),
            (loc(base[0] + 0.4, base[1] + sp_h + 0.15), 0.35),
            (loc(d + p + 0.95, h + 0.42), 0.25),  # the lower articular process
            (loc(d + p + 0.45, h + 0.55), 0.25),
            (loc(d + p + 0.3, 0.85 * h), 0.25),
            (loc(d + 0.55 * p, 0.44 * h), 0.35),
            (loc(d, 0.42 * h), 0.15),
        ]
        radius_front = 0.32
    pts = [(tf, radius_front), *dens, (tb, 0.22), *rest, (bb, 0.25), (bf, radius_front)]
    return rounded([q for q, _ in pts], [r * U for _, r in pts])


def atlas(c2: Vertebra) -> str:
    """C1: a small front arch before the dens; behind it the side mass and the back arch."""
    loc = c2.body.local
    d, p = c2.body.depth, c2.pedicle
    front = smooth(ellipse(loc(-0.2, -0.95), 0.42 * U, 0.55 * U, 90 - c2.body.phi, 8))
    ring = rounded(
        [
            loc(1.05, -1.85),
            loc(d + p + 0.5, -1.9),
            loc(d + p + 1.0, -1.55),
            loc(d + p + 2.3, -1.6),
            loc(d + p + 2.7, -1.3),
            loc(d + p + 2.5, -0.75),
            loc(d + p + 1.2, -0.8),
            loc(d + p + 0.6, -0.35),
            loc(1.3, -0.4),
        ],
        [4, 5, 4, 5, 5, 5, 5, 4, 4],
    )
    return front + ring


def body_shade(v: Vertebra) -> str:
    """A soft shadow along the front of the body, where the bone curves away: it looks round."""
    b = v.body
    h = b.h
    loc = b.local
    return rounded(
        [loc(0.09, 0.13 * h), loc(0.26, 0.17 * h), loc(0.26, 0.83 * h), loc(0.09, 0.87 * h)],
        [2, 3, 3, 2],
    )


def disc_outline(disc: Seg) -> str:
    """A disc between two bodies: a little narrower than they are, bulging at front and back."""
    dt, db = disc.end_depths
    tf, tb, bb, bf = disc.corners(dt - 0.06, db - 0.06)
    mid_f = add(lerp(tf, bf, 0.5), mul(back(disc.phi), -0.13 * U))
    mid_b = add(lerp(tb, bb, 0.5), mul(back(disc.phi), 0.08 * U))
    return rounded([tf, tb, mid_b, bb, bf, mid_f], [2, 2, 3, 2, 2, 3])


def facet(v: Vertebra) -> str:
    """The joint between v's lower articular process and the upper one of the next vertebra:
    a capsule along the joint line, behind the opening for the nerve."""
    b = v.body
    d, h, p = b.depth, b.h, v.pedicle
    mid_disc = h + v.disc.h * 0.5 + 0.1  # a little below the middle of the disc
    loc = b.local
    if v.region == "C":  # the neck's joints slope down and back, like roof tiles
        c, beta, long_cm, wide_cm = loc(d + p + 0.5, h + 0.48), 41, 1.35, 0.85
    elif v.region == "T":
        c, beta, long_cm, wide_cm = loc(d + p + 0.43, mid_disc), 80, 1.45, 0.85
    else:
        c, beta, long_cm, wide_cm = loc(d + p + 0.45, mid_disc), 86, 1.85, 0.95
    return smooth(ellipse(c, long_cm * U / 2, wide_cm * U / 2, beta - b.phi, 8))
