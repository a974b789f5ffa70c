"""Staff sign-in: one page for the workspace and the admin, every sign-in audited, failures throttled."""

import pytest

from sampark.accounts.models import Role
from sampark.core.models import AuditEntry
from tests.accounts.conftest import sign_in

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("lang", "words"), [("hi", "स्टाफ़ साइन-इन"), ("en", "Staff sign-in")])
def test_page_in_both_languages(client, lang, words):
    page = client.get(f"/staff/login/?lang={lang}").content.decode()
    assert words in page
    assert 'name="code"' in page and 'autocomplete="one-time-code"' in page


def test_coordinator_signs_in_with_a_password_and_is_audited(client, make_staff):
    make_staff("asha", Role.COORDINATOR)
    response = sign_in(client, "asha")
    assert response.status_code == 302 and response["Location"] == "/staff/"
    assert "asha" in client.get("/staff/").content.decode()
    entry = AuditEntry.objects.get(action="sign_in")
    assert entry.subject == "user:asha" and entry.detail == {"address": "10.9.8.7"}


def test_wrong_password_is_refused_without_saying_which_part(client, make_staff):
    make_staff("asha", Role.COORDINATOR)
    response = sign_in(client, "asha", password="wrong password here")
    assert response.status_code == 200
    assert "/staff/" not in response.get("Location", "")
    assert client.get("/staff/").status_code == 302  # still signed out
    assert not AuditEntry.objects.filter(action="sign_in").exists()


def test_admin_login_is_the_staff_page(client):
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302 and response["Location"] == "/staff/login/?next=/admin/"
    assert client.get("/admin/").status_code == 302


def test_five_failures_lock_that_address_out_of_that_account(client, make_staff, settings):
    make_staff("asha", Role.COORDINATOR)
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert sign_in(client, "asha", password="guess guess guess").status_code == 200
    locked = sign_in(client, "asha", password="guess guess guess")
    assert locked.status_code == 429
    assert "15" in locked.content.decode()  # "try again in 15 minutes"
    assert sign_in(client, "asha").status_code == 429  # even the right password, for now
    # the same account from another address is not locked: a guesser cannot lock a coordinator out
    other = client.post("/staff/login/", {"username": "asha", "password": "a long staff passphrase 42"},
                        REMOTE_ADDR="10.1.1.1")
    assert other.status_code == 302


def test_idle_session_ends_after_thirty_minutes(client, make_staff):
    import time_machine
    from django.utils import timezone

    make_staff("asha", Role.COORDINATOR)
    sign_in(client, "asha")
    start = timezone.now()
    with time_machine.travel(start + timezone.timedelta(minutes=20)):
        assert client.get("/staff/").status_code == 200  # a request renews the session
    with time_machine.travel(start + timezone.timedelta(minutes=45)):
        assert client.get("/staff/").status_code == 200  # 25 idle minutes since the last request
    with time_machine.travel(start + timezone.timedelta(minutes=80)):
        response = client.get("/staff/")
    assert response.status_code == 302 and response["Location"].startswith("/staff/login/")


def test_sign_out_needs_a_post(client, make_staff):
    make_staff("asha", Role.COORDINATOR)
    sign_in(client, "asha")
    assert client.get("/staff/logout/").status_code == 405
    client.post("/staff/logout/")
    assert client.get("/staff/").status_code == 302
