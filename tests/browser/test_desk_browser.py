"""The call-back desk in a real Chromium at 360 px: claim, reveal, reached with answers, the card done and the
number hidden again."""


import pytest
from django.contrib.auth import get_user_model

from sampark.accounts.models import Role, RoleAssignment
from sampark.core.models import AuditEntry
from sampark.supporters.models import Supporter
from tests.browser.pages import STAFF_PASSWORD, no_horizontal_scroll, screenshot, sign_in
from tests.supporters.factories import make_supporter

pytestmark = pytest.mark.browser

PASSWORD = STAFF_PASSWORD


@pytest.fixture
def volunteer(areas):
    user = get_user_model().objects.create_user("asha", password=PASSWORD, is_staff=True)
    RoleAssignment.objects.create(user=user, role=Role.VOLUNTEER, area=areas["UP-LKO"])
    return user


@pytest.mark.parametrize("javascript", [True, False])
def test_claim_reveal_reached_then_the_card_is_done(live_server, browser, volunteer, areas, javascript):
    from tests.browser.conftest import _phone_page

    context, phone = _phone_page(browser, javascript=javascript)
    try:
        supporter = make_supporter("+919876500001", area=areas["UP-LKO"])
        sign_in(phone, live_server.url, "asha", next_path="/staff/desk/")
        phone.goto(f"{live_server.url}/staff/desk/")
        assert phone.text_content("h1").strip() == "कॉल-बैक डेस्क"
        with phone.expect_navigation():
            phone.click("#claim")
        card = phone.locator(f"#card-{supporter.public_id}")
        assert "+91 98XXXXXX01" in card.text_content()
        assert no_horizontal_scroll(phone)
        screenshot(phone, "desk")

        with phone.expect_navigation():
            card.locator("button[type=submit]").click()  # नंबर दिखाएँ और कॉल करें
        link = phone.locator("#call-link")
        assert link.get_attribute("href") == "tel:+919876500001"
        assert link.bounding_box()["height"] >= 44
        assert AuditEntry.objects.filter(action="reveal_phone", actor=volunteer).count() == 1
        assert no_horizontal_scroll(phone)
        screenshot(phone, "desk-card")

        phone.check("#id_outcome_0")  # बात हो गई
        phone.fill("#id_name", "सीता देवी")
        phone.select_option("#id_district", "UP-LKO")
        phone.select_option("#id_assembly", "UP-AC-173")
        phone.check("input[name=interests][value=farmers]")
        phone.check("#id_wants_to_volunteer")
        with phone.expect_navigation():
            phone.click("#save-outcome")
        assert phone.url.endswith("/staff/desk/")
        main = phone.text_content("main")
        assert "सीता देवी के लिए दर्ज किया: बात हो गई।" in main
        assert "+919876500001" not in phone.content() and "tel:" not in phone.content()
        assert phone.locator(f"#card-{supporter.public_id}").count() == 0
        screenshot(phone, "desk-done")

        saved = Supporter.objects.select_related("area").get(pk=supporter.pk)
        assert saved.stage == "called_back" and saved.area.code == "UP-AC-173" and saved.wants_to_volunteer
        assert list(saved.tag_links.values_list("tag__name", flat=True)) == ["farmers"]
        response = phone.goto(f"{live_server.url}/staff/desk/{supporter.public_id}/")
        assert response.status == 404
    finally:
        context.close()


def test_queue_page_for_a_district_coordinator(live_server, phone, areas):
    from datetime import timedelta

    from django.utils import timezone

    from sampark.supporters.models import Callback

    user = get_user_model().objects.create_user("ravi", password=PASSWORD, is_staff=True)
    RoleAssignment.objects.create(user=user, role=Role.COORDINATOR, area=areas["UP-LKO"])
    get_user_model().objects.create_user("meena", password=PASSWORD, is_staff=True)
    for n, code in enumerate(["UP-LKO", "UP-AC-170", "UP-AC-170", "UP-AGR"]):
        supporter = make_supporter(f"+91987650001{n}", area=areas[code])
        Callback.objects.filter(supporter=supporter).update(due_at=timezone.now() - timedelta(hours=n + 1))
    phone.goto(f"{live_server.url}/staff/login/?next=/staff/queue/")
    phone.fill("input[name=username]", "ravi")
    phone.fill("input[name=password]", PASSWORD)
    with phone.expect_navigation():
        phone.click("button[type=submit]")
    phone.goto(f"{live_server.url}/staff/queue/")
    assert phone.text_content("h1").strip() == "कॉल-बैक कतार: लखनऊ"
    rows = phone.eval_on_selector_all("#queue-table tbody tr", "rs => rs.map(r => r.innerText)")
    assert any("सरोजनी नगर" in row and "\t2\t" in row and "3 घंटे" in row for row in rows)
    assert phone.locator("text=↑").count() == 0  # the division above is not this coordinator's
    assert not any("आगरा" in row for row in rows)  # a sibling district is never counted
    assert no_horizontal_scroll(phone)
    phone.fill("#id_username", "meena")
    phone.select_option("#id_area", "UP-AC-170")
    with phone.expect_navigation():
        phone.click("form.card button[type=submit]")
    assert "meena" in phone.text_content("#assignments")
    assert no_horizontal_scroll(phone)
    screenshot(phone, "queue")
