"""deploy/waiting-room-kiosk-sync.service as shipped: a unit systemd accepts without a warning,
sandboxed (an exposure of 2.5 or less in `systemd-analyze security`), running `kiosk sync` as
the kiosk's user on the kiosk's data folder, with the credentials the sync reads, and staying
down where there is nothing to sync. systemd-analyze comes with the systemd package, which
.ci/run installs: a machine without it skips these tests, CI fails them."""

from __future__ import annotations

import shlex
from pathlib import Path

from kiosk.central.commands import NOTHING_TO_DO
from kiosk.central.credentials import CREDENTIAL
from kiosk.storage.keys import CREDENTIAL as DB_KEY_CREDENTIAL
from tests.e2e.units import analyze, exposure, service_settings

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"
UNIT = DEPLOY / "waiting-room-kiosk-sync.service"
KIOSK_UNIT = DEPLOY / "waiting-room-kiosk.service"
MAX_EXPOSURE = 2.5


def settings(unit: Path) -> dict[str, list[str]]:
    """The [Service] section's settings, each key with every value it is given, in order."""
    found: dict[str, list[str]] = {}
    for key, value in service_settings(unit):
        found.setdefault(key, []).append(value)
    return found


def test_systemd_accepts_the_unit_without_a_warning() -> None:
    done = analyze("verify", str(UNIT))
    said = done.stdout + done.stderr
    assert done.returncode == 0, said
    assert UNIT.name not in said, said


def test_the_sandbox_scores_at_most_2_5() -> None:
    assert exposure(UNIT) <= MAX_EXPOSURE


def test_it_runs_the_sync_as_the_kiosk_on_the_kiosk_s_data() -> None:
    mine, kiosk = settings(UNIT), settings(KIOSK_UNIT)
    argv = shlex.split(mine["ExecStart"][0])
    assert argv[:3] == ["/usr/bin/env", "/opt/waiting-room-kiosk/venv/bin/kiosk", "sync"]
    assert "--once" not in argv
    kiosk_argv = shlex.split(kiosk["ExecStart"][0])
    config = kiosk_argv[kiosk_argv.index("--config") + 1]
    assert argv[argv.index("--config") + 1] == config
    for key in ("User", "StateDirectory", "StateDirectoryMode", "UMask"):
        assert mine[key] == kiosk[key], key


def test_it_has_the_credentials_the_sync_reads() -> None:
    loaded = {value.split(":", 1)[0] for value in settings(UNIT)["LoadCredentialEncrypted"]}
    assert loaded == {DB_KEY_CREDENTIAL, CREDENTIAL}


def test_with_nothing_to_sync_it_stays_down_and_otherwise_always_comes_back() -> None:
    mine = settings(UNIT)
    assert mine["RestartPreventExitStatus"] == [str(NOTHING_TO_DO)]
    assert mine["Restart"] == ["always"]
