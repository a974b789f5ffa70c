"""The OpenAPI spec declares the limits the API enforces (lengths, enums, formats), so a schema-driven fuzzer
(schemathesis, docs/api.md) finds no mismatch: a value the spec allows is not refused for its shape, a value it
forbids is refused with a 400 naming the field."""

import pytest

from sampark.accounts.models import Role
from sampark.core.models import AuditEntry
from sampark.core.phones import MAX_RAW_LENGTH
from sampark.trust.models import Platform

SPEC = "/api/v1/openapi.json"


@pytest.fixture
def spec(client, db):
    return client.get(SPEC).json()


def parameter(spec, path, name):
    return next(p for p in spec["paths"][path]["get"]["parameters"] if p["name"] == name)["schema"]


def test_declared(spec):
    phone = parameter(spec, "/api/v1/supporters/lookup", "phone")
    assert (phone["minLength"], phone["maxLength"], phone["pattern"]) == (1, MAX_RAW_LENGTH, r"\S")
    q = parameter(spec, "/api/v1/verify", "q")
    assert (q["minLength"], q["maxLength"], q["pattern"]) == (1, 300, r"\S")
    assert set(parameter(spec, "/api/v1/verify", "platform")["enum"]) == {"", *Platform.values}
    assert set(parameter(spec, "/api/v1/audit", "action")["enum"]) == {"", *AuditEntry.Action.values}
    since = parameter(spec, "/api/v1/audit", "since")
    assert {item.get("format") for item in since["anyOf"]} == {"date-time", "date", None}
    limit = parameter(spec, "/api/v1/audit", "limit")
    assert (limit["minimum"], limit["maximum"]) == (1, 200)
    assert parameter(spec, "/api/v1/audit", "subject")["maxLength"] == 100


def test_lookup_phone_at_and_past_its_declared_length(client, national):
    _user, headers = national
    at_limit = client.get("/api/v1/supporters/lookup", {"phone": "9" * MAX_RAW_LENGTH}, headers=headers).json()
    assert "longer than" not in at_limit["error"]
    over = client.get("/api/v1/supporters/lookup", {"phone": "9" * (MAX_RAW_LENGTH + 1)}, headers=headers)
    assert over.status_code == 400 and over.json()["field"] == "phone"
    for blank in ("", "   "):
        response = client.get("/api/v1/supporters/lookup", {"phone": blank}, headers=headers)
        assert response.status_code == 400 and response.json()["field"] == "phone"


@pytest.fixture
def dpo(make_user, areas):
    return make_user("dpo", role=Role.DPO, area=areas["IN"])


@pytest.mark.parametrize("since", ["2026-12-01", "2026-12-01T09:30:00+05:30", "2026-12-01T04:00:00Z",
                                   "2026-12-01t04:00:00.1234567z", "2016-12-31T23:59:60Z", "2026-12-01T09:30:00"])
def test_audit_since_accepts_what_the_spec_declares(client, dpo, since):
    _user, headers = dpo
    assert client.get("/api/v1/audit", {"since": since}, headers=headers).status_code == 200


@pytest.mark.parametrize("since", ["0.5", "1733011200", "yesterday", "2026-13-01", "20261201", "2026-12-01T25:00:00Z"])
def test_audit_since_refuses_the_rest(client, dpo, since):
    _user, headers = dpo
    response = client.get("/api/v1/audit", {"since": since}, headers=headers)
    assert response.status_code == 400 and response.json()["field"] == "since"
