"""sampark user add|list|revoke|deactivate: staff users and grants from the shell, each change audited."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from sampark.accounts.models import ApiToken, RoleAssignment
from sampark.core.models import AuditEntry
from tests.accounts.conftest import sign_in

pytestmark = pytest.mark.django_db


def user_command(*args) -> str:
    out = StringIO()
    call_command("user", *args, stdout=out)
    return out.getvalue()


def test_add_creates_a_staff_user_with_a_one_time_password(client, areas):
    output = user_command("add", "asha", "--role", "coordinator", "--area", "up-lko", "--email", "a@example.org")
    password = output.split("one-time password: ")[1].split()[0]
    user = get_user_model().objects.get(username="asha")
    assert user.is_staff and user.email == "a@example.org" and user.check_password(password)
    assert list(RoleAssignment.objects.filter(user=user).values_list("role", "area__code")) == [
        ("coordinator", "UP-LKO")]
    assert sign_in(client, "asha", password)["Location"] == "/staff/"
    assert AuditEntry.objects.filter(action="role_change", subject="user:asha",
                                     detail__area="UP-LKO").exists()


def test_add_again_adds_the_grant_and_keeps_the_password(areas):
    first = user_command("add", "asha", "--role", "coordinator", "--area", "UP-LKO")
    password = first.split("one-time password: ")[1].split()[0]
    second = user_command("add", "asha", "--role", "volunteer", "--area", "UP-AGR")
    assert "password" not in second
    user = get_user_model().objects.get(username="asha")
    assert user.check_password(password)
    assert RoleAssignment.objects.filter(user=user).count() == 2


def test_list_shows_state_and_grants(areas):
    user_command("add", "asha", "--role", "coordinator", "--area", "UP-LKO")
    user_command("add", "ravi", "--role", "volunteer", "--area", "UP-AGR")
    user_command("deactivate", "ravi")
    lines = user_command("list").splitlines()
    assert lines == ["asha\tactive\tcoordinator@UP-LKO", "ravi\tdeactivated\tvolunteer@UP-AGR"]


def test_revoke_takes_one_grant(areas):
    user_command("add", "asha", "--role", "coordinator", "--area", "UP-LKO")
    user_command("add", "asha", "--role", "volunteer", "--area", "UP-LKO")
    user_command("revoke", "asha", "--role", "coordinator", "--area", "UP-LKO")
    assert list(RoleAssignment.objects.values_list("role", flat=True)) == ["volunteer"]
    with pytest.raises(CommandError, match="--role: asha does not hold coordinator at UP-LKO"):
        user_command("revoke", "asha", "--role", "coordinator", "--area", "UP-LKO")


def test_deactivate_signs_out_and_stops_tokens(client, areas):
    output = user_command("add", "asha", "--role", "coordinator", "--area", "UP-LKO")
    password = output.split("one-time password: ")[1].split()[0]
    assert sign_in(client, "asha", password)["Location"] == "/staff/"
    out = StringIO()
    call_command("token", "create", "asha", stdout=out)
    token = out.getvalue().strip()
    user_command("deactivate", "asha")
    assert client.get("/admin/").status_code == 302  # the open session is gone
    response = client.get("/api/v1/supporters/lookup?phone=9876500001", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 401
    assert ApiToken.objects.count() == 1


@pytest.mark.parametrize(("args", "message"), [
    (["add", "asha", "--role", "coordinator", "--area", "XX"], "--area: no area with code 'XX'"),
    (["add", "bad name!", "--role", "coordinator", "--area", "UP"], "USERNAME: 'bad name!'"),
    (["add", "asha", "--role", "coordinator", "--area", "UP", "--email", "not-mail"], "--email: 'not-mail'"),
    (["add", "asha", "--role", "king", "--area", "UP"], "invalid choice: 'king'"),
    (["revoke", "nobody", "--role", "coordinator", "--area", "UP"], "USERNAME: no user 'nobody'"),
    (["deactivate", "nobody"], "USERNAME: no user 'nobody'"),
])
def test_bad_arguments_change_nothing(areas, args, message):
    with pytest.raises(CommandError, match=message):
        user_command(*args)
    assert not get_user_model().objects.exists()
    assert not AuditEntry.objects.exists()
