"""How hard a page is to read, as a school grade, measured with textstat.

Markdown is first reduced to plain sentences: every heading, paragraph and list item counts as
one sentence even without a full stop, as a reader takes it in.
"""

from __future__ import annotations

import re

GRADE_LIMIT = 8.0
_MARKUP = re.compile(r"(\*\*|__|[*_`>#])")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_ITEM = re.compile(r"^\s*(?:[-+*]|\d+[.)])\s+")


def plain_sentences(body: str) -> str:
    """The text of a Markdown body, one sentence per heading, paragraph or list item."""
    blocks: list[str] = []
    current: list[str] = []
    for raw in [*body.splitlines(), ""]:
        line = raw.strip()
        starts_block = not line or line.startswith("#") or _ITEM.match(raw)
        if starts_block and current:
            blocks.append(" ".join(current))
            current = []
        if line:
            current.append(_MARKUP.sub("", _LINK.sub(r"\1", _ITEM.sub("", line))).strip())
    sentences = [b if b[-1] in ".!?:;" else f"{b}." for b in (b.strip() for b in blocks) if b]
    return " ".join(sentences)


def grade(body: str, language: str) -> float | None:
    """The Flesch-Kincaid grade of a body in `language`; None where no formula fits."""
    if language != "en":
        return None
    import textstat  # noqa: PLC0415 -- slow to load, needed only by check-content

    return float(textstat.flesch_kincaid_grade(plain_sentences(body)))
