"""The database key: 32 random bytes, never derived from a PIN, kept apart from the data.

It comes from a systemd credential when the service has one (`$CREDENTIALS_DIRECTORY`), else
from a key file (mode 0600) in the data folder, created on first run. A key that is missing
while a database exists is an error for staff, never a reason to start an empty database.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from collections.abc import Mapping
from pathlib import Path

KEY_FILE = "db.key"
CREDENTIAL = "kiosk-db-key"
KEY_BYTES = 32


class KeyUnavailableError(Exception):
    """The key cannot be had; the message is for staff and names no secret."""


def load_key(data_dir: Path, database: Path, env: Mapping[str, str] | None = None) -> bytes:
    """The key for `database`, creating a key file only when there is no database yet."""
    environ = os.environ if env is None else env
    credentials = environ.get("CREDENTIALS_DIRECTORY")
    if credentials and (Path(credentials) / CREDENTIAL).is_file():
        return _read(Path(credentials) / CREDENTIAL)
    path = data_dir / KEY_FILE
    if path.is_file():
        return _read(path)
    if database.exists():
        raise KeyUnavailableError(
            f"the database key file {path} is missing, so the saved requests cannot be read; "
            "restore it from the backup (the database itself is untouched)"
        )
    return _create(path)


def fingerprint(key: bytes) -> str:
    """A short value that tells two keys apart without revealing either."""
    return hmac.new(key, b"waiting-room-kiosk key check", hashlib.sha256).hexdigest()[:32]


def _read(path: Path) -> bytes:
    try:
        text = path.read_text(encoding="ascii").strip()
        key = bytes.fromhex(text)
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        reason = type(exc).__name__
        raise KeyUnavailableError(
            f"the database key file {path} cannot be read ({reason})"
        ) from None
    if len(key) != KEY_BYTES:
        raise KeyUnavailableError(
            f"the database key file {path} does not hold a {KEY_BYTES}-byte key"
        )
    return key


def _create(path: Path) -> bytes:
    key = secrets.token_bytes(KEY_BYTES)
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    # O_EXCL: two kiosks starting at once must not each write a different key.
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="ascii") as handle:
        handle.write(key.hex() + "\n")
        handle.flush()
        os.fsync(handle.fileno())
    return key
