"""Python-Markdown configured so that content cannot inject HTML, scripts or outside links.

Raw HTML is shown as text, every link that does not stay inside the kiosk becomes plain text,
and images are dropped. Used through `kiosk.markup.render`.
"""

from __future__ import annotations

from xml.etree.ElementTree import Element

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from kiosk.markup import INTERNAL_SCHEMES


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


def to_html(body: str) -> str:
    """Markdown to safe HTML; no placeholders filled."""
    return markdown.Markdown(extensions=[_SafeMarkdown(), "sane_lists"]).convert(body)
