"""The clinic's settings: read from one TOML file, checked strictly, with defaults for all.

A typo in a key or a number written as text is reported with the file, the key and what was
expected, because a kiosk that silently ignores its settings is worse than one that says no.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any, NamedTuple

from kiosk.core.paths import shipped

ENV_CONFIG = "KIOSK_CONFIG"
SYSTEM_CONFIG = Path("/etc/waiting-room-kiosk/kiosk.toml")
TEXT_SIZES = (100, 125, 150, 175, 200)
MAX_CONFIG_BYTES = 64_000  # the sample, with every comment, is under 3 KB
# The footer must show the whole name and number in the largest text on a portrait screen.
# Allowed ranges, inclusive: long enough to read a page, short enough that a walked-away
# patient's form does not wait for the next one; retention up to ten years.
IDLE_SECONDS = range(10, 3600 + 1)
RETENTION_DAYS = range(1, 3650 + 1)
STAFF_MINUTES = range(1, 60 + 1)
MAX_TEXT = {"clinic.name": 60, "clinic.phone": 30, "clinic.address": 120}
# The thank-you page's promise, said after "We will call you back": the kiosk's own words
# (translated into every language) unless the clinic gives its own.
DEFAULT_CALLBACK_WITHIN = "within one business day"
CALLBACK_WITHIN_MAX = 60
ANY_LANGUAGE = ""  # the key of a promise given as one text for every language
# A kiosk's name in the central store: it becomes part of its PostgreSQL role, kiosk_<id>.
KIOSK_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,39}")
# [sync]: seconds between two pushes, rows per push, hours a synced request keeps its
# personal fields on the kiosk (0: wiped at the next pass after the central store has it).
SYNC_INTERVAL_SECONDS = range(1, 3600 + 1)
SYNC_BATCH_SIZE = range(1, 10_000 + 1)
SYNC_KEEP_HOURS = range(24 * 365 + 1)


def _user_data_home() -> Path:
    """$XDG_DATA_HOME, else ~/.local/share (the XDG Base Directory default)."""
    configured = Path(os.environ.get("XDG_DATA_HOME", ""))
    # The specification says a relative value is invalid and must be ignored.
    return configured if configured.is_absolute() else Path.home() / ".local" / "share"


class ConfigError(ValueError):
    """The configuration file cannot be used; the message names the file and the key."""


class ClinicConfig(NamedTuple):
    """Who the clinic is, as shown in the footer and the About page. The defaults are the
    clinic the kiosk is built for: a patient told to call must see a number that works."""

    name: str = "Spine and Pain Clinic of Texas"
    phone: str = "(214) 256-3900"
    address: str = ""
    # How soon staff call back, as (language, words) pairs; empty: DEFAULT_CALLBACK_WITHIN in
    # the patient's language. Written as one text, or a table with a text per language.
    callback_within: tuple[tuple[str, str], ...] = ()

    def promise(self, language: str) -> str | None:
        """The clinic's own words for how soon it calls back, in `language`; None for the
        kiosk's own (DEFAULT_CALLBACK_WITHIN, which the view translates)."""
        texts = dict(self.callback_within)
        return texts.get(language, texts.get(ANY_LANGUAGE))


class KioskConfig(NamedTuple):
    """How the kiosk behaves."""

    languages: tuple[str, ...] = ("en", "es")
    idle_timeout_seconds: int = 90
    text_size: int = 100
    high_contrast: bool = False
    hide_cursor: bool = False
    # No fading between topics and no pulsing invitation on the attract loop (for a clinic
    # whose patients are upset by motion: migraine, vestibular trouble, some seizures).
    reduced_motion: bool = False
    # Exported and done requests are deleted this many days after they were exported or done.
    retention_days: int = 30
    # Staff mode closes itself after this many minutes without a touch.
    staff_timeout_minutes: int = 3
    # Read aloud: "auto" uses the system's speech engine (speech-dispatcher on Linux) when it
    # has a voice for the page's language; "none" hides the button; or a Qt engine's name.
    speech_engine: str = "auto"
    # The kiosk's name in the central store ([sync]); travels with each request it sends.
    id: str = ""


