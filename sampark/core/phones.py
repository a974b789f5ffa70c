"""Phone number normalisation with ``phonenumbers``: one E.164 form for every way people write a number."""

import re
from dataclasses import dataclass
from functools import lru_cache

import phonenumbers
from phonenumbers import PhoneMetadata, PhoneNumber, PhoneNumberType

# What telephony networks send when the caller id is withheld or unknown; Twilio, Plivo and others document
# "anonymous" and the +266696687 ("ANONYMOUS" on a keypad) marker.
WITHHELD = {"anonymous", "unknown", "private", "restricted", "unavailable", "withheld", "+266696687", "266696687"}
MAX_RAW_LENGTH = 32
# The four ways Indian providers write an Indian mobile caller: +91XXXXXXXXXX, 91XXXXXXXXXX, 0XXXXXXXXXX and
# XXXXXXXXXX (ASCII digits, no spaces). These skip phonenumbers.parse, ~14 µs of the worker's ~25 µs per new
# number, and its number_type, another ~10 µs (tests/core/test_phones.py checks both paths agree).
_INDIAN_FORMS = re.compile(r"(?:\+91|91|0)?([6-9][0-9]{9})")


class UnusableNumber(ValueError):
    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Phone:
    e164: str
    region: str | None  # ISO country, e.g. "IN"
    is_mobile: bool
    country_code: int = 0

    @property
    def masked(self) -> str:
        """``+91 98XXXXXX10``: country code, first two and last two digits of the national number."""
        national = self.e164[1 + len(str(self.country_code)):]
        if len(national) <= 4:
            return f"+{self.country_code} " + "X" * len(national)
        return f"+{self.country_code} {national[:2]}{'X' * (len(national) - 4)}{national[-2:]}"

    @property
    def is_indian_mobile(self) -> bool:
        return self.region == "IN" and self.is_mobile


@lru_cache(maxsize=50_000)  # bounded: the worker's memory stays flat through a burst
def normalise(raw: str | None, default_region: str = "IN") -> Phone:
    """Parse a caller id as sent by a provider. Raises UnusableNumber(reason) for missing/withheld/invalid.

    Cached: bursts come from repeat callers, and parsing is the worker's biggest per-call cost.
    """
    if raw is None or not raw.strip():
        raise UnusableNumber("missing")
    text = raw.strip()
    if text.lower() in WITHHELD or text.lstrip("+").lower() in WITHHELD:
        raise UnusableNumber("withheld")
    if len(text) > MAX_RAW_LENGTH:
        raise UnusableNumber("invalid")
    if default_region == "IN" and (indian := _INDIAN_FORMS.fullmatch(text)):
        national = indian.group(1)
        return _phone(_INDIA, _INDIAN_TYPE(national), e164="+91" + national, region="IN")
    return _parse(text, default_region)


def _type_of_national(region: str):
    """phonenumbers' own number-type test (``_number_type_helper``) for one region, on precompiled patterns of
    its metadata: the library re-looks-up each pattern in a regex cache and rebuilds the national number on
    every call, which made it the worker's costliest step for a new caller. Same patterns, same order."""
    metadata = PhoneMetadata.metadata_for_region(region)

    def matcher(desc):
        if desc is None or desc.national_number_pattern is None:
            return lambda national: False
        lengths, pattern = frozenset(desc.possible_length or ()), re.compile(desc.national_number_pattern)
        return lambda national: (not lengths or len(national) in lengths) and pattern.fullmatch(national) is not None

    general = matcher(metadata.general_desc)
    special = [(matcher(getattr(metadata, name)), kind) for name, kind in (
        ("premium_rate", PhoneNumberType.PREMIUM_RATE), ("toll_free", PhoneNumberType.TOLL_FREE),
        ("shared_cost", PhoneNumberType.SHARED_COST), ("voip", PhoneNumberType.VOIP),
        ("personal_number", PhoneNumberType.PERSONAL_NUMBER), ("pager", PhoneNumberType.PAGER),
        ("uan", PhoneNumberType.UAN), ("voicemail", PhoneNumberType.VOICEMAIL),
    )]
    fixed, mobile = matcher(metadata.fixed_line), matcher(metadata.mobile)
    same = metadata.same_mobile_and_fixed_line_pattern

    def number_type(national: str) -> int:
        if not general(national):
            return PhoneNumberType.UNKNOWN
        for matches, kind in special:
            if matches(national):
                return kind
        if fixed(national):
            return PhoneNumberType.FIXED_LINE_OR_MOBILE if same or mobile(national) else PhoneNumberType.FIXED_LINE
        return PhoneNumberType.MOBILE if not same and mobile(national) else PhoneNumberType.UNKNOWN

    return number_type


_INDIAN_TYPE = _type_of_national("IN")
_INDIA = PhoneNumber(country_code=91)


def _parse(text: str, default_region: str) -> Phone:
    """The general path: any country, any punctuation or script of digits."""
    digits_only = "".join(ch for ch in text if ch.isdigit())
    # Indian providers send 91XXXXXXXXXX without '+'; phonenumbers would read it as a 12-digit national number.
    if "+" not in text and not text.startswith("0") and len(digits_only) > 10 and default_region == "IN":
        text = "+" + text
    try:
        parsed = phonenumbers.parse(text, default_region)
    except phonenumbers.NumberParseException:
        raise UnusableNumber("invalid") from None
    # number_type is UNKNOWN exactly when the number matches no pattern of its country: the validity test
    # is_valid_number would run, once more (it is the worker's costliest step).
    kind = phonenumbers.number_type(parsed)
    return _phone(parsed, kind, phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164),
                  phonenumbers.region_code_for_number(parsed))


def _phone(parsed: PhoneNumber, kind: int, e164: str, region: str | None) -> Phone:
    if kind == PhoneNumberType.UNKNOWN:
        raise UnusableNumber("invalid")
    return Phone(
        e164=e164,
        region=region,
        is_mobile=kind in (PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE),
        country_code=parsed.country_code,
    )


def dialable(number: str | None) -> dict | None:
    """A published (not personal) number for a page: ``tel:`` link target and the one format every page shows
    (``+91 11 4000 0000``, docs/pages.md)."""
    if not number:
        return None
    try:
        parsed = phonenumbers.parse(number, None)
    except phonenumbers.NumberParseException:
        return None
    return {
        "tel": phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164),
        "shown": phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL),
    }
