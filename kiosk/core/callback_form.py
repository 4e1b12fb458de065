"""The callback request form's rules: clean what the patient typed and say what is wrong.

Problems are stable codes (`ERROR_CODES`), never prose: the view turns each code into a short
translated message. Phone numbers are checked with `phonenumbers` and must be valid US numbers.
"""

from __future__ import annotations

import random
import re
import secrets
import unicodedata
from collections.abc import Collection
from typing import NamedTuple

NAME_MAX = 50
NOTE_MAX = 200
US_DIGITS = 10  # area code and number
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat")
PERIODS = ("morning", "afternoon", "evening")
# The form's fields from top to bottom: `validate` reports errors in this order.
FIELDS = ("first_name", "last_name", "phone", "when", "note", "consent")
ERROR_CODES = (
    "required",  # a name or the phone number is empty
    "too_long",  # a name over NAME_MAX or a note over NOTE_MAX characters
    "not_a_name",  # digits, emoji, symbols or invisible characters; or no letter at all
    "phone_incomplete",  # fewer digits than a full number: most often the area code is missing
    "phone_invalid",  # not a number that can exist: letters, bad area code, too many digits
    "phone_not_us",  # a real number, but not in the US (Canada and Puerto Rico included)
    "when_required",  # no time of day chosen
    "consent_required",  # the permission box is not ticked
)
# No look-alikes when read off a screen: 0/O/Q/D, 1/I/L/J, 2/Z, 5/S, 8/B, U/V.
REFERENCE_ALPHABET = "34679ACEFGHKMNPRTWXY"

# Space, apostrophe, typographic apostrophe, hyphen-minus, hyphen, period.
_NAME_MARKS = frozenset(" '\u2019-\u2010.")
_NOTE_DROPPED = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")  # bidi
# A trailing extension: "ext 45", "ext. 45", "extension 45", "x45", "#45".
_EXTENSION = re.compile(r"\s*[,;]?\s*(?:ext(?:ension)?\.?|x|#)\s*(\d{1,10})\s*$", re.IGNORECASE)
_PHONE_MARKS = frozenset("+().-/\u2010\u2011\u2012\u2013\u2014")


class Phone(NamedTuple):
    """A valid US phone number: `+12015550123`, `(201) 555-0123`, and an extension or ""."""

    e164: str
    national: str
    extension: str = ""


class CallbackForm(NamedTuple):
    """What the form holds, as typed and ticked; an empty form is `CallbackForm()`."""

    first_name: str = ""
    last_name: str = ""
    phone: str = ""
    days: tuple[str, ...] = ()
    periods: tuple[str, ...] = ()
    topic: str = ""  # what the patient was reading: "topic:surgery", "spine:lumbar" or ""
    note: str = ""
    language: str = "en"
    consent: bool = False


class CallbackRequest(NamedTuple):
    """A checked request, cleaned and ready to store. Storage adds the consent text."""

    first_name: str
    last_name: str
    phone: Phone
    days: tuple[str, ...]  # in DAYS order; empty means no preference
    periods: tuple[str, ...]  # in PERIODS order; at least one
    topic: str
    note: str
    language: str


def clean_name(text: str) -> str:
    """The name as it will be kept: NFC, trimmed, each run of spaces made one plain space."""
    spaced = "".join(" " if unicodedata.category(ch) == "Zs" else ch for ch in text)
    return unicodedata.normalize("NFC", " ".join(p for p in spaced.strip().split(" ") if p))


def check_name(text: str) -> str | None:
    """None for a name we accept, else "required", "not_a_name" or "too_long".

    Letters and marks of any script pass, with spaces, apostrophes, hyphens and periods.
    """
    name = clean_name(text)
    if not name:
        return "required"
    if not all(ch in _NAME_MARKS or unicodedata.category(ch)[0] in "LM" for ch in name):
        return "not_a_name"
    if not any(unicodedata.category(ch)[0] == "L" for ch in name):
        return "not_a_name"
    if len(name) > NAME_MAX:
        return "too_long"
    return None


def parse_phone(text: str) -> Phone | str:
    """The number typed, or "required", "phone_incomplete", "phone_invalid" or "phone_not_us".

    A number without its area code (`555-0123`) is "phone_incomplete": the patient needs to
    add digits rather than fix them. Letters are refused: `phonenumbers` would read
    `201-555-CALL` as a vanity number, and a patient's own number is never written that way.
    """
    import phonenumbers  # noqa: PLC0415 -- ~20 ms of import, only once someone types a number

    main, extension = _split_extension(text)
    if not main.strip() and not extension:
        return "required"
    if not any(ch.isdecimal() for ch in main) or not all(
        ch.isdecimal() or ch.isspace() or ch in _PHONE_MARKS for ch in main
    ):
        return "phone_invalid"
    try:
        number = phonenumbers.parse(main, "US")
    except phonenumbers.NumberParseException:
        digits = sum(ch.isdecimal() for ch in main)
        return "phone_incomplete" if digits < US_DIGITS else "phone_invalid"
    if phonenumbers.is_valid_number(number):
        if phonenumbers.region_code_for_number(number) != "US":
            return "phone_not_us"
        return Phone(
            phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164),
            phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL),
            phonenumbers.normalize_digits_only(extension),
        )
    reason = phonenumbers.is_possible_number_with_reason(number)
    too_few = (
        phonenumbers.ValidationResult.TOO_SHORT,
        phonenumbers.ValidationResult.IS_POSSIBLE_LOCAL_ONLY,  # seven digits: no area code
    )
    return "phone_incomplete" if reason in too_few else "phone_invalid"


