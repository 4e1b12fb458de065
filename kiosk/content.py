"""The clinic's topics: read from Markdown files with a metadata header, checked, ordered.

Each topic is `content/<lang>/topics/<slug>.md`: a header of `key: value` lines (the format of
Python-Markdown's meta-data extension), a blank line, then the Markdown body. Loading never
fails on a bad file: the file becomes a problem in `Library.problems` (shown by
`kiosk check-content`) and the kiosk simply leaves that topic out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import NamedTuple

REQUIRED = ("slug", "title", "summary", "icon", "order", "reviewed")
OPTIONAL = ("related_topics", "related_regions")
TOPICS_DIR = "topics"


class Problem(NamedTuple):
    """Something wrong in a content file, at a line, in words an editor understands."""

    path: Path
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class Topic(NamedTuple):
    """One page a patient can read."""

    slug: str
    title: str
    summary: str
    icon: str
    order: int
    reviewed: dt.date
    related_topics: tuple[str, ...]
    related_regions: tuple[str, ...]
    body: str
    path: Path
    body_line: int
    field_lines: Mapping[str, int]


class Library(NamedTuple):
    """All topics of one language, in home-screen order, and what was wrong on the way."""

    language: str
    topics: tuple[Topic, ...]
    problems: tuple[Problem, ...]

    def topic(self, slug: str) -> Topic | None:
        return next((t for t in self.topics if t.slug == slug), None)


def load_library(content_dir: Path, language: str) -> Library:
    """Load every topic of `language`; duplicates and broken files become problems."""
    folder = content_dir / language / TOPICS_DIR
    problems: list[Problem] = []
    topics: dict[str, Topic] = {}
    if not folder.is_dir():
        problems.append(Problem(folder, 0, "no topics folder for this language"))
    for path in sorted(folder.glob("*.md")) if folder.is_dir() else ():
        topic = read_topic(path, problems)
        if topic is None:
            continue
        if topic.slug in topics:
            problems.append(
                Problem(
                    path,
                    topic.field_lines["slug"],
                    f"slug {topic.slug!r} is already used by {topics[topic.slug].path.name}",
                )
            )
            continue
        topics[topic.slug] = topic
    ordered = tuple(sorted(topics.values(), key=lambda t: (t.order, t.slug)))
    return Library(language, ordered, tuple(problems))


def read_topic(path: Path, problems: list[Problem]) -> Topic | None:
    """Parse one topic file, adding what is wrong to `problems`; None if unusable."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(Problem(path, 0, f"cannot read the file ({exc})"))
        return None
    header, lines, body_line = _split_header(text)
    before = len(problems)
    for key, line in lines.items():
        if key not in REQUIRED and key not in OPTIONAL:
            problems.append(Problem(path, line, f"unknown field {key!r}"))
    for key in REQUIRED:
        if not header.get(key, "").strip():
            problems.append(Problem(path, lines.get(key, 1), f"missing or empty field {key!r}"))
    order = _parse_int(header.get("order", ""))
    if header.get("order") and order is None:
        problems.append(Problem(path, lines["order"], "'order' must be a whole number"))
    reviewed = _parse_date(header.get("reviewed", ""))
    if header.get("reviewed") and reviewed is None:
        problems.append(Problem(path, lines["reviewed"], "'reviewed' must be a date, YYYY-MM-DD"))
    body = "\n".join(text.splitlines()[body_line - 1 :])
    if not body.strip():
        problems.append(Problem(path, body_line, "the page has no text"))
    if len(problems) > before or order is None or reviewed is None:
        return None
    return Topic(
        slug=header["slug"].strip(),
        title=header["title"].strip(),
        summary=header["summary"].strip(),
        icon=header["icon"].strip(),
        order=order,
        reviewed=reviewed,
        related_topics=_parse_list(header.get("related_topics", "")),
        related_regions=_parse_list(header.get("related_regions", "")),
        body=body,
        path=path,
        body_line=body_line,
        field_lines=lines,
    )


def _split_header(text: str) -> tuple[dict[str, str], dict[str, int], int]:
    """Read `key: value` lines up to the first blank line, as the meta-data extension does.

    Returns the values, the line of each key, and the 1-based line where the body starts.
    Indented lines continue the previous value.
    """
    values: dict[str, str] = {}
    lines: dict[str, int] = {}
    key = ""
    number = 0
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            return values, lines, number + 1
        if line[:1] in " \t" and key:
            values[key] = f"{values[key]} {line.strip()}".strip()
            continue
        name, colon, value = line.partition(":")
        if not colon or not name.strip() or " " in name.strip():
            # No header at all, or the body started without a blank line.
            return values, lines, number
        key = name.strip().lower()
        values[key] = value.strip()
        lines[key] = number
    return values, lines, number + 1


def _parse_list(value: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in value.split(",") if part.strip())


def _parse_int(value: str) -> int | None:
    try:
        return int(value.strip())
    except ValueError:
        return None


def _parse_date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        return None
