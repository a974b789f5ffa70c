"""Look-alike characters are read from the text as written: capitals of other scripts, small capitals, ASCII pairs,
in handles pasted with or without @ or a platform; reasons quote what was written (issue 12)."""

import pytest
from django.utils import translation

from tests.trust.lookalike_registry import is_risk


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.mark.parametrize(("query", "official", "reason"), [
    ("@\u0405evaSetu_UP", "@SevaSetu_UP", "Cyrillic '\u0405' in place of Latin 'S'"),
    ("SevaSetu_U\u0420", "@SevaSetu_UP", "Cyrillic '\u0420' in place of Latin 'P'"),  # pasted without @
    ("@PrakashMandal\u039cLA", "@PrakashMandalMLA", "Greek '\u039c' in place of Latin 'M'"),
    ("\u0412iharMorcha", "@MorchaBihar", "Cyrillic '\u0412' in place of Latin 'B'"),  # lost if lower-cased first
    ("https://x.com/SevaSetu_U\u03a1", "@SevaSetu_UP", "Greek '\u03a1' in place of Latin 'P'"),  # in a link
])
def test_capitals_of_other_scripts_count_before_case_is_folded(query, official, reason):
    assert reason in is_risk(query, official)


@pytest.mark.parametrize(("query", "official"), [
    ("SevaSetu_\u1d1cP", "@SevaSetu_UP"), ("Pr\u1d00kashMandalMLA", "@PrakashMandalMLA"),
    ("naya.save\u0280a", "naya.savera"), ("n\u1d00ya.savera", "naya.savera"),
    ("PrakashMa\u014bdalMLA", "@PrakashMandalMLA"), ("@\u0299iharMorcha", "@MorchaBihar"),
])
def test_small_capitals_and_other_latin_look_alikes(query, official):
    assert any("in place of" in reason for reason in is_risk(query, official))


@pytest.mark.parametrize(("query", "official", "reason"), [
    ("@PrakashMandalRnla", "@PrakashMandalMLA", "'rn' in place of 'm'"),
    ("@PrakashManclalMLA", "@PrakashMandalMLA", "'cl' in place of 'd'"),
    ("@NnorchaBihar", "@MorchaBihar", "'nn' in place of 'm'"),
    ("@SevaSetu_UP_0fficial", "@SevaSetu_UP", "digit 0 in place of letter o"),
])
def test_ascii_look_alikes_are_named(query, official, reason):
    reasons = is_risk(query, official)
    assert reason is None or reason in reasons
