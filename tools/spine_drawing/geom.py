"""Plane geometry for the spine drawing: points as (x, y) tuples, y down as on screen, and the
SVG path text of rounded polygons and smooth closed curves through them."""

from __future__ import annotations

import math

U = 16.0  # drawing units per centimetre
Point = tuple[float, float]


def add(a: Point, b: Point) -> Point:
    return (a[0] + b[0], a[1] + b[1])


def sub(a: Point, b: Point) -> Point:
    return (a[0] - b[0], a[1] - b[1])


def mul(a: Point, k: float) -> Point:
    return (a[0] * k, a[1] * k)


def lerp(a: Point, b: Point, t: float) -> Point:
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)


def length(a: Point) -> float:
    return math.hypot(a[0], a[1])


def unit(a: Point) -> Point:
    n = length(a) or 1.0
    return (a[0] / n, a[1] / n)


def down(phi: float) -> Point:
    """The spine's direction going down, phi degrees turned towards the back (+x)."""
    r = math.radians(phi)
    return (math.sin(r), math.cos(r))


def back(phi: float) -> Point:
    """Perpendicular to down(phi), pointing to the back of the body."""
    r = math.radians(phi)
    return (math.cos(r), -math.sin(r))


def fmt(v: float) -> str:
    """A coordinate as the SVG holds it: one decimal at most, no "-0"."""
    s = f"{v:.1f}"
    if s.endswith(".0"):
        s = s[:-2]
    if s == "-0":
        s = "0"
    return s


def pt(p: Point) -> str:
    return f"{fmt(p[0])},{fmt(p[1])}"


def area(points: list[Point]) -> float:
    """Signed area (positive: clockwise on screen, y down)."""
    s = 0.0
    for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1], strict=True):
        s += x0 * y1 - x1 * y0
    return s / 2


def clockwise(points: list[Point]) -> list[Point]:
    """The same outline, wound clockwise on screen, so shapes in one path never cancel out."""
    return points if area(points) >= 0 else points[::-1]


def rounded(points: list[Point], radii: list[float] | float) -> str:
    """A closed path through `points` with each corner rounded by its radius (drawing units)."""
    n = len(points)
    if isinstance(radii, int | float):
        radii = [float(radii)] * n
    if area(points) < 0:
        points, radii = points[::-1], radii[::-1]
    parts = []
    for i in range(n):
        p0, p1, p2 = points[i - 1], points[i], points[(i + 1) % n]
        a, b = sub(p0, p1), sub(p2, p1)
        r = min(radii[i], length(a) * 0.49, length(b) * 0.49)
        parts.append((add(p1, mul(unit(a), r)), p1, add(p1, mul(unit(b), r))))
    d = [f"M{pt(parts[0][2])}"]
    for i in range(1, n + 1):
        s, c, e = parts[i % n]
        d.append(f"L{pt(s)}Q{pt(c)} {pt(e)}")
    d.append("Z")
    return "".join(d)


def _closed_curve(points: list[Point], tension: float) -> str:
    """A closed Catmull-Rom curve through `points` in their order, as cubic Beziers."""
    n = len(points)
    d = [f"M{pt(points[0])}"]
    for i in range(n):
        p0, p1, p2, p3 = points[i - 1], points[i], points[(i + 1) % n], points[(i + 2) % n]
        c1 = add(p1, mul(sub(p2, p0), tension / 6))
        c2 = sub(p2, mul(sub(p3, p1), tension / 6))
        d.append(f"C{pt(c1)} {pt(c2)} {pt(p2)}")
    d.append("Z")
    return "".join(d)


def smooth(points: list[Point], tension: float = 1.0) -> str:
    """A smooth closed curve through `points`, wound clockwise (a shape)."""
    return _closed_curve(clockwise(points), tension)


def hole(points: list[Point]) -> str:
    """A smooth closed curve wound counter-clockwise: a hole in the shape drawn before it in
    the same path (the SVG's default nonzero fill)."""
    return _closed_curve(clockwise(points)[::-1], 1.0)


def ellipse(c: Point, rx: float, ry: float, angle: float, steps: int = 8) -> list[Point]:
    """`steps` points around an ellipse centred on c, its rx axis turned `angle` degrees."""
    r = math.radians(angle)
    ca, sa = math.cos(r), math.sin(r)
    pts = []
    for k in range(steps):
        t = 2 * math.pi * k / steps
        x, y = rx * math.cos(t), ry * math.sin(t)
        pts.append((c[0] + x * ca - y * sa, c[1] + x * sa + y * ca))
    return pts


def tube(centre: list[Point], widths: list[float]) -> list[Point]:
    """The outline of a band of the given widths around a centre line, both ends rounded off
    (for smooth())."""
    n = len(centre)
    left, right = [], []
    for i in range(n):
        t = unit(sub(centre[min(i + 1, n - 1)], centre[max(i - 1, 0)]))
        nrm = (-t[1], t[0])
        w = widths[i] / 2
        left.append(add(centre[i], mul(nrm, w)))
        right.append(sub(centre[i], mul(nrm, w)))
    end_t = unit(sub(centre[-1], centre[-2]))
    start_t = unit(sub(centre[1], centre[0]))
    tip = add(centre[-1], mul(end_t, widths[-1] * 0.45))
    start = sub(centre[0], mul(start_t, widths[0] * 0.45))
    return [*left, tip, *right[::-1], start]


def catmull_points(points: list[Point], per: int) -> list[Point]:
    """Dense points along an open Catmull-Rom curve (for measuring and offsetting), `per`
    points between each two of `points`."""
    out: list[Point] = []
    n = len(points)
    for i in range(n - 1):
        p0 = points[max(i - 1, 0)]
        p1, p2 = points[i], points[i + 1]
        p3 = points[min(i + 2, n - 1)]
        for k in range(per):
            t = k / per
            out.append(
                (_catmull(p0[0], p1[0], p2[0], p3[0], t), _catmull(p0[1], p1[1], p2[1], p3[1], t))
            )
    out.append(points[-1])
    return out


def _catmull(a: float, b: float, c: float, d: float, t: float) -> float:
    """One coordinate of the Catmull-Rom segment from b to c at t (a and d its neighbours)."""
    t2, t3 = t * t, t * t * t
    return 0.5 * (
        2 * b + (-a + c) * t + (2 * a - 5 * b + 4 * c - d) * t2 + (-a + 3 * b - 3 * c + d) * t3
    )


def nearest(line: list[Point], p: Point) -> Point:
    """The point of `line` closest to p."""
    return min(line, key=lambda q: length(sub(q, p)))
