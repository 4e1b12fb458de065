"""Usage counts: a visit counts exactly what was done, per local day, with nothing personal."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from kiosk.storage.database import Database
from kiosk.storage.usage import HEADER, UsageRow, UsageStats
from tests.unit.conftest import Clock

CLINIC = dt.timezone(dt.timedelta(hours=-5))  # the kiosk's local time in these tests
# 09:00 at the clinic on Thursday 26 November 2026.
THURSDAY, FRIDAY = dt.date(2026, 11, 26), dt.date(2026, 11, 27)


@pytest.fixture
def stats(db: Database, clock: Clock) -> UsageStats:
    return UsageStats(db, now=clock, tz=CLINIC)


def visit(stats: UsageStats) -> None:
    """One patient: two topics, the lumbar region twice, a callback request, then walks away."""
    stats.count("topic_opened", "treatments")
    stats.count("topic_opened", "surgery")
    stats.count("region_tapped", "lumbar")
    stats.count("region_tapped", "lumbar")
    stats.count("form_started")
    stats.count("form_submitted")
    stats.count("idle_reset")


def test_a_visit_counts_exactly_what_was_done(stats: UsageStats) -> None:
    visit(stats)
    assert stats.days() == [
        UsageRow(THURSDAY, "form_started", "", 1),
        UsageRow(THURSDAY, "form_submitted", "", 1),
        UsageRow(THURSDAY, "idle_reset", "", 1),
        UsageRow(THURSDAY, "region_tapped", "lumbar", 2),
        UsageRow(THURSDAY, "topic_opened", "surgery", 1),
        UsageRow(THURSDAY, "topic_opened", "treatments", 1),
    ]


def test_a_new_local_day_starts_new_counts(stats: UsageStats, clock: Clock) -> None:
    clock.now = dt.datetime(2026, 11, 27, 4, 59, tzinfo=dt.UTC)  # 23:59 Thursday at the clinic
    stats.count("topic_opened", "surgery")
    clock.advance(120)  # 00:01 Friday
    stats.count("topic_opened", "surgery")
    stats.count("topic_opened", "surgery")
    assert stats.days() == [
        UsageRow(THURSDAY, "topic_opened", "surgery", 1),
        UsageRow(FRIDAY, "topic_opened", "surgery", 2),
    ]
    assert stats.days(since=FRIDAY) == [UsageRow(FRIDAY, "topic_opened", "surgery", 2)]
    assert stats.today() == FRIDAY


def test_the_table_is_text_under_a_header(stats: UsageStats, clock: Clock) -> None:
    assert stats.table() == (HEADER, [])
    visit(stats)
    clock.advance(24 * 3600)
    stats.count("idle_reset")
    header, rows = stats.table()
    assert header == ("Day", "Event", "Subject", "Count")
    assert rows[3] == ("2026-11-26", "region_tapped", "lumbar", "2")
    assert rows[-1] == ("2026-11-27", "idle_reset", "", "1")
    assert len(rows) == 7
    assert all(isinstance(cell, str) for row in rows for cell in row)
    assert stats.table(since=FRIDAY) == (HEADER, [("2026-11-27", "idle_reset", "", "1")])


@pytest.mark.parametrize("event", ["topic_open", "Form_started", "", "form_submitted "])
def test_an_unknown_event_is_refused(stats: UsageStats, event: str) -> None:
    with pytest.raises(ValueError, match="unknown usage event"):
        stats.count(event)
    assert stats.days() == []


@pytest.mark.parametrize(
    ("event", "subject"),
    [
        ("topic_opened", ""),
        ("region_tapped", "Zebediah O'Quux"),  # free text cannot become a subject
        ("topic_opened", "call me at 201 555 0123"),
        ("topic_opened", "x" * 81),
        ("form_started", "surgery"),
        ("form_submitted", "Zebediah"),
        ("idle_reset", "lumbar"),
    ],
)
def test_subjects_are_page_slugs_and_only_where_they_belong(
    stats: UsageStats, event: str, subject: str
) -> None:
    with pytest.raises(ValueError, match="subject") as error:
        stats.count(event, subject)
    assert subject not in str(error.value) or not subject
    assert stats.days() == []


def test_nothing_but_a_day_an_event_a_slug_and_a_count_is_stored(
    stats: UsageStats, db: Database, clock: Clock
) -> None:
    visit(stats)
    clock.advance(3 * 3600 + 17)
    visit(stats)
    columns = [row[1] for row in db.read("PRAGMA table_info(usage)", ())]
    assert columns == ["day", "event", "subject", "count"]
    rows = db.read("SELECT day, event, subject, count FROM usage", ())
    assert len(rows) == 6  # the second visit only added to the counts
    for day, _event, _subject, count in rows:
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", day)  # no time of day
        assert count in {2, 4}
