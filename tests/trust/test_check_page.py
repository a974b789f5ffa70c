"""The public /check/ page: paste a message, get the verdict in Hindi (or English), with what to do next."""

import re

import pytest
from django.core.cache import cache
from django.test import Client

from sampark.trust.messages import statements
from sampark.trust.messages.fishing import MAX_TEXT_LENGTH
from tests.trust.statement_data import FARMERS_HI, MEMBERSHIP_EN, make_statements

pytestmark = pytest.mark.django_db
URL = "/check/"


@pytest.fixture(autouse=True)
def fresh_limits_and_index():
    cache.clear()
    statements.forget()
    yield
    cache.clear()


def text_of(response) -> str:
    html = response.content.decode()
    main = html[html.index("<main"):html.index("</main>")]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", main))


def test_the_empty_page_is_hindi_first_and_light(client):
    response = client.get(URL, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert response["Content-Language"] == "hi"
    page = text_of(response)
    assert "संदेश जाँचें" in page
    assert 'name="text"' in response.content.decode() and "csrfmiddlewaretoken" in response.content.decode()
    assert "/report/" in response.content.decode()
    assert len(response.content) < 100_000


def test_a_fishing_message_gets_a_warning_in_hindi(client):
    response = client.post(URL, {"text": "Official IT cell: apna aadhar aur OTP bhejo"})
    assert response.status_code == 200
    page = text_of(response)
    assert "सावधान: यह संदेश आपकी निजी जानकारी माँगता है।" in page
    assert "आधार नंबर या कार्ड" in page and "OTP (एक बार का पासवर्ड)" in page
    assert "यह आधिकारिक होने का दावा करता है।" in page
    assert "Official IT cell: apna aadhar aur OTP bhejo" in page  # the text stays in the box to edit


@pytest.mark.parametrize("text", [
    "Official IT cell: apna aadhar aur OTP bhejo",
    "Rally at Ramlila Maidan on Sunday at 11 am. Bring your friends.",
    "सदस्यता कार्ड के लिए 99 रुपये फोनपे करें: 90000 00025",
])
def test_no_official_source_warning_for_a_message_that_quotes_nobody(client, text):
    make_statements()
    response = client.post(f"{URL}?lang=en", {"text": text})
    assert response.status_code == 200
    assert "No official source found" not in text_of(response)
    assert 'id="statement"' not in response.content.decode()


@pytest.mark.parametrize(("text", "language", "warning"), [
    ("अध्यक्ष जी ने कहा कि हर परिवार को हर महीने 10000 रुपये मिलेंगे", "hi", "कोई आधिकारिक स्रोत नहीं मिला।"),
    ("Netaji ne kaha hai ki kal se sab toll free honge", "hi", "कोई आधिकारिक स्रोत नहीं मिला।"),
    ("The party president said that every family will get a free scooter.", "en", "No official source found."),
])
def test_words_put_in_the_leaderships_mouth_without_a_source_are_flagged(client, text, language, warning):
    make_statements()
    page = text_of(client.post(f"{URL}?lang={language}", {"text": text}))
    assert warning in page


def test_english_on_request(client):
    response = client.post(f"{URL}?lang=en", {"text": "Never share your OTP with anyone."})
    assert response["Content-Language"] == "en"
    page = text_of(response)
    assert "This message does not ask for your personal details." in page
    assert "only to warn against sharing it" in page
    assert "It does not claim to be official." in page


def test_a_forward_of_a_statement_shows_date_speaker_and_channel(client):
    make_statements()
    page = text_of(client.post(URL, {"text": f"*BREAKING* {FARMERS_HI} 🙏 Forward as received"}))
    assert "यह नेतृत्व के कहे से मेल खाता है:" in page
    assert "आशा वर्मा" in page  # the speaker's Hindi name on the Hindi page
    assert "2 अक्टूबर 2026" in page
    assert "@AshaVermaOfficial" in page


def test_an_altered_forward_is_called_out_with_the_real_words(client):
    make_statements()
    altered = MEMBERSHIP_EN.replace("is free", "is not free")
    page = text_of(client.post(f"{URL}?lang=en", {"text": altered}))
    assert "says the opposite" in page
    assert MEMBERSHIP_EN.replace("'", "&#x27;") in page
    assert "Asha Verma" in page and "15 September 2026" in page


@pytest.mark.parametrize(("text", "message"), [
    ("", "जिस संदेश को जाँचना है, उसे यहाँ चिपकाएँ।"),
    ("   ", "जिस संदेश को जाँचना है, उसे यहाँ चिपकाएँ।"),
    ("x" * (MAX_TEXT_LENGTH + 1), f"संदेश बहुत लंबा है: अधिकतम {MAX_TEXT_LENGTH} अक्षर।"),
    ("OTP\x00bhejo", "संदेश में ऐसे अक्षर हैं जिन्हें पढ़ा नहीं जा सकता।"),
])
def test_bad_input_is_a_400_next_to_the_box(client, text, message):
    response = client.post(URL, {"text": text})
    assert response.status_code == 400
    assert message in text_of(response)
    assert 'id="result"' not in response.content.decode()


def test_a_post_without_the_csrf_token_is_refused():
    client = Client(enforce_csrf_checks=True)
    assert client.post(URL, {"text": "paise bhejo"}).status_code == 403


def test_over_the_limit_is_a_429_page(client, settings):
    settings.PUBLIC_RATE_LIMIT = "2/m"
    for _ in range(2):
        assert client.post(URL, {"text": "paise bhejo"}).status_code == 200
    response = client.post(URL, {"text": "paise bhejo"})
    assert response.status_code == 429
    assert "आपके कनेक्शन से बहुत ज़्यादा जाँचें हुई हैं।" in text_of(response)
    assert 'id="result"' not in response.content.decode()
    assert client.get(URL).status_code == 200  # reading the page is not counted


def test_markup_in_the_message_is_shown_as_text(client):
    response = client.post(f"{URL}?lang=en", {"text": "<script>alert(1)</script> send your OTP"})
    assert "<script>alert(1)</script>" not in response.content.decode()
    assert "&lt;script&gt;" in response.content.decode()
