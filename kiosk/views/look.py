"""Applies the patient's look (palette and text size) to the whole application at run time.

The stylesheet and the reader's CSS are templates in the assets folder; this fills them from
`kiosk.core.theme`. The look the kiosk starts in is the QApplication's stylesheet; a new one is
set on each part of the window (`style`): at once on the parts on view, on the others as they
are shown, so a new text size restyles what is seen rather than every widget of every screen.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QWidget

from kiosk.core.config import TEXT_SIZES
from kiosk.core.theme import HIGH_CONTRAST, STANDARD, Look, stylesheet
from kiosk.views import app_filters

FONT_FAMILY = "Atkinson Hyperlegible"


# In this order: each builds on the one before. The window's frame (the bars) takes a new look
# from frame.qss alone: parsing and matching the whole sheet was most of a bar's restyle.
KIOSK_SHEETS = ("frame.qss", "style.qss", "keyboard.qss")
FRAME_SHEETS = ("frame.qss",)


class LookController(QObject):
    """Holds the current look, applies it, and says when it changed."""

    changed = Signal()
    # Just before a new look is applied: what is kept hidden can be let go rather than restyled.
    changing = Signal()
    # A new look was expected (`expect`) and did not come: what was let go is wanted again.
    kept = Signal()
    # The look a finger on a look button will give when it lifts (`expect`): a view may lay
    # out ahead, hidden, what it will show in it.
    coming = Signal(object)

    def __init__(self, app: QApplication, assets_dir: Path, default: Look) -> None:
        super().__init__()
        self._app = app
        self._default = default
        self._look = default
        # The kiosk's own stylesheets, not every .qss in the folder: the front desk's
        # (desk.qss, for the desk's window only) made every plain text dark and 15 px here.
        self._assets_dir = assets_dir
        self._qss_template = self._template(KIOSK_SHEETS)
        self._css_template = (assets_dir / "reader.css").read_text(encoding="utf-8")
        self.reader_css = ""
        # The parts of the window that take each new look by themselves (`style`), by id.
        self._parts: dict[int, _Part] = {}
        self._app_look = default  # the look of the application's stylesheet
        self._hold = _HoldStyleChange(self)
        self._held = 0
        self._expecting = False
        _load_fonts(assets_dir / "fonts")
        self._apply()

    def style(
        self,
        root: QWidget,
        *,
        grows_to: int = max(TEXT_SIZES),
        sheets: tuple[str, ...] = KIOSK_SHEETS,
    ) -> None:
        """Have `root` (a part of the window shown or hidden whole: a screen, a bar, the idle
        warning) take each new look by itself: at once while it is on view, as it is next
        shown otherwise, or when asked to `catch_up`. A new text size then restyles what the
        patient sees, about 25 ms, not every widget of every screen through the application's
        stylesheet, about 0.3 s (~0.9 ms a widget in Qt's stylesheet engine). A part whose
        every size stops growing at `grows_to` percent is not restyled for a text size past it;
        one whose widgets are all styled by `sheets` (a first part of the kiosk's) takes only
        those.
        """
        own = sheets != KIOSK_SHEETS and all((self._assets_dir / n).is_file() for n in sheets)
        template = self._template(sheets) if own else self._qss_template
        part = _Part(root, grows_to, template, has=self._app_look)
        key = id(root)
        self._parts[key] = part
        root.destroyed.connect(lambda: self._parts.pop(key, None))
        root.installEventFilter(self)
        if part.behind(self._look):
            self._restyle(part, self._look)

    def stale(self) -> list[QWidget]:
        """The parts not in the current look: hidden at the last new look (or styled ahead)."""
        return [part.root for part in self._parts.values() if part.behind(self._look)]

    def catch_up(self, root: QWidget) -> None:
        """`root` in the current look, if it was hidden when it changed."""
        part = self._parts.get(id(root))
        if part is not None and part.behind(self._look):
            with app_filters.broadcast():
                self._restyle(part, self._look)

    def prepare(self, root: QWidget, look: Look) -> None:
        """Style `root`, hidden, in the look that is about to come (the clinic's, while the
        idle warning counts down to a reset): then showing it in that look restyles nothing.
        Shown before that look comes, it catches up with the current one."""
        part = self._parts.get(id(root))
        if part is not None and root.isHidden() and part.behind(look):
            with app_filters.broadcast():
                self._restyle(part, look)

    def expect(self, look: Look) -> None:
        """A finger is down on a look button that gives `look`: what a new look lets go of goes
        now, while it is still on the glass, not between the finger lifting and the new look
        painted (the pages kept hidden in the reader, ~2 ms), and views may get ready for it
        (`coming`). `keep` when it lifts with no new look."""
        self._expecting = True
        with app_filters.broadcast():
            self.changing.emit()
            if look != self._look:
                self.coming.emit(look)

    def keep(self) -> None:
        """After the finger lifted: if no new look came (it slid off the button), say so."""
        if self._expecting:
            self._expecting = False
            self.kept.emit()

    @contextmanager
    def held(self) -> Iterator[None]:
        """A part shown meanwhile keeps the look it has: for a reset, which shows home and
        then sets the clinic's look (home, hidden till then, may have it already: `prepare`)."""
        self._held += 1
        try:
            yield
        finally:
            self._held -= 1

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget) and not self._held:
            self.catch_up(watched)  # before it is laid out and painted
        return False

    def _restyle(self, part: _Part, look: Look) -> None:
        root = part.root
        part.has = look
        look = part.shows(look)
        # A scroll area measures the page it holds on each change of style, and Qt sends it
        # one before the page's own widgets have their new fonts: it hears of the change once,
        # after them and after the views have their words for the new look (a fifth of a topic
        # page's restyle went on measuring it in the old look).
        areas = root.findChildren(QAbstractScrollArea)
        for area in areas:
            area.installEventFilter(self._hold)
        # The application's stylesheet holds the look the kiosk started in: back in that look,
        # a part needs none of its own.
        own = look != part.shows(self._app_look)
        root.setStyleSheet(stylesheet(part.template, look) if own else "")
        for area in areas:
            area.removeEventFilter(self._hold)
            QCoreApplication.postEvent(area, QEvent(QEvent.Type.StyleChange))

    def _template(self, sheets: tuple[str, ...]) -> str:
        """The sheets' text, one after the other. A clinic's own assets folder made before
        frame.qss was split off style.qss has the same rules without it: what is there is read."""
        paths = [self._assets_dir / name for name in sheets]
        return "\n".join(p.read_text(encoding="utf-8") for p in paths if p.is_file())

    @property
    def look(self) -> Look:
        return self._look

    @property
    def default(self) -> Look:
        """The clinic's look, which each patient starts in."""
        return self._default

    def next_text_size(self) -> None:
        """Step up through the text sizes, and from the largest back to normal."""
        self.set_look(self.with_next_text_size())

    def with_next_text_size(self) -> Look:
        steps = TEXT_SIZES
        following = steps[(steps.index(self._look.text_size) + 1) % len(steps)]
        return self._look._replace(text_size=following)

    def toggle_contrast(self) -> None:
        self.set_look(self.contrasted())

    def contrasted(self) -> Look:
        palette = STANDARD if self._look.palette is HIGH_CONTRAST else HIGH_CONTRAST
        return self._look._replace(palette=palette)

    def reader_html(self, html: str, look: Look | None = None) -> str:
        """`html` for a reader's label, with the reader's stylesheet in `look` (by default the
        current one, `reader_css`)."""
        css = self.reader_css if look is None else stylesheet(self._css_template, look)
        return f"<style>{css}</style>{html}"

    def reset(self) -> None:
        """Back to the clinic's default look, for the next patient."""
        self.set_look(self._default)

    def set_look(self, look: Look) -> None:
        if look != self._look:
            self._look = look
            self._apply()

    def _apply(self) -> None:
        self._expecting = False
        # Letting go of kept pages sits out the application's filters too (hundreds of events,
        # none a person's). The views' handlers do not: one may make and show a widget, and the
        # idle watch follows each widget from its Polish event (session.ActivityWatch).
        with app_filters.broadcast():
            self.changing.emit()
            self.reader_css = stylesheet(self._css_template, self._look)
            if not self._parts:  # a view on its own (the tests'): the whole application
                self._app.setStyleSheet(stylesheet(self._qss_template, self._look))
                self._app_look = self._look
            for part in self._parts.values():
                # On view, or to be once the window is (not hidden itself: a screen not in
                # front is): the views measure their words in the new look right after. One
                # hidden takes it when shown (`stale`).
                if not part.root.isHidden() and part.behind(self._look):
                    self._restyle(part, self._look)
        self.changed.emit()


@dataclass
class _Part:
    """A part of the window that takes each new look by itself (`LookController.style`)."""

    root: QWidget
    grows_to: int  # its words stop growing at this text size (the bars: 150 %)
    template: str  # its stylesheets, unfilled
    has: Look  # the look it is styled in

    def shows(self, look: Look) -> Look:
        """The look it shows for `look`: the same past the size it grows to."""
        return look if look.text_size <= self.grows_to else look._replace(text_size=self.grows_to)

    def behind(self, look: Look) -> bool:
        """Whether it is not styled for `look` yet."""
        return self.shows(self.has) != self.shows(look)


class _HoldStyleChange(QObject):
    """Keeps a change of style from the widget it filters, for the moment of a restyle."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        return event.type() == QEvent.Type.StyleChange


def _load_fonts(folder: Path) -> None:
    """Register the bundled font so every machine renders the same letters."""
    for path in sorted(folder.glob("*.ttf")):
        QFontDatabase.addApplicationFont(str(path))
    font = QFont(FONT_FAMILY)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    QApplication.setFont(font)
