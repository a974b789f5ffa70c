"""The supporters list shows only the user's areas, and only to those who may see supporters."""

from sampark.accounts.models import Role
from tests.supporters.factories import make_supporter


def test_district_coordinator_sees_own_district_only(client, areas, lko_coordinator):
    mine = make_supporter("+919876500001", area=areas["UP-AC-170"], name="Asha")
    other = make_supporter("+919876500002", area=areas["UP-AGR"], name="Bela")
    unknown = make_supporter("+919876500003", area=None, name="Chandu")
    client.force_login(lko_coordinator)
    response = client.get("/staff/supporters/")
    assert response.status_code == 200
    body = response.content.decode()
    assert mine.public_id in body
    assert other.public_id not in body and unknown.public_id not in body
    assert "+91 98XXXXXX01" in body  # masked, never the clear number
    assert "9876500001" not in body


def test_national_coordinator_also_sees_unknown_area(client, areas, national_coordinator):
    unknown = make_supporter("+919876500003", area=None)
    client.force_login(national_coordinator)
    assert unknown.public_id in client.get("/staff/supporters/").content.decode()


def test_volunteer_and_leadership_get_403(client, areas, make_staff):
    for role in (Role.VOLUNTEER, Role.LEADERSHIP):
        user = make_staff(f"u-{role}", role, areas["UP-LKO"])
        client.force_login(user)
        assert client.get("/staff/supporters/").status_code == 403


def test_signed_out_goes_to_sign_in(client, db):
    response = client.get("/staff/supporters/")
    assert response.status_code == 302 and "/staff/login/" in response["Location"]


def test_area_filter_outside_scope_is_a_form_error(client, areas, lko_coordinator):
    make_supporter("+919876500002", area=areas["UP-AGR"])
    client.force_login(lko_coordinator)
    response = client.get("/staff/supporters/", {"area": "UP-AGR", "lang": "en"})
    assert response.status_code == 400
    assert "outside your areas" in response.content.decode()


def test_search_and_filters_never_reach_a_sibling_district(client, areas, lko_coordinator, national_coordinator):
    from sampark.supporters.records import services

    agra = make_supporter("+919876500002", area=areas["UP-AGR"], name="Agra Person")
    services.add_tag(agra, "kisan", national_coordinator)
    lucknow_number = make_supporter("+919876500003", area=areas["UP-LKO"])
    services.merge(agra, lucknow_number, by=national_coordinator, reason="same person")  # survivor in Agra
    client.force_login(lko_coordinator)
    for params in ({"q": "9876500002"}, {"q": "9876500003"}, {"q": "Agra"}, {"tag": "kisan"}, {"stage": "new"}):
        response = client.get("/staff/supporters/", params)
        assert agra.public_id not in response.content.decode(), params
        assert response.context["rows"] == [], params
    assert client.get(f"/staff/supporters/{agra.public_id}/").status_code == 404
    assert client.get(f"/staff/supporters/{agra.public_id}/edit/").status_code == 404
    assert client.post(f"/staff/supporters/{agra.public_id}/tags/", {"tag": "x"}).status_code == 404
