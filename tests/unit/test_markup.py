"""Rendering a topic body: plain Markdown works, nothing can inject HTML or leave the kiosk."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kiosk.core.markup import Part, joined, placeholders, render, render_parts, section_titles


def test_markdown_becomes_headings_lists_and_emphasis() -> None:
    html = render("## Heading\n\n- one\n- **two**\n", {})
    assert "<h2>Heading</h2>" in html
    assert "<li><strong>two</strong></li>" in html


def test_raw_html_and_scripts_are_shown_as_text() -> None:
    html = render('<script>alert("x")</script>\n\nHi <b onclick="x">there</b>', {})
    assert "<script" not in html
    assert "<b" not in html
    assert "&lt;script&gt;" in html


def test_only_links_inside_the_kiosk_survive() -> None:
    html = render(
        "[a](topic:causes) [b](spine:lumbar) [c](https://example.com) [d](javascript:alert(1))",
        {},
    )
    assert 'href="topic:causes"' in html
    assert 'href="spine:lumbar"' in html
    assert "example.com" not in html
    assert "javascript" not in html
    assert "<span>c</span>" in html


def test_images_are_dropped() -> None:
    assert "<img" not in render("![x](/etc/passwd)", {})


PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def page_folder(tmp_path: Path) -> Path:
    """A topic's folder with pictures beside it and in a subfolder, and files a page must not
    show: a picture outside the folder, a text file, a picture reached through a link out."""
    folder = tmp_path / "content" / "en" / "topics"
    (folder / "pictures").mkdir(parents=True)
    (folder / "beside.png").write_bytes(PNG)
    (folder / "PHOTO.JPG").write_bytes(PNG)
    (folder / "pictures" / "inside.svg").write_text("<svg/>")
    (folder / "notes.txt").write_text("not a picture")
    (folder / "folder.png").mkdir()
    (tmp_path / "content" / "en" / "outside.png").write_bytes(PNG)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "linked.png").write_bytes(PNG)
    (folder / "linked").symlink_to(elsewhere, target_is_directory=True)
    return folder


def words(html: str) -> str:
    """What a patient reads: the text without the markup."""
    return re.sub(r"<[^>]*>", "", html)


def shown(html: str) -> list[str]:
    """The pictures a patient would see: the src of each <img> left in the page."""
    return re.findall(r'<img [^>]*src="([^"]*)"', html)


@pytest.mark.parametrize(
    "source", ["beside.png", "./beside.png", "PHOTO.JPG", "pictures/inside.svg"]
)
def test_a_picture_in_the_pages_folder_is_shown(page_folder: Path, source: str) -> None:
    html = render(f"![A spine]({source})", {}, page_folder)
    assert shown(html) == [str((page_folder / source).resolve())]
    assert 'alt="A spine"' in html


@pytest.mark.parametrize(
    "source",
    [
        "../outside.png",  # beside the folder, not in it
        "pictures/../../outside.png",
        "linked/linked.png",  # a subfolder that is a link to somewhere else
        "notes.txt",  # there, but not a picture
        "folder.png",  # a picture's name, but a folder
        "missing.png",
        "/etc/passwd",
        "file:beside.png",
        "\\server\\share\\x.png",
        "",
    ],
)
def test_an_image_outside_the_pages_folder_or_not_a_picture_is_not_shown(
    page_folder: Path, source: str
) -> None:
    html = render(f"Before ![A spine]({source}) after.", {}, page_folder)
    assert shown(html) == []
    assert "<img" not in html
    assert words(html) == "Before  after."  # the words around it stay


def test_no_image_is_shown_when_the_page_has_no_folder(page_folder: Path) -> None:
    assert "<img" not in render(f"![A spine]({page_folder / 'beside.png'})", {})
    assert "<img" not in render("![A spine](beside.png)", {})


def test_placeholders_are_filled_and_escaped() -> None:
    html = render(
        "Call {{clinic_name}} at {{ clinic_phone }}.",
        {"clinic_name": "A & B <Clinic>", "clinic_phone": "(214) 555-0100"},
    )
    assert "A &amp; B &lt;Clinic&gt;" in html
    assert "(214) 555-0100" in html


def test_unknown_placeholder_is_left_visible_and_listed() -> None:
    assert "{{clinic_fax}}" in render("Fax {{clinic_fax}}", {})
    assert placeholders("{{clinic_name}} and {{clinic_fax}}") == {"clinic_name", "clinic_fax"}


CARDS = """## Move gently

Ask your care team first.

![A person hugs one knee.](picture:move-knee-to-chest) **Knee to chest.** Hug one knee,
then the other. See [the lower back](spine:lumbar).

![A person on hands and knees.](picture:move-cat-cow) **Cat and cow.** Round your back.

## Sleep well

Words after the cards, and ![not a card](picture:move-bridge) inside a sentence.
"""


def test_a_paragraph_that_starts_with_a_picture_is_a_card_and_cards_make_one_row() -> None:
    parts = render_parts(CARDS, {})
    assert [bool(part.cards) for part in parts] == [False, True, False]
    first, row, last = parts
    assert "<h2>Move gently</h2>" in first.html
    assert "Knee" not in first.html
    knee, cat = row.cards
    assert knee.picture == "move-knee-to-chest"
    assert knee.description == "A person hugs one knee."
    # Its words, on two lines in the file, are one caption with its link kept.
    assert (
        words(knee.html).strip()
        == "Knee to chest. Hug one knee, then the other. See the lower back."
    )
    assert 'href="spine:lumbar"' in knee.html
    assert cat.picture == "move-cat-cow"
    # A picture inside a sentence is no card, and shows nothing.
    assert "<h2>Sleep well</h2>" in last.html
    assert "<img" not in last.html
    assert words(last.html).endswith("Words after the cards, and  inside a sentence.")


def test_the_whole_page_reads_as_one_text_with_every_card_and_its_headings_listed() -> None:
    parts = render_parts(CARDS, {})
    assert section_titles(parts) == ("Move gently", "Sleep well")
    whole = words(joined(parts))
    assert whole.index("Ask your care") < whole.index("Knee to chest") < whole.index("Cat and")
    assert whole.index("Cat and") < whole.index("Words after")


def test_a_card_fills_placeholders_and_cannot_inject_markup() -> None:
    (row,) = render_parts(
        "![At {{clinic_name}}](picture:treat-heat) <b>Heat</b> at {{clinic_name}}.",
        {"clinic_name": "A & B"},
    )
    (card,) = row.cards
    assert card.description == "At A & B"  # words for a screen reader, never markup
    assert "<b>" not in card.html
    assert "A &amp; B" in card.html


def test_a_page_without_cards_is_one_text_part() -> None:
    assert render_parts("## One\n\nWords.\n", {}) == (Part(render("## One\n\nWords.\n", {})),)
    assert section_titles(render_parts("Words &amp; <b>x</b>\n\n## A &amp; B\n", {})) == ("A & B",)
