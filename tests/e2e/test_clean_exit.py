"""The kiosk leaves cleanly: staff's Exit (or a window closed) ends the process with status 0,
not a crash on the way out, which systemd would log as a failure and Restart=always undo.

Run in a process of its own: what is checked is the interpreter's and Qt's exit.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

# With a screen reader on, Qt's accessibility bus starts with the application and asks for
# interfaces before the kiosk installs its own factories (here: the first question is asked
# before build_kiosk). Then the screen reader asks for the application, the window and a page.
PROGRAM = """
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAccessible

from kiosk.app import build_kiosk, create_qapplication
from kiosk.core.config import Config, KioskConfig
from kiosk.core.navigation import Route

app = create_qapplication(["kiosk"])
QAccessible.queryAccessibleInterface(app)
config = Config(kiosk=KioskConfig(speech_engine="none")).with_data_dir(Path(sys.argv[1]))
kiosk = build_kiosk(config, app, kiosk_mode=False)
kiosk.window.show()


def read_then_exit():
    kiosk.shell.go(Route.parse("topic:what-is-axial-back-pain"))
    for target in (app, kiosk.window, kiosk.topic.body_label):
        assert QAccessible.queryAccessibleInterface(target) is not None, target
    print("asked", type(QAccessible.queryAccessibleInterface(app)).__name__, flush=True)
    app.quit()


QTimer.singleShot(0, read_then_exit)
sys.exit(app.exec())
"""


def test_the_kiosk_exits_cleanly_after_a_screen_reader_asked_about_it(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-X", "faulthandler", "-c", PROGRAM, str(tmp_path / "data")],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert "asked _Application" in done.stdout, done.stderr  # the kiosk's own, not Qt's
    assert done.returncode == 0, done.stderr
    assert "Fatal Python error" not in done.stderr, done.stderr
