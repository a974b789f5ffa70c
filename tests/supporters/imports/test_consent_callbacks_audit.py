"""What an import records: consent "imported from <source>", no SMS, call-backs only when asked, one audit row."""

import json

from sampark.core import pii
from sampark.core.models import AuditEntry
from sampark.supporters.models import Callback, Consent, Supporter, Touch
from tests.supporters.factories import make_supporter

TEXT = "phone,area_code\n9876500001,UP-LKO\n9876500002,\n"


def test_consent_is_recorded_as_imported_from_the_source(areas, run_import, settings):
    run_import(TEXT, "--source", "Lucknow rally 2026")
    consents = list(Consent.objects.all())
    assert len(consents) == 2
    assert {(c.purpose, c.granted, c.channel, c.note) for c in consents} == {
        ("join", True, "import", "imported from Lucknow rally 2026")}
    assert Touch.objects.filter(kind="import").count() == 2


def test_no_sms_and_no_call_back_unless_asked(areas, run_import, settings):
    from sampark.outreach.models import OutboundSms

    run_import(TEXT, "--source", "t")
    assert not OutboundSms.objects.exists()
    assert not Callback.objects.exists()
    assert not (settings.SMS_OUTBOX_DIR / "sms.jsonl").exists()


def test_callback_puts_them_in_their_areas_queue(areas, run_import):
    done = make_supporter("+919876500003", area=areas["UP-LKO"])
    Callback.objects.filter(supporter=done).update(status=Callback.Status.DONE)
    run_import(TEXT + "9876500003,UP-LKO\n", "--source", "t", "--callback")
    one = Supporter.objects.get(phone_index=pii.blind_index("+919876500001"))
    assert (one.callback.status, one.callback.area.code) == (Callback.Status.PENDING, "UP-LKO")
    assert Callback.objects.filter(status=Callback.Status.PENDING, area__isnull=True).count() == 1
    assert Callback.objects.get(supporter=done).status == Callback.Status.DONE  # a finished call-back stays so


def test_one_audit_entry_per_import_with_counts_and_source(areas, run_import):
    run_import(TEXT + "123\n", "--source", "booth list", "--tag", "t1")
    (entry,) = AuditEntry.objects.filter(action=AuditEntry.Action.IMPORT)
    assert entry.actor is None
    assert entry.subject.startswith("import:")
    detail = entry.detail if isinstance(entry.detail, dict) else json.loads(entry.detail)
    assert (detail["source"], detail["imported"], detail["merged"], detail["rejected"]) == ("booth list", 2, 0, 1)
