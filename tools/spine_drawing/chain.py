"""The spine as a chain of segments: each vertebral body and disc placed below the one above,
turned by its own angle, from C2 down to the tip of the coccyx.

Vertebral bodies are nearly rigid blocks and the curves come from the discs' wedge angles (with
a little body wedging in the chest and at L5), so the neck and low-back curves (lordosis) and
the chest's curve (kyphosis) follow from the measures below (cm, typical adult). The chain is
turned as a whole so the head sits balanced over the pelvis.
"""

from __future__ import annotations

from dataclasses import dataclass

from .geom import Point, U, add, back, down, lerp, mul, sub


@dataclass
class Seg:
    """One link of the chain: a vertebral body, a disc, a piece of the sacrum or coccyx."""

    name: str
    h: float  # height along the spine, cm
    depth: float  # front to back, cm
    turn: float  # degrees the lower end turns from the upper (+ lordotic, - kyphotic)
    behind: float = 0.0  # sacrum: how far the canal and the back plate reach behind the body, cm
    # discs: the depths of the bodies above and below, cm
    end_depths: tuple[float, float] = (0.0, 0.0)
    top_c: Point = (0.0, 0.0)
    bot_c: Point = (0.0, 0.0)
    phi_top: float = 0.0
    phi_bot: float = 0.0

    @property
    def phi(self) -> float:
        return (self.phi_top + self.phi_bot) / 2

    def corners(
        self, depth_top: float | None = None, depth_bot: float | None = None
    ) -> tuple[Point, Point, Point, Point]:
        """Top-front, top-back, bottom-back, bottom-front."""
        dt = (depth_top or self.depth) * U / 2
        db = (depth_bot or self.depth) * U / 2
        tf = sub(self.top_c, mul(back(self.phi_top), dt))
        tb = add(self.top_c, mul(back(self.phi_top), dt))
        bf = sub(self.bot_c, mul(back(self.phi_bot), db))
        bb = add(self.bot_c, mul(back(self.phi_bot), db))
        return tf, tb, bb, bf

    def local(self, u: float, v: float) -> Point:
        """u cm behind the body's front, v cm below its top, in its middle frame."""
        phi = self.phi
        origin = sub(self.top_c, mul(back(phi), self.depth * U / 2))
        return add(origin, add(mul(back(phi), u * U), mul(down(phi), v * U)))

    def at(self, t: float, behind_back: float) -> Point:
        """`behind_back` cm behind the back of the body, a fraction t of the way down."""
        phi = self.phi_top + (self.phi_bot - self.phi_top) * t
        c = lerp(self.top_c, self.bot_c, t)
        return add(c, mul(back(phi), (self.depth / 2 + behind_back) * U))


@dataclass
class Vertebra:
    """A vertebra from C2 to L5: its body, the disc below it, the measures of its back parts."""

    name: str
    region: str  # "C", "T" or "L"
    body: Seg
    pedicle: float  # how far behind the body the pillar of articular processes begins, cm
    spinous: float  # length of the spinous process, cm
    angle: float  # the spinous process points this many degrees down from straight back
    disc: Seg


Row = tuple[str, float, float, float, float, float, float, tuple[float, float]]

