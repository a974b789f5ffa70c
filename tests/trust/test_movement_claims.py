"""A message that speaks as the movement itself — its configured names (SAMPARK_MOVEMENT_NAMES) used as a sender or
an authority — claims to be official; a message that only mentions the movement does not."""

import pytest
from django.test import override_settings
from django.utils import translation

from sampark.trust.messages import statements
from sampark.trust.messages.fishing import check_message, classify

NAMES = ["Lok Morcha", "लोक मोर्चा", "LM"]  # made up for these tests


@pytest.fixture(autouse=True)
def movement_names(settings):
    settings.SAMPARK_MOVEMENT_NAMES = NAMES


@pytest.mark.parametrize("text", [
    "Lok Morcha official group: the district meeting is on Sunday.",
    "Welcome to the Lok Morcha volunteer cell!",
    "Lok Morcha helpline: call us for any complaint.",
    "Team Lok Morcha wishes you a happy Diwali",
    "LM team: kal ki meeting 11 baje",
    "Lok Morcha ki taraf se sabhi ko dhanyavaad",
    "लोक मोर्चा की ओर से सभी कार्यकर्ताओं को बधाई।",
    "लोक मोर्चा आधिकारिक सूचना: कल की बैठक रद्द।",
    "*Lok Morcha*\nRally postponed to Monday.",
    "Rally postponed to Monday.\n— लोक मोर्चा",
    "Namaste, main Lok Morcha se bol raha hoon",
])
def test_the_movements_name_as_a_sender_claims_to_be_official(text):
    assert classify(text).claims


@pytest.mark.parametrize("text", [
    "The lok morcha rally was big, lakhs of people came.",
    "Kal Lok Morcha ki sabha me bahut bheed thi",
    "लोक मोर्चा ने आज पूरे प्रदेश में धरना दिया।",
    "Beware of fake Lok Morcha groups asking for money.",
    "लोक मोर्चा के नाम पर पैसे मांगने वालों से सावधान रहें।",
    "I heard from lok morcha people that the rally is on.",
])
def test_a_mention_of_the_movement_is_not_a_claim(text):
    assert not classify(text).claims


def test_a_short_name_in_capitals_counts_only_when_written_in_capitals():
    with override_settings(SAMPARK_MOVEMENT_NAMES=["Jan Andolan", "JA"]):
        assert classify("JA team: rally kal 11 baje").claims
        assert not classify("Ghar ja team jeet gayi, ab so ja").claims  # "ja" is Hindi for "go"


def test_hindi_spellings_of_a_nasal_read_alike():
    with override_settings(SAMPARK_MOVEMENT_NAMES=["सम्पर्क आंदोलन"]):
        assert classify("संपर्क आन्दोलन की ओर से शुभकामनाएं").claims


def test_with_no_names_configured_only_the_generic_claims_count():
    with override_settings(SAMPARK_MOVEMENT_NAMES=[]):
        assert classify("Lok Morcha official group: meeting on Sunday").claims == ["official group"]
        assert classify("Lok Morcha team: meeting on Sunday").claims == []


def test_the_setting_is_read_at_call_time():
    assert classify("Lok Morcha team: meeting on Sunday").claims
    with override_settings(SAMPARK_MOVEMENT_NAMES=["Nav Jagran"]):
        assert not classify("Lok Morcha team: meeting on Sunday").claims
        assert classify("Nav Jagran team: meeting on Sunday").claims


@pytest.mark.django_db
def test_the_answer_says_it_claims_to_be_official_and_quotes_the_name():
    statements.forget()
    with translation.override("en"):
        answer = check_message("Lok Morcha helpline: membership card ke liye 99 rupaye PhonePe karein")
    assert answer["claims_to_be_official"] is True
    assert answer["asks_for"] == ["money"]
    assert "Claims to come from the movement or an official team (“Lok Morcha helpline”)." in answer["reasons"]


def test_the_demo_movement_is_the_default():
    import sampark.settings as read_from_the_environment  # the module's own value, not the fixture's override
    from sampark.web.demo import OFFICIAL_CHANNELS

    (name_en, name_hi), *_rest = OFFICIAL_CHANNELS[0]
    assert {name_en, name_hi} <= set(read_from_the_environment.SAMPARK_MOVEMENT_NAMES)
