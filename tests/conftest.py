"""Fixtures shared by every test: an offscreen Qt, a machine the tests cannot touch (home,
XDG folders, configuration, display, credentials), a throwaway data folder, a built kiosk."""

from __future__ import annotations

import atexit
import datetime as dt
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator, MutableMapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import pytest

if TYPE_CHECKING:  # only for annotations: kiosk.app and Qt load after the environment below
    from PySide6.QtWidgets import QApplication
    from pytestqt.qtbot import QtBot

    from kiosk.app import Kiosk
    from kiosk.views.buttons import ButtonGrid, WrappingButton

# The user's folders, as XDG names them, and where each test's own copy lives.
USER_FOLDERS = {
    "HOME": "home",
    "XDG_CONFIG_HOME": "config",
    "XDG_DATA_HOME": "data-home",
    "XDG_CACHE_HOME": "cache",
    "XDG_STATE_HOME": "state",
    "XDG_RUNTIME_DIR": "runtime",
}
# What would let a test reach the machine's display, speech server, systemd credentials or
# configuration instead of its own.
MACHINE_VARIABLES = (
    "KIOSK_CONFIG",
    "CREDENTIALS_DIRECTORY",
    "DISPLAY",
    "WAYLAND_DISPLAY",
    "SPEECHD_ADDRESS",
    "DBUS_SESSION_BUS_ADDRESS",
)


def _point_user_folders_at(
    root: Path, environ: MutableMapping[str, str] | pytest.MonkeyPatch
) -> None:
    for variable, name in USER_FOLDERS.items():
        folder = root / name
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)  # Qt wants a private runtime dir
        if isinstance(environ, pytest.MonkeyPatch):
            environ.setenv(variable, str(folder))
        else:
            environ[variable] = str(folder)


# Before any kiosk import: the configuration's defaults read $HOME and $XDG_DATA_HOME once, at
# import, so even a default data folder is a temporary one for the whole run.
_RUN_FOLDER = Path(tempfile.mkdtemp(prefix="kiosk-tests-"))
atexit.register(shutil.rmtree, _RUN_FOLDER, ignore_errors=True)
_point_user_folders_at(_RUN_FOLDER, os.environ)
for _variable in MACHINE_VARIABLES:
    os.environ.pop(_variable, None)

# Before any Qt import: tests never need, or touch, a real display. The offscreen screen is
# made big enough for a portrait or landscape kiosk (touches outside a screen are dropped) and
# without window frames (which would shift every touch by a few pixels).
os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={Path(__file__).with_name('offscreen.json')}"

# Imported only now, after the environment above is set (hence E402).
import kiosk.core.config as kiosk_config  # noqa: E402
from kiosk.core.config import Config, KioskConfig, PathsConfig  # noqa: E402


