"""The spinal cord, the cauda equina and the nerve roots.

The cord runs in the canal behind the vertebral bodies from the skull and ends in a cone (the
conus medullaris) at the L1-L2 disc; below it the cauda equina, a bundle of nerve roots, runs
on down the canal into the sacrum. Each root leaves the canal through the opening between two
vertebrae behind the disc (the foramen, under the pedicle), where its ganglion sits.
"""

from __future__ import annotations

from dataclasses import dataclass

from .chain import Seg, Vertebra
from .geom import Point, U, add, back, catmull_points, ellipse, lerp, mul, nearest, smooth, tube

CORD_W = {"C": 0.72, "T": 0.6, "L": 0.62}  # the cord's width, cm
CORD_BEHIND = {"C": 0.5, "T": 0.45, "L": 0.5}  # gap between the back of the bodies and the cord
STRANDS = 5  # strands of the cauda equina drawn


@dataclass
class Nerves:
    cord: str
    cauda: str
    roots: dict[str, str]  # by id: nerve-root-C3 .. nerve-root-S1


def cord_line(vertebrae: list[Vertebra]) -> tuple[list[Point], list[float], Vertebra]:
    """Points along the middle of the cord, its width (cm) at each, and L1."""
    c2 = vertebrae[0]
    pts = [c2.body.local(c2.body.depth + 0.2 + CORD_W["C"] / 2, -2.5)]
    widths = [0.78]
    l1 = next(v for v in vertebrae if v.name == "L1")
    for v in vertebrae:
        for t in (0.15, 0.65):
            w = CORD_W[v.region]
            if v.name in {"C4", "C5", "C6", "C7", "T1"}:
                w = 0.8  # the neck's enlargement (nerves to the arms)
            if v.name in {"T10", "T11", "T12"}:
                w = 0.7  # the low enlargement (nerves to the legs)
            if v is l1:
                w = 0.5 if t < 0.5 else 0.28
            pts.append(v.body.at(t, CORD_BEHIND[v.region] + w / 2))
            widths.append(w)
        if v is l1:
            break
    # the cone (conus medullaris) ends in a point at the L1-L2 disc
    d = l1.disc
    tip = lerp(d.top_c, d.bot_c, 0.55)
    pts.append(add(tip, mul(back(d.phi), (l1.body.depth / 2 + CORD_BEHIND["L"] + 0.12) * U)))
    widths.append(0.06)
    return pts, widths, l1


def root(
    start: Point, exit_pt: Point, ganglion: Point, tail: Point, *, width: float, phi: float
) -> str:
    """A nerve root: from the cord or the cauda equina out through the opening behind the disc,
    swelling into its ganglion there, and a short way on (still behind the disc)."""
    centre = catmull_points([start, exit_pt, ganglion, tail], 2)
    w = [width * U] * len(centre)
    for k in range(1, 3):
        w[-k] = width * U * (0.55 + 0.2 * k)
    line = smooth(tube(centre, w), tension=0.7)
    swelling = smooth(ellipse(ganglion, 0.42 * U, 0.3 * U, 100 - phi, 8))
    return line + swelling


def _cauda_strands(
    pts: list[Point], l1: Vertebra, lumbar: list[Vertebra], sacrum: list[Seg]
) -> list[list[Point]]:
    """The strands of the cauda equina, from the cone down the canal into the sacrum; the
    ones further back end higher."""
    strands = []
    for k in range(STRANDS):
        line = [lerp(pts[-4], pts[-1], 0.15 + 0.16 * k)]
        for v in lumbar:
            for t in (0.3, 0.8):
                if v is l1 and t < 0.5:
                    continue
                line.append(v.body.at(t, CORD_BEHIND["L"] + 0.12 + 0.27 * k))
        for s in sacrum[:4]:
            line += [s.at(t, 0.3 + 0.22 * k) for t in (0.1, 0.7)]
        stop = len(line) - (STRANDS - 1 - k) // 2 * 2 - 1
        strands.append(line[:stop])
    return strands


def nerves(vertebrae: list[Vertebra], sacrum: list[Seg]) -> Nerves:
    pts, widths, l1 = cord_line(vertebrae)
    # The outline follows the points themselves (few, smooth curves: quick to draw); the dense
    # line is for finding where the roots leave it.
    cord = smooth(tube(pts, [w * U for w in widths]), tension=0.9)
    centre_line = catmull_points(pts, 4)

    lumbar = [v for v in vertebrae if v.region == "L"]
    strands = _cauda_strands(pts, l1, lumbar, sacrum)
    cauda = ""
    for s in strands:
        strand_w = [0.22 * U] * len(s)
        strand_w[-1] = 0.11 * U  # thinner at its end
        cauda += smooth(tube(s, strand_w), tension=0.9)
    # the lumbar and sacral roots leave from the front strand
    front_strand = catmull_points(strands[0], 4)

    roots: dict[str, str] = {}
    names = [f"C{n}" for n in range(3, 9)] + [f"T{n}" for n in range(1, 13)]
    names += [f"L{n}" for n in range(1, 6)]
    for v, name in zip(vertebrae, names, strict=True):
        b = v.body
        d, h = b.depth, b.h
        disc_h = v.disc.h
        loc = b.local
        # the opening: under v's pedicle, behind the lower part of v's body and the disc
        if v.region == "C":
            ganglion, tail = loc(d + 0.24, 0.78 * h), loc(d + 0.12, h + 0.7 * disc_h)
            start = nearest(centre_line, loc(d + 0.9, 0.55 * h))
            width = 0.34
        elif v.region == "T":
            ganglion, tail = loc(d + 0.24, 0.74 * h), loc(d + 0.12, h + 0.6 * disc_h)
            lead = 0.2 if int(name[1:]) < 7 else 0.6
            start = nearest(centre_line, loc(d + 0.8, 0.45 * h - lead))
            width = 0.32
        else:
            ganglion, tail = loc(d + 0.26, 0.7 * h), loc(d + 0.12, h + 0.45 * disc_h)
            if v is l1:
                start = nearest(centre_line, loc(d + 0.8, 0.1 * h))
            else:
                start = nearest(front_strand, loc(d + 0.6, 0.05 * h))
            width = 0.36
        exit_pt = lerp(start, ganglion, 0.55)
        roots[f"nerve-root-{name}"] = root(start, exit_pt, ganglion, tail, width=width, phi=b.phi)
    s1, s2 = sacrum[0], sacrum[1]
    start = nearest(front_strand, s1.at(0.05, 0.55))
    roots["nerve-root-S1"] = root(
        start, s1.at(0.45, 0.35), s1.at(0.8, 0.26), s2.at(0.3, 0.12), width=0.36, phi=s1.phi
    )
    return Nerves(cord, cauda, roots)
