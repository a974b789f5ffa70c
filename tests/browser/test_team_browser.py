"""The team page in a real Chromium at 360 px: a district coordinator adds a volunteer for an assembly and is
refused at the next district, the form naming the field."""


import pytest
from django.contrib.auth import get_user_model

from sampark.accounts.models import Role, RoleAssignment
from tests.browser.pages import STAFF_PASSWORD, no_horizontal_scroll, screenshot, sign_in

pytestmark = pytest.mark.browser

PASSWORD = STAFF_PASSWORD


@pytest.fixture
def coordinator(areas):
    user = get_user_model().objects.create_user("coord-lko", password=PASSWORD, is_staff=True)
    RoleAssignment.objects.create(user=user, role=Role.COORDINATOR, area=areas["UP-LKO"])
    return user


def test_add_a_volunteer_then_be_refused_at_the_next_district(live_server, phone, coordinator, areas):
    sign_in(phone, live_server.url, "coord-lko", next_path="/staff/team/")
    assert phone.url.endswith("/staff/team/")
    assert phone.text_content("h1").strip() == "टीम"
    assert no_horizontal_scroll(phone)
    screenshot(phone, "team")

    phone.fill("#id_username", "asha")
    phone.select_option("#id_role", "volunteer")
    phone.fill("#id_area", "UP-AC-170")
    with phone.expect_navigation():
        phone.click("text=भूमिका दें")
    status = phone.locator("[role=status]")
    assert "asha" in status.text_content() and "सरोजनी नगर" in status.text_content()
    password = phone.text_content(".password").strip()
    assert get_user_model().objects.get(username="asha").check_password(password)
    assert "asha" in phone.text_content(".team-list")
    assert no_horizontal_scroll(phone)
    screenshot(phone, "team-added")

    phone.fill("#id_username", "ravi")
    phone.select_option("#id_role", "volunteer")
    phone.fill("#id_area", "UP-AGR")
    with phone.expect_navigation():
        phone.click("text=भूमिका दें")
    error = phone.locator(".has-error").filter(has=phone.locator("#id_area"))
    assert "कभी ऊपर या बगल में नहीं" in error.text_content()
    assert phone.locator("[role=alert] a[href='#id_area']").count() == 1  # the summary names the field
    assert not get_user_model().objects.filter(username="ravi").exists()
    assert no_horizontal_scroll(phone)
    screenshot(phone, "team-refused")
