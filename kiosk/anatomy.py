"""The spine drawing as data: which element ids a patient can tap, read without Qt.

`assets/spine.svg` gives every tappable structure a stable id; groups (`group-*`) and context
shapes (class `context`) are not tappable. The region texts in `content/<lang>/spine/` claim
tappable ids with glob patterns (`vertebra-L*`); `kiosk check-content` checks that the two agree.
"""

from __future__ import annotations

import fnmatch
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from pathlib import Path

LABEL_GROUPS = ("neck", "upper-back", "lower-back", "pelvis", "whole-spine")


def tappable_ids(svg: Path) -> tuple[str, ...]:
    """The ids of the drawing's tappable elements, in document order.

    Raises OSError or xml.etree.ElementTree.ParseError when the file cannot be read.
    """
    root = ET.parse(svg).getroot()  # noqa: S314 -- our own asset, not untrusted input
    ids = []
    for element in root.iter():
        element_id = element.get("id")
        tag = element.tag.rsplit("}", 1)[-1]
        if not element_id or tag == "g" or "context" in element.get("class", "").split():
            continue
        ids.append(element_id)
    return tuple(ids)


def matching(patterns: Iterable[str], ids: Iterable[str]) -> tuple[str, ...]:
    """The ids that any of the glob `patterns` names."""
    wanted = tuple(patterns)
    return tuple(i for i in ids if any(fnmatch.fnmatchcase(i, p) for p in wanted))
