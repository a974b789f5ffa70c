"""Editing a record: a reason is required, the area stays inside the editor's scope, every change is audited."""

from sampark.core.models import AuditEntry
from sampark.supporters.models import Callback, StageChange, Supporter
from tests.supporters.factories import make_supporter


def _form(**changes):
    data = {"name": "", "language": "hi", "area": "UP-LKO", "gender": "", "age_band": "", "village": "",
            "pin_code": "", "stage": "new", "reason": "asked on the phone"}
    data.update(changes)
    return data


def test_edit_with_reason_changes_and_audits(client, areas, lko_coordinator):
    s = make_supporter("+919876500001", area=areas["UP-LKO"])
    client.force_login(lko_coordinator)
    response = client.post(f"/staff/supporters/{s.public_id}/edit/",
                           _form(name="Asha Devi", area="UP-AC-170", pin_code="226001", wants_to_volunteer="on",
                                 stage="active"))
    assert response.status_code == 302
    s.refresh_from_db()
    assert (s.name, s.area.code, s.area_is_guess, s.pin_code, s.wants_to_volunteer, s.stage) == (
        "Asha Devi", "UP-AC-170", False, "226001", True, "active")
    entry = AuditEntry.objects.get(action="change", subject=f"supporter:{s.public_id}")
    assert set(entry.detail["fields"]) == {"name", "area", "pin_code", "wants_to_volunteer", "stage"}
    assert entry.detail["reason"] == "asked on the phone"
    assert "9876500001" not in str(entry.detail)
    change = StageChange.objects.get(supporter=s)
    assert (change.from_stage, change.to_stage, change.by, change.reason) == (
        "new", "active", lko_coordinator, "asked on the phone")
    assert Callback.objects.get(supporter=s).area.code == "UP-AC-170"  # the waiting call-back follows


def test_reason_is_required(client, areas, lko_coordinator):
    s = make_supporter("+919876500001", area=areas["UP-LKO"])
    client.force_login(lko_coordinator)
    response = client.post(f"/staff/supporters/{s.public_id}/edit/", _form(name="X", reason=""))
    assert response.status_code == 400
    assert response.context["form"].errors["reason"]
    s.refresh_from_db()
    assert s.name == "" and not AuditEntry.objects.filter(action="change").exists()


def test_area_outside_scope_is_refused(client, areas, lko_coordinator):
    s = make_supporter("+919876500001", area=areas["UP-LKO"])
    client.force_login(lko_coordinator)
    response = client.post(f"/staff/supporters/{s.public_id}/edit/", _form(area="UP-AGR", name="Moved"))
    assert response.status_code == 400
    assert response.context["form"].errors["area"]
    s.refresh_from_db()
    assert s.area.code == "UP-LKO" and s.name == ""


def test_bad_pin_names_the_field(client, areas, lko_coordinator):
    s = make_supporter("+919876500001", area=areas["UP-LKO"])
    client.force_login(lko_coordinator)
    response = client.post(f"/staff/supporters/{s.public_id}/edit/", _form(pin_code="012345"))
    assert response.status_code == 400 and response.context["form"].errors["pin_code"]


def test_merged_record_cannot_be_edited(client, areas, lko_coordinator):
    keep = make_supporter("+919876500001", area=areas["UP-LKO"])
    gone = make_supporter("+919876500002", area=areas["UP-LKO"])
    Supporter.objects.filter(pk=gone.pk).update(merged_into=keep)
    client.force_login(lko_coordinator)
    assert client.post(f"/staff/supporters/{gone.public_id}/edit/", _form(name="X")).status_code == 404


def test_no_change_writes_no_audit_row(client, areas, lko_coordinator):
    s = make_supporter("+919876500001", area=areas["UP-LKO"])
    client.force_login(lko_coordinator)
    assert client.post(f"/staff/supporters/{s.public_id}/edit/", _form()).status_code == 302
    assert not AuditEntry.objects.filter(action="change").exists()
