"""GET/PATCH /api/v1/supporters…: the issue's shapes, scope (404 outside), reasons and field-naming 400s."""

import secrets

import pytest

from sampark.accounts.models import ApiToken, Role
from sampark.core.models import AuditEntry
from sampark.supporters.records import services
from tests.supporters.factories import make_supporter


@pytest.fixture
def bearer(db):
    def make(user):
        token = secrets.token_urlsafe(32)
        ApiToken.objects.create(user=user, digest=ApiToken.digest_of(token))
        return {"HTTP_AUTHORIZATION": f"Bearer {token}"}

    return make


@pytest.fixture
def lko(lko_coordinator, bearer):
    return bearer(lko_coordinator)


def test_list_shape_scope_and_pages(client, areas, lko, monkeypatch):
    from sampark.supporters.records import views

    monkeypatch.setattr(views, "PAGE_SIZE", 2)
    mine = [make_supporter(f"+9198765000{n:02d}", area=areas["UP-LKO"], name=f"N{n}").public_id for n in range(3)]
    make_supporter("+919876500099", area=areas["UP-AGR"])
    first = client.get("/api/v1/supporters", **lko)
    assert first.status_code == 200
    body = first.json()
    assert set(body) == {"items", "next"}
    assert set(body["items"][0]) == {"id", "phone_masked", "name", "stage", "area_code", "calls", "first_call_at",
                                     "last_call_at"}
    assert body["items"][0]["phone_masked"].startswith("+91 98")
    second = client.get("/api/v1/supporters", {"cursor": body["next"]}, **lko).json()
    assert second["next"] is None
    assert [i["id"] for i in body["items"] + second["items"]] == list(reversed(mine))


def test_list_filters_and_errors(client, areas, lko, lko_coordinator):
    a = make_supporter("+919876500001", area=areas["UP-AC-170"])
    make_supporter("+919876500002", area=areas["UP-AC-171"])
    services.add_tag(a, "kisan", lko_coordinator)
    assert [i["id"] for i in client.get("/api/v1/supporters", {"area": "UP-AC-170"}, **lko).json()["items"]] == [
        a.public_id]
    assert [i["id"] for i in client.get("/api/v1/supporters", {"tag": "kisan"}, **lko).json()["items"]] == [
        a.public_id]
    assert [i["id"] for i in client.get("/api/v1/supporters", {"q": "98765 00001"}, **lko).json()["items"]] == [
        a.public_id]
    outside = client.get("/api/v1/supporters", {"area": "UP-AGR"}, **lko)
    assert outside.status_code == 400 and outside.json()["field"] == "area"
    assert client.get("/api/v1/supporters", {"stage": "king"}, **lko).json()["field"] == "stage"
    assert client.get("/api/v1/supporters", {"cursor": "garbage"}, **lko).json()["field"] == "cursor"
    assert client.get("/api/v1/supporters", {"q": "x" * 101}, **lko).status_code == 400


def test_detail_is_404_outside_scope_and_audited(client, areas, lko):
    mine = make_supporter("+919876500001", area=areas["UP-LKO"])
    other = make_supporter("+919876500002", area=areas["UP-AGR"])
    assert client.get(f"/api/v1/supporters/{other.public_id}", **lko).status_code == 404
    assert client.get("/api/v1/supporters/nosuchid2345", **lko).status_code == 404
    response = client.get(f"/api/v1/supporters/{mine.public_id}", **lko)
    assert response.status_code == 200 and response.json()["id"] == mine.public_id
    assert AuditEntry.objects.filter(action="read", subject=f"supporter:{mine.public_id}").count() == 1


def test_lookup_still_answers_beside_the_record_route(client, areas, lko):
    mine = make_supporter("+919876500001", area=areas["UP-LKO"])
    assert client.get("/api/v1/supporters/lookup", {"phone": "9876500001"}, **lko).json()["id"] == mine.public_id


