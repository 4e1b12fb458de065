"""Words patients may not know, and whether a page explains each one where it first uses it.

Each language has its list in `content/<lang>/glossary.md`: one word a line,
`- word, other form: a plain explanation`; every other line is a note for editors. A page
explains a word when, the first time its text uses it (headings included), the word

- stands in brackets after the plain words: "weak bones (osteoporosis)";
- is followed by brackets in the same part of the sentence, before any comma or full stop:
  "an epidural (a shot near the nerves)", "anti-inflammatory pills (NSAIDs)"; or
- is the text of a link to the page about it: "[facet joints](spine:facet-joints)".

Later uses need nothing more. An ending `s` or `es` is the same word, matched in any case.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

from kiosk.core.content import MAX_PAGE_BYTES, Problem

FILE_NAME = "glossary.md"
_ENTRY = re.compile(r"^[-*]\s+([^:]+?)\s*:\s+(\S.*)$")
_LINK = re.compile(r"(!?)\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"[*_`]")
_PART_END = re.compile(r"[.,;:!?]")


class Term(NamedTuple):
    """A word of the glossary: its forms ("NSAID", "anti-inflammatory") and what it means."""

    forms: tuple[str, ...]
    explanation: str
    line: int


class Glossary(NamedTuple):
    path: Path
    terms: tuple[Term, ...]


class Unexplained(NamedTuple):
    """A glossary word a page uses without explaining it: where, as written, which term."""

    line: int  # counted from 0, the first line of the body
    word: str
    term: Term


def load_glossary(path: Path, problems: list[Problem]) -> Glossary | None:
    """The glossary in `path`, or None if there is none; what is wrong goes to `problems`."""
    try:
        with path.open("rb") as handle:
            text = handle.read(MAX_PAGE_BYTES).decode("utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as exc:
        reason = "it is not UTF-8 text" if isinstance(exc, UnicodeDecodeError) else exc.strerror
        problems.append(Problem(path, 0, f"cannot read the glossary ({reason})"))
        return None
    terms: list[Term] = []
    seen: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.startswith(("- ", "* ")):
            continue
        entry = _ENTRY.match(line)
        if entry is None:
            problems.append(
                Problem(path, number, "a glossary line is '- word, other form: explanation'")
            )
            continue
        forms = tuple(form.strip() for form in entry[1].split(",") if form.strip())
        for form in forms:
            if form.lower() in seen:
                problems.append(
                    Problem(path, number, f"{form!r} is already on line {seen[form.lower()]}")
                )
            seen.setdefault(form.lower(), number)
        terms.append(Term(forms, entry[2].strip(), number))
    return Glossary(path, tuple(terms))


def unexplained(body: str, glossary: Glossary) -> list[Unexplained]:
    """Each glossary word whose first use in `body` has no explanation, in page order."""
    lines = [_plain(line) for line in body.splitlines()]
    # Longest forms first, so "CT scan" is one word and its "scan" is not another.
    forms = sorted(
        ((form, term) for term in glossary.terms for form in term.forms),
        key=lambda pair: -len(pair[0]),
    )
    taken: list[list[tuple[int, int]]] = [[] for _ in lines]
    first: dict[Term, tuple[int, int, int]] = {}
    for form, term in forms:
        pattern = _pattern(form)
        for number, (text, _) in enumerate(lines):
            for found in pattern.finditer(text):
                span = found.span()
                if any(a < span[1] and span[0] < b for a, b in taken[number]):
                    continue
                taken[number].append(span)
                place = (number, *span)
                if term not in first or place < first[term]:
                    first[term] = place
    return [
        Unexplained(number, lines[number][0][start:end], term)
        for term, (number, start, end) in sorted(first.items(), key=lambda item: item[1])
        if not _explained(*lines[number], start, end)
    ]


def _pattern(form: str) -> re.Pattern[str]:
    words = r"\s+".join(re.escape(word) for word in form.split())
    return re.compile(rf"(?<![\w-]){words}(?:e?s)?(?![\w-])", re.IGNORECASE)


def _plain(line: str) -> tuple[str, list[tuple[int, int]]]:
    """A line as it reads (links as their words, no images or emphasis marks), and where its
    links' words are."""
    parts: list[str] = []
    links: list[tuple[int, int]] = []
    length = done = 0
    for link in _LINK.finditer(line):
        before = _EMPHASIS.sub("", line[done : link.start()])
        parts.append(before)
        length += len(before)
        if not link[1]:  # an image's description is not read as part of the text
            words = _EMPHASIS.sub("", link[2])
            links.append((length, length + len(words)))
            parts.append(words)
            length += len(words)
        done = link.end()
    parts.append(_EMPHASIS.sub("", line[done:]))
    return "".join(parts), links


def _explained(text: str, links: list[tuple[int, int]], start: int, end: int) -> bool:
    if any(a <= start and end <= b for a, b in links):
        return True
    before = text[:start]
    if before.count("(") > before.count(")"):
        return True
    after = text[end:]
    bracket = after.find("(")
    return bracket >= 0 and not _PART_END.search(after[:bracket])
