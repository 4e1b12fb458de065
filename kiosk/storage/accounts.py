"""Staff who may open the staff screen, each with a PIN, and the PIN pad's sign-in.

PINs are kept only as argon2id hashes, and one easy to guess is refused. Wrong PINs are
counted in the database, not in memory, so restarting the kiosk does not cut short the wait
that follows five wrong PINs in a row, and every try is counted before its PIN is checked, so
tries made at once (from the kiosk and `kiosk export`) cannot all slip in before the wait.
"""

from __future__ import annotations

import datetime as dt
import itertools
import logging
from collections.abc import Callable
from typing import NamedTuple

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from kiosk.core.clock import utc_now
from kiosk.storage.audit import AuditLog
from kiosk.storage.database import Database, Problem, StorageError

log = logging.getLogger(__name__)

MAX_NAME = 40
MIN_PIN, MAX_PIN = 6, 64
FREE_TRIES = 5  # wrong PINs in a row before each try has to wait
FIRST_WAIT = 30.0  # seconds after the fifth; doubles with each further wrong PIN...
MAX_WAIT = 15 * 60.0  # ...up to this
# Patterns people pick that repeated or sequential digits (see `easy_to_guess`) do not cover.
# 246810 is also the demo folder's PIN, published in the README.
COMMON_PINS = frozenset(
    {"112233", "123321", "135790", "135791", "147258", "159753", "246810", "258369", "369258"}
)
_CLAIM_TRIES = 100  # rounds of "someone else counted a try first" before giving up


def pin_hasher() -> PasswordHasher:
    """argon2id with OWASP's minimum profile: 19 MiB, 2 passes, 1 lane.

    About 20 ms per check on a desktop and 100 ms on a Raspberry Pi 4. A sign-in checks the PIN
    against every staff member's hash, so it costs that times the number of staff; argon2's own
    default (64 MiB, 3 passes) would take seconds on a small box with ten staff.
    """
    return PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)


def wait_after(failures: int) -> float:
    """Seconds to wait after `failures` wrong PINs in a row.

    None after up to four; then 30 s, 60 s, 120 s, 240 s, 480 s, and 900 s (15 min) from the tenth.
    """
    if failures < FREE_TRIES:
        return 0.0
    return min(FIRST_WAIT * 2.0 ** min(failures - FREE_TRIES, 10), MAX_WAIT)


