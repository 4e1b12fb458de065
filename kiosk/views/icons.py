"""The kiosk's SVG icons, drawn in whatever colour the current palette gives them.

Icon files in `assets/icons/` are drawn in #000000 only; that string is swapped for the
wanted colour before rendering, so one set of files serves every theme.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon, QPixmap

from kiosk.views.svg import render_svg

INK = b"#000000"


class IconSet:
    """Loads and caches recoloured icons; a missing icon is an empty pixmap, never a crash."""

    def __init__(self, folder: Path) -> None:
        self._folder = folder
        self._sources: dict[str, bytes] = {}
        self._cache: dict[tuple[str, str, int, float], QPixmap] = {}

    def exists(self, name: str) -> bool:
        return (self._folder / f"{name}.svg").is_file()

    def pixmap(self, name: str, colour: str, size: int, ratio: float = 1.0) -> QPixmap:
        key = (name, colour, size, ratio)
        cached = self._cache.get(key)
        if cached is None:
            cached = self._render(name, colour, size, ratio)
            # Colours x sizes x icons is small and fixed, so the cache cannot grow for weeks.
            self._cache[key] = cached
        return cached

    def icon(self, name: str, colour: str, size: int) -> QIcon:
        return QIcon(self.pixmap(name, colour, size))

    def _render(self, name: str, colour: str, size: int, ratio: float) -> QPixmap:
        source = self._source(name)
        side = round(size * ratio)
        if not source:
            pixmap = QPixmap(side, side)
            pixmap.fill(Qt.GlobalColor.transparent)
        else:
            recoloured = source.replace(INK, colour.encode("ascii"))
            pixmap = QPixmap.fromImage(render_svg(recoloured, side, side))
        pixmap.setDevicePixelRatio(ratio)
        return pixmap

    def _source(self, name: str) -> bytes:
        if name not in self._sources:
            try:
                self._sources[name] = (self._folder / f"{name}.svg").read_bytes()
            except OSError:
                self._sources[name] = b""
        return self._sources[name]


def icon_size(text_size: int) -> QSize:
    """Icons grow with the text so a large-text page keeps its proportions."""
    side = round(56 * (100 + (text_size - 100) / 2) / 100)
    return QSize(side, side)
