"""The database key: 32 random bytes, never derived from a PIN, kept apart from the data.

It comes from a systemd credential when the service has one (`$CREDENTIALS_DIRECTORY`), else
from a key file (mode 0600) in the data folder, created on first run. A key that is missing
while a database exists is an error for staff, never a reason to start an empty database.
The key file appears whole or not at all: a kill or a full disk while it is made leaves no
empty or half-written key behind (which once left a kiosk unable to start ever again).
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from collections.abc import Mapping
from pathlib import Path

from kiosk.storage.files import write_atomically

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
    _remove_unfinished(path)
    if database.exists():
        if not path.is_file():
            raise KeyUnavailableError(
                f"the database key file {path} is missing, so the saved requests cannot be "
                "read; restore it from the backup (the database itself is untouched)"
            )
        return _read(path, private=True)
    # No database yet, so no data depends on a key file that is there: an unreadable one (left
    # empty by an older kiosk killed while making it) is replaced, a good one kept.
    if path.is_file():
        try:
            return _read(path, private=True)
        except KeyUnavailableError:
            if _too_open(path):
                raise
    return _create(path)


def fingerprint(key: bytes) -> str:
    """A short value that tells two keys apart without revealing either."""
    return hmac.new(key, b"waiting-room-kiosk key check", hashlib.sha256).hexdigest()[:32]


def _read(path: Path, *, private: bool = False) -> bytes:
    """The key in `path`; with `private`, refused while others may read the file (a systemd
    credential is private by construction and needs no check)."""
    if private and _too_open(path):
        mode = path.stat().st_mode & 0o777
        raise KeyUnavailableError(
            f"the database key file {path} can be read by other users (mode {mode:04o}); "
            f"make it private with: chmod 600 {path}"
        )
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


def _too_open(path: Path) -> bool:
    """Group or others may read it (a key the owner made private has mode 0600 or 0400)."""
    try:
        return bool(path.stat().st_mode & 0o077)
    except OSError:
        return False


def _create(path: Path) -> bytes:
    """Write a new key to a private temporary file, flush it to disk, then link it in as the
    key file, and flush the folder: the key file appears whole or not at all. Linking (unlike
    renaming) never replaces a key another process made first; that one is used instead."""
    key = secrets.token_bytes(KEY_BYTES)
    folder = path.parent
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    if path.is_file():  # an unreadable key file with no database behind it
        path.unlink()
    try:
        write_atomically(
            path, lambda file: file.write((key.hex() + "\n").encode("ascii")), replace=False
        )
    except FileExistsError:
        return _read(path, private=True)  # another kiosk process made it a moment ago
    return key


def _remove_unfinished(path: Path) -> None:
    """Temporary key files a kill left behind (a copy of the key, or one never used)."""
    try:
        for unfinished in path.parent.glob(f".{path.name}.*"):
            unfinished.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only folder: nothing can be tidied, and nothing needs to be
