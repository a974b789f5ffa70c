"""Published numbers and SMS templates are deactivated, never deleted: calls, supporters and messages keep
pointing at them, and no database constraint would catch a dangling reference (docs/intake.md)."""

import pytest

from sampark.outreach.models import SmsTemplate
from sampark.telephony.models import PublishedNumber
from sampark.telephony.services import add_number

pytestmark = pytest.mark.django_db


@pytest.fixture
def exotel_number():
    return add_number(provider="exotel", slug="ex", number="+911140000001", secret="exo-key")


def test_the_admin_offers_no_delete_for_a_published_number(admin_client, exotel_number):
    answer = admin_client.post(f"/admin/telephony/publishednumber/{exotel_number.pk}/delete/", {"post": "yes"})
    assert answer.status_code == 403
    assert PublishedNumber.objects.filter(pk=exotel_number.pk).exists()
    change_page = admin_client.get(f"/admin/telephony/publishednumber/{exotel_number.pk}/change/")
    assert change_page.status_code == 200 and b"deletelink" not in change_page.content


def test_the_admin_offers_no_delete_for_an_sms_template(admin_client, confirmation_templates):
    template = confirmation_templates[0]
    answer = admin_client.post(f"/admin/outreach/smstemplate/{template.pk}/delete/", {"post": "yes"})
    assert answer.status_code == 403
    assert SmsTemplate.objects.filter(pk=template.pk).exists()
