"""Advice about one's own documents is not fishing: carrying a voter ID to the booth, checking one's name in the
voter list, updating Aadhaar at an Aadhaar centre. Handing a document *over* still is, whatever the setting."""

import pytest

from sampark.trust.messages.fishing import classify


@pytest.mark.parametrize("text", [
    "Carry your voter ID to the booth on polling day.",
    "Check your name in the voter list at voters.eci.gov.in",
    "Link your Aadhaar with your voter ID on the NVSP portal.",
    "Vote dalne jaate waqt apna voter ID card saath le jaana",
    "Booth par apna EPIC card dikhana zaroori hai",
    "मतदान के दिन अपना वोटर आईडी कार्ड साथ लेकर जाएं।",
    "आधार अपडेट कराने के लिए नजदीकी आधार केंद्र पर जाएं।",
    "नए मतदाता फॉर्म 6 भरकर अपना नाम मतदाता सूची में जुड़वाएं।",
])
def test_advice_about_ones_own_documents_is_not_fishing(text):
    assert not classify(text).solicits


@pytest.mark.parametrize(("text", "asks_for"), [
    ("BLO verification: apna aadhaar number aur voter ID is number par bhejo", ["aadhaar", "voter_id"]),
    ("Booth par entry ke liye apne voter ID ki photo WhatsApp karein", ["voter_id", "photo"]),
])
def test_handing_a_document_over_is_still_fishing_at_the_booth(text, asks_for):
    assert classify(text).asks_for == asks_for
