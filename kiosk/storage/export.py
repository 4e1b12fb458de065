"""Callback requests exported for front-desk staff to open in Excel: CSV or XLSX, one row each.

Every cell is text, neutralised against formula injection, and each file appears whole or not
at all, readable only by its owner, and never in place of a file already there unless asked.
Nothing here changes a request's status: that is the caller's.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import os
import stat
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any, NamedTuple

from kiosk.storage.files import write_atomically
from kiosk.storage.requests import StoredRequest

__all__ = [
    "COLUMNS",
    "ExportError",
    "TargetExistsError",
    "check_target",
    "neutralise",
    "rows",
    "write_csv",
    "write_csv_rows",
    "write_new",
    "write_xlsx",
]


class _Column(NamedTuple):
    title: str
    width: int  # in XLSX character widths


_COLUMNS = (
    _Column("Reference", 11),
    _Column("Received", 17),
    _Column("Status", 10),
    _Column("First name", 18),
    _Column("Last name", 18),
    _Column("Phone (E.164)", 15),
    _Column("Phone (national)", 17),
    _Column("Extension", 10),
    _Column("Best days", 22),
    _Column("Best times", 28),
    _Column("About", 20),
    _Column("Note", 60),
    _Column("Language", 10),
    _Column("Consent version", 16),
)
COLUMNS = tuple(column.title for column in _COLUMNS)
RECEIVED_FORMAT = "%Y-%m-%d %H:%M"
SHEET_TITLE = "Callback requests"

# What makes Excel, LibreOffice or Google Sheets read a cell as a formula, or start one after a
# blank: = + - @, tab, CR, LF, and the full-width = + - @ some spreadsheets also accept.
FORMULA_TRIGGERS = frozenset("=+-@\t\r\n\uff1d\uff0b\uff0d\uff20")


class ExportError(Exception):
    """An export failed; the message names the folder and the reason, never patient data."""


class TargetExistsError(ExportError):
    """The file to write is already there and was not to be replaced."""


def neutralise(cell: str) -> str:
    """The cell with an apostrophe in front when a spreadsheet could read it as a formula.

    Every phone number in E.164 form starts with "+", so `+12015550123` is written
    `'+12015550123`: Excel shows the number as text (the apostrophe marks text when a CSV is
    opened) instead of a formula or a number that loses its "+". An apostrophe inside a cell
    (O'Neil) is left alone.
    """
    return "'" + cell if cell[:1] in FORMULA_TRIGGERS else cell


def rows(requests: Iterable[StoredRequest], tz: dt.tzinfo | None = None) -> Iterator[list[str]]:
    """One row of text per request, in COLUMNS order, not yet neutralised.

    "Received" is the local date and time in `tz` (default: this machine's zone). No chosen
    day means any day, written "any".
    """
    for request in requests:
        yield [
            request.reference,
            request.created_at.astimezone(tz).strftime(RECEIVED_FORMAT),
            request.status,
            request.first_name,
            request.last_name,
            request.phone.e164,
            request.phone.national,
            request.phone.extension,
            ", ".join(request.days) or "any",
            ", ".join(request.periods),
            request.topic,
            request.note,
            request.language,
            request.consent_version,
        ]


def write_csv(
    requests: Iterable[StoredRequest],
    path: Path,
    tz: dt.tzinfo | None = None,
    *,
    replace: bool = False,
) -> int:
    """Write the requests to `path` as CSV for Excel; returns how many were written.

    UTF-8 with a byte-order mark (so Excel shows accents), every field quoted, CRLF line ends,
    the header first. Raises ExportError for staff, leaving no partial file, when the folder
    cannot be written, and TargetExistsError when `path` is already there, unless `replace`.
    Mark the requests exported only after this returned.
    """
    return write_csv_rows(COLUMNS, rows(requests, tz), path, replace=replace)


def write_csv_rows(
    header: Sequence[str], rows: Iterable[Sequence[str]], path: Path, *, replace: bool = False
) -> int:
    """Write `header` and `rows` to `path` as CSV like write_csv; returns the number of rows.

    Every cell is neutralised. The file is private (0600) and appears (or, with `replace`,
    replaces `path`) in one step.
    """

    def write(file: IO[bytes]) -> int:
        text = io.TextIOWrapper(file, encoding="utf-8-sig", newline="")
        writer = csv.writer(text, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
        writer.writerow([neutralise(cell) for cell in header])
        count = 0
        for row in rows:
            writer.writerow([neutralise(cell) for cell in row])
            count += 1
        text.flush()
        text.detach()  # the caller syncs and closes the file itself
        return count

    return _write_atomically(path, write, replace=replace)


def write_xlsx(
    requests: Iterable[StoredRequest],
    path: Path,
    tz: dt.tzinfo | None = None,
    *,
    replace: bool = False,
) -> int:
    """Write the requests to `path` as an Excel workbook; returns how many were written.

    Every cell is a text cell, so nothing is a formula; one that starts like a formula
    (`+12015550123`, `=HYPERLINK(...)`) is also marked "quote prefix", Excel's own mark for text
    typed after an apostrophe: it shows as typed, no apostrophe, and stays text when staff edit
    it. The header is bold and stays in view when scrolling; an empty value is an empty cell.
    Errors, privacy and `replace` are as for write_csv: mark the requests exported only after
    this returned.
    """
    # openpyxl takes ~80 ms to import: only staff who export to XLSX pay for it.
    from openpyxl import Workbook  # noqa: PLC0415
    from openpyxl.cell import WriteOnlyCell  # noqa: PLC0415
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE  # noqa: PLC0415
    from openpyxl.styles import Font  # noqa: PLC0415
    from openpyxl.utils import get_column_letter  # noqa: PLC0415

    # Write-only: rows stream out as they are made, so memory stays flat for any number.
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(SHEET_TITLE)
    for number, column in enumerate(_COLUMNS, 1):
        sheet.column_dimensions[get_column_letter(number)].width = column.width
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)

    def text_cell(value: str, font: Any = None) -> Any:
        if not value:
            return None  # no cell at all: Excel's own empty cell
        text = value.replace("\r\n", "\n").replace("\r", "\n")  # as XML reads it
        # Control characters other than tab and newline cannot be stored in XLSX at all.
        cell = WriteOnlyCell(sheet, value=ILLEGAL_CHARACTERS_RE.sub("\ufffd", text))
        cell.data_type = "s"  # openpyxl would make a formula of any text starting with "="
        if neutralise(value) != value:
            cell.quotePrefix = True
        if font is not None:
            cell.font = font
        return cell

    def write(file: IO[bytes]) -> int:
        sheet.append([text_cell(title, bold) for title in COLUMNS])
        count = 0
        for row in rows(requests, tz):
            sheet.append([text_cell(value) for value in row])
            count += 1
        workbook.save(file)
        return count

    try:
        return _write_atomically(path, write, replace=replace)
    except BaseException:
        _discard(sheet)
        raise


def write_new(folder: Path, name: str, write: Callable[[Path], int]) -> tuple[Path, int]:
    """Write a new file in `folder`: `name`, or `name-2`, `name-3`... if that one is taken.

    For exports named by the minute or second: a stick may already hold another kiosk's file
    of that name, or one made a moment ago. `write(path)` is called with `replace` left off, so
    a file that appears meanwhile is stepped past too, never replaced. Returns the path and
    what `write` returned.
    """
    stem, dot, suffix = name.partition(".")
    for number in range(1, 1000):
        path = folder / (name if number == 1 else f"{stem}-{number}{dot}{suffix}")
        if os.path.lexists(path):
            continue
        try:
            return path, write(path)
        except TargetExistsError:
            continue
    raise ExportError(f"cannot write to {folder}: too many files named {stem}")


def check_target(path: Path, data_dir: Path, *, replace: bool = False) -> None:
    """Refuse a target the command line must never write, before anything is written.

    Nothing inside the kiosk's data folder (its key, its database; symlinks are followed), nothing
    that exists but is not a regular file (a device such as /dev/full, a pipe, a folder), and an
    existing file only with `replace`. Raises ExportError (TargetExistsError) in one line.
    """
    real, data = Path(os.path.realpath(path)), Path(os.path.realpath(data_dir))
    if real == data or real.is_relative_to(data):
        raise ExportError(f"{path} is inside the kiosk's data folder ({data_dir}); nothing written")
    if not os.path.lexists(path):
        return
    try:
        mode = path.stat().st_mode  # what a symlink points at: that is what would be written
    except OSError:
        raise ExportError(f"{path} is a broken link; nothing written") from None
    if stat.S_ISDIR(mode):
        raise ExportError(f"{path} is a folder; name a file in it")
    if not stat.S_ISREG(mode):
        raise ExportError(f"{path} is not a regular file (a device or pipe); nothing written")
    if not replace:
        raise TargetExistsError(f"{path} already exists; nothing written")


def _write_atomically(path: Path, write: Callable[[IO[bytes]], int], *, replace: bool) -> int:
    """Run `write` on a private temporary file next to `path`, then put it in place whole."""
    try:
        # ".export-": retention removes what a kill left half written.
        return write_atomically(path, write, replace=replace, prefix=".export-")
    except FileExistsError:
        raise TargetExistsError(f"{path} already exists; nothing written") from None
    except OSError as exc:
        raise _error(path.parent, exc) from None


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)


def _discard(sheet: Any) -> None:
    """After a failure, close and delete the sheet openpyxl spools to the system's temp folder.

    The spool holds every exported name and number in plain text; openpyxl deletes it after a
    save, but after a failure only when the program exits. Closed first, or openpyxl complains
    when the half-written sheet is garbage-collected.
    """
    with contextlib.suppress(Exception):  # already failing: the first error is the one to report
        if not sheet.closed:
            sheet.close()
    spool = getattr(getattr(sheet, "_writer", None), "out", None)
    if isinstance(spool, str):
        _remove(Path(spool))


def _error(folder: Path, exc: OSError) -> ExportError:
    reason = exc.strerror or type(exc).__name__
    return ExportError(f"cannot write to {folder}: {reason}")
