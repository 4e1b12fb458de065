"""The sacrum, the coccyx (tailbone), the sacroiliac joint and the hip bone, seen from the side."""

from __future__ import annotations

from .chain import Seg, Vertebra
from .geom import Point, U, add, ellipse, hole, lerp, mul, rounded, smooth, sub, unit


def sacrum_outline(sacrum: list[Seg], l5: Vertebra) -> str:
    """The sacrum in one outline: S1's body and upper articular processes, the back, the apex."""
    # The front is smoothly hollow (a point per segment); the back a gentle ridge.
    front, rear = [], []
    for s in sacrum:
        front.append(s.corners()[0])
        rear.append(s.at(0.5, s.behind))
    last = sacrum[-1]
    _, _, bb, bf = last.corners()
    apex = [lerp(bb, bf, 0.2), lerp(bb, bf, 0.85)]
    s1 = sacrum[0]
    # S1's upper articular processes meet L5's lower ones (the L5-S1 facet joint): drawn in
    # L5's frame, as a lumbar vertebra's would be.
    b5 = l5.body
    d5, p5, below = b5.depth, l5.pedicle, b5.h + l5.disc.h
    loc5 = b5.local
    sap = [
        loc5(d5 + p5 - 0.05, below + 0.1),
        loc5(d5 + p5 + 0.05, below - 1.0),
        loc5(d5 + p5 + 0.62, below - 0.9),
        loc5(d5 + p5 + 0.7, below + 0.5),
    ]
    pts = [front[0], lerp(front[0], s1.corners()[1], 0.5), s1.corners()[1]]
    pts += [*sap, *rear, *apex, *front[::-1][:-1]]
    # one smooth curve; the point halfway along S1's top keeps it (the promontory) nearly flat
    return smooth(pts, tension=0.75)


def sacral_lines(sacrum: list[Seg]) -> list[str]:
    """Faint ridges where the five sacral vertebrae fused."""
    out = []
    for s in sacrum[1:]:
        tf, tb, _, bf = s.corners()
        a = lerp(tf, tb, 0.06)
        b = lerp(tf, tb, 0.8)
        n = mul(unit(sub(bf, tf)), 0.1 * U)
        out.append(rounded([sub(a, n), sub(b, n), add(b, n), add(a, n)], 1.5))
    return out


def coccyx_outline(coccyx: list[Seg]) -> str:
    """The tailbone's small pieces, each smaller and rounder than the one above."""
    parts = []
    for k, s in enumerate(coccyx):
        parts.append(rounded(list(s.corners()), 0.3 * U * (1 - k * 0.15)))
    return "".join(parts)


def si_joint(sacrum: list[Seg]) -> str:
    """The ear-shaped joint surface where the hip bone meets the sacrum (S1 to S3), seen
    through the side of the sacrum."""
    a, b, c = sacrum[0].local, sacrum[1].local, sacrum[2].local
    pts = [
        a(1.3, 0.45),
        a(2.6, 0.25),
        a(3.8, 0.6),
        a(4.1, 1.6),
        b(3.3, 0.9),
        c(2.7, 0.5),
        c(2.3, 1.25),
        c(1.3, 1.1),
        b(1.3, 1.0),
        b(2.0, 0.3),
        a(2.3, 1.75),
        a(1.4, 1.45),
    ]
    return smooth(pts, tension=0.9)


def hip_bone(sacrum: list[Seg]) -> tuple[str, str]:
    """The hip bone seen from the side (context): the iliac wing with its crest at the L4-L5
    level, the hip socket below the sacrum, the opening below it (obturator foramen), the
    sitting bone. Returns the bone with its opening, and the hip socket (drawn over it)."""
    mid = sacrum[0].top_c  # the middle of the top of S1

    def p(x: float, y: float) -> Point:
        return (mid[0] + x * U, mid[1] + y * U)

    psis = sacrum[1].at(0.2, sacrum[1].behind + 0.5)
    outline = [
        p(-6.8, 3.8),  # front top spine of the pelvis (ASIS)
        p(-6.4, 0.9),
        p(-4.5, -2.5),
        p(-1.5, -4.4),
        p(1.8, -4.8),  # top of the iliac crest (L4-L5)
        p(4.6, -3.6),
        (psis[0] + 0.5 * U, psis[1] - 2.6 * U),
        psis,
        (psis[0] - 0.5 * U, psis[1] + 2.2 * U),
        p(2.0, 7.6),  # greater sciatic notch
        p(3.0, 10.4),  # ischial spine
        p(2.4, 11.9),
        p(3.4, 14.0),  # sitting bone (ischial tuberosity)
        p(2.6, 15.8),
        p(0.4, 15.8),
        p(-3.0, 15.3),
        p(-5.8, 15.2),  # pubic joint (symphysis)
        p(-7.2, 13.8),
        p(-7.0, 12.4),
        p(-5.2, 11.6),
        p(-5.7, 8.6),
        p(-6.3, 6.4),  # AIIS
        p(-6.1, 5.0),
    ]
    socket = ellipse(p(-1.8, 9.9), 2.4 * U, 2.4 * U, 0, 10)
    foramen = ellipse(p(-3.9, 13.7), 1.9 * U, 1.15 * U, -30, 8)
    # the opening is a hole (it winds the other way); the hip socket a deeper shade on top
    return smooth(outline, tension=0.8) + hole(foramen), smooth(socket)