def test_patch_needs_reason_and_names_bad_fields(client, areas, lko):
    s = make_supporter("+919876500001", area=areas["UP-LKO"])
    url = f"/api/v1/supporters/{s.public_id}"

    def patch(body):
        return client.patch(url, body, content_type="application/json", **lko)

    def field(body):
        response = patch(body)
        assert response.status_code == 400
        return response.json()["field"].removeprefix("payload.")  # schema errors: payload.<name> (core/api.py)

    assert field({"name": "Asha"}) == "reason"
    assert field({"reason": "", "name": "Asha"}) == "reason"
    assert field({"reason": "x", "pin_code": "12"}) == "pin_code"
    assert field({"reason": "x", "stage": "emperor"}) == "stage"
    assert field({"reason": "x", "name": "n" * 101}) == "name"
    assert field({"reason": "x", "wants_to_volunteer": "maybe"}) == "wants_to_volunteer"
    outside = patch({"reason": "x", "area": "UP-AGR", "name": "Asha"})
    assert outside.status_code == 400 and outside.json()["field"] == "area"
    s.refresh_from_db()
    assert s.name == "" and s.area.code == "UP-LKO"
    ok = patch({"reason": "told on the phone", "name": "Asha", "area": "UP-AC-170", "stage": "active"})
    assert ok.status_code == 200, ok.content
    assert (ok.json()["name"], ok.json()["area_code"], ok.json()["stage"]) == ("Asha", "UP-AC-170", "active")
    entry = AuditEntry.objects.get(action="change")
    assert set(entry.detail["fields"]) == {"name", "area", "stage"}


def test_patch_outside_scope_is_404_and_without_edit_permission_403(client, areas, lko, make_staff, bearer):
    other = make_supporter("+919876500002", area=areas["UP-AGR"])
    response = client.patch(f"/api/v1/supporters/{other.public_id}", {"reason": "x", "name": "y"},
                            content_type="application/json", **lko)
    assert response.status_code == 404
    dpo = bearer(make_staff("dpo", Role.DPO, areas["IN"]))
    mine = make_supporter("+919876500001", area=areas["UP-LKO"])
    response = client.patch(f"/api/v1/supporters/{mine.public_id}", {"reason": "x", "name": "y"},
                            content_type="application/json", **dpo)
    assert response.status_code == 403


def test_volunteer_token_cannot_list(client, areas, make_staff, bearer):
    vol = bearer(make_staff("vol", Role.VOLUNTEER, areas["UP-LKO"]))
    assert client.get("/api/v1/supporters", **vol).status_code == 403


def test_openapi_declares_limits(client, db):
    spec = client.get("/api/v1/openapi.json").json()
    assert "get" in spec["paths"]["/api/v1/supporters"]
    assert {"get", "patch"} <= set(spec["paths"]["/api/v1/supporters/{supporter_id}"])
    patch = spec["components"]["schemas"]["Patch"]["properties"]
    assert patch["reason"]["maxLength"] == 200
    assert patch["name"]["anyOf"][0]["maxLength"] == 100


def test_nul_characters_are_a_400_not_a_500(client, areas, lko, make_staff, bearer):
    s = make_supporter("+919876500001", area=areas["UP-LKO"])
    for body in ({"reason": "x", "name": "a\x00b"}, {"reason": "x", "area": "UP\x00"}, {"reason": "a\x00"}):
        response = client.patch(f"/api/v1/supporters/{s.public_id}", body, content_type="application/json", **lko)
        assert response.status_code == 400, body
    assert client.get("/api/v1/supporters", {"q": "a\x00"}, **lko).status_code == 400
    assert client.get("/api/v1/supporters", {"area": "UP\x00"}, **lko).status_code == 400
    dpo = bearer(make_staff("dpo", Role.DPO, areas["IN"]))
    response = client.get("/api/v1/supporters/export.csv", {"full": "true", "purpose": "a\x00"}, **dpo)
    assert response.status_code == 400 and response.json()["field"] == "purpose"
