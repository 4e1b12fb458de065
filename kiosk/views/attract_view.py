"""The attract loop: what the kiosk shows when nobody is using it, read from across the room.

One topic at a time: its picture as large as the screen allows, its title as a headline of
some 100 pixels, its summary, and under them a gently pulsing "Touch the screen to start".
Every few seconds the next topic fades in; the spine drawing closes each round. The motion
runs only while the loop is on screen, and not at all where the clinic asks for reduced motion
(`[kiosk] reduced_motion`). Any touch goes home: IdleWatch sees it, not this view.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from PySide6.QtCore import (
    QByteArray,
    QEvent,
    QObject,
    QSize,
    Qt,
    QTimer,
    QVariantAnimation,
)
from PySide6.QtGui import QHideEvent, QPixmap, QResizeEvent, QShowEvent
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QGraphicsOpacityEffect,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.core.pages import AttractItem
from kiosk.views.illustrations import Illustrations
from kiosk.views.labels import centred_label, plain_label
from kiosk.views.look import LookController
from kiosk.views.ripple import Ripple
from kiosk.views.svg import render_svg

STEP_MS = 8000  # one topic
FADE_MS = 1200  # the old topic fading out, then the new one fading in: 0.6 s each
FADE_STEPS = 12
# The words' sizes, largest first (style.qss, #Attract[fit=...]): the largest that lets every
# topic's words fit with the picture at PICTURE_SHARE of its size, so no topic jumps in size.
FITS = ("large", "medium", "small")
PICTURE_SHAPE = 3 / 4  # the topics' pictures are 4:3 (assets/illustrations/README.md)
PICTURE_SHARE = 0.6  # in portrait, the words may take the picture down to this much
PICTURE_MIN_PX = 160  # below this a picture says nothing: none rather than a sliver
# On a screen too small for all the words, the words stay at a size if no more than this
# share of the topics must leave out their summary there.
TRIMMED_SHARE = 0.25
WORDS_SHARE = 0.45  # in landscape, the words' column; the picture has the rest
MARGIN = 40
SPACING = 24


class Slide(NamedTuple):
    title: str
    summary: str
    picture: str  # a topic's slug, or "" for the spine drawing
    described: str  # what the picture shows, in words


class AttractView(QWidget):
    """Cycles through the topics while shown."""

    def __init__(
        self,
        look: LookController,
        illustrations: Illustrations,
        *,
        reduced_motion: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("Attract")
        self.setProperty("top_bar", False)  # the whole height (MainWindow.set_screen)
        self.setProperty("fit", FITS[0])
        self._look = look
        self._illustrations = illustrations
        self.reduced_motion = reduced_motion
        self._items: list[AttractItem] = []
        self._also: list[str] = []
        self._index = 0
        self._spine: QSvgRenderer | None = None
        self._drawn: tuple[object, ...] = ()  # what the picture shows now, at which size
        self._trimming = False  # each topic leaves out what it has no room for (_trim)

        self._build()
        # Motion: opacity only, drawn from a cached image of each widget (no text laid out
        # again per frame). The effects are off at rest, so a still frame costs nothing extra.
        # The kicker too: it moves with the words' height from topic to topic.
        fading = (self.picture, self.kicker, self.title, self.summary)
        self._fading = [self._effect(w) for w in fading]
        self._swapped = True
        self.fade = QVariantAnimation(self)
        self.fade.setStartValue(0.0)
        self.fade.setEndValue(1.0)
        self.fade.setDuration(FADE_MS)
        self.fade.valueChanged.connect(self._on_fade_value_changed)
        self.fade.finished.connect(self._on_fade_finished)
        self.timer = QTimer(self)
        self.timer.setInterval(STEP_MS)
        self.timer.timeout.connect(self._on_timer_timeout)
        look.changed.connect(self._on_look_changed)
        self._retranslate()

    def _build(self) -> None:
        self.picture = plain_label()
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # The picture takes whatever the words leave, so it never makes the window taller.
        self.picture.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.picture.installEventFilter(self)  # drawn again at each new size
        self.kicker = centred_label("attract-kicker")
        self.title = centred_label("attract-title")
        self.summary = centred_label("attract-summary")
        self.prompt = centred_label("attract-prompt")
        self.also = centred_label("attract-also")
        # What a topic leaves out on a screen too small for all its words, least needed first.
        self._trimmable = (self.summary, self.kicker)
        self.prompt_box = QFrame()
        self.prompt_box.setObjectName("AttractPrompt")
        inside = QVBoxLayout(self.prompt_box)
        inside.setContentsMargins(24, 16, 24, 16)
        inside.setSpacing(4)
        inside.addWidget(self.prompt)
        inside.addWidget(self.also)
        self._words = QWidget()
        column = QVBoxLayout(self._words)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(SPACING)
        # The words in the middle of the room the picture and the invitation leave.
        column.addStretch(1)
        column.addWidget(self.kicker)
        column.addWidget(self.title)
        column.addWidget(self.summary)
        column.addStretch(1)
        self.ripple = Ripple(self.prompt_box)  # "Touch the screen to start", pulsing
        column.addWidget(self.ripple)
        self._row = QBoxLayout(QBoxLayout.Direction.TopToBottom, self)
        self._row.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        self._row.setSpacing(SPACING + 16)
        self._row.addWidget(self.picture, 1)
        self._row.addWidget(self._words)

    def _effect(self, widget: QWidget) -> QGraphicsOpacityEffect:
        effect = QGraphicsOpacityEffect(widget)
        effect.setEnabled(False)
        widget.setGraphicsEffect(effect)
        return effect

    # What it shows

    def set_items(self, items: Sequence[AttractItem]) -> None:
        self._items = list(items)
        self._index = 0
        self._stop_fade()
        self._show_slide()
        self._fit_words()

    def set_drawing(self, svg: bytes) -> None:
        """The spine, as the explorer draws it: the last picture of each round, and the one
        for a topic without a picture of its own. No drawing: the topics only."""
        renderer = QSvgRenderer(QByteArray(svg)) if svg else None
        self._spine = renderer if renderer is not None and renderer.isValid() else None
        self._drawn = ()
        self._show_slide()

    def set_also_in(self, invitations: Sequence[str]) -> None:
        """The invitation in the kiosk's other languages, under its own: a Spanish reader
        walking past learns the kiosk speaks Spanish before touching it."""
        self._also = list(invitations)
        self._retranslate()

    def _slides(self) -> list[Slide]:
        slides = [Slide(i.title, i.summary, i.slug, i.picture) for i in self._items]
        if self._spine is not None:
            slides.append(
                Slide(
                    self.tr("Where does it hurt?"),
                    self.tr("Find the place on a drawing of the spine, and learn about it."),
                    "",
                    self.tr("A drawing of the spine, from the neck down to the tailbone."),
                )
            )
        return slides

    @property
    def slide_count(self) -> int:
        """How many pictures one round shows: the topics, then the spine."""
        return len(self._slides())

    def _slide(self) -> Slide | None:
        slides = self._slides()
        return slides[self._index % len(slides)] if slides else None

    def _show_slide(self) -> None:
        slide = self._slide()
        if slide is None:
            return
        self.title.setText(slide.title)
        self.summary.setText(slide.summary)
        self.picture.setAccessibleName(slide.described)
        self._trim()
        self._fit_picture()

    # The picture

    def _fit_picture(self) -> None:
        slide = self._slide()
        box = self.picture.contentsRect().size()
        if slide is None or min(box.width(), box.height()) < PICTURE_MIN_PX:
            self._drawn = ()
            self.picture.clear()
            return
        palette, ratio = self._look.look.palette, self.devicePixelRatioF()
        drawn = (slide.picture, palette.name, box.width(), box.height(), ratio)
        if drawn == self._drawn:
            return
        pixmap = QPixmap()
        if slide.picture and self._illustrations.exists(slide.picture):
            pixmap = self._topic_picture(slide.picture, box, ratio)
        elif self._spine is not None:
            pixmap = self._spine_picture(self._spine, box, ratio)
        self._drawn = drawn
        self.picture.setPixmap(pixmap)

    def _topic_picture(self, slug: str, box: QSize, ratio: float) -> QPixmap:
        # Drawn afresh for each topic (~6 ms): a dozen screen-sized pictures kept would
        # hold some 35 MB for a screen nobody touches.
        palette = self._look.look.palette
        height = min(box.height(), round(box.width() * PICTURE_SHAPE))
        pixmap = self._illustrations.drawn(slug, palette, height, ratio)
        width = pixmap.width() / ratio
        if width > box.width():  # a picture wider than 4:3
            pixmap = self._illustrations.drawn(
                slug, palette, int(height * box.width() / width), ratio
            )
        return pixmap

    def _spine_picture(self, renderer: QSvgRenderer, box: QSize, ratio: float) -> QPixmap:
        shape = renderer.viewBoxF()
        scale = min(box.width() / shape.width(), box.height() / shape.height()) * ratio
        image = render_svg(renderer, round(shape.width() * scale), round(shape.height() * scale))
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(ratio)
        return pixmap

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.picture and event.type() == QEvent.Type.Resize:
            self._fit_picture()
        return False

    # Where everything goes

    @property
    def landscape(self) -> bool:
        return self.width() > self.height()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange()

    def _arrange(self) -> None:
        """Picture above the words in portrait, beside them in landscape; then the words as
        large as they fit."""
        inner = self.width() - 2 * MARGIN
        if self.landscape:
            self._row.setDirection(QBoxLayout.Direction.LeftToRight)
            self._words.setFixedWidth(round(inner * WORDS_SHARE))
            self.picture.setMaximumHeight(16777215)
            align = Qt.AlignmentFlag.AlignLeft
        else:
            self._row.setDirection(QBoxLayout.Direction.TopToBottom)
            self._words.setMinimumWidth(0)
            self._words.setMaximumWidth(16777215)
            # No taller than the picture needs: what is left goes above the invitation.
            self.picture.setMaximumHeight(round(inner * PICTURE_SHAPE))
            align = Qt.AlignmentFlag.AlignHCenter
        for label in (self.kicker, self.title, self.summary):
            label.setAlignment(align | Qt.AlignmentFlag.AlignVCenter)
        self._fit_words()

    def _words_width(self) -> int:
        inner = self.width() - 2 * MARGIN
        return round(inner * WORDS_SHARE) if self.landscape else inner

    def _fit_words(self) -> None:
        """The largest words with which every topic fits, or all but a few that leave out
        their summary. On a short screen at a large text size, where even the smallest words
        do not fit, each topic leaves out its summary, then the kicker, as it comes (`_trim`),
        and the invitation its other languages if one topic would still not fit: never lines
        squeezed until they are cut."""
        if self.width() <= 0 or self.height() <= 0:
            return
        self._trimming = False
        for widget in (self.summary, self.kicker, self.also):
            widget.setVisible(widget is not self.also or bool(self._also))
        self._invitation_changed()
        needs: list[int] = []
        for fit in FITS:
            self._set_fit(fit)
            needs = self._left_out()
            if max(needs, default=0) == 0:
                return
            if max(needs) == 1 and needs.count(1) <= len(needs) * TRIMMED_SHARE:
                break
        self._trimming = True
        if max(needs) > len(self._trimmable):
            self.also.hide()
            self._invitation_changed()
        self._trim()

    def _trim(self) -> None:
        """Leave out what the topic shown does not leave room for, least needed first."""
        for widget in self._trimmable:
            widget.show()
        if not self._trimming:
            return
        for widget in self._trimmable:
            if self._fits():
                return
            widget.hide()

    def _left_out(self) -> list[int]:
        """For each topic, how many of its summary and the kicker it must leave out to fit
        (3: not even then)."""
        shown = self._slide()
        needs = []
        for slide in self._slides():
            self.title.setText(slide.title)
            self.summary.setText(slide.summary)
            self._trimming = True
            self._trim()
            self._trimming = False
            left_out = sum(widget.isHidden() for widget in self._trimmable)
            needs.append(left_out if self._fits() else left_out + 1)
        if shown is not None:
            self.title.setText(shown.title)
            self.summary.setText(shown.summary)
        self._trim()
        return needs

    def _set_fit(self, fit: str) -> None:
        if self.property("fit") == fit:
            return
        self.setProperty("fit", fit)
        for label in (self.kicker, self.title, self.summary, self.prompt, self.also):
            label.style().unpolish(label)
            label.style().polish(label)
        self._invitation_changed()

    def _invitation_changed(self) -> None:
        """The invitation's words sit two layouts down, whose sizes Qt would learn of only
        through posted events, a level at a time: tell them now, so `_fits` measures the
        invitation as it is."""
        for box in (self.prompt_box, self.ripple):
            layout = box.layout()
            if layout is not None:
                layout.invalidate()
            box.updateGeometry()

    def _fits(self) -> bool:
        layout = self._words.layout()
        if layout is None:
            return True
        needed = layout.totalHeightForWidth(self._words_width())
        room = self.height() - 2 * MARGIN
        if not self.landscape:
            picture = round((self.width() - 2 * MARGIN) * PICTURE_SHAPE * PICTURE_SHARE)
            needed += self._row.spacing() + max(picture, PICTURE_MIN_PX)
        return needed <= room

    # Motion

    @property
    def moving(self) -> bool:
        """Whether anything fades or pulses: only on screen, and never for reduced motion."""
        return not self.reduced_motion and self.isVisible()

    def _on_timer_timeout(self) -> None:
        self._index += 1
        if not self.moving:
            self._show_slide()
            return
        self._swapped = False
        for effect in self._fading:
            effect.setOpacity(1.0)
            effect.setEnabled(True)
        self.fade.start()

    def _on_fade_value_changed(self, value: float) -> None:
        if value >= 0.5 and not self._swapped:  # faded out: the next topic, fading in
            self._swapped = True
            self._show_slide()
        out = abs(1 - 2 * value)
        opacity = out * out * (3 - 2 * out)  # eased at both ends: no sudden start or stop
        # In FADE_STEPS steps each way, some 20 a second: each step draws the picture and
        # the words again, and a smoother fade would cost more than the rest of the loop.
        stepped = round(opacity * FADE_STEPS) / FADE_STEPS
        for effect in self._fading:
            effect.setOpacity(stepped)  # no repaint when it is the step already shown

    def _on_fade_finished(self) -> None:
        self._stop_fade()

    def _stop_fade(self) -> None:
        self.fade.stop()
        if not self._swapped:
            self._swapped = True
            self._show_slide()
        for effect in self._fading:
            effect.setEnabled(False)
            effect.setOpacity(1.0)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.timer.start()
        if self.moving:
            self.ripple.start()

    def hideEvent(self, event: QHideEvent) -> None:
        # Nothing ticks while the kiosk is in use.
        self.timer.stop()
        self.ripple.stop()
        self._stop_fade()
        super().hideEvent(event)

    # Looks and languages

    def _on_look_changed(self) -> None:
        self._fit_words()
        self._fit_picture()  # in the new palette

    def _retranslate(self) -> None:
        self.kicker.setText(self.tr("Learn about back pain"))
        self.prompt.setText(self.tr("Touch the screen to start"))
        self.also.setText("\n".join(self._also))
        self._show_slide()
        self._fit_words()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
