"""Rendering a topic body: plain Markdown works, nothing can inject HTML or leave the kiosk."""

from __future__ import annotations

from kiosk.markup import placeholders, render


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
