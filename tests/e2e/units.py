"""Reading the shipped systemd units as systemd does, for the tests of the kiosk's unit and the
sync's: their [Service] settings, and `systemd-analyze` (verify, security) run on them."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

from tests.e2e.needs import tool

# systemd-analyze does not translate, but the numbers must not depend on the caller's locale.
C_LOCALE = {"PATH": os.environ.get("PATH", os.defpath), "LC_ALL": "C.UTF-8"}


def service_settings(unit: Path) -> list[tuple[str, str]]:
    """The [Service] section's settings, in order, each repeated key as often as it is set."""
    settings: list[tuple[str, str]] = []
    section = ""
    for raw in unit.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        assert not line.endswith("\\"), f"a continued line, which this reader does not join: {raw}"
        if line.startswith("["):
            section = line
        elif section == "[Service]":
            key, _, value = line.partition("=")
            settings.append((key.strip(), value.strip()))
    return settings


def analyze(*args: str) -> subprocess.CompletedProcess[str]:
    """`systemd-analyze ARGS` (its package: systemd, which .ci/run installs)."""
    return subprocess.run(
        [tool("systemd-analyze", "systemd"), *args],
        capture_output=True,
        text=True,
        env=C_LOCALE,
        check=False,
        timeout=120,
    )


def exposure(unit: Path) -> float:
    """`systemd-analyze security`'s rating of the unit file itself, 0 (locked down) to 10
    (exposed); skipped where systemd-analyze cannot rate a file (--offline: systemd 250+)."""
    if "--offline" not in analyze("security", "--help").stdout:
        pytest.skip("this systemd-analyze cannot rate a unit file (--offline needs systemd 250+)")
    done = analyze("security", "--offline=true", str(unit))
    found = re.search(r"Overall exposure level for \S+: (\d+(?:\.\d+)?)", done.stdout)
    assert found is not None, done.stdout + done.stderr
    return float(found[1])
