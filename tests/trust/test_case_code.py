"""A case code can be read aloud and typed back: no 0/O/1/I/L, grouped, any case, with or without the dash."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sampark.trust.cases import codes
from sampark.trust.cases import workflow as cases

CODE = st.text(alphabet=codes.ALPHABET, min_size=codes.LENGTH, max_size=codes.LENGTH)


def test_new_codes_have_eight_unambiguous_symbols():
    made = {codes.new_code() for _ in range(2000)}
    assert len(made) == 2000
    for code in made:
        assert len(code) == 8 and set(code) <= set(codes.ALPHABET)
    assert not set("0O1IL") & set("".join(made))


def test_a_code_is_shown_in_two_groups_of_four():
    assert codes.shown("K7M4QX9P") == "K7M4-QX9P"


@given(CODE)
def test_whatever_way_a_code_is_typed_it_is_found(code):
    shown = codes.shown(code)
    for typed in (shown, code, shown.lower(), code.lower(), f"  {shown[:4]} {shown[5:]} ", shown.replace("-", "–")):
        assert codes.parse(typed) == code


@pytest.mark.parametrize(("typed", "code"), [
    ("k7m4-qx9p", "K7M4QX9P"),
    ("K7M4 QX9P", "K7M4QX9P"),
    ("Ｋ７Ｍ４－ＱＸ９Ｐ", "K7M4QX9P"),  # full-width, from some phone keyboards
    ("K७M४-QX९P", "K7M4QX9P"),  # Devanagari digits
    ("К7М4-QХ9Р", "K7M4QX9P"),  # Cyrillic К, М, Х, Р
])
def test_lookalike_symbols_from_other_keyboards_are_mapped(typed, code):
    assert codes.parse(typed) == code


@pytest.mark.parametrize("symbol", ["0", "O", "o", "1", "I", "l"])
def test_a_symbol_that_is_never_in_a_code_is_named(symbol):
    with pytest.raises(codes.BadCode) as bad:
        codes.parse(f"K7M4-QX{symbol}P")
    assert (bad.value.problem, bad.value.symbol) == ("symbol", symbol.upper())


@pytest.mark.parametrize(("typed", "problem"), [("", "empty"), (" - ", "empty"), ("K7M4-QX9", "length"),
                                                 ("K7M4-QX9PP", "length"), ("K7M4#QX9P", "symbol")])
def test_malformed_codes_say_what_is_wrong(typed, problem):
    with pytest.raises(codes.BadCode) as bad:
        codes.parse(typed)
    assert bad.value.problem == problem


def test_codes_given_out_before_keep_working():
    assert codes.parse("abcdefghijk2") == "abcdefghijk2"
    assert codes.parse(" ABCDEFGHIJK2 ") == "abcdefghijk2"
    assert codes.shown("abcdefghijk2") == "abcdefghijk2"


@pytest.mark.django_db
def test_a_new_case_gets_a_readable_code():
    case = cases.submit_report(target="@Sampark_0fficial", platform="x", what="impersonates").case
    assert codes.parse(case.code) == case.public_id
    assert case.code == f"{case.public_id[:4]}-{case.public_id[4:]}"
