"""The public home page on a cheap phone: fits the screen, the number is a tap-to-call link."""

import pytest

from sampark.telephony.services import add_number

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_home_fits_a_phone_and_offers_tap_to_call(live_server, phone):
    add_number(provider="exotel", slug="main", number="+91 11 4000 0000", secret="k" * 16)
    phone.goto(live_server.url + "/")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    assert phone.locator("html").get_attribute("lang") == "hi"
    link = phone.locator("a.phone")
    assert link.get_attribute("href") == "tel:+911140000000"
    assert link.bounding_box()["height"] >= 24
    phone.click("text=English")
    assert phone.locator("h1").inner_text() == "Join with one missed call"
