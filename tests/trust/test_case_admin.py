"""The trust desk in the admin: scoped lists, workflow buttons, screenshots and evidence for staff only."""

import zipfile
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from sampark.trust.cases import workflow as cases
from sampark.trust.models import Case, Report
from tests.trust.factories import image_bytes, make_channel

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_cases(client, areas):
    """One case about a Lucknow channel (area Lucknow), one about an Agra channel."""
    from sampark.trust.cases.screenshots import clean

    made = {}
    for code, handle in (("UP-LKO", "samparklko_fan"), ("UP-AGR", "samparkagra_fan")):
        channel = make_channel(f"@{handle}_official", "x", owner=f"Unit {code}", area=areas[code])
        shot = clean(SimpleUploadedFile("s.png", image_bytes("PNG")))
        submitted = cases.submit_report(target=f"https://x.com/{handle}", what="impersonates", screenshot=shot)
        Case.objects.filter(pk=submitted.case.pk).update(area=areas[code], resembles=channel)
        made[code] = submitted.case
    return made


def test_a_coordinator_sees_only_cases_of_their_district(client, make_staff, areas, two_cases):
    client.force_login(make_staff("lko", area=areas["UP-LKO"]))
    listing = client.get("/admin/trust/case/")
    assert listing.status_code == 200
    page = listing.content.decode()
    assert two_cases["UP-LKO"].public_id in page and two_cases["UP-AGR"].public_id not in page
    other = two_cases["UP-AGR"]
    assert client.get(f"/admin/trust/case/{other.pk}/evidence/").status_code == 404
    report = Report.objects.get(case=other)
    assert client.get(f"/admin/trust/case/{other.pk}/screenshot/{report.public_id}/").status_code == 404
    assert client.get(f"/admin/trust/case/{other.pk}/transition/?do=confirm").status_code == 404


def test_screenshots_and_evidence_are_for_staff_only(client, two_cases):
    case = two_cases["UP-LKO"]
    report = Report.objects.get(case=case)
    base = f"/admin/trust/case/{case.pk}"
    for url in (f"{base}/screenshot/{report.public_id}/", f"{base}/evidence/"):
        response = client.get(url)
        assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_staff_open_a_screenshot_and_download_the_pack(client, make_staff, areas, two_cases):
    case = two_cases["UP-LKO"]
    client.force_login(make_staff("lko", area=areas["UP-LKO"]))
    report = Report.objects.get(case=case)
    change = client.get(f"/admin/trust/case/{case.pk}/change/").content.decode()
    shot_url = f"/admin/trust/case/{case.pk}/screenshot/{report.public_id}/"
    assert shot_url in change
    shot = client.get(shot_url)
    assert shot.status_code == 200 and shot["Content-Type"] == "image/png"
    assert b"".join(shot.streaming_content).startswith(b"\x89PNG")
    pack = client.get(f"/admin/trust/case/{case.pk}/evidence/")
    assert pack.status_code == 200 and pack["Content-Type"] == "application/zip"
    names = zipfile.ZipFile(BytesIO(b"".join(pack.streaming_content))).namelist()
    assert {"summary.txt", "reports.csv", "SHA256SUMS"} <= set(names)


def test_workflow_buttons_call_the_services(client, make_staff, areas, two_cases):
    case = two_cases["UP-LKO"]
    staff = make_staff("lko", area=areas["UP-LKO"])
    client.force_login(staff)
    base = f"/admin/trust/case/{case.pk}/transition/"
    change = client.get(f"/admin/trust/case/{case.pk}/change/").content.decode()
    assert f"{base}?do=confirm" in change and f"{base}?do=taken_down" not in change
    assert client.post(base, {"do": "confirm", "note": "clear fake"}).status_code == 302
    refused = client.post(base, {"do": "file", "where": ""})
    assert refused.status_code == 400 and "reported_to" in refused.content.decode()
    assert client.post(base, {"do": "file", "where": "X impersonation form", "reference": "T-1",
                              "at": "2026-11-20T10:30"}).status_code == 302
    case.refresh_from_db()
    assert (case.status, case.reported_to, case.platform_reference) == ("reported", "X impersonation form", "T-1")
    assert case.events.filter(actor=staff, to_status="reported").exists()
    wrong = client.get(f"{base}?do=confirm")  # not possible any more: back to the case with a message
    assert wrong.status_code == 302


def test_bulk_confirm_action(client, make_staff, areas, two_cases):
    client.force_login(make_staff("up", area=areas["UP"]))
    ids = [str(c.pk) for c in two_cases.values()]
    response = client.post("/admin/trust/case/", {"action": "confirm_selected", "_selected_action": ids})
    assert response.status_code == 302
    assert set(Case.objects.values_list("status", flat=True)) == {"confirmed"}


def test_admin_search_finds_a_case_by_its_code_as_read_out(client, make_staff, areas, two_cases):
    from sampark.trust.cases import codes

    client.force_login(make_staff("lko", area=areas["UP-LKO"]))
    case = two_cases["UP-LKO"]
    typed = codes.shown(case.public_id).lower()
    page = client.get("/admin/trust/case/", {"q": typed}).content.decode()
    assert case.public_id in page
    other = codes.shown(two_cases["UP-AGR"].public_id)
    assert two_cases["UP-AGR"].public_id not in client.get("/admin/trust/case/", {"q": other}).content.decode()
