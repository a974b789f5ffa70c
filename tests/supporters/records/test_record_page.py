"""The record page: scoped, audited on every open, with its history."""

from django.utils import timezone

from sampark.core.models import AuditEntry
from sampark.supporters.models import Consent, Touch
from sampark.supporters.records import services
from tests.supporters.factories import make_supporter


def test_outside_scope_is_404(client, areas, lko_coordinator):
    other = make_supporter("+919876500002", area=areas["UP-AGR"])
    client.force_login(lko_coordinator)
    assert client.get(f"/staff/supporters/{other.public_id}/").status_code == 404
    assert not AuditEntry.objects.filter(action="read").exists()


def test_every_open_is_audited(client, areas, lko_coordinator):
    s = make_supporter("+919876500001", area=areas["UP-LKO"])
    client.force_login(lko_coordinator)
    for _ in range(2):
        assert client.get(f"/staff/supporters/{s.public_id}/").status_code == 200
    rows = AuditEntry.objects.filter(action="read", subject=f"supporter:{s.public_id}")
    assert rows.count() == 2 and rows.first().actor == lko_coordinator


def test_shows_timeline_consents_tags_and_stage_history(client, areas, lko_coordinator):
    s = make_supporter("+919876500001", area=areas["UP-LKO"])
    now = timezone.now()
    Touch.objects.create(supporter=s, kind=Touch.Kind.MISSED_CALL, at=now)
    Touch.objects.create(supporter=s, kind=Touch.Kind.SMS, at=now + timezone.timedelta(minutes=1))
    Consent.objects.create(supporter=s, purpose="join", granted=True, notice_version="2026-11", channel="missed_call",
                           at=now)
    services.add_tag(s, "kisan", lko_coordinator)
    services.move_stage(s, "active", by=lko_coordinator, reason="came to the meeting")
    client.force_login(lko_coordinator)
    response = client.get(f"/staff/supporters/{s.public_id}/", {"lang": "en"})
    body = response.content.decode()
    touches = response.context["touches"]
    assert [t.kind for t in touches] == ["sms", "missed_call"]  # newest first
    assert "kisan" in body and "came to the meeting" in body and "lko-coord" in body
    assert "2026-11" in body
    assert "9876500001" not in body


def test_volunteer_cannot_open_a_record(client, areas, make_staff):
    from sampark.accounts.models import Role

    s = make_supporter("+919876500001", area=areas["UP-LKO"])
    client.force_login(make_staff("vol", Role.VOLUNTEER, areas["UP-LKO"]))
    assert client.get(f"/staff/supporters/{s.public_id}/").status_code == 403
