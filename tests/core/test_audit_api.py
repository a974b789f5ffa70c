"""GET /api/v1/audit: admin and dpo only, filters, newest first with an opaque keyset cursor, clear 4xx."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from sampark.accounts.models import Role
from sampark.core.models import AuditEntry
from tests.core.audit_helpers import entry, staff
from tests.supporters.factories import make_areas, make_supporter

AUDIT = "/api/v1/audit"


@pytest.fixture
def areas(db):
    return make_areas()


@pytest.fixture
def dpo(areas):
    return staff("dpo-national", Role.DPO, areas["IN"])


def test_without_a_token_401(client, db):
    response = client.get(AUDIT)
    assert response.status_code == 401
    assert response.json()["field"] == "Authorization"


@pytest.mark.parametrize("role", [Role.COORDINATOR, Role.VOLUNTEER, Role.LEADERSHIP])
def test_other_roles_403(client, areas, role):
    _user, headers = staff(f"someone-{role}", role, areas["IN"])
    entry(AuditEntry.Action.SIGN_IN, "user:x")
    response = client.get(AUDIT, headers=headers)
    assert response.status_code == 403
    assert "audit.view" in response.json()["error"]


@pytest.mark.parametrize("role", [Role.ADMIN, Role.DPO])
def test_admin_and_dpo_read_the_shape(client, areas, role):
    user, headers = staff(f"reader-{role}", role, areas["IN"])
    supporter = make_supporter(area=areas["UP-LKO"])
    entry(AuditEntry.Action.REVEAL_PHONE, f"supporter:{supporter.public_id}", actor=user, reason="call back")
    response = client.get(AUDIT, headers=headers)
    assert response.status_code == 200
    body = response.json()
    assert body["next"] is None
    [item] = body["items"]
    assert set(item) == {"at", "actor", "action", "subject", "detail"}
    assert item["actor"] == user.username
    assert item["action"] == "reveal_phone"
    assert item["subject"] == f"supporter:{supporter.public_id}"
    assert item["detail"] == {"reason": "call back"}


def test_filters(client, areas, dpo):
    user, headers = dpo
    other, _ = staff("coordinator-lko", Role.COORDINATOR, areas["UP-LKO"])
    with time_machine.travel(timezone.now() - timedelta(days=10), tick=False):
        entry(AuditEntry.Action.READ, "supporter:old", actor=other)
    entry(AuditEntry.Action.READ, "supporter:aaa", actor=other)
    entry(AuditEntry.Action.EXPORT, "supporter:aaa", actor=user)
    entry(AuditEntry.Action.SIGN_IN, "user:coordinator-lko", actor=other)

    def subjects(**params):
        response = client.get(AUDIT, params, headers=headers)
        assert response.status_code == 200, response.json()
        return [(i["action"], i["subject"]) for i in response.json()["items"]]

    assert subjects(subject="supporter:aaa") == [("export", "supporter:aaa"), ("read", "supporter:aaa")]
    assert subjects(actor="dpo-national") == [("export", "supporter:aaa")]
    assert subjects(actor="nobody-of-that-name") == []
    assert subjects(action="sign_in") == [("sign_in", "user:coordinator-lko")]
    since = (timezone.now() - timedelta(days=1)).isoformat()
    assert ("read", "supporter:old") not in subjects(since=since)
    assert ("read", "supporter:old") in subjects()
    assert ("read", "supporter:old") not in subjects(since=(timezone.localdate() - timedelta(days=1)).isoformat())


def test_keyset_pages_newest_first_with_an_opaque_cursor(client, areas, dpo):
    _user, headers = dpo
    start = timezone.now() - timedelta(hours=1)
    for n in range(7):
        # two rows at the very same instant: the cursor still neither skips nor repeats one
        with time_machine.travel(start + timedelta(minutes=n // 2), tick=False):
            entry(AuditEntry.Action.READ, f"supporter:s{n}")
    seen, cursor = [], ""
    while True:
        response = client.get(AUDIT, {"limit": 3, **({"cursor": cursor} if cursor else {})}, headers=headers)
        assert response.status_code == 200
        body = response.json()
        seen += [item["subject"] for item in body["items"]]
        cursor = body["next"]
        if cursor is None:
            break
        assert "|" not in cursor and "supporter" not in cursor
    assert sorted(seen) == sorted(f"supporter:s{n}" for n in range(7))
    assert len(seen) == 7
    ats = [AuditEntry.objects.get(subject=s).at for s in seen]
    assert ats == sorted(ats, reverse=True)


@pytest.mark.parametrize("params,field", [
    ({"action": "drop table"}, "action"),
    ({"since": "yesterday"}, "since"),
    ({"cursor": "not-a-cursor!!"}, "cursor"),
    ({"limit": "0"}, "limit"),
    ({"limit": "1000"}, "limit"),
    ({"subject": "s" * 101}, "subject"),
])
def test_bad_input_is_a_400_naming_the_field(client, dpo, params, field):
    _user, headers = dpo
    response = client.get(AUDIT, params, headers=headers)
    assert response.status_code == 400
    assert response.json()["field"] == field
