import pytest
from django.contrib.auth import get_user_model

from sampark.accounts.models import Role, RoleAssignment
from tests.supporters.factories import make_areas


@pytest.fixture
def areas(db):
    return make_areas()


@pytest.fixture
def make_staff(db):
    def make(username, role, area):
        user = get_user_model().objects.create_user(username=username, password=None)
        RoleAssignment.objects.create(user=user, role=role, area=area)
        return user

    return make


@pytest.fixture
def lko_coordinator(areas, make_staff):
    return make_staff("lko-coord", Role.COORDINATOR, areas["UP-LKO"])


@pytest.fixture
def national_coordinator(areas, make_staff):
    return make_staff("nat-coord", Role.COORDINATOR, areas["IN"])
