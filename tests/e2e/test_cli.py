"""The `kiosk` command line: version, one-line usage errors, and screenshots of real screens."""

from __future__ import annotations

import datetime as dt
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from kiosk import __version__
from kiosk.cli import main


def run(argv: list[str]) -> int:
    try:
        return main(argv)
    except SystemExit as exc:
        return int(exc.code or 0)


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"kiosk {__version__}"


@pytest.mark.parametrize(
    ("argv", "fragment"),
    [
        (["dance"], "invalid choice"),
        (["screenshot", "nowhere", "out.png"], "unknown screen 'nowhere'"),
        (["screenshot", "topic", "out.png"], "needs a name"),
        (["screenshot", "home", "out.png", "--size", "big"], "size must look like 1080x1920"),
        (["screenshot", "home", "out.png", "--size", "10x10"], "320 to 8192"),
        (["screenshot", "home"], "required"),
        (["run", "--colour"], "unrecognized arguments"),
    ],
)
def test_usage_errors_exit_2_with_one_line(
    capsys: pytest.CaptureFixture[str], argv: list[str], fragment: str
) -> None:
    assert run(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert fragment in err


def test_bad_config_exits_2_naming_the_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text("[kiosk]\nidle_timeout = 5\n", encoding="utf-8")
    assert run(["screenshot", "home", str(tmp_path / "x.png"), "--config", str(config)]) == 2
    err = capsys.readouterr().err
    assert "kiosk.idle_timeout" in err
    assert str(config) in err
    assert not (tmp_path / "x.png").exists()


def test_unconfigured_language_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["screenshot", "home", str(tmp_path / "x.png"), "--lang", "fr"]) == 2
    assert "language 'fr' is not configured" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("size", "expected"), [("1080x1920", (1080, 1920)), ("1920x1080", (1920, 1080))]
)
def test_screenshot_writes_a_png_of_the_asked_size(
    qapp: QApplication,
    tmp_path: Path,
    size: str,
    expected: tuple[int, int],
) -> None:
    out = tmp_path / "home.png"
    assert (
        run(["screenshot", "home", str(out), "--size", size, "--data-dir", str(tmp_path / "data")])
        == 0
    )
    image = QImage(str(out))
    assert (image.width(), image.height()) == expected
    # Not a blank frame: the top bar, the page and the tiles paint different colours.
    colours = {
        image.pixelColor(x, y).name()
        for x in range(0, expected[0], 97)
        for y in range(0, expected[1], 89)
    }
    assert len(colours) > 4
    qapp.setStyleSheet("")


