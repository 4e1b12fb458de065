"""The spine drawing's tappable ids, read without Qt."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from kiosk.core.anatomy import matching, tappable_ids


def test_drawing_has_every_vertebra_and_no_groups_or_context(assets_dir: Path) -> None:
    ids = tappable_ids(assets_dir / "spine.svg")
    vertebrae = [
        f"vertebra-{p}{n}"
        for p, count in (("C", 7), ("T", 12), ("L", 5))
        for n in range(1, count + 1)
    ]
    assert set(vertebrae) <= set(ids)
    assert {"sacrum", "coccyx", "sacroiliac-joint", "erector-spinae", "spinal-cord"} <= set(ids)
    assert not [i for i in ids if i.startswith("group-")]
    assert "body-outline" not in ids
    assert "pelvis" not in ids
    assert len(ids) == len(set(ids))


def _levels(first: str, last: str) -> list[str]:
    order = [f"C{n}" for n in range(1, 8)] + [f"T{n}" for n in range(1, 13)]
    order += [f"L{n}" for n in range(1, 6)] + ["S1"]
    return order[order.index(first) : order.index(last) + 1]


def test_every_part_a_patient_could_tap_is_still_there(assets_dir: Path) -> None:
    """The region texts' `elements:` patterns and the usage statistics name these ids: a
    redrawn spine keeps every one, and adds no tappable part that no text would explain."""
    bones = [f"vertebra-{v}" for v in _levels("C1", "L5")]
    pairs = list(itertools.pairwise(_levels("C2", "S1")))
    discs = [f"disc-{upper}-{lower}" for upper, lower in pairs]
    facets = [f"facet-{upper}-{lower}" for upper, lower in pairs]
    roots = [f"nerve-root-C{n}" for n in range(3, 9)]
    roots += [f"nerve-root-{v}" for v in _levels("T1", "S1")]
    others = ["sacrum", "coccyx", "sacroiliac-joint", "spinal-cord", "cauda-equina"]
    expected = {*bones, *discs, *facets, *roots, *others, "erector-spinae"}
    assert set(tappable_ids(assets_dir / "spine.svg")) == expected


def test_glob_patterns_pick_their_parts() -> None:
    ids = ("vertebra-L1", "vertebra-L2", "disc-L1-L2", "sacrum")
    assert matching(["vertebra-L*"], ids) == ("vertebra-L1", "vertebra-L2")
    assert matching(["sacrum", "disc-*"], ids) == ("disc-L1-L2", "sacrum")
    assert matching(["knee"], ids) == ()


def test_unreadable_drawing_raises(tmp_path: Path) -> None:
    bad = tmp_path / "spine.svg"
    bad.write_text("<svg", encoding="utf-8")
    with pytest.raises(SyntaxError):  # xml.etree's ParseError is a SyntaxError
        tappable_ids(bad)
