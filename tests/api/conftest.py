"""Areas, staff users with API tokens, and supporters with fictitious numbers, for the /api/v1 tests."""

import secrets

import pytest
from django.contrib.auth import get_user_model

from sampark.accounts.models import ApiToken, Role, RoleAssignment
from sampark.core import pii
from sampark.core.phones import normalise
from sampark.geo.models import Area, Level


@pytest.fixture
def areas(db):
    country = Area.objects.create(code="IN", level=Level.COUNTRY, name_en="India", name_hi="भारत", path="IN")
    up = Area.objects.create(code="UP", parent=country, level=Level.STATE, name_en="Uttar Pradesh",
                             name_hi="उत्तर प्रदेश", path="IN.UP")
    lko = Area.objects.create(code="UP-LKO", parent=up, level=Level.DISTRICT, name_en="Lucknow", name_hi="लखनऊ",
                              path="IN.UP.UP-LKO")
    agr = Area.objects.create(code="UP-AGR", parent=up, level=Level.DISTRICT, name_en="Agra", name_hi="आगरा",
                              path="IN.UP.UP-AGR")
    return {"IN": country, "UP": up, "UP-LKO": lko, "UP-AGR": agr}


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
