"""The dashboard on /staff/: joins per day (inline SVG chart and a table), call-back queue per child area, SMS
sent and failed, reach rate — for one of the user's areas, from the rollups; volunteers get a link to the desk."""

from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.utils import timezone

from sampark.accounts.models import Role, RoleAssignment
from sampark.core import pii
from sampark.outreach.models import Category, OutboundSms, SmsTemplate
from sampark.supporters.desk.models import CallAttempt
from sampark.supporters.models import Callback
from tests.supporters.factories import make_areas, make_supporter

HOME = "/staff/"


@pytest.fixture
def areas(db):
    return make_areas()


def staff(username, role, area):
    user = get_user_model().objects.create_user(username, password=None, is_staff=True)
    RoleAssignment.objects.create(user=user, role=role, area=area)
    return user


def sms(supporter, status):
    template = SmsTemplate.objects.get_or_create(key="t", language="hi", defaults=dict(
        category=Category.SERVICE_IMPLICIT, body="x {#var#}"))[0]
    now = timezone.now()
    return OutboundSms.objects.create(supporter=supporter, to_cipher=pii.encrypt("+919876500001"), template=template,
                                      body="x", status=status, not_before=now, created_at=now,
                                      public_id=f"s{OutboundSms.objects.count():011d}")


def attempt(supporter, outcome):
    return CallAttempt.objects.create(callback=supporter.callback, supporter=supporter, at=timezone.now(), number=1,
                                      outcome=outcome, mode="reveal")


@pytest.fixture
def lucknow_world(areas):
    """Five joins in Lucknow (two of them three days ago), one in Agra; calls, SMS."""
    earlier = timezone.now() - timedelta(days=3)
    with time_machine.travel(earlier, tick=False):
        old = [make_supporter(f"+91987650010{n}", area=areas["UP-AC-170"]) for n in range(2)]
    fresh = [make_supporter(f"+91987650020{n}", area=areas["UP-AC-171"]) for n in range(3)]
    agra = make_supporter("+919876500300", area=areas["UP-AGR"])
    attempt(old[0], "reached")
    attempt(old[1], "no_answer")
    attempt(fresh[0], "reached")
    attempt(fresh[1], "busy")
    attempt(agra, "reached")
    sms(old[0], OutboundSms.Status.SENT)
    sms(fresh[0], OutboundSms.Status.SENT)
    sms(fresh[1], OutboundSms.Status.FAILED)
    sms(agra, OutboundSms.Status.FAILED)
    sms(fresh[2], OutboundSms.Status.QUEUED)
    Callback.objects.filter(supporter__in=fresh[1:]).update(status=Callback.Status.DONE)
    return {"old": old, "fresh": fresh, "agra": agra}


def dashboard(client, user, **params):
    client.force_login(user)
    # settled: rows younger than two minutes are rolled up at the next view
    with time_machine.travel(timezone.now() + timedelta(minutes=5)):
        response = client.get(HOME, {"lang": "en", **params})
    assert response.status_code == 200
    return response


def test_district_coordinator_sees_their_district(client, areas, lucknow_world):
    response = dashboard(client, staff("coord-lko", Role.COORDINATOR, areas["UP-LKO"]))
    f = response.context["dashboard"]["figures"]
    assert f.joins == 5
    assert [value for _day, value in f.days].count(0) == 28  # two days with joins, Agra not counted
    assert (f.calls, f.reached) == (4, 2)
    assert response.context["dashboard"]["reach_percent"] == 50
    assert (f.sms_sent, f.sms_failed) == (2, 1)  # the queued one is not final yet
    queues = {q.area.code: q.waiting for q in f.queues if q.area and not q.own}
    assert queues == {"UP-AC-170": 2, "UP-AC-171": 1, "UP-AC-173": 0}
    page = response.content.decode()
    assert "Dashboard: Lucknow" in page
    assert "<svg" in page and "<title id=\"joins-svg-title\">" in page and "<desc" in page
    assert page.count("<rect") == 30
    assert "<table" in page and "Joins per day as a table" in page
    assert "Signed in as coord-lko" in page  # "your roles" and "security" stay below


def test_state_sees_both_districts_and_agra_is_not_lucknows(client, areas, lucknow_world):
    f = dashboard(client, staff("lead-up", Role.LEADERSHIP, areas["UP"])).context["dashboard"]["figures"]
    assert f.joins == 6 and (f.calls, f.reached) == (5, 3) and (f.sms_sent, f.sms_failed) == (2, 2)


def test_rolled_up_once_whatever_the_views(client, areas, lucknow_world):
    user = staff("coord-lko", Role.COORDINATOR, areas["UP-LKO"])
    dashboard(client, user)
    make_supporter("+919876500400", area=areas["UP-AC-173"])
    f = dashboard(client, user).context["dashboard"]["figures"]
    assert f.joins == 6


def test_a_user_with_several_areas_picks_one(client, areas, lucknow_world):
    user = staff("coord-two", Role.COORDINATOR, areas["UP-LKO"])
    RoleAssignment.objects.create(user=user, role=Role.COORDINATOR, area=areas["UP-AGR"])
    response = dashboard(client, user)
    assert [a.code for a in response.context["dashboard"]["area_choices"]] == ["UP-AGR", "UP-LKO"]
    f = dashboard(client, user, area="UP-AGR").context["dashboard"]["figures"]
    assert f.joins == 1
    client.force_login(user)
    assert client.get(HOME, {"area": "BR-PAT"}).status_code == 404
    assert client.get(HOME, {"area": "UP"}).status_code == 404  # above their areas
    assert client.get(HOME, {"area": "x" * 5000}).status_code == 404


def test_volunteer_sees_a_link_to_the_desk_and_no_figures(client, areas, lucknow_world):
    client.force_login(staff("asha", Role.VOLUNTEER, areas["UP-LKO"]))
    response = client.get(HOME, {"lang": "en"})
    assert response.context["dashboard"] is None
    page = response.content.decode()
    assert 'href="/staff/desk/"' in page and "Open the call-back desk" in page
    assert "<svg" not in page


def test_counts_come_from_the_rollup_not_the_tables(client, areas, lucknow_world, django_assert_max_num_queries):
    user = staff("coord-lko", Role.COORDINATOR, areas["UP-LKO"])
    dashboard(client, user)  # rolls up
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        dashboard(client, user)
    counted = [q["sql"] for q in queries.captured_queries if "COUNT(" in q["sql"].upper()]
    assert not any('"supporters_supporter"' in sql.split("FROM", 1)[1].split("WHERE")[0] for sql in counted
                   if "FROM" in sql)


def test_oldest_wait_in_hindi(client, areas):
    with time_machine.travel(timezone.now() - timedelta(days=3, hours=2), tick=False):
        make_supporter("+919876500500", area=areas["UP-AC-170"])
    client.force_login(staff("coord-lko", Role.COORDINATOR, areas["UP-LKO"]))
    page = client.get(HOME, {"lang": "hi"}).content.decode()
    assert "3 दिन" in page and "डैशबोर्ड: लखनऊ" in page
