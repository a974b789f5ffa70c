"""Every URL, as every role: nothing answers 500, staff pages are closed to the public, and each admin list shows a
staff user only the rows inside their own areas.

The URL list is read from the resolver and the admin registry, so a page added later is walked without editing
this file; a pattern with arguments needs an example in EXAMPLE_ARGS (the test fails and says so otherwise).
"""

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.urls import URLPattern, URLResolver, get_resolver

from sampark.accounts.models import Role, RoleAssignment
from sampark.supporters.models import Supporter
from tests.conftest import login_verified
from tests.supporters.factories import make_areas, make_supporter

EXAMPLE_ARGS = {"provider": "generic", "slug": "main", "token": "a" * 28, "code": "UP-LKO", "path": "x", "url": "x",
                "public_id": "a" * 12}
SKIP_PREFIXES = ("admin/", "api/v1/", "hooks/", "i18n/", "static/")  # walked below, by their own tests, or POST-only


def public_paths() -> list[str]:
    found = []

    def walk(patterns, prefix=""):
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, route)
            elif isinstance(pattern, URLPattern) and not route.startswith(SKIP_PREFIXES):
                found.append(route)

    walk(get_resolver().url_patterns)
    paths = []
    for route in found:
        path = route.lstrip("^").rstrip("$")
        for name, value in EXAMPLE_ARGS.items():
            path = path.replace(f"<str:{name}>", value).replace(f"<{name}>", value).replace(f"<path:{name}>", value)
        assert "<" not in path, f"add an example for {route} to EXAMPLE_ARGS"
        paths.append("/" + path)
    return paths


@pytest.fixture
def world(db):
    areas = make_areas()
    lucknow = make_supporter("+919876500001", area=areas["UP-LKO"])
    agra = make_supporter("+919876500002", area=areas["UP-AGR"])
    users = {"anonymous": None}
    for name, role, area in [
        ("volunteer-lucknow", Role.VOLUNTEER, "UP-LKO"),
        ("coordinator-lucknow", Role.COORDINATOR, "UP-LKO"),
        ("coordinator-agra", Role.COORDINATOR, "UP-AGR"),
        ("admin-national", Role.ADMIN, "IN"),
    ]:
        user = get_user_model().objects.create_user(name, password=None, is_staff=True)
        # Every model permission: what a page shows must be limited by area scoping, not by missing permissions.
        user.user_permissions.set(Permission.objects.all())
        RoleAssignment.objects.create(user=user, role=role, area=areas[area])
        users[name] = user
    users["superuser"] = get_user_model().objects.create_superuser("root", password=None)
    return {"users": users, "lucknow": lucknow, "agra": agra}


def as_user(client, user):
    """Signed in as that user would be: with the second factor their role requires (admin and superuser)."""
    if user is not None:
        login_verified(client, user)
    return client


@pytest.mark.parametrize("role", ["anonymous", "volunteer-lucknow", "coordinator-agra", "admin-national", "superuser"])
def test_public_pages_answer_everyone(client, world, role):
    as_user(client, world["users"][role])
    for path in public_paths():
        response = client.get(path)
        assert response.status_code < 500, (path, response.status_code)


@pytest.mark.parametrize("role", ["anonymous", "volunteer-lucknow", "coordinator-agra", "admin-national", "superuser"])
def test_admin_pages(client, world, role):
    user = world["users"][role]
    as_user(client, user)
    for model, _model_admin in admin.site._registry.items():
        meta = model._meta
        changelist = f"/admin/{meta.app_label}/{meta.model_name}/"
        response = client.get(changelist)
        if user is None:
            assert response.status_code == 302 and "/admin/login/" in response["Location"], changelist
            continue
        assert response.status_code in (200, 403), (changelist, response.status_code)
        if response.status_code == 403:  # the role may not see this model at all (docs/roles.md)
            continue
        first = model._default_manager.order_by("pk").first()
        if first is not None:
            response = client.get(f"{changelist}{first.pk}/change/")
            assert response.status_code in (200, 302), (changelist, response.status_code)


@pytest.mark.parametrize(("role", "expected"), [
    ("volunteer-lucknow", {"supporter": 403, "callback": 403, "call": 403, "outboundsms": 403, "case": 403,
                           "area": 200, "smstemplate": 200}),
    ("coordinator-agra", {"supporter": 200, "callback": 200, "call": 200, "outboundsms": 200, "case": 200,
                          "area": 200, "smstemplate": 200}),
])
def test_admin_lists_follow_the_role_matrix(client, world, role, expected):
    """docs/roles.md: a volunteer has no supporter, queue, call or SMS lists; a coordinator has them."""
    as_user(client, world["users"][role])
    for model, _model_admin in admin.site._registry.items():
        if model._meta.model_name in expected:
            url = f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
            assert client.get(url).status_code == expected[model._meta.model_name], url


@pytest.mark.parametrize(
    ("role", "sees_lucknow", "sees_agra"),
    [
        ("volunteer-lucknow", False, False),  # docs/roles.md: volunteers get supporters only from the desk
        ("coordinator-lucknow", True, False),
        ("coordinator-agra", False, True),
        ("admin-national", True, True),
        ("superuser", True, True),
    ],
)
def test_supporter_list_is_scoped_to_the_users_areas(client, world, role, sees_lucknow, sees_agra):
    as_user(client, world["users"][role])
    page = client.get("/admin/supporters/supporter/").content.decode()
    assert (world["lucknow"].public_id in page, world["agra"].public_id in page) == (sees_lucknow, sees_agra)
    other = world["agra"] if sees_lucknow else world["lucknow"]
    if not (sees_lucknow and sees_agra):  # a row outside one's areas cannot be opened by its URL either
        response = client.get(f"/admin/supporters/supporter/{other.pk}/change/")
        # the admin redirects "does not exist" to the list; a volunteer may not open the list at all
        assert response.status_code == (403 if role.startswith("volunteer") else 302)
        assert Supporter.objects.visible_to(world["users"][role]).filter(pk=other.pk).exists() is False


def test_every_admin_list_of_area_bound_rows_is_scoped(world):
    """An admin over rows that belong to an area (a manager with visible_to) must list through visible_to."""
    from sampark.core.admin_scoping import ScopedAdmin
    from sampark.core.scoping import ScopedQuerySet

    unscoped = [
        model.__name__ for model, model_admin in admin.site._registry.items()
        if isinstance(model._default_manager.all(), ScopedQuerySet) and not isinstance(model_admin, ScopedAdmin)
    ]
    assert unscoped == []


def test_calls_list_shows_only_calls_of_visible_supporters(client, world):
    from django.utils import timezone

    from sampark.core import pii
    from sampark.telephony.models import Call
    from sampark.telephony.services import add_number

    number = add_number(provider="generic", slug="main", number="+911140000000", secret="s")
    for call_id, supporter in (("call-lucknow", world["lucknow"]), ("call-agra", world["agra"])):
        Call.objects.create(number_id=number.id, provider="generic", provider_call_id=call_id,
                            caller_cipher=pii.encrypt("x"), received_at=timezone.now(), supporter=supporter,
                            outcome=Call.Outcome.ACCEPTED, processed_at=timezone.now())
    as_user(client, world["users"]["coordinator-lucknow"])
    page = client.get("/admin/telephony/call/").content.decode()
    assert "call-lucknow" in page and "call-agra" not in page
    as_user(client, world["users"]["volunteer-lucknow"])  # the call log is not a volunteer's (docs/roles.md)
    page = client.get("/admin/telephony/call/").content.decode()
    assert "call-lucknow" not in page and "call-agra" not in page
