"""`kiosk check-content`'s cross-file checks, fed fixture content with one fault each."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from kiosk.core.checks import Grader, check_content, check_library
from kiosk.core.content import Problem, load_library
from kiosk.core.glossary import Glossary, load_glossary

TOPIC = (
    "slug: {slug}\ntitle: Title\nsummary: {summary}\nicon: {icon}\norder: 1\n"
    "related_topics: {topics}\nrelated_regions: {regions}\nreviewed: {reviewed}\n"
    "reviewed_by: {reviewed_by}\n\n{body}"
)
REGION = (
    "slug: {slug}\ntitle: Region\nsummary: A part.\norder: 1\nelements: {elements}\n"
    "group: {group}\nreviewed: {reviewed}\nreviewed_by: The clinical team\n\nA short text.\n"
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
    reviewed: str = "2026-11-26",
    reviewed_by: str = "The clinical team",
    summary: str = "A summary.",
) -> Path:
    path = root / "en" / "topics" / f"{slug}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    text = TOPIC.format(
        slug=slug,
        icon=icon,
        topics=topics,
        regions=regions,
        body=body,
        reviewed=reviewed,
        reviewed_by=reviewed_by,
        summary=summary,
    )
    path.write_text(text, encoding="utf-8")
    return path


def region(
    root: Path, slug: str, elements: str, group: str = "lower-back", reviewed: str = "2026-11-26"
) -> Path:
    path = root / "en" / "spine" / f"{slug}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    text = REGION.format(slug=slug, elements=elements, group=group, reviewed=reviewed)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def root(tmp_path: Path) -> Path:
    region(tmp_path, "lumbar", "vertebra-L*")
    region(tmp_path, "discs", "disc-*", group="whole-spine")
    return tmp_path


def problems(
    root: Path,
    grader: Grader | None = None,
    glossary: Glossary | None = None,
    today: dt.date | None = None,
) -> list[str]:
    """The errors check_library finds in `root`'s English content."""
    report = check_library(
        load_library(root, "en"),
        icons={"info"},
        tappable=TAPPABLE,
        grader=grader,
        glossary=glossary,
        today=today,
    )
    return [str(p) for p in report.problems]


def warnings(
    root: Path, glossary: Glossary | None = None, today: dt.date | None = None
) -> list[str]:
    """The warnings check_library finds in `root`'s English content."""
    report = check_library(
        load_library(root, "en"),
        icons={"info"},
        tappable=TAPPABLE,
        grader=None,
        glossary=glossary,
        today=today,
    )
    return [str(p) for p in report.warnings]


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
        f"{path}:13: link to topic 'gone', which does not exist",
        f"{path}:14: link to spine region 'knee', which does not exist",
        (
            f"{path}:14: link 'https://x.test' leads out of the kiosk; only topic: and spine: "
            "links work"
        ),
    ]


def test_an_image_the_reader_would_not_show_is_named_and_a_present_one_passes(
    root: Path,
) -> None:
    """The same rule as the reader's: a picture file in the page's own folder, nothing that
    climbs out of it (by ../ or by a linked folder), nothing that is not a picture."""
    outside = root / "elsewhere"
    outside.mkdir()
    (outside / "x.png").write_bytes(b"\x89PNG\r\n")
    body = (
        "![A spine](spine.png)\n\n![Here](here.png)\n\n![Up](../../elsewhere/x.png)\n\n"
        "![Linked](linked/x.png)\n\n![Notes](notes.txt)\n"
    )
    path = topic(root, body=body)
    (path.parent / "here.png").write_bytes(b"\x89PNG\r\n")
    (path.parent / "notes.txt").write_text("not a picture")
    (path.parent / "linked").symlink_to(outside)
    said = "cannot be shown: name a picture file (.jpeg, .jpg, .png, .svg) in the folder of a.md"
    assert problems(root) == [
        f"{path}:11: image 'spine.png' {said}",
        f"{path}:15: image '../../elsewhere/x.png' {said}",
        f"{path}:17: image 'linked/x.png' {said}",
        f"{path}:19: image 'notes.txt' {said}",
    ]


