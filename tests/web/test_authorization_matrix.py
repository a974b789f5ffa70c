"""The authorization matrix (issue 13, part 5): every staff page and API route, walked as each role granted in one
district (Lucknow), never lists, shows, counts, exports or changes anything of the sibling district (Agra) — by
guessed ids, filters, search or the phone lookup — and each role reaches exactly the pages docs/roles.md gives it.

The routes are read from the URL resolver, so a page added later is walked without editing this file; a route
with an argument this file does not know fails and says so.
"""

import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import URLPattern, URLResolver, get_resolver

from sampark.accounts import permissions
from sampark.accounts.models import Role, RoleAssignment
from sampark.accounts.services import create_token
from sampark.core.models import AuditEntry
from sampark.supporters.models import Supporter
from tests.conftest import login_verified
from tests.supporters.factories import make_areas, make_supporter

pytestmark = pytest.mark.django_db

AGRA_NAME = "Agrawali Siblingdevi"
AGRA_PHONE = "+919876500022"
LUCKNOW_PHONE = "+919876500011"
NOT_WALKED = ("staff/login/", "staff/logout/", "staff/2fa/", "staff/password/", "api/v1/docs", "api/v1/openapi.json",
              "api/v1/verify", "api/v1/trust/check-message", "api/v1/")
ROLES = [Role.ADMIN, Role.COORDINATOR, Role.VOLUNTEER, Role.LEADERSHIP, Role.DPO]

# A page → the permission docs/roles.md says it needs.
PAGES = {
    "/staff/supporters/": permissions.SUPPORTERS_VIEW,
    "/staff/supporters/export.csv": permissions.SUPPORTERS_EXPORT,
    "/staff/supporters/import/": permissions.SUPPORTERS_IMPORT,
    "/staff/desk/": permissions.CALLBACKS_WORK,
    "/staff/queue/": permissions.CALLBACKS_MANAGE,
    "/staff/team/": permissions.ROLES_MANAGE,
    "/staff/audit/": permissions.AUDIT_VIEW,
}
API = {
    "/api/v1/supporters": permissions.SUPPORTERS_VIEW,
    "/api/v1/supporters/export.csv": permissions.SUPPORTERS_EXPORT,
    "/api/v1/audit": permissions.AUDIT_VIEW,
    "/api/v1/callbacks/queue": permissions.CALLBACKS_MANAGE,
}


@pytest.fixture
def world():
    areas = make_areas()
    lucknow = make_supporter(LUCKNOW_PHONE, area=areas["UP-AC-170"], name="Lucknow Person")
    agra = make_supporter(AGRA_PHONE, area=areas["UP-AC-87"], name=AGRA_NAME)
    AuditEntry.objects.create(action="read", subject=f"supporter:{agra.public_id}", detail={"why": "agra desk"})
    users = {}
    for role in ROLES:
        user = get_user_model().objects.create_user(f"{role}-lucknow", password=None, is_staff=True)
        RoleAssignment.objects.create(user=user, role=role, area=areas["UP-LKO"])
        users[role] = user
    return {"areas": areas, "lucknow": lucknow, "agra": agra, "users": users}


def agra_markers(world) -> list[str]:
    agra = world["agra"]
    return [agra.public_id, AGRA_NAME, agra.phone_hint, AGRA_PHONE, AGRA_PHONE[3:]]


def routes() -> list[str]:
    found = []

    def walk(patterns, prefix=""):
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, route)
            elif isinstance(pattern, URLPattern):
                found.append(route.lstrip("^").rstrip("$"))

    walk(get_resolver().url_patterns)
    return [r for r in dict.fromkeys(found) if r.startswith(("staff/", "api/v1/")) and r not in NOT_WALKED]


def with_agra_ids(route: str, world) -> str:
    """The route with every id in it pointing at Agra's rows: guessed ids must lead nowhere."""
    agra = world["agra"]
    path = re.sub(r"\(\?P<\w+>[^)]*\)", agra.public_id, route)
    path = re.sub(r"<int:\w+>", "999999", path)
    path = re.sub(r"<(?:str:)?(public_id|supporter_id|id)>", agra.public_id, path)
    assert "<" not in path and "(?" not in path, f"add an example for {route}"
    return "/" + path


def as_role(client, world, role):
    user = world["users"][role]
    if permissions.needs_two_factor(user):
        login_verified(client, user)
    else:
        client.force_login(user)
    return user


@pytest.mark.parametrize("role", ROLES)
def test_no_route_shows_the_sibling_district(client, world, role):
    user = as_role(client, world, role)
    token = create_token(user)
    headers = {"Authorization": f"Bearer {token}"}
    markers = agra_markers(world)
    for route in routes():
        path = with_agra_ids(route, world)
        response = client.get(path, headers=headers if path.startswith("/api/") else {})
        assert response.status_code < 500, (path, response.status_code)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        text = body.decode(errors="replace")
        assert not [m for m in markers if m in text], (role, path, response.status_code)