class SyncConfig(NamedTuple):
    """The outbox sync to the central PostgreSQL store (`kiosk sync`). Absent: the kiosk keeps
    everything on its own disk, as a single kiosk always has. The password is never here: it is
    read from `password_file` (mode 0600), else from the systemd credential
    kiosk-central-password ($CREDENTIALS_DIRECTORY)."""

    # libpq connection string or URI, without a password, e.g. "host=desk.example.org
    # dbname=kiosk user=kiosk_lobby-1 sslmode=verify-full sslrootcert=/etc/.../ca.crt".
    dsn: str = ""
    password_file: Path | None = None
    # Seconds between passes. A pass with nothing to send reads the local database only, so 1 s
    # costs next to nothing and puts a request on the desk's screen about a second after Send.
    interval_seconds: int = 1
    # Requests per push, when a queue drains (a kiosk sends one or two at a time otherwise):
    # 2000 drains at half a raw COPY's speed, 500 at a third (bench/sync.py).
    batch_size: int = 2000
    keep_after_sync_hours: int = 24


class DeskConfig(NamedTuple):
    """The front desk's app (`kiosk desk`) on a staff PC: where the central store is, as a
    login in its `desk` group. The password is read from `password_file` (mode 0600), else libpq
    finds it (~/.pgpass, $PGPASSWORD). Staff then sign in with their own PIN."""

    dsn: str = ""
    password_file: Path | None = None
    # The clinic's time zone (e.g. "America/Chicago") for days and times; "": this PC's.
    time_zone: str = ""


class PathsConfig(NamedTuple):
    """Where things are kept. Relative paths count from the configuration file's folder."""

    data_dir: Path = _user_data_home() / "waiting-room-kiosk"
    content_dir: Path = shipped("content")
    assets_dir: Path = shipped("assets")


class Config(NamedTuple):
    """Everything the composition root needs to build the kiosk."""

    clinic: ClinicConfig = ClinicConfig()
    kiosk: KioskConfig = KioskConfig()
    paths: PathsConfig = PathsConfig()
    source: Path | None = None
    sync: SyncConfig | None = None
    desk: DeskConfig | None = None

    @property
    def default_language(self) -> str:
        return self.kiosk.languages[0]

    def with_data_dir(self, data_dir: Path) -> Config:
        return self._replace(paths=self.paths._replace(data_dir=data_dir))


_SECTIONS: dict[str, type[Any]] = {
    "clinic": ClinicConfig,
    "kiosk": KioskConfig,
    "paths": PathsConfig,
    "sync": SyncConfig,
    "desk": DeskConfig,
}
_TYPE_WORDS = {
    str: "text in quotes",
    int: "a whole number",
    bool: "true or false",
    Path: "a folder path in quotes",
    tuple: 'a list of text in quotes, like ["en", "es"]',
}


def find_config_file(explicit: Path | None) -> Path | None:
    """Pick the file to read: `--config`, then $KIOSK_CONFIG, then the system file if present."""
    if explicit is not None:
        return explicit
    from_env = os.environ.get(ENV_CONFIG)
    if from_env:
        return Path(from_env)
    return SYSTEM_CONFIG if SYSTEM_CONFIG.is_file() else None


def load_config(path: Path | None) -> Config:
    """Read `path` (or nothing: all defaults) into a checked `Config`."""
    if path is None:
        return Config()
    import tomllib  # noqa: PLC0415 -- only with a file: start-up without one skips it

    try:
        if path.exists() and not path.is_file():  # a folder, /dev/zero, a pipe: never "forever"
            what = "a folder" if path.is_dir() else "not a regular file"
            raise ConfigError(f"{path}: cannot use it as a configuration file ({what})")
        with path.open("rb") as handle:
            data = handle.read(MAX_CONFIG_BYTES + 1)
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such configuration file") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read it ({exc.strerror})") from None
    if len(data) > MAX_CONFIG_BYTES:
        raise ConfigError(
            f"{path}: longer than {MAX_CONFIG_BYTES // 1000} KB; is it the right file?"
        )
    try:
        raw = tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not text (UTF-8); is it the right file?") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from None
    except RecursionError:
        raise ConfigError(f"{path}: nested too deeply to be a configuration file") from None
    return _parse(raw, path)


