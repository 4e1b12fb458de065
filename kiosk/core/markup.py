"""Markdown to the HTML the reader shows, with no way for content to inject HTML or scripts.

Raw HTML in a content file is shown as text, links may only point inside the kiosk
(`topic:`, `spine:`, `callback:`), and `{{clinic_name}}`-style placeholders are filled from the
configuration, escaped. A paragraph that starts with a picture from the kiosk's illustrations,
`![what it shows](picture:move-bridge) Words under it.`, is a picture card; cards next to one
another make one row of cards between the page's text (`render_parts`).
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from pathlib import Path
from typing import NamedTuple

INTERNAL_SCHEMES = ("topic:", "spine:", "callback:")
PLACEHOLDER = re.compile(r"\{\{\s*([a-z_]+)\s*\}\}")
# A picture card's first line: the picture (its words say what it shows), then the caption.
CARD = re.compile(
    r"!\[(?P<description>[^\]]*)\]\(\s*picture:(?P<name>[a-z0-9-]+)\s*\)\s*(?P<caption>.*)"
)
_HEADING = re.compile(r"<h2>(.*?)</h2>", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


class Card(NamedTuple):
    """A picture with a short caption: a gentle movement, a way to sit, a kind of treatment."""

    picture: str  # an illustration's name: assets/illustrations/<picture>.svg
    description: str  # what the picture shows, in words, for those who cannot see it
    html: str  # the caption, safe HTML


class Part(NamedTuple):
    """A stretch of a page: text (safe HTML), or a row of picture cards."""

    html: str = ""
    cards: tuple[Card, ...] = ()


def render(body: str, values: Mapping[str, str], base: Path | None = None) -> str:
    """Render a page body to HTML, filling placeholders from `values` (unknown ones stay).

    Images are shown only when they are files inside `base`, the page's folder.
    """
    # Imported here: the markdown package costs more start-up time than the rest of the
    # core together, and no page is rendered before the patient opens one.
    from kiosk.core.markdown_safe import to_html  # noqa: PLC0415

    return PLACEHOLDER.sub(
        lambda m: html.escape(values[m[1]]) if m[1] in values else m[0], to_html(body, base)
    )


def render_parts(
    body: str, values: Mapping[str, str], base: Path | None = None
) -> tuple[Part, ...]:
    """A page body as its text and its rows of picture cards, in order (see `render`)."""
    parts: list[Part] = []
    text: list[str] = []
    cards: list[Card] = []

    def flush_text() -> None:
        if any(line.strip() for line in text):
            parts.append(Part(html=render("\n".join(text), values, base)))
        text.clear()

    for paragraph in _paragraphs(body):
        match = CARD.fullmatch(paragraph[0].strip())
        if match is None:
            if cards:
                parts.append(Part(cards=tuple(cards)))
                cards.clear()
            text.extend(paragraph)
            continue
        flush_text()
        caption = " ".join([match["caption"], *(line.strip() for line in paragraph[1:])])
        cards.append(
            Card(match["name"], fill(match["description"].strip(), values), render(caption, values))
        )
    flush_text()
    if cards:
        parts.append(Part(cards=tuple(cards)))
    return tuple(parts)


def _paragraphs(body: str) -> list[list[str]]:
    """The body's lines in runs separated by blank lines, each run keeping the blank line
    after it, so text put back together reads exactly as written."""
    runs: list[list[str]] = [[]]
    for line in body.splitlines():
        runs[-1].append(line)
        if not line.strip():
            runs.append([])
    return [run for run in runs if run]


def section_titles(parts: tuple[Part, ...]) -> tuple[str, ...]:
    """The words of each main heading (`## ...`) in the page's text, in order."""
    return tuple(
        html.unescape(_TAG.sub("", title)).strip()
        for part in parts
        for title in _HEADING.findall(part.html)
    )


def joined(parts: tuple[Part, ...]) -> str:
    """The whole page as one HTML text, each card as a paragraph (read aloud reads it)."""
    return "".join(part.html or "".join(card.html for card in part.cards) for part in parts)


def fill(text: str, values: Mapping[str, str]) -> str:
    """Fill the placeholders of a plain text (a header field shown as words, never HTML)."""
    return PLACEHOLDER.sub(lambda m: values.get(m[1], m[0]), text)


def placeholders(body: str) -> set[str]:
    """The placeholder names a body uses."""
    return set(PLACEHOLDER.findall(body))
