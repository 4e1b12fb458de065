"""The Checks tab's facts as gathered, before any widget: each in words with its sign, a problem
said as one, nothing empty, no path; the paths stay in `kiosk doctor`, for IT."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from kiosk.central.problems import Problem
from kiosk.core.config import SyncConfig
from kiosk.storage.database import Database
from kiosk.storage.sync_status import SyncStatus, write_status
from kiosk.system import diagnostics, doctor, kiosk_lines
from kiosk.system.fact_lines import FOR_IT, Group, Line, Mark, Value, Words, words
from tests.unit.test_doctor import EDITED

NOW = dt.datetime(2026, 12, 1, 13, 54, tzinfo=dt.UTC)
SYNC = SyncConfig(dsn="host=desk.secret.example user=kiosk_lobby")
ROOTED_PATH = re.compile(r"(?<![\w.])/\w")  # "/home/...", never "12/1/26"


def texts(value: Value) -> Iterator[str]:
    """Every piece of text a value holds: the words and the values put into them."""
    if isinstance(value, Words):
        yield value.text
        for _name, part in value.values:
            yield from texts(part)
    else:
        yield str(value)


def line_text(line: Line) -> str:
    return " · ".join(piece for part in line.said for piece in texts(part))


def all_lines(groups: Sequence[Group]) -> dict[str, Line]:
    return {line.label: line for group in groups for line in group.lines}


@pytest.fixture
def kept(tmp_path: Path) -> Iterator[tuple[Path, Database]]:
    """A kiosk's data folder with its database open."""
    data = tmp_path / "data"
    db = Database.open(data)
    yield data, db
    db.close()


def test_no_fact_names_a_path_or_is_empty_and_doctor_still_names_them(
    kept: tuple[Path, Database], tmp_path: Path
) -> None:
    data, db = kept
    write_status(data, status(ok=False, problem="unreachable"))
    groups = diagnostics.facts(data, db, sync=SYNC, now=NOW)
    assert [group.heading for group in groups] == ["Requests", "This kiosk"]
    for group in groups:
        assert group.lines
        for line in group.lines:
            assert line.label
            assert line.said, line.label  # never a label with nothing after it
            for piece in (line.label, *(p for part in line.said for p in texts(part))):
                assert piece.strip(), line.label
                assert str(tmp_path) not in piece
                assert not ROOTED_PATH.search(piece), piece
                assert "secret" not in piece  # nor the server's name
    # IT finds the paths where the tab sends them: `kiosk doctor`.
    config = tmp_path / "kiosk.toml"
    config.write_text(EDITED, encoding="utf-8")
    lines = [check.line() for check in doctor.run(config, data_dir=data, env={}, pyside=None)]
    assert any(line.startswith(f"✓ Data folder: {data} (0700, ") for line in lines)
    assert any(line.startswith("✓ Free disk: ") and str(data) in line for line in lines)
    assert "kiosk doctor" in FOR_IT


def test_a_healthy_kiosk_says_ok_with_the_free_disk(kept: tuple[Path, Database]) -> None:
    data, db = kept
    saved = all_lines(diagnostics.facts(data, db, now=NOW, min_free_bytes=0))["Saved requests"]
    assert saved.mark is Mark.OK
    assert line_text(saved).startswith("OK · none saved yet · {free} free · ")


def test_a_nearly_full_disk_is_a_problem_said_in_words(kept: tuple[Path, Database]) -> None:
    data, db = kept
    groups = diagnostics.facts(data, db, now=NOW, min_free_bytes=10**18)
    saved = all_lines(groups)["Saved requests"]
    assert saved.mark is Mark.PROBLEM
    assert "the disk is nearly full: {free} free" in line_text(saved)
    assert line_text(saved).endswith("call IT")


def test_a_database_that_cannot_be_opened_is_a_problem(tmp_path: Path) -> None:
    saved = all_lines(diagnostics.facts(tmp_path, None, now=NOW))["Saved requests"]
    assert saved.mark is Mark.PROBLEM
    assert "the database cannot be opened" in line_text(saved)


