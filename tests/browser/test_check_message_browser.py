"""The "check a message" page in a real Chromium at 360 px: paste a forward, read the verdict, with and without JS."""


import pytest

from sampark.trust.messages import statements
from tests.browser.pages import no_horizontal_scroll, screenshot
from tests.trust.statement_data import MEMBERSHIP_EN, make_statements

pytestmark = pytest.mark.browser


@pytest.fixture
def recorded(transactional_db):
    statements.forget()
    yield make_statements()
    statements.forget()


def test_check_a_fishing_forward_in_hindi_on_a_small_phone(live_server, phone, recorded):
    response = phone.goto(f"{live_server.url}/check/")
    assert response.status == 200
    assert phone.get_attribute("html", "lang") == "hi"
    assert phone.text_content("h1") == "संदेश जाँचें"
    assert no_horizontal_scroll(phone)
    for selector in ("#id_text", "button[type=submit]", "#report-link", ".lang-switch a"):
        assert phone.locator(selector).bounding_box()["height"] >= 44, selector

    phone.fill("#id_text", "*पार्टी की ओर से* 📢\nसभी कार्यकर्ता अपना वोटर आईडी और आधार कार्ड की फोटो व्हाट्सएप करें "
                           "+91 90000 00033 पर, वरना सदस्यता रद्द हो जाएगी!")
    with phone.expect_navigation():
        phone.click("button[type=submit]")
    assert "सावधान: यह संदेश आपकी निजी जानकारी माँगता है।" in phone.text_content("#verdict")
    assert phone.eval_on_selector_all("#asks-for li", "els => els.map(e => e.textContent)") == [
        "आधार नंबर या कार्ड", "मतदाता पहचान पत्र (EPIC)", "फ़ोटो",
    ]
    assert "यह आधिकारिक होने का दावा करता है।" in phone.text_content("#official-claim")
    assert phone.locator("#statement").count() == 0  # it quotes no one: no "no official source" warning
    assert "आप पर जल्दी करने का दबाव डालता है या नुकसान की धमकी देता है।" in phone.text_content("#reasons")
    assert no_horizontal_scroll(phone)
    screenshot(phone, "check-fishing")


def test_verify_a_misquoted_forward_without_javascript(live_server, phone_without_js, recorded):
    page = phone_without_js
    page.goto(f"{live_server.url}/check/?lang=en")
    misquote = "Forwarded as received 👇 " + MEMBERSHIP_EN.replace("is free", "is not free")
    page.fill("#id_text", misquote)
    with page.expect_navigation():
        page.click("button[type=submit]")
    assert page.get_attribute("html", "lang") == "en"
    assert "This message does not ask for your personal details." in page.text_content("#verdict")
    statement = page.text_content("#statement")
    assert "says the opposite" in statement
    assert MEMBERSHIP_EN in statement
    assert "15 September 2026" in statement and "Asha Verma" in statement and "@AshaVermaOfficial" in statement
    assert page.input_value("#id_text") == misquote.replace("\r\n", "\n")
    assert no_horizontal_scroll(page)
    screenshot(page, "check-misquote")


def test_an_empty_box_says_what_to_do(live_server, phone, transactional_db):
    phone.goto(f"{live_server.url}/check/")
    phone.evaluate("document.querySelector('#id_text').removeAttribute('required')")
    with phone.expect_navigation():
        phone.click("button[type=submit]")
    assert "जिस संदेश को जाँचना है, उसे यहाँ चिपकाएँ।" in phone.text_content(".errorlist")
