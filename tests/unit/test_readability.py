"""Reading grades: the plain text the formula sees, and the shipped pages' grades."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.core.content import load_library
from kiosk.core.readability import GRADE_LIMIT, grade, plain_sentences


def test_markdown_becomes_one_sentence_per_block() -> None:
    body = "## Heading\n\nA **bold** start\nthat wraps.\n\n- one item\n- [a link](topic:x)\n"
    assert plain_sentences(body) == "Heading. A bold start that wraps. one item. a link."


def test_simple_text_scores_low_and_dense_text_high() -> None:
    simple = "Your back hurts. Rest a bit. Walk a little each day."
    dense = (
        "Multidisciplinary interventional management encompassing pharmacological, "
        "rehabilitative and procedural modalities necessitates individualised evaluation "
        "of comorbidities, contraindications and anticipated functional outcomes."
    )
    simple_grade, dense_grade = grade(simple, "en"), grade(dense, "en")
    assert simple_grade is not None
    assert dense_grade is not None
    assert simple_grade < 4 < GRADE_LIMIT < dense_grade


def test_languages_without_a_formula_have_no_grade() -> None:
    assert grade("Hallo.", "xx") is None


def test_spanish_is_graded_with_its_own_formula() -> None:
    simple = "Le duele la espalda. Camine un poco cada día. Use hielo o calor."
    dense = (
        "La degeneración progresiva de las articulaciones intervertebrales posteriores "
        "constituye frecuentemente una manifestación característica del envejecimiento "
        "osteoarticular, caracterizada fundamentalmente por rigidez matutina persistente."
    )
    simple_grade, dense_grade = grade(simple, "es"), grade(dense, "es")
    assert simple_grade is not None
    assert dense_grade is not None
    assert simple_grade < 6 < GRADE_LIMIT < dense_grade


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_shipped_page_is_at_grade_8_or_below(content_dir: Path, language: str) -> None:
    library = load_library(content_dir, language)
    assert library.topics
    assert library.regions
    for page in (*library.topics, *library.regions):
        score = grade(page.body, language)
        assert score is not None
        assert score <= GRADE_LIMIT, page.path.name