@pytest.mark.parametrize("role", ROLES)
def test_filters_and_search_never_reach_the_sibling_district(client, world, role):
    user = as_role(client, world, role)
    headers = {"Authorization": f"Bearer {create_token(user)}"}
    agra = world["agra"]
    queries = [
        "/staff/supporters/?q=98765%2000022", f"/staff/supporters/?q={AGRA_NAME[:6]}", "/staff/supporters/?area=UP-AGR",
        "/staff/supporters/?area=UP-AC-87", "/staff/supporters/export.csv?area=UP-AGR", "/staff/queue/?area=UP-AGR",
        f"/staff/audit/?subject=supporter:{agra.public_id}",
    ]
    api = [
        "/api/v1/supporters?q=9876500022", f"/api/v1/supporters?q={AGRA_NAME[:6]}", "/api/v1/supporters?area=UP-AGR",
        "/api/v1/supporters/lookup?phone=09876500022", "/api/v1/supporters/export.csv?area=UP-AGR",
        f"/api/v1/audit?subject=supporter:{agra.public_id}", "/api/v1/callbacks/queue?area=UP-AGR",
    ]
    for path in queries + api:
        response = client.get(path, headers=headers if path.startswith("/api/") else {})
        assert response.status_code < 500, (path, response.status_code)
        body = (b"".join(response.streaming_content) if response.streaming else response.content).decode(
            errors="replace")
        # what the page echoes of the query itself (the filter box, the language link) is not a leak
        markers = [m for m in agra_markers(world) + ["agra desk"] if m not in path]
        assert not [m for m in markers if m in body], (role, path)


@pytest.mark.parametrize("role", ROLES)
def test_nothing_of_the_sibling_district_can_be_changed(client, world, role):
    user = as_role(client, world, role)
    headers = {"Authorization": f"Bearer {create_token(user)}"}
    agra = world["agra"]
    attempts = [
        client.patch(f"/api/v1/supporters/{agra.public_id}", {"reason": "test", "name": "Changed"},
                     content_type="application/json", headers=headers),
        client.post(f"/api/v1/callbacks/{agra.public_id}/reveal", headers=headers),
        client.post(f"/api/v1/callbacks/{agra.public_id}/outcome", {"outcome": "do_not_call"},
                    content_type="application/json", headers=headers),
        client.post(f"/staff/supporters/{agra.public_id}/edit/", {"reason": "test", "name": "Changed"}),
        client.post(f"/staff/desk/{agra.public_id}/reveal/"),
        client.post(f"/staff/desk/{agra.public_id}/outcome/", {"outcome": "do_not_call"}),
    ]
    for response in attempts:
        assert 400 <= response.status_code < 500, (role, response.request["PATH_INFO"], response.status_code)
    agra.refresh_from_db()
    assert agra.name == AGRA_NAME
    assert not AuditEntry.objects.filter(action="reveal_phone", subject__contains=agra.public_id).exists()


@pytest.mark.parametrize("role", ROLES)
def test_each_role_reaches_exactly_the_pages_docs_roles_gives_it(client, world, role):
    user = as_role(client, world, role)
    headers = {"Authorization": f"Bearer {create_token(user)}"}
    for path, perm in PAGES.items():
        status = client.get(path).status_code
        allowed = perm in permissions.MATRIX[role]
        assert (status == 200) is allowed and (allowed or status == 403), (role, path, status)
    for path, perm in API.items():
        status = client.get(path, headers=headers).status_code
        allowed = perm in permissions.MATRIX[role]
        assert (status == 200) is allowed and (allowed or status == 403), (role, path, status)


def test_the_lucknow_record_is_reachable_so_the_walk_is_not_empty(client, world):
    """Guards the walk above: the same routes do show Lucknow's record to a Lucknow coordinator."""
    as_role(client, world, Role.COORDINATOR)
    lucknow = world["lucknow"]
    assert lucknow.public_id in client.get("/staff/supporters/").content.decode()
    assert "Lucknow Person" in client.get(f"/staff/supporters/{lucknow.public_id}/").content.decode()
    assert Supporter.objects.visible_to(world["users"][Role.COORDINATOR]).filter(pk=lucknow.pk).exists()


def test_a_national_dpo_does_see_agra_so_the_markers_are_real(client, world):
    """The markers the walk looks for do show where they are allowed: Agra's record and audit for a national DPO."""
    dpo = get_user_model().objects.create_user("dpo-national", password=None, is_staff=True)
    RoleAssignment.objects.create(user=dpo, role=Role.DPO, area=world["areas"]["IN"])
    login_verified(client, dpo)
    assert "agra desk" in client.get("/staff/audit/").content.decode()
    assert AGRA_NAME in client.get(f"/staff/supporters/{world['agra'].public_id}/").content.decode()
