"""Areas, staff users with API tokens, and supporters with fictitious numbers, for the /api/v1 tests."""

import secrets

import pytest
from django.contrib.auth import get_user_model

from sampark.accounts.models import ApiToken, Role, RoleAssignment
from sampark.core import pii
from sampark.core.phones import normalise


@pytest.fixture
def make_user(db):
    """make_user("name", role=..., area=...) -> (user, bearer headers for the test client)."""

    def make(username, role=None, area=None, **fields):
        user = get_user_model().objects.create_user(username=username, password=None, **fields)
        if role is not None:
            RoleAssignment.objects.create(user=user, role=role, area=area)
        token = secrets.token_urlsafe(32)
        ApiToken.objects.create(user=user, digest=ApiToken.digest_of(token))
        return user, {"Authorization": f"Bearer {token}"}

    return make


@pytest.fixture
def national(areas, make_user):
    return make_user("national-admin", role=Role.ADMIN, area=areas["IN"])


@pytest.fixture
def make_supporter(db):
    from sampark.supporters.models import Supporter

    def make(e164, area=None, **fields):
        return Supporter.objects.create(
            phone_cipher=pii.encrypt(e164), phone_index=pii.blind_index(e164), phone_hint=normalise(e164).masked,
            phone_region="IN", area=area, notice_version="test", **fields,
        )

    return make
