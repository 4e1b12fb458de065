"""The theme: readable contrast in every palette, sizes that grow, a stylesheet with no holes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kiosk.core.config import TEXT_SIZES
from kiosk.core.theme import (
    HIGH_CONTRAST,
    NON_TEXT_PAIRS,
    PALETTES,
    STANDARD,
    TEXT_PAIRS,
    Look,
    contrast_ratio,
    stylesheet,
)


@pytest.mark.parametrize("palette", PALETTES, ids=lambda p: p.name)
@pytest.mark.parametrize(("fg", "bg"), TEXT_PAIRS)
def test_every_text_colour_reaches_wcag_aa(palette: object, fg: str, bg: str) -> None:
    ratio = contrast_ratio(getattr(palette, fg), getattr(palette, bg))
    assert ratio >= 4.5, f"{fg} on {bg}: {ratio:.2f}"


@pytest.mark.parametrize("palette", PALETTES, ids=lambda p: p.name)
@pytest.mark.parametrize(("fg", "bg"), NON_TEXT_PAIRS)
def test_edges_and_the_focus_ring_reach_3_to_1(palette: object, fg: str, bg: str) -> None:
    ratio = contrast_ratio(getattr(palette, fg), getattr(palette, bg))
    assert ratio >= 3, f"{fg} next to {bg}: {ratio:.2f}"


_RULE = re.compile(r"([^{}]+)\{([^}]*)\}")
_COLOUR = re.compile(r"(?<![-\w])color:\s*\$(\w+)")
_BACKGROUND = re.compile(r"background(?:-color)?:\s*\$(\w+)")


def _painted_pairs(qss: str) -> set[tuple[str, str]]:
    """(text colour, background) of each rule, a pressed or ticked rule taking its text colour
    from the rule it modifies when it sets none."""
    rules = {}
    for selectors, body in _RULE.findall(re.sub(r"/\*.*?\*/", "", qss, flags=re.DOTALL)):
        for selector in selectors.split(","):
            rules[" ".join(selector.split())] = body
    pairs = set()
    for selector, body in rules.items():
        background = _BACKGROUND.search(body)
        colour = _COLOUR.search(body) or _COLOUR.search(
            rules.get(re.sub(r":(pressed|checked)$", "", selector), "")
        )
        if colour and background:
            pairs.add((colour.group(1), background.group(1)))
    return pairs


@pytest.mark.parametrize("sheet", ["frame.qss", "style.qss", "keyboard.qss"])
def test_every_text_colour_pair_in_the_stylesheets_is_checked(assets_dir: Path, sheet: str) -> None:
    painted = _painted_pairs((assets_dir / sheet).read_text(encoding="utf-8"))
    assert painted
    assert painted <= set(TEXT_PAIRS), sorted(painted - set(TEXT_PAIRS))


def test_high_contrast_reaches_aaa_for_body_text() -> None:
    assert contrast_ratio(HIGH_CONTRAST.text, HIGH_CONTRAST.background) >= 7


def test_contrast_ratio_matches_wcag_reference_values() -> None:
    assert contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("size", TEXT_SIZES)
def test_stylesheet_fills_every_placeholder(assets_dir: Path, size: int) -> None:
    for name in [p.name for p in assets_dir.glob("*.qss")] + ["reader.css", "spine.css"]:
        filled = stylesheet((assets_dir / name).read_text(encoding="utf-8"), Look(STANDARD, size))
        assert "$" not in filled


def test_bigger_text_step_gives_bigger_fonts(assets_dir: Path) -> None:
    template = "a { font-size: $font_body; }"
    assert stylesheet(template, Look(STANDARD, 100)) == "a { font-size: 28px; }"
    assert stylesheet(template, Look(STANDARD, 200)) == "a { font-size: 56px; }"


def test_palettes_differ_in_the_stylesheet() -> None:
    template = "a { color: $text; background: $background; }"
    assert stylesheet(template, Look(STANDARD)) != stylesheet(template, Look(HIGH_CONTRAST))
