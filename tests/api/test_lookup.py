"""GET /api/v1/supporters/lookup: any phone format finds the supporter, masked, and only inside the caller's areas.

Every number here is fictitious.
"""

import pytest
from django.utils import timezone

from sampark.accounts.models import Role

LOOKUP = "/api/v1/supporters/lookup"
E164 = "+919876500001"
FORMATS = [
    "+91 98765 00001", "+919876500001", "+91-98765-00001", "(+91) 98765 00001", "098765 00001", "09876500001",
    "919876500001", "91 98765 00001", "9876500001", "98765 00001", " 9876500001 ",
]


@pytest.fixture
def supporter(areas, make_supporter):
    now = timezone.now()
    return make_supporter(E164, area=areas["UP-LKO"], call_count=3, first_call_at=now, last_call_at=now)


def assert_no_clear_number(response):
    for piece in (b"9876500001", b"98765 00001", b"500001"):
        assert piece not in response.content


@pytest.mark.parametrize("phone", FORMATS)
def test_every_format_finds_the_supporter(client, national, supporter, phone):
    _, headers = national
    response = client.get(LOOKUP, {"phone": phone}, headers=headers)
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["id"] == supporter.public_id
    assert body["phone_masked"] == "+91 98XXXXXX01"
    assert body["calls"] == 3
    assert body["stage"] == "new"
    assert body["area_code"] == "UP-LKO"
    assert body["first_call_at"] and body["last_call_at"]
    assert set(body) == {"id", "phone_masked", "calls", "stage", "area_code", "first_call_at", "last_call_at"}
    assert_no_clear_number(response)


@pytest.mark.parametrize("area", ["UP", "UP-LKO"])
def test_coordinator_inside_the_area_finds_it(client, areas, make_user, supporter, area):
    _, headers = make_user("c", role=Role.COORDINATOR, area=areas[area])
    assert client.get(LOOKUP, {"phone": "9876500001"}, headers=headers).status_code == 200


def test_out_of_area_is_the_same_404_as_unknown(client, areas, make_user, supporter):
    _, headers = make_user("agra", role=Role.COORDINATOR, area=areas["UP-AGR"])
    hidden = client.get(LOOKUP, {"phone": "9876500001"}, headers=headers)
    unknown = client.get(LOOKUP, {"phone": "9876500002"}, headers=headers)
    assert hidden.status_code == unknown.status_code == 404
    assert hidden.json() == unknown.json()
    assert hidden["Content-Type"].startswith("application/json")


def test_user_without_roles_gets_404(client, areas, make_user, supporter):
    _, headers = make_user("nobody")
    assert client.get(LOOKUP, {"phone": "9876500001"}, headers=headers).status_code == 404


def test_superuser_sees_supporters_without_area(client, areas, make_user, make_supporter):
    make_supporter("+919876500003")
    _, headers = make_user("root", is_superuser=True)
    response = client.get(LOOKUP, {"phone": "98765 00003"}, headers=headers)
    assert response.status_code == 200
    assert response.json()["area_code"] is None


@pytest.mark.parametrize("phone", ["12345", "abc", "+91 12345", "anonymous", "", "9" * 40, "+1 555"])
def test_bad_phone_is_400_naming_phone(client, national, supporter, phone):
    _, headers = national
    response = client.get(LOOKUP, {"phone": phone}, headers=headers)
    assert response.status_code == 400
    body = response.json()
    assert body["field"] == "phone"
    assert body["error"].startswith("phone: ")
    if len(phone) > 3:
        assert phone.encode() not in response.content


def test_missing_phone_is_400(client, national):
    _, headers = national
    response = client.get(LOOKUP, headers=headers)
    assert response.status_code == 400
    assert response.json()["field"] == "phone"


def test_needs_a_token(client, supporter):
    response = client.get(LOOKUP, {"phone": "9876500001"})
    assert response.status_code == 401
    assert_no_clear_number(response)


def test_query_count(client, national, supporter, django_assert_max_num_queries):
    _, headers = national
    client.get(LOOKUP, {"phone": "9876500001"}, headers=headers)
    # token, the user's areas, the supporter (with its area)
    with django_assert_max_num_queries(3):
        assert client.get(LOOKUP, {"phone": "9876500001"}, headers=headers).status_code == 200


def test_national_role_sees_supporters_without_area(client, national, make_supporter):
    make_supporter("+919876500004")  # state not known yet: no series matched, not told by them
    _, headers = national
    assert client.get(LOOKUP, {"phone": "9876500004"}, headers=headers).status_code == 200
