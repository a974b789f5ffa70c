"""/api/v1/callbacks: claim, reveal, bridge, outcome and queue, with the issue's JSON shapes."""

from datetime import timedelta

import pytest
from django.utils import timezone

from sampark.accounts.models import Role
from sampark.core.models import AuditEntry
from sampark.supporters.models import Callback


@pytest.fixture
def volunteer(make_staff):
    return make_staff("vol", Role.VOLUNTEER, "UP-LKO")


def post(client, user, path, body=None):
    return client.post(f"/api/v1/callbacks/{path}", body or {}, content_type="application/json", headers=user.headers)


def test_claim_shape(client, volunteer, waiting):
    supporter = waiting(2, "UP-LKO", name="Sita")[0]
    response = post(client, volunteer, "claim", {"count": 1})
    assert response.status_code == 200
    (item,) = response.json()["items"]
    assert item["id"] == supporter.public_id and item["attempt"] == 1
    assert item["supporter"] == {"id": supporter.public_id, "name": "Sita", "phone_masked": "+91 98XXXXXX01",
                                 "area_code": "UP-LKO", "stage": "new", "calls": 0}
    assert item["claimed_until"]
    assert len(post(client, volunteer, "claim").json()["items"]) == 1  # default 10: the one left


@pytest.mark.parametrize("body", [{"count": 0}, {"count": 51}, {"count": "ten"}, {"count": None}])
def test_claim_count_is_1_to_50(client, volunteer, body):
    response = post(client, volunteer, "claim", body)
    assert response.status_code == 400 and response.json()["field"] == "payload.count"


def test_reveal_only_for_the_claimant_while_claimed(client, volunteer, make_staff, waiting):
    supporter = waiting(1)[0]
    other = make_staff("other")
    assert post(client, volunteer, f"{supporter.public_id}/reveal").status_code == 403  # not claimed yet
    post(client, volunteer, "claim")
    assert post(client, other, f"{supporter.public_id}/reveal").status_code == 403
    response = post(client, volunteer, f"{supporter.public_id}/reveal")
    assert response.status_code == 200 and response.json() == {"phone": "+919876500001"}
    assert AuditEntry.objects.filter(action="reveal_phone", actor=volunteer).count() == 1
    body = {"outcome": "reached", "answers": {"name": "Sita", "district": "UP-LKO", "interests": ["youth"],
                                              "wants_to_volunteer": True}}
    response = post(client, volunteer, f"{supporter.public_id}/outcome", body)
    assert response.status_code == 200
    assert response.json() == {"id": supporter.public_id, "status": "done", "outcome": "reached", "attempts": 1,
                               "due_at": None}
    assert post(client, volunteer, f"{supporter.public_id}/reveal").status_code == 403  # hidden again


def test_outcome_validation_names_the_field(client, volunteer, waiting):
    supporter = waiting(1)[0]
    post(client, volunteer, "claim")
    path = f"{supporter.public_id}/outcome"
    cases = [
        ({"outcome": "maybe"}, "payload.outcome"),
        ({"outcome": "call_later"}, "call_at"),
        ({"outcome": "call_later", "call_at": "2020-01-01T10:00:00+05:30"}, "call_at"),
        ({"outcome": "busy", "note": "x" * 301}, "payload.note"),
        ({"outcome": "reached", "answers": {"district": "NOPE"}}, "answers.district"),
        ({"outcome": "reached", "answers": {"interests": ["x" * 41]}}, "payload.answers.interests.0"),
        ({"outcome": "busy", "answers": {"name": "x"}}, "answers"),
    ]
    for body, field in cases:
        response = post(client, volunteer, path, body)
        assert response.status_code == 400, body
        assert response.json()["field"] == field, body
    assert Callback.objects.get(supporter=supporter).status == "assigned"
    later = (timezone.now() + timedelta(hours=5)).isoformat()
    response = post(client, volunteer, path, {"outcome": "call_later", "call_at": later})
    assert response.status_code == 200 and response.json()["status"] == "pending" and response.json()["due_at"]


def test_bad_ids_and_roles(client, volunteer, make_staff, areas):
    assert post(client, volunteer, "nope/reveal").status_code == 400  # not a public id
    assert post(client, volunteer, "abcdefghijkm/reveal").status_code == 403
    leader = make_staff("leader", Role.LEADERSHIP, "UP")
    assert post(client, leader, "claim").status_code == 403
    assert client.get("/api/v1/callbacks/queue", headers=volunteer.headers).status_code == 403


def test_bridge_is_202_in_bridge_mode_with_a_phone(client, volunteer, waiting, settings, tmp_path):
    settings.CALL_MODE = "bridge"
    settings.BRIDGE_OUTBOX_DIR = tmp_path
    supporter = waiting(1)[0]
    post(client, volunteer, "claim")
    response = post(client, volunteer, f"{supporter.public_id}/bridge")
    assert response.status_code == 400 and response.json()["field"] == "phone"  # no own phone yet
    from sampark.supporters.desk.services import set_staff_phone

    set_staff_phone(volunteer, "98765 43210")
    response = post(client, volunteer, f"{supporter.public_id}/bridge")
    assert response.status_code == 202 and response.json()["status"] == "connecting"
    assert "+919876543210" in (tmp_path / "bridge.jsonl").read_text()
    assert post(client, volunteer, f"{supporter.public_id}/reveal").status_code == 403  # never in bridge mode
    assert AuditEntry.objects.filter(action="bridge", actor=volunteer).count() == 1


def test_queue_per_child_area(client, make_staff, waiting):
    waiting(2, "UP-LKO")
    waiting(1, "UP-AC-170")
    waiting(1, "UP-AGR")
    coordinator = make_staff("coord", Role.COORDINATOR, "UP-LKO")
    response = client.get("/api/v1/callbacks/queue", headers=coordinator.headers)
    assert response.status_code == 200
    body = response.json()
    assert body["area_code"] == "UP-LKO" and body["waiting"] == 3
    by_code = {row["area_code"]: row for row in body["areas"]}
    assert by_code["UP-LKO"]["own"] and by_code["UP-LKO"]["waiting"] == 2
    assert by_code["UP-AC-170"]["waiting"] == 1 and by_code["UP-AC-170"]["oldest_due_at"]
    assert "UP-AGR" not in by_code
    assert client.get("/api/v1/callbacks/queue?area=UP-AGR", headers=coordinator.headers).status_code == 404
    assert client.get("/api/v1/callbacks/queue?area=UP", headers=coordinator.headers).status_code == 404
    national = make_staff("nat", Role.COORDINATOR, "IN")
    body = client.get("/api/v1/callbacks/queue", headers=national.headers).json()
    assert body["area_code"] == "IN" and body["waiting"] == 4


def test_openapi_declares_the_limits(client):
    spec = client.get("/api/v1/openapi.json").json()
    schemas = spec["components"]["schemas"]
    assert schemas["ClaimIn"]["properties"]["count"]["minimum"] == 1
    assert schemas["ClaimIn"]["properties"]["count"]["maximum"] == 50
    assert "reached" in schemas["OutcomeIn"]["properties"]["outcome"]["enum"]
    assert schemas["OutcomeIn"]["properties"]["note"]["maxLength"] == 300


def test_claim_without_a_body_takes_the_default_batch(client, volunteer, waiting):
    waiting(12)
    response = client.post("/api/v1/callbacks/claim", content_type="application/json", headers=volunteer.headers)
    assert response.status_code == 200 and len(response.json()["items"]) == 10
