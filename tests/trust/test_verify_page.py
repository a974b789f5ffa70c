"""/verify/: "Is this official?" in plain words — official, was official until, looks like ours, not ours."""

import re
from datetime import date

import pytest
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import translation

from sampark.trust import registry
from sampark.trust.matching.verify import RISK, channel_json
from sampark.trust.views.verify import present, reason_text
from tests.trust.registry_factories import add

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()  # the rate limit counts in the cache
    yield
    cache.clear()


@pytest.fixture
def channels():
    hq = dict(owner="Sampark Andolan", name_hi="सम्पर्क आंदोलन", unit=True)
    return {
        "x": add("x", "@SamparkAndolan", since=date(2024, 1, 15), **hq),
        "group": add("whatsapp_group", "https://chat.whatsapp.com/DemoInviteCode0000000", **hq),
        "phone": add("phone", "+91 11 4000 0000", **hq),
    }


def text(response) -> str:
    html = response.content.decode()
    return re.sub(r"\s+", " ", re.sub(r"<style>.*?</style>|<[^>]+>", " ", html, flags=re.S))


def verdict(response) -> str | None:
    found = re.search(r'data-verdict="(\w+)"', response.content.decode())
    return found.group(1) if found else None


def test_the_empty_form_in_hindi_with_one_field(client):
    response = client.get("/verify/")
    page = response.content.decode()
    assert response.status_code == 200 and 'lang="hi"' in page
    assert "क्या यह आधिकारिक है?" in page
    assert page.count('name="q"') == 1 and 'method="get"' in page
    assert verdict(response) is None


@pytest.mark.parametrize("q", ["@SamparkAndolan", "https://mobile.twitter.com/samparkandolan?s=20",
                               "x.com/SamparkAndolan"])
def test_an_official_handle_says_whose_and_since_when(client, channels, q):
    response = client.get("/verify/", {"q": q, "lang": "en"})
    assert verdict(response) == "official"
    page = text(response)
    assert "Yes, this is official." in page and "Sampark Andolan" in page
    assert "Official since Jan. 15, 2024" in page
    assert 'href="https://x.com/samparkandolan"' in response.content.decode()
    assert "Report it to us" not in page


def test_an_official_phone_number_in_hindi(client, channels):
    response = client.get("/verify/", {"q": "011-4000 0000"})
    assert verdict(response) == "official"
    assert "हाँ, यह आधिकारिक है।" in text(response) and "सम्पर्क आंदोलन" in text(response)


def test_an_official_group_invite_is_confirmed_without_linking_it(client, channels):
    response = client.get("/verify/", {"q": "https://chat.whatsapp.com/DemoInviteCode0000000", "lang": "en"})
    assert verdict(response) == "official"
    assert 'href="https://chat.whatsapp.com' not in response.content.decode()


def test_a_retired_channel_was_official_until(client, channels):
    registry.retire_channel(channels["x"], until=date(2025, 6, 30))
    response = client.get("/verify/", {"q": "@SamparkAndolan", "lang": "en"})
    page = text(response)
    assert verdict(response) == "not_official"
    assert "No longer official." in page and "Official until June 30, 2025" in page
    assert 'href="https://x.com/samparkandolan"' not in response.content.decode()


def test_an_unknown_whatsapp_group_is_not_official_and_the_page_says_what_to_do(client, channels):
    q = "https://chat.whatsapp.com/FakeITCellInvite123?x=1&y=2"
    response = client.get("/verify/", {"q": q, "lang": "en"})
    page = text(response)
    assert verdict(response) == "not_official"
    assert "A WhatsApp group that is not on our list is not official" in page
    assert "Never share your phone number, Aadhaar, OTP, bank or UPI details" in page
    report = "/report/?q=https%3A%2F%2Fchat.whatsapp.com%2FFakeITCellInvite123%3Fx%3D1%26y%3D2&amp;lang=en"
    assert f'href="{report}"' in response.content.decode()


