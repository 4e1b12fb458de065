"""The configuration file: defaults, and errors that name the file, the key and the fix."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kiosk.core.config import Config, ConfigError, find_config_file, load_config


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "kiosk.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_no_file_gives_working_defaults() -> None:
    config = load_config(None)
    assert config.clinic.name
    assert config.kiosk.idle_timeout_seconds == 90
    assert config.default_language == "en"
    assert (config.paths.content_dir / "en" / "topics").is_dir()
    assert (config.paths.assets_dir / "style.qss").is_file()


def test_shipped_sample_config_loads(tmp_path: Path) -> None:
    sample = Path(__file__).parents[2] / "deploy" / "kiosk.sample.toml"
    config = load_config(sample)
    assert config.clinic == Config().clinic  # the sample shows the defaults it documents
    assert config.kiosk.languages[0] == "en"


def test_the_default_clinic_is_the_real_one_a_patient_can_call() -> None:
    clinic = Config().clinic
    assert clinic.name == "Spine and Pain Clinic of Texas"
    assert clinic.phone == "(214) 256-3900"  # not a 555 number that rings nowhere


def test_values_from_file_replace_defaults(tmp_path: Path) -> None:
    path = write(tmp_path, '[clinic]\nname = "Test Clinic"\n[kiosk]\nidle_timeout_seconds = 120\n')
    config = load_config(path)
    assert config.clinic.name == "Test Clinic"
    assert config.kiosk.idle_timeout_seconds == 120
    assert config.clinic.phone == Config().clinic.phone


def test_relative_folders_count_from_the_config_file(tmp_path: Path) -> None:
    path = write(tmp_path, '[paths]\ndata_dir = "var/kiosk"\n')
    assert load_config(path).paths.data_dir == tmp_path / "var" / "kiosk"


def test_unknown_key_names_file_key_and_choices(tmp_path: Path) -> None:
    path = write(tmp_path, '[clinic]\nnmae = "Typo Clinic"\n')
    with pytest.raises(ConfigError) as error:
        load_config(path)
    message = str(error.value)
    assert str(path) in message
    assert "clinic.nmae" in message
    assert "name" in message


def test_unknown_section_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"unknown section \[kisok\]"):
        load_config(write(tmp_path, "[kisok]\nidle_timeout_seconds = 5\n"))


@pytest.mark.parametrize(
    ("text", "key", "expected"),
    [
        ('[kiosk]\nidle_timeout_seconds = "90"\n', "kiosk.idle_timeout_seconds", "whole number"),
        ("[kiosk]\nidle_timeout_seconds = true\n", "kiosk.idle_timeout_seconds", "whole number"),
        ("[clinic]\nphone = 2145550100\n", "clinic.phone", "text in quotes"),
        ('[kiosk]\nlanguages = "en"\n', "kiosk.languages", "a list of text"),
        ('[kiosk]\nhigh_contrast = "yes"\n', "kiosk.high_contrast", "true or false"),
        ("[paths]\ndata_dir = 5\n", "paths.data_dir", "folder path"),
    ],
)
def test_wrong_type_names_key_and_expected_type(
    tmp_path: Path, text: str, key: str, expected: str
) -> None:
    with pytest.raises(ConfigError) as error:
        load_config(write(tmp_path, text))
    assert f"'{key}'" in str(error.value)
    assert expected in str(error.value)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("[kiosk]\nidle_timeout_seconds = 2\n", "between 10 and 3600"),
        ("[kiosk]\nlanguages = []\n", "at least one language"),
        ('[kiosk]\nlanguages = ["en", "en"]\n', "twice"),
        ("[kiosk]\ntext_size = 110\n", "100, 125, 150, 175, 200"),
        ('[clinic]\nname = "  "\n', "must not be empty"),
    ],
)
def test_out_of_range_values_are_refused(tmp_path: Path, text: str, fragment: str) -> None:
    with pytest.raises(ConfigError, match=fragment):
        load_config(write(tmp_path, text))


def test_broken_toml_names_the_file(tmp_path: Path) -> None:
    path = write(tmp_path, "[clinic\nname = 1\n")
    with pytest.raises(ConfigError, match="not valid TOML") as error:
        load_config(path)
    assert str(path) in str(error.value)


def test_missing_file_is_an_error_not_silent_defaults(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no such configuration file"):
        load_config(tmp_path / "absent.toml")


def test_explicit_file_wins_over_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KIOSK_CONFIG", str(tmp_path / "env.toml"))
    assert find_config_file(tmp_path / "cli.toml") == tmp_path / "cli.toml"
    assert find_config_file(None) == tmp_path / "env.toml"


def test_something_that_is_not_a_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    fifo = tmp_path / "kiosk.toml"
    os.mkfifo(fifo)  # like /dev/zero or /dev/stdin: reading would never end
    with pytest.raises(ConfigError, match=r"kiosk\.toml: cannot use it .*not a regular file"):
        load_config(fifo)
    with pytest.raises(ConfigError, match="a folder"):
        load_config(tmp_path)


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00", "not text (UTF-8)"),
        (b"# " + b"x" * 70_000 + b"\n", "longer than 64 KB"),
        (b"a = " + b"[" * 5_000 + b"]" * 5_000 + b"\n", "nested too deeply"),
        (b'[clinic]\nname = "' + b"N" * 61 + b'"\n', "'clinic.name' must be at most 60 characters"),
    ],
    ids=["binary", "huge", "deep", "long-name"],
)
def test_a_file_that_is_not_a_configuration_gets_a_message(
    tmp_path: Path, content: bytes, fragment: str
) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_bytes(content)
    with pytest.raises(ConfigError) as error:
        load_config(path)
    assert fragment in str(error.value)
    assert str(error.value).startswith(f"{path}: ")
