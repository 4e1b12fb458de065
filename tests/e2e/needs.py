"""What an end-to-end test needs from the machine (a tool, a package): on a developer's machine
its absence skips the test; in CI (CI=true), where .ci/run installs it, it fails the test."""

from __future__ import annotations

import os
import shutil
from typing import NoReturn

import pytest


def unavailable(reason: str) -> NoReturn:
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason}; CI must run this test (.ci/run installs it)")
    pytest.skip(reason)


def tool(name: str, package: str) -> str:
    """The path of the command `name`, which Debian's `package` installs."""
    path = shutil.which(name)
    if path is None:
        unavailable(f"{name} is not installed (apt-get install {package})")
    return path
