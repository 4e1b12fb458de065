"""What a Checks-tab fact is made of, with no Qt: a line with its sign (OK, a problem, a note),
its label and its words, English marked for translation with the values for their
placeholders; and the groups the lines come in. The staff view translates and formats them
(kiosk.views.checks_view); kiosk.system.diagnostics and kiosk.system.kiosk_lines make them."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import NamedTuple

CONTEXT = "Diagnostics"  # lupdate reads only literal contexts: each call spells it out


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate reads
    """Mark `text` for translation in `context`; it stays English here."""
    del context
    return text


class Verbatim(str):
    """Shown exactly as it is, never translated (a version, an engine's name)."""

    __slots__ = ()


class Size(int):
    """A number of bytes, shown as the language writes sizes ("12.3 GB")."""

    __slots__ = ()


class Words(NamedTuple):
    """English words to translate, with the values for their {placeholders}."""

    text: str
    values: tuple[tuple[str, Value], ...] = ()


# Text to translate, a number, a size, a moment (the view writes "7:31 AM"), a span ("23 min"),
# or words with values of their own.
Value = str | int | dt.datetime | dt.timedelta | Words


def words(text: str, **values: Value) -> Words:
    return Words(text, tuple(values.items()))


class Mark(StrEnum):
    """How a line is judged; the view shows the sign and the words, never colour alone."""

    OK = "✓"
    PROBLEM = "✗"
    NOTE = "\N{EN DASH}"  # nothing to judge: off by choice, not started by systemd


class Line(NamedTuple):
    """One fact: "Saved requests" OK, "last one at 3:54 PM", "12.3 GB free"."""

    label: str
    mark: Mark
    said: tuple[Value, ...]


class Group(NamedTuple):
    heading: str
    lines: tuple[Line, ...]


OK = QT_TRANSLATE_NOOP("Diagnostics", "OK")
ASK_IT = QT_TRANSLATE_NOOP("Diagnostics", "call IT")
SEE_DOCTOR = QT_TRANSLATE_NOOP("Diagnostics", "IT: see kiosk doctor")
FOR_IT = QT_TRANSLATE_NOOP("Diagnostics", "For IT: run “kiosk doctor” here for paths and details.")