def _parse(raw: dict[str, Any], path: Path) -> Config:
    sections: dict[str, Any] = {}
    for name, value in raw.items():
        if name not in _SECTIONS:
            raise ConfigError(
                f"{path}: unknown section [{name}] (expected one of: {', '.join(_SECTIONS)})"
            )
        if not isinstance(value, dict):
            raise ConfigError(f"{path}: '{name}' must be a section written as [{name}]")
        sections[name] = _parse_section(name, value, path)
    config = Config(**sections, source=path)
    _check_values(config, path)
    return config


def _parse_section(name: str, table: dict[str, Any], path: Path) -> Any:
    cls = _SECTIONS[name]
    fields = cls._fields
    values: dict[str, Any] = {}
    for key, value in table.items():
        if key not in fields:
            raise ConfigError(
                f"{path}: unknown key '{name}.{key}' (expected one of: {', '.join(fields)})"
            )
        if f"{name}.{key}" == "clinic.callback_within":
            values[key] = _callback_within(value, path)
        elif f"{name}.{key}" in ("sync.password_file", "desk.password_file"):  # no default
            values[key] = _coerce(f"{name}.{key}", value, Path, path)
        else:
            values[key] = _coerce(f"{name}.{key}", value, _field_type(cls, key), path)
    return cls(**values)


def _field_type(cls: type[Any], key: str) -> type[Any]:
    default = getattr(cls(), key)
    return Path if isinstance(default, Path) else type(default)


def _coerce(key: str, value: Any, expected: type[Any], path: Path) -> Any:
    def wrong() -> ConfigError:
        return ConfigError(f"{path}: '{key}' must be {_TYPE_WORDS[expected]}, not {value!r}")

    # bool is an int in Python; a kiosk setting is never both.
    if expected is int and (isinstance(value, bool) or not isinstance(value, int)):
        raise wrong()
    if expected in (str, bool) and not isinstance(value, expected):
        raise wrong()
    if expected is Path:
        if not isinstance(value, str) or not value:
            raise wrong()
        folder = Path(value).expanduser()
        return folder if folder.is_absolute() else (path.parent / folder).resolve()
    if expected is tuple:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise wrong()
        return tuple(value)
    return value


def _callback_within(value: Any, path: Path) -> tuple[tuple[str, str], ...]:
    """One text for every language, or a table of texts by language code."""
    key = "clinic.callback_within"
    if isinstance(value, str):
        return () if value == DEFAULT_CALLBACK_WITHIN else ((ANY_LANGUAGE, value),)
    if isinstance(value, dict) and value and all(isinstance(v, str) for v in value.values()):
        return tuple(value.items())
    raise ConfigError(
        f"{path}: '{key}' must be text in quotes, or one text per language like "
        f'{{ en = "within two hours", es = "en menos de dos horas" }}, not {value!r}'
    )


def _check_callback_within(config: Config, path: Path) -> None:
    key = "clinic.callback_within"
    texts = dict(config.clinic.callback_within)
    languages = config.kiosk.languages
    for language, text in texts.items():
        where = f"'{key}'" if language == ANY_LANGUAGE else f"'{key}.{language}'"
        if not text.strip():
            raise ConfigError(f"{path}: {where} must not be empty")
        if len(text) > CALLBACK_WITHIN_MAX:
            raise ConfigError(
                f"{path}: {where} must be at most {CALLBACK_WITHIN_MAX} characters, not {len(text)}"
            )
    if ANY_LANGUAGE in texts:
        if len(languages) > 1:  # one language's words would show in the others too
            raise ConfigError(
                f"{path}: '{key}' is shown in every language ({', '.join(languages)}): "
                "give one text per language, like "
                f'{key} = {{ en = "within two hours", es = "en menos de dos horas" }}'
            )
        return
    unknown = [language for language in texts if language not in languages]
    missing = [language for language in languages if language not in texts]
    if texts and (unknown or missing):
        problem = f"has {', '.join(unknown)}, not in" if unknown else f"lacks {missing[0]}, one of"
        raise ConfigError(
            f"{path}: '{key}' {problem} 'kiosk.languages' ({', '.join(languages)}): "
            "give one text for each language the kiosk speaks"
        )


def _check_range(path: Path, key: str, value: int, allowed: range) -> None:
    if value not in allowed:
        raise ConfigError(
            f"{path}: '{key}' must be between {allowed.start} and {allowed.stop - 1}, not {value}"
        )


