"""Applies the patient's look (palette and text size) to the whole application at run time.

The stylesheet and the reader's CSS are templates in the assets folder; this fills them from
`kiosk.core.theme` and sets them on the QApplication, so every widget restyles at once.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from kiosk.core.config import TEXT_SIZES
from kiosk.core.theme import HIGH_CONTRAST, STANDARD, Look, stylesheet
from kiosk.views import app_filters

FONT_FAMILY = "Atkinson Hyperlegible"


KIOSK_SHEETS = ("style.qss", "keyboard.qss")  # style.qss first: the others build on it


class LookController(QObject):
    """Holds the current look, applies it, and says when it changed."""

    changed = Signal()
    # Just before a new look is applied: what is kept hidden can be let go rather than restyled.
    changing = Signal()

    def __init__(self, app: QApplication, assets_dir: Path, default: Look) -> None:
        super().__init__()
        self._app = app
        self._default = default
        self._look = default
        # The kiosk's own stylesheets, not every .qss in the folder: the front desk's
        # (desk.qss, for the desk's window only) made every plain text dark and 15 px here.
        sheets = [assets_dir / name for name in KIOSK_SHEETS]
        self._qss_template = "\n".join(p.read_text(encoding="utf-8") for p in sheets)
        self._css_template = (assets_dir / "reader.css").read_text(encoding="utf-8")
        self.reader_css = ""
        _load_fonts(assets_dir / "fonts")
        self._apply()

    @property
    def look(self) -> Look:
        return self._look

    def next_text_size(self) -> None:
        """Step up through the text sizes, and from the largest back to normal."""
        steps = TEXT_SIZES
        following = steps[(steps.index(self._look.text_size) + 1) % len(steps)]
        self.set_look(self._look._replace(text_size=following))

    def toggle_contrast(self) -> None:
        palette = STANDARD if self._look.palette is HIGH_CONTRAST else HIGH_CONTRAST
        self.set_look(self._look._replace(palette=palette))

    def reset(self) -> None:
        """Back to the clinic's default look, for the next patient."""
        self.set_look(self._default)

    def set_look(self, look: Look) -> None:
        if look != self._look:
            self._look = look
            self._apply()

    def _apply(self) -> None:
        self.changing.emit()
        self.reader_css = stylesheet(self._css_template, self._look)
        with app_filters.broadcast():
            self._app.setStyleSheet(stylesheet(self._qss_template, self._look))
        self.changed.emit()


def _load_fonts(folder: Path) -> None:
    """Register the bundled font so every machine renders the same letters."""
    for path in sorted(folder.glob("*.ttf")):
        QFontDatabase.addApplicationFont(str(path))
    font = QFont(FONT_FAMILY)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    QApplication.setFont(font)
