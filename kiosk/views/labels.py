"""Labels for words, shown as the characters they are and never as markup."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel


def plain_label(text: str = "") -> QLabel:
    """A label that shows `text` as written.

    Qt's automatic format shows anything that looks like HTML as rich text, so a title in a
    content file, the clinic's name in the configuration or what a patient typed could show
    a picture from anywhere on the disk or a link. Only `ReaderLabel` shows rich text, and
    only the HTML `kiosk.core.markup` made safe.
    """
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label


def centred_label(role: str) -> QLabel:
    """A plain label for words that wrap, centred, looking as style.qss says its `role` looks
    (the attract loop's and the idle warning's big words)."""
    label = plain_label()
    label.setProperty("role", role)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return label
