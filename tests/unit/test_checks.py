"""`kiosk check-content`'s cross-file checks, fed fixture content with one fault each."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.checks import check_content, check_library
from kiosk.content import load_library

TOPIC = (
    "slug: {slug}\ntitle: Title\nsummary: A summary.\nicon: {icon}\norder: 1\n"
    "related_topics: {topics}\nrelated_regions: {regions}\nreviewed: 2026-11-26\n\n{body}"
)
REGION = (
    "slug: {slug}\ntitle: Region\nsummary: A part.\norder: 1\nelements: {elements}\n"
    "group: {group}\nreviewed: 2026-11-26\n\nA short text.\n"
)
TAPPABLE = ("vertebra-L1", "vertebra-L2", "disc-L1-L2")


def topic(
    root: Path,
    slug: str = "a",
    *,
    icon: str = "info",
    topics: str = "",
    regions: str = "",
    body: str = "Plain words.\n",
) -> Path:
    path = root / "en" / "topics" / f"{slug}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        TOPIC.format(slug=slug, icon=icon, topics=topics, regions=regions, body=body),
        encoding="utf-8",
    )
    return path


def region(root: Path, slug: str, elements: str, group: str = "lower-back") -> Path:
    path = root / "en" / "spine" / f"{slug}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(REGION.format(slug=slug, elements=elements, group=group), encoding="utf-8")
    return path


@pytest.fixture
def root(tmp_path: Path) -> Path:
    region(tmp_path, "lumbar", "vertebra-L*")
    region(tmp_path, "discs", "disc-*", group="whole-spine")
    return tmp_path


def problems(root: Path, grader=None) -> list[str]:  # type: ignore[no-untyped-def]
    report = check_library(
        load_library(root, "en"), icons={"info"}, tappable=TAPPABLE, grader=grader
    )
    return [str(p) for p in report.problems]


def test_clean_fixture_has_no_problems(root: Path) -> None:
    topic(root, "a", topics="b", regions="lumbar", body="See [b](topic:b) and [l](spine:lumbar).")
    topic(root, "b")
    assert problems(root) == []


def test_unknown_icon(root: Path) -> None:
    path = topic(root, icon="rocket")
    assert problems(root) == [f"{path}:4: unknown icon 'rocket' (known: info)"]


def test_related_topic_and_region_that_do_not_exist(root: Path) -> None:
    path = topic(root, topics="nowhere", regions="elbow")
    assert problems(root) == [
        f"{path}:6: related topic 'nowhere' does not exist",
        f"{path}:7: related spine region 'elbow' does not exist",
    ]


def test_links_in_the_text_to_missing_pages_or_outside(root: Path) -> None:
    path = topic(root, body="Intro.\n\nSee [x](topic:gone).\n[y](spine:knee) [z](https://x.test)\n")
    assert problems(root) == [
        f"{path}:12: link to topic 'gone', which does not exist",
        f"{path}:13: link to spine region 'knee', which does not exist",
        (
            f"{path}:13: link 'https://x.test' leads out of the kiosk; only topic: and spine: "
            "links work"
        ),
    ]


def test_missing_image_is_named_and_a_present_one_passes(root: Path) -> None:
    path = topic(root, body="![A spine](spine.png)\n\n![Here](here.png)\n")
    (path.parent / "here.png").write_bytes(b"\x89PNG\r\n")
    assert problems(root) == [f"{path}:10: image 'spine.png' not found next to a.md"]


def test_unknown_placeholder(root: Path) -> None:
    path = topic(root, body="Call {{clinic_phone}} or fax {{clinic_fax}}.\n")
    assert problems(root) == [
        (
            f"{path}:10: unknown placeholder {{{{clinic_fax}}}} "
            "(known: clinic_address, clinic_name, clinic_phone)"
        )
    ]


def test_page_above_the_reading_grade_limit(root: Path) -> None:
    path = topic(root, body="Hard.\n")
    found = problems(root, grader=lambda body: 11.25 if body.strip() == "Hard." else 3.0)
    assert found == [
        f"{path}:10: reading grade 11.2 is above 8: use shorter sentences and everyday words"
    ]


def test_drawing_parts_without_a_text_and_patterns_matching_nothing(tmp_path: Path) -> None:
    lumbar = region(tmp_path, "lumbar", "vertebra-L*, vertebra-X*", group="belly")
    topic(tmp_path)
    assert problems(tmp_path) == [
        (
            f"{lumbar}:6: unknown group 'belly' (known: neck, upper-back, lower-back, pelvis, "
            "whole-spine)"
        ),
        f"{lumbar}:5: no part of the spine drawing has an id like 'vertebra-X*'",
        f"{lumbar.parent}:0: no region text describes these parts of the spine drawing: disc-L1-L2",
    ]


def test_a_part_claimed_by_two_regions(root: Path) -> None:
    extra = region(root, "z-extra", "disc-L1-L2")
    topic(root)
    assert problems(root) == [f"{extra}:5: 'disc-L1-L2' is already described by discs.md"]


def test_broken_page_problems_come_through_and_it_is_not_checked_further(root: Path) -> None:
    path = topic(root, icon="")
    assert problems(root) == [f"{path}:4: missing or empty field 'icon'"]


def test_shipped_content_is_clean_in_every_language(content_dir: Path, assets_dir: Path) -> None:
    reports = check_content(content_dir, assets_dir, ["en", "es"], grades=False)
    assert set(reports) == {"en", "es"}
    for language, report in reports.items():
        assert [str(p) for p in report.problems] == [], language


def test_a_configured_language_without_content_is_reported(
    tmp_path: Path, assets_dir: Path
) -> None:
    reports = check_content(tmp_path, assets_dir, ["en"], grades=False)
    assert [p.message for p in reports["en"].problems] == [
        "no topics folder for this language",
        "no spine folder for this language",
    ]
