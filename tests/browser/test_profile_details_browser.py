"""The profile page's new questions on a 360 px phone, with and without JavaScript: an under-18 needs the
guardian's consent (a clear error, nothing saved), then saves; the saved language stays checked."""


import pytest

from sampark.supporters.models import Supporter
from sampark.supporters.services import profile_token
from tests.browser.pages import screenshot
from tests.supporters.factories import make_supporter

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("javascript", [True, False])
def test_under_18_needs_a_guardian_then_saves(live_server, browser, areas, javascript):
    from tests.browser.conftest import _phone_page

    supporter = make_supporter("+919876500001", area=areas["UP"], language="en")
    context, phone = _phone_page(browser, javascript=javascript)
    try:
        response = phone.goto(f"{live_server.url}/p/{profile_token(supporter)}?lang=hi")
        assert len(response.body()) < 100 * 1024
        assert phone.get_attribute("html", "lang") == "hi"
        assert phone.is_checked("input[name=language][value=en]")  # the saved language, not the page's
        assert phone.is_hidden("#guardian-field") == javascript  # shown only for an under-18 (with JS)

        phone.fill("#id_name", "रीना")
        phone.select_option("#id_district", "UP-LKO")
        phone.fill("#id_village", "चिनहट")
        phone.fill("#id_pin_code", "226028")
        phone.check("#id_gender_0")
        phone.select_option("#id_age_band", "u18")
        phone.check("#id_wants_to_volunteer")
        if javascript:
            assert phone.is_visible("#guardian-field")
        assert phone.evaluate("document.documentElement.scrollWidth") <= 360
        with phone.expect_navigation():
            phone.click("button[type=submit]")
        assert "माता-पिता या अभिभावक सहमत हों" in phone.text_content("#guardian-field")
        assert Supporter.objects.get(pk=supporter.pk).name == ""
        screenshot(phone, f"profile-under-18{'' if javascript else '-nojs'}")

        phone.check("#id_guardian_consent")
        with phone.expect_navigation():
            phone.click("button[type=submit]")
        saved = Supporter.objects.get(pk=supporter.pk)
        assert (saved.name, saved.age_band, saved.guardian_consent, saved.pin_code, saved.village) == (
            "रीना", "u18", True, "226028", "चिनहट")
        assert saved.wants_to_volunteer is True and saved.gender == "female" and saved.language == "en"
    finally:
        context.close()
