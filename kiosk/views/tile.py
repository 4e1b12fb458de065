"""A big touch tile: an icon, a title and a one-line summary, all of it one button."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget


class Tile(QPushButton):
    """A push button laid out like a card; its size comes from its labels, so text wraps."""

    def __init__(
        self, title: str, summary: str, variant: str = "plain", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setProperty("role", "tile")
        self.setProperty("variant", variant)
        # Tab reaches it, a touch does not leave a focus ring behind on it.
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.MinimumExpanding)

        self.icon_label = QLabel()
        self.icon_label.setProperty("role", "tile-icon")
        self.icon_label.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.title_label = QLabel(title)
        self.title_label.setProperty("role", "tile-title")
        self.summary_label = QLabel(summary)
        self.summary_label.setProperty("role", "tile-summary")
        for label in (self.icon_label, self.title_label, self.summary_label):
            # The button, not its labels, takes the touch.
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
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

    # QPushButton sizes itself from its own text; a tile's size is its layout's.
    def sizeHint(self) -> QSize:
        layout = self.layout()
        return layout.sizeHint() if layout is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:
        layout = self.layout()
        return layout.minimumSize() if layout is not None else super().minimumSizeHint()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        layout = self.layout()
        return layout.totalHeightForWidth(width) if layout is not None else -1