def test_screenshot_of_a_missing_topic_fails_and_lists_topics(
    qapp: QApplication,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert run(["screenshot", "topic:nope", str(tmp_path / "x.png")]) == 1
    err = capsys.readouterr().err
    assert "no topic 'nope'" in err
    assert "symptoms" in err
    qapp.setStyleSheet("")


@pytest.fixture
def reviewed_today(monkeypatch: pytest.MonkeyPatch, review_day: dt.date) -> None:
    """`kiosk check-content` counts the age of reviews from the day of the newest one, so the
    shipped content checks clean on any date (the command itself uses the computer's date)."""
    from kiosk.core import checks

    monkeypatch.setattr(checks, "check_content", partial(checks.check_content, today=review_day))


@pytest.mark.usefixtures("reviewed_today")
def test_check_content_on_shipped_content_is_clean_and_prints_grades(
    capsys: pytest.CaptureFixture[str], content_dir: Path
) -> None:
    assert run(["check-content", str(content_dir)]) == 0
    out = capsys.readouterr().out
    assert "en: reading grades (Flesch-Kincaid, limit 8)" in out
    assert "es: reading grades (Fernández-Huerta, limit 8)" in out
    assert "content/es/topics/symptoms.md" in out.replace("\\", "/")
    assert out.strip().endswith("no problems found")


@pytest.mark.usefixtures("reviewed_today")
def test_check_content_reports_file_line_message_and_exits_1(
    tmp_path: Path, content_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import shutil

    copy = tmp_path / "content"
    shutil.copytree(content_dir, copy)
    page = copy / "en" / "topics" / "causes.md"
    page.write_text(
        page.read_text(encoding="utf-8").replace("icon: causes", "icon: rocket"), encoding="utf-8"
    )
    assert run(["check-content", str(copy)]) == 1
    lines = capsys.readouterr().out.splitlines()
    (problem,) = [line for line in lines if "rocket" in line]
    assert problem.startswith(f"{page}:4: unknown icon 'rocket' (known: about, back,")
    assert lines[-1] == "1 problem found"


@pytest.mark.usefixtures("reviewed_today")
def test_check_content_warns_of_an_old_review_and_fails_on_it_only_when_strict(
    tmp_path: Path, content_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import shutil

    copy = tmp_path / "content"
    shutil.copytree(content_dir, copy)
    page = copy / "es" / "topics" / "causes.md"
    text = page.read_text(encoding="utf-8")
    assert text.count("reviewed: 2026-11-26") == 1
    page.write_text(text.replace("reviewed: 2026-11-26", "reviewed: 2020-01-31"), "utf-8")

    assert run(["check-content", str(copy)]) == 0
    lines = capsys.readouterr().out.splitlines()
    (warning,) = [line for line in lines if "2020-01-31" in line]
    line = 1 + text.splitlines().index("reviewed: 2026-11-26")
    assert warning.startswith(
        f"{page}:{line}: warning: last reviewed 2020-01-31, more than 12 months"
    )
    assert lines[-1] == "no problems found, 1 warning"

    assert run(["check-content", "--strict", str(copy)]) == 1
    assert capsys.readouterr().out.splitlines()[-1] == "no problems found, 1 warning"


def test_screenshot_of_a_spine_region(qapp: QApplication, tmp_path: Path) -> None:
    out = tmp_path / "spine.png"
    assert run(["screenshot", "spine:lumbar", str(out), "--size", "1920x1080"]) == 0
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1920, 1080)
    qapp.setStyleSheet("")


def test_screenshot_of_a_missing_region_fails_and_lists_regions(
    qapp: QApplication,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert run(["screenshot", "spine:knee", str(tmp_path / "x.png")]) == 1
    err = capsys.readouterr().err
    assert "no spine region 'knee'" in err
    assert "lumbar" in err
    qapp.setStyleSheet("")


def test_a_staff_screenshot_leaves_no_folder_of_its_demo_data_behind(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Staff screens are drawn from fictional requests in a folder of their own (a database
    and its key): gone once the picture is taken, whether it was taken or not."""
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    monkeypatch.setattr("tempfile.tempdir", str(temporary))
    out = tmp_path / "staff.png"
    assert run(["screenshot", "staff", str(out)]) == 0
    assert out.stat().st_size > 0
    assert run(["screenshot", "staff", str(tmp_path / "no" / "such" / "folder" / "x.png")]) == 1
    assert list(temporary.iterdir()) == []
    qapp.setStyleSheet("")


def test_a_checks_screenshot_shows_the_facts_once_gathered(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`staff:checks` draws the Checks tab with its facts, gathered on the disk thread, not
    "Checking…"; its folder of fictional requests is gone afterwards, as for `staff`."""
    import kiosk.screenshot
    from kiosk.app import Kiosk
    from kiosk.core.navigation import Route
    from kiosk.views.staff_view import StaffScreen

    temporary = tmp_path / "tmp"
    temporary.mkdir()
    monkeypatch.setattr("tempfile.tempdir", str(temporary))
    drawn: list[str] = []
    render = kiosk.screenshot.render_screen

    def render_and_read(shown: Kiosk, route: Route, out: Path, **options: Any) -> None:
        render(shown, route, out, **options)
        staff = shown.window.stack.currentWidget()
        assert isinstance(staff, StaffScreen)
        drawn.extend(staff.panel.checks.texts())

    monkeypatch.setattr(kiosk.screenshot, "render_screen", render_and_read)
    out = tmp_path / "checks.png"
    assert run(["screenshot", "staff:checks", str(out), "--size", "1280x800"]) == 0
    assert out.stat().st_size > 0
    assert any(text.startswith("Saved requests: OK") for text in drawn), drawn
    assert "Checking…" not in drawn
    assert list(temporary.iterdir()) == []
    qapp.setStyleSheet("")