def test_something_unknown_is_not_official_in_hindi(client, channels):
    response = client.get("/verify/", {"q": "some-random-site.example"})
    assert verdict(response) == "not_official"
    assert "यह हमारे आधिकारिक चैनलों की सूची में नहीं है।" in text(response)
    assert "आधार" in text(response)


def test_the_answer_is_a_shareable_link_and_the_language_switch_keeps_the_question(client, channels):
    page = client.get("/verify/", {"q": "@SamparkAndolan"}).content.decode()
    assert 'href="?q=%40SamparkAndolan&amp;lang=en"' in page
    assert 'value="@SamparkAndolan"' in page
    english = client.get("/verify/", {"q": "@SamparkAndolan", "lang": "en"}).content.decode()
    assert '<input type="hidden" name="lang" value="en">' in english


def test_a_question_longer_than_any_handle_is_a_400_naming_the_problem(client):
    response = client.get("/verify/", {"q": "a" * 5000, "lang": "en"})
    assert response.status_code == 400
    assert "too long (5000 characters)" in text(response)
    assert verdict(response) is None


@pytest.mark.parametrize("q", ["\x00", "abc\x00def", "'; DROP TABLE trust_officialchannel; --", "<script>x</script>",
                               "%" * 300, "\ufffd\ufffd", "@" * 10, "https://", "+", "वेबसाइट.भारत"])
def test_odd_input_is_answered_not_crashed(client, channels, q):
    response = client.get("/verify/", {"q": q, "lang": "en"})
    assert response.status_code == 200
    assert "<script>x" not in response.content.decode()


def test_asking_too_often_gets_a_429_page(client, channels, settings):
    settings.PUBLIC_RATE_LIMIT = "2/m"
    for _n in range(2):
        assert client.get("/verify/", {"q": "@SamparkAndolan"}).status_code == 200
    response = client.get("/verify/", {"q": "@SamparkAndolan", "lang": "en"})
    assert response.status_code == 429
    assert "Too many checks from your connection" in text(response)
    assert client.get("/verify/").status_code == 200  # the empty form costs nothing and is not counted


def test_an_impersonation_risk_names_the_channel_it_resembles_and_why(channels):
    """The page's rendering of the scorer's answer shape, in both languages (the answer is built from a real
    channel; the scorer's own end-to-end answer is tested below)."""
    answer = {"query": "samparkand0lan", "platform": "x", "verdict": RISK, "matches": [{
        "channel": channel_json(channels["x"]), "score": 0.93,
        "reasons": ["digit 0 in place of letter o", "adds 'IT cell'", "a reason the page has no translation for"],
    }]}
    for language, expected in (
        ("en", ["Careful: this looks like an official channel, but it is not one.", "Similarity: 93%",
                "digit 0 in place of letter o", "adds “IT cell”", "a reason the page has no translation for",
                "Report it to us"]),
        ("hi", ["सावधान", "समानता: 93%", "अक्षर o की जगह अंक 0", "“IT cell” जोड़ा गया", "सम्पर्क आंदोलन"]),
    ):
        with translation.override(language):
            html = render_to_string("trust/verify.html", {"q": "@SamparkAnd0lan", "result": present(answer)})
        page = re.sub(r"\s+", " ", re.sub(r"<style>.*?</style>|<[^>]+>", " ", html, flags=re.S))
        assert 'data-verdict="impersonation_risk"' in html
        for phrase in expected:
            assert phrase in page, (language, phrase)
        assert 'href="https://x.com/samparkandolan"' in html  # the real one, to compare with


def test_a_cyrillic_lookalike_of_an_official_handle_is_an_impersonation_risk(client, channels):
    """End to end through the scorer: 'а' below is CYRILLIC SMALL LETTER A (U+0430)."""
    response = client.get("/verify/", {"q": "@S\u0430mparkAndolan", "lang": "en"})
    assert verdict(response) == "impersonation_risk"
    assert "Careful: this looks like an official channel" in text(response)
    assert "@SamparkAndolan" in text(response)


