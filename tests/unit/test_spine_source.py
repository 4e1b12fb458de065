"""assets/spine.svg is the output of its generator, tools/spine_drawing: running the generator
gives the committed drawing byte for byte, so a change to one without the other fails here."""

from __future__ import annotations

from pathlib import Path

import pytest

from tools.spine_drawing.__main__ import main

SPINE = Path(__file__).resolve().parents[2] / "assets" / "spine.svg"
HOW = "regenerate it: python -m tools.spine_drawing --out assets/spine.svg"


def _first_difference(made: str, committed: str) -> str:
    """Where the two texts part, as a line number and both lines (cut short)."""
    made_lines, committed_lines = made.splitlines(), committed.splitlines()
    for number, (ours, theirs) in enumerate(zip(made_lines, committed_lines, strict=False), 1):
        if ours != theirs:
            return f"line {number}:\n  generated {ours[:160]!r}\n  committed {theirs[:160]!r}"
    return f"generated {len(made_lines)} lines, committed {len(committed_lines)}"


def test_the_generator_writes_the_committed_drawing(tmp_path: Path) -> None:
    out = tmp_path / "spine.svg"
    assert main(["--out", str(out)]) == 0
    made, committed = out.read_bytes(), SPINE.read_bytes()
    assert made == committed, (
        f"assets/spine.svg is not the generator's output ({HOW}); first difference at "
        + _first_difference(made.decode(), committed.decode())
    )


def test_without_out_the_drawing_goes_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 0
    assert capsys.readouterr().out.encode() == SPINE.read_bytes(), HOW
