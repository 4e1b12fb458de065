"""[desk] in the configuration: where the central store is for `kiosk desk`, and the clinic's
time zone; mistakes named plainly."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.core.config import ConfigError, load_config

KIOSK = Path(sys.executable).with_name("kiosk")


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "kiosk.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_desk_settings_are_read(tmp_path: Path) -> None:
    config = load_config(
        write(
            tmp_path,
            '[desk]\ndsn = "host=db dbname=kiosk user=desk_front"\n'
            'password_file = "desk.password"\ntime_zone = "America/Chicago"\n',
        )
    )
    assert config.desk is not None
    assert config.desk.dsn == "host=db dbname=kiosk user=desk_front"
    assert config.desk.password_file == tmp_path / "desk.password"
    assert config.desk.time_zone == "America/Chicago"
    assert load_config(write(tmp_path, "")).desk is None


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ('[desk]\ndsn = "host=db password=hunter2"\n', "'desk.dsn' must not hold a password"),
        ('[desk]\ntime_zone = "Mars/Olympus"\n', "'desk.time_zone' must be a time zone"),
    ],
)
def test_desk_mistakes_are_named(tmp_path: Path, text: str, said: str) -> None:
    with pytest.raises(ConfigError, match=said):
        load_config(write(tmp_path, text))


def test_kiosk_desk_without_a_desk_section_says_so(tmp_path: Path) -> None:
    result = subprocess.run(
        [str(KIOSK), "desk", "--config", str(write(tmp_path, ""))],
        capture_output=True, text=True, check=False, timeout=60,
    )  # fmt: skip
    assert result.returncode == 2
    assert "no [desk] dsn" in result.stderr


def test_every_package_of_the_kiosk_is_installed() -> None:
    """A non-editable install (pip install .) carries the packages pyproject.toml lists, no
    others: one left off (kiosk.desk was) installs a `kiosk desk` that cannot import."""
    import tomllib

    root = Path(__file__).parents[2]
    listed = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["tool"][
        "setuptools"
    ]["packages"]
    found = sorted(
        ".".join(init.parent.relative_to(root).parts)
        for init in (root / "kiosk").rglob("__init__.py")
        if "_shipped" not in init.parts
    )
    assert sorted(listed) == found