def test_unknown_placeholder(root: Path) -> None:
    path = topic(root, body="Call {{clinic_phone}} or fax {{clinic_fax}}.\n")
    assert problems(root) == [
        (
            f"{path}:11: unknown placeholder {{{{clinic_fax}}}} "
            "(known: clinic_address, clinic_name, clinic_phone)"
        )
    ]


def test_page_above_the_reading_grade_limit(root: Path) -> None:
    path = topic(root, body="Hard.\n")
    found = problems(root, grader=lambda body: 11.25 if body.strip() == "Hard." else 3.0)
    assert found == [
        f"{path}:11: reading grade 11.2 is above 8: use shorter sentences and everyday words"
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


def test_shipped_content_is_clean_in_every_language(
    content_dir: Path, assets_dir: Path, review_day: dt.date
) -> None:
    reports = check_content(content_dir, assets_dir, ["en", "es"], grades=False, today=review_day)
    assert set(reports) == {"en", "es"}
    for language, report in reports.items():
        assert [str(p) for p in report.problems] == [], language
        assert [str(p) for p in report.warnings] == [], language


# -- review: who and when ------------------------------------------------------------------


def test_a_page_without_a_reviewer_is_named(root: Path) -> None:
    path = topic(root, reviewed_by="")
    assert problems(root) == [f"{path}:9: missing or empty field 'reviewed_by'"]


def reviewed_on(root: Path, day: str, others: str) -> Path:
    """A topic reviewed on `day`, the region texts on `others`; the topic's path."""
    region(root, "lumbar", "vertebra-L*", reviewed=others)
    region(root, "discs", "disc-*", group="whole-spine", reviewed=others)
    return topic(root, reviewed=day)


def test_a_review_more_than_twelve_months_old_is_a_warning_not_a_problem(tmp_path: Path) -> None:
    root = tmp_path
    path = reviewed_on(root, "2026-11-26", others="2027-11-01")
    assert warnings(root, today=dt.date(2027, 11, 26)) == []  # twelve months to the day
    assert warnings(root, today=dt.date(2027, 11, 27)) == [
        (
            f"{path}:8: last reviewed 2026-11-26, more than 12 months ago: have a clinician "
            "check the page, then update 'reviewed' and 'reviewed_by'"
        )
    ]
    # The page was right when it was checked: time alone must not fail the content (nor CI).
    assert problems(root, today=dt.date(2030, 1, 1)) == []
    # Without a day to count from (as the kiosk itself loads pages), age is not checked.
    assert warnings(root) == []


def test_a_review_dated_in_the_future_is_named(root: Path) -> None:
    path = topic(root, reviewed="2027-01-05")
    assert problems(root, today=dt.date(2026, 12, 1)) == [
        f"{path}:8: reviewed 2027-01-05, which is after today"
    ]
    assert warnings(root, today=dt.date(2026, 12, 1)) == []


def test_twelve_months_before_a_leap_day_is_the_end_of_february(tmp_path: Path) -> None:
    reviewed_on(tmp_path, "2027-02-28", others="2028-01-10")
    assert warnings(tmp_path, today=dt.date(2028, 2, 29)) == []
    topic(tmp_path, reviewed="2027-02-27")
    assert len(warnings(tmp_path, today=dt.date(2028, 2, 29))) == 1


def test_a_reviewer_with_an_unknown_placeholder_is_named(root: Path) -> None:
    path = topic(root, reviewed_by="the team of {{clinic_nmae}}")
    assert problems(root) == [
        (
            f"{path}:9: unknown placeholder {{{{clinic_nmae}}}} in 'reviewed_by' "
            "(known: clinic_address, clinic_name, clinic_phone)"
        )
    ]


# -- words of the glossary -----------------------------------------------------------------


def test_a_glossary_word_used_without_an_explanation_is_named(root: Path) -> None:
    path = topic(root, body="## Shots\n\nAn epidural may help leg pain.\n")
    glossary = write_glossary(root, "- epidural: a shot near the nerves in your spine\n")
    assert problems(root, glossary=glossary) == [
        (
            f"{path}:13: explain 'epidural' where the page first uses it, in brackets: "
            "e.g. 'epidural (a shot near the nerves in your spine)' (glossary.md:1)"
        )
    ]


def test_a_glossary_word_in_a_tile_summary_is_named_even_if_the_page_explains_it(
    root: Path,
) -> None:
    path = topic(
        root,
        summary="When an epidural can help.",
        body="An epidural (a shot near the nerves) may help.\n",
    )
    glossary = write_glossary(root, "- epidural: a shot near the nerves in your spine\n")
    assert problems(root, glossary=glossary) == [
        (
            f"{path}:3: the summary uses 'epidural' without explaining it, and is read on its "
            "own: say it in plain words, e.g. 'a shot near the nerves in your spine' "
            "(glossary.md:1)"
        )
    ]


def test_a_summary_in_plain_words_or_explaining_its_word_passes(root: Path) -> None:
    topic(root, "a", summary="Shots near the nerves in your spine.")
    topic(root, "b", summary="When an epidural (a shot near the nerves) can help.")
    glossary = write_glossary(root, "- epidural: a shot near the nerves in your spine\n")
    assert problems(root, glossary=glossary) == []


def test_a_glossary_word_explained_where_first_used_passes(root: Path) -> None:
    topic(root, body="An epidural (a shot near the nerves) may help.\n\nEpidurals are shots.\n")
    glossary = write_glossary(root, "- epidural: a shot near the nerves in your spine\n")
    assert problems(root, glossary=glossary) == []


def write_glossary(root: Path, entries: str) -> Glossary:
    path = root / "en" / "glossary.md"
    path.write_text(entries, encoding="utf-8")
    found: list[Problem] = []
    glossary = load_glossary(path, found)
    assert glossary is not None
    assert found == []
    return glossary


# -- check-content on a copy of the shipped content, one fault at a time ---------------------

# file, text, its replacement, what check-content says, and whether it is an error or a warning
FAULTS = {
    "no reviewer": (
        "en/topics/causes.md",
        "reviewed_by: the kiosk's editors, against NICE, ACP and MedlinePlus guidance\n",
        "",
        "missing or empty field 'reviewed_by'",
        "problems",
    ),
    "an old review": (
        "es/spine/discs.md",
        "reviewed: 2026-11-26",
        "reviewed: 2020-01-31",
        "last reviewed 2020-01-31, more than 12 months ago",
        "warnings",
    ),
    "an unexplained word": (
        "en/topics/treatments.md",
        "## Other kinds of care (complementary therapies)",
        "## Complementary therapies",
        "explain 'Complementary therapies' where the page first uses it",
        "problems",
    ),
    "an unexplained word in a summary": (
        "es/topics/treatments.md",
        "summary: Medicinas, terapia física, inyecciones",
        "summary: Medicinas, terapia física, epidurales",
        "the summary uses 'epidurales' without explaining it",
        "problems",
    ),
}


@pytest.mark.parametrize("fault", FAULTS)
def test_check_content_finds_one_fault_in_the_shipped_content(
    tmp_path: Path, content_dir: Path, assets_dir: Path, review_day: dt.date, fault: str
) -> None:
    name, old, new, message, severity = FAULTS[fault]
    copy = tmp_path / "content"
    shutil.copytree(content_dir, copy)
    page = copy / name
    text = page.read_text(encoding="utf-8")
    assert text.count(old) == 1
    page.write_text(text.replace(old, new), encoding="utf-8")
    reports = check_content(copy, assets_dir, ["en", "es"], grades=False, today=review_day)
    found = {
        kind: [p for report in reports.values() for p in getattr(report, kind)]
        for kind in ("problems", "warnings")
    }
    other = "warnings" if severity == "problems" else "problems"
    assert found[other] == []
    (problem,) = found[severity]
    assert problem.path == page
    assert message in problem.message


def test_a_configured_language_without_content_is_reported(
    tmp_path: Path, assets_dir: Path
) -> None:
    reports = check_content(tmp_path, assets_dir, ["en"], grades=False)
    assert [p.message for p in reports["en"].problems] == [
        "no topics folder for this language",
        "no spine folder for this language",
    ]
