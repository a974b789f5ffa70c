"""The profile page in a real Chromium at 360 px: the supporter's first screen after the SMS link."""


import pytest

from sampark.supporters.models import Consent, Supporter, Touch
from sampark.supporters.services import profile_token
from tests.browser.pages import no_horizontal_scroll, screenshot

pytestmark = pytest.mark.browser


def assembly_options(page) -> list[str]:
    return page.eval_on_selector_all("#id_assembly option", "els => els.map(e => e.value)")


def test_fill_the_profile_in_hindi_on_a_small_phone(live_server, phone, supporter, areas):
    response = phone.goto(f"{live_server.url}/p/{profile_token(supporter)}")
    assert response.status == 200
    assert phone.get_attribute("html", "lang") == "hi"
    assert phone.text_content("h1") == "आपकी जानकारी"
    assert "+91 98XXXXXX01" in phone.text_content("main")
    assert no_horizontal_scroll(phone)
    assert phone.is_hidden("#assembly-field")  # nothing to pick until a district is chosen

    # tap targets a thumb can hit
    for selector in ("#id_name", "#id_district", "label[for=id_language_0]", "label[for=id_contact_consent]",
                     "button[type=submit]", ".lang-switch a"):
        assert phone.locator(selector).bounding_box()["height"] >= 44, selector

    phone.fill("#id_name", "सीता देवी")
    phone.select_option("#id_district", "UP-LKO")
    assert phone.is_visible("#assembly-field")
    assert assembly_options(phone) == ["", "UP-AC-171", "UP-AC-173", "UP-AC-170"]  # Lucknow's only, Hindi order

    phone.select_option("#id_assembly", "UP-AC-170")
    phone.select_option("#id_district", "UP-AGR")
    assert assembly_options(phone) == ["", "UP-AC-89", "UP-AC-87"]
    assert phone.input_value("#id_assembly") == ""  # Lucknow's choice dropped with its district

    phone.select_option("#id_district", "UP-UNN")  # no constituencies imported for Unnao
    assert assembly_options(phone) == [""] and phone.is_hidden("#assembly-field")

    phone.select_option("#id_district", "UP-LKO")
    phone.select_option("#id_assembly", "UP-AC-173")
    assert phone.is_checked("#id_language_0")  # हिन्दी
    phone.check("#id_contact_consent")
    assert no_horizontal_scroll(phone)
    screenshot(phone, "profile")

    with phone.expect_navigation():
        phone.click("button[type=submit]")
    assert phone.text_content("h1").strip() == "धन्यवाद, सीता देवी जी!"
    assert "लखनऊ पूर्व" in phone.text_content("main")
    assert no_horizontal_scroll(phone)
    screenshot(phone, "thanks")

    saved = Supporter.objects.select_related("area").get(pk=supporter.pk)
    assert saved.name == "सीता देवी"
    assert saved.area.code == "UP-AC-173" and not saved.area_is_guess
    assert saved.language == "hi" and saved.contact_consent is True
    assert Consent.objects.filter(supporter=saved, purpose="contact", granted=True, channel="web").count() == 1
    assert Touch.objects.filter(supporter=saved, kind=Touch.Kind.PROFILE).count() == 1


def test_errors_come_back_next_to_the_field(live_server, phone, supporter):
    phone.goto(f"{live_server.url}/p/{profile_token(supporter)}?lang=en")
    phone.fill("#id_name", "Ram")
    phone.select_option("#id_district", "UP-AGR")
    # a tampered or stale choice the script would not offer: put a Lucknow constituency back in the list
    phone.evaluate("""() => {
        const select = document.getElementById('id_assembly'), option = document.createElement('option');
        option.value = 'UP-AC-173'; option.textContent = 'x'; select.appendChild(option); select.value = 'UP-AC-173';
    }""")
    with phone.expect_navigation():
        phone.click("button[type=submit]")
    error = phone.text_content("#assembly-field .errorlist")
    assert "The assembly constituency Lucknow East is not in Agra district" in error
    screenshot(phone, "profile-error")
    assert phone.input_value("#id_name") == "Ram"
    assert no_horizontal_scroll(phone)
    assert Supporter.objects.get(pk=supporter.pk).name == ""


def test_works_without_javascript_and_the_language_switch_is_a_link(live_server, phone_without_js, supporter):
    page = phone_without_js
    page.goto(f"{live_server.url}/p/{profile_token(supporter)}")
    with page.expect_navigation():
        page.click(".lang-switch a[hreflang=en]")
    assert page.get_attribute("html", "lang") == "en"
    assert page.text_content("h1") == "Your details"
    assert assembly_options(page) == ["", "UP-AC-87", "UP-AC-89", "UP-AC-173", "UP-AC-171", "UP-AC-170"]
    assert no_horizontal_scroll(page)

    page.fill("#id_name", "Ram Prasad")
    page.select_option("#id_district", "UP-AGR")
    page.select_option("#id_assembly", "UP-AC-89")
    page.check("#id_language_1")  # English
    with page.expect_navigation():
        page.click("button[type=submit]")
    assert page.text_content("h1").strip() == "Thank you, Ram Prasad!"
    saved = Supporter.objects.select_related("area").get(pk=supporter.pk)
    assert (saved.name, saved.area.code, saved.language, saved.contact_consent) == ("Ram Prasad", "UP-AC-89", "en",
                                                                                     False)


def test_a_bad_link_is_a_friendly_page(live_server, phone):
    response = phone.goto(f"{live_server.url}/p/not-a-real-link")
    assert response.status == 404
    text = phone.text_content("main")
    assert "यह लिंक मान्य नहीं है" in text and "This link is not valid" in text
    assert no_horizontal_scroll(phone)
    screenshot(phone, "invalid-link")
