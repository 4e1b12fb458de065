"""A throwaway PostgreSQL server for the central store's tests and bench/sync.py: `initdb` into a
temporary folder and `postgres` listening on a Unix socket in that folder only (no TCP port),
stopped and removed at the end, nothing left running.

PostgreSQL refuses to run as root. Run as root (as CI is), the server runs as the unprivileged
user named by $KIOSK_TEST_USER (default `kiosk-ci`), which owns the folder. .ci/run creates that
user; on a machine of your own, as root: `useradd --system --create-home --shell
/usr/sbin/nologin kiosk-ci`. The folder is made with `tempfile.mkdtemp` under /tmp, not in
pytest's own temporary folder, because that one is private to root (mode 0700) and the server's
user could not enter it.

The binaries come from Debian's `postgresql` package (/usr/lib/postgresql/<version>/bin), found
by globbing there, then by `pg_config --bindir`, then on PATH. With CI=true a missing server
fails the tests instead of skipping them.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import secrets
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

SUPERUSER = "postgres"
DATABASE = "postgres"
PORT = 5432  # names the socket file (.s.PGSQL.5432); nothing listens on TCP
# A Unix socket's path must fit in sockaddr_un (108 bytes); keep well inside it.
MAX_SOCKET_PATH = 100
# Fast and still honest for these tests: fsync off only loses data when the machine itself
# crashes, and the tests kill processes (the server included), never the machine.
SETTINGS = {
    "listen_addresses": "''",
    "fsync": "off",
    "full_page_writes": "off",
    "max_connections": "40",
    "shared_buffers": "16MB",
    "log_min_messages": "warning",
    "log_min_error_statement": "panic",  # the tests' failing statements hold test data only,
    # but a log of statements is not what anyone should copy from
}


class UnavailableError(Exception):
    """PostgreSQL cannot be run here; the message says what to install or create."""


def find_bindir() -> Path:
    """The folder holding initdb, pg_ctl and postgres: the newest Debian version first."""
    candidates = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"),
        key=lambda path: int(path.parts[-3]) if path.parts[-3].isdigit() else 0,
        reverse=True,
    )
    if candidates:
        return candidates[0].parent
    pg_config = shutil.which("pg_config")
    if pg_config is not None:
        found = subprocess.run(
            [pg_config, "--bindir"], capture_output=True, text=True, check=False
        ).stdout.strip()
        if found and (Path(found) / "initdb").is_file():
            return Path(found)
    on_path = shutil.which("initdb")
    if on_path is not None:
        return Path(on_path).resolve().parent
    raise UnavailableError("PostgreSQL is not installed (apt-get install postgresql)")


@dataclass(frozen=True)
class Account:
    """Who runs the server: `prefix` goes before each of its commands."""

    uid: int
    gid: int
    prefix: tuple[str, ...] = ()


def server_account() -> Account:
    """This user, or as root $KIOSK_TEST_USER (PostgreSQL will not run as root)."""
    if os.geteuid() != 0:
        return Account(os.getuid(), os.getgid())
    name = os.environ.get("KIOSK_TEST_USER", "kiosk-ci")
    try:
        user = pwd.getpwnam(name)
    except KeyError:
        raise UnavailableError(
            f"PostgreSQL refuses root and there is no user {name!r} to run it as: "
            f"useradd --system --create-home --shell /usr/sbin/nologin {name}"
        ) from None
    setpriv = shutil.which("setpriv") or "setpriv"
    prefix = (setpriv, f"--reuid={user.pw_uid}", f"--regid={user.pw_gid}", "--init-groups", "--")
    return Account(user.pw_uid, user.pw_gid, prefix)


@dataclass
class Server:
    """One PostgreSQL cluster in `folder`, its socket in `folder` too. `superuser_dsn` is how
    the tests connect to set things up (the superuser's password is in the DSN: a test server
    holds nothing)."""

    folder: Path
    bindir: Path
    account: Account
    password: str = field(default_factory=lambda: secrets.token_urlsafe(16))
    # More postgresql.conf settings (the TLS test's listen_addresses, port and ssl files).
    settings: dict[str, str] = field(default_factory=dict)
    port: int = PORT

    @property
    def data(self) -> Path:
        return self.folder / "data"

    @property
    def socket_dir(self) -> Path:
        return self.folder

    @property
    def log(self) -> Path:
        return self.folder / "server.log"

    def dsn(self, user: str = SUPERUSER, dbname: str = DATABASE) -> str:
        """A libpq key=value DSN for `user` on `dbname`, with no password in it."""
        return f"host={self.socket_dir} port={self.port} user={user} dbname={dbname}"

    @property
    def superuser_dsn(self) -> str:
        return f"{self.dsn()} password={self.password}"

    def _run(self, *argv: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*self.account.prefix, *argv],
            env={"PATH": os.defpath, "LC_ALL": "C", "HOME": str(self.folder), "TZ": "UTC"},
            cwd=self.folder,
            capture_output=True,
            text=True,
            check=False,
            timeout=timeout,
        )

    def _checked(self, *argv: str) -> None:
        result = self._run(*argv)
        if result.returncode != 0:
            tail = self.log.read_text(errors="replace")[-2000:] if self.log.exists() else ""
            raise RuntimeError(
                f"{Path(argv[0]).name} failed ({result.returncode}): "
                f"{result.stderr.strip()[-1000:]}\n{tail}"
            )

    def init(self) -> None:
        socket = self.socket_dir / f".s.PGSQL.{self.port}"
        if len(str(socket).encode()) >= MAX_SOCKET_PATH:
            raise UnavailableError(f"the socket path {socket} is too long for a Unix socket")
        secret = self.folder / "superuser.pw"
        secret.write_text(self.password + "\n", encoding="utf-8")
        os.chown(secret, self.account.uid, self.account.gid)
        self._checked(
            str(self.bindir / "initdb"),
            "--pgdata",
            str(self.data),
            "--username",
            SUPERUSER,
            "--pwfile",
            str(secret),
            "--auth",
            "scram-sha-256",
            "--no-locale",
            "--encoding",
            "UTF8",
            "--no-sync",
        )
        secret.unlink()
        settings = {
            **SETTINGS,
            "unix_socket_directories": f"'{self.socket_dir}'",
            "port": str(self.port),
            **self.settings,
        }
        with (self.data / "postgresql.conf").open("a", encoding="utf-8") as conf:
            conf.write("\n# tests/central/pg.py\n")
            conf.writelines(f"{key} = {value}\n" for key, value in settings.items())

    def start(self) -> None:
        self._checked(
            str(self.bindir / "pg_ctl"), "start", "--pgdata", str(self.data), "--wait",
            "--log", str(self.log), "--timeout", "60",
        )  # fmt: skip

    def stop(self, mode: str = "fast") -> None:
        """Stop the server: `fast` (sessions ended, a clean shutdown) or `immediate` (as a crash:
        no shutdown checkpoint, WAL replayed at the next start)."""
        self._checked(
            str(self.bindir / "pg_ctl"), "stop", "--pgdata", str(self.data), "--mode", mode,
            "--wait", "--timeout", "60",
        )  # fmt: skip

    @property
    def running(self) -> bool:
        status = self._run(str(self.bindir / "pg_ctl"), "status", "--pgdata", str(self.data))
        return status.returncode == 0


@contextlib.contextmanager
def running_server(
    settings: dict[str, str] | None = None,
    *,
    port: int = PORT,
    before_start: Callable[[Server], None] | None = None,
) -> Iterator[Server]:
    """A started server in a fresh folder; stopped and removed however the block ends.
    `before_start` runs after initdb (to put files in the folder the settings name)."""
    bindir = find_bindir()
    account = server_account()
    folder = Path(tempfile.mkdtemp(prefix="kiosk-pg-"))
    os.chown(folder, account.uid, account.gid)
    server = Server(folder, bindir, account, settings=settings or {}, port=port)
    try:
        server.init()
        if before_start is not None:
            before_start(server)
        server.start()
        yield server
    finally:
        try:
            if server.data.is_dir() and server.running:
                try:
                    server.stop("fast")
                except RuntimeError:
                    server.stop("immediate")
        finally:
            shutil.rmtree(folder, ignore_errors=True)
