"""How hard a page is to read, as a US school grade, measured with textstat.

English uses the Flesch-Kincaid grade. Spanish uses Fernández-Huerta's reading ease, the
Spanish adaptation of Flesch's, turned into a grade with its published table: 90-100 is
4th grade, 80-90 5th, 70-80 6th, 60-70 7th-8th, 50-60 high school. Each ten points is one
grade, so `grade = 4 + (100 - ease) / 10` and the limit of grade 8 means an ease of 60 or more.

Markdown is first reduced to plain sentences: every heading, paragraph and list item counts as
one sentence even without a full stop, as a reader takes it in.
"""

from __future__ import annotations

import re

GRADE_LIMIT = 8.0
# The formula behind each language's grade, as check-content names it.
FORMULAS = {"en": "Flesch-Kincaid", "es": "Fernández-Huerta"}
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
    """The school grade a reader of `language` needs for a body; None where no formula fits."""
    if language not in ("en", "es"):
        return None
    import textstat  # noqa: PLC0415 -- slow to load, needed only by check-content

    textstat.set_lang(language)  # syllables are counted with this language's hyphenation
    text = plain_sentences(body)
    if language == "es":
        return 4.0 + (100.0 - float(textstat.fernandez_huerta(text))) / 10.0
    return float(textstat.flesch_kincaid_grade(text))
