"""The database key file: made whole or not at all, private, never replaced under a database."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.storage.keys import KEY_BYTES, KEY_FILE, KeyUnavailableError, load_key

# Makes the key in a child process that kills itself (SIGKILL, as a power cut or the OOM
# killer would) just before its Nth system call: every stat, open, write, flush, fsync, link,
# close and unlink, in turn.
KILLED_AT = """
import os, signal, sys
from pathlib import Path
from kiosk.storage.keys import load_key
folder, kill_at = Path(sys.argv[1]), int(sys.argv[2])
calls = 0
NOT_SYSTEM_CALLS = {"fspath", "_path_normpath", "getpid"}
def system_call(function):
    if getattr(function, "__module__", None) == "posix":
        return function.__name__ not in NOT_SYSTEM_CALLS
    return function.__qualname__.startswith(("TextIOWrapper.", "BufferedWriter.", "FileIO."))
def profile(frame, event, arg):
    global calls
    if event == "c_call" and system_call(arg):
        calls += 1
        if calls == kill_at:
            os.kill(os.getpid(), signal.SIGKILL)
sys.setprofile(profile)
load_key(folder, folder / "requests.db")
sys.setprofile(None)
print(calls)
"""


def make_key(folder: Path, kill_at: int) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", KILLED_AT, str(folder), str(kill_at)],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )


def test_a_kill_at_any_step_of_the_first_start_never_leaves_a_broken_key(
    tmp_path: Path,
) -> None:
    whole = make_key(tmp_path / "whole", kill_at=0)
    steps = int(whole.stdout)
    assert steps > 5
    for kill_at in range(1, steps + 1):
        folder = tmp_path / f"killed-{kill_at}"
        assert make_key(folder, kill_at).returncode == -9
        key_file = folder / KEY_FILE
        if key_file.exists():  # killed after the key was in place: it must be whole
            assert len(bytes.fromhex(key_file.read_text(encoding="ascii"))) == KEY_BYTES
        # The next start works either way, and leaves nothing half-made behind.
        assert len(load_key(folder, folder / "requests.db")) == KEY_BYTES
        assert sorted(entry.name for entry in folder.iterdir()) == [KEY_FILE]


def test_an_empty_key_file_with_no_database_behind_it_is_replaced(tmp_path: Path) -> None:
    (tmp_path / KEY_FILE).write_bytes(b"")  # as an older kiosk killed mid-start left it
    (tmp_path / KEY_FILE).chmod(0o600)
    key = load_key(tmp_path, tmp_path / "requests.db")
    assert (tmp_path / KEY_FILE).read_text(encoding="ascii").strip() == key.hex()


def test_a_bad_key_file_beside_a_database_is_never_replaced(tmp_path: Path) -> None:
    (tmp_path / "requests.db").write_bytes(b"encrypted requests")
    (tmp_path / KEY_FILE).write_bytes(b"")
    (tmp_path / KEY_FILE).chmod(0o600)
    with pytest.raises(KeyUnavailableError, match=r"cannot be read|does not hold"):
        load_key(tmp_path, tmp_path / "requests.db")
    assert (tmp_path / KEY_FILE).read_bytes() == b""


@pytest.mark.parametrize("mode", [0o644, 0o640, 0o604])
def test_a_key_others_can_read_is_refused_with_the_fix(tmp_path: Path, mode: int) -> None:
    key_file = tmp_path / KEY_FILE
    key_file.write_text("ab" * KEY_BYTES + "\n", encoding="ascii")
    key_file.chmod(mode)
    (tmp_path / "requests.db").write_bytes(b"encrypted requests")
    with pytest.raises(KeyUnavailableError) as error:
        load_key(tmp_path, tmp_path / "requests.db")
    assert f"mode {mode:04o}" in str(error.value)
    assert f"chmod 600 {key_file}" in str(error.value)


def test_a_new_key_file_is_private(tmp_path: Path) -> None:
    load_key(tmp_path / "data", tmp_path / "data" / "requests.db")
    assert (tmp_path / "data" / KEY_FILE).stat().st_mode & 0o777 == 0o600
    assert (tmp_path / "data").stat().st_mode & 0o777 == 0o700
