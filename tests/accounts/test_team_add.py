"""Adding a person or a role on /staff/team/: below one's own area only (the form names the field), a new user's
one-time password shown once, every grant audited."""

import pytest
from django.contrib.auth import get_user_model

from sampark.accounts.models import Role, RoleAssignment
from sampark.core.models import AuditEntry

PAGE = "/staff/team/"


@pytest.fixture
def coordinator(client, make_staff):
    user = make_staff("coord-lko", Role.COORDINATOR, "UP-LKO")
    client.force_login(user)
    return user


def add(client, **fields):
    return client.post(PAGE + "?lang=en", {"action": "add", **fields})


def test_a_new_volunteer_for_an_assembly(client, coordinator, areas):
    response = add(client, username="asha", role="volunteer", area="UP-AC-170")
    assert response.status_code == 200
    page = response.content.decode()
    assert "asha now has the role “Volunteer” at Sarojini Nagar" in page
    password = response.context["created"]["password"]
    assert password and password in page
    asha = get_user_model().objects.get(username="asha")
    assert asha.check_password(password)
    assert RoleAssignment.objects.filter(user=asha, role="volunteer", area=areas["UP-AC-170"]).exists()
    assert AuditEntry.objects.filter(actor=coordinator, action="role_change", subject="user:asha").exists()
    # shown once: the page afterwards does not have it
    assert password not in client.get(PAGE).content.decode()
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]


def test_an_existing_user_gets_the_role_and_keeps_the_password(client, coordinator, make_staff, areas):
    make_staff("ravi", Role.VOLUNTEER, "UP-AC-170")
    response = add(client, username="ravi", role="volunteer", area="UP-AC-171")
    assert response.status_code == 200
    assert response.context["created"]["password"] is None
    assert "keeps its password" in response.content.decode()
    assert RoleAssignment.objects.filter(user__username="ravi").count() == 2


@pytest.mark.parametrize("role,area,why", [
    ("volunteer", "UP-AGR", "the next district"),
    ("volunteer", "UP-AC-87", "an assembly of the next district"),
    ("volunteer", "UP", "the state above"),
    ("coordinator", "UP-LKO", "a coordinator beside them"),
])
def test_never_above_or_beside(client, coordinator, role, area, why):
    response = add(client, username="asha", role=role, area=area)
    assert response.status_code == 400, why
    form = response.context["add_form"]
    assert list(form.errors) == ["area"]
    assert "only in your own area or below it" in form.errors["area"][0]
    assert not get_user_model().objects.filter(username="asha").exists()
    assert not AuditEntry.objects.filter(subject="user:asha").exists()


def test_a_coordinator_may_appoint_a_coordinator_below(client, coordinator):
    assert add(client, username="coord-170", role="coordinator", area="UP-AC-170").status_code == 200


@pytest.mark.parametrize("fields,field", [
    ({"username": "", "role": "volunteer", "area": "UP-AC-170"}, "username"),
    ({"username": "bad name!", "role": "volunteer", "area": "UP-AC-170"}, "username"),
    ({"username": "u" * 151, "role": "volunteer", "area": "UP-AC-170"}, "username"),
    ({"username": "asha", "role": "admin", "area": "UP-AC-170"}, "role"),
    ({"username": "asha", "role": "superhero", "area": "UP-AC-170"}, "role"),
    ({"username": "asha", "role": "volunteer", "area": "NOWHERE"}, "area"),
    ({"username": "asha", "role": "volunteer", "area": "'; DROP TABLE geo_area; --"}, "area"),
    ({"username": "asha", "role": "volunteer", "area": "UP-AC-170", "email": "not-an-address"}, "email"),
])
def test_bad_input_names_the_field(client, coordinator, fields, field):
    response = add(client, **fields)
    assert response.status_code == 400
    assert field in response.context["add_form"].errors
    assert not get_user_model().objects.filter(username="asha").exists()


def test_hindi_by_default(client, coordinator):
    page = client.post(PAGE, {"action": "add", "username": "asha", "role": "volunteer", "area": "UP-AGR"}
                       ).content.decode()
    assert "कभी ऊपर या बगल में नहीं" in page