def format_as_typed(text: str) -> str:
    """What the phone field shows while the patient types: `201555` shows as `201-555`.

    Only the digits (and a leading +) are formatted; from the first letter or # on, the text
    is the extension and is kept as typed: `2015550123 ext 45` shows `(201) 555-0123 ext 45`.
    """
    import phonenumbers  # noqa: PLC0415 -- see parse_phone

    cut = next((i for i, ch in enumerate(text) if ch.isalpha() or ch == "#"), len(text))
    main, tail = text[:cut], text[cut:].strip()
    keys = phonenumbers.normalize_digits_only(main)
    if main.lstrip().startswith("+"):
        keys = "+" + keys
    formatter = phonenumbers.AsYouTypeFormatter("US")
    shown = ""
    for key in keys:
        shown = formatter.input_digit(key)
    # The formatter leaves a space after a country code ("+44 "): the field must not grow one.
    return " ".join(part for part in (shown.strip(), tail) if part)


def display(phone: Phone) -> str:
    """The number as staff and patient read it: `(201) 555-0123 ext. 45`."""
    return f"{phone.national} ext. {phone.extension}" if phone.extension else phone.national


def clean_note(text: str) -> str:
    """The note as it will be kept: NFC, trimmed, without control characters but newlines.

    A tab becomes a space; text-direction overrides go, so staff read the note as typed.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    kept = (
        " " if ch == "\t" else ch
        for ch in text.replace("\u2029", "\n")
        if ch in "\n\t" or not (unicodedata.category(ch) in ("Cc", "Cs") or ch in _NOTE_DROPPED)
    )
    return unicodedata.normalize("NFC", "".join(kept)).strip()


def check_note(text: str) -> str | None:
    """None, or "too_long" past NOTE_MAX characters. A note is optional."""
    return "too_long" if len(clean_note(text)) > NOTE_MAX else None


def check_when(days: Collection[str], periods: Collection[str]) -> str | None:
    """None, or "when_required" when no time of day is chosen. No day means any day.

    A value outside DAYS or PERIODS is a bug in the view, not the patient's doing: ValueError.
    """
    unknown = [d for d in days if d not in DAYS] + [p for p in periods if p not in PERIODS]
    if unknown:
        raise ValueError(f"unknown day or time of day: {', '.join(map(repr, unknown))}")
    return None if periods else "when_required"


def validate(form: CallbackForm) -> tuple[CallbackRequest | None, dict[str, str]]:
    """The cleaned request and no errors, or None and each wrong field's code in FIELDS order."""
    phone = parse_phone(form.phone)
    found = {
        "first_name": check_name(form.first_name),
        "last_name": check_name(form.last_name),
        "phone": phone if isinstance(phone, str) else None,
        "when": check_when(form.days, form.periods),
        "note": check_note(form.note),
        "consent": None if form.consent else "consent_required",
    }
    errors = {field: code for field, code in found.items() if code is not None}
    if errors or isinstance(phone, str):
        return None, errors
    request = CallbackRequest(
        first_name=clean_name(form.first_name),
        last_name=clean_name(form.last_name),
        phone=phone,
        days=tuple(d for d in DAYS if d in form.days),
        periods=tuple(p for p in PERIODS if p in form.periods),
        topic=form.topic.strip(),
        note=clean_note(form.note),
        language=form.language,
    )
    return request, {}


def reference_code(rng: random.Random | None = None) -> str:
    """A code the patient reads to staff, like `7KX-M3R`: six characters, a hyphen between halves.

    Random from `secrets` unless a seeded `rng` is given (tests). Unique only by chance
    (20**6, 64 million codes): storage must check a new code is not already in use.
    """
    if rng is None:
        chars = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(6))
    else:
        chars = "".join(rng.choice(REFERENCE_ALPHABET) for _ in range(6))
    return f"{chars[:3]}-{chars[3:]}"


def _split_extension(text: str) -> tuple[str, str]:
    match = _EXTENSION.search(text)
    return (text[: match.start()], match.group(1)) if match else (text, "")
