"""Staff PINs and the PIN pad: who signs in, the rules for a PIN, and the wait after wrong PINs."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Literal

import pytest
from argon2 import PasswordHasher

from kiosk.storage.accounts import (
    FREE_TRIES,
    MAX_WAIT,
    SignInResult,
    StaffDirectory,
    pin_hasher,
    wait_after,
)
from kiosk.storage.audit import AuditLog
from kiosk.storage.database import Database
from tests.unit.conftest import Clock

# Fictional staff; PINs no one would choose for real.
QUINTA, QUINTA_PIN = "Quinta Vexley", "482913"
ORRIN, ORRIN_PIN = "Orrin Blandish", "705318"
WRONG = "999999"


class CountingHasher(PasswordHasher):
    """A cheap argon2id (fast tests) that counts how often a PIN was checked."""

    def __init__(self) -> None:
        super().__init__(time_cost=1, memory_cost=8, parallelism=1)
        self.checks = 0

    def verify(self, hash: str | bytes, password: str | bytes) -> Literal[True]:  # noqa: A002
        self.checks += 1
        return super().verify(hash, password)


@pytest.fixture
def hasher() -> CountingHasher:
    return CountingHasher()


@pytest.fixture
def staff(db: Database, clock: Clock, hasher: CountingHasher) -> StaffDirectory:
    directory = StaffDirectory(db, now=clock, hasher=hasher)
    directory.add(QUINTA, QUINTA_PIN)
    directory.add(ORRIN, ORRIN_PIN)
    return directory


def fail(staff: StaffDirectory, times: int) -> SignInResult:
    result = SignInResult(ok=False)
    for _ in range(times):
        assert staff.retry_after() == 0
        result = staff.sign_in(WRONG)
        assert not result.ok
    return result


def test_the_right_pin_signs_in_whoever_it_belongs_to(staff: StaffDirectory) -> None:
    assert staff.sign_in(ORRIN_PIN) == SignInResult(ok=True, name=ORRIN, wait_seconds=0.0)
    assert staff.sign_in(QUINTA_PIN).name == QUINTA


@pytest.mark.parametrize("pin", [WRONG, "", "48291", "4829130", "abcdef"])
def test_a_wrong_pin_signs_no_one_in(staff: StaffDirectory, pin: str) -> None:
    assert staff.sign_in(pin) == SignInResult(ok=False, name="", wait_seconds=0.0)


def test_with_no_staff_no_pin_signs_in(db: Database, clock: Clock, hasher: CountingHasher) -> None:
    directory = StaffDirectory(db, now=clock, hasher=hasher)
    assert not directory.has_staff()
    assert not directory.sign_in(QUINTA_PIN).ok


# str.isdigit() is True for these, but a PIN pad types only 0-9.
FULLWIDTH = "\uff11\uff12\uff13\uff14\uff15\uff16"
ARABIC_INDIC = "\u0661\u0662\u0663\u0664\u0665\u0666"


@pytest.mark.parametrize(
    "pin",
    ["12345", "", "12a456", "123 456", "123456\n", "-123456", FULLWIDTH, ARABIC_INDIC, "9" * 65],
)
def test_a_pin_is_six_or_more_digits_and_nothing_else(staff: StaffDirectory, pin: str) -> None:
    with pytest.raises(ValueError, match="6 to 64 digits") as error:
        staff.add("Wendeline Trask", pin)
    assert pin not in str(error.value) or not pin
    assert staff.names() == [ORRIN, QUINTA]


def test_long_pins_are_fine(staff: StaffDirectory) -> None:
    staff.add("Wendeline Trask", "73051982460391")
    assert staff.sign_in("73051982460391").name == "Wendeline Trask"


@pytest.mark.parametrize(
    "pin",
    [
        "000000",
        "111111",
        "99999999",
        "123456",
        "234567",
        "789012",  # on round the dial
        "0123456789" * 2,
        "654321",
        "987654",
        "210987",
        "121212",
        "123123",
        "101010",
        "12341234",
        "112233",
        "123321",
        "246810",  # the demo folder's published PIN
        "135791",
        "147258",
    ],
)
def test_a_pin_easy_to_guess_is_refused(staff: StaffDirectory, pin: str) -> None:
    with pytest.raises(ValueError, match="too easy to guess") as error:
        staff.add("Wendeline Trask", pin)
    assert pin not in str(error.value)
    assert staff.names() == [ORRIN, QUINTA]


@pytest.mark.parametrize("pin", ["593028", "830417", "123457", "135792", "112234", "902741"])
def test_a_pin_with_no_pattern_is_accepted(staff: StaffDirectory, pin: str) -> None:
    staff.add("Wendeline Trask", pin)
    assert staff.sign_in(pin).name == "Wendeline Trask"


def test_the_demo_folder_may_keep_its_published_pin(
    db: Database, clock: Clock, hasher: CountingHasher
) -> None:
    directory = StaffDirectory(db, now=clock, hasher=hasher)
    directory.add("Demo Staff", "246810", weak_ok=True)
    assert directory.sign_in("246810").name == "Demo Staff"


@pytest.mark.parametrize("name", ["", "   ", "x" * 41, "Tab\there"])
def test_a_name_is_one_to_forty_printable_characters(staff: StaffDirectory, name: str) -> None:
    with pytest.raises(ValueError, match="1 to 40"):
        staff.add(name, "531864")


def test_names_are_trimmed_and_unique_whatever_their_case(staff: StaffDirectory) -> None:
    staff.add("  Wendeline Trask ", "531864")
    assert staff.names() == [ORRIN, QUINTA, "Wendeline Trask"]
    with pytest.raises(ValueError, match="already a staff member"):
        staff.add("quinta VEXLEY", "135792")


def test_two_people_cannot_share_a_pin(staff: StaffDirectory) -> None:
    with pytest.raises(ValueError, match="already in use") as error:
        staff.add("Wendeline Trask", QUINTA_PIN)
    assert QUINTA_PIN not in str(error.value)
    assert QUINTA not in str(error.value)
    assert "Wendeline Trask" not in staff.names()


def test_a_pin_found_in_use_is_audited_without_the_pin_or_its_owner(
    staff: StaffDirectory, db: Database
) -> None:
    """Adding staff finds out whose PIN is whose: each such find is in the log for review."""
    with pytest.raises(ValueError, match="already in use"):
        staff.add("Wendeline Trask", QUINTA_PIN, by="command line")
    entry = AuditLog(db).entries()[0]
    assert (entry.staff, entry.action) == ("Wendeline Trask", "staff_add_refused")
    assert entry.detail == "PIN already in use, by command line"
    assert QUINTA not in repr(entry)
    assert QUINTA_PIN not in repr(entry)


def test_removed_staff_cannot_sign_in(staff: StaffDirectory) -> None:
    assert staff.remove("orrin blandish")
    assert not staff.remove(ORRIN)
    assert staff.names() == [QUINTA]
    assert not staff.sign_in(ORRIN_PIN).ok
    assert staff.has_staff()


def test_five_wrong_pins_then_each_try_waits_longer(
    staff: StaffDirectory, clock: Clock, hasher: CountingHasher
) -> None:
    assert fail(staff, 4).wait_seconds == 0
    assert staff.sign_in(WRONG).wait_seconds == 30
    for wait in (60, 120, 240, 480, 900, 900):
        clock.advance(staff.retry_after())
        assert staff.sign_in(WRONG).wait_seconds == wait
    assert staff.retry_after() == MAX_WAIT


def test_a_try_during_the_wait_is_refused_unchecked_and_adds_nothing(
    staff: StaffDirectory, clock: Clock, hasher: CountingHasher, db: Database
) -> None:
    fail(staff, 5)
    entries = len(AuditLog(db).entries())
    clock.advance(10)
    checks = hasher.checks
    refused = staff.sign_in(QUINTA_PIN)  # even the right PIN
    assert refused == SignInResult(ok=False, name="", wait_seconds=20.0, failures_before=5)
    assert hasher.checks == checks
    clock.advance(5)
    assert staff.retry_after() == 15.0  # the refused try did not extend the wait
    assert len(AuditLog(db).entries()) == entries
    clock.advance(15)
    assert staff.sign_in(WRONG).wait_seconds == 60  # the sixth wrong PIN, not the seventh


def test_the_wait_survives_a_restart(
    tmp_path: Path, db: Database, staff: StaffDirectory, clock: Clock, hasher: CountingHasher
) -> None:
    fail(staff, 5)
    clock.advance(10)
    db.close()
    reopened = Database.open(tmp_path)
    try:
        again = StaffDirectory(reopened, now=clock, hasher=hasher)
        assert again.retry_after() == 20.0
        assert not again.sign_in(QUINTA_PIN).ok
        clock.advance(20)
        assert again.sign_in(WRONG).wait_seconds == 60
    finally:
        reopened.close()


def test_a_sign_in_resets_the_count(staff: StaffDirectory, clock: Clock) -> None:
    fail(staff, 5)
    clock.advance(30)
    result = staff.sign_in(QUINTA_PIN)
    assert (result.ok, result.wait_seconds, result.failures_before) == (True, 0.0, 5)
    assert fail(staff, 4).wait_seconds == 0  # four free tries again
    assert staff.sign_in(ORRIN_PIN).failures_before == 4


def test_a_clock_set_back_does_not_lock_staff_out(staff: StaffDirectory, clock: Clock) -> None:
    fail(staff, 5)
    clock.advance(-24 * 3600)
    assert staff.retry_after() == 30.0  # not a day and 30 seconds
    clock.advance(30)
    assert staff.sign_in(QUINTA_PIN).ok


def test_the_delay_schedule() -> None:
    assert [wait_after(n) for n in range(12)] == [0] * 5 + [30, 60, 120, 240, 480, 900, 900]
    assert wait_after(10**6) == MAX_WAIT


def test_every_sign_in_failure_and_staff_change_is_audited(
    staff: StaffDirectory, db: Database, clock: Clock
) -> None:
    staff.sign_in(WRONG)
    staff.sign_in("12")
    staff.sign_in(QUINTA_PIN)
    staff.add("Wendeline Trask", "531864", by=QUINTA)
    staff.remove(ORRIN, by=QUINTA)
    fail(staff, 5)
    clock.advance(30)
    staff.sign_in(ORRIN_PIN)  # removed: fails
    log = [(e.staff, e.action, e.detail) for e in reversed(AuditLog(db).entries())]
    assert log == [
        (QUINTA, "staff_added", ""),
        (ORRIN, "staff_added", ""),
        ("", "sign_in_failed", "attempt 1"),
        ("", "sign_in_failed", "attempt 2"),
        (QUINTA, "sign_in", "after 2 wrong PINs"),
        ("Wendeline Trask", "staff_added", f"by {QUINTA}"),
        (ORRIN, "staff_removed", f"by {QUINTA}"),
        *[("", "sign_in_failed", f"attempt {n}") for n in range(1, 7)],
    ]
    text = repr(AuditLog(db).entries())
    for pin in (QUINTA_PIN, ORRIN_PIN, WRONG, "531864"):
        assert pin not in text


def test_pins_are_stored_only_as_argon2id_hashes(staff: StaffDirectory, db: Database) -> None:
    for (pin_hash,) in db.read("SELECT pin_hash FROM staff", ()):
        assert pin_hash.startswith("$argon2id$")
        assert QUINTA_PIN not in pin_hash
        assert ORRIN_PIN not in pin_hash


def test_the_default_hasher_works(db: Database) -> None:
    directory = StaffDirectory(db)
    directory.add(QUINTA, QUINTA_PIN)
    assert db.read("SELECT pin_hash FROM staff", ())[0][0].startswith("$argon2id$v=19$m=19456,t=2")
    assert directory.sign_in(QUINTA_PIN).name == QUINTA
    assert not directory.sign_in(WRONG).ok


def test_a_hash_made_with_older_settings_is_upgraded_at_sign_in(
    staff: StaffDirectory, db: Database, clock: Clock
) -> None:
    stronger = PasswordHasher(time_cost=2, memory_cost=16, parallelism=1)
    assert StaffDirectory(db, now=clock, hasher=stronger).sign_in(QUINTA_PIN).ok
    hashes = dict(db.read("SELECT name, pin_hash FROM staff", ()))
    assert "m=16,t=2" in hashes[QUINTA]
    assert "m=8,t=1" in hashes[ORRIN]
    assert staff.sign_in(QUINTA_PIN).ok  # still the same PIN


PARALLEL = 17


def sign_in_at_once(tmp_path: Path, clock: Clock, pins: list[str]) -> list[SignInResult]:
    """Every PIN tried at the same moment, each by its own connection to the database file (as
    the kiosk and `kiosk export` would), with the real argon2 settings so each check takes a
    while, as on the kiosk."""
    barrier = threading.Barrier(len(pins))
    results: list[SignInResult | BaseException] = [SignInResult(ok=False)] * len(pins)

    def attempt(number: int) -> None:
        db = Database.open(tmp_path)
        try:
            directory = StaffDirectory(db, now=clock, hasher=pin_hasher())
            barrier.wait(timeout=60)
            results[number] = directory.sign_in(pins[number])
        except BaseException as exc:  # noqa: BLE001 -- handed to the test below
            results[number] = exc
        finally:
            db.close()

    threads = [threading.Thread(target=attempt, args=(n,)) for n in range(len(pins))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    for result in results:
        if isinstance(result, BaseException):
            raise result
    return [r for r in results if isinstance(r, SignInResult)]


def checked_since(db: Database, entries: int) -> list[str]:
    """The sign-in entries (each one PIN checked) added after the first `entries`."""
    log = [e.action for e in reversed(AuditLog(db).entries())][entries:]
    return [action for action in log if action in ("sign_in", "sign_in_failed")]


def test_tries_at_once_after_the_wait_check_one_pin_only(
    tmp_path: Path, db: Database, staff: StaffDirectory, clock: Clock
) -> None:
    fail(staff, FREE_TRIES)
    clock.advance(staff.retry_after())
    entries = len(AuditLog(db).entries())
    results = sign_in_at_once(tmp_path, clock, [WRONG] * PARALLEL)
    assert checked_since(db, entries) == ["sign_in_failed"]
    assert sorted(r.wait_seconds for r in results) == [60.0] * PARALLEL
    assert staff.retry_after() == 60.0


def test_the_right_pin_among_tries_at_once_gets_no_more_than_its_turn(
    tmp_path: Path, db: Database, staff: StaffDirectory, clock: Clock
) -> None:
    """As if they came one after another: one try after the wait, and only when that one is
    the right PIN do the free tries start again."""
    fail(staff, FREE_TRIES)
    clock.advance(staff.retry_after())
    entries = len(AuditLog(db).entries())
    pins = [WRONG] * (PARALLEL - 1)
    pins.insert(PARALLEL // 2, QUINTA_PIN)
    results = sign_in_at_once(tmp_path, clock, pins)
    checked = checked_since(db, entries)
    if checked[0] == "sign_in":  # its turn came first: the free tries start again after it
        assert checked[1:] == ["sign_in_failed"] * (len(checked) - 1)
        assert len(checked) <= 1 + FREE_TRIES
        assert [r.name for r in results if r.ok] == [QUINTA]
    else:
        assert checked == ["sign_in_failed"]
        assert not any(r.ok for r in results)
