"""Markdown to the HTML the reader shows, with no way for content to inject HTML or scripts.

Raw HTML in a content file is shown as text, links may only point inside the kiosk
(`topic:`, `spine:`, `callback:`), and `{{clinic_name}}`-style placeholders are filled from the
configuration, escaped.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from pathlib import Path

INTERNAL_SCHEMES = ("topic:", "spine:", "callback:")
PLACEHOLDER = re.compile(r"\{\{\s*([a-z_]+)\s*\}\}")


def render(body: str, values: Mapping[str, str], base: Path | None = None) -> str:
    """Render a page body to HTML, filling placeholders from `values` (unknown ones stay).

    Images are shown only when they are files inside `base`, the page's folder.
    """
    # Imported here: the markdown package costs more start-up time than the rest of the
    # core together, and no page is rendered before the patient opens one.
    from kiosk.core.markdown_safe import to_html  # noqa: PLC0415

    return PLACEHOLDER.sub(
        lambda m: html.escape(values[m[1]]) if m[1] in values else m[0], to_html(body, base)
    )


def fill(text: str, values: Mapping[str, str]) -> str:
    """Fill the placeholders of a plain text (a header field shown as words, never HTML)."""
    return PLACEHOLDER.sub(lambda m: values.get(m[1], m[0]), text)


def placeholders(body: str) -> set[str]:
    """The placeholder names a body uses."""
    return set(PLACEHOLDER.findall(body))
