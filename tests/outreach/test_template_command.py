"""`sampark sms template list|add|set`: templates with GSM-7/UCS-2 segment counts, and refusals naming the option."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from sampark.outreach.models import SmsTemplate


def sms(*args) -> str:
    out = StringIO()
    call_command("sms", "template", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


@pytest.mark.django_db
def test_list_shows_segments_and_what_dlt_fields_are_missing():
    listing = sms("list")
    # English fits GSM-7, Hindi goes as UCS-2 (70 a part, 67 once split)
    assert "confirmation/en  service_implicit  1 × GSM-7 (76/160)  DLT to fill: dlt_entity_id" in listing
    assert "confirmation/hi  service_implicit  2 × UCS-2 (76/67)" in listing
    assert "trust_warning/hi" in listing


@pytest.mark.django_db
def test_set_fills_the_dlt_fields():
    out = sms("set", "confirmation", "hi", "--header", "SAMPRK", "--entity-id", "1101600000000000001",
              "--template-id", "1107160000000000001")
    assert out.startswith("changed confirmation/hi: 2 × UCS-2")
    template = SmsTemplate.objects.get(key="confirmation", language="hi")
    assert (template.header, template.dlt_entity_id, template.dlt_template_id) == (
        "SAMPRK", "1101600000000000001", "1107160000000000001")
    assert "confirmation/hi  service_implicit  2 × UCS-2 (76/67)  header SAMPRK  entity 1101600000000000001" in sms(
        "list")


@pytest.mark.django_db
def test_add_and_deactivate():
    out = sms("add", "--key", "camp_invite", "--language", "en", "--body", "Camp on {#var#} at {#var#}. -SAMPRK",
              "--category", "promotional")
    assert out == "added camp_invite/en: 1 × GSM-7 (39/160)\n"
    sms("set", "camp_invite", "en", "--inactive")
    assert "camp_invite" not in sms("list")
    assert "camp_invite/en  promotional  1 × GSM-7 (39/160)  DLT to fill" in sms("list", "--all")


@pytest.mark.django_db
@pytest.mark.parametrize("args, message", [
    (["add", "--key", "confirmation", "--language", "hi", "--body", "x {#var#}"], "--key: a 'confirmation' template"),
    (["set", "confirmation", "hi", "--body", "no link here"], "--body: a 'confirmation' template has 1 {#var#}"),
    (["set", "confirmation", "hi", "--template-id", "DLT-1"], "--template-id: the DLT platform's ids are digits"),
    (["set", "confirmation", "hi", "--header", "TOO-LONG-HEADER"], "--header: longer than 11 characters"),
    (["set", "nothing", "hi", "--body", "x"], "--key: no 'nothing' template in 'hi'"),
    (["set", "confirmation", "hi"], "nothing to change"),
])
def test_refusals_name_the_option(args, message):
    with pytest.raises(CommandError, match=message.replace("{", r"\{").replace("}", r"\}")):
        sms(*args)
    assert SmsTemplate.objects.get(key="confirmation", language="hi").dlt_template_id == ""
