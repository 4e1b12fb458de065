"""`[kiosk] id` and `[sync]`: the outbox sync to the central store is off unless configured, and
a configuration that would put the central password in the file is refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.core.config import ConfigError, dsn_has_password, load_config


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "kiosk.toml"
    path.write_text(text, encoding="utf-8")
    return path


SYNC = '[kiosk]\nid = "lobby-1"\n[sync]\ndsn = "host=central.example.org dbname=kiosk"\n'


def test_without_a_sync_section_nothing_syncs(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, '[kiosk]\nid = "lobby-1"\n'))
    assert config.sync is None
    assert config.kiosk.id == "lobby-1"
    assert load_config(None).sync is None


def test_a_sync_section_has_working_defaults(tmp_path: Path) -> None:
    sync = load_config(write(tmp_path, SYNC)).sync
    assert sync is not None
    assert sync.dsn == "host=central.example.org dbname=kiosk"
    assert sync.keep_after_sync_hours == 24
    assert sync.interval_seconds == 1  # a request is on the desk about a second after Send
    assert sync.batch_size == 2000
    assert sync.password_file is None  # then the systemd credential


def test_the_password_file_counts_from_the_config_file(tmp_path: Path) -> None:
    sync = load_config(write(tmp_path, SYNC + 'password_file = "secret/central.pw"\n')).sync
    assert sync is not None
    assert sync.password_file == tmp_path / "secret" / "central.pw"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('[sync]\ndsn = "host=x"\n', "needs 'kiosk.id'"),
        ('[kiosk]\nid = "lobby-1"\n[sync]\ninterval_seconds = 5\n', "needs 'sync.dsn'"),
        ('[kiosk]\nid = "Lobby 1"\n', "'kiosk.id' must be"),
        ('[kiosk]\nid = "kiosk_1; DROP ROLE desk"\n', "'kiosk.id' must be"),
        (SYNC + "interval_seconds = 0\n", "'sync.interval_seconds' must be between 1 and 3600"),
        (SYNC + "batch_size = 0\n", "'sync.batch_size' must be between"),
        (SYNC + "keep_after_sync_hours = -1\n", "'sync.keep_after_sync_hours' must be between"),
        (SYNC + 'password_file = ""\n', "'sync.password_file' must be a folder path"),
        (SYNC + "unknown = 1\n", "unknown key 'sync.unknown'"),
    ],
)
def test_a_wrong_setting_names_the_key(tmp_path: Path, text: str, words: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as error:
        load_config(path)
    assert words in str(error.value)
    assert str(path) in str(error.value)


@pytest.mark.parametrize(
    "dsn",
    [
        "host=central dbname=kiosk password=hunter2",
        "host=central PASSWORD = hunter2",
        "password='a b' host=central",
        "postgresql://kiosk_lobby-1:hunter2@central/kiosk",
        "postgres://central/kiosk?password=hunter2",
    ],
)
def test_a_password_in_the_dsn_is_refused_without_repeating_it(tmp_path: Path, dsn: str) -> None:
    assert dsn_has_password(dsn)
    path = write(tmp_path, SYNC.replace("host=central.example.org dbname=kiosk", dsn))
    with pytest.raises(ConfigError) as error:
        load_config(path)
    assert "must not hold a password" in str(error.value)
    assert "hunter2" not in str(error.value)


@pytest.mark.parametrize(
    "dsn",
    [
        "host=central dbname=kiosk user=kiosk_lobby-1 sslmode=verify-full",
        "host=central passfile=/etc/kiosk/pgpass",  # libpq's own file, not a password
        "postgresql://kiosk_lobby-1@central:5432/kiosk?sslmode=verify-full",
    ],
)
def test_a_dsn_without_a_password_is_accepted(dsn: str) -> None:
    assert not dsn_has_password(dsn)
