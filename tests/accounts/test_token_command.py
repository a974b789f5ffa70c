"""sampark token create: user, role and a bearer token; only the token on stdout, only its digest stored."""

from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from sampark.accounts.models import ApiToken, Role, RoleAssignment
from sampark.geo.models import Area, Level

pytestmark = pytest.mark.django_db


def create(*args) -> str:
    out = StringIO()
    call_command("token", "create", *args, stdout=out)
    return out.getvalue()


def test_creates_user_country_role_and_token(client):
    output = create("ci-bot")
    token = output.strip()
    assert output == token + "\n"  # the token and nothing else
    assert len(token) >= 40
    user = get_user_model().objects.get(username="ci-bot")
    assert not user.has_usable_password()
    country = Area.objects.get(code="IN")
    assert (country.path, country.level, country.name_en, country.name_hi) == ("IN", Level.COUNTRY, "India", "भारत")
    assert RoleAssignment.objects.filter(user=user, role=Role.ADMIN, area=country).count() == 1
    stored = ApiToken.objects.get(user=user)
    assert stored.digest == ApiToken.digest_of(token)
    assert token not in stored.digest
    # The token works on the API, as a national administrator.
    assert client.get("/api/v1/stats", headers={"Authorization": f"Bearer {token}"}).status_code == 200


def test_again_adds_a_token_not_a_role():
    first, second = create("ci-bot").strip(), create("ci-bot").strip()
    assert first != second
    user = get_user_model().objects.get(username="ci-bot")
    assert ApiToken.objects.filter(user=user).count() == 2
    assert RoleAssignment.objects.filter(user=user).count() == 1
    assert Area.objects.count() == 1


def test_existing_tree_is_used():
    country = Area.objects.create(code="IN", level=Level.COUNTRY, name_en="India", name_hi="भारत", path="IN")
    up = Area.objects.create(code="UP", parent=country, level=Level.STATE, name_en="Uttar Pradesh",
                             name_hi="उत्तर प्रदेश", path="IN.UP")
    create("up-coordinator", "--role", "coordinator", "--area", "UP", "--label", "district app")
    user = get_user_model().objects.get(username="up-coordinator")
    assert list(RoleAssignment.objects.filter(user=user).values_list("role", "area")) == [("coordinator", up.id)]
    assert ApiToken.objects.get(user=user).label == "district app"


def test_existing_user_keeps_its_password():
    user = get_user_model().objects.create_user("asha", password="correct horse battery staple")
    create("asha")
    user.refresh_from_db()
    assert user.check_password("correct horse battery staple")


@pytest.mark.parametrize("args, message", [
    (["bad name!"], "USERNAME: 'bad name!'"),
    (["   "], "USERNAME: empty"),
    (["x" * 151], "USERNAME:"),
    (["ok", "--role", "admin", "--area", "UP"], "--area: no area with code 'UP': the area tree is empty"),
    (["ok", "--area", "UP"], "--area: give --role too"),
    (["ok", "--expires", "yesterday"], "--expires: 'yesterday' is neither"),
    (["ok", "--expires", "2001-01-01"], "--expires: 2001-01-01 is in the past"),
    (["ok", "--role", "king"], "invalid choice: 'king'"),
    (["ok", "--label", "l" * 81], "--label: longer than 80"),
])
def test_bad_arguments(args, message):
    with pytest.raises(CommandError, match=message.replace("(", r"\(")):
        create(*args)
    assert not ApiToken.objects.exists()


def test_unknown_area_in_existing_tree():
    Area.objects.create(code="IN", level=Level.COUNTRY, name_en="India", name_hi="भारत", path="IN")
    with pytest.raises(CommandError, match="--area: no area with code 'XX'"):
        create("ok", "--role", "admin", "--area", "XX")
    assert not get_user_model().objects.filter(username="ok").exists()  # nothing half-written


def test_deactivated_user_is_refused():
    get_user_model().objects.create_user("gone", is_active=False)
    with pytest.raises(CommandError, match="deactivated"):
        create("gone")
    assert not ApiToken.objects.exists()


def test_subcommand_required():
    with pytest.raises(CommandError, match="ACTION"):
        call_command("token")


def test_existing_user_keeps_grants_as_they_are(client):
    """Today's defect: a token for an existing coordinator silently made them a national admin."""
    country = Area.objects.create(code="IN", level=Level.COUNTRY, name_en="India", name_hi="भारत", path="IN")
    up = Area.objects.create(code="UP", parent=country, level=Level.STATE, name_en="Uttar Pradesh",
                             name_hi="उत्तर प्रदेश", path="IN.UP")
    user = get_user_model().objects.create_user("asha", password=None)
    RoleAssignment.objects.create(user=user, role=Role.COORDINATOR, area=up)
    token = create("asha").strip()
    assert list(RoleAssignment.objects.filter(user=user).values_list("role", "area")) == [("coordinator", up.id)]
    assert client.get("/api/v1/stats", headers={"Authorization": f"Bearer {token}"}).status_code == 403
    create("asha", "--role", "volunteer", "--area", "UP")  # only --role adds one
    assert set(RoleAssignment.objects.filter(user=user).values_list("role", flat=True)) == {"coordinator",
                                                                                         "volunteer"}


def test_expired_token_is_refused_with_its_expiry(client):
    import time_machine
    from django.utils import timezone

    token = create("ci-bot", "--expires", "2d").strip()
    headers = {"Authorization": f"Bearer {token}"}
    assert client.get("/api/v1/stats", headers=headers).status_code == 200
    with time_machine.travel(timezone.now() + timedelta(days=3)):
        response = client.get("/api/v1/stats", headers=headers)
    assert response.status_code == 401
    assert "the API token expired at" in response.json()["error"]


def test_list_and_revoke(client):
    token = create("ci-bot", "--label", "nightly export").strip()
    out = StringIO()
    call_command("token", "list", stdout=out)
    row = ApiToken.objects.get()
    assert out.getvalue().startswith(f"{row.pk}\tci-bot\tnightly export\tcreated ")
    assert token not in out.getvalue()  # only the digest is stored; nothing can print the token again
    call_command("token", "revoke", str(row.pk), stdout=StringIO())
    assert not ApiToken.objects.exists()
    assert client.get("/api/v1/stats", headers={"Authorization": f"Bearer {token}"}).status_code == 401
    with pytest.raises(CommandError, match="ID: no token '999'"):
        call_command("token", "revoke", "999")
