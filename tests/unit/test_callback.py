"""The callback form's rules: names, phone numbers, notes, times, and the reference code.

Every phone number here is fictional: 555-0100 to 555-0199 are reserved for fiction in the US
(and valid in phonenumbers' metadata); 020 7946 0xxx is the UK's drama range.
"""

from __future__ import annotations

import random
import unicodedata

import phonenumbers
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from kiosk.core.callback_form import (
    ERROR_CODES,
    NAME_MAX,
    REFERENCE_ALPHABET,
    CallbackForm,
    CallbackRequest,
    Phone,
    check_name,
    check_note,
    check_when,
    clean_name,
    clean_note,
    display,
    format_as_typed,
    parse_phone,
    reference_code,
    validate,
)

# Fast and the same on every run (no example database is written either).
QUICK = settings(max_examples=200, derandomize=True, database=None, deadline=None)

FICTIONAL = Phone("+12015550123", "(201) 555-0123", "")


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("2015550123", FICTIONAL),
        ("201-555-0123", FICTIONAL),
        ("(201) 555-0123", FICTIONAL),
        ("+1 201 555 0123", FICTIONAL),
        ("1 (201) 555-0123", FICTIONAL),
        ("  201 555 0123  ", FICTIONAL),
        # Full-width digits, as an East Asian input method types them.
        ("\uff12\uff10\uff11\uff15\uff15\uff15\uff10\uff11\uff12\uff13", FICTIONAL),
        ("(201) 555-0123 ext 45", FICTIONAL._replace(extension="45")),
        ("(201) 555-0123 ext. 45", FICTIONAL._replace(extension="45")),
        ("201.555.0123 x45", FICTIONAL._replace(extension="45")),
        ("(214) 555-0199 #7", Phone("+12145550199", "(214) 555-0199", "7")),
        ("512-555-0100 Extension 0012", Phone("+15125550100", "(512) 555-0100", "0012")),
        ("", "required"),
        ("   ", "required"),
        ("555-0123", "phone_incomplete"),  # no area code
        ("201-555", "phone_incomplete"),
        ("2", "phone_incomplete"),
        ("(123) 456-7890", "phone_invalid"),  # an area code never starts with 1
        ("20155501234", "phone_invalid"),  # one digit too many
        ("201-555-CALL", "phone_invalid"),  # phonenumbers would read letters as a keypad
        ("call me", "phone_invalid"),
        ("2015550123 ext", "phone_invalid"),
        ("x45", "phone_invalid"),
        ("()-", "phone_invalid"),
        ("+44 20 7946 0958", "phone_not_us"),
        ("+1 416 555 0123", "phone_not_us"),  # Canada shares +1
        ("+1 787 555 0123", "phone_not_us"),  # so does Puerto Rico, a region of its own
    ],
)
def test_phone_table(typed: str, expected: Phone | str) -> None:
    assert parse_phone(typed) == expected


def test_fictional_test_numbers_are_valid_in_the_metadata() -> None:
    # If a phonenumbers update ever marks 555-01xx invalid, the tables above need new numbers.
    for national in ("2015550123", "2145550199", "5125550100", "2015550100"):
        assert phonenumbers.is_valid_number(phonenumbers.parse(national, "US"))


def test_display_adds_the_extension() -> None:
    assert display(FICTIONAL) == "(201) 555-0123"
    assert display(FICTIONAL._replace(extension="45")) == "(201) 555-0123 ext. 45"


def test_formatting_digit_by_digit_ends_in_the_national_format() -> None:
    shown = ""
    steps = []
    for digit in "2015550123":
        shown = format_as_typed(shown + digit)
        steps.append(shown)
    assert steps[2] == "201"
    assert steps[-1] == "(201) 555-0123"
    assert parse_phone(shown) == FICTIONAL


def test_formatting_keeps_the_extension_as_typed() -> None:
    assert format_as_typed("2015550123 ext 45") == "(201) 555-0123 ext 45"
    assert format_as_typed("(201) 555-0123 ext 45") == "(201) 555-0123 ext 45"
    assert format_as_typed("2015550123x") == "(201) 555-0123 x"
    assert format_as_typed("+442079460958") == "+44 20 7946 0958"
    assert format_as_typed("") == ""


@pytest.mark.parametrize(
    ("typed", "code", "cleaned"),
    [
        ("O'Neil", None, "O'Neil"),
        ("O\u2019Neil", None, "O\u2019Neil"),
        ("Smith-Jones", None, "Smith-Jones"),
        ("Smith\u2010Jones", None, "Smith\u2010Jones"),
        ("St. John", None, "St. John"),
        ("José Núñez", None, "José Núñez"),
        ("Zoë", None, "Zoë"),
        ("Nguyễn", None, "Nguyễn"),
        ("Ólafur", None, "Ólafur"),
        ("李小龙", None, "李小龙"),
        ("Анна", None, "Анна"),
        ("  Mary \u00a0  Ann  ", None, "Mary Ann"),
        ("\nAnn\n", None, "Ann"),
        ("A" * NAME_MAX, None, "A" * NAME_MAX),
        ("A" * (NAME_MAX + 1), "too_long", "A" * (NAME_MAX + 1)),
        ("", "required", ""),
        ("   ", "required", ""),
        ("Ann 😀", "not_a_name", "Ann 😀"),
        ("R2D2", "not_a_name", "R2D2"),
        ("Ann & Bob", "not_a_name", "Ann & Bob"),
        ("Ann\tMarie", "not_a_name", "Ann\tMarie"),
        ("Ann\u200bMarie", "not_a_name", "Ann\u200bMarie"),  # zero-width space
        ("'-.", "not_a_name", "'-."),
    ],
)
def test_name_table(typed: str, code: str | None, cleaned: str) -> None:
    assert check_name(typed) == code
    assert clean_name(typed) == cleaned


