"""The central store's schema: the versioned migrations in kiosk/central/sql/NNNN_name.sql,
applied in order, each in its own transaction, and recorded in schema_migrations so that a
second run applies nothing; and the kiosks' login roles.

Run by the IT person as the database's owner (`kiosk central migrate`, `kiosk central
add-kiosk`); kiosks and the desk never change the schema.
"""

from __future__ import annotations

import re
from importlib import resources
from typing import NamedTuple

import psycopg
from psycopg import sql

from kiosk.core.config import KIOSK_ID

# Held while migrating, so two `kiosk central migrate` at once take turns.
MIGRATION_LOCK = 0x6B696F736B  # "kiosk"
KIOSK_GROUP = "kiosk_sync"
DESK_GROUP = "desk"
KIOSK_ROLE_PREFIX = "kiosk_"
# A kiosk holds one connection; a few spare for a restart that overlaps the old one.
KIOSK_CONNECTION_LIMIT = 4
_NAME = re.compile(r"(\d{4})_([a-z0-9_]+)\.sql")


class Migration(NamedTuple):
    version: int
    name: str
    text: str


def migrations() -> list[Migration]:
    """Every shipped migration, in order."""
    found = []
    for entry in resources.files("kiosk.central").joinpath("sql").iterdir():
        match = _NAME.fullmatch(entry.name)
        if match:
            version = int(match.group(1))
            found.append(Migration(version, match.group(2), entry.read_text(encoding="utf-8")))
    found.sort()
    versions = [migration.version for migration in found]
    if len(set(versions)) != len(versions):
        raise RuntimeError("two central migrations share a number")
    return found


def migrate(conn: psycopg.Connection[object]) -> list[Migration]:
    """Apply every migration the database does not have yet; returns those it applied.

    Each runs in one transaction with its row in schema_migrations: it is applied whole or not
    at all, and a run that was stopped half-way starts again from the first missing one.
    """
    applied: list[Migration] = []
    for migration in migrations():
        with conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATION_LOCK,))
            conn.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations ("
                " version integer PRIMARY KEY,"
                " name text NOT NULL,"
                " applied_at timestamptz NOT NULL DEFAULT now())"
            )
            done = conn.execute(
                "SELECT 1 FROM schema_migrations WHERE version = %s", (migration.version,)
            ).fetchone()
            if done:
                continue
            conn.execute(migration.text)  # a shipped file, with no values in it
            conn.execute(
                "INSERT INTO schema_migrations (version, name) VALUES (%s, %s)",
                (migration.version, migration.name),
            )
        applied.append(migration)
    return applied


def applied_versions(conn: psycopg.Connection[object]) -> list[int]:
    rows = conn.execute("SELECT version FROM schema_migrations ORDER BY version").fetchall()
    return [int(row[0]) for row in rows]  # type: ignore[index]


def kiosk_role(kiosk_id: str) -> str:
    """The login role of kiosk `kiosk_id`; the store's policies tie its rows to that name."""
    if not KIOSK_ID.fullmatch(kiosk_id):
        raise ValueError(
            "a kiosk id is 1 to 40 lower-case letters, digits and dashes, "
            "starting with a letter or digit"
        )
    return KIOSK_ROLE_PREFIX + kiosk_id


def add_kiosk(conn: psycopg.Connection[object], kiosk_id: str, password: str) -> tuple[str, bool]:
    """Create kiosk `kiosk_id`'s login role in the kiosk group, or give an existing one this
    password; returns (role, created). Only a SCRAM verifier, made here, reaches the server:
    the password itself is in no statement the server could log."""
    role = kiosk_role(kiosk_id)
    if not password:
        raise ValueError("the password is empty")
    verifier = conn.pgconn.encrypt_password(
        password.encode("utf-8"), role.encode("utf-8"), b"scram-sha-256"
    ).decode("ascii")
    with conn.transaction():
        exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)).fetchone()
        verb = "ALTER" if exists else "CREATE"
        conn.execute(
            sql.SQL("{} ROLE {} LOGIN CONNECTION LIMIT {} PASSWORD {}").format(
                sql.SQL(verb),
                sql.Identifier(role),
                sql.Literal(KIOSK_CONNECTION_LIMIT),
                sql.Literal(verifier),
            )
        )
        conn.execute(
            sql.SQL("GRANT {} TO {}").format(sql.Identifier(KIOSK_GROUP), sql.Identifier(role))
        )
    return role, not exists
