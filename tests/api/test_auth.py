"""Bearer tokens: every failure is a 401 with a JSON body naming the problem; last use is recorded sparingly."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from sampark.accounts.models import ApiToken

STATS = "/api/v1/stats"


def assert_401(response, words):
    assert response.status_code == 401
    assert response["Content-Type"].startswith("application/json")
    assert response["WWW-Authenticate"].startswith("Bearer")
    body = response.json()
    assert words in body["error"]
    assert body["field"] == "Authorization"


@pytest.mark.django_db
def test_missing_header(client):
    assert_401(client.get(STATS), "missing Authorization header")


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["", "   "])
def test_blank_header_is_missing(client, value):
    assert_401(client.get(STATS, headers={"Authorization": value}), "missing Authorization header")


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["Basic dXNlcjpwYXNz", "Token abc", "abc"])
def test_other_scheme(client, value):
    assert_401(client.get(STATS, headers={"Authorization": value}), "Bearer scheme")


@pytest.mark.django_db
def test_bearer_without_token(client):
    assert_401(client.get(STATS, headers={"Authorization": "Bearer "}), "no token")


@pytest.mark.django_db
@pytest.mark.parametrize("token", ["not-a-token", "x" * 5000, "टोकन"])
def test_unknown_token(client, national, token):
    assert_401(client.get(STATS, headers={"Authorization": f"Bearer {token}"}), "unknown API token")


def test_deactivated_user(client, national):
    user, headers = national
    user.is_active = False
    user.save()
    assert_401(client.get(STATS, headers=headers), "deactivated")


def test_valid_token_any_case_scheme(client, national):
    _, headers = national
    token = headers["Authorization"].split(" ", 1)[1]
    assert client.get(STATS, headers=headers).status_code == 200
    assert client.get(STATS, headers={"Authorization": f"bearer {token}"}).status_code == 200


def test_session_login_is_not_enough(client, national):
    user, _ = national
    client.force_login(user)
    assert_401(client.get(STATS), "missing Authorization header")


def test_last_used_at_written_at_most_once_a_minute(client, national, django_assert_num_queries):
    user, headers = national
    token = ApiToken.objects.get(user=user)
    assert token.last_used_at is None
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        client.get(STATS, headers=headers)
        token.refresh_from_db()
        assert token.last_used_at == start
        # Within the minute: token lookup, role check, counters, pending calls; no UPDATE.
        with time_machine.travel(start + timedelta(seconds=59), tick=False), django_assert_num_queries(4):
            assert client.get(STATS, headers=headers).status_code == 200
        token.refresh_from_db()
        assert token.last_used_at == start
    later = start + timedelta(seconds=61)
    with time_machine.travel(later, tick=False):
        client.get(STATS, headers=headers)
    token.refresh_from_db()
    assert token.last_used_at == later


def test_token_is_stored_only_as_digest(national):
    user, headers = national
    token = headers["Authorization"].split(" ", 1)[1]
    stored = ApiToken.objects.get(user=user)
    assert token not in stored.digest
    assert stored.digest == ApiToken.digest_of(token)
