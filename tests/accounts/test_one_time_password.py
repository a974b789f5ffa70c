"""A password someone else chose (sampark user add, the team page) is replaced at first sign-in before any other
staff page opens; a password the user chose is not asked again."""

from io import StringIO

import pytest
from django.core.management import call_command

from sampark.accounts.models import TemporaryPassword
from tests.accounts.conftest import sign_in

pytestmark = pytest.mark.django_db


def add(username: str) -> str:
    out = StringIO()
    call_command("user", "add", username, "--role", "coordinator", "--area", "UP-LKO", stdout=out)
    return out.getvalue().split("one-time password: ")[1].split()[0]


def test_first_sign_in_must_replace_the_one_time_password(client, areas):
    password = add("asha")
    assert sign_in(client, "asha", password).status_code == 302
    for path in ("/staff/", "/staff/supporters/", "/admin/"):
        assert client.get(path)["Location"] == "/staff/password/", path
    assert client.get("/staff/password/").status_code == 200
    changed = client.post("/staff/password/", {"old_password": password, "new_password1": "my own long phrase 7",
                                               "new_password2": "my own long phrase 7"})
    assert changed.status_code == 302
    assert not TemporaryPassword.objects.exists()
    assert client.get("/staff/").status_code == 200


def test_a_weak_new_password_is_refused_and_the_block_stays(client, areas):
    password = add("asha")
    sign_in(client, "asha", password)
    refused = client.post("/staff/password/", {"old_password": password, "new_password1": "12345678",
                                               "new_password2": "12345678"})
    assert refused.status_code == 200 and "new_password2" in refused.context["form"].errors
    assert client.get("/staff/")["Location"] == "/staff/password/"