def _check_values(config: Config, path: Path) -> None:
    for key, limit in MAX_TEXT.items():
        value = getattr(config.clinic, key.split(".")[1])
        if len(value) > limit:
            raise ConfigError(
                f"{path}: '{key}' must be at most {limit} characters, not {len(value)}"
            )
    kiosk = config.kiosk
    if not kiosk.languages:
        raise ConfigError(f"{path}: 'kiosk.languages' must name at least one language")
    if len(set(kiosk.languages)) != len(kiosk.languages):
        raise ConfigError(f"{path}: 'kiosk.languages' lists a language twice")
    _check_range(path, "kiosk.idle_timeout_seconds", kiosk.idle_timeout_seconds, IDLE_SECONDS)
    if kiosk.text_size not in TEXT_SIZES:
        raise ConfigError(
            f"{path}: 'kiosk.text_size' must be one of {', '.join(map(str, TEXT_SIZES))}, "
            f"not {kiosk.text_size}"
        )
    _check_range(path, "kiosk.retention_days", kiosk.retention_days, RETENTION_DAYS)
    _check_range(path, "kiosk.staff_timeout_minutes", kiosk.staff_timeout_minutes, STAFF_MINUTES)
    if not config.clinic.name.strip():
        raise ConfigError(f"{path}: 'clinic.name' must not be empty")
    _check_callback_within(config, path)
    _check_sync(config, path)
    _check_desk(config.desk, path)


def _check_sync(config: Config, path: Path) -> None:
    kiosk_id = config.kiosk.id
    if kiosk_id and not KIOSK_ID.fullmatch(kiosk_id):
        raise ConfigError(
            f"{path}: 'kiosk.id' must be 1 to 40 lower-case letters, digits and dashes, "
            f'starting with a letter or digit (like "lobby-1"), not {kiosk_id!r}'
        )
    sync = config.sync
    if sync is None:
        return
    if not kiosk_id:
        raise ConfigError(
            f"{path}: [sync] needs 'kiosk.id', the name this kiosk has in the central store"
        )
    if not sync.dsn.strip():
        raise ConfigError(f"{path}: [sync] needs 'sync.dsn', where the central store is")
    if dsn_has_password(sync.dsn):
        raise ConfigError(
            f"{path}: 'sync.dsn' must not hold a password: put it in a file of mode 0600 named "
            "by 'sync.password_file', or in the systemd credential kiosk-central-password"
        )
    _check_range(path, "sync.interval_seconds", sync.interval_seconds, SYNC_INTERVAL_SECONDS)
    _check_range(path, "sync.batch_size", sync.batch_size, SYNC_BATCH_SIZE)
    _check_range(path, "sync.keep_after_sync_hours", sync.keep_after_sync_hours, SYNC_KEEP_HOURS)


def _check_desk(desk: DeskConfig | None, path: Path) -> None:
    if desk is None:
        return
    if dsn_has_password(desk.dsn):
        raise ConfigError(
            f"{path}: 'desk.dsn' must not hold a password: put it in a file of mode 0600 "
            "named by 'desk.password_file'"
        )
    if desk.time_zone:
        import zoneinfo  # noqa: PLC0415 -- [desk] only

        try:
            zoneinfo.ZoneInfo(desk.time_zone)
        except (ValueError, zoneinfo.ZoneInfoNotFoundError):
            raise ConfigError(
                f"{path}: 'desk.time_zone' must be a time zone like \"America/Chicago\", "
                f"not {desk.time_zone!r}"
            ) from None


def dsn_has_password(dsn: str) -> bool:
    """Whether a libpq connection string (key=value words or a postgresql:// URI) holds a
    password, as `password=...` or in the URI's user:password@ part."""
    text = dsn.strip()
    if text.startswith(("postgresql://", "postgres://")):
        from urllib.parse import parse_qs, urlsplit  # noqa: PLC0415 -- [sync] only

        parts = urlsplit(text)
        query = {key.lower() for key in parse_qs(parts.query, keep_blank_values=True)}
        return parts.password is not None or "password" in query
    return re.search(r"(?:^|\s)password\s*=", text, re.IGNORECASE) is not None
