"""The spine drawing a patient touches: tap a part, pinch or double-tap to zoom, drag to pan.

The drawing is one cached SVG item; the chosen region is drawn again on top, part by part, in
the highlight colours. Taps are resolved against a "pick" image in which every tappable part
is painted, a little fattened, in its own flat colour, searched within a fingertip's reach of
the touch, so a thin disc or nerve root can be hit without pixel-perfect aim.

The labels (neck, upper back...) stand in a column before the front of the body, each with a
leader line to a dot on its part of the spine; the whole spine is fitted with that column.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Sequence

from PySide6.QtCore import QByteArray, QEvent, QLineF, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QMouseEvent,
    QPainter,
    QPen,
    QPixmap,
    QResizeEvent,
    QTouchEvent,
    QTransform,
    QWheelEvent,
)
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtSvgWidgets import QGraphicsSvgItem
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsLineItem,
    QGraphicsPixmapItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QWidget,
)

from kiosk.core.anatomy import SpineDrawing
from kiosk.views.svg import render_svg

MAX_ZOOM = 6.0
SETTLE_MS = 150  # a zoom that has paused this long is over: draw the drawing crisp again
MAX_CACHE_SCALE = 2.0  # cached pixels per drawing unit, at most
DOUBLE_TAP_SECONDS = 0.35
DOUBLE_TAP_PX = 60
TAP_SLOP_PX = 14  # a finger that moved less than this still tapped
REACH_PX = 30  # about 7 mm: how far from the touch a part may be and still be "hit"
FIT_MARGIN = 0.98  # the whole drawing, labels and all, fills this share of the view
LABEL_GAP_PX = 12  # between a label's last letter and the start of its leader line
LEADER_PX = 3  # the leader line's width on screen
DOT_PX = 8  # the radius of the dot that ends a leader line on its part


class _Label:
    """A label, its leader line and the dot on its part (scene point `anchor`)."""

    def __init__(self, scene: QGraphicsScene, text: str, area: QRectF) -> None:
        self.area = area
        self.anchor = area.center()
        self.text = QGraphicsSimpleTextItem(text)
        self.line = QGraphicsLineItem()
        self.dot = QGraphicsEllipseItem(-DOT_PX, -DOT_PX, 2 * DOT_PX, 2 * DOT_PX)
        for item, z in ((self.line, 4), (self.dot, 4.5), (self.text, 4.5)):
            item.setZValue(z)
            scene.addItem(item)
        # Words and the dot keep their size on screen when the drawing is zoomed.
        self.text.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.dot.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)

    def remove(self, scene: QGraphicsScene) -> None:
        for item in (self.text, self.line, self.dot):
            scene.removeItem(item)


class _Gesture:
    """What the fingers on the glass are doing right now."""

    def __init__(self) -> None:
        self.start = QPointF()
        self.last = QPointF()
        self.moved = False
        self.pinched = False
        self.spread = 0.0


class SpineCanvas(QGraphicsView):
    """Shows the drawing and reports taps as part ids ("" for empty space)."""

    part_tapped = Signal(str)
    zoom_changed = Signal(float)

    def __init__(
        self,
        drawing: SpineDrawing,
        *,
        clock: Callable[[], float] = time.monotonic,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        # PySide lets an unreferenced scene be collected; the view keeps its own reference.
        self._scene = QGraphicsScene(self)
        self.setScene(self._scene)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setRenderHints(
            QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform
        )
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.viewport().setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self._gesture = _Gesture()
        self._last_tap = (-math.inf, QPointF())
        self._press = QPointF()
        self._fit_scale = 1.0
        self._renderers: dict[str, QSvgRenderer] = {}
        self._highlights: list[QGraphicsSvgItem] = []
        self._chosen = ""
        self._labels: list[_Label] = []
        self._marker = self._make_marker()
        self._base = QGraphicsPixmapItem()
        self._base.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self._base_scale = 0.0
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self._on_zoom_settled)
        self._scene.addItem(self._base)
        self._pick = QImage()
        self._tappable: tuple[str, ...] = ()
        self.set_drawing(drawing)

    # -- what is shown ---------------------------------------------------------------------

    def set_drawing(self, drawing: SpineDrawing) -> None:
        """Show the drawing in new colours (a theme change); the highlight is kept."""
        parts = self.highlighted
        self._renderers = {
            name: QSvgRenderer(QByteArray(data), self)
            for name, data in (
                ("plain", drawing.plain),
                ("region", drawing.region),
                ("chosen", drawing.chosen),
            )
        }
        box = self._renderers["plain"].viewBoxF()
        self._box = box
        self._base_scale = 0.0
        self._on_zoom_settled()
        self._scene.setSceneRect(box)
        self._tappable = drawing.tappable
        self._pick = _render_pick(drawing.pick, self._renderers["plain"].viewBoxF())
        self._place_labels()
        if parts:
            self.highlight(parts, self._chosen)

    def highlight(self, parts: Sequence[str], chosen: str = "") -> None:
        """Draw `parts` in the region colours and `chosen` in the stronger one."""
        for item in self._highlights:
            self._scene.removeItem(item)
        self._highlights = []
        self._chosen = chosen
        for part in parts:
            renderer = self._renderers["chosen" if part == chosen else "region"]
            item = QGraphicsSvgItem()
            item.setSharedRenderer(renderer)
            item.setElementId(part)
            item.setPos(renderer.boundsOnElement(part).topLeft())
            item.setZValue(3 if part == chosen else 2)
            self._scene.addItem(item)
            self._highlights.append(item)
        if not parts:
            self._marker.hide()

    def drawing_box(self) -> QRectF:
        """The drawing's own area (its view box), in drawing units: the scene without the
        label column."""
        return QRectF(self._box)

    def group_bounds(self, group: str) -> QRectF:
        """Where a group of the drawing (`group-lumbar`) lies, in drawing units."""
        return self._renderers["plain"].boundsOnElement(group)

    @property
    def highlighted(self) -> tuple[str, ...]:
        return tuple(item.elementId() for item in self._highlights)

    def set_labels(self, labels: Sequence[tuple[str, QRectF]]) -> None:
        """Label each area of the drawing (a group's bounds): the words in a column before the
        front of the body, a leader line from them to a dot on the first part of the spine met
        going back from the front at the area's middle height. They keep their size on zoom."""
        for label in self._labels:
            label.remove(self._scene)
        self._labels = [_Label(self._scene, text, area) for text, area in labels]
        self.restyle_labels(QColor("black"), self.font(), QColor("white"))

    def restyle_labels(self, colour: QColor, font: QFont, halo: QColor) -> None:
        """Words, lines and dots in `colour`; each dot ringed in `halo` (the background) so it
        shows on a bone of any colour."""
        pen = QPen(colour, LEADER_PX)
        pen.setCosmetic(True)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        for label in self._labels:
            label.text.setBrush(colour)
            label.text.setFont(font)
            label.line.setPen(pen)
            label.dot.setBrush(colour)
            label.dot.setPen(QPen(halo, 3))
        self._place_labels()
        if math.isclose(self.zoom, 1.0):
            self.reset_zoom()  # the column's width changed: fit the drawing again
        else:
            self._refit()

    def label_layout(self) -> list[tuple[str, QRectF, QLineF]]:
        """Each label's words, where they show and its leader line, in viewport pixels: what a
        patient sees beside the drawing."""
        out = []
        to_view = self.viewportTransform()
        for label in self._labels:
            shown = label.text.deviceTransform(to_view).mapRect(label.text.boundingRect())
            line = to_view.map(label.line.line())
            out.append((label.text.text(), shown, line))
        return out

    def _place_labels(self) -> None:
        left = self._box.left()
        for label in self._labels:
            label.anchor = self._first_part_across(label.area)
            y = label.anchor.y()
            width = label.text.boundingRect().width()
            height = label.text.boundingRect().height()
            label.text.setPos(left, y)
            # Anchored in scene units, offset in screen pixels: ends just before the line.
            label.text.setTransform(QTransform.fromTranslate(-width - LABEL_GAP_PX, -height / 2))
            label.line.setLine(QLineF(QPointF(left, y), label.anchor))
            label.dot.setPos(label.anchor)

    def _first_part_across(self, area: QRectF) -> QPointF:
        """Where a line across `area` at its middle height first meets a tappable part, coming
        from the front of the body (a few units inside it); the area's middle if none."""
        middle = area.center()
        for dy in (0, -6, 6, -12, 12, -20, 20):
            y = int(middle.y()) + dy
            for x in range(max(int(area.left()), 1), int(area.right())):
                if self._pick_index(x, y) is not None:
                    return QPointF(x + 5, y)
        return middle

    def _label_room(self) -> float:
        """Screen pixels the label column needs before the front of the drawing."""
        widths = [label.text.boundingRect().width() for label in self._labels]
        return max(widths) + LABEL_GAP_PX if widths else 0.0

    def mark(self, part: str) -> None:
        """Pin a marker on `part`: "this is where it hurts"."""
        bounds = self._renderers["plain"].boundsOnElement(part)
        self._marker.setPos(bounds.center())
        self._marker.show()

    @property
    def marked(self) -> bool:
        return self._marker.isVisible()

    def part_centre(self, part: str) -> QPointF:
        """A scene point well inside `part` as it shows (not under another part), near its
        middle: where a finger aiming at the part lands."""
        index = self._tappable.index(part)
        bounds = self._renderers["plain"].boundsOnElement(part)
        centre = bounds.center()
        best: tuple[int, float, QPointF] | None = None
        for y in range(int(bounds.top()), int(bounds.bottom()) + 1):
            for x in range(int(bounds.left()), int(bounds.right()) + 1):
                if self._pick_index(x, y) != index:
                    continue
                # Prefer points with the part all around them, then the middle.
                inside = sum(
                    self._pick_index(x + dx, y + dy) == index
                    for dx in (-3, 0, 3)
                    for dy in (-3, 0, 3)
                )
                key = (-inside, math.hypot(x - centre.x(), y - centre.y()))
                if best is None or key < best[:2]:
                    best = (*key, QPointF(x + 0.5, y + 0.5))
        return best[2] if best else centre

    # -- zoom ------------------------------------------------------------------------------

    @property
    def zoom(self) -> float:
        """1.0 when the whole drawing fits; larger when zoomed in."""
        return self.transform().m11() / self._fit_scale

    def reset_zoom(self) -> None:
        """The whole drawing, with its labels, as large as the view allows, in the middle."""
        self.resetTransform()
        if not self._refit():
            # Not laid out yet: keep a usable scale until a real size arrives.
            self._fit_scale = 1.0
            return
        self.scale(self._fit_scale, self._fit_scale)
        self.centerOn(self._scene.sceneRect().center())
        self._on_zoom_settled()
        self.zoom_changed.emit(1.0)

    def _refit(self) -> bool:
        """Work out the scale at which the drawing and its label column fill the view, and
        make room for the column in the scene; False while the view has no size yet."""
        width, height = self.viewport().width(), self.viewport().height()
        if self._box.isEmpty() or width < 2 or height < 2:
            return False
        self._fit_scale = self.fit_scale_for(width, height)
        self._scene.setSceneRect(self._box.adjusted(-self._label_room() / self._fit_scale, 0, 0, 0))
        return True

    def width_needed(self, height: float) -> float:
        """How wide a view `height` tall must be to show the drawing as tall as it allows,
        labels and all: any wider only adds margin."""
        box = self._box
        if box.isEmpty():
            return 0.0
        scale = height * FIT_MARGIN / box.height()
        return (self._label_room() + box.width() * scale) / FIT_MARGIN

    def fit_scale_for(self, width: float, height: float) -> float:
        """The scale at which the whole drawing and its label column fill a view this size."""
        box = self._box
        if box.isEmpty():
            return 1.0
        room = self._label_room()
        across = (width * FIT_MARGIN - room) / box.width()
        return max(min(across, height * FIT_MARGIN / box.height()), 0.05)

    def zoom_by(self, factor: float, around: QPointF | None = None) -> None:
        """Zoom by `factor` keeping the viewport point `around` (default: centre) still."""
        anchor = around if around is not None else QPointF(self.viewport().rect().center())
        target = max(1.0, min(MAX_ZOOM, self.zoom * factor))
        factor = target / self.zoom
        if math.isclose(factor, 1.0):
            return
        self._zooming()
        before = self.mapToScene(anchor.toPoint())
        self.scale(factor, factor)
        after = self.mapToScene(anchor.toPoint())
        self.translate(after.x() - before.x(), after.y() - before.y())
        self.zoom_changed.emit(self.zoom)

    def _zooming(self) -> None:
        """While the scale keeps changing, the cached picture of the drawing is only scaled,
        roughly; once it settles it is drawn again at the new size, smoothly."""
        self.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        self._settle.start()

    def _on_zoom_settled(self) -> None:
        """Draw the drawing into one picture at the current scale (at most twice the drawing's
        own size: 14 MB); every repaint, a highlight or a pan, is then a copy of it.

        Rendering the SVG costs 7-10 ms a frame. QGraphicsSvgItem's own caches do not help:
        its device cache is off for anything taller than 768 pixels, and at a cache size of its
        choosing the drawing lands shifted once zoomed (Qt 6.11).
        """
        self.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        scale = min(max(self.transform().m11(), 0.25), MAX_CACHE_SCALE)
        if math.isclose(scale, self._base_scale, rel_tol=0.02):
            return
        self._base_scale = scale
        box = self._box
        image = render_svg(
            self._renderers["plain"],
            math.ceil(box.width() * scale),
            math.ceil(box.height() * scale),
        )
        self._base.setPixmap(QPixmap.fromImage(image))
        self._base.setScale(box.width() / image.width())
        self._base.setPos(box.topLeft())

    # -- input -----------------------------------------------------------------------------

    def viewportEvent(self, event: QEvent) -> bool:
        kind = event.type()
        if kind in (
            QEvent.Type.TouchBegin,
            QEvent.Type.TouchUpdate,
            QEvent.Type.TouchEnd,
            QEvent.Type.TouchCancel,
        ) and isinstance(event, QTouchEvent):
            self._on_touch(event)
            event.accept()
            return True
        return super().viewportEvent(event)

    def _on_touch(self, event: QTouchEvent) -> None:
        points = [p.position() for p in event.points()]
        gesture = self._gesture
        kind = event.type()
        if kind == QEvent.Type.TouchBegin:
            self._gesture = gesture = _Gesture()
            gesture.start = gesture.last = points[0]
        if len(points) >= 2:
            spread = math.dist(points[0].toTuple(), points[1].toTuple())
            middle = (points[0] + points[1]) / 2
            if gesture.pinched and gesture.spread > 0:
                self.zoom_by(spread / gesture.spread, middle)
            gesture.pinched, gesture.spread = True, spread
            gesture.last = middle
        elif points and not gesture.pinched and kind != QEvent.Type.TouchEnd:
            if math.dist(points[0].toTuple(), gesture.start.toTuple()) > TAP_SLOP_PX:
                gesture.moved = True
            if gesture.moved:
                self._pan(points[0] - gesture.last)
            gesture.last = points[0]
        if kind == QEvent.Type.TouchEnd and not (gesture.moved or gesture.pinched):
            self._on_tap(gesture.start)

    def _pan(self, delta: QPointF) -> None:
        horizontal, vertical = self.horizontalScrollBar(), self.verticalScrollBar()
        horizontal.setValue(horizontal.value() - round(delta.x()))
        vertical.setValue(vertical.value() - round(delta.y()))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press = event.position()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if math.dist(event.position().toTuple(), self._press.toTuple()) <= TAP_SLOP_PX:
            self._on_tap(event.position())

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        # Handled as a tap; two quick taps zoom in (see _on_tap).
        self.mousePressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        self.zoom_by(1.15 if event.angleDelta().y() > 0 else 1 / 1.15, event.position())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        zoomed = self.zoom > 1.001
        centre = self.mapToScene(self.viewport().rect().center())
        self.reset_zoom()
        if zoomed:
            self.centerOn(centre)

    def _on_tap(self, position: QPointF) -> None:
        now = self._clock()
        last_time, last_position = self._last_tap
        double = (
            now - last_time <= DOUBLE_TAP_SECONDS
            and math.dist(position.toTuple(), last_position.toTuple()) <= DOUBLE_TAP_PX
        )
        self._last_tap = (-math.inf, QPointF()) if double else (now, position)
        if double:
            self.zoom_by(2.0, position)
            return
        self.part_tapped.emit(self.part_at(position))

    def part_at(self, position: QPointF) -> str:
        """The part under a viewport point, or the nearest within a fingertip's reach."""
        scene = self.mapToScene(position.toPoint())
        reach = REACH_PX / max(self.transform().m11(), 1e-6)
        x0, y0 = scene.x(), scene.y()
        exact = self._pick_index(int(x0), int(y0))
        if exact is not None:
            return self._tappable[exact]
        best: tuple[float, int] | None = None
        step = max(1, int(reach / 8))
        radius = int(reach)
        for dy in range(-radius, radius + 1, step):
            for dx in range(-radius, radius + 1, step):
                distance = math.hypot(dx, dy)
                if distance > reach or (best is not None and distance >= best[0]):
                    continue
                found = self._pick_index(int(x0 + dx), int(y0 + dy))
                if found is not None:
                    best = (distance, found)
        return self._tappable[best[1]] if best else ""

    def _pick_index(self, x: int, y: int) -> int | None:
        """The part painted at pick pixel (x, y), if that pixel is safely inside it.

        QtSvg always antialiases, so pixels on an edge hold blends of two parts' colours that
        may spell a third part's number. A pixel counts only when its four neighbours hold the
        same colour: blends live on one-pixel edges, never inside a part.
        """
        pick = self._pick
        if not (pick.valid(x - 1, y - 1) and pick.valid(x + 1, y + 1)):
            return None
        value = pick.pixel(x, y)
        if value >> 24 != 0xFF or any(
            pick.pixel(nx, ny) != value
            for nx, ny in ((x - 1, y), (x + 1, y), (x, y - 1), (x, y + 1))
        ):
            return None
        index = (value & 0xFFFFFF) - 1
        return index if 0 <= index < len(self._tappable) else None

    def _make_marker(self) -> QGraphicsEllipseItem:
        marker = QGraphicsEllipseItem(-14, -14, 28, 28)
        marker.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        marker.setPen(QPen(QColor("white"), 5))
        marker.setBrush(QColor("#C0143C"))
        marker.setZValue(5)
        marker.hide()
        self._scene.addItem(marker)
        return marker


def _render_pick(svg: bytes, box: QRectF) -> QImage:
    """The pick image, one pixel per drawing unit, without antialiasing (exact colours)."""
    return render_svg(svg, math.ceil(box.width()), math.ceil(box.height()), smooth=False)