def status(*, ok: bool, problem: str = "", minutes_ago: int = 23, written: int = 0) -> SyncStatus:
    """What `kiosk sync` wrote `written` minutes before NOW, the last success `minutes_ago`."""
    return SyncStatus(
        ok=ok,
        problem=problem,
        message="" if ok else 'could not connect to "desk.secret.example"',
        failing_since=None if ok else NOW - dt.timedelta(minutes=minutes_ago - 1),
        last_success=NOW - dt.timedelta(minutes=minutes_ago),
        pending=4,
        updated=NOW - dt.timedelta(minutes=written),
    )


def test_sync_not_reached_says_since_when_and_why(tmp_path: Path) -> None:
    write_status(tmp_path, status(ok=False, problem="unreachable"))
    line = diagnostics.sync_line(SYNC, tmp_path, None, NOW)
    assert line.mark is Mark.PROBLEM
    (said, waiting) = line.said
    assert said == words(
        "{when} — {why}",
        when=words(
            "not since {time} ({ago})",
            time=NOW - dt.timedelta(minutes=23),
            ago=dt.timedelta(minutes=23),
        ),
        why="the clinic's server cannot be reached",
    )
    assert waiting == words("requests waiting here: {n}", n=4)  # the file's count


def test_working_sync_is_ok_and_a_stopped_one_a_problem(tmp_path: Path) -> None:
    write_status(tmp_path, status(ok=True, minutes_ago=1))
    working = diagnostics.sync_line(SYNC, tmp_path, None, NOW)
    assert working.mark is Mark.OK
    assert line_text(working).startswith("OK · last sent {time} ({ago} ago)")
    write_status(tmp_path, status(ok=True, minutes_ago=30, written=30))
    stopped = diagnostics.sync_line(SYNC, tmp_path, None, NOW)
    assert stopped.mark is Mark.PROBLEM
    assert "no news from the sending service since {time}" in line_text(stopped)


def test_sync_that_never_ran_or_is_off(tmp_path: Path) -> None:
    never = diagnostics.sync_line(SYNC, tmp_path, None, NOW)
    assert never.mark is Mark.PROBLEM
    assert line_text(never) == "the sending service has never run here · call IT"
    off = diagnostics.sync_line(None, tmp_path, None, NOW)
    assert off.mark is Mark.NOTE
    assert line_text(off) == "off: this kiosk keeps its requests"


def test_every_kind_of_sync_problem_has_words_for_staff() -> None:
    assert {kind.value for kind in Problem} <= set(diagnostics.SERVER_WORDS)
    assert not any("central store" in said for said in diagnostics.SERVER_WORDS.values())


def test_warnings_in_todays_log_are_counted(tmp_path: Path) -> None:
    logs = tmp_path / "logs"
    logs.mkdir()
    today = NOW.astimezone()
    yesterday = today - dt.timedelta(days=1)
    (logs / "kiosk.log").write_text(
        f"{yesterday:%Y-%m-%d %H:%M:%S},001 ERROR kiosk.app: old\n"
        f"{today:%Y-%m-%d} 08:00:00,002 WARNING kiosk.staff: staff action failed: full\n"
        f"{today:%Y-%m-%d} 08:05:00,003 INFO kiosk.app: fine\n",
        encoding="utf-8",
    )
    line = kiosk_lines.log_line(tmp_path, NOW)
    assert line.mark is Mark.NOTE
    (count, _see) = line.said
    assert isinstance(count, Words)
    assert dict(count.values)["n"] == 1
    assert kiosk_lines.log_line(tmp_path / "none", NOW).said == ("none today",)


def test_read_aloud_and_restart_if_it_freezes() -> None:
    assert diagnostics.read_aloud_line("auto", "speechd", "").mark is Mark.OK
    assert diagnostics.read_aloud_line("auto", "", "stopped answering").mark is Mark.NOTE
    assert diagnostics.read_aloud_line("speechd", "", "stopped answering").mark is Mark.PROBLEM
    assert diagnostics.read_aloud_line("none", "", "").said == ("off in the settings",)
    assert kiosk_lines.watchdog_line(10_000, watchdog_ok=True).mark is Mark.OK
    assert kiosk_lines.watchdog_line(0, watchdog_ok=True).mark is Mark.NOTE
    assert kiosk_lines.watchdog_line(0, watchdog_ok=False).mark is Mark.PROBLEM
