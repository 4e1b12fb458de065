"""`kiosk doctor`: what a clinic's IT person checks after installing, one finding per line.

Machine checks (the Qt libraries, the display platform, fonts) and installation checks (speech,
configuration, data folder, key, database, disk, clock). Nothing here imports Qt, so it runs
when Qt cannot load; the one check that needs Qt (speech voices) is handed a probe. Nothing here
creates a folder, key or database: what is missing is reported, never made.

Check names are marked with `QT_TRANSLATE_NOOP` for the staff diagnostics screen, which shows
the same checks (kiosk.system.diagnostics); findings stay English, for IT, like the log.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import pwd
import re
import shutil
import stat
import subprocess
import urllib.parse
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import NamedTuple

from kiosk.core.config import (
    SYSTEM_CONFIG,
    ClinicConfig,
    Config,
    ConfigError,
    SyncConfig,
    load_config,
)
from kiosk.storage.database import DATABASE, set_aside_copies
from kiosk.storage.keys import CREDENTIAL, KEY_FILE, KeyUnavailableError, fingerprint, load_key
from kiosk.storage.sync_status import State, read_status, stale_after, state_of
from kiosk.system import qt_libraries
from kiosk.system.diagnostics import QT_TRANSLATE_NOOP, SYNC, problem_words

LIBRARIES = QT_TRANSLATE_NOOP("Diagnostics", "Qt libraries")
DISPLAY = QT_TRANSLATE_NOOP("Diagnostics", "Display platform")
FONTS = QT_TRANSLATE_NOOP("Diagnostics", "Fonts")
SPEECH = QT_TRANSLATE_NOOP("Diagnostics", "Speech voices")
CONFIGURATION = QT_TRANSLATE_NOOP("Diagnostics", "Configuration")
DATA_FOLDER = QT_TRANSLATE_NOOP("Diagnostics", "Data folder")
KEY = QT_TRANSLATE_NOOP("Diagnostics", "Database key")
DATABASE_CHECK = QT_TRANSLATE_NOOP("Diagnostics", "Database")
DISK = QT_TRANSLATE_NOOP("Diagnostics", "Free disk")
CLOCK = QT_TRANSLATE_NOOP("Diagnostics", "Clock")
WATCHDOG = QT_TRANSLATE_NOOP("Diagnostics", "Watchdog")

UNIT = "waiting-room-kiosk.service"
SYNC_UNIT = "waiting-room-kiosk-sync.service"
# `systemctl show` properties: a service's watchdog, how often systemd restarted it, and why
# it last ended ("watchdog" when the event loop froze, "signal" or "exit-code" after a crash).
UNIT_PROPERTIES = ("LoadState", "WatchdogUSec", "NRestarts", "Result")
# Runs a command and returns what it printed; raises OSError or CalledProcessError.
CommandRunner = Callable[[Sequence[str]], str]

FONT_FILE = "AtkinsonHyperlegible_400Regular.ttf"
SAMPLE_CONFIG = Path(__file__).resolve().parents[2] / "deploy" / "kiosk.sample.toml"
MIN_FREE_BYTES = 200 * 1000**2
RELEASE_YEAR = 2026
LAST_YEAR = 2100


class Check(NamedTuple):
    """One finding: what was checked, whether it is fine, and what was found."""

    name: str  # English, marked for translation ("Data folder")
    ok: bool
    finding: str  # English, for IT; on a failure it says what to do
    part: str = ""  # which part of a many-part check ("platforms")

    def line(self, marks: tuple[str, str] = ("✓", "✗")) -> str:
        part = f" ({self.part})" if self.part else ""
        return f"{marks[0] if self.ok else marks[1]} {self.name}{part}: {self.finding}"


class Voices(NamedTuple):
    """What the speech engine offers, as the kiosk's `Speaker` sees it."""

    engine: str  # the engine that loaded ("speechd", "mock"); "" when none did
    problem: str  # why none loaded ("" when one did)
    languages: Mapping[str, bool]  # each configured language: a voice the kiosk would use
    offered: tuple[str, ...] = ()  # every voice's locale name ("en_US")


VoiceProbe = Callable[[str, Sequence[str]], Voices]


