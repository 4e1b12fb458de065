"""`kiosk doctor`'s checks on real folders, keys, databases, fonts and Qt plugins: what the IT
person reads on each line when something is wrong, and that checking never changes anything."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from kiosk.central.problems import Problem
from kiosk.core.config import Config, KioskConfig, SyncConfig
from kiosk.storage.database import DATABASE, Database
from kiosk.storage.keys import CREDENTIAL, KEY_FILE
from kiosk.storage.requests import RequestStore
from kiosk.storage.sync_status import SyncStatus, write_status
from kiosk.system import diagnostics, doctor, qt_libraries

SAMPLE = Path(__file__).parents[2] / "deploy" / "kiosk.sample.toml"
NOW = dt.datetime(2026, 11, 26, 14, 0, tzinfo=dt.UTC)
EDITED = """\
[clinic]
name = "North Dallas Back Clinic"
phone = "(972) 883-2000"

[paths]
data_dir = "data"
"""


def lines(checks: list[doctor.Check]) -> str:
    return "\n".join(check.line() for check in checks)


def line(checks: list[doctor.Check], name: str, part: str = "") -> str:
    (found,) = [c.line() for c in checks if c.name == name and c.part == part]
    return found


@pytest.fixture
def made_by_kiosk(tmp_path: Path) -> Path:
    """A data folder as the kiosk leaves it: folder, key and database, connection closed."""
    data = tmp_path / "data"
    Database.open(data).close()
    return data


def files_in(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


# -- the data folder, the key, the database ---------------------------------------------------


def test_a_data_folder_made_by_the_kiosk_passes_and_is_left_as_it_was(made_by_kiosk: Path) -> None:
    before = files_in(made_by_kiosk)
    checks = doctor.check_data(made_by_kiosk, {})
    assert all(check.ok for check in checks), lines(checks)
    assert line(checks, doctor.DATABASE_CHECK).startswith("✓ Database: ")
    assert "integrity ok" in line(checks, doctor.DATABASE_CHECK)
    # Not even SQLite's -wal and -shm: made by root, they would lock the kiosk user out.
    assert files_in(made_by_kiosk) == before


def test_a_folder_others_can_read_fails_naming_0700(made_by_kiosk: Path) -> None:
    made_by_kiosk.chmod(0o755)
    found = line(doctor.check_data(made_by_kiosk, {}), doctor.DATA_FOLDER)
    assert found.startswith("✗ Data folder: ")
    assert "mode 0755, should be 0700" in found
    assert f"chmod 0700 {made_by_kiosk}" in found


def test_a_missing_key_fails_and_the_database_is_not_opened(made_by_kiosk: Path) -> None:
    (made_by_kiosk / KEY_FILE).unlink()
    before = files_in(made_by_kiosk)
    checks = doctor.check_data(made_by_kiosk, {})
    assert line(checks, doctor.KEY).startswith(f"✗ Database key: no {made_by_kiosk / KEY_FILE}")
    assert line(checks, doctor.DATABASE_CHECK) == "✗ Database: not checked: no usable key"
    assert files_in(made_by_kiosk) == before  # no new key was made


def test_an_unreadable_key_file_is_reported_not_replaced(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    (data / KEY_FILE).write_text("", encoding="ascii")  # a kill while the key was written
    (data / KEY_FILE).chmod(0o600)
    found = line(doctor.check_data(data, {}), doctor.KEY)
    assert found.startswith(f"✗ Database key: the database key file {data / KEY_FILE}")
    assert (data / KEY_FILE).read_bytes() == b""
    assert [p.name for p in data.iterdir()] == [KEY_FILE]


def test_the_systemd_credential_is_the_key_when_there_is_one(
    made_by_kiosk: Path, tmp_path: Path
) -> None:
    credentials = tmp_path / "credentials"
    credentials.mkdir()
    (made_by_kiosk / KEY_FILE).rename(credentials / CREDENTIAL)
    checks = doctor.check_data(made_by_kiosk, {"CREDENTIALS_DIRECTORY": str(credentials)})
    assert line(checks, doctor.KEY) == f"✓ Database key: {credentials / CREDENTIAL} (32 bytes)"
    assert line(checks, doctor.DATABASE_CHECK).startswith("✓ ")


def test_a_key_file_others_can_read_fails(made_by_kiosk: Path) -> None:
    (made_by_kiosk / KEY_FILE).chmod(0o644)
    found = line(doctor.check_data(made_by_kiosk, {}), doctor.KEY)
    assert found.startswith("✗ Database key: ")
    assert re.search(rf"chmod 0?600 {made_by_kiosk / KEY_FILE}$", found), found


def test_a_wrong_key_fails(made_by_kiosk: Path) -> None:
    (made_by_kiosk / KEY_FILE).write_text("ab" * 32 + "\n")
    found = line(doctor.check_data(made_by_kiosk, {}), doctor.DATABASE_CHECK)
    assert found.startswith("✗ Database: the key does not match")


def test_a_damaged_database_fails_and_is_left_as_it_is(made_by_kiosk: Path) -> None:
    database = made_by_kiosk / DATABASE
    damaged = bytearray(database.read_bytes())
    damaged[5000:5100] = bytes(100)  # inside the second page
    database.write_bytes(bytes(damaged))
    before = files_in(made_by_kiosk)
    found = line(doctor.check_data(made_by_kiosk, {}), doctor.DATABASE_CHECK)
    assert found.startswith("✗ Database: ")
    assert "damaged" in found
    # Not set aside and replaced, as opening it for the kiosk would: IT must see it as it is.
    assert files_in(made_by_kiosk) == before


def test_a_database_whose_index_disagrees_with_its_rows_fails(made_by_kiosk: Path) -> None:
    """Damage the cipher cannot see (each page decrypts): SQLite's integrity check must."""
    import sqlcipher3

    from tests.unit.test_storage import REQUEST, save

    db = Database.open(made_by_kiosk)
    save(RequestStore(db))
    save(RequestStore(db), REQUEST._replace(first_name="Ann"))
    db.close()
    key = (made_by_kiosk / KEY_FILE).read_text(encoding="ascii").strip()
    raw = sqlcipher3.connect(str(made_by_kiosk / DATABASE), isolation_level=None)
    raw.execute(f"PRAGMA key = \"x'{key}'\"")
    raw.execute("PRAGMA writable_schema = ON")  # the index now claims the opposite order
    raw.execute(
        "UPDATE sqlite_master SET sql = 'CREATE INDEX requests_by_status ON requests "
        "(status DESC, created_at DESC)' WHERE name = 'requests_by_status'"
    )
    raw.close()
    found = line(doctor.check_data(made_by_kiosk, {}), doctor.DATABASE_CHECK)
    assert found.startswith(f"✗ Database: {made_by_kiosk / DATABASE} is damaged (")
    assert found.endswith("requests_by_status): restore it from the backup")


