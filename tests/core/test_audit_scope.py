"""Who sees which audit rows: national admin/dpo all; a state or district one only rows about supporters and staff
inside their areas (docs/audit.md)."""

import pytest

from sampark.accounts.models import Role, RoleAssignment
from sampark.core.models import AuditEntry
from tests.core.audit_helpers import entry, staff
from tests.supporters.factories import make_areas, make_supporter

AUDIT = "/api/v1/audit"


@pytest.fixture
def areas(db):
    return make_areas()


@pytest.fixture
def world(areas):
    lucknow = make_supporter("+919876500001", area=areas["UP-AC-170"])
    agra = make_supporter("+919876500002", area=areas["UP-AGR"])
    patna = make_supporter("+919876500003", area=areas["BR-PAT"])
    unplaced = make_supporter("+919876500004", area=None)
    lko_coord, _ = staff("coord-lko", Role.COORDINATOR, areas["UP-LKO"])
    national_coord, _ = staff("coord-national", Role.COORDINATOR, areas["IN"])
    RoleAssignment.objects.create(user=national_coord, role=Role.VOLUNTEER, area=areas["UP-LKO"])
    for supporter in (lucknow, agra, patna, unplaced):
        entry(AuditEntry.Action.READ, f"supporter:{supporter.public_id}", actor=lko_coord)
    entry(AuditEntry.Action.SIGN_IN, "user:coord-lko", actor=lko_coord)
    entry(AuditEntry.Action.SIGN_IN, "user:coord-national", actor=national_coord)
    return {"lucknow": lucknow, "agra": agra, "patna": patna, "unplaced": unplaced}


def subjects(client, headers):
    response = client.get(AUDIT, {"limit": 200}, headers=headers)
    assert response.status_code == 200
    return {item["subject"] for item in response.json()["items"]}


def test_national_dpo_sees_every_row(client, areas, world):
    _user, headers = staff("dpo-in", Role.DPO, areas["IN"])
    assert subjects(client, headers) == {f"supporter:{s.public_id}" for s in world.values()} | {
        "user:coord-lko", "user:coord-national"}


def test_district_admin_sees_only_their_district(client, areas, world):
    _user, headers = staff("admin-lko", Role.ADMIN, areas["UP-LKO"])
    assert subjects(client, headers) == {f"supporter:{world['lucknow'].public_id}", "user:coord-lko"}


def test_state_dpo_sees_the_state_not_the_next_one(client, areas, world):
    _user, headers = staff("dpo-up", Role.DPO, areas["UP"])
    # the national coordinator also volunteers in Lucknow: their sign-ins are not the state's to read
    assert subjects(client, headers) == {
        f"supporter:{world['lucknow'].public_id}", f"supporter:{world['agra'].public_id}", "user:coord-lko"}


def test_a_subject_filter_outside_the_scope_finds_nothing(client, areas, world):
    _user, headers = staff("admin-lko", Role.ADMIN, areas["UP-LKO"])
    response = client.get(AUDIT, {"subject": f"supporter:{world['patna'].public_id}"}, headers=headers)
    assert response.status_code == 200
    assert response.json()["items"] == []
