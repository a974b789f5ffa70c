"""GET /api/v1/stats: national totals from counter tables, only for national roles and superusers."""

import pytest
from django.utils import timezone

from sampark.accounts.models import Role
from sampark.core import counters, pii
from sampark.telephony.models import Call, PublishedNumber

STATS = "/api/v1/stats"
KEYS = {
    "supporters", "calls_accepted", "calls_duplicate", "calls_rejected", "calls_pending", "hooks_refused",
    "sms_queued", "sms_sent", "sms_failed",
}


def make_calls(pending, processed):
    number = PublishedNumber.objects.create(provider="exotel", slug="main", number="+918047180000", secret="k" * 20)
    now = timezone.now()
    for index in range(pending + processed):
        Call.objects.create(
            number=number, provider="exotel", provider_call_id=f"call-{index}",
            caller_cipher=pii.encrypt("+919876500001"), received_at=now,
            processed_at=now if index >= pending else None,
        )


def test_national_admin_sees_totals(client, national):
    _, headers = national
    counters.increment_many({"supporters": 7, "calls_accepted": 9, "calls_duplicate": 2, "calls_rejected": 1,
                             "hooks_refused": 3, "sms_queued": 4, "sms_sent": 5, "sms_failed": 6})
    make_calls(pending=2, processed=3)
    response = client.get(STATS, headers=headers)
    assert response.status_code == 200
    assert response.json() == {
        "supporters": 7, "calls_accepted": 9, "calls_duplicate": 2, "calls_rejected": 1, "calls_pending": 2,
        "hooks_refused": 3, "sms_queued": 4, "sms_sent": 5, "sms_failed": 6,
    }


def test_empty_counters_are_zero(client, national):
    _, headers = national
    body = client.get(STATS, headers=headers).json()
    assert set(body) == KEYS
    assert set(body.values()) == {0}


@pytest.mark.parametrize("role", [Role.LEADERSHIP, Role.COORDINATOR, Role.DPO])
def test_any_national_role(client, areas, make_user, role):
    _, headers = make_user("n", role=role, area=areas["IN"])
    assert client.get(STATS, headers=headers).status_code == 200


def test_superuser_without_roles(client, areas, make_user):
    _, headers = make_user("root", is_superuser=True)
    assert client.get(STATS, headers=headers).status_code == 200


@pytest.mark.parametrize("area", ["UP", "UP-LKO"])
def test_state_and_district_roles_are_403(client, areas, make_user, area):
    _, headers = make_user("local", role=Role.ADMIN, area=areas[area])
    response = client.get(STATS, headers=headers)
    assert response.status_code == 403
    assert "national" in response.json()["error"]


def test_no_role_is_403(client, areas, make_user):
    _, headers = make_user("nobody")
    assert client.get(STATS, headers=headers).status_code == 403


def test_query_count_does_not_grow_with_calls(client, national, django_assert_max_num_queries):
    _, headers = national
    make_calls(pending=30, processed=30)
    client.get(STATS, headers=headers)  # first use writes last_used_at
    with django_assert_max_num_queries(4):
        assert client.get(STATS, headers=headers).json()["calls_pending"] == 30
