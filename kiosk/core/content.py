"""The clinic's pages: topics patients read and the texts of the spine's regions.

Each page is a Markdown file with a header of `key: value` lines (the format of
Python-Markdown's meta-data extension), a blank line, then the body:
`content/<lang>/topics/<slug>.md` and `content/<lang>/spine/<slug>.md`. Loading never fails:
what is wrong becomes a `Problem` (file, line, message) and a page that cannot be shown as
written is kept as `broken`, so the kiosk shows a kind placeholder in its place.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import NamedTuple


class Schema(NamedTuple):
    """The header fields a kind of page must and may have."""

    folder: str
    required: tuple[str, ...]
    optional: tuple[str, ...]


TOPICS = Schema(
    "topics",
    required=("slug", "title", "summary", "icon", "order", "reviewed", "reviewed_by"),
    # picture: what the page's picture shows, in words, for a screen reader.
    optional=("related_topics", "related_regions", "picture"),
)
REGIONS = Schema(
    "spine",
    required=("slug", "title", "summary", "order", "elements", "group", "reviewed", "reviewed_by"),
    optional=("related_topics",),
)
UNORDERED = 1000
# The icon that marks the page of warning signs.
URGENT_ICON = "urgent"


class Problem(NamedTuple):
    """Something wrong in a content file, at a line, in words an editor understands."""

    path: Path
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class Page(NamedTuple):
    """One page: a topic a patient reads, or the text of a spine region."""

    slug: str
    title: str
    summary: str
    order: int
    body: str
    path: Path
    body_line: int
    fields: Mapping[str, str]
    field_lines: Mapping[str, int]
    broken: bool = False

    def listed(self, key: str) -> tuple[str, ...]:
        """A comma-separated header field as a tuple; empty when absent."""
        return tuple(part.strip() for part in self.fields.get(key, "").split(",") if part.strip())

    @property
    def icon(self) -> str:
        return self.fields.get("icon", "").strip()

    @property
    def urgent(self) -> bool:
        """The page about warning signs: it asks for help now, never for a call later."""
        return self.icon == URGENT_ICON

    @property
    def reviewed_on(self) -> dt.date | None:
        """When a clinician last checked the page (None when the field is not a date)."""
        return _parse_date(self.fields.get("reviewed", ""))

    @property
    def reviewed_by(self) -> str:
        """Who checked it, e.g. "the clinical team of {{clinic_name}}" (placeholders unfilled)."""
        return self.fields.get("reviewed_by", "").strip()

    @property
    def picture(self) -> str:
        """What the page's picture shows, for those who cannot see it ("" when not said)."""
        return self.fields.get("picture", "").strip()

    @property
    def related_topics(self) -> tuple[str, ...]:
        return self.listed("related_topics")

    @property
    def related_regions(self) -> tuple[str, ...]:
        return self.listed("related_regions")

    @property
    def elements(self) -> tuple[str, ...]:
        return self.listed("elements")

    @property
    def group(self) -> str:
        return self.fields.get("group", "").strip()

    def line_of(self, key: str) -> int:
        return self.field_lines.get(key, 1)


class Library(NamedTuple):
    """All pages of one language, in display order, and what was wrong on the way."""

    language: str
    topics: tuple[Page, ...]
    regions: tuple[Page, ...]
    problems: tuple[Problem, ...]

    def topic(self, slug: str) -> Page | None:
        return next((t for t in self.topics if t.slug == slug), None)

    def region(self, slug: str) -> Page | None:
        return next((r for r in self.regions if r.slug == slug), None)


# A page is a few KB; these are far beyond any real one and far below what would stall a screen.
MAX_PAGE_BYTES = 200_000
MAX_HEADER_LINES = 60


def load_library(content_dir: Path, language: str) -> Library:
    """Load every topic and region text of `language`."""
    problems: list[Problem] = []
    topics = _load_folder(content_dir / language, TOPICS, problems)
    regions = _load_folder(content_dir / language, REGIONS, problems)
    return Library(language, topics, regions, tuple(problems))


def _load_folder(root: Path, schema: Schema, problems: list[Problem]) -> tuple[Page, ...]:
    folder = root / schema.folder
    if not folder.is_dir():
        problems.append(Problem(folder, 0, f"no {schema.folder} folder for this language"))
        return ()
    pages: dict[str, Page] = {}
    for path in sorted(folder.glob("*.md")):
        page = read_page(path, schema, problems)
        if page.slug in pages:
            first = pages[page.slug].path.name
            problems.append(
                Problem(
                    path, page.line_of("slug"), f"slug {page.slug!r} is already used by {first}"
                )
            )
            continue
        pages[page.slug] = page
    return tuple(sorted(pages.values(), key=lambda p: (p.order, p.slug)))


