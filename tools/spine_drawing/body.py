"""The soft parts around the spine: the long back muscles (erector spinae), and the outline of
the head, neck and trunk with the shoulder and upper arm (context, facing left)."""

from __future__ import annotations

import math

from .chain import CUT_CM, Seg, Vertebra, dens_tip
from .geom import Point, U, add, back, lerp, mul, smooth, sub

MUSCLE_CM = {"C": 1.7, "T": 1.0, "L": 1.9}  # the muscle behind the spinous processes, cm


def spinous_tip(v: Vertebra) -> Point:
    """About where the tip of v's spinous process is (the muscle's guide, not the bone's)."""
    b = v.body
    d, h, p = b.depth, b.h, v.pedicle
    a = math.radians(v.angle)
    if v.region == "C":
        base = (d + p + 0.35, 0.3 * h)
    elif v.region == "T":
        base = (d + p + 0.2, 0.2 * h)
    else:
        base = (d + p + 0.5, 0.16 * h + 0.7)
    return b.local(base[0] + v.spinous * math.cos(a), base[1] + v.spinous * math.sin(a))


def muscle_back(v: Vertebra) -> Point:
    """The back of the muscle at v: thick in the neck and the low back, thinner in the chest."""
    extra = MUSCLE_CM[v.region]
    if v.name in {"T10", "T11", "T12"}:
        extra = 1.3 + 0.2 * (int(v.name[1:]) - 10)
    if v.name in {"C6", "C7", "T1"}:
        extra = 1.3
    return add(spinous_tip(v), mul(back(v.body.phi), extra * U))


def muscle(vertebrae: list[Vertebra], sacrum: list[Seg]) -> str:
    """The long muscles beside the spine (erector spinae), from the skull to the sacrum."""
    front, rear = [], []
    c2 = vertebrae[0]
    skull_base = c2.body.local(c2.body.depth + 1.8, -2.3)
    front.append(skull_base)
    rear.append(c2.body.local(c2.body.depth + c2.pedicle + 3.4, -2.6))
    for v in vertebrae:
        b = v.body
        front.append(b.local(b.depth + v.pedicle + 0.2, 0.5 * b.h))
        rear.append(muscle_back(v))
    for k, s in enumerate(sacrum[:4]):
        front.append(s.at(0.5, s.behind - 0.6))
        rear.append(s.at(0.5, s.behind + 1.3 - 0.2 * k))
    bottom = sacrum[4].at(0.2, sacrum[4].behind + 0.3)
    return smooth([*front, bottom, *rear[::-1]], tension=0.8)


def body_outline(vertebrae: list[Vertebra], sacrum: list[Seg]) -> str:
    """Head, neck, shoulders and trunk seen from the side, facing left (context only)."""
    byname = {v.name: v for v in vertebrae}
    tip = dens_tip(vertebrae[0])

    def h(x: float, y: float) -> Point:  # cm from the tip of the dens
        return (tip[0] + x * U, tip[1] + y * U)

    mid = sacrum[0].top_c

    def m(x: float, y: float) -> Point:  # cm from the middle of the top of S1
        return (mid[0] + x * U, mid[1] + y * U)

    def front_of(name: str, t: float, ahead: float) -> Point:
        b = byname[name].body
        phi = b.phi
        c = lerp(b.top_c, b.bot_c, t)
        return sub(c, mul(back(phi), (b.depth / 2 + ahead) * U))

    face = [
        h(-9.3, 5.3),  # under the chin
        h(-10.4, 3.7),  # chin
        h(-10.0, 2.5),
        h(-10.5, 1.5),  # lower lip
        h(-10.7, 0.3),  # upper lip
        h(-10.6, -0.7),
        h(-11.9, -1.7),  # tip of the nose
        h(-10.6, -4.0),  # bridge of the nose
        h(-10.9, -5.1),  # brow
        h(-10.2, -8.7),  # forehead
        h(-6.5, -12.4),
        h(-1.0, -14.0),  # top of the head: 14 cm above the top of the spine
        h(4.8, -12.6),
        h(8.6, -8.0),  # back of the head
        h(8.4, -3.4),
        h(6.6, -1.0),  # where the skull meets the neck
    ]
    # the skin of the back, a little behind the muscle (from C4: the skull's back is above)
    back_line = [
        add(muscle_back(v), mul(back(v.body.phi), 0.9 * U))
        for v in vertebrae
        if v.name not in {"C2", "C3"}
    ]
    buttock = [
        m(8.0, 3.0),
        m(9.6, 7.5),
        m(9.8, 11.5),
        m(8.6, 15.0),
        m(6.6, 17.0),
    ]
    cut_y = m(0, CUT_CM)[1]
    front_line = [
        h(-5.6, 6.6),  # throat
        front_of("C6", 0.5, 5.0),
        front_of("T1", 0.2, 5.4),  # root of the neck
        front_of("T3", 0.5, 7.6),
        front_of("T6", 0.5, 10.6),  # chest
        front_of("T9", 0.5, 11.0),
        front_of("T12", 0.5, 10.4),
        front_of("L2", 0.5, 10.0),
        front_of("L4", 0.5, 10.6),  # belly
        m(-11.0, 2.5),
        m(-10.6, 8.0),
        m(-9.4, 13.0),  # groin
        m(-9.0, CUT_CM - 0.5),
    ]
    bottom = [(front_line[-1][0] - 0.2 * U, cut_y), (buttock[-1][0] + 0.4 * U, cut_y)]
    pts = face + back_line + buttock + bottom[::-1] + front_line[::-1]
    return smooth(pts, tension=0.85)


def shoulder(vertebrae: list[Vertebra]) -> str:
    """The shoulder and the upper arm hanging beside the chest, to the elbow (context)."""
    byname = {v.name: v for v in vertebrae}
    top = byname["T1"].body.local(-2.0, -1.2)  # the point of the shoulder

    def q(x: float, y: float) -> Point:
        return (top[0] + x * U, top[1] + y * U)

    pts = [
        q(0.0, 0.0),
        q(3.6, 1.0),
        q(5.2, 4.5),  # back of the shoulder
        q(4.4, 11.0),
        q(3.9, 20.0),
        q(4.0, 27.0),
        q(2.4, 30.0),  # elbow
        q(-1.2, 30.2),
        q(-3.0, 27.5),
        q(-3.2, 20.0),
        q(-4.0, 11.0),
        q(-5.0, 4.5),  # front of the shoulder
        q(-3.8, 1.0),
    ]
    return smooth(pts, tension=0.85)
