"""Exports for staff: CSV and XLSX read back intact, formulas defused, files private and whole."""

from __future__ import annotations

import csv
import datetime as dt
import errno
import os
import re
import stat
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

import openpyxl
import pytest

from kiosk.core.callback_form import CallbackRequest, Phone
from kiosk.storage import export
from kiosk.storage.export import (
    ExportError,
    TargetExistsError,
    check_target,
    neutralise,
    write_csv,
    write_csv_rows,
    write_new,
    write_xlsx,
)
from kiosk.storage.requests import RequestStore, StoredRequest

if TYPE_CHECKING:
    from _typeshed import StrOrBytesPath

NEW_YORK = ZoneInfo("America/New_York")
# Obviously fictional: 555-01xx numbers are reserved for fiction.
PHONE = Phone("+12015550123", "(201) 555-0123", "45")
BASE = StoredRequest(
    id="0",
    reference="ACE-479",
    created_at=dt.datetime(2026, 11, 26, 19, 5, tzinfo=dt.UTC),
    status="new",
    first_name="José",
    last_name="Núñez",
    phone=PHONE,
    days=("mon", "wed"),
    periods=("morning", "evening"),
    topic="topic:surgery",
    note='After lunch, "please".\nAsk for José.',
    language="es",
    consent_text="You may call me.",
    consent_version="2026-11",
)
HOSTILE = (
    '=HYPERLINK("http://example.com","x")',
    "@SUM(A1)",
    "+1 201",
    "-2+3",
    "\tBob",
    "\rBob",
    "\uff1d1+1",  # full-width =
)
REQUESTS = [
    BASE,
    BASE._replace(
        id="1",
        status="exported",
        first_name="Siobhán",
        last_name="O'Neil",
        phone=Phone("+13125550199", "(312) 555-0199", ""),
        days=(),
        topic="",
        note="",
    ),
    *(BASE._replace(id=f"h{i}", first_name=name) for i, name in enumerate(HOSTILE)),
]
Writer = Callable[..., int]
FORMATS = pytest.mark.parametrize("write", [write_csv, write_xlsx], ids=["csv", "xlsx"])


def target(write: Writer, folder: Path) -> Path:
    return folder / ("requests.csv" if write is write_csv else "requests.xlsx")


# What staff see, cell by cell, written out by hand: REQUESTS exported in New York, where
# 19:05 UTC on 26 November is 14:05. In a CSV, a cell a spreadsheet would run has an apostrophe
# in front (Excel shows the cell as typed, as text); in an XLSX it is marked text instead and
# reads back as typed (a CR reads back as LF: XML has no bare CR).
HEADER = [
    "Reference",
    "Received",
    "Status",
    "First name",
    "Last name",
    "Phone (E.164)",
    "Phone (national)",
    "Extension",
    "Best days",
    "Best times",
    "About",
    "Note",
    "Language",
    "Consent version",
]


def jose(first_name: str = "José", phone: str = "'+12015550123") -> list[str]:
    """BASE's row; HOSTILE's rows differ only in the first name."""
    return [
        "ACE-479",
        "2026-11-26 14:05",
        "new",
        first_name,
        "Núñez",
        phone,
        "(201) 555-0123",
        "45",
        "mon, wed",
        "morning, evening",
        "topic:surgery",
        'After lunch, "please".\nAsk for José.',
        "es",
        "2026-11",
    ]


def siobhan(status: str = "exported", phone: str = "'+13125550199") -> list[str]:
    """The second request's row: no day chosen is "any", and empty cells stay empty."""
    return [
        "ACE-479",
        "2026-11-26 14:05",
        status,
        "Siobhán",
        "O'Neil",
        phone,
        "(312) 555-0199",
        "",
        "any",
        "morning, evening",
        "",
        "",
        "es",
        "2026-11",
    ]


IN_CSV = [
    jose(),
    siobhan(),
    jose('\'=HYPERLINK("http://example.com","x")'),
    jose("'@SUM(A1)"),
    jose("'+1 201"),
    jose("'-2+3"),
    jose("'\tBob"),
    jose("'\rBob"),
    jose("'\uff1d1+1"),
]
IN_XLSX = [
    jose(phone="+12015550123"),
    siobhan(phone="+13125550199"),
    jose('=HYPERLINK("http://example.com","x")', "+12015550123"),
    jose("@SUM(A1)", "+12015550123"),
    jose("+1 201", "+12015550123"),
    jose("-2+3", "+12015550123"),
    jose("\tBob", "+12015550123"),
    jose("\nBob", "+12015550123"),
    jose("\uff1d1+1", "+12015550123"),
]


