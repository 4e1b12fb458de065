"""Why the central store's certificate was refused, in OpenSSL's words ("certificate has
expired", "unable to get local issuer certificate", "Hostname mismatch"), where libpq only says
"certificate verify failed". Used once a connection has failed on TLS, to tell IT what to fix.

PostgreSQL (before 17) speaks TLS only after its own SSLRequest message, so this opens the
connection the way libpq does, asks for TLS, and checks the certificate as verify-full would,
with the same CA file. Nothing is sent after the handshake.
"""

from __future__ import annotations

import os
import socket
import ssl
import struct
from pathlib import Path

from psycopg.conninfo import conninfo_to_dict

SSL_REQUEST = struct.pack("!II", 8, 80877103)
TIMEOUT = 5.0  # seconds


def why_untrusted(dsn: str) -> str | None:
    """OpenSSL's reason for refusing the certificate the store at `dsn` presents; None when it
    cannot tell (not verify-ca/verify-full, a Unix socket, no CA file, no answer, or no fault)."""
    try:
        params = conninfo_to_dict(dsn)
    except Exception:  # noqa: BLE001 -- a DSN libpq cannot read has no certificate to judge
        return None
    mode = str(params.get("sslmode") or os.environ.get("PGSSLMODE", ""))
    host = str(params.get("host") or "").split(",", maxsplit=1)[0]
    if mode not in ("verify-ca", "verify-full") or not host or host.startswith("/"):
        return None
    address = str(params.get("hostaddr") or host).split(",", maxsplit=1)[0]
    port = int(str(params.get("port") or 5432).split(",", maxsplit=1)[0])
    rootcert = params.get("sslrootcert") or Path.home() / ".postgresql" / "root.crt"
    try:
        context = ssl.create_default_context(cafile=str(rootcert))
    except (OSError, ssl.SSLError):
        return f"the CA file {rootcert} cannot be read"
    context.check_hostname = mode == "verify-full"
    return _handshake(context, address, port, host)


def _handshake(context: ssl.SSLContext, address: str, port: int, host: str) -> str | None:
    try:
        with socket.create_connection((address, port), timeout=TIMEOUT) as raw:
            raw.sendall(SSL_REQUEST)
            if raw.recv(1) != b"S":
                return "the server does not offer TLS"
            with context.wrap_socket(raw, server_hostname=host):
                return None
    except ssl.SSLCertVerificationError as exc:
        return str(exc.verify_message)
    except (OSError, ssl.SSLError, ValueError):
        return None
