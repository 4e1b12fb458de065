"""Fixtures shared by every test: an offscreen Qt, a throwaway data folder, a built kiosk."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# Before any Qt import: tests never need, or touch, a real display. The offscreen screen is
# made big enough for a portrait or landscape kiosk (touches outside a screen are dropped) and
# without window frames (which would shift every touch by a few pixels).
os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={Path(__file__).with_name('offscreen.json')}"

from kiosk.config import Config, KioskConfig, PathsConfig


@pytest.fixture
def config(tmp_path: Path) -> Config:
    """The shipped defaults, with a fresh data folder per test."""
    return Config().with_data_dir(tmp_path / "data")


@pytest.fixture
def bilingual_config(tmp_path: Path) -> Config:
    """Defaults with two languages configured, so the language button shows."""
    return Config(
        kiosk=KioskConfig(languages=("en", "es")), paths=PathsConfig(data_dir=tmp_path / "data")
    )


@pytest.fixture
def assets_dir() -> Path:
    return Config().paths.assets_dir


@pytest.fixture
def content_dir() -> Path:
    return Config().paths.content_dir


@pytest.fixture
def kiosk(qapp, qtbot, config: Config) -> Iterator[object]:  # type: ignore[no-untyped-def]
    """The whole app from the production factory, windowed, shown at portrait size."""
    from kiosk.app import build_kiosk

    built = build_kiosk(config, qapp, kiosk_mode=False)
    qtbot.addWidget(built.window)
    built.window.resize(1080, 1920)
    built.window.show()
    qtbot.waitExposed(built.window)
    yield built
    qapp.setStyleSheet("")


@pytest.fixture(autouse=True)
def _no_windows_left_behind() -> Iterator[None]:
    """Delete every window a test made, so no test pays for restyling the ones before it."""
    yield
    from PySide6.QtCore import QCoreApplication, QEvent, QTranslator
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        return
    # A kiosk that switched language left its translator on the application, which outlives it.
    for translator in app.findChildren(QTranslator):
        app.removeTranslator(translator)
        translator.deleteLater()
    for window in QApplication.topLevelWidgets():
        window.close()
        window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