def run(
    config_file: Path | None,
    *,
    data_dir: Path | None = None,
    system_only: bool = False,
    env: Mapping[str, str] | None = None,
    now: dt.datetime | None = None,
    voices: VoiceProbe | None = None,
    pyside: Path | None = None,
) -> list[Check]:
    """Every check, in the order the IT person reads them. `system_only`: just the machine's
    (libraries, display, fonts), with the shipped assets and no configuration."""
    environ = os.environ if env is None else env
    folder = qt_libraries.pyside_folder() if pyside is None else pyside
    if system_only:
        return check_machine(folder, environ, Config().paths.assets_dir)
    config, config_check = check_config(config_file)
    checks = [
        *check_machine(folder, environ, (config or Config()).paths.assets_dir),
        check_speech(config or Config(), voices),
        config_check,
    ]
    if config is not None and data_dir is not None:
        config = config.with_data_dir(data_dir)
    if config is None:
        reason = "not checked: the configuration cannot be read (give --data-dir to check one)"
        names = (DATA_FOLDER, KEY, DATABASE_CHECK, DISK)
        return [*checks, *(Check(name, False, reason) for name in names), check_clock(now)]
    return [
        *checks,
        *check_data(config.paths.data_dir, environ),
        check_sync(config.sync, config.paths.data_dir, now),
        check_watchdog(),
        check_clock(now),
    ]


def _systemctl(command: Sequence[str]) -> str:
    done = subprocess.run(  # noqa: S603 -- systemctl with our own unit and property names
        command, capture_output=True, text=True, timeout=5, check=True
    )
    return done.stdout


def check_watchdog(run_command: CommandRunner = _systemctl) -> Check:
    """The service's watchdog as systemd has it, and whether it ever had to restart the kiosk.

    A kiosk started by hand (or a machine without systemd) has no watchdog: a note, not a fault.
    A unit without `WatchdogSec=` fails: a frozen kiosk would stay frozen."""
    try:
        shown = run_command(
            ["systemctl", "show", UNIT, *(f"--property={name}" for name in UNIT_PROPERTIES)]
        )
    except (OSError, subprocess.SubprocessError):
        return Check(WATCHDOG, True, "not checked here (no systemd): see INSTALL.md")
    values = dict(line.partition("=")[::2] for line in shown.splitlines() if "=" in line)
    if values.get("LoadState") != "loaded":
        return Check(WATCHDOG, True, f"{UNIT} is not installed here: see INSTALL.md")
    seconds = _seconds(values.get("WatchdogUSec", ""))
    if not seconds:
        return Check(WATCHDOG, False, f"off: add WatchdogSec=30 to {UNIT} (deploy/ has one)")
    restarts = values.get("NRestarts", "0")
    result = values.get("Result", "success")
    why = {"success": "", "watchdog": "; last end: the kiosk froze and was restarted"}.get(
        result, f"; last end: {result}"
    )
    return Check(WATCHDOG, True, f"on, {seconds:g} s; restarted {restarts} times{why}")


def _seconds(value: str) -> float:
    """systemd's time span as `systemctl show` prints it: "30s", "1min 30s", "500ms", "0"."""
    units = {"us": 1e-6, "ms": 1e-3, "s": 1, "min": 60, "h": 3600}
    total = 0.0
    for number, unit in re.findall(r"(\d+(?:\.\d+)?)\s*(us|ms|min|s|h)?", value):
        total += float(number) * units[unit or "us"]
    return total


def check_machine(pyside: Path | None, env: Mapping[str, str], assets_dir: Path) -> list[Check]:
    """The Qt libraries, the display platform and the fonts."""
    return [*check_libraries(pyside, env), check_display(pyside, env), check_fonts(assets_dir, env)]


def check_data(data_dir: Path, env: Mapping[str, str]) -> list[Check]:
    """The data folder, the key, the database and the disk under them."""
    key, key_check = check_key(data_dir, env)
    return [
        check_data_folder(data_dir),
        key_check,
        check_database(data_dir, key),
        check_disk(data_dir),
    ]


# -- the machine ---------------------------------------------------------------------------------


