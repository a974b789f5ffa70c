"""Confirming a fake queues one warning SMS per supporter in the impersonated channel's area, in their language,
through the outbox — once per case, in chunks, resumable."""

import json

import pytest

from sampark.outreach import services as outreach
from sampark.outreach.backends.file import outbox_path
from sampark.outreach.models import OutboundSms
from sampark.trust.cases import warning as case_warning
from sampark.trust.cases import workflow as cases
from sampark.trust.models import Case, CaseEvent
from tests.trust.factories import make_channel

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def immediate_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def lucknow(areas, make_supporter, warning_templates):
    channel = make_channel("@SamparkLucknow", "x", owner="Sampark Lucknow", owner_hi="सम्पर्क लखनऊ",
                           area=areas["UP-LKO"])
    make_supporter("+919876500001", area=areas["UP-LKO"], language="hi")
    make_supporter("+919876500002", area=areas["UP-LKO"], language="en")
    make_supporter("+919876500003", area=areas["UP-LKO"], contact_consent=False)  # said no: never messaged
    make_supporter("+919876500004", area=areas["UP-AGR"])  # another district
    make_supporter("+919876500005", area=None)  # area unknown
    case = cases.submit_report(target="https://x.com/SamparkLucknow_", what="asks_personal_data").case
    Case.objects.filter(pk=case.pk).update(resembles=channel, area=areas["UP-LKO"], score=0.93)
    case.refresh_from_db()
    return case


def outbox() -> list[dict]:
    path = outbox_path()
    return [json.loads(line) for line in path.read_text().splitlines()] if path.exists() else []


def test_confirming_warns_the_supporters_of_the_area_in_their_language(lucknow, make_staff, areas,
                                                                      django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        cases.confirm(lucknow, actor=make_staff("desk", area=areas["IN"]))
    lucknow.refresh_from_db()
    assert lucknow.warning_queued_at is not None and lucknow.warning_finished_at is not None
    assert lucknow.warning_recipients == 2
    sent = {m["to"]: m for m in outbox()}
    assert set(sent) == {"+919876500001", "+919876500002"}
    hindi, english = sent["+919876500001"], sent["+919876500002"]
    assert hindi["body"].startswith("सावधान! https://x.com/SamparkLucknow_ नकली है")
    assert "@SamparkLucknow ." in hindi["body"]
    assert english["body"] == ("FAKE: https://x.com/SamparkLucknow_ is not Sampark. Official: @SamparkLucknow . "
                               "Never share OTP, Aadhaar, bank details or money. -SAMPRK")
    assert english["category"] == "service_implicit" and english["header"] == "SAMPRK"
    assert CaseEvent.objects.filter(case=lucknow, note="supporters' warning queued").count() == 1


def test_a_national_channel_warns_everyone_who_did_not_refuse(lucknow, areas, django_capture_on_commit_callbacks):
    Case.objects.filter(pk=lucknow.pk).update(area=areas["IN"])
    with django_capture_on_commit_callbacks(execute=True):
        cases.confirm(lucknow, actor=None)
    assert len(outbox()) == 4  # all but the one who said no


def test_never_twice_for_one_case(lucknow, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        cases.confirm(lucknow, actor=None)
        with pytest.raises(cases.TransitionRefused, match="already queued"):
            cases.queue_warning(lucknow, actor=None)
    assert case_warning.queue_case_warning.call(lucknow.pk) == 0  # the task run again queues nothing
    assert OutboundSms.objects.count() == 2


def test_chunks_continue_where_they_stopped(lucknow, make_supporter, areas):
    for n in range(10, 17):
        make_supporter(f"+9198765000{n}", area=areas["UP-LKO"])
    Case.objects.filter(pk=lucknow.pk).update(status="confirmed")
    lucknow.refresh_from_db()
    assert case_warning.start(lucknow, actor=None)
    assert case_warning.queue_chunk(lucknow.pk, size=3) == 3
    assert case_warning.queue_chunk(lucknow.pk, size=3) == 3  # e.g. the worker died here; a rerun goes on
    assert case_warning.queue_case_warning.call(lucknow.pk) == 3
    recipients = list(OutboundSms.objects.values_list("supporter_id", flat=True))
    assert len(recipients) == len(set(recipients)) == 9
    assert Case.objects.get(pk=lucknow.pk).warning_recipients == 9


def test_no_official_channel_means_no_warning_and_says_why(lucknow, django_capture_on_commit_callbacks):
    Case.objects.filter(pk=lucknow.pk).update(resembles=None)
    lucknow.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        cases.confirm(lucknow, actor=None)
    lucknow.refresh_from_db()
    assert lucknow.status == "confirmed" and lucknow.warning_queued_at is None
    assert CaseEvent.objects.filter(case=lucknow, note__contains="no official channel").exists()
    assert not OutboundSms.objects.exists()


def test_long_handles_are_cut_to_the_dlt_variable_limit(lucknow):
    Case.objects.filter(pk=lucknow.pk).update(target_display="https://x.com/" + "a" * 60)
    lucknow.refresh_from_db()
    fake, official = case_warning.variables(lucknow)
    assert len(fake) == 30 and fake.endswith("…") and official == "@SamparkLucknow"


def test_the_warning_is_one_sms_in_english_and_at_most_three_in_hindi(lucknow):
    from sampark.outreach.segments import count

    Case.objects.filter(pk=lucknow.pk).update(target_display="x" * 30)
    lucknow.refresh_from_db()
    texts = case_warning.preview(lucknow)
    assert count(texts["en"]).segments == 1 and count(texts["hi"]).segments <= 3


def test_queued_warnings_are_delivered_by_the_outreach_worker(lucknow):
    Case.objects.filter(pk=lucknow.pk).update(status="confirmed")
    lucknow.refresh_from_db()
    case_warning.start(lucknow, actor=None)
    case_warning.queue_case_warning.call(lucknow.pk)
    assert not outbox()
    assert outreach.deliver_due() == 2
    assert set(OutboundSms.objects.values_list("status", flat=True)) == {"sent"}
    assert len(outbox()) == 2
