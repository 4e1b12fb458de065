"""`python -m tools.spine_drawing [--out PATH]`: writes the spine drawing (to stdout by default)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .draw import build
from .svgout import write


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tools.spine_drawing",
        description="Write the spine explorer's drawing (assets/spine.svg).",
    )
    parser.add_argument("--out", type=Path, help="the SVG file to write (default: stdout)")
    args = parser.parse_args(argv)
    parts = build()
    if args.out is None:
        write(parts, sys.stdout)
    else:
        # The same bytes on every platform: UTF-8, and "\n" at each line's end.
        with args.out.open("w", encoding="utf-8", newline="\n") as out:
            write(parts, out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