def check_libraries(pyside: Path | None, env: Mapping[str, str]) -> list[Check]:
    """One check per group of Qt binaries: what the loader cannot find, and the packages.
    Faults are what the kiosk always loads and the platform in use (the service's one when
    there is no display here); Read aloud and other platforms get a note on a passing line."""
    if pyside is None:
        return [Check(LIBRARIES, False, "PySide6 is not installed in this Python: reinstall")]
    in_use = qt_libraries.platforms_in_use(env)[0] or (qt_libraries.SERVICE_PLATFORM,)
    try:
        return [
            Check(LIBRARIES, *qt_libraries.group_finding(pyside, group, in_use), group.name)
            for group in qt_libraries.GROUPS
        ]
    except qt_libraries.ScanError as exc:
        return [Check(LIBRARIES, False, str(exc))]


def check_display(pyside: Path | None, env: Mapping[str, str]) -> Check:
    """The platform the kiosk would use and whether its plugin's libraries are all here.

    No display at all (doctor over SSH) is no fault of the installation: the line passes, names
    the service's platform and checks that one's plugin instead."""
    if pyside is None:
        return Check(DISPLAY, False, "PySide6 is not installed in this Python: reinstall")
    names, source = qt_libraries.platforms_in_use(env)
    try:
        if not names:
            service = qt_libraries.SERVICE_PLATFORM
            problem = qt_libraries.platform_problem(pyside, service)
            found = f"; {problem}" if problem else " has all its libraries"
            note = (
                f"none in this session (over SSH?), which is fine; the service's {service} plugin"
            )
            return Check(DISPLAY, not problem, f"{note}{found}")
        problems = [qt_libraries.platform_problem(pyside, name) for name in names]
    except qt_libraries.ScanError as exc:
        return Check(DISPLAY, False, str(exc))
    usable = [name for name, problem in zip(names, problems, strict=True) if not problem]
    if usable:
        return Check(DISPLAY, True, f"{usable[0]} (from {source}): all its libraries found")
    return Check(DISPLAY, False, f"{' or '.join(names)} (from {source}): {'; '.join(problems)}")


def check_fonts(assets_dir: Path, env: Mapping[str, str]) -> Check:
    """The bundled Atkinson Hyperlegible font, and at least one system font (for the symbols it
    lacks), as fontconfig lists them."""
    font = assets_dir / "fonts" / FONT_FILE
    try:
        head = font.read_bytes()[:4]
    except OSError:
        return Check(FONTS, False, f"{font} is missing: reinstall the kiosk or copy assets/fonts")
    if head not in (b"\x00\x01\x00\x00", b"true", b"OTTO"):
        return Check(FONTS, False, f"{font} is not a font file: reinstall the kiosk")
    try:
        listed = subprocess.run(
            ["fc-list", ":", "family"],  # noqa: S607 -- wherever fontconfig put it
            capture_output=True,
            text=True,
            check=False,
            env=dict(env),
        ).stdout
    except FileNotFoundError:
        return Check(FONTS, False, "fc-list not found: apt install fontconfig fonts-dejavu-core")
    families = {line.strip() for line in listed.splitlines() if line.strip()}
    if not families:
        return Check(FONTS, False, "fontconfig finds no fonts: apt install fonts-dejavu-core")
    return Check(FONTS, True, f"{FONT_FILE} and {len(families)} system font families")


# -- the installation ----------------------------------------------------------------------------


def check_speech(config: Config, probe: VoiceProbe | None) -> Check:
    """The voices Read aloud would use for each configured language.

    Without speech the kiosk works and hides the button, so with `speech_engine = "auto"` a
    missing engine or voice is a note on a passing line. An engine named in the configuration
    that does not load fails: the clinic asked for it."""
    engine = config.kiosk.speech_engine
    if engine == "none":
        return Check(SPEECH, True, 'off by configuration (speech_engine = "none")')
    if probe is None:
        return Check(SPEECH, True, "not checked here")
    try:
        voices = probe(engine, config.kiosk.languages)
    except ImportError as exc:  # Qt itself cannot load: the library lines say why
        voices = Voices("", f"Qt cannot load ({exc})", {})
    if voices.problem:
        advice = "; apt install speech-dispatcher espeak-ng" if engine == "auto" else ""
        return Check(SPEECH, engine == "auto", f"Read aloud off: {voices.problem}{advice}")
    said = ", ".join(
        f"{language} {'yes' if has else 'no voice'}" for language, has in voices.languages.items()
    )
    lacking = not all(voices.languages.values())
    offered = f" (it offers {', '.join(voices.offered) or 'none'})" if lacking else ""
    hidden = "; Read aloud is hidden where there is no voice" if lacking else ""
    return Check(SPEECH, True, f"{voices.engine}: {said}{offered}{hidden}")