def test_the_database_of_a_running_kiosk_is_checked_without_disturbing_it(tmp_path: Path) -> None:
    data = tmp_path / "data"
    running = Database.open(data)
    try:
        assert (data / f"{DATABASE}-wal").exists()  # what a running kiosk's folder holds
        before = sorted(p.name for p in data.iterdir())
        assert line(doctor.check_data(data, {}), doctor.DATABASE_CHECK).startswith("✓ ")
        assert sorted(p.name for p in data.iterdir()) == before
        assert running.integrity_ok()
    finally:
        running.close()


def test_nothing_missing_is_created(tmp_path: Path) -> None:
    data = tmp_path / "nowhere" / "data"
    checks = doctor.check_data(data, {})
    assert line(checks, doctor.DATA_FOLDER).startswith(f"✗ Data folder: {data} does not exist")
    assert line(checks, doctor.DATABASE_CHECK).startswith("✗ ")
    assert line(checks, doctor.DISK).startswith("✓ ")  # the disk it would be on
    assert not (tmp_path / "nowhere").exists()
    data.mkdir(parents=True, mode=0o700)
    checks = doctor.check_data(data, {})
    assert line(checks, doctor.DATA_FOLDER).startswith("✓ ")
    assert "does not exist yet" in line(checks, doctor.DATABASE_CHECK)
    assert list(data.iterdir()) == []  # no key, no database


