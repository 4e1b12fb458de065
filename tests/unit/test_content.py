"""Loading the clinic's pages: the shipped set, and every way a single file can be broken."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kiosk.core.content import Library, load_library

GOOD_TOPIC = (
    "slug: {slug}\ntitle: Title {slug}\nsummary: A summary.\nicon: info\norder: {order}\n"
    "related_topics: other, more\nrelated_regions:\nreviewed: 2026-11-26\nreviewed_by: The clinic\n"
)
GOOD_REGION = (
    "slug: {slug}\ntitle: Region {slug}\nsummary: A part.\norder: {order}\n"
    "elements: vertebra-L*\ngroup: lower-back\nreviewed: 2026-11-26\nreviewed_by: The clinic\n"
)


def write(root: Path, folder: str, name: str, header: str, body: str = "Some text.\n") -> Path:
    path = root / "en" / folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"{header}\n{body}", encoding="utf-8")
    return path


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A content folder with both kinds of folder present and empty."""
    (tmp_path / "en" / "topics").mkdir(parents=True)
    (tmp_path / "en" / "spine").mkdir(parents=True)
    return tmp_path


def load(root: Path) -> Library:
    return load_library(root, "en")


def test_shipped_english_content_loads_cleanly_in_order(content_dir: Path) -> None:
    library = load(content_dir)
    assert library.problems == ()
    assert len(library.topics) == 12
    assert len(library.regions) == 9
    assert [t.order for t in library.topics] == sorted(t.order for t in library.topics)
    assert {
        "what-is-axial-back-pain",
        "will-it-get-better",
        "what-you-can-do",
        "shots-and-procedures",
        "get-help-now",
        "about",
    } <= {t.slug for t in library.topics}
    assert not any(page.broken for page in (*library.topics, *library.regions))


def test_header_fields_are_parsed(root: Path) -> None:
    write(root, "topics", "a.md", GOOD_TOPIC.format(slug="a", order=3))
    write(root, "spine", "r.md", GOOD_REGION.format(slug="r", order=1))
    library = load(root)
    (topic,) = library.topics
    assert (topic.slug, topic.order, topic.icon) == ("a", 3, "info")
    assert topic.related_topics == ("other", "more")
    assert topic.related_regions == ()
    assert topic.body.strip() == "Some text."
    assert topic.body_line == 11
    assert (topic.reviewed_on, topic.reviewed_by) == (dt.date(2026, 11, 26), "The clinic")
    assert not topic.urgent
    (region,) = library.regions
    assert region.elements == ("vertebra-L*",)
    assert region.group == "lower-back"
    assert library.region("r") is region


def test_continuation_lines_join_the_value(root: Path) -> None:
    header = GOOD_TOPIC.format(slug="a", order=1).replace(
        "summary: A summary.\n", "summary: A summary\n  that goes on.\n"
    )
    write(root, "topics", "a.md", header)
    assert load(root).topics[0].summary == "A summary that goes on."


def test_missing_field_names_file_and_line_and_the_page_shows_as_updating(root: Path) -> None:
    path = write(
        root,
        "topics",
        "a.md",
        GOOD_TOPIC.format(slug="a", order=1).replace("summary: A summary.\n", ""),
    )
    library = load(root)
    assert [str(p) for p in library.problems] == [f"{path}:1: missing or empty field 'summary'"]
    (topic,) = library.topics
    assert topic.broken
    assert (topic.slug, topic.title) == ("a", "Title a")


def test_empty_field_is_reported_at_its_line(root: Path) -> None:
    path = write(
        root, "topics", "a.md", GOOD_TOPIC.format(slug="a", order=1).replace("icon: info", "icon:")
    )
    assert [str(p) for p in load(root).problems] == [f"{path}:4: missing or empty field 'icon'"]


