import pytest
from django.contrib.auth import get_user_model

from sampark.accounts.models import RoleAssignment
from tests.supporters.factories import make_areas

PASSWORD = "a long staff passphrase 42"


@pytest.fixture
def areas(db):
    return make_areas()


@pytest.fixture
def make_staff(areas):
    def make(username, role, area_code="UP-LKO"):
        user = get_user_model().objects.create_user(username, password=PASSWORD, is_staff=True)
        RoleAssignment.objects.create(user=user, role=role, area=areas[area_code])
        return user
    return make


def sign_in(client, username, password=PASSWORD, code="", follow=False):
    return client.post("/staff/login/", {"username": username, "password": password, "code": code},
                       REMOTE_ADDR="10.9.8.7", follow=follow)
