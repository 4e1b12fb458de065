"""The kiosk's password for the central store: from `[sync] password_file` (which must be private
to its owner, mode 0600 or 0400), else from systemd's credential `kiosk-central-password`
($CREDENTIALS_DIRECTORY, from LoadCredential= or LoadCredentialEncrypted=). Never from the
configuration file; never logged."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from kiosk.central.problems import Problem, SyncError

CREDENTIAL = "kiosk-central-password"
MAX_BYTES = 1024


def password_path(password_file: Path | None, env: Mapping[str, str] | None = None) -> Path | None:
    if password_file is not None:
        return password_file
    credentials = (os.environ if env is None else env).get("CREDENTIALS_DIRECTORY")
    return Path(credentials) / CREDENTIAL if credentials else None


def read_password(password_file: Path | None, env: Mapping[str, str] | None = None) -> str:
    """The password, or SyncError(NO_PASSWORD) saying which file to make and how."""
    path = password_path(password_file, env)
    if path is None:
        raise SyncError(
            Problem.NO_PASSWORD,
            "no password for the central store: set [sync] password_file, or give the service "
            f"the credential {CREDENTIAL}",
        )
    return read_secret_file(path, private=password_file is not None)


def read_secret_file(path: Path, *, private: bool = True) -> str:
    """The first line of `path`; with `private`, refused while group or others may read it."""
    try:
        if private and path.stat().st_mode & 0o077:
            raise SyncError(
                Problem.NO_PASSWORD,
                f"the password file {path} can be read by other users: chmod 600 {path}",
            )
        with path.open("rb") as file:
            data = file.read(MAX_BYTES + 1)
    except OSError as exc:
        raise SyncError(
            Problem.NO_PASSWORD, f"cannot read the password file {path} ({exc.strerror})"
        ) from None
    try:
        lines = data.decode("utf-8").splitlines() if len(data) <= MAX_BYTES else []
    except UnicodeDecodeError:
        lines = []
    if not lines or not lines[0]:
        raise SyncError(Problem.NO_PASSWORD, f"the password file {path} holds no password")
    return lines[0]
