"""Python-Markdown configured so that content cannot inject HTML, scripts or outside links.

Raw HTML is shown as text, every link that does not stay inside the kiosk becomes plain text,
and an image shows only when it is a picture file beside the page. Used through
`kiosk.core.markup.render`.
"""

from __future__ import annotations

from pathlib import Path
from xml.etree.ElementTree import Element

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from kiosk.core.markup import INTERNAL_SCHEMES

IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".svg"})


class _LinkGuard(Treeprocessor):
    """Drops links that would leave the kiosk and images that are not files beside the page."""

    def __init__(self, md: markdown.Markdown, base: Path | None) -> None:
        super().__init__(md)
        self._base = base

    def run(self, root: Element) -> None:
        for parent in root.iter():
            for child in list(parent):
                if child.tag == "img":
                    source = self._image(child.get("src", ""))
                    if source is None:
                        # Emptied, not removed: removing it would lose its tail, the words
                        # after it up to the next element.
                        child.tag = "span"
                        child.attrib.clear()
                    else:
                        child.set("src", source)
                elif child.tag == "a" and not child.get("href", "").startswith(INTERNAL_SCHEMES):
                    child.tag = "span"
                    child.attrib.clear()

    def _image(self, src: str) -> str | None:
        if self._base is None:
            return None
        path = image_path(self._base, src)
        return None if path is None else str(path)


def image_path(base: Path, src: str) -> Path | None:
    """The picture file `src` names, if a page in `base` may show it: a picture (by its
    suffix) inside `base` once links are followed, that exists. None otherwise. The one rule
    for the reader and for `kiosk check-content`."""
    if not src or ":" in src or src.startswith(("/", "\\")):
        return None
    folder = base.resolve()
    path = (folder / src).resolve()
    if folder not in path.parents or path.suffix.lower() not in IMAGE_SUFFIXES:
        return None
    return path if path.is_file() else None


class _SafeMarkdown(Extension):
    def __init__(self, base: Path | None) -> None:
        super().__init__()
        self._base = base

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        # Without these two, Python-Markdown passes <script> and friends through untouched.
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_LinkGuard(md, self._base), "kiosk_link_guard", 0)


def to_html(body: str, base: Path | None) -> str:
    """Markdown to safe HTML; images resolve inside `base` (None: no images)."""
    return markdown.Markdown(extensions=[_SafeMarkdown(base), "sane_lists"]).convert(body)
