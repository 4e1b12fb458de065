"""The central store's schema and roles: migrations apply once, in order; a kiosk may only add
rows under its own name and can read nothing; the desk reads and updates."""

from __future__ import annotations

import uuid

import psycopg
import pytest

from kiosk.central.schema import applied_versions, kiosk_role, migrate, migrations
from tests.central.conftest import Central, drop_database, fresh_database
from tests.central.pg import Server

# As a kiosk sends it: without kiosk_id, which the store takes from the login role.
REQUEST = (
    "INSERT INTO requests (id, reference, created_at, first_name, last_name,"
    " phone_e164, periods, language, consent_text, consent_version)"
    " VALUES (%s, 'K7Q2', now(), 'Ana', 'Testa', '+12145550123', 'morning', 'en',"
    " 'I agree', 'v1')"
)


def test_migrating_twice_applies_each_migration_once(pg_server: Server) -> None:
    dbname = fresh_database(pg_server)
    try:
        dsn = f"{pg_server.dsn(dbname=dbname)} password={pg_server.password}"
        with psycopg.connect(dsn, autocommit=True) as conn:
            first = migrate(conn)
            second = migrate(conn)
            assert [m.version for m in first] == [m.version for m in migrations()]
            assert second == []
            assert applied_versions(conn) == [m.version for m in migrations()]
            tables = conn.execute(
                "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"
            ).fetchone()
            assert tables == (4,)  # requests, usage_counts, heartbeats, schema_migrations
    finally:
        drop_database(pg_server, dbname)


def test_a_second_database_on_the_same_server_migrates_too(central: Central) -> None:
    """The roles are server-wide: a second store finds them made and goes on."""
    other = fresh_database(central.server)
    try:
        dsn = f"{central.server.dsn(dbname=other)} password={central.server.password}"
        with psycopg.connect(dsn, autocommit=True) as conn:
            assert len(migrate(conn)) == len(migrations())
    finally:
        drop_database(central.server, other)


def test_a_kiosk_cannot_read_requests_not_even_its_own(central: Central) -> None:
    _, kiosk = central.add_kiosk()
    with kiosk.connect(autocommit=True) as conn:
        conn.execute(REQUEST, (uuid.uuid4(),))
        for table in ("requests", "usage_counts", "heartbeats", "usage", "fleet"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege, match="permission denied"):
                conn.execute(f"SELECT * FROM {table}")
    assert central.scalar("SELECT count(*) FROM requests") == 1


def test_a_kiosk_cannot_change_or_delete_a_request(central: Central) -> None:
    _, kiosk = central.add_kiosk()
    with kiosk.connect(autocommit=True) as conn:
        conn.execute(REQUEST, (uuid.uuid4(),))
        for statement in (
            "UPDATE requests SET status = 'done'",
            "DELETE FROM requests",
            "TRUNCATE requests",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement)
    assert central.scalar("SELECT status FROM requests") == "new"


def test_a_kiosk_adds_rows_only_under_its_own_name(central: Central) -> None:
    kiosk_id, kiosk = central.add_kiosk()
    other_id, _ = central.add_kiosk()
    with kiosk.connect(autocommit=True) as conn:
        conn.execute(REQUEST, (uuid.uuid4(),))
        conn.execute(
            "INSERT INTO heartbeats (sent_at, version, pending, free_disk_bytes)"
            " VALUES (now(), '1', 0, 1)"
        )
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(
                "INSERT INTO requests (id, kiosk_id, reference, created_at, first_name,"
                " last_name, phone_e164, language, consent_text, consent_version)"
                " VALUES (%s, %s, 'R', now(), 'A', 'B', '+1', 'en', 'c', 'v')",
                (uuid.uuid4(), other_id),
            )
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(
                "INSERT INTO heartbeats (kiosk_id, sent_at, version, pending, free_disk_bytes)"
                " VALUES (%s, now(), '1', 0, 1)",
                (other_id,),
            )
    assert central.scalar("SELECT array_agg(DISTINCT kiosk_id) FROM requests") == [kiosk_id]
    assert central.scalar("SELECT array_agg(DISTINCT kiosk_id) FROM heartbeats") == [kiosk_id]


def test_a_kiosk_cannot_set_the_desk_s_columns(central: Central) -> None:
    _, kiosk = central.add_kiosk()
    with (
        kiosk.connect(autocommit=True) as conn,
        pytest.raises(psycopg.errors.InsufficientPrivilege),
    ):
        conn.execute(
            "INSERT INTO requests (id, reference, created_at, first_name, last_name,"
            " phone_e164, language, consent_text, consent_version, status)"
            " VALUES (%s, 'R', now(), 'A', 'B', '+1', 'en', 'c', 'v', 'done')",
            (uuid.uuid4(),),
        )


def test_the_desk_reads_every_kiosk_s_requests_and_marks_them(central: Central) -> None:
    first_id, first = central.add_kiosk()
    second_id, second = central.add_kiosk()
    for login in (first, second):
        with login.connect(autocommit=True) as conn:
            conn.execute(REQUEST, (uuid.uuid4(),))
    desk = central.add_desk()
    with desk.connect(autocommit=True) as conn:
        kiosks = conn.execute("SELECT kiosk_id FROM requests ORDER BY kiosk_id").fetchall()
        assert sorted([first_id, second_id]) == [row[0] for row in kiosks]
        conn.execute(
            "UPDATE requests SET status = 'called', status_changed_at = now(),"
            " status_changed_by = 'ana' WHERE kiosk_id = %s",
            (first_id,),
        )
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE requests SET phone_e164 = '+1'")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("DELETE FROM requests")
    assert central.scalar("SELECT count(*) FROM requests WHERE status = 'called'") == 1


def test_the_desk_hears_of_new_requests_without_their_content(central: Central) -> None:
    _, kiosk = central.add_kiosk()
    desk = central.add_desk()
    with desk.connect(autocommit=True) as listener:
        listener.execute("LISTEN new_requests")
        request_id = uuid.uuid4()
        with kiosk.connect(autocommit=True) as conn:
            conn.execute(REQUEST, (request_id,))
            # The same push again adds nothing, and says nothing.
            conn.execute(REQUEST + " ON CONFLICT DO NOTHING", (request_id,))
            conn.execute("NOTIFY new_requests, 'end of test'")  # what comes after the retry
        notices = []
        for notice in listener.notifies(timeout=10):
            notices.append((notice.channel, notice.payload))
            if notice.payload == "end of test":
                break
    assert notices == [("new_requests", ""), ("new_requests", "end of test")]


def test_a_kiosk_role_is_named_for_a_valid_kiosk_id_only() -> None:
    assert kiosk_role("lobby-1") == "kiosk_lobby-1"
    for bad in ("", "Lobby", 'x"; DROP ROLE desk; --', "a" * 41):
        with pytest.raises(ValueError, match="kiosk id"):
            kiosk_role(bad)


def test_the_password_itself_never_reaches_the_server(central: Central) -> None:
    kiosk_id, kiosk = central.add_kiosk()
    stored = central.scalar(
        "SELECT rolpassword FROM pg_authid WHERE rolname = %s", (kiosk_role(kiosk_id),)
    )
    assert isinstance(stored, str)
    assert stored.startswith("SCRAM-SHA-256$")
    assert kiosk.password not in stored
