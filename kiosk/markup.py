"""Markdown to the HTML the reader shows, with no way for content to inject HTML or scripts.

Raw HTML in a content file is shown as text, links may only point inside the kiosk
(`topic:`, `spine:`, `callback:`), and `{{clinic_name}}`-style placeholders are filled from the
configuration, escaped.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from xml.etree.ElementTree import Element

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

INTERNAL_SCHEMES = ("topic:", "spine:", "callback:")
PLACEHOLDER = re.compile(r"\{\{\s*([a-z_]+)\s*\}\}")


class _LinkGuard(Treeprocessor):
    """Drops every link that would leave the kiosk and every image (none are allowed yet)."""

    def run(self, root: Element) -> None:
        for parent in root.iter():
            for child in list(parent):
                if child.tag == "img":
                    parent.remove(child)
                elif child.tag == "a" and not child.get("href", "").startswith(INTERNAL_SCHEMES):
                    child.tag = "span"
                    child.attrib.clear()


class _SafeMarkdown(Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:
        # Without these two, Python-Markdown passes <script> and friends through untouched.
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_LinkGuard(md), "kiosk_link_guard", 0)


def render(body: str, values: Mapping[str, str]) -> str:
    """Render a topic body to HTML, filling placeholders from `values` (unknown ones stay)."""
    converter = markdown.Markdown(extensions=[_SafeMarkdown(), "sane_lists"])
    rendered = converter.convert(body)
    return PLACEHOLDER.sub(
        lambda m: html.escape(values[m[1]]) if m[1] in values else m[0], rendered
    )


def placeholders(body: str) -> set[str]:
    """The placeholder names a body uses."""
    return set(PLACEHOLDER.findall(body))
