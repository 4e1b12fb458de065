"""The administration commands an IT person runs: staff, audit, stats, purge."""

from __future__ import annotations

import io
import os
import select
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.cli import main

KIOSK = Path(sys.executable).with_name("kiosk")
PIN = "482193"


def run(argv: list[str], monkeypatch: pytest.MonkeyPatch, stdin: str = "") -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    try:
        return main(argv)
    except SystemExit as exc:
        return int(exc.code or 0)


def test_staff_are_added_listed_audited_and_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = ["--data-dir", str(tmp_path)]
    assert run(["staff", "add", "Dana Front", "--pin-stdin", *data], monkeypatch, "482193\n") == 0
    assert run(["staff", "list", *data], monkeypatch) == 0
    assert capsys.readouterr().out.splitlines() == ["added Dana Front", "Dana Front"]
    assert run(["audit", *data], monkeypatch) == 0
    log = capsys.readouterr().out
    assert "staff_added" in log
    assert "482193" not in log
    assert run(["staff", "remove", "Dana Front", *data], monkeypatch) == 0
    assert run(["staff", "remove", "Dana Front", *data], monkeypatch) == 1
    assert "no staff member called 'Dana Front'" in capsys.readouterr().err


def test_a_short_pin_is_refused_plainly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["staff", "add", "Sam", "--pin-stdin", "--data-dir", str(tmp_path)]
    assert run(argv, monkeypatch, "1234\n") == 1
    err = capsys.readouterr().err
    assert "6 to 64 digits" in err
    assert "1234" not in err


def test_stats_and_purge_run_on_an_empty_kiosk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["stats", "--data-dir", str(tmp_path)], monkeypatch) == 0
    assert capsys.readouterr().out.strip() == "Day,Event,Subject,Count"
    assert run(["purge", "--older-than", "7", "--data-dir", str(tmp_path)], monkeypatch) == 0
    assert capsys.readouterr().out.strip() == "deleted 0 requests"


@pytest.mark.parametrize("days", ["0", "-1"])
def test_purge_refuses_an_age_under_a_day_instead_of_using_the_default(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    days: str,
) -> None:
    assert run(["purge", "--older-than", days, "--data-dir", str(tmp_path)], monkeypatch) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == "kiosk: --older-than must be 1 or more days\n"


def test_export_from_the_command_line_needs_a_pin_and_marks_new_requests_exported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from kiosk.core.callback_form import CallbackRequest, Phone
    from kiosk.storage.database import Database
    from kiosk.storage.requests import RequestStore

    data = ["--data-dir", str(tmp_path / "data")]
    run(["staff", "add", "Dana Front", "--pin-stdin", *data], monkeypatch, "482193\n")
    db = Database.open(tmp_path / "data")
    RequestStore(db).save(
        CallbackRequest(
            "Ann", "Lee", Phone("+12015550123", "(201) 555-0123"), (), ("morning",), "", "", "en"
        ),
        reference="ACE-479",
        consent_text="Yes",
        consent_version="1",
    )
    out = tmp_path / "out.csv"
    assert run(["export", "--out", str(out), *data], monkeypatch, "000000\n") == 1
    assert "not right" in capsys.readouterr().err
    assert not out.exists()
    assert run(["export", "--out", str(out), *data], monkeypatch, "482193\n") == 0
    assert "Ann" in out.read_text(encoding="utf-8-sig")
    assert RequestStore(db).counts()["exported"] == 1


