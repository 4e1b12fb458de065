"""Fixtures for one view at a time."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from kiosk.core.theme import Look
from kiosk.views.look import LookController


@pytest.fixture
def look(qapp: QApplication, assets_dir: Path) -> Iterator[LookController]:
    """The standard look on the application, as the kiosk starts; its stylesheet is taken off
    again after the test."""
    controller = LookController(qapp, assets_dir, Look())
    yield controller
    qapp.setStyleSheet("")


def settle() -> None:
    """Let a change reach the screen: a new text, font or size re-lays out the parents in
    posted events, a level per pass."""
    for _ in range(5):
        QApplication.processEvents()