def test_too_little_free_disk_fails(tmp_path: Path) -> None:
    free = shutil.disk_usage(tmp_path).free
    assert doctor.check_disk(tmp_path, minimum=1).ok
    found = doctor.check_disk(tmp_path, minimum=free + 10**9).line()
    assert found.startswith("✗ Free disk: only ")
    assert f"the kiosk needs {(free + 10**9) / 1e6:.0f} MB" in found


# -- the clock -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("moment", "ok"),
    [
        (dt.datetime(1970, 1, 1, 0, 3, tzinfo=dt.UTC), False),  # a dead RTC battery
        (dt.datetime(2025, 12, 31, 23, 0, tzinfo=dt.UTC), False),  # before this release
        (NOW, True),
        (dt.datetime(2100, 12, 31, tzinfo=dt.UTC), True),
        (dt.datetime(2101, 1, 1, 12, tzinfo=dt.UTC), False),
    ],
)
def test_the_clock_must_be_between_the_release_and_2100(moment: dt.datetime, ok: bool) -> None:
    check = doctor.check_clock(moment)
    assert check.ok is ok
    assert f"{moment:%Y-%m-%d}" in check.line()


def test_a_1970_clock_says_what_to_do() -> None:
    found = doctor.check_clock(dt.datetime(1970, 1, 1, 0, 3, tzinfo=dt.UTC)).line()
    assert found.startswith("✗ Clock: the clock says 1970-01-01 00:03 UTC")
    assert "RTC battery" in found


# -- the configuration -----------------------------------------------------------------------


def test_no_configuration_file_fails_and_the_defaults_are_checked() -> None:
    config, check = doctor.check_config(None)
    assert config == Config()
    assert check.line().startswith("✗ Configuration: no configuration file")


def test_the_sample_copied_unedited_fails(tmp_path: Path) -> None:
    copy = tmp_path / "kiosk.toml"
    shutil.copy(SAMPLE, copy)
    found = doctor.check_config(copy)[1].line()
    assert found.startswith(f"✗ Configuration: {copy}: ")
    assert "set [clinic] and [paths] data_dir" in found