def names(folder: Path) -> list[str]:
    return sorted(entry.name for entry in folder.iterdir())


def read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as file:
        return list(csv.reader(file))


def read_xlsx(path: Path) -> list[list[str]]:
    sheet = openpyxl.load_workbook(path).active
    found = []
    for row in sheet.iter_rows(max_col=len(HEADER)):
        for cell in row:
            assert cell.value is None or cell.data_type == "s", cell.coordinate
        found.append(["" if cell.value is None else cell.value for cell in row])
    return found


READ: dict[Writer, Callable[[Path], list[list[str]]]] = {write_csv: read_csv, write_xlsx: read_xlsx}


@pytest.mark.parametrize(
    ("cell", "safe"),
    [
        ("=1+1", "'=1+1"),
        ("+12015550123", "'+12015550123"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("\nx", "'\nx"),
        ("\uff1d1+1", "'\uff1d1+1"),
        ("\uff0b1", "'\uff0b1"),
        ("\uff0d1", "'\uff0d1"),
        ("\uff20SUM(A1)", "'\uff20SUM(A1)"),
        ("", ""),
        ("O'Neil", "O'Neil"),
        ("José Núñez", "José Núñez"),
        ("(201) 555-0123", "(201) 555-0123"),
        ("a=1", "a=1"),
        (" =1", " =1"),
        ("'=1", "'=1"),
    ],
)
def test_neutralise_defuses_only_what_a_spreadsheet_would_run(cell: str, safe: str) -> None:
    assert neutralise(cell) == safe


def test_an_export_reads_back_as_the_requests(tmp_path: Path) -> None:
    assert write_csv(REQUESTS, tmp_path / "out.csv", tz=NEW_YORK) == len(REQUESTS)
    assert write_xlsx(REQUESTS, tmp_path / "out.xlsx", tz=NEW_YORK) == len(REQUESTS)
    assert read_csv(tmp_path / "out.csv") == [HEADER, *IN_CSV]
    assert read_xlsx(tmp_path / "out.xlsx") == [HEADER, *IN_XLSX]


@FORMATS
def test_formulas_come_out_as_text(write: Writer, tmp_path: Path) -> None:
    path = target(write, tmp_path)
    write(REQUESTS, path)
    first_names = [row[3] for row in READ[write](path)[3:]]
    assert first_names == [row[3] for row in (IN_CSV if write is write_csv else IN_XLSX)[2:]]


def test_the_csv_is_excel_friendly_byte_for_byte(tmp_path: Path) -> None:
    path = tmp_path / "requests.csv"
    write_csv(REQUESTS[:3], path, tz=NEW_YORK)
    assert path.read_bytes() == (
        # UTF-8 with a byte-order mark, every field quoted, quotes doubled, CRLF line ends
        # (a line end inside a field stays as it was), "'" before what a spreadsheet would run.
        b"\xef\xbb\xbf"
        b'"Reference","Received","Status","First name","Last name","Phone (E.164)",'
        b'"Phone (national)","Extension","Best days","Best times","About","Note","Language",'
        b'"Consent version"\r\n'
        b'"ACE-479","2026-11-26 14:05","new","Jos\xc3\xa9","N\xc3\xba\xc3\xb1ez","\'+12015550123",'
        b'"(201) 555-0123","45","mon, wed","morning, evening","topic:surgery",'
        b'"After lunch, ""please"".\nAsk for Jos\xc3\xa9.","es","2026-11"\r\n'
        b'"ACE-479","2026-11-26 14:05","exported","Siobh\xc3\xa1n","O\'Neil","\'+13125550199",'
        b'"(312) 555-0199","","any","morning, evening","","","es","2026-11"\r\n'
        b'"ACE-479","2026-11-26 14:05","new","\'=HYPERLINK(""http://example.com"",""x"")",'
        b'"N\xc3\xba\xc3\xb1ez","\'+12015550123","(201) 555-0123","45","mon, wed",'
        b'"morning, evening","topic:surgery","After lunch, ""please"".\nAsk for Jos\xc3\xa9.",'
        b'"es","2026-11"\r\n'
    )


def test_the_xlsx_holds_no_formula_and_a_bold_frozen_header(tmp_path: Path) -> None:
    path = tmp_path / "requests.xlsx"
    write_xlsx(REQUESTS, path)
    sheet = openpyxl.load_workbook(path).active
    assert sheet.freeze_panes == "A2"
    assert all(cell.font.b for cell in sheet[1])
    assert all(sheet.column_dimensions[letter].width >= 10 for letter in "ABCDEFGHIJKLMN")
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml").decode("utf-8")
    assert "<f>" not in xml
    assert "<f " not in xml


def test_a_character_xlsx_cannot_hold_is_replaced_not_fatal(tmp_path: Path) -> None:
    write_xlsx([BASE._replace(note="bell\x07")], tmp_path / "requests.xlsx")
    assert read_xlsx(tmp_path / "requests.xlsx")[1][11] == "bell\ufffd"


def test_saved_requests_round_trip_through_the_store(tmp_path: Path) -> None:
    store = RequestStore.open(tmp_path / "data")
    for request in REQUESTS[:4]:
        store.save(
            CallbackRequest(
                request.first_name,
                request.last_name,
                request.phone,
                request.days,
                request.periods,
                request.topic,
                request.note,
                request.language,
            ),
            reference=request.reference,
            consent_text=request.consent_text,
            consent_version=request.consent_version,
            now=request.created_at,
        )
    saved = store.requests()
    store.close()
    assert write_csv(saved, tmp_path / "out.csv", tz=NEW_YORK) == 4
    assert write_xlsx(saved, tmp_path / "out.xlsx", tz=NEW_YORK) == 4
    # Saved requests are new; the national form comes back from the number itself.
    assert read_csv(tmp_path / "out.csv")[1:] == [
        jose(),
        siobhan("new"),
        jose('\'=HYPERLINK("http://example.com","x")'),
        jose("'@SUM(A1)"),
    ]
    assert read_xlsx(tmp_path / "out.xlsx")[1:] == [
        jose(phone="+12015550123"),
        siobhan("new", "+13125550199"),
        jose('=HYPERLINK("http://example.com","x")', "+12015550123"),
        jose("@SUM(A1)", "+12015550123"),
    ]


@pytest.mark.parametrize(
    ("zone", "received"),
    [
        ("EST5EDT,M3.2.0,M11.1.0", "2026-11-26 14:05"),  # New York, in winter time
        ("IST-5:30", "2026-11-27 00:35"),  # India: already the next day
        ("UTC0", "2026-11-26 19:05"),
    ],
)
def test_received_is_in_the_machines_zone_by_default(
    machine_zone: Callable[[str], None], tmp_path: Path, zone: str, received: str
) -> None:
    machine_zone(zone)
    assert next(export.rows([BASE]))[1] == received
    write_csv([BASE], tmp_path / "out.csv")
    write_xlsx([BASE], tmp_path / "out.xlsx")
    assert read_csv(tmp_path / "out.csv")[1][1] == received
    assert read_xlsx(tmp_path / "out.xlsx")[1][1] == received


def test_received_follows_summer_time_in_the_zone_given() -> None:
    summer = BASE._replace(created_at=dt.datetime(2026, 7, 1, 19, 5, tzinfo=dt.UTC))
    assert [row[1] for row in export.rows([BASE, summer], NEW_YORK)] == [
        "2026-11-26 14:05",
        "2026-07-01 15:05",
    ]


def test_write_csv_rows_neutralises_every_cell(tmp_path: Path) -> None:
    path = tmp_path / "usage.csv"
    assert write_csv_rows(["=Screen", "Views"], [["-home", "3"], ["@spine", "+4"]], path) == 2
    assert read_csv(path) == [["'=Screen", "Views"], ["'-home", "3"], ["'@spine", "'+4"]]


@FORMATS
def test_files_are_private_and_replace_the_old_one_whole(write: Writer, tmp_path: Path) -> None:
    path = target(write, tmp_path)
    write(REQUESTS, path)
    write(REQUESTS[:1], path, replace=True)
    assert path.stat().st_mode & 0o777 == 0o600
    assert names(tmp_path) == [path.name]
    assert len(READ[write](path)) == 2


@pytest.mark.parametrize("folder", ["a-file/export", "missing/export"])
@FORMATS
def test_an_unwritable_folder_is_a_clear_error(write: Writer, tmp_path: Path, folder: str) -> None:
    (tmp_path / "a-file").write_text("not a folder")
    path = target(write, tmp_path / folder)
    with pytest.raises(ExportError) as error:
        write(REQUESTS, path)
    # The system's words for the error, in whatever language the machine's locale says.
    reason = os.strerror(errno.ENOTDIR if folder.startswith("a-file") else errno.ENOENT)
    assert str(error.value) == f"cannot write to {path.parent}: {reason}"
    assert "José" not in str(error.value)
    assert names(tmp_path) == ["a-file"]


@FORMATS
def test_a_full_disk_leaves_the_old_file_and_no_temporary(
    write: Writer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spool = tmp_path / "spool"  # where openpyxl spools the sheet while writing
    spool.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(spool))
    folder = tmp_path / "usb"
    folder.mkdir()
    path = target(write, folder)
    write(REQUESTS[:1], path)
    before = path.read_bytes()

    def no_space(_fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", no_space)
    full = re.escape(f"cannot write to {folder}: {os.strerror(errno.ENOSPC)}")
    with pytest.raises(ExportError, match=f"^{full}$"):
        write(REQUESTS, path, replace=True)
    assert names(folder) == [path.name]
    assert path.read_bytes() == before
    assert names(spool) == []  # no plain-text copy of the sheet left behind


@FORMATS
def test_a_stick_that_fails_when_the_file_is_synced_gets_no_file(
    write: Writer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full or failing stick often takes every write and fails only at the file's sync: that
    is the export failing, under its own reason (not a name to step past), with nothing left."""
    spool = tmp_path / "spool"
    spool.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(spool))
    folder = tmp_path / "usb"
    folder.mkdir()
    (folder / "notes.txt").write_text("someone else's file")
    sync = os.fsync

    def full_when_a_file_is_synced(fd: int) -> None:
        if stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        sync(fd)

    monkeypatch.setattr(os, "fsync", full_when_a_file_is_synced)
    full = re.escape(f"cannot write to {folder}: {os.strerror(errno.ENOSPC)}")
    with pytest.raises(ExportError, match=f"^{full}$"):
        write_new(folder, target(write, folder).name, lambda path: write(REQUESTS, path))
    assert names(folder) == ["notes.txt"]
    assert names(spool) == []


def test_xlsx_shows_no_apostrophe_and_marks_formula_like_text_as_text(tmp_path: Path) -> None:
    """Excel's quote prefix: shown as typed, and still text when staff edit the cell."""
    path = tmp_path / "requests.xlsx"
    write_xlsx(REQUESTS, path)
    sheet = openpyxl.load_workbook(path).active
    phone = sheet.cell(row=2, column=6)
    assert (phone.value, phone.quotePrefix) == ("+12015550123", True)
    hostile = sheet.cell(row=4, column=4)
    assert (hostile.value, hostile.quotePrefix) == ('=HYPERLINK("http://example.com","x")', True)
    plain = sheet.cell(row=2, column=4)
    assert (plain.value, plain.quotePrefix) == ("José", False)


def test_xlsx_cells_are_text_even_without_the_quote_prefix(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first defence alone: a cell forced to text stays text, "=" or not."""
    monkeypatch.setattr(export, "neutralise", lambda cell: cell)  # no quote prefix either
    path = tmp_path / "requests.xlsx"
    write_xlsx(REQUESTS, path)
    first_names = [row[3] for row in read_xlsx(path)[3:]]
    assert first_names[0] == '=HYPERLINK("http://example.com","x")'
    with zipfile.ZipFile(path) as archive:
        assert "<f>" not in archive.read("xl/worksheets/sheet1.xml").decode("utf-8")


@FORMATS
def test_while_writing_only_a_private_temporary_is_in_the_folder(
    write: Writer, tmp_path: Path
) -> None:
    seen: list[tuple[str, int]] = []

    def watched() -> Iterator[StoredRequest]:
        seen.extend((entry.name, entry.stat().st_mode & 0o777) for entry in tmp_path.iterdir())
        yield BASE

    path = target(write, tmp_path)
    write(watched(), path)
    assert len(seen) == 1
    assert seen[0][0].startswith(".export-")
    assert seen[0][1] == 0o600
    assert names(tmp_path) == [path.name]


@FORMATS
def test_a_failure_while_reading_requests_leaves_nothing_behind(
    write: Writer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spool = tmp_path / "spool"
    spool.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(spool))
    folder = tmp_path / "usb"
    folder.mkdir()

    def failing() -> Iterator[StoredRequest]:
        yield from REQUESTS
        raise RuntimeError("the database went away")

    with pytest.raises(RuntimeError, match="went away"):
        write(failing(), target(write, folder))
    assert names(folder) == []
    assert names(spool) == []  # openpyxl's plain-text spool of the sheet is gone too


# -- where an export may go ---------------------------------------------------------------------


@FORMATS
def test_an_existing_file_is_never_replaced_unless_asked(write: Writer, tmp_path: Path) -> None:
    path = target(write, tmp_path)
    path.write_bytes(b"someone else's file")
    with pytest.raises(TargetExistsError, match="already exists"):
        write(REQUESTS, path)
    assert path.read_bytes() == b"someone else's file"
    assert names(tmp_path) == [path.name]  # no temporary left either
    assert write(REQUESTS, path, replace=True) == len(REQUESTS)
    assert len(READ[write](path)) == len(REQUESTS) + 1


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A kiosk data folder with its key and database (contents stand-ins: only paths matter)."""
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "db.key").write_bytes(b"key")
    (folder / "requests.db").write_bytes(b"db")
    return folder


@pytest.mark.parametrize(
    "name", ["data/db.key", "data/requests.db", "data/new.csv", "data/../data/exports/x.csv"]
)
@pytest.mark.parametrize("replace", [False, True])
def test_nothing_inside_the_data_folder_may_be_a_target(
    data_dir: Path, name: str, replace: bool
) -> None:
    path = data_dir.parent / name
    with pytest.raises(ExportError, match="inside the kiosk's data folder"):
        check_target(path, data_dir, replace=replace)


def test_a_symlink_into_the_data_folder_is_seen_through(data_dir: Path, tmp_path: Path) -> None:
    (tmp_path / "harmless.csv").symlink_to(data_dir / "db.key")
    (tmp_path / "usb").symlink_to(data_dir)
    for path in (tmp_path / "harmless.csv", tmp_path / "usb" / "new.csv"):
        with pytest.raises(ExportError, match="inside the kiosk's data folder"):
            check_target(path, data_dir, replace=True)
    # And the data folder named through a symlink is still the data folder.
    with pytest.raises(ExportError, match="inside the kiosk's data folder"):
        check_target(data_dir / "db.key", tmp_path / "usb", replace=True)


def test_a_target_that_is_not_a_regular_file_is_refused_even_with_replace(
    data_dir: Path, tmp_path: Path
) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    folder = tmp_path / "folder"
    folder.mkdir()
    dangling = tmp_path / "dangling.csv"
    dangling.symlink_to(tmp_path / "nowhere")
    for path, why in ((fifo, "not a regular"), (folder, "a folder"), (dangling, "broken link")):
        with pytest.raises(ExportError, match=why) as error:
            check_target(path, data_dir, replace=True)
        assert "\n" not in str(error.value)


def test_an_existing_file_may_be_a_target_only_when_asked(data_dir: Path, tmp_path: Path) -> None:
    existing = tmp_path / "old.csv"
    existing.write_text("old")
    with pytest.raises(TargetExistsError, match="already exists"):
        check_target(existing, data_dir, replace=False)
    check_target(existing, data_dir, replace=True)
    check_target(tmp_path / "new.csv", data_dir, replace=False)
    assert existing.read_text() == "old"


def test_write_new_takes_the_next_free_name_and_replaces_nothing(tmp_path: Path) -> None:
    (tmp_path / "requests.csv").write_text("a")
    (tmp_path / "requests-2.csv").write_text("b")
    path, count = write_new(tmp_path, "requests.csv", lambda p: write_csv(REQUESTS, p))
    assert (path, count) == (tmp_path / "requests-3.csv", len(REQUESTS))
    assert (tmp_path / "requests.csv").read_text() == "a"
    assert (tmp_path / "requests-2.csv").read_text() == "b"
    assert len(read_csv(path)) == len(REQUESTS) + 1


def test_write_new_steps_past_a_file_made_while_it_wrote(tmp_path: Path) -> None:
    tries: list[Path] = []

    def write(path: Path) -> int:
        tries.append(path)
        if len(tries) == 1:
            path.write_text("another kiosk's export, made a moment ago")
        return write_csv(REQUESTS, path)

    path, _count = write_new(tmp_path, "requests.csv", write)
    assert tries == [tmp_path / "requests.csv", tmp_path / "requests-2.csv"]
    assert path == tmp_path / "requests-2.csv"
    assert (tmp_path / "requests.csv").read_text().startswith("another kiosk")
    assert names(tmp_path) == ["requests-2.csv", "requests.csv"]


# -- what mutation testing found unchecked --------------------------------------------------------


def test_the_xlsx_sheet_is_named_and_each_column_wide_enough_for_its_contents(
    tmp_path: Path,
) -> None:
    path = tmp_path / "requests.xlsx"
    write_xlsx(REQUESTS, path)
    sheet = openpyxl.load_workbook(path).active
    assert sheet.title == "Callback requests"
    widths = [sheet.column_dimensions[letter].width for letter in "ABCDEFGHIJKLMN"]
    assert widths == [11, 17, 10, 18, 18, 15, 17, 10, 22, 28, 20, 60, 10, 16]


@FORMATS
def test_a_line_break_typed_on_windows_is_one_line_break(write: Writer, tmp_path: Path) -> None:
    path = target(write, tmp_path)
    write([BASE._replace(note="First line\r\nSecond line")], path)
    note = READ[write](path)[1][11]
    assert note == (
        "First line\r\nSecond line" if write is write_csv else "First line\nSecond line"
    )


def test_csv_rows_never_replace_a_file_unless_asked(tmp_path: Path) -> None:
    path = tmp_path / "usage.csv"
    path.write_text("yesterday's statistics")
    with pytest.raises(TargetExistsError):
        write_csv_rows(["Screen"], [["home"]], path)
    assert path.read_text() == "yesterday's statistics"
    assert write_csv_rows(["Screen"], [["home"]], path, replace=True) == 1


def test_check_target_refuses_an_existing_file_unless_asked(data_dir: Path, tmp_path: Path) -> None:
    existing = tmp_path / "old.csv"
    existing.write_text("old")
    with pytest.raises(TargetExistsError, match="already exists"):
        check_target(existing, data_dir)


def test_write_new_gives_up_after_999_names(tmp_path: Path) -> None:
    (tmp_path / "requests.csv").write_text("taken")
    for number in range(2, 1000):
        (tmp_path / f"requests-{number}.csv").write_text("taken")
    with pytest.raises(ExportError) as error:
        write_new(tmp_path, "requests.csv", lambda path: write_csv(REQUESTS, path))
    assert str(error.value) == f"cannot write to {tmp_path}: too many files named requests"
    assert len(names(tmp_path)) == 999


def link_fails(monkeypatch: pytest.MonkeyPatch, code: int) -> None:
    """os.link fails as on a FAT-formatted stick (EPERM: no hard links there) or a failing one."""

    def link(*_args: object, **_kwargs: object) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, "link", link)


@FORMATS
def test_on_a_stick_without_hard_links_the_file_still_appears_whole(
    write: Writer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    link_fails(monkeypatch, errno.EPERM)
    path = target(write, tmp_path)
    assert write(REQUESTS, path) == len(REQUESTS)
    assert names(tmp_path) == [path.name]
    assert len(READ[write](path)) == len(REQUESTS) + 1


def test_on_a_stick_without_hard_links_an_existing_file_is_still_never_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    link_fails(monkeypatch, errno.EPERM)
    path = tmp_path / "requests.csv"
    path.write_text("another kiosk's export")
    with pytest.raises(TargetExistsError) as error:
        write_csv(REQUESTS, path)
    assert str(error.value) == f"{path} already exists; nothing written"
    assert path.read_text() == "another kiosk's export"
    assert names(tmp_path) == ["requests.csv"]


def test_any_other_failure_to_put_the_file_in_place_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    link_fails(monkeypatch, errno.EIO)
    with pytest.raises(ExportError) as error:
        write_csv(REQUESTS, tmp_path / "requests.csv")
    assert str(error.value) == f"cannot write to {tmp_path}: {os.strerror(errno.EIO)}"
    assert names(tmp_path) == []


def folder_sync_fails(monkeypatch: pytest.MonkeyPatch, error: OSError) -> None:
    """The file syncs; syncing the folder (which makes the new name last) fails with `error`."""
    sync = os.fsync

    def fsync(fd: int) -> None:
        if stat.S_ISDIR(os.fstat(fd).st_mode):
            raise error
        sync(fd)

    monkeypatch.setattr(os, "fsync", fsync)


@pytest.mark.parametrize("code", [errno.EINVAL, errno.ENOTSUP])
def test_a_folder_that_cannot_be_synced_at_all_is_no_failure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int
) -> None:
    """Some file systems cannot sync a folder; the file itself was synced."""
    folder_sync_fails(monkeypatch, OSError(code, os.strerror(code)))
    assert write_csv(REQUESTS, tmp_path / "requests.csv") == len(REQUESTS)
    assert names(tmp_path) == ["requests.csv"]


@pytest.mark.parametrize(
    ("error", "reason"),
    [
        (OSError(errno.EIO, os.strerror(errno.EIO)), os.strerror(errno.EIO)),
        (OSError("no reason given"), "OSError"),
    ],
)
def test_a_folder_sync_that_fails_is_an_error_though_the_file_is_there(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: OSError, reason: str
) -> None:
    """The name may not survive a power cut: the caller must not mark the requests exported."""
    folder_sync_fails(monkeypatch, error)
    with pytest.raises(ExportError) as raised:
        write_csv(REQUESTS, tmp_path / "requests.csv")
    assert str(raised.value) == f"cannot write to {tmp_path}: {reason}"
    assert names(tmp_path) == ["requests.csv"]


def test_a_folder_that_cannot_be_opened_to_sync_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_open = os.open

    def open_(
        path: StrOrBytesPath, flags: int, mode: int = 0o777, *, dir_fd: int | None = None
    ) -> int:
        if Path(str(path)) == tmp_path:
            raise OSError(errno.EACCES, os.strerror(errno.EACCES))
        return real_open(path, flags, mode, dir_fd=dir_fd)

    monkeypatch.setattr(os, "open", open_)
    with pytest.raises(ExportError) as error:
        write_csv(REQUESTS, tmp_path / "requests.csv")
    assert str(error.value) == f"cannot write to {tmp_path}: {os.strerror(errno.EACCES)}"


def test_the_first_error_is_reported_even_when_the_temporary_cannot_be_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sync, unlink = os.fsync, Path.unlink

    def full(fd: int) -> None:
        if stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        sync(fd)

    def stuck(path: Path, missing_ok: bool = False) -> None:
        if path.name.startswith(".export-"):
            raise OSError(errno.EROFS, os.strerror(errno.EROFS))
        unlink(path, missing_ok=missing_ok)

    monkeypatch.setattr(os, "fsync", full)
    monkeypatch.setattr(Path, "unlink", stuck)
    with pytest.raises(ExportError) as error:
        write_csv(REQUESTS, tmp_path / "requests.csv")
    assert str(error.value) == f"cannot write to {tmp_path}: {os.strerror(errno.ENOSPC)}"


def test_a_sheet_that_fails_to_close_still_leaves_no_plain_text_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

    spool = tmp_path / "spool"
    spool.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(spool))

    closed = WriteOnlyWorksheet.close

    def close(sheet: WriteOnlyWorksheet) -> None:
        closed(sheet)
        raise ValueError("openpyxl could not close the sheet")

    monkeypatch.setattr(WriteOnlyWorksheet, "close", close)

    def failing() -> Iterator[StoredRequest]:
        yield BASE
        raise RuntimeError("the database went away")

    with pytest.raises(RuntimeError, match="went away"):
        write_xlsx(failing(), tmp_path / "requests.xlsx")
    assert names(spool) == []