def easy_to_guess(pin: str) -> bool:
    """Whether `pin` is one an onlooker or a guesser tries first.

    One digit repeated (000000), a short block repeated (121212, 123123), digits counting up or
    down by one, round the dial too (123456, 987654, 789012), or a common pattern (112233).
    """
    if pin in COMMON_PINS:
        return True
    if any(pin == pin[:size] * (len(pin) // size) for size in range(1, len(pin) // 2 + 1)):
        return True
    steps = {(int(b) - int(a)) % 10 for a, b in itertools.pairwise(pin)}
    return steps in ({1}, {9})


def checked_account(name: str, pin: str, *, weak_ok: bool = False) -> str:
    """The name, trimmed, of a staff member who may be added with `pin`; ValueError naming the
    rule (never the PIN) otherwise. Shared by the kiosk and the desk's central store."""
    name = name.strip()
    if not 1 <= len(name) <= MAX_NAME or not name.isprintable():
        raise ValueError(f"a staff name must be 1 to {MAX_NAME} printable characters")
    if not is_pin(pin):
        raise ValueError(f"a PIN must be {MIN_PIN} to {MAX_PIN} digits (0-9), nothing else")
    if not weak_ok and easy_to_guess(pin):
        raise ValueError(
            "that PIN is too easy to guess (repeated or sequential digits, or a common "
            "pattern); choose another"
        )
    return name


class SignInResult(NamedTuple):
    """What the PIN pad shows after a try."""

    ok: bool
    name: str = ""  # who signed in; "" unless ok
    wait_seconds: float = 0.0  # until the next try is allowed; 0 when it is
    failures_before: int = 0  # wrong PINs since the last sign-in: show them, so guessing is seen


class StaffDirectory:
    """The staff list and the sign-in counter, in the kiosk's database.

    Adding and removing staff are audited with `staff` = the member added or removed (the CLI
    that manages staff has no signed-in user); pass `by=` to name who did it in the detail.
    """

    def __init__(
        self,
        db: Database,
        *,
        now: Callable[[], dt.datetime] = utc_now,
        hasher: PasswordHasher | None = None,
        audit: AuditLog | None = None,
    ) -> None:
        self._db = db
        self._now = now
        self._hasher = hasher or pin_hasher()
        self._audit = audit or AuditLog(db, now=now)

    # -- the staff list ------------------------------------------------------------------------

    def add(self, name: str, pin: str, *, by: str = "", weak_ok: bool = False) -> None:
        """Add a staff member; ValueError (naming the rule, never the PIN) if it cannot be.

        `weak_ok` lets an easy PIN through: only for the demo folder, whose PIN is published.
        """
        name = checked_account(name, pin, weak_ok=weak_ok)
        if self._db.read("SELECT 1 FROM staff WHERE name = ?", (name,)):
            raise ValueError(f"there is already a staff member called {name!r}")
        # The PIN alone says who signs in, so two people must never share one. Refusing it
        # tells whoever adds staff that it is someone's PIN: that is logged (not whose it is).
        if self._match(pin) is not None:
            self._audit.record(name, "staff_add_refused", _by("PIN already in use", by))
            raise ValueError("that PIN is already in use; choose another")
        self._db.write(
            "INSERT INTO staff (name, pin_hash, created_at) VALUES (?, ?, ?)",
            [(name, self._hasher.hash(pin), self._stamp())],
        )
        self._audit.record(name, "staff_added", f"by {by}" if by else "")

    def remove(self, name: str, *, by: str = "") -> bool:
        """Remove a staff member; False if there was none of that name."""
        rows = self._db.read("SELECT name FROM staff WHERE name = ?", (name.strip(),))
        if not rows:
            return False
        self._db.write("DELETE FROM staff WHERE name = ?", [(rows[0][0],)])
        self._audit.record(rows[0][0], "staff_removed", f"by {by}" if by else "")
        return True

    def names(self) -> list[str]:
        return [row[0] for row in self._db.read("SELECT name FROM staff ORDER BY name", ())]

    def has_staff(self) -> bool:
        return bool(self._db.read("SELECT EXISTS (SELECT 1 FROM staff)", ())[0][0])

    # -- signing in ----------------------------------------------------------------------------

    def sign_in(self, pin: str) -> SignInResult:
        """Check `pin` against every staff member, unless a wait after wrong PINs is running.

        A try during the wait is refused without checking the PIN and does not add to it. A try
        that may go ahead is first counted as a wrong PIN, in one BEGIN IMMEDIATE transaction
        that also checks nobody counted one since the wait was read (see `_claim_try`); a right
        PIN then clears the count. So tries made at the same moment get the turns they would
        one after another: after the wait, one.
        """
        for _ in range(_CLAIM_TRIES):
            failures, last, wait = self._state()
            if wait > 0:
                return SignInResult(ok=False, wait_seconds=wait, failures_before=failures)
            if self._claim_try(failures, last):
                break
        else:
            raise StorageError(Problem.LOCKED, "too many sign-ins at once; try again")
        name = self._match(pin) if is_pin(pin) else None
        if name is None:
            failures += 1
            self._audit.record("", "sign_in_failed", f"attempt {failures}")
            return SignInResult(ok=False, wait_seconds=wait_after(failures))
        self._reset()
        self._audit.record(name, "sign_in", f"after {failures} wrong PINs" if failures else "")
        return SignInResult(ok=True, name=name, failures_before=failures)

    def retry_after(self) -> float:
        """Seconds until the PIN pad may be used again; 0 when it may."""
        return self._state()[2]

    def _state(self) -> tuple[int, str | None, float]:
        """Wrong PINs in a row, when the last was (as stored), and the seconds left to wait."""
        rows = self._db.read("SELECT count, last_failure_at FROM signin_failures WHERE id = 1", ())
        if not rows:
            # The schema makes the row; a database edited by hand may have lost it.
            self._db.write("INSERT OR IGNORE INTO signin_failures (id, count) VALUES (1, 0)", [()])
            return 0, None, 0.0
        failures, stamp = int(rows[0][0]), rows[0][1]
        if not stamp:
            return failures, stamp, 0.0
        elapsed = (self._now() - dt.datetime.fromisoformat(stamp)).total_seconds()
        if elapsed < 0:
            # The clock was set back. Count from now, or staff would wait until it catches up.
            log.warning("the clock is behind the last wrong PIN; restarting the wait from now")
            now = self._stamp()
            self._db.write(
                "UPDATE signin_failures SET last_failure_at = ? WHERE id = 1 AND count = ?"
                " AND last_failure_at IS ?",
                [(now, failures, stamp)],
            )
            return self._state() if self._changed() == 0 else (failures, now, wait_after(failures))
        return failures, stamp, max(0.0, wait_after(failures) - elapsed)

    def _claim_try(self, failures: int, last: str | None) -> bool:
        """Count one more wrong PIN if the counter still reads (`failures`, `last`).

        False when another try (another thread, `kiosk export`) counted one first: the caller
        reads the wait again. The compare and the update are one BEGIN IMMEDIATE transaction
        (`Database.write`); the PIN is checked after it, so argon2's work never holds the write
        lock a patient's request waits on.
        """
        self._db.write(
            "UPDATE signin_failures SET count = count + 1, last_failure_at = ?"
            " WHERE id = 1 AND count = ? AND last_failure_at IS ?",
            [(self._stamp(), failures, last)],
        )
        return self._changed() == 1

    def _changed(self) -> int:
        """Rows the last UPDATE on this connection changed (a connection is one thread's)."""
        return int(self._db.read("SELECT changes()", ())[0][0])

    def _reset(self) -> None:
        self._db.write(
            "UPDATE signin_failures SET count = 0, last_failure_at = NULL WHERE id = 1", [()]
        )

    def _match(self, pin: str) -> str | None:
        """The staff member whose PIN this is, if any; upgrades a hash made with old settings."""
        for name, pin_hash in self._db.read("SELECT name, pin_hash FROM staff ORDER BY name", ()):
            try:
                self._hasher.verify(pin_hash, pin)
            except (VerificationError, InvalidHashError):
                continue
            if self._hasher.check_needs_rehash(pin_hash):
                self._db.write(
                    "UPDATE staff SET pin_hash = ? WHERE name = ?",
                    [(self._hasher.hash(pin), name)],
                )
            return str(name)
        return None

    def _stamp(self) -> str:
        return self._now().astimezone(dt.UTC).isoformat()


def _by(detail: str, by: str) -> str:
    return f"{detail}, by {by}" if by else detail


def is_pin(pin: str) -> bool:
    # isascii: str.isdigit() alone also accepts "²" and Arabic-Indic digits.
    return MIN_PIN <= len(pin) <= MAX_PIN and pin.isascii() and pin.isdigit()
