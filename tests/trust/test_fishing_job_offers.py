"""Earning or job offers made in the party's name (work from home, ₹500 a day for posting, paid volunteers) that ask
the reader to get in touch are fishing, with or without a "registration fee" yet; promises of jobs in a manifesto and
warnings about such offers are not.
"""

import pytest
from django.utils import translation

from sampark.trust.messages import statements
from sampark.trust.messages.fishing import check_message, classify


@pytest.mark.parametrize(("text", "asks_for"), [
    ("Earn ₹400 a day sharing the party's posts from home. WhatsApp 90000 00046 to start.", []),
    ("Paid volunteers needed, ₹12,000/month. Registration fee ₹200.", ["money"]),
    ("Party ke liye typing ka kaam, ghar baithe 800 rupaye roz kamao. Abhi call karein", []),
    ("चुनाव में काम करें, वेतन 10000 रुपये महीना। इच्छुक व्यक्ति इस नंबर पर संपर्क करें 9000000047", []),
])
def test_a_paid_work_offer_with_a_way_to_get_in_touch_is_fishing(text, asks_for):
    verdict = classify(text)
    assert verdict.solicits and verdict.job_offer
    assert verdict.asks_for == asks_for


@pytest.mark.parametrize("text", [
    "Our manifesto promises 20 lakh jobs and a monthly allowance for unemployed graduates.",
    "Workers in the district earn less than ₹300 a day. We will raise the minimum wage.",
    "Beware: job offers of ₹500 a day for posting in the party's name are fraud. Do not pay anyone.",
    "पार्टी के नाम पर नौकरी का झांसा देकर पैसे मांगने वालों से सावधान रहें।",
    "Volunteers needed for booth duty on 5 May. Give a missed call on 90000 00011 to sign up.",
])
def test_promises_warnings_and_unpaid_volunteering_are_not(text):
    assert not classify(text).solicits


@pytest.mark.django_db
def test_the_reason_names_the_job_lure_in_hindi_and_english():
    statements.forget()
    text = "Ghar baithe kaam, 500 rupaye roz kamayein. Judne ke liye WhatsApp karein 9000000048"
    with translation.override("en"):
        assert any(r.startswith("Offers paid work or earnings") for r in check_message(text)["reasons"])
    with translation.override("hi"):
        assert any(r.startswith("पैसे वाले काम या कमाई") for r in check_message(text)["reasons"])
