"""Every language has every page and every screen text: the shipped files, and the checks
that `kiosk check-content` runs on them, fed a fault each."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.core.checks import missing_pages, translation_problems
from kiosk.core.content import load_library

I18N = Path(__file__).parents[2] / "assets" / "i18n"
TS = I18N / "kiosk_es.ts"
REPO = I18N.parents[1]
TOOLS = Path(sys.executable).parent
# Each file and how `make translations` refreshes it: English holds the plural forms only.
FILES = pytest.mark.parametrize(
    ("ts", "options"),
    [(I18N / "kiosk_es.ts", ["-target-language", "es_US"]),
     (I18N / "kiosk_en.ts", ["-target-language", "en_US", "-pluralonly"])],
    ids=["es", "en"],
)  # fmt: skip


def _tool(name: str) -> str:
    found = shutil.which(name, path=str(TOOLS)) or shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is not installed (it comes with PySide6-Essentials)")
    return found


@FILES
def test_each_file_holds_exactly_the_texts_the_code_shows(
    tmp_path: Path, ts: Path, options: list[str]
) -> None:
    """Re-running lupdate changes nothing: no text was added, changed or dropped since."""
    copy = tmp_path / ts.name
    shutil.copy(ts, copy)
    sources = sorted(str(p.relative_to(REPO)) for p in (REPO / "kiosk").rglob("*.py"))
    subprocess.run(
        [_tool("pyside6-lupdate"), "-silent", "-no-obsolete", "-locations", "none",
         "-source-language", "en_US", *options, *sources, "-ts", str(copy)],
        cwd=REPO, check=True, capture_output=True,
    )  # fmt: skip
    assert copy.read_text(encoding="utf-8") == ts.read_text(encoding="utf-8"), (
        "screen texts changed: run `make translations` and translate what is new"
    )


def test_every_marked_text_names_its_context_literally() -> None:
    """lupdate cannot read a context from a variable: such a text would never be translated."""
    marker = re.compile(r"QT_TRANSLATE_NOOP\(\s*(?![\"'])")
    unreadable = [
        f"{path.relative_to(REPO)}:{number}"
        for path in sorted((REPO / "kiosk").rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if marker.search(line) and "def QT_TRANSLATE_NOOP" not in line
    ]
    assert unreadable == []


@FILES
def test_the_compiled_translations_match_their_files(
    tmp_path: Path, ts: Path, options: list[str]
) -> None:
    del options
    compiled = tmp_path / ts.with_suffix(".qm").name
    subprocess.run(
        [_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(compiled)],
        check=True,
        capture_output=True,
    )
    assert compiled.read_bytes() == ts.with_suffix(".qm").read_bytes(), "run `make translations`"


@FILES
def test_every_screen_text_is_translated_with_its_fields(ts: Path, options: list[str]) -> None:
    del options
    assert translation_problems(ts) == []


TS_HEAD = (
    '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="es">\n'
)


def _ts(tmp_path: Path, *messages: str) -> Path:
    path = tmp_path / "kiosk_xx.ts"
    body = "".join(f"<message>\n{m}\n</message>\n" for m in messages)
    path.write_text(f"{TS_HEAD}<context>\n<name>HomeView</name>\n{body}</context>\n</TS>\n")
    return path


def test_an_untranslated_text_is_reported_at_its_line(tmp_path: Path) -> None:
    path = _ts(
        tmp_path,
        "<source>Home</source>\n<translation>Inicio</translation>",
        '<source>Back</source>\n<translation type="unfinished"></translation>',
    )
    assert [str(p) for p in translation_problems(path)] == [
        f"{path}:11: not translated yet: HomeView: 'Back'"
    ]


def test_a_translation_that_drops_or_renames_a_field_is_reported(tmp_path: Path) -> None:
    path = _ts(
        tmp_path,
        "<source>Call us: {phone}</source>\n<translation>Llámenos: {telefono}</translation>",
    )
    (problem,) = translation_problems(path)
    assert problem.message == (
        "the translation must keep the {fields} of HomeView: 'Call us: {phone}'"
    )


def test_a_plural_needs_every_form_and_its_count(tmp_path: Path) -> None:
    path = _ts(
        tmp_path,
        "<source>%n day(s) ago</source>\n<translation><numerusform>hace %n día</numerusform>"
        "<numerusform></numerusform></translation>",
        "<source>in %n second(s)</source>\n<translation><numerusform>en un segundo</numerusform>"
        "<numerusform>en %n segundos</numerusform></translation>",
    )
    assert [p.message for p in translation_problems(path)] == [
        "not translated yet: HomeView: '%n day(s) ago'",
        "the translation must keep the {fields} of HomeView: 'in %n second(s)'",
    ]


def test_a_language_without_a_translation_file_is_reported(tmp_path: Path) -> None:
    (problem,) = translation_problems(tmp_path / "kiosk_fr.ts")
    assert problem.message == "no translation of the screens' texts for this language"


PAGE = (
    "slug: {slug}\ntitle: T\nsummary: S.\nicon: info\norder: 1\nreviewed: 2026-11-26\n"
    "reviewed_by: The clinic\n\n{body}\n"
)


def _page(root: Path, language: str, slug: str, body: str = "Words.") -> Path:
    path = root / language / "topics" / f"{slug}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(PAGE.format(slug=slug, body=body), encoding="utf-8")
    (root / language / "spine").mkdir(exist_ok=True)
    return path


def test_a_page_missing_in_a_language_is_reported(tmp_path: Path) -> None:
    _page(tmp_path, "en", "causes")
    _page(tmp_path, "en", "surgery")
    _page(tmp_path, "es", "causes")
    extra = _page(tmp_path, "es", "recetas")
    found = missing_pages(
        load_library(tmp_path, "es"), load_library(tmp_path, "en"), tmp_path / "es"
    )
    folder = tmp_path / "es"
    assert [str(p) for p in found] == [
        f"{folder}:0: topic 'surgery' is missing in this language (it is in en: surgery.md)",
        f"{extra}:1: topic 'recetas' is not in en",
    ]


def test_a_translated_page_must_lead_where_the_original_does(tmp_path: Path) -> None:
    _page(tmp_path, "en", "causes", "See [surgery](topic:surgery).")
    _page(tmp_path, "en", "surgery")
    spanish = _page(tmp_path, "es", "causes", "Vea la [cirugía](topic:treatments).")
    _page(tmp_path, "es", "surgery")
    (problem,) = missing_pages(
        load_library(tmp_path, "es"), load_library(tmp_path, "en"), tmp_path / "es"
    )
    assert str(problem) == (
        f"{spanish}:9: links to topic:treatments but the en page links to topic:surgery"
    )
