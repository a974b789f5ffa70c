"""The dashboard on a 360 px phone: figures, the inline SVG chart and its table, the queue per child area."""

from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.utils import timezone

from sampark.accounts.models import Role, RoleAssignment
from tests.browser.pages import screenshot
from tests.supporters.factories import make_supporter

pytestmark = pytest.mark.browser

PASSWORD = "a long staff passphrase 42"


def test_dashboard_on_a_phone(live_server, phone, areas):
    user = get_user_model().objects.create_user("coord-lko", password=PASSWORD, is_staff=True)
    RoleAssignment.objects.create(user=user, role=Role.COORDINATOR, area=areas["UP-LKO"])
    for day in range(6):
        with time_machine.travel(timezone.now() - timedelta(days=day * 4 + 1), tick=False):
            for n in range(day + 1):
                make_supporter(f"+9198765{day:02d}{n:03d}", area=areas["UP-AC-170" if n % 2 else "UP-AC-171"])

    phone.goto(f"{live_server.url}/staff/login/")
    phone.fill("input[name=username]", "coord-lko")
    phone.fill("input[name=password]", PASSWORD)
    with phone.expect_navigation():
        phone.click("button[type=submit]")
    assert phone.text_content("h1").strip() == "डैशबोर्ड: लखनऊ"
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    svg = phone.locator("svg[role=img]")
    assert svg.bounding_box()["width"] <= 360
    assert phone.locator("svg rect").count() == 30
    assert "21" in phone.text_content(".tiles")  # 1 + 2 + … + 6 joins
    phone.click("details summary")
    assert phone.locator("details table tbody tr").count() == 30
    screenshot(phone, "dashboard")
