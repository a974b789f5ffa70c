"""Merging two records of one person: one carries on, both numbers find it, history kept, audited."""

from django.utils import timezone

from sampark.accounts.models import Role
from sampark.core.models import AuditEntry
from sampark.supporters.models import Callback, Consent, StageChange, Supporter, SupporterTag, Touch
from sampark.supporters.records import services
from tests.supporters.factories import make_supporter


def _pair(areas, coordinator):
    keep = make_supporter("+919876500001", area=areas["UP-LKO"], call_count=2)
    gone = make_supporter("+919876500002", area=areas["UP-AC-170"], name="Asha", call_count=3)
    now = timezone.now()
    Touch.objects.create(supporter=gone, kind=Touch.Kind.MISSED_CALL, at=now)
    Consent.objects.create(supporter=gone, purpose="join", granted=True, notice_version="v", channel="missed_call",
                           at=now)
    services.add_tag(gone, "kisan", coordinator)
    services.add_tag(keep, "kisan", coordinator)
    services.add_tag(gone, "yuva", coordinator)
    services.move_stage(gone, "active", by=coordinator)
    return keep, gone


def test_merge_page_moves_history_and_both_numbers_find_the_survivor(client, areas, lko_coordinator):
    keep, gone = _pair(areas, lko_coordinator)
    client.force_login(lko_coordinator)
    response = client.post(f"/staff/supporters/{keep.public_id}/merge/",
                           {"other": "098765 00002", "reason": "same person, two SIMs", "confirm": "on"})
    assert response.status_code == 302
    keep.refresh_from_db()
    gone.refresh_from_db()
    assert gone.merged_into_id == keep.pk
    assert (keep.call_count, keep.name, keep.stage) == (5, "Asha", "active")
    assert Touch.objects.filter(supporter=keep).count() == 1 and Consent.objects.filter(supporter=keep).count() == 1
    assert set(SupporterTag.objects.filter(supporter=keep).values_list("tag__name", flat=True)) == {"kisan", "yuva"}
    assert StageChange.objects.filter(supporter=keep).exists()
    assert Callback.objects.get(supporter=gone).status == "cancelled"  # one call-back per person
    assert AuditEntry.objects.filter(action="merge").count() == 2
    # the second number finds the survivor: staff search and the lookup API
    found = client.get("/staff/supporters/", {"q": "9876500002"}).context["rows"]
    assert [s.public_id for s in found] == [keep.public_id]
    page = client.get(f"/staff/supporters/{keep.public_id}/", {"lang": "en"}).content.decode()
    assert "+91 98XXXXXX02" in page


def test_merged_record_cannot_be_merged_again(client, areas, lko_coordinator):
    keep, gone = _pair(areas, lko_coordinator)
    services.merge(keep, gone, by=lko_coordinator, reason="same")
    third = make_supporter("+919876500003", area=areas["UP-LKO"])
    client.force_login(lko_coordinator)
    assert client.post(f"/staff/supporters/{gone.public_id}/merge/",
                       {"other": third.public_id, "reason": "x", "confirm": "on"}).status_code == 404
    response = client.post(f"/staff/supporters/{third.public_id}/merge/",
                           {"other": gone.public_id, "reason": "x", "confirm": "on"})
    assert response.status_code == 400 and response.context["form"].errors["other"]
    assert Supporter.objects.get(pk=third.pk).merged_into_id is None


def test_both_records_must_be_in_scope(client, areas, lko_coordinator):
    keep = make_supporter("+919876500001", area=areas["UP-LKO"])
    other = make_supporter("+919876500002", area=areas["UP-AGR"])
    client.force_login(lko_coordinator)
    response = client.post(f"/staff/supporters/{keep.public_id}/merge/",
                           {"other": "+919876500002", "reason": "x", "confirm": "on"})
    assert response.status_code == 400
    other.refresh_from_db()
    assert other.merged_into_id is None and not AuditEntry.objects.filter(action="merge").exists()


def test_merge_needs_permission_reason_and_confirmation(client, areas, lko_coordinator, make_staff):
    keep, gone = _pair(areas, lko_coordinator)
    client.force_login(lko_coordinator)
    response = client.post(f"/staff/supporters/{keep.public_id}/merge/", {"other": gone.public_id, "reason": ""})
    assert response.status_code == 400
    assert set(response.context["form"].errors) == {"reason", "confirm"}
    client.force_login(make_staff("dpo2", Role.LEADERSHIP, areas["IN"]))
    assert client.post(f"/staff/supporters/{keep.public_id}/merge/",
                       {"other": gone.public_id, "reason": "x", "confirm": "on"}).status_code == 403
    assert Supporter.objects.get(pk=gone.pk).merged_into_id is None


def test_lookup_api_follows_merged_into(client, areas, lko_coordinator):
    import secrets

    from sampark.accounts.models import ApiToken

    keep, gone = _pair(areas, lko_coordinator)
    services.merge(keep, gone, by=lko_coordinator, reason="same")
    token = secrets.token_urlsafe(32)
    ApiToken.objects.create(user=lko_coordinator, digest=ApiToken.digest_of(token))
    response = client.get("/api/v1/supporters/lookup", {"phone": "9876500002"}, HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.json()["id"] == keep.public_id
