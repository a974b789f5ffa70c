"""/staff/audit/: the audit log as a page for admin and dpo (with their second factor); 403 for other staff."""

import pytest

from sampark.accounts.models import Role
from sampark.core.models import AuditEntry
from tests.conftest import login_verified
from tests.core.audit_helpers import entry, staff
from tests.supporters.factories import make_areas, make_supporter

PAGE = "/staff/audit/"


@pytest.fixture
def areas(db):
    return make_areas()


def test_signed_out_goes_to_sign_in(client, db):
    response = client.get(PAGE)
    assert response.status_code == 302
    assert response["Location"].startswith("/staff/login/")


@pytest.mark.parametrize("role", [Role.COORDINATOR, Role.VOLUNTEER, Role.LEADERSHIP])
def test_other_staff_403(client, areas, role):
    user, _ = staff("someone", role, areas["IN"])
    client.force_login(user)
    assert client.get(PAGE).status_code == 403


def test_dpo_reads_filters_and_pages(client, areas):
    dpo, _ = staff("dpo-up", Role.DPO, areas["UP"])
    login_verified(client, dpo)
    inside = make_supporter("+919876500001", area=areas["UP-LKO"])
    outside = make_supporter("+919876500002", area=areas["BR-PAT"])
    entry(AuditEntry.Action.REVEAL_PHONE, f"supporter:{inside.public_id}", actor=dpo, reason="call back")
    entry(AuditEntry.Action.REVEAL_PHONE, f"supporter:{outside.public_id}", actor=dpo)
    for _n in range(55):
        entry(AuditEntry.Action.READ, f"supporter:{inside.public_id}", actor=dpo)

    page = client.get(PAGE, {"lang": "en"}).content.decode()
    assert "opened a supporter record" in page
    assert outside.public_id not in page
    assert "Older entries" in page  # 56 rows, 50 a page

    page = client.get(PAGE, {"lang": "en", "action": "reveal_phone"}).content.decode()
    assert f"supporter:{inside.public_id}" in page and "reason=call back" in page
    assert "Older entries" not in page

    hindi = client.get(PAGE, {"lang": "hi"}).content.decode()
    assert "ऑडिट" in hindi


def test_a_bad_filter_is_a_400_naming_it(client, areas):
    dpo, _ = staff("dpo-in", Role.DPO, areas["IN"])
    login_verified(client, dpo)
    response = client.get(PAGE, {"lang": "en", "since": "not a date", "action": "nope"})
    assert response.status_code == 400
    form = response.context["form"]
    assert set(form.errors) == {"since", "action"}
    response = client.get(PAGE, {"lang": "en", "cursor": "garbage"})
    assert response.status_code == 400
    assert "cursor" in response.content.decode()