def test_demo_data_fills_a_folder_with_fictional_requests(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from kiosk.storage.database import Database
    from kiosk.storage.requests import RequestStore

    assert run(["demo-data", "--data-dir", str(tmp_path)], monkeypatch) == 0
    assert "PIN 246810" in capsys.readouterr().out
    phones = {r.phone.e164 for r in RequestStore(Database.open(tmp_path)).requests()}
    assert phones
    assert all(p[5:8] == "555" and p[8:10] == "01" for p in phones)
    assert run(["demo-data", "--data-dir", str(tmp_path)], monkeypatch) == 0  # `make run` again
    assert len(RequestStore(Database.open(tmp_path)).requests()) == len(phones)


def test_demo_data_never_touches_a_real_kiosks_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from kiosk.storage.accounts import StaffDirectory
    from kiosk.storage.database import Database

    real = tmp_path / "real"
    assert run(["staff", "add", "Dana Front", "--pin-stdin", "--data-dir", str(real)],
               monkeypatch, "482193\n") == 0  # fmt: skip
    assert run(["demo-data", "--data-dir", str(real)], monkeypatch) == 1
    assert "demo data did not make" in capsys.readouterr().err
    assert StaffDirectory(Database.open(real)).names() == ["Dana Front"]  # no "Demo Staff"
    assert not (real / "DEMO-DATA.txt").exists()


def test_demo_data_wants_a_folder_named_not_the_configured_one(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["demo-data"], monkeypatch) == 1
    assert "needs --data-dir" in capsys.readouterr().err


def test_a_weak_pin_is_refused_for_real_staff(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Even the demo PIN: `kiosk demo-data` may use it in its own folder, real staff may not."""
    for pin in ("000000", "123456", "111111", "246810"):
        argv = ["staff", "add", "Sam", "--pin-stdin", "--data-dir", str(tmp_path)]
        assert run(argv, monkeypatch, pin + "\n") == 1
        err = capsys.readouterr().err
        assert "too easy to guess" in err
        assert pin not in err
        assert err.count("\n") == 1
    assert run(["staff", "list", "--data-dir", str(tmp_path)], monkeypatch) == 0
    assert capsys.readouterr().out == ""


def test_a_pin_in_use_is_refused_audited_and_its_owner_not_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = ["--data-dir", str(tmp_path)]
    assert run(["staff", "add", "Dana Front", "--pin-stdin", *data], monkeypatch, PIN + "\n") == 0
    assert run(["staff", "add", "Sam Other", "--pin-stdin", *data], monkeypatch, PIN + "\n") == 1
    err = capsys.readouterr().err
    assert "already in use" in err
    assert "Dana" not in err
    assert run(["audit", *data], monkeypatch) == 0
    newest = capsys.readouterr().out.splitlines()[0]
    assert "staff_add_refused" in newest
    assert "Sam Other" in newest
    assert "Dana" not in newest
    assert PIN not in newest


# -- exports from the command line --------------------------------------------------------------


@pytest.fixture
def kiosk_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data folder with one staff member and one new request (fictional, 555-01xx)."""
    from kiosk.core.callback_form import CallbackRequest, Phone
    from kiosk.storage.database import Database
    from kiosk.storage.requests import RequestStore

    data = tmp_path / "data"
    argv = ["staff", "add", "Dana Front", "--pin-stdin", "--data-dir", str(data)]
    assert run(argv, monkeypatch, PIN + "\n") == 0
    db = Database.open(data)
    try:
        RequestStore(db).save(
            CallbackRequest(
                "Ann", "Lee", Phone("+12015550123", "(201) 555-0123"),
                (), ("morning",), "", "", "en",
            ),
            reference="ACE-479",
            consent_text="Yes",
            consent_version="1",
        )  # fmt: skip
    finally:
        db.close()
    return data


def counts(data: Path) -> dict[str, int]:
    from kiosk.storage.database import Database
    from kiosk.storage.requests import RequestStore

    db = Database.open(data)  # also proves the key still opens the database
    try:
        return RequestStore(db).counts()
    finally:
        db.close()


def audit_actions(data: Path) -> list[str]:
    from kiosk.storage.audit import AuditLog
    from kiosk.storage.database import Database

    db = Database.open(data)
    try:
        return [entry.action for entry in AuditLog(db).entries()]
    finally:
        db.close()


def export(out: Path, data: Path, monkeypatch: pytest.MonkeyPatch, *extra: str) -> int:
    return run(["export", "--out", str(out), "--data-dir", str(data), *extra], monkeypatch, PIN)


@pytest.mark.parametrize("force", [[], ["--force"]], ids=["", "force"])
@pytest.mark.parametrize("name", ["db.key", "requests.db", "requests.db.keycheck", "new.csv"])
def test_export_never_writes_into_the_data_folder(
    kiosk_data: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    name: str,
    force: list[str],
) -> None:
    target = kiosk_data / name
    before = target.read_bytes() if target.exists() else None
    assert export(target, kiosk_data, monkeypatch, *force) == 1
    err = capsys.readouterr().err
    assert "inside the kiosk's data folder" in err
    assert err.count("\n") == 1
    assert (target.read_bytes() if target.exists() else None) == before
    assert counts(kiosk_data) == {"new": 1, "exported": 0, "done": 0}


def test_export_sees_through_a_symlink_into_the_data_folder(
    kiosk_data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    key = (kiosk_data / "db.key").read_bytes()
    usb = tmp_path / "usb"
    usb.symlink_to(kiosk_data)
    assert export(usb / "db.key", kiosk_data, monkeypatch) == 1
    assert export(usb / "new.csv", kiosk_data, monkeypatch) == 1
    assert (kiosk_data / "db.key").read_bytes() == key
    assert not (kiosk_data / "new.csv").exists()
    assert counts(kiosk_data)["new"] == 1


def test_export_refuses_an_existing_file_unless_forced(
    kiosk_data: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / "report.csv"
    out.write_text("last week's calls")
    assert export(out, kiosk_data, monkeypatch) == 1
    err = capsys.readouterr().err
    assert "already exists" in err
    assert "--force" in err
    assert out.read_text() == "last week's calls"
    assert counts(kiosk_data)["new"] == 1
    assert export(out, kiosk_data, monkeypatch, "--force") == 0
    assert "Ann" in out.read_text(encoding="utf-8-sig")


def test_export_refuses_what_is_not_a_regular_file_even_forced(
    kiosk_data: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A fifo stands for /dev/full or /dev/stdout: anything that exists but is no plain file."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    assert export(fifo, kiosk_data, monkeypatch, "--force") == 1
    assert "not a regular file" in capsys.readouterr().err
    assert fifo.is_fifo()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".export")) == []
    assert counts(kiosk_data)["new"] == 1


def add_trigger(data: Path, sql: str) -> None:
    """Make the database refuse a write as a full disk would: SQLite's own error, "database or
    disk is full", raised by a trigger, so the kiosk's real error path runs."""
    from kiosk.storage.database import Database

    db = Database.open(data)
    try:
        db.write(sql, [()])
    finally:
        db.close()


FULL_ON_STATUS = (
    "CREATE TRIGGER disk_full BEFORE UPDATE OF status ON requests"
    " BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END"
)
FULL_ON_AUDIT = (  # once signed in: the disk fills just as the export is to be logged
    "CREATE TRIGGER disk_full BEFORE INSERT ON audit WHEN NEW.action LIKE 'export%'"
    " BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END"
)


def test_export_is_audited_before_the_file_is_written(
    kiosk_data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "report.csv"
    assert export(out, kiosk_data, monkeypatch) == 0
    assert audit_actions(kiosk_data)[:3] == ["export", "export_started", "sign_in"]


def test_no_export_when_the_attempt_cannot_be_audited(
    kiosk_data: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    add_trigger(kiosk_data, FULL_ON_AUDIT)
    out = tmp_path / "report.csv"
    assert export(out, kiosk_data, monkeypatch) == 1
    assert "full" in capsys.readouterr().err
    assert not out.exists()
    assert counts(kiosk_data)["new"] == 1


def test_a_file_written_but_not_marked_exported_says_so(
    kiosk_data: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    add_trigger(kiosk_data, FULL_ON_STATUS)
    out = tmp_path / "report.csv"
    assert export(out, kiosk_data, monkeypatch) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert str(out) in err
    assert "could not be marked exported" in err
    assert "stay new" in err
    assert "Ann" in out.read_text(encoding="utf-8-sig")  # the file is there...
    assert counts(kiosk_data)["new"] == 1  # ...and the request is still new
    assert audit_actions(kiosk_data)[:2] == ["export_not_marked", "export_started"]


def test_a_failed_export_is_audited(
    kiosk_data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "missing-folder" / "report.csv"
    assert export(out, kiosk_data, monkeypatch) == 1
    assert audit_actions(kiosk_data)[:2] == ["export_failed", "export_started"]
    assert counts(kiosk_data)["new"] == 1


# -- PINs typed at a terminal -------------------------------------------------------------------


def _until(master: int, wanted: bytes, seen: bytearray, timeout: float = 60) -> bool:
    """Read what the terminal shows until `wanted` appears (False at the end or on timeout)."""
    while wanted not in seen:
        ready, _, _ = select.select([master], [], [], timeout)
        if not ready:
            return False
        try:
            chunk = os.read(master, 1024)
        except OSError:  # EIO: the program ended and closed the terminal
            return False
        if not chunk:
            return False
        seen.extend(chunk)
    return True


@pytest.mark.parametrize(
    "command",
    [["export", "--out", "{out}"], ["staff", "add", "Sam Other", "--pin-stdin"]],
    ids=["export", "staff-add"],
)
def test_a_pin_typed_at_a_terminal_is_not_shown(
    kiosk_data: Path, tmp_path: Path, command: list[str]
) -> None:
    out = tmp_path / "report.csv"
    argv = [str(KIOSK), *(a.format(out=out) for a in command), "--data-dir", str(kiosk_data)]
    pin = "735190"
    typed = PIN if command[0] == "export" else pin
    master, terminal = os.openpty()
    # A session of its own, with no controlling terminal: never the one running pytest, and
    # getpass, finding no /dev/tty, turns off the echo of standard input (this terminal).
    process = subprocess.Popen(
        argv, stdin=terminal, stdout=terminal, stderr=terminal, start_new_session=True
    )
    os.close(terminal)
    seen = bytearray()
    try:
        # Typed once asked; a program that never asks gets it typed anyway after a while.
        _until(master, b"PIN", seen, timeout=20)
        os.write(master, typed.encode() + b"\n")
        _until(master, b"\0", seen)  # everything, to the end
        assert process.wait(timeout=60) == 0, bytes(seen)
    finally:
        os.close(master)
        if process.poll() is None:
            process.kill()
            process.wait()
    assert typed.encode() not in seen  # the terminal did not echo it
    assert b"PIN" in seen  # and it was asked for


def test_everything_the_kiosk_command_writes_is_private_under_any_umask(tmp_path: Path) -> None:
    import subprocess
    import sys

    data = tmp_path / "data"
    kiosk = "import sys; from kiosk.cli import main; sys.exit(main())"
    shell = ["sh", "-c", 'umask 022; exec "$0" "$@"', sys.executable, "-c", kiosk]
    for command in ("demo-data", "purge", "stats"):
        subprocess.run(
            [*shell, command, "--data-dir", str(data)],
            check=True,
            capture_output=True,
        )
    modes = {
        str(path.relative_to(data)): path.stat().st_mode & 0o777
        for path in [data, *data.rglob("*")]
    }
    assert {mode & 0o077 for mode in modes.values()} == {0}, modes
