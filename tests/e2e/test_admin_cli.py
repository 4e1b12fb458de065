"""The administration commands an IT person runs: staff, audit, stats, purge."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from kiosk.cli import main

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


def test_export_from_the_command_line_needs_a_pin_and_marks_new_requests_exported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from kiosk.callback import CallbackRequest, Phone
    from kiosk.database import Database
    from kiosk.storage import RequestStore

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
    from kiosk.database import Database
    from kiosk.storage import RequestStore

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
    from kiosk.database import Database
    from kiosk.staff import StaffDirectory

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
