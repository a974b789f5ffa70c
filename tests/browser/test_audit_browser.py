"""The audit page on a 360 px phone for a DPO (signed in with a second factor): filter by action, read, page on."""


import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from sampark.accounts.models import Role, RoleAssignment
from sampark.core.models import AuditEntry
from tests.browser.pages import screenshot
from tests.conftest import login_verified
from tests.supporters.factories import make_supporter

pytestmark = pytest.mark.browser


def test_dpo_reads_the_audit_on_a_phone(live_server, phone, areas):
    dpo = get_user_model().objects.create_user("dpo-up", password=None, is_staff=True)
    RoleAssignment.objects.create(user=dpo, role=Role.DPO, area=areas["UP"])
    supporter = make_supporter("+919876500001", area=areas["UP-LKO"])
    for _n in range(3):
        AuditEntry.objects.create(actor=dpo, action=AuditEntry.Action.READ, subject=f"supporter:{supporter.public_id}")
    AuditEntry.objects.create(actor=dpo, action=AuditEntry.Action.REVEAL_PHONE,
                              subject=f"supporter:{supporter.public_id}", detail={"reason": "call back"})
    client = login_verified(Client(), dpo)  # password and authenticator code, as the middleware requires
    phone.context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value,
                                "url": live_server.url}])

    phone.goto(f"{live_server.url}/staff/audit/")
    assert phone.text_content("h1").strip() == "ऑडिट"
    assert phone.locator(".audit-list li").count() == 5  # and their own sign-in: a staff member of the state
    assert "साइन इन किया" in phone.text_content(".audit-list")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot(phone, "audit")

    phone.select_option("#id_action", "reveal_phone")
    with phone.expect_navigation():
        phone.click("button[type=submit]")
    assert phone.locator(".audit-list li").count() == 1
    assert "reason=call back" in phone.text_content(".audit-list")
