"""`kiosk doctor` as the clinic's IT person runs it: the installed command in its own process,
its lines and its exit status, on a good installation and on broken ones."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.storage.database import DATABASE, Database
from kiosk.storage.sync_status import SyncStatus, write_status
from tests.unit.test_doctor import EDITED, broken_pyside

KIOSK = Path(sys.executable).with_name("kiosk")


def doctor(*args: str | Path, **env: str) -> tuple[int, list[str]]:
    done = subprocess.run(
        [KIOSK, "doctor", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "PYTHONIOENCODING": "utf-8", **env},
        check=False,
    )
    return done.returncode, done.stdout.splitlines()


def named(lines: list[str], name: str) -> str:
    (found,) = [line for line in lines if line[2:].startswith(f"{name}:")]
    return found


@pytest.fixture
def installed(tmp_path: Path) -> Path:
    """A configuration edited for the clinic, with a data folder the kiosk made."""
    config = tmp_path / "kiosk.toml"
    config.write_text(EDITED + '\n[kiosk]\nspeech_engine = "mock"\n', encoding="utf-8")
    Database.open(tmp_path / "data").close()
    return config


def test_the_machine_check_passes_here_and_names_each_part() -> None:
    status, lines = doctor("--system")
    assert status == 0, "\n".join(lines)
    assert all(line.startswith("✓ ") for line in lines)
    assert "✓ Qt libraries (platforms): all found (3 plugins)" in lines
    assert named(lines, "Display platform").startswith("✓ Display platform: offscreen")
    assert named(lines, "Fonts").startswith("✓ ")
    assert not any("Configuration" in line for line in lines)  # the machine only


def test_a_good_installation_passes_every_check(installed: Path) -> None:
    status, lines = doctor("--config", installed)
    assert named(lines, "Configuration") == (
        f"✓ Configuration: {installed}: North Dallas Back Clinic, (972) 883-2000"
    )
    for name in ("Data folder", "Database key", "Database", "Free disk"):
        assert named(lines, name).startswith("✓ "), name
    # Qt's mock engine, chosen through the kiosk's Speaker: English voices, no Spanish one.
    assert named(lines, "Speech voices").startswith("✓ Speech voices: mock: en yes, es no voice")
    # The clock is this machine's: the status follows whatever the lines say.
    assert status == (0 if all(line.startswith("✓ ") for line in lines) else 1)


def test_a_broken_installation_fails_saying_what_to_do(installed: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.chmod(0o755)
    database = data / DATABASE
    database.write_bytes(database.read_bytes()[:4096] + bytes(4096))
    status, lines = doctor("--config", installed)
    assert status == 1
    assert "should be 0700 (chmod 0700" in named(lines, "Data folder")
    assert named(lines, "Database").startswith(f"✗ Database: {database} is damaged")


def test_an_unusable_configuration_is_a_finding_not_a_usage_error(tmp_path: Path) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text("[kiosk]\nidle_timeout = 5\n", encoding="utf-8")
    status, lines = doctor("--config", config)
    assert status == 1
    assert named(lines, "Configuration").startswith(f"✗ Configuration: {config}: unknown key")
    assert named(lines, "Data folder").startswith("✗ Data folder: not checked")


def test_a_missing_library_stops_the_machine_check_naming_the_package(tmp_path: Path) -> None:
    """What `make test` prints on a machine that lacks one: PySide6 found first on the path is
    a copy whose xcb plugin needs a libxcb-cursor.so.0 the loader cannot find."""
    broken_pyside(tmp_path)
    status, lines = doctor("--system", PYTHONPATH=str(tmp_path), QT_QPA_PLATFORM="xcb")
    assert status == 1
    assert (
        "✗ Qt libraries (platforms): libqxcb.so lacks libxcb-cursor.so.0; "
        "apt install libxcb-cursor0"
    ) in lines
    assert named(lines, "Display platform").endswith("apt install libxcb-cursor0")


def test_doctor_runs_without_loading_qt(installed: Path) -> None:
    """Qt may be what is broken: only the speech check loads it, and not when speech is off."""
    config = installed.read_text(encoding="utf-8").replace('"mock"', '"none"')
    installed.write_text(config, encoding="utf-8")
    code = (
        "import sys; from kiosk.cli import main; main(sys.argv[1:]); "
        "print('Qt loaded' if 'PySide6' in sys.modules else 'no Qt')"
    )
    for args in (["--system"], ["--config", str(installed)]):
        done = subprocess.run(
            [sys.executable, "-c", code, "doctor", *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            env={**os.environ, "PYTHONIOENCODING": "utf-8"},
            check=False,
        )
        assert done.stdout.splitlines()[-1] == "no Qt", done.stdout


def test_a_kiosk_whose_sync_fails_says_since_when_and_exits_1(
    installed: Path, tmp_path: Path
) -> None:
    """Central down since the kiosk started: doctor says so by kind, never the server's words."""
    with installed.open("a", encoding="utf-8") as config:
        config.write('id = "lobby-1"\n\n[sync]\ndsn = "host=desk.example.org user=kiosk_lobby-1"\n')
    now = dt.datetime.now(dt.UTC)
    since = now - dt.timedelta(minutes=30)
    write_status(
        tmp_path / "data",
        SyncStatus(
            ok=False,
            problem="unreachable",
            message='connection to server at "desk.example.org" failed: timeout',
            failing_since=since,
            last_success=None,
            pending=4,
            updated=now,
        ),
    )
    status, lines = doctor("--config", installed)
    assert status == 1
    sync = named(lines, "Sync")
    assert sync.startswith("✗ Sync: failing since ")
    assert "(30 min ago): cannot reach the central store (network?) [unreachable]" in sync
    assert "nothing sent yet; 4 requests waiting to send" in sync
    assert "desk.example.org" not in sync
