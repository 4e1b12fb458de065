"""deploy/waiting-room-kiosk.service as shipped: a unit systemd accepts without a warning,
sandboxed (an exposure of 4.0 or less in `systemd-analyze security`), with the watchdog the
kiosk feeds; and, where systemd runs the machine, the kiosk started under that very sandbox.

systemd-analyze comes with the systemd package, which .ci/run installs: a machine without it
skips the first tests, CI fails them. The last test needs systemd as PID 1 and root, which
neither a container nor .ci/run provide: it is skipped there, with the reason.
"""

from __future__ import annotations

import os
import pwd
import secrets
import shlex
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.system.notify import Notifier
from tests.e2e.needs import tool, unavailable
from tests.e2e.units import analyze, exposure, service_settings

ROOT = Path(__file__).resolve().parents[2]
UNIT = ROOT / "deploy" / "waiting-room-kiosk.service"
MAX_EXPOSURE = 4.0
KIOSK = Path(sys.executable).with_name("kiosk")


def _service_settings() -> list[tuple[str, str]]:
    return service_settings(UNIT)


def _setting(key: str) -> str:
    values = [value for name, value in _service_settings() if name == key]
    assert len(values) == 1, f"{key}= is set {len(values)} times"
    return values[0]


def test_systemd_accepts_the_unit_without_a_warning() -> None:
    """As INSTALL.md and .ci/run check it: a misspelt key or a bad value is only a warning,
    naming the file, and the unit then runs without that setting."""
    done = analyze("verify", str(UNIT))
    said = done.stdout + done.stderr
    assert done.returncode == 0, said
    assert UNIT.name not in said, said


def test_the_unit_starts_cage_with_its_runtime_folder() -> None:
    """ProtectHome=yes hides /run/user, where pam_systemd points XDG_RUNTIME_DIR (after
    Environment= is applied): cage gets the unit's own runtime folder on its command line, or it
    has nowhere to put its Wayland socket. And it is cage that runs (verify checks only env)."""
    argv = shlex.split(_setting("ExecStart"))
    assert argv[0] == "/usr/bin/env"
    assert argv[1] == f"XDG_RUNTIME_DIR=%t/{_setting('RuntimeDirectory')}"
    assert _setting("RuntimeDirectoryMode") == "0700"  # Qt and wlroots want it private
    assert argv[2] == "/usr/bin/cage"
    assert argv[argv.index("--") + 1 :][:2] == ["/opt/waiting-room-kiosk/venv/bin/kiosk", "run"]
    if not Path(argv[2]).is_file():
        unavailable("cage is not installed (apt-get install cage)")


def test_the_sandbox_scores_at_most_4() -> None:
    """`systemd-analyze security` rates the unit file itself (--offline, systemd 250 and
    later), 0 (locked down) to 10 (exposed): it scored 8.5 before the sandbox."""
    assert exposure(UNIT) <= MAX_EXPOSURE


def test_the_kiosk_pings_the_watchdog_three_times_per_period() -> None:
    """Type=notify: started once the kiosk says READY=1 (home painted), within the start
    timeout; then a kiosk that stops pinging for WatchdogSec= is killed, and started again.
    The kiosk, not cage, speaks: NotifyAccess=main would drop every message."""
    assert _setting("Type") == "notify"
    assert _setting("NotifyAccess") == "all"
    assert _setting("Restart") == "always"
    assert _setting("TimeoutStartSec") == "60"
    period_s = int(_setting("WatchdogSec"))
    assert period_s == 30
    notifier = Notifier(
        {"NOTIFY_SOCKET": "/run/systemd/notify", "WATCHDOG_USEC": f"{period_s}000000"}
    )
    assert notifier.ping_interval_ms == period_s * 1000 // 3


def test_what_the_kiosk_needs_stays_in_the_sandbox() -> None:
    """Each setting below was weighed and left out because the kiosk, or cage, would not start
    or would lose its screen or touchscreen with it (the unit's comments say more)."""
    settings = set(_service_settings())
    breaking = {
        ("PrivateNetwork", "yes"): "udev's netlink news of a screen or touchscreen never arrives",
        ("PrivateDevices", "yes"): "it hides /dev/dri and /dev/input",
        ("MemoryDenyWriteExecute", "yes"): "Qt's regex JIT and Mesa's llvmpipe need it",
        ("PrivateUsers", "yes"): "cage's devices come through groups and logind",
        ("ProcSubset", "pid"): "libraries read /proc/cpuinfo and /proc/meminfo",
    }
    assert not {key: why for key, why in breaking.items() if key in settings}
    families = _setting("RestrictAddressFamilies").split()
    assert {"AF_UNIX", "AF_NETLINK"} <= set(families)  # Wayland and D-Bus; udev for cage
    assert not {"AF_INET", "AF_INET6"} & set(families)  # offline
    for path in _setting("ReadWritePaths").split():
        assert path.startswith("-"), f"{path}: a machine without it would not start the kiosk"