def test_an_edited_configuration_passes(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text(EDITED, encoding="utf-8")
    config, check = doctor.check_config(path)
    assert check.line() == f"✓ Configuration: {path}: North Dallas Back Clinic, (972) 883-2000"
    assert config is not None
    assert config.paths.data_dir == tmp_path / "data"


def test_a_configuration_of_only_defaults_fails_as_never_edited(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text("# nothing set\n", encoding="utf-8")
    found = doctor.check_config(path)[1].line()
    assert found.startswith(f"✗ Configuration: {path}: every setting is still the default")


def test_a_fictional_phone_fails(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text(EDITED.replace("(972) 883-2000", "972-555-0142"), encoding="utf-8")
    found = doctor.check_config(path)[1].line()
    assert "the clinic phone 972-555-0142 is a fictional sample number" in found


def test_a_fictional_samples_clinic_name_fails(tmp_path: Path) -> None:
    from kiosk.core.config import ClinicConfig

    path = tmp_path / "kiosk.toml"
    path.write_text(EDITED.replace("North Dallas", "Sunny Valley"), encoding="utf-8")
    sample = ClinicConfig("Sunny Valley Back Clinic", "(214) 555-0100")
    assert not doctor.check_config(path, samples=[sample])[1].ok
    assert doctor.check_config(path, samples=[sample._replace(phone="(214) 256-3900")])[1].ok


def test_an_invalid_configuration_fails_naming_the_key(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text("[kiosk]\nidle_timeout = 5\n", encoding="utf-8")
    config, check = doctor.check_config(path)
    assert config is None
    assert check.line().startswith(f"✗ Configuration: {path}: unknown key 'kiosk.idle_timeout'")


def test_speech_off_by_configuration_asks_no_engine() -> None:
    def probe(engine: str, languages: object) -> doctor.Voices:
        raise AssertionError("no engine should be loaded")

    config = Config(kiosk=KioskConfig(speech_engine="none"))
    assert doctor.check_speech(config, probe).line() == (
        '✓ Speech voices: off by configuration (speech_engine = "none")'
    )


# -- fonts -----------------------------------------------------------------------------------


def test_the_bundled_font_and_a_system_font_pass(assets_dir: Path) -> None:
    found = doctor.check_fonts(assets_dir, os.environ).line()
    assert found.startswith("✓ Fonts: AtkinsonHyperlegible_400Regular.ttf and ")


def test_a_missing_bundled_font_fails(tmp_path: Path, assets_dir: Path) -> None:
    shutil.copytree(assets_dir, tmp_path / "assets")
    (tmp_path / "assets" / "fonts" / doctor.FONT_FILE).unlink()
    found = doctor.check_fonts(tmp_path / "assets", os.environ).line()
    assert found.startswith(f"✗ Fonts: {tmp_path / 'assets' / 'fonts' / doctor.FONT_FILE}")


def test_a_machine_without_fonts_fails(tmp_path: Path, assets_dir: Path) -> None:
    # fontconfig told to look in no folder at all: what a machine without font packages sees.
    empty = tmp_path / "fonts.conf"
    empty.write_text(
        f'<?xml version="1.0"?><fontconfig><cachedir>{tmp_path}</cachedir></fontconfig>\n'
    )
    found = doctor.check_fonts(assets_dir, {**os.environ, "FONTCONFIG_FILE": str(empty)}).line()
    assert found == "✗ Fonts: fontconfig finds no fonts: apt install fonts-dejavu-core"


# -- Qt's libraries and the display platform -------------------------------------------------


def mirror_except(real: Path, copy: Path, inner: Path) -> Path:
    """`copy` made of symlinks to `real`'s entries, but with real folders down to `inner`,
    which is left out: returns the path where it would be."""
    here_real, here_copy = real, copy
    for name in inner.parts:
        here_copy.mkdir()
        for entry in here_real.iterdir():
            if entry.name != name:
                (here_copy / entry.name).symlink_to(entry)
        here_real, here_copy = here_real / name, here_copy / name
    return copy / inner


def broken_pyside(root: Path) -> Path:
    """The installed PySide6 (symlinks, in `root`) whose xcb platform plugin needs
    libxcb-cursor.so.0 from a place that is gone.

    The plugin is built with gcc against a stub library (no soname, so the plugin names it by
    its path), which is then deleted: the loader can find it nowhere, even on a machine that
    has libxcb-cursor0. The plugin also needs Qt's own XCB library, found through its runpath
    as the real plugin's is."""
    gcc = shutil.which("gcc")
    if gcc is None:
        pytest.skip("gcc is needed to build the broken plugin")
    real = qt_libraries.pyside_folder()
    assert real is not None
    plugin = mirror_except(real, root / "PySide6", Path("Qt/plugins/platforms/libqxcb.so"))
    (root / "shiboken6").symlink_to(real.parent / "shiboken6")  # the modules' rpath goes there
    gone = root / "gone"
    gone.mkdir()
    (root / "stub.c").write_text("int xcb_cursor_context_new(void) { return 0; }\n")
    (root / "plugin.c").write_text("int qt_plugin_instance(void) { return 0; }\n")
    build = [gcc, "-shared", "-fPIC", "-o"]
    subprocess.run([*build, gone / "libxcb-cursor.so.0", root / "stub.c"], check=True)
    subprocess.run(
        [*build, plugin, root / "plugin.c", "-Wl,--no-as-needed,-rpath,$ORIGIN/../../lib",
         f"-L{real / 'Qt' / 'lib'}", "-l:libQt6XcbQpa.so.6", gone / "libxcb-cursor.so.0"],
        check=True,
    )  # fmt: skip
    shutil.rmtree(gone)
    return root / "PySide6"


@pytest.fixture(scope="module")
def broken(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return broken_pyside(tmp_path_factory.mktemp("site"))


def test_the_installed_qt_modules_have_their_libraries() -> None:
    checks = doctor.check_libraries(qt_libraries.pyside_folder(), {"QT_QPA_PLATFORM": "offscreen"})
    assert line(checks, doctor.LIBRARIES, "Qt modules") == (
        "✓ Qt libraries (Qt modules): all found (5 modules)"
    )
    assert {check.part for check in checks} == {group.name for group in qt_libraries.GROUPS}


def test_a_missing_library_of_the_platform_in_use_names_the_package(broken: Path) -> None:
    env = {"QT_QPA_PLATFORM": "xcb"}
    checks = doctor.check_libraries(broken, env)
    assert line(checks, doctor.LIBRARIES, "platforms") == (
        "✗ Qt libraries (platforms): libqxcb.so lacks libxcb-cursor.so.0; "
        "apt install libxcb-cursor0"
    )
    assert line(checks, doctor.LIBRARIES, "Qt modules").startswith("✓ ")
    assert doctor.check_display(broken, env).line() == (
        "✗ Display platform: xcb (from $QT_QPA_PLATFORM): libqxcb.so lacks libxcb-cursor.so.0; "
        "apt install libxcb-cursor0"
    )


def test_a_missing_library_of_a_platform_not_in_use_is_a_note(broken: Path) -> None:
    for env in ({"WAYLAND_DISPLAY": "wayland-0"}, {}):  # under cage; over SSH (the service's)
        checks = doctor.check_libraries(broken, env)
        assert line(checks, doctor.LIBRARIES, "platforms") == (
            "✓ Qt libraries (platforms): only for xcb, not in use here: "
            "libqxcb.so lacks libxcb-cursor.so.0; apt install libxcb-cursor0"
        )
        assert doctor.check_display(broken, env).ok


def test_no_display_is_no_fault_of_the_installation() -> None:
    found = doctor.check_display(qt_libraries.pyside_folder(), {}).line()
    assert found.startswith("✓ Display platform: none in this session (over SSH?)")
    assert "wayland" in found


def test_an_unknown_platform_fails_naming_the_ones_there_are() -> None:
    check = doctor.check_display(qt_libraries.pyside_folder(), {"QT_QPA_PLATFORM": "wayfire"})
    assert not check.ok
    assert "no Qt platform plugin 'wayfire' (there are: " in check.finding
    assert "xcb" in check.finding


def test_the_staff_screen_gets_one_line_for_all_the_libraries(broken: Path) -> None:
    checks = doctor.check_libraries(broken, {"QT_QPA_PLATFORM": "xcb"})
    (merged,) = doctor.summary(checks)
    assert merged.line() == (
        "✗ Qt libraries: platforms: libqxcb.so lacks libxcb-cursor.so.0; apt install libxcb-cursor0"
    )


def test_a_database_set_aside_is_a_fault_until_it_is_looked_at(made_by_kiosk: Path) -> None:
    from tests.unit.test_storage_faults import damage

    damage(made_by_kiosk)
    Database.open(made_by_kiosk).close()  # the kiosk sets it aside and starts afresh
    found = line(doctor.check_data(made_by_kiosk, {}), doctor.DATABASE_CHECK)
    assert found.startswith("✗ Database: ")
    assert "integrity ok, but a damaged database was set aside as requests.db.corrupt-" in found
    assert "keep it with its key for IT" in found


# -- sync to the central store ------------------------------------------------------------------

SYNC = SyncConfig(dsn="host=desk.example.org user=kiosk_lobby-1", interval_seconds=1)
# What libpq said while connecting, as `kiosk sync` keeps it for its log: it names the host and
# the user, which the diagnostics never repeat.
SERVER_SAID = 'connection to server at "db.secret.example" failed: FATAL: role "kiosk_x"'


def sync_status(
    *,
    ok: bool,
    problem: str = "",
    failing_for: dt.timedelta | None = None,
    written: dt.timedelta = dt.timedelta(seconds=5),
    pending: int = 3,
) -> SyncStatus:
    """A status `kiosk sync` wrote `written` before NOW."""
    return SyncStatus(
        ok=ok,
        problem=problem,
        message="" if ok else SERVER_SAID,
        failing_since=None if failing_for is None else NOW - failing_for,
        last_success=NOW - dt.timedelta(hours=2, minutes=6),
        pending=pending,
        updated=NOW - written,
    )


def test_without_sync_the_kiosk_is_said_to_work_alone(tmp_path: Path) -> None:
    check = doctor.check_sync(None, tmp_path, NOW)
    assert check.line() == "✓ Sync: off (this kiosk works alone): no [sync] in the configuration"


def test_sync_configured_but_never_run_says_to_start_its_service(tmp_path: Path) -> None:
    check = doctor.check_sync(SYNC, tmp_path, NOW)
    assert not check.ok
    assert "never run here" in check.finding
    assert "systemctl enable --now waiting-room-kiosk-sync.service" in check.finding


@pytest.mark.parametrize("zone", ["UTC", "America/Chicago", "Asia/Kolkata"])
def test_failing_sync_says_since_when_why_and_how_many_wait_never_the_servers_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, zone: str
) -> None:
    monkeypatch.setenv("TZ", zone)
    time.tzset()
    try:
        failing = dt.timedelta(hours=2, minutes=5)
        write_status(tmp_path, sync_status(ok=False, problem="unreachable", failing_for=failing))
        check = doctor.check_sync(SYNC, tmp_path, NOW)
        since = (NOW - failing).astimezone()
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
    assert not check.ok
    assert check.finding.startswith(
        f"failing since {since:%Y-%m-%d %H:%M %Z} (2 h 5 min ago): cannot reach the central "
        "store (network?) [unreachable]; "
    )
    assert "last sent" in check.finding
    assert "(2 h 6 min ago)" in check.finding
    assert "3 requests waiting to send" in check.finding
    assert "journalctl -u waiting-room-kiosk-sync.service" in check.finding
    assert "secret" not in check.finding
    assert "kiosk_x" not in check.finding


def test_every_kind_of_sync_problem_has_words() -> None:
    assert {kind.value for kind in Problem} <= set(diagnostics.PROBLEM_WORDS)


def test_sync_that_stopped_reporting_is_said_stopped(tmp_path: Path) -> None:
    """`kiosk sync` writes after every pass, at most 5 minutes apart while it backs off: a
    file 9 minutes old means the service is not running, whatever the file last said."""
    for ok in (True, False):
        backing_off = sync_status(
            ok=ok, problem="" if ok else "tls", written=dt.timedelta(minutes=7)
        )
        write_status(tmp_path, backing_off)
        assert "stopped" not in doctor.check_sync(SYNC, tmp_path, NOW).finding
        write_status(tmp_path, backing_off._replace(updated=NOW - dt.timedelta(minutes=9)))
        check = doctor.check_sync(SYNC, tmp_path, NOW)
        assert not check.ok
        assert check.finding.startswith("stopped? kiosk sync has not reported since ")
        assert "(9 min ago)" in check.finding
        assert "systemctl status waiting-room-kiosk-sync.service" in check.finding


def test_working_sync_says_when_it_last_sent(tmp_path: Path) -> None:
    write_status(tmp_path, sync_status(ok=True, pending=0)._replace(last_success=NOW))
    check = doctor.check_sync(SYNC, tmp_path, NOW)
    assert check.ok
    assert check.finding.endswith("(0 s ago); 0 requests waiting to send")
    assert check.finding.startswith("on; last sent ")


def test_doctor_run_has_a_sync_line(tmp_path: Path) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text(EDITED, encoding="utf-8")
    checks = doctor.run(config, env={}, now=NOW, pyside=None)
    assert line(checks, "Sync").startswith("✓ Sync: off (this kiosk works alone)")
