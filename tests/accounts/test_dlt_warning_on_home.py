"""A national admin arriving on /staff/ sees which active SMS templates a real gateway would refuse (no DLT ids);
others, and the file outbox, see no such warning."""

import pytest
from django.contrib.auth import get_user_model

from sampark.accounts.models import Role, RoleAssignment
from tests.conftest import login_verified
from tests.supporters.factories import make_areas

pytestmark = pytest.mark.django_db


def staff(areas, role, code):
    user = get_user_model().objects.create_user(f"{role}-{code}", password=None, is_staff=True)
    RoleAssignment.objects.create(user=user, role=role, area=areas[code])
    return user


def test_national_admin_sees_templates_without_dlt_ids(client, settings):
    settings.SMS_BACKEND = "msg91"
    login_verified(client, staff(make_areas(), Role.ADMIN, "IN"))
    page = client.get("/staff/?lang=en").content.decode()
    assert 'id="dlt-missing"' in page
    assert "confirmation / hi" in page  # the shipped default templates have their DLT fields still to fill


def test_no_warning_for_the_file_outbox_or_below_national(client, settings):
    areas = make_areas()
    login_verified(client, staff(areas, Role.ADMIN, "IN"))
    assert 'id="dlt-missing"' not in client.get("/staff/").content.decode()  # the file outbox needs no DLT
    settings.SMS_BACKEND = "msg91"
    client.force_login(staff(areas, Role.COORDINATOR, "UP"))
    assert 'id="dlt-missing"' not in client.get("/staff/").content.decode()