def test_names_are_kept_composed() -> None:
    decomposed = "Jose\u0301"
    assert check_name(decomposed) is None
    assert clean_name(decomposed) == "José"
    assert len(clean_name(decomposed)) == 4


def test_notes_lose_control_characters_but_keep_newlines() -> None:
    assert clean_note("  Call\x00 after\r\nlunch\u202e\t please ") == "Call after\nlunch  please"
    assert check_note("") is None
    assert check_note("x" * 200) is None
    assert check_note("x" * 201) == "too_long"
    assert check_note(" " * 300) is None


def test_when_needs_a_time_of_day_but_not_a_day() -> None:
    assert check_when((), ("morning",)) is None
    assert check_when(("mon", "sat"), ("evening",)) is None
    assert check_when(("mon",), ()) == "when_required"


@pytest.mark.parametrize(("days", "periods"), [(("sun",), ("morning",)), ((), ("night",))])
def test_unknown_days_or_times_are_a_bug(days: tuple[str, ...], periods: tuple[str, ...]) -> None:
    with pytest.raises(ValueError, match="unknown"):
        check_when(days, periods)


def test_empty_form_reports_errors_in_form_order() -> None:
    request, errors = validate(CallbackForm())
    assert request is None
    assert list(errors.items()) == [
        ("first_name", "required"),
        ("last_name", "required"),
        ("phone", "required"),
        ("when", "when_required"),
        ("consent", "consent_required"),
    ]


def test_consent_is_required() -> None:
    form = CallbackForm("Ann", "Lee", "2015550123", periods=("morning",), note="x" * 201)
    request, errors = validate(form)
    assert request is None
    assert errors == {"note": "too_long", "consent": "consent_required"}
    assert list(errors) == ["note", "consent"]


def test_valid_form_gives_the_cleaned_request() -> None:
    form = CallbackForm(
        first_name="  Zebediah ",
        last_name="O'Quux-Nu\u0301n\u0303ez",
        phone="201.555.0123 x45",
        days=("wed", "mon", "wed"),
        periods=("evening", "morning"),
        topic="spine:lumbar",
        note=" After lunch\x07, please. ",
        language="es",
        consent=True,
    )
    assert validate(form) == (
        CallbackRequest(
            first_name="Zebediah",
            last_name="O'Quux-Núñez",
            phone=Phone("+12015550123", "(201) 555-0123", "45"),
            days=("mon", "wed"),
            periods=("morning", "evening"),
            topic="spine:lumbar",
            note="After lunch, please.",
            language="es",
        ),
        {},
    )


def test_reference_code_is_two_readable_halves() -> None:
    for _ in range(50):
        code = reference_code()
        assert len(code) == 7
        assert code[3] == "-"
        assert set(code.replace("-", "")) <= set(REFERENCE_ALPHABET)
    assert not set(REFERENCE_ALPHABET) & set("0OQD1ILJ2Z5S8BUV")


def test_reference_code_follows_a_seeded_generator() -> None:
    assert reference_code(random.Random(7)) == reference_code(random.Random(7))
    assert reference_code(random.Random(7)) != reference_code(random.Random(8))


@QUICK
@given(st.text(max_size=80))
def test_any_name_gets_an_answer_and_accepted_names_are_clean(text: str) -> None:
    code = check_name(text)
    assert code is None or code in ERROR_CODES
    if code is None:
        name = clean_name(text)
        assert 0 < len(name) <= NAME_MAX
        assert any(unicodedata.category(ch).startswith("L") for ch in name)
        assert name == name.strip()
        assert "  " not in name


# Texas area codes and a New Jersey one; the exchange and line are any digits.
AREA_CODES = ("201", "210", "214", "254", "281", "512", "713", "737", "817", "832", "972")


@QUICK
@given(
    st.sampled_from(AREA_CODES),
    st.from_regex(r"[2-9][0-9]{2}", fullmatch=True),
    st.from_regex(r"[0-9]{4}", fullmatch=True),
    st.from_regex(r"[0-9]{0,6}", fullmatch=True),
)
def test_valid_numbers_round_trip_through_display(
    area: str, exchange: str, line: str, extension: str
) -> None:
    digits = area + exchange + line
    assume(phonenumbers.is_valid_number(phonenumbers.parse(digits, "US")))
    typed = f"{digits} x{extension}" if extension else digits
    phone = parse_phone(typed)
    assert isinstance(phone, Phone)
    assert phone.e164 == f"+1{digits}"
    assert phone.extension == extension
    assert parse_phone(display(phone)) == phone
    assert parse_phone(format_as_typed(typed)) == phone


@QUICK
@given(st.one_of(st.text(max_size=40), st.text("0123456789 +()-.x#et", max_size=30)))
def test_any_text_in_the_phone_field_gets_an_answer(text: str) -> None:
    phone = parse_phone(text)
    assert isinstance(phone, Phone) or phone in ERROR_CODES
    assert isinstance(format_as_typed(text), str)
