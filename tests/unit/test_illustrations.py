"""The topic illustrations (assets/illustrations/): one per topic, picture cards for the body,
recolourable by the theme, safe to render, legible.

Every drawing carries class names only; its colours come from illustrations.css, whose
`$ill_*` placeholders the app fills from the palette, exactly as for the spine drawing.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from string import Template

import pytest
from PySide6.QtWidgets import QApplication

from kiosk.core.theme import restyled

HERE = Path(__file__).resolve().parents[2]
FOLDER = HERE / "assets" / "illustrations"
TOPICS = HERE / "content" / "en" / "topics"
SVG_NS = "{http://www.w3.org/2000/svg}"

TOKENS = ("skin", "cloth", "cloth2", "line", "accent", "ground", "paper", "spine")
# Two sample palettes: one like the standard look, one like high contrast.
SAMPLES = {
    "standard": {
        "ill_skin": "#E8B894",
        "ill_cloth": "#3A6EA5",
        "ill_cloth2": "#7FB069",
        "ill_line": "#2B2B2B",
        "ill_accent": "#C0392B",
        "ill_ground": "#D9D2C5",
        "ill_paper": "#F6F3EE",
        "ill_spine": "#F2E6C9",
    },
    "high-contrast": {
        "ill_skin": "#C68A5A",
        "ill_cloth": "#0090FF",
        "ill_cloth2": "#00A070",
        "ill_line": "#FFFFFF",
        "ill_accent": "#FFFF00",
        "ill_ground": "#3A3A3A",
        "ill_paper": "#000000",
        "ill_spine": "#FFFFFF",
    },
}
CARDS = (
    "posture-sitting",
    "posture-lifting",
    "posture-sleep-side",
    "posture-sleep-back",
    "treat-medicine",
    "treat-exercise",
    "treat-heat",
    "treat-shots",
    "treat-surgery",
)
COLOUR_PROPERTIES = ("fill", "stroke", "color", "stop-color", "flood-color", "lighting-color")
FORBIDDEN_TAGS = ("text", "tspan", "textArea", "script", "foreignObject", "image", "use", "a")
MAX_BYTES = 12 * 1024

DRAWINGS = sorted(FOLDER.glob("*.svg"))


def topic_slugs() -> list[str]:
    return sorted(path.stem for path in TOPICS.glob("*.md"))


def css() -> str:
    return (FOLDER / "illustrations.css").read_text(encoding="utf-8")


def coloured(svg: str, palette: str) -> str:
    """The drawing as the app shows it: the stylesheet, filled in, in its style element."""
    return restyled(svg, Template(css()).substitute(SAMPLES[palette]))


def local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def without_comments(text: str) -> str:
    return re.sub(r"<!--.*?-->|/\*.*?\*/", "", text, flags=re.DOTALL)


def test_every_topic_has_a_header_illustration() -> None:
    slugs = topic_slugs()
    assert len(slugs) >= 8
    missing = [slug for slug in slugs if not (FOLDER / f"{slug}.svg").is_file()]
    assert missing == []
    for slug in slugs:
        root = ET.parse(FOLDER / f"{slug}.svg").getroot()
        assert root.get("viewBox") == "0 0 400 300", slug


def test_the_picture_cards_are_there() -> None:
    moves = sorted(path.stem for path in FOLDER.glob("move-*.svg"))
    assert 4 <= len(moves) <= 6, moves
    for name in (*moves, *CARDS):
        root = ET.parse(FOLDER / f"{name}.svg").getroot()
        assert root.get("viewBox") == "0 0 240 240", name


def test_the_stylesheet_uses_only_the_palette_placeholders() -> None:
    text = without_comments(css())
    placeholders = set(re.findall(r"\$(\w+)", text))
    assert placeholders == {f"ill_{token}" for token in TOKENS}
    for prop, value in re.findall(r"([\w-]+)\s*:\s*([^;}]+)", text):
        if prop in COLOUR_PROPERTIES:
            assert value.strip() == "none" or re.fullmatch(r"\$ill_\w+", value.strip()), value
    Template(css()).substitute(SAMPLES["standard"])  # no stray "$"


def test_the_readme_lists_every_drawing_and_token() -> None:
    readme = (FOLDER / "README.md").read_text(encoding="utf-8")
    for path in DRAWINGS:
        assert f"`{path.name}`" in readme, path.name
    for token in TOKENS:
        assert f"$ill_{token}" in readme


@pytest.mark.parametrize("path", DRAWINGS, ids=lambda p: p.stem)
def test_a_drawing_is_small_safe_xml_with_classes_only(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert len(text.encode()) < MAX_BYTES
    root = ET.fromstring(text)
    assert local(root.tag) == "svg"
    assert root.tag.startswith(SVG_NS)
    styles = [e for e in root.iter() if local(e.tag) == "style"]
    assert len(styles) == 1, "one style element"
    assert not (styles[0].text or "").strip(), "the style element is empty: the app fills it"
    defined = set(re.findall(r"\.([\w-]+)\s*\{", css()))
    for element in root.iter():
        tag = local(element.tag)
        assert tag not in FORBIDDEN_TAGS, tag
        for name, value in element.attrib.items():
            attribute = local(name)
            assert attribute not in ("style", *COLOUR_PROPERTIES), f"{tag} {attribute}={value}"
            assert "href" not in attribute, f"{tag} links to {value}"
            assert "url(" not in value, f"{tag} {attribute}={value}"
        for cls in element.get("class", "").split():
            assert cls in defined, f"class {cls} is not in illustrations.css"
    bare = without_comments(text)
    assert not re.search(r"#[0-9a-fA-F]{3,8}\b", bare)
    assert not re.search(r"\b(rgba?|hsla?)\(", bare)
    assert "http://" not in bare.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "file:" not in bare
    assert "https:" not in bare


@pytest.mark.parametrize("palette", sorted(SAMPLES))
@pytest.mark.parametrize("path", DRAWINGS, ids=lambda p: p.stem)
def test_a_drawing_renders_in_the_palette(qapp: QApplication, path: Path, palette: str) -> None:
    from PySide6.QtCore import QByteArray, QRectF, Qt
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    svg = coloured(path.read_text(encoding="utf-8"), palette)
    renderer = QSvgRenderer(QByteArray(svg.encode()))
    assert renderer.isValid()
    box = renderer.viewBoxF()
    width = 240  # the narrowest the kiosk shows a picture
    height = round(width * box.height() / box.width())
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter, QRectF(0, 0, width, height))
    painter.end()

    # The paper is the palette's (so the stylesheet took), and the picture is not blank.
    paper = QColor(SAMPLES[palette]["ill_paper"])
    assert image.pixelColor(width // 2, 3).rgb() == paper.rgb()
    seen = {image.pixel(x, y) for x in range(0, width, 3) for y in range(0, height, 3)}
    assert len(seen) >= 6
    ink = QColor(SAMPLES[palette]["ill_line"]).rgb()
    assert sum(1 for colour in seen if colour == ink) >= 1, "no outline drawn"
