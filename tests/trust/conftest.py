"""Areas, trust-desk staff and supporters for the case tests."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission

from sampark.accounts.models import Role, RoleAssignment
from sampark.core import pii
from sampark.core.phones import normalise
from sampark.geo.models import Area, Level


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


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
def make_staff(db):
    """make_staff("name", area=...) -> a staff user with the trust desk's permissions and a role at ``area``."""

    def make(username, area=None, role=Role.COORDINATOR):
        user = get_user_model().objects.create_user(username=username, password="pw-" + username, is_staff=True)
        user.user_permissions.set(Permission.objects.filter(content_type__app_label="trust", codename__in=[
            "view_case", "change_case", "view_report", "view_caseevent"]))
        if area is not None:
            RoleAssignment.objects.create(user=user, role=role, area=area)
        return user

    return make


@pytest.fixture
def make_supporter(db):
    from sampark.supporters.models import Supporter

    def make(e164, area=None, **fields):
        return Supporter.objects.create(
            phone_cipher=pii.encrypt(e164), phone_index=pii.blind_index(e164), phone_hint=normalise(e164).masked,
            phone_region="IN", area=area, notice_version="test", **fields,
        )

    return make


@pytest.fixture
def warning_templates(db):
    from sampark.web.demo import load_trust_templates

    load_trust_templates()
