"""A big touch tile: an icon, a title and a one-line summary, all of it one button."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from kiosk.views.buttons import LayoutButton


class Tile(LayoutButton):
    """A push button laid out like a card; its size comes from its labels, so text wraps."""

    def __init__(
        self, title: str, summary: str, variant: str = "plain", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setProperty("role", "tile")
        self.setProperty("variant", variant)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.MinimumExpanding)

        self.icon_label = self._label("tile-icon")
        self.icon_label.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.title_label = self._label("tile-title", title)
        self.summary_label = self._label("tile-summary", summary)
        for label in (self.title_label, self.summary_label):
            label.setWordWrap(True)
        self.summary_label.setVisible(bool(summary))

        words = QVBoxLayout()
        words.setSpacing(6)
        words.addWidget(self.title_label)
        words.addWidget(self.summary_label)
        words.addStretch(1)
        row = QHBoxLayout(self)
        row.setContentsMargins(22, 18, 22, 18)
        row.setSpacing(20)
        row.addWidget(self.icon_label, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(words, 1)
        self.set_texts(title, summary)

    def set_texts(self, title: str, summary: str) -> None:
        self.title_label.setText(title)
        self.summary_label.setText(summary)
        self.summary_label.setVisible(bool(summary))
        self.setAccessibleName(title)
        self.setAccessibleDescription(summary)
