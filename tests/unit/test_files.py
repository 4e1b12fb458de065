"""kiosk.storage.files: a file appears whole, private, or not at all, and never replaces one it
must not."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import IO

import pytest

from kiosk.storage.files import write_atomically


def test_a_written_file_is_whole_private_and_leaves_nothing_else(tmp_path: Path) -> None:
    target = tmp_path / "note.txt"
    assert write_atomically(target, lambda file: file.write(b"hello\n")) == 6
    assert target.read_bytes() == b"hello\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert list(tmp_path.iterdir()) == [target]


def test_without_replace_an_existing_file_is_kept_and_nothing_is_left(tmp_path: Path) -> None:
    target = tmp_path / "export.csv"
    target.write_bytes(b"someone else's")
    with pytest.raises(FileExistsError):
        write_atomically(target, lambda file: file.write(b"ours"), replace=False)
    assert target.read_bytes() == b"someone else's"
    assert list(tmp_path.iterdir()) == [target]


def test_replace_swaps_the_whole_file(tmp_path: Path) -> None:
    target = tmp_path / "requests.db.keycheck"
    target.write_bytes(b"old")
    write_atomically(target, lambda file: file.write(b"new"))
    assert target.read_bytes() == b"new"


def test_a_write_that_fails_half_way_leaves_no_file(tmp_path: Path) -> None:
    target = tmp_path / "half.csv"

    def fail(file: IO[bytes]) -> int:
        file.write(b"half of it")
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError, match="No space"):
        write_atomically(target, fail, prefix=".export-")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("links", [True, False], ids=["links", "no-links (FAT)"])
def test_the_refusal_names_the_file_it_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, links: bool
) -> None:
    """What a caller logs or shows: EEXIST and the file's name, on any file system."""
    if not links:

        def no_link(*_args: object, **_kwargs: object) -> None:
            raise OSError(errno.EPERM, os.strerror(errno.EPERM))

        monkeypatch.setattr(os, "link", no_link)
    target = tmp_path / "export.csv"
    target.write_bytes(b"someone else's")
    with pytest.raises(FileExistsError) as error:
        write_atomically(target, lambda file: file.write(b"ours"), replace=False)
    assert (error.value.errno, error.value.filename) == (errno.EEXIST, str(target))
    assert str(error.value) == f"[Errno {errno.EEXIST}] already exists: '{target}'"
    assert target.read_bytes() == b"someone else's"
    assert list(tmp_path.iterdir()) == [target]