def check_config(
    path: Path | None, *, samples: Sequence[ClinicConfig] | None = None
) -> tuple[Config | None, Check]:
    """The configuration the kiosk would read, valid and edited for this clinic.

    The sample (deploy/kiosk.sample.toml) lists the built-in defaults, which may be a fictional
    clinic or, later, the real one. So: a phone in 555-0100..0199 (reserved for fiction) always
    fails, as does a clinic name from a sample whose phone is fictional; and since an unedited
    copy of a sample with real values cannot be told apart by the clinic's values, a file whose
    settings all equal the defaults (or that is the sample byte for byte) fails as never edited,
    and so does having no file at all. Returns the configuration for the other checks: the
    defaults without a file, None when the file cannot be used."""
    if path is None:
        return Config(), Check(
            CONFIGURATION,
            False,
            f"no configuration file (--config, $KIOSK_CONFIG or {SYSTEM_CONFIG}): the kiosk would"
            " run on its defaults; copy deploy/kiosk.sample.toml there and edit it",
        )
    try:
        config = load_config(path)
    except ConfigError as exc:
        return None, Check(CONFIGURATION, False, str(exc))
    clinic = config.clinic
    fictional = [s.name for s in (samples or _sample_clinics()) if _is_fictional(s.phone)]
    if _is_fictional(clinic.phone):
        problem = f"the clinic phone {clinic.phone} is a fictional sample number"
    elif clinic.name in fictional:
        problem = f"the clinic name {clinic.name!r} is the sample's"
    elif config._replace(source=None) == Config() or _same_bytes(path, SAMPLE_CONFIG):
        problem = "every setting is still the default (the sample, unedited?)"
    else:
        return config, Check(CONFIGURATION, True, f"{path}: {clinic.name}, {clinic.phone}")
    return config, Check(
        CONFIGURATION, False, f"{path}: {problem}; set [clinic] and [paths] data_dir there"
    )


def _sample_clinics() -> list[ClinicConfig]:
    """The built-in defaults and, in a checkout, the sample file's clinic."""
    clinics = [ClinicConfig()]
    with contextlib.suppress(ConfigError):  # an installed kiosk has no deploy/ folder
        clinics.append(load_config(SAMPLE_CONFIG).clinic)
    return clinics


def _is_fictional(phone: str) -> bool:
    """A US number 555-0100 to 555-0199: reserved for fiction, so no patient can call it."""
    digits = re.sub(r"\D", "", phone)
    return digits[-7:-2] == "55501" and len(digits) >= len("5550100")


def _same_bytes(path: Path, other: Path) -> bool:
    try:
        return path.read_bytes() == other.read_bytes()
    except OSError:
        return False


def check_data_folder(data_dir: Path) -> Check:
    """The data folder exists, is private (0700) and belongs to the user running this."""
    try:
        info = data_dir.stat()
    except FileNotFoundError:
        return Check(
            DATA_FOLDER,
            False,
            f"{data_dir} does not exist: start the kiosk once (or `kiosk staff add`) as its user",
        )
    if not stat.S_ISDIR(info.st_mode):
        return Check(DATA_FOLDER, False, f"{data_dir} is not a folder")
    problems = []
    mode = stat.S_IMODE(info.st_mode)
    if mode != stat.S_IRWXU:
        problems.append(f"mode {mode:04o}, should be 0700 (chmod 0700 {data_dir})")
    if info.st_uid != os.getuid():
        me = _user(os.getuid())
        problems.append(
            f"owned by {_user(info.st_uid)}, not {me} who runs this (chown -R {me} {data_dir})"
        )
    if problems:
        return Check(DATA_FOLDER, False, f"{data_dir}: {'; '.join(problems)}")
    return Check(DATA_FOLDER, True, f"{data_dir} (0700, {_user(info.st_uid)})")


