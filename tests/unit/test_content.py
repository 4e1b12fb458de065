"""Loading the clinic's topics: the shipped set, and every way a file can be broken."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kiosk.content import load_library


def topic_file(folder: Path, name: str, header: str, body: str = "Some text.\n") -> Path:
    topics = folder / "en" / "topics"
    topics.mkdir(parents=True, exist_ok=True)
    path = topics / name
    path.write_text(f"{header}\n{body}", encoding="utf-8")
    return path


GOOD = (
    "slug: {slug}\ntitle: Title {slug}\nsummary: A summary.\nicon: info\norder: {order}\n"
    "related_topics: other, more\nrelated_regions:\nreviewed: 2026-11-26\n"
)


def test_shipped_english_topics_load_cleanly_in_order(content_dir: Path) -> None:
    library = load_library(content_dir, "en")
    assert library.problems == ()
    assert [t.order for t in library.topics] == sorted(t.order for t in library.topics)
    assert {"what-is-axial-back-pain", "get-help-now", "about"} <= {t.slug for t in library.topics}
    assert all(t.title and t.summary and t.body.strip() for t in library.topics)


def test_header_fields_are_parsed(tmp_path: Path) -> None:
    topic_file(tmp_path, "a.md", GOOD.format(slug="a", order=3))
    (topic,) = load_library(tmp_path, "en").topics
    assert topic.slug == "a"
    assert topic.order == 3
    assert topic.related_topics == ("other", "more")
    assert topic.related_regions == ()
    assert topic.reviewed == dt.date(2026, 11, 26)
    assert topic.body.strip() == "Some text."
    assert topic.body_line == 10


def test_missing_field_is_reported_at_its_file_and_topic_left_out(tmp_path: Path) -> None:
    path = topic_file(
        tmp_path, "a.md", GOOD.format(slug="a", order=1).replace("summary: A summary.\n", "")
    )
    library = load_library(tmp_path, "en")
    assert library.topics == ()
    assert [str(p) for p in library.problems] == [f"{path}:1: missing or empty field 'summary'"]


def test_duplicate_slug_keeps_the_first_and_names_the_second(tmp_path: Path) -> None:
    topic_file(tmp_path, "a.md", GOOD.format(slug="same", order=1))
    second = topic_file(tmp_path, "b.md", GOOD.format(slug="same", order=2))
    library = load_library(tmp_path, "en")
    assert [t.path.name for t in library.topics] == ["a.md"]
    (problem,) = library.problems
    assert problem.path == second
    assert problem.line == 1
    assert "already used by a.md" in problem.message


def test_bad_order_and_date_are_reported_with_their_lines(tmp_path: Path) -> None:
    header = GOOD.format(slug="a", order="first").replace("2026-11-26", "26/11/2026")
    topic_file(tmp_path, "a.md", header)
    problems = load_library(tmp_path, "en").problems
    assert [(p.line, p.message) for p in problems] == [
        (5, "'order' must be a whole number"),
        (8, "'reviewed' must be a date, YYYY-MM-DD"),
    ]


def test_unknown_field_and_empty_body_are_problems(tmp_path: Path) -> None:
    topic_file(tmp_path, "a.md", GOOD.format(slug="a", order=1) + "colour: red\n", body="")
    messages = [p.message for p in load_library(tmp_path, "en").problems]
    assert "unknown field 'colour'" in messages
    assert "the page has no text" in messages


def test_unreadable_file_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    path = topic_file(tmp_path, "a.md", GOOD.format(slug="a", order=1))
    path.write_bytes(b"slug: \xff\xfe broken")
    library = load_library(tmp_path, "en")
    assert library.topics == ()
    assert "cannot read the file" in library.problems[0].message


def test_missing_language_folder_is_reported(tmp_path: Path) -> None:
    library = load_library(tmp_path, "fr")
    assert library.topics == ()
    assert "no topics folder" in library.problems[0].message
