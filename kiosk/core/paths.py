"""Where the shipped content and assets live, in a checkout and in an installed wheel.

A clinic edits `content/` and `assets/` at the top of the project; a wheel carries copies of them
as `kiosk/_shipped/` (see setup.py). The configuration may point elsewhere; these are defaults.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parents[1]  # kiosk/


def shipped(name: str) -> Path:
    """Return the shipped folder `name` ("content" or "assets"), installed copy first."""
    bundled = _PACKAGE / "_shipped" / name
    if bundled.is_dir():
        return bundled
    return _PACKAGE.parent / name
