"""check_message: which messages fish for personal data, in Hindi, English and Hinglish, and which only warn."""

import pytest
from django.utils import translation

from sampark.trust.messages import statements
from sampark.trust.messages.fishing import CATEGORIES, check_message, classify
from tests.trust.statement_data import FARMERS_HI, make_statements


@pytest.mark.parametrize(("text", "asks_for"), [
    # Hinglish, as supporters write it
    ("apna mobile number bhejo", ["phone"]),
    ("Aadhar card ki photo bhejo", ["aadhaar", "photo"]),
    ("OTP batayein", ["otp"]),
    ("paise bhejo", ["money"]),
    ("Apna UPI id bhejo", ["bank_or_upi"]),
    ("Apna voter card number share karo", ["voter_id"]),
    ("Ghar ka pata aur pin code bhejo", ["address"]),
    ("Jo code aapke mobile pe aaya hai wo bata do", ["otp"]),
    # Hindi
    ("सभी कार्यकर्ता अपना आधार नंबर और मोबाइल नंबर भेजें", ["phone", "aadhaar"]),
    ("अपने मतदाता पहचान पत्र की संख्या भेजें", ["voter_id"]),
    ("आपके फोन पर आया ओटीपी हमें बताएं", ["otp"]),
    ("अपना बैंक खाता नंबर और IFSC कोड भेजें", ["bank_or_upi"]),
    ("सदस्यता शुल्क 100 रुपये इस नंबर पर भेजें", ["money"]),
    # English
    ("Please send your mobile number to join the volunteer list", ["phone"]),
    ("Reply with the OTP to confirm your membership.", ["otp"]),
    ("Upload a photo of your voter ID here", ["voter_id", "photo"]),
    ("Send your debit card number and CVV", ["bank_or_upi"]),
    ("Kindly share your name, address and phone number for the district list", ["phone", "address"]),
])
def test_requests_for_personal_data_are_found_with_what_they_ask_for(text, asks_for):
    verdict = classify(text)
    assert verdict.solicits
    assert verdict.asks_for == asks_for


@pytest.mark.parametrize("text", [
    "apna aadhar bhejo", "apna aadhaar bhejo", "APNA AADHAAR BHEJO", "apna adhar bhejo", "अपना आधार भेजें",
    "apna aa\u200bdhaar bhejo",  # a zero-width space hidden inside the word
    "Aadhaar no. bhejo",
])
def test_spellings_of_aadhaar(text):
    assert classify(text).asks_for == ["aadhaar"]


@pytest.mark.parametrize("text", [
    "apna voter id bhejo", "Apna EPIC number bhejo", "अपना मतदाता पहचान पत्र भेजें", "अपना वोटर आईडी भेजें",
    "send your voter ID card",
])
def test_spellings_of_voter_id(text):
    assert classify(text).asks_for == ["voter_id"]


def test_nukta_and_chandrabindu_spellings_read_alike():
    assert classify("ओटीपी बताएँ, यह ज़रूरी है").asks_for == classify("ओटीपी बताएं, यह जरूरी है").asks_for == ["otp"]


@pytest.mark.parametrize("text", [
    "Never share your OTP with anyone.",
    "The party will never ask for your Aadhaar.",
    "Do not send your bank details to anyone claiming to be from the party.",
    "Never, ever share an OTP. Not even with us.",
    "ओटीपी किसी को न बताएं।",
    "किसी को भी अपना बैंक खाता नंबर या एटीएम पिन न दें।",
    "OTP kisi ko mat batana",
    "Apna bank account number kisi ko na bhejein",
    "Savdhan! Fake IT cell wale aapka number aur voter ID maang rahe hain",
    "Membership free hai, koi fees nahi",
])
def test_warnings_that_mention_data_do_not_solicit_it(text):
    verdict = classify(text)
    assert not verdict.solicits and verdict.asks_for == []


@pytest.mark.django_db
def test_a_warning_says_so_in_its_reasons():
    answer = check_message_en("Never share your OTP or your Aadhaar with anyone.")
    assert answer["solicits_personal_data"] is False
    assert answer["reasons"][0] == ("Mentions Aadhaar number or card, OTP (one-time password) only to warn against "
                                    "sharing it; it does not ask for it.")


