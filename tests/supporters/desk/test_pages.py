"""/staff/desk/ and /staff/queue/: plain forms, Hindi by default, the number shown only in the reveal's answer."""

import pytest

from sampark.accounts.models import Role
from sampark.core.models import AuditEntry
from sampark.supporters.desk.models import DeskAssignment
from sampark.supporters.models import Callback, Supporter


@pytest.fixture
def volunteer(make_staff):
    return make_staff("vol", Role.VOLUNTEER, "UP-LKO")


def test_claim_reveal_and_record_reached_without_javascript(client, volunteer, waiting):
    supporter = waiting(1, "UP-LKO")[0]
    client.force_login(volunteer)
    page = client.get("/staff/desk/").content.decode()
    assert "अगला बैच" in page  # Hindi first
    response = client.post("/staff/desk/claim/", follow=True)
    page = response.content.decode()
    assert "+91 98XXXXXX01" in page and f"/staff/desk/{supporter.public_id}/reveal/" in page
    assert "+919876500001" not in page

    page = client.post(f"/staff/desk/{supporter.public_id}/reveal/").content.decode()
    assert 'href="tel:+919876500001"' in page
    assert AuditEntry.objects.filter(action="reveal_phone", actor=volunteer).count() == 1

    response = client.post(f"/staff/desk/{supporter.public_id}/outcome/", {
        "outcome": "reached", "name": "सीता देवी", "district": "UP-LKO", "assembly": "UP-AC-173",
        "interests": ["farmers", "women"], "other_interests": "Roads, water", "wants_to_volunteer": "on"})
    assert response.status_code == 302 and response["Location"] == "/staff/desk/"
    page = client.get("/staff/desk/").content.decode()
    assert "+91 98XXXXXX01" not in page and "tel:" not in page
    saved = Supporter.objects.get(pk=supporter.pk)
    assert saved.name == "सीता देवी" and saved.area.code == "UP-AC-173" and saved.stage == "called_back"
    assert sorted(saved.tag_links.values_list("tag__name", flat=True)) == ["farmers", "roads", "water", "women"]
    assert client.get(f"/staff/desk/{supporter.public_id}/").status_code == 404  # the card is done


def test_form_errors_come_back_on_the_card(client, volunteer, waiting):
    supporter = waiting(1, "UP-LKO")[0]
    client.force_login(volunteer)
    client.post("/staff/desk/claim/")
    url = f"/staff/desk/{supporter.public_id}/outcome/"
    response = client.post(url + "?lang=en", {"outcome": "call_later"})
    assert response.status_code == 400 and "Please give the date and time to call again." in response.content.decode()
    response = client.post(url, {})
    assert response.status_code == 400
    response = client.post(url, {"outcome": "reached", "district": "UP-AGR", "assembly": "UP-AC-173"})
    assert response.status_code == 400
    assert Callback.objects.get(supporter=supporter).status == "assigned"


def test_someone_elses_card_is_not_found(client, volunteer, make_staff, waiting):
    supporter = waiting(1, "UP-LKO")[0]
    client.force_login(make_staff("other"))
    client.post("/staff/desk/claim/")
    client.force_login(volunteer)
    assert client.get(f"/staff/desk/{supporter.public_id}/").status_code == 404
    assert client.post(f"/staff/desk/{supporter.public_id}/reveal/").status_code == 404
    assert client.post(f"/staff/desk/{supporter.public_id}/outcome/", {"outcome": "busy"}).status_code == 404


def test_roles_without_the_desk_are_refused(client, make_staff):
    client.force_login(make_staff("leader", Role.LEADERSHIP, "UP"))
    assert client.get("/staff/desk/").status_code == 403
    assert client.get("/staff/queue/").status_code == 403
    client.force_login(make_staff("vol", Role.VOLUNTEER, "UP"))
    assert client.get("/staff/queue/").status_code == 403


def test_bridge_mode_needs_the_volunteers_own_phone(client, volunteer, waiting, settings, tmp_path):
    settings.CALL_MODE = "bridge"
    settings.BRIDGE_OUTBOX_DIR = tmp_path
    supporter = waiting(1, "UP-LKO")[0]
    client.force_login(volunteer)
    client.post("/staff/desk/claim/")
    page = client.get("/staff/desk/?lang=en").content.decode()
    assert "Call me and connect" in page and "reveal/" not in page
    assert client.post("/staff/desk/phone/", {"phone": "12"}).status_code == 400
    assert client.post("/staff/desk/phone/", {"phone": "098765 43210"}).status_code == 302
    assert "+91 98XXXXXX10" in client.get("/staff/desk/").content.decode()
    response = client.post(f"/staff/desk/{supporter.public_id}/bridge/", follow=True)
    assert "+919876500001" not in response.content.decode()
    assert (tmp_path / "bridge.jsonl").read_text().count("+919876500001") == 1


def test_queue_page_and_assigning_a_volunteer(client, make_staff, waiting, areas):
    waiting(2, "UP-LKO")
    waiting(1, "UP-AC-170")
    waiting(5, "UP-AGR")
    coordinator = make_staff("coord", Role.COORDINATOR, "UP-LKO")
    newcomer = make_staff("newcomer", None)
    client.force_login(coordinator)
    page = client.get("/staff/queue/?lang=en").content.decode()
    assert "3 supporters are waiting" in page and "Sarojini Nagar" in page and "Agra" not in page
    assert client.get("/staff/queue/?area=UP-AGR").status_code == 404

    response = client.post("/staff/queue/assign/?area=UP-LKO", {"username": "newcomer", "area": "UP-AC-170"})
    assert response.status_code == 302
    assert DeskAssignment.objects.filter(volunteer=newcomer, area__code="UP-AC-170").exists()
    assert newcomer.roles.filter(role="volunteer", area__code="UP-AC-170").exists()  # granted by the coordinator
    response = client.post("/staff/queue/assign/?area=UP-LKO", {"username": "newcomer", "area": "UP-AGR"})
    assert response.status_code == 400  # not a choice here
    response = client.post("/staff/queue/assign/?area=UP-LKO", {"username": "ghost", "area": "UP-LKO"})
    assert response.status_code == 400
    row = DeskAssignment.objects.get()
    assert client.post("/staff/queue/unassign/?area=UP-LKO", {"assignment": "x" * 30}).status_code == 404
    assert client.post("/staff/queue/unassign/?area=UP-LKO", {"assignment": row.pk}).status_code == 302
    assert not DeskAssignment.objects.exists()
