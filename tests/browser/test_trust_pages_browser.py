"""The official channels and "Is this official?" pages in a real Chromium at 360 px, Hindi first, no JS needed."""

from datetime import date

import pytest
from django.core.cache import cache

from sampark.trust import registry
from tests.browser.pages import screenshot
from tests.trust.registry_factories import add

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def official(transactional_db):
    cache.clear()
    hq = dict(owner="Sampark Andolan", name_hi="सम्पर्क आंदोलन", unit=True)
    add("x", "@SamparkAndolan", since=date(2024, 1, 15), **hq)
    add("phone", "+91 11 4000 0000", **hq)
    add("website", "https://example.org", **hq)
    add("whatsapp_group", "https://chat.whatsapp.com/DemoInviteCode0000000", **hq)
    old = add("x", "@SamparkOldHandleWithAVeryLongNameIndeed", owner="State President (demo)")
    registry.retire_channel(old, until=date(2025, 1, 31))
    yield
    cache.clear()


def fits(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= 360


def test_official_channels_on_a_phone_hindi_then_english(live_server, phone, official):
    phone.goto(live_server.url + "/official/")
    assert phone.get_attribute("html", "lang") == "hi"
    assert phone.text_content("h1") == "आधिकारिक चैनल"
    assert fits(phone)
    link = phone.locator('a[href="https://x.com/samparkandolan"]')
    assert link.is_visible() and link.bounding_box()["height"] >= 24
    assert phone.locator('a[href="tel:+911140000000"]').is_visible()
    screenshot(phone, "official-hi")
    phone.click("text=English")
    assert phone.text_content("h1") == "Official channels"
    assert "Official until Jan. 31, 2025" in phone.text_content("main")
    assert fits(phone)
    screenshot(phone, "official-en")


def test_check_a_handle_from_the_home_page(live_server, phone, official):
    phone.goto(live_server.url + "/")
    phone.click("a[href='/verify/']")
    assert phone.get_attribute("html", "lang") == "hi"
    assert phone.locator("#q").bounding_box()["height"] >= 44
    phone.fill("#q", "https://mobile.twitter.com/SamparkAndolan?s=20")
    phone.click("button[type=submit]")
    assert "q=https" in phone.url  # a shareable answer
    assert phone.get_attribute("#verdict", "data-verdict") == "official"
    assert "हाँ, यह आधिकारिक है।" in phone.text_content("#verdict")
    assert fits(phone)
    screenshot(phone, "verify-official-hi")
    phone.click(".lang-switch a")  # English, same question
    assert "Yes, this is official." in phone.text_content("#verdict")
    assert phone.input_value("#q") == "https://mobile.twitter.com/SamparkAndolan?s=20"


def test_an_unknown_group_without_javascript_says_not_official_and_offers_a_report(live_server, phone_without_js,
                                                                                  official):
    page = phone_without_js
    page.goto(live_server.url + "/verify/?lang=en")
    page.fill("#q", "https://chat.whatsapp.com/FakeITCellGroup123")
    page.click("button[type=submit]")
    assert page.get_attribute("#verdict", "data-verdict") == "not_official"
    assert "A WhatsApp group that is not on our list is not official" in page.text_content("main")
    report = page.locator("a.button", has_text="Report it to us")
    assert report.get_attribute("href") == "/report/?q=https%3A%2F%2Fchat.whatsapp.com%2FFakeITCellGroup123&lang=en"
    assert report.bounding_box()["height"] >= 44
    assert fits(page)
    screenshot(page, "verify-not-official-en")
