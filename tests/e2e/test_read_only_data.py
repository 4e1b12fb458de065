"""A data folder that cannot be written (a read-only mount, a failing disk): the kiosk still
starts, patients can still read, the form keeps what was typed and says it could not save, and
nothing is moved or lost."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.core.callback_form import CallbackRequest, Phone
from kiosk.core.config import Config
from kiosk.storage.database import set_aside_copies
from kiosk.storage.requests import DATABASE, RequestStore
from kiosk.views.callback_view import CallbackView
from tests.conftest import Disk, screen, shown_kiosk, wait_for_disk


def read_only_folder_with_requests(tmp_path: Path, disk: Disk) -> Path:
    healthy = tmp_path / "healthy"
    store = RequestStore.open(healthy)
    request = CallbackRequest(
        "Ann", "Lee", Phone("+12015550123", "(201) 555-0123", ""), (), ("morning",), "", "", "en"
    )
    store.save(request, reference="ACE-479", consent_text="Yes", consent_version="1")
    store.close()
    data = disk.path / "data"
    shutil.copytree(healthy, data)
    disk.read_only()
    return data


def test_the_form_keeps_its_values_and_says_it_could_not_save(
    qapp: QApplication, qtbot: QtBot, tmp_path: Path, disk: Disk, config: Config
) -> None:
    data = read_only_folder_with_requests(tmp_path, disk)
    before = (data / DATABASE).read_bytes()
    kiosk = shown_kiosk(qapp, qtbot, config.with_data_dir(data))
    kiosk.home.callback_tile.click()
    form = screen(kiosk, CallbackView)
    form.first_name.setText("Ann")
    form.last_name.setText("Lee")
    form.phone.setText("(201) 555-0199")
    form.period_buttons["morning"].click()
    form.consent.click()
    for _ in range(2):  # every tap again: the same message, never a jump home
        form.send_button.click()
        wait_for_disk(qtbot, kiosk)
        assert kiosk.window.stack.currentWidget() is form
        assert form.pages.currentIndex() == 0
        assert form.status_label.isVisible()
        assert form.first_name.text() == "Ann"
    assert set_aside_copies(data) == []
    assert (data / DATABASE).read_bytes() == before
    qapp.setStyleSheet("")


KIOSK = "import sys; from kiosk.cli import main; sys.exit(main())"


def test_kiosk_run_starts_and_logs_to_the_journal_only(tmp_path: Path, disk: Disk) -> None:
    data = read_only_folder_with_requests(tmp_path, disk)
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    kiosk = subprocess.Popen(
        [sys.executable, "-c", KIOSK, "run", "--windowed", "--data-dir", str(data)],
        stderr=subprocess.PIPE,
        text=True,
        env=environment,
    )
    assert kiosk.stderr is not None
    try:
        journal: list[str] = []
        # Read what it tells the journal until it says the log file is off (or it dies: EOF).
        while not journal or "no log file" not in journal[-1]:
            line = kiosk.stderr.readline()
            if not line:
                break
            journal.append(line)
        assert kiosk.poll() is None, "".join(journal)  # still running
        assert "logging to the journal only" in journal[-1]
        assert not any("Traceback" in line for line in journal)
    finally:
        kiosk.kill()
        kiosk.wait(timeout=30)
        kiosk.stderr.close()
