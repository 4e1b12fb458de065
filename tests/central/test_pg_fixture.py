"""The test server itself: reachable on its socket only, with passwords, and gone at the end."""

from __future__ import annotations

import os
import subprocess

from tests.central.pg import PORT, Server


def _psql(server: Server, sql: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(server.bindir / "psql"), "--no-psqlrc", "--tuples-only", "--no-align",
         "--dbname", server.dsn(), "--command", sql],
        env={"PATH": os.defpath, "PGPASSWORD": server.password, "LC_ALL": "C"},
        capture_output=True, text=True, check=False, timeout=30,
    )  # fmt: skip


def test_the_server_answers_on_its_socket_and_listens_on_no_tcp_port(pg_server: Server) -> None:
    result = _psql(pg_server, "SHOW listen_addresses")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""
    assert (pg_server.socket_dir / f".s.PGSQL.{PORT}").is_socket()


def test_a_wrong_password_is_refused(pg_server: Server) -> None:
    result = subprocess.run(
        [str(pg_server.bindir / "psql"), "--no-psqlrc", "--dbname", pg_server.dsn(),
         "--command", "SELECT 1"],
        env={"PATH": os.defpath, "PGPASSWORD": "not-the-password", "LC_ALL": "C"},
        capture_output=True, text=True, check=False, timeout=30,
    )  # fmt: skip
    assert result.returncode != 0
    assert "password authentication failed" in result.stderr
