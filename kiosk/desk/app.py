"""The desk's composition root: builds the window, the worker and the controller from the
configuration and hands each its collaborators; runs nothing, so tests and screenshots use the
same wiring as `kiosk desk`."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import QCoreApplication, QStandardPaths, QTimeZone
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from kiosk.central.desk import Connection, connect
from kiosk.controllers.translations import Translations
from kiosk.core.config import Config
from kiosk.core.content import load_library
from kiosk.desk.controller import DeskController
from kiosk.desk.desk_window import DeskWindow
from kiosk.desk.worker import Connector, DeskWorker


class Desk(NamedTuple):
    window: DeskWindow
    controller: DeskController
    translations: Translations


def clinic_zone(name: str) -> tuple[dt.tzinfo, str]:
    """The clinic's zone as Python and Qt take it: `name`, or this PC's own zone."""
    if not name:
        name = bytes(QTimeZone.systemTimeZoneId().data()).decode() or "UTC"
    try:
        return zoneinfo.ZoneInfo(name), name
    except (ValueError, zoneinfo.ZoneInfoNotFoundError):
        return dt.UTC, "UTC"


def subject_titles(config: Config) -> dict[str, str]:
    """ "topic:surgery" -> "Surgery", "spine:lumbar" -> its region's title, in the clinic's
    first language; a page that cannot be read is simply left out."""
    library = load_library(config.paths.content_dir, config.default_language)
    titles = {f"topic:{page.slug}": page.title for page in library.topics}
    titles.update({f"spine:{page.slug}": page.title for page in library.regions})
    return titles


def store_connector(dsn: str, password: str | None) -> Connector:
    def open_connection(autocommit: bool) -> Connection:  # noqa: FBT001 -- a Connector
        return connect(dsn, password, autocommit=autocommit)

    return open_connection


def build_desk(
    config: Config,
    app: QApplication,
    connector: Connector,
    *,
    choose_folder: Callable[[], Path | None] | None = None,
    confirm: Callable[[str], bool] | None = None,
    now: Callable[[], dt.datetime] | None = None,
) -> Desk:
    """The desk, wired; `controller.start()` starts its worker thread, nothing connects until
    someone signs in."""
    translations = Translations(config.paths.assets_dir / "i18n", app)
    translations.install(config.default_language)
    window = DeskWindow(config.clinic.name)
    stylesheet = config.paths.assets_dir / "desk.qss"
    if stylesheet.is_file():  # the window's own: the kiosk's style stays the kiosk's
        window.setStyleSheet(stylesheet.read_text(encoding="utf-8"))
    tz, zone = clinic_zone(config.desk.time_zone if config.desk else "")
    extra = {"now": now} if now is not None else {}
    controller = DeskController(
        window,
        DeskWorker(connector),
        tz=tz,
        zone=zone,
        titles=subject_titles(config),
        choose_folder=choose_folder or (lambda: _ask_folder(window)),
        confirm=confirm or (lambda question: _ask(window, question)),
        retention_days=config.kiosk.retention_days,
        **extra,
    )
    return Desk(window, controller, translations)


def _ask_folder(window: DeskWindow) -> Path | None:
    start = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    chosen = QFileDialog.getExistingDirectory(
        window, QCoreApplication.translate("Desk", "Save the file in which folder?"), start
    )
    return Path(chosen) if chosen else None


def _ask(window: DeskWindow, question: str) -> bool:
    """Yes or No, No the default: Enter pressed by habit changes nothing."""
    answer = QMessageBox.question(
        window,
        QCoreApplication.translate("Desk", "Please confirm"),
        question,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes
