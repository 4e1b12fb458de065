"""`[clinic] callback_within`: how soon staff call back, as the thank-you page promises it, in
words that suit every language the kiosk speaks."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.core.config import DEFAULT_CALLBACK_WITHIN, ConfigError, load_config


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "kiosk.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_default_is_the_kiosk_s_own_words_in_every_language(tmp_path: Path) -> None:
    for text in ("", f'[clinic]\ncallback_within = "{DEFAULT_CALLBACK_WITHIN}"\n'):
        clinic = load_config(write(tmp_path, text)).clinic
        assert clinic.callback_within == ()
        assert clinic.promise("en") is None  # the view says it, translated
        assert clinic.promise("es") is None


def test_a_clinic_gives_its_own_words_per_language(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        '[clinic]\ncallback_within = { en = "within two hours", es = "en menos de dos horas" }\n',
    )
    clinic = load_config(path).clinic
    assert clinic.promise("en") == "within two hours"
    assert clinic.promise("es") == "en menos de dos horas"


def test_one_text_will_do_for_a_kiosk_with_one_language(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        '[clinic]\ncallback_within = "by the end of the day"\n[kiosk]\nlanguages = ["en"]\n',
    )
    assert load_config(path).clinic.promise("en") == "by the end of the day"


@pytest.mark.parametrize(
    ("setting", "said"),
    [
        # English words would show on the Spanish page.
        ('callback_within = "within two hours"',
         "'clinic.callback_within' is shown in every language (en, es): give one text per"),
        ('callback_within = { en = "within two hours" }',
         "'clinic.callback_within' lacks es, one of 'kiosk.languages' (en, es)"),
        ('callback_within = { en = "soon", es = "pronto", fr = "bientôt" }',
         "'clinic.callback_within' has fr, not in 'kiosk.languages' (en, es)"),
        ('callback_within = { en = "  ", es = "pronto" }',
         "'clinic.callback_within.en' must not be empty"),
        (f'callback_within = {{ en = "{"x" * 61}", es = "pronto" }}',
         "'clinic.callback_within.en' must be at most 60 characters, not 61"),
        ("callback_within = 1",
         "'clinic.callback_within' must be text in quotes, or one text per language"),
        ("callback_within = {}",
         "'clinic.callback_within' must be text in quotes, or one text per language"),
    ],
)  # fmt: skip
def test_a_promise_that_would_read_wrong_names_the_key_and_the_fix(
    tmp_path: Path, setting: str, said: str
) -> None:
    path = write(tmp_path, f"[clinic]\n{setting}\n")
    with pytest.raises(ConfigError) as error:
        load_config(path)
    assert str(error.value).startswith(f"{path}: ")
    assert said in str(error.value)
