"""Phone normalisation: every way people and providers write one number gives one E.164 form."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sampark.core.phones import UnusableNumber, normalise


@pytest.mark.parametrize("raw", [
    "+91 98765 00001", "098765 00001", "919876500001", "9876500001", "+91-98765-00001", "0091 98765 00001",
    "(+91) 98765 00001", "९८७६५००००१",  # Devanagari digits, as a Hindi keyboard types them
])
def test_indian_mobile_formats(raw):
    phone = normalise(raw)
    assert phone.e164 == "+919876500001"
    assert phone.is_indian_mobile


def test_non_resident_numbers_are_valid():
    phone = normalise("+1 202 555 0143")
    assert (phone.region, phone.e164) == ("US", "+12025550143")
    assert not phone.is_indian_mobile


@pytest.mark.parametrize(("raw", "reason"), [
    (None, "missing"), ("  ", "missing"), ("anonymous", "withheld"), ("+266696687", "withheld"),
    ("RESTRICTED", "withheld"), ("123", "invalid"), ("x" * 500, "invalid"), ("98765", "invalid"),
])
def test_unusable(raw, reason):
    with pytest.raises(UnusableNumber) as error:
        normalise(raw)
    assert error.value.reason == reason


@given(st.text(max_size=40))
def test_any_text_is_either_a_valid_number_or_a_reasoned_rejection(text):
    try:
        phone = normalise(text)
    except UnusableNumber as exc:
        assert exc.reason in {"missing", "withheld", "invalid"}
    else:
        assert phone.e164.startswith("+") and phone.e164[1:].isdigit()


@given(st.from_regex(r"\+?[0-9]{6,15}", fullmatch=True))
def test_validity_agrees_with_phonenumbers(text):
    import phonenumbers

    try:
        phonenumbers_says = phonenumbers.is_valid_number(phonenumbers.parse(
            "+" + text if "+" not in text and not text.startswith("0") and len(text) > 10 else text, "IN"))
    except phonenumbers.NumberParseException:
        phonenumbers_says = False
    try:
        normalise(text)
        ours = True
    except UnusableNumber:
        ours = False
    assert ours == phonenumbers_says


def test_indian_shortcut_agrees_with_the_full_parse():
    """Plain Indian forms skip phonenumbers.parse; every form of every kind of 10-digit number must come out as
    the general path makes it (valid or not, mobile or fixed, the same E.164 and region)."""
    import random

    from sampark.core.phones import _parse

    rng = random.Random(7)
    nationals = [f"{rng.randint(6_000_000_000, 9_999_999_999)}" for _ in range(4000)]
    for national in nationals:
        for raw in (f"+91{national}", f"91{national}", f"0{national}", national):
            try:
                expected = _parse(raw, "IN")
            except UnusableNumber as exc:
                expected = exc.reason
            try:
                got = normalise(raw)
            except UnusableNumber as exc:
                got = exc.reason
            assert got == expected, raw


def test_indian_number_type_is_phonenumbers_own():
    """The shortcut's type test runs phonenumbers' metadata patterns itself; over numbers of every leading digit
    and length it must name the same type as phonenumbers.number_type (mobile, fixed, toll-free, invalid...)."""
    import random

    import phonenumbers

    from sampark.core.phones import _INDIAN_TYPE

    rng = random.Random(11)
    nationals = [str(rng.randrange(10 ** (length - 1), 10**length)) for length in range(7, 14) for _ in range(3000)]
    nationals += [f"{rng.randint(6_000_000_000, 9_999_999_999)}" for _ in range(30_000)]
    kinds = set()
    for national in nationals:
        expected = phonenumbers.number_type(phonenumbers.PhoneNumber(country_code=91, national_number=int(national)))
        assert _INDIAN_TYPE(national) == expected, national
        kinds.add(expected)
    # the sample reaches the types that matter, so agreement is not agreement on "unknown" alone
    assert {phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE,
            phonenumbers.PhoneNumberType.UNKNOWN} <= kinds
