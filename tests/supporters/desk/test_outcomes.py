"""Recording what came of a call: rounds, call later, leaving for good, and reached filling the profile."""

from datetime import timedelta

import pytest
from django.utils import timezone

from sampark.accounts.models import Role
from sampark.core.models import AuditEntry
from sampark.supporters.desk import queue, services
from sampark.supporters.desk.models import CallAttempt, DoNotCall
from sampark.supporters.models import Callback, Stage, StageChange, Supporter, Touch


@pytest.fixture
def volunteer(make_staff):
    return make_staff("vol", Role.VOLUNTEER, "UP-LKO")


def claimed(volunteer, waiting, **fields):
    supporter = waiting(1, "UP-LKO", **fields)[0]
    assert queue.claim(volunteer, 1)
    return supporter


def test_unanswered_comes_back_after_4_hours_then_the_next_day_for_three_rounds(volunteer, waiting):
    supporter = claimed(volunteer, waiting)
    start = timezone.now()
    callback = services.record_outcome(volunteer, supporter.public_id, "no_answer", now=start)
    assert callback.status == "pending" and callback.due_at == start + timedelta(hours=4) and callback.rounds == 1

    later = start + timedelta(hours=4, minutes=1)
    assert queue.claim(volunteer, 1, now=later)
    callback = services.record_outcome(volunteer, supporter.public_id, "busy", now=later)
    assert callback.due_at == later + timedelta(days=1) and callback.rounds == 2

    last = later + timedelta(days=1, minutes=1)
    assert queue.claim(volunteer, 1, now=last)
    callback = services.record_outcome(volunteer, supporter.public_id, "switched_off", now=last)
    assert callback.status == "failed" and callback.rounds == 3
    assert queue.claim(volunteer, 1, now=last + timedelta(days=5)) == []
    assert list(CallAttempt.objects.filter(supporter=supporter).order_by("number").values_list("number", "outcome")) \
        == [(1, "no_answer"), (2, "busy"), (3, "switched_off")]
    assert Touch.objects.filter(supporter=supporter, kind="callback").count() == 3


def test_call_later_comes_back_at_its_time(volunteer, waiting):
    supporter = claimed(volunteer, waiting)
    at = timezone.now() + timedelta(hours=30)
    callback = services.record_outcome(volunteer, supporter.public_id, "call_later", call_at=at)
    assert callback.status == "pending" and callback.due_at == at and callback.rounds == 0
    assert queue.claim(volunteer, 1) == []
    assert queue.claim(volunteer, 1, now=at + timedelta(seconds=1))


@pytest.mark.parametrize("call_at, problem", [(None, "required"), (-1, "future"), (24 * 61, "at most")])
def test_call_later_needs_a_time_in_the_next_two_months(volunteer, waiting, call_at, problem):
    supporter = claimed(volunteer, waiting)
    at = None if call_at is None else timezone.now() + timedelta(hours=call_at)
    with pytest.raises(services.Invalid, match=problem):
        services.record_outcome(volunteer, supporter.public_id, "call_later", call_at=at)
    assert Callback.objects.get(supporter=supporter).status == "assigned"  # nothing half-written
    assert not CallAttempt.objects.exists()


@pytest.mark.parametrize("outcome, status", [("wrong_number", "failed"), ("not_interested", "done"),
                                             ("do_not_call", "cancelled")])
def test_leaving_for_good(volunteer, waiting, outcome, status):
    supporter = claimed(volunteer, waiting)
    callback = services.record_outcome(volunteer, supporter.public_id, outcome)
    assert callback.status == status and callback.claimed_by is None
    assert DoNotCall.objects.filter(phone_index=supporter.phone_index).exists() == (outcome == "do_not_call")


def test_reached_moves_to_called_back_and_fills_the_profile(volunteer, waiting, areas):
    supporter = claimed(volunteer, waiting)
    services.record_outcome(volunteer, supporter.public_id, "reached", answers={
        "name": "  Sita   Devi ", "district": "UP-LKO", "assembly": "UP-AC-173",
        "interests": ["Farmers", "jobs", "farmers"], "wants_to_volunteer": True})
    saved = Supporter.objects.get(pk=supporter.pk)
    assert saved.name == "Sita Devi" and saved.area.code == "UP-AC-173" and not saved.area_is_guess
    assert saved.wants_to_volunteer and saved.stage == Stage.CALLED_BACK
    assert sorted(saved.tag_links.values_list("tag__name", flat=True)) == ["farmers", "jobs"]
    change = StageChange.objects.get(supporter=saved)
    assert (change.from_stage, change.to_stage, change.by, change.reason) == (
        "new", "called_back", volunteer, "call-back reached")
    assert Callback.objects.get(supporter=saved).status == "done"
    assert AuditEntry.objects.filter(action="change", subject=f"supporter:{saved.public_id}").exists()


def test_reached_keeps_a_later_stage_and_what_was_not_said(volunteer, waiting):
    supporter = claimed(volunteer, waiting, name="Ram", stage=Stage.VOLUNTEER)
    services.record_outcome(volunteer, supporter.public_id, "reached", answers={})
    saved = Supporter.objects.get(pk=supporter.pk)
    assert saved.name == "Ram" and saved.stage == Stage.VOLUNTEER and not StageChange.objects.exists()


@pytest.mark.parametrize("answers, field", [
    ({"district": "UP-AC-173"}, "answers.district"),  # not a district
    ({"district": "UP-AGR", "assembly": "UP-AC-173"}, "answers.assembly"),  # not in that district
    ({"name": "x" * 101}, "answers.name"),
    ({"interests": ["a" * 41]}, "answers.interests"),
    ({"interests": [str(i) for i in range(11)]}, "answers.interests"),
])
def test_bad_answers_name_the_field_and_change_nothing(volunteer, waiting, answers, field):
    supporter = claimed(volunteer, waiting)
    with pytest.raises(services.Invalid) as caught:
        services.record_outcome(volunteer, supporter.public_id, "reached", answers=answers)
    assert caught.value.field == field
    assert Supporter.objects.get(pk=supporter.pk).stage == "new"


def test_only_the_claiming_volunteer_while_the_claim_is_open(volunteer, waiting, make_staff, settings):
    supporter = claimed(volunteer, waiting)
    other = make_staff("other")
    with pytest.raises(services.Refused):
        services.record_outcome(other, supporter.public_id, "busy")
    with pytest.raises(services.Refused):
        services.reveal_number(other, supporter.public_id)
    later = timezone.now() + timedelta(minutes=settings.CLAIM_TIMEOUT_MINUTES + 1)
    with pytest.raises(services.Refused):
        services.record_outcome(volunteer, supporter.public_id, "busy", now=later)


def test_reveal_is_audited_each_time_and_ends_with_the_outcome(volunteer, waiting):
    supporter = claimed(volunteer, waiting)
    assert services.reveal_number(volunteer, supporter.public_id) == "+919876500001"
    assert services.reveal_number(volunteer, supporter.public_id) == "+919876500001"
    assert AuditEntry.objects.filter(action="reveal_phone", subject=f"supporter:{supporter.public_id}",
                                     actor=volunteer).count() == 2
    services.record_outcome(volunteer, supporter.public_id, "reached")
    with pytest.raises(services.Refused):
        services.reveal_number(volunteer, supporter.public_id)


def test_no_reveal_in_bridge_mode(volunteer, waiting, settings):
    settings.CALL_MODE = "bridge"
    supporter = claimed(volunteer, waiting)
    with pytest.raises(services.Refused):
        services.reveal_number(volunteer, supporter.public_id)
    assert not AuditEntry.objects.filter(action="reveal_phone").exists()