def test_duplicate_slug_keeps_the_first_and_names_the_second(root: Path) -> None:
    write(root, "topics", "a.md", GOOD_TOPIC.format(slug="same", order=1))
    second = write(root, "topics", "b.md", GOOD_TOPIC.format(slug="same", order=2))
    library = load(root)
    assert [t.path.name for t in library.topics] == ["a.md"]
    (problem,) = library.problems
    assert (problem.path, problem.line) == (second, 1)
    assert problem.message == "slug 'same' is already used by a.md"


def test_bad_order_and_date_are_reported_with_their_lines(root: Path) -> None:
    header = GOOD_TOPIC.format(slug="a", order="first").replace("2026-11-26", "26/11/2026")
    write(root, "topics", "a.md", header)
    problems = load(root).problems
    assert [(p.line, p.message) for p in problems] == [
        (5, "'order' must be a whole number"),
        (8, "'reviewed' must be a date, YYYY-MM-DD"),
    ]


def test_unknown_field_is_reported_but_the_page_still_shows(root: Path) -> None:
    write(root, "topics", "a.md", GOOD_TOPIC.format(slug="a", order=1) + "colour: red\n")
    library = load(root)
    assert [(p.line, p.message) for p in library.problems] == [(10, "unknown field 'colour'")]
    assert not library.topics[0].broken


def test_region_fields_are_unknown_on_a_topic(root: Path) -> None:
    write(root, "topics", "a.md", GOOD_TOPIC.format(slug="a", order=1) + "elements: disc-*\n")
    assert "unknown field 'elements'" in [p.message for p in load(root).problems]


def test_empty_body_is_a_problem(root: Path) -> None:
    path = write(root, "topics", "a.md", GOOD_TOPIC.format(slug="a", order=1), body="\n\n")
    library = load(root)
    assert [str(p) for p in library.problems] == [f"{path}:11: the page has no text"]
    assert library.topics[0].broken


def test_unreadable_file_becomes_an_updating_page_named_after_the_file(root: Path) -> None:
    path = root / "en" / "topics" / "sore-neck.md"
    path.write_bytes(b"slug: \xff\xfe broken")
    library = load(root)
    assert [str(p) for p in library.problems] == [
        f"{path}:0: cannot read the file (it is not UTF-8 text)"
    ]
    (topic,) = library.topics
    assert (topic.slug, topic.title, topic.broken) == ("sore-neck", "Sore neck", True)


def test_a_broken_file_leaves_the_others_intact(root: Path) -> None:
    write(root, "topics", "a.md", GOOD_TOPIC.format(slug="a", order=1))
    write(root, "topics", "b.md", "title: no slug and no blank line\nBody straight away.\n")
    write(root, "topics", "c.md", GOOD_TOPIC.format(slug="c", order=2))
    library = load(root)
    assert [(t.slug, t.broken) for t in library.topics] == [("a", False), ("c", False), ("b", True)]


def test_missing_folders_are_reported(tmp_path: Path) -> None:
    messages = [p.message for p in load_library(tmp_path, "fr").problems]
    assert messages == ["no topics folder for this language", "no spine folder for this language"]


def test_a_page_too_long_to_read_in_a_waiting_room_is_named_not_shown(root: Path) -> None:
    path = write(
        root, "topics", "huge.md", GOOD_TOPIC.format(slug="huge", order=1), "word " * 50_000
    )
    library = load(root)
    assert [str(p) for p in library.problems] == [
        f"{path}:0: the file is longer than 200 KB; split the page"
    ]
    assert library.topics[0].broken


def test_a_header_that_never_ends_is_named_not_parsed_for_ever(root: Path) -> None:
    header = GOOD_TOPIC.format(slug="long", order=1) + "".join(f"  more {n}\n" for n in range(80))
    path = write(root, "topics", "long.md", header)
    library = load(root)
    assert [str(p) for p in library.problems] == [
        f"{path}:1: the header is longer than 60 lines (no blank line?)"
    ]
    assert library.topics[0].broken
