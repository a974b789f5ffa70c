"""Taking a role away on /staff/team/: only roles the user could grant, inside their area; audited."""

import pytest

from sampark.accounts.models import Role, RoleAssignment
from sampark.core.models import AuditEntry

PAGE = "/staff/team/"


@pytest.fixture
def coordinator(client, make_staff):
    user = make_staff("coord-lko", Role.COORDINATOR, "UP-LKO")
    client.force_login(user)
    return user


def grant_of(username):
    return RoleAssignment.objects.get(user__username=username)


def test_revoke_a_volunteer(client, coordinator, make_staff):
    make_staff("asha", Role.VOLUNTEER, "UP-AC-170")
    response = client.post(PAGE + "?lang=en", {"action": "revoke", "grant": grant_of("asha").pk}, follow=True)
    assert response.status_code == 200
    assert "asha no longer has the role" in response.content.decode()
    assert not RoleAssignment.objects.filter(user__username="asha").exists()
    assert AuditEntry.objects.filter(actor=coordinator, action="role_change", subject="user:asha",
                                     detail__change="revoked").exists()


def test_a_grant_in_the_next_district_is_a_404(client, coordinator, make_staff):
    make_staff("vol-agra", Role.VOLUNTEER, "UP-AGR")
    assert client.post(PAGE, {"action": "revoke", "grant": grant_of("vol-agra").pk}).status_code == 404
    assert RoleAssignment.objects.filter(user__username="vol-agra").exists()


def test_a_peer_coordinator_cannot_be_revoked(client, coordinator, make_staff):
    make_staff("coord-lko-2", Role.COORDINATOR, "UP-LKO")
    response = client.post(PAGE, {"action": "revoke", "grant": grant_of("coord-lko-2").pk})
    assert response.status_code == 403
    assert RoleAssignment.objects.filter(user__username="coord-lko-2").exists()


@pytest.mark.parametrize("data", [{"action": "revoke", "grant": "abc"}, {"action": "revoke"},
                                  {"action": "revoke", "grant": "9" * 30}, {"action": "explode"}])
def test_bad_input_400(client, coordinator, data):
    assert client.post(PAGE, data).status_code == 400