def read_page(path: Path, schema: Schema, problems: list[Problem]) -> Page:
    """Parse one file, adding what is wrong to `problems`; a page it cannot trust is broken."""
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_PAGE_BYTES + 1)
        text = data.decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(Problem(path, 0, f"cannot read the file ({_reason(exc)})"))
        return _placeholder(path, {}, {})
    if len(data) > MAX_PAGE_BYTES:
        # Nobody reads a page that long in a waiting room, and rendering it would stall the
        # screen for seconds: a mistake (or a trick) to name, not to show.
        limit = MAX_PAGE_BYTES // 1000
        problems.append(Problem(path, 0, f"the file is longer than {limit} KB; split the page"))
        return _placeholder(path, {}, {})
    values, lines, body_line = _split_header(text)
    if body_line > MAX_HEADER_LINES:
        problems.append(
            Problem(path, 1, f"the header is longer than {MAX_HEADER_LINES} lines (no blank line?)")
        )
        return _placeholder(path, values, lines)
    body = "\n".join(text.splitlines()[body_line - 1 :])
    before = len(problems)
    for key, line in lines.items():
        if key not in schema.required and key not in schema.optional:
            problems.append(Problem(path, line, f"unknown field {key!r}"))
    unknown_fields = len(problems) - before
    for key in schema.required:
        if not values.get(key, "").strip():
            problems.append(Problem(path, lines.get(key, 1), f"missing or empty field {key!r}"))
    order = _parse_int(values.get("order", ""))
    if values.get("order", "").strip() and order is None:
        problems.append(Problem(path, lines["order"], "'order' must be a whole number"))
    if values.get("reviewed", "").strip() and _parse_date(values["reviewed"]) is None:
        problems.append(Problem(path, lines["reviewed"], "'reviewed' must be a date, YYYY-MM-DD"))
    if not body.strip():
        problems.append(Problem(path, body_line, "the page has no text"))
    # An unknown field is worth fixing but does not stop the page from being shown.
    if len(problems) - before > unknown_fields:
        return _placeholder(path, values, lines, order)
    return Page(
        slug=values["slug"].strip(),
        title=values["title"].strip(),
        summary=values["summary"].strip(),
        order=order if order is not None else UNORDERED,
        body=body,
        path=path,
        body_line=body_line,
        fields=values,
        field_lines=lines,
    )


def _placeholder(
    path: Path, values: Mapping[str, str], lines: Mapping[str, int], order: int | None = None
) -> Page:
    """What is left of a page that cannot be shown: enough to list it and say it is updating."""
    slug = values.get("slug", "").strip() or path.stem
    title = values.get("title", "").strip() or path.stem.replace("-", " ").capitalize()
    return Page(
        slug,
        title,
        values.get("summary", "").strip(),
        UNORDERED if order is None else order,
        "",
        path,
        0,
        values,
        lines,
        broken=True,
    )


def _split_header(text: str) -> tuple[dict[str, str], dict[str, int], int]:
    """Read `key: value` lines up to the first blank line, as the meta-data extension does.

    Returns the values, the line of each key, and the 1-based line where the body starts.
    Indented lines continue the previous value.
    """
    parts: dict[str, list[str]] = {}  # joined once at the end: linear in the header's length
    lines: dict[str, int] = {}
    key = ""
    number = 0
    body_line = 0
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            body_line = number + 1
            break
        if line[:1] in " \t" and key:
            parts[key].append(line.strip())
            continue
        name, colon, value = line.partition(":")
        if not colon or not name.strip() or " " in name.strip():
            # No header at all, or the body started without a blank line.
            body_line = number
            break
        key = name.strip().lower()
        parts[key] = [value.strip()]
        lines[key] = number
    values = {name: " ".join(part for part in words if part) for name, words in parts.items()}
    return values, lines, body_line or number + 1


def _reason(exc: OSError | UnicodeDecodeError) -> str:
    if isinstance(exc, UnicodeDecodeError):
        return "it is not UTF-8 text"
    return exc.strerror or type(exc).__name__


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