def test_fixed_reasons_are_translated_and_unknown_ones_kept():
    with translation.override("hi"):
        assert reason_text("words reordered") == "शब्दों का क्रम बदला गया"
        assert reason_text("Cyrillic letters that look Latin").startswith("सिरिलिक")
        assert reason_text("digit 8 in place of letter B") == "अक्षर B की जगह अंक 8"
        assert reason_text("something new") == "something new"


def test_the_home_page_links_to_both_pages(client, db):
    page = client.get("/?lang=en").content.decode()
    assert 'href="/verify/?lang=en"' in page and 'href="/official/?lang=en"' in page
    assert 'href="/verify/"' in client.get("/").content.decode()


def test_a_lookalike_of_an_official_group_never_reveals_the_real_invite(channels):
    answer = {"query": "DemoInviteCode000000O", "platform": "whatsapp_group", "verdict": RISK, "matches": [{
        "channel": channel_json(channels["group"]), "score": 0.95, "reasons": ["one letter missing"]}]}
    with translation.override("en"):
        html = render_to_string("trust/verify.html", {"q": "chat.whatsapp.com/DemoInviteCode000000O",
                                                      "result": present(answer)})
    assert "DemoInviteCode0000000" not in html
    assert "The invite link is not shown here." in html and "Sampark Andolan" in html


# --- a name is not verified ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("q", ["Sampark Andolan", "  sampark   andolan ", "Demo Leader Name", "सम्पर्क आंदोलन", "सम्पर्क",
                               "Sampark Andolan Official"])
def test_a_name_cannot_be_verified_and_the_page_asks_for_the_link_or_handle(client, channels, q):
    response = client.get("/verify/", {"q": q, "lang": "en"})
    page = text(response)
    assert response.status_code == 200 and verdict(response) == "name"
    assert "A name cannot be verified." in page and "Paste the link or the @handle instead." in page
    assert "Yes, this is official." not in page and "Not official." not in page
    assert 'name="q" value=""' in response.content.decode()  # an empty box, ready for the link


def test_the_name_message_in_hindi(client, channels):
    page = text(client.get("/verify/", {"q": "Demo Leader Name"}))
    assert "सिर्फ़ नाम से जाँच नहीं हो सकती।" in page and "लिंक या @हैंडल" in page


@pytest.mark.parametrize("q", ["Sampark Andolan", "सम्पर्क आंदोलन"])
def test_the_registered_owner_of_that_exact_name_has_its_official_channels_listed(client, channels, q):
    response = client.get("/verify/", {"q": q, "lang": "en"})
    assert verdict(response) == "name"
    html = response.content.decode()
    assert "Official channels of" in html and 'href="https://x.com/samparkandolan"' in html
    assert 'href="tel:+911140000000"' in html and "+91 11 4000 0000" in text(response)
    assert "DemoInviteCode" not in html  # a group invite stays unpublished


def test_a_name_of_nobody_registered_lists_nothing(client, channels):
    html = client.get("/verify/", {"q": "Demo Leader Name", "lang": "en"}).content.decode()
    assert "Official channels of" not in html and "x.com/samparkandolan" not in html


@pytest.mark.parametrize("q", ["@SamparkAndolan", "SamparkAndolan", "x.com/SamparkAndolan", "+91 11 4000 0000",
                               "011-4000 0000", "example.org", "वेबसाइट.भारत", "@Sampark Andolan",
                               "https://chat.whatsapp.com/DemoInviteCode0000000", "someone@example.org"])
def test_handles_links_numbers_and_addresses_are_still_checked(client, channels, q):
    assert verdict(client.get("/verify/", {"q": q})) not in (None, "name")


def test_the_api_still_answers_a_name_as_before(client, channels):
    answer = client.get("/api/v1/verify", {"q": "Demo Leader Name"}).json()
    assert answer["verdict"] in ("official", "impersonation_risk", "not_official")


def test_asking_about_names_counts_against_the_limit(client, channels, settings):
    settings.PUBLIC_RATE_LIMIT = "2/m"
    for _n in range(2):
        assert client.get("/verify/", {"q": "Demo Leader Name"}).status_code == 200
    assert client.get("/verify/", {"q": "Demo Leader Name"}).status_code == 429
