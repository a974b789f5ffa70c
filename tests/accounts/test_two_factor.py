"""TOTP second factor: required for admin and dpo before any staff or admin page, offered to everyone else."""

import re

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from sampark.accounts.models import Role
from tests.accounts.conftest import sign_in

pytestmark = pytest.mark.django_db


def current_code(device: TOTPDevice, offset: int = 0) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=offset):06d}"


def enrol(client, user) -> list[str]:
    page = client.get("/staff/2fa/")
    assert page.status_code == 200 and "<svg" in page.content.decode()  # the QR code, inline
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    done = client.post("/staff/2fa/", {"code": current_code(device)})
    assert done.status_code == 200
    return re.findall(r"<li>([0-9a-z]{8})</li>", done.content.decode())


@pytest.mark.parametrize("role", [Role.ADMIN, Role.DPO])
def test_admin_and_dpo_must_set_it_up_before_any_staff_page(client, make_staff, role):
    user = make_staff("priya", role)
    response = sign_in(client, "priya")
    assert response["Location"] == "/staff/2fa/"
    for path in ("/staff/", "/admin/", "/admin/supporters/supporter/"):
        assert client.get(path)["Location"] == "/staff/2fa/", path
    codes = enrol(client, user)
    assert len(codes) == 10
    assert client.get("/staff/").status_code == 200
    assert client.get("/admin/").status_code == 200


def test_a_wrong_first_code_does_not_enrol(client, make_staff):
    user = make_staff("priya", Role.ADMIN)
    sign_in(client, "priya")
    client.get("/staff/2fa/")
    response = client.post("/staff/2fa/", {"code": "000000" if current_code(
        TOTPDevice.objects.get(user=user)) != "000000" else "111111"})
    assert response.status_code == 400
    assert not TOTPDevice.objects.filter(user=user, confirmed=True).exists()
    assert client.get("/admin/")["Location"] == "/staff/2fa/"


def test_once_set_up_the_code_is_asked_at_sign_in(client, make_staff):
    import time_machine
    from django.utils import timezone

    user = make_staff("priya", Role.ADMIN)
    sign_in(client, "priya")
    start = timezone.now()
    codes = enrol(client, user)
    client.post("/staff/logout/")
    device = TOTPDevice.objects.get(user=user, confirmed=True)
    assert "code" in sign_in(client, "priya").content.decode()  # no code: refused, asked for it
    assert client.get("/staff/").status_code == 302
    with time_machine.travel(start + timezone.timedelta(seconds=60), tick=False):  # the throttle counts seconds
        wrong = "999999" if current_code(device) != "999999" else "888888"
        assert sign_in(client, "priya", code=wrong).status_code == 200
        # right after a wrong code the device waits (django-otp doubles the wait per failure): a guesser is slowed
        assert sign_in(client, "priya", code=current_code(device)).status_code == 200
    with time_machine.travel(start + timezone.timedelta(seconds=90), tick=False):
        assert sign_in(client, "priya", code=current_code(device))["Location"] == "/staff/"
        assert client.get("/admin/").status_code == 200
        # a backup code signs in once
        client.post("/staff/logout/")
        assert sign_in(client, "priya", code=codes[0])["Location"] == "/staff/"
        client.post("/staff/logout/")
        assert sign_in(client, "priya", code=codes[0]).status_code == 200


def test_offered_not_forced_to_a_coordinator(client, make_staff):
    user = make_staff("asha", Role.COORDINATOR)
    sign_in(client, "asha")
    assert client.get("/staff/").status_code == 200
    enrol(client, user)  # they may choose it
    client.post("/staff/logout/")
    assert sign_in(client, "asha").status_code == 200  # and then it is asked of them too