def _user(uid: int) -> str:
    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:
        return f"uid {uid}"


def check_key(data_dir: Path, env: Mapping[str, str]) -> tuple[bytes | None, Check]:
    """The database key, from the systemd credential or db.key: private, readable, 32 bytes
    (kiosk.storage.keys refuses a key file others can read, with the chmod to run)."""
    credentials = env.get("CREDENTIALS_DIRECTORY")
    credential = Path(credentials) / CREDENTIAL if credentials else None
    key_file = data_dir / KEY_FILE
    if credential is not None and credential.is_file():
        source = credential
    elif key_file.is_file():
        source = key_file
    else:
        return None, Check(
            KEY,
            False,
            f"no {key_file} and no $CREDENTIALS_DIRECTORY/{CREDENTIAL}: the kiosk makes db.key on"
            " first start; with a TPM credential run doctor through systemd-run (INSTALL.md)",
        )
    try:
        # An existing path as `database`: load_key then never makes a key, whatever happens.
        key = load_key(data_dir, data_dir if data_dir.exists() else source, env)
    except KeyUnavailableError as exc:
        return None, Check(KEY, False, str(exc))
    return key, Check(KEY, True, f"{source} ({len(key)} bytes)")


def check_database(data_dir: Path, key: bytes | None) -> Check:
    """The database opens with the key and passes SQLite's integrity check.

    Opened read-only and never changed: `Database.open` would create a missing database, set a
    damaged one aside and migrate an old one, none of which a check may do. With no -wal file
    (the kiosk is not running) it is opened immutable, so not even SQLite's side files appear,
    which would belong to whoever runs this (root, say) and lock the kiosk out."""
    path = data_dir / DATABASE
    if not path.is_file():
        return Check(
            DATABASE_CHECK, False, f"{path} does not exist yet: the kiosk creates it on first start"
        )
    if key is None:
        return Check(DATABASE_CHECK, False, "not checked: no usable key")
    keycheck = path.with_name(path.name + ".keycheck")
    if keycheck.is_file() and keycheck.read_text(encoding="ascii").strip() != fingerprint(key):
        return Check(DATABASE_CHECK, False, f"the key does not match {path}: restore its key")
    import sqlcipher3  # noqa: PLC0415 -- SQLCipher loads only for this check

    running = path.with_name(path.name + "-wal").exists()
    uri = f"file:{urllib.parse.quote(str(path))}?mode=ro{'' if running else '&immutable=1'}"
    try:
        db = sqlcipher3.connect(uri, uri=True)
        try:
            db.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
            db.execute("PRAGMA cipher_log_level = NONE")
            result = [row[0] for row in db.execute("PRAGMA integrity_check").fetchall()]
        finally:
            db.close()
    except sqlcipher3.Error as exc:
        return Check(DATABASE_CHECK, False, f"{path} is damaged or the key is wrong ({exc})")
    if result != ["ok"]:
        return Check(
            DATABASE_CHECK, False, f"{path} is damaged ({result[0]}): restore it from the backup"
        )
    return _unless_set_aside(data_dir, Check(DATABASE_CHECK, True, f"{path}: integrity ok"))


def _unless_set_aside(data_dir: Path, healthy: Check) -> Check:
    """A damaged database the kiosk set aside is a fault until IT has looked at it (and moved
    it away): requests saved before the damage may be in it, and only IT can read them."""
    copies = set_aside_copies(data_dir)
    if not copies:
        return healthy
    more = f" ({len(copies)} in all)" if len(copies) > 1 else ""
    return healthy._replace(
        ok=False,
        finding=f"{healthy.finding}, but a damaged database was set aside as {copies[-1].name}"
        f"{more}; requests saved before may be in it: keep it with its key for IT",
    )


