"""`kiosk check-content` on picture cards: each starts its own paragraph, says what its picture
shows, has words, names one of the kiosk's illustrations, and a translation shows the same."""

from __future__ import annotations

from pathlib import Path

from kiosk.core.checks import check_library, missing_pages
from kiosk.core.content import load_library
from tests.unit.test_checks import TAPPABLE, topic

PICTURES = {"move-bridge", "treat-heat"}
GOOD = "Intro.\n\n![A person lifts the hips.](picture:move-bridge) **Bridge.** Lift, then lower.\n"


def problems(root: Path, language: str = "en") -> list[str]:
    library = load_library(root, language)
    report = check_library(library, icons={"info"}, tappable=None, grader=None, pictures=PICTURES)
    # (No spine folder in these fixtures: only the topic's own problems count.)
    return [str(p) for p in report.problems if p.path.suffix == ".md"]


def test_a_good_card_passes(tmp_path: Path) -> None:
    topic(tmp_path, body=GOOD)
    assert problems(tmp_path) == []


def test_a_card_inside_a_paragraph_is_named_with_its_line(tmp_path: Path) -> None:
    path = topic(tmp_path, body="Intro words\n![A person.](picture:move-bridge) Lift.\n")
    (found,) = problems(tmp_path)
    line = path.read_text().splitlines().index("![A person.](picture:move-bridge) Lift.") + 1
    assert found.startswith(f"{path}:{line}: a picture card is a paragraph of its own")


def test_a_card_must_say_what_it_shows_and_have_words(tmp_path: Path) -> None:
    topic(tmp_path, body="![](picture:move-bridge) Lift.\n\n![A pad.](picture:treat-heat)\n")
    found = problems(tmp_path)
    assert len(found) == 2
    assert "say what the card's picture shows" in found[0]
    assert "put the card's words after its picture" in found[1]


def test_a_card_names_a_known_illustration(tmp_path: Path) -> None:
    topic(tmp_path, body="![A person.](picture:move-moon-walk) Glide.\n")
    (found,) = problems(tmp_path)
    assert "no illustration 'move-moon-walk'" in found


def test_a_translation_shows_the_same_pictures(tmp_path: Path) -> None:
    topic(tmp_path, body=GOOD)
    spanish = tmp_path / "es" / "topics"
    spanish.mkdir(parents=True)
    english = (tmp_path / "en" / "topics" / "a.md").read_text()
    (spanish / "a.md").write_text(english.replace("picture:move-bridge", "picture:treat-heat"))
    found = missing_pages(load_library(tmp_path, "es"), load_library(tmp_path, "en"), spanish)
    assert len(found) == 1
    assert "picture:treat-heat" in str(found[0])
    assert "picture:move-bridge" in str(found[0])
    assert TAPPABLE  # the fixtures come from test_checks
