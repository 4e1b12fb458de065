"""The suite itself: no test may read or write the real user's folders or the machine's
configuration (tests/conftest.py points them all at temporary folders)."""

from __future__ import annotations

import os
import pwd
from pathlib import Path

from kiosk.core.config import Config, find_config_file, load_config

REAL_HOME = Path(pwd.getpwuid(os.getuid()).pw_dir)


def test_the_default_data_folder_is_not_in_the_real_home() -> None:
    data_dir = Config().paths.data_dir
    assert not data_dir.is_relative_to(REAL_HOME)
    assert Path.home() != REAL_HOME


def test_no_configuration_of_the_machine_is_read() -> None:
    found = find_config_file(None)
    assert found is not None
    assert not found.is_relative_to(Path("/etc"))
    assert load_config(found).clinic == Config().clinic  # an empty file: the defaults


def test_user_folders_are_private_temporary_ones() -> None:
    for variable in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_RUNTIME_DIR"):
        folder = Path(os.environ[variable])
        assert not folder.is_relative_to(REAL_HOME)
        assert folder.is_dir()
    assert "CREDENTIALS_DIRECTORY" not in os.environ  # never the machine's database key
