"""The central store's tests run against a real PostgreSQL server (tests/central/pg.py): one per
test session, on a Unix socket in its own temporary folder, stopped when the session ends. A
machine without PostgreSQL skips these tests; CI (CI=true) fails them instead."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from tests.central.pg import Server, UnavailableError, running_server


@pytest.fixture(scope="session")
def pg_server() -> Iterator[Server]:
    try:
        with running_server() as server:
            yield server
    except UnavailableError as exc:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{exc}; CI must run the central store's tests (.ci/run installs it)")
        pytest.skip(str(exc))
