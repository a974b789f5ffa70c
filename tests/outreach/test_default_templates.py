"""A fresh install (migrations only, no demo) has a Hindi and an English template for each purpose, DLT fields
left to fill, and a new supporter gets the confirmation SMS."""

import json

import pytest

from sampark.outreach import services
from sampark.outreach.defaults import DEFAULTS
from sampark.outreach.models import OutboundSms, SmsTemplate
from sampark.outreach.segments import variable_count
from sampark.telephony import intake


@pytest.mark.django_db
def test_every_purpose_has_hindi_and_english_with_dlt_to_fill():
    shipped = {(t.key, t.language): t for t in SmsTemplate.objects.all()}
    for key, (category, variables, bodies) in DEFAULTS.items():
        for language in ("hi", "en"):
            template = shipped[key, language]
            assert template.active and template.category == category
            assert template.body == bodies[language]  # the migration's copy matches the module's
            assert variable_count(template.body) == variables
            assert template.dlt_missing == ["dlt_entity_id", "dlt_template_id", "header"]


@pytest.mark.django_db
def test_a_missed_call_on_a_fresh_install_gets_its_confirmation(log_call, settings):
    # The test database is built by the migrations, so it holds their rows, unless a transactional test
    # flushed it earlier in this process: then the migration's function writes them again.
    if not SmsTemplate.objects.exists():
        from importlib import import_module

        from django.apps import apps

        import_module("sampark.outreach.migrations.0007_default_templates").add_defaults(apps, None)
    assert log_call("fresh-1", "+91 98765 00001")
    intake.run(once=True)
    message = OutboundSms.objects.get()
    assert message.template.key == "confirmation" and message.template.language == "hi"
    assert services.deliver_due() == 1
    sent = json.loads((settings.SMS_OUTBOX_DIR / "sms.jsonl").read_text())
    assert sent["to"] == "+919876500001" and sent["body"].startswith("सम्पर्क से जुड़ने के लिए धन्यवाद!")
