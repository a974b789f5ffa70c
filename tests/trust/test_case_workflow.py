"""Staff move a case new → confirmed → reported → taken down (or dismissed); every change leaves its event, and a
change the workflow does not allow is refused with a reason, changing nothing."""

import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from sampark.trust.cases import workflow as cases
from sampark.trust.models import Case, CaseEvent
from tests.trust.factories import make_channel

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(db):
    return cases.submit_report(target="https://x.com/Sampark_0fficial", what="impersonates",
                               address="203.0.113.5").case


@pytest.fixture
def staff(make_staff, areas):
    return make_staff("desk", area=areas["IN"])


def history(case):
    return list(CaseEvent.objects.filter(case=case).order_by("at", "id").values_list("from_status", "to_status"))


def test_the_whole_way_to_takedown_is_recorded(case, staff):
    cases.confirm(case, actor=staff, note="same photo, 8 instead of B")
    filed_at = timezone.now() - timedelta(hours=1)
    cases.file_with_platform(case, actor=staff, where="X impersonation form", reference="0123-4567", at=filed_at)
    cases.file_with_platform(case, actor=staff, where="cybercrime.gov.in", reference="UP-2026-77")
    cases.mark_taken_down(case, actor=staff, note="account suspended")
    case.refresh_from_db()
    assert case.status == "taken_down" and case.closed_at is not None
    assert (case.reported_to, case.platform_reference, case.reported_at) == ("X impersonation form", "0123-4567",
                                                                            filed_at)
    assert history(case) == [("", "new"), ("new", "confirmed"), ("", ""), ("confirmed", "reported"), ("", ""),
                             ("reported", "taken_down")]
    second_filing = CaseEvent.objects.get(case=case, detail__where="cybercrime.gov.in")
    assert second_filing.actor == staff and second_filing.detail["reference"] == "UP-2026-77"
    assert CaseEvent.objects.filter(case=case, actor=staff, to_status="confirmed",
                                    note="same photo, 8 instead of B").exists()


@pytest.mark.parametrize("steps,refused", [
    ([], "taken_down"),  # new → taken down skips confirmation
    ([], "file"),  # cannot file what nobody confirmed
    (["confirmed"], "confirm"),  # twice
    (["confirmed", "dismissed"], "confirm"),  # dismissed is final
    (["confirmed", "reported", "taken_down"], "dismiss"),  # so is taken down
])
def test_transitions_the_workflow_does_not_allow_are_refused(case, staff, steps, refused):
    do = {
        "confirmed": lambda: cases.confirm(case, actor=staff),
        "reported": lambda: cases.file_with_platform(case, actor=staff, where="X form"),
        "taken_down": lambda: cases.mark_taken_down(case, actor=staff),
        "dismissed": lambda: cases.dismiss(case, actor=staff, note="parody, labelled"),
    }
    for step in steps:
        do[step]()
    before = (Case.objects.get(pk=case.pk).status, CaseEvent.objects.filter(case=case).count())
    with pytest.raises(cases.TransitionRefused, match="status: a .* case cannot become"):
        {"taken_down": do["taken_down"], "file": do["reported"], "confirm": do["confirmed"],
         "dismiss": do["dismissed"]}[refused]()
    assert (Case.objects.get(pk=case.pk).status, CaseEvent.objects.filter(case=case).count()) == before


def test_dismissing_needs_a_reason(case, staff):
    with pytest.raises(cases.TransitionRefused, match="note"):
        cases.dismiss(case, actor=staff, note="  ")
    cases.dismiss(case, actor=staff, note="a fan page that says so")
    assert Case.objects.get(pk=case.pk).status == "dismissed"


def test_a_filing_needs_where_and_cannot_be_in_the_future(case, staff):
    cases.confirm(case, actor=staff)
    with pytest.raises(cases.TransitionRefused, match="reported_to"):
        cases.file_with_platform(case, actor=staff, where="")
    with pytest.raises(cases.TransitionRefused, match="future"):
        cases.file_with_platform(case, actor=staff, where="X form", at=timezone.now() + timedelta(days=1))
    assert Case.objects.get(pk=case.pk).status == "confirmed"


def test_reports_keep_joining_a_case_whatever_its_status(case, staff):
    cases.confirm(case, actor=staff)
    cases.submit_report(target="@sampark_0fficial", platform="x", what="asks_money", address="203.0.113.6")
    case.refresh_from_db()
    assert (case.status, case.report_count, case.reporter_count) == ("confirmed", 2, 2)


@pytest.mark.django_db(transaction=True)
def test_concurrent_first_reports_of_one_target_open_one_case():
    if connection.vendor == "sqlite":
        pytest.skip("SQLite serialises writers; the race needs PostgreSQL")
    make_channel("@SamparkOfficial", "x")
    barrier, errors = threading.Barrier(6), []

    def report(n):
        try:
            barrier.wait()
            cases.submit_report(target="https://x.com/SamparkOfficiaI", what="impersonates", address=f"10.0.0.{n}")
        except Exception as exc:  # collected: the assertion below names it
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=report, args=(n,)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    case = Case.objects.get()
    assert (case.report_count, case.reporter_count) == (6, 6)
    assert CaseEvent.objects.filter(case=case, to_status="new").count() == 1


@pytest.mark.parametrize("fields,problem", [
    ({"target": "  "}, "target"),
    ({"what": "hacked"}, "what"),
    ({"details": "x" * 2001}, "details"),
])
def test_the_report_service_refuses_what_the_form_would(db, fields, problem):
    args = {"target": "@fake_one", "what": "other", "details": ""} | fields
    with pytest.raises(ValueError, match=f"^{problem}:"):
        cases.submit_report(**args)
    assert not Case.objects.exists()
