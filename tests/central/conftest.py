"""The central store's tests run against a real PostgreSQL server (tests/central/pg.py): one per
test session, on a Unix socket in its own temporary folder, stopped when the session ends, and a
fresh, migrated database per test. A machine without PostgreSQL skips these tests; CI (CI=true)
fails them instead."""

from __future__ import annotations

import contextlib
import secrets
import signal
from collections.abc import Iterator
from dataclasses import dataclass

import psycopg
import pytest
from psycopg import sql

from kiosk.central.schema import add_kiosk, migrate
from tests.central.pg import SUPERUSER, Server, UnavailableError, running_server
from tests.e2e.needs import unavailable


@pytest.fixture(scope="session")
def pg_server() -> Iterator[Server]:
    try:
        with running_server() as server, teardown_on_sigterm():
            yield server
    except UnavailableError as exc:
        unavailable(str(exc))


@contextlib.contextmanager
def teardown_on_sigterm() -> Iterator[None]:
    """`timeout` and CI end a run with SIGTERM, which kills Python before any teardown and so
    left the server running; as KeyboardInterrupt, pytest stops and tears down first."""

    def interrupt(_signum: int, _frame: object) -> None:
        raise KeyboardInterrupt

    before = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, before)


@dataclass(frozen=True)
class Login:
    """A role that can log in: its name, password and DSN (without the password)."""

    role: str
    password: str
    dsn: str

    def connect(self, *, autocommit: bool = False) -> psycopg.Connection[tuple[object, ...]]:
        return psycopg.connect(self.dsn, password=self.password, autocommit=autocommit)


@dataclass(frozen=True)
class Central:
    """One test's own database on the session's server, migrated."""

    server: Server
    dbname: str

    def dsn(self, user: str = SUPERUSER) -> str:
        return self.server.dsn(user, self.dbname)

    def admin(self) -> psycopg.Connection[tuple[object, ...]]:
        """The owner's connection (the IT person running `kiosk central ...`), autocommit."""
        return psycopg.connect(self.dsn(), password=self.server.password, autocommit=True)

    def add_kiosk(self, kiosk_id: str | None = None) -> tuple[str, Login]:
        """A kiosk's login role, under a name no other test uses (roles are server-wide)."""
        kiosk_id = kiosk_id or f"k{secrets.token_hex(6)}"
        password = secrets.token_urlsafe(18)
        with self.admin() as conn:
            role, _ = add_kiosk(conn, kiosk_id, password)
        return kiosk_id, Login(role, password, self.dsn(role))

    def add_desk(self) -> Login:
        role = f"desk_{secrets.token_hex(6)}"
        password = secrets.token_urlsafe(18)
        with self.admin() as conn:
            conn.execute(
                sql.SQL("CREATE ROLE {} LOGIN PASSWORD {} IN ROLE desk").format(
                    sql.Identifier(role), sql.Literal(password)
                )
            )
        return Login(role, password, self.dsn(role))

    def scalar(self, query: str, args: tuple[object, ...] = ()) -> object:
        with self.admin() as conn:
            row = conn.execute(query, args).fetchone()
        assert row is not None
        return row[0]


def as_text(value: object) -> str:
    """A value read from the store that must be text (an id read as id::text, a name)."""
    assert isinstance(value, str), f"expected text, found {value!r}"
    return value


def fresh_database(server: Server) -> str:
    dbname = f"t_{secrets.token_hex(6)}"
    with psycopg.connect(server.superuser_dsn, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(dbname)))
    return dbname


def drop_database(server: Server, dbname: str) -> None:
    with psycopg.connect(server.superuser_dsn, autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(dbname)))


@pytest.fixture
def central(pg_server: Server) -> Iterator[Central]:
    dbname = fresh_database(pg_server)
    store = Central(pg_server, dbname)
    with store.admin() as conn:
        migrate(conn)
    yield store
    if not pg_server.running:  # a test that stopped the server starts it again
        pg_server.start()
    drop_database(pg_server, dbname)
