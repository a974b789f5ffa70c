"""The public pages in a real Chromium at 360 px, Hindi first: every link and button a 44 px target, nothing wider
than the screen, a way home everywhere; /check/ hands the message to /report/; the 404 page."""

from datetime import date

import pytest
from django.core.cache import cache

from sampark.telephony.services import add_number
from sampark.trust.cases import workflow as cases
from sampark.trust.messages import statements
from sampark.trust.models import Case
from tests.browser.pages import screenshot
from tests.trust.registry_factories import add

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
MESSAGE = "पार्टी की ओर से सूचना:\nसदस्यता कार्ड के लिए अपना आधार नंबर और OTP इस नंबर पर भेजें"


@pytest.fixture
def site(transactional_db):
    cache.clear()
    statements.forget()
    add_number(provider="exotel", slug="main", number="+91 11 4000 0000", secret="k" * 16)
    hq = dict(owner="Sampark Andolan", name_hi="सम्पर्क आंदोलन", unit=True, since=date(2024, 1, 15))
    add("x", "@SamparkAndolan", **hq)
    add("phone", "+91 90000 00012", **hq)
    case = cases.submit_report(target="https://x.com/Sampark_0fficial", what="impersonates").case
    yield case
    cache.clear()
    statements.forget()


def small_targets(page) -> list[str]:
    """Visible links and buttons under 44 px tall (the header's included)."""
    return page.evaluate("""() => [...document.querySelectorAll('a, button')]
        .filter(e => e.offsetParent !== null)
        .map(e => [e.textContent.trim().slice(0, 40), e.getBoundingClientRect().height])
        .filter(([, h]) => h < 44).map(([t, h]) => `${t}: ${h}px`)""")


def fits(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= 360


@pytest.mark.parametrize(("name", "path", "status"), [
    ("home", "/", 200),
    ("verify-name", "/verify/?q=सम्पर्क आंदोलन", 200),
    ("check", "/check/", 200),
    ("report", "/report/", 200),
    ("status", "/report/status/?code={code}", 200),
    ("status-unknown", "/report/status/?code=k7m4-qx0p", 400),
    ("official", "/official/", 200),
    ("not-found", "/no-such-page/", 404),
])
def test_each_page_fits_a_phone_has_big_targets_and_a_way_home(live_server, phone, site, name, path, status):
    response = phone.goto(live_server.url + path.format(code=site.code))
    assert response.status == status
    assert phone.get_attribute("html", "lang") == "hi"
    assert fits(phone), name
    assert small_targets(phone) == [], name
    assert phone.locator("header .brand").text_content() == "सम्पर्क"
    screenshot(phone, name)
    phone.click("header .brand")
    assert phone.evaluate("location.pathname") == "/"


def test_the_404_page_in_both_languages_leads_home(live_server, phone, site):
    response = phone.goto(live_server.url + "/nothing/here/")
    assert response.status == 404
    assert phone.locator("h1").all_text_contents() == ["पेज नहीं मिला", "Page not found"]
    phone.click("text=Go to the home page")
    assert phone.get_attribute("html", "lang") == "en"
    assert phone.locator("h1").inner_text() == "Join with one missed call"


@pytest.mark.parametrize("javascript", [True, False])
def test_report_this_carries_the_checked_message_to_the_report_form(live_server, browser, site, javascript):
    from tests.browser.conftest import _phone_page

    context, page = _phone_page(browser, javascript=javascript)
    try:
        page.goto(live_server.url + "/check/")
        page.fill("#id_text", MESSAGE)
        page.click("button[type=submit]")
        page.wait_for_selector("#verdict", timeout=30_000)  # the first check builds the lexicon
        assert page.locator("#report-link").bounding_box()["height"] >= 44
        page.click("#report-link")
        page.wait_for_selector("#from-check")
        assert page.evaluate("location.pathname") == "/report/"
        assert page.input_value("#id_details") == MESSAGE  # line break and Hindi intact
        assert page.is_checked("#id_what_1")  # asks for personal details
        assert fits(page)
        if javascript:
            screenshot(page, "report-from-check")
        page.fill("#id_target", "+91 90000 00099")
        page.click("button[type=submit]")
        page.wait_for_selector(".case-code")
        case = Case.objects.exclude(pk=site.pk).get()
        assert case.reports.get().details.replace("\r\n", "\n") == MESSAGE  # a browser sends CRLF
    finally:
        context.close()
