"""/staff/team/ lists the staff with roles inside the user's area (roles.manage); others get a 403."""

import pytest

from sampark.accounts.models import Role
from tests.conftest import login_verified

PAGE = "/staff/team/"


def test_signed_out_goes_to_sign_in(client, db):
    assert client.get(PAGE)["Location"].startswith("/staff/login/")


@pytest.mark.parametrize("role", [Role.VOLUNTEER, Role.LEADERSHIP])
def test_without_roles_manage_403(client, make_staff, role):
    client.force_login(make_staff("someone", role))
    assert client.get(PAGE).status_code == 403
    assert client.post(PAGE, {"action": "add", "username": "x", "role": "volunteer", "area": "UP-LKO"}
                       ).status_code == 403


def test_dpo_cannot_manage_roles(client, make_staff):
    login_verified(client, make_staff("dpo-lko", Role.DPO))
    assert client.get(PAGE).status_code == 403


def test_district_coordinator_sees_the_district_only(client, make_staff):
    coordinator = make_staff("coord-lko", Role.COORDINATOR, "UP-LKO")
    make_staff("vol-170", Role.VOLUNTEER, "UP-AC-170")
    make_staff("vol-agra", Role.VOLUNTEER, "UP-AGR")
    make_staff("coord-up", Role.COORDINATOR, "UP")
    client.force_login(coordinator)
    response = client.get(PAGE, {"lang": "en"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "vol-170" in page and "coord-lko" in page
    assert "vol-agra" not in page and "coord-up" not in page
    # the datalist of areas offers Lucknow's, not Agra's
    assert 'value="UP-AC-170"' in page and 'value="UP-AGR"' not in page and 'value="UP-AC-87"' not in page
    assert "Take away" in page  # the volunteer's role
    # their own grant (coordinator at the district itself) cannot be taken away from this page
    assert page.count('name="action" value="revoke"') == 1


def test_search_and_pages(client, make_staff, areas):
    coordinator = make_staff("coord-lko", Role.COORDINATOR, "UP-LKO")
    for n in range(55):
        make_staff(f"vol-{n:02d}", Role.VOLUNTEER, "UP-AC-171")
    client.force_login(coordinator)
    first = client.get(PAGE, {"lang": "en"})
    assert first.context["next_before"] is not None
    names = [g["username"] for g in first.context["grants"]]
    second = client.get(PAGE, {"lang": "en", "before": first.context["next_before"]})
    names += [g["username"] for g in second.context["grants"]]
    assert sorted(names) == sorted([f"vol-{n:02d}" for n in range(55)] + ["coord-lko"])
    found = client.get(PAGE, {"lang": "en", "q": "vol-0"}).context["grants"]
    assert {g["username"] for g in found} == {f"vol-0{n}" for n in range(10)}
