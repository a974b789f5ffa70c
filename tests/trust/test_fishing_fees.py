"""A small fee for a membership or an ID card, by UPI, Paytm, PhonePe, GPay or to a phone number, is fishing for money.

Membership is a free missed call, so any price named for it is a demand; a price for something else (petrol, an exam
fee in the news) is not.
"""

import pytest

from sampark.trust.messages.fishing import classify


@pytest.mark.parametrize("text", [
    "Membership card ready hai, 79 rupaye Paytm kar do 90000 00041 par",
    "For your volunteer ID card, PhonePe ₹60 to 9000000042.",
    "ID card delivery charge Rs 45, GPay karein",
    "Sadasyata ke 20 rs lagenge, google pay number 9000000043",
    "Pay the joining fee of 100 rupees via UPI to activate your membership.",
    "कार्यकर्ता कार्ड के लिए 50 रुपये यूपीआई करें।",
    "सदस्यता शुल्क 30 रुपये है, पेटीएम नंबर 9000000044 पर भेज दें।",
    "Membership fees sirf 99, abhi bhejo",
])
def test_a_fee_for_membership_or_a_card_asks_for_money(text):
    verdict = classify(text)
    assert verdict.solicits
    assert "money" in verdict.asks_for


@pytest.mark.parametrize("text", [
    "Petrol now costs ₹105 a litre. Is this the development they promised?",
    "The state government has raised the exam fee to ₹500, hurting poor students.",
    "Membership is free; nobody will ask you to pay for an ID card.",
    "सदस्यता पूरी तरह निःशुल्क है, किसी को कोई पैसा न दें।",
    "Paytm par 100 rupaye cashback milega",  # money offered is bait, not money asked for
])
def test_a_price_that_buys_no_membership_or_a_warning_is_not_a_demand(text):
    assert "money" not in classify(text).asks_for


def test_a_payment_app_number_is_where_to_pay_not_the_readers_bank_details():
    verdict = classify("ID card ke 50 rs, PhonePe no. 9000000045")
    assert verdict.asks_for == ["money"]
    assert classify("Cashback ke liye apna Paytm number bhejo").asks_for == ["bank_or_upi"]
