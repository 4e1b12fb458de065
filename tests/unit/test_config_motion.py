"""[kiosk] reduced_motion: off unless the clinic asks, and a wrong value names the key."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.core.config import ConfigError, load_config


def test_motion_is_on_unless_the_clinic_turns_it_off(tmp_path: Path) -> None:
    assert load_config(None).kiosk.reduced_motion is False
    path = tmp_path / "kiosk.toml"
    path.write_text("[kiosk]\nreduced_motion = true\n", encoding="utf-8")
    assert load_config(path).kiosk.reduced_motion is True


def test_the_sample_config_shows_the_setting_at_its_default() -> None:
    sample = Path(__file__).parents[2] / "deploy" / "kiosk.sample.toml"
    assert "\nreduced_motion = false\n" in sample.read_text(encoding="utf-8")
    assert load_config(sample).kiosk.reduced_motion is False


def test_a_word_instead_of_true_or_false_names_the_key(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text('[kiosk]\nreduced_motion = "yes"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"'kiosk\.reduced_motion'.*true or false"):
        load_config(path)
