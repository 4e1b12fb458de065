"""What can go wrong between a kiosk and the central store, in words IT can act on.

A psycopg error becomes a `SyncError` of a kind. Its message never quotes the server's error
text once connected (a failed INSERT's detail may hold the row, that is, a patient); only while
connecting, when libpq's words name the host, the user and the certificate, is their first line
kept, since that is what IT needs to fix a wrong password, host or CA.
"""

from __future__ import annotations

from enum import StrEnum

import psycopg

from kiosk.central.tls_probe import why_untrusted

MAX_DETAIL = 200


class Problem(StrEnum):
    """What went wrong, for the status file and the diagnostics (names of kinds, no secrets)."""

    NO_PASSWORD = "no_password"  # noqa: S105 -- the password file or credential is missing
    WRONG_PASSWORD = "wrong_password"  # noqa: S105
    REFUSED = "refused"  # no such role, or pg_hba.conf has no line for this kiosk
    TLS = "tls"  # certificate not trusted, expired, wrong host name; or TLS required
    UNREACHABLE = "unreachable"  # no route, refused, timed out, server restarting
    NOT_ALLOWED = "not_allowed"  # the role may not write (not migrated? wrong kiosk id?)
    NOT_MIGRATED = "not_migrated"
    CENTRAL = "central"  # any other error of the central store
    LOCAL = "local"  # this kiosk's own database


class SyncError(Exception):
    """A pass failed, of the given kind; the message is for the log and the diagnostics."""

    def __init__(self, kind: Problem, message: str) -> None:
        super().__init__(message)
        self.kind = kind


def while_connecting(exc: psycopg.Error, dsn: str = "") -> SyncError:
    """The error of a failed connection attempt (to `dsn`, to ask why a certificate failed)."""
    text = str(exc).strip()
    detail = text.splitlines()[0][:MAX_DETAIL] if text else type(exc).__name__
    lowered = text.lower()
    if "password authentication failed" in lowered:
        return SyncError(
            Problem.WRONG_PASSWORD,
            "the central store refused this kiosk's password: check the password file "
            f"(or credential) against `kiosk central add-kiosk` ({detail})",
        )
    if "password" in lowered and ("no password" in lowered or "supplied" in lowered):
        return SyncError(Problem.NO_PASSWORD, f"the central store asks for a password ({detail})")
    if any(word in lowered for word in ("certificate", "ssl", "tls")):
        reason = why_untrusted(dsn) if dsn and "verify failed" in lowered else None
        return SyncError(
            Problem.TLS,
            f"the central store's certificate was not accepted: {reason} ({detail})"
            if reason
            else f"the central store's certificate was not accepted, or TLS failed ({detail})",
        )
    if "does not exist" in lowered or "no pg_hba.conf entry" in lowered:
        return SyncError(
            Problem.REFUSED,
            f"the central store does not know this kiosk: run `kiosk central add-kiosk` "
            f"and check pg_hba.conf ({detail})",
        )
    return SyncError(Problem.UNREACHABLE, f"cannot reach the central store ({detail})")


def while_pushing(exc: psycopg.Error) -> SyncError:
    """The error of a statement on an open connection: its kind and SQLSTATE, never its text."""
    code = exc.sqlstate or ""
    name = type(exc).__name__
    if isinstance(exc, psycopg.errors.InsufficientPrivilege):
        return SyncError(
            Problem.NOT_ALLOWED,
            "the central store does not let this kiosk write (is [kiosk] id the name it was "
            f"added with, kiosk_<id>? was the store migrated?) ({name} {code})",
        )
    if isinstance(exc, psycopg.errors.UndefinedTable):
        return SyncError(
            Problem.NOT_MIGRATED,
            f"the central store has no tables yet: run `kiosk central migrate` ({name} {code})",
        )
    if isinstance(exc, psycopg.OperationalError) or code.startswith(("08", "57")):
        return SyncError(
            Problem.UNREACHABLE, f"the connection to the central store was lost ({name} {code})"
        )
    return SyncError(Problem.CENTRAL, f"the central store refused a push ({name} {code})")
