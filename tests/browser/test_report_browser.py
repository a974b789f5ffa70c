"""Report a fake in a real Chromium at 360 px: Hindi first, a screenshot attached, the case reference shown."""


import pytest

from sampark.trust.models import Case, Report
from tests.browser.pages import screenshot
from tests.trust.factories import gps_exif, image_bytes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def fits(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= 360


def test_report_a_fake_with_a_screenshot_on_a_small_phone(live_server, phone, tmp_path):
    shot = tmp_path / "IMG_0001.jpg"
    shot.write_bytes(image_bytes("JPEG", size=(360, 640), exif=gps_exif()))
    response = phone.goto(f"{live_server.url}/report/?q=https://chat.whatsapp.com/FakeItCell42")
    assert response.status == 200
    assert phone.get_attribute("html", "lang") == "hi"
    assert phone.text_content("h1") == "नकली की शिकायत करें"
    assert phone.input_value("#id_target") == "https://chat.whatsapp.com/FakeItCell42"
    assert fits(phone)
    for selector in ("#id_target", "#id_platform", "label[for=id_what_0]", "#id_details", "button[type=submit]"):
        assert phone.locator(selector).bounding_box()["height"] >= 44, selector

    phone.check("#id_what_1")  # asks for phone numbers or personal details
    phone.fill("#id_details", "ग्रुप में आधार नंबर और OTP माँग रहे हैं")
    phone.set_input_files("#id_screenshot", str(shot))
    screenshot(phone, "report-form")
    phone.click("button[type=submit]")
    phone.wait_for_selector(".reference")
    assert phone.text_content("h1") == "शिकायत के लिए धन्यवाद"
    assert "1930" in phone.text_content("main")
    assert fits(phone)
    screenshot(phone, "report-thanks")

    case = Case.objects.get()
    assert phone.text_content(".reference") == case.code  # K7M4-QX9P

    phone.click("#status-link")  # the code carried over: whoever holds it sees the case
    phone.wait_for_selector("#status")
    assert phone.text_content("h1") == "शिकायत की स्थिति"
    assert phone.input_value("#code") == case.code
    assert "हमें शिकायत मिल गई है" in phone.text_content("#status-now")
    assert phone.locator('[data-step="received"].done').is_visible()
    assert fits(phone)
    screenshot(phone, "report-status")

    phone.fill("#code", case.code.lower().replace("-", " "))  # typed back by hand, small letters
    phone.click("button[type=submit]")
    phone.wait_for_selector("#status")
    assert phone.text_content("#status .case-code") == case.code
    assert (case.platform, case.target, case.report_count) == ("whatsapp_group", "FakeItCell42", 1)
    report = Report.objects.get()
    assert report.what == "asks_personal_data" and report.language == "hi"
    assert report.screenshot and b"Phone Model X" not in open(report.screenshot.path, "rb").read()


def test_the_form_works_without_javascript_and_shows_errors_in_hindi(live_server, phone_without_js):
    page = phone_without_js
    page.goto(f"{live_server.url}/report/")
    page.fill("#id_target", "\u200b")  # passes the browser's `required`, but there is nothing to read in it
    page.check("#id_what_0")
    page.click("button[type=submit]")
    page.wait_for_selector(".alert")
    assert "हम इसमें कोई अकाउंट, ग्रुप, नंबर या लिंक नहीं पढ़ पाए" in page.text_content("main")
    assert page.is_checked("#id_what_0")  # what was chosen is kept
    assert fits(page) and not Case.objects.exists()


def test_english_on_request(live_server, phone):
    phone.goto(f"{live_server.url}/report/")
    phone.click("text=English")
    assert phone.text_content("h1") == "Report a fake"
    assert phone.get_attribute("html", "lang") == "en"
