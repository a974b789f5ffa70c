"""Areas, staff with roles and tokens, and waiting supporters for the call-back desk's tests."""

import secrets
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from sampark.accounts.models import ApiToken, Role, RoleAssignment
from sampark.supporters.models import Callback
from tests.supporters.factories import make_areas, make_supporter

PASSWORD = "a long staff passphrase 42"


@pytest.fixture
def areas(db):
    return make_areas()


@pytest.fixture
def make_staff(areas):
    """make_staff("name", Role.VOLUNTEER, "UP-LKO") -> user (with .headers for the API)."""

    def make(username, role=Role.VOLUNTEER, area_code="UP-LKO"):
        user = get_user_model().objects.create_user(username, password=PASSWORD, is_staff=True)
        if role is not None:
            RoleAssignment.objects.create(user=user, role=role, area=areas[area_code])
        token = secrets.token_urlsafe(32)
        ApiToken.objects.create(user=user, digest=ApiToken.digest_of(token))
        user.headers = {"Authorization": f"Bearer {token}"}
        return user

    return make


@pytest.fixture
def waiting(areas):
    """waiting(n, "UP-LKO", minutes_ago=...) -> supporters whose call-backs wait, oldest first."""
    counter = iter(range(1, 10_000))

    def make(n=1, area_code="UP-LKO", minutes_ago=60, **fields):
        made = []
        for _ in range(n):
            i = next(counter)
            supporter = make_supporter(f"+9198765{i:05d}", area=areas[area_code] if area_code else None, **fields)
            at = timezone.now() - timedelta(minutes=minutes_ago - i * 0.01)
            Callback.objects.filter(supporter=supporter).update(created_at=at, due_at=at)
            made.append(supporter)
        return made

    return make