def check_sync(sync: SyncConfig | None, data_dir: Path, now: dt.datetime | None = None) -> Check:
    """Whether requests go to the central store, as `kiosk sync` last wrote (sync-status.json):
    since when and why it fails, by kind only (never the server's words), and how many wait.
    No [sync]: a passing line, so IT sees this kiosk keeps its requests to itself."""
    if sync is None:
        return Check(SYNC, True, "off (this kiosk works alone): no [sync] in the configuration")
    moment = dt.datetime.now(dt.UTC) if now is None else now
    status = read_status(data_dir)
    state = state_of(status, moment, sync.interval_seconds)
    if status is None or state is State.NOT_RUN:
        return Check(
            SYNC,
            False,
            f"on, but kiosk sync has never run here (no {data_dir}/sync-status.json): "
            f'systemctl enable --now {SYNC_UNIT} (INSTALL.md, "Several kiosks, one front desk")',
        )
    waiting = f"{status.pending} requests waiting to send" if status.pending >= 0 else ""
    sent = (
        f"last sent {_when(status.last_success, moment)}"
        if status.last_success
        else "nothing sent yet"
    )
    if state is State.STOPPED:
        minutes = round(stale_after(sync.interval_seconds).total_seconds() / 60)
        return Check(
            SYNC,
            False,
            f"stopped? kiosk sync has not reported since {_when(status.updated, moment)} "
            f"(it does at least every {minutes} min): systemctl status {SYNC_UNIT}; "
            + "; ".join(part for part in (sent, waiting and f"{waiting} then") if part),
        )
    if state is State.FAILING:
        since = f" since {_when(status.failing_since, moment)}" if status.failing_since else ""
        return Check(
            SYNC,
            False,
            f"failing{since}: {problem_words(status.problem)} [{status.problem}]; "
            + "; ".join(part for part in (sent, waiting) if part)
            + f"; details: journalctl -u {SYNC_UNIT}",
        )
    return Check(SYNC, True, "on; " + "; ".join(part for part in (sent, waiting) if part))


def _when(moment: dt.datetime, now: dt.datetime) -> str:
    """A moment in this machine's zone, and how long ago: "2026-12-01 09:05 CST (2 h 5 min ago)"."""
    ago = max(int((now - moment).total_seconds()), 0)
    hours, minutes = divmod(ago // 60, 60)
    span = f"{hours} h {minutes} min" if hours else f"{minutes} min" if minutes else f"{ago} s"
    return f"{moment.astimezone():%Y-%m-%d %H:%M %Z} ({span} ago)"


def check_disk(data_dir: Path, minimum: int = MIN_FREE_BYTES) -> Check:
    """Free space on the data folder's filesystem (the folder's nearest existing parent)."""
    where = next(p for p in (data_dir, *data_dir.parents) if p.exists())
    free = shutil.disk_usage(where).free
    gigabyte = 1000**3
    shown = f"{free / gigabyte:.1f} GB" if free >= gigabyte else f"{free / 1000**2:.0f} MB"
    if free < minimum:
        return Check(
            DISK, False, f"only {shown} free for {data_dir}; the kiosk needs {minimum / 1e6:.0f} MB"
        )
    return Check(DISK, True, f"{shown} free for {data_dir}")


def check_clock(now: dt.datetime | None = None) -> Check:
    """A year from the release to 2100: a dead RTC battery dates every request 1970."""
    moment = dt.datetime.now(dt.UTC) if now is None else now.astimezone(dt.UTC)
    shown = f"{moment:%Y-%m-%d %H:%M} UTC"
    if not RELEASE_YEAR <= moment.year <= LAST_YEAR:
        return Check(
            CLOCK,
            False,
            f"the clock says {shown}: set it (timedatectl set-ntp true) and check the RTC battery",
        )
    return Check(CLOCK, True, shown)


def summary(checks: Sequence[Check]) -> list[Check]:
    """One check per name: the many library lines become one (for the staff screen)."""
    merged: dict[str, list[Check]] = {}
    for check in checks:
        merged.setdefault(check.name, []).append(check)
    result = []
    for name, parts in merged.items():
        if len(parts) == 1:
            result.append(parts[0]._replace(part=""))
            continue
        failing = [c for c in parts if not c.ok]
        shown = failing or [c for c in parts if not c.finding.startswith("all found")]
        finding = "; ".join(f"{c.part}: {c.finding}" for c in shown) or "all found"
        result.append(Check(name, not failing, finding))
    return result
