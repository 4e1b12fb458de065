"""What `kiosk check-content` finds beyond a single file: links, icons, images and
placeholders that point nowhere, a drawing and region texts that disagree, pages too hard to read,
words of the glossary left unexplained (in a page or in its tile's summary), and a language that
lacks a page, a region text or a translated screen text another one has. These are errors; a
review more than a year old is a warning, so content that was right does not fail by the calendar.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Collection, Iterator
from pathlib import Path
from typing import NamedTuple

from kiosk.core.anatomy import LABEL_GROUPS, matching, tappable_ids
from kiosk.core.content import Library, Page, Problem, load_library
from kiosk.core.glossary import FILE_NAME as GLOSSARY_FILE
from kiosk.core.glossary import Glossary, load_glossary, unexplained
from kiosk.core.markdown_safe import IMAGE_SUFFIXES, image_path
from kiosk.core.markup import CARD, INTERNAL_SCHEMES, PLACEHOLDER
from kiosk.core.readability import GRADE_LIMIT, grade

PLACEHOLDERS = frozenset({"clinic_name", "clinic_phone", "clinic_address"})
_LINK = re.compile(r"(!?)\[[^\]]*\]\(\s*<?([^)\s>]*)>?")
PICTURE_SCHEME = "picture:"
_FORMAT_FIELD = re.compile(r"\{(\w*)\}")
# The screens' own texts are written in English in the code; other languages need a
# Qt Linguist file `assets/i18n/kiosk_<lang>.ts` with every one of them translated, and English
# one with the plural forms ("%n second(s)" -> "1 second", "2 seconds").
SOURCE_LANGUAGE = "en"
# A page's facts are checked again at least this often (`reviewed` in its header).
REVIEW_MONTHS = 12

Grader = Callable[[str], "float | None"]


class Report(NamedTuple):
    """What is wrong with one language's content, and the reading grade of each page.

    `problems` are errors: the content is wrong now, and the command fails. `warnings` are work
    that falls due with time (a review more than a year old): the kiosk still shows the page,
    and the command fails on them only when asked to be strict."""

    problems: tuple[Problem, ...]
    grades: tuple[tuple[Page, float | None], ...]
    warnings: tuple[Problem, ...] = ()


def check_library(
    library: Library,
    *,
    icons: Collection[str],
    tappable: Collection[str] | None,
    grader: Grader | None,
    glossary: Glossary | None = None,
    today: dt.date | None = None,
    pictures: Collection[str] | None = None,
) -> Report:
    """Check everything that crosses files; `tappable` None skips the drawing checks,
    `glossary` None the explained words, `today` None the dates of reviews, `pictures` (the
    illustrations' names) None the pictures of cards."""
    problems = list(library.problems)
    warnings: list[Problem] = []
    topics = {t.slug for t in library.topics}
    regions = {r.slug for r in library.regions}
    pages = [p for p in (*library.topics, *library.regions) if not p.broken]
    for topic in library.topics:
        if not topic.broken and topic.icon not in icons:
            problems.append(
                Problem(
                    topic.path,
                    topic.line_of("icon"),
                    f"unknown icon {topic.icon!r} (known: {', '.join(sorted(icons))})",
                )
            )
    related = (
        ("related_topics", topics, "related topic"),
        ("related_regions", regions, "related spine region"),
    )
    for page in pages:
        for key, known, noun in related:
            problems.extend(
                Problem(page.path, page.line_of(key), f"{noun} {slug!r} does not exist")
                for slug in page.listed(key)
                if slug not in known
            )
        problems.extend(_body_problems(page, topics, regions))
        problems.extend(_card_problems(page, pictures))
        problems.extend(_review_problems(page, today))
        warnings.extend(_review_warnings(page, today))
        if glossary is not None:
            problems.extend(_jargon_problems(page, glossary))
    if tappable is not None:
        problems.extend(_drawing_problems(library.regions, tappable))
    grades = tuple((p, grader(p.body) if grader else None) for p in pages)
    for page, score in grades:
        if score is not None and score > GRADE_LIMIT:
            problems.append(
                Problem(
                    page.path,
                    page.body_line,
                    f"reading grade {score:.1f} is above {GRADE_LIMIT:g}: use "
                    "shorter sentences and everyday words",
                )
            )
    return Report(tuple(problems), grades, tuple(warnings))


def _jargon_problems(page: Page, glossary: Glossary) -> list[Problem]:
    """Glossary words left unexplained in the page's text, and in its summary: a summary is
    read on its own (on a home tile, in the attract loop), so it must not lean on the page."""
    found = [
        Problem(
            page.path,
            page.line_of("summary") + word.line,
            f"the summary uses {word.word!r} without explaining it, and is read on its own: "
            f"say it in plain words, e.g. '{word.term.explanation}' "
            f"({glossary.path.name}:{word.term.line})",
        )
        for word in unexplained(page.summary, glossary)
    ]
    found.extend(
        Problem(
            page.path,
            page.body_line + word.line,
            f"explain {word.word!r} where the page first uses it, in brackets: "
            f"e.g. '{word.word} ({word.term.explanation})' ({glossary.path.name}:"
            f"{word.term.line})",
        )
        for word in unexplained(page.body, glossary)
    )
    return found


def _body_problems(page: Page, topics: Collection[str], regions: Collection[str]) -> list[Problem]:
    problems = []
    for offset, line in enumerate(page.body.splitlines()):
        number = page.body_line + offset
        for name in PLACEHOLDER.findall(line):
            if name not in PLACEHOLDERS:
                problems.append(
                    Problem(
                        page.path,
                        number,
                        f"unknown placeholder {{{{{name}}}}} "
                        f"(known: {', '.join(sorted(PLACEHOLDERS))})",
                    )
                )
        for bang, target in _LINK.findall(line):
            if bang and target.startswith(PICTURE_SCHEME):
                continue  # a picture card's (_card_problems)
            if bang:
                if image_path(page.path.parent, target) is None:
                    problems.append(
                        Problem(
                            page.path,
                            number,
                            f"image {target!r} cannot be shown: name a picture file "
                            f"({', '.join(sorted(IMAGE_SUFFIXES))}) in the folder of "
                            f"{page.path.name}",
                        )
                    )
                continue
            scheme, _, name = target.partition(":")
            if not target.startswith(INTERNAL_SCHEMES):
                problems.append(
                    Problem(
                        page.path,
                        number,
                        f"link {target!r} leads out of the "
                        "kiosk; only topic: and spine: links work",
                    )
                )
            elif scheme == "topic" and name not in topics:
                problems.append(
                    Problem(page.path, number, f"link to topic {name!r}, which does not exist")
                )
            elif scheme == "spine" and name and name not in regions:
                problems.append(
                    Problem(
                        page.path, number, f"link to spine region {name!r}, which does not exist"
                    )
                )
    return problems


def _card_problems(page: Page, pictures: Collection[str] | None) -> list[Problem]:
    """A picture card starts its own paragraph, says what its picture shows and has words
    under it; its picture is one of the kiosk's illustrations."""
    problems = []
    previous = ""
    for offset, line in enumerate(page.body.splitlines()):
        number = page.body_line + offset
        starts_paragraph = not previous.strip()
        previous = line
        names = [t for bang, t in _LINK.findall(line) if bang and t.startswith(PICTURE_SCHEME)]
        if not names:
            continue
        card = CARD.fullmatch(line.strip())
        if card is None or not starts_paragraph or len(names) > 1:
            problems.append(
                Problem(
                    page.path,
                    number,
                    "a picture card is a paragraph of its own that starts with its picture: "
                    "'![what it shows](picture:NAME) Words under it.'",
                )
            )
            continue
        if not card["description"].strip():
            problems.append(
                Problem(
                    page.path,
                    number,
                    "say what the card's picture shows, between the [ ], for those who "
                    "cannot see it",
                )
            )
        if not card["caption"].strip():
            problems.append(Problem(page.path, number, "put the card's words after its picture"))
        if pictures is not None and card["name"] not in pictures:
            problems.append(
                Problem(
                    page.path,
                    number,
                    f"no illustration {card['name']!r} (known: {', '.join(sorted(pictures))})",
                )
            )
    return problems


def _review_problems(page: Page, today: dt.date | None) -> list[Problem]:
    """A reviewer's placeholders must exist, and a review cannot be dated after `today`.

    (A page without `reviewed` or `reviewed_by` is already a problem of the page itself.)"""
    problems = [
        Problem(
            page.path,
            page.line_of("reviewed_by"),
            f"unknown placeholder {{{{{name}}}}} in 'reviewed_by' "
            f"(known: {', '.join(sorted(PLACEHOLDERS))})",
        )
        for name in PLACEHOLDER.findall(page.reviewed_by)
        if name not in PLACEHOLDERS
    ]
    reviewed = page.reviewed_on
    if today is not None and reviewed is not None and reviewed > today:
        problems.append(
            Problem(
                page.path, page.line_of("reviewed"), f"reviewed {reviewed}, which is after today"
            )
        )
    return problems


def _review_warnings(page: Page, today: dt.date | None) -> list[Problem]:
    """A review more than `REVIEW_MONTHS` before `today` is due again. Only a warning: the page
    was right when checked, and an error would fail the content, and its tests, by the calendar
    alone."""
    reviewed = page.reviewed_on
    if today is None or reviewed is None or reviewed >= _months_before(today, REVIEW_MONTHS):
        return []
    return [
        Problem(
            page.path,
            page.line_of("reviewed"),
            f"last reviewed {reviewed}, more than {REVIEW_MONTHS} months ago: have a "
            "clinician check the page, then update 'reviewed' and 'reviewed_by'",
        )
    ]


def _months_before(day: dt.date, months: int) -> dt.date:
    """The same day `months` earlier, or that month's last day when it is shorter."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def _drawing_problems(regions: tuple[Page, ...], tappable: Collection[str]) -> list[Problem]:
    problems = []
    claimed: dict[str, Page] = {}
    for region in regions:
        if region.broken:
            continue
        if region.group not in LABEL_GROUPS:
            problems.append(
                Problem(
                    region.path,
                    region.line_of("group"),
                    f"unknown group {region.group!r} (known: {', '.join(LABEL_GROUPS)})",
                )
            )
        for pattern in region.elements:
            if not matching([pattern], tappable):
                problems.append(
                    Problem(
                        region.path,
                        region.line_of("elements"),
                        f"no part of the spine drawing has an id like {pattern!r}",
                    )
                )
        for element in matching(region.elements, tappable):
            if element in claimed:
                problems.append(
                    Problem(
                        region.path,
                        region.line_of("elements"),
                        f"{element!r} is already described by {claimed[element].path.name}",
                    )
                )
            claimed.setdefault(element, region)
    unclaimed = [i for i in tappable if i not in claimed]
    if unclaimed and regions:
        folder = regions[0].path.parent
        problems.append(
            Problem(
                folder,
                0,
                "no region text describes these parts of the "
                f"spine drawing: {', '.join(unclaimed)}",
            )
        )
    return problems


def check_content(
    content_dir: Path,
    assets_dir: Path,
    languages: Collection[str],
    *,
    grades: bool = True,
    today: dt.date | None = None,
) -> dict[str, Report]:
    """Check every language folder in `content_dir` and every configured language; reviews
    are dated against `today` (the computer's date when None)."""
    today = today or dt.date.today()  # noqa: DTZ011 -- the editor's own day is what counts
    found = {p.name for p in content_dir.iterdir() if p.is_dir()} if content_dir.is_dir() else set()
    icons = frozenset(p.stem for p in (assets_dir / "icons").glob("*.svg"))
    pictures = frozenset(p.stem for p in (assets_dir / "illustrations").glob("*.svg"))
    drawing = assets_dir / "spine.svg"
    reports = {}
    try:
        tappable: tuple[str, ...] | None = tappable_ids(drawing)
        drawing_problem = None
    except (OSError, SyntaxError) as exc:  # ParseError is a SyntaxError
        tappable = None
        drawing_problem = Problem(drawing, 0, f"cannot read the spine drawing ({exc})")
    libraries = {lang: load_library(content_dir, lang) for lang in sorted(found | set(languages))}
    # The default language is the one every other must match.
    reference = libraries.get(next(iter(languages), SOURCE_LANGUAGE))
    for language, library in libraries.items():
        grader = (lambda body, lang=language: grade(body, lang)) if grades else None
        extra = [drawing_problem] if drawing_problem is not None else []
        glossary = load_glossary(content_dir / language / GLOSSARY_FILE, extra)
        report = check_library(
            library,
            icons=icons,
            tappable=tappable,
            grader=grader,
            glossary=glossary,
            today=today,
            pictures=pictures,
        )
        if reference is not None and library is not reference:
            extra += missing_pages(library, reference, content_dir / language)
        # English needs its file too, for plural forms only.
        extra += translation_problems(assets_dir / "i18n" / f"kiosk_{language}.ts")
        reports[language] = report._replace(problems=(*extra, *report.problems))
    return reports


def missing_pages(library: Library, reference: Library, folder: Path) -> list[Problem]:
    """What `library` lacks or has beyond `reference`: pages, and links between pages.

    A translated page must lead to the same topics and regions as the original, so a patient
    who switches language keeps every way on."""
    problems = []
    for kind, pages, originals in (
        ("topic", library.topics, reference.topics),
        ("spine region", library.regions, reference.regions),
    ):
        mine = {p.slug: p for p in pages}
        for original in originals:
            page = mine.get(original.slug)
            if page is None:
                problems.append(
                    Problem(
                        folder,
                        0,
                        f"{kind} {original.slug!r} is missing in this language "
                        f"(it is in {reference.language}: {original.path.name})",
                    )
                )
            elif not page.broken and not original.broken and _links(page) != _links(original):
                problems.append(
                    Problem(
                        page.path,
                        page.body_line,
                        f"links to {_shown(_links(page))} but "
                        f"the {reference.language} page links to {_shown(_links(original))}",
                    )
                )
        theirs = {p.slug for p in originals}
        problems.extend(
            Problem(p.path, p.line_of("slug"), f"{kind} {p.slug!r} is not in {reference.language}")
            for p in pages
            if p.slug not in theirs
        )
    return problems


def _links(page: Page) -> frozenset[str]:
    """Where a page leads, and the pictures of its cards (a translation shows the same)."""
    return frozenset(
        target
        for bang, target in _LINK.findall(page.body)
        if not bang or target.startswith(PICTURE_SCHEME)
    ) | frozenset(
        f"{key}:{slug}"
        for key in ("related_topics", "related_regions")
        for slug in page.listed(key)
    )


def _shown(links: frozenset[str]) -> str:
    return ", ".join(sorted(links)) or "nothing"


def translation_problems(ts_file: Path) -> list[Problem]:
    """Screen texts with no translation in a Qt Linguist file, or whose {fields} differ."""
    try:
        text = ts_file.read_text(encoding="utf-8")
        root = ET.fromstring(text)  # noqa: S314 -- the kiosk's own file, edited by the clinic
    except OSError:
        return [Problem(ts_file, 0, "no translation of the screens' texts for this language")]
    except ET.ParseError as exc:
        return [Problem(ts_file, exc.position[0], f"cannot read this file ({exc})")]
    problems = []
    lines = iter(enumerate(text.splitlines(), start=1))
    for context in root.iter("context"):
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            line = _line_of(lines, source)
            where = f"{context.findtext('name')}: {source!r}"
            if translation is None or translation.get("type") in ("obsolete", "vanished"):
                continue
            # A plural has one form per grammatical number ("%n second" / "%n seconds").
            forms = [f.text or "" for f in translation.iter("numerusform")] or [
                translation.text or ""
            ]
            if translation.get("type") == "unfinished" or not all(f.strip() for f in forms):
                problems.append(Problem(ts_file, line, f"not translated yet: {where}"))
            elif any(_fields(form) != _fields(source) for form in forms):
                problems.append(
                    Problem(ts_file, line, f"the translation must keep the {{fields}} of {where}")
                )
    return problems


def _fields(text: str) -> list[str]:
    """The {fields} and the %n count a text must carry into every translation."""
    return sorted(_FORMAT_FIELD.findall(text)) + (["%n"] if "%n" in text else [])


def _line_of(lines: Iterator[tuple[int, str]], source: str) -> int:
    """The line of the next <source> element holding `source` (0 when not found)."""
    first = source.splitlines()[0] if source else ""
    escaped = first.replace("&", "&amp;").replace("<", "&lt;").replace("'", "&apos;")
    for number, line in lines:
        if "<source>" in line and (escaped in line or first in line):
            return number
    return 0
