"""The glossary: its file format, and the rule for a word "explained where first used"."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.core.content import Problem
from kiosk.core.glossary import Glossary, Term, load_glossary, unexplained

GLOSSARY = Glossary(
    Path("glossary.md"),
    (
        Term(("epidural",), "a shot near the nerves", 1),
        Term(("NSAID",), "a medicine that calms swelling", 2),
        Term(("anti-inflammatory", "anti-inflammatories"), "a medicine for swelling", 3),
        Term(("osteoporosis",), "weak bones", 4),
        Term(("facet joint",), "a small joint at the back of the spine", 5),
        Term(("scan",), "a picture of the inside of the body", 6),
        Term(("CT scan",), "X-ray pictures put together by a computer", 7),
        Term(("reflex",), "how a leg moves by itself when tapped", 8),
        Term(("imágenes",), "fotos del interior del cuerpo", 9),
    ),
)


def words(body: str) -> list[tuple[int, str]]:
    return [(found.line, found.word) for found in unexplained(body, GLOSSARY)]


@pytest.mark.parametrize(
    "body",
    [
        "An epidural (a shot near the nerves) can help.",
        "Weak bones (osteoporosis) break easily.",
        "**Anti-inflammatory** pills (NSAIDs) calm swelling.",  # brackets in the same part
        "See the [facet joints](spine:facet-joints).",  # a link to the page about it
        "Pills that calm swelling (anti-inflammatories, such as an NSAID) help.",
        "A CT scan (many X-rays put together) shows bones.",  # not also the word "scan"
        "A scanner is not a scan (a picture of the inside).",  # "scanner" is another word
        "Las imágenes (fotos del interior del cuerpo) ayudan.",
    ],
)
def test_a_word_explained_where_it_is_first_used_passes(body: str) -> None:
    assert words(body) == []


def test_a_word_with_no_explanation_is_named_with_its_line_as_written() -> None:
    body = "## Shots\n\nAn Epidural can help.\nThe doctor checks your reflexes.\n"
    assert words(body) == [(2, "Epidural"), (3, "reflexes")]


def test_brackets_after_the_end_of_the_sentence_do_not_explain() -> None:
    assert words("An epidural can help. Ask us (at the desk).") == [(0, "epidural")]
    assert words("Ask about an epidural, a scan (or both).") == [(0, "epidural")]


def test_only_the_first_use_counts() -> None:
    assert words("An epidural helps.\n\nAn epidural (a shot) is quick.") == [(0, "epidural")]
    assert words("An epidural (a shot) helps.\n\nAn epidural is quick.") == []


def test_an_image_description_is_not_text_and_a_link_elsewhere_does_not_explain() -> None:
    assert words("![An epidural](shot.png)\n\nAn epidural (a shot) helps.") == []
    assert words("[Get help](topic:get-help-now) if a scan shows it.") == [(0, "scan")]


def test_the_glossary_file(tmp_path: Path) -> None:
    path = tmp_path / "glossary.md"
    path.write_text(
        "# Words\n\nA note for editors: any line.\n\n"
        "- epidural, epidurals: a shot near the nerves\n"
        "- MRI: a scan: with a magnet\n"
        "- no explanation\n"
        "- Epidural: again\n",
        encoding="utf-8",
    )
    problems: list[Problem] = []
    glossary = load_glossary(path, problems)
    assert glossary is not None
    assert glossary.terms == (
        Term(("epidural", "epidurals"), "a shot near the nerves", 5),
        Term(("MRI",), "a scan: with a magnet", 6),
        Term(("Epidural",), "again", 8),
    )
    assert [str(p) for p in problems] == [
        f"{path}:7: a glossary line is '- word, other form: explanation'",
        f"{path}:8: 'Epidural' is already on line 5",
    ]


def test_no_glossary_file_means_no_words_to_check(tmp_path: Path) -> None:
    problems: list[Problem] = []
    assert load_glossary(tmp_path / "glossary.md", problems) is None
    assert problems == []
