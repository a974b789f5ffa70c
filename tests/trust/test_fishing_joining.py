"""Personal details asked for under the pretext of joining a cell, group or membership drive are fishing.

The fields of a joining form (name, age, village, caste, date of birth…) are not among the kinds of data that
``asks_for`` names, so such a message solicits "your personal details" with ``asks_for`` empty unless it also asks
for one of those kinds (a mobile number, Aadhaar).
"""

import pytest
from django.utils import translation

from sampark.trust.messages import statements
from sampark.trust.messages.fishing import check_message, classify


@pytest.mark.parametrize(("text", "asks_for"), [
    ("To join the volunteers' WhatsApp group, send us your full name, age and tehsil.", []),
    ("Reply with your name, father's name and date of birth to get your membership.", []),
    ("Group me add hone ke liye apna naam, umar aur zila likh ke bhejo", []),
    ("Naye sadasya apna naam aur mobile number comment karein", ["phone"]),
    ("संगठन से जुड़ने के लिए अपना नाम, जाति और गांव लिखकर व्हाट्सएप करें।", []),
    ("सदस्य बनने के लिए अपनी जन्मतिथि और आधार नंबर भेजें", ["aadhaar"]),
])
def test_details_asked_for_to_join_are_fishing(text, asks_for):
    verdict = classify(text)
    assert verdict.solicits
    assert verdict.asks_for == asks_for


@pytest.mark.parametrize("text", [
    "Membership form\nNaam -\nUmar -\nGaon -\nBhar ke isi number par bhejo",
    "Name:\nAge:\nVillage:\nSend it back to join the booth team.",
])
def test_a_blank_joining_form_is_asked_for_line_by_line(text):
    assert classify(text).solicits


@pytest.mark.parametrize("text", [
    "Sabhi zila adhyaksh apne zile ki report kal tak bhej dein",  # a place of one's own is not a form field
    "जिला अध्यक्ष अपने जिले की बैठक की रिपोर्ट भेजें।",
    "Name, age and address of the accused were released by the police today.",  # no one is asked
    "Our candidate's name is on ballot number 3. Please vote on 5 May.",
])
def test_names_and_places_without_a_form_are_not_fishing(text):
    assert not classify(text).solicits


@pytest.mark.django_db
def test_the_reason_says_personal_details_in_hindi_and_english():
    statements.forget()
    text = "Group me judne ke liye apna naam, umar aur gaon bhejo"
    with translation.override("en"):
        assert check_message(text)["reasons"][0] == "Asks for your personal details."
    with translation.override("hi"):
        assert check_message(text)["reasons"][0] == "आपकी निजी जानकारी माँगता है।"
