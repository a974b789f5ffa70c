"""Supporter records on a 360 px phone: list → filter → open a record → edit with a reason → the change shows in
the stage history and the record's changes."""

import os

import pytest
from django.contrib.auth import get_user_model

from sampark.accounts.models import Role, RoleAssignment
from tests.supporters.factories import make_supporter

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHOTS = os.environ.get("SAMPARK_SCREENSHOTS")  # a folder: save each page's screenshot there (for review)


def shot(page, name):
    if SHOTS:
        page.screenshot(path=os.path.join(SHOTS, f"records-{name}.png"), full_page=True)


def sign_in(page, live_server, username, password):
    page.goto(live_server.url + "/staff/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.locator("form button[type=submit]").click()
    page.wait_for_url(live_server.url + "/staff/")


def test_list_filter_open_edit_with_reason(live_server, phone, areas):
    user = get_user_model().objects.create_user("lko", password="a long pass phrase 42")
    RoleAssignment.objects.create(user=user, role=Role.COORDINATOR, area=areas["UP-LKO"])
    target = make_supporter("+919876500001", area=areas["UP-AC-170"], name="आशा देवी")
    make_supporter("+919876500002", area=areas["UP-AC-171"], name="बेला")
    make_supporter("+919876500003", area=areas["UP-AGR"], name="बाहर")
    sign_in(phone, live_server, "lko", "a long pass phrase 42")

    phone.goto(live_server.url + "/staff/supporters/")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    assert "आशा देवी" in phone.content() and "बाहर" not in phone.content()
    shot(phone, "list")
    phone.locator("summary").first.click()
    phone.fill("input[name=area]", "UP-AC-170")
    phone.locator("form button[type=submit]").first.click()
    phone.wait_for_url("**area=UP-AC-170**")
    assert "बेला" not in phone.content()
    shot(phone, "list-filtered")

    phone.click("text=आशा देवी")
    phone.wait_for_url(f"**/staff/supporters/{target.public_id}/")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    shot(phone, "detail")
    phone.click("a.button:has-text('बदलें')")
    phone.select_option("select[name=stage]", "active")
    phone.fill("input[name=village]", "बंथरा")
    phone.locator("form button[type=submit]").click()
    # no reason: the form says so and nothing changes
    assert phone.locator(".has-error input[name=reason]").count() == 1
    shot(phone, "edit-error")
    phone.fill("input[name=reason]", "बैठक में आईं")
    phone.locator("form button[type=submit]").click()
    phone.wait_for_url(f"**/staff/supporters/{target.public_id}/")
    history = phone.locator("section:has(h2:has-text('चरणों का इतिहास'))").inner_text()
    assert "बैठक में आईं" in history and "lko" in history
    assert "बंथरा" in phone.content()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    shot(phone, "detail-after")

    # the same person's second number: merge it in, and its number then finds this record
    phone.click("a.button:has-text('दूसरे रिकॉर्ड से जोड़ें')")
    phone.fill("input[name=other]", "98765 00002")
    phone.fill("input[name=reason]", "एक ही व्यक्ति, दो सिम")
    phone.check("input[name=confirm]")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    shot(phone, "merge")
    phone.locator("form button[type=submit]").click()
    phone.wait_for_url(f"**/staff/supporters/{target.public_id}/")
    assert "+91 98XXXXXX02" in phone.locator("dl.profile").inner_text()
    phone.goto(live_server.url + "/staff/supporters/?q=9876500002")
    assert phone.locator("ul.cards li").count() == 1 and "आशा देवी" in phone.locator("ul.cards").inner_text()
