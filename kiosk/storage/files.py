"""Files that appear whole or not at all: the one way the kiosk writes a file it keeps.

A private temporary file next to the target (mkstemp makes it 0600 itself, with no chmod a
FAT-formatted stick would refuse), written, flushed and fsynced; then put in place, by rename
or, when nothing may be replaced, by a hard link that fails if the name is taken; then the
folder is fsynced so the new name survives a power cut or a stick pulled out right after.
A failure leaves no temporary file behind and raises OSError; the caller says it in its words.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO, TypeVar

T = TypeVar("T")

# A folder some file systems cannot fsync, and a file system with no hard links (FAT).
_NO_FOLDER_SYNC = (errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP)
_NO_LINKS = (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP)


def write_atomically(
    path: Path,
    write: Callable[[IO[bytes]], T],
    *,
    replace: bool = True,
    prefix: str | None = None,
) -> T:
    """Run `write` on a private temporary file next to `path`, then put it in place whole and
    return what `write` returned. With `replace=False` an existing `path` is never replaced:
    FileExistsError, and nothing written. `prefix` names the temporary file, so whoever tidies
    up after a kill can find it (".<name>." by default)."""
    folder = path.parent
    handle, name = tempfile.mkstemp(dir=folder, prefix=prefix or f".{path.name}.")
    temporary = Path(name)
    try:
        with os.fdopen(handle, "wb") as file:
            result = write(file)
            file.flush()
            os.fsync(file.fileno())
        if replace:
            temporary.replace(path)
        else:
            _place_new(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
        raise
    sync_folder(folder)
    return result


def _place_new(temporary: Path, path: Path) -> None:
    """Give the finished file its name unless that name is taken: a hard link fails rather than
    replace, with no moment in between; a FAT stick has no links, so there it is looked first."""
    try:
        os.link(temporary, path, follow_symlinks=False)
    except FileExistsError:
        raise FileExistsError(errno.EEXIST, "already exists", str(path)) from None
    except OSError as exc:
        if exc.errno not in _NO_LINKS:
            raise
        if os.path.lexists(path):
            raise FileExistsError(errno.EEXIST, "already exists", str(path)) from None
        temporary.replace(path)
    else:
        temporary.unlink()  # the file is in place under its name either way


def sync_folder(folder: Path) -> None:
    """Make a rename or link in `folder` survive a power cut. A file system that cannot sync a
    folder at all is let be (the file itself is synced); any other error is raised, and the
    caller must not report the file as done."""
    handle = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(handle)
    except OSError as exc:
        if exc.errno not in _NO_FOLDER_SYNC:
            raise
    finally:
        os.close(handle)
