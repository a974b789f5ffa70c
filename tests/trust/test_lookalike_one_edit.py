"""Any one-letter change of a distinctive official name is a risk, with a plain reason when no specific trick names
it; two changes on long names; a short or ordinary word is a lookalike of nothing (issue 12)."""

import pytest
from django.utils import translation

from tests.trust.lookalike_registry import answer, is_risk


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.mark.parametrize(("query", "official", "reason"), [
    ("@SevaSetu_UQ", "@SevaSetu_UP", "one letter changed: p → q"),  # any letter, not only a look-alike one
    ("@SevaSetu_UX", "@SevaSetu_UP", "one letter changed: p → x"),
    ("@SevoSetu_UP", "@SevaSetu_UP", "vowel changed: a → o"),
    ("@SevaSwtu_UP", "@SevaSetu_UP", "keyboard neighbour typed: e → w"),
    ("@PrakashMandalMLQ", "@PrakashMandalMLA", "keyboard neighbour typed: a → q"),
    ("@PrakashMandallMLA", "@PrakashMandalMLA", "letter repeated: l"),
    ("@PrakashMndalMLA", "@PrakashMandalMLA", "one letter missing: a"),
    ("@PrakashMandaklMLA", "@PrakashMandalMLA", "one letter added: k"),
    ("@PraksahMandalMLA", "@PrakashMandalMLA", "two letters swapped"),
    ("naya.savwra", "naya.savera", "keyboard neighbour typed: e → w"),  # facebook, dotted
    ("@MorchaBiharr", "@MorchaBihar", "letter repeated: r"),
])
def test_one_letter_changed_anywhere(query, official, reason):
    assert reason in is_risk(query, official)


@pytest.mark.parametrize(("query", "official"), [
    ("@PrekashMandelMLA", "@PrakashMandalMLA"),  # two vowels, in two words
    ("@PrakashMandalMLAA".replace("MLAA", "MKA"), "@PrakashMandalMLA"),
])
def test_two_changes_on_a_long_name(query, official):
    assert is_risk(query, official)


@pytest.mark.parametrize("query", [
    "@seva", "@setu", "@morcha", "@bihar", "@up", "@mla", "@prakash", "@mandal", "@savera", "@naya",
    "@PrakashSharma", "@PrakashMandir",  # another name: more than one change, in one short word
    "@SevaSadan_UP", "@Morcha_Delhi",
])
def test_short_ordinary_and_other_names_are_not_lookalikes(query):
    assert answer(query)[0] == "not_official"