@pytest.fixture(autouse=True)
def _isolated_from_the_machine(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every test, and every command it runs, gets its own home and XDG folders and an empty
    configuration file: never the real user's folders, $KIOSK_CONFIG or /etc's kiosk.toml.
    (Beside the test's tmp_path, not in it: tests count what their tmp_path holds.)"""
    user = tmp_path_factory.mktemp("user")
    _point_user_folders_at(user, monkeypatch)
    for variable in MACHINE_VARIABLES:
        monkeypatch.delenv(variable, raising=False)
    empty = user / "kiosk.toml"
    empty.write_text("# no settings: the defaults\n", encoding="utf-8")
    monkeypatch.setenv(kiosk_config.ENV_CONFIG, str(empty))
    monkeypatch.setattr(kiosk_config, "SYSTEM_CONFIG", user / "etc" / "kiosk.toml")


# Read aloud off unless a test asks for an engine: what the screens show must not depend on
# whether this machine runs speech-dispatcher.
QUIET = KioskConfig(speech_engine="none")


@pytest.fixture
def config(tmp_path: Path) -> Config:
    """The shipped defaults, read aloud off, with a fresh data folder per test."""
    return Config(kiosk=QUIET).with_data_dir(tmp_path / "data")


@pytest.fixture
def bilingual_config(tmp_path: Path) -> Config:
    """Defaults with two languages configured, so the language button shows."""
    return Config(
        kiosk=QUIET._replace(languages=("en", "es")), paths=PathsConfig(data_dir=tmp_path / "data")
    )


@pytest.fixture
def assets_dir() -> Path:
    return Config().paths.assets_dir


@pytest.fixture
def content_dir() -> Path:
    return Config().paths.content_dir


@pytest.fixture
def review_day(content_dir: Path) -> dt.date:
    """The day of the newest review in the shipped content: "today" for checks that must pass
    on any date (every page is to be reviewed within a year of the newest review)."""
    from kiosk.core.content import load_library

    libraries = [load_library(content_dir, language) for language in ("en", "es")]
    return max(
        page.reviewed_on
        for library in libraries
        for page in (*library.topics, *library.regions)
        if page.reviewed_on is not None
    )


@pytest.fixture
def kiosk(qapp: QApplication, qtbot: QtBot, config: Config) -> Iterator[Kiosk]:
    """The whole app from the production factory, windowed, shown at portrait size."""
    yield shown_kiosk(qapp, qtbot, config)
    qapp.setStyleSheet("")


def shown_kiosk(qapp: QApplication, qtbot: QtBot, config: Config, **build: Any) -> Kiosk:
    """The whole app from the production factory (`build`: its other arguments), windowed,
    shown at portrait size. The caller clears the stylesheet it leaves on `qapp`."""
    from kiosk.app import build_kiosk

    built = build_kiosk(config, qapp, kiosk_mode=False, **build)
    qtbot.addWidget(built.window)
    built.window.resize(1080, 1920)
    built.window.show()
    qtbot.waitExposed(built.window)
    # As a patient finds it: painted, and hearing touches (from the first paint on).
    qtbot.waitUntil(lambda: built.idle.activity.watching)
    return built


def wait_for_disk(qtbot: QtBot, kiosk: Kiosk) -> None:
    """Wait until the kiosk's disk thread has done everything it was given and the screen has
    been told (what a patient sees a moment after Send, or staff after Export)."""
    qtbot.waitUntil(lambda: kiosk.background.pending == 0)


Shown = TypeVar("Shown")


def screen(kiosk: Kiosk, kind: type[Shown]) -> Shown:
    """The screen the kiosk shows now, which must be a `kind` (a test that finds another screen
    fails here, naming both, rather than on a missing attribute)."""
    shown = kiosk.window.stack.currentWidget()
    assert isinstance(shown, kind), f"expected a {kind.__name__} on screen, found {shown!r}"
    return shown


def grid_button(grid: ButtonGrid, key: str) -> WrappingButton:
    """The button `key` of a grid (a staff action, a region, a related page), which must be
    there."""
    button = grid.button(key)
    assert button is not None, (
        f"no {key!r} button among {[b.property('key') for b in grid.buttons]}"
    )
    return button


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


class Disk:
    """A small tmpfs mounted for one test: filled, freed, made read-only."""

    def __init__(self, mountpoint: Path) -> None:
        self.path = mountpoint
        self.filler = mountpoint / "filler"

    def fill(self) -> None:
        descriptor = os.open(self.filler, os.O_WRONLY | os.O_CREAT, 0o600)
        try:
            while True:
                os.write(descriptor, b"\0" * 4096)
        except OSError:
            pass  # ENOSPC: full
        finally:
            os.close(descriptor)

    def free(self) -> None:
        self.filler.unlink()

    def read_only(self) -> None:
        subprocess.run(["mount", "-o", "remount,ro", str(self.path)], check=True)


@pytest.fixture
def disk(tmp_path: Path) -> Iterator[Disk]:
    """A 600 KB tmpfs of the test's own: root only; skipped elsewhere, but never in CI, where
    `CI=true` makes a missing mount a failure."""
    mountpoint = tmp_path / "disk"
    mountpoint.mkdir()
    mounted = os.geteuid() == 0 and shutil.which("mount") is not None
    if mounted:
        result = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=600k,mode=0700", "tmpfs", str(mountpoint)],
            capture_output=True,
            check=False,
        )
        mounted = result.returncode == 0
    if not mounted:
        reason = "needs root and a tmpfs mount to stage a full or read-only disk"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{reason}; CI runs as root and must test it")
        pytest.skip(reason)
    try:
        yield Disk(mountpoint)
    finally:
        subprocess.run(["umount", "-l", str(mountpoint)], check=False)
