"""Drawing SVG into an image: the one place the kiosk does it (icons, the spine, the attract
loop's picture, the spine's pick image)."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgRenderer


def render_svg(
    source: bytes | QSvgRenderer, width: int, height: int, *, smooth: bool = True
) -> QImage:
    """`source` drawn to fill a transparent `width` x `height` image.

    `smooth=False` asks for no antialiasing (QtSvg antialiases regardless, see SpineCanvas).
    """
    renderer = source if isinstance(source, QSvgRenderer) else QSvgRenderer(QByteArray(source))
    image = QImage(max(1, width), max(1, height), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, smooth)
    renderer.render(painter, QRectF(0, 0, image.width(), image.height()))
    painter.end()
    return image
