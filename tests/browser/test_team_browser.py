"""The team page in a real Chromium at 360 px: a district coordinator adds a volunteer for an assembly and is
refused at the next district, the form naming the field."""

import os

import pytest
from django.contrib.auth import get_user_model

from sampark.accounts.models import Role, RoleAssignment

pytestmark = pytest.mark.browser

SCREENSHOTS = os.environ.get("SAMPARK_SCREENSHOTS", "")
PASSWORD = "a long staff passphrase 42"


def screenshot(page, name: str) -> None:
    if SCREENSHOTS:
        page.screenshot(path=os.path.join(SCREENSHOTS, f"{name}-360.png"), full_page=True)


def no_horizontal_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= 360


@pytest.fixture
def coordinator(areas):
    user = get_user_model().objects.create_user("coord-lko", password=PASSWORD, is_staff=True)
    RoleAssignment.objects.create(user=user, role=Role.COORDINATOR, area=areas["UP-LKO"])
    return user


def sign_in(page, base):
    page.goto(f"{base}/staff/login/?next=/staff/team/")
    page.fill("input[name=username]", "coord-lko")
    page.fill("input[name=password]", PASSWORD)
    with page.expect_navigation():
        page.click("button[type=submit]")


def test_add_a_volunteer_then_be_refused_at_the_next_district(live_server, phone, coordinator, areas):
    sign_in(phone, live_server.url)
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
