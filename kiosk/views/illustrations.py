"""The topic pictures (assets/illustrations/<slug>.svg), in the current palette's colours.

Each drawing has an empty style element; illustrations.css, its `$ill_*` placeholders filled
from the palette, goes into it, as the spine's stylesheet does for the spine. A picture is drawn
once per palette, size and pixel ratio and kept (a dozen topics, two palettes, a few sizes: the
cache cannot grow for weeks). A missing or unreadable drawing is no picture, never an error.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QPixmap
from PySide6.QtSvg import QSvgRenderer

from kiosk.core.theme import Look, Palette, restyled, stylesheet
from kiosk.views.svg import render_svg

STYLESHEET = "illustrations.css"


class Illustrations:
    """Loads, colours and caches the pictures in `folder`."""

    def __init__(self, folder: Path) -> None:
        self._folder = folder
        self._css: str | None = None
        self._cache: dict[tuple[str, str, int, float], QPixmap] = {}

    def exists(self, name: str) -> bool:
        return (self._folder / f"{name}.svg").is_file()

    def pixmap(self, name: str, palette: Palette, height: int, ratio: float = 1.0) -> QPixmap:
        """The picture `name`, `height` pixels tall (times `ratio` on a dense screen), its
        width from the drawing's shape; an empty pixmap if there is no such drawing."""
        key = (name, palette.name, height, ratio)
        if key not in self._cache:
            self._cache[key] = self._draw(name, palette, height, ratio)
        return self._cache[key]

    def drawn(self, name: str, palette: Palette, height: int, ratio: float = 1.0) -> QPixmap:
        """As `pixmap()`, drawn afresh and not kept: for screen-sized pictures (the attract
        loop's), which would hold megabytes each in the cache. ~6 ms at 1000x750."""
        return self._draw(name, palette, height, ratio)

    def _draw(self, name: str, palette: Palette, height: int, ratio: float) -> QPixmap:
        try:
            svg = (self._folder / f"{name}.svg").read_text(encoding="utf-8")
            if self._css is None:
                self._css = (self._folder / STYLESHEET).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return QPixmap()
        coloured = restyled(svg, stylesheet(self._css, Look(palette)))
        renderer = QSvgRenderer(QByteArray(coloured.encode("utf-8")))
        box = renderer.viewBoxF()
        if not renderer.isValid() or box.height() <= 0:
            return QPixmap()
        side = round(height * ratio)
        pixmap = QPixmap.fromImage(
            render_svg(renderer, round(side * box.width() / box.height()), side)
        )
        pixmap.setDevicePixelRatio(ratio)
        return pixmap