# name, height, depth, pedicle, spinous length, spinous angle, body wedge, (disc h, disc turn)
CERVICAL: list[Row] = [
    ("C2", 1.55, 1.55, 1.3, 1.7, 14, 0, (0.5, 6)),
    ("C3", 1.35, 1.55, 1.3, 1.1, 20, 0, (0.55, 6)),
    ("C4", 1.35, 1.6, 1.3, 1.15, 22, 0, (0.55, 6)),
    ("C5", 1.35, 1.65, 1.3, 1.2, 24, 0, (0.55, 6)),
    ("C6", 1.4, 1.7, 1.3, 1.5, 24, 0, (0.55, 5)),
    ("C7", 1.5, 1.75, 1.3, 2.2, 20, 0, (0.5, 0)),
]
# The chest's spinous processes: long, and steepest (pointing down) in the middle.
_TS = [2.6, 2.9, 3.1, 3.2, 3.3, 3.3, 3.3, 3.2, 3.0, 2.7, 2.4, 2.2]
_TA = [28, 36, 44, 50, 55, 58, 58, 56, 50, 40, 28, 16]
THORACIC: list[Row] = [
    (
        f"T{i + 1}",
        1.7 + 0.7 * i / 11,
        1.8 + 1.2 * i / 11,
        1.1,
        _TS[i],
        _TA[i],
        -1.4,
        ((0.48 + 0.25 * i / 10, -2.1) if i < 11 else (0.75, 2)),
    )
    for i in range(12)
]
LUMBAR: list[Row] = [
    ("L1", 2.5, 3.2, 1.6, 2.1, 8, 0, (0.9, 5)),
    ("L2", 2.6, 3.3, 1.6, 2.2, 6, 0, (1.0, 8)),
    ("L3", 2.7, 3.4, 1.6, 2.2, 4, 0, (1.1, 10)),
    ("L4", 2.7, 3.5, 1.6, 2.0, 4, 1, (1.15, 12)),
    ("L5", 2.6, 3.5, 1.6, 1.6, 6, 4, (1.0, 15)),
]
SACRUM = [  # name, height, depth of the body, what is behind it (canal, back plate), turn
    ("S1", 2.4, 4.0, 2.4, -7),
    ("S2", 2.0, 3.3, 2.1, -9),
    ("S3", 1.7, 2.7, 1.7, -10),
    ("S4", 1.4, 2.1, 1.1, -10),
    ("S5", 1.1, 1.5, 0.5, -8),
]
COCCYX = [(0.95, 1.25, -12), (0.75, 0.95, -12), (0.6, 0.72, -12), (0.45, 0.5, -10)]
CUT_CM = 17.0  # the body outline ends this far below the top of S1
BALANCE_CM = -0.5  # the tip of the dens this far behind the back corner of S1's top


@dataclass
class Spine:
    vertebrae: list[Vertebra]  # C2 to L5 (C1, the atlas, is drawn around C2's dens)
    sacrum: list[Seg]  # S1 to S5
    coccyx: list[Seg]


def _chain(phi0: float) -> Spine:
    """The chain hung from the top of C2, which points phi0 degrees towards the back."""
    c: Point = (0.0, 0.0)
    phi = phi0

    def place(seg: Seg) -> Seg:
        nonlocal c, phi
        seg.top_c, seg.phi_top = c, phi
        seg.phi_bot = phi + seg.turn
        c = add(c, mul(down(seg.phi), seg.h * U))
        seg.bot_c = c
        phi = seg.phi_bot
        return seg

    rows = [(r, "C") for r in CERVICAL] + [(r, "T") for r in THORACIC]
    rows += [(r, "L") for r in LUMBAR]
    names = [r[0] for r, _ in rows] + ["S1"]
    depths = [r[2] for r, _ in rows] + [SACRUM[0][2]]
    vertebrae = []
    for k, ((name, h, depth, ped, sp, ang, wedge, (dh, dturn)), region) in enumerate(rows):
        body = place(Seg(name, h, depth, wedge))
        below = (depth, depths[k + 1])
        disc_depth = (depth + depths[k + 1]) / 2
        disc = Seg(f"{name}-{names[k + 1]}", dh, disc_depth, dturn, end_depths=below)
        vertebrae.append(Vertebra(name, region, body, ped, sp, ang, place(disc)))
    sacrum = [place(Seg(n, h, d, t, behind=b)) for n, h, d, b, t in SACRUM]
    coccyx = []
    for h, d, t in COCCYX:
        place(Seg("gap", 0.14, d, 0))
        coccyx.append(place(Seg("Co", h, d, t)))
    return Spine(vertebrae, sacrum, coccyx)


def build_chain() -> Spine:
    """The chain, turned so the head balances over the pelvis (found by bisection)."""
    lo, hi = -60.0, 40.0
    for _ in range(40):
        phi0 = (lo + hi) / 2
        spine = _chain(phi0)
        dens_x = dens_tip(spine.vertebrae[0])[0]
        s1_back = spine.sacrum[0].corners()[1][0]
        if dens_x - s1_back > BALANCE_CM * U:
            lo = phi0
        else:
            hi = phi0
    return spine


def dens_tip(c2: Vertebra) -> Point:
    """The tip of C2's dens, the peg the atlas (C1) turns around."""
    return c2.body.local(0.85, -1.3)
