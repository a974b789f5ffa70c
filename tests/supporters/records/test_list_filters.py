"""Filters, search, keyset pages and counts of the supporters list."""

import pytest

from sampark.supporters.models import Stage
from sampark.supporters.records import services
from tests.supporters.factories import make_supporter


@pytest.fixture
def signed_in(client, national_coordinator):
    client.force_login(national_coordinator)
    return client


def ids(response):
    return {row.public_id for row in response.context["rows"]}


def test_area_filter_takes_the_subtree(signed_in, areas):
    inside = make_supporter("+919876500001", area=areas["UP-AC-171"])
    district = make_supporter("+919876500002", area=areas["UP-LKO"])
    outside = make_supporter("+919876500003", area=areas["UP-AGR"])
    got = ids(signed_in.get("/staff/supporters/", {"area": "UP-LKO"}))
    assert got == {inside.public_id, district.public_id}
    assert outside.public_id not in got


def test_stage_tag_language_and_called_back(signed_in, areas, national_coordinator):
    a = make_supporter("+919876500001", area=areas["UP"], language="en")
    b = make_supporter("+919876500002", area=areas["UP"])
    services.move_stage(b, Stage.VOLUNTEER, by=national_coordinator)
    services.add_tag(a, "Farmer", national_coordinator)
    assert ids(signed_in.get("/staff/supporters/", {"stage": "volunteer"})) == {b.public_id}
    assert ids(signed_in.get("/staff/supporters/", {"tag": "farmer"})) == {a.public_id}
    assert ids(signed_in.get("/staff/supporters/", {"language": "en"})) == {a.public_id}
    assert ids(signed_in.get("/staff/supporters/", {"called_back": "yes"})) == {b.public_id}
    assert ids(signed_in.get("/staff/supporters/", {"called_back": "no"})) == {a.public_id}


def test_has_profile_means_a_name_or_an_area_they_told(signed_in, areas):
    named = make_supporter("+919876500001", area=areas["UP"], name="Asha")
    guessed = make_supporter("+919876500002", area=areas["UP"])  # area guessed from the number series
    assert ids(signed_in.get("/staff/supporters/", {"has_profile": "yes"})) == {named.public_id}
    assert ids(signed_in.get("/staff/supporters/", {"has_profile": "no"})) == {guessed.public_id}


def test_joined_between(signed_in, areas, time_machine):
    time_machine.move_to("2026-11-01 10:00 +05:30")
    old = make_supporter("+919876500001", area=areas["UP"])
    time_machine.move_to("2026-11-20 23:30 +05:30")
    new = make_supporter("+919876500002", area=areas["UP"])
    got = ids(signed_in.get("/staff/supporters/", {"joined_from": "2026-11-20", "joined_to": "2026-11-20"}))
    assert got == {new.public_id}
    assert old.public_id in ids(signed_in.get("/staff/supporters/", {"joined_to": "2026-11-01"}))
    bad = signed_in.get("/staff/supporters/", {"joined_from": "2026-11-20", "joined_to": "2026-11-01"})
    assert bad.status_code == 400


@pytest.mark.parametrize("written", ["+91 98765 00001", "098765-00001", "919876500001", "9876500001"])
def test_phone_search_in_any_format(signed_in, areas, written):
    found = make_supporter("+919876500001", area=areas["UP"])
    make_supporter("+919876500002", area=areas["UP"])
    response = signed_in.get("/staff/supporters/", {"q": written})
    assert ids(response) == {found.public_id}
    assert response.context["form"].search_kind == "phone"


def test_bad_phone_is_a_form_error(signed_in, areas):
    assert signed_in.get("/staff/supporters/", {"q": "12345 678"}).status_code == 400


def test_name_search_is_a_case_insensitive_prefix(signed_in, areas):
    ramesh = make_supporter("+919876500001", area=areas["UP"], name="Ramesh Kumar")
    make_supporter("+919876500002", area=areas["UP"], name="Sitaram")
    hindi = make_supporter("+919876500003", area=areas["UP"], name="रमेश")
    assert ids(signed_in.get("/staff/supporters/", {"q": "ram"})) == {ramesh.public_id}
    assert ids(signed_in.get("/staff/supporters/", {"q": "रम"})) == {hindi.public_id}
    assert ids(signed_in.get("/staff/supporters/", {"q": "%"})) == set()  # LIKE wildcards are literal


def test_keyset_pages_cover_everything_once(signed_in, areas, monkeypatch):
    from sampark.supporters.records import views

    monkeypatch.setattr(views, "PAGE_SIZE", 2)
    made = [make_supporter(f"+9198765000{n:02d}", area=areas["UP"]).public_id for n in range(5)]
    seen, cursor_value, pages = [], None, 0
    for _ in range(5):
        response = signed_in.get("/staff/supporters/", {"cursor": cursor_value} if cursor_value else {})
        pages += 1
        seen += [row.public_id for row in response.context["rows"]]
        cursor_value = response.context["next_cursor"]
        if not cursor_value:
            break
    assert seen == list(reversed(made))
    assert pages == 3


@pytest.mark.parametrize("garbage", ["abc", "1", "x" * 500, "MTA:forged", "'; DROP TABLE x; --"])
def test_garbage_cursor_is_400(signed_in, areas, garbage):
    assert signed_in.get("/staff/supporters/", {"cursor": garbage}).status_code == 400


def test_count_uses_indian_grouping(signed_in, areas):
    from sampark.supporters.records.counts import indian

    assert indian(1230000) == "12,30,000"
    assert indian(12300000) == "1,23,00,000"
    assert indian(999) == "999" and indian(1000) == "1,000"
    make_supporter("+919876500001", area=areas["UP"])
    response = signed_in.get("/staff/supporters/", {"lang": "en"})
    assert response.context["total"] == (1, "exact")
    assert "1 supporters" in response.content.decode()


def test_big_lists_show_a_marked_estimate(signed_in, areas, monkeypatch):
    from django.db import connection

    from sampark.supporters.records import counts

    for n in range(3):
        make_supporter(f"+9198765000{n:02d}", area=areas["UP"])
    monkeypatch.setattr(counts, "TRUST_ESTIMATE_FROM", 0)  # as if the planner expected a big list
    monkeypatch.setattr(counts, "EXACT_UP_TO", 1)
    response = signed_in.get("/staff/supporters/", {"lang": "en"})
    number, kind = response.context["total"]
    if connection.vendor == "postgresql":
        assert kind == "estimate" and "about" in response.content.decode()
        assert "an estimate" in response.content.decode()
    else:  # SQLite has no planner estimate: a bounded count
        assert (number, kind) == (1, "at_least")
        assert "more than 1 supporters" in response.content.decode()
