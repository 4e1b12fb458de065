"""TLS as INSTALL.md documents it: `sslmode=verify-full` against the clinic's own CA. A throwaway
CA (openssl) signs the server's certificate for localhost; the server listens on 127.0.0.1 (the
only test that opens a TCP port: TLS is not spoken over a Unix socket). The kiosk syncs over it;
a certificate from another CA, and an expired one, are refused, said plainly, and not a crash."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest

from kiosk.central.problems import Problem, SyncError
from kiosk.central.schema import add_kiosk, migrate
from kiosk.central.sync import Syncer
from kiosk.core.config import load_config
from kiosk.storage.database import Database
from kiosk.storage.sync_status import read_status
from tests.central.conftest import teardown_on_sigterm
from tests.central.kiosks import save_in, wait_for
from tests.central.pg import Server, UnavailableError, running_server
from tests.e2e.needs import tool, unavailable

CA_CONFIG = """\
[ ca ]
default_ca = test_ca
[ test_ca ]
dir = .
database = index.txt
new_certs_dir = .
certificate = ca.crt
private_key = ca.key
serial = serial
default_md = sha256
policy = any_name
x509_extensions = server
unique_subject = no
[ any_name ]
commonName = supplied
[ server ]
subjectAltName = DNS:localhost,IP:127.0.0.1
"""
EC = ("-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes")


def openssl(folder: Path, *args: str) -> None:
    done = subprocess.run(
        [tool("openssl", "openssl"), *args], cwd=folder, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr


def make_certificates(folder: Path) -> None:
    """ca.crt signs server.crt (localhost, valid) and expired.crt (2020); other-ca.crt signs
    nothing here."""
    folder.mkdir()
    for name in ("ca", "other-ca"):
        openssl(folder, "req", "-x509", "-new", *EC, "-keyout", f"{name}.key",
                "-out", f"{name}.crt", "-days", "2", "-subj", f"/CN=Throwaway {name}")  # fmt: skip
    openssl(folder, "req", "-new", *EC, "-keyout", "server.key", "-out", "server.csr",
            "-subj", "/CN=localhost")  # fmt: skip
    (folder / "ca.cnf").write_text(CA_CONFIG, encoding="utf-8")
    (folder / "index.txt").write_text("", encoding="utf-8")
    (folder / "serial").write_text("01\n", encoding="utf-8")
    for name, start, end in (
        ("server", "20260101000000Z", "20360101000000Z"),
        ("expired", "20200101000000Z", "20200102000000Z"),
    ):
        openssl(folder, "ca", "-batch", "-config", "ca.cnf", "-in", "server.csr", "-notext",
                "-out", f"{name}.crt", "-startdate", start, "-enddate", end)  # fmt: skip


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass(frozen=True)
class TlsStore:
    server: Server
    certificates: Path
    dbname: str = "kiosk"

    def serve(self, certificate: str) -> None:
        """Put `certificate` (with the server's key) in the data folder, as the server's."""
        target = self.server.data / "server.crt"
        shutil.copyfile(self.certificates / f"{certificate}.crt", target)
        os.chown(target, self.server.account.uid, self.server.account.gid)


@pytest.fixture(scope="module")
def tls_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TlsStore]:
    certificates = tmp_path_factory.mktemp("tls") / "certificates"
    make_certificates(certificates)

    def install(server: Server) -> None:
        for name, mode in (("server.crt", 0o644), ("server.key", 0o600)):
            target = server.data / name
            shutil.copyfile(certificates / name, target)
            target.chmod(mode)
            os.chown(target, server.account.uid, server.account.gid)

    settings = {"listen_addresses": "'127.0.0.1'", "ssl": "on"}
    try:
        with (
            running_server(settings, port=free_port(), before_start=install) as server,
            teardown_on_sigterm(),
        ):
            with psycopg.connect(server.superuser_dsn, autocommit=True) as conn:
                conn.execute("CREATE DATABASE kiosk")
            dsn = server.superuser_dsn.replace("dbname=postgres", "dbname=kiosk")
            with psycopg.connect(dsn, autocommit=True) as conn:
                migrate(conn)
            yield TlsStore(server, certificates)
    except UnavailableError as exc:
        unavailable(str(exc))


def tls_kiosk(store: TlsStore, folder: Path, kiosk_id: str, ca: str = "ca") -> Path:
    """A kiosk that reaches the store at localhost:port with verify-full against `ca`."""
    password = f"pw-{kiosk_id}"
    owner = store.server.superuser_dsn.replace("dbname=postgres", f"dbname={store.dbname}")
    with psycopg.connect(owner, autocommit=True) as conn:
        role, _ = add_kiosk(conn, kiosk_id, password)
    folder.mkdir()
    secret = folder / "password"
    secret.write_text(password + "\n", encoding="utf-8")
    secret.chmod(0o600)
    dsn = (
        f"host=localhost hostaddr=127.0.0.1 port={store.server.port} dbname={store.dbname}"
        f" user={role} sslmode=verify-full sslrootcert={store.certificates / f'{ca}.crt'}"
    )
    config = folder / "kiosk.toml"
    config.write_text(
        f'[kiosk]\nid = "{kiosk_id}"\n[paths]\ndata_dir = "{folder / "data"}"\n'
        f'[sync]\ndsn = "{dsn}"\npassword_file = "{secret}"\n',
        encoding="utf-8",
    )
    Database.open(folder / "data").close()
    return config


def requests_from(store: TlsStore, kiosk_id: str) -> int:
    owner = store.server.superuser_dsn.replace("dbname=postgres", f"dbname={store.dbname}")
    with psycopg.connect(owner) as conn:
        row = conn.execute(
            "SELECT count(*) FROM requests WHERE kiosk_id = %s", (kiosk_id,)
        ).fetchone()
    assert row is not None
    return int(row[0])


def saved(config: Path, count: int) -> None:
    save_in(config.parent / "data", count)


def test_a_kiosk_syncs_over_tls_checked_against_the_clinic_s_ca(
    tls_store: TlsStore, tmp_path: Path
) -> None:
    config = tls_kiosk(tls_store, tmp_path / "k", "tls-good")
    saved(config, 3)
    with Syncer(load_config(config)) as syncer:
        assert syncer.run_once().sent == 3
        connection = syncer._connection()
        assert connection.info.pgconn.ssl_in_use
    assert requests_from(tls_store, "tls-good") == 3


def test_a_certificate_from_another_ca_is_refused_plainly(
    tls_store: TlsStore, tmp_path: Path
) -> None:
    config = tls_kiosk(tls_store, tmp_path / "k", "tls-other-ca", ca="other-ca")
    saved(config, 1)
    with Syncer(load_config(config)) as syncer, pytest.raises(SyncError) as error:
        syncer.run_once()
    assert error.value.kind == Problem.TLS
    assert "unable to get local issuer certificate" in str(error.value)
    status = read_status(config.parent / "data")
    assert status is not None
    assert (status.ok, status.problem, status.pending) == (False, "tls", 1)
    assert requests_from(tls_store, "tls-other-ca") == 0


def test_an_expired_certificate_is_refused_plainly(tls_store: TlsStore, tmp_path: Path) -> None:
    config = tls_kiosk(tls_store, tmp_path / "k", "tls-expired")
    saved(config, 1)
    owner = tls_store.server.superuser_dsn.replace("dbname=postgres", f"dbname={tls_store.dbname}")
    tls_store.serve("expired")
    try:
        with psycopg.connect(owner, autocommit=True) as conn:
            conn.execute("SELECT pg_reload_conf()")
        with Syncer(load_config(config)) as syncer:
            failures: list[SyncError] = []

            def refused() -> bool:
                try:
                    syncer.run_once()
                except SyncError as exc:
                    failures.append(exc)
                    return exc.kind == Problem.TLS
                return False

            wait_for(refused, "the server to serve the expired certificate", deadline=30)
            assert "certificate has expired" in str(failures[-1])
    finally:
        tls_store.serve("server")
        with psycopg.connect(owner, autocommit=True) as conn:
            conn.execute("SELECT pg_reload_conf()")
    assert requests_from(tls_store, "tls-expired") == 0