@pytest.mark.parametrize(("text", "asks_for"), [
    ("If you do not send your Aadhaar by tonight, your membership will be cancelled", ["aadhaar"]),
    ("Voter ID bhejo warna naam list se kat jayega", ["voter_id"]),
    ("अगर आप आधार और ओटीपी नहीं भेजेंगे तो आपकी सदस्यता रद्द हो जाएगी", ["aadhaar", "otp"]),
    ("Don't forget to send your phone number", ["phone"]),
    ("Chinta mat karo, aapka data safe hai, bas aadhar bhej do", ["aadhaar"]),
    ("bhejo na apna number", ["phone"]),
])
def test_a_not_inside_a_threat_or_a_reassurance_still_asks(text, asks_for):
    assert classify(text).asks_for == asks_for


@pytest.mark.parametrize("text", [
    "इस आधार पर हम कह सकते हैं कि सरकार विफल रही",  # "on this basis"
    "Survey ke aadhar par ticket milega",
    "आंदोलन से जुड़ने के लिए 90000 00011 पर मिस्ड कॉल दें।",  # a number given, not asked for
    "Our helpline number is 90000 00010. Call us for any help.",
    "Voter ID lekar vote dein",  # go and vote with it
    "मतदान के दिन अपना मतदाता पहचान पत्र साथ ले जाएं।",
    "Photo ID is required at the polling booth.",
    "Rally at Ramlila Maidan on Sunday at 11 am. Bring your friends.",
    "Is message ko sab groups me forward karo",
    "Quiz jeetne walo ko 1000 rupaye milenge",  # money offered, not asked for
])
def test_ordinary_messages_do_not_solicit(text):
    assert not classify(text).solicits


def test_a_upi_id_to_pay_to_is_not_the_readers_bank_data():
    assert classify("Pay ₹100 membership fee on UPI 9000000031@upi").asks_for == ["money"]
    assert classify("Card ke 50 rupaye lagenge, paytm kar do 9000000042").asks_for == ["money"]
    assert classify("Cashback ke liye apna UPI ID bhejo").asks_for == ["bank_or_upi"]


def test_a_list_of_fields_to_send_back_asks_for_each_of_them():
    form = "Name:\nMobile number:\nAadhaar number:\nVoter ID:\nAddress:\nSend the above to +91 90000 00014"
    assert classify(form).asks_for == ["phone", "aadhaar", "voter_id", "address"]


def test_a_form_link_with_a_request_for_details_solicits():
    verdict = classify("Registration ke liye ye form bharo: https://forms.gle/AbCdEf123")
    assert verdict.solicits and verdict.asks_for == []
    assert verdict.form_links == ["https://forms.gle/abcdef123"]
    shortened = classify("Fill in your mobile number and Aadhaar at bit.ly/party-join")
    assert shortened.solicits and shortened.asks_for == ["phone", "aadhaar"]


def test_a_shortened_link_to_register_collects_details_but_one_to_watch_does_not():
    assert classify("Register for the rally here: bit.ly/rally-reg").form_links == ["bit.ly/rally-reg"]
    assert classify("सदस्यता कार्ड के लिए यहां रजिस्टर करें: tinyurl.com/party-card").solicits
    assert not classify("Watch the full speech: bit.ly/speech-live").solicits
    assert classify("Your membership expires today. Click here to renew: tinyurl.com/renew-m").solicits


def test_a_link_to_follow_or_watch_is_not_a_form():
    assert not classify("Join our WhatsApp channel for updates: https://whatsapp.com/channel/0029Va").solicits
    assert not classify("Watch the rally live: https://youtube.com/@example/live").solicits
    assert not classify("Fake forms are going around: forms.gle/xyz. Do not fill them.").solicits