# The real unit's settings that do not apply to a throwaway copy on a test machine: no seat, tty
# or TPM there, the machine's state and cache folders are not the test's, and the command, its
# folders and credentials are the test's own (set below).
NOT_FOR_A_TEST = {
    "ExecStart",
    "User",
    "PAMName",
    "TTYPath",
    "UtmpIdentifier",
    "StandardInput",
    "StandardOutput",
    "StandardError",
    "LoadCredentialEncrypted",
    "StateDirectory",
    "StateDirectoryMode",
    "CacheDirectory",
    "RuntimeDirectory",
    "Restart",
    "RestartSec",
}


@pytest.fixture
def systemd_as_pid_1() -> str:
    """systemd-run, where systemd runs this machine and the test may start system units."""
    if not Path("/run/systemd/system").is_dir():  # what sd_booted() checks
        pytest.skip(
            "systemd is not PID 1 here (no /run/systemd/system), so no unit can be started: "
            "the sandbox is checked on paper only (in a container, and in CI)"
        )
    if os.geteuid() != 0:
        pytest.skip("starting a system unit needs root")
    return tool("systemd-run", "systemd")


@pytest.fixture
def unit_name(systemd_as_pid_1: str) -> Iterator[str]:
    name = f"kiosk-unit-test-{secrets.token_hex(4)}"
    yield name
    systemctl = shutil.which("systemctl") or "systemctl"
    subprocess.run([systemctl, "stop", f"{name}.service"], capture_output=True, check=False)
    subprocess.run([systemctl, "reset-failed", f"{name}.service"], capture_output=True, check=False)


def test_the_kiosk_starts_under_the_units_sandbox(
    systemd_as_pid_1: str, unit_name: str, tmp_path: Path
) -> None:
    """cage, on wlroots' headless backend, and the kiosk in it, as a transient unit with every
    sandbox and watchdog setting of the real one, as the test user (cage refuses root): the
    start completes only once the kiosk has painted home and said READY=1 through cage."""
    name = os.environ.get("KIOSK_TEST_USER", "kiosk-ci")
    try:
        pwd.getpwnam(name)
    except KeyError:
        unavailable(f"no user {name!r} to run cage as (it refuses root): useradd --system {name}")
    tool("cage", "cage")
    runtime = f"/run/{unit_name}"  # %t/<RuntimeDirectory>: a transient unit expands no %t
    config = tmp_path / "kiosk.toml"
    config.write_text(
        '[kiosk]\nspeech_engine = "none"\nidle_timeout_seconds = 3600\n'
        f'[paths]\ndata_dir = "{runtime}/data"\n',
        encoding="utf-8",
    )
    log = tmp_path / "unit.log"
    properties = [
        (key, value)
        for key, value in _service_settings()
        if key not in NOT_FOR_A_TEST and not value.startswith("XDG_CACHE_HOME=")
    ]
    properties += [
        ("User", name),
        ("RuntimeDirectory", unit_name),
        ("Environment", f"XDG_CACHE_HOME={runtime}/cache"),
        # No screen or input devices on a test machine, and no GPU: wlroots' software renderer.
        ("Environment", "WLR_BACKENDS=headless"),
        ("Environment", "WLR_RENDERER=pixman"),
        ("Environment", "WLR_LIBINPUT_NO_DEVICES=1"),
        ("SetCredential", f"kiosk-db-key:{secrets.token_hex(32)}"),
        ("LoadCredential", f"kiosk-config:{config}"),
        ("StandardOutput", f"append:{log}"),
        ("StandardError", f"append:{log}"),
    ]
    # ProtectHome=yes would hide a checkout or a Python under /home or /root (a CI runner's):
    # then an empty, read-only home with just those two in it, as ProtectHome=tmpfs allows.
    needed = [ROOT, Path(sys.base_prefix).resolve()]
    hidden = [p for p in needed if p.parts[1:2] in (("home",), ("root",))]
    if hidden:
        properties = [(k, "tmpfs" if k == "ProtectHome" else v) for k, v in properties]
        properties.append(("BindReadOnlyPaths", " ".join(str(p) for p in hidden)))
    argv = shlex.split(_setting("ExecStart"))
    argv[1] = f"XDG_RUNTIME_DIR={runtime}"
    kiosk_at = argv.index("--") + 1
    argv[kiosk_at:] = [str(KIOSK), "run", "--config", "${CREDENTIALS_DIRECTORY}/kiosk-config"]
    started = subprocess.run(
        [
            systemd_as_pid_1,
            f"--unit={unit_name}",
            *(f"--property={key}={value}" for key, value in properties),
            "--",
            *argv,
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    said = log.read_text(encoding="utf-8", errors="replace") if log.exists() else ""
    assert started.returncode == 0, (
        "the start did not complete (no READY=1 within TimeoutStartSec=, or the unit failed)\n"
        f"{started.stderr}\n{said[-3000:]}"
    )
    shown = subprocess.run(
        [
            shutil.which("systemctl") or "systemctl",
            "show",
            f"{unit_name}.service",
            "--property=ActiveState,StatusText",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    state = dict(line.partition("=")[::2] for line in shown.splitlines())
    assert state["ActiveState"] == "active", shown
    assert state["StatusText"], shown  # what the kiosk told systemd: "home on screen"
