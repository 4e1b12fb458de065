"""What each screen shows, assembled from a language's library and the clinic's details: no Qt,
so it is tested in microseconds. The shell asks it; the views show what it returns.

A page's body is converted from Markdown to safe HTML once, on first use (it never changes while
the kiosk runs); the clinic's name, phone and address fill the placeholders.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, NamedTuple

from kiosk.core.config import ClinicConfig
from kiosk.core.content import Library, Page

if TYPE_CHECKING:
    # At run time only where a page is read: markup is not needed to show home.
    from kiosk.core.markup import Part

__all__ = ["Pages", "RegionText", "TopicPage"]


class TopicPage(NamedTuple):
    """What the reader shows: the title, the body as safe HTML, and where to go next."""

    slug: str
    title: str
    html: str
    related: tuple[tuple[str, str], ...] = ()  # (route, title): "topic:causes", "spine:discs"
    broken: bool = False
    urgent: bool = False  # the warning signs: help now, at the front desk, not a call later
    reviewed_by: str = ""
    reviewed_on: dt.date | None = None
    picture: str = ""  # what the page's picture shows, in words
    # The text and rows of picture cards, in order (empty: `html` is all there is), and the
    # words of each main heading, for "On this page".
    parts: tuple[Part, ...] = ()
    sections: tuple[str, ...] = ()


class RegionText(NamedTuple):
    """What the spine's panel shows about one region."""

    slug: str
    title: str
    html: str
    related: tuple[tuple[str, str], ...] = ()  # ("topic:treatments", "Treatments")
    broken: bool = False
    reviewed_by: str = ""
    reviewed_on: dt.date | None = None


class AttractItem(NamedTuple):
    """One topic as the attract loop shows it: its picture (by the topic's slug), described in
    words, under its title and summary."""

    slug: str
    title: str
    summary: str
    picture: str = ""  # what the picture shows, in words


class Pages:
    """One language's pages, ready to show."""

    def __init__(self, library: Library, clinic: ClinicConfig) -> None:
        self.library = library
        self._clinic = {
            "clinic_name": clinic.name,
            "clinic_phone": clinic.phone,
            "clinic_address": clinic.address,
        }
        self._rendered: dict[str, str] = {}
        self._parts: dict[str, tuple[Part, ...]] = {}
        self._joined: dict[str, str] = {}  # each topic's parts as one text, made once

    def topic(self, slug: str) -> TopicPage | None:
        """The topic `slug`, or None when there is no such topic."""
        topic = self.library.topic(slug)
        if topic is None:
            return None
        related = tuple(
            (f"topic:{other.slug}", other.title)
            for other_slug in topic.related_topics
            if (other := self.library.topic(other_slug)) is not None
        ) + tuple(
            (f"spine:{region.slug}", region.title)
            for region_slug in topic.related_regions
            if (region := self.library.region(region_slug)) is not None
        )
        if topic.broken:
            return TopicPage(topic.slug, topic.title, "", related, broken=True)
        from kiosk.core.markup import section_titles  # noqa: PLC0415 -- as in html()

        parts = self.parts(topic)
        return TopicPage(
            topic.slug,
            topic.title,
            self._joined[str(topic.path)],
            related,
            urgent=topic.urgent,
            reviewed_by=self.filled(topic.reviewed_by),
            reviewed_on=topic.reviewed_on,
            picture=topic.picture,
            parts=parts,
            sections=section_titles(parts),
        )

    def regions(self) -> list[RegionText]:
        """Every spine region's text, in the library's order."""
        return [
            RegionText(
                region.slug,
                region.title,
                "" if region.broken else self.html(region),
                tuple(
                    (f"topic:{other.slug}", other.title)
                    for slug in region.related_topics
                    if (other := self.library.topic(slug)) is not None
                ),
                broken=region.broken,
                reviewed_by=self.filled(region.reviewed_by),
                reviewed_on=region.reviewed_on,
            )
            for region in self.library.regions
        ]

    def context_title(self, context: str) -> str:
        """The title of what a call-back is about ("topic:surgery" -> "Surgery"), or ""."""
        kind, _, slug = context.partition(":")
        if kind == "topic":
            page = self.library.topic(slug)
        elif kind == "spine":
            page = self.library.region(slug)
        else:
            return ""
        return page.title if page is not None else ""

    def attract_items(self) -> list[AttractItem]:
        """Every readable topic, for the attract loop."""
        return [
            AttractItem(t.slug, t.title, t.summary, t.picture)
            for t in self.library.topics
            if not t.broken
        ]

    def html(self, page: Page) -> str:
        """A page's body as safe HTML, converted on first use and kept."""
        key = str(page.path)
        if key not in self._rendered:
            from kiosk.core.markup import render  # noqa: PLC0415 -- no page is read at start-up

            self._rendered[key] = render(page.body, self._clinic, base=page.path.parent)
        return self._rendered[key]

    def parts(self, page: Page) -> tuple[Part, ...]:
        """A topic's body as its text and rows of picture cards, converted on first use."""
        key = str(page.path)
        if key not in self._parts:
            from kiosk.core.markup import joined, render_parts  # noqa: PLC0415 -- as in html()

            parts = render_parts(page.body, self._clinic, base=page.path.parent)
            self._parts[key], self._joined[key] = parts, joined(parts)
        return self._parts[key]

    def filled(self, text: str) -> str:
        """A header field with the clinic's name, phone or address in it."""
        from kiosk.core.markup import fill  # noqa: PLC0415 -- no page is read at start-up

        return fill(text, self._clinic)