@pytest.mark.parametrize("text", [
    "Official IT cell: please update your details",
    "आधिकारिक सूचना: प्रदेश सम्मेलन 12 जनवरी को लखनऊ में होगा।",
    "पार्टी की ओर से सभी कार्यकर्ताओं को बधाई।",
    "From the party office: the district meeting is postponed to Monday.",
    "Party ki taraf se sabhi karyakartaon ko dhanyavaad",
    "पार्टी कार्यालय से: जिला अध्यक्षों की बैठक सोमवार को होगी।",
])
def test_claims_to_be_official(text):
    assert classify(text).claims


@pytest.mark.parametrize("text", [
    "Fake IT cell groups are asking for phone numbers. Do not reply to them.",
    "Share your UPI PIN to receive Rs 5000 from the party fund",
    "Only trust official channels listed on our website.",
    "Send your suggestions to the party office",
    "अपने सुझाव पार्टी कार्यालय में जमा करें",
    "Join the rally tomorrow at Gandhi Maidan at 10 am.",
])
def test_mentioning_officials_is_not_claiming_to_be_one(text):
    assert not classify(text).claims


def check_message_en(text: str) -> dict:
    with translation.override("en"):
        return check_message(text)


@pytest.mark.django_db
def test_the_answer_has_exactly_the_documented_shape():
    statements.forget()
    answer = check_message_en("पार्टी की ओर से: अपना आधार नंबर और OTP तुरंत भेजें वरना सदस्यता रद्द हो जाएगी")
    assert answer == {
        "solicits_personal_data": True,
        "asks_for": ["aadhaar", "otp"],
        "claims_to_be_official": True,
        "official_statement": None,
        "reasons": [
            "Asks you for: Aadhaar number or card, OTP (one-time password).",
            "Pressures you to act fast or threatens a penalty.",
            "Claims to come from the movement or an official team (“पार्टी की ओर से”).",
            "Claims to be official and asks for personal data: the movement's real channels never ask for an OTP, "
            "Aadhaar, bank details or money.",
        ],
    }
    assert set(answer["asks_for"]) <= set(CATEGORIES)


@pytest.mark.django_db
def test_an_ordinary_message_says_it_asks_for_nothing():
    statements.forget()
    answer = check_message_en("Happy Diwali to all our supporters!")
    assert answer["solicits_personal_data"] is False and answer["asks_for"] == []
    assert answer["reasons"] == ["Does not ask for personal data."]


@pytest.mark.django_db
def test_a_quote_of_the_leadership_that_matches_nothing_has_no_official_source():
    statements.forget()
    make_statements()
    answer = check_message_en("अध्यक्ष जी ने कहा कि हर परिवार को हर महीने 10000 रुपये मिलेंगे, सब को भेजो")
    assert answer["official_statement"] is None
    assert answer["reasons"][-1].startswith("No official source found")


@pytest.mark.django_db
def test_a_forward_of_a_real_statement_names_it():
    statements.forget()
    recorded = make_statements()
    answer = check_message_en(f"*BREAKING* नेता जी ने कहा: {FARMERS_HI} Forward as received")
    assert answer["official_statement"] == {
        "id": recorded["farmers"].public_id, "text": FARMERS_HI, "said_on": "2026-10-02", "speaker": "Asha Verma",
        "channel": "@AshaVermaOfficial", "similarity": answer["official_statement"]["similarity"], "exact": True,
    }
    assert answer["reasons"][-1] == "Matches an official statement of 2026-10-02 closely."
    assert not any(r.startswith("No official source") for r in answer["reasons"])


@pytest.mark.django_db
def test_reasons_speak_hindi_on_request():
    statements.forget()
    with translation.override("hi"):
        answer = check_message("apna aadhar bhejo")
    assert answer["reasons"] == ["आपसे यह माँगता है: आधार नंबर या कार्ड।"]
    assert answer["asks_for"] == ["aadhaar"]  # the codes stay the same in every language


@pytest.mark.parametrize("text", [
    "'; DROP TABLE trust_statement; --", "<script>alert(1)</script> send your OTP", "\u202eOTP\u202c bhejo",
    "🙏" * 2000, "a" * 5000,
])
def test_odd_input_gets_an_answer(text):
    verdict = classify(text)
    assert isinstance(verdict.solicits, bool)
