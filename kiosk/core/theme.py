"""The look of the kiosk as data: two palettes, the sizes, and the stylesheet they fill in.

`assets/style.qss` holds `$name` placeholders; `stylesheet()` fills them from a palette and a
text-size step, so a clinic can restyle the kiosk without touching code and every size grows
together when a patient asks for bigger text.
"""

from __future__ import annotations

import functools
import re
from string import Template
from typing import NamedTuple

# 15 mm at up to ~160 dpi, the densest touchscreen a clinic is likely to mount.
TOUCH_TARGET_PX = 96
BASE_FONT_PX = 28


class Palette(NamedTuple):
    """Named colours, as #rrggbb. Every text/background pair here must reach 4.5:1."""

    name: str
    background: str
    surface: str
    surface_pressed: str
    text: str
    muted_text: str
    border: str
    accent: str
    accent_text: str
    accent_pressed: str
    urgent: str
    urgent_text: str
    focus: str
    bar: str
    bar_text: str
    # The spine drawing (assets/spine.css): parts, and the highlight of the chosen region.
    spine_bone: str
    spine_edge: str
    spine_disc: str
    spine_facet: str
    spine_joint: str
    spine_muscle: str
    spine_nerve: str
    spine_context: str
    spine_region: str
    spine_selected: str
    spine_highlight_edge: str
    # The topic pictures (assets/illustrations/illustrations.css).
    ill_skin: str
    ill_cloth: str
    ill_cloth2: str
    ill_line: str
    ill_accent: str
    ill_ground: str
    ill_paper: str
    ill_spine: str


STANDARD = Palette(
    name="standard",
    background="#F4F1EA",
    surface="#FFFFFF",
    surface_pressed="#DCE8F2",
    text="#1B2430",
    muted_text="#4A5563",
    border="#6B7785",
    accent="#1F5C99",
    accent_text="#FFFFFF",
    accent_pressed="#163F69",
    urgent="#A4262C",
    urgent_text="#FFFFFF",
    focus="#C86400",
    bar="#16324F",
    bar_text="#FFFFFF",
    spine_bone="#F2E8D5",
    spine_edge="#8A7556",
    spine_disc="#7DB4E6",
    spine_facet="#46B5A5",
    spine_joint="#9B7BD4",
    spine_muscle="#D9534F",
    spine_nerve="#F4C542",
    spine_context="#D9E3EA",
    spine_region="#F5A04A",
    spine_selected="#E0601B",
    spine_highlight_edge="#7A2E00",
    ill_skin="#E8B894",
    ill_cloth="#3A6EA5",
    ill_cloth2="#7FB069",
    ill_line="#2B2B2B",
    ill_accent="#C0392B",
    ill_ground="#D9D2C5",
    ill_paper="#F6F3EE",
    ill_spine="#F2E6C9",
)

HIGH_CONTRAST = Palette(
    name="high-contrast",
    background="#000000",
    surface="#000000",
    surface_pressed="#333333",
    text="#FFFFFF",
    muted_text="#FFFF66",
    border="#FFFFFF",
    accent="#FFFF00",
    accent_text="#000000",
    accent_pressed="#CCCC00",
    urgent="#FF9E9E",
    urgent_text="#000000",
    focus="#00FFFF",
    bar="#000000",
    bar_text="#FFFF00",
    spine_bone="#FFFFFF",
    spine_edge="#000000",
    spine_disc="#00BFFF",
    spine_facet="#00E0A0",
    spine_joint="#C8A2FF",
    spine_muscle="#FF5050",
    spine_nerve="#FFFF00",
    spine_context="#3A3A3A",
    spine_region="#FF9900",
    spine_selected="#FF00FF",
    spine_highlight_edge="#FFFFFF",
    ill_skin="#C68A5A",
    ill_cloth="#0090FF",
    ill_cloth2="#00A070",
    ill_line="#FFFFFF",
    ill_accent="#FFFF00",
    ill_ground="#3A3A3A",
    ill_paper="#000000",
    ill_spine="#C8C8C8",
)

PALETTES = (STANDARD, HIGH_CONTRAST)

