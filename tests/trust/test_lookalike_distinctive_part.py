"""The distinctive part of an official handle with any other word in place of, or beside, its other parts; typos
and abbreviations of "official"; the name cut short; initials beside a generic word (issue 12)."""

import pytest
from django.utils import translation

from sampark.trust.matching.words import distinctive, name_words, split_words
from tests.trust.lookalike_registry import answer, is_risk


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.mark.parametrize(("query", "official", "reason"), [
    ("@SevaSetuHelpdesk", "@SevaSetu_UP", "adds 'helpdesk'"),  # in place of UP
    ("@SevaSetu_ITCell", "@SevaSetu_UP", "adds 'IT cell'"),
    ("@SevaSetu_UP_Admin", "@SevaSetu_UP", "adds 'admin'"),
    ("@SevaSetu_ITCell_Gorakhpur", "@SevaSetu_UP", "adds 'gorakhpur'"),
    ("@SevaSetu_Jankari", "@SevaSetu_UP", "adds 'jankari'"),  # an unknown word is named as it is
    ("@PrakashMandal_Office", "@PrakashMandalMLA", "adds 'office'"),
    ("@PrakashMandal2024", "@PrakashMandalMLA", "adds numbers"),
    ("@SevaSetuOficial", "@SevaSetu_UP", "adds 'official' (written 'oficial')"),
    ("@SevaSetuOffcl", "@SevaSetu_UP", "adds 'official' (written 'offcl')"),
    ("@MorchaBihar_Parody", "@MorchaBihar", "calls itself a parody: still not official"),
])
def test_the_distinctive_part_with_other_words(query, official, reason):
    assert reason in is_risk(query, official)


@pytest.mark.parametrize(("query", "official"), [
    ("@PrakashMandal", "@PrakashMandalMLA"), ("@PrakashMandalML", "@PrakashMandalMLA"),
    ("@PMandalMLA", "@PrakashMandalMLA"), ("naya.saver", "naya.savera"),
])
def test_cut_short_or_abbreviated(query, official):
    assert is_risk(query, official)


@pytest.mark.parametrize(("query", "official"), [("@SS_ITCell_Lko", "@SevaSetu_UP"), ("@SSUP_Official", "@SevaSetu_UP"),
                                                 ("PM_Helpdesk", "@PrakashMandalMLA")])
def test_initials_beside_a_generic_word(query, official):
    assert is_risk(query, official)


@pytest.mark.parametrize("query", ["@SS", "@SS_Cricket", "@seva_sadan_up", "@bihar_morcha_news".replace("morcha_", ""),
                                   "@setu_bandhan", "@savera_times", "@naya_din"])
def test_sharing_one_ordinary_word_is_not_a_lookalike(query):
    assert answer(query)[0] == "not_official"


def test_the_distinctive_part_is_what_remains_without_generic_words():
    assert name_words(split_words("SevaSetu_UP")) == ("seva", "setu")
    assert name_words(split_words("PrakashMandalMLA")) == ("prakash", "mandal")
    assert name_words(split_words("janandolanlive")) == ("jan", "andolan")
    assert distinctive(("seva", "setu")) and not distinctive(("morcha",)) and not distinctive(("neta",))