# (foreground, background) pairs the stylesheets paint text with (pressed states included):
# WCAG 2.1 1.4.3 asks 4.5:1. tests/unit/test_theme.py finds every pair a stylesheet rule sets
# and fails if one is missing here.
TEXT_PAIRS = (
    ("text", "background"),
    ("text", "surface"),
    ("text", "surface_pressed"),
    ("surface", "text"),  # a ticked Shift key
    ("muted_text", "background"),
    ("muted_text", "surface"),
    ("muted_text", "surface_pressed"),  # a tile's summary while pressed
    ("accent_text", "accent"),
    ("accent_text", "accent_pressed"),
    ("urgent_text", "urgent"),  # the urgent page's title band and "Tell the front desk now"
    ("urgent", "background"),  # a form's error message
    ("urgent", "surface"),
    ("bar_text", "bar"),
    ("accent", "surface"),
    ("accent", "surface_pressed"),  # a link or choice button while pressed
    ("accent", "background"),  # links in the reader, the reference code
)
# What identifies a control or shows the focus (field and button edges, the focus ring)
# against what is next to it: WCAG 2.1 1.4.11 asks 3:1.
NON_TEXT_PAIRS = (
    ("border", "background"),
    ("border", "surface"),
    ("accent", "background"),
    ("accent", "surface"),
    ("focus", "background"),
    ("focus", "surface"),
    ("focus", "bar"),
)


class Look(NamedTuple):
    """What the patient chose: a palette and a text-size step in percent."""

    palette: Palette = STANDARD
    text_size: int = 100

    def px(self, base: float, cap: int = 200) -> int:
        """A font size in pixels, grown by the text-size step (up to `cap` percent)."""
        return round(base * min(self.text_size, cap) / 100)


# The top bar and footer grow to this text size, and no further (`font_chrome`).
CHROME_GROWS_TO = 150


def sizes(look: Look) -> dict[str, str]:
    """The size placeholders of the stylesheet, for a look."""
    return {
        "font_small": f"{look.px(BASE_FONT_PX * 0.85)}px",
        # The top bar and footer grow less, so they never crowd out the page itself.
        "font_chrome": f"{look.px(BASE_FONT_PX * 0.85, cap=CHROME_GROWS_TO)}px",
        # Keyboard keys are already big; past 125 % they would push the form off the screen.
        "font_key_small": f"{look.px(BASE_FONT_PX * 1.2, cap=125)}px",
        "font_key": f"{look.px(BASE_FONT_PX * 1.6, cap=125)}px",
        "font_key_large": f"{look.px(BASE_FONT_PX * 1.9, cap=125)}px",
        # The disclaimer under every page stays in view, so it grows least: to 125 %.
        "font_note": f"{look.px(BASE_FONT_PX * 0.85, cap=125)}px",
        "font_body": f"{look.px(BASE_FONT_PX)}px",
        "font_tool": f"{look.px(BASE_FONT_PX, cap=150)}px",
        "font_tile": f"{look.px(BASE_FONT_PX * 1.2)}px",
        "font_title": f"{look.px(BASE_FONT_PX * 1.6)}px",
        # A side panel's heading: one long word ("sacroilíaca") must fit its width at 200 %.
        "font_panel_title": f"{look.px(BASE_FONT_PX * 1.6, cap=175)}px",
        "font_display": f"{look.px(BASE_FONT_PX * 1.9)}px",
        # The urgent page's red title band and its "Tell the front desk now" grow to 150 %
        # only, so the signs to call 911 for stay on the first screen at the largest text.
        "font_banner": f"{look.px(BASE_FONT_PX * 1.9, cap=150)}px",
        "font_instruction": f"{look.px(BASE_FONT_PX * 1.2, cap=150)}px",
        # The attract loop is read from across the room at any size: it grows to 150 % only.
        "font_attract_display": f"{look.px(BASE_FONT_PX * 1.9, cap=150)}px",
        "font_attract_title": f"{look.px(BASE_FONT_PX * 1.6, cap=150)}px",
        "touch": f"{TOUCH_TARGET_PX}px",
        "radius": "18px",
        "pad": "20px",
    }


@functools.lru_cache(maxsize=64)
def stylesheet(template: str, look: Look) -> str:
    """Fill the stylesheet template; an unknown placeholder is a bug, so it raises KeyError.
    Kept per look: a patient steps through the same few looks (every sheet in every look is
    some forty), and filling the kiosk's sheet and the reader's took ~1 ms of each text-size
    tap."""
    values = {k: v for k, v in look.palette._asdict().items() if k != "name"}
    values.update(sizes(look))
    return Template(template).substitute(values)


_STYLE_BLOCK = re.compile(r"<style[^>]*>.*?</style>", re.DOTALL)


def restyled(svg: str, css: str) -> str:
    """An SVG drawing with its style block replaced by `css` (a filled stylesheet): how the
    spine and the pictures take the theme's colours."""
    return _STYLE_BLOCK.sub(lambda _: f'<style type="text/css">{css}</style>', svg, count=1)


def contrast_ratio(foreground: str, background: str) -> float:
    """The WCAG 2.1 contrast ratio of two #rrggbb colours (1.0 to 21.0)."""
    lighter, darker = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


SRGB_KNEE = 0.04045


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    # sRGB to linear light, as WCAG 2.1 defines relative luminance.
    linear = [c / 12.92 if c <= SRGB_KNEE else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
